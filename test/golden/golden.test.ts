import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Gazetteer, loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import { actualOutput, listCases } from './golden-cases.js';

// Golden fixtures per stage. On a mismatch, outside CI, the actual output is written beside the
// case as expected.changed.json for review; `npm run fixture:update` accepts intended changes.
const cases = listCases();
let gazetteer: Gazetteer | null = null;

beforeAll(async () => {
  gazetteer = await loadDefaultGazetteer();
});

describe('golden fixtures', () => {
  it('has cases for the reader stages', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [`${c.stage}/${c.name}`, c] as const))('%s', (_label, c) => {
    const expectedFile = join(c.dir, 'expected.json');
    const changedFile = join(c.dir, 'expected.changed.json');
    const actual = actualOutput(c, gazetteer);
    expect(existsSync(expectedFile), `${expectedFile} is missing: run npm run fixture:update`).toBe(true);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    const same = JSON.stringify(actual) === JSON.stringify(expected);
    if (!same && !process.env.CI) writeFileSync(changedFile, `${JSON.stringify(actual, null, 2)}\n`);
    if (same && existsSync(changedFile)) rmSync(changedFile);
    expect(actual).toEqual(expected);
  });
});
