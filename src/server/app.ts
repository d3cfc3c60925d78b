import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { analyzeText } from '../analyze.js';
import type { Store } from '../store/store.js';
import { accountRoutes } from './account-routes.js';
import { auditRoutes } from './audit-routes.js';
import { type AuthConfig, DeskAuth, resolveAuthConfig } from './auth.js';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { documentRoutes } from './document-routes.js';
import { type EvidenceRouteOptions, evidenceRoutes, IMAGE_UPLOAD_PATH } from './evidence-routes.js';
import { HttpError } from './http-error.js';
import { LedgerBuildStatus } from './ledger-build-status.js';
import { LedgerCache, type LedgerLoader } from './ledger-cache.js';
import { ledgerRoutes } from './ledger-routes.js';
import { inProcessLedgerViews, type LedgerViewLoader } from './ledger-view.js';
import { OPENAPI } from './openapi.js';
import { requireRole } from './principal.js';
import { reviewRoutes } from './review-routes.js';
import { securityHeaders } from './security-headers.js';
import { mountStaticUi } from './static-ui.js';

/** What `createApp` needs; everything but the store has a default. */
export interface DeskOptions {
  readonly store: Store;
  /** Authentication: `local` (single user, loopback only) or `accounts`; see `AuthConfig`. */
  readonly auth: Partial<AuthConfig> & Pick<AuthConfig, 'mode'>;
  /**
   * Builds the ledger from the store, in this thread (tests, `:memory:` ledgers); without it or
   * `ledgerViews` the ledger endpoints answer 503.
   */
  readonly loadLedger?: LedgerLoader | null;
  /**
   * Builds the ledger where it is held and answers from it (`workerLedgerViews`: in a worker
   * thread, which alone holds it); takes precedence over `loadLedger`.
   */
  readonly ledgerViews?: LedgerViewLoader | null;
  /**
   * How often (ms) the store is checked for changes made by another process (default 2000); the
   * ledger and the answers computed from it are at most this much older than the store.
   */
  readonly ledgerRecheckMs?: number;
  /**
   * How long (ms) a ledger request waits while the ledger is being built before it is answered
   * 503 `unavailable` with `Retry-After` and how far the build has got (default 20,000); the build
   * goes on, and `GET /api/ledger/status` says where it stands.
   */
  readonly ledgerWaitMs?: number;
  /**
   * The server's log of ledger builds (`corroborate serve`: stderr): a line every ~10 % or 30 s
   * of a build that runs more than a few seconds, and one when a build that read the documents is
   * done. Default: none.
   */
  readonly ledgerLog?: ((line: string) => void) | null;
  /**
   * Starts building the ledger as the desk starts, not on the first ledger request
   * (`corroborate serve`: a large ledger takes minutes, which then pass before anyone asks).
   * A build that fails is reported as any other (`GET /api/ledger/status`, the log); the next
   * ledger request tries again. Default: false.
   */
  readonly buildLedgerAtStart?: boolean;
  /** Reads imported reports (default: the reader without a gazetteer). */
  readonly analyze?: DeskDeps['analyze'];
  /** Largest request body in bytes (default 2 MiB); larger bodies get 413. Image uploads have their own cap (`evidence`). */
  readonly maxBodyBytes?: number;
  /** Image evidence: the C2PA trust list and the image upload cap (default 25 MiB). */
  readonly evidence?: EvidenceRouteOptions;
  /** Folder of the built web UI (`dist/web`); null or missing serves a "not built" page. */
  readonly webRoot?: string | null;
  readonly clock?: () => Date;
}

/** Methods whose requests the desk reads no body of. */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** API paths an anonymous caller may reach: logging in, and reading what the API offers. */
const PUBLIC_PATHS = new Set(['/api/session', '/api/openapi.json']);

/**
 * The desk's HTTP app: the JSON API under `/api/` and the web UI beside it. It knows only the
 * `Store` interface and the corroborate library, so it runs the same over SQLite and PostgreSQL
 * and in-process in tests (`app.request()`).
 *
 * @example
 * const app = createApp({ store, auth: { mode: 'local' }, ledgerViews: workerLedgerViews(file) });
 * const res = await app.request('/api/events?status=disputed');
 */
export function createApp(options: DeskOptions): Hono<DeskEnv> {
  const clock = options.clock ?? (() => new Date());
  const auth = new DeskAuth(options.store, resolveAuthConfig({ clock, ...options.auth }));
  // A view prepares its ledger's lookups while readers still wait for it, not with its first readers.
  const views =
    options.ledgerViews ?? (options.loadLedger == null ? null : inProcessLedgerViews(options.loadLedger));
  const build = new LedgerBuildStatus({
    ...(options.ledgerWaitMs === undefined ? {} : { waitMs: options.ledgerWaitMs }),
    log: options.ledgerLog ?? null,
  });
  const deps: DeskDeps = {
    store: options.store,
    auth,
    ledger:
      views === null
        ? null
        : new LedgerCache(
            options.store,
            (store) => {
              // Building from now on, not from when a worker that is still starting says so; and
              // failed when the build fails, even where it stopped before it could say so itself.
              build.report({ kind: 'started' });
              const loading = views(store, (report) => build.report(report));
              loading.catch((error: unknown) =>
                build.report({
                  kind: 'failed',
                  message: error instanceof Error ? error.message : String(error),
                }),
              );
              return loading;
            },
            options.ledgerRecheckMs === undefined ? {} : { recheckMs: options.ledgerRecheckMs },
          ),
    ledgerBuild: build,
    analyze: options.analyze ?? ((text, { id, date }) => analyzeText(text, { id, date })),
    clock,
  };
  // Its failure is the build status's to report; nobody waits on this one.
  if (options.buildLedgerAtStart === true) deps.ledger?.current().catch(() => undefined);
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;

  const app = new Hono<DeskEnv>();
  app.use('*', securityHeaders({ https: auth.config.secureCookies }));
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) =>
      c.json(
        new HttpError('payload_too_large', `the body is larger than ${maxBodyBytes} bytes`).toJSON(),
        413,
      ),
  });
  // Reads carry no body the desk looks at; checking one would make the node adapter build a full
  // fetch Request (abort signal and all) for every read, a fifth of a cached answer's cost.
  app.use('/api/*', (c, next) =>
    BODYLESS.has(c.req.method) || c.req.path === IMAGE_UPLOAD_PATH ? next() : limitBody(c, next),
  );
  app.use('/api/*', auth.middleware());
  app.use('/api/*', async (c, next) => {
    if (!PUBLIC_PATHS.has(c.req.path)) requireRole(c.get('principal'), 'viewer');
    await next();
  });

  app.get('/api/openapi.json', (c) => c.json(OPENAPI));
  app.route('/api', accountRoutes(deps));
  app.route('/api', documentRoutes(deps));
  app.route('/api', ledgerRoutes(deps));
  app.route('/api', reviewRoutes(deps));
  app.route('/api', auditRoutes(deps));
  app.route('/api', evidenceRoutes(deps, options.evidence));
  app.all('/api/*', (c) =>
    c.json(new HttpError('not_found', `no API route ${c.req.method} ${c.req.path}`).toJSON(), 404),
  );
  mountStaticUi(app, options.webRoot ?? null);

  app.onError((error, c) => {
    if (error instanceof HttpError) {
      if (error.retryAfter !== null) c.header('Retry-After', String(error.retryAfter));
      return c.json(error.toJSON(), error.status);
    }
    console.error('corroborate serve: internal error:', error);
    return c.json(new HttpError('internal', 'internal error; see the server log').toJSON(), 500);
  });
  app.notFound((c) => c.json(new HttpError('not_found', `nothing at ${c.req.path}`).toJSON(), 404));
  return app;
}
