import { InputError } from '../errors.js';
import { refusedAddress } from './address-policy.js';
import { decodeInput, sniffBinaryKind } from './decode-input.js';

/** Limits and permissions of a {@link Fetcher}. */
export interface FetcherOptions {
  /** Whole-request deadline (connect, headers and body) in milliseconds; default 30 000. */
  readonly timeoutMs?: number;
  /** Largest accepted body in bytes, enforced while streaming; default 20 MiB. */
  readonly maxBytes?: number;
  /** Most redirects followed (each hop re-checked); default 5. */
  readonly maxRedirects?: number;
  /** Allow loopback, private and link-local addresses (off by default: a URL in a feed must not reach the local network). */
  readonly allowPrivate?: boolean;
  /** `User-Agent` header sent with each request. */
  readonly userAgent?: string;
}

/** A response body the fetcher accepted, with where and when it came from. */
export interface FetchedPage {
  /** The URL asked for. */
  readonly requestedUrl: string;
  /** The URL the body came from, after redirects. */
  readonly url: string;
  readonly status: number;
  /** Media type without parameters, lower case (`text/html`), or null when the server sent none. */
  readonly mediaType: string | null;
  /** The `Content-Type` header as sent, or null. */
  readonly contentType: string | null;
  /** Body bytes exactly as received (after transfer decoding). */
  readonly bytes: Uint8Array;
  /** The body as text, decoded with the declared charset (UTF-8 by default). */
  readonly text: string;
  /** ISO time the response arrived. */
  readonly retrievedAt: string;
  /** Every URL passed through, first to last. */
  readonly hops: string[];
}

/**
 * A fetch either brings a page or says, in one line, why not.
 *
 * @example { ok: false, url: 'https://news.example/gone', reason: 'HTTP 404 Not Found' }
 */
export type FetchOutcome =
  | { readonly ok: true; readonly page: FetchedPage }
  | { readonly ok: false; readonly url: string; readonly reason: string };

/** Media types that can hold a report or a feed; others (images, PDFs, video) are refused. */
const TEXT_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
]);

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

/**
 * Fetches report pages and feeds over HTTP(S) with the limits an unattended ingest needs: a
 * deadline, a byte cap enforced while the body streams, a redirect limit with every hop checked,
 * refusal of private and loopback addresses (unless allowed), a content-type check and charset
 * decoding. Never throws for a network or server problem: the outcome says what went wrong.
 *
 * The address check resolves the host before each request; a host whose DNS answer changes
 * between the check and the connection (DNS rebinding) is not caught.
 *
 * @example
 * const fetcher = new Fetcher({ timeoutMs: 10_000, maxBytes: 5_000_000 });
 * const outcome = await fetcher.fetch('https://news.example.org/report');
 * if (outcome.ok) console.log(outcome.page.mediaType, outcome.page.text.length);
 * else console.log('failed:', outcome.reason); // e.g. 'HTTP 404'
 */
export class Fetcher {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly allowPrivate: boolean;
  private readonly userAgent: string;

  constructor(options: FetcherOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.allowPrivate = options.allowPrivate ?? false;
    this.userAgent = options.userAgent ?? 'Corroborate/0.1 (+news ledger; ingest)';
  }

  /**
   * Fetches one URL; see the class description for the checks. With `accept: 'image'` the body
   * must be an image (`image/*`, or an untyped body) and is kept as bytes only (`text` is '').
   */
  async fetch(requestedUrl: string, options: { accept?: 'text' | 'image' } = {}): Promise<FetchOutcome> {
    const image = options.accept === 'image';
    const fail = (reason: string): FetchOutcome => ({ ok: false, url: requestedUrl, reason });
    const signal = AbortSignal.timeout(this.timeoutMs);
    const hops: string[] = [];
    let url: URL;
    try {
      url = new URL(requestedUrl);
    } catch {
      return fail('not a valid URL');
    }
    try {
      for (;;) {
        hops.push(url.href);
        const refused = await this.checkUrl(url);
        if (refused) return fail(refused);
        const response = await fetch(url, {
          redirect: 'manual',
          signal,
          headers: {
            'user-agent': this.userAgent,
            accept: image
              ? 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8'
              : 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.1',
          },
        });
        if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
          await response.body?.cancel();
          if (hops.length > this.maxRedirects)
            return fail(`too many redirects (more than ${this.maxRedirects})`);
          const next = new URL(response.headers.get('location')!, url);
          if (hops.includes(next.href)) return fail(`redirect loop at ${next.href}`);
          url = next;
          continue;
        }
        if (!response.ok) {
          await response.body?.cancel();
          return fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
        }
        return await this.readPage(requestedUrl, url.href, response, hops, image);
      }
    } catch (error) {
      return fail(describeFetchError(error, this.timeoutMs));
    }
  }

  /** Why a URL may not be fetched (scheme, private address, DNS failure), or null. */
  private async checkUrl(url: URL): Promise<string | null> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return `unsupported URL scheme ${url.protocol.replace(/:$/, '')}`;
    if (url.username || url.password) return 'URLs with credentials are not fetched';
    if (this.allowPrivate) return null;
    try {
      const refused = await refusedAddress(url.hostname);
      if (refused)
        return `refused: ${url.hostname} is a ${refused.kind} address (${refused.address}); use --allow-private to fetch it`;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return `cannot resolve ${url.hostname}${code ? ` (${code})` : ''}`;
    }
    return null;
  }

  private async readPage(
    requestedUrl: string,
    finalUrl: string,
    response: Response,
    hops: string[],
    image = false,
  ): Promise<FetchOutcome> {
    const fail = (reason: string): FetchOutcome => ({ ok: false, url: requestedUrl, reason });
    const contentType = response.headers.get('content-type');
    const { mediaType, charset } = parseContentType(contentType);
    if (image && mediaType && !mediaType.startsWith('image/') && mediaType !== 'application/octet-stream') {
      await response.body?.cancel();
      return fail(`not an image (content type ${mediaType})`);
    }
    if (!image && mediaType && !TEXT_TYPES.has(mediaType) && !mediaType.startsWith('text/')) {
      await response.body?.cancel();
      return fail(`not a text page (content type ${mediaType})`);
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      await response.body?.cancel();
      return fail(`response of ${declared} bytes exceeds the limit of ${this.maxBytes} bytes`);
    }
    const body = await readCapped(response, this.maxBytes);
    if (body === null) return fail(`response exceeds the limit of ${this.maxBytes} bytes`);
    let text = '';
    try {
      if (!image) text = decodeBody(body, charset, finalUrl, this.maxBytes);
    } catch (error) {
      return fail((error as Error).message);
    }
    return {
      ok: true,
      page: {
        requestedUrl,
        url: finalUrl,
        status: response.status,
        mediaType,
        contentType,
        bytes: body,
        text,
        retrievedAt: new Date().toISOString(),
        hops,
      },
    };
  }
}

/** Reads a response body, giving up (and cancelling the stream) as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Splits a `Content-Type` header into the bare media type and the charset parameter.
 *
 * @example parseContentType('text/html; charset="ISO-8859-1"') // { mediaType: 'text/html', charset: 'iso-8859-1' }
 */
export function parseContentType(header: string | null): {
  mediaType: string | null;
  charset: string | null;
} {
  if (!header) return { mediaType: null, charset: null };
  const [type, ...params] = header.split(';');
  const mediaType = type!.trim().toLowerCase() || null;
  let charset: string | null = null;
  for (const param of params) {
    const m = param.match(/^\s*charset\s*=\s*"?([^";\s]+)"?/i);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { mediaType, charset };
}

/**
 * Decodes a fetched body: UTF-8 (and UTF-16 with a byte-order mark) through the reader's decoder,
 * which refuses binary data; another declared charset (`windows-1252`, `iso-8859-1`, …) with the
 * platform's decoder. A page that declares its charset only in a `<meta>` tag is decoded with it
 * when its bytes are not UTF-8.
 *
 * @example decodeBody(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'iso-8859-1', 'page') // 'café'
 * @throws InputError for binary data, an unknown charset, or bytes invalid in the charset.
 */
export function decodeBody(
  bytes: Uint8Array,
  charset: string | null,
  name: string,
  maxBytes: number,
): string {
  const utf8 = charset === null || /^(utf-?8|us-ascii|ascii)$/i.test(charset);
  if (utf8) {
    try {
      return decodeInput(bytes, { name, maxBytes });
    } catch (error) {
      const declared = charset === null ? metaCharset(bytes) : null;
      if (!declared || !(error instanceof InputError) || !/not valid UTF-8/.test(error.message)) throw error;
      return decodeBody(bytes, declared, name, maxBytes);
    }
  }
  if (/^utf-?16/i.test(charset)) return decodeInput(bytes, { name, maxBytes });
  const kind = sniffBinaryKind(bytes);
  if (kind || bytes.includes(0))
    throw new InputError(`${name} is binary data, not text${kind ? ` (${kind})` : ''}`);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new InputError(`${name} declares an unknown charset "${charset}"`);
  }
  try {
    const text = decoder.decode(bytes);
    if (text.trim() === '') throw new InputError(`empty input: ${name} has no text`);
    return text;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${name} is not valid ${charset}`);
  }
}

/** A non-UTF-8 charset declared in an HTML `<meta>` or XML declaration in the first 4 KB. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i);
  const charset = (m?.[1] ?? m?.[2])?.toLowerCase();
  return charset && !/^utf-?8$/.test(charset) ? charset : null;
}

/** One line for a failed request: timeout, connection refused, TLS, DNS. */
function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset by the server';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS error (${code})`;
  const detail = e.cause?.message ?? e.message;
  return `request failed: ${String(detail).replace(/\s+/g, ' ')}`;
}
