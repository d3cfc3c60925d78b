import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage } from '../../bench/image-set.js';
import { openStore } from '../../src/store/open-store.js';
import type { EvidenceItem } from '../../src/types/evidence.js';
import { ledgerRecord } from '../store/ledger-record.js';

// Runs the CLI from the sources (through tsx), as a user would run the built one.
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'corroborate-evidence-cli-'));
const db = join(dir, 'ledger.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'evidence', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CORROBORATE_C2PA_TRUST_LIST: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

let photo: string;
let copy: string;
beforeAll(async () => {
  const store = await openStore(db);
  for (const id of ['south-post-1', 'north-desk-2']) {
    const text = `Smoke rose over the depot on Tuesday, a witness told ${id}. The photo is exclusive.`;
    await store.putDocument({
      record: ledgerRecord({ id, text, claims: [{ words: 'Smoke rose over the depot on Tuesday' }] }),
    });
  }
  await store.close();
  const png = await generateImage('noise', 8);
  photo = file('depot.jpg', await sharp(png).jpeg({ quality: 90 }).toBuffer());
  copy = file('exclusive.jpg', await sharp(png).resize(240).jpeg({ quality: 55 }).toBuffer());
});

describe('corroborate evidence', () => {
  it('adds the good images of a batch and reports the bad ones, exit 3', () => {
    const notImage = file('notice.jpg', '<html><body>removed</body></html>');
    const r = run([
      'add',
      photo,
      notImage,
      join(dir, 'missing.png'),
      '--document',
      'south-post-1',
      '--by',
      'ana',
      '--db',
      db,
    ]);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/depot\.jpg {2}ev:[0-9a-f]{12} {2}added/);
    expect(r.out).toMatch(/C2PA: absent/);
    expect(r.out).toMatch(/absence proves nothing/);
    expect(r.err).toMatch(/notice\.jpg: not an image/);
    expect(r.err).toMatch(/missing\.png: no such file/);
  });

  it('flags a copy of an image the archive already holds, with its first appearance', () => {
    const r = run(['add', copy, '--claim', 'north-desk-2:c1', '--by', 'ben', '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SEEN BEFORE: \S+ \(published\) in south-post-1 .*depot\.jpg — \d+ bits apart/);
  });

  it('lists evidence on a claim as JSON and shows one item in full', () => {
    const listed = run(['list', '--claim', 'north-desk-2:c1', '--json', '--db', db]);
    expect(listed.code).toBe(0);
    const items = JSON.parse(listed.out) as EvidenceItem[];
    expect(items.map((i) => [i.addedBy, i.finding.kind, i.subjects])).toEqual([
      ['ben', 'image', [{ kind: 'claim', id: 'north-desk-2:c1' }]],
    ]);
    const shown = run(['show', items[0]?.id ?? '', '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/added by ben/);
    expect(shown.out).toMatch(/archived bytes: sha256 [0-9a-f]{64}/);
    expect(run(['list', '--db', db]).out.trim().split('\n')).toHaveLength(2);
  });

  it('shows an earlier report ingested after the image was added as its earliest appearance', async () => {
    const listed = JSON.parse(
      run(['list', '--document', 'south-post-1', '--json', '--db', db]).out,
    ) as EvidenceItem[];
    const depot = listed.find((i) => i.finding.kind === 'image');
    expect(depot?.finding.kind === 'image' && depot.finding.reuse).toEqual([]);
    const store = await openStore(db);
    const text = 'Smoke rose over the depot, the post reported in January.';
    const record = ledgerRecord({
      id: 'west-post-0',
      text,
      claims: [{ words: 'Smoke rose over the depot' }],
    });
    await store.putDocument({
      record: { ...record, document: { ...record.document, publishedDate: '2024-01-15' } },
    });
    await store.close();
    expect(run(['add', photo, '--document', 'west-post-0', '--by', 'ingest', '--db', db]).code).toBe(0);
    const shown = run(['show', depot?.id ?? '', '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/SEEN BEFORE: 2024-01-15 \(published\) in west-post-0/);
  });

  const refusals: [string, string[], number, RegExp][] = [
    ['an unknown claim', ['add', 'x.jpg', '--claim', 'nowhere:c9'], 3, /no claim "nowhere:c9"/],
    ['unknown evidence', ['show', 'ev:000000000000'], 3, /no evidence "ev:000000000000"/],
    ['an unknown subcommand', ['frobnicate'], 2, /no subcommand "frobnicate"/],
    ['a threshold out of range', ['add', 'x.jpg', '--threshold', '40'], 2, /--threshold/],
    [
      'two subjects to list by',
      ['list', '--claim', 'a:c1', '--event', 'e'],
      2,
      /one of --claim, --event, --document/,
    ],
  ];
  it.each(refusals)('refuses %s with a one-line message', (_name, args, code, message) => {
    const r = run([...args, '--db', db]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('explains itself with --help', () => {
    const r = run(['add', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: corroborate evidence add FILE…/);
    expect(r.out).toMatch(/--trust-list FILE/);
    expect(run(['--help']).out).toMatch(/measure FILE\.geojson/);
  });
});
