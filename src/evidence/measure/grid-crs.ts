/**
 * The coordinate reference systems a change map can measure in: how large one pixel is on the
 * ground, and how a grid coordinate becomes WGS 84 longitude/latitude for the GeoJSON outline.
 */

/** Earth radius of `@turf/area` (mean radius, m), so pixel areas and outline areas agree. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** A grid's CRS as far as measuring goes. */
export interface GridCrs {
  /** EPSG code, or null for a user-defined projected CRS in metres. */
  readonly code: number | null;
  readonly name: string;
  readonly kind: 'geographic' | 'web-mercator' | 'utm' | 'projected-metres';
  /** WGS 84 [longitude, latitude] of a map coordinate, or null when the CRS cannot be inverted here. */
  readonly toLonLat: ((x: number, y: number) => [number, number]) | null;
  /**
   * Ground area in m² of a cell `width` × `height` map units wide whose north and south edges are
   * at map y `y0` and `y1`. Geographic cells are measured on the sphere; Web Mercator cells are
   * scaled by cos² of their latitude; UTM and other metric grids use the grid area (UTM's scale
   * factor, 0.9996–1.001 inside a zone, changes an area by less than 0.2 %).
   */
  readonly cellAreaM2: (width: number, y0: number, y1: number) => number;
}

/** EPSG codes and kinds of CRS a change map supports, for messages and the docs. */
export const SUPPORTED_CRS =
  'EPSG:4326 (WGS 84 degrees), EPSG:3857 (Web Mercator), EPSG:32601–32660 and 32701–32760 (WGS 84 / UTM), and user-defined projected CRS in metres (areas only, no outline)';

/**
 * The measuring CRS for a GeoTIFF's GeoKeys, or a sentence saying why it is not supported.
 *
 * @example gridCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32638 }) // { code: 32638, kind: 'utm', name: 'WGS 84 / UTM zone 38N', … }
 */
export function gridCrs(geoKeys: Readonly<Record<string, unknown>> | null): GridCrs | string {
  if (geoKeys === null) return 'the file has no GeoKeys (no coordinate reference system)';
  const model = geoKeys.GTModelTypeGeoKey;
  const projected = numberKey(geoKeys.ProjectedCSTypeGeoKey);
  const geographic = numberKey(geoKeys.GeographicTypeGeoKey);
  if (projected !== null && projected !== 32767) {
    if (projected === 3857 || projected === 3785 || projected === 900913) return webMercator(projected);
    if ((projected >= 32601 && projected <= 32660) || (projected >= 32701 && projected <= 32760)) {
      return utm(projected);
    }
    return `EPSG:${projected} is not supported; supported: ${SUPPORTED_CRS}`;
  }
  if (model === 1 || projected === 32767) {
    const units = numberKey(geoKeys.ProjLinearUnitsGeoKey);
    if (units === 9001) {
      return {
        code: null,
        name: 'user-defined projected CRS in metres',
        kind: 'projected-metres',
        toLonLat: null,
        cellAreaM2: (width, y0, y1) => Math.abs(width * (y1 - y0)),
      };
    }
    return `a user-defined projected CRS ${units === null ? 'without linear units' : `in units ${units}`} is not supported; supported: ${SUPPORTED_CRS}`;
  }
  if (model === 2 || geographic !== null) {
    if (geographic === 4326 || geographic === null) return wgs84();
    return `EPSG:${geographic} is not supported; supported: ${SUPPORTED_CRS}`;
  }
  return `the GeoKeys name no coordinate reference system; supported: ${SUPPORTED_CRS}`;
}

function numberKey(value: unknown): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function wgs84(): GridCrs {
  return {
    code: 4326,
    name: 'WGS 84 (degrees)',
    kind: 'geographic',
    toLonLat: (x, y) => [x, y],
    cellAreaM2: (width, y0, y1) =>
      EARTH_RADIUS_M ** 2 * Math.abs(width * RAD) * Math.abs(Math.sin(y0 * RAD) - Math.sin(y1 * RAD)),
  };
}

const MERCATOR_RADIUS = 6_378_137;

function webMercator(code: number): GridCrs {
  const lat = (y: number) => (2 * Math.atan(Math.exp(y / MERCATOR_RADIUS)) - Math.PI / 2) / RAD;
  return {
    code,
    name: 'WGS 84 / Pseudo-Mercator',
    kind: 'web-mercator',
    toLonLat: (x, y) => [x / MERCATOR_RADIUS / RAD, lat(y)],
    cellAreaM2: (width, y0, y1) => {
      const c = Math.cos(lat((y0 + y1) / 2) * RAD);
      return Math.abs(width * (y1 - y0)) * c * c;
    },
  };
}

// WGS 84 ellipsoid and the UTM scale on the central meridian
const A = 6_378_137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);
const K0 = 0.9996;

function utm(code: number): GridCrs {
  const south = code > 32700;
  const zone = code - (south ? 32700 : 32600);
  const lon0 = (zone - 1) * 6 - 180 + 3;
  return {
    code,
    name: `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}`,
    kind: 'utm',
    toLonLat: (x, y) => utmToLonLat(x, south ? y - 10_000_000 : y, lon0),
    cellAreaM2: (width, y0, y1) => Math.abs(width * (y1 - y0)),
  };
}

/** Inverse transverse Mercator on the WGS 84 ellipsoid (Snyder 1987, eqs. 8-17 to 8-25). */
function utmToLonLat(easting: number, northing: number, lon0: number): [number, number] {
  const x = easting - 500_000;
  const m = northing / K0;
  const mu = m / (A * (1 - E2 / 4 - (3 * E2 ** 2) / 64 - (5 * E2 ** 3) / 256));
  const e1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));
  const phi1 =
    mu +
    ((3 * e1) / 2 - (27 * e1 ** 3) / 32) * Math.sin(2 * mu) +
    ((21 * e1 ** 2) / 16 - (55 * e1 ** 4) / 32) * Math.sin(4 * mu) +
    ((151 * e1 ** 3) / 96) * Math.sin(6 * mu) +
    ((1097 * e1 ** 4) / 512) * Math.sin(8 * mu);
  const sin1 = Math.sin(phi1);
  const cos1 = Math.cos(phi1);
  const tan1 = Math.tan(phi1);
  const c1 = EP2 * cos1 ** 2;
  const t1 = tan1 ** 2;
  const n1 = A / Math.sqrt(1 - E2 * sin1 ** 2);
  const r1 = (A * (1 - E2)) / (1 - E2 * sin1 ** 2) ** 1.5;
  const d = x / (n1 * K0);
  const lat =
    phi1 -
    ((n1 * tan1) / r1) *
      (d ** 2 / 2 -
        ((5 + 3 * t1 + 10 * c1 - 4 * c1 ** 2 - 9 * EP2) * d ** 4) / 24 +
        ((61 + 90 * t1 + 298 * c1 + 45 * t1 ** 2 - 252 * EP2 - 3 * c1 ** 2) * d ** 6) / 720);
  const lon =
    (d -
      ((1 + 2 * t1 + c1) * d ** 3) / 6 +
      ((5 - 2 * c1 + 28 * t1 - 3 * c1 ** 2 + 8 * EP2 + 24 * t1 ** 2) * d ** 5) / 120) /
    cos1;
  return [lon0 + lon / RAD, lat / RAD];
}
