import type { CueStance } from '../../types/attribution.js';
import type { Sentence, Token } from '../../types/sentence.js';
import type { Span } from '../../types/span.js';
import { cueTense, tokenTexts } from './cue-lexicon.js';
import type { FoundAttribution } from './find-attributions.js';
import { CUE_AUX, clauseEnd, nounPhraseBefore, trimContent, walkBack } from './phrases.js';

// Reports carried by nouns and adjectives rather than verbs: "the army's claim that …", "the
// council's decision to …", "residents are afraid that …".

/**
 * Nouns that report what someone said when a that-clause follows ("Trump's claim that …").
 *
 * @example NOUN_CUE.get('claim') // 'distancing'
 */
export const NOUN_CUE: ReadonlyMap<string, CueStance> = new Map(
  Object.entries({
    claim: 'distancing',
    claims: 'distancing',
    allegation: 'distancing',
    allegations: 'distancing',
    assertion: 'neutral',
    report: 'neutral',
    reports: 'neutral',
    statement: 'neutral',
    announcement: 'neutral',
    warning: 'neutral',
    promise: 'neutral',
    pledge: 'neutral',
    argument: 'neutral',
    suggestion: 'neutral',
    insistence: 'neutral',
    denial: 'denying',
    admission: 'endorsing',
    accusation: 'distancing',
    accusations: 'distancing',
    charge: 'distancing',
    charges: 'distancing',
    assurance: 'neutral',
    assurances: 'neutral',
    prediction: 'neutral',
    conclusion: 'neutral',
    finding: 'endorsing',
    findings: 'endorsing',
    confirmation: 'endorsing',
    rumor: 'distancing',
    rumors: 'distancing',
    rumour: 'distancing',
    rumours: 'distancing',
  }),
);

/**
 * A reporting noun with its that-clause: "Trump's claim that …" (the possessor speaks), "a New
 * York Times report that …" (the modifier speaks), "the claim that …" (no speaker given).
 *
 * @example readNounCue(text, tokens("Trump's claim that the vote was rigged"), 2, sentence) // {source: "Trump", cue: "claim", …}
 */
export function readNounCue(
  text: string,
  toks: Token[],
  k: number,
  sentence: Sentence,
): FoundAttribution | null {
  const tok = toks[k]!;
  const stance = NOUN_CUE.get(tok.text.toLowerCase());
  if (!stance || tok.pos !== 'NOUN') return null;
  const that = toks[k + 1];
  const after = toks[k + 2];
  if (that?.text.toLowerCase() !== 'that' || !after || !/^(DET|PRON|PROPN|NOUN|NUM|ADJ)$/.test(after.pos))
    return null;
  let stop = clauseEnd(toks, k + 1);
  // "The claim that it downed a jet was denied": the that-clause ends where the main verb starts.
  const verb = toks.findIndex((t, j) => j > k + 1 && (t.pos === 'VERB' || t.pos === 'AUX'));
  if (verb > 0) {
    const main = toks.findIndex(
      (t, j) =>
        j > verb + 1 &&
        j < stop &&
        (t.pos === 'AUX' || t.pos === 'VERB') &&
        /^(NOUN|PROPN|PRON|NUM)$/.test(toks[j - 1]!.pos),
    );
    if (main > 0) stop = main;
  }
  const content = trimContent(text, that.start, stop < toks.length ? toks[stop]!.start : sentence.end);
  if (!content || text.slice(content.start, content.end).split(/\s+/).length < 4) return null;
  let source: Span | null = null;
  const prev = toks[k - 1];
  if (prev && /^['’]s$/.test(prev.text)) {
    const first = walkBack(toks, k - 2);
    if (first >= 0) source = { start: toks[first]!.start, end: toks[k - 2]!.end };
  } else if (prev && /^(PROPN|NOUN)$/.test(prev.pos)) {
    const first = walkBack(toks, k - 1);
    if (first >= 0) source = { start: toks[first]!.start, end: prev.end };
  }
  return {
    source,
    cue: { start: tok.start, end: tok.end },
    content,
    form: 'indirect',
    stance,
    cueTense: 'unknown',
    cueLemma: tok.text.toLowerCase().replace(/s$/, ''),
    cueKind: 'speech',
    confidence: 0.55,
  };
}

/**
 * Nouns of intention that take an infinitive: "the council's decision to …", "its pledge to …".
 *
 * @example INTENT_NOUN.test('decision') // true: "the council's decision to …"
 */
export const INTENT_NOUN =
  /^(decision|determination|efforts?|bid|promises?|pledges?|vows?|threats?|refusal|calls?|push|attempts?|desire|intention|willingness|commitment|proposals?|offer|demands?|request|hopes?)$/i;

/**
 * Nouns of position with the preposition that introduces their object: "her criticism of …".
 *
 * @example POSITION_NOUN.get('criticism')?.test('of') // true: "her criticism of …"
 */
export const POSITION_NOUN: ReadonlyMap<string, RegExp> = new Map(
  Object.entries({
    criticism: /^(of|for)$/i,
    criticisms: /^(of)$/i,
    comment: /^(on|about)$/i,
    comments: /^(on|about)$/i,
    remarks: /^(on|about)$/i,
    support: /^(for|of)$/i,
    opposition: /^(to)$/i,
    attack: /^(on)$/i,
    attacks: /^(on)$/i,
    condemnation: /^(of)$/i,
    endorsement: /^(of)$/i,
    praise: /^(for|of)$/i,
    questions: /^(about|over)$/i,
    concern: /^(about|over)$/i,
    concerns: /^(about|over)$/i,
    doubts: /^(about|over)$/i,
    skepticism: /^(about|of|over)$/i,
    scepticism: /^(about|of|over)$/i,
    outrage: /^(over|at)$/i,
    anger: /^(over|at)$/i,
    frustration: /^(with|over)$/i,
    disdain: /^(for)$/i,
    contempt: /^(for)$/i,
    admiration: /^(for|of)$/i,
    adulation: /^(of|for)$/i,
    obsession: /^(with)$/i,
    views: /^(on|about)$/i,
    view: /^(of|on)$/i,
    stance: /^(on)$/i,
    position: /^(on)$/i,
    rhetoric: /^(about|on)$/i,
    complaints: /^(about|over)$/i,
    warnings: /^(about|of)$/i,
    allegations: /^(of)$/i,
    accusations: /^(of)$/i,
    claims: /^(of)$/i,
    denunciation: /^(of)$/i,
    defense: /^(of)$/i,
    defence: /^(of)$/i,
  }),
);

/**
 * Light verbs that turn a position noun into a report of their subject's position: "expressed
 * concern about", "voiced support for", "raised questions about", "made the case for". With
 * `faced`/`drew`/`came under` the subject receives the position and nobody is named as its holder.
 *
 * @example LIGHT_VERB.test('voiced') // true: "she voiced support for the deal"
 */
export const LIGHT_VERB =
  /^(express(?:es|ed|ing)?|voic(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|offer(?:s|ed|ing)?|show(?:s|ed|ing|n)?|made|make|makes|making|lend(?:s|ing)?|lent|pledg(?:e|es|ed|ing)|reiterat(?:e|es|ed|ing)|signal(?:s|ed|led|ing)?)$/i;
const RECEIVING_VERB =
  /^(fac(?:e|es|ed|ing)|dr[ae]w(?:s|n|ing)?|came|come|comes|coming|took|take|takes|taking)$/i;

/**
 * A position noun with its possessor: "the council's decision to …", "his determination to act",
 * "her criticism of the plan", "the group's support for the deal". The possessor holds the
 * position; without one ("the decision to …") nobody is named and nothing is read.
 *
 * @example readPositionNoun(text, tokens("the council's decision to close the road"), 3, sentence) // {source: "the council", cue: "decision", …}
 */
export function readPositionNoun(
  text: string,
  toks: Token[],
  k: number,
  sentence: Sentence,
): FoundAttribution | null {
  const tok = toks[k]!;
  const lower = tok.text.toLowerCase();
  const next = toks[k + 1];
  if (tok.pos !== 'NOUN' || !next) return null;
  const infinitive = INTENT_NOUN.test(lower) && /^to$/i.test(next.text) && toks[k + 2]?.pos === 'VERB';
  const prepositional = POSITION_NOUN.get(lower)?.test(next.text) === true;
  if (!infinitive && !prepositional) return null;
  // The possessor, with at most one adjective between: "the army's latest effort", "his blunt comment".
  let p = k - 1;
  if (toks[p]?.pos === 'ADJ') p--;
  let source: Span | null = null;
  if (/^['’]s$/.test(toks[p]?.text ?? '') || /^['’]$/.test(toks[p]?.text ?? '')) {
    const first = walkBack(toks, p - 1);
    if (first >= 0) source = { start: toks[first]!.start, end: toks[p - 1]!.end };
  } else if (/^(his|her|their|its|my|our)$/i.test(toks[p]?.text ?? '')) {
    source = { start: toks[p]!.start, end: toks[p]!.end };
  }
  let cueStart = tok.start;
  if (!source && prepositional) {
    // "Trump has faced questions about …", "she voiced strong support for …": a light verb, with
    // at most an article and two adjectives before the noun, carries the position.
    let v = p;
    while (v > k - 4 && v > 0 && /^(DET|ADJ|ADV)$/.test(toks[v]!.pos)) v--;
    if (v > k - 5 && v >= 0 && (LIGHT_VERB.test(toks[v]!.text) || RECEIVING_VERB.test(toks[v]!.text))) {
      if (/^(under)$/i.test(toks[v + 1]?.text ?? '')) v++;
      const holder = LIGHT_VERB.test(toks[v]!.text) ? verbSubject(text, toks, v) : null;
      if (holder) source = holder;
      cueStart = toks[v]!.start;
      const open = toks
        .slice(0, v)
        .findLastIndex((t) => !(CUE_AUX.has(t.text.toLowerCase()) || t.pos === 'ADV'));
      if (holder && open + 1 < v) cueStart = toks[open + 1]!.start;
      if (!holder) return possessorless(text, toks, k, sentence, cueStart, lower, next);
    } else return null;
  }
  if (!source || /^(which|who|that|whose)\b/i.test(text.slice(source.start, source.end))) return null;
  const from = infinitive ? k + 1 : k + 2;
  if (from >= toks.length) return null;
  let stop = clauseEnd(toks, from);
  // "his determination to act alone angered the council": the phrase is the subject, and its
  // object ends where the sentence's own verb begins.
  for (let j = from + (infinitive ? 2 : 1); j < stop; j++) {
    const t = toks[j]!;
    if (/^[“"]$/.test(t.text)) break;
    if (/^(while|when|because|after|before|since|although|though|if|unless)$/i.test(t.text)) {
      stop = j;
      break;
    }
    if (
      (t.pos === 'VERB' || t.pos === 'AUX') &&
      !/ing$/.test(t.text) &&
      /^(NOUN|PROPN|PRON|ADV|NUM)$/.test(toks[j - 1]!.pos) &&
      !/^(to|and|or)$/i.test(toks[j - 1]!.text)
    ) {
      stop = j;
      break;
    }
  }
  const content = trimContent(text, toks[from]!.start, stop < toks.length ? toks[stop]!.start : sentence.end);
  if (!content || text.slice(content.start, content.end).split(/\s+/).length < (infinitive ? 2 : 1))
    return null;
  return {
    source,
    cue: { start: cueStart, end: prepositional ? next.end : tok.end },
    content,
    form: 'indirect',
    stance: 'neutral',
    cueTense: 'unknown',
    cueLemma: lower.replace(/s$/, ''),
    cueKind: 'stance',
    confidence: 0.45,
  };
}

/**
 * Adjectives of attitude that report a position after "be": "was convinced that", "is wary of".
 *
 * @example ATTITUDE.test('afraid') // true: "residents are afraid that …"
 */
export const ATTITUDE =
  /^(determined|willing|unwilling|eager|reluctant|confident|convinced|sure|certain|skeptical|sceptical|hopeful|optimistic|pessimistic|worried|concerned|frustrated|critical|supportive|opposed|adamant|keen|afraid|proud|pleased|disappointed|furious|aware|passionate|wary|fearful|anxious|insistent|unapologetic|coy|adamant)$/i;

const BE_FORM =
  /^(is|are|was|were|am|be|been|being|'s|’s|'re|’re|remain|remains|remained|seem|seems|seemed|appear|appears|appeared|became|become|becomes|grew|grow|grows|feel|feels|felt)$/i;

/**
 * A position held as an attitude: "Many residents are afraid that …", "The army was determined to
 * …", "The senator has been critical of …", "They weren’t sure if …". The subject holds the position.
 *
 * @example readAttitude(text, tokens('Residents are afraid that the dam will fail'), 2, sentence) // {source: "Residents", cue: "are afraid", …}
 */
export function readAttitude(
  text: string,
  toks: Token[],
  k: number,
  sentence: Sentence,
): FoundAttribution | null {
  const tok = toks[k]!;
  if (!ATTITUDE.test(tok.text)) return null;
  let b = k - 1;
  while (
    b > 0 &&
    (toks[b]!.pos === 'ADV' ||
      /^(so|too|very|more|most|also|not|n't|n’t|still|increasingly|deeply|quite)$/i.test(toks[b]!.text))
  )
    b--;
  if (!BE_FORM.test(toks[b]?.text ?? '')) return null;
  let a = b;
  while (a > 0 && CUE_AUX.has(toks[a - 1]!.text.toLowerCase())) a--;
  const next = toks[k + 1];
  if (!next) return null;
  let from: number;
  let cueEnd = k;
  if (/^(that|if|whether)$/i.test(next.text)) from = k + 1;
  else if (/^to$/i.test(next.text) && toks[k + 2]?.pos === 'VERB') from = k + 1;
  else if (/^(about|of|over|with|on|in)$/i.test(next.text) && toks[k + 2] && toks[k + 2]!.pos !== 'PUNCT') {
    from = k + 2;
    cueEnd = k + 1;
  } else if (
    /^(convinced|sure|certain|confident|afraid|aware)$/i.test(tok.text) &&
    /^(PRON|DET|PROPN)$/.test(next.pos)
  )
    from = k + 1;
  else return null;
  const subject = nounPhraseBefore(text, toks, a);
  if (!subject || /^(it|there|this|that)$/i.test(text.slice(subject.span.start, subject.span.end)))
    return null;
  // "can be convinced that …" is a passive of persuading, not a held view.
  if (/^(be|being)$/i.test(toks[b]!.text) && /^(convinced|persuaded)$/i.test(tok.text)) return null;
  let stop = clauseEnd(toks, from);
  // "critical of the deal since the spring": the object of a preposition ends before a time clause.
  if (cueEnd > k) {
    const time = toks.findIndex(
      (t, j) => j > from && j < stop && /^(since|when|during|because|while|as|after|before)$/i.test(t.text),
    );
    if (time > 0) stop = time;
  }
  const content = trimContent(text, toks[from]!.start, stop < toks.length ? toks[stop]!.start : sentence.end);
  if (!content || text.slice(content.start, content.end).split(/\s+/).length < 2) return null;
  return {
    source: subject.span,
    cue: { start: toks[a]!.start, end: toks[cueEnd]!.end },
    content,
    form: 'indirect',
    stance: 'neutral',
    cueTense: cueTense(tokenTexts(toks, a, k + 1)),
    cueLemma: tok.text.toLowerCase(),
    cueKind: 'stance',
    confidence: 0.5,
  };
}

/** The subject of the verb group ending at `v` ("The senator has long voiced"), or null. */
function verbSubject(text: string, toks: Token[], v: number): Span | null {
  let a = v;
  while (a > 0 && (CUE_AUX.has(toks[a - 1]!.text.toLowerCase()) || toks[a - 1]!.pos === 'ADV')) a--;
  const np = nounPhraseBefore(text, toks, a);
  if (!np || /^(it|there|this|that)$/i.test(text.slice(np.span.start, np.span.end))) return null;
  return np.span;
}

/** A position noun after a verb that gives it to its subject ("faced questions about …"): nobody holds it by name. */
function possessorless(
  text: string,
  toks: Token[],
  k: number,
  sentence: Sentence,
  cueStart: number,
  lower: string,
  prep: Token,
): FoundAttribution | null {
  const from = k + 2;
  if (from >= toks.length) return null;
  let stop = clauseEnd(toks, from);
  for (let j = from + 1; j < stop; j++) {
    const t = toks[j]!;
    if (/^[“"]$/.test(t.text)) break;
    if (/^(while|when|because|after|before|since|although|though|if|unless)$/i.test(t.text)) {
      stop = j;
      break;
    }
  }
  const content = trimContent(text, toks[from]!.start, stop < toks.length ? toks[stop]!.start : sentence.end);
  if (!content) return null;
  return {
    source: null,
    cue: { start: cueStart, end: prep.end },
    content,
    form: 'indirect',
    stance: 'neutral',
    cueTense: 'unknown',
    cueLemma: lower.replace(/s$/, ''),
    cueKind: 'stance',
    confidence: 0.4,
  };
}
