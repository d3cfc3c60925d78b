import { type Kysely, sql } from 'kysely';
import type { DialectProfile, RankedRow, SearchTerm } from '../dialect-profile.js';

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

  async searchRows(db, terms, { limit, kind, rankAtMost }) {
    const match = terms.map(fts5Term).join(' AND ');
    // The kind lives in the row table: joined inside the candidates so that `rankAtMost` counts
    // matches of that kind.
    const kindJoin =
      kind === null ? sql`` : sql`join search_index k on k.id = search_fts.rowid and k.kind = ${kind}`;
    // FTS5 walks a match's rows by rowid, newest first, and stops after `rankAtMost`: bm25 is
    // computed for those only (lower is better; negated so callers sort descending). Title weighs
    // double. The window count runs over the candidates before the final limit.
    const result = await sql<RankedRow & { ranked: number }>`
      with candidates as (
        select search_fts.rowid as id, -bm25(search_fts, 2.0, 1.0) as score
        from search_fts ${kindJoin}
        where search_fts match ${match}
        order by search_fts.rowid desc
        limit ${rankAtMost}
      )
      select s.kind, s.document_id, s.item_id, s.text, c.score, count(*) over () as ranked
      from candidates c join search_index s on s.id = c.id
      order by c.score desc, s.document_id, s.item_id
      limit ${limit}`.execute(db);
    const rows = result.rows.map(({ ranked: _, ...row }) => row);
    return { rows, ranked: Number(result.rows[0]?.ranked ?? 0) };
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
