import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { addImageEvidence } from '../evidence/images/add-image-evidence.js';
import { KeptReuseIndex, withCurrentReuse } from '../evidence/images/current-reuse.js';
import { claimedMeasuresOf } from '../evidence/measure/claimed-measures.js';
import { claimQuantitiesOf, measureAsEvidence } from '../evidence/measure/measurement-evidence.js';
import type { Store } from '../store/store.js';
import type { EvidenceItem, EvidenceSubject } from '../types/evidence.js';
import type { LedgerEvent } from '../types/ledger.js';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { HttpError } from './http-error.js';
import { viewWithin } from './ledger-build-status.js';
import { requireRole } from './principal.js';
import { type JsonObject, optionalString, pageOf, readJsonObject } from './request-input.js';

/** Media types an image upload may be sent as (raw bytes; HTML forms cannot send these). */
const IMAGE_BODY = /^(?:image\/[\w.+-]+|application\/octet-stream)\s*(;|$)/i;

/** The path of image uploads: the desk's body limit leaves it to the image cap of `evidenceRoutes`. */
export const IMAGE_UPLOAD_PATH = '/api/evidence/images';

/** Default largest image upload (25 MiB): satellite and drone pictures exceed the desk's 2 MiB body limit. */
export const DEFAULT_MAX_IMAGE_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * How the desk examines uploaded images.
 *
 * @example { trustList: [await readFile('anchors.pem', 'utf8')], maxImageBytes: 50 * 1024 * 1024 }
 */
export interface EvidenceRouteOptions {
  /** C2PA trust anchors as PEM text (read once at start-up); empty: no signer is trusted. */
  readonly trustList?: readonly string[];
  /** Largest image upload in bytes (default {@link DEFAULT_MAX_IMAGE_UPLOAD_BYTES}); larger gets 413. */
  readonly maxImageBytes?: number;
}

/**
 * Evidence on events and claims: images (with metadata, re-use and C2PA status) and measured
 * outlines (with their comparisons against the claimed areas and shares). Reads need the viewer
 * role; adding evidence needs an analyst, with the session's CSRF token like every write, and is
 * audited as `evidence.add`.
 *
 * @example
 * app.route('/api', evidenceRoutes(deps, { trustList }));
 * // POST /api/evidence/measurements {"geojson": {...}, "event": "north-wire-9:ev1", "label": "damaged structures"}
 */
export function evidenceRoutes(deps: DeskDeps, options: EvidenceRouteOptions = {}): Hono<DeskEnv> {
  const routes = new Hono<DeskEnv>();
  const { store } = deps;
  const trustList = options.trustList ?? [];
  const maxImageBytes = options.maxImageBytes ?? DEFAULT_MAX_IMAGE_UPLOAD_BYTES;
  // kept between requests, rebuilt only when the store's change mark moved
  const reuse = new KeptReuseIndex(store);
  /** Images show their earlier appearances as the ledger knows them now, not only when they were added. */
  const current = async (items: readonly EvidenceItem[]): Promise<EvidenceItem[]> => {
    if (!items.some((i) => i.finding.kind === 'image')) return [...items];
    const { index } = await reuse.current();
    return Promise.all(items.map((item) => withCurrentReuse(store, index, item)));
  };
  const limitImage = bodyLimit({
    maxSize: maxImageBytes,
    onError: (c) =>
      c.json(
        new HttpError('payload_too_large', `the image is larger than ${maxImageBytes} bytes`).toJSON(),
        413,
      ),
  });

  const eventOf = async (id: string): Promise<LedgerEvent> => {
    if (deps.ledger === null)
      throw new HttpError('unavailable', 'this desk was started without the ledger builder');
    const event = await (await viewWithin(deps.ledger, deps.ledgerBuild)).lookUp({ kind: 'event', id });
    if (event === null) throw new HttpError('not_found', `no ledger event "${id}"`);
    return event;
  };
  const page = async (c: Context<DeskEnv>, items: readonly EvidenceItem[]) => {
    const { limit, offset } = pageOf(c, { limit: 100, max: 500 });
    return { items: await current(items.slice(offset, offset + limit)), total: items.length, limit, offset };
  };

  routes.get('/events/:id/evidence', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const event = await eventOf(c.req.param('id'));
    return c.json(await page(c, await evidenceOfEvent(store, event)));
  });

  routes.get('/events/:id/measurable-claims', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const event = await eventOf(c.req.param('id'));
    const claims =
      (await claimQuantitiesOf(store, { events: [event] }, { kind: 'event', id: event.id })) ?? [];
    const items = claims.flatMap((claim) =>
      claimedMeasuresOf(claim.quantities).map((m) =>
        m.kind === 'area'
          ? {
              claimId: claim.claimId,
              kind: 'area',
              text: m.quantity.surface,
              bound: m.quantity.bound,
              m2: m.m2,
              share: null,
              low: m.lowM2,
              high: m.highM2,
              of: null,
            }
          : {
              claimId: claim.claimId,
              kind: 'share',
              text: m.quantity.surface,
              bound: m.quantity.bound,
              m2: null,
              share: m.share,
              low: m.low,
              high: m.high,
              of: m.of,
            },
      ),
    );
    return c.json({ items });
  });

  routes.get('/claims/:id/evidence', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const id = c.req.param('id');
    await existingClaim(id);
    return c.json(await page(c, await store.listEvidence({ subjectKind: 'claim', subjectId: id })));
  });

  routes.get('/evidence/:id', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const [item] = await current([await existingEvidence(c.req.param('id'))]);
    return c.json(item);
  });

  routes.get('/evidence/:id/image', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const item = await existingEvidence(c.req.param('id'));
    if (item.finding.kind !== 'image')
      throw new HttpError('not_found', `evidence "${item.id}" is not an image`);
    const blob = await store.getArchive(item.finding.sha256);
    if (blob === null) throw new HttpError('not_found', `the image of "${item.id}" is not in the archive`);
    // the media type was sniffed from the bytes when the image was added, never taken from a name
    return c.body(new Uint8Array(blob.bytes), 200, {
      'Content-Type': item.finding.mediaType,
      'Content-Disposition': 'inline',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
    });
  });

  routes.post('/evidence/images', limitImage, async (c) => {
    const principal = requireRole(c.get('principal'), 'analyst');
    const type = c.req.header('content-type') ?? '';
    if (!IMAGE_BODY.test(type)) {
      throw new HttpError(
        'unsupported_media_type',
        'send the image bytes as the body, typed image/… or application/octet-stream',
      );
    }
    const { subjects } = await subjectsOf({
      event: c.req.queries('event') ?? [],
      claim: c.req.queries('claim') ?? [],
      document: c.req.queries('document') ?? [],
    });
    const sourceUrl = boundedQuery(c.req.query('sourceUrl'), 'sourceUrl', 2000);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) throw new HttpError('bad_request', 'the body holds no image');
    const { index, mark } = await reuse.current();
    const result = await addImageEvidence(store, bytes, {
      subjects,
      addedBy: principal.name,
      sourceUrl,
      note: boundedQuery(c.req.query('note'), 'note', 4000),
      clock: deps.clock,
      trustList,
      maxBytes: maxImageBytes,
      index,
    });
    if (result.status === 'failed') throw new HttpError('bad_request', `not stored: ${result.message}`);
    if (result.status === 'new') await reuse.wrote(mark);
    const [item] = await current([result.item]);
    return c.json({ status: result.status, item }, result.status === 'new' ? 201 : 200);
  });

  routes.post('/evidence/measurements', async (c) => {
    const principal = requireRole(c.get('principal'), 'analyst');
    const body = await readJsonObject(c);
    if (body.geojson === undefined)
      throw new HttpError('bad_request', '"geojson" must hold the outline (a GeoJSON polygon)');
    const { subjects, events } = await subjectsOf({
      event: listField(body, 'event', 'events'),
      claim: listField(body, 'claim', 'claims'),
      document: [],
    });
    if (subjects.length === 0)
      throw new HttpError('bad_request', 'name the "event" or "claim" the outline bears on');
    const tolerance = body.tolerance;
    if (tolerance !== undefined && (typeof tolerance !== 'number' || !(tolerance >= 0 && tolerance < 1))) {
      throw new HttpError('bad_request', '"tolerance" must be a fraction in [0, 1) (0.15 = within 15 %)');
    }
    const result = await measureAsEvidence(
      store,
      // the ledger's events named: what the comparison reads of the ledger
      { events },
      {
        geojson: body.geojson,
        subjects,
        addedBy: principal.name,
        label: optionalString(body, 'label', 200),
        note: optionalString(body, 'note', 4000),
        ...(tolerance === undefined ? {} : { tolerance }),
        ...(body.whole === undefined || body.whole === null ? {} : { whole: body.whole }),
      },
      deps.clock,
    );
    if (!result.ok) {
      throw new HttpError(result.reason === 'unknown-subject' ? 'not_found' : 'bad_request', result.message);
    }
    return c.json({ status: result.status, item: result.item }, result.status === 'new' ? 201 : 200);
  });

  async function existingEvidence(id: string): Promise<EvidenceItem> {
    if (!/^ev:[0-9a-f]{1,64}$/.test(id))
      throw new HttpError('bad_request', 'an evidence id is "ev:" and hex digits');
    const item = await store.getEvidence(id);
    if (item === null) throw new HttpError('not_found', `no evidence "${id}"`);
    return item;
  }

  async function existingClaim(id: string): Promise<void> {
    const cut = id.lastIndexOf(':');
    if (cut <= 0) throw new HttpError('bad_request', 'a claim id is DOCUMENT:CLAIM');
    const claims = await store.claimsOf(id.slice(0, cut));
    if (!claims.some((k) => k.claimId === id.slice(cut + 1)))
      throw new HttpError('not_found', `no claim "${id}"`);
  }

  /** Named subjects, each checked against the ledger (404 for one it does not hold), and the events named. */
  async function subjectsOf(named: {
    event: string[];
    claim: string[];
    document: string[];
  }): Promise<{ subjects: EvidenceSubject[]; events: LedgerEvent[] }> {
    const subjects: EvidenceSubject[] = [];
    const events: LedgerEvent[] = [];
    if (named.event.length + named.claim.length + named.document.length > 50) {
      throw new HttpError('bad_request', 'at most 50 events, claims and documents');
    }
    for (const id of named.event) {
      const event = await eventOf(id);
      events.push(event);
      subjects.push({ kind: 'event', id: event.id });
    }
    for (const id of named.claim) {
      await existingClaim(id);
      subjects.push({ kind: 'claim', id });
    }
    for (const id of named.document) {
      if ((await store.getDocument(id)) === null) throw new HttpError('not_found', `no document "${id}"`);
      subjects.push({ kind: 'document', id });
    }
    return { subjects, events };
  }

  return routes;
}

/** An optional query parameter of at most `max` characters (null when absent or empty). */
function boundedQuery(value: string | undefined, name: string, max: number): string | null {
  if (value === undefined || value === '') return null;
  if (value.length > max) throw new HttpError('bad_request', `"${name}" is longer than ${max} characters`);
  return value;
}

/** A body field given as one id or a list of ids (`event` or `events`). */
function listField(body: JsonObject, one: string, many: string): string[] {
  const values = [body[one], body[many]].flatMap((v) =>
    v === undefined || v === null ? [] : Array.isArray(v) ? v : [v],
  );
  if (!values.every((v) => typeof v === 'string' && v !== '' && v.length <= 500)) {
    throw new HttpError('bad_request', `"${one}" and "${many}" take ids (strings)`);
  }
  return values as string[];
}

/**
 * The evidence on an event and on the claims for and against it, each item once, oldest first.
 * Up to `oneByOneUpTo` claims are asked for one by one; beyond, the evidence on every claim is
 * read at once and kept for this event's claims (an event of thousands of reports has thousands
 * of claims, and a query each blocked the desk for a second at 100,000 documents).
 *
 * @example (await evidenceOfEvent(store, event)).map((item) => item.finding.label) // ['damaged structures']
 */
export async function evidenceOfEvent(
  store: Pick<Store, 'listEvidence'>,
  event: {
    readonly id: string;
    readonly support: Pick<LedgerEvent['support'], 'supporting' | 'contradicting'>;
  },
  oneByOneUpTo = 64,
): Promise<EvidenceItem[]> {
  const claimIds = [...event.support.supporting, ...event.support.contradicting];
  const onEvent = store.listEvidence({ subjectKind: 'event', subjectId: event.id });
  if (claimIds.length <= oneByOneUpTo) {
    const lists = await Promise.all([
      onEvent,
      ...claimIds.map((id) => store.listEvidence({ subjectKind: 'claim', subjectId: id })),
    ]);
    return oldestFirst(lists.flat());
  }
  const wanted = new Set(claimIds);
  const [own, onClaims] = await Promise.all([onEvent, store.listEvidence({ subjectKind: 'claim' })]);
  const onTheseClaims = onClaims.filter((item) =>
    item.subjects.some((subject) => subject.kind === 'claim' && wanted.has(subject.id)),
  );
  return oldestFirst([...own, ...onTheseClaims]);
}

function oldestFirst(items: readonly EvidenceItem[]): EvidenceItem[] {
  const seen = new Map<string, EvidenceItem>();
  for (const item of items) seen.set(item.id, item);
  return [...seen.values()].sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}
