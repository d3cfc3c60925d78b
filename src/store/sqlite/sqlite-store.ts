import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { KyselyStore, type StoreOptions } from '../kysely-store.js';
import type { LedgerDatabase } from '../schema.js';
import { SqliteImmediateDialect } from './sqlite-immediate-dialect.js';
import { sqliteProfile } from './sqlite-profile.js';
import { cachingStatements } from './statement-cache.js';

/**
 * Opens (creating when missing) a SQLite ledger at `path` and migrates it. WAL lets readers
 * (the desk) work while ingest writes; each document is written in one transaction.
 *
 * @example const store = await openSqliteStore('./.corroborate/ledger.sqlite');
 */
export async function openSqliteStore(path: string, options: StoreOptions = {}): Promise<KyselyStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only a power loss may drop the last commit.
  database.pragma('synchronous = NORMAL');
  // Checkpoint every ~16 MB of WAL instead of ~4 MB: bulk ingest spent a third of its time in
  // checkpoints at the default; readers are barely slowed by the longer log.
  database.pragma('wal_autocheckpoint = 4000');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  const db = new Kysely<LedgerDatabase>({
    dialect: new SqliteImmediateDialect({ database: cachingStatements(database) }),
  });
  return KyselyStore.open(db, sqliteProfile, options);
}
