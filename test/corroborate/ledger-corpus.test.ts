// The ledger's quality bars (issue #6) on the corpus we wrote (test/corpus/ledger/): origin
// grouping exact, event clustering pairwise F1 ≥ 0.9, the expected contradictions found, tally
// checks with the expected status. Prints the scores and the reader's misses.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/corroborate/build-ledger.js';
import type { Ledger } from '../../src/types/ledger.js';
import {
  anchorSpan,
  type CorpusDocument,
  compareLedger,
  type ExpectedLedger,
  type LedgerComparison,
  loadLedgerCorpus,
  readCorpusDocuments,
} from '../corpus/ledger/read-corpus.js';

/** The bar of the issue. */
const MIN_PAIRWISE_F1 = 0.9;

let expected: ExpectedLedger;
let documents: CorpusDocument[];
let ledger: Ledger;
let comparison: LedgerComparison;

beforeAll(async () => {
  const corpus = loadLedgerCorpus();
  expected = corpus.expected;
  documents = await readCorpusDocuments(corpus.manifest);
  ledger = buildLedger(documents);
  comparison = compareLedger(expected, documents, ledger);
  const c = comparison.clustering;
  const lines = [
    `ledger corpus: ${documents.length} reports, ${expected.events.length} events, ${ledger.events.length} ledger events, ${ledger.origins.length} origins (expected ${expected.origins.length})`,
    `event clustering: P ${c.precision.toFixed(3)} R ${c.recall.toFixed(3)} F1 ${c.f1.toFixed(3)} (${c.correctPairs} of ${c.expectedPairs} expected pairs, ${c.predictedPairs} predicted)`,
    ...comparison.readerMisses.map(
      (m) => `  reader miss: ${m.documentId}: "${m.sentence.trim()}" (${m.event})`,
    ),
    ...c.missedPairs.map((p) => `  pair split: ${p}`),
    ...c.wrongPairs.map((p) => `  pair merged wrongly: ${p}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}, 120_000);

describe('ledger corpus', () => {
  it('has at least 40 reports and every document in exactly one expected origin', () => {
    expect(documents.length).toBeGreaterThanOrEqual(40);
    const grouped = expected.origins.flat().sort();
    expect(grouped).toEqual(documents.map((d) => d.id).sort());
  });

  it('names every expected report event and contradiction side by words that occur once in its report', () => {
    const records = new Map(documents.map((d) => [d.id, d.record]));
    const anchors = [
      ...expected.events.flatMap((e) => e.members),
      ...expected.contradictions.flatMap((c) => [...c.sides[0], ...c.sides[1]]),
    ];
    for (const { documentId, anchor } of anchors) {
      const record = records.get(documentId);
      expect(record, documentId).toBeDefined();
      if (record) expect(() => anchorSpan(record, anchor)).not.toThrow();
    }
  });

  it('groups copies into origins exactly (reprints, republications, wire stories)', () => {
    expect(comparison.origins.actual).toEqual(comparison.origins.expected);
  });

  it(`clusters report events of the same event with pairwise F1 ≥ ${MIN_PAIRWISE_F1}`, () => {
    expect(comparison.clustering.f1).toBeGreaterThanOrEqual(MIN_PAIRWISE_F1);
  });

  it('keeps apart attacks on the same base a week apart and attacks on the same day elsewhere', () => {
    const wrong = comparison.clustering.wrongPairs;
    expect(wrong).toEqual([]);
  });

  it('builds the same ledger whatever order the reports arrive in', () => {
    const reversed = buildLedger([...documents].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(ledger));
  });

  it.each(loadLedgerCorpus().expected.contradictions.map((c) => [c.about, c] as const))(
    'flags the contradiction: %s',
    (about) => {
      expect(comparison.contradictions.find((c) => c.about === about)?.found).toBe(true);
    },
  );

  it.each(loadLedgerCorpus().expected.tallies.map((t) => [t.about, t.status] as const))(
    'checks the tally %s as %s',
    (about, status) => {
      const actual = comparison.tallies.find((t) => t.about === about)?.actual ?? [];
      expect(actual.length).toBeGreaterThan(0);
      expect(actual.every((s) => s === status)).toBe(true);
    },
  );
});
