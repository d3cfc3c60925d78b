import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/corroborate/build-ledger.js';
import { loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import type { Ledger, LedgerEvent } from '../../src/types/ledger.js';
import { HODEIDAH_REPORTS } from './hodeidah-reports.js';
import { ledgerInput } from './ledger-reports.js';

// A scenario written after the matcher was tuned on the ledger corpus: a check that it holds
// on reports it was not tuned on.
let ledger: Ledger;

beforeAll(async () => {
  const gazetteer = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
  ledger = buildLedger(HODEIDAH_REPORTS.map((r) => ledgerInput(r, gazetteer)));
});

const eventOf = (documentId: string): LedgerEvent | undefined =>
  ledger.events.find((e) => e.members.some((m) => m.documentId === documentId));

describe('air strikes on Hodeidah port, and a drone attack near Marib the same day', () => {
  it('groups the wire story with its client’s copy, and nothing else', () => {
    expect(ledger.origins.map((o) => o.documentIds.length).sort()).toEqual([1, 1, 2]);
    expect(ledger.origins.find((o) => o.documentIds.length === 2)?.id).toBe('origin-horn-wire-hodeidah');
  });

  it.each([
    [
      'the wire and the independent report of the port strike',
      'horn-wire-hodeidah',
      'red-sea-monitor-hodeidah',
      true,
    ],
    ['the port strike and the Marib drone attack', 'horn-wire-hodeidah', 'red-sea-monitor-marib', false],
  ])('%s: one event = %s', (_name, a, b, same) => {
    expect(eventOf(a) === eventOf(b)).toBe(same);
  });

  it('corroborates the port strike by two origins and flags four vs six killed', () => {
    const strike = eventOf('horn-wire-hodeidah');
    expect(strike?.support.independentOrigins).toBe(2);
    expect(strike?.status).toBe('corroborated');
    expect(strike?.contradictions.map((c) => c.kind)).toEqual(['number']);
    expect(strike?.fatalities).toBe(4);
  });
});
