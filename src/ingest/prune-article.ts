/** The DOM element shape pruning needs (linkedom's and the browser's elements both fit). */
export interface PrunableElement {
  readonly localName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<PrunableElement>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PrunableElement>;
  remove(): void;
}

/** Page furniture that Readability sometimes keeps inside the article container. */
const FURNITURE_TAGS = 'nav, aside, figcaption, [role="navigation"], [role="complementary"]';

/**
 * Class or id words that mark captions, credits, bylines, share bars, related links and ads.
 * Matched as whole words of a class name split at `-`, `_` and case changes, so `article-body`
 * or `headline` never match `ad`.
 */
const FURNITURE_WORDS = new Set([
  'ad',
  'ads',
  'advert',
  'advertisement',
  'author',
  'authors',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'caption',
  'comment',
  'comments',
  'credit',
  'credits',
  'dateline',
  'dek',
  'standfirst',
  'strapline',
  'subtitle',
  'kicker',
  'eyebrow',
  'newsletter',
  'outbrain',
  'promo',
  'related',
  'share',
  'sharing',
  'social',
  'sponsored',
  'subscribe',
  'subscription',
  'taboola',
  'tags',
  'timestamp',
]);

/** A furniture-classed element is removed only when it holds less than this share of the text. */
const MAX_FURNITURE_SHARE = 0.25;

/** Navigation and asides are furniture by their tag, so they go unless they hold most of the text. */
const MAX_FURNITURE_TAG_SHARE = 0.6;

/**
 * Removes page furniture from an extracted article element in place: navigation, asides, figure
 * captions, and elements classed as captions, bylines, share bars, related links, tags or ads.
 * An element holding a large share of the text is kept whatever its class, so a wrapper named
 * `post-with-author` never takes the article with it.
 *
 * @example pruneArticle(readabilityContent) // removes <nav>, <figcaption>, <div class="share-bar">…
 */
export function pruneArticle(root: PrunableElement): void {
  const total = textLength(root);
  for (const el of Array.from(root.querySelectorAll(FURNITURE_TAGS))) {
    if (textLength(el) <= total * MAX_FURNITURE_TAG_SHARE) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    // Embedded posts (`<div class="social-embed"><blockquote>…`) are quoted sources, not furniture.
    if (!isFurnitureNamed(el) || el.querySelectorAll('blockquote').length > 0) continue;
    if (textLength(el) <= total * MAX_FURNITURE_SHARE) el.remove();
  }
}

function isFurnitureNamed(el: PrunableElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (names.trim() === '') return false;
  for (const word of names.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s\-_]+/)) {
    if (FURNITURE_WORDS.has(word.toLowerCase())) return true;
  }
  return false;
}

function textLength(el: PrunableElement): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').length;
}

/**
 * Paragraphs and list items that are nothing but a link are promotions of other stories
 * ("BRIDGE CLOSED AFTER SHELLING", related lists) rather than prose of this one. Links to
 * other sites (sources, shops) are kept, and so is the lot when links are much of the text.
 *
 * @example pruneLinkParagraphs(body, 'https://courier.example.org/a') // removes <p><a href="/b">Port reopens</a></p>
 */
export function pruneLinkParagraphs(root: PrunableElement, pageUrl?: string): void {
  const site = siteOf(pageUrl);
  const found: PrunableElement[] = [];
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('p, li, h2, h3, h4, h5, h6'))) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '' || text.split(' ').length > 30) continue;
    let linked = 0;
    for (const a of Array.from(el.querySelectorAll('a'))) {
      // Links off the site (shops, sources) are part of what the article says; promotions stay home.
      const href = a.getAttribute('href') ?? '';
      if (site && /^(?:https?:)?\/\//i.test(href) && siteOf(href) !== site) continue;
      linked += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    }
    if (linked >= text.length * 0.9) {
      found.push(el);
      removed += text.length;
    }
  }
  // Where links make up much of the text (a deals roundup, a list of resources), they are the article.
  if (removed > textLength(root) * MAX_LINK_SHARE) return;
  for (const el of found) el.remove();
}

/** Share of the text above which link-only paragraphs are taken to be the content. */
const MAX_LINK_SHARE = 0.3;

/** The last two labels of a URL's host name (`www.bbc.co.uk` → `co.uk` is close enough here). */
function siteOf(url: string | undefined): string | undefined {
  const m = url?.match(/^(?:https?:)?\/\/([^/?#:]+)/i);
  if (!m) return undefined;
  return m[1]!.toLowerCase().split('.').slice(-2).join('.');
}
