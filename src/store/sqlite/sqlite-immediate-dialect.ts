import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * kysely's SQLite dialect with write transactions opened by `BEGIN IMMEDIATE`. A plain `BEGIN`
 * reads first and asks for the write lock later; when another process commits in between, SQLite
 * fails the write at once (SQLITE_BUSY_SNAPSHOT) instead of waiting. Taking the lock up front
 * lets the busy timeout queue writers from several processes (and makes migrations safe when two
 * processes open a new ledger together).
 *
 * @example new Kysely<LedgerDatabase>({ dialect: new SqliteImmediateDialect({ database }) })
 */
export class SqliteImmediateDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SqliteImmediateDriver(this.#config);
  }
}

class SqliteImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
