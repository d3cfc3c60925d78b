import type { Kysely, Transaction } from 'kysely';
import type { LedgerDatabase } from './schema.js';

/**
 * Where the engines differ, as data. Code asks `capabilities.fullText` instead of "is this
 * PostgreSQL?", following kysely's own `supportsReturning`-style flags.
 *
 * @example { dialect: 'sqlite', fullText: 'fts5', binaryType: 'blob', concurrentWriters: false }
 */
export interface DialectCapabilities {
  readonly dialect: 'sqlite' | 'postgres';
  /** The full-text engine behind `search`. */
  readonly fullText: 'fts5' | 'tsvector';
  /** Column type for archived bytes. */
  readonly binaryType: 'blob' | 'bytea';
  /** Whether other processes may write at the same time (needs explicit locking of the audit chain). */
  readonly concurrentWriters: boolean;
}

/** One search-index row as the dialect ranks it. */
export interface RankedRow {
  readonly kind: string;
  readonly document_id: string;
  readonly item_id: string;
  readonly text: string;
  readonly score: number;
}

/**
 * The few statements that cannot be written once for both engines. Everything else goes through
 * the shared kysely code in `kysely-store.ts` and `migrations.ts`.
 *
 * @example sqliteProfile.capabilities.fullText // 'fts5'
 */
export interface DialectProfile {
  readonly capabilities: DialectCapabilities;
  /**
   * Creates the full-text index table (migration 002). Shared code writes and deletes its rows
   * through the columns of `SearchIndexTable`; the engine derives its own index from them.
   */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Makes the audit log reject UPDATE and DELETE (migration 003). */
  createAuditGuard(db: Kysely<unknown>): Promise<void>;
  /**
   * Runs a parsed query (`SearchQuery`): takes its newest `rankAtMost` matches (by index row id,
   * last stored first), ranks only those and returns the best `limit`, with how many were ranked.
   * A common word then costs `rankAtMost` rankings, not one per match in the ledger.
   */
  searchRows(
    db: Kysely<LedgerDatabase>,
    terms: readonly SearchTerm[],
    options: { limit: number; kind: 'document' | 'claim' | null; rankAtMost: number },
  ): Promise<{ rows: RankedRow[]; ranked: number }>;
  /**
   * The schema kysely's migration tables belong in, or undefined for the engine's only namespace.
   * PostgreSQL names the connection's current schema, so ledgers in separate schemas of one
   * database (chosen with `?options=-c search_path=NAME`) keep separate migration histories.
   */
  migrationSchema(db: Kysely<LedgerDatabase>): Promise<string | undefined>;
  /** Serialises writers of the audit chain inside `trx` (a no-op where writers are serialised already). */
  lockAudit(trx: Transaction<LedgerDatabase>): Promise<void>;
  /** A cheap mark that moves whenever a write may have been committed (see `Store.changeMark`). */
  changeMark(db: Kysely<LedgerDatabase>): Promise<string>;
}

/** One query term: a word (optionally a prefix) or a phrase of words. */
export interface SearchTerm {
  readonly words: readonly string[];
  readonly prefix: boolean;
}
