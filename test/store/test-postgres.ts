import pg from 'pg';

/**
 * The PostgreSQL database the tests may use: `CORROBORATE_TEST_POSTGRES` (`eval "$(bash
 * .ci/postgres.sh)"` starts a throwaway one), or undefined, when the PostgreSQL tests skip.
 *
 * @example describe.skipIf(!TEST_POSTGRES)('the ledger commands on PostgreSQL', () => { … });
 */
export const TEST_POSTGRES: string | undefined = process.env.CORROBORATE_TEST_POSTGRES || undefined;

/**
 * A schema of its own in the test database, so that suites (and their runs in parallel) share
 * the database without seeing each other's tables: `create()` makes it empty and gives the URL
 * whose connections use it (`search_path`), `drop()` removes it with everything in it.
 *
 * @example
 * const schema = testSchema(`ledger_cli_${process.pid}`);
 * beforeAll(async () => { url = await schema.create(); });
 * afterAll(() => schema.drop());
 */
export function testSchema(name: string): {
  readonly url: string;
  create(): Promise<string>;
  drop(): Promise<void>;
} {
  if (!TEST_POSTGRES) throw new Error('testSchema needs CORROBORATE_TEST_POSTGRES');
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain schema name: ${name}`);
  const url = new URL(TEST_POSTGRES);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.toString(),
    async create() {
      await postgresAdmin(`drop schema if exists ${name} cascade; create schema ${name}`);
      return url.toString();
    },
    drop: () => postgresAdmin(`drop schema if exists ${name} cascade`),
  };
}

/** Runs one administrative statement (schemas made or dropped) on the test database. */
async function postgresAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
