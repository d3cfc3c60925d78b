import { type Kysely, sql } from 'kysely';
import type { DialectProfile, RankedRow, SearchTerm } from '../dialect-profile.js';

/**
 * PostgreSQL's side of the engine differences: a stored tsvector with a GIN index for search
 * (the `simple` configuration, no stemming or stop words, to match SQLite's FTS5 word for word),
 * a trigger that rejects UPDATE/DELETE on the audit log, and a table lock to serialise writers of
 * the audit chain across connections.
 *
 * @example postgresProfile.capabilities // { dialect: 'postgres', fullText: 'tsvector', … }
 */
export const postgresProfile: DialectProfile = {
  capabilities: { dialect: 'postgres', fullText: 'tsvector', binaryType: 'bytea', concurrentWriters: true },

  async createSearchIndex(db: Kysely<unknown>) {
    await sql`create table search_index (
      id bigserial primary key,
      kind text not null,
      document_id text not null,
      item_id text not null,
      title text not null,
      body text not null,
      text text not null,
      tsv tsvector generated always as (
        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'D')
      ) stored
    )`.execute(db);
    await sql`create index search_index_tsv on search_index using gin (tsv)`.execute(db);
    await sql`create index search_index_document on search_index (document_id)`.execute(db);
  },

  async createAuditGuard(db: Kysely<unknown>) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  },

  async searchRows(db, terms, { limit, kind, rankAtMost }) {
    const query = terms.map(tsqueryTerm).join(' & ');
    const kindFilter = kind === null ? sql`` : sql`and kind = ${kind}`;
    // The newest `rankAtMost` matches (by id) are ranked, not every match: `ts_rank` reads each
    // row's tsvector, which for a common word was most of the table. The window count runs over
    // the candidates before the final limit.
    const result = await sql<RankedRow & { ranked: number | string }>`
      with candidates as materialized (
        select kind, document_id, item_id, text, tsv
        from search_index
        where tsv @@ to_tsquery('simple', ${query}) ${kindFilter}
        order by id desc
        limit ${rankAtMost}
      )
      select kind, document_id, item_id, text,
        ts_rank(tsv, to_tsquery('simple', ${query}))::float8 as score,
        count(*) over () as ranked
      from candidates
      order by score desc, document_id, item_id
      limit ${limit}`.execute(db);
    const rows = result.rows.map(({ ranked: _, ...row }) => row);
    return { rows, ranked: Number(result.rows[0]?.ranked ?? 0) };
  },

  async migrationSchema(db) {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const schema = rows[0]?.schema;
    // kysely's default already is `public`; naming it would make the migrator run CREATE SCHEMA,
    // which needs CREATE on the database even when the schema exists.
    return schema === null || schema === undefined || schema === 'public' ? undefined : schema;
  },

  async lockAudit(trx) {
    await sql`lock table audit_log in exclusive mode`.execute(trx);
  },

  async changeMark(db) {
    // The snapshot (xmin:xmax:in-progress ids) moves when any transaction that writes starts or
    // ends, anywhere in the cluster; reading transactions take no id and leave it alone.
    const { rows } = await sql<{ mark: string }>`select txid_current_snapshot()::text as mark`.execute(db);
    return rows[0]?.mark ?? '';
  },
};

function tsqueryTerm(term: SearchTerm): string {
  const words = term.words.map((w) => `'${w}'`);
  if (term.prefix) return `${words[0]}:*`;
  return words.length === 1 ? (words[0] ?? '') : `(${words.join(' <-> ')})`;
}
