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
    // A plain table holds the rows (so deleting a document's rows uses an index) and an
    // external-content FTS5 table indexes them, kept in step by triggers. Text is folded and
    // split into words before it gets here, so the tokenizer only splits on spaces and both
    // engines see the same words.
    await sql`create table search_index (
      id integer primary key,
      kind text not null,
      document_id text not null,
      item_id text not null,
      title text not null,
      body text not null,
      text text not null
    )`.execute(db);
    await sql`create index search_index_document on search_index (document_id)`.execute(db);
    await sql`create virtual table search_fts using fts5(
      title, body, content = 'search_index', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
    await sql`create trigger search_index_insert after insert on search_index begin
      insert into search_fts (rowid, title, body) values (new.id, new.title, new.body);
    end`.execute(db);
    await sql`create trigger search_index_delete after delete on search_index begin
      insert into search_fts (search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
    end`.execute(db);
  },

  async createAuditGuard(db: Kysely<unknown>) {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  },

  async searchRows(db, terms, { limit, kind }) {
    const match = terms.map(fts5Term).join(' AND ');
    const kindFilter = kind === null ? sql`` : sql`and s.kind = ${kind}`;
    // bm25 is lower-is-better; negate so that callers always sort descending. Title weighs double.
    const result = await sql<{
      kind: string;
      document_id: string;
      item_id: string;
      text: string;
      score: number;
    }>`
      select s.kind, s.document_id, s.item_id, s.text, -bm25(search_fts, 2.0, 1.0) as score
      from search_fts join search_index s on s.id = search_fts.rowid
      where search_fts match ${match} ${kindFilter}
      order by score desc, s.document_id, s.item_id
      limit ${limit}`.execute(db);
    return result.rows;
  },

  async migrationSchema() {
    return undefined;
  },

  async lockAudit() {},

  async changeMark(db) {
    // data_version moves when another connection commits; total_changes counts this one's rows.
    const { rows } = await sql<{ others: number; own: number }>`
      select data_version as others, total_changes() as own from pragma_data_version()`.execute(db);
    return `${rows[0]?.others ?? 0}.${rows[0]?.own ?? 0}`;
  },
};

function fts5Term(term: SearchTerm): string {
  // Words are letters and digits only (see parseSearchQuery), so quoting cannot be broken.
  const quoted = `"${term.words.join(' ')}"`;
  return term.prefix ? `${quoted}*` : quoted;
}
