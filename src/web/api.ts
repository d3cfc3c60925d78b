/**
 * An error answer of the desk API (`{"error": {"code", "message"}}`) or a failed request;
 * `retryAfter`: the seconds of its `Retry-After` header (a 503 while the ledger is being built).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * What a page shows of an answer that says "not yet, ask again" (503 with `Retry-After`: the
 * ledger is being built) and when it asks again; null for any other error. The server's advice
 * to try again is left out: the page does it.
 *
 * @example
 * waitNotice(new ApiError(503, 'unavailable', 'the ledger is being built: 4 of 9 documents read, started 3 s ago; try again in a few seconds', 5))
 * // { message: 'The ledger is being built: 4 of 9 documents read, started 3 s ago.', seconds: 5 }
 */
export function waitNotice(error: unknown): { message: string; seconds: number } | null {
  if (!(error instanceof ApiError) || error.status !== 503 || error.retryAfter === null) return null;
  return { message: sentence(error.message), seconds: error.retryAfter };
}

/** A server's message as a sentence, without its advice to try again (the page does). */
function sentence(said: string): string {
  const text = said.replace(/;\s*try again[^;]*$/, '').trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** `GET /api/ledger/status`, the part a waiting page reads. */
interface LedgerStatus {
  readonly state: 'idle' | 'building' | 'ready' | 'failed';
  readonly message: string | null;
}

/**
 * Waits while the ledger is being built: every `seconds` reads `GET /api/ledger/status` and tells
 * `update` how far the build has got; resolves true once it is no longer building (the page can
 * ask again), false when `signal` aborted it or the status could not be read.
 *
 * @example if (await whileBuilding(5, signal, (m) => { notice.textContent = m; })) render();
 */
export async function whileBuilding(
  seconds: number,
  signal: AbortSignal,
  update: (message: string) => void,
): Promise<boolean> {
  for (;;) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, seconds * 1000);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (signal.aborted) return false;
    let status: LedgerStatus;
    try {
      status = await getJson<LedgerStatus>('/api/ledger/status');
    } catch {
      return !signal.aborted;
    }
    if (signal.aborted) return false;
    if (status.state !== 'building' || status.message === null) return true;
    update(sentence(status.message));
  }
}

/** Role of the signed-in user: viewers read, analysts also review, admins also manage. */
export type Role = 'viewer' | 'analyst' | 'admin';

/** `GET /api/session`: the desk mode, who is signed in, and the CSRF token for state changes. */
export interface Session {
  readonly mode: 'local' | 'accounts';
  readonly user: { readonly name: string; readonly role: Role } | null;
  readonly csrfToken: string | null;
}

/** The CSRF token of this tab's session, sent as `X-CSRF-Token` with every state change. */
let csrfToken: string | null = null;

/** Query parameters; empty and missing values are left out. */
export type Params = Record<string, string | number | boolean | null | undefined>;

/**
 * `path?params` with empty values dropped.
 *
 * @example withParams('/api/events', { type: 'AIR_STRIKE', q: '' }) // '/api/events?type=AIR_STRIKE'
 */
export function withParams(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}

async function answer<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? response.statusText,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return body as T;
}

/**
 * GETs a JSON resource of the API.
 *
 * @example const page = await getJson<EventPage>('/api/events', { status: 'disputed' });
 */
export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const response = await fetch(withParams(path, params), {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  return answer<T>(response);
}

/**
 * Sends a state change (JSON body, the session's CSRF token).
 *
 * @example await sendJson('POST', '/api/review', { kind: 'set-status', event: id, status: 'confirmed' });
 */
export async function sendJson<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return answer<T>(response);
}

/**
 * Reads the session (and keeps its CSRF token for later state changes).
 *
 * @example const { mode, user } = await loadSession();
 */
export async function loadSession(): Promise<Session> {
  const session = await getJson<Session>('/api/session');
  csrfToken = session.csrfToken;
  return session;
}

/**
 * Logs in with a name and password; the server sets the HttpOnly session cookie.
 *
 * @example await logIn('amira', 'correct horse battery');
 */
export async function logIn(name: string, password: string): Promise<Session> {
  const login = await sendJson<{ user: { name: string; role: Role }; csrfToken: string }>(
    'POST',
    '/api/session',
    {
      name,
      password,
    },
  );
  csrfToken = login.csrfToken;
  return { mode: 'accounts', user: login.user, csrfToken: login.csrfToken };
}

/**
 * Logs out (the server drops the session and clears its cookie).
 *
 * @example await logOut();
 */
export async function logOut(): Promise<void> {
  await sendJson<void>('DELETE', '/api/session');
  csrfToken = null;
}
