import type { ClaimedMeasure } from './evidence-types.js';

/** The tolerance the desk compares with while drawing (the server's default, stated on screen). */
export const LIVE_TOLERANCE = 0.15;

/** A drawn outline against one claimed figure, while drawing (the stored check is the server's). */
export interface LiveVerdict {
  readonly claim: ClaimedMeasure;
  readonly verdict: 'agrees' | 'disagrees' | 'not-comparable';
  readonly words: string;
}

/**
 * An area as people read it: m² below 100,000, then hectares, then km² from 10 km².
 *
 * @example areaLabel(1272.8) // '1,273 m²'
 */
export function areaLabel(m2: number): string {
  if (m2 >= 1e7) return `${(m2 / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} km²`;
  if (m2 >= 1e5) return `${(m2 / 1e4).toLocaleString('en-US', { maximumFractionDigits: 2 })} ha`;
  return `${m2.toLocaleString('en-US', { maximumFractionDigits: m2 < 10 ? 2 : 0 })} m²`;
}

function withinBound(
  measured: number,
  claim: ClaimedMeasure,
  value: number,
  ends: { low: number | null; high: number | null },
  tolerance: number,
): boolean {
  const { bound } = claim;
  const low = ends.low ?? value;
  const high = ends.high ?? value;
  if (bound === 'at-least' || bound === 'more-than') return measured >= low * (1 - tolerance);
  if (bound === 'at-most' || bound === 'less-than') return measured <= high * (1 + tolerance);
  if (bound === 'range') return measured >= low * (1 - tolerance) && measured <= high * (1 + tolerance);
  return Math.abs(measured - value) <= tolerance * value;
}

/**
 * How a drawn area compares with each area and share the event's claims state: within the
 * tolerance of the claimed value (a share needs the facility's area: the latest outline saved
 * as "facility outline").
 *
 * @example liveVerdicts(1300, [{ kind: 'area', m2: 1272.77, text: '13,700 square feet', … }], null)
 * // [{ verdict: 'agrees', words: '2 % more than 1,273 m² claimed ("13,700 square feet")', … }]
 */
export function liveVerdicts(
  areaM2: number,
  claims: readonly ClaimedMeasure[],
  facilityM2: number | null,
  tolerance = LIVE_TOLERANCE,
): LiveVerdict[] {
  return claims.map((claim) => {
    if (claim.kind === 'area' && claim.m2 !== null) {
      const ok = withinBound(
        areaM2,
        claim,
        claim.m2,
        { low: claim.low ?? null, high: claim.high ?? null },
        tolerance,
      );
      return {
        claim,
        verdict: ok ? 'agrees' : 'disagrees',
        words: `${areaWords(areaM2, claim, claim.m2)} claimed ("${claim.text}")`,
      };
    }
    if (claim.share === null || facilityM2 === null || !(facilityM2 > 0)) {
      return {
        claim,
        verdict: 'not-comparable',
        words: `"${claim.text}" is a share${claim.of === null ? '' : ` of the ${claim.of}`}: save the facility outline first`,
      };
    }
    const share = areaM2 / facilityM2;
    const ok = withinBound(
      share,
      claim,
      claim.share,
      { low: claim.low ?? null, high: claim.high ?? null },
      tolerance,
    );
    return {
      claim,
      verdict: ok ? 'agrees' : 'disagrees',
      words: `${Math.round(share * 100)} % of the facility against "${claim.text}" claimed`,
    };
  });
}

/** The drawn area against a claimed one: against the nearer end of a range, "inside" it when it is. */
function areaWords(m2: number, claim: ClaimedMeasure, value: number): string {
  if (claim.bound === 'range' && claim.low != null && claim.high != null) {
    const range = `${areaLabel(claim.low)} to ${areaLabel(claim.high)}`;
    if (m2 < claim.low) return `${difference(m2, claim.low)} the bottom of ${range}`;
    if (m2 > claim.high) return `${difference(m2, claim.high)} the top of ${range}`;
    return `inside ${range}`;
  }
  return `${difference(m2, value)} ${areaLabel(value)}`;
}

function difference(measured: number, claimed: number): string {
  const rel = (measured - claimed) / claimed;
  if (Math.abs(rel) < 0.005) return 'the same as';
  return `${Math.round(Math.abs(rel) * 100)} % ${rel > 0 ? 'more than' : 'less than'}`;
}

/**
 * Whether an outline's edges cross (corners clicked out of order make a bow tie, whose area is
 * wrong; the server refuses to store it). Takes the corners in order, not closed.
 *
 * @example crossesItself([[0, 0], [1, 1], [1, 0], [0, 1]]) // true
 */
export function crossesItself(corners: readonly (readonly [number, number])[]): boolean {
  const n = corners.length;
  if (n < 4) return false;
  const side = (p: readonly number[], q: readonly number[], r: readonly number[]) =>
    Math.sign(
      ((q[0] as number) - (p[0] as number)) * ((r[1] as number) - (p[1] as number)) -
        ((q[1] as number) - (p[1] as number)) * ((r[0] as number) - (p[0] as number)),
    );
  for (let i = 0; i < n; i++) {
    const a = corners[i] as readonly number[];
    const b = corners[(i + 1) % n] as readonly number[];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // neighbours through the closing corner
      const c = corners[j] as readonly number[];
      const d = corners[(j + 1) % n] as readonly number[];
      if (side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0) return true;
    }
  }
  return false;
}
