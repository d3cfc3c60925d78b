import { Hono } from 'hono';
import type { AuditEntry } from '../store/store.js';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { requireRole } from './principal.js';
import { integerParam } from './request-input.js';

/**
 * The append-only audit log (who, when, what, before/after, hash chain) and its verification.
 *
 * @example GET /api/audit?after=120&limit=50
 */
export function auditRoutes(deps: DeskDeps): Hono<DeskEnv> {
  const routes = new Hono<DeskEnv>();

  routes.get('/audit', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const afterSeq = integerParam(c, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = integerParam(c, 'limit', 100, 1, 1000);
    const action = c.req.query('action');
    const subject = c.req.query('subject');
    const filtered = action !== undefined || subject !== undefined;
    // Filters read the whole log: its entries are few (one per human decision).
    const entries = await deps.store.auditLog(filtered ? { afterSeq } : { afterSeq, limit });
    const items = entries
      .filter(
        (e) =>
          (action === undefined || e.action === action) && (subject === undefined || e.subject === subject),
      )
      .slice(0, limit)
      .map(auditView);
    return c.json({ items, limit, next: items.length === limit ? (items.at(-1)?.seq ?? null) : null });
  });

  routes.get('/audit/verify', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    return c.json(await deps.store.verifyAudit());
  });

  return routes;
}

/**
 * An audit entry as the API shows it: `before` and `after` as JSON values rather than the JSON
 * text the chain hashes (`GET /api/audit/verify` checks the chain on the stored text).
 *
 * @example auditView(entry).after // { kind: 'set-status', status: 'confirmed', … }
 */
export function auditView(
  entry: AuditEntry,
): Omit<AuditEntry, 'before' | 'after'> & { before: unknown; after: unknown } {
  return {
    ...entry,
    before: entry.before === null ? null : (JSON.parse(entry.before) as unknown),
    after: entry.after === null ? null : (JSON.parse(entry.after) as unknown),
  };
}
