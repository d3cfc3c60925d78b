import { area } from '@turf/area';
import type { Geometry } from 'geojson';
import type { GeoJsonPolygonLike } from '../../types/evidence.js';

/** Limits on an outline an analyst draws or uploads. */
export interface PolygonLimits {
  /** Most vertices over all rings (default 10,000): a building or a base, not a coastline. */
  readonly maxVertices: number;
}

/** Default limits of `measurePolygon`. */
export const DEFAULT_POLYGON_LIMITS: PolygonLimits = { maxVertices: 10_000 };

/** Why an outline could not be measured; a code for programs and a sentence for people. */
export interface MeasureProblem {
  readonly code:
    | 'not-geojson'
    | 'not-a-polygon'
    | 'bad-coordinates'
    | 'out-of-range'
    | 'open-ring'
    | 'too-few-vertices'
    | 'too-many-vertices'
    | 'self-intersecting'
    | 'crosses-antimeridian'
    | 'no-area';
  readonly message: string;
}

/** A measured outline: the geometry (as given, or the features' polygons joined) and its area. */
export interface PolygonMeasurement {
  readonly geometry: GeoJsonPolygonLike;
  /** Geodesic area in m² (`@turf/area`: spherical Earth of radius 6,371,008.8 m), holes removed. */
  readonly areaM2: number;
  readonly polygons: number;
  readonly vertices: number;
}

/** The outcome of measuring: an area, or the problem with the input (never thrown). */
export type MeasureResult =
  | ({ readonly ok: true } & PolygonMeasurement)
  | { readonly ok: false; readonly problem: MeasureProblem };

type Ring = readonly (readonly number[])[];
type PolygonCoordinates = readonly Ring[];

/**
 * The geodesic area of a polygon outline in WGS 84 longitude/latitude. Takes a GeoJSON
 * Polygon or MultiPolygon geometry, a Feature holding one, or a FeatureCollection whose
 * features are all polygons (joined into one MultiPolygon). Rings must be closed (first
 * position repeated last), have at least three distinct corners, and stay within longitude
 * −180…180 and latitude −90…90. Problems come back as data, never thrown.
 *
 * @example
 * measurePolygon({ type: 'Polygon', coordinates: [[[44, 36], [44.001, 36], [44.001, 36.001], [44, 36.001], [44, 36]]] })
 * // { ok: true, areaM2: 10008.4…, polygons: 1, vertices: 5, geometry: { type: 'Polygon', … } }
 */
export function measurePolygon(input: unknown, limits: Partial<PolygonLimits> = {}): MeasureResult {
  const { maxVertices } = { ...DEFAULT_POLYGON_LIMITS, ...limits };
  const polygons = polygonsOf(input);
  if (!Array.isArray(polygons)) return { ok: false, problem: polygons as MeasureProblem };
  let vertices = 0;
  for (const [p, polygon] of polygons.entries()) {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      return fail('bad-coordinates', `polygon ${p + 1} has no rings`);
    }
    for (const [r, ring] of polygon.entries()) {
      const where = `${polygons.length > 1 ? `polygon ${p + 1}, ` : ''}${r === 0 ? 'outer ring' : `hole ${r}`}`;
      const problem = ringProblem(ring, where);
      if (problem !== null) return { ok: false, problem };
      vertices += (ring as Ring).length;
      if (vertices > maxVertices) {
        return fail('too-many-vertices', `the outline has more than ${maxVertices} vertices`);
      }
    }
  }
  const geometry: GeoJsonPolygonLike =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] as PolygonCoordinates }
      : { type: 'MultiPolygon', coordinates: polygons };
  const areaM2 = area(geometry as Geometry);
  // corners on one parallel still give turf a few mm² of rounding
  if (!(areaM2 >= 0.01)) return fail('no-area', 'the outline encloses no area (less than 0.01 m²)');
  return { ok: true, geometry, areaM2, polygons: polygons.length, vertices };
}

function fail(code: MeasureProblem['code'], message: string): MeasureResult {
  return { ok: false, problem: { code, message } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The polygons (each a list of rings) in a GeoJSON value, or the problem. */
function polygonsOf(input: unknown): PolygonCoordinates[] | MeasureProblem {
  if (!isObject(input) || typeof input.type !== 'string') {
    return { code: 'not-geojson', message: 'expected a GeoJSON object with a "type"' };
  }
  switch (input.type) {
    case 'Polygon':
      return Array.isArray(input.coordinates)
        ? [input.coordinates as PolygonCoordinates]
        : { code: 'bad-coordinates', message: 'a Polygon needs "coordinates": a list of rings' };
    case 'MultiPolygon':
      return Array.isArray(input.coordinates) && input.coordinates.length > 0
        ? (input.coordinates as PolygonCoordinates[])
        : { code: 'bad-coordinates', message: 'a MultiPolygon needs "coordinates": a list of polygons' };
    case 'Feature':
      return isObject(input.geometry)
        ? polygonsOf(input.geometry)
        : { code: 'not-a-polygon', message: 'the Feature has no geometry' };
    case 'FeatureCollection': {
      if (!Array.isArray(input.features) || input.features.length === 0) {
        return { code: 'not-a-polygon', message: 'the FeatureCollection has no features' };
      }
      const all: PolygonCoordinates[] = [];
      for (const [i, feature] of input.features.entries()) {
        const found = polygonsOf(feature);
        if (!Array.isArray(found)) {
          const problem = found as MeasureProblem;
          return { code: problem.code, message: `feature ${i + 1}: ${problem.message}` };
        }
        all.push(...found);
      }
      return all;
    }
    default:
      return {
        code: 'not-a-polygon',
        message: `a ${input.type} has no area: draw or upload a Polygon or MultiPolygon`,
      };
  }
}

function ringProblem(ring: unknown, where: string): MeasureProblem | null {
  if (!Array.isArray(ring)) return { code: 'bad-coordinates', message: `${where}: not a list of positions` };
  for (const [i, position] of ring.entries()) {
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      !position.every((v) => typeof v === 'number' && Number.isFinite(v))
    ) {
      return {
        code: 'bad-coordinates',
        message: `${where}: position ${i + 1} is not [longitude, latitude]`,
      };
    }
    const [lon, lat] = position as number[];
    if ((lon as number) < -180 || (lon as number) > 180 || (lat as number) < -90 || (lat as number) > 90) {
      return {
        code: 'out-of-range',
        message: `${where}: position ${i + 1} (${lon}, ${lat}) is outside longitude −180…180, latitude −90…90 (coordinates must be WGS 84 longitude, latitude)`,
      };
    }
  }
  const first = ring[0] as number[] | undefined;
  const last = ring[ring.length - 1] as number[] | undefined;
  if (first === undefined || last === undefined || first[0] !== last[0] || first[1] !== last[1]) {
    return {
      code: 'open-ring',
      message: `${where}: the ring is not closed (its last position must repeat the first)`,
    };
  }
  const corners = new Set(ring.slice(0, -1).map((p) => `${(p as number[])[0]},${(p as number[])[1]}`));
  if (corners.size < 3) {
    return { code: 'too-few-vertices', message: `${where}: a ring needs at least three distinct corners` };
  }
  const lons = ring.map((p) => (p as number[])[0] as number);
  if (Math.max(...lons) - Math.min(...lons) > 180) {
    return {
      code: 'crosses-antimeridian',
      message: `${where}: the ring spans more than 180° of longitude; split an outline that crosses the antimeridian in two`,
    };
  }
  const crossing = selfCrossing(ring as Ring);
  if (crossing !== null) {
    return {
      code: 'self-intersecting',
      message: `${where}: edges ${crossing[0] + 1} and ${crossing[1] + 1} cross (corners out of order?); its area would be wrong`,
    };
  }
  return null;
}

/** Rings up to this many positions are checked for crossing edges (every pair: 2 million checks at most). */
const CROSSING_CHECK_LIMIT = 2000;

/** The first two edges of a closed ring that cross (not merely touch at a shared corner), or null. */
function selfCrossing(ring: Ring): [number, number] | null {
  const n = ring.length - 1;
  if (n > CROSSING_CHECK_LIMIT) return null;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as number[];
    const b = ring[i + 1] as number[];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the first and last edges share the closing corner
      if (properlyCross(a, b, ring[j] as number[], ring[j + 1] as number[])) return [i, j];
    }
  }
  return null;
}

function orientation(p: number[], q: number[], r: number[]): number {
  const v =
    ((q[0] as number) - (p[0] as number)) * ((r[1] as number) - (p[1] as number)) -
    ((q[1] as number) - (p[1] as number)) * ((r[0] as number) - (p[0] as number));
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Whether segments ab and cd cross at a point inside both (collinear overlaps count too). */
function properlyCross(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  const within = (p: number[], q: number[], r: number[]) =>
    Math.min(p[0] as number, q[0] as number) <= (r[0] as number) &&
    (r[0] as number) <= Math.max(p[0] as number, q[0] as number) &&
    Math.min(p[1] as number, q[1] as number) <= (r[1] as number) &&
    (r[1] as number) <= Math.max(p[1] as number, q[1] as number);
  // a corner lying on another edge (or collinear edges overlapping) also makes the ring touch itself
  return (
    (o1 === 0 && within(a, b, c)) ||
    (o2 === 0 && within(a, b, d)) ||
    (o3 === 0 && within(c, d, a)) ||
    (o4 === 0 && within(c, d, b))
  );
}
