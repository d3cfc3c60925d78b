import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// Runs the built CLI (npm test builds first), as a user would.
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const REPORT = `Drones hit fuel depot

Armed drones struck a fuel depot near Mosul on 12 March, killing at least three workers, officials said.
`;

beforeAll(() => {
  const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build the CLI first (npm run build): ${r.stderr}`);
});

describe('corroborate analyze', () => {
  it('prints the full record as JSON', () => {
    const r = run([
      'analyze',
      file('report.txt', REPORT),
      '--date',
      '2024-03-14',
      '--format',
      'json',
      '--no-geo',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const record = JSON.parse(r.out);
    expect(record.schema).toBe('corroborate.analysis/1');
    expect(record.text).toBe(REPORT);
    expect(record.document.title.value).toBe('Drones hit fuel depot');
    expect(record.referenceDate).toBe('2024-03-14');
    for (const key of [
      'sentences',
      'quantities',
      'dates',
      'places',
      'attributions',
      'claims',
      'events',
      'entities',
    ]) {
      expect(Array.isArray(record[key]), key).toBe(true);
    }
  });

  it('prints a readable report in sections', () => {
    const r = run(['analyze', file('report2.txt', REPORT), '--format', 'text', '--no-geo']);
    expect(r.code).toBe(0);
    for (const heading of [
      '## Document',
      '## Claims',
      '## Numbers and checks',
      '## Dates',
      '## Places',
      '## Events',
    ]) {
      expect(r.out).toContain(heading);
    }
  });

  it('reads standard input', () => {
    const r = run(['analyze', '-', '--format', 'json', '--no-geo'], REPORT);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).id).toBe('stdin');
  });

  it('reads HTML and keeps the page metadata', () => {
    const html = `<!doctype html><html lang="en"><head><title>Depot hit | Test Post</title>
      <meta property="og:site_name" content="Test Post"><meta property="article:published_time" content="2024-03-13T08:00:00Z"></head>
      <body><nav><a href="/">Home</a></nav><article><h1>Depot hit</h1>
      <p>Armed drones struck a fuel depot near Mosul on Tuesday, killing at least three workers, provincial officials said on Wednesday.</p>
      <p>The governor's spokesman said two drones hit the depot shortly after midnight and that the fire burned for hours.</p>
      <p>An armed group claimed responsibility in a statement posted online, saying it had targeted the depot nine times.</p>
      </article><footer>© Test Post</footer></body></html>`;
    const r = run(['analyze', file('page.html', html), '--format', 'json', '--no-geo']);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.out);
    expect(record.document.format).toBe('html');
    expect(record.body).toContain('Armed drones struck a fuel depot');
    expect(record.body).not.toContain('Home');
    expect(record.document.publishedDate).toBe('2024-03-13');
    expect(record.referenceDate).toBe('2024-03-13');
  });
});

describe('batch mode (--jsonl)', () => {
  it('answers one line per input line, in order, with an error for a bad line', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'Shells hit the town on Monday.', date: '2024-03-14' }),
      'this is not json',
      JSON.stringify({ id: 'c', text: '' }),
      JSON.stringify({
        id: 'd',
        html: '<html><body><article><p>Rockets hit the airport late on Sunday night, officials said, adding that nobody was hurt in the attack on the airport.</p></article></body></html>',
      }),
      JSON.stringify({ id: 'e', text: 'Drones hit.', date: '2024-02-30' }),
      JSON.stringify({ id: 'f', text: 'Drones hit the depot.', gold: { ignored: true } }),
    ].join('\n');
    const r = run(['analyze', '--jsonl', file('batch.jsonl', `${lines}\n`), '--no-geo']);
    expect(r.code).toBe(0);
    const out = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'line-2', 'c', 'd', 'e', 'f']);
    expect(out[0].error).toBeUndefined();
    expect(out[0].referenceDate).toBe('2024-03-14');
    expect(out[1].error).toMatch(/not valid JSON/);
    expect(out[2].error).toMatch(/empty/i);
    expect(out[3].document.format).toBe('html');
    expect(out[4].error).toMatch(/not a calendar day/);
    expect(out[5].error).toBeUndefined();
  });

  it('gives the same lines in the same order on worker threads as in one thread', () => {
    const lines = Array.from({ length: 24 }, (_, i) =>
      i === 7
        ? 'not json either'
        : JSON.stringify({ id: `r${i}`, text: `Shelling hit Kharkiv on Monday, officials said (${i}).` }),
    ).join('\n');
    const input = file('workers.jsonl', `${lines}\n`);
    const one = run(['analyze', '--jsonl', input, '--no-geo', '--workers', '1']);
    const two = run(['analyze', '--jsonl', input, '--no-geo', '--workers', '2']);
    expect(two.code).toBe(0);
    expect(two.err).toBe('');
    expect(two.out).toBe(one.out);
    const ids = two.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ids[7]).toBe('line-8');
    expect(ids.filter((id) => id.startsWith('r'))).toEqual(
      Array.from({ length: 24 }, (_, i) => `r${i}`).filter((id) => id !== 'r7'),
    );
  });

  it('refuses a bad --workers value', () => {
    const r = run(['analyze', '--jsonl', '-', '--workers', 'many'], '');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--workers must be auto or a whole number from 1 to 64/);
  });

  it('reads batches from standard input', () => {
    const r = run(
      ['analyze', '--jsonl', '-', '--no-geo'],
      `${JSON.stringify({ id: 'x', text: 'Drones hit.' })}\n`,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).id).toBe('x');
  });
});

describe('bad input gives one clear line and a non-zero exit', () => {
  it.each([
    ['an empty file', () => file('empty.txt', ''), /empty/i],
    [
      'a binary file',
      () =>
        file(
          'image.txt',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 1, 2, 3]),
        ),
      /binary|image|PNG/i,
    ],
    [
      'non-UTF-8 text',
      () => file('latin1.txt', Buffer.from('Caf\xe9 bombed in the night, officials said.', 'latin1')),
      /UTF-8/,
    ],
    ['a missing file', () => join(dir, 'nope.txt'), /no such file/],
    [
      'HTML with no article',
      () => file('nav.html', '<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>'),
      /no article/i,
    ],
  ])('%s', (_name, make, message) => {
    const r = run(['analyze', make(), '--no-geo', '--format', 'json']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a file over the size limit', () => {
    const big = file('big.txt', 'Shelling continued. '.repeat(3000));
    const r = run(['analyze', big, '--max-bytes', '10000', '--no-geo']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/over the .* limit/);
  });

  it.each([
    [['analyze', '--date', '06/12/2023', '-']],
    [['analyze', '--format', 'xml', '-']],
    [['analyze', '--bogus']],
    [['frobnicate']],
  ])('usage error for %j', (args) => {
    const r = run(args, 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/corroborate/);
  });

  it('prints help', () => {
    const r = run(['analyze', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--jsonl/);
  });
});
