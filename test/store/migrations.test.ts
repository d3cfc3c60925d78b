import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerMigrations } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { sqliteProfile } from '../../src/store/sqlite/sqlite-profile.js';
import { ledgerRecord } from './ledger-record.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger migrations', () => {
  it('upgrades a ledger left at an older migration when it is opened', async () => {
    const path = join(dir, 'old.sqlite');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(path) }) });
    const migrator = new Migrator({ db, provider: ledgerMigrations(sqliteProfile) });
    const { error, results } = await migrator.migrateTo('001_core_tables');
    expect(error).toBeUndefined();
    expect(results?.map((r) => [r.migrationName, r.status])).toEqual([['001_core_tables', 'Success']]);
    await db.destroy();

    const store = await openStore(path);
    try {
      expect(await store.migrations()).toEqual([
        '001_core_tables',
        '002_search_index',
        '003_audit_append_only',
        '004_accounts',
        '005_evidence',
        '006_evidence_crop_hashes',
        '007_documents_stamp_index',
        '008_span_indexes',
      ]);
      const record = ledgerRecord({ id: 'after-upgrade', text: 'A checkpoint came under fire at dusk.' });
      expect((await store.putDocument({ record })).status).toBe('new');
      expect((await store.search('checkpoint fire')).map((h) => h.documentId)).toEqual(['after-upgrade']);
    } finally {
      await store.close();
    }
  });

  it('names migrations in order, so new ones sort after the shipped ones', async () => {
    const names = Object.keys(await ledgerMigrations(sqliteProfile).getMigrations());
    expect(names).toEqual([...names].sort());
    expect(names.every((n) => /^\d{3}_[a-z0-9_]+$/.test(n))).toBe(true);
  });
});
