import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { numberedReport } from './numbered-report.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a writer process and SIGKILLs it once it has reported `after` stored documents. */
function writeUntilKilled(path: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'write-reports.ts'), path, '0', '100000'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stored = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stored += chunk.split('\n').filter((line) => line.startsWith('new ')).length;
      if (stored >= after) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(stored)
        : reject(new Error(`writer exited without being killed (${signal})`)),
    );
  });
}

/** Runs a writer process over reports [from, to) to completion and returns its status lines. */
function writeRange(path: string, from: number, to: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'write-reports.ts'), path, String(from), String(to)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`writer exited with ${code}`)),
    );
  });
}

describe('two writer processes on one SQLite ledger', () => {
  it('both finish, with every document stored once', async () => {
    const path = join(dir, 'shared.sqlite');
    // Overlapping ranges: reports 40–59 are put by both processes at about the same time.
    const [a, b] = await Promise.all([writeRange(path, 0, 60), writeRange(path, 40, 100)]);
    const lines = [...a, ...b];
    expect(lines.filter((l) => l.startsWith('failed'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('new')).length).toBe(100);
    expect(lines.filter((l) => l.startsWith('duplicate')).length).toBe(20);
    const store = await openStore(path);
    try {
      expect(await store.stats()).toMatchObject({ documents: 100, claims: 2000, events: 100 });
    } finally {
      await store.close();
    }
  });
});

describe('a writer killed with SIGKILL', () => {
  it('leaves only whole documents, and a re-run completes without duplicates', async () => {
    const path = join(dir, 'ledger.sqlite');
    const reported = await writeUntilKilled(path, 40);
    const store = await openStore(path);
    try {
      const docs = await store.listDocuments({ limit: 10_000 });
      // The writer may have committed a few more than it managed to print before dying.
      expect(docs.length).toBeGreaterThanOrEqual(reported);
      for (const doc of docs) {
        const claims = await store.claimsOf(doc.id);
        expect(claims, doc.id).toHaveLength(20);
        expect(await store.eventsOf(doc.id), doc.id).toHaveLength(1);
        expect(await store.getRecord(doc.id), doc.id).not.toBeNull();
        expect(await store.getArchive(doc.rawSha256), doc.id).not.toBeNull();
        expect(
          (await store.search(`"shelling report ${doc.id.slice(7)}"`, { kind: 'document' })).length,
        ).toBe(1);
      }
      const stored = docs.length;
      const statuses: string[] = [];
      for (let n = 0; n < stored + 10; n += 1)
        statuses.push((await store.putDocument(numberedReport(n))).status);
      expect(statuses.slice(0, stored).every((s) => s === 'duplicate')).toBe(true);
      expect(statuses.slice(stored).every((s) => s === 'new')).toBe(true);
      expect((await store.stats()).documents).toBe(stored + 10);
      expect((await store.stats()).claims).toBe((stored + 10) * 20);
    } finally {
      await store.close();
    }
  });
});
