import type { DocumentMetadataHints } from '../types/document.js';

/** The part of a DOM document this module reads. */
export interface MetaDocumentLike {
  querySelector(selector: string): MetaElementLike | null;
  querySelectorAll(selector: string): ArrayLike<MetaElementLike>;
  readonly documentElement: MetaElementLike | null;
}
interface MetaElementLike {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

/**
 * Publication metadata from an HTML page's head and markup: Open Graph and article meta tags,
 * schema.org JSON-LD, Dublin Core, `<link rel=canonical>`, `<time datetime>` and `<html lang>`.
 * Read it before Readability runs, which rewrites the document. Only fields found are present.
 *
 * @example pageMetadata(parseHTML('<html lang="en"><head><meta property="og:site_name" content="Kyiv Daily"></head></html>').document)
 * // { publisher: 'Kyiv Daily', language: 'en' }
 */
export function pageMetadata(document: MetaDocumentLike): Partial<DocumentMetadataHints> {
  const ld = jsonLdArticle(document);
  const tags = metaTags(document);
  const out: Partial<DocumentMetadataHints> = {};
  const title =
    pick(tags, ['og:title', 'twitter:title', 'dc.title', 'headline']) ??
    ld?.headline ??
    clean(document.querySelector('title')?.textContent);
  if (title) out.title = title;
  const byline =
    pick(tags, ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author']) ?? ld?.author;
  const author = cleanByline(byline);
  if (author) out.byline = author;
  const publisher =
    pick(tags, ['og:site_name', 'application-name', 'dc.publisher', 'publisher']) ?? ld?.publisher;
  const outlet = cleanPublisher(publisher);
  if (outlet) out.publisher = outlet;
  const url =
    attr(document.querySelector('link[rel="canonical"]'), 'href') ??
    pick(tags, ['og:url', 'twitter:url']) ??
    ld?.url;
  if (url && /^https?:\/\//i.test(url)) out.url = url;
  // Thunks: each selector walks the whole page, so later ones run only when earlier ones miss.
  const published = firstDate([
    () =>
      pick(tags, [
        'article:published_time',
        'og:article:published_time',
        'datepublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
      ]),
    () => ld?.datePublished,
    () => {
      const el = document.querySelector('[itemprop="datePublished"]');
      return attr(el, 'content') ?? attr(el, 'datetime');
    },
    () => attr(document.querySelector('time[pubdate]'), 'datetime'),
    () => attr(document.querySelector('article time[datetime]'), 'datetime'),
    () => attr(document.querySelector('time[datetime]'), 'datetime'),
  ]);
  if (published) out.publishedDate = published;
  const language = languageOf(
    attr(document.documentElement, 'lang') ??
      attr(document.documentElement, 'xml:lang') ??
      pick(tags, ['content-language', 'dc.language', 'og:locale', 'language']) ??
      ld?.inLanguage,
  );
  if (language) out.language = language;
  const excerpt = pick(tags, ['description', 'og:description', 'twitter:description']) ?? ld?.description;
  if (excerpt) out.excerpt = excerpt;
  return out;
}

/** Meta tag contents by lower-cased `property`, `name`, `itemprop` or `http-equiv`; the first of each wins. */
function metaTags(document: MetaDocumentLike): Map<string, string> {
  const tags = document.querySelectorAll('meta');
  const found = new Map<string, string>();
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const content = clean(tag.getAttribute('content'));
    if (!content) continue;
    for (const a of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = tag.getAttribute(a)?.trim().toLowerCase();
      if (key && !found.has(key)) found.set(key, content);
    }
  }
  return found;
}

function pick(tags: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = tags.get(k);
    if (v) return v;
  }
  return undefined;
}

function attr(element: MetaElementLike | null | undefined, name: string): string | undefined {
  return clean(element?.getAttribute(name)) || undefined;
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references that pages double-escape in titles (`ferry&nbsp;resumes`). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[ref.toLowerCase()] ?? all;
  });
}

/**
 * A headline without the site name that pages append or prepend (`Port reopens | Harbour Gazette`),
 * with escaped characters decoded. The site name is cut only when it matches the publisher or the
 * URL's host, so a headline with a colon or dash keeps its words.
 *
 * @example cleanTitle('Port reopens | Harbour Gazette', { publisher: 'Harbour Gazette' }) // 'Port reopens'
 */
export function cleanTitle(title: string, site: { publisher?: string; url?: string } = {}): string {
  const t = decodeEntities(title).replace(/\s+/g, ' ').trim();
  const key = (v: string) =>
    v
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const names = new Set<string>();
  if (site.publisher) names.add(key(site.publisher));
  const host = site.url?.match(/^https?:\/\/(?:www\.)?([^/?#:]+)/i)?.[1];
  if (host) {
    names.add(key(host));
    names.add(key(host.replace(/\.[a-z]+(?:\.[a-z]{2})?$/i, '')));
  }
  names.delete('');
  const parts = t.split(/\s+[|–—•·:-]\s+|:\s+/);
  if (parts.length < 2) return t;
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  if (names.has(key(last)))
    return t
      .slice(0, t.length - last.length)
      .replace(/\s*[|–—•·:-]\s*$/, '')
      .trim();
  if (names.has(key(first)))
    return t
      .slice(first.length)
      .replace(/^\s*[|–—•·:-]\s+/, '')
      .trim();
  return t;
}

/**
 * A byline as a name list: whitespace collapsed, "By" and a trailing date cut, URLs refused.
 *
 * @example cleanByline('By JANE ROE\n\t\tMonday, November 18, 2019') // 'JANE ROE'
 */
export function cleanByline(value: string | undefined | null): string | undefined {
  let v = value?.replace(/\s+/g, ' ').trim();
  if (!v || /^(?:https?:)?\/\//i.test(v)) return undefined;
  v = v.replace(
    /^(?:(?:analysis|text|texto|words|story)\s*(?:by|:)\s*|by\s+|por\s+|von\s+|par\s+|di\s+|текст:\s*)/i,
    '',
  );
  // "Jane RoeMonday, March 4, 2024" or "Jane Roe - 2024-03-04": the date is not the author.
  v = v.replace(
    /\s*(?:[-–—|,]\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|\d{4}-\d{2}-\d{2}.*)$/i,
    '',
  );
  v = v.replace(
    /(\p{Ll})(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b.*$/u,
    '$1',
  );
  v = v
    .replace(
      /\s*(?:[-–—|,]\s*)?\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.*$/i,
      '',
    )
    .trim();
  return v && v.length <= 120 ? v : undefined;
}

/**
 * A publisher name, or undefined for a URL or blank; a leading `@` (a social handle) is dropped.
 *
 * @example cleanPublisher('@kyivdaily') // 'kyivdaily'
 */
export function cleanPublisher(value: string | undefined | null): string | undefined {
  const v = value?.replace(/^@/, '').trim();
  return v && !/^(?:https?:)?\/\//i.test(v) ? v : undefined;
}

/** The first value that starts with an ISO date, cut to YYYY-MM-DD. */
function firstDate(values: readonly (() => string | undefined)[]): string | undefined {
  for (const value of values) {
    const m = value()?.match(/^\s*(\d{4})-(\d{2})-(\d{2})/);
    // CMS placeholders such as 0001-01-01 are not publication dates.
    if (m && +m[1]! >= 1900 && +m[2]! >= 1 && +m[2]! <= 12 && +m[3]! >= 1 && +m[3]! <= 31)
      return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}

function languageOf(value: string | undefined): string | undefined {
  const m = value?.match(/^\s*([a-z]{2,3})(?:[-_]|$)/i);
  return m ? m[1]!.toLowerCase() : undefined;
}

interface LdArticle {
  headline?: string;
  author?: string;
  publisher?: string;
  url?: string;
  datePublished?: string;
  inLanguage?: string;
  description?: string;
}

const ARTICLE_TYPE = /Article|NewsArticle|Report|BlogPosting|WebPage|LiveBlogPosting|Posting/;

/** The first schema.org article object in the page's JSON-LD scripts, flattened to strings. */
function jsonLdArticle(document: MetaDocumentLike): LdArticle | undefined {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the other sources still apply.
    }
    const article = findArticle(data, 0);
    if (article) return flatten(article);
  }
  return undefined;
}

function findArticle(data: unknown, depth: number): Record<string, unknown> | undefined {
  if (depth > 4 || data === null || typeof data !== 'object') return undefined;
  if (Array.isArray(data)) {
    for (const d of data) {
      const a = findArticle(d, depth + 1);
      if (a) return a;
    }
    return undefined;
  }
  const rec = data as Record<string, unknown>;
  const type = rec['@type'];
  const types = Array.isArray(type) ? type.join(' ') : String(type ?? '');
  if (ARTICLE_TYPE.test(types) && (rec.headline || rec.datePublished)) return rec;
  return findArticle(rec['@graph'], depth + 1);
}

function flatten(rec: Record<string, unknown>): LdArticle {
  const text = (v: unknown): string | undefined => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) {
      const names = v.map(text).filter((s): s is string => !!s);
      return names.length ? names.join(', ') : undefined;
    }
    if (v && typeof v === 'object') return text((v as Record<string, unknown>).name);
    return undefined;
  };
  const out: LdArticle = {};
  const fields = [
    'headline',
    'author',
    'publisher',
    'url',
    'datePublished',
    'inLanguage',
    'description',
  ] as const;
  for (const f of fields) {
    const v = text(rec[f]);
    if (v) out[f] = v;
  }
  return out;
}
