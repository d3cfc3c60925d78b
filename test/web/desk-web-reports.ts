import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../../src/analyze.js';
import { loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * Reports we wrote for the web UI's browser tests (fictional events at real places): a
 * town-precise strike, a province-precise one, one whose text tries to run script, and a
 * shelling denied by the other side.
 */
export const WEB_REPORTS = [
  {
    id: 'harbour-wire-1',
    date: '2024-05-10',
    text:
      'Drone strike hits fuel depot in Odesa\n\n' +
      'A drone struck a fuel depot in Odesa on Thursday, the regional governor said. ' +
      'Firefighters put out the blaze by the morning.',
  },
  {
    id: 'nineveh-daily-2',
    date: '2024-05-12',
    text:
      'Rockets hit army post in Nineveh province\n\n' +
      'Rockets hit an army post in Nineveh province on Saturday, a security official said. ' +
      'No group claimed the attack.',
  },
  {
    id: 'xss-gazette-3',
    date: '2024-05-13',
    text:
      'Checkpoint attacked <script>window.__pwned=1</script> near Kirkuk\n\n' +
      'Gunmen attacked a checkpoint near Kirkuk on Sunday, wounding two soldiers, a police officer said. ' +
      '<img src=x onerror="window.__pwned=1"> The attackers fled.',
  },
  {
    id: 'kharkiv-post-4',
    date: '2024-05-15',
    text:
      'Shelling hits market in Kharkiv\n\n' +
      'Artillery shells hit a market in Kharkiv on Tuesday, killing three people, the regional governor said. ' +
      'The army denied shelling the market.',
  },
] as const;

/**
 * A fresh SQLite ledger holding `reports` (read by the real reader with the embedded gazetteer),
 * and a function that removes it.
 *
 * @example const { store, dispose } = await webStore();
 */
export async function webStore(
  reports: readonly { id: string; date: string; text: string }[] = WEB_REPORTS,
): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-web-'));
  const store = await openStore(join(dir, 'ledger.sqlite'));
  const gazetteer = await loadDefaultGazetteer(join(dir, 'no-local-places.jsonl.gz'));
  for (const report of reports) {
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

/** Six outlets' own accounts of one drone strike (fictional, at a real place). */
const SUBSTATION_ACCOUNTS = [
  'A drone struck a power substation in Mykolaiv on Wednesday night, cutting electricity to several districts, the regional governor said.',
  'Drones hit an electricity substation in Mykolaiv late on Wednesday and caused a fire, the state energy company said.',
  'A power substation in Mykolaiv was hit by a drone on Wednesday, leaving thousands without power, the mayor told reporters.',
  'An air force spokesman said a drone damaged a substation in Mykolaiv on Wednesday night.',
  'Firefighters put out a blaze at a Mykolaiv power substation hit by a drone on Wednesday, the emergency service said.',
  'Residents of Mykolaiv lost power after a drone struck a substation on Wednesday, a city council official said.',
];

/** The headlines other sites put over a copy of an account. */
const SUBSTATION_HEADLINES = [
  'Drone hits power substation in Mykolaiv',
  'Mykolaiv substation struck by drone',
  'Power cut in Mykolaiv after drone strike',
  'Drone strike on Mykolaiv substation',
  'Mykolaiv: drone hits power facility',
];

/** How many sites carry each account: the governor's is copied far and wide. */
const SUBSTATION_COPIES = [28, 2, 2, 1, 1, 1];

/**
 * One drone strike reported 35 times: six accounts, each copied by sites under their own
 * headline, the first by 28 of them. The reader joins them into one event of more claims,
 * sources and report events than an event page shows at first (25 of each), with an origin of
 * more copies than it lists.
 */
export const LONG_EVENT_REPORTS = SUBSTATION_ACCOUNTS.flatMap((account, i) =>
  Array.from({ length: SUBSTATION_COPIES[i] ?? 1 }, (_, copy) => {
    const headline = SUBSTATION_HEADLINES[copy % SUBSTATION_HEADLINES.length] ?? '';
    const site = copy < SUBSTATION_HEADLINES.length ? '' : ` (site ${copy + 1})`;
    return {
      id: `substation-${i + 1}-copy-${copy + 1}`,
      date: '2024-06-13',
      text: `${headline}${site}\n\n${account}`,
    };
  }),
);
