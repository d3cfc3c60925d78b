import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ANALYZE_BUNDLE,
  ANALYZE_BUNDLE_MANIFEST,
  analyzeBundleIsCurrent,
  bundleManifest,
} from '../../src/cli/analyze-bundle.js';

const root = mkdtempSync(join(tmpdir(), 'corroborate-analyze-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let builds = 0;

/** A dist/ as `npm run build` leaves it: two compiled modules, a package, the bundle and its manifest. */
function builtDist(): { dist: string; cli: string } {
  const dist = join(root, `build-${++builds}`, 'dist');
  const cli = join(dist, 'cli');
  mkdirSync(join(dist, 'nlp'), { recursive: true });
  mkdirSync(cli);
  mkdirSync(join(root, `build-${builds}`, 'node_modules/chrono-node'), { recursive: true });
  writeFileSync(join(cli, 'analyze-command.js'), 'export const runAnalyzeCommand = () => 0;\n');
  writeFileSync(join(dist, 'nlp/claims.js'), 'export const cue = "said";\n');
  writeFileSync(
    join(root, `build-${builds}`, 'node_modules/chrono-node/package.json'),
    '{"version":"2.7.0"}\n',
  );
  writeFileSync(join(cli, ANALYZE_BUNDLE), 'export const runAnalyzeCommand = () => 0; // + "said"\n');
  const inputs = [
    join(cli, 'analyze-command.js'),
    join(dist, 'nlp/claims.js'),
    join(root, `build-${builds}`, 'node_modules/chrono-node/package.json'),
  ];
  writeFileSync(join(cli, ANALYZE_BUNDLE_MANIFEST), JSON.stringify(bundleManifest(cli, inputs)));
  return { dist, cli };
}

const later = new Date(Date.now() + 60_000);

describe('the analyze bundle is used only while it was made from the modules beside it', () => {
  it.each([
    ['nothing changed since the build', () => {}, true],
    [
      'a module touched, its bytes the same',
      (d: string) => utimesSync(join(d, 'nlp/claims.js'), later, later),
      true,
    ],
    [
      'a tsc build wrote the same bytes again',
      (d: string) => writeFileSync(join(d, 'nlp/claims.js'), 'export const cue = "said";\n'),
      true,
    ],
    [
      'a tsc build changed a module, same size',
      (d: string) => writeFileSync(join(d, 'nlp/claims.js'), 'export const cue = "told";\n'),
      false,
    ],
    [
      'a tsc build changed the command itself',
      (d: string) =>
        writeFileSync(
          join(d, 'cli/analyze-command.js'),
          'export const runAnalyzeCommand = () => 1; // new\n',
        ),
      false,
    ],
    ['a module is gone', (d: string) => rmSync(join(d, 'nlp/claims.js')), false],
    [
      'a bundled package was updated',
      (d: string) =>
        writeFileSync(join(d, '../node_modules/chrono-node/package.json'), '{"version":"2.8.0"}\n'),
      false,
    ],
    [
      'the bundle was cut short',
      (d: string) => writeFileSync(join(d, 'cli', ANALYZE_BUNDLE), 'export const'),
      false,
    ],
    ['the manifest is missing', (d: string) => rmSync(join(d, 'cli', ANALYZE_BUNDLE_MANIFEST)), false],
    [
      'the manifest is not JSON',
      (d: string) => writeFileSync(join(d, 'cli', ANALYZE_BUNDLE_MANIFEST), '{'),
      false,
    ],
  ])('%s: %s', (_, change: (dist: string) => void, current) => {
    const { dist, cli } = builtDist();
    expect(analyzeBundleIsCurrent(cli)).toBe(true);
    change(dist);
    expect(analyzeBundleIsCurrent(cli)).toBe(current);
  });

  it('is still current in a copy of the build, whose files all have new times', () => {
    const { dist } = builtDist();
    const copy = join(root, `copy-${builds}`);
    cpSync(join(dist, '..'), copy, { recursive: true });
    const future = new Date(Date.now() + 120_000);
    utimesSync(join(copy, 'dist/cli/analyze-command.js'), future, future);
    expect(analyzeBundleIsCurrent(join(copy, 'dist/cli'))).toBe(true);
  });
});
