// Change maps between two generated GeoTIFFs: time per image pair (TIFF decoding included) and
// how close the found areas come to the squares destroyed. Not a test: figures depend on the machine.
//
//   npx tsx bench/change-map.ts [--sizes 500,1000,2000] [--runs 3]
import { parseArgs } from 'node:util';
import { changeMap } from '../src/evidence/measure/change-map.js';
import {
  type Destroyed,
  geoTiff,
  type SceneGrid,
  scenePair,
} from '../test/evidence/measure/generated-geotiffs.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '500,1000,2000' }, runs: { type: 'string', default: '3' } },
});
const sizes = (values.sizes ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n >= 100);
const runs = Math.max(1, Number(values.runs));

for (const size of sizes) {
  const grid: SceneGrid = {
    width: size,
    height: size,
    origin: [400_000, 4_040_000],
    pixel: [0.5, 0.5],
    geoKeys: { ProjectedCSTypeGeoKey: 32638 },
  };
  // five buildings of 12 to 60 m on a side, spread over the scene
  const destroyed: Destroyed[] = [24, 40, 60, 90, 120].map((side, i) => ({
    col: Math.floor(((i + 0.5) / 5) * (size - side)),
    row: Math.floor((((i * 3 + 1) % 5) / 5) * (size - side)),
    size: Math.min(side, Math.floor(size / 6)),
    darker: 60,
  }));
  const { before, after } = scenePair(grid, destroyed);
  const a = geoTiff(before, grid);
  const b = geoTiff(after, grid);
  const times: number[] = [];
  let found = 0;
  let worst = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const map = await changeMap(a, b);
    times.push(performance.now() - t0);
    if (!map.ok) throw new Error(JSON.stringify(map.problems));
    found = map.regions.length;
    const expected = destroyed.map((d) => d.size * d.size * 0.25).sort((x, y) => y - x);
    worst = Math.max(
      ...map.regions.map((r, i) => Math.abs(r.areaM2 - (expected[i] ?? 0)) / (expected[i] ?? 1)),
    );
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${size} × ${size} px (${((size * size) / 1e6).toFixed(2)} Mpx): median ${median.toFixed(0)} ms over ${runs} runs, ` +
      `${((size * size) / 1e6 / (median / 1000)).toFixed(1)} Mpx/s; ${found} of ${destroyed.length} regions found, worst area error ${(worst * 100).toFixed(2)} %`,
  );
}
