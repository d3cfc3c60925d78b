import { NATIONALITIES } from '../nlp/entities/lexicons.js';
import type { Entity } from '../types/entity.js';
import type { Token } from '../types/sentence.js';

/** A span picked as an argument, with its text. */
export interface PickedSpan {
  readonly start: number;
  readonly end: number;
  readonly tokenIndex: number;
}

const NOMINAL = new Set(['NOUN', 'PROPN']);
const SKIP_BEFORE_HEAD = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PRON', 'PART', 'X', 'SYM']);
// Time words are never an attacker or a target ("on Friday", "this afternoon").
const TIME_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|today|yesterday|week|month|year|day|hours?|a\.m\.|p\.m\.|january|february|march|april|may|june|july|august|september|october|november|december|opportunity|time|times)$/i;

/**
 * The entity (name) covering a token, if any: names are arguments as a whole.
 *
 * @example entityAt(entities, tokens[3])?.text // 'Islamic State' for "… the Islamic State group …"
 */
export function entityAt(entities: readonly Entity[], t: Token): Entity | undefined {
  // Asked again and again for the tokens around each trigger: answered once per token.
  let answers = entityAnswers.get(entities);
  if (!answers) {
    answers = new Map();
    entityAnswers.set(entities, answers);
  }
  let e = answers.get(t);
  if (e === undefined) {
    e = entities.find((x) => x.start <= t.start && t.end <= x.end && x.subtype !== 'pronoun') ?? null;
    answers.set(t, e);
  }
  return e ?? undefined;
}

/** How a name reads as an argument: where it starts without "the", and whether it is a description. */
interface NameReading {
  readonly start: number;
  readonly description: boolean;
}

const nameReadings = new WeakMap<Entity, NameReading>();

/** Read once per entity: the same names are argued for trigger after trigger. */
function nameReading(e: Entity): NameReading {
  let reading = nameReadings.get(e);
  if (!reading) {
    const surface = e.text.replace(/^the\s+/i, '');
    // "the Russian military": a description (no name but a demonym) is argued by its head;
    // "Harir base" stays a name.
    const lastWord = /(\S+)$/.exec(surface)?.[1] ?? '';
    const names = (surface.match(/\b\p{Lu}[\p{L}'’.-]*/gu) ?? []).filter(
      (w) => !NATIONALITIES.has(w.toLowerCase()),
    );
    reading = { start: e.end - surface.length, description: /^\p{Ll}/u.test(lastWord) && names.length === 0 };
    nameReadings.set(e, reading);
  }
  return reading;
}

const entityAnswers = new WeakMap<readonly Entity[], Map<Token, Entity | null>>();
const temporalAnswers = new WeakMap<readonly Entity[], Map<Token, boolean>>();

function asSpan(tokens: readonly Token[], k: number, entities: readonly Entity[]): PickedSpan {
  const t = tokens[k]!;
  const e = entityAt(entities, t);
  // A nominal ("security forces") is its head word; a name is the whole name.
  if (
    e &&
    e.type !== 'Temporal' &&
    e.type !== 'Quantity' &&
    e.subtype !== 'nominal' &&
    e.subtype !== 'pronoun'
  ) {
    const { start, description } = nameReading(e);
    if (description) {
      let h = k;
      while (h + 1 < tokens.length && tokens[h + 1]!.end <= e.end) h++;
      return { start: tokens[h]!.start, end: tokens[h]!.end, tokenIndex: h };
    }
    if (e.end - start <= 40) return { start, end: e.end, tokenIndex: k };
  }
  // A nominal mention ("security forces", "the federal building") is argued by its last word.
  if (e && e.subtype === 'nominal' && e.type !== 'Temporal' && e.type !== 'Quantity') {
    let h = k;
    while (h + 1 < tokens.length && tokens[h + 1]!.end <= e.end && tokens[h + 1]!.pos === 'NOUN') h++;
    return { start: tokens[h]!.start, end: tokens[h]!.end, tokenIndex: h };
  }
  return { start: t.start, end: t.end, tokenIndex: k };
}

/**
 * Head of the noun phrase starting at token `from` (skipping determiners and adjectives), the
 * last noun of its compound ("a convoy of soldiers" → "convoy"), or the whole name when it is an
 * entity. Stops at the sentence end, verbs and prepositions.
 *
 * @example headAfter(tokens, 3, entities) // "bakery" for "… targeted a bakery on …"
 */
export function headAfter(
  tokens: readonly Token[],
  from: number,
  entities: readonly Entity[],
  limit = 7,
): PickedSpan | null {
  const sentence = tokens[from]?.sentence;
  let k = from;
  while (
    k < tokens.length &&
    k < from + limit &&
    tokens[k]!.sentence === sentence &&
    SKIP_BEFORE_HEAD.has(tokens[k]!.pos)
  )
    k++;
  const first = tokens[k];
  if (!first || first.sentence !== sentence || !(NOMINAL.has(first.pos) || first.pos === 'PRON')) return null;
  if (TIME_WORD.test(first.text) || isTemporal(entities, first)) {
    // "the Christmas market", "the Friday prayers": a time word modifying a noun.
    const next = tokens[k + 1];
    if (!next || next.sentence !== sentence || next.pos !== 'NOUN' || next.start - first.end > 1) return null;
    if (TIME_WORD.test(next.text) || isTemporal(entities, next)) return null;
    k++;
    while (
      k + 1 < tokens.length &&
      tokens[k + 1]!.sentence === sentence &&
      NOMINAL.has(tokens[k + 1]!.pos) &&
      tokens[k + 1]!.start - tokens[k]!.end <= 1
    )
      k++;
    return asSpan(tokens, k, entities);
  }
  if (first.pos === 'PRON') return { start: first.start, end: first.end, tokenIndex: k };
  const e = entityAt(entities, first);
  if (e) {
    // A name used as a modifier ("the US embassy") gives way to the noun it modifies.
    let j = k;
    while (j + 1 < tokens.length && tokens[j + 1]!.end <= e.end) j++;
    // "the Oklahoma City federal building": adjectives may stand between the name and its noun.
    let a = j + 1;
    while (a < tokens.length && a < j + 3 && tokens[a]!.pos === 'ADJ' && tokens[a]!.sentence === sentence)
      a++;
    const nominalAt = (x: Token) => {
      const ex = entityAt(entities, x);
      return !ex || ex.subtype === 'nominal';
    };
    if (a > j + 1 && tokens[a]?.pos === 'NOUN' && tokens[a]!.sentence === sentence && nominalAt(tokens[a]!))
      j = a - 1;
    const after = tokens[j + 1];
    if (
      !(
        after &&
        after.sentence === sentence &&
        after.pos === 'NOUN' &&
        after.start - tokens[j]!.end <= 1 &&
        nominalAt(after)
      )
    )
      return asSpan(tokens, k, entities);
    k = j + 1;
  }
  while (
    k + 1 < tokens.length &&
    tokens[k + 1]!.sentence === sentence &&
    NOMINAL.has(tokens[k + 1]!.pos) &&
    tokens[k + 1]!.start - tokens[k]!.end <= 1
  )
    k++;
  return asSpan(tokens, k, entities);
}

/**
 * Head of the noun phrase ending just before token `before` (the subject of a verb or the
 * modifier of a nominal trigger), skipping auxiliaries and adverbs ("… were also reportedly").
 *
 * @example headBefore(tokens, 4, entities) // "gunmen" for "Taliban gunmen attacked"
 */
export function headBefore(
  tokens: readonly Token[],
  before: number,
  entities: readonly Entity[],
  limit = 6,
  depth = 0,
): PickedSpan | null {
  const sentence = tokens[before]?.sentence;
  let k = before - 1;
  const stop = before - limit;
  while (
    k >= 0 &&
    k > stop &&
    tokens[k]!.sentence === sentence &&
    (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'PART')
  )
    k--;
  const t = tokens[k];
  if (!t || k < 0 || t.sentence !== sentence) return null;
  // "the base in Tikrit was targeted", "a convoy of soldiers was hit": skip the prepositional
  // phrase to the head it modifies.
  if (NOMINAL.has(t.pos) && depth < 2) {
    let j = k;
    const e = entityAt(entities, t);
    while (j > 0 && (e ? tokens[j - 1]!.start >= e.start : false)) j--;
    while (
      j > 0 &&
      tokens[j - 1]!.sentence === sentence &&
      (tokens[j - 1]!.pos === 'DET' ||
        tokens[j - 1]!.pos === 'ADJ' ||
        tokens[j - 1]!.pos === 'NUM' ||
        (NOMINAL.has(tokens[j - 1]!.pos) && !e))
    )
      j--;
    const prep = tokens[j - 1];
    if (prep && prep.sentence === sentence && /^(?:in|at|near|of|outside|inside)$/i.test(prep.text)) {
      const head = headBefore(tokens, j - 1, entities, limit, depth + 1);
      if (head) return head;
    }
  }
  if (t.pos === 'PRON' && !/^(?:it|this|that|which|who)$/i.test(t.text))
    return { start: t.start, end: t.end, tokenIndex: k };
  if (!NOMINAL.has(t.pos) || TIME_WORD.test(t.text) || isTemporal(entities, t)) return null;
  // "the Islamic State militant group launched …": the name before a generic head is the actor.
  if (t.pos === 'NOUN' && GENERIC_HEAD.test(t.text)) {
    for (let j = k - 1; j >= Math.max(0, k - 3) && tokens[j]!.sentence === sentence; j--) {
      const e = entityAt(entities, tokens[j]!);
      if (e && (e.type === 'Organisation' || e.type === 'Person') && e.subtype !== 'nominal') {
        return { start: e.start, end: e.end, tokenIndex: j };
      }
      if (tokens[j]!.pos !== 'ADJ' && tokens[j]!.pos !== 'NOUN' && tokens[j]!.pos !== 'PUNCT') break;
    }
  }
  return asSpan(tokens, k, entities);
}

const GENERIC_HEAD =
  /^(?:group|groups|militants?|fighters|forces|members|gunmen|organi[sz]ation|movement|militia)$/i;

function isTemporal(entities: readonly Entity[], t: Token): boolean {
  let answers = temporalAnswers.get(entities);
  if (!answers) {
    answers = new Map();
    temporalAnswers.set(entities, answers);
  }
  let temporal = answers.get(t);
  if (temporal === undefined) {
    temporal = entities.some(
      (e) => (e.type === 'Temporal' || e.type === 'Quantity') && e.start <= t.start && t.end <= e.end,
    );
    answers.set(t, temporal);
  }
  return temporal;
}
