import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../../../src/analyze.js';
import { loadDefaultGazetteer } from '../../../src/geo/gazetteer.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';

/** A report we wrote (a fictional strike at a real base) whose claims state an area and a share. */
export const HARIR_REPORT = {
  id: 'north-wire-9',
  date: '2024-02-28',
  text:
    'Drones hit hangars at the Harir air base\n\n' +
    'Armed drones struck two hangars at the Harir air base near Erbil on Tuesday, destroying 13,700 square feet, ' +
    'or 1,300 square meters, of buildings, a militia spokesman said. ' +
    'The spokesman said that 50 percent of the base was damaged in the attack.',
} as const;

/** A hangar outline of about 1,300 m² (36.06 m × 36.06 m) near Harir, and the base around it. */
export function square(
  lon: number,
  lat: number,
  sideM: number,
): { type: 'Polygon'; coordinates: number[][][] } {
  const dLat = sideM / 111_194.93;
  const dLon = dLat / Math.cos(((lat + dLat / 2) * Math.PI) / 180);
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + dLon, lat],
        [lon + dLon, lat + dLat],
        [lon, lat + dLat],
        [lon, lat],
      ],
    ],
  };
}

/**
 * A fresh ledger (SQLite in a temporary folder, or the empty database at `location`) holding `HARIR_REPORT` (read by the real reader,
 * embedded gazetteer only), its folder, and a function that closes and removes it.
 *
 * @example const { store, dir, dispose } = await measurementLedger();
 */
export async function measurementLedger(
  clock: () => Date = () => new Date('2024-03-07T09:00:00.000Z'),
  location?: string,
): Promise<{ store: Store; dir: string; db: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-measure-'));
  const db = location ?? join(dir, 'ledger.sqlite');
  const store = await openStore(db, { clock });
  const gazetteer = await loadDefaultGazetteer(join(dir, 'no-local-places.jsonl.gz'));
  await store.putDocument({
    record: analyzeText(HARIR_REPORT.text, { id: HARIR_REPORT.id, date: HARIR_REPORT.date, gazetteer }),
  });
  return {
    store,
    dir,
    db,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
