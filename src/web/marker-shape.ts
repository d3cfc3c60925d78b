import type { Precision } from './types.js';

/** How the map draws an event: a small pin-like dot, or a dashed area for a vague place. */
export type MarkerShape =
  | { readonly kind: 'point'; readonly radiusPx: number }
  | { readonly kind: 'area'; readonly radiusMeters: number };

/** Rough radius of the area an imprecise place stands for. */
const AREA_RADIUS_METERS: Partial<Record<Precision, number>> = {
  admin2: 25_000,
  admin1: 80_000,
  country: 250_000,
  region: 400_000,
  unresolved: 400_000,
};

/**
 * The marker of an event: a town-precise (`exact`, `near`) event is a dot whose size grows with
 * its independent origins; an event placed only in a district, province or country is drawn as
 * a dashed area of that scale, never as a pin, so nobody reads it as an exact location.
 *
 * @example markerShapeOf('admin1', 2) // { kind: 'area', radiusMeters: 80000 }
 * @example markerShapeOf('exact', 3)  // { kind: 'point', radiusPx: 10 }
 */
export function markerShapeOf(precision: Precision | null, independentOrigins: number): MarkerShape {
  const area = precision === null ? AREA_RADIUS_METERS.unresolved : AREA_RADIUS_METERS[precision];
  if (area !== undefined) return { kind: 'area', radiusMeters: area };
  return { kind: 'point', radiusPx: supportRadius(independentOrigins) };
}

/**
 * Pixel radius of a dot for its number of independent origins: 5 px for one, growing with the
 * square root (area proportional to support), at most 16 px.
 *
 * @example supportRadius(1) // 5
 */
export function supportRadius(independentOrigins: number): number {
  const n = Math.max(1, independentOrigins);
  return Math.min(16, Math.round(5 * Math.sqrt(n) + (n > 1 ? 1 : 0)));
}
