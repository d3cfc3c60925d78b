import type { Context } from 'hono';
import { Hono } from 'hono';
import { EXPORT_FORMATS, isExportFormat } from '../export/index.js';
import type { LedgerEventStatus } from '../types/ledger.js';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { HttpError } from './http-error.js';
import { EVENT_PAGE_LIMIT, EVENT_PARTS } from './ledger-answers.js';
import { viewWithin } from './ledger-build-status.js';
import { EVENT_SORTS, EVENT_STATUSES, type EventFilter, type EventQuery } from './ledger-query.js';
import type { LedgerView } from './ledger-view.js';
import { requireRole } from './principal.js';
import { dateParam, pageOf } from './request-input.js';
import { ResponseCache, requestKey, sendCached } from './response-cache.js';

/**
 * The ledger as the corroborate library builds it: events (filtered, sorted, paged), one event
 * with its evidence and review history, claims, origins and checks. The routes ask the desk's
 * `LedgerView` (the ledger in this thread, or in the ledger worker that alone holds it) and send
 * its answers as they come, already serialized.
 *
 * Answers are computed once per ledger version and query and kept serialized (`ResponseCache`,
 * 64 MiB by default): a new ledger (after a review, or a change of the store seen by the
 * `LedgerCache`) starts an empty cache. They carry an `ETag`; `If-None-Match` gets `304 Not Modified`.
 *
 * While the ledger is being built, a request waits for it at most `deps.ledgerBuild.waitMs`, then
 * is answered 503 with `Retry-After` and how far the build has got; `GET /ledger/status` says
 * where the build stands without waiting.
 *
 * @example app.route('/api', ledgerRoutes(deps))
 */
export function ledgerRoutes(deps: DeskDeps, options: { cacheBytes?: number } = {}): Hono<DeskEnv> {
  const routes = new Hono<DeskEnv>();
  const responses = new ResponseCache(
    options.cacheBytes === undefined ? {} : { maxBytes: options.cacheBytes },
  );
  // A request waits on a build at most `waitMs` in all, then is answered 503 with its progress.
  const viewOf = async (c: Context<DeskEnv>): Promise<LedgerView> => {
    requireRole(c.get('principal'), 'viewer');
    if (deps.ledger === null)
      throw new HttpError('unavailable', 'this desk was started without the ledger builder');
    return viewWithin(deps.ledger, deps.ledgerBuild);
  };

  routes.get('/ledger/status', (c) => {
    if (deps.ledger === null)
      throw new HttpError('unavailable', 'this desk was started without the ledger builder');
    c.header('Cache-Control', 'no-store');
    return c.json(deps.ledgerBuild.status());
  });

  routes.get('/events', async (c) => {
    const view = await viewOf(c);
    // Keyed by the request's path and query as sent: a hit reads no parameter at all, and a query
    // that fails to parse is never kept, so it is refused every time.
    const body = await responses.body(view.version, requestKey(c), () =>
      view.body({ kind: 'events', query: eventQueryOf(c), full: c.req.query('view') === 'full' }),
    );
    return sendCached(c, body);
  });

  routes.get('/timeline', async (c) => {
    const view = await viewOf(c);
    const body = await responses.body(view.version, requestKey(c), () =>
      view.body({ kind: 'timeline', filter: filterOf(eventQueryOf(c)) }),
    );
    return sendCached(c, body);
  });

  routes.get('/places', async (c) => {
    const view = await viewOf(c);
    const body = await responses.body(view.version, requestKey(c), () => {
      const query = eventQueryOf(c);
      return view.body({ kind: 'places', filter: filterOf(query), limit: query.limit, offset: query.offset });
    });
    return sendCached(c, body);
  });

  routes.get('/map', async (c) => {
    const view = await viewOf(c);
    const body = await responses.body(view.version, requestKey(c), () =>
      view.body({ kind: 'map', filter: filterOf(eventQueryOf(c)) }),
    );
    return sendCached(c, body);
  });

  routes.get('/events/:id', async (c) => {
    // Parameters first: a bad one is refused at once, not after waiting on a build.
    const id = c.req.param('id');
    const { limit } = pageOf(c, { limit: EVENT_PAGE_LIMIT, max: 500 });
    const view = await viewOf(c);
    const body = await responses.body(view.version, `event ${limit} ${id}`, () =>
      view.body({ kind: 'event-page', id, limit }),
    );
    return sendCached(c, body);
  });

  for (const part of EVENT_PARTS) {
    routes.get(`/events/:id/${part}`, async (c) => {
      const id = c.req.param('id');
      const { limit, offset } = pageOf(c, { limit: 100, max: 1000 });
      const side = c.req.query('side');
      if (side !== undefined && (part !== 'claims' || (side !== 'supporting' && side !== 'contradicting'))) {
        throw new HttpError(
          'bad_request',
          part === 'claims'
            ? '"side" must be supporting or contradicting'
            : `"side" is for claims, not ${part}`,
        );
      }
      const ask = { kind: 'event-part', id, part, side: side ?? null, limit, offset } as const;
      const view = await viewOf(c);
      const body = await responses.body(view.version, `event-part ${JSON.stringify(ask)}`, () =>
        view.body(ask),
      );
      return sendCached(c, body);
    });
  }

  routes.get('/claims', async (c) => {
    const { limit, offset } = pageOf(c, { limit: 50, max: 1000 });
    const documentId = c.req.query('document');
    const speakerKind = c.req.query('speakerKind');
    const rated = c.req.query('rated');
    if (rated !== undefined && rated !== 'true' && rated !== 'false') {
      throw new HttpError('bad_request', '"rated" must be true or false');
    }
    const words = (c.req.query('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const view = await viewOf(c);
    const key = `claims ${JSON.stringify([limit, offset, documentId, speakerKind, rated, words])}`;
    const filter = {
      ...(documentId === undefined ? {} : { documentId }),
      ...(speakerKind === undefined ? {} : { speakerKind }),
      ...(rated === undefined ? {} : { rated: rated === 'true' }),
      words,
    };
    const body = await responses.body(view.version, key, () =>
      view.body({ kind: 'claims', filter, limit, offset }),
    );
    return sendCached(c, body);
  });

  routes.get('/claims/:id', async (c) => {
    const view = await viewOf(c);
    const id = c.req.param('id');
    const body = await responses.body(view.version, `claim ${id}`, () =>
      view.body({ kind: 'claim-page', id }),
    );
    return sendCached(c, body);
  });

  routes.get('/origins', async (c) => {
    const view = await viewOf(c);
    const { limit, offset } = pageOf(c, { limit: 100, max: 10_000 });
    const body = await responses.body(view.version, `origins ${limit} ${offset}`, () =>
      view.body({ kind: 'origins', limit, offset }),
    );
    return sendCached(c, body);
  });

  routes.get('/checks', async (c) => {
    const view = await viewOf(c);
    const status = c.req.query('status');
    if (status !== undefined && !['ok', 'mismatch', 'unverifiable'].includes(status)) {
      throw new HttpError('bad_request', '"status" must be ok, mismatch or unverifiable');
    }
    const body = await responses.body(view.version, `checks ${status}`, () =>
      view.body({ kind: 'checks', status: status ?? null }),
    );
    return sendCached(c, body);
  });

  routes.get('/export/:format', async (c) => {
    const format = c.req.param('format');
    if (!isExportFormat(format)) {
      throw new HttpError('not_found', `no export format "${format}"; formats: ${EXPORT_FORMATS.join(', ')}`);
    }
    const view = await viewOf(c);
    const { type, extension } = EXPORT_MEDIA[format];
    const text = await view.text({
      kind: 'export',
      format,
      timestamp: Math.floor(deps.clock().getTime() / 1000),
    });
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
