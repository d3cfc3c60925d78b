import { objectList } from '../../stage.js';
import type { AttributionForm, CueStance } from '../../types/attribution.js';
import type { Sentence, Token } from '../../types/sentence.js';
import type { Span } from '../../types/span.js';
import { type CueEntry, cueEntry, cueTense, tokenTexts } from './cue-lexicon.js';
import { headlineReport } from './headline.js';
import {
  ATTITUDE,
  INTENT_NOUN,
  NOUN_CUE,
  POSITION_NOUN,
  readAttitude,
  readNounCue,
  readPositionNoun,
} from './noun-cues.js';
import {
  anonymityClause,
  CUE_AUX,
  clauseEnd,
  clauseSubject,
  firstContentIdx,
  laterAuxiliary,
  nounPhraseAfter,
  nounPhraseBefore,
  TIME_WORD,
  trimContent,
  withRelativeClause,
} from './phrases.js';
import { findQuotes, firstQuoteFrom, lastQuoteEndingBy, type Quote } from './quotes.js';

/** An attribution as found in the text, before its speaker is resolved. */
export interface FoundAttribution {
  readonly source: Span | null;
  readonly cue: Span | null;
  readonly content: Span;
  readonly form: AttributionForm;
  readonly stance: CueStance;
  readonly cueTense: 'past' | 'present' | 'future' | 'perfect' | 'unknown';
  /** The cue's lemma ("say", "according to"), for speaker kinds such as social-media posts. */
  readonly cueLemma: string;
  /** `speech` reports words; `stance` reports a position ("wants", "criticized"). */
  readonly cueKind: 'speech' | 'stance';
  readonly confidence: number;
}

/** What a cue tells before its report is read: the cue's span, stance, tense, lemma and kind. */
interface CueBase {
  readonly cue: Span;
  readonly stance: CueStance;
  readonly cueTense: FoundAttribution['cueTense'];
  readonly cueLemma: string;
  readonly cueKind: FoundAttribution['cueKind'];
}

/** A report read from a cue: one literal with every field in one order (one object shape for all). */
function report(
  base: CueBase,
  source: Span | null,
  content: Span,
  form: AttributionForm,
  confidence: number,
  cue: Span = base.cue,
  cueKind: FoundAttribution['cueKind'] = base.cueKind,
): FoundAttribution {
  return {
    source,
    cue,
    content,
    form,
    stance: base.stance,
    cueTense: base.cueTense,
    cueLemma: base.cueLemma,
    cueKind,
    confidence,
  };
}

/** The same report with another content. */
function withContent(f: FoundAttribution, content: Span): FoundAttribution {
  return {
    source: f.source,
    cue: f.cue,
    content,
    form: f.form,
    stance: f.stance,
    cueTense: f.cueTense,
    cueLemma: f.cueLemma,
    cueKind: f.cueKind,
    confidence: f.confidence,
  };
}

/** Forms that are reporting verbs whatever tag the tagger gives them. */
const ALWAYS_VERB = new Set([
  'said',
  'says',
  'told',
  'stated',
  'tweeted',
  'wrote',
  'added',
  'noted',
  'claimed',
  'alleged',
  'denied',
  'saying',
]);

/** Nouns that make a subject a speaker for weak cues ("the source provided…"). */
const SPEAKER_HEAD =
  /^(sources?|officials?|spokes(?:man|woman|person|people)|ministers?|ministry|commanders?|officers?|witness(?:es)?|residents?|statements?|agency|group|army|military|police|government|president|leader|activists?|organi[sz]ation|observatory|reporters?|journalists?|analysts?|experts?|he|she|they|it)$/i;

/** "this month", "on Monday", "last week" between a speaker and the cue. */
const TIME_SPAN_WORD =
  /^(this|last|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|night|afternoon|evening)$/i;

/**
 * Finds who-said-what in a text from its sentences and tokens: direct quotes (with the cue
 * before, after or inside them), indirect speech, "according to X", "as X reported", and
 * impersonal passives ("it was reported that…"). Each token joins at most one attribution.
 *
 * @example findAttributions(text, tokens, sentences) // [{source, cue, content, form: 'indirect', …}]
 */
export function findAttributions(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
): FoundAttribution[] {
  const all = findQuotes(text);
  const quotes = all.filter((q) => isSpeechQuote(text, q));
  // Next to a cue even a short quote is speech ("“I would,” she said"), but not a title after a preposition.
  const loose = all.filter(
    (q) => isSpeechQuote(text, q) || /[,.!?]\s*[”"']*$/.test(text.slice(q.start, q.end)),
  );
  const joined = joinAbbreviations(text, sentences);
  const bySentence = groupBySentence(tokens, joined);
  // What each token may open (a cue, an impersonal reading), read once per token from its word's memo.
  const classes = wordClasses(bySentence);
  const found: FoundAttribution[] = [];
  // Character masks keep long texts linear: what is already attributed, and what is inside speech.
  const takenMask = clearedMask(0, text.length + 1);
  const isTaken = (at: number) => takenMask[at] === 1;
  const take = (spans: Span[]) => {
    for (const s of spans) takenMask.fill(1, s.start, s.end);
  };
  const quoteMask = clearedMask(1, text.length + 1);
  for (const q of quotes) quoteMask.fill(1, q.start + 1, q.end);
  const quoteAt = new Map(quotes.map((q) => [q.start, q]));
  // A labelled line ("SMITH: …", "Poll: …") is one report; the verbs inside it are the speaker's words.
  // A label's colon is followed by a space or a tab: a text without one has no labelled line.
  const colons = text.includes(': ') || text.includes(':\t');
  for (const labelled of colons ? colonLines(text) : []) {
    found.push(labelled);
    take([labelled.content, labelled.cue!]);
  }
  // A title-case headline ("Mayor Slams Plan To Close Clinic") is read from its words, not its tags.
  const headline = headlineReport(text, bySentence[0] ?? []);
  if (headline && !isTaken(headline.content.start) && !isTaken(headline.cue!.start)) {
    found.push(headline);
    take([headline.content, headline.cue!]);
  }
  // "Some Americans would see their taxes rise, according to an analysis": the trailing frame
  // holds the whole clause, so it is read before the verbs inside that clause.
  for (let n = 0; n < joined.length; n++) {
    const sentence = joined[n]!;
    const toks = bySentence[n] ?? [];
    for (let k = 1; k < toks.length - 1; k++) {
      // The lengths first: only a nine-letter word lower-cases to "according".
      if (toks[k]!.text.length !== 9 || toks[k + 1]!.text.length !== 2) continue;
      if (toks[k]!.text.toLowerCase() !== 'according' || toks[k + 1]!.text.toLowerCase() !== 'to') continue;
      if (
        k === firstContentIdx(toks) ||
        (quoteMask[toks[k]!.start] === 1 && quoteMask[toks[k]!.end - 1] === 1)
      )
        continue;
      const hit = readAccordingTo(text, toks, k, sentence, quotes);
      if (!hit || hit.content.end <= hit.content.start || hit.content.end > toks[k]!.start) continue;
      const spans = [hit.content, hit.cue].filter((s): s is Span => s !== null);
      if (spans.some((s) => isTaken(s.start) || isTaken(Math.max(s.start, s.end - 1)))) continue;
      found.push(hit);
      take(spans);
    }
  }
  for (let n = 0; n < joined.length; n++) {
    const sentence = joined[n]!;
    const toks = bySentence[n] ?? [];
    for (let k = 0; k < toks.length; k++) {
      const tok = toks[k]!;
      if (quoteMask[tok.start] === 1 && quoteMask[tok.end - 1] === 1) continue;
      if ((classes.of[classes.from[n]! + k]! & MAY_BE_CUE) === 0) continue;
      if (isTaken(tok.start)) {
        // A second report inside the content of one already read ends that content (each word
        // plays one part in one report): "The governor wrote that … and urged residents to …".
        const outer = found.findIndex((f) => f.content.start < tok.start && tok.end <= f.content.end);
        const inner = outer >= 0 ? nestedReport(text, toks, k, sentence, quotes, found[outer]!) : null;
        if (!inner) continue;
        const cut = found[outer]!;
        takenMask.fill(0, inner.cutAt, cut.content.end);
        found[outer] = withContent(cut, inner.kept);
        found.push(inner.hit);
        take([inner.hit.content, inner.hit.cue!]);
        continue;
      }
      let hit =
        tok.text.length === 9 &&
        tok.text.toLowerCase() === 'according' &&
        toks[k + 1]?.text.toLowerCase() === 'to'
          ? readAccordingTo(text, toks, k, sentence, quotes)
          : (readCue(text, toks, k, sentence, quotes, loose) ??
            readNounCue(text, toks, k, sentence) ??
            readPositionNoun(text, toks, k, sentence) ??
            readAttitude(text, toks, k, sentence));
      if (!hit) continue;
      if (hit.content.end <= hit.content.start) continue;
      // Content that opens a quotation runs to its close ("According to X, “… . …”").
      const opened = quoteAt.get(hit.content.start);
      if (opened && opened.end > hit.content.end)
        hit = withContent(hit, { start: hit.content.start, end: opened.end });
      // A speaker may report twice ("He defended it, saying …"); content and cue are used once.
      const spans = [hit.content, hit.cue].filter((s): s is Span => s !== null);
      if (spans.some((s) => isTaken(s.start) || isTaken(Math.max(s.start, s.end - 1)))) {
        // The quote before the cue already belongs to someone: read the cue without it.
        const retry =
          (hit.form === 'direct-quote' || hit.form === 'mixed') &&
          readCue(text, toks, k, sentence, quotes, []);
        if (!retry) continue;
        const again = [retry.content, retry.cue].filter((s): s is Span => s !== null);
        if (again.some((s) => isTaken(s.start) || isTaken(Math.max(s.start, s.end - 1)))) continue;
        found.push(retry);
        take(again);
        continue;
      }
      found.push(hit);
      take(spans);
    }
  }
  for (let n = 0; n < joined.length; n++) {
    const sentence = joined[n]!;
    for (const hit of impersonal(text, bySentence[n] ?? [], sentence, classes.of, classes.from[n]!)) {
      const spans = [hit.content, hit.cue].filter((s): s is Span => s !== null);
      if (spans.some((s) => isTaken(s.start) || isTaken(s.end - 1))) continue;
      found.push(hit);
      take(spans);
    }
  }
  for (const signed of signedQuotes(text, quotes)) {
    if ([signed.content, signed.source].some((s) => s && (isTaken(s.start) || isTaken(s.end - 1)))) continue;
    found.push(signed);
    take([signed.content]);
  }

  found.sort((a, b) => a.content.start - b.content.start);
  // A paragraph that is only a quotation goes on with the quotation just before it: one content
  // over both paragraphs, as a quotation broken by its cue is one content.
  for (const q of quotes) {
    if (isTaken(q.start) || isTaken(q.end - 1) || q.words < 4) continue;
    const at = continuedSpeaker(text, q, found);
    if (at < 0) continue;
    const last = found[at]!;
    found[at] = withContent(last, { start: last.content.start, end: q.end });
    take([{ start: last.content.end, end: q.end }]);
  }
  return found;
}

// Two masks over the characters of the text being read, kept between texts (a fresh pair of
// typed arrays per text cost more than clearing them): a view of `length` cleared characters.
const MASKS = [new Uint8Array(4096), new Uint8Array(4096)];

function clearedMask(which: 0 | 1, length: number): Uint8Array {
  if (MASKS[which]!.length < length)
    MASKS[which] = new Uint8Array(Math.max(length, 2 * MASKS[which]!.length));
  const mask = MASKS[which]!.subarray(0, length);
  mask.fill(0);
  return mask;
}

/**
 * Which found report a paragraph that is nothing but a quotation continues: the one whose
 * quotation ends the paragraph before ("“…,” the mayor said. ¶ “And we will need help.”"), or -1.
 * News style leaves such paragraphs unsigned; they carry no cue of their own.
 */
function continuedSpeaker(text: string, q: Quote, found: readonly FoundAttribution[]): number {
  const lineStart = text.lastIndexOf('\n', q.start - 1) + 1;
  const lineEnd = text.indexOf('\n', q.end);
  if (
    text.slice(lineStart, q.start).trim() !== '' ||
    text.slice(q.end, lineEnd < 0 ? text.length : lineEnd).trim() !== ''
  )
    return -1;
  // The paragraph before, with nothing but blank lines between.
  const gap = text.slice(0, lineStart).search(/\s*$/);
  const prevEnd = gap < 0 ? lineStart : gap;
  const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
  let at = -1;
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (
      f.content.end <= lineStart &&
      f.content.end > prevStart &&
      (at < 0 || f.content.end > found[at]!.content.end)
    )
      at = i;
  }
  const last = found[at];
  if (!last?.source || (last.form !== 'direct-quote' && last.form !== 'mixed')) return -1;
  // The previous paragraph must end with that quotation (and its cue), not with the writer's words.
  const tail = text.slice(Math.max(last.content.end, last.cue?.end ?? 0, last.source.end), prevEnd);
  if (!/^[\s,”"’]*[^.!?“”"]{0,60}[.!?]?[\s”"’]*$/.test(tail) || /[“"]/.test(tail)) return -1;
  return at;
}

/**
 * A report whose cue at `k` lies inside the content of `outer`: read it, and say where the outer
 * content must now end (before the inner speaker or cue) and what is kept of it. Null when the
 * inner reading fails, reaches back before its cue, or would leave the outer content empty.
 */
function nestedReport(
  text: string,
  toks: Token[],
  k: number,
  sentence: Sentence,
  quotes: Quote[],
  outer: FoundAttribution,
): { hit: FoundAttribution; kept: Span; cutAt: number } | null {
  if (
    !outer.cue ||
    outer.cue.end > toks[k]!.start ||
    outer.content.start < outer.cue.end ||
    /^[:―—–-]/.test(text.slice(outer.cue.start))
  )
    return null;
  if (!/^(indirect|statement|passive)$/.test(outer.form) || /^[“"‘']/.test(text.slice(outer.content.start)))
    return null;
  const hit = readCue(text, toks, k, sentence, quotes, []);
  if (!hit?.cue || hit.form !== 'indirect' || hit.content.start < hit.cue.end) return null;
  if (hit.content.end > outer.content.end) return null;
  const inside = hit.source && hit.source.start > outer.content.start && hit.source.end <= hit.cue.start;
  if (hit.source && !inside && hit.source.start >= outer.content.start) return null;
  // "blaming what aid groups described as …": a relative "what" keeps the report inside.
  if (hit.source && /\bwhat\b|^[a-z]+ing\b/.test(text.slice(hit.source.start, hit.source.end))) return null;
  // "Witnesses say the driver sped past and refused to …": a verb joined inside the reported clause has
  // that clause's subject; only a second report in the speaker's own tense is the speaker's.
  const entry = cueEntry(toks[k]!.text);
  // "…, even suggesting the grid had been sabotaged": a participle after a comma is the speaker's.
  const participle = /ing$/i.test(toks[k]!.text) && /^,$/.test(text.slice(0, hit.cue.start).trim().slice(-1));
  if (!inside && (entry?.strength === 'weak' || (hit.cueTense !== outer.cueTense && !participle)))
    return null;
  const cutAt = inside ? hit.source!.start : hit.cue.start;
  let end = cutAt;
  // Connectives and asides left between the two reports go with neither; without one ("what
  // she called", "the funds he says he raised") the inner report is part of the outer content.
  for (;;) {
    const before = text.slice(outer.content.start, end);
    const m = /(?:[\s,;:—–-]+|\s+(?:and|but|or|while|even|also|then|as well as|further)\b)$/i.exec(before);
    if (!m || m[0].length === 0) break;
    end -= m[0].length;
  }
  if (!/[,;:—–]|\b(?:and|but|or|while|even)\b/i.test(text.slice(end, cutAt))) return null;
  const kept = trimContent(text, outer.content.start, end);
  if (!kept || text.slice(kept.start, kept.end).split(/\s+/).length < 2) return null;
  // "feared that if the canal stayed shut, the harvest would …": the main clause follows.
  if (
    /^(?:that\s+)?(?:if|when|whenever|while|because|although|though|as|after|before|since|once|unless|until|at|in|on)\b/i.test(
      text.slice(kept.start, kept.end),
    ) &&
    /,$/.test(text.slice(kept.start, cutAt).trim())
  )
    return null;
  return { hit, kept, cutAt };
}

/** Labels before a colon that head a section or a note, not a speaker. */
const NOT_A_SPEAKER =
  /^(?:correction|clarification|editor['’]?s note|update[ds]?|source|sources|note|video|photo|watch|read more|related|the latest|see also|caption|credit|disclosure|warning|breaking|exclusive|live|transcript|full speech)\b/i;

/**
 * A line that a colon splits into a label and what the label's bearer says:
 * a transcript's speaker ("SMITH: Well, …"), a label before a quotation ("Senator Lee: “…”"),
 * or a headline ("Poll: Voters split on tax plan", "Mayor on the budget: Cuts are coming").
 */
function colonLines(text: string): FoundAttribution[] {
  const out: FoundAttribution[] = [];
  const re = /^([ \t]*["“]?)([^\n:"“”]{1,60}?)[ \t]*:[ \t]+(\S[^\n]*)$/gm;
  let firstLine = true;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const headline = firstLine && m.index === 0;
    firstLine = false;
    const label = m[2]!.trim();
    if (NOT_A_SPEAKER.test(label) || !/^[A-Z]/.test(label)) continue;
    const words = label.split(/\s+/);
    const said = m[3]!;
    const labelStart = m.index + m[1]!.length;
    const colon = m.index + m[0].indexOf(':', m[1]!.length + m[2]!.length);
    const saidStart = m.index + m[0].length - said.length;
    const speakerLabel = words.length <= 3 && /^[A-Z][A-Z.'’ -]+$/.test(label) && /[A-Z]{3}/.test(label);
    // "Trump said: “…”" is read from its verb; a bare label ("Mayor Lee: “…”") is read here.
    const quoted =
      /^[“"‘']/.test(said) &&
      words.length <= 8 &&
      !m[1]!.trim() &&
      !words.some((w, i) => (/^[a-z]/.test(w) || i === 0) && cueEntry(w) !== null);
    const titled =
      headline &&
      words.length <= 5 &&
      said.split(/\s+/).length >= 3 &&
      !m[1]!.trim() &&
      words.every((w) => /^[A-Z0-9]/.test(w) || /^(on|of|for|to|the|a|and|in|at|with)$/.test(w));
    if (!speakerLabel && !quoted && !titled) continue;
    // "Mayor on the Budget: …": the topic after "on" is not the speaker.
    const on = /\s(?:on|about|to)\s/.exec(label);
    const name = titled && on ? label.slice(0, on.index) : label;
    let end = m.index + m[0].length;
    while (end > saidStart && /[\s,;:(—–-]/.test(text[end - 1]!)) end--;
    if (end <= saidStart) continue;
    out.push({
      source: { start: labelStart, end: labelStart + name.length },
      cue: { start: colon, end: colon + 1 },
      content: { start: saidStart, end },
      form: quoted ? 'direct-quote' : 'indirect',
      stance: 'neutral',
      cueTense: 'unknown',
      cueLemma: 'say',
      cueKind: 'speech',
      confidence: speakerLabel ? 0.7 : 0.55,
    });
  }
  return out;
}

/** Quotes signed with a dash and a name at the end of a line: "“…” ― Jane Doe". */
function signedQuotes(text: string, quotes: readonly Quote[]): FoundAttribution[] {
  const out: FoundAttribution[] = [];
  for (const q of quotes) {
    const m =
      /^[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*([A-Z][\p{L}.'’-]*(?:[ \t\u00a0]+[A-Z][\p{L}.'’-]*){0,4})[ \t\u00a0.]*(?:\n|$)/u.exec(
        text.slice(q.end, q.end + 80),
      );
    if (!m) continue;
    const cueStart = q.end + m[0].indexOf(m[1]!);
    const nameStart = q.end + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
    const name = m[2]!.replace(/\.$/, '');
    out.push({
      source: { start: nameStart, end: nameStart + name.length },
      cue: { start: cueStart, end: cueStart + m[1]!.length },
      content: { start: q.start, end: q.end },
      form: 'direct-quote',
      stance: 'neutral',
      cueTense: 'unknown',
      cueLemma: 'sign',
      cueKind: 'speech',
      confidence: 0.7,
    });
  }
  return out;
}

function groupBySentence(tokens: readonly Token[], sentences: readonly Sentence[]): Token[][] {
  // Object lists, never mapped or empty literals (see `objectList`): the readers see one kind.
  const out = objectList<Token[]>();
  for (let n = 0; n < sentences.length; n++) out.push(objectList<Token>());
  let n = 0;
  // Tokens come in text order: only tokens out of order need a sorted copy.
  let sorted = true;
  for (let i = 1; i < tokens.length && sorted; i++) sorted = tokens[i - 1]!.start <= tokens[i]!.start;
  for (const t of sorted ? tokens : [...tokens].sort((a, b) => a.start - b.start)) {
    while (n < sentences.length && sentences[n]!.end <= t.start) n++;
    if (n >= sentences.length) break;
    if (t.start >= sentences[n]!.start) out[n]!.push(t);
  }
  return out;
}

const TITLE_ABBREVIATION =
  /\b(?:Mr|Mrs|Ms|Dr|Rev|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Prof|St|Jr|Sr|Gens?)\.$/;

/** Rejoins sentences split after a title ("said the Rev. | Peter Wherry"), on one line. */
function joinAbbreviations(text: string, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    // After "Sen." or "(D-Mo.)" the tagger may end a sentence; a lower-case start says it did not end.
    // (The title pattern ends in a full stop: a sentence ending otherwise is not tested.)
    const first = text.charCodeAt(s.start);
    if (
      last &&
      ((first >= 97 && first <= 122) ||
        (text.charCodeAt(last.end - 1) === 46 &&
          TITLE_ABBREVIATION.test(text.slice(last.start, last.end)))) &&
      !text.slice(last.end, s.start).includes('\n')
    ) {
      out[out.length - 1] = { ...last, end: s.end };
    } else out.push(s);
  }
  // Only a text with two apostrophes in a row has a quotation closed by them.
  if (!text.includes("''")) return out;
  return out.flatMap((s) => splitAfterClosedQuote(text, s));
}

/**
 * A sentence the segmenter left whole after a quotation closed by two apostrophes: "… our
 * policy.'' The network said …" is two sentences.
 */
function splitAfterClosedQuote(text: string, s: Sentence): Sentence[] {
  const inner = text.slice(s.start, s.end);
  const re = /[.!?]''(?=[ \t]+[A-Z])/g;
  const parts: Sentence[] = [];
  let from = s.start;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    const end = s.start + m.index + m[0].length;
    parts.push({ ...s, start: from, end });
    from = end;
    while (from < s.end && /\s/.test(text[from]!)) from++;
  }
  if (parts.length === 0) return [s];
  parts.push({ ...s, start: from, end: s.end });
  return parts;
}

/** Speech has words: a quoted one- or two-word phrase is a title, a term or a scare quote. */
function isSpeechQuote(text: string, q: Quote): boolean {
  if (q.words >= 4) return true;
  const inner = text.slice(q.start + 1, q.end - (q.closed ? 1 : 0));
  return q.words >= 3 && /[,.!?]\s*$/.test(inner);
}

function readCue(
  text: string,
  toks: Token[],
  k: number,
  sentence: Sentence,
  quotes: Quote[],
  loose: Quote[] = quotes,
): FoundAttribution | null {
  const tok = toks[k]!;
  const lower = tok.text.toLowerCase();
  // "as a ministry memo put it, …": "put it" says.
  const putIt =
    /^(put|puts)$/.test(lower) &&
    /^it$/i.test(toks[k + 1]?.text ?? '') &&
    toks.slice(Math.max(0, k - 14), k).some((t) => /^as$/i.test(t.text));
  const phrasal = putIt
    ? { lemma: 'put it', stance: 'neutral' as const, strength: 'speech' as const }
    : phrasalCue(toks, k);
  let entry = cueEntry(lower) ?? phrasal;
  if (!entry) return null;
  const progressive = /ing$/.test(lower) && /^(is|are|was|were|been|by)$/i.test(toks[k - 1]?.text ?? '');
  // "has also detailed", "had long opposed": after a perfect auxiliary the form is a verb.
  const perfect =
    /(ed|en|wn|ught|ld|id)$/.test(lower) &&
    (/^(has|have|had)$/i.test(toks[k - 1]?.text ?? '') ||
      (toks[k - 1]?.pos === 'ADV' && /^(has|have|had)$/i.test(toks[k - 2]?.text ?? '')));
  // "… a fine, and plans to cut the cost": a joined third-person form before an infinitive is a verb.
  const joinedVerb =
    tok.pos === 'NOUN' &&
    /s$/.test(lower) &&
    /^(and|but)$/i.test(toks[k - 1]?.text ?? '') &&
    /^to$/i.test(toks[k + 1]?.text ?? '') &&
    toks[k + 2]?.pos === 'VERB';
  // "Deploring the …, the governor …": a capitalised participle opening the sentence is still a verb.
  const opening = (/ing$/.test(lower) && k === firstContentIdx(toks) && toks.length > k + 3) || putIt;
  if (
    tok.pos !== 'VERB' &&
    !ALWAYS_VERB.has(lower) &&
    !verbBetween(toks, k) &&
    !progressive &&
    !perfect &&
    !opening &&
    !joinedVerb
  )
    return null;
  const prev = toks[k - 1];
  if (prev && /^(the|a|an|this|that|these|those|his|her|its|their)$/i.test(prev.text)) return null;
  // "attacked the checkpoint, killing two": an assault, unless a reason or a frame follows.
  if (
    entry.lemma === 'attack' &&
    !/^\S+\s+[^.;]*?(?:\bas an?\b|\bfor (?:his|her|their|its|being|not|\w+ing)\b|\bover (?:his|her|their|its)\b|[“"])/.test(
      text.slice(tok.start, sentence.end),
    )
  )
    return null;
  // "Will the council accept the offer?": a question asks, it reports no position.
  if (
    /\?\s*$/.test(text.slice(sentence.start, sentence.end)) &&
    /^(?:will|would|did|does|do|is|are|was|were|can|could|should|has|have|had)\b/i.test(
      text.slice(sentence.start, tok.start),
    )
  )
    return null;
  // "Additional reporting by …", "Jo Lee reported from Erbil": a byline, not a report.
  if (
    entry.lemma === 'report' &&
    (/^(additional|contributing)$/i.test(prev?.text ?? '') ||
      (/^(from|by)$/i.test(toks[k + 1]?.text ?? '') &&
        !toks.slice(k + 2).some((t) => t.pos === 'AUX' || t.pos === 'VERB' || /^that$/i.test(t.text))))
  )
    return null;
  // "Let's say …": an invitation to suppose, not a report.
  if (/^['’]s$/.test(prev?.text ?? '') && /^let$/i.test(toks[k - 2]?.text ?? '')) return null;
  // "who asked not to be named", "speaking on condition of anonymity": how the source spoke, not what.
  if (anonymityClause(toks, k)) return null;
  // "a group calling itself X": naming, not speech.
  if (entry.lemma === 'call' && /^(itself|themselves|himself|herself)$/i.test(toks[k + 1]?.text ?? ''))
    return null;
  // "a group known as X": naming, not knowledge.
  if (entry.lemma === 'know' && /^as$/i.test(toks[k + 1]?.text ?? '')) return null;
  let cueEndIdx = phrasal && !cueEntry(lower) ? k + 1 : k;
  // "X was quoted as saying": the whole phrase is the cue and X the speaker.
  if (
    lower === 'quoted' &&
    toks[k + 1]?.text.toLowerCase() === 'as' &&
    /^(saying|telling)$/i.test(toks[k + 2]?.text ?? '')
  ) {
    cueEndIdx = k + 2;
    entry = cueEntry('say')!;
  }
  let a = k;
  // Auxiliaries and manner adverbs belong to the cue: "has steadfastly refused", "boldly suggested".
  for (;;) {
    if (
      a > 0 &&
      (CUE_AUX.has(toks[a - 1]!.text.toLowerCase()) ||
        (toks[a - 1]!.pos === 'ADV' && /ly$/.test(toks[a - 1]!.text)))
    )
      a--;
    // "Officials on Monday said", "Wells Fargo this month announced": the time goes with the cue.
    else if (a > 2 && TIME_SPAN_WORD.test(toks[a - 1]!.text) && /^(on|this|last)$/i.test(toks[a - 2]!.text))
      a -= 2;
    // "…, even suggesting the grid was sabotaged": "even" goes with a participle.
    else if (a > 1 && /ing$/.test(lower) && /^even$/i.test(toks[a - 1]!.text)) a--;
    // "continues to insist", "went on to say", "tried to downplay": the verb before "to" carries the report.
    else if (a > 1 && /^to$/i.test(toks[a - 1]!.text) && CATENATIVE.test(toks[a - 2]!.text)) a -= 2;
    else if (
      a > 2 &&
      /^to$/i.test(toks[a - 1]!.text) &&
      /^on$/i.test(toks[a - 2]!.text) &&
      /^(went|goes|go|going)$/i.test(toks[a - 3]!.text)
    )
      a -= 3;
    else break;
  }
  // The words between the start of the cue and its verb, asked of one pattern at a time.
  const auxWord = (re: RegExp) => {
    for (let j = a; j < k; j++) if (re.test(toks[j]!.text.toLowerCase())) return true;
    return false;
  };
  const passive =
    lower !== 'quoted' &&
    /ed$|told|shown|found|written|given|sent|thought|said|known/.test(lower) &&
    auxWord(/^(was|were|is|are|been|be|being)$/);
  // A bare participle after a noun ("the statements issued by") modifies it; it is not a cue.
  if (/ed$|shown|found|written|given|sent/.test(lower) && toks[k + 1]?.text.toLowerCase() === 'by' && a === k)
    return null;
  // "His nonprofit group, called the Virginia Conservation Legacy Fund, …": a name given in an aside.
  if (
    lower === 'called' &&
    a === k &&
    prev?.text === ',' &&
    /^(NOUN|PROPN)$/.test(toks[k - 2]?.pos ?? '') &&
    /^[A-Z“"‘']/.test((toks[k + 1]?.pos === 'DET' ? toks[k + 2] : toks[k + 1])?.text ?? '')
  )
    return null;
  // "a group called Lashkar-e-Taiba": naming, not speech.
  if (
    lower === 'called' &&
    a === k &&
    prev?.pos === 'NOUN' &&
    (toks[k + 1]?.pos === 'PROPN' || (toks[k + 1]?.pos === 'DET' && /^[A-Z]/.test(toks[k + 2]?.text ?? '')))
  )
    return null;
  // "the views expressed in this article": a participle after its noun describes it.
  if (reducedRelative(toks, k)) return null;
  // "Deploring the “sham inquiry,” the governor accused …": a participle opening the sentence is the
  // main clause's subject's; "Asked about the strike, the minister said …" names no asker.
  if (a === k && k === firstContentIdx(toks) && (/ing$/.test(lower) || lower === 'asked')) {
    const fronted = frontedParticiple(text, toks, k, entry);
    if (fronted) return fronted;
  }
  // "armed groups seeking to…": a bare participle of a position verb describes, it does not report.
  // But "…, she said, referencing the report": after a report the participle is the speaker's.
  // "while showing support for …", "despite admitting that …": an adverbial participle is the
  // main clause's subject's.
  const adverbial = /ing$/.test(lower) && a === k && ADVERBIAL_PARTICIPLE.test(prev?.text ?? '');
  const adverbialSubject = adverbial ? mainSubject(text, toks, k - 1) : absoluteSubject(text, toks, k);
  if (
    entry.strength === 'stance' &&
    /ing$/.test(lower) &&
    a === k &&
    !adverbialSubject &&
    !(
      (prev?.text === ',' || commaQuoteBefore(toks, k)) &&
      (speakerBefore(text, toks, k - 1) || clauseSubject(text, toks, k - 1))
    )
  )
    return null;
  // "could not independently verify the image" is a verification disclaimer (a marker), not a report.
  if (/^(verify|confirm|authenticate)$/.test(entry.lemma) && auxWord(/^(not|n't|n’t|unable|cannot)$/))
    return null;
  let cueFirst = a;
  while (cueFirst < k && TIME_SPAN_WORD.test(toks[cueFirst]!.text)) cueFirst++;
  const cue: Span = { start: toks[cueFirst]!.start, end: toks[cueEndIdx]!.end };
  const tense = cueTense(tokenTexts(toks, a, cueEndIdx + 1));
  const base: CueBase = {
    cue,
    stance: entry.stance,
    cueTense: tense,
    cueLemma: entry.lemma,
    cueKind: entry.strength === 'stance' ? ('stance' as const) : ('speech' as const),
  };

  if (passive && toks[cueEndIdx + 1]?.text.toLowerCase() === 'by' && entry.strength !== 'weak') {
    // "His views were echoed by an economist": the agent speaks, the subject is what was said.
    // "is supported by far fewer publications": a degree adverb may open the agent.
    const agent =
      nounPhraseAfter(text, toks, cueEndIdx + 2, false) ??
      (toks[cueEndIdx + 2]?.pos === 'ADV' ? nounPhraseAfter(text, toks, cueEndIdx + 3, false) : null);
    const subject = nounPhraseBefore(text, toks, a);
    if (!agent || !subject) return null;
    // Its content is a noun phrase, not an assertion: claims keep the sentence in the outlet's voice.
    return report(base, agent.span, subject.span, 'passive', 0.55, base.cue, 'stance');
  }
  if (passive && toks[a - 1]?.text.toLowerCase() !== 'it') {
    // "The militia has been accused of abuses", "The strike was confirmed": an agentless passive
    // of a verb of judgement or report puts the whole clause in nobody's named voice.
    if (!AGENTLESS.test(entry.lemma) || toks[cueEndIdx + 1]?.text.toLowerCase() === 'by') return null;
    let from = a;
    while (
      from > 0 &&
      !/^(,|;|:|that|and|but|while|because|after|before|when|as|although|though|if)$/i.test(
        toks[from - 1]!.text,
      )
    )
      from--;
    if (from === a || toks.slice(from, a).some((t) => t.pos === 'VERB' || /^(who|which)$/i.test(t.text)))
      return null;
    let stop = clauseEnd(toks, cueEndIdx);
    // "A curfew was announced at midnight, police did not enforce it": a new clause after a comma.
    for (let j = cueEndIdx + 1; j < stop; j++) {
      if (toks[j]!.text !== ',' || !/^(DET|PRON|PROPN|NOUN)$/.test(toks[j + 1]?.pos ?? '')) continue;
      if (/^(which|who|whom|whose)$/i.test(toks[j + 1]!.text)) continue;
      if (
        toks.slice(j + 2, j + 6).some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.text)))
      ) {
        stop = j;
        break;
      }
    }
    const content = trimContent(
      text,
      toks[from]!.start,
      stop < toks.length ? toks[stop]!.start : sentence.end,
    );
    if (!content || content.end <= cue.end) return null;
    return report(base, null, content, 'passive', 0.5);
  }
  if (passive) {
    // Only the impersonal passive is an attribution: "it was reported that …" (no speaker).
    if (toks[a - 1]?.text.toLowerCase() !== 'it' || !/^(is|was|has|had)$/i.test(toks[a]!.text)) return null;
    if (!/^(that|,)$/i.test(toks[cueEndIdx + 1]?.text ?? '')) return null;
    const content = contentAfter(text, toks, cueEndIdx + 1, sentence, entry);
    if (!content) return null;
    return report(base, null, content, 'passive', 0.6, { start: toks[a - 1]!.start, end: cue.end });
  }

  // Direct quote before the cue: "“…,” said X" / "“…,” X said".
  const before = quoteBefore(text, toks, a, loose, sentence);
  // A title quoted before the speaker ("On “Fox News Sunday,” Pence said his …") falls through to indirect speech.
  // biome-ignore lint/suspicious/noConfusingLabels: one exit from the quote reading back to the indirect reading.
  quoteBranch: if (before) {
    const { quote, sourceBefore } = before;
    let source = sourceBefore;
    let after = cueEndIdx + 1;
    if (!source) {
      const np = nounPhraseAfter(text, toks, after, true);
      if (np) {
        source = np.span;
        after = np.next;
      }
    }
    if (entry.strength === 'weak' && !isSpeakerLike(text, source)) return null;
    if (!before.opens) {
      // "With X, “there is no single point of failure,” he said": the lead-in is part of it;
      // but "On the broadcast of “Fox News Sunday,” Pence said his…" quotes a title.
      // Up to the next comma: "…,” the governor said in June, citing …" ends its tail at the comma.
      const restEnd = toks.findIndex((t, j) => j >= after && t.text === ',');
      const rest = toks
        .slice(after, restEnd < 0 ? toks.length : restEnd)
        .filter((t) => !/^[.!?]$/.test(t.text));
      if (
        rest.length > 0 &&
        !rest.every((t) => TIME_WORD.test(t.text) || /^(PROPN|NUM|PUNCT|DET|ADP|NOUN|ADJ)$/.test(t.pos))
      ) {
        break quoteBranch;
      }
      if (quote.start < sentence.start) break quoteBranch;
      // "… are “not meeting the demand,” says Paul Rieckhoff, founder of … . “We often …”": the
      // quotation goes on in the next sentence.
      const goesOn = continuedQuote(text, toks, after, loose, sentence, quote.end);
      return report(base, source, { start: sentence.start, end: Math.max(goesOn, quote.end) }, 'mixed', 0.7);
    }
    const end = continuedQuote(text, toks, after, loose, sentence, quote.end);
    return report(base, source, { start: quote.start, end }, 'direct-quote', 0.85);
  }

  // "…, arguing that …" and "began by saying …": the clause's subject speaks; "…as a “strong
  // leader,” comparing him …" has its comma inside the closing quote.
  const commaQuote = /^[”"]$/.test(toks[a - 1]?.text ?? '') && toks[a - 2]?.text === ',';
  const participle = (/^(,|by)$/i.test(toks[a - 1]?.text ?? '') || commaQuote) && /ing$/.test(lower);
  const joined = /^(and|but)$/i.test(toks[a - 1]?.text ?? '') || participle || !!adverbialSubject;
  const subject = adverbialSubject
    ? adverbialSubject
    : participle
      ? (speakerBefore(text, toks, a - 1) ?? clauseSubject(text, toks, a - 1))
      : joined
        ? clauseSubject(text, toks, a - 1)
        : a === k && /^to$/i.test(toks[a - 1]?.text ?? '')
          ? infinitiveController(text, toks, a - 1)
          : withRelativeClause(toks, nounPhraseBefore(text, toks, a));
  const parenthetical = () => {
    const comma = toks.findIndex((t, j) => j > cueEndIdx && t.text === ',');
    return (
      comma > 0 &&
      comma <= cueEndIdx + 8 &&
      /^(VERB|AUX)$/.test(toks[comma + 1]?.pos ?? '') &&
      toks
        .slice(cueEndIdx + 1, comma)
        .every((t) => t.pos !== 'VERB' && t.pos !== 'AUX' && !/^(that|whether)$/i.test(t.text))
    );
  };
  // "The paper, citing a police source, reported …": the participle sits inside an aside.
  if (participle && parenthetical()) return null;
  if (participle && !subject && entry.strength === 'speech') {
    // "…, saying that …" with no clear subject: the content still stands, its speaker unknown.
    const quoted = quoteAfter(
      text,
      toks,
      cueEndIdx + 1,
      /^(chant|sing|shout|yell|scream)$/.test(entry.lemma) ? loose : quotes,
      sentence,
      /^(chant|sing|shout|yell|scream)$/.test(entry.lemma) ? 1 : 4,
    );
    if (quoted) return report(base, null, { start: quoted.start, end: quoted.end }, 'direct-quote', 0.55);
    const content = contentAfter(text, toks, cueEndIdx + 1, sentence, entry);
    return content ? report(base, null, content, 'indirect', 0.5) : null;
  }
  // "Said the governor: “…”": the cue opens the sentence and the speaker follows it.
  if (!subject && k === firstContentIdx(toks) && entry.strength === 'speech') {
    const np = nounPhraseAfter(text, toks, k + 1, false);
    const q =
      np && /^[:,]$/.test(toks[np.next]?.text ?? '')
        ? quoteAfter(text, toks, np.next, quotes, sentence)
        : null;
    if (np && q) return report(base, np.span, { start: q.start, end: q.end }, 'direct-quote', 0.8);
  }
  // Direct quote after the cue: "X said: “…”" / "X said, “…”".
  // A chant or a song may be short: "chanting “Bread! Water!”", "chanted “No more blackouts!”".
  const chant = /^(chant|sing|shout|yell|scream)$/.test(entry.lemma);
  const afterQuote = quoteAfter(text, toks, cueEndIdx + 1, chant ? loose : quotes, sentence, chant ? 1 : 4);
  if (afterQuote && subject) {
    if (entry.strength === 'weak') return null;
    return report(base, subject.span, { start: afterQuote.start, end: afterQuote.end }, 'direct-quote', 0.85);
  }

  if (entry.strength === 'quote') return null;
  // "I think", "you think": a speaker's hedge inside speech, not a report of its own.
  if (
    entry.lemma === 'think' &&
    subject &&
    /^(i|we|you)$/i.test(text.slice(subject.span.start, subject.span.end))
  )
    return null;
  if (subject) {
    if (entry.strength === 'weak' && !isSpeakerLike(text, subject.span)) return null;
    const lead = subject.first;
    const prevTok = toks[lead - 1];
    // The tokens after the cue but full stops: how many, the first, and whether all are a tail.
    let restLength = 0;
    let tailStart: Token | undefined;
    let tailOnly = true;
    for (let j = cueEndIdx + 1; j < toks.length; j++) {
      const t = toks[j]!;
      if (t.text.length === 1 && /^[.!?]$/.test(t.text)) continue;
      restLength++;
      tailStart ??= t;
      tailOnly &&=
        TIME_WORD.test(t.text) ||
        t.pos === 'PROPN' ||
        t.pos === 'NUM' ||
        t.pos === 'PUNCT' ||
        t.pos === 'DET' ||
        t.pos === 'ADP' ||
        t.pos === 'NOUN' ||
        // "…, the minister said in her interview."
        /^(his|her|its|their|our|my)$/i.test(t.text);
    }
    // "As X reported, …": the main clause is the content.
    // "As Clinton talked about bringing communities together, Trump …": a cue with an object of
    // its own reports that object, not the main clause.
    const ownObject = (() => {
      const comma = toks.findIndex((t, i) => i > cueEndIdx && t.text === ',');
      const between = toks.slice(cueEndIdx + 1, comma < 0 ? toks.length : comma);
      return between.some(
        (t) =>
          !TIME_WORD.test(t.text) &&
          !/^(it|so|earlier|before|previously)$/i.test(t.text) &&
          t.pos !== 'PROPN' &&
          t.pos !== 'ADP',
      );
    })();
    if (prevTok && /^as$/i.test(prevTok.text) && lead - 1 === firstContentIdx(toks) && !ownObject) {
      const comma = toks.findIndex((t, i) => i > cueEndIdx && t.text === ',');
      if (comma < 0) return null;
      const content = trimContent(text, toks[comma + 1]?.start ?? sentence.end, sentence.end);
      return content ? report(base, subject.span, content, 'prepositional', 0.75) : null;
    }
    if (prevTok && /^as$/i.test(prevTok.text) && toks[lead - 2]?.text === ',') {
      // "Hawaii, as one adviser pointed out, rarely gets …": the aside sits inside the content.
      const comma = toks.findIndex((t, j) => j > cueEndIdx && j <= cueEndIdx + 3 && t.text === ',');
      const inside =
        comma > 0 &&
        toks
          .slice(cueEndIdx + 1, comma)
          .every((t) => /^(out|up)$/i.test(t.text) || t.pos === 'ADP' || t.pos === 'ADV') &&
        toks.slice(comma + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      const content = trimContent(
        text,
        contentStartOf(text, sentence, quotes),
        inside ? sentence.end : toks[lead - 2]!.start,
      );
      return content ? report(base, subject.span, content, 'prepositional', 0.7) : null;
    }
    // "…, officials said." / "…, officials said, …": the content is around the cue.
    // Only when a clause stands before the comma: "In 2000, they attacked …" is no report.
    let clauseBefore = false;
    for (let j = 0; j < lead - 1 && !clauseBefore; j++) {
      const t = toks[j]!;
      clauseBefore = t.pos === 'VERB' || t.pos === 'AUX' || (t.pos === 'PUNCT' && /[”"]/.test(t.text));
    }
    // "…, officials said on Monday" ends with an adjunct; "…, the governor accused the envoy of
    // bias" has an object of its own.
    const adjunctTail =
      !tailStart ||
      TIME_WORD.test(tailStart.text) ||
      /^(ADP|PUNCT)$/.test(tailStart.pos) ||
      /^(tell|inform|brief)$/.test(entry.lemma) ||
      (tailStart.pos === 'PROPN' && entry.strength === 'speech');
    if (!joined && prevTok?.text === ',' && lead - 1 > 0) {
      // "People like the mayor, he said.": with nothing after the cue, even a verbless lead is what was said.
      const saidLast = restLength === 0 && entry.strength === 'speech' && lead - 1 >= 2;
      if ((restLength === 0 || (tailOnly && adjunctTail)) && (clauseBefore || saidLast)) {
        const content = trimContent(text, contentStartOf(text, sentence, quotes), prevTok.start);
        if (!content) return null;
        // "“…” of the plans, Mr. Holtz-Eakin said. “They are …”": the quotation goes on.
        const end = continuedQuote(text, toks, toks.length, loose, sentence, content.end);
        return report(
          base,
          subject.span,
          { start: content.start, end: Math.max(end, content.end) },
          formOf(text, toks, k, 'indirect'),
          0.7,
        );
      }
      const comma = toks.findIndex((t, i) => i > cueEndIdx && t.text === ',');
      const aside = toks[comma + 1];
      // "…, she said, referencing the report" / "…, they said Friday, as they lifted the curfew": the
      // clause after the speaker is the writer's (or a report of its own), not more of the content.
      if (
        comma >= 0 &&
        comma <= cueEndIdx + 6 &&
        clauseBefore &&
        aside &&
        ((aside.pos === 'VERB' && /ing$/.test(aside.text) && !/^including$/i.test(aside.text)) ||
          /^as$/i.test(aside.text)) &&
        // "Although the first convoy got through, he said, the second would …": the main clause follows.
        !/^(?:though|although|if|when|while|because|as|since|after|before|unless|once)\b/i.test(
          text.slice(sentence.start, sentence.end),
        ) &&
        toks
          .slice(cueEndIdx + 1, comma)
          .every((t) => TIME_WORD.test(t.text) || /^(PROPN|NUM|ADP|DET|NOUN|ADJ)$/.test(t.pos))
      ) {
        const content = trimContent(text, contentStartOf(text, sentence, quotes), prevTok.start);
        return content ? report(base, subject.span, content, formOf(text, toks, k, 'indirect'), 0.7) : null;
      }
      // "Although he lives abroad, Yazan says the conflict, and its cause, remain": the speaker
      // opens the main clause after a fronted subordinate clause; he is not an aside.
      // ("Although the first convoy got through, he said, sending …" is an aside: a comma follows the cue.)
      const fronted =
        SUBORDINATOR.test(toks[firstContentIdx(toks)]?.text ?? '') &&
        !toks.slice(firstContentIdx(toks), lead - 1).some((t) => t.text === ',') &&
        comma > cueEndIdx + 1 &&
        toks.slice(cueEndIdx + 1, comma).some((t) => !TIME_WORD.test(t.text));
      if (
        !fronted &&
        comma >= 0 &&
        comma <= cueEndIdx + 6 &&
        toks
          .slice(cueEndIdx + 1, comma)
          .every((t) => TIME_WORD.test(t.text) || /^(PROPN|NUM|ADP|DET|NOUN)$/.test(t.pos))
      ) {
        // "…, which, Tompkins said, is usually full": the aside sits in a relative clause, which
        // is all that is said; "The test, North Korea said, was its biggest yet, although …" ends
        // where the writer's clause begins.
        const relative = /^(which|who)$/i.test(toks[lead - 2]?.text ?? '') ? toks[lead - 2]!.start : null;
        const stop = clauseEnd(toks, comma);
        const content = trimContent(
          text,
          relative ?? sentence.start,
          stop < toks.length ? toks[stop]!.start : sentence.end,
        );
        return content ? report(base, subject.span, content, 'indirect', 0.6) : null;
      }
    }
    let content = contentAfter(text, toks, cueEndIdx + 1, sentence, entry);
    if (!content) return null;
    // "Abu Salah, who said the bridge was mined, left the city": the relative clause ends where
    // the main verb resumes after a comma.
    if (
      /^(who|which)$/i.test(text.slice(subject.span.start, subject.span.end)) &&
      toks[lead - 1]?.text === ','
    ) {
      const resume = toks.findIndex(
        (t, j) =>
          j > cueEndIdx &&
          t.text === ',' &&
          t.start < content!.end &&
          (/^(VERB|AUX)$/.test(toks[j + 1]?.pos ?? '') ||
            (toks[j + 1]?.pos === 'ADV' && /^(VERB|AUX)$/.test(toks[j + 2]?.pos ?? ''))) &&
          !/ing$/.test(toks[j + 1]!.text),
      );
      if (resume > 0) content = trimContent(text, content.start, toks[resume]!.start) ?? content;
    }
    return report(
      base,
      subject.span,
      content,
      formOf(text, toks, k, 'indirect'),
      entry.strength === 'weak' ? 0.5 : 0.75,
    );
  }

  // "…, said X." with a paraphrase before it.
  if (prev?.text === ',' && entry.strength === 'speech') {
    const np = nounPhraseAfter(text, toks, cueEndIdx + 1, true);
    if (!np) return null;
    const rest = toks.slice(np.next).filter((t) => !/^[.!?]$/.test(t.text));
    if (rest.length > 0 && !/^[,(]$/.test(rest[0]!.text)) return null;
    const content = trimContent(text, contentStartOf(text, sentence, quotes), prev.start);
    return content ? report(base, np.span, content, 'indirect', 0.65) : null;
  }
  return null;
}

function readAccordingTo(
  text: string,
  toks: Token[],
  k: number,
  sentence: Sentence,
  quotes: Quote[],
): FoundAttribution | null {
  const cue: Span = { start: toks[k]!.start, end: toks[k + 1]!.end };
  const base: CueBase = {
    cue,
    stance: 'neutral',
    cueTense: 'unknown' as const,
    cueLemma: 'according to',
    cueKind: 'speech' as const,
  };
  let stop = toks.findIndex((t, i) => i > k + 1 && (t.text === ',' || /^[.!?;]$/.test(t.text)));
  if (stop < 0) stop = toks.length;
  if (stop <= k + 2) return null;
  const source = trimContent(text, toks[k + 2]!.start, toks[stop - 1]!.end);
  if (!source) return null;
  const atStart = k === firstContentIdx(toks);
  if (atStart) {
    if (toks[stop]?.text !== ',') return null;
    const end = stop + 1 < toks.length ? clauseEnd(toks, stop + 1) : toks.length;
    const content = trimContent(
      text,
      toks[stop + 1]?.start ?? sentence.end,
      end < toks.length ? toks[end]!.start : sentence.end,
    );
    return content ? report(base, source, content, 'prepositional', 0.8) : null;
  }
  if (toks[k - 1]?.text !== ',' && toks[k - 1]?.text !== '(') return null;
  const tail = toks.slice(stop).filter((t) => !/^[.!?)]$/.test(t.text));
  // "X rose 20 percent, according to Y, more than …": a whole clause before the aside is the content;
  // "The base, according to Y, was hit" wraps the aside, so the content is the whole sentence.
  const clauseBefore = toks.slice(0, k - 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  // "X paid 25 percent, according to Y, and the top tenth paid 69 percent": a coordinated clause
  // goes on under the same attribution.
  const coordinated = tail[0]?.text === ',' && /^(and|while)$/i.test(tail[1]?.text ?? '');
  const end = tail.length === 0 || (clauseBefore && !coordinated) ? toks[k - 1]!.start : sentence.end;
  const content = trimContent(text, contentStartOfQuote(quotes, sentence), end);
  return content ? report(base, source, content, 'prepositional', 0.75) : null;
}

function quoteBefore(
  text: string,
  toks: Token[],
  a: number,
  quotes: Quote[],
  sentence: Sentence,
): { quote: Quote; sourceBefore: Span | null; opens: boolean } | null {
  const cueStart = toks[a]!.start;
  const q = lastQuoteEndingBy(quotes, cueStart);
  if (!q) return null;
  // "“… escapades.” The agency said …": a quote closed by a full stop ended its own sentence.
  if (/[.]\s*(?:[”"]|'')$/.test(text.slice(q.start, q.end)) && q.end <= sentence.start) return null;
  const opens = opensClause(text, q, sentence);
  const gap = text.slice(q.end, cueStart);
  if (/^[ \t\u00a0,—–-]*$/.test(gap) && gap.length <= 4) return { quote: q, sourceBefore: null, opens };
  const np = nounPhraseBefore(text, toks, a);
  if (!np) return null;
  const lead = text.slice(q.end, np.span.start);
  if (/^[ \t\u00a0,—–-]*$/.test(lead) && lead.length <= 4) return { quote: q, sourceBefore: np.span, opens };
  return null;
}

/** A quoted title follows a word ("the broadcast of “Fox News Sunday,”"); speech opens a clause. */
function opensClause(text: string, q: Quote, sentence: Sentence): boolean {
  if (q.start <= sentence.start) return true;
  const before = text.slice(Math.max(0, q.start - 30), q.start).replace(/[\s\u00a0]+$/, '');
  return before.length === 0 || /[.:;!?—–―\n-]$|[.!?,]['"’”]$/.test(before) || /\b(?:and|but)$/i.test(before);
}

function quoteAfter(
  text: string,
  toks: Token[],
  from: number,
  quotes: Quote[],
  sentence: Sentence,
  minWords = 4,
): Quote | null {
  let i = from;
  while (
    i < toks.length &&
    (TIME_WORD.test(toks[i]!.text) ||
      toks[i]!.pos === 'PROPN' ||
      /^(a|an|the|statement|interview)$/i.test(toks[i]!.text)) &&
    i < from + 6
  )
    i++;
  // "told his radio audience on Monday, “…”": a hearer phrase may stand between cue and quote.
  if (toks[i]?.text !== ',' && toks[i]?.text !== ':') {
    let j = i;
    while (
      j < toks.length &&
      j < from + 9 &&
      (/^(DET|NOUN|ADJ|PROPN|PRON|NUM)$/.test(toks[j]!.pos) || /^(of|on|in|at|to)$/i.test(toks[j]!.text))
    )
      j++;
    if (/^[,:]$/.test(toks[j]?.text ?? '')) i = j;
  }
  const at = toks[i]?.start ?? sentence.end;
  const q = quotes[firstQuoteFrom(quotes, at)];
  if (q && q.start - at > 3) return null;
  if (!q) return null;
  const gap = text.slice(toks[i - 1]?.end ?? at, q.start);
  if (!/^[\s,:;—–-]*$/.test(gap)) return null;
  // "said, “…”" / "said: “…”", or a whole sentence quoted right after the cue ("declared “I think …”").
  const lead = text.slice(toks[from - 1]?.end ?? at, q.start);
  return /[,:]/.test(lead) || (i === from && q.words >= minWords && /^\s*$/.test(lead)) ? q : null;
}

/** Where a sentence's content starts: an open quote that runs into it starts earlier. */
function contentStartOf(_text: string, sentence: Sentence, quotes: Quote[]): number {
  const q = quotes[firstQuoteFrom(quotes, sentence.start) - 1];
  return q && q.end > sentence.start ? q.start : sentence.start;
}

function contentAfter(
  text: string,
  toks: Token[],
  from: number,
  sentence: Sentence,
  entry: CueEntry,
): Span | null {
  let i = from;
  // "Officials disagreed, though …": a position verb with no object reports nothing.
  if (entry.strength === 'stance' && toks[i]?.text === ',') return null;
  // "provided The Cradle with a photo": the recipient is not the content.
  if (entry.strength === 'weak') {
    const w = toks.findIndex((t, j) => j >= i && j <= i + 5 && /^(with|to)$/i.test(t.text));
    if (w >= 0 && toks.slice(i, w).every((t) => /^(PROPN|NOUN|DET|ADJ|PRON)$/.test(t.pos))) i = w + 1;
  }
  // "spoke to reporters" names a hearer; "spoke about the siege" reports a topic.
  if (
    (entry.lemma === 'speak' || entry.lemma === 'talk') &&
    !/^(about|of|out|on|against)$/i.test(toks[i]?.text ?? '')
  )
    return null;
  // "felt that …", "felt the plan was wrong"; "felt ill" reports a state, not a view.
  if (entry.lemma === 'feel' && !/^(SCONJ|PRON|DET|PROPN)$/.test(toks[i]?.pos ?? '')) return null;
  // "thought that …", "thinks the plan will fail"; "thought of home" recalls, it reports no view.
  if (entry.lemma === 'think' && !/^(SCONJ|PRON|DET|PROPN|NOUN|ADJ|NUM)$/.test(toks[i]?.pos ?? ''))
    return null;
  // "voted to approve …", "voted against the bill"; "voted in large numbers" reports no position.
  if (entry.lemma === 'vote' && !/^(to|for|against)$/i.test(toks[i]?.text ?? '')) return null;
  // "pointed out that …", "weighed in on …", "railed against …": the particle belongs to the cue.
  if (
    /^(out|in|up|on|against|to|of|about)$/i.test(toks[i]?.text ?? '') &&
    /^(point|weigh|rail|talk|speak|voice|press|lobby|campaign)$/.test(entry.lemma)
  ) {
    i++;
    if (/^(on|about|for|against)$/i.test(toks[i]?.text ?? '')) i++;
  }
  // "told reporters", "told The Cradle": the hearer is not the content.
  if (entry.lemma === 'tell' || entry.lemma === 'inform' || entry.lemma === 'brief') {
    while (
      i < toks.length &&
      (/^(PROPN|NOUN|DET|ADJ)$/.test(toks[i]!.pos) || /^(me|him|her|us|them|you)$/i.test(toks[i]!.text)) &&
      !/^that$/i.test(toks[i]!.text) &&
      // "told reporters the base was hit": a determiner after the hearer opens the content.
      !(i > from && toks[i]!.pos === 'DET' && /^(NOUN|PROPN|PRON)$/.test(toks[i - 1]!.pos))
    )
      i++;
  }
  // "said in a statement it had …", "said on Telegram the …": the channel is not the content.
  if (/^(in|on|via|through|during|at)$/i.test(toks[i]?.text ?? '')) {
    let j = i + 1;
    while (j < toks.length && j <= i + 5 && /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(toks[j]!.pos)) j++;
    if (
      j > i + 1 &&
      j < toks.length &&
      (/^(PRON|DET|PROPN|NUM)$/.test(toks[j]!.pos) ||
        toks[j]!.text === ',' ||
        /^(how|what|why|whether)$/i.test(toks[j]!.text))
    )
      i = toks[j]!.text === ',' ? j + 1 : j;
  }
  // "did not respond to a request for comment" reports no content.
  if (
    /^(respond|reply|comment|answer)$/.test(entry.lemma) &&
    /^to$/i.test(toks[i]?.text ?? '') &&
    /^(a|requests?|repeated|several|multiple)$/i.test(toks[i + 1]?.text ?? '')
  )
    return null;
  // Adverbials before "that": "said on Monday in a statement that …".
  let that = -1;
  for (let j = i; j < toks.length && j <= i + 12; j++) {
    if (toks[j]!.pos === 'SCONJ' && /^that$/i.test(toks[j]!.text)) {
      that = j;
      break;
    }
  }
  if (that >= 0 && toks.slice(i, that).every((t) => t.pos !== 'VERB' && t.pos !== 'AUX')) i = that;
  else
    while (
      i < toks.length &&
      (TIME_WORD.test(toks[i]!.text) || toks[i]!.text === ',') &&
      !/^['’]s$/.test(toks[i + 1]?.text ?? '') &&
      i < from + 3
    )
      i++;
  // "called for more troops", "warned against a deal": the preposition belongs to the cue.
  if (/^(for|about|against|of)$/i.test(toks[i]?.text ?? '') && toks[i + 1] && toks[i + 1]!.pos !== 'PUNCT')
    i++;
  // "lashed out at the envoy", "doubled down on the claim".
  else if (/ /.test(entry.lemma) && /^(at|on|against)$/i.test(toks[i]?.text ?? '') && toks[i + 1]) i++;
  if (toks[i]?.text === ':') {
    i++;
    // "She said:" closing its line: what she said is the next line.
    if (i >= toks.length && entry.strength === 'speech') return nextLine(text, sentence.end);
  }
  if (i >= toks.length) return null;
  const head = toks[i]!;
  // "Everything the militia says is a lie": the cue has no object here, it sits in a relative clause.
  if (head.pos === 'AUX' && /^(is|are|was|were)$/i.test(head.text) && toks[i + 1]?.pos !== 'VERB')
    return null;
  // "someone who said did the same": a finite verb cannot open what was said.
  if (head.pos === 'VERB' && /(ed|s)$/.test(head.text) && !/ing$/.test(head.text) && i === from) return null;
  // "support has declined slightly from 58 percent": a decline in numbers, not a refusal.
  if (
    entry.lemma === 'decline' &&
    (head.pos === 'ADV' || head.pos === 'NUM' || /^(by|from|to)$/i.test(head.text)) &&
    !(/^to$/i.test(head.text) && toks[i + 1]?.pos === 'VERB')
  )
    return null;
  // "called into the show", "proposed for individuals": a preposition opens no reported content.
  if (/^(into|off|up|down)$/i.test(head.text)) return null;
  // "called in to a town hall", "called to the podium": a call that reaches a place says nothing.
  if (entry.lemma === 'call' && /^to$/i.test(head.text) && toks[i + 1]?.pos === 'DET') return null;
  // "said Friday as he entered the talks", "said before he died": a clause of time tells when.
  if (
    /^(as|when|before|after|until)$/i.test(head.text) &&
    /^(PRON|PROPN|DET)$/.test(toks[i + 1]?.pos ?? '') &&
    entry.strength === 'speech' &&
    // "asked when the talks would resume" is an indirect question: that is what was asked.
    !/^(ask|wonder|explain|question|recall|describe|inquire|predict|estimate)$/.test(entry.lemma)
  )
    return null;
  let stop = clauseEnd(toks, i);
  // "While some have suggested his role is …, Mr. Obama is also determined …": a report inside a
  // fronted subordinate clause ends where the main clause begins.
  if (SUBORDINATOR.test(toks[firstContentIdx(toks)]?.text ?? '') && firstContentIdx(toks) < from) {
    const main = mainClauseAfter(toks, i, stop);
    if (main > 0) stop = main;
  }
  // "questioned the choice of Aziz, who has never run …": a who/which clause on a
  // verbless object (gerunds aside) is the writer's description.
  if (!/^(that|whether|if)$/i.test(head.text)) {
    for (let j = i + 1; j < stop; j++) {
      const t = toks[j]!;
      if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.text)) || /^[“”"]$/.test(t.text)) break;
      if (t.text === ',' && /^(which|who)$/i.test(toks[j + 1]?.text ?? '')) {
        stop = j;
        break;
      }
    }
  }
  // "blasted the plan in a statement on Monday", "praised him when he ran": with no verb of its
  // own, the object ends where an adjunct of the cue begins; but a naming verb's object runs to
  // its name ("called the remarks on Saturday “a true wake-up call”", "called it a common
  // ailment during grueling bids for office").
  const naming =
    /^(call|label|dub|term|brand)$/.test(entry.lemma) && !/^(for|on|upon)$/i.test(toks[i - 1]?.text ?? '');
  for (let j = i + 1; j < stop && !naming; j++) {
    const t = toks[j]!;
    // "acknowledged the scale of the flooding, which puts her at odds …": a relative clause on the
    // object, or a reason or contrast, is the writer's addition.
    if (
      !/^(that|whether|if)$/i.test(head.text) &&
      ((t.text === ',' && /^(which|who)$/i.test(toks[j + 1]?.text ?? '')) ||
        /^because$/i.test(t.text) ||
        (/^but$/i.test(t.text) && !/^also$/i.test(toks[j + 1]?.text ?? '')))
    ) {
      stop = j;
      break;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') break;
    // "criticized the act as a “crazy system” during a campaign stop": a quoted phrase in the
    // object is read past; a quotation that opens the object is the content as it stands.
    if (/^[“"]$/.test(t.text) && j > i + 1) {
      const close = toks.findIndex((x, m) => m > j && /^[”"]$/.test(x.text));
      if (close < 0 || close >= stop) break;
      j = close;
      continue;
    }
    if (/^[“”"']+$/.test(t.text)) break;
    // "in a statement", "in an on-air diatribe", "in a ruling released Thursday": the channel.
    const channel =
      /^(in|on|at)$/i.test(t.text) &&
      /^(a|an|his|her|their|its)$/i.test(toks[j + 1]?.text ?? '') &&
      (CHANNEL_NOUN.test(toks[j + 2]?.text ?? '') ||
        ((/^(ADJ|NOUN)$/.test(toks[j + 2]?.pos ?? '') || /ed$/.test(toks[j + 2]?.text ?? '')) &&
          CHANNEL_NOUN.test(toks[j + 3]?.text ?? '')));
    // "a tightening race as Trump consolidates …": a clause of time or reason, with its own verb.
    const asClause =
      /^as$/i.test(t.text) &&
      /^(DET|PRON|PROPN)$/.test(toks[j + 1]?.pos ?? '') &&
      !/^(it|much|many|well|such|part|an?|the|what|whatever)$/i.test(toks[j + 1]?.text ?? '') &&
      toks.slice(j + 2, j + 6).some((x) => x.pos === 'AUX' || (x.pos === 'VERB' && !/ing$/.test(x.text)));
    if (
      channel ||
      asClause ||
      /^(when|since|during|while)$/i.test(t.text) ||
      (/^on$/i.test(t.text) &&
        /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(toks[j + 1]?.text ?? ''))
    ) {
      stop = j;
      break;
    }
  }
  // "did not support Mr. Trump, the presumed Putin favorite": an appositive the writer adds to a
  // name at the end of the content describes it; it is not what was said.
  for (let j = i + 1; j < stop - 1; j++) {
    if (toks[j]!.text !== ',' || toks[j - 1]!.pos !== 'PROPN' || !/^(the|a|an)$/i.test(toks[j + 1]!.text))
      continue;
    const rest = toks.slice(j + 2, stop);
    const relative = rest.findIndex((t) => /^(that|which|who)$/i.test(t.text));
    const own = (relative < 0 ? rest : rest.slice(0, relative)).some(
      (t) => t.pos === 'AUX' || (t.pos === 'VERB' && !/(ed|ing)$/.test(t.text)) || t.text === ',',
    );
    if (!own) stop = j;
    break;
  }
  const content = trimContent(text, toks[i]!.start, stop < toks.length ? toks[stop]!.start : sentence.end);
  if (!content) return null;
  const said = text.slice(content.start, content.end);
  // "attacked the minister for …" takes a position; "attacked the checkpoint" is an assault.
  if (entry.lemma === 'attack' && !/\b(?:as|for|over)\b|[“"]/.test(said)) return null;
  // "painted him as a fraud", "compared the plan to …": the frame is what makes it a view.
  if (/^(paint|portray|depict)$/.test(entry.lemma) && !/\bas\b/.test(said)) return null;
  if (entry.lemma === 'compare' && !/\b(?:to|with)\b/.test(said)) return null;
  // One word (no white space) or more, read up to the first space.
  const words = hasSpace(said) ? 2 : 1;
  // "endorses Clinton", "criticized Smith": a position taken on a named person is enough.
  // "endorses Clinton", "criticized Smith", "didn't suggest retaliation", "doesn't believe it": a
  // one-word object of a report or a position is what it is about; a bare adverb or particle is not.
  if (
    words < 2 &&
    !(
      (entry.strength === 'stance' || entry.strength === 'speech') &&
      head.pos === 'PROPN' &&
      /^[A-Z]/.test(head.text)
    )
  )
    return null;
  return content;
}

function formOf(text: string, toks: Token[], k: number, fallback: AttributionForm): AttributionForm {
  // "statement" or "statements" within eight tokens before the cue or seven after it.
  for (let j = Math.max(0, k - 8); j < toks.length && j < k + 8; j++) {
    const word = toks[j]!.text;
    if ((word.length === 9 || word.length === 10) && /^statements?$/i.test(word)) return 'statement';
  }
  void text;
  return fallback;
}

/**
 * The speaker of a report that ends just before a participle: "…, she said, referencing …",
 * "…, Lee told reporters on Monday, adding …". Null when no speech cue stands close before.
 */
function speakerBefore(text: string, toks: Token[], comma: number): { span: Span; first: number } | null {
  for (let j = comma - 1; j >= 0 && j >= comma - 8; j--) {
    const t = toks[j]!;
    if (/^[.;:!?“”"]$/.test(t.text)) return null;
    const entry = cueEntry(t.text);
    if (entry?.strength !== 'speech' || !(t.pos === 'VERB' || ALWAYS_VERB.has(t.text.toLowerCase())))
      continue;
    const np = nounPhraseBefore(text, toks, j);
    if (np && /^(,|[”"]|'')$/.test(toks[np.first - 1]?.text ?? '')) return np;
    const after = nounPhraseAfter(text, toks, j + 1, false);
    if (toks[j - 1]?.text === ',' && after && after.next <= comma) return { span: after.span, first: j + 1 };
    return null;
  }
  return null;
}

/** Verbs whose agentless passive still reports a judgement or a report ("was accused of"). */
const AGENTLESS =
  /^(accuse|blame|criticize|criticise|label|dub|rate|consider|think|believe|announce|confirm|report|allege|suspect|condemn|deem|regard|describe|brand|fault|deny|reject|question|dispute)$/;

/** Phrasal verbs of position that are cues only with their particle: "lashed out at", "laid out". */
const PHRASAL: ReadonlyMap<string, { particle: RegExp; lemma: string }> = new Map(
  Object.entries({
    lay: { particle: /^out$/i, lemma: 'lay out' },
    lays: { particle: /^out$/i, lemma: 'lay out' },
    laid: { particle: /^out$/i, lemma: 'lay out' },
    laying: { particle: /^out$/i, lemma: 'lay out' },
    spell: { particle: /^out$/i, lemma: 'spell out' },
    spells: { particle: /^out$/i, lemma: 'spell out' },
    spelled: { particle: /^out$/i, lemma: 'spell out' },
    spelt: { particle: /^out$/i, lemma: 'spell out' },
    sum: { particle: /^up$/i, lemma: 'sum up' },
    sums: { particle: /^up$/i, lemma: 'sum up' },
    summed: { particle: /^up$/i, lemma: 'sum up' },
    lash: { particle: /^out$/i, lemma: 'lash out' },
    lashes: { particle: /^out$/i, lemma: 'lash out' },
    lashed: { particle: /^out$/i, lemma: 'lash out' },
    hit: { particle: /^back$/i, lemma: 'hit back' },
    hits: { particle: /^back$/i, lemma: 'hit back' },
    fired: { particle: /^back$/i, lemma: 'fire back' },
    fires: { particle: /^back$/i, lemma: 'fire back' },
    pushed: { particle: /^back$/i, lemma: 'push back' },
    pushes: { particle: /^back$/i, lemma: 'push back' },
    doubled: { particle: /^down$/i, lemma: 'double down' },
    doubles: { particle: /^down$/i, lemma: 'double down' },
    spoke: { particle: /^out$/i, lemma: 'speak out' },
    speaks: { particle: /^out$/i, lemma: 'speak out' },
    backed: { particle: /^off$/i, lemma: 'back off' },
    backs: { particle: /^off$/i, lemma: 'back off' },
  }),
);

/** The cue entry of a phrasal verb of position at `k` when its particle follows, else null. */
function phrasalCue(toks: Token[], k: number): CueEntry | null {
  const p = PHRASAL.get(toks[k]!.text.toLowerCase());
  if (!p?.particle.test(toks[k + 1]?.text ?? '')) return null;
  return { lemma: p.lemma, stance: 'neutral', strength: 'stance' };
}

/** Verbs that pass their subject to a reporting verb after "to": "continues to insist". */
const CATENATIVE =
  /^(continues?|continued|continuing|tried|tries|try|used|proceeded|proceeds?|refused|refuses|hastened|rushed|sought|seeks?|moved|moves|declined|declines)$/i;

/**
 * A reporting participle that opens its sentence, before a comma and the main clause:
 * "Claiming the vote was rigged, the leader told reporters …" (the leader claims), "Asked about the strike,
 * the minister said …" (the asking has no named asker).
 */
function frontedParticiple(text: string, toks: Token[], k: number, entry: CueEntry): FoundAttribution | null {
  // "Speaking to reporters, …", "Writing for the Times, …", "Giving a speech, …": a channel, no content.
  if (entry.strength === 'weak' || /^(speak|talk|write|give|address)$/.test(entry.lemma)) return null;
  let depth = 0;
  let comma = -1;
  let end = -1;
  for (let j = k + 1; j < toks.length && j <= k + 40; j++) {
    const t = toks[j]!.text;
    // "Deploring the “sham inquiry,” the governor …": the comma may sit inside the closing quote.
    if (t === ',' && depth > 0 && /^[”"]$/.test(toks[j + 1]?.text ?? '')) {
      comma = j + 1;
      end = toks[j + 1]!.end;
      break;
    }
    if (/^[“"]$/.test(t)) depth = t === '“' ? depth + 1 : 1 - depth;
    else if (t === '”') depth = Math.max(0, depth - 1);
    else if (t === ',' && depth === 0) {
      comma = j;
      end = toks[j]!.start;
      break;
    }
  }
  if (comma < 0 || comma < k + 2) return null;
  const content = trimContent(text, toks[k + 1]!.start, end);
  if (!content) return null;
  const asked = toks[k]!.text.toLowerCase() === 'asked';
  let source: Span | null = null;
  if (!asked) {
    const np = nounPhraseAfter(text, toks, comma + 1, false);
    if (!np) return null;
    let v = np.next;
    while (toks[v]?.pos === 'ADV') v++;
    if (!toks[v] || (toks[v]!.pos !== 'VERB' && toks[v]!.pos !== 'AUX')) return null;
    source = np.span;
  } else if (!/^(about|to|whether|if|why|how|what|for|on)$/i.test(toks[k + 1]?.text ?? '')) return null;
  return {
    source,
    cue: { start: toks[k]!.start, end: asked ? toks[k + 1]!.end : toks[k]!.end },
    content: asked ? (trimContent(text, toks[k + 2]?.start ?? content.start, end) ?? content) : content,
    form: 'indirect',
    stance: entry.stance,
    cueTense: 'present',
    cueLemma: entry.lemma,
    cueKind: entry.strength === 'stance' ? 'stance' : 'speech',
    confidence: 0.6,
  };
}

function isSpeakerLike(text: string, span: Span | null): boolean {
  if (!span) return false;
  const words = text.slice(span.start, span.end).split(/[\s,]+/);
  return words.some((w) => SPEAKER_HEAD.test(w));
}

/**
 * Where a quote broken by its cue ends: "“…,” she said, “…”" and "“…,” he said. “…”" are one
 * quotation, the speaker's words on both sides.
 */
function continuedQuote(
  text: string,
  toks: Token[],
  after: number,
  quotes: Quote[],
  sentence: Sentence,
  end: number,
): number {
  const from = toks[Math.min(after, toks.length) - 1]?.end ?? end;
  const next = quotes[firstQuoteFrom(quotes, from)];
  if (!next) return end;
  const gap = text.slice(from, next.start);
  const between = quotes[firstQuoteFrom(quotes, end + 1)];
  if (gap.includes('\n') || (between && between.start < next.start)) return end;
  // The rest of this sentence ("she said to the TV,", "he said, but") or the next sentence opens with it.
  if (next.start < sentence.end) {
    // "…,” Trump said during a rally in Kenansville, N.C., “but …”" is one quotation; "…,” she
    // said, but Kevin was drifting off, and “…”" is not: a new clause has its own verb.
    const clause = toks.some(
      (t) =>
        t.start >= from &&
        t.end <= next.start &&
        (t.pos === 'AUX' ||
          // "told Capital Download on Wednesday": a capitalised word mid-sentence is a name.
          (t.pos === 'VERB' && !/ing$/.test(t.text) && !/^[A-Z]/.test(t.text)) ||
          /^(adding|saying|noting|arguing|explaining|insisting|continuing|telling|writing|stressing)$/i.test(
            t.text,
          )),
    );
    return gap.length <= 100 && !/[!?]|\.\s+[A-Z]/.test(gap) && !clause ? next.end : end;
  }
  const tail = text.slice(from, sentence.end);
  // "“…,” Warren said. “You squeezed …” to drive up …, she said.": a quotation that does not
  // stand as its own sentence has a report of its own.
  const alone = /^(?:[ \t\u00a0]*(?:\n|$)|[ \t\u00a0]+[A-Z“"‘'])/.test(text.slice(next.end));
  if (
    alone &&
    tail.length <= 240 &&
    /^[^"“”]*$/.test(tail) &&
    /^[ \t\u00a0]*$/.test(text.slice(sentence.end, next.start))
  )
    return next.end;
  return end;
}

/** A verb the tagger read as a noun ("The photos show the damage"): a noun before, an object after. */
function verbBetween(toks: Token[], k: number): boolean {
  // "Some villagers, however, doubt …": look past an adverb between commas.
  const aside = toks[k - 1]?.text === ',' && toks[k - 2]?.pos === 'ADV' && toks[k - 3]?.text === ',';
  // "The ad then references …", "DuVernay both documents …": look past one adverb.
  const adverb =
    !aside && /^(then|also|both|now|still|often|again)$/i.test(toks[k - 1]?.text ?? '') && k >= 2;
  const prevAt = aside ? k - 4 : adverb ? k - 2 : k - 1;
  const prev = toks[prevAt];
  const next = toks[k + 1];
  const cur = toks[k]!;
  if (!prev || !next) return false;
  // "Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf": a past form read as an adjective,
  // between a named or pronoun subject and its object, is the finite verb.
  if (
    cur.pos === 'ADJ' &&
    /ed$/.test(cur.text) &&
    /^(PROPN|PRON)$/.test(prev.pos) &&
    !/^(it|this|that|which)$/i.test(prev.text) &&
    /^(DET|PROPN|PRON|NUM)$/.test(next.pos) &&
    !toks.slice(0, k).some((t) => t.pos === 'VERB' || t.pos === 'AUX')
  )
    return true;
  if (cur.pos !== 'NOUN') return false;
  // "the report -- which notes that …": a relative pronoun the tagger calls a determiner.
  const relative = /^(which|who|that)$/i.test(prev.text);
  // "Lynch notes …": a capitalised surname the tagger read as a verb.
  const name = prev.pos === 'VERB' && /^[A-Z][a-z]/.test(prev.text) && !cueEntry(prev.text);
  if (!/^(NOUN|PROPN|PRON|NUM)$/.test(prev.pos) && !relative && !name) return false;
  // "by six percentage points a year": a measure, not a subject and its verb.
  if (prev.pos === 'NOUN' && toks[prevAt - 1]?.pos === 'NUM') return false;
  // "Trump demands accountability", "Obama and Clinton call them …": a named subject with no
  // article before it, then an object.
  const named = (prev.pos === 'PROPN' || name) && !/^(DET|ADJ)$/.test(toks[prevAt - 1]?.pos ?? '');
  if (
    named &&
    cueEntry(cur.text.toLowerCase()) &&
    /^(NOUN|PRON)$/.test(next.pos) &&
    !/^(it|that|this)$/i.test(next.text)
  )
    return !laterAuxiliary(toks, k + 1);
  // "The Post reports that …", "an inquiry in 2019 found the …" (a finite form), or "The photos
  // show the …" (a plural subject).
  const entry = cueEntry(cur.text);
  const inflected = /(s|ed)$/.test(cur.text) || (entry !== null && entry.lemma !== cur.text.toLowerCase());
  // "…, The Wall Street Journal reports.": a finite form closing the sentence after its subject.
  if (inflected && /^[.!?]$/.test(next.text) && /^(PROPN|NOUN)$/.test(prev.pos) && /s$/.test(cur.text)) {
    for (let j = prevAt - 1; j >= 0 && j >= prevAt - 6; j--) {
      if (toks[j]!.text === ',') return true;
      if (!/^(PROPN|NOUN|DET|ADJ)$/.test(toks[j]!.pos)) break;
    }
  }
  if (inflected)
    return (
      /^(DET|NUM|ADJ|SCONJ|PRON|PROPN)$/.test(next.pos) ||
      next.text === ':' ||
      // "The council plans to …", "The campaign plans to …": an infinitive after it; but in "The
      // tax plans to cut rates were shelved" a later verb makes "plans" the subject.
      (next.text.toLowerCase() === 'to' &&
        toks[k + 2]?.pos === 'VERB' &&
        !/^['’]s$/.test(toks[k - 2]?.text ?? '') &&
        !laterAuxiliary(toks, k + 3))
    );
  // "China and Russia support the …", "They support the …": a plural subject before a base form.
  const plural =
    /s$/.test(prev.text) || /^(they|we|i|you)$/i.test(prev.text) || /^and$/i.test(toks[k - 2]?.text ?? '');
  // "Data from the survey show that …", "documents from his tax return show he took …": a
  // that-clause or a subject pronoun after the word says it is the verb.
  if (/^that$/i.test(next.text) && next.pos === 'SCONJ') return true;
  if (/^(he|she|they|we)$/i.test(next.text)) return true;
  return plural && /^(DET|NUM|ADJ|SCONJ|PROPN)$/.test(next.pos);
}

/** "The views expressed in this article are …": a participle that describes the noun before it. */
function reducedRelative(toks: Token[], k: number): boolean {
  const prev = toks[k - 1];
  // "the views expressed in …", "the aggressive laws proposed during …".
  const det = toks[k - 2]?.pos === 'DET' || (toks[k - 2]?.pos === 'ADJ' && toks[k - 3]?.pos === 'DET');
  if (!/ed$/.test(toks[k]!.text) || prev?.pos !== 'NOUN' || !det) return false;
  if (!/^(in|on|at|during|by|from|above|below|here)$/i.test(toks[k + 1]?.text ?? '')) return false;
  for (let j = k + 2; j < toks.length; j++) {
    const t = toks[j]!;
    if (/^(that|,)$/i.test(t.text)) return false;
    if (t.pos === 'AUX' || t.pos === 'VERB') return true;
  }
  return false;
}

/** The token may be a cue: a reporting word, "according" or a reporting noun. */
const MAY_BE_CUE = 1;
/** The token may open an impersonal reading ({@link IMPERSONAL_WORDS}). */
const IMPERSONAL = 2;

/**
 * What the tokens of each sentence may open, as {@link MAY_BE_CUE} and {@link IMPERSONAL} bits:
 * a cheap filter before the full readings, answered once per word form and remembered. One
 * array for the text: the classes of sentence `n` start at `from[n]`.
 */
function wordClasses(bySentence: readonly (readonly Token[])[]): { of: Uint8Array; from: Int32Array } {
  const from = new Int32Array(bySentence.length + 1);
  for (let n = 0; n < bySentence.length; n++) from[n + 1] = from[n]! + bySentence[n]!.length;
  const of = new Uint8Array(from[bySentence.length]!);
  let at = 0;
  for (const toks of bySentence) {
    for (let k = 0; k < toks.length; k++, at++) {
      const word = toks[k]!.text;
      // Every word in the cue tables and patterns, and every impersonal word, opens with a letter.
      const c = word.charCodeAt(0);
      if (c < 65 || (c > 90 && c < 97) || (c > 122 && c < 128)) continue;
      let cls = WORD_CLASS.get(word);
      if (cls === undefined) {
        const lower = word.toLowerCase();
        cls = (wordMayBeCue(lower) ? MAY_BE_CUE : 0) | (IMPERSONAL_WORDS.has(lower) ? IMPERSONAL : 0);
        if (WORD_CLASS.size >= MAX_REMEMBERED) WORD_CLASS.clear();
        WORD_CLASS.set(word, cls);
      }
      of[at] = cls;
    }
  }
  return { of, from };
}

// Reports repeat their words: the class of each is remembered (a bounded table).
const WORD_CLASS = new Map<string, number>();
const MAX_REMEMBERED = 50_000;

function wordMayBeCue(lower: string): boolean {
  return (
    lower === 'according' ||
    cueEntry(lower) !== null ||
    PHRASAL.has(lower) ||
    lower === 'put' ||
    lower === 'puts' ||
    NOUN_CUE.has(lower) ||
    ATTITUDE.test(lower) ||
    INTENT_NOUN.test(lower) ||
    POSITION_NOUN.has(lower)
  );
}

/** A sentence's content starts at a quote that opened in an earlier sentence and runs into it. */
function contentStartOfQuote(quotes: readonly Quote[], sentence: Sentence): number {
  const q = quotes[firstQuoteFrom(quotes, sentence.start) - 1];
  return q && q.end > sentence.start ? q.start : sentence.start;
}

/** The words `impersonal` reads from: "it is", "is it", "seems to", "is expected to", "allegedly". */
const IMPERSONAL_WORDS: ReadonlySet<string> = new Set([
  'it',
  'is',
  'was',
  'seem',
  'seems',
  'seemed',
  'appear',
  'appears',
  'appeared',
  'expected',
  'allegedly',
  'reportedly',
  'purportedly',
]);

/**
 * Attributions with no speaker: "it is unclear whether …" (nobody vouches for it) and
 * "he allegedly …" / "reportedly …" (someone unnamed says so).
 */
function impersonal(
  text: string,
  toks: Token[],
  sentence: Sentence,
  classes: Uint8Array,
  from: number,
): FoundAttribution[] {
  const out: FoundAttribution[] = [];
  for (let k = 0; k < toks.length; k++) {
    // Every reading below starts from one of these words.
    if ((classes[from + k]! & IMPERSONAL) === 0) continue;
    const lower = toks[k]!.text.toLowerCase();
    const base = {
      source: null,
      cueTense: 'unknown' as const,
      cueKind: 'speech' as const,
      form: 'passive' as const,
    };
    // "it is unclear whether …", "Nor is it clear that …", "It was obvious the talks had failed".
    const inverted = /^(is|was)$/i.test(lower) && /^it$/i.test(toks[k + 1]?.text ?? '');
    if ((lower === 'it' && /^(is|was|remains|remained|’s|'s)$/i.test(toks[k + 1]?.text ?? '')) || inverted) {
      let j = k + 2;
      if (/^(still|not|now|also)$/i.test(toks[j]?.text ?? '')) j++;
      if (!/^(unclear|clear|uncertain|unknown|obvious|evident|apparent)$/i.test(toks[j]?.text ?? ''))
        continue;
      const wh = toks[j + 1];
      const bare =
        wh &&
        /^(obvious|evident|apparent|clear)$/i.test(toks[j]!.text) &&
        /^(DET|PRON|PROPN)$/.test(wh.pos) &&
        toks.slice(j + 2, j + 6).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      if (!wh || (!/^(whether|if|how|who|what|why|when|where|that)$/i.test(wh.text) && !bare)) continue;
      const start = k > 0 && /^(nor)$/i.test(toks[k - 1]!.text) ? k - 1 : k;
      const stop = clauseEnd(toks, j + 1);
      const content = trimContent(text, wh.start, stop < toks.length ? toks[stop]!.start : sentence.end);
      if (!content) continue;
      out.push({
        ...base,
        cue: { start: toks[start]!.start, end: toks[j]!.end },
        content,
        stance: 'neutral',
        cueLemma: 'unclear',
        confidence: 0.6,
      });
      k = stop;
    } else if (
      toks[k + 1]?.text.toLowerCase() === 'to' &&
      toks[k + 2]?.pos !== 'DET' &&
      (/^(seems?|seemed|appears?|appeared)$/.test(lower) ||
        (lower === 'expected' && /^(is|are|was|were)$/i.test(toks[k - 1]?.text ?? '')))
    ) {
      // "The plan seems to have stalled", "Turnout is expected to rise": the clause is put
      // forward by nobody in particular.
      const cueStart = lower === 'expected' ? k - 1 : k;
      let from = cueStart;
      while (
        from > 0 &&
        !/^(,|;|after|before|when|because|that|since|while|as|and|but|if|though|although)$/i.test(
          toks[from - 1]!.text,
        )
      )
        from--;
      if (from === cueStart || (toks[from]!.pos === 'PRON' && /^(it|there)$/i.test(toks[from]!.text)))
        continue;
      const stop = clauseEnd(toks, k);
      const content = trimContent(
        text,
        toks[from]!.start,
        stop < toks.length ? toks[stop]!.start : sentence.end,
      );
      if (!content || content.end - content.start < 12) continue;
      out.push({
        ...base,
        cue: { start: toks[cueStart]!.start, end: toks[k]!.end },
        content,
        stance: 'neutral',
        cueLemma: lower === 'expected' ? 'expect' : 'seem',
        confidence: 0.45,
      });
      k = stop;
    } else if (lower === 'allegedly' || lower === 'reportedly' || lower === 'purportedly') {
      // The clause around the adverb: from its subject (after "after", "that", a comma …) to its end.
      let from = k;
      while (
        from > 0 &&
        !/^(,|;|after|before|when|because|that|since|while|as|and|but)$/i.test(toks[from - 1]!.text)
      )
        from--;
      const stop = clauseEnd(toks, k);
      const content = trimContent(
        text,
        toks[from]!.start,
        stop < toks.length ? toks[stop]!.start : sentence.end,
      );
      if (!content || content.end - content.start < 12) continue;
      const stance: CueStance = lower === 'reportedly' ? 'neutral' : 'distancing';
      out.push({
        ...base,
        cue: { start: toks[k]!.start, end: toks[k]!.end },
        content,
        stance,
        cueLemma: lower,
        confidence: 0.5,
      });
    }
  }
  return out;
}

/** The next non-empty line after `from`, trimmed, as the content announced by a colon. */
function nextLine(text: string, from: number): Span | null {
  let start = from;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start >= text.length || text.slice(from, start).split('\n').length > 3) return null;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return trimContent(text, start, end);
}

/** A comma closed inside a quotation just before token `k`: "… a “strong leader,” comparing …". */
function commaQuoteBefore(toks: Token[], k: number): boolean {
  return /^[”"]$/.test(toks[k - 1]?.text ?? '') && toks[k - 2]?.text === ',';
}

/** Words that open a fronted subordinate clause: "While …, the main clause". */
const SUBORDINATOR = /^(while|whereas|although|though|if|because|since|when|after|before|unless|once|as)$/i;

/**
 * The comma, after token `from` and before `stop`, where a main clause starts: a subject
 * (article, pronoun or name) and its verb within a few words. -1 when there is none.
 */
function mainClauseAfter(toks: Token[], from: number, stop: number): number {
  let depth = 0;
  for (let j = from + 1; j < stop; j++) {
    const t = toks[j]!;
    if (t.text === '“') depth++;
    else if (t.text === '”') depth = Math.max(0, depth - 1);
    if (depth > 0 || t.text !== ',') continue;
    const head = toks[j + 1];
    if (!head || !/^(DET|PRON|PROPN|NOUN)$/.test(head.pos) || /^(which|who|whom|whose)$/i.test(head.text))
      continue;
    for (let v = j + 2; v < stop && v <= j + 6; v++) {
      const w = toks[v]!;
      if (w.text === ',') break;
      if (w.pos === 'AUX' || (w.pos === 'VERB' && !/ing$/.test(w.text))) return j;
    }
  }
  return -1;
}

/**
 * Who does what an infinitive reports, from its "to" at `to`: the object before it ("led the
 * journalist to fear …", "forced the chief executive to admit …") or else the clause's subject
 * ("The senator met with the liaison to discuss …", "Trump took to Twitter to accuse …").
 */
function infinitiveController(text: string, toks: Token[], to: number): { span: Span; first: number } | null {
  if (toks[to]?.pos !== 'PART' || to < 2) return null;
  // "plans to say", "wants to know": a verb right before "to" takes the infinitive as its object.
  if (/^(VERB|AUX|ADJ)$/.test(toks[to - 1]!.pos)) return null;
  const object = nounPhraseBefore(text, toks, to);
  if (object && toks[object.first - 1]?.pos === 'VERB' && /^(PROPN|NOUN|PRON)$/.test(toks[to - 1]!.pos))
    return object;
  return clauseSubject(text, toks, to);
}

/** Prepositions and conjunctions that open an adverbial participle: "while showing", "after saying". */
const ADVERBIAL_PARTICIPLE = /^(while|after|before|in|for|despite|without|since|when|upon)$/i;

/**
 * The subject of the main clause around an adverbial at `at`: after the comma that closes a
 * fronted adverbial ("After saying …, Clinton went …"), else the clause's own subject ("He made
 * the criticism while showing …").
 */
function mainSubject(text: string, toks: Token[], at: number): { span: Span; first: number } | null {
  if (at === firstContentIdx(toks)) {
    const comma = toks.findIndex((t, j) => j > at && t.text === ',');
    if (comma < 0) return null;
    const np = nounPhraseAfter(text, toks, comma + 1, false);
    if (!np) return null;
    let v = np.next;
    while (toks[v]?.pos === 'ADV') v++;
    return toks[v] && /^(VERB|AUX)$/.test(toks[v]!.pos) ? { span: np.span, first: comma + 1 } : null;
  }
  return clauseSubject(text, toks, at);
}

/**
 * The subject of a participle in an absolute or causative phrase: "with Russia backing the
 * government", "had Republicans wondering about …", "left many nations feeling that …", "each
 * touting their own experience".
 */
function absoluteSubject(text: string, toks: Token[], k: number): { span: Span; first: number } | null {
  if (!/ing$/.test(toks[k]!.text) || toks[k]!.pos !== 'VERB') return null;
  if (/^each$/i.test(toks[k - 1]?.text ?? '') && toks[k - 2]?.text === ',')
    return { span: { start: toks[k - 1]!.start, end: toks[k - 1]!.end }, first: k - 1 };
  const np = nounPhraseBefore(text, toks, k);
  if (!np || np.first < 1) return null;
  if (!/^(with|had|has|have|having|left|leaves|leaving|got|gets)$/i.test(toks[np.first - 1]!.text))
    return null;
  if (/^(it|this|that|which)$/i.test(text.slice(np.span.start, np.span.end))) return null;
  return np;
}

/** Nouns that name the channel of a report: "in a statement", "in an email", "in a ruling". */
const CHANNEL_NOUN =
  /^(statement|interview|speech|rally|tweet|post|letter|op-ed|news|press|radio|television|email|e-mail|ruling|diatribe|memo|editorial|column|video|message|address|appearance|briefing|hearing|filing|broadcast|podcast|conversation)$/i;

/** Whether a text holds white space (`/\s/`), read up to the first. */
function hasSpace(said: string): boolean {
  for (let i = 0; i < said.length; i++) {
    const code = said.charCodeAt(i);
    if (code < 128 ? code === 32 || (code >= 9 && code <= 13) : WHITE_SPACE.test(said[i]!)) return true;
  }
  return false;
}

const WHITE_SPACE = /\s/;
