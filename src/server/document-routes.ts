import { Hono } from 'hono';
import type { LedgerStats } from '../store/store.js';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { HttpError } from './http-error.js';
import { requireRole } from './principal.js';
import { optionalString, pageOf, readJsonObject } from './request-input.js';
import { ChangeMarkScope, ResponseCache, requestKey, StampScope, sendCached } from './response-cache.js';

/** The one scope of document texts: their keys name the version they were made from. */
const TEXTS = {};

/**
 * Documents, their claims and events, and the archive: the evidence every ledger item points at.
 * Text is always returned as JSON strings with offsets, never as markup.
 *
 * @example app.route('/api', documentRoutes(deps))
 */
export function documentRoutes(deps: DeskDeps): Hono<DeskEnv> {
  const { store } = deps;
  const routes = new Hono<DeskEnv>();
  const texts = new ResponseCache({ maxBytes: 32 * 1024 * 1024 });
  // Lists, documents and searches, kept until the next write to the store (by any process).
  const reads = new ResponseCache({ maxBytes: 16 * 1024 * 1024 });
  const marks = new ChangeMarkScope(store);
  // Searches read the stored documents only: kept across reviews, logins and audit entries, until
  // a document is stored or updated (by any process).
  const searches = new ResponseCache({ maxBytes: 16 * 1024 * 1024 });
  const searchScope = new StampScope(
    () => store.changeMark(),
    () => store.searchStamp(),
  );
  // Counting every table of a 100k-document ledger takes seconds: the counts are read again only
  // when the store's change mark moved (a write by any process), so they are never stale.
  let counted: { mark: string; stats: Promise<LedgerStats> } | null = null;
  const stats = async (): Promise<LedgerStats> => {
    const mark = await store.changeMark();
    if (counted === null || counted.mark !== mark) {
      const fresh = { mark, stats: store.stats() };
      counted = fresh;
      fresh.stats.catch(() => {
        if (counted === fresh) counted = null;
      });
    }
    return counted.stats;
  };

  // The documents' count, read once per change mark for every page (counting 100,000 documents
  // for each page not cached took milliseconds of blocked event loop each).
  let documentCount: { scope: object; count: Promise<number> } | null = null;
  const countDocuments = (scope: object): Promise<number> => {
    if (documentCount === null || documentCount.scope !== scope) {
      const fresh = { scope, count: store.countDocuments() };
      documentCount = fresh;
      fresh.count.catch(() => {
        if (documentCount === fresh) documentCount = null;
      });
    }
    return documentCount.count;
  };

  routes.get('/documents', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const scope = await marks.current();
    const body = await reads.json(scope, requestKey(c), async () => {
      const { limit, offset } = pageOf(c, { limit: 50, max: 1000 });
      // Only the documents are counted (every table, as `stats` does, takes seconds at 100k).
      const [items, total] = await Promise.all([
        store.listDocuments({ limit, offset }),
        countDocuments(scope),
      ]);
      return { items, total, limit, offset };
    });
    return sendCached(c, body);
  });

  routes.post('/documents', async (c) => {
    const principal = requireRole(c.get('principal'), 'admin');
    const body = await readJsonObject(c);
    const text = optionalString(body, 'text', Number.MAX_SAFE_INTEGER);
    if (text === null || text.trim() === '')
      throw new HttpError('bad_request', '"text" must hold the report');
    const id = optionalString(body, 'id', 200) ?? `import-${deps.clock().getTime().toString(36)}`;
    if (!/^[\w.:-]+$/.test(id))
      throw new HttpError('bad_request', '"id" may hold letters, digits, . _ : - only');
    const date = optionalString(body, 'date', 10);
    if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new HttpError('bad_request', '"date" must be written YYYY-MM-DD');
    }
    const url = optionalString(body, 'url', 2000);
    const record = deps.analyze(text, { id, date });
    const result = await store.putDocument({
      record,
      raw: text,
      ...(url === null ? {} : { originUrl: url }),
    });
    if (result.status === 'failed')
      throw new HttpError('internal', `the document was not stored: ${result.reason}`);
    await store.appendAudit({
      actor: principal.name,
      action: 'import.document',
      subject: `document:${result.documentId}`,
      after: { status: result.status, sha256: result.sha256 },
    });
    deps.ledger?.invalidate();
    counted = null;
    return c.json(result, result.status === 'new' ? 201 : 200);
  });

  routes.get('/documents/:id', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const id = c.req.param('id');
    const body = await reads.json(await marks.current(), requestKey(c), async () => {
      const document = await store.getDocument(id);
      if (document === null) throw new HttpError('not_found', `no document "${id}"`);
      const [claims, events, retrievals] = await Promise.all([
        store.claimsOf(id),
        store.eventsOf(id),
        store.getRetrievals(document.rawSha256),
      ]);
      return { document, claims, events, retrievals };
    });
    return sendCached(c, body);
  });

  routes.patch('/documents/:id', async (c) => {
    const principal = requireRole(c.get('principal'), 'admin');
    const id = c.req.param('id');
    const body = await readJsonObject(c);
    if (body.status !== 'active' && body.status !== 'retracted') {
      throw new HttpError('bad_request', '"status" must be active or retracted');
    }
    const before = await store.getDocument(id);
    if (before === null) throw new HttpError('not_found', `no document "${id}"`);
    await store.setDocumentStatus(id, body.status);
    await store.appendAudit({
      actor: principal.name,
      action: 'document.status',
      subject: `document:${id}`,
      before: { status: before.status },
      after: { status: body.status },
      note: optionalString(body, 'note', 4000),
    });
    // Retraction changes no count the ledger cache watches: rebuild now.
    deps.ledger?.invalidate();
    return c.json(await store.getDocument(id));
  });

  routes.get('/documents/:id/text', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const id = c.req.param('id');
    // The document row (one lookup by key) says which version is current; the answer is kept
    // under that version. Texts are not kept in `reads` as well: at 100,000 documents nearly every
    // text is read once, and those copies pushed the document pages out.
    const document = await store.getDocument(id);
    if (document === null) throw new HttpError('not_found', `no document "${id}"`);
    // A document's claims and events are rewritten only with a new version of it: the version and
    // text hash name the answer exactly, so it is kept until it is the least recently read.
    const key = `${id} ${document.version} ${document.sha256}`;
    const body = await texts.json(TEXTS, key, async () => {
      const [blob, spans] = await Promise.all([store.getArchive(document.sha256), store.spansOf(id)]);
      if (blob === null) throw new HttpError('not_found', `the archive lacks ${document.sha256}`);
      return {
        documentId: id,
        sha256: document.sha256,
        text: Buffer.from(blob.bytes).toString('utf8'),
        spans,
      };
    });
    return sendCached(c, body);
  });

  routes.get('/archive/:sha256', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    const sha256 = c.req.param('sha256').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256))
      throw new HttpError('bad_request', 'name the archive by its SHA-256 (64 hex digits)');
    const blob = await store.getArchive(sha256);
    if (blob === null) throw new HttpError('not_found', `nothing archived under ${sha256}`);
    const text = utf8OrNull(blob.bytes);
    return c.json({
      sha256: blob.sha256,
      size: blob.size,
      mediaType: blob.mediaType,
      retrievedAt: blob.retrievedAt,
      originUrl: blob.originUrl,
      retrievals: await store.getRetrievals(sha256),
      // Archived HTML is data: it travels as a JSON string, never rendered by the desk.
      encoding: text === null ? 'base64' : 'utf-8',
      content: text ?? Buffer.from(blob.bytes).toString('base64'),
    });
  });

  routes.get('/search', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    // A search ranks at most the newest SEARCH_RANKED_MATCHES matches (the store's bound), so a
    // common word costs the same at any ledger size.
    const body = await searches.json(await searchScope.current(), requestKey(c), async () => {
      const q = c.req.query('q') ?? '';
      if (q.trim() === '') throw new HttpError('bad_request', '"q" must hold the words to find');
      if (q.length > 500) throw new HttpError('bad_request', '"q" is longer than 500 characters');
      const kind = c.req.query('kind');
      if (kind !== undefined && kind !== 'document' && kind !== 'claim') {
        throw new HttpError('bad_request', '"kind" must be document or claim');
      }
      const { limit } = pageOf(c, { limit: 20, max: 1000 });
      const found = await store.searchRanked(q, { limit, ...(kind === undefined ? {} : { kind }) });
      return { items: found.hits, limit, ranked: found.ranked, complete: found.complete };
    });
    return sendCached(c, body);
  });

  routes.get('/stats', async (c) => {
    requireRole(c.get('principal'), 'viewer');
    return c.json(await stats());
  });

  return routes;
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
