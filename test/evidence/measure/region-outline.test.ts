import { describe, expect, it } from 'vitest';
import { measurePolygon } from '../../../src/evidence/measure/polygon-area.js';
import { traceRegion } from '../../../src/evidence/measure/region-outline.js';

/** A grid drawn in text: `#` is the region, `.` is not. */
function labelsOf(rows: string[]): { labels: Int32Array; width: number; height: number; pixels: number } {
  const width = rows[0]?.length ?? 0;
  const labels = new Int32Array(width * rows.length);
  let pixels = 0;
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      if (row[c] !== '#') continue;
      labels[r * width + c] = 1;
      pixels++;
    }
  });
  return { labels, width, height: rows.length, pixels };
}

const SHAPES: [string, string[], { polygons: number; holes: number }][] = [
  ['a square', ['....', '.##.', '.##.', '....'], { polygons: 1, holes: 0 }],
  ['a courtyard', ['#####', '#...#', '#...#', '#####'], { polygons: 1, holes: 1 }],
  ['two pixels touching at a corner', ['#.', '.#'], { polygons: 2, holes: 0 }],
  ['a hole pinched at a corner', ['######', '##.###', '###.##', '######'], { polygons: 1, holes: 2 }],
  ['a hole touching the outside at a corner', ['.#####', '#.####', '######'], { polygons: 1, holes: 1 }],
  ['an L with a notch', ['##..', '##..', '####', '####'], { polygons: 1, holes: 0 }],
];

describe('outlines traced along pixel edges', () => {
  it.each(SHAPES)('%s: simple rings whose area is the pixels', (_name, rows, expected) => {
    const { labels, width, height, pixels } = labelsOf(rows);
    const polygons = traceRegion(labels, width, height, 1, { col: 0, row: 0, width, height });
    expect(polygons).toHaveLength(expected.polygons);
    expect(polygons.reduce((n, p) => n + p.holes.length, 0)).toBe(expected.holes);
    // 1 pixel = 0.0001° near the equator, measured as a GeoJSON outline
    const toLonLat = (ring: [number, number][]) => ring.map(([x, y]) => [x * 0.0001, -y * 0.0001]);
    const geometry = {
      type: 'MultiPolygon',
      coordinates: polygons.map((p) => [toLonLat(p.outer), ...p.holes.map(toLonLat)]),
    };
    const measured = measurePolygon(geometry);
    if (!measured.ok) throw new Error(measured.problem.message);
    const pixelM2 = measurePolygon({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.0001, 0],
          [0.0001, -0.0001],
          [0, -0.0001],
          [0, 0],
        ],
      ],
    });
    expect(measured.areaM2 / ((pixelM2.ok ? pixelM2.areaM2 : 0) * pixels)).toBeCloseTo(1, 3);
  });
});
