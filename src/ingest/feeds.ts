import { DOMParser } from 'linkedom';

/** One entry of an RSS or Atom feed. */
export interface FeedItem {
  /** The entry's `<guid>` / `<id>`, else its link, else null. */
  readonly id: string | null;
  readonly title: string | null;
  /** The article's URL (RSS `<link>`, Atom `<link rel="alternate" href>`), absolute, or null. */
  readonly link: string | null;
  /** ISO date (YYYY-MM-DD) of publication, when the feed gives a readable one. */
  readonly publishedDate: string | null;
  /** The full article as HTML when the feed carries it (`content:encoded`, Atom `<content>`). */
  readonly contentHtml: string | null;
  /** The short description or summary as HTML, when given. */
  readonly summaryHtml: string | null;
  readonly author: string | null;
}

/** A parsed feed: its title and entries in document order. */
export interface Feed {
  readonly format: 'rss' | 'atom' | 'rdf';
  readonly title: string | null;
  /** The site the feed belongs to, when it says. */
  readonly link: string | null;
  readonly items: FeedItem[];
}

/**
 * Whether a text looks like an RSS, RDF or Atom feed (its root element), so a URL or file can be
 * read as a feed whatever its name or content type.
 *
 * @example looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0"><channel>…') // true
 * @example looksLikeFeed('<!doctype html><html>…') // false
 */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '')
    .trimStart();
  return /^<(?:[\w-]+:)?(rss|feed|RDF)[\s>]/.test(head);
}

/**
 * Parses an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Relative links are resolved against `baseUrl`.
 * Returns null when the text is not a feed.
 *
 * @example
 * parseFeed('<rss version="2.0"><channel><title>Desk</title><item><title>Strike</title><link>https://n.example/1</link></item></channel></rss>')
 * // { format: 'rss', title: 'Desk', link: null, items: [{ id: 'https://n.example/1', title: 'Strike', link: 'https://n.example/1', … }] }
 */
export function parseFeed(text: string, baseUrl?: string): Feed | null {
  if (!looksLikeFeed(text)) return null;
  const doc = new DOMParser().parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
  const root = doc.documentElement as unknown as XmlElement | null;
  if (!root) return null;
  const rootName = localName(root);
  if (rootName === 'feed') return parseAtom(root, baseUrl);
  if (rootName === 'rss' || rootName === 'RDF')
    return parseRss(root, rootName === 'RDF' ? 'rdf' : 'rss', baseUrl);
  return null;
}

/** The slice of the DOM this parser uses (linkedom's XML elements). */
interface XmlElement {
  readonly tagName: string;
  readonly children: ArrayLike<XmlElement>;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

function localName(el: XmlElement): string {
  return el.tagName.replace(/^.*:/, '');
}

function childrenOf(el: XmlElement): XmlElement[] {
  return Array.from(el.children);
}

/** The first child with one of the given tag names, as written (`content:encoded`, `link`). */
function child(el: XmlElement, ...names: string[]): XmlElement | null {
  for (const name of names) {
    // Exact names: an RSS channel's `<atom:link rel="self">` is not its `<link>`.
    const found = childrenOf(el).find((c) => c.tagName === name);
    if (found) return found;
  }
  return null;
}

function text(el: XmlElement | null): string | null {
  const value = el?.textContent?.trim();
  return value ? value : null;
}

function parseRss(root: XmlElement, format: 'rss' | 'rdf', baseUrl: string | undefined): Feed {
  const channel = child(root, 'channel') ?? root;
  const channelLink = absolute(text(child(channel, 'link')), baseUrl);
  // RSS 2.0 nests items in the channel; RSS 1.0 (RDF) puts them beside it.
  const itemElements = [...childrenOf(channel), ...(channel === root ? [] : childrenOf(root))].filter(
    (c) => localName(c) === 'item',
  );
  const items = itemElements.map((item): FeedItem => {
    const link = absolute(text(child(item, 'link')), channelLink ?? baseUrl);
    const guid = text(child(item, 'guid'));
    return {
      id: guid ?? link,
      title: text(child(item, 'title')),
      link: link ?? (guid && /^https?:\/\//.test(guid) ? guid : null),
      publishedDate: isoDay(text(child(item, 'pubDate', 'dc:date', 'published'))),
      contentHtml: text(child(item, 'content:encoded')),
      summaryHtml: text(child(item, 'description')),
      author: text(child(item, 'dc:creator', 'author')),
    };
  });
  return { format, title: text(child(channel, 'title')), link: channelLink, items };
}

function parseAtom(root: XmlElement, baseUrl: string | undefined): Feed {
  const feedLink = atomLink(root, baseUrl);
  const items = childrenOf(root)
    .filter((c) => localName(c) === 'entry')
    .map((entry): FeedItem => {
      const link = atomLink(entry, feedLink ?? baseUrl);
      const author = child(entry, 'author');
      return {
        id: text(child(entry, 'id')) ?? link,
        title: atomPlainText(child(entry, 'title')),
        link,
        publishedDate: isoDay(text(child(entry, 'published', 'updated'))),
        contentHtml: atomHtml(child(entry, 'content')),
        summaryHtml: atomHtml(child(entry, 'summary')),
        author: author ? text(child(author, 'name')) : null,
      };
    });
  return { format: 'atom', title: text(child(root, 'title')), link: feedLink, items };
}

/** An Atom `<link>`: the `rel="alternate"` one (or the one without `rel`). */
function atomLink(el: XmlElement, baseUrl: string | undefined): string | null {
  const links = childrenOf(el).filter((c) => localName(c) === 'link');
  const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  return absolute(alternate?.getAttribute('href') ?? null, baseUrl);
}

/** Atom text constructs: `html` is escaped HTML (the parser unescapes it); `text` is plain, escaped here. */
function atomHtml(el: XmlElement | null): string | null {
  const value = text(el);
  if (value === null || el === null) return null;
  const type = el.getAttribute('type') ?? 'text';
  if (type === 'html' || type === 'xhtml' || type.includes('html')) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An Atom title as plain text: `type="html"` titles are unescaped and their tags dropped. */
function atomPlainText(el: XmlElement | null): string | null {
  const value = text(el);
  if (value === null || el === null || !(el.getAttribute('type') ?? 'text').includes('html')) return value;
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><body>${value}</body></html>`,
    'text/html',
  );
  return doc.body?.textContent?.trim() || null;
}

function absolute(link: string | null, baseUrl: string | null | undefined): string | null {
  if (!link) return null;
  try {
    return new URL(link, baseUrl ?? undefined).href;
  } catch {
    return null;
  }
}

/** RFC 822 (`Tue, 12 Mar 2024 10:00:00 GMT`) or ISO dates to `YYYY-MM-DD` (UTC), else null. */
function isoDay(value: string | null): string | null {
  if (!value) return null;
  const iso = value.match(/^(\d{4}-\d{2}-\d{2})/);
  if (iso) return iso[1]!;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
