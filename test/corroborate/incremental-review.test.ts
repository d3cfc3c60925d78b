// A review decision applied to a kept ledger (`LedgerBuilder`) gives exactly the ledger a full
// rebuild with the same decisions gives: a merge, a split, a status change and a rating, alone
// and one after another, over the ledger corpus (test/corpus/ledger, read by the reader).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedger, LedgerBuilder } from '../../src/corroborate/build-ledger.js';
import type { Ledger, ReviewDecision } from '../../src/types/ledger.js';
import { type CorpusDocument, loadLedgerCorpus, readCorpusDocuments } from '../corpus/ledger/read-corpus.js';

const meta = { by: 'amira', at: '2026-11-24T01:00:00Z', note: 'checked against the footage' };

let documents: CorpusDocument[];
let before: Ledger;

beforeAll(async () => {
  documents = await readCorpusDocuments(loadLedgerCorpus().manifest);
  before = buildLedger(documents);
}, 60_000);

/** The decisions an analyst could take on the corpus's ledger, by what they do. */
const decisions: Array<[string, (ledger: Ledger) => ReviewDecision]> = [
  [
    'a merge of two events of different reports',
    (ledger) => {
      const [a, b] = ledger.events.filter((e) => e.members.length > 1);
      return {
        kind: 'merge',
        members: [a?.members[0], b?.members[0]].filter((m) => m !== undefined),
        ...meta,
      };
    },
  ],
  [
    'a split taking one report out of a corroborated event',
    (ledger) => {
      const event = ledger.events.find((e) => new Set(e.members.map((m) => m.documentId)).size > 2);
      const last = event?.members[event.members.length - 1];
      return { kind: 'split', members: last ? [last] : [], ...meta };
    },
  ],
  [
    'a status set by an analyst',
    (ledger) => ({
      kind: 'set-status',
      member: ledger.events[0]?.members[0] ?? { documentId: '', eventId: '' },
      status: 'false',
      ...meta,
    }),
  ],
  [
    'a rating of a claim',
    (ledger) => {
      const claim = ledger.claims.find((c) => c.eventIds.length > 0);
      return {
        kind: 'rate-claim',
        claim: { documentId: claim?.documentId ?? '', claimId: claim?.claimId ?? '' },
        rating: 1,
        label: 'False',
        ...meta,
      };
    },
  ],
];

describe('review decisions applied to a kept ledger give the rebuilt ledger', () => {
  it.each(decisions)('%s', (_name, decide) => {
    const decision = decide(before);
    const builder = new LedgerBuilder(documents);
    expect(builder.build()).toEqual(before);
    const applied = builder.build([decision]);
    expect(applied).toEqual(buildLedger(documents, { decisions: [decision] }));
    expect(applied).not.toEqual(before);
    // Only the events the decision names are assembled anew (a merge makes one of two, a split two of one).
    const anew = { merge: 1, split: 2, 'set-status': 1, 'rate-claim': 0 }[decision.kind];
    expect(builder.reassembled).toBe(anew);
  });

  it('all four, one after another, then the last one withdrawn', () => {
    const builder = new LedgerBuilder(documents);
    builder.build();
    const taken: ReviewDecision[] = [];
    for (const [, decide] of decisions) {
      taken.push(decide(builder.build(taken)));
      expect(builder.build(taken)).toEqual(buildLedger(documents, { decisions: taken }));
    }
    expect(builder.build(taken.slice(0, -1))).toEqual(
      buildLedger(documents, { decisions: taken.slice(0, -1) }),
    );
  });
});
