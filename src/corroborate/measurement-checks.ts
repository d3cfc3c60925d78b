import type { EvidenceItem, MeasurementCheck, MeasurementFinding } from '../types/evidence.js';
import type { Ledger, LedgerCheck } from '../types/ledger.js';

const STATUS_OF_VERDICT: Readonly<Record<MeasurementCheck['verdict'], LedgerCheck['status']>> = {
  agrees: 'ok',
  disagrees: 'mismatch',
  'not-comparable': 'unverifiable',
};

/**
 * The numeric checks that stored measurements make on the ledger's claims: one `measurement`
 * check per comparison of a measured area or share with a claimed one. The status follows the
 * verdict (agrees → `ok`, disagrees → `mismatch`, not comparable → `unverifiable`); `stated` is the
 * claim's words for the figure, `statedValue` the claimed m² (or share, 0–1), `observedValue` the
 * measured m² (or share), and `detail` the explanation with the tolerance and the outline it came
 * from. A comparison with a claim the ledger no longer holds is left out.
 *
 * @example
 * measurementChecks(ledger, await store.listEvidence({ kind: 'measurement' }))
 * // [{ id: 'measurement:ev:3f9a1c0b2d4e:0', kind: 'measurement', status: 'ok', claimId: 'north-wire-1:c3',
 * //    stated: '13,700 square feet', statedValue: 1272.77, observedValue: 1284.5, … }]
 */
export function measurementChecks(ledger: Ledger, evidence: readonly EvidenceItem[]): LedgerCheck[] {
  const claims = new Map(ledger.claims.map((c) => [c.id, c]));
  const events = new Set(ledger.events.map((e) => e.id));
  const checks: LedgerCheck[] = [];
  for (const item of evidence) {
    const finding = item.finding;
    if (finding.kind !== 'measurement') continue;
    const subjectEvents = item.subjects
      .filter((s) => s.kind === 'event' && events.has(s.id))
      .map((s) => s.id);
    finding.checks.forEach((check, i) => {
      const claim = check.claimId === null ? null : claims.get(check.claimId);
      if (claim === undefined) return;
      const documentId = claim?.documentId ?? documentOfSubjects(item);
      if (documentId === null) return;
      const isShare = check.claimed.share !== null;
      checks.push({
        id: `measurement:${item.id}:${i}`,
        kind: 'measurement',
        status: STATUS_OF_VERDICT[check.verdict],
        claimId: check.claimId,
        documentId,
        stated: check.claimed.text,
        statedValue: (isShare ? check.claimed.share : check.claimed.m2) ?? check.claimed.value,
        observedValue: isShare ? check.measured.share : check.measured.m2,
        eventIds: [...new Set([...(claim?.eventIds ?? []), ...subjectEvents])],
        detail: detailOf(check, finding, item),
      });
    });
  }
  return checks;
}

/**
 * The ledger with the measurement checks of the stored evidence appended to its checks (a new
 * ledger object; the one given is unchanged).
 *
 * @example const ledger = withMeasurementChecks(buildLedger(documents), await store.listEvidence({ kind: 'measurement' }))
 */
export function withMeasurementChecks(ledger: Ledger, evidence: readonly EvidenceItem[]): Ledger {
  const added = measurementChecks(ledger, evidence);
  return added.length === 0 ? ledger : { ...ledger, checks: [...ledger.checks, ...added] };
}

/** The explanation, the tolerance when it does not say it, and which outline measured it. */
function detailOf(check: MeasurementCheck, finding: MeasurementFinding, item: EvidenceItem): string {
  const tolerance = `${Math.round(check.tolerance * 1000) / 10} %`;
  const explanation = check.explanation.includes('tolerance')
    ? check.explanation
    : `${check.explanation} (tolerance ${tolerance})`;
  const what = finding.label === null ? 'outline' : `"${finding.label}" outline`;
  return `${explanation}; ${what} ${item.id} measured by ${item.addedBy}`;
}

/** For a figure typed in by the analyst (no claim): the document the evidence names, directly or through a claim. */
function documentOfSubjects(item: EvidenceItem): string | null {
  const document = item.subjects.find((s) => s.kind === 'document');
  if (document !== undefined) return document.id;
  const claim = item.subjects.find((s) => s.kind === 'claim');
  if (claim === undefined) return null;
  const cut = claim.id.lastIndexOf(':');
  return cut > 0 ? claim.id.slice(0, cut) : null;
}
