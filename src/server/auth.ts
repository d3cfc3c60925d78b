import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Store } from '../store/store.js';
import type { DeskEnv } from './desk-env.js';
import { HttpError } from './http-error.js';
import { UNKNOWN_USER_HASH, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import { RateLimiter } from './rate-limit.js';
import { digestSecret, newSecret, sameSecret } from './secrets.js';

/** Name of the session cookie (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'corroborate_session';
/** Header that state-changing requests of a browser session must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/** How the desk authenticates, fully resolved (see `resolveAuthConfig`). */
export interface AuthConfig {
  /**
   * `local`: the single-user desk, no login, every request acts as the local admin (only ever
   * chosen for a loopback address); `accounts`: users log in or send API tokens.
   */
  readonly mode: 'local' | 'accounts';
  /** How long a login lasts. */
  readonly sessionTtlMs: number;
  /** Mark the session cookie `Secure` (when the desk is served over HTTPS, e.g. behind a proxy). */
  readonly secureCookies: boolean;
  /** Failed-or-not login attempts allowed per client address and user name in one window. */
  readonly loginAttempts: { readonly limit: number; readonly windowMs: number };
  /** Time source for rate limiting and session expiry. */
  readonly clock: () => Date;
}

/**
 * Fills in the defaults of an auth configuration.
 *
 * @example resolveAuthConfig({ mode: 'accounts' }).loginAttempts // { limit: 5, windowMs: 60000 }
 */
export function resolveAuthConfig(spec: Partial<AuthConfig> & Pick<AuthConfig, 'mode'>): AuthConfig {
  return {
    mode: spec.mode,
    sessionTtlMs: spec.sessionTtlMs ?? 12 * 60 * 60 * 1000,
    secureCookies: spec.secureCookies ?? false,
    loginAttempts: spec.loginAttempts ?? { limit: 5, windowMs: 60_000 },
    clock: spec.clock ?? (() => new Date()),
  };
}

/** The local desk's one user. */
const LOCAL_PRINCIPAL: Principal = { name: 'local', role: 'admin', via: 'local' };

/**
 * Logins, sessions, API tokens and CSRF checks over the store's accounts.
 *
 * @example
 * const auth = new DeskAuth(store, resolveAuthConfig({ mode: 'accounts' }));
 * app.use('/api/*', auth.middleware());
 */
export class DeskAuth {
  readonly config: AuthConfig;
  readonly #store: Store;
  readonly #logins: RateLimiter;
  readonly #loginsPerAddress: RateLimiter;
  /** The local desk's CSRF token: random per process, readable only by same-origin pages. */
  readonly #localCsrf = newSecret();

  constructor(store: Store, config: AuthConfig) {
    this.#store = store;
    this.config = config;
    const clock = () => config.clock().getTime();
    this.#logins = new RateLimiter({ ...config.loginAttempts, clock });
    // Password spraying across many names from one address meets a wider limit.
    this.#loginsPerAddress = new RateLimiter({
      limit: config.loginAttempts.limit * 6,
      windowMs: config.loginAttempts.windowMs,
      clock,
    });
  }

  /** Finds the caller (token, session or local desk) and enforces CSRF on state changes. */
  middleware(): MiddlewareHandler<DeskEnv> {
    return async (c, next) => {
      if (this.config.mode === 'local') refuseForeignHost(c);
      const { principal, csrfToken } = await this.#identify(c);
      c.set('principal', principal);
      c.set('csrfToken', csrfToken);
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) checkCsrf(c, principal, csrfToken);
      await next();
    };
  }

  async #identify(c: Context<DeskEnv>): Promise<{ principal: Principal | null; csrfToken: string | null }> {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (match?.[1] === undefined)
        throw new HttpError('unauthorized', 'send the API token as "Bearer TOKEN"');
      const token = await this.#store.accounts.findApiToken(digestSecret(match[1], 'token'));
      const user = token === null ? null : await this.#store.accounts.getUser(token.userName);
      if (user === null) throw new HttpError('unauthorized', 'unknown or revoked API token');
      // A token is sent deliberately by a script, never attached by a browser: no CSRF token needed.
      return { principal: { name: user.name, role: user.role, via: 'token' }, csrfToken: null };
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined && this.config.mode === 'accounts') {
      const session = await this.#store.accounts.getSession(digestSecret(cookie, 'session'));
      const user = session === null ? null : await this.#store.accounts.getUser(session.userName);
      if (user !== null) {
        return {
          principal: { name: user.name, role: user.role, via: 'session' },
          csrfToken: digestSecret(cookie, 'csrf'),
        };
      }
    }
    if (this.config.mode === 'local') return { principal: LOCAL_PRINCIPAL, csrfToken: this.#localCsrf };
    return { principal: null, csrfToken: null };
  }

  /**
   * Checks a name and password, rate limited per client address and name; on success starts a
   * session (cookie) and returns the user with the session's CSRF token.
   */
  async login(
    c: Context<DeskEnv>,
    name: string,
    password: string,
  ): Promise<{ user: { name: string; role: string }; csrfToken: string; expiresAt: string }> {
    if (this.config.mode === 'local') {
      throw new HttpError('conflict', 'this desk runs without accounts (single-user mode on loopback)');
    }
    const address = clientAddress(c);
    const key = `${address}|${name.toLowerCase()}`;
    const perName = this.#logins.hit(key);
    const perAddress = this.#loginsPerAddress.hit(address);
    if (!perName.allowed || !perAddress.allowed) {
      const wait = Math.max(
        perName.allowed ? 0 : perName.retryAfterMs,
        perAddress.allowed ? 0 : perAddress.retryAfterMs,
      );
      throw new HttpError('too_many_requests', 'too many login attempts; wait and try again', {
        retryAfter: Math.ceil(wait / 1000),
      });
    }
    const user = await this.#store.accounts.getUser(name);
    // An unknown name costs the same scrypt run as a wrong password, so timing does not list users.
    const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (user === null || !ok) throw new HttpError('unauthorized', 'wrong user name or password');
    this.#logins.reset(key);
    const secret = newSecret();
    const expiresAt = new Date(this.config.clock().getTime() + this.config.sessionTtlMs).toISOString();
    await this.#store.accounts.deleteExpiredSessions();
    await this.#store.accounts.createSession({
      idHash: digestSecret(secret, 'session'),
      userName: user.name,
      expiresAt,
    });
    setCookie(c, SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: this.config.secureCookies,
      path: '/',
      maxAge: Math.floor(this.config.sessionTtlMs / 1000),
    });
    return { user: { name: user.name, role: user.role }, csrfToken: digestSecret(secret, 'csrf'), expiresAt };
  }

  /** Ends the caller's browser session (if any) and clears its cookie. */
  async logout(c: Context<DeskEnv>): Promise<void> {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined) await this.#store.accounts.deleteSession(digestSecret(cookie, 'session'));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: this.config.secureCookies, sameSite: 'Strict' });
  }
}

/**
 * The address of the connected client (`unknown` in in-process tests). Forwarded-for headers are
 * ignored: they are whatever the client says.
 *
 * @example clientAddress(c) // '127.0.0.1'
 */
export function clientAddress(c: Context<DeskEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Refuses a state change that another site could have triggered: a cross-origin `Origin` or
 * `Sec-Fetch-Site`, or (for browser sessions and the local desk) a missing or wrong CSRF token.
 */
function checkCsrf(c: Context<DeskEnv>, principal: Principal | null, csrfToken: string | null): void {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new HttpError('forbidden', 'cross-origin request refused');
    }
    // Behind a reverse proxy the desk may see the proxy's upstream name in Host and the public
    // name in X-Forwarded-Host. A page on another site cannot set that header on a request it
    // sends here (it would need a CORS preflight, which the desk never grants).
    const served = [c.req.header('host') ?? new URL(c.req.url).host, c.req.header('x-forwarded-host')];
    if (!served.includes(originHost)) throw new HttpError('forbidden', 'cross-origin request refused');
  } else if (origin === 'null') {
    throw new HttpError('forbidden', 'cross-origin request refused');
  }
  if (c.req.header('sec-fetch-site') === 'cross-site')
    throw new HttpError('forbidden', 'cross-site request refused');
  if (principal === null || principal.via === 'token' || csrfToken === null) return;
  const sent = c.req.header(CSRF_HEADER);
  if (sent === undefined || !sameSecret(sent, csrfToken)) {
    throw new HttpError(
      'forbidden',
      `missing or wrong CSRF token: send the session's token in ${CSRF_HEADER}`,
    );
  }
}

/**
 * The local desk answers only to loopback host names: a page on another site whose name was
 * re-pointed at 127.0.0.1 (DNS rebinding) sends its own name in `Host` and is refused.
 */
function refuseForeignHost(c: Context<DeskEnv>): void {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  const name = host
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  if (!isLoopbackName(name)) {
    throw new HttpError('forbidden', `the single-user desk answers only to loopback names, not "${name}"`);
  }
}

/**
 * Whether a host name or address is the loopback interface.
 *
 * @example isLoopbackName('127.0.0.1') // true
 * @example isLoopbackName('0.0.0.0') // false
 */
export function isLoopbackName(name: string): boolean {
  const bare = name.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return (
    bare === 'localhost' || bare.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::1'
  );
}
