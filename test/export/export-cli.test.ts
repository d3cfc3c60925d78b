import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { REVIEW_ACTIONS } from '../../src/corroborate/load-ledger.js';
import { parseAcledCsv } from '../../src/export/acled-csv.js';
import { isAdmin1Code } from '../../src/export/admin1-name.js';
import { parseLedgerJson } from '../../src/export/ledger-json.js';
import { loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import { openStore } from '../../src/store/open-store.js';
import type { Ledger, ReviewDecision } from '../../src/types/ledger.js';

// Runs the built CLI (npm test builds first) against a ledger made in a temporary folder.
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'corroborate-export-'));
const DB = join(dir, 'ledger.sqlite');

// Fictional reports at real places: a wire story, its reprint, and an independent report.
const WIRE = `Drones strike Harir air base, group says

ERBIL, Iraq (Wire Service) — Armed drones struck Harir Air Base in Erbil province on 17 October, an armed group said in a statement. A US defence official said there was no damage or casualties.
`;
const REPRINT = `Drones strike Harir air base, group says

ERBIL, Iraq (Wire Service) — Armed drones struck Harir Air Base in Erbil province on 17 October, an armed group said in a statement. A US defence official said there was no damage or casualties.

This story first appeared on Wire Service.
`;
const LOCAL = `Shelling hits villages near Deir ez-Zor

Artillery shelling hit two villages near Deir ez-Zor on 6 November, killing three civilians, residents told reporters.
`;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let ledger: Ledger;

beforeAll(async () => {
  const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`build the CLI first (npm run build): ${version.stderr}`);
  const gazetteer = await loadDefaultGazetteer();
  const store = await openStore(DB);
  try {
    for (const [id, text, date] of [
      ['wire-1', WIRE, '2023-10-18'],
      ['reprint-1', REPRINT, '2023-10-18'],
      ['local-1', LOCAL, '2023-11-07'],
    ] as const)
      await store.putDocument({ record: analyzeText(text, { id, date, gazetteer }) });
  } finally {
    await store.close();
  }
  const json = run(['export', '--format', 'json', '--db', DB]);
  expect(json.err).toBe('');
  expect(json.code).toBe(0);
  ledger = parseLedgerJson(json.out);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corroborate export', () => {
  it('writes the whole ledger as corroborate.ledger/1 JSON', () => {
    expect(ledger.schema).toBe('corroborate.ledger/1');
    expect(ledger.documents.map((d) => d.id).sort()).toEqual(['local-1', 'reprint-1', 'wire-1']);
    expect(ledger.events.length).toBeGreaterThan(0);
    expect(ledger.claims.length).toBeGreaterThan(0);
  });

  it('writes ACLED CSV to a file atomically, one row per ledger event', () => {
    const out = join(dir, 'events.csv');
    const r = run(['export', '--format', 'acled-csv', '--db', DB, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const rows = parseAcledCsv(readFileSync(out, 'utf8'));
    expect(rows.map((row) => row.corroborate_event_id).sort()).toEqual(ledger.events.map((e) => e.id).sort());
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Admin-1 divisions are named (from the gazetteer), not left as GeoNames codes.
    expect(rows.filter((row) => row.admin1 !== '').every((row) => !isAdmin1Code(row.admin1))).toBe(true);
  });

  it('writes GeoJSON with every event either placed or counted as unlocated', () => {
    const r = run(['export', '--format', 'geojson', '--db', DB]);
    expect(r.code).toBe(0);
    const collection = JSON.parse(r.out);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length + collection.unlocated).toBe(ledger.events.length);
  });

  it('writes a ClaimReview for a claim an analyst rated, and none before', async () => {
    expect(JSON.parse(run(['export', '--format', 'claimreview', '--db', DB]).out)).toEqual([]);
    const claim = ledger.claims[0]!;
    const decision: ReviewDecision = {
      kind: 'rate-claim',
      claim: { documentId: claim.documentId, claimId: claim.claimId },
      rating: 2,
      label: 'Misleading',
      by: 'A. Analyst',
      at: '2023-10-20',
      note: 'No damage seen on imagery.',
    };
    const store = await openStore(DB);
    try {
      await store.appendAudit({
        actor: 'A. Analyst',
        action: REVIEW_ACTIONS['rate-claim'],
        subject: `claim:${claim.id}`,
        after: decision,
      });
    } finally {
      await store.close();
    }
    const r = run(['export', '--format', 'claimreview', '--db', DB]);
    expect(r.code).toBe(0);
    const reviews = JSON.parse(r.out);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: claim.text,
      reviewRating: { ratingValue: 2, alternateName: 'Misleading', bestRating: 5, worstRating: 1 },
      author: { name: 'A. Analyst' },
      reviewBody: 'No damage seen on imagery.',
    });
  });

  it.each([
    [
      'an unknown format',
      ['--format', 'kml'],
      2,
      /unknown export format "kml": use one of json, acled-csv, geojson, claimreview/,
    ],
    ['no format', [], 2, /--format is required/],
    ['a stray argument', ['--format', 'json', 'extra'], 2, /unexpected argument "extra"/],
    ['an unknown option', ['--format', 'json', '--bogus'], 2, /bogus/],
    [
      'a folder that does not exist',
      ['--format', 'json', '--out', join(dir, 'no/such/x.json')],
      4,
      /cannot write/,
    ],
  ])('refuses %s', (_case, args, code, message) => {
    const r = run(['export', ...args, '--db', DB]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('prints its help', () => {
    const r = run(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: corroborate export --format FORMAT/);
    expect(r.out).toMatch(/acled-csv/);
  });
});
