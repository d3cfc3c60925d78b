import type { MeasurementCheck } from '../../types/evidence.js';
import { type ClaimedMeasure, claimedMeasuresOf, type StatedQuantity } from './claimed-measures.js';

/** A claim's measurable quantities, as the reader found them. */
export interface ClaimQuantities {
  /** Ledger claim id (`documentId:claimId`), or null for a figure typed in by the analyst. */
  readonly claimId: string | null;
  readonly quantities: readonly StatedQuantity[];
}

/** What was measured: the outline's area and, for shares, the area of the whole it is part of. */
export interface MeasuredArea {
  readonly areaM2: number;
  /** Area of the whole (the facility outline) in m², for claims of a share; null when not drawn. */
  readonly wholeM2?: number | null;
}

/** How close a measurement must come to agree with a claim. */
export interface CompareOptions {
  /** Relative tolerance (0.15 = within 15 % of the claimed value); default 0.15. */
  readonly tolerance: number;
}

/** Default options of `compareWithClaims`. */
export const DEFAULT_COMPARE_OPTIONS: CompareOptions = { tolerance: 0.15 };

/**
 * Compares a measured area with every area and share the claims state, one check per stated
 * figure. An area agrees when it lies within the tolerance of the claimed value (for "at least"
 * and "more than" claims: not below it by more than the tolerance; for ranges: within the range
 * widened by the tolerance). A share ("50 percent of the base", "half of the base") is compared
 * with the measured area over the whole's area, and is `not-comparable` when no whole was
 * measured. The tolerance is stated in every check and its explanation.
 *
 * @example
 * compareWithClaims({ areaM2: 1300 }, [{ claimId: 'wire-1:c1', quantities: [thirteenThousandSevenHundredSquareFeet] }])
 * // [{ verdict: 'agrees', explanation: 'measured 1,300 m² is 2.1 % more than the claimed 1,272.8 m² ("13,700 square feet"): within the 15 % tolerance', … }]
 */
export function compareWithClaims(
  measured: MeasuredArea,
  claims: readonly ClaimQuantities[],
  options: Partial<CompareOptions> = {},
): MeasurementCheck[] {
  const { tolerance } = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  if (!(tolerance >= 0 && tolerance < 1)) throw new RangeError('the tolerance must be in [0, 1)');
  const checks: MeasurementCheck[] = [];
  for (const claim of claims) {
    for (const measure of claimedMeasuresOf(claim.quantities)) {
      checks.push(
        measure.kind === 'area'
          ? areaCheck(claim.claimId, measure, measured.areaM2, tolerance)
          : shareCheck(claim.claimId, measure, measured, tolerance),
      );
    }
  }
  return checks;
}

type AreaMeasure = Extract<ClaimedMeasure, { kind: 'area' }>;
type ShareMeasure = Extract<ClaimedMeasure, { kind: 'share' }>;

function areaCheck(
  claimId: string | null,
  claim: AreaMeasure,
  m2: number,
  tolerance: number,
): MeasurementCheck {
  const q = claim.quantity;
  const verdict = withinBound(m2, q.bound, claim.m2, claim.lowM2, claim.highM2, tolerance);
  const quoted = q.unit === 'm2' ? '' : ` ("${q.surface}")`;
  return {
    claimId,
    claimed: { value: q.value, unit: q.unit, m2: round(claim.m2), share: null, text: q.surface },
    measured: { m2: round(m2), share: null },
    tolerance,
    verdict: verdict ? 'agrees' : 'disagrees',
    explanation: `measured ${formatM2(m2)} ${relation(m2, q.bound, claim.m2, claim.lowM2, claim.highM2, formatM2)}${quoted}: ${
      verdict ? 'within' : 'outside'
    } the ${percent(tolerance)} tolerance`,
  };
}

function shareCheck(
  claimId: string | null,
  claim: ShareMeasure,
  measured: MeasuredArea,
  tolerance: number,
): MeasurementCheck {
  const q = claim.quantity;
  const claimed = { value: q.value, unit: q.unit, m2: null, share: round(claim.share), text: q.surface };
  const whole = measured.wholeM2 ?? null;
  const of = claim.of === null ? 'the whole' : `the ${claim.of.replace(/^(?:the|a|an)\s+/i, '')}`;
  if (whole === null || !(whole > 0)) {
    return {
      claimId,
      claimed,
      measured: { m2: round(measured.areaM2), share: null },
      tolerance,
      verdict: 'not-comparable',
      explanation: `"${q.surface}" is a share of ${of}: measure the outline of ${of} too to compare it`,
    };
  }
  const share = measured.areaM2 / whole;
  const verdict = withinBound(share, q.bound, claim.share, claim.low, claim.high, tolerance);
  return {
    claimId,
    claimed,
    measured: { m2: round(measured.areaM2), share: round(share) },
    tolerance,
    verdict: verdict ? 'agrees' : 'disagrees',
    explanation: `measured ${percent(share)} of ${of} (${formatM2(measured.areaM2)} of ${formatM2(whole)}) ${relation(
      share,
      q.bound,
      claim.share,
      claim.low,
      claim.high,
      percent,
    )} ("${q.surface}"): ${verdict ? 'within' : 'outside'} the ${percent(tolerance)} tolerance`,
  };
}

/** Whether a measured value is compatible with a stated one and its bound, within a relative tolerance. */
function withinBound(
  measured: number,
  bound: StatedQuantity['bound'],
  value: number,
  low: number | null,
  high: number | null,
  tolerance: number,
): boolean {
  switch (bound) {
    case 'at-least':
    case 'more-than':
      return measured >= (low ?? value) * (1 - tolerance);
    case 'at-most':
    case 'less-than':
      return measured <= (high ?? value) * (1 + tolerance);
    case 'range':
      return measured >= (low ?? value) * (1 - tolerance) && measured <= (high ?? value) * (1 + tolerance);
    default:
      return Math.abs(measured - value) <= tolerance * value;
  }
}

/** How a measured value stands to a stated one and its bound, in words ("is 2.1 % more than the claimed 1,273 m²"). */
function relation(
  measured: number,
  bound: StatedQuantity['bound'],
  value: number,
  low: number | null,
  high: number | null,
  format: (v: number) => string,
): string {
  switch (bound) {
    case 'at-least':
    case 'more-than': {
      const floor = low ?? value;
      const words = `${bound === 'at-least' ? 'at least' : 'more than'} ${format(floor)}`;
      return measured >= floor
        ? `meets the claimed ${words}`
        : `is ${difference(measured, floor)} the claimed ${words}`;
    }
    case 'at-most':
    case 'less-than': {
      const ceiling = high ?? value;
      const words = `${bound === 'at-most' ? 'at most' : 'less than'} ${format(ceiling)}`;
      return measured <= ceiling
        ? `meets the claimed ${words}`
        : `is ${difference(measured, ceiling)} the claimed ${words}`;
    }
    case 'range': {
      const [from, to] = [low ?? value, high ?? value];
      const range = `${format(from)} to ${format(to)}`;
      if (measured < from) return `is ${difference(measured, from)} the bottom of the claimed ${range}`;
      if (measured > to) return `is ${difference(measured, to)} the top of the claimed ${range}`;
      return `is inside the claimed ${range}`;
    }
    default:
      return `is ${difference(measured, value)} the claimed ${bound === 'approximate' ? 'about ' : ''}${format(value)}`;
  }
}

function difference(measured: number, claimed: number): string {
  const rel = (measured - claimed) / claimed;
  if (Math.abs(rel) < 0.0005) return 'the same as';
  return `${percent(Math.abs(rel))} ${rel > 0 ? 'more than' : 'less than'}`;
}

function percent(fraction: number): string {
  const value = fraction * 100;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 })} %`;
}

/**
 * An area as an analyst reads it: m² below 100,000, hectares below 10 km², then km².
 *
 * @example formatM2(1272.77) // '1,273 m²'; formatM2(130000) // '13 ha'
 */
export function formatM2(m2: number): string {
  if (m2 >= 1e7) return `${(m2 / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} km²`;
  if (m2 >= 1e5) return `${(m2 / 1e4).toLocaleString('en-US', { maximumFractionDigits: 2 })} ha`;
  return `${m2.toLocaleString('en-US', { maximumFractionDigits: m2 < 10 ? 2 : 0 })} m²`;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
