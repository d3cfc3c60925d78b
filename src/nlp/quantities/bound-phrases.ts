import type { QuantityBound } from '../../types/index.js';

/** Bound phrases written before a number; longest first. */
const BOUND_PHRASES: readonly [string, QuantityBound][] = (
  [
    ['at least', 'at-least'],
    ['no fewer than', 'at-least'],
    ['no less than', 'at-least'],
    ['not less than', 'at-least'],
    ['a minimum of', 'at-least'],
    ['more than', 'more-than'],
    ['over', 'more-than'],
    ['well over', 'more-than'],
    ['just over', 'more-than'],
    ['upwards of', 'more-than'],
    ['in excess of', 'more-than'],
    ['exceeding', 'more-than'],
    ['above', 'more-than'],
    ['at most', 'at-most'],
    ['up to', 'at-most'],
    ['no more than', 'at-most'],
    ['not more than', 'at-most'],
    ['as many as', 'at-most'],
    ['a maximum of', 'at-most'],
    ['less than', 'less-than'],
    ['fewer than', 'less-than'],
    ['under', 'less-than'],
    ['below', 'less-than'],
    ['just under', 'less-than'],
    ['nearly', 'approximate'],
    ['almost', 'approximate'],
    ['about', 'approximate'],
    ['around', 'approximate'],
    ['approximately', 'approximate'],
    ['aproximately', 'approximate'],
    ['roughly', 'approximate'],
    ['some', 'approximate'],
    ['an estimated', 'approximate'],
    ['estimated', 'approximate'],
    ['circa', 'approximate'],
    ['close to', 'approximate'],
    ['an approximate', 'approximate'],
    ['~', 'approximate'],
  ] as [string, QuantityBound][]
).sort((a, b) => b[0].length - a[0].length);

/**
 * Finds the bound phrase that ends right before `start`, if any.
 *
 * @example boundBefore('at least 76', 9) // { bound: 'at-least', start: 0 }
 */
export function boundBefore(text: string, start: number): { bound: QuantityBound; start: number } | null {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [re, bound] of BOUND_RES_BY_LAST_WORD.get(lastWordOf(before)) ?? []) {
    const m = re.exec(before);
    if (m?.[1]) return { bound, start: start - (before.length - (m.index + m[0].indexOf(m[1]))) };
  }
  return null;
}

const BOUND_RES: readonly [RegExp, QuantityBound][] = BOUND_PHRASES.map(([phrase, bound]) => [
  new RegExp(`(?:^|[^A-Za-z])(${phrase.replace(/~/g, '\\~')})${phrase === '~' ? '\\s*' : '\\s+'}$`, 'i'),
  bound,
]);

/**
 * A phrase matches only when its last word (or "~") ends `before`, spaces aside: the phrases
 * grouped by that word, each group in the order of `BOUND_RES`, spare testing the others.
 */
const BOUND_RES_BY_LAST_WORD: ReadonlyMap<string, readonly [RegExp, QuantityBound][]> = (() => {
  const out = new Map<string, [RegExp, QuantityBound][]>();
  BOUND_PHRASES.forEach(([phrase], i) => {
    const key = phrase === '~' ? '~' : phrase.slice(phrase.lastIndexOf(' ') + 1);
    const group = out.get(key) ?? [];
    group.push(BOUND_RES[i]!);
    out.set(key, group);
  });
  return out;
})();

/** The ASCII word (lower case) or "~" that ends `before` after its trailing white space; '' if none. */
function lastWordOf(before: string): string {
  let end = before.length;
  while (end > 0 && /\s/.test(before[end - 1]!)) end--;
  if (end > 0 && before[end - 1] === '~') return '~';
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(before[start - 1]!)) start--;
  return before.slice(start, end).toLowerCase();
}
