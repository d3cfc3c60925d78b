// The ledger builder works from document digests (what it needs of each record, taken while the
// record is in hand): a ledger built from digests that share nothing with their records
// (structured-cloned, as the desk's loader keeps them) is the ledger built from the documents,
// with and without review decisions; and the store's records, streamed a page at a time and
// digested, give the ledger of the records read whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLedger, LedgerBuilder, type LedgerInputDocument } from '../../src/corroborate/build-ledger.js';
import { digestDocument } from '../../src/corroborate/document-digest.js';
import { shingleHashes } from '../../src/corroborate/near-duplicates.js';
import { type Gazetteer, loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import {
  forEachLedgerInput,
  loadLedgerDigests,
  loadLedgerInputs,
} from '../../src/ingest/stored-documents.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { Ledger, ReviewDecision } from '../../src/types/ledger.js';
import { HARIR_REPORTS } from './harir-reports.js';
import { HODEIDAH_REPORTS } from './hodeidah-reports.js';
import { EXAMPLE_FILES, exampleInput, ledgerInput, type TestReport } from './ledger-reports.js';
import { ORIGIN_REPORTS } from './origin-reports.js';
import { TALLY_REPORTS } from './tally-reports.js';

const EXAMPLES = EXAMPLE_FILES;

let gazetteer: Gazetteer;
const sets = new Map<string, LedgerInputDocument[]>();

beforeAll(async () => {
  gazetteer = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
  const read = (reports: TestReport[]) => reports.map((r) => ledgerInput(r, gazetteer));
  sets.set('the Harir reports (tallies, a denial)', read(HARIR_REPORTS));
  sets.set('the Hodeidah reports (casualty counts that disagree)', read(HODEIDAH_REPORTS));
  sets.set('the origin reports (reprints, notices, wire credits)', read(ORIGIN_REPORTS));
  sets.set('the tally reports', read(TALLY_REPORTS));
  sets.set(
    'the bundled examples',
    EXAMPLES.map((file) => exampleInput(file, gazetteer)),
  );
});

/** Review decisions over a ledger's first events and claim: a merge, a status change, a split, a rating. */
function someDecisions(ledger: Ledger): ReviewDecision[] {
  const meta = { by: 'amira', at: '2026-03-07T09:00:00Z', note: null };
  const [a, b, c] = ledger.events;
  const claim = ledger.claims[0];
  return [
    ...(a?.members[0] && b?.members[0]
      ? [{ kind: 'merge' as const, members: [a.members[0], b.members[0]], ...meta }]
      : []),
    ...(c?.members[0]
      ? [{ kind: 'set-status' as const, member: c.members[0], status: 'confirmed' as const, ...meta }]
      : []),
    ...(c?.members[1] ? [{ kind: 'split' as const, members: [c.members[1]], ...meta }] : []),
    ...(claim
      ? [
          {
            kind: 'rate-claim' as const,
            claim: { documentId: claim.documentId, claimId: claim.claimId },
            rating: 1 as const,
            label: 'False',
            ...meta,
          },
        ]
      : []),
  ];
}

describe('a ledger built from digests', () => {
  const names = [
    'the Harir reports (tallies, a denial)',
    'the Hodeidah reports (casualty counts that disagree)',
    'the origin reports (reprints, notices, wire credits)',
    'the tally reports',
    'the bundled examples',
  ];

  it.each(names)('is the ledger of the documents themselves: %s', (name) => {
    const docs = sets.get(name) ?? [];
    const fromDocuments = buildLedger(docs);
    const digests = docs.map((d) => structuredClone(digestDocument(d)));
    expect(fromDocuments.events.length).toBeGreaterThan(0);
    expect(buildLedger(digests)).toEqual(fromDocuments);
    const decisions = someDecisions(fromDocuments);
    expect(new LedgerBuilder(digests).build(decisions)).toEqual(buildLedger(docs, { decisions }));
  });

  it('takes documents and digests together, in any order', () => {
    const docs = sets.get('the origin reports (reprints, notices, wire credits)') ?? [];
    const mixed = docs.map((d, i) => (i % 2 === 0 ? digestDocument(d) : d)).reverse();
    expect(buildLedger(mixed)).toEqual(buildLedger(docs));
  });

  it('holds none of the analysed text', () => {
    for (const docs of sets.values()) {
      for (const doc of docs) {
        const digest = JSON.stringify(digestDocument(doc), (_key, value) =>
          value instanceof Set ? [...value] : value instanceof Uint32Array ? [] : value,
        );
        const body = doc.record.text.slice(Math.floor(doc.record.text.length / 2));
        expect(digest.includes(body)).toBe(false);
      }
    }
  });
});

describe('origin signals', () => {
  it('are the same for a long text the first time it is read as the next', () => {
    // Longer than any text before it in this process: the shingle scratch buffer grows under it.
    const text = Array.from({ length: 300_000 }, (_, i) => `w${i}`).join(' ');
    const first = shingleHashes(text);
    // 299,996 shingles, less the few 32-bit hashes that collide.
    expect(first.length).toBeGreaterThan(299_900);
    expect(shingleHashes(text)).toEqual(first);
  });
});

describe('the store streamed a page at a time', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
    for (const docs of sets.values()) for (const d of docs) await store.putDocument({ record: d.record });
    await store.setDocumentStatus(EXAMPLES[2] ?? '', 'retracted');
  });
  afterAll(async () => {
    await store.close();
  });

  it.each([1, 2, 7, 250])('reads every active record once in pages of %i', async (pageSize) => {
    const seen: string[] = [];
    await forEachLedgerInput(store, (doc) => seen.push(doc.id), undefined, pageSize);
    const whole = (await loadLedgerInputs(store)).map((d) => d.id);
    expect(seen.sort()).toEqual(whole.sort());
    expect(seen).not.toContain(EXAMPLES[2]);
  });

  it('gives the ledger of the records read whole', async () => {
    const digests = await loadLedgerDigests(store);
    expect(buildLedger(digests)).toEqual(buildLedger(await loadLedgerInputs(store)));
  });
});
