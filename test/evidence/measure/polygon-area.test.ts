import { describe, expect, it } from 'vitest';
import { measurePolygon } from '../../../src/evidence/measure/polygon-area.js';

const R = 6_371_008.8;
const RAD = Math.PI / 180;

/** Area of a lon/lat box on the sphere, computed on its own: R² Δλ (sin φ2 − sin φ1). */
function boxArea(w: number, s: number, e: number, n: number): number {
  return R * R * (e - w) * RAD * (Math.sin(n * RAD) - Math.sin(s * RAD));
}

function box(w: number, s: number, e: number, n: number): number[][] {
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

// A fictional hangar near Erbil, about 36 m × 40 m, and the base around it.
const HANGAR = box(44.0, 36.2, 44.0004, 36.20036);
const COURTYARD = box(44.0001, 36.2001, 44.0002, 36.2002);
const BASE = box(43.995, 36.195, 44.005, 36.205);

const MEASURED: [string, unknown, number][] = [
  [
    'a hangar outline (Polygon)',
    { type: 'Polygon', coordinates: [HANGAR] },
    boxArea(44.0, 36.2, 44.0004, 36.20036),
  ],
  [
    'a hangar with a courtyard (a hole is not counted)',
    { type: 'Polygon', coordinates: [HANGAR, [...COURTYARD].reverse()] },
    boxArea(44.0, 36.2, 44.0004, 36.20036) - boxArea(44.0001, 36.2001, 44.0002, 36.2002),
  ],
  [
    'a Feature holding the base outline',
    { type: 'Feature', properties: { name: 'base' }, geometry: { type: 'Polygon', coordinates: [BASE] } },
    boxArea(43.995, 36.195, 44.005, 36.205),
  ],
  [
    'two damaged buildings as a FeatureCollection (areas add up)',
    {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [HANGAR] } },
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: [box(44.001, 36.2, 44.0012, 36.2002)] },
        },
      ],
    },
    boxArea(44.0, 36.2, 44.0004, 36.20036) + boxArea(44.001, 36.2, 44.0012, 36.2002),
  ],
];

describe('geodesic area of an outline', () => {
  it.each(MEASURED)('%s', (_name, geojson, expected) => {
    const result = measurePolygon(geojson);
    if (!result.ok) throw new Error(result.problem.message);
    expect(Math.abs(result.areaM2 - expected) / expected).toBeLessThan(0.002);
  });

  it('joins the polygons of a collection into one MultiPolygon', () => {
    const result = measurePolygon({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [HANGAR] } },
        { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[BASE]] } },
      ],
    });
    expect(result.ok && result.geometry.type).toBe('MultiPolygon');
    expect(result.ok && result.polygons).toBe(2);
  });
});

const REFUSED: [string, unknown, string, RegExp][] = [
  ['nothing', null, 'not-geojson', /GeoJSON object/],
  ['a point (no area)', { type: 'Point', coordinates: [44, 36] }, 'not-a-polygon', /Point has no area/],
  [
    'a line along a runway',
    {
      type: 'LineString',
      coordinates: [
        [44, 36],
        [44.01, 36],
      ],
    },
    'not-a-polygon',
    /LineString has no area/,
  ],
  ['an open ring', { type: 'Polygon', coordinates: [HANGAR.slice(0, 4)] }, 'open-ring', /not closed/],
  [
    'latitude and longitude swapped past 90°',
    { type: 'Polygon', coordinates: [box(36.2, 120, 36.3, 120.1)] },
    'out-of-range',
    /outside longitude −180…180, latitude −90…90/,
  ],
  [
    'coordinates written as text',
    {
      type: 'Polygon',
      coordinates: [
        [
          ['44', '36'],
          [44.1, 36],
          [44.1, 36.1],
          ['44', '36'],
        ],
      ],
    },
    'bad-coordinates',
    /position 1 is not \[longitude, latitude\]/,
  ],
  [
    'a ring with two corners',
    {
      type: 'Polygon',
      coordinates: [
        [
          [44, 36],
          [44.1, 36],
          [44, 36],
          [44, 36],
        ],
      ],
    },
    'too-few-vertices',
    /three distinct corners/,
  ],
  [
    'a ring whose corners lie on one line',
    {
      type: 'Polygon',
      coordinates: [
        [
          [44, 36],
          [44.1, 36],
          [44.2, 36],
          [44, 36],
        ],
      ],
    },
    'no-area',
    /no area/,
  ],
  [
    'corners clicked out of order (a bow tie)',
    {
      type: 'Polygon',
      coordinates: [
        [
          [44, 36],
          [44.001, 36.001],
          [44.001, 36],
          [44, 36.001],
          [44, 36],
        ],
      ],
    },
    'self-intersecting',
    /edges 1 and 3 cross/,
  ],
  [
    'an outline drawn across the antimeridian',
    { type: 'Polygon', coordinates: [box(179.9, -17, -179.9, -16.9)] },
    'crosses-antimeridian',
    /spans more than 180° of longitude/,
  ],
  ['an empty FeatureCollection', { type: 'FeatureCollection', features: [] }, 'not-a-polygon', /no features/],
  [
    'a collection with a point among the polygons',
    {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [HANGAR] } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [44, 36] } },
      ],
    },
    'not-a-polygon',
    /^feature 2: a Point/,
  ],
];

describe('outlines it refuses, as problems (never thrown)', () => {
  it.each(REFUSED)('%s', (_name, geojson, code, message) => {
    const result = measurePolygon(geojson);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.message).toMatch(message);
  });

  it('refuses more vertices than the cap', () => {
    const circle = Array.from({ length: 40 }, (_, i) => [
      44 + 0.001 * Math.cos((i / 40) * 2 * Math.PI),
      36 + 0.001 * Math.sin((i / 40) * 2 * Math.PI),
    ]);
    const ring = [...circle, circle[0]];
    expect(measurePolygon({ type: 'Polygon', coordinates: [ring] }, { maxVertices: 20 })).toMatchObject({
      ok: false,
      problem: { code: 'too-many-vertices' },
    });
    expect(measurePolygon({ type: 'Polygon', coordinates: [ring] }).ok).toBe(true);
  });
});
