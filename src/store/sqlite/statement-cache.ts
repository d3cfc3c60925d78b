import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * A SQLite database whose prepared statements are kept by their SQL text, so a query kysely runs
 * again is not parsed and planned again (kysely prepares every query it runs; preparing was a
 * sixth of the desk's SQLite time under load). At most `capacity` statements are kept (multi-row
 * inserts of varying length make many texts); beyond that the least recently used is dropped.
 * Statements are run to completion one at a time (better-sqlite3 is synchronous), so sharing one
 * is safe; `iterate` is not shared, since an open iterator keeps its statement busy.
 *
 * @example new Kysely<LedgerDatabase>({ dialect: new SqliteImmediateDialect({ database: cachingStatements(database) }) })
 */
export function cachingStatements(database: SqliteDatabase, capacity = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (statements.size >= capacity) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      } else {
        statements.delete(sql);
      }
      statements.set(sql, statement);
      const shared = statement;
      return {
        reader: shared.reader,
        all: (parameters) => shared.all(parameters),
        run: (parameters) => shared.run(parameters),
        // A fresh statement per stream: an open iterator would keep the shared one busy.
        iterate: (parameters) => database.prepare(sql).iterate(parameters),
      };
    },
  };
}
