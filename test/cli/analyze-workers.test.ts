import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the built CLI (npm test builds first): worker threads read with the gazetteer their
// parent shares, and must place every report exactly as one thread does.
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');

function analyzeBatch(input: string, workers: number) {
  const r = spawnSync(
    process.execPath,
    [CLI, 'analyze', '--jsonl', input, '--workers', String(workers), '--quiet'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const REPORTS = [
  'Rockets hit Erbil airport on Monday, Kurdish officials said.',
  'Shelling struck Rafah and Khan Younis overnight, witnesses said.',
  'A drone attacked Ain al-Asad air base in Anbar province, the coalition said.',
  'Missiles landed near Kupiansk on Tuesday, the governor said.',
  'Protesters gathered in St. Louis on Friday, police said.',
  'Artillery fire was reported near Harir Air Base, local media said.',
];

// Reports of very different lengths, so that the workers finish out of input order; more of
// them than the pool keeps in flight (8 per worker); names and quotes outside ASCII, since the
// workers hand back UTF-8 bytes; lines that are not reports at all.
const LONG = 'Witnesses said the strike on the market in Kharkiv killed four people. '.repeat(40);
const MIXED_BATCH = Array.from({ length: 40 }, (_, i) => {
  if (i === 11) return '{"id": "broken", "text": ';
  if (i === 23) return JSON.stringify({ id: 'no-text', html: 42 });
  const text =
    i % 5 === 0
      ? `${LONG} (${i})`
      : i % 3 === 0
        ? `«Обстріл» hit Kharkiv and Zaporizhzhia on Tuesday — Mayor Ihor Terekhov said 🚀 (${i}).`
        : `Shelling hit Rafah on Monday, officials said (${i}).`;
  return JSON.stringify({ id: `m${i}`, text, date: '2024-03-05' });
});

function batchFile(lines: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-workers-'));
  const input = join(dir, 'reports.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  return input;
}

/** Reads the batch on one thread and on two workers, expects the same bytes, and parses them. */
function recordsOnTwoWorkers<T>(lines: readonly string[]): T[] {
  const input = batchFile(lines);
  const one = analyzeBatch(input, 1);
  const two = analyzeBatch(input, 2);
  expect(one.code).toBe(0);
  expect(two.code).toBe(0);
  expect(two.err).toBe('');
  expect(two.out).toBe(one.out);
  return two.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);
}

describe('analyze --jsonl on worker threads with the gazetteer', () => {
  it('gives a long mixed batch byte for byte as one thread does', () => {
    const records = recordsOnTwoWorkers<{ id: string; error?: string }>(MIXED_BATCH);
    expect(records).toHaveLength(MIXED_BATCH.length);
    expect(records[11]).toEqual({ id: 'line-12', error: expect.stringMatching(/not valid JSON/) });
    expect(records[23]?.error).toMatch(/no "text" or "html"/);
    expect(records.filter((r) => r.error === undefined).map((r) => r.id)).toEqual(
      MIXED_BATCH.map((_, i) => `m${i}`).filter((id) => id !== 'm11' && id !== 'm23'),
    );
  });

  it('places every report as one thread does, in input order', () => {
    const lines = REPORTS.map((text, i) => JSON.stringify({ id: `r${i}`, text, date: '2024-03-05' }));
    const records = recordsOnTwoWorkers<{ id: string; places: { name?: string; text?: string }[] }>(lines);
    expect(records.map((r) => r.id)).toEqual(REPORTS.map((_, i) => `r${i}`));
    expect(records.every((r) => r.places.length > 0)).toBe(true);
  });
});
