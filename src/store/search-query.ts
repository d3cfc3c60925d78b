import type { SearchTerm } from './dialect-profile.js';

/**
 * Folds text the same way for indexing and querying on both engines: compatibility forms,
 * diacritics removed, lower case. "Rafaḩ" and "rafah" then match everywhere.
 *
 * @example foldForSearch('Rafaḩ ＡＢＣ') // 'rafah abc'
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Parses a user query into terms that every engine reads alike: words are ANDed, `"…"` is a
 * phrase, a trailing `*` makes a prefix. Punctuation is dropped, so no input is a syntax error.
 *
 * @example parseSearchQuery('drone "Harir base" attack*')
 * // [{words:['drone'],prefix:false},{words:['harir','base'],prefix:false},{words:['attack'],prefix:true}]
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const folded = foldForSearch(query.slice(0, 2000));
  for (const match of folded.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    const phrase = match[1];
    if (phrase !== undefined) {
      const words = wordsOf(phrase);
      if (words.length > 0) terms.push({ words, prefix: false });
      continue;
    }
    const raw = match[2] ?? '';
    const words = wordsOf(raw);
    if (words.length === 0) continue;
    // "al-Asad" is one term to a reader; as words it is a phrase.
    terms.push({ words, prefix: raw.endsWith('*') && words.length === 1 });
  }
  return terms.slice(0, 32);
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Words kept per indexed text. PostgreSQL stores word positions only up to 16,383 and refuses
 * tsvectors over 1 MB; capping both engines alike keeps their match sets equal.
 */
export const MAX_INDEXED_WORDS = 16_000;
/** Longer "words" are noise (base64, URLs without punctuation) and only bloat the index. */
export const MAX_WORD_LENGTH = 64;

/**
 * The text an engine indexes: folded words of at most `MAX_WORD_LENGTH` characters separated by
 * single spaces, the first `MAX_INDEXED_WORDS` of them, so FTS5 and tsvector tokenise it identically.
 *
 * @example searchableText('Drone strike on al-Asad.') // 'drone strike on al asad'
 */
export function searchableText(text: string): string {
  const words: string[] = [];
  for (const match of foldForSearch(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    if (match[0].length > MAX_WORD_LENGTH) continue;
    words.push(match[0]);
    if (words.length >= MAX_INDEXED_WORDS) break;
  }
  return words.join(' ');
}
