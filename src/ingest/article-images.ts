import { createRequire } from 'node:module';
import { dirname, isAbsolute, resolve as resolvePath, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

type Linkedom = typeof import('linkedom');
const requireCjs = createRequire(import.meta.url);
let linkedom: Linkedom | null = null;

/** Most images taken from one page: a gallery of hundreds is not one report's evidence. */
export const MAX_ARTICLE_IMAGES = 12;

/** The element an article's body is in, most specific first. */
const ARTICLE_SELECTORS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]', 'body'];
/** Page furniture whose images are logos, avatars and adverts, not the report's pictures. */
const FURNITURE =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [class*="advert"], [class*="related"]';

/**
 * Where a page's own pictures are: its `og:image` (or `twitter:image`), then the `<img src>`
 * inside the article's element (`articleBody`, `<article>`, `<main>`, else the body outside
 * navigation, headers, footers and asides), resolved against the page's URL or file. Tracking
 * pixels (1×1), icons and inline `data:` images are left out; at most {@link MAX_ARTICLE_IMAGES}.
 *
 * @example
 * articleImageRefs('<meta property="og:image" content="/img/a.jpg"><article><img src="b.png"></article>',
 *   'https://north-desk.example/news/1')
 * // ['https://north-desk.example/img/a.jpg', 'https://north-desk.example/news/b.png']
 */
export function articleImageRefs(html: string, base: string | null): string[] {
  linkedom ??= requireCjs('linkedom') as Linkedom;
  const { document } = linkedom.parseHTML(
    /<html[\s>]/i.test(html.slice(0, 100_000))
      ? html
      : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
  );
  const refs: string[] = [];
  const add = (value: string | null | undefined) => {
    const ref = value === null || value === undefined ? null : resolveRef(value.trim(), base);
    if (ref !== null && !refs.includes(ref)) refs.push(ref);
  };
  for (const name of ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']) {
    const meta = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    add(meta?.getAttribute('content'));
  }
  const container =
    ARTICLE_SELECTORS.map((s) => document.querySelector(s)).find(
      (e) => e !== null && e.querySelector('img') !== null,
    ) ?? null;
  if (container !== null)
    for (const img of container.querySelectorAll('img')) {
      if (img.closest(FURNITURE) !== null && img.closest(FURNITURE) !== container.closest(FURNITURE))
        continue;
      const width = Number(img.getAttribute('width') ?? Number.NaN);
      const height = Number(img.getAttribute('height') ?? Number.NaN);
      if ((width > 0 && width <= 2) || (height > 0 && height <= 2)) continue;
      add(img.getAttribute('src') ?? img.getAttribute('data-src'));
    }
  return refs.slice(0, MAX_ARTICLE_IMAGES);
}

/** An image reference made absolute: an http(s) URL, or a file path for a page read from disk. */
function resolveRef(value: string, base: string | null): string | null {
  if (value === '' || /^(data|javascript|blob|about):/i.test(value)) return null;
  if (/\.(svg|ico)(\?|#|$)/i.test(value)) return null;
  if (/^https?:\/\//i.test(value)) return value;
  if (base === null) return null;
  if (/^https?:\/\//i.test(base)) {
    try {
      const url = new URL(value, base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }
  // A page read from a file: its images are files in its folder or below; a page may not
  // pull other files of the machine into the archive.
  if (value.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
  const pagePath = isAbsolute(base) ? base : resolvePath(base);
  try {
    const url = new URL(value, pathToFileURL(pagePath));
    if (url.protocol !== 'file:') return null;
    const path = decodeURIComponent(url.pathname);
    return path.startsWith(dirname(pagePath) + sep) ? path : null;
  } catch {
    return null;
  }
}
