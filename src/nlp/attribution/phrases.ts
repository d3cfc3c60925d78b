import type { Token } from '../../types/sentence.js';
import type { Span } from '../../types/span.js';
import { cueEntry } from './cue-lexicon.js';

// Phrase-level readings shared by the attribution readers: speaker noun phrases before and after a
// cue, the subject of a clause, where reported content ends, and how a content span is trimmed.

/**
 * Words between a subject and its cue that belong to the cue ("has also said").
 *
 * @example CUE_AUX.has('has') // true: "has also said"
 */
export const CUE_AUX = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'did',
  'does',
  'do',
  'also',
  'then',
  'now',
  'previously',
  'repeatedly',
  'later',
  'again',
  'further',
  'earlier',
  'once',
  'only',
  'often',
  'publicly',
  'privately',
  'reportedly',
  'allegedly',
  'recently',
  'separately',
  'similarly',
  'already',
  'just',
  'first',
  'never',
  'still',
  'widely',
  'had',
  'not',
  "n't",
  'n’t',
  'could',
  'can',
  'may',
  'might',
  'should',
  'been',
  'be',
  "'s",
  '’s',
  "'re",
  '’re',
  "'ve",
  '’ve',
  "'ll",
  '’ll',
  "'d",
  '’d',
]);

/**
 * Words of time and place that may stand between a cue and its content ("said on Monday").
 *
 * @example TIME_WORD.test('Monday') // true
 */
export const TIME_WORD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|recently|last|this|on|in|at|during|late|early|morning|afternoon|evening|night|week|month|year|again|also|previously)$/i;

/**
 * Nouns that stand before a name as its title ("spokesman Josh Earnest", "nominee Mike Pence").
 *
 * @example ROLE_NOUN.test('spokesman') // true
 */
export const ROLE_NOUN =
  /^(spokes\w+|official|nominee|candidate|president|senator|governor|secretary|minister|director|chairman|chairwoman|chair|chief|leader|commander|general|colonel|ambassador|envoy|adviser|advisor|aide|lawyer|attorney|analyst|economist|professor|author|host|anchor|correspondent|reporter|editor|mayor|rep|sen|gov|judge|justice|member|manager|founder|ceo|strategist|pollster|mogul|businessman|activist|comedian|actor|singer|rapper|star|congressman|congresswoman|lawmaker|delegate|mate|wife|husband|daughter|son|father|mother|brother|sister|friend|colleague|rival|opponent|challenger|incumbent|chancellor|premier|king|queen|prince|sheikh|cleric|imam|rabbi|pastor|bishop|pope)$/i;

/**
 * Pronouns that stand alone as a speaker ("he said", "who said").
 *
 * @example STOP_PRONOUN.test('who') // true
 */
export const STOP_PRONOUN = /^(he|she|they|it|we|i|you|who|which|that|this|these|those)$/i;

/**
 * Index of the first token that is not an opening adverbial such as "Last week," or "But".
 *
 * @example firstContentIdx(tokens('But officials said …')) // 1
 */
export function firstContentIdx(toks: Token[]): number {
  let i = 0;
  while (i < toks.length && /^(but|and|so|yet|however|meanwhile|still|also|moreover)$/i.test(toks[i]!.text))
    i++;
  if (toks[i]?.text === ',') i++;
  return i;
}

/**
 * Trims spaces, a trailing comma or full stop (kept when a closing quote follows it).
 *
 * @example trimContent('“It will hold,” she said.', 0, 16) // {start: 0, end: 15}
 */
export function trimContent(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  // A connective opening the sentence ("However, …", "But …") links to the text before, it is not said.
  const lead = /^(?:however|but|and|still|meanwhile|yet|so|moreover)\b,?\s+/i.exec(
    text.slice(s, Math.min(e, s + 20)),
  );
  if (lead && s + lead[0].length < e) s += lead[0].length;
  // A dateline ("WASHINGTON ― ", "LONDON (Reuters) — ", "ERBIL, Iraq, March 4 (Meridian Wire) — ")
  // names where the story was filed.
  const dateline =
    /^[A-Z][A-Z.'’ -]{2,30}(?:,[ \t]+[A-Z][\p{L}.]*)?(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?(?:[ \t]*\([\p{L} ]{1,20}\))?[ \t]*(?:―|—|–|--)[ \t]*/u.exec(
      text.slice(s, Math.min(e, s + 80)),
    );
  if (dateline && s + dateline[0].length < e) s += dateline[0].length;
  while (e > s && /[\s,.;:!?(—–-]/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/**
 * Words a speaker phrase may contain.
 *
 * @example npToken({text: 'ministry', pos: 'NOUN', …}) // true
 */
export function npToken(t: Token): boolean {
  if (/^(PROPN|NOUN|ADJ|DET|NUM|PRON)$/.test(t.pos)) return true;
  // The tagger sometimes reads a surname as a verb ("Lynch"); capitals say it is a name.
  if (/^[A-Z][a-z]/.test(t.text) && /^(VERB|X)$/.test(t.pos) && !cueEntry(t.text)) return true;
  if (t.pos === 'PART' && /^['’]s$/i.test(t.text)) return true;
  if (t.pos === 'PUNCT' && /^[-.'’]$/.test(t.text)) return true;
  return false;
}

/**
 * The speaker phrase that ends just before token `a`, with an appositive ("X, head of Y,")
 * when there is one.
 *
 * @example nounPhraseBefore(text, tokens('The health ministry said …'), 3) // span of "The health ministry"
 */
export function nounPhraseBefore(
  _text: string,
  toks: Token[],
  a: number,
): { span: Span; first: number } | null {
  const end = a - 1;
  // "Some villagers, however, doubt …": an adverb between commas is no part of the speaker.
  if (
    toks[end]?.text === ',' &&
    /^(however|meanwhile|though|too|also|instead|moreover|nonetheless|nevertheless|in turn)$/i.test(
      toks[end - 1]?.text ?? '',
    ) &&
    toks[end - 2]?.text === ','
  )
    return nounPhraseBefore(_text, toks, end - 2);
  // "Kall -- co-editor of a book on the debates -- said …": an appositive between dashes.
  if (toks[end] && /^(--|—|―|–)$/.test(toks[end]!.text)) {
    for (let j = end - 1; j > 0 && j >= end - 40; j--) {
      if (/^[.;:!?“”"]$/.test(toks[j]!.text)) break;
      if (toks[j]!.text !== toks[end]!.text) continue;
      const first = walkBack(toks, j - 1);
      if (first < 0 || first > j - 1) break;
      return { span: { start: toks[first]!.start, end: toks[end - 1]!.end }, first };
    }
  }
  // A relative or personal pronoun stands alone: "who said", "he said".
  if (
    toks[end] &&
    STOP_PRONOUN.test(toks[end]!.text) &&
    (toks[end]!.pos === 'PRON' || /^(which|who)$/i.test(toks[end]!.text))
  ) {
    return { span: { start: toks[end]!.start, end: toks[end]!.end }, first: end };
  }
  let first = walkBack(toks, end);
  // "An armed group calling itself the Northern Shield claimed": the group names itself.
  if (
    first > 1 &&
    /^(itself|themselves)$/i.test(toks[first]!.text) &&
    /^(calling|naming)$/i.test(toks[first - 1]!.text)
  ) {
    const group = walkBack(toks, first - 2);
    if (group >= 0) first = group;
  } else if (first > 2 && /^as$/i.test(toks[first - 1]!.text) && /^known$/i.test(toks[first - 2]!.text)) {
    // "a group known as the Northern Shield claimed".
    const group = walkBack(toks, first - 3);
    if (group >= 0) first = group;
  }
  // "…approach,'' Mr. Lee said": the closing apostrophes of a quotation are not the speaker's.
  while (first >= 0 && first < end && /^['’]$/.test(toks[first]!.text)) first++;
  if (first >= 0) {
    // "In a Bloomberg interview Trump declared": the name after a plain noun is the speaker.
    for (let j = end; j > first && toks[first]!.pos === 'DET'; j--) {
      const prev = toks[j - 1]!;
      if (
        toks[j]!.pos === 'PROPN' &&
        prev.pos === 'NOUN' &&
        /^[a-z]/.test(prev.text) &&
        !ROLE_NOUN.test(prev.text)
      ) {
        first = j;
        break;
      }
    }
    // "The Times on Saturday wrote": a day is not the speaker.
    let allTime = true;
    for (let j = first; j <= end && j < toks.length && allTime; j++)
      allTime = TIME_WORD.test(toks[j]!.text) || /^(on|last|this)$/i.test(toks[j]!.text);
    if (allTime) {
      const before = toks[first - 1];
      if (before?.text.toLowerCase() === 'on' || TIME_WORD.test(before?.text ?? '')) {
        const inner = walkBack(toks, first - 2);
        if (inner >= 0)
          return { span: { start: toks[inner]!.start, end: toks[first - 2]!.end }, first: inner };
      }
      return null;
    }
    // "Trump this week said", "Officials on Monday said": the time belongs to the cue, not the speaker.
    let last = end;
    while (
      last > first &&
      (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year|night|morning|afternoon|evening)$/i.test(
        toks[last]!.text,
      ) ||
        (last < end && /^(this|last|on|early|late|next)$/i.test(toks[last]!.text)))
    )
      last--;
    if (last < end && /^(this|last|on|early|late)$/i.test(toks[last]!.text) && last > first) last--;
    return { span: { start: toks[first]!.start, end: toks[last]!.end }, first };
  }
  // "X, a spokesman for Y, said" / "X, who served as Y, said": the name with its appositive.
  if (toks[end]?.text !== ',') return null;
  let commas = 0;
  for (let i = end - 1; i > 0 && i >= end - 40; i--) {
    const t = toks[i]!;
    if (/^[.;:!?“”"]$/.test(t.text)) return null;
    if (t.text !== ',') continue;
    commas++;
    const name = walkBack(toks, i - 1);
    let named = false;
    for (let j = name; name >= 0 && j < i && !named; j++)
      named = toks[j]!.pos === 'PROPN' || /^[A-Z]/.test(toks[j]!.text);
    if (named) {
      const app = toks[i + 1]!;
      // "A security source, who asked not to be named, said": the condition of anonymity is not the speaker.
      if (/^who$/i.test(app.text) && anonymityClause(toks, i + 2)) {
        return { span: { start: toks[name]!.start, end: toks[i - 1]!.end }, first: name };
      }
      // "The union, which speaks for …, wants": but in "Lee, a spokeswoman for X, which …,
      // said" the which-clause describes X, and the name stands further back.
      const which =
        /^which$/i.test(app.text) &&
        (name === 0 || /^(and|but|so|yet|meanwhile|however|then|now)$/i.test(toks[name - 1]!.text));
      if (/^(DET|ADJ|NOUN|PROPN|NUM)$/.test(app.pos) || /^(who|whose)$/i.test(app.text) || which) {
        return { span: { start: toks[name]!.start, end: toks[end]!.end }, first: name };
      }
      // "Trump, speaking in Ohio, said" / "Clinton, at a later briefing, said": not part of the name.
      if (commas === 1 && ((/ing$/.test(app.text) && app.pos === 'VERB') || app.pos === 'ADP')) {
        return { span: { start: toks[name]!.start, end: toks[i - 1]!.end }, first: name };
      }
    }
    if (commas >= 2) return null;
  }
  return null;
}

/**
 * A subject carrying a relative clause: in "One of the engineers who inspected the dam called the repairs a
 * sham" the phrase before the cue ("the dam") is the relative clause's object; the speaker
 * is the whole "One of the engineers who inspected the dam".
 *
 * @example withRelativeClause(toks, np) // "One of the engineers who inspected the dam" instead of "the letter"
 */
export function withRelativeClause(
  toks: Token[],
  np: { span: Span; first: number } | null,
): { span: Span; first: number } | null {
  if (!np || np.first < 2 || toks[np.first - 1]!.pos !== 'VERB') return np;
  for (let j = np.first - 2; j >= 0 && j >= np.first - 8; j--) {
    const t = toks[j]!;
    if (t.pos === 'PUNCT') return np;
    if (!/^who$/i.test(t.text)) continue;
    const head = walkBack(toks, j - 1);
    if (
      head < 0 ||
      (head > 0 && !/^(,|and|but|;)$/i.test(toks[head - 1]!.text) && head !== firstContentIdx(toks))
    )
      return np;
    return { span: { start: toks[head]!.start, end: np.span.end }, first: head };
  }
  return np;
}

/**
 * The subject that opens the clause: "Democrats met on Monday and said …".
 *
 * @example clauseSubject(text, tokens('Democrats met on Monday and said …'), 5) // span of "Democrats"
 */
export function clauseSubject(
  text: string,
  toks: Token[],
  before: number,
): { span: Span; first: number } | null {
  let start = firstContentIdx(toks);
  // "In August, several groups granted …": skip an opening adverbial.
  // "Recently, however, it issued …": one adverbial after another.
  for (let round = 0; round < 2 && /^(ADP|ADV|SCONJ)$/.test(toks[start]?.pos ?? ''); round++) {
    const comma = toks.findIndex((t, j) => j > start && j < start + 10 && t.text === ',');
    if (comma < 0) break;
    start = comma + 1;
  }
  if (start >= before) return null;
  const np = nounPhraseAfter(text, toks, start, false);
  if (!np || np.next >= before) return null;
  let v = np.next;
  let span = np.span;
  // "Haddad, a party veteran, said … and called it …": step over an appositive between commas.
  if (toks[v]?.text === ',') {
    const close = toks.findIndex((t, j) => j > v && j < v + 14 && t.text === ',');
    if (
      close > 0 &&
      close < before &&
      toks.slice(v + 1, close).every((t) => t.pos !== 'VERB' && t.pos !== 'AUX')
    ) {
      span = { start: np.span.start, end: toks[close]!.end };
      v = close + 1;
    }
  }
  while (toks[v]?.pos === 'ADV' && v < before) v++;
  const verb = toks[v];
  if (!verb || (verb.pos !== 'VERB' && verb.pos !== 'AUX')) return null;
  return { span, first: start };
}

/**
 * The first token of the noun phrase that ends at token `end` (names, titles, "head of the
 * group", party tags in parentheses), or -1 when no speaker-like phrase ends there.
 *
 * @example walkBack(tokens('the Syrian health ministry said'), 3) // 0
 */
export function walkBack(toks: Token[], end: number): number {
  let i = end;
  let first = -1;
  let n = 0;
  while (i >= 0 && n < 14) {
    const t = toks[i]!;
    if (t.text === ')' && (first === -1 || first === i + 1)) {
      // "Rep. Jane Doe (D-Ohio) said": the party tag belongs to the name.
      const open = toks.findLastIndex((x, j) => j < i && x.text === '(');
      if (open < 0 || i - open > 8) break;
      first = open;
      n += i - open;
      i = open - 1;
      continue;
    }
    if (npToken(t)) {
      if (t.pos === 'PRON' && STOP_PRONOUN.test(t.text) && i !== end) break;
      first = i;
    } else if (
      t.pos === 'ADP' &&
      /^(of|for|in|at|from|with|outside|near|inside|across|around)$/.test(t.text) &&
      first === i + 1 &&
      i > 0 &&
      npToken(toks[i - 1]!)
    ) {
      // "head of the group", "a source in the Axis": keep the prepositional tail.
    } else if (
      t.pos === 'CCONJ' &&
      /^(and|&)$/.test(t.text) &&
      first === i + 1 &&
      i > 0 &&
      /^(PROPN|NOUN)$/.test(toks[i - 1]!.pos)
    ) {
      // "Smith and Jones said".
    } else break;
    i--;
    n++;
  }
  if (first < 0) return -1;
  // A phrase of determiners or adjectives alone is not a speaker.
  const span = toks.slice(first, end + 1);
  // ("the general said": the tagger may read a role noun as an adjective.)
  if (
    !span.some(
      (t) => /^(PROPN|NOUN|PRON|NUM)$/.test(t.pos) || /^[A-Z][a-z]/.test(t.text) || ROLE_NOUN.test(t.text),
    )
  )
    return -1;
  return first;
}

/**
 * The noun phrase that starts at token `from` ("said Colonel Vance, commander of the brigade"),
 * with its appositive when `withAppositive` is set; `next` is the first token after it.
 *
 * @example nounPhraseAfter(text, tokens('said the spokesman, Ali Hadi.'), 1, true) // span of "the spokesman, Ali Hadi"
 */
export function nounPhraseAfter(
  _text: string,
  toks: Token[],
  from: number,
  withAppositive: boolean,
): { span: Span; next: number } | null {
  let i = from;
  while (
    i < toks.length &&
    (npToken(toks[i]!) || (toks[i]!.pos === 'ADP' && /^(of|for|in|at|from)$/.test(toks[i]!.text) && i > from))
  )
    i++;
  if (i === from) return null;
  let end = i - 1;
  while (end > from && (toks[end]!.pos === 'ADP' || /^[.'’-]$/.test(toks[end]!.text))) end--;
  // "said Rep. Jane Doe (D-Ohio), head of …": the party tag belongs to the name.
  if (toks[i]?.text === '(' && toks[i - 1]?.pos === 'PROPN') {
    const close = toks.findIndex((t, j) => j > i && j <= i + 8 && t.text === ')');
    const tag = close > 0 ? _text.slice(toks[i]!.start, toks[close]!.end).replace(/\s+/g, '') : '';
    if (close > 0 && /^\([A-Z][A-Za-z.]*(?:[-–][A-Z][A-Za-z.]*)*\)$/.test(tag)) {
      end = close;
      i = close + 1;
    }
  }
  if (withAppositive && toks[i]?.text === ',') {
    // "said Abu Alaa, head of the group, which …": keep the appositive up to the next comma.
    let j = i + 1;
    while (j < toks.length && toks[j]!.text !== ',' && !/^[.!?]$/.test(toks[j]!.text) && j < i + 16) j++;
    const app = toks.slice(i + 1, j);
    // "said Jo Lee, a lawyer who runs the clinic": a relative clause inside the appositive.
    const relative = app.findIndex((t) => /^(who|whom|that)$/i.test(t.text));
    const verb = app.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
    if (
      app.length > 0 &&
      /^(DET|NOUN|ADJ|PROPN)$/.test(app[0]!.pos) &&
      (verb < 0 || (relative > 0 && relative < verb && (j >= toks.length || /^[.!?]$/.test(toks[j]!.text))))
    ) {
      end = j - 1;
      i = j;
    } else if (/^(who|whose)$/i.test(app[0]?.text ?? '')) {
      // "said Jo Lee, who served as mayor for a decade.": the relative clause describes the speaker.
      let k = i + 1;
      while (k < toks.length && !/^[.!?;“”"]$/.test(toks[k]!.text) && k < i + 26) k++;
      if (k >= toks.length || /^[.!?]$/.test(toks[k]!.text)) {
        end = k - 1;
        i = k;
      }
    }
  }
  return { span: { start: toks[from]!.start, end: toks[end]!.end }, next: i };
}

/**
 * Whether an auxiliary follows before the clause's next punctuation mark ("… were shelved").
 *
 * @example laterAuxiliary(tokens('The tax plans to cut rates were shelved'), 4) // true
 */
export function laterAuxiliary(toks: Token[], from: number): boolean {
  for (let j = from; j < toks.length; j++) {
    if (/^[,;.:!?]$/.test(toks[j]!.text)) return false;
    if (toks[j]!.pos === 'AUX') return true;
  }
  return false;
}

const CLAUSE_BREAK = /^(especially|while|whereas|although|though|but|according|despite|yet|aside|not)$/i;

/**
 * Where reported content ends inside its sentence: before a clause the writer adds after it
 * (", which …", ", further raising …", "; …", " — …"), or before a second predicate of the
 * speaker ("declined the offer and has since left").
 *
 * @example clauseEnd(tokens('said the dam held, which surprised engineers'), 1) // index of the comma
 */
export function clauseEnd(toks: Token[], from: number): number {
  let quoteDepth = 0;
  let hasVerb = false;
  for (let j = from + 1; j < toks.length; j++) {
    const t = toks[j]!;
    // What the loop asks of every token, answered from its length and characters (as the patterns would).
    const mark = t.text.length === 1 ? t.text.charCodeAt(0) : -1;
    const andBut = isAndOrBut(t.text);
    if (mark === 0x201c || mark === 0x201d || mark === 34)
      quoteDepth =
        t.text === '“' ? quoteDepth + 1 : t.text === '”' ? Math.max(0, quoteDepth - 1) : 1 - quoteDepth;
    // Two apostrophes written for a double quotation mark (''…'').
    if (t.text === "'" && toks[j + 1]?.text === "'" && toks[j + 1]!.start === t.end) {
      quoteDepth = quoteDepth > 0 ? quoteDepth - 1 : 1;
      j++;
      continue;
    }
    if (quoteDepth > 0) continue;
    if (mark === 59 || mark === 0x2014 || mark === 0x2015 || mark === 0x2013 || t.text === '--') return j;
    // "admires Putin as a “strong leader,” comparing him …": a comma inside the closing quote
    // ends the clause as one outside it would.
    const closedWithComma = (mark === 0x201d || mark === 34) && toks[j - 1]?.text === ',';
    const next = toks[j + 1];
    const at = closedWithComma ? j + 1 : j;
    if ((t.text === ',' || closedWithComma) && next) {
      if (CLAUSE_BREAK.test(next.text)) return at;
      // "…, as the nominee looks to …": a clause of the writer's own.
      if (
        /^as$/i.test(next.text) &&
        /^(DET|PRON|PROPN)$/.test(toks[j + 2]?.pos ?? '') &&
        toks.slice(j + 3, j + 8).some((x) => x.pos === 'VERB' || x.pos === 'AUX')
      )
        return at;
      // "…, Ham also noted …": a second report spliced on with a comma.
      let n = j + 1;
      while (n < toks.length && n <= j + 4 && /^(PROPN|PRON)$/.test(toks[n]!.pos)) n++;
      if (n > j + 1 && toks[n]?.pos === 'ADV') n++;
      if (n > j + 1 && cueEntry(toks[n]?.text ?? '')?.strength === 'speech' && toks[n]!.pos === 'VERB')
        return at;
      if (next.pos === 'VERB' && /ing$/.test(next.text) && !/^including$/i.test(next.text)) return at;
      if (/^even$/i.test(next.text) && toks[j + 2]?.pos === 'VERB' && /ing$/.test(toks[j + 2]!.text))
        return at;
      // "…, and when pressed on why …, she said": a subordinate clause after "and" starts a new sentence part.
      if (
        next.text.toLowerCase() === 'and' &&
        hasVerb &&
        /^(when|if|while|as|after|before|since|although|though)$/i.test(toks[j + 2]?.text ?? '')
      )
        return at;
      if (
        next.text.toLowerCase() === 'and' &&
        hasVerb &&
        toks.slice(j + 2, j + 6).some((x) => x.pos === 'VERB' || x.pos === 'AUX') &&
        /^(PRON|PROPN|DET)$/.test(toks[j + 2]?.pos ?? '')
      )
        return at;
    }
    if (
      andBut &&
      !hasVerb &&
      next &&
      (next.pos === 'AUX' || (next.pos === 'VERB' && !/ing$/.test(next.text)))
    )
      return j;
    // "… mishandled it and Democrats accused …": a new subject with a speech verb starts a new report.
    if (andBut && hasVerb && next && /^(PROPN|NOUN)$/.test(next.pos)) {
      let n = j + 1;
      while (n < toks.length && n <= j + 3 && /^(PROPN|NOUN)$/.test(toks[n]!.pos)) n++;
      const verb = toks[n];
      if (verb && verb.pos === 'VERB' && cueEntry(verb.text) && !/ing$/.test(verb.text)) return j;
    }
    // "… and said she …", "… and suggested that …": a second report by the same speaker.
    if (andBut && next) {
      const verbAt = /^(also|then|later)$/i.test(next.text) ? j + 2 : j + 1;
      const verb = toks[verbAt];
      if (
        verb &&
        verb.pos === 'VERB' &&
        /(ed|said|told|wrote|s)$/.test(verb.text) &&
        cueEntry(verb.text)?.strength === 'speech'
      )
        return j;
      // "…, and plans to cut taxes", "…, and calling for new bases": a second position of the
      // speaker's, after a comma, is a report of its own.
      // The tagger may read "plans" in "and plans to cut" as a noun.
      const verbLike =
        verb &&
        (verb.pos === 'VERB' ||
          (verb.pos === 'NOUN' && /s$/.test(verb.text) && /^to$/i.test(toks[verbAt + 1]?.text ?? '')));
      const strength = verbLike ? cueEntry(verb.text)?.strength : undefined;
      if (toks[j - 1]?.text === ',' && (strength === 'speech' || strength === 'stance')) return j - 1;
    }
    if (
      t.text.length >= 5 &&
      /[”"]$/.test(toks[j - 1]?.text ?? '') &&
      /^(though|although|while|whereas)$/i.test(t.text)
    )
      return j;
    if (t.pos === 'VERB' || t.pos === 'AUX') hasVerb = true;
  }
  return toks.length;
}

/** `/^(and|but)$/i.test(word)`, from the letters: ASCII letters compared without case, as the pattern does. */
function isAndOrBut(word: string): boolean {
  if (word.length !== 3) return false;
  const a = word.charCodeAt(0) | 0x20;
  const b = word.charCodeAt(1) | 0x20;
  const c = word.charCodeAt(2) | 0x20;
  return (a === 97 && b === 110 && c === 100) || (a === 98 && b === 117 && c === 116);
}

/** The words an anonymity clause opens with (its first token must start with one). */
const ANONYMITY_OPENER =
  /^(?:was|were|is|are|has|had|have|asked|asking|requested|requesting|spoke|speaking|declined|declining|refused|refusing|wished|insisted|insisting|agreed|agreeing|not|who)/;

/**
 * A clause on how a source spoke, from its verb at `k`: "asked not to be named", "spoke on
 * condition of anonymity", "declined to be identified", "was not authorized to speak publicly".
 *
 * @example anonymityClause(tokens('who asked not to be named'), 1) // true
 */
export function anonymityClause(toks: Token[], k: number): boolean {
  // The clause's first word opens the joined words: without one of its openers, nothing to read.
  const first = toks[k];
  if (!first || !ANONYMITY_OPENER.test(first.text.toLowerCase())) return false;
  const words = toks
    .slice(k, k + 10)
    .map((t) => t.text.toLowerCase())
    .join(' ');
  return /^(?:(?:was|were|is|are|has|had|have)\s+)?(?:asked|asking|requested|requesting|spoke|speaking|declined|declining|refused|refusing|wished|insisted|insisting|agreed|agreeing|not|who)\b.*?\b(?:not (?:to )?be (?:named|identified|quoted)|anonymity|on condition|without being (?:named|identified)|authori[sz]ed to (?:speak|talk|comment|discuss))/.test(
    words,
  );
}
