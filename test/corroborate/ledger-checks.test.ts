import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/corroborate/build-ledger.js';
import { type Gazetteer, loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import type { Ledger } from '../../src/types/ledger.js';
import { ledgerInput } from './ledger-reports.js';
import { TALLY_REPORTS } from './tally-reports.js';

let gazetteer: Gazetteer;
let ledger: Ledger;

beforeAll(async () => {
  gazetteer = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
  ledger = buildLedger(TALLY_REPORTS.map((r) => ledgerInput(r, gazetteer)));
});

describe('tallies checked against the ledger (two attacks on Qayyarah airfield since 1 June)', () => {
  it.each([
    ['the command’s "two attacks since 1 June" agrees', 'nineveh-post-second', 2, 'ok'],
    [
      'the group’s "15 attacks since 1 June": the ledger holds too few reports to say',
      'tigris-daily-second',
      15,
      'unverifiable',
    ],
    [
      'the ministry’s "only one attack since 1 June" is contradicted by two distinct events',
      'mosul-monitor-count',
      1,
      'mismatch',
    ],
  ])('%s', (_name, documentId, stated, status) => {
    const check = ledger.checks.find((c) => c.kind === 'tally' && c.documentId === documentId);
    expect(check?.statedValue).toBe(stated);
    expect(check?.status).toBe(status);
    expect(check?.observedValue).toBe(2);
    expect(check?.eventIds).toHaveLength(2);
    expect(check?.detail).not.toBe('');
  });

  it('counts the two attacks, a week apart, as two events of two reports each', () => {
    const attacks = ledger.events.filter((e) => e.support.independentOrigins === 2);
    expect(attacks.map((e) => e.date?.from)).toEqual(['2025-06-02', '2025-06-09']);
  });

  it('lists no event for a sentence that only states a tally', () => {
    const tallyOnly = ledger.events.filter(
      (e) => e.members.every((m) => m.documentId === 'tigris-daily-second') && e.date === null,
    );
    expect(tallyOnly).toEqual([]);
  });
});

describe('a report’s own numeric checks carried into the ledger', () => {
  it.each([
    [
      'a conversion that agrees',
      'The depot covers about 4 hectares, or 9.9 acres, the company said.',
      'conversion',
      'ok',
    ],
    [
      'a conversion that does not',
      'The depot covers about 4 hectares, or 40 acres, the company said.',
      'conversion',
      'mismatch',
    ],
  ])('%s → %s %s', (_name, sentence, kind, status) => {
    const doc = ledgerInput(
      { id: 'depot', publisher: 'Nineveh Post', date: '2025-06-03', text: `Depot\n\nMOSUL — ${sentence}` },
      null,
    );
    const check = buildLedger([doc]).checks.find((c) => c.kind === kind);
    expect(check?.status).toBe(status);
    expect(check?.claimId).toMatch(/^depot:c\d+$/);
    expect(check?.detail).not.toBe('');
  });
});
