import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runShowCommand } from '../../../src/cli/report-command.js';
import { incrementalLedgerLoader, loadLedger } from '../../../src/corroborate/load-ledger.js';
import { measurementChecks, withMeasurementChecks } from '../../../src/corroborate/measurement-checks.js';
import { measureAsEvidence } from '../../../src/evidence/measure/measurement-evidence.js';
import { createApp } from '../../../src/server/app.js';
import type { Store } from '../../../src/store/store.js';
import type { EvidenceItem, MeasurementCheck } from '../../../src/types/evidence.js';
import { LEDGER_SCHEMA, type Ledger, type LedgerClaim } from '../../../src/types/ledger.js';
import { HARIR_REPORT, measurementLedger, square } from './measurement-ledger.js';

const AREA_CLAIM = `${HARIR_REPORT.id}:c2`;
const SHARE_CLAIM = `${HARIR_REPORT.id}:c3`;

/** A ledger with the two Harir claims only, each bearing on one event. */
const LEDGER: Ledger = {
  schema: LEDGER_SCHEMA,
  documents: [],
  origins: [],
  events: [{ id: 'north-wire-9:e1' } as Ledger['events'][number]],
  claims: [AREA_CLAIM, SHARE_CLAIM].map(
    (id) => ({ id, documentId: HARIR_REPORT.id, eventIds: ['north-wire-9:e1'] }) as unknown as LedgerClaim,
  ),
  checks: [],
};

const areaCheck = (
  claimId: string | null,
  m2: number,
  verdict: MeasurementCheck['verdict'],
): MeasurementCheck => ({
  claimId,
  claimed: { value: 13700, unit: 'sq ft', m2: 1272.77, share: null, text: '13,700 square feet' },
  measured: { m2, share: null },
  tolerance: 0.15,
  verdict,
  explanation: `measured ${m2} m² against the claimed 1,273 m²: ${verdict === 'agrees' ? 'within' : 'outside'} the 15 % tolerance`,
});

const shareCheck = (share: number | null, verdict: MeasurementCheck['verdict']): MeasurementCheck => ({
  claimId: SHARE_CLAIM,
  claimed: { value: 50, unit: 'percent', m2: null, share: 0.5, text: '50 percent' },
  measured: { m2: 1300, share },
  tolerance: 0.15,
  verdict,
  explanation:
    share === null
      ? '"50 percent" is a share of the base: measure the outline of the base too to compare it'
      : `measured ${share * 100} % of the base: ${verdict === 'agrees' ? 'within' : 'outside'} the 15 % tolerance`,
});

const evidence = (checks: MeasurementCheck[], subjects: EvidenceItem['subjects'] = []): EvidenceItem => ({
  id: 'ev:0123456789ab',
  subjects,
  addedBy: 'amira',
  addedAt: '2024-03-07T09:00:00.000Z',
  finding: {
    kind: 'measurement',
    geometry: square(44.36, 36.54, 36),
    areaM2: 1300,
    label: 'damaged structures',
    checks,
  },
  note: null,
});

describe('a measured area or share becomes a numeric check on the claim', () => {
  it.each([
    [
      'the hangars agree with "13,700 square feet"',
      areaCheck(AREA_CLAIM, 1300, 'agrees'),
      'ok',
      1272.77,
      1300,
    ],
    [
      'a smaller outline disagrees with it',
      areaCheck(AREA_CLAIM, 600, 'disagrees'),
      'mismatch',
      1272.77,
      600,
    ],
    ['half the base agrees with "50 percent"', shareCheck(0.48, 'agrees'), 'ok', 0.5, 0.48],
    ['a tenth of the base disagrees with it', shareCheck(0.1, 'disagrees'), 'mismatch', 0.5, 0.1],
    [
      'no base outline: "50 percent" cannot be compared',
      shareCheck(null, 'not-comparable'),
      'unverifiable',
      0.5,
      null,
    ],
  ])('%s', (_, check, status, statedValue, observedValue) => {
    const [made] = measurementChecks(LEDGER, [evidence([check])]);
    expect(made).toEqual({
      id: 'measurement:ev:0123456789ab:0',
      kind: 'measurement',
      status,
      claimId: check.claimId,
      documentId: HARIR_REPORT.id,
      stated: check.claimed.text,
      statedValue,
      observedValue,
      eventIds: ['north-wire-9:e1'],
      detail: expect.stringContaining('"damaged structures" outline ev:0123456789ab measured by amira'),
    });
    expect(made?.detail).toContain('tolerance');
  });

  it.each([
    ['a claim the ledger no longer holds is left out', areaCheck('gone-1:c1', 1300, 'agrees'), [], 0],
    [
      'a figure typed in by the analyst counts for the document the evidence names',
      areaCheck(null, 1300, 'agrees'),
      [{ kind: 'document' as const, id: HARIR_REPORT.id }],
      1,
    ],
    ['a typed-in figure with no document to name is left out', areaCheck(null, 1300, 'agrees'), [], 0],
  ])('%s', (_, check, subjects, count) => {
    expect(measurementChecks(LEDGER, [evidence([check], subjects)])).toHaveLength(count);
  });

  it('adds the events the evidence names to those of the claim, and leaves the ledger given unchanged', () => {
    const withEvent: Ledger = {
      ...LEDGER,
      events: [...LEDGER.events, { id: 'north-wire-9:e2' } as Ledger['events'][number]],
    };
    const item = evidence(
      [areaCheck(AREA_CLAIM, 1300, 'agrees')],
      [{ kind: 'event', id: 'north-wire-9:e2' }],
    );
    const ledger = withMeasurementChecks(withEvent, [item]);
    expect(ledger.checks.map((c) => c.eventIds)).toEqual([['north-wire-9:e1', 'north-wire-9:e2']]);
    expect(withEvent.checks).toEqual([]);
  });
});

describe('measurement checks in the ledger built from the store', () => {
  let store: Store;
  let db: string;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, db, dispose } = await measurementLedger());
  }, 60_000);
  afterAll(async () => dispose());

  it('measures the hangars on the area claim: loading the ledger shows both figures checked on the claim', async () => {
    expect((await loadLedger(store)).checks.filter((c) => c.kind === 'measurement')).toEqual([]);
    const result = await measureAsEvidence(store, null, {
      geojson: square(44.3601, 36.5402, Math.sqrt(1300)),
      subjects: [{ kind: 'claim', id: AREA_CLAIM }],
      addedBy: 'amira',
      label: 'damaged structures',
    });
    if (!result.ok) throw new Error(result.message);
    const ledger = await loadLedger(store);
    const claim = ledger.claims.find((c) => c.id === AREA_CLAIM);
    const checks = ledger.checks.filter((c) => c.kind === 'measurement');
    expect(checks.map((c) => [c.claimId, c.stated, c.status])).toEqual([
      [AREA_CLAIM, '13,700 square feet', 'ok'],
      [AREA_CLAIM, '1,300 square meters', 'ok'],
    ]);
    expect(checks[0]?.observedValue).toBeCloseTo(1300, -1);
    expect(checks[0]?.eventIds).toEqual(claim?.eventIds);
  }, 60_000);

  it('the desk built incrementally shows them on the event page, and a new measurement without new documents', async () => {
    const load = incrementalLedgerLoader();
    const first = await load(store);
    const eventId = first.claims.find((c) => c.id === AREA_CLAIM)?.eventIds[0] as string;
    const app = createApp({ store, auth: { mode: 'local' }, loadLedger: load });
    const page = (await (await app.request(`/api/events/${encodeURIComponent(eventId)}`)).json()) as {
      checks: { kind: string; stated: string; status: string }[];
    };
    expect(page.checks.filter((c) => c.kind === 'measurement').map((c) => [c.stated, c.status])).toEqual([
      ['13,700 square feet', 'ok'],
      ['1,300 square meters', 'ok'],
    ]);
    // the documents are the same, so the kept builder is reused; the new measurement still shows
    const share = await measureAsEvidence(store, null, {
      geojson: square(44.3601, 36.5402, Math.sqrt(1300)),
      subjects: [{ kind: 'claim', id: SHARE_CLAIM }],
      addedBy: 'amira',
    });
    expect(share.ok).toBe(true);
    const after = await load(store);
    expect(after.checks.filter((c) => c.claimId === SHARE_CLAIM).map((c) => [c.stated, c.status])).toEqual([
      ['50 percent', 'unverifiable'],
    ]);
  }, 60_000);

  it('`corroborate show CLAIM` lists the measurement checks with the numbers', async () => {
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await runShowCommand([AREA_CLAIM, '--db', db])).toBe(0);
    } finally {
      write.mockRestore();
    }
    const lines = written
      .join('')
      .split('\n')
      .filter((l) => l.includes('measurement:'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^ {2}# ok +measurement: 13,700 square feet · measured: 13\d\d(\.\d+)? — measured .*tolerance/,
    );
  }, 60_000);
});
