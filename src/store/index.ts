/**
 * The ledger's storage, as other modules should use it: `openStore` and the records.
 *
 * @example import { openStore } from './store/index.js';
 */
export type { AccountStore, Role, StoredApiToken, StoredSession, StoredUser } from './accounts.js';
export { ROLES } from './accounts.js';
export { verifyAuditChain } from './audit-chain.js';
export type { DialectCapabilities } from './dialect-profile.js';
export type { StoreOptions } from './kysely-store.js';
export { DEFAULT_LEDGER_PATH, ledgerLocation, openStore } from './open-store.js';
export { foldForSearch, parseSearchQuery } from './search-query.js';
export type * from './store.js';
export { SEARCH_RANKED_MATCHES } from './store.js';
