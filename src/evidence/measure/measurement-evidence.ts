import { createHash } from 'node:crypto';
import type { Store } from '../../store/store.js';
import type { AnalysisRecord } from '../../types/analysis-record.js';
import type { EvidenceItem, EvidenceSubject, MeasurementFinding } from '../../types/evidence.js';
import type { Ledger } from '../../types/ledger.js';
import type { Quantity } from '../../types/quantity.js';
import { type ClaimQuantities, compareWithClaims } from './compare-with-claims.js';
import { type MeasureProblem, measurePolygon, type PolygonLimits } from './polygon-area.js';

/** The label that marks a measured outline as the whole a share is of (a base, a compound). */
export const FACILITY_LABEL = 'facility outline';

/** What an analyst asks to measure and keep as evidence. */
export interface MeasurementRequest {
  /** GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection of polygons (lon/lat). */
  readonly geojson: unknown;
  /** Claims and events the outline bears on; their stated areas and shares are compared. */
  readonly subjects: readonly EvidenceSubject[];
  readonly addedBy: string;
  /** `damaged structures`, `facility outline`, …: an outline labelled `facility outline` is the whole for shares. */
  readonly label?: string | null;
  readonly note?: string | null;
  /** Relative tolerance of the comparisons (default 0.15). */
  readonly tolerance?: number;
  /**
   * The whole a share is of: a GeoJSON outline, or the id of a stored measurement. Without it,
   * the latest stored `facility outline` measurement of the same subjects is used, if any.
   */
  readonly whole?: unknown;
  readonly limits?: Partial<PolygonLimits>;
}

/** A subject the ledger does not know, or an outline that cannot be measured. */
export type MeasurementRefusal =
  | { readonly reason: 'unknown-subject'; readonly subject: EvidenceSubject; readonly message: string }
  | { readonly reason: 'bad-outline'; readonly problem: MeasureProblem; readonly message: string };

/** The outcome of `measureAsEvidence`. */
export type MeasurementEvidenceResult =
  | { readonly ok: true; readonly item: EvidenceItem; readonly status: 'new' | 'duplicate' }
  | ({ readonly ok: false } & MeasurementRefusal);

/**
 * The measurable quantities of the claims a subject stands for: a claim's own quantities; for a
 * ledger event, those of the claims that support or contradict it and of its report events'
 * claims. Null when the subject is not in the ledger (an event needs `ledger`).
 *
 * @example await claimQuantitiesOf(store, ledger, { kind: 'claim', id: 'north-wire-1:c3' })
 * // [{ claimId: 'north-wire-1:c3', quantities: [{ surface: '13,700 square feet', … }] }]
 */
export async function claimQuantitiesOf(
  store: Store,
  ledger: Pick<Ledger, 'events'> | null,
  subject: EvidenceSubject,
): Promise<ClaimQuantities[] | null> {
  // Each document's record is read once, and only what is needed of it is kept: an event of
  // thousands of report events has them from hundreds of documents, and a record is the largest
  // row of the store.
  const digests = new Map<string, Promise<RecordClaims | null>>();
  const claimsOf = (documentId: string): Promise<RecordClaims | null> => {
    let digest = digests.get(documentId);
    if (digest === undefined) {
      digest = store.getRecord(documentId).then((record) => (record === null ? null : recordClaims(record)));
      digests.set(documentId, digest);
    }
    return digest;
  };
  const claimIds = new Set<string>();
  if (subject.kind === 'claim') {
    claimIds.add(subject.id);
  } else if (subject.kind === 'event') {
    const event = ledger?.events.find((e) => e.id === subject.id);
    if (event === undefined) return null;
    for (const id of [...event.support.supporting, ...event.support.contradicting]) claimIds.add(id);
    for (const member of event.members) {
      const digest = await claimsOf(member.documentId);
      for (const claimId of digest?.ofEvent.get(member.eventId) ?? [])
        claimIds.add(`${member.documentId}:${claimId}`);
    }
  } else {
    const digest = await claimsOf(subject.id);
    if (digest === null) return null;
    for (const claimId of digest.quantitiesOf.keys()) claimIds.add(`${subject.id}:${claimId}`);
  }
  const found: ClaimQuantities[] = [];
  const byDocument = new Map<string, Set<string>>();
  for (const id of claimIds) {
    const cut = id.lastIndexOf(':');
    if (cut <= 0) continue;
    const documentId = id.slice(0, cut);
    const ids = byDocument.get(documentId);
    if (ids === undefined) byDocument.set(documentId, new Set([id.slice(cut + 1)]));
    else ids.add(id.slice(cut + 1));
  }
  for (const [documentId, ids] of byDocument) {
    const digest = await claimsOf(documentId);
    if (digest === null) continue;
    // In the record's order.
    for (const [claimId, stated] of digest.quantitiesOf) {
      if (ids.has(claimId)) found.push({ claimId: `${documentId}:${claimId}`, quantities: stated });
    }
  }
  if (subject.kind === 'claim' && found.length === 0) return null;
  return found;
}

/** What `claimQuantitiesOf` needs of a record: each claim's quantities (in the record's order) and each report event's claims. */
interface RecordClaims {
  readonly quantitiesOf: ReadonlyMap<string, Quantity[]>;
  readonly ofEvent: ReadonlyMap<string, readonly string[]>;
}

function recordClaims(record: AnalysisRecord): RecordClaims {
  const quantities = new Map<string, Quantity>(record.quantities.map((q) => [q.id, q]));
  const quantitiesOf = new Map<string, Quantity[]>();
  for (const claim of record.claims) {
    quantitiesOf.set(
      claim.id,
      claim.quantityIds.map((q) => quantities.get(q)).filter((q) => q !== undefined),
    );
  }
  return { quantitiesOf, ofEvent: new Map(record.events.map((e) => [e.id, e.claimIds])) };
}

/**
 * Measures an outline, compares it with the areas and shares its subjects' claims state, and
 * stores it as evidence (`putEvidence`, audited as `evidence.add` by the analyst). The same
 * outline, label and subjects give the same id, so saving twice stores it once.
 *
 * @example
 * const result = await measureAsEvidence(store, ledger, {
 *   geojson: outline, subjects: [{ kind: 'event', id: 'north-wire-1:e1' }], addedBy: 'amira', label: 'damaged structures' });
 * if (result.ok) console.log(result.item.finding.checks.map((c) => c.verdict)); // ['agrees', 'agrees']
 */
export async function measureAsEvidence(
  store: Store,
  ledger: Pick<Ledger, 'events'> | null,
  request: MeasurementRequest,
  clock: () => Date = () => new Date(),
): Promise<MeasurementEvidenceResult> {
  const measured = measurePolygon(request.geojson, request.limits);
  if (!measured.ok) {
    return { ok: false, reason: 'bad-outline', problem: measured.problem, message: measured.problem.message };
  }
  const claims: ClaimQuantities[] = [];
  for (const subject of request.subjects) {
    const found = await claimQuantitiesOf(store, ledger, subject);
    if (found === null) {
      return {
        ok: false,
        reason: 'unknown-subject',
        subject,
        message: `no ${subject.kind} "${subject.id}" in the ledger`,
      };
    }
    for (const c of found) if (!claims.some((k) => k.claimId === c.claimId)) claims.push(c);
  }
  const label = request.label?.trim() || null;
  let wholeM2: number | null = null;
  if (label !== FACILITY_LABEL) {
    const whole = await wholeArea(store, request);
    if (whole !== null && typeof whole === 'object') {
      return { ok: false, reason: 'bad-outline', problem: whole, message: `the whole: ${whole.message}` };
    }
    wholeM2 = whole;
  }
  const compared = compareWithClaims(
    { areaM2: measured.areaM2, wholeM2 },
    claims,
    request.tolerance === undefined ? {} : { tolerance: request.tolerance },
  );
  // the facility is the whole a share is of, not a part of it: only its stated area is tested
  const checks = label === FACILITY_LABEL ? compared.filter((c) => c.claimed.share === null) : compared;
  const finding: MeasurementFinding = {
    kind: 'measurement',
    geometry: measured.geometry,
    areaM2: Math.round(measured.areaM2 * 100) / 100,
    label,
    checks,
  };
  const item: EvidenceItem = {
    id: measurementId(finding, request.subjects),
    subjects: request.subjects,
    addedBy: request.addedBy,
    addedAt: clock().toISOString(),
    finding,
    note: request.note ?? null,
  };
  const stored = await store.putEvidence(item);
  const kept = stored.status === 'duplicate' ? ((await store.getEvidence(item.id)) ?? item) : item;
  return { ok: true, item: kept, status: stored.status };
}

/** `ev:` and 12 hex digits of the geometry, label and subjects: saving the same outline again is a duplicate. */
function measurementId(finding: MeasurementFinding, subjects: readonly EvidenceSubject[]): string {
  const key = JSON.stringify([
    'measurement',
    finding.geometry,
    finding.label,
    [...subjects].map((s) => `${s.kind}:${s.id}`).sort(),
  ]);
  return `ev:${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** The whole's area in m²: the outline given, a stored measurement named by id, or the latest facility outline of the subjects. */
async function wholeArea(store: Store, request: MeasurementRequest): Promise<number | MeasureProblem | null> {
  if (typeof request.whole === 'string') {
    const stored = await store.getEvidence(request.whole);
    if (stored === null || stored.finding.kind !== 'measurement') {
      return { code: 'not-geojson', message: `no stored measurement "${request.whole}"` };
    }
    return stored.finding.areaM2;
  }
  if (request.whole !== undefined && request.whole !== null) {
    const measured = measurePolygon(request.whole, request.limits);
    return measured.ok ? measured.areaM2 : measured.problem;
  }
  let latest: { at: string; m2: number } | null = null;
  for (const subject of request.subjects) {
    const items = await store.listEvidence({
      subjectKind: subject.kind,
      subjectId: subject.id,
      kind: 'measurement',
    });
    for (const item of items) {
      if (item.finding.kind !== 'measurement' || item.finding.label !== FACILITY_LABEL) continue;
      if (latest === null || item.addedAt >= latest.at)
        latest = { at: item.addedAt, m2: item.finding.areaM2 };
    }
  }
  return latest?.m2 ?? null;
}
