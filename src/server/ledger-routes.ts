import type { Context } from 'hono';
import { Hono } from 'hono';
import { EXPORT_FORMATS, exportLedger, isExportFormat } from '../export/index.js';
import type { Ledger, LedgerEventStatus } from '../types/ledger.js';
import { auditView } from './audit-routes.js';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { HttpError } from './http-error.js';
import {
  EVENT_SORTS,
  EVENT_STATUSES,
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

/**
 * The ledger as the corroborate library builds it: events (filtered, sorted, paged), one event
 * with its evidence and review history, claims, origins and checks.
 *
 * @example app.route('/api', ledgerRoutes(deps))
 */
export function ledgerRoutes(deps: DeskDeps): Hono<DeskEnv> {
  const routes = new Hono<DeskEnv>();
  const ledgerOf = async (c: Context<DeskEnv>): Promise<Ledger> => {
    requireRole(c.get('principal'), 'viewer');
    if (deps.ledger === null)
      throw new HttpError('unavailable', 'this desk was started without the ledger builder');
    return deps.ledger.current();
  };

  routes.get('/events', async (c) => {
    const query = eventQueryOf(c);
    const ledger = await ledgerOf(c);
    const { items, total } = queryEvents(ledger, query);
    // Rows by default (a full event with its links and claim ids is ten times larger); `view=full` for scripts.
    const full = c.req.query('view') === 'full';
    return c.json({
      items: full ? items : items.map(eventSummary),
      total,
      limit: query.limit,
      offset: query.offset,
    });
  });

  routes.get('/timeline', async (c) => {
    const query = eventQueryOf(c);
    return c.json(timelineOf(filterEvents(await ledgerOf(c), query)));
  });

  routes.get('/places', async (c) => {
    const query = eventQueryOf(c);
    const places = placesOf(filterEvents(await ledgerOf(c), query));
    return c.json({ items: places.slice(query.offset, query.offset + query.limit), total: places.length });
  });

  routes.get('/map', async (c) => {
    const query = eventQueryOf(c);
    const events = filterEvents(await ledgerOf(c), query);
    // Every located event, small: the map draws them all; the event page has the rest.
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
    return c.json({ markers, unlocated: events.length - markers.length });
  });

  routes.get('/events/:id', async (c) => {
    const ledger = await ledgerOf(c);
    const index = indexOf(ledger);
    const id = c.req.param('id');
    const event = index.event.get(id);
    if (event === undefined) throw new HttpError('not_found', `no ledger event "${id}"`);
    const claimIds = [...event.support.supporting, ...event.support.contradicting];
    const claims = claimIds.flatMap((claimId) => {
      const claim = index.claim.get(claimId);
      return claim === undefined ? [] : [claim];
    });
    const documentIds = new Set(event.members.map((m) => m.documentId));
    const documents = ledger.documents.filter((d) => documentIds.has(d.id));
    const origins = ledger.origins.filter((o) => event.support.originIds.includes(o.id));
    const checks = ledger.checks.filter((k) => k.eventIds.includes(id));
    const subjects = new Set(event.members.map((m) => `event:${m.documentId}:${m.eventId}`));
    const history = (await deps.store.auditLog())
      .filter((entry) => subjects.has(entry.subject))
      .map(auditView);
    return c.json({ event, claims, documents, origins, checks, history });
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
    const matches = ledger.claims.filter(
      (claim) =>
        (documentId === undefined || claim.documentId === documentId) &&
        (speakerKind === undefined || claim.speakerKind === speakerKind) &&
        (rated === undefined || (claim.rating !== null) === (rated === 'true')) &&
        (words.length === 0 ||
          words.every((w) => `${claim.text}\n${claim.speakerName}`.toLowerCase().includes(w))),
    );
    return c.json({ items: matches.slice(offset, offset + limit), total: matches.length, limit, offset });
  });

  routes.get('/claims/:id', async (c) => {
    const ledger = await ledgerOf(c);
    const id = c.req.param('id');
    const claim = indexOf(ledger).claim.get(id);
    if (claim === undefined) throw new HttpError('not_found', `no claim "${id}" (ids are DOCUMENT:CLAIM)`);
    const subject = `claim:${claim.documentId}:${claim.claimId}`;
    const history = (await deps.store.auditLog()).filter((entry) => entry.subject === subject).map(auditView);
    return c.json({ claim, history });
  });

  routes.get('/origins', async (c) => {
    const ledger = await ledgerOf(c);
    const { limit, offset } = pageOf(c, { limit: 100, max: 10_000 });
    return c.json({
      items: ledger.origins.slice(offset, offset + limit),
      total: ledger.origins.length,
      limit,
      offset,
    });
  });

  routes.get('/checks', async (c) => {
    const ledger = await ledgerOf(c);
    const status = c.req.query('status');
    if (status !== undefined && !['ok', 'mismatch', 'unverifiable'].includes(status)) {
      throw new HttpError('bad_request', '"status" must be ok, mismatch or unverifiable');
    }
    const items = ledger.checks.filter((k) => status === undefined || k.status === status);
    return c.json({ items, total: items.length });
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
