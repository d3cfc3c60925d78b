import { type Kysely, sql } from 'kysely';
import type { DialectProfile, SearchTerm } from '../dialect-profile.js';

/**
 * SQLite's side of the engine differences: FTS5 for search, triggers that abort UPDATE/DELETE on
 * the audit log, and no audit lock (better-sqlite3 serialises writers in one process, and a
 * second process waits on SQLite's file lock).
 *
 * @example sqliteProfile.capabilities // { dialect: 'sqlite', fullText: 'fts5', … }
 */
export const sqliteProfile: DialectProfile = {
  capabilities: { dialect: 'sqlite', fullText: 'fts5', binaryType: 'blob', concurrentWriters: false },

  async createSearchIndex(db: Kysely<unknown>) {
    // Text is folded and split into words before it reaches FTS5, so the tokenizer only splits
    // on spaces and both engines see the same words.
    await sql`create virtual table search_index using fts5(
      kind unindexed, document_id unindexed, item_id unindexed, title, body, text unindexed,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  },

  async createAuditGuard(db: Kysely<unknown>) {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  },

  async searchRows(db, terms, { limit, kind }) {
    const match = terms.map(fts5Term).join(' AND ');
    const kindFilter = kind === null ? sql`` : sql`and kind = ${kind}`;
    // bm25 is lower-is-better; negate so that callers always sort descending. Title weighs double.
    const result = await sql<{
      kind: string;
      document_id: string;
      item_id: string;
      text: string;
      score: number;
    }>`
      select kind, document_id, item_id, text, -bm25(search_index, 0, 0, 0, 2.0, 1.0, 0) as score
      from search_index
      where search_index match ${match} ${kindFilter}
      order by score desc, document_id, item_id
      limit ${limit}`.execute(db);
    return result.rows;
  },

  async migrationSchema() {
    return undefined;
  },

  async lockAudit() {},
};

function fts5Term(term: SearchTerm): string {
  // Words are letters and digits only (see parseSearchQuery), so quoting cannot be broken.
  const quoted = `"${term.words.join(' ')}"`;
  return term.prefix ? `${quoted}*` : quoted;
}
