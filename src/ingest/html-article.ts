import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type { DocumentMetadataHints } from '../types/document.js';
import { articleText, type TextNodeLike } from './article-text.js';
import { dropBoilerplateParagraphs } from './boilerplate-paragraphs.js';
import { cleanByline, cleanPublisher, cleanTitle, pageMetadata } from './page-metadata.js';
import { type PrunableElement, pruneArticle, pruneLinkParagraphs } from './prune-article.js';

type Linkedom = typeof import('linkedom');
const requireCjs = createRequire(import.meta.url);
let linkedom: Linkedom | null = null;

/**
 * linkedom's `parseHTML`, loaded on first use: plain-text reports never pay for the DOM
 * (about a fifth of the CLI's start-up).
 */
function parseHTML(html: string): ReturnType<Linkedom['parseHTML']> {
  linkedom ??= requireCjs('linkedom') as Linkedom;
  return linkedom.parseHTML(html);
}

/** The article found in an HTML page. */
export interface HtmlArticle {
  /** The headline, or '' when the page has none. */
  readonly title: string;
  /** The article body alone: paragraphs separated by blank lines, no title. */
  readonly body: string;
  /** Publication metadata from the page. */
  readonly meta: Partial<DocumentMetadataHints>;
  /** Which extractor found the body. */
  readonly method: 'readability' | 'fallback';
}

/** Real pages nest a few dozen elements deep; thousands is generated or hostile markup. */
const MAX_READABILITY_DEPTH = 400;

/** How much more link text than Readability's default a block may carry and stay in the article. */
const LINK_DENSITY_ALLOWANCE = 0.2;

/** Below this many characters a Readability result is checked against the fallback. */
const SHORT_BODY = 500;

/**
 * Extracts the article from an HTML page: Mozilla Readability first; when it finds nothing or
 * too little, the `<article>`/`<main>`/`articleBody` element or the largest block of paragraph
 * text. Returns null rather than boilerplate when the page has no article.
 *
 * @example extractArticle('<html><body><nav>Home</nav><article><h1>Strike</h1><p>Shelling hit the port on Monday…</p></article></body></html>')
 * // { title: 'Strike', body: 'Shelling hit the port on Monday…', meta: {…}, method: 'readability' }
 */
export function extractArticle(html: string): HtmlArticle | null {
  // Metadata first: Readability rewrites the document it reads.
  const document = parse(html);
  const meta = pageMetadata(document);
  keepEmbeddedPosts(document);
  // Readability's scoring is quadratic in nesting depth; pathological nesting goes to the fallback.
  const found = deeperThan(document.documentElement, MAX_READABILITY_DEPTH)
    ? undefined
    : (readabilityArticle(document, meta.url) ?? undefined);
  let best = found && found.body.length >= SHORT_BODY ? found : undefined;
  if (!best) {
    const fallback = fallbackArticle(html, meta.url) ?? undefined;
    // The fallback is cruder: it wins only with clearly more prose, not more words of any kind.
    best =
      found && (!fallback || proseLength(found.body) * 2 >= proseLength(fallback.body)) ? found : fallback;
  }
  if (!best || !isProse(best.body)) return null;
  const merged: Partial<DocumentMetadataHints> = { ...best.meta, ...meta };
  const title = cleanTitle(best.title || meta.title || '', merged);
  if (title) merged.title = title;
  return { title, body: best.body, meta: merged, method: best.method };
}

/**
 * Embedded social posts are quoted sources that belong to the article, but their wrappers carry
 * class names ("social-embed") and link density that Readability discards as page furniture:
 * unwrap each post from wrappers that hold nothing else.
 */
// biome-ignore lint/suspicious/noExplicitAny: linkedom's Document is not the DOM lib's type.
function keepEmbeddedPosts(document: any): void {
  const posts = document.querySelectorAll(
    'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed',
  );
  for (const post of posts) {
    post.removeAttribute('class');
    for (let depth = 0; depth < 4; depth++) {
      const parent = post.parentElement;
      if (!parent || parent.localName === 'body' || parent.localName === 'article') break;
      const others = Array.from(parent.children as ArrayLike<{ localName: string }>).filter(
        (c) => c !== post && !/^(?:script|style|noscript)$/.test(c.localName),
      );
      if (others.length > 0) break;
      parent.replaceWith(post);
    }
  }
}

/** Whether any element lies more than `limit` levels below `root`. */
// biome-ignore lint/suspicious/noExplicitAny: linkedom element.
function deeperThan(root: any, limit: number): boolean {
  if (!root) return false;
  // biome-ignore lint/suspicious/noExplicitAny: linkedom element.
  const stack: Array<[any, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of el.children) stack.push([child, depth + 1]);
  }
  return false;
}

interface Found {
  title: string;
  body: string;
  meta: Partial<DocumentMetadataHints>;
  method: HtmlArticle['method'];
}

// biome-ignore lint/suspicious/noExplicitAny: linkedom's Document is not the DOM lib's type.
function parse(html: string): any {
  // linkedom needs a document element with a body; bare fragments, and pages whose <html> tag
  // comes late or inside a script, get a wrapper.
  if (
    /^\s*(?:<!doctype[^>]*>\s*|<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*<html[\s>]/i.test(html.slice(0, 100_000))
  ) {
    const document = parseHTML(html).document;
    if (hasBody(document)) return document;
  }
  const document = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document;
  return hasBody(document)
    ? document
    : parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document;
}

// biome-ignore lint/suspicious/noExplicitAny: linkedom's Document is not the DOM lib's type.
function hasBody(document: any): boolean {
  try {
    return Boolean(document.documentElement && document.body);
  } catch {
    return false; // linkedom throws from `body` when the tree has no document element.
  }
}

// biome-ignore lint/suspicious/noExplicitAny: linkedom's Document is not the DOM lib's type.
function readabilityArticle(document: any, pageUrl?: string): Found | null {
  let result: ReturnType<Readability<TextNodeLike>['parse']>;
  // A variable, not a literal: Readability 0.6 reads `linkDensityModifier` but its typings lack it.
  const options = {
    keepClasses: true,
    // Readability drops any small block with a fifth of its text in links, which costs sentences
    // that cite a source; link-only promotions are pruned after it instead (pruneLinkParagraphs).
    linkDensityModifier: LINK_DENSITY_ALLOWANCE,
    serializer: (node: unknown) => node as TextNodeLike,
  };
  try {
    result = new Readability<TextNodeLike>(document, options).parse();
  } catch {
    return null; // Readability can trip over odd markup; the fallback still runs.
  }
  if (!result?.content || isLinkList(result.content)) return null;
  const title = (result.title ?? '').trim();
  const body = cleanArticleText(result.content, pageUrl, title);
  const meta: Partial<DocumentMetadataHints> = {};
  const byline = cleanByline(result.byline);
  if (byline) meta.byline = byline;
  const publisher = cleanPublisher(result.siteName);
  if (publisher) meta.publisher = publisher;
  // Readability's excerpt falls back to the first paragraph it kept, often a byline; the page's
  // own description (read by pageMetadata) is the excerpt worth having.
  if (result.lang) meta.language = result.lang.trim();
  return { title, body, meta, method: 'readability' };
}

/** Selectors for elements that hold the article on most sites, most specific first. */
const ARTICLE_SELECTORS = [
  '[itemprop="articleBody"]',
  'article',
  '[role="main"]',
  'main',
  '#content',
  '.content',
];

/**
 * The text of an article element with page furniture removed; prunes the element in place.
 */
function cleanArticleText(element: TextNodeLike, pageUrl: string | undefined, title: string): string {
  pruneArticle(element as unknown as PrunableElement);
  pruneLinkParagraphs(element as unknown as PrunableElement, pageUrl);
  const paragraphs = articleText(element).split('\n\n');
  // The headline is analysed separately (title first), so a copy of it opening the body goes.
  if (paragraphs.length > 1 && isHeadline(paragraphs[0]!, title)) paragraphs.shift();
  return dropBoilerplateParagraphs(paragraphs).join('\n\n');
}

/** Whether a paragraph is the page title, or the title with the site name cut off. */
function isHeadline(paragraph: string, title: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const p = norm(paragraph);
  const t = norm(title);
  return p !== '' && t !== '' && (p === t || (t.startsWith(p) && p.length >= t.length * 0.6));
}

function fallbackArticle(html: string, pageUrl: string | undefined): Found | null {
  const document = parse(html);
  for (const el of document.querySelectorAll('script, style, noscript, nav, header, footer, aside, form'))
    el.remove();
  let best: TextNodeLike | null = null;
  let bestLength = 0;
  for (const selector of ARTICLE_SELECTORS) {
    for (const el of document.querySelectorAll(selector)) {
      const length = proseLength(articleText(el));
      if (length > bestLength) [best, bestLength] = [el, length];
    }
    if (bestLength >= 200) break;
  }
  if (bestLength < 200) {
    const block = largestTextBlock(document.body);
    if (block && proseLength(articleText(block)) > bestLength) best = block;
  }
  if (!best || isLinkList(best)) return null;
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const body = cleanArticleText(best, pageUrl, h1);
  return { title: h1, body, meta: {}, method: 'fallback' };
}

/**
 * The element whose direct paragraph children hold the most prose: the article container on
 * pages Readability cannot score.
 */
// biome-ignore lint/suspicious/noExplicitAny: linkedom element.
function largestTextBlock(root: any): TextNodeLike | null {
  if (!root) return null;
  // biome-ignore lint/suspicious/noExplicitAny: linkedom element.
  const scores = new Map<any, number>();
  for (const p of root.querySelectorAll('p, pre, blockquote, li, td')) {
    const len = proseLength(articleText(p));
    if (len < 25) continue;
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + len);
  }
  let best = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** Articles keep links under a quarter of their text; above half, it is a section front or a menu. */
const MAX_LINK_SHARE = 0.5;

/** Whether an element's text is mostly link text: a list of stories, not a story. */
function isLinkList(element: TextNodeLike): boolean {
  // biome-ignore lint/suspicious/noExplicitAny: linkedom element.
  const el = element as any;
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return true;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked > total * MAX_LINK_SHARE;
}

/** Characters in lines that read like sentences rather than menu items. */
function proseLength(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) {
    if (line.split(' ').length >= 12 || /[.!?…。！？؟।]["'”’»)]?$/.test(line)) n += line.length;
  }
  return n;
}

/** Whether extracted text is an article rather than a menu, a cookie notice or an error page. */
function isProse(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  // A one-sentence brief is an article; "We use cookies." alone is not.
  if (proseLength(text) >= 80 || (words >= 5 && proseLength(text) >= text.length * 0.5)) return true;
  // Tables and schedules have no sentences but many words per line; menus have one or two.
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return words >= 40 && words / lines.length >= 3;
}
