import type { StoreOptions } from './kysely-store.js';
import type { Store } from './store.js';

/** Where the embedded ledger lives when nothing else is said (relative to the working directory). */
export const DEFAULT_LEDGER_PATH = './.corroborate/ledger.sqlite';

/**
 * Which database a location names: PostgreSQL for `postgres://` / `postgresql://` URLs, SQLite
 * for anything else (a file path, optionally written `sqlite:PATH`, or `:memory:`).
 *
 * @example ledgerLocation(undefined, {}) // { engine: 'sqlite', target: './.corroborate/ledger.sqlite' }
 */
export function ledgerLocation(
  url: string | undefined,
  env: Record<string, string | undefined> = process.env,
): { engine: 'sqlite' | 'postgres'; target: string } {
  const chosen = (url?.trim() || env.CORROBORATE_DB?.trim() || DEFAULT_LEDGER_PATH).trim();
  if (/^postgres(ql)?:\/\//i.test(chosen)) return { engine: 'postgres', target: chosen };
  const path = chosen.replace(/^sqlite:(\/\/)?/i, '');
  return { engine: 'sqlite', target: path || DEFAULT_LEDGER_PATH };
}

/**
 * Opens the ledger named by `url`, or by `CORROBORATE_DB` when `url` is omitted, or the embedded
 * default `./.corroborate/ledger.sqlite`. Runs pending migrations. Only the chosen engine's
 * driver is loaded.
 *
 * @example
 * const store = await openStore('postgres://corroborate:secret@127.0.0.1:5432/ledger');
 * const local = await openStore(); // CORROBORATE_DB or ./.corroborate/ledger.sqlite
 */
export async function openStore(url?: string, options: StoreOptions = {}): Promise<Store> {
  const { engine, target } = ledgerLocation(url);
  if (engine === 'postgres') {
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(target, options);
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
  return openSqliteStore(target, options);
}
