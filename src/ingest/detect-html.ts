/** A document-level marker: one of these near the start settles it. */
const DOCUMENT_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])/i;

/** Any of these anywhere is as telling as a doctype: prose never contains them. */
const DOCUMENT_TAG = /<(?:html|head|body)(?:\s[^<>]*)?>|<\/(?:html|body)>|<meta\s[^<>]*(?:charset|content)=/i;

/**
 * A fragment that is one block element from end to end, such as `<p>…</p>` or `<article>…</article>`.
 * A lone inline element (`<a href=…>link</a>`) is a text that quotes markup, not a page.
 */
const WRAPPED =
  /^\s*<(p|div|article|section|main|blockquote|ul|ol|table|header|h[1-6]|figure)\b[^<>]*>[\s\S]*<\/\1\s*>\s*$/i;

/** Block-level and structural tags: prose that merely mentions `<b>` has none, or one. */
const BLOCK_TAG =
  /<\/?(p|div|article|section|main|header|footer|nav|aside|h[1-6]|ul|ol|li|table|tr|td|blockquote|figure|script|style|span|a|br|img)\b[^<>]*>/gi;

/**
 * Whether a string is HTML rather than plain text: a doctype or `<html>`/`<head>`/`<body>`, or several
 * distinct block tags that close. Plain text that quotes a tag or two (`use <b> for bold`) is text.
 *
 * @example detectHtml('<!doctype html><title>x</title><p>Shelling hit the market.</p>') // true
 * @example detectHtml('Use the <b> tag for bold text.') // false
 */
export function detectHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (DOCUMENT_START.test(head)) return true;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (DOCUMENT_TAG.test(sample)) return true;
  if (WRAPPED.test(sample)) return true;
  // Fragments: prose may mention `<p>` or even `</p>` once in passing; markup closes several
  // elements, or mixes several kinds of tag.
  const kinds = new Set<string>();
  let count = 0;
  let closing = 0;
  for (const m of sample.matchAll(BLOCK_TAG)) {
    kinds.add((m[1] ?? '').toLowerCase());
    count++;
    if (m[0][1] === '/') closing++;
    if (count >= 4 && (closing >= 2 || (kinds.size >= 2 && closing >= 1))) return true;
  }
  return false;
}
