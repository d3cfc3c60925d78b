import type { Context } from 'hono';
import { Hono } from 'hono';
import { EXPORT_FORMATS, exportLedger, isExportFormat } from '../export/index.js';
import type { AuditEntry } from '../store/store.js';
import type { Ledger, LedgerEventStatus } from '../types/ledger.js';
import { auditView } from './audit-routes.js';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { HttpError } from './http-error.js';
import {
  EVENT_SORTS,
  EVENT_STATUSES,
  type EventFilter,
  type EventQuery,
  eventSummary,
  filterEvents,
  indexOf,
  placesOf,
  queryEvents,
  timelineOf,
} from './ledger-query.js';
import { requireRole } from './principal.js';
import { dateParam, pageOf } from './request-input.js';
import { ResponseCache, requestKey, sendCached } from './response-cache.js';

/**
 * The ledger as the corroborate library builds it: events (filtered, sorted, paged), one event
 * with its evidence and review history, claims, origins and checks.
 *
 * Answers are computed once per ledger and query and kept serialized (`ResponseCache`, 64 MiB by
 * default): a new ledger (after a review, or a change of the store seen by the `LedgerCache`)
 * starts an empty cache. They carry an `ETag`; `If-None-Match` gets `304 Not Modified`.
 *
 * @example app.route('/api', ledgerRoutes(deps))
 */
export function ledgerRoutes(deps: DeskDeps, options: { cacheBytes?: number } = {}): Hono<DeskEnv> {
  const routes = new Hono<DeskEnv>();
  const responses = new ResponseCache(
    options.cacheBytes === undefined ? {} : { maxBytes: options.cacheBytes },
  );
  const ledgerOf = async (c: Context<DeskEnv>): Promise<Ledger> => {
    requireRole(c.get('principal'), 'viewer');
    if (deps.ledger === null)
      throw new HttpError('unavailable', 'this desk was started without the ledger builder');
    return deps.ledger.current();
  };

  // The audit log grouped by subject, read once per ledger: an event page needs only its own.
  const audits = new WeakMap<Ledger, Promise<Map<string, AuditEntry[]>>>();
  const auditBySubject = (ledger: Ledger): Promise<Map<string, AuditEntry[]>> => {
    let grouped = audits.get(ledger);
    if (grouped === undefined) {
      grouped = deps.store.auditLog().then((entries) => {
        const bySubject = new Map<string, AuditEntry[]>();
        for (const entry of entries) {
          const list = bySubject.get(entry.subject);
          if (list === undefined) bySubject.set(entry.subject, [entry]);
          else list.push(entry);
        }
        return bySubject;
      });
      grouped.catch(() => audits.delete(ledger));
      audits.set(ledger, grouped);
    }
    return grouped;
  };

  routes.get('/events', async (c) => {
    const ledger = await ledgerOf(c);
    // Keyed by the request's path and query as sent: a hit reads no parameter at all, and a query
    // that fails to parse is never kept, so it is refused every time.
    const body = await responses.json(ledger, requestKey(c), () => {
      const query = eventQueryOf(c);
      // Rows by default (a full event with its links and claim ids is ten times larger); `view=full` for scripts.
      const full = c.req.query('view') === 'full';
      const { items, total } = queryEvents(ledger, query);
      return {
        items: full ? items : items.map(eventSummary),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    });
    return sendCached(c, body);
  });

  routes.get('/timeline', async (c) => {
    const ledger = await ledgerOf(c);
    const body = await responses.json(ledger, requestKey(c), () =>
      timelineOf(filterEvents(ledger, filterOf(eventQueryOf(c)))),
    );
    return sendCached(c, body);
  });

  routes.get('/places', async (c) => {
    const ledger = await ledgerOf(c);
    const body = await responses.json(ledger, requestKey(c), () => {
      const query = eventQueryOf(c);
      const places = placesOf(filterEvents(ledger, query));
      return { items: places.slice(query.offset, query.offset + query.limit), total: places.length };
    });
    return sendCached(c, body);
  });

  routes.get('/map', async (c) => {
    const ledger = await ledgerOf(c);
    const body = await responses.json(ledger, requestKey(c), () => mapOf(ledger, filterOf(eventQueryOf(c))));
    return sendCached(c, body);
  });

  routes.get('/events/:id', async (c) => {
    const ledger = await ledgerOf(c);
    const id = c.req.param('id');
    const body = await responses.json(ledger, `event ${id}`, async () => {
      const index = indexOf(ledger);
      const event = index.event.get(id);
      if (event === undefined) throw new HttpError('not_found', `no ledger event "${id}"`);
      const claimIds = [...event.support.supporting, ...event.support.contradicting];
      const claims = claimIds.flatMap((claimId) => {
        const claim = index.claim.get(claimId);
        return claim === undefined ? [] : [claim];
      });
      // In the ledger's order, as a filter over its lists would give them.
      const documents = inLedgerOrder(
        ledger.documents,
        index.documentAt,
        event.members.map((m) => m.documentId),
      );
      const origins = inLedgerOrder(ledger.origins, index.originAt, event.support.originIds);
      const checks = index.checksOf.get(id) ?? [];
      const history = historyOf(
        await auditBySubject(ledger),
        event.members.map((m) => `event:${m.documentId}:${m.eventId}`),
      );
      return { event, claims, documents, origins, checks, history };
    });
    return sendCached(c, body);
  });

  routes.get('/claims', async (c) => {
    const { limit, offset } = pageOf(c, { limit: 50, max: 1000 });
    const documentId = c.req.query('document');
    const speakerKind = c.req.query('speakerKind');
    const rated = c.req.query('rated');
    if (rated !== undefined && rated !== 'true' && rated !== 'false') {
      throw new HttpError('bad_request', '"rated" must be true or false');
    }
    const words = (c.req.query('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const ledger = await ledgerOf(c);
    const key = `claims ${JSON.stringify([limit, offset, documentId, speakerKind, rated, words])}`;
    const body = await responses.json(ledger, key, () => {
      const matches = ledger.claims.filter(
        (claim) =>
          (documentId === undefined || claim.documentId === documentId) &&
          (speakerKind === undefined || claim.speakerKind === speakerKind) &&
          (rated === undefined || (claim.rating !== null) === (rated === 'true')) &&
          (words.length === 0 ||
            words.every((w) => `${claim.text}\n${claim.speakerName}`.toLowerCase().includes(w))),
      );
      return { items: matches.slice(offset, offset + limit), total: matches.length, limit, offset };
    });
    return sendCached(c, body);
  });

  routes.get('/claims/:id', async (c) => {
    const ledger = await ledgerOf(c);
    const id = c.req.param('id');
    const body = await responses.json(ledger, `claim ${id}`, async () => {
      const claim = indexOf(ledger).claim.get(id);
      if (claim === undefined) throw new HttpError('not_found', `no claim "${id}" (ids are DOCUMENT:CLAIM)`);
      const history = historyOf(await auditBySubject(ledger), [`claim:${claim.documentId}:${claim.claimId}`]);
      return { claim, history };
    });
    return sendCached(c, body);
  });

  routes.get('/origins', async (c) => {
    const ledger = await ledgerOf(c);
    const { limit, offset } = pageOf(c, { limit: 100, max: 10_000 });
    const body = await responses.json(ledger, `origins ${limit} ${offset}`, () => ({
      items: ledger.origins.slice(offset, offset + limit),
      total: ledger.origins.length,
      limit,
      offset,
    }));
    return sendCached(c, body);
  });

  routes.get('/checks', async (c) => {
    const ledger = await ledgerOf(c);
    const status = c.req.query('status');
    if (status !== undefined && !['ok', 'mismatch', 'unverifiable'].includes(status)) {
      throw new HttpError('bad_request', '"status" must be ok, mismatch or unverifiable');
    }
    const body = await responses.json(ledger, `checks ${status}`, () => {
      const items = ledger.checks.filter((k) => status === undefined || k.status === status);
      return { items, total: items.length };
    });
    return sendCached(c, body);
  });

  routes.get('/export/:format', async (c) => {
    const format = c.req.param('format');
    if (!isExportFormat(format)) {
      throw new HttpError('not_found', `no export format "${format}"; formats: ${EXPORT_FORMATS.join(', ')}`);
    }
    const ledger = await ledgerOf(c);
    const { type, extension } = EXPORT_MEDIA[format];
    const text = exportLedger(ledger, format, { timestamp: Math.floor(deps.clock().getTime() / 1000) });
    // A download, never a page: the browser saves it instead of rendering ingested text.
    c.header('Content-Disposition', `attachment; filename="corroborate-ledger.${extension}"`);
    c.header('Content-Type', type);
    return c.body(text);
  });

  return routes;
}

/** The filter of an event query, without its sort and page (what a timeline or map depends on). */
function filterOf(query: EventQuery): EventFilter {
  const { sort: _sort, descending: _descending, limit: _limit, offset: _offset, ...filter } = query;
  return filter;
}

/** Every located event as a small marker (the map draws them all; the event page has the rest). */
function mapOf(ledger: Ledger, query: EventFilter) {
  const events = filterEvents(ledger, query);
  const markers = events.flatMap((e) =>
    e.place?.lat == null || e.place.lon == null
      ? []
      : [
          {
            id: e.id,
            lat: e.place.lat,
            lon: e.place.lon,
            place: e.place.name,
            precision: e.place.precision,
            geoPrecision: e.place.geoPrecision,
            type: e.type,
            date: e.date?.from ?? null,
            status: e.status,
            independentOrigins: e.support.independentOrigins,
            contradicted: e.contradictions.length > 0,
          },
        ],
  );
  return { markers, unlocated: events.length - markers.length };
}

/** The entries of `list` with the given ids, once each, in the list's order. */
function inLedgerOrder<T>(
  list: readonly T[],
  positions: ReadonlyMap<string, number>,
  ids: readonly string[],
): T[] {
  const at = new Set<number>();
  for (const id of ids) {
    const position = positions.get(id);
    if (position !== undefined) at.add(position);
  }
  return [...at].sort((a, b) => a - b).map((position) => list[position] as T);
}

/** The audit entries about any of `subjects`, in the log's order, as the API shows them. */
function historyOf(bySubject: ReadonlyMap<string, readonly AuditEntry[]>, subjects: readonly string[]) {
  const entries = new Map<number, AuditEntry>();
  for (const subject of subjects)
    for (const entry of bySubject.get(subject) ?? []) entries.set(entry.seq, entry);
  return [...entries.values()].sort((a, b) => a.seq - b.seq).map(auditView);
}

const EXPORT_MEDIA: Record<(typeof EXPORT_FORMATS)[number], { type: string; extension: string }> = {
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  'acled-csv': { type: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  geojson: { type: 'application/geo+json; charset=utf-8', extension: 'geojson' },
  claimreview: { type: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
};

/**
 * Reads the events endpoint's query parameters; 400 for anything it cannot read.
 *
 * @example GET /api/events?from=2024-02-01&status=corroborated,confirmed&sort=-date&limit=20
 */
export function eventQueryOf(c: Context): EventQuery {
  const from = dateParam(c, 'from');
  const to = dateParam(c, 'to');
  if (from !== undefined && to !== undefined && from > to)
    throw new HttpError('bad_request', '"from" is after "to"');
  const statuses = (c.req.query('status') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statuses) {
    if (!(EVENT_STATUSES as readonly string[]).includes(s)) {
      throw new HttpError('bad_request', `"status" must be among ${EVENT_STATUSES.join(', ')}`);
    }
  }
  const rawSort = c.req.query('sort') ?? '-date';
  const descending = rawSort.startsWith('-');
  const sort = rawSort.replace(/^-/, '');
  if (!(EVENT_SORTS as readonly string[]).includes(sort)) {
    throw new HttpError(
      'bad_request',
      `"sort" must be one of ${EVENT_SORTS.join(', ')} (prefix - to reverse)`,
    );
  }
  const contradicted = c.req.query('contradicted');
  if (contradicted !== undefined && contradicted !== 'true' && contradicted !== 'false') {
    throw new HttpError('bad_request', '"contradicted" must be true or false');
  }
  const text = (name: string): string | undefined => {
    const value = c.req.query(name)?.trim();
    if (value !== undefined && value.length > 200)
      throw new HttpError('bad_request', `"${name}" is too long`);
    return value === '' ? undefined : value;
  };
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    ...optional('from', from),
    ...optional('to', to),
    ...optional('type', text('type')),
    ...optional('place', text('place')),
    ...optional('actor', text('actor')),
    ...optional('text', text('q')),
    ...optional('contradicted', contradicted === undefined ? undefined : contradicted === 'true'),
    statuses: statuses as LedgerEventStatus[],
    sort: sort as EventQuery['sort'],
    descending,
    ...pageOf(c, { limit: 50, max: 500 }),
  };
}
