/**
 * Who may use the desk: local users with a role, their login sessions and their API tokens.
 * The store keeps only hashes of secrets (password hashes, session and token digests); hashing
 * and checking them is the server's business.
 *
 * @example
 * await store.accounts.putUser({ name: 'ana', role: 'analyst', passwordHash });
 * const user = await store.accounts.getUser('ana');
 */

/** What a user may do: read (viewer), also review (analyst), also manage users and imports (admin). */
export type Role = 'viewer' | 'analyst' | 'admin';

/** Every role, weakest first: a role may do what the roles before it may. */
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];

/** A local user as stored; `passwordHash` is an opaque self-describing hash string. */
export interface StoredUser {
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A login session, keyed by the digest of the secret that sits in the browser's cookie. */
export interface StoredSession {
  readonly idHash: string;
  readonly userName: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** An API token for scripts, keyed by the digest of the secret the script sends. */
export interface StoredApiToken {
  /** Public id, shown in lists and used to revoke; not a secret. */
  readonly id: string;
  readonly tokenHash: string;
  readonly userName: string;
  readonly label: string;
  readonly createdAt: string;
}

/**
 * Users, sessions and API tokens of one ledger. Removing a user removes their sessions and
 * tokens with them.
 *
 * @example
 * if ((await store.accounts.putUser({ name, role, passwordHash })) === 'exists') …
 */
export interface AccountStore {
  /** Adds a user; `exists` (and no change) when the name is taken. */
  putUser(user: { name: string; role: Role; passwordHash: string }): Promise<'created' | 'exists'>;
  /** Changes a user's role or password hash; false when there is no such user. */
  updateUser(name: string, changes: { role?: Role; passwordHash?: string }): Promise<boolean>;
  getUser(name: string): Promise<StoredUser | null>;
  /** Users ordered by name. */
  listUsers(): Promise<StoredUser[]>;
  countUsers(): Promise<number>;
  /** Removes a user with their sessions and tokens; false when there is no such user. */
  removeUser(name: string): Promise<boolean>;
  createSession(session: { idHash: string; userName: string; expiresAt: string }): Promise<StoredSession>;
  /** The session under this digest, or null when unknown or expired (by the store's clock). */
  getSession(idHash: string): Promise<StoredSession | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (after a password change); returns how many. */
  deleteSessionsOf(userName: string): Promise<number>;
  /** Forgets sessions whose time is up; returns how many. */
  deleteExpiredSessions(): Promise<number>;
  createApiToken(token: {
    id: string;
    tokenHash: string;
    userName: string;
    label: string;
  }): Promise<StoredApiToken>;
  findApiToken(tokenHash: string): Promise<StoredApiToken | null>;
  /** Tokens ordered by creation, all or one user's. */
  listApiTokens(userName?: string): Promise<StoredApiToken[]>;
  /** Revokes a token (only `userName`'s when given); false when there is no such token. */
  revokeApiToken(id: string, userName?: string): Promise<boolean>;
}
