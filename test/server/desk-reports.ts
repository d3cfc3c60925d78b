import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../../src/analyze.js';
import { loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** Short reports we wrote (fictional events at real places), read by the real reader. */
export const DESK_REPORTS = [
  {
    id: 'north-desk-1',
    date: '2024-02-28',
    text:
      'Drone strikes the Harir base near Erbil\n\n' +
      'A drone struck the Harir air base on Tuesday night, a spokesman for the regional ministry said. ' +
      'Militia leaders denied any role in the attack on the base.',
  },
  {
    id: 'river-post-2',
    date: '2024-03-05',
    text:
      'Shelling hits market in Kharkiv\n\n' +
      'Artillery shells hit a market in Kharkiv on Monday, killing three people, the regional governor said. ' +
      'Police said the shelling damaged several shops.',
  },
  {
    id: 'script-page-3',
    date: '2024-03-06',
    text:
      'Checkpoint attacked <script>alert("owned")</script> near Mosul\n\n' +
      'Gunmen attacked a checkpoint near Mosul on Wednesday, wounding two soldiers, ' +
      'a security official said. <img src=x onerror="alert(1)"> The army said the attackers fled.',
  },
] as const;

/**
 * A fresh ledger holding `DESK_REPORTS` (SQLite in a temporary folder, or the empty database at
 * `location`), and a function that closes it and removes the folder.
 *
 * @example const { store, dispose } = await deskStore();
 */
export async function deskStore(
  clock: () => Date = () => new Date('2024-03-07T09:00:00.000Z'),
  location?: string,
): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-desk-'));
  const store = await openStore(location ?? join(dir, 'ledger.sqlite'), { clock });
  // The embedded gazetteer only (not the working directory's store), so places are the same everywhere.
  const gazetteer = await loadDefaultGazetteer(join(dir, 'no-local-places.jsonl.gz'));
  for (const report of DESK_REPORTS) {
    await store.putDocument({
      record: analyzeText(report.text, { id: report.id, date: report.date, gazetteer }),
    });
  }
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
