import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { LedgerClaim, LedgerEvent } from '../../src/types/ledger.js';
import { TEST_POSTGRES, testSchema } from '../store/test-postgres.js';

// Runs the built CLI (npm test builds first), as a user would.
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'corroborate-ledger-cli-'));
const db = join(dir, 'ledger.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CORROBORATE_DB: db, USER: 'desk-tester' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json<T>(args: string[]): T {
  const r = run([...args, '--format', 'json']);
  if (r.code !== 0) throw new Error(`corroborate ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as T;
}

interface ReportJson {
  summary: {
    documents: number;
    origins: number;
    events: number;
    claims: number;
    contradictions: number;
    checks: number;
  };
  events: LedgerEvent[];
}

// Reports written for these tests: fictional outlets and events, real places.
const REPORTS: Record<string, string> = {
  'north-wire.txt': `Drone strike hits fuel depot near Mosul

MOSUL, Iraq (North Wire) — Armed drones struck a fuel depot on the southern edge of Mosul on Tuesday, killing three workers, provincial officials said.

The Iraqi defence ministry denied that the depot had been hit.
`,
  'valley-courier.txt': `Drone strike hits fuel depot near Mosul

This article was first published by North Wire.

MOSUL, Iraq (North Wire) — Armed drones struck a fuel depot on the southern edge of Mosul on Tuesday, killing three workers, provincial officials said.

The Iraqi defence ministry denied that the depot had been hit.
`,
  'tigris-daily.txt': `Depot ablaze after drone attack in Mosul

A fuel depot in Mosul burned for hours after a drone strike on Tuesday that killed seven people, a police officer told Tigris Daily.
`,
  'kherson.txt': `Shelling hits market in Kherson

Artillery shells hit a covered market in Kherson on Sunday, wounding five people, the regional governor said.
`,
};

let report: ReportJson;

beforeAll(() => {
  const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build the CLI first (npm run build): ${r.stderr}`);
  mkdirSync(join(dir, 'desk'));
  for (const [name, text] of Object.entries(REPORTS)) writeFileSync(join(dir, 'desk', name), text);
  const ingest = run(['ingest', 'desk', '--date', '2024-03-14']);
  if (ingest.code !== 0) throw new Error(`ingest failed: ${ingest.err}`);
  report = json<ReportJson>(['report']);
}, 60_000);

/** The event whose members include a report event of this document. */
function eventOfDocument(events: LedgerEvent[], documentId: string): LedgerEvent | undefined {
  return events.find((e) => e.members.some((m) => m.documentId === documentId));
}

describe('corroborate report', () => {
  it('sums up the ledger: documents, origins (a copy counts once), events, claims', () => {
    expect(report.summary).toMatchObject({ documents: 4, origins: 3 });
    expect(report.summary.events).toBe(report.events.length);
    expect(report.summary.contradictions).toBe(
      report.events.reduce((n, e) => n + e.contradictions.length, 0),
    );
    expect(report.summary.claims).toBeGreaterThan(0);
  });

  it('lists every event with its type, date, place, status, origins and support in text', () => {
    const r = run(['report']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Ledger: 4 documents · 3 origins · \d+ events? · \d+ claims? · \d+ contradictions? · \d+ checks?/,
    );
    for (const event of report.events) {
      expect(r.out).toContain(`${event.id}  ${event.type}`);
    }
    expect(r.out).toMatch(/^ {2}when {3}2024-03-1\d/m);
    expect(r.out).toMatch(/^ {2}where {2}Mosul/m);
    expect(r.out).toMatch(/^ {2}origins \d+ independent origins? over \d+ reports?/m);
    expect(r.out).toMatch(/^ {2}support \d+ supporting, \d+ contradicting claims?/m);
  });

  it('filters by status and limits the count', () => {
    const first = report.events[0]!;
    const only = json<ReportJson>(['report', '--status', first.status]);
    expect(only.events.length).toBeGreaterThan(0);
    expect(only.events.every((e) => e.status === first.status)).toBe(true);
    expect(json<ReportJson>(['report', '--limit', '1']).events).toHaveLength(1);
  });

  it.each([
    [['--status', 'maybe'], /--status must be one of unverified, corroborated, confirmed, disputed, false/],
    [['--limit', 'all'], /--limit must be a positive integer/],
    [['extra'], /report takes no arguments/],
  ])('usage error %j: one line, exit 2', (args, message) => {
    const r = run(['report', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('corroborate show', () => {
  it('shows an event with its reports by origin and each claim quoted from the archive by span', () => {
    const event = eventOfDocument(report.events, 'desk/north-wire.txt')!;
    const r = run(['show', event.id]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toContain(event.id);
    expect(r.out).toContain('Evidence, by origin');
    expect(r.out).toMatch(/desk\/north-wire\.txt:c\d+ \[\d+–\d+\] {2}“.*Armed drones struck a fuel depot/);
    expect(r.out).toMatch(/provincial officials · unnamed-official · said/);

    const shown = json<{
      claims: Array<{ documentId: string; start: number; end: number; span: string; sentence: string }>;
    }>(['show', event.id]);
    expect(shown.claims.length).toBeGreaterThan(0);
    for (const quote of shown.claims) {
      const source = REPORTS[quote.documentId.replace('desk/', '')]!;
      expect(quote.span).toBe(source.slice(quote.start, quote.end));
      expect(source.replace(/\s+/g, ' ')).toContain(quote.sentence);
    }
  });

  it('shows a claim with its speaker, document, origin and copies', () => {
    const ledger = json<{ claim: LedgerClaim; origin: { documentIds: string[] } }>([
      'show',
      `desk/valley-courier.txt:${firstClaimOf('desk/valley-courier.txt')}`,
    ]);
    expect(ledger.origin.documentIds.sort()).toEqual(['desk/north-wire.txt', 'desk/valley-courier.txt']);
    const r = run(['show', ledger.claim.id]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('copies: desk/north-wire.txt');
  });

  it('shows a document with where and when it was retrieved', () => {
    const r = run(['show', 'desk/kherson.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^desk\/kherson\.txt — “Shelling hits market in Kherson”/);
    expect(r.out).toContain(`retrieved `);
    expect(r.out).toContain(join(dir, 'desk/kherson.txt'));
    expect(r.out).toMatch(/^Claims$/m);
  });

  it('names an unknown id in one line, exit 3', () => {
    const r = run(['show', 'no-such-thing']);
    expect(r.code).toBe(3);
    expect(r.err.trim()).toBe(
      'corroborate: no event, claim or document "no-such-thing" in the ledger (ids are listed by "corroborate report")',
    );
  });
});

/** The event holding this report event. */
function eventOfMember(
  events: LedgerEvent[],
  ref: { documentId: string; eventId: string },
): LedgerEvent | undefined {
  return events.find((e) =>
    e.members.some((m) => m.documentId === ref.documentId && m.eventId === ref.eventId),
  );
}

function firstClaimOf(documentId: string): string {
  const shown = json<{ claims: Array<{ claimId: string }> }>(['show', documentId]);
  return shown.claims[0]!.claimId.split(':').at(-1)!;
}

describe('corroborate review', () => {
  it('sets an event status, kept in the audit trail and replayed by every report', async () => {
    const event = eventOfDocument(report.events, 'desk/kherson.txt')!;
    const r = run(['review', 'set-status', event.id, 'confirmed', '--note', 'governor video geolocated']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^status set to confirmed by desk-tester: .*\[confirmed, set by analyst\]/);
    const after = eventOfDocument(json<ReportJson>(['report']).events, 'desk/kherson.txt')!;
    expect(after).toMatchObject({ status: 'confirmed', statusByAnalyst: true });

    const store = await openStore(db);
    try {
      const [entry] = (await store.auditLog()).filter((e) => e.action === 'review.set-status');
      expect(entry).toMatchObject({ actor: 'desk-tester', note: 'governor video geolocated' });
      expect(JSON.parse(entry!.after!)).toMatchObject({
        kind: 'set-status',
        status: 'confirmed',
        by: 'desk-tester',
      });
      expect((await store.verifyAudit()).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('rates a claim 1–5 with a default label', () => {
    const claimId = `desk/north-wire.txt:${firstClaimOf('desk/north-wire.txt')}`;
    const r = run(['review', 'rate', claimId, '2', '--by', 'amira']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`rated ${claimId} 2/5 “Misleading” by amira\n`);
    const shown = json<{ claim: LedgerClaim }>(['show', claimId]);
    expect(shown.claim.rating).toMatchObject({ value: 2, label: 'Misleading', by: 'amira' });
  });

  it('merges two events into one and splits a report back out', () => {
    const events = json<ReportJson>(['report']).events;
    const mosul = eventOfDocument(events, 'desk/north-wire.txt')!;
    const kherson = eventOfDocument(events, 'desk/kherson.txt')!;
    expect(run(['review', 'merge', mosul.id, kherson.id]).code).toBe(0);
    const joined = eventOfMember(json<ReportJson>(['report']).events, mosul.members[0]!)!;
    expect(joined.members).toEqual(expect.arrayContaining([...mosul.members, ...kherson.members]));

    const out = kherson.members.map((m) => `${m.documentId}:${m.eventId}`);
    const r = run(['review', 'split', joined.id, ...out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^split by desk-tester: /);
    const split = json<ReportJson>(['report']).events;
    const left = eventOfMember(split, mosul.members[0]!)!;
    const apart = eventOfMember(split, kherson.members[0]!)!;
    expect(left.id).not.toBe(apart.id);
    expect(apart.members).toEqual(expect.arrayContaining(kherson.members));
    expect(left.members).toEqual(expect.arrayContaining(mosul.members));
  });

  it.each([
    [['dance'], 2, /unknown review action "dance"/],
    [[], 2, /review needs an action/],
    [['set-status', 'no-such-event', 'confirmed'], 3, /no event "no-such-event"/],
    [['rate', 'no-such-claim', '3'], 3, /no claim "no-such-claim"/],
    [['merge', 'only-one'], 2, /usage: corroborate review merge EVENT EVENT/],
  ])('rejects %j in one line', (args, code, message) => {
    const r = run(['review', ...args]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a bad status and a bad rating as usage errors', () => {
    const event = report.events[0]!;
    expect(run(['review', 'set-status', event.id, 'probably']).code).toBe(2);
    const claimId = `desk/kherson.txt:${firstClaimOf('desk/kherson.txt')}`;
    expect(run(['review', 'rate', claimId, '6']).err).toMatch(/from 1 \(false\) to 5 \(true\), got "6"/);
  });
});

describe('corroborate audit', () => {
  it('lists the review history and verifies its hash chain', () => {
    const log = run(['audit', 'log', '--format', 'text']);
    expect(log.code).toBe(0);
    expect(log.out).toMatch(/review\.set-status/);
    const verified = run(['audit', 'verify', '--format', 'text']);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^audit chain intact: \d+ entries verified/);
  });

  it('names the first entry that no longer matches its hash after an edit behind its back', () => {
    const copy = join(dir, 'tampered.sqlite');
    // VACUUM INTO copies what the write-ahead log holds too.
    const source = new Database(db, { readonly: true });
    source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    source.close();
    const sqlite = new Database(copy);
    // Someone with the file in hand can drop the append-only guard; the chain still tells.
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare("UPDATE audit_log SET note = 'edited later' WHERE seq = 1").run();
    sqlite.close();
    const r = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--db', copy, '--format', 'json'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, firstBadSeq: 1 });
  });

  it('explains itself, and refuses an unknown action', () => {
    expect(run(['audit', '--help']).out).toMatch(/hash-chained/);
    expect(run(['audit', 'rewrite']).code).toBe(2);
  });
});

describe('a ledger that does not exist', () => {
  it.each([[['report']], [['show', 'x']], [['review', 'set-status', 'x', 'confirmed']]])(
    '%j says so in one line, exit 3, and creates nothing',
    (args) => {
      const missing = join(dir, 'missing/ledger.sqlite');
      const r = run([...args, '--db', missing]);
      expect(r.code).toBe(3);
      expect(r.err.trim()).toBe(
        `corroborate: no ledger at ${missing} (ingest reports first, or name one with --db)`,
      );
      expect(existsSync(missing)).toBe(false);
    },
  );
});

// The same commands on PostgreSQL when a test database is named (skipped otherwise; the store
// suite is the one that insists on PostgreSQL under CI).
describe.skipIf(!TEST_POSTGRES)('the ledger commands on PostgreSQL', () => {
  let schema: ReturnType<typeof testSchema>;
  const url = () => schema.url;
  beforeAll(async () => {
    schema = testSchema(`ledger_cli_${process.pid}`);
    await schema.create();
  });
  afterAll(() => schema.drop());

  it('ingests, reports, reviews and shows the same ledger as on SQLite', () => {
    const first = run(['ingest', 'desk', '--date', '2024-03-14', '--db', url(), '--format', 'json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).counts).toMatchObject({ new: 4, failed: 0 });
    expect(JSON.parse(run(['ingest', 'desk', '--db', url(), '--format', 'json']).out).counts).toMatchObject({
      new: 0,
      duplicate: 4,
    });
    const onPostgres = json<ReportJson>(['report', '--db', url()]);
    const onSqlite = json<ReportJson>(['report']);
    expect(onPostgres.summary.documents).toBe(onSqlite.summary.documents);
    expect(onPostgres.summary.origins).toBe(onSqlite.summary.origins);
    const event = eventOfDocument(onPostgres.events, 'desk/kherson.txt')!;
    expect(run(['review', 'set-status', event.id, 'disputed', '--db', url()]).code).toBe(0);
    expect(
      eventOfDocument(json<ReportJson>(['report', '--db', url()]).events, 'desk/kherson.txt'),
    ).toMatchObject({
      status: 'disputed',
      statusByAnalyst: true,
    });
    expect(run(['show', event.id, '--db', url()]).out).toContain('Evidence, by origin');
  }, 60_000);
});

describe('help', () => {
  it.each([
    ['report', /^Usage: corroborate report/, ['--status', '--limit', '--db']],
    ['show', /^Usage: corroborate show EVENT\|CLAIM\|DOC/, ['--format', '--db']],
    [
      'review',
      /^Usage: corroborate review ACTION/,
      ['set-status', 'merge', 'split', 'rate', '--by', '--note'],
    ],
  ])('%s --help explains the command', (command, usage, words) => {
    const r = run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(usage);
    for (const word of words) expect(r.out).toContain(word);
  });
});

describe('the ledger file', () => {
  it('is the one CORROBORATE_DB names when --db is absent', () => {
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
