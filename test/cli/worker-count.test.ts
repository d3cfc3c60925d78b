import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUTO_WORKERS_MAX, singleFileBytes, workerCount } from '../../src/cli/worker-count.js';
import { UsageError } from '../../src/errors.js';

describe('--workers N|auto, the same for analyze and ingest', () => {
  it.each([
    // [what the user gave, the command's default, one input file's size, cores, threads]
    ['3', 1, null, 8, 3],
    ['1', 'auto', null, 8, 1],
    ['64', 1, null, 2, 64],
    [undefined, 1, null, 8, 1],
    [undefined, 'auto', null, 2, 2],
    ['auto', 1, null, 2, 2],
    ['auto', 1, null, 16, AUTO_WORKERS_MAX],
    ['auto', 1, null, 1, 1],
    ['auto', 1, 5 * 1024 * 1024, 8, AUTO_WORKERS_MAX],
    ['auto', 1, 200_000, 8, 1],
    [undefined, 'auto', 200_000, 8, 1],
    ['2', 'auto', 200_000, 8, 2],
  ] as const)(
    '--workers %s (default %s, one file of %s bytes, %i cores) reads on %i threads',
    (value, fallback, bytes, cores, threads) => {
      expect(workerCount(value, { fallback, singleFileBytes: bytes, cores })).toBe(threads);
    },
  );

  it.each([['0'], ['65'], ['many'], ['2.5'], ['-1'], ['']])('--workers "%s" is a usage error', (value) => {
    expect(() => workerCount(value, { fallback: 1, singleFileBytes: null })).toThrow(UsageError);
    expect(() => workerCount(value, { fallback: 1, singleFileBytes: null })).toThrow(
      /--workers must be auto or a whole number from 1 to 64/,
    );
  });
});

describe('which inputs count as one file for auto', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-worker-count-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const report = join(dir, 'report.jsonl');
  writeFileSync(report, 'x'.repeat(1234));

  it.each([
    ['one file', [report], 1234],
    ['standard input', ['-'], null],
    ['a URL', ['https://news.example.org/a'], null],
    ['a folder', [dir], null],
    ['a file that is not there', [join(dir, 'missing.jsonl')], null],
    ['two files', [report, report], null],
  ])('%s', (_, inputs, bytes) => {
    expect(singleFileBytes(inputs)).toBe(bytes);
  });
});
