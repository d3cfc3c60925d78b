import type { Kysely } from 'kysely';
import type { AccountStore, Role, StoredApiToken, StoredSession, StoredUser } from './accounts.js';
import type { LedgerDatabase } from './schema.js';

/** `users`: local accounts. */
export interface UsersTable {
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

/** `sessions`: login sessions by the SHA-256 of their cookie secret. */
export interface SessionsTable {
  id_hash: string;
  user_name: string;
  created_at: string;
  expires_at: string;
}

/** `api_tokens`: script tokens by the SHA-256 of their secret. */
export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_name: string;
  label: string;
  created_at: string;
}

/** The account tables, as kysely sees them (a type alias: `withTables` wants an index signature). */
export type AccountTables = {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
};

/**
 * Creates the account tables (migration 004). Times are ISO text, as in the other tables.
 *
 * @example '004_accounts': { up: (db) => createAccountTables(db) }
 */
export async function createAccountTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_name', 'text', (c) => c.notNull().references('users.name'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_name').execute();
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_name', 'text', (c) => c.notNull().references('users.name'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_name').execute();
}

/**
 * `AccountStore` over any kysely dialect (shared SQL only). Built by `KyselyStore`.
 *
 * @example const accounts = new KyselyAccountStore(db, () => new Date());
 */
export class KyselyAccountStore implements AccountStore {
  readonly #db: Kysely<LedgerDatabase & AccountTables>;
  readonly #clock: () => Date;

  constructor(db: Kysely<LedgerDatabase>, clock: () => Date) {
    this.#db = db.withTables<AccountTables>();
    this.#clock = clock;
  }

  async putUser(user: { name: string; role: Role; passwordHash: string }): Promise<'created' | 'exists'> {
    const now = this.#clock().toISOString();
    const result = await this.#db
      .insertInto('users')
      .values({
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'created' : 'exists';
  }

  async updateUser(name: string, changes: { role?: Role; passwordHash?: string }): Promise<boolean> {
    const result = await this.#db
      .updateTable('users')
      .set({
        ...(changes.role === undefined ? {} : { role: changes.role }),
        ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
        updated_at: this.#clock().toISOString(),
      })
      .where('name', '=', name)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async getUser(name: string): Promise<StoredUser | null> {
    const row = await this.#db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return row === undefined ? null : toUser(row);
  }

  async listUsers(): Promise<StoredUser[]> {
    const rows = await this.#db.selectFrom('users').selectAll().orderBy('name').execute();
    return rows.map(toUser);
  }

  async countUsers(): Promise<number> {
    const row = await this.#db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async removeUser(name: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('user_name', '=', name).execute();
      await trx.deleteFrom('api_tokens').where('user_name', '=', name).execute();
      const result = await trx.deleteFrom('users').where('name', '=', name).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async createSession(session: {
    idHash: string;
    userName: string;
    expiresAt: string;
  }): Promise<StoredSession> {
    const row = {
      id_hash: session.idHash,
      user_name: session.userName,
      created_at: this.#clock().toISOString(),
      expires_at: session.expiresAt,
    };
    await this.#db.insertInto('sessions').values(row).execute();
    return toSession(row);
  }

  async getSession(idHash: string): Promise<StoredSession | null> {
    const row = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', this.#clock().toISOString())
      .executeTakeFirst();
    return row === undefined ? null : toSession(row);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOf(userName: string): Promise<number> {
    const result = await this.#db.deleteFrom('sessions').where('user_name', '=', userName).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpiredSessions(): Promise<number> {
    const result = await this.#db
      .deleteFrom('sessions')
      .where('expires_at', '<=', this.#clock().toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createApiToken(token: {
    id: string;
    tokenHash: string;
    userName: string;
    label: string;
  }): Promise<StoredApiToken> {
    const row = {
      id: token.id,
      token_hash: token.tokenHash,
      user_name: token.userName,
      label: token.label,
      created_at: this.#clock().toISOString(),
    };
    await this.#db.insertInto('api_tokens').values(row).execute();
    return toToken(row);
  }

  async findApiToken(tokenHash: string): Promise<StoredApiToken | null> {
    const row = await this.#db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row === undefined ? null : toToken(row);
  }

  async listApiTokens(userName?: string): Promise<StoredApiToken[]> {
    let query = this.#db.selectFrom('api_tokens').selectAll();
    if (userName !== undefined) query = query.where('user_name', '=', userName);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(toToken);
  }

  async revokeApiToken(id: string, userName?: string): Promise<boolean> {
    let query = this.#db.deleteFrom('api_tokens').where('id', '=', id);
    if (userName !== undefined) query = query.where('user_name', '=', userName);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function toUser(row: UsersTable): StoredUser {
  return {
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSession(row: SessionsTable): StoredSession {
  return {
    idHash: row.id_hash,
    userName: row.user_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

function toToken(row: ApiTokensTable): StoredApiToken {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    userName: row.user_name,
    label: row.label,
    createdAt: row.created_at,
  };
}
