import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/eval.mjs', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

describe('scripts/eval.mjs options', () => {
  it.each([['--help'], ['-h']])('%s prints the usage and evaluates nothing', (flag) => {
    const result = run(flag);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('npm run eval');
    expect(result.stdout).toContain('--dev');
    expect(result.stdout).not.toContain('|');
  });

  it('refuses an option it does not know, with the usage exit code', () => {
    const result = run('--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option --bogus');
  });
});
