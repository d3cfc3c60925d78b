import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { CorroborateError, InputError } from '../errors.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { analyzeDocument } from '../pipeline.js';
import { parseReferenceDate } from '../reference-date.js';
import type { Store } from '../store/store.js';
import type { AnalysisRecord } from '../types/analysis-record.js';
import type { SourceDocument } from '../types/document.js';
import { articleImageRefs } from './article-images.js';
import { decodeInput, sniffBinaryKind } from './decode-input.js';
import {
  type DocumentImagesOptions,
  type DocumentImagesResult,
  storeDocumentImages,
} from './document-images.js';
import { type Feed, type FeedItem, looksLikeFeed, parseFeed } from './feeds.js';
import type { FetchedPage, Fetcher, FetchOutcome } from './fetcher.js';
import { sourceFromString } from './source-document.js';

/** What became of one input item: the store's verdict, or why it was skipped or failed. */
export type IngestStatus = 'new' | 'duplicate' | 'updated' | 'failed' | 'skipped';

/**
 * One line of an ingest: which item, what happened, under which document id.
 *
 * @example { source: 'batch.jsonl:6', via: null, status: 'duplicate', documentId: 'nw-1', reason: null, bytes: 412 }
 */
export interface IngestItemResult {
  /** Where the item came from: a path, a URL, `path:N` (line N of a JSONL batch), a feed item's link. */
  readonly source: string;
  /** The feed the item was listed in, for feed items; else null. */
  readonly via: string | null;
  readonly status: IngestStatus;
  /** The document the content is stored under (for a duplicate, the stored one); null when not stored. */
  readonly documentId: string | null;
  /** Why the item failed or was skipped. */
  readonly reason: string | null;
  /** Size of the item's raw input in bytes (0 when it could not be read). */
  readonly bytes: number;
  /** The page's images stored as evidence, and those that could not be (HTML items, with `images` on). */
  readonly images?: DocumentImagesResult;
}

/** What an ingest needs: where to store, how to fetch, how to read. */
export interface IngestContext {
  readonly store: Store;
  readonly fetcher: Fetcher;
  /** Reference date for relative dates when the item gives no publication date. */
  readonly referenceDate: string | null;
  /** The place lookup, or a loader called the first time an item needs reading (a re-run of duplicates never loads it). */
  readonly gazetteer: Gazetteer | null | (() => Promise<Gazetteer | null>);
  /** Largest accepted item in bytes. */
  readonly maxBytes: number;
  /** Read every file argument (and standard input) as a JSONL batch whatever its name. */
  readonly jsonl: boolean;
  /** Directory document ids of files are made relative to (default: the working directory). */
  readonly cwd?: string;
  /**
   * Reads documents off the main thread (an `AnalysisPool`); default: the reader in this thread
   * with `gazetteer`.
   */
  readonly analyze?: (source: SourceDocument, referenceDate: string | null) => Promise<AnalysisRecord>;
  /** How many items may be read at once, ahead of the one being stored (default 1: one at a time). */
  readonly concurrency?: number;
  /** Reads standard input (for the `-` argument); default: `process.stdin`. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Store the images of HTML pages (og:image, the article's `<img>`) as evidence on their document; off when absent. */
  readonly images?: DocumentImagesOptions;
}

/**
 * Feed items whose own content is at least this long (characters of HTML) are stored as is, not fetched.
 *
 * @example item.contentHtml.length >= FULL_TEXT_MIN_CHARS // store the feed's text, skip the link
 */
export const FULL_TEXT_MIN_CHARS = 500;

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
/** Extensions that are never a report; skipped in folders without reading them. */
const BINARY_EXTENSIONS = new Set(
  '.pdf .png .jpg .jpeg .gif .webp .bmp .tif .tiff .svg .ico .zip .gz .tgz .bz2 .xz .7z .rar .tar .doc .docx .xls .xlsx .ppt .pptx .odt .mp3 .mp4 .m4a .mov .avi .mkv .webm .wav .ogg .exe .dll .so .bin .sqlite .db .wasm .woff .woff2 .ttf .otf'.split(
    ' ',
  ),
);

/**
 * Ingests inputs one item at a time — files, folders (recursive), JSONL batches, URLs and RSS/Atom
 * feeds — reading each with the reader and storing it (one transaction per document). Yields one
 * result per item in input order; a bad item is a `failed` or `skipped` result, never an
 * exception, so one corrupt file cannot stop a batch.
 *
 * @example
 * for await (const r of ingestInputs(['examples/', 'https://news.example/feed.xml'], context)) {
 *   console.log(r.status, r.source, r.reason ?? '');
 * }
 */
export async function* ingestInputs(
  inputs: readonly string[],
  context: IngestContext,
): AsyncGenerator<IngestItemResult> {
  // Items are started in input order, up to `concurrency` at once, and reported in input order;
  // their writes to the store also keep input order (see `takeTurn`).
  const ahead = Math.max(1, context.concurrency ?? 1);
  const window: Promise<IngestItemResult>[] = [];
  for await (const step of ingestSteps(inputs, context)) {
    window.push('pending' in step ? step.pending : Promise.resolve(step));
    while (window.length >= ahead) yield await window.shift()!;
  }
  while (window.length > 0) yield await window.shift()!;
}

/** An item already decided, or one being read and stored. */
type Step = IngestItemResult | { readonly pending: Promise<IngestItemResult> };

function pending(result: Promise<IngestItemResult>): Step {
  return { pending: result };
}

async function* ingestSteps(inputs: readonly string[], context: IngestContext): AsyncGenerator<Step> {
  for (const input of inputs) {
    if (input === '-') yield* ingestStdin(context);
    else if (/^https?:\/\//i.test(input)) yield* ingestUrl(input, context);
    else yield* ingestPath(input, context, false);
  }
}

/** What a folder holds, recursively. */
export interface FolderListing {
  /** Regular files, in name order, depth first. */
  readonly files: string[];
  /** Dot files and folders (not entered). */
  readonly hidden: string[];
  /** Symbolic links, sockets, devices: not followed or read. */
  readonly others: string[];
}

/**
 * The files a folder holds, recursively, in name order, with the hidden entries (dot files and
 * folders, not entered) and entries that are not regular files (links, sockets) listed apart.
 *
 * @example await listFolder('examples') // { files: ['examples/a.txt', …], hidden: ['examples/.cache'], others: [] }
 */
export async function listFolder(dir: string): Promise<FolderListing> {
  const files: string[] = [];
  const hidden: string[] = [];
  const others: string[] = [];
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.name.startsWith('.')) hidden.push(path);
      else if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push(path);
      else others.push(path);
    }
  };
  await walk(dir);
  return { files, hidden, others };
}

async function* ingestPath(path: string, context: IngestContext, inFolder: boolean): AsyncGenerator<Step> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    yield failed(path, describeFsError(path, error));
    return;
  }
  if (info.isDirectory()) {
    let listing: FolderListing;
    try {
      listing = await listFolder(path);
    } catch (error) {
      yield failed(path, describeFsError(path, error));
      return;
    }
    for (const hidden of listing.hidden) yield skipped(hidden, 'hidden');
    for (const other of listing.others) yield skipped(other, 'not a regular file (links are not followed)');
    for (const file of listing.files) yield* ingestPath(file, context, true);
    return;
  }
  if (!info.isFile()) {
    yield failed(path, 'not a regular file');
    return;
  }
  const extension = extname(path).toLowerCase();
  if (context.jsonl || JSONL_EXTENSIONS.has(extension)) {
    yield* ingestJsonl(path, () => createReadStream(path, { encoding: 'utf8' }), context);
    return;
  }
  if (inFolder && BINARY_EXTENSIONS.has(extension)) {
    yield skipped(path, `not a text file (${extension})`);
    return;
  }
  if (inFolder) {
    const kind = await sniffFile(path);
    if (kind) {
      yield skipped(path, `not a text file (${kind})`);
      return;
    }
  }
  if (info.size > context.maxBytes) {
    yield failed(
      path,
      `${info.size} bytes exceeds the limit of ${context.maxBytes} bytes (--max-bytes)`,
      info.size,
    );
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield failed(path, describeFsError(path, error));
    return;
  }
  const id = documentIdForPath(path, context.cwd);
  const originUrl = resolve(path);
  let text: string;
  try {
    text = decodeInput(bytes, { name: path, maxBytes: context.maxBytes });
  } catch (error) {
    yield failed(path, reasonOf(error), bytes.length);
    return;
  }
  if (looksLikeFeed(text)) {
    const feed = parseFeed(text);
    if (feed) {
      yield* ingestFeed(path, feed, context);
      return;
    }
  }
  yield pending(
    readAndStore(
      path,
      bytes.length,
      () => sourceFromString(text, { id, name: path }),
      { raw: bytes, originUrl, retrievedAt: new Date().toISOString() },
      context,
    ),
  );
}

async function* ingestStdin(context: IngestContext): AsyncGenerator<Step> {
  const input = context.stdin ?? process.stdin;
  if (context.jsonl) {
    yield* ingestJsonl('stdin', () => input, context);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > context.maxBytes) {
      yield failed(
        'stdin',
        `standard input exceeds the limit of ${context.maxBytes} bytes (--max-bytes)`,
        size,
      );
      return;
    }
    chunks.push(buffer);
  }
  const bytes = Buffer.concat(chunks);
  let text: string;
  try {
    text = decodeInput(bytes, { name: 'standard input', maxBytes: context.maxBytes });
  } catch (error) {
    yield failed('stdin', reasonOf(error), bytes.length);
    return;
  }
  const feed = looksLikeFeed(text) ? parseFeed(text) : null;
  if (feed) {
    yield* ingestFeed('stdin', feed, context);
    return;
  }
  const id = `stdin:${sha256Prefix(bytes)}`;
  yield pending(
    readAndStore(
      'stdin',
      bytes.length,
      () => sourceFromString(text, { id, name: 'standard input' }),
      { raw: bytes, originUrl: null, retrievedAt: new Date().toISOString() },
      context,
    ),
  );
}

/** A JSONL batch: `{id, text|html, date?, url?}` per line, like `analyze --jsonl`. */
async function* ingestJsonl(
  name: string,
  openStream: () => NodeJS.ReadableStream,
  context: IngestContext,
): AsyncGenerator<Step> {
  let lineNo = 0;
  try {
    const lines = createInterface({ input: openStream(), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      yield pending(ingestJsonlLine(`${name}:${lineNo}`, line, context));
    }
  } catch (error) {
    yield failed(lineNo === 0 ? name : `${name}:${lineNo}`, describeFsError(name, error));
  }
}

async function ingestJsonlLine(
  where: string,
  line: string,
  context: IngestContext,
): Promise<IngestItemResult> {
  const bytes = Buffer.byteLength(line);
  let item: unknown;
  try {
    item = JSON.parse(line);
  } catch {
    return failed(where, 'not valid JSON', bytes);
  }
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return failed(where, 'not a JSON object', bytes);
  const fields = item as Record<string, unknown>;
  const id = typeof fields.id === 'string' || typeof fields.id === 'number' ? String(fields.id) : null;
  if (id === null || id === '') return failed(where, 'no "id" string', bytes);
  const html = typeof fields.html === 'string' ? fields.html : undefined;
  const text = html ?? fields.text;
  if (typeof text !== 'string') return failed(where, 'no "text" or "html" string', bytes);
  if (bytes > context.maxBytes)
    return failed(
      where,
      `${bytes} bytes exceeds the limit of ${context.maxBytes} bytes (--max-bytes)`,
      bytes,
    );
  const url = typeof fields.url === 'string' && fields.url ? fields.url : null;
  let date: string | null = null;
  try {
    date = typeof fields.date === 'string' && fields.date ? parseReferenceDate(fields.date, '"date"') : null;
  } catch (error) {
    return failed(where, reasonOf(error), bytes);
  }
  return readAndStore(
    where,
    bytes,
    () =>
      withHints(sourceFromString(text, { id, name: where, ...(html !== undefined ? { html: true } : {}) }), {
        url,
        date,
      }),
    { raw: text, originUrl: url ?? where, retrievedAt: new Date().toISOString(), referenceDate: date },
    context,
  );
}

async function* ingestUrl(url: string, context: IngestContext): AsyncGenerator<Step> {
  const outcome = await context.fetcher.fetch(url);
  if (!outcome.ok) {
    yield failed(url, outcome.reason);
    return;
  }
  const page = outcome.page;
  const feed = isFeedPage(page) ? parseFeed(page.text, page.url) : null;
  if (feed) {
    yield* ingestFeed(url, feed, context);
    return;
  }
  yield pending(storePage(url, page, context, {}));
}

function isFeedPage(page: FetchedPage): boolean {
  return (
    /(rss|atom|rdf)\+xml|^(text|application)\/xml$/.test(page.mediaType ?? '') || looksLikeFeed(page.text)
  );
}

async function storePage(
  where: string,
  page: FetchedPage,
  context: IngestContext,
  hints: { date?: string | null; title?: string | null; publisher?: string | null },
): Promise<IngestItemResult> {
  return readAndStore(
    where,
    page.bytes.length,
    () => {
      const source = sourceFromString(page.text, { id: page.url, name: page.url });
      return withHints(source, {
        url: page.url,
        date: hints.date ?? null,
        publisher: hints.publisher ?? null,
      });
    },
    {
      raw: page.bytes,
      mediaType: page.contentType ?? undefined,
      originUrl: page.url,
      retrievedAt: page.retrievedAt,
    },
    context,
  );
}

/** Each feed item: its own content when the feed carries the full text, else its link fetched. */
async function* ingestFeed(where: string, feed: Feed, context: IngestContext): AsyncGenerator<Step> {
  if (feed.items.length === 0) {
    yield skipped(where, 'feed has no items');
    return;
  }
  // Links are fetched a few items ahead while earlier items are read and stored.
  const fetches = new Map<number, Promise<FetchOutcome>>();
  const fetchAhead = (from: number) => {
    for (let i = from; i < Math.min(from + FEED_FETCH_AHEAD, feed.items.length); i++) {
      const link = feedItemLinkToFetch(feed.items[i]!);
      if (link && !fetches.has(i)) fetches.set(i, context.fetcher.fetch(link));
    }
  };
  for (const [index, item] of feed.items.entries()) {
    fetchAhead(index);
    const label = item.link ?? item.id ?? `${where}#${index + 1}`;
    const via = (result: IngestItemResult): IngestItemResult => ({ ...result, via: where });
    const fetching = fetches.get(index);
    if (fetching) {
      fetches.delete(index);
      const outcome = await fetching;
      if (!outcome.ok) {
        yield via(failed(label, outcome.reason));
        continue;
      }
      yield pending(
        storePage(label, outcome.page, context, { date: item.publishedDate, publisher: feed.title }).then(
          via,
        ),
      );
      continue;
    }
    const html = item.contentHtml ?? item.summaryHtml;
    if (html === null) {
      yield via(failed(label, 'feed item has neither a link nor content'));
      continue;
    }
    yield pending(storeFeedContent(label, feed, item, html, index, context).then(via));
  }
}

/** How many feed links are fetched at once, ahead of the item being stored. */
const FEED_FETCH_AHEAD = 4;

/** The link to fetch for a feed item, or null when the feed carries its full text (or it has no link). */
function feedItemLinkToFetch(item: FeedItem): string | null {
  const fullText = item.contentHtml !== null && item.contentHtml.length >= FULL_TEXT_MIN_CHARS;
  return fullText ? null : item.link;
}

function storeFeedContent(
  label: string,
  feed: Feed,
  item: FeedItem,
  html: string,
  index: number,
  context: IngestContext,
): Promise<IngestItemResult> {
  const id = item.link ?? item.id ?? `${feed.link ?? feed.title ?? 'feed'}#${index + 1}`;
  const title = item.title ? `<h1>${escapeHtml(item.title)}</h1>` : '';
  const page = `<!doctype html><html><head><title>${escapeHtml(item.title ?? '')}</title></head><body><article>${title}${html}</article></body></html>`;
  return readAndStore(
    label,
    Buffer.byteLength(html),
    () =>
      withHints(sourceFromString(page, { id, name: label, html: true }), {
        url: item.link,
        date: item.publishedDate,
        publisher: feed.title,
        byline: item.author,
      }),
    // The archive keeps the item's HTML exactly as the feed carried it.
    {
      raw: html,
      mediaType: 'text/html; charset=utf-8',
      originUrl: item.link ?? id,
      retrievedAt: new Date().toISOString(),
    },
    context,
  );
}

interface PutSource {
  readonly raw: Uint8Array | string;
  readonly mediaType?: string | undefined;
  readonly originUrl: string | null;
  readonly retrievedAt: string;
  /** The item's own reference date (a JSONL `date`), over the batch's `--date`. */
  readonly referenceDate?: string | null;
}

/** Reads one item with the reader and stores it; every failure becomes a `failed` result. */
async function readAndStore(
  where: string,
  bytes: number,
  makeSource: () => SourceDocument,
  put: PutSource,
  context: IngestContext,
): Promise<IngestItemResult> {
  const turn = takeTurn(context);
  try {
    return await readAndStoreInTurn(where, bytes, makeSource, put, context, turn.previous);
  } finally {
    turn.finish();
  }
}

async function readAndStoreInTurn(
  where: string,
  bytes: number,
  makeSource: () => SourceDocument,
  put: PutSource,
  context: IngestContext,
  previousWrites: Promise<void>,
): Promise<IngestItemResult> {
  let record: AnalysisRecord;
  try {
    const source = makeSource();
    const stored = await storedCopy(source, put, context.store);
    if (stored)
      return { source: where, via: null, status: 'duplicate', documentId: stored, reason: null, bytes };
    const referenceDate = put.referenceDate ?? context.referenceDate;
    if (context.analyze) {
      record = await context.analyze(source, referenceDate);
    } else {
      const gazetteer =
        typeof context.gazetteer === 'function' ? await context.gazetteer() : context.gazetteer;
      record = analyzeDocument(source, { referenceDate, gazetteer });
    }
  } catch (error) {
    return failed(where, reasonOf(error), bytes);
  }
  // Writes keep input order, so two items with one id end as they would one at a time.
  await previousWrites;
  try {
    const result = await context.store.putDocument({
      record,
      raw: put.raw,
      ...(put.mediaType ? { mediaType: put.mediaType } : {}),
      originUrl: put.originUrl,
      retrievedAt: put.retrievedAt,
    });
    const stored = {
      source: where,
      via: null,
      status: result.status,
      documentId: result.status === 'failed' ? null : result.documentId,
      reason: result.reason ?? null,
      bytes,
    };
    if (context.images === undefined || (result.status !== 'new' && result.status !== 'updated'))
      return stored;
    const html = record.document.format === 'html' ? rawText(put.raw) : null;
    if (html === null) return stored;
    const refs = articleImageRefs(html, put.originUrl ?? record.document.url ?? null);
    if (refs.length === 0) return stored;
    const images = await storeDocumentImages(
      context.store,
      result.documentId,
      refs,
      context.images,
      record.document.publishedDate ?? null,
    );
    return { ...stored, images };
  } catch (error) {
    return failed(where, `could not store: ${reasonOf(error)}`, bytes);
  }
}

/** The raw page as text, for finding its images. */
function rawText(raw: Uint8Array | string): string {
  return typeof raw === 'string'
    ? raw
    : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
}

/** Each ingest's chain of writes: an item writes once every item started before it is done. */
const writeChains = new WeakMap<IngestContext, Promise<void>>();

/**
 * Takes the next place in the context's write order: `previous` settles when every earlier item
 * is done; `finish` marks this one done (stored, duplicate or failed).
 */
function takeTurn(context: IngestContext): { previous: Promise<void>; finish: () => void } {
  const previous = writeChains.get(context) ?? Promise.resolve();
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  writeChains.set(
    context,
    previous.then(() => finished),
  );
  return { previous, finish };
}

/**
 * The id of the document already stored under this item's id with the same text and raw bytes,
 * seen from the same origin: such an item is a duplicate without running the reader, which
 * makes re-running an interrupted ingest cheap. Anything else (a copy under another id, a new
 * origin, changed content) goes through the reader and the store's own decision.
 */
async function storedCopy(source: SourceDocument, put: PutSource, store: Store): Promise<string | null> {
  const doc = await store.getDocument(source.id);
  if (!doc || doc.sha256 !== sha256Hex(source.text)) return null;
  if (doc.rawSha256 !== sha256Hex(put.raw)) return null;
  const retrievals = await store.getRetrievals(doc.rawSha256);
  return retrievals.some((r) => r.originUrl === put.originUrl) ? doc.id : null;
}

/** Adds what the ingest knows from outside the text (URL, feed date, publisher) to a source. */
function withHints(
  source: SourceDocument,
  hints: { url?: string | null; date?: string | null; publisher?: string | null; byline?: string | null },
): SourceDocument {
  const meta = { ...source.meta };
  if (hints.url) meta.url = hints.url;
  if (hints.date && !meta.publishedDate) meta.publishedDate = hints.date;
  if (hints.publisher && !meta.publisher) meta.publisher = hints.publisher;
  if (hints.byline && !meta.byline) meta.byline = hints.byline;
  return Object.keys(meta).length > 0 ? { ...source, meta } : source;
}

/**
 * The document id of a file: its path relative to the working directory when inside it (so
 * `examples/a.txt` is the same document from any run in the project), else its absolute path.
 *
 * @example documentIdForPath('./examples/a.txt', '/work/main') // 'examples/a.txt'
 */
export function documentIdForPath(path: string, cwd: string = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : absolute).split('\\').join('/');
}

async function sniffFile(path: string): Promise<string | null> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    const kind = sniffBinaryKind(bytes);
    if (kind) return kind;
    const nul = bytes.indexOf(0);
    // UTF-16 text has NULs too; the decoder tells it apart later.
    if (nul >= 0 && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
      const zeros = bytes.filter((b) => b === 0).length;
      if (zeros < bytes.length * 0.3) return 'binary data';
    }
    return null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

function failed(source: string, reason: string, bytes = 0): IngestItemResult {
  return { source, via: null, status: 'failed', documentId: null, reason, bytes };
}

function skipped(source: string, reason: string): IngestItemResult {
  return { source, via: null, status: 'skipped', documentId: null, reason, bytes: 0 };
}

function reasonOf(error: unknown): string {
  if (error instanceof CorroborateError) return error.message;
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

function describeFsError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `no such file or folder: ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: ${path}`;
  if (code === 'EISDIR') return `${path} is a folder`;
  if (error instanceof InputError) return error.message;
  return `cannot read ${basename(path)}: ${(error as Error).message}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sha256Prefix(bytes: Uint8Array): string {
  return sha256Hex(bytes).slice(0, 16);
}

function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256')
    .update(typeof content === 'string' ? Buffer.from(content, 'utf8') : content)
    .digest('hex');
}
