/** The tense a date's clause is told in, as far as cheap cues tell. @example const t: Tense = 'past'; */
export type Tense = 'past' | 'future' | 'unknown';

// Future cues outrank past ones only when nearer to the date: "said it will strike on Friday".
const FUTURE =
  /\b(?:will|won't|wo n't|shall|going to|plans? to|planned(?: to| for)?|intends? to|expects? to|(?:is|are) expected to|scheduled|slated|set to|set for|due to|is due|are due|upcoming|next|tomorrow|is to|are to)\b|'ll\b/gi;
// Modal "may" and "might" point forward unless perfect ("may have"); case-sensitive so that the month May does not count.
const MODAL = /\b(?:may|might)\b(?!\s+have)/g;
const PAST =
  /\b(?:was|were|had|did|said|told|ago|last|yesterday|earlier|previously|been|began|came|went|took|fought|saw|made|hit|struck|killed|attacked|claimed|reported|stated|announced|launched|fired|targeted|held|met|left|led|won|lost|fell|shot|sent|gave|became|withdrew|drew|threw|flew|fled|sought|bought|brought|caught|thought|stood|spoke|broke|chose|rose|wrote|drove|arose|shook|ran|sank|rang|hung|stuck|spent|built|meant|felt|kept|swept|knew|grew|blew|got|overran|tore|swore|lay|laid|paid|hid|lit|fed|bled|sat|found|bound|told|sold|stole|forgave|overcame|[a-z]{2,}ed)\b/gi;

/**
 * The tense of the clause around `start..end` in `text`, from auxiliaries and past-tense verbs
 * in the same sentence; the cue nearest to the date wins, so a reported plan ("said they will
 * meet on Friday") reads as future.
 *
 * @example tenseAround('The base was hit on Tuesday.', 19, 26) // 'past'
 */
export function tenseAround(text: string, start: number, end: number): Tense {
  const cues = cuesOf(text, ...sentenceBounds(text, start, end));
  const near = (starts: readonly number[]): number => {
    let best = Number.POSITIVE_INFINITY;
    for (const at of starts) {
      // The date's own words ("last week", "next month") say nothing about the verb.
      if (at >= start && at < end) continue;
      const d = at < start ? start - at : at - end;
      if (d < best) best = d;
    }
    return best;
  };
  const future = Math.min(near(cues.future), near(cues.modal));
  const past = near(cues.past);
  if (future === Number.POSITIVE_INFINITY && past === Number.POSITIVE_INFINITY) return 'unknown';
  // On a tie the future cue is the more specific one ('planned' is also an -ed form).
  return future <= past ? 'future' : 'past';
}

/** Where each kind of cue starts in a sentence (text offsets). */
interface SentenceCues {
  readonly future: readonly number[];
  readonly modal: readonly number[];
  readonly past: readonly number[];
}

// The dates of one sentence share its cues: the last sentence read is kept.
let cached: { text: string; s: number; e: number; cues: SentenceCues } | null = null;

function cuesOf(text: string, s: number, e: number): SentenceCues {
  if (cached && cached.s === s && cached.e === e && cached.text === text) return cached.cues;
  const sentence = text.slice(s, e);
  const starts = (re: RegExp): number[] => {
    const out: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) out.push(s + m.index);
    return out;
  };
  const cues = { future: starts(FUTURE), modal: starts(MODAL), past: starts(PAST) };
  cached = { text, s, e, cues };
  return cues;
}

// A sentence longer than this is not prose (tables, lists, noise); a clause's cues are near it.
const REACH = 300;

/** A full stop, "!", "?" or a line break. */
function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10;
}

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let s = start;
  const floor = Math.max(0, start - REACH);
  while (s > floor && !endsSentence(text.charCodeAt(s - 1))) s--;
  let e = end;
  const ceiling = Math.min(text.length, end + REACH);
  while (e < ceiling && !endsSentence(text.charCodeAt(e))) e++;
  return [s, e];
}
