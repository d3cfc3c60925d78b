import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore, type StoreOptions } from '../kysely-store.js';
import type { LedgerDatabase } from '../schema.js';
import { postgresProfile } from './postgres-profile.js';

/**
 * Opens a PostgreSQL ledger at `url` (a `postgres://user:pass@host:port/db` URL) and migrates it.
 * Several processes may share the database; the audit chain is serialised by a table lock.
 *
 * @example const store = await openPostgresStore('postgres://corroborate@127.0.0.1/ledger');
 */
export async function openPostgresStore(url: string, options: StoreOptions = {}): Promise<KyselyStore> {
  // pg waits forever for an unreachable host by default; a ledger that cannot be reached is an error.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server (restart, timeout) emits 'error' on the pool, which
  // would crash the process; the pool replaces the connection and the next query reports failure.
  pool.on('error', () => {});
  const db = new Kysely<LedgerDatabase>({ dialect: new PostgresDialect({ pool }) });
  return KyselyStore.open(db, postgresProfile, options);
}
