import type { TextSpan, Token } from '../../types/index.js';

/** Words that end the noun phrase a count counts ("12 times since", "50 cars are"). */
export const STOP_WORDS = new Set(
  (
    'a an the this that these those of in on at to for from by with without into onto over under about ' +
    'and or but nor so yet as than then since until till after before during between among across ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'it its he she they we you i me him her them us our your their his my who whom whose which what when where why how ' +
    'not no nor also only just already still more most less least very too per each every all both some any ' +
    'said says say according told reported including include includes out up down off if there here ' +
    'while whereas because though although unless whether despite'
  ).split(' '),
);

/**
 * What a count counts: the head of the noun phrase right after it.
 *
 * @example countedNoun('900 US troops', 3, undefined)?.text // 'troops'
 */
export function countedNoun(
  text: string,
  end: number,
  tokens: readonly Token[] | undefined,
): TextSpan | null {
  if (tokens && tokens.length > 0) {
    const byTokens = countedNounFromTokens(text, end, tokens);
    if (byTokens !== undefined) return byTokens;
  }
  const re = /\s*([A-Za-z][A-Za-z'’-]*)/y;
  let pos = end;
  let head: TextSpan | null = null;
  for (let n = 0; n < 4; n++) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m?.[1]) break;
    if (m[0].includes('\n')) break;
    const w = m[1];
    const lw = w.toLowerCase();
    if (STOP_WORDS.has(lw)) break;
    if (/ly$/.test(lw) && lw.length > 4) break;
    if (head && /(?:ing|ed)$/.test(lw)) break;
    const s = pos + m[0].length - w.length;
    if (/-$/.test(w)) break;
    const clean = w.replace(/['’]s?$/, '');
    head = { start: s, end: s + clean.length, text: clean };
    pos += m[0].length;
    // a plural noun ends the phrase ("troops occupying", "times in")
    if (/[a-z]s$/.test(lw) && !/(?:ss|us|is)$/.test(lw)) break;
  }
  if (head && (head.text.length < 2 || /^\d/.test(head.text))) return null;
  return head;
}

function countedNounFromTokens(
  text: string,
  end: number,
  tokens: readonly Token[],
): TextSpan | null | undefined {
  // first token at or after `end` (binary search: tokens are in text order)
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < end) lo = mid + 1;
    else hi = mid;
  }
  let i = lo;
  const first = tokens[i];
  if (!first) return undefined;
  if (text.slice(end, first.start).trim() !== '') return null;
  let head: TextSpan | null = null;
  for (let n = 0; n < 4 && i < tokens.length; n++, i++) {
    const t = tokens[i];
    if (!t) break;
    // "SPLA-IO fighters": a hyphenated compound is one word
    let tEnd = t.end;
    while (text[tEnd] === '-' && tokens[i + 1]?.start === tEnd && tokens[i + 2]?.start === tEnd + 1) {
      i += 2;
      tEnd = tokens[i]?.end ?? tEnd;
    }
    const last = tokens[i] ?? t;
    if (last.pos === 'NOUN' || last.pos === 'PROPN')
      head = { start: t.start, end: tEnd, text: text.slice(t.start, tEnd) };
    else if (last.pos === 'ADJ' || last.pos === 'NUM') {
      if (head) break;
    } else break;
    const next = tokens[i + 1];
    if (head && (!next || !(next.pos === 'NOUN' || next.pos === 'PROPN'))) break;
  }
  return head;
}

/**
 * The head of a partitive's noun phrase.
 *
 * @example partitiveOf('three of the attackers', 5)?.text // 'attackers'
 */
export function partitiveOf(text: string, end: number): TextSpan | null {
  if (!/^\s+of\s+(?:the|their|its|his|her|our|these|those)\s/i.test(text.slice(end, end + 16))) return null;
  const whole = wholeAfterOf(text, end);
  if (!whole) return null;
  const last = /[A-Za-z][A-Za-z'’-]*$/.exec(whole.text)?.[0] ?? '';
  return last ? { start: whole.end - last.length, end: whole.end, text: last } : null;
}

/**
 * The noun phrase of "… percent of the base" (the whole a share refers to).
 *
 * @example wholeAfterOf('50 percent of the Harir Air Base was hit', 10)?.text // 'Harir Air Base'
 */
export function wholeAfterOf(text: string, end: number): TextSpan | null {
  const m = /^\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+|that\s+)?/i.exec(
    text.slice(end, end + 20),
  );
  if (!m) return null;
  const start = end + m[0].length;
  const word = /[A-Za-z][A-Za-z'’-]*/y;
  const gap = /[ \t]+/y;
  let pos = start;
  let last = -1;
  for (let n = 0; n < 5; n++) {
    if (n > 0) {
      gap.lastIndex = pos;
      if (!gap.exec(text)) break;
      pos = gap.lastIndex;
    }
    word.lastIndex = pos;
    const w = word.exec(text)?.[0];
    if (!w) break;
    const lw = w.toLowerCase();
    if (STOP_WORDS.has(lw)) {
      if (last < 0) return null;
      break;
    }
    if (last >= 0 && /[a-z](?:ed|ing)$/.test(w)) break;
    last = pos + w.length;
    pos = last;
    if (/[a-z]s$/.test(w) && !/^[A-Z]/.test(w)) break;
  }
  return last > start ? { start, end: last, text: text.slice(start, last) } : null;
}
