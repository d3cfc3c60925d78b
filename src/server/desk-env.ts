import type { IncomingMessage } from 'node:http';
import type { Principal } from './principal.js';

/**
 * hono's typing of the desk's requests: the node connection (absent in `app.request()` tests)
 * and what the auth middleware found out.
 *
 * @example const app = new Hono<DeskEnv>();
 */
export interface DeskEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    /** The authenticated caller, or null for an anonymous request. */
    principal: Principal | null;
    /** The CSRF token state-changing requests of this session must echo in `X-CSRF-Token`. */
    csrfToken: string | null;
  };
}

/**
 * What the routes work with: the store, auth, the ledger's answers (when the corroborate library
 * is wired; the ledger itself may live in the ledger worker), the reader for imports, and the clock.
 *
 * @example documentRoutes({ store, auth, ledger: null, ledgerBuild: new LedgerBuildStatus(), analyze, clock: () => new Date() })
 */
export interface DeskDeps {
  readonly store: import('../store/store.js').Store;
  readonly auth: import('./auth.js').DeskAuth;
  readonly ledger: import('./ledger-view.js').LedgerAccess | null;
  /** Where the ledger's builds stand (`GET /api/ledger/status`), and how long a request waits on one. */
  readonly ledgerBuild: import('./ledger-build-status.js').LedgerBuildStatus;
  /** Reads an imported report into an analysis record (the reader, with the desk's gazetteer). */
  readonly analyze: (
    text: string,
    options: { id: string; date: string | null },
  ) => import('../types/analysis-record.js').AnalysisRecord;
  readonly clock: () => Date;
}
