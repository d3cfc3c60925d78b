// A ledger build tells how far it has got: the documents read of the active ones (at most every
// ~1 % or 2 s, and at the end), then each stage after reading, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import {
  LEDGER_BUILD_STAGES,
  type LedgerBuildProgress,
  readingProgress,
} from '../../src/corroborate/build-progress.js';
import { incrementalLedgerLoader, loadLedger, REVIEW_ACTIONS } from '../../src/corroborate/load-ledger.js';
import { listAllDocuments, loadLedgerDigests } from '../../src/ingest/stored-documents.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** Short wire reports we wrote; one of them is retracted, so 4 documents are read of 5 stored. */
const REPORTS = [
  [
    'dawn-wire',
    '2026-05-02',
    'Drone strikes depot near Erbil\n\nA drone struck a fuel depot near Erbil on Friday, officials said.\n',
  ],
  [
    'plains-post',
    '2026-05-02',
    'Depot near Erbil hit\n\nA drone attack hit a fuel depot outside Erbil on Friday, a security source said.\n',
  ],
  [
    'harbour-news',
    '2026-05-03',
    'Shelling in Kharkiv\n\nArtillery shells hit a market in Kharkiv on Saturday, wounding four people, the governor said.\n',
  ],
  [
    'ridge-daily',
    '2026-05-04',
    'Checkpoint attacked near Mosul\n\nGunmen attacked a checkpoint near Mosul on Sunday, wounding two soldiers, police said.\n',
  ],
  [
    'old-sheet',
    '2026-05-01',
    'Clashes in Aleppo\n\nFighters clashed in Aleppo on Thursday, residents said.\n',
  ],
] as const;

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  for (const [id, date, text] of REPORTS)
    await store.putDocument({ record: analyzeText(text, { id, date }) });
  await store.setDocumentStatus('old-sheet', 'retracted');
});
afterAll(async () => store.close());

function recorder(): { heard: LedgerBuildProgress[]; onProgress: (p: LedgerBuildProgress) => void } {
  const heard: LedgerBuildProgress[] = [];
  return { heard, onProgress: (p) => heard.push(p) };
}

const stagesOf = (heard: readonly LedgerBuildProgress[]) =>
  heard.map((p) => p.stage).filter((stage, i, all) => all[i - 1] !== stage);

describe('the progress of a ledger build', () => {
  it('loadLedgerDigests counts the active documents read up to their total', async () => {
    const { heard, onProgress } = recorder();
    const digests = await loadLedgerDigests(store, await listAllDocuments(store), { onProgress });
    expect(digests).toHaveLength(4);
    expect(heard.every((p) => p.stage === 'reading' && p.documents === 4)).toBe(true);
    expect(heard.map((p) => p.documentsRead)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['loadLedger', () => loadLedger],
    ['incrementalLedgerLoader', () => incrementalLedgerLoader()],
  ])('%s reports every stage in order, the documents read reaching the total', async (_name, loader) => {
    const { heard, onProgress } = recorder();
    const ledger = await loader()(store, { onProgress });
    expect(stagesOf(heard)).toEqual([...LEDGER_BUILD_STAGES]);
    const last = heard[heard.length - 1];
    expect(last).toEqual({ stage: 'checking', documentsRead: 4, documents: 4 });
    expect(ledger.documents).toHaveLength(4);
    const read = heard.filter((p) => p.stage === 'reading').map((p) => p.documentsRead);
    expect(read).toEqual([...read].sort((a, b) => a - b));
  });

  it('a load that only applies a review starts at assembling', async () => {
    const load = incrementalLedgerLoader();
    const first = await load(store);
    const member = first.events[0]?.members[0];
    if (member === undefined) throw new Error('the test ledger has no event');
    await store.appendAudit({
      actor: 'amira',
      action: REVIEW_ACTIONS['set-status'],
      subject: 'event',
      after: {
        kind: 'set-status',
        member,
        status: 'confirmed',
        by: 'amira',
        at: '2026-05-05T09:00:00Z',
        note: null,
      },
    });
    const { heard, onProgress } = recorder();
    await load(store, { onProgress });
    expect(stagesOf(heard)).toEqual(['listing', 'assembling', 'checking']);
    expect(heard[heard.length - 1]).toEqual({ stage: 'checking', documentsRead: 4, documents: 4 });
  });
});

describe('readingProgress', () => {
  it.each<[string, number, number[], number[]]>([
    // documents, milliseconds at each document read → the counts reported
    ['every document of a small ledger', 3, [0, 0, 0], [1, 2, 3]],
    [
      'every 1 % of a large one, and the last',
      1000,
      Array(1000).fill(0),
      [...Array.from({ length: 100 }, (_, i) => i * 10 + 1), 1000],
    ],
    [
      'every 2 s when reading is slow (checked every 64 documents)',
      100_000,
      Array.from({ length: 200 }, (_, i) => i * 100),
      [1, 64, 128, 192, 200],
    ],
  ])('reports %s', (_name, documents, times, expected) => {
    let now = 0;
    const reported: number[] = [];
    const read = readingProgress(
      (p) => reported.push(p.documentsRead),
      documents,
      () => now,
    );
    for (const at of times) {
      now = at;
      read();
    }
    read.done();
    expect(reported).toEqual(expected);
  });
});
