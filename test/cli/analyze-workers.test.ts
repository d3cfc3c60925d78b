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

describe('analyze --jsonl on worker threads with the gazetteer', () => {
  it('places every report as one thread does, in input order', () => {
    const lines = REPORTS.map((text, i) => JSON.stringify({ id: `r${i}`, text, date: '2024-03-05' }));
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-workers-'));
    const input = join(dir, 'reports.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const one = analyzeBatch(input, 1);
    const two = analyzeBatch(input, 2);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.err).toBe('');
    expect(two.out).toBe(one.out);
    const records = two.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; places: { name?: string; text?: string }[] });
    expect(records.map((r) => r.id)).toEqual(REPORTS.map((_, i) => `r${i}`));
    expect(records.every((r) => r.places.length > 0)).toBe(true);
  });
});
