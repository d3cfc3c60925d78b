import { objectList } from '../../stage.js';
import type { EntityType } from '../../types/entity.js';
import { CueScanner } from '../cue-scan.js';
import { mayMatch } from '../regex-prefilter.js';
import { codePointAt, isUpperCaseLetter } from './char-classes.js';
import {
  GROUP_NOUNS,
  MONTHS,
  NOMINAL_MODIFIERS,
  ORG_PHRASES,
  PLACE_NOUNS,
  PLATFORMS,
  VEHICLES,
  WEAPONS,
} from './lexicons.js';
import {
  execWithLookbehind,
  type LookbehindSplit,
  splitLookbehind,
  type TextKind,
  type TwinPattern,
  textKind,
  twinFor,
  twinPattern,
} from './plain-twin.js';
import type { WordToken } from './word-tokens.js';

/** A typed span proposed by one rule, before overlaps are resolved. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly subtype: string | null;
  readonly confidence: number;
  /** Higher wins an overlap. */
  readonly priority: number;
  /** The name it stands for (a place's resolved name, an acronym's long form), or null. */
  readonly canonical: string | null;
}

/**
 * A candidate. Every candidate is made here, so all have one shape (the same fields in the same
 * order) and the code that reads them stays monomorphic.
 *
 * @example candidate(0, 6, 'Weapon', 'drone', 0.75, 3) // canonical null
 */
export function candidate(
  start: number,
  end: number,
  type: EntityType,
  subtype: string | null,
  confidence: number,
  priority: number,
  canonical: string | null = null,
): Candidate {
  return { start, end, type, subtype, confidence, priority, canonical };
}

/**
 * Appends a list to another in place (instead of `push(...list)` or a spread, which copy through
 * an argument list or a new array of whatever kind).
 *
 * @example const all = objectList<Candidate>(); append(all, findPronouns(text));
 */
export function append<T>(out: T[], list: readonly T[]): void {
  for (let k = 0; k < list.length; k++) out.push(list[k]!);
}

const LEXICONS: [ReadonlyMap<string, string>, EntityType, number][] = [
  [WEAPONS, 'Weapon', 0.75],
  [PLATFORMS, 'MilitaryPlatform', 0.7],
  [VEHICLES, 'Vehicle', 0.5],
  [PLACE_NOUNS, 'Location', 0.3],
  [GROUP_NOUNS, 'Organisation', 0.3],
];

/** A lexicon phrase: what it names (of the last lexicon that has it, as the lexicons are tried in order). */
interface LexiconHit {
  readonly type: EntityType;
  readonly subtype: string;
  readonly confidence: number;
}

const PHRASES = new Map<string, LexiconHit>();
// Every phrase of one or more whole words that opens a lexicon phrase: a longer phrase can only
// be found when its opening words are one of these.
const OPENINGS = new Set<string>();
for (const [lex, type, confidence] of LEXICONS) {
  for (const [phrase, subtype] of lex) {
    PHRASES.set(phrase, { type, subtype, confidence });
    const words = phrase.split(' ');
    for (let n = 1; n <= words.length; n++) OPENINGS.add(words.slice(0, n).join(' '));
  }
}

/**
 * Weapons, platforms and vehicles named by lexicon phrases (longest match, any case).
 *
 * @example findLexiconTerms(wordTokens('armed drones hit the base')) // [{type:'Weapon', subtype:'drone', …}]
 */
export function findLexiconTerms(words: readonly WordToken[], text: string): Candidate[] {
  const out = objectList<Candidate>();
  for (let i = 0; i < words.length; i++) {
    // Most words open no lexicon phrase: one set lookup.
    if (!OPENINGS.has(words[i]!.lower)) continue;
    let best: Candidate | null = null;
    let phrase = '';
    for (let n = 0; n < 5 && i + n < words.length; n++) {
      const w = words[i + n]!;
      if (n > 0) {
        // Words of a phrase are one space apart.
        const gapStart = words[i + n - 1]!.end;
        if (w.start - gapStart !== 1 || text.charCodeAt(gapStart) !== 32) break;
      }
      phrase = n === 0 ? w.lower : `${phrase} ${w.lower}`;
      if (n > 0 && !OPENINGS.has(phrase)) break;
      const hit = PHRASES.get(phrase);
      if (hit !== undefined) {
        best = candidate(
          words[i]!.start,
          w.end,
          hit.type,
          hit.subtype,
          hit.confidence,
          hit.subtype === 'nominal' ? 1.8 : 3,
        );
      }
    }
    if (best) {
      // An owner written before a platform belongs to it: "ISIL tanks", "Coalition aircraft".
      const prev = words[i - 1];
      if (
        prev &&
        best.type !== 'Weapon' &&
        words[i]!.start - prev.end === 1 &&
        text.charCodeAt(prev.end) === 32
      ) {
        const owner = isUpperCaseLetter(codePointAt(prev.text, 0)) && !prev.initial;
        const modifier =
          best.subtype === 'nominal' &&
          (NOMINAL_MODIFIERS.has(prev.lower) || /-(?:held|controlled|occupied|run|led)$/.test(prev.lower));
        if (owner || modifier)
          best = candidate(prev.start, best.end, best.type, best.subtype, best.confidence, best.priority);
      }
      // "the government of Iraq", "the city of Raqqah": the nominal and its name are one mention.
      if (best.subtype === 'nominal' && text.startsWith(' of ', best.end)) {
        const tail = /^ of (?:the )?\p{Lu}[\p{L}’'-]*(?: (?:al-|of )?\p{Lu}[\p{L}’'-]*)*/u.exec(
          text.slice(best.end, best.end + 60),
        );
        if (tail) best = candidate(best.start, best.end + tail[0].length, best.type, best.subtype, 0.5, 2.65);
      }
      out.push(best);
      while (i + 1 < words.length && words[i + 1]!.start < best.end) i++;
    }
  }
  return out;
}

const NUM_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a few|several|dozens|hundreds|thousands|a dozen|a couple of';
const NUM = `(?:\\d[\\d,]*(?:\\.\\d+)?|${NUM_WORD})`;
const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const UNIT_T = 'seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';

const TEMPORAL: RegExp[] = [
  // "Thursday, Dec. 15", "October 25-26, 2016", "12 February 2017", "Dec.14th"
  new RegExp(
    `\\b(?:(?:${WEEKDAY}),?\\s+)?(?:(?:${MONTHS})\\s*${DAY}(?:\\s*[-–]\\s*${DAY})?(?:,?\\s+\\d{4})?|${DAY}(?:\\s*[-–]\\s*${DAY})?\\s+(?:${MONTHS})(?:,?\\s+\\d{4})?)(?![\\p{L}])`,
    'giu',
  ),
  new RegExp(`\\b(?:(?:early|mid|late)[-\\s])?(?:${MONTHS})\\s+\\d{4}\\b`, 'giu'),
  /\b(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+\d{4}\b/giu,
  new RegExp(`\\b(?:${WEEKDAY})\\b`, 'giu'),
  /\b(?:today|yesterday|tomorrow|tonight|overnight)\b/giu,
  new RegExp(
    `\\b(?:last|next|this|past|coming|previous)\\s+(?:week|month|year|weekend|night|(?:${MONTHS}))\\b`,
    'giu',
  ),
  new RegExp(
    `\\b(?:the\\s+)?(?:past|last|next|coming|previous|recent)\\s+(?:${NUM}\\s+)?(?:${UNIT_T})\\b`,
    'giu',
  ),
  new RegExp(`\\b(?:${NUM}|a|an)\\s+(?:${UNIT_T})(?:\\s+ago)?\\b`, 'giu'),
  /\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?=\W|$)/giu,
  /\b(?:in|since|by|until|from|during|of|early|late|mid-?)\s+((?:19|20)\d{2})\b/giu,
  /\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}\b/gu,
];

const MONEY: RegExp[] = [
  /(?:US|A|C|NZ)?\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m)\b)?/gu,
  /[£€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m)\b)?/gu,
  /\b\d[\d,]*(?:\.\d+)?\s?(?:million|billion|thousand)?\s?(?:dollars|euros|pounds|dinars|riyals|rubles|roubles)\b/giu,
];

const QUANTITY = new RegExp(
  `(?<![\\p{L}\\p{N}$£€.,-])(?:(?:at least|more than|over|nearly|almost|about|around|up to)\\s+)?${NUM}(?:\\s*(?:to|-|–)\\s*${NUM})?(?:\\s+(?:percent|per cent|million|thousand|billion)|\\s?%)?(?![\\p{L}\\p{N}])`,
  'giu',
);

const DOCREF: RegExp[] = [
  /\b(?:(?:UN|U\.N\.|United Nations)\s+)?(?:Security Council\s+)?Resolutions?\s+\d{2,5}\b/gu,
  /\bExecutive Order\s+\d+\b/gu,
  /\b(?:Passcode|Reference|Ref\.)\s+\d+\b/gu,
];

const SHIPS: RegExp[] = [
  /\b(?:USS|HMS|FS|HMCS|HMAS|INS|USNS|RFS|ARA|TCG)\s+\p{Lu}[\p{L}-]+(?:\s+(?:de\s+)?\p{Lu}[\p{L}-]+)*/gu,
  /\b(?:DDG|CVN|LHD|LPD|LHA|FFG|CG|SSN|SSBN|T-AO)[\s-]?\d{1,3}\b/gu,
  /(?<=\()[LDFR]\s?\d{1,3}(?=\))/gu,
  /\b(?:MQ|RQ|KC|AC|MC|HC|EC|RC|[FBAC]|Su|MiG|Tu|Mi|Ka|Il|An|AH|UH|CH|MH|V|E|P)-\d{1,3}[A-Z]?\b(?:\s+\p{Lu}\p{Ll}+){0,2}/gu,
];

// Pronouns re3d annotates as mentions of people and organisations; low confidence on purpose.
// Both in one scan: a match is a whole word (\b on both sides), so the first group holds exactly
// the matches of the person pattern alone, the second those of the group pattern alone.
const PRONOUNS =
  /\b(?:([Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|I|[Mm]y|[Mm]e)|([Ww]e|[Uu]s|[Oo]ur|[Tt]hey|[Tt]hem|[Tt]heir))\b/gu;

const ORG_PHRASE_RE = new RegExp(
  `(?<![\\p{L}])(?:${[...ORG_PHRASES]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\p{L}])`,
  'giu',
);

const COMMS: RegExp[] = [
  /(?<!\d)(?:\+\d{1,3}[\s-]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.]\d{4}(?!\d)/gu,
  /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/gu,
  /@[A-Za-z_][A-Za-z0-9_]{2,}\b/gu,
];

// Each pattern with its faster twins (see plain-twin.ts), used when the text allows.
const TWINS = new Map<RegExp, TwinPattern>(
  [...TEMPORAL, ...MONEY, QUANTITY, ...DOCREF, ...SHIPS, PRONOUNS, ORG_PHRASE_RE, ...COMMS].map((re) => [
    re,
    twinPattern(re),
  ]),
);

// The twins that open with a one-character look-behind, split (see plain-twin.ts).
const SPLITS = new Map<RegExp, LookbehindSplit>();
for (const twin of TWINS.values())
  for (const re of [twin.plain, twin.ascii]) {
    const split = splitLookbehind(re);
    if (split) SPLITS.set(re, split);
  }

/**
 * Pushes onto `out` a candidate for every match of each pattern (its twin, as the text allows),
 * pattern by pattern; `group` names the capture group that is the candidate (0: the match).
 */
function matchAll(
  out: Candidate[],
  text: string,
  patterns: readonly RegExp[],
  type: EntityType,
  subtype: string | null,
  priority: number,
  conf: number,
  group: number,
  kind: TextKind,
): void {
  for (let k = 0; k < patterns.length; k++) {
    const written = patterns[k]!;
    const twin = TWINS.get(written);
    const re = twin ? twinFor(twin, kind) : written;
    if (!mayMatch(text, re)) continue;
    const split = SPLITS.get(re);
    re.lastIndex = 0;
    for (const m of split ? execWithLookbehind(split, text) : text.matchAll(re)) {
      const whole = m[0];
      const sub = m[group] ?? whole;
      const start = m.index + (group ? whole.indexOf(sub) : 0);
      out.push(candidate(start, start + sub.length, type, subtype, conf, priority));
    }
  }
}

/**
 * Dates and durations, money, counts, document references and phone numbers/handles found by
 * pattern. Years after "in/since" are captured without the preposition.
 *
 * @example findPatternTerms('$135 million since 12 February') // Money, Temporal
 */
export function findPatternTerms(text: string): Candidate[] {
  const kind = textKind(text);
  const out = objectList<Candidate>();
  matchAll(out, text, COMMS, 'CommsIdentifier', null, 6, 0.7, 0, kind);
  matchAll(out, text, MONEY, 'Money', null, 6, 0.85, 0, kind);
  matchAll(out, text, DOCREF, 'DocumentReference', null, 5, 0.7, 0, kind);
  if (kind === 'ascii') scanTemporalAndCounts(text, out);
  else {
    for (let k = 0; k < TEMPORAL.length; k++)
      matchAll(out, text, TEMPORAL_ALONE[k]!, 'Temporal', null, 4, 0.8, k === YEAR_AFTER_WORD ? 1 : 0, kind);
    matchAll(out, text, QUANTITY_ALONE, 'Quantity', null, 1, 0.6, 0, kind);
  }
  matchAll(out, text, SHIPS, 'MilitaryPlatform', null, 3.5, 0.7, 0, kind);
  matchAll(out, text, ORG_PHRASE_ALONE, 'Organisation', 'armed-group', 2.7, 0.85, 0, kind);
  return out;
}

// The temporal pattern whose candidate is its first group (the year after "in", "since", …).
const YEAR_AFTER_WORD = 9;
// Single patterns as the lists `matchAll` reads.
const TEMPORAL_ALONE: readonly (readonly RegExp[])[] = TEMPORAL.map((re) => [re]);
const QUANTITY_ALONE: readonly RegExp[] = [QUANTITY];
const ORG_PHRASE_ALONE: readonly RegExp[] = [ORG_PHRASE_RE];

/**
 * The case-insensitive temporal patterns and the count pattern, as ASCII twins, read in one pass
 * (`CueScanner`: each pattern tried only where the text opens one of its matches; the same
 * matches as a global scan of each). Built on first use.
 */
let scanner: { scanner: CueScanner; temporal: number; yearAfterWord: RegExp } | null = null;

// The scan's matches by pattern (the temporal patterns, then the counts), emptied for each text:
// object lists, so the scan's callback meets one array kind (see `objectList`).
const BY_PATTERN: Candidate[][] = objectList<Candidate[]>();
for (let k = 0; k <= TEMPORAL.length; k++) BY_PATTERN.push(objectList<Candidate>());
const COUNTS = TEMPORAL.length;

/**
 * Pushes onto `out` the temporal candidates (pattern by pattern, each in text order), then the
 * counts, as the pattern-by-pattern scans would give them.
 */
function scanTemporalAndCounts(text: string, out: Candidate[]): void {
  if (scanner === null) {
    // The scanner reads case-insensitive patterns: those from the first without `i` (the
    // year ranges) keep their own scans.
    const caseSensitive = TEMPORAL.findIndex((re) => !re.ignoreCase);
    const temporal = TEMPORAL.slice(0, caseSensitive < 0 ? TEMPORAL.length : caseSensitive);
    const patterns = [...temporal, QUANTITY].map((re) => TWINS.get(re)!.ascii);
    scanner = {
      scanner: new CueScanner(patterns),
      temporal: temporal.length,
      yearAfterWord: new RegExp(TWINS.get(TEMPORAL[YEAR_AFTER_WORD]!)!.ascii.source, 'iy'),
    };
  }
  const { temporal: scannedTemporal, yearAfterWord } = scanner;
  for (let k = 0; k < BY_PATTERN.length; k++) BY_PATTERN[k]!.length = 0;
  scanner.scanner.scan(text, (p, start, end) => {
    if (p === scannedTemporal) {
      BY_PATTERN[COUNTS]!.push(candidate(start, end, 'Quantity', null, 0.6, 1));
      return;
    }
    if (p === YEAR_AFTER_WORD) {
      yearAfterWord.lastIndex = start;
      const m = yearAfterWord.exec(text)!;
      const sub = m[1] ?? m[0];
      const at = start + m[0].indexOf(sub);
      BY_PATTERN[p]!.push(candidate(at, at + sub.length, 'Temporal', null, 0.8, 4));
      return;
    }
    BY_PATTERN[p]!.push(candidate(start, end, 'Temporal', null, 0.8, 4));
  });
  for (let k = 0; k < scannedTemporal; k++) append(out, BY_PATTERN[k]!);
  for (let k = scannedTemporal; k < TEMPORAL.length; k++)
    matchAll(out, text, TEMPORAL_ALONE[k]!, 'Temporal', null, 4, 0.8, 0, 'ascii');
  append(out, BY_PATTERN[COUNTS]!);
}

/**
 * Personal pronouns as low-confidence Person / Organisation mentions (re3d annotates them).
 *
 * @example findPronouns('We hit them') // two Organisation candidates
 */
export function findPronouns(text: string): Candidate[] {
  const out = objectList<Candidate>();
  const re = twinFor(TWINS.get(PRONOUNS)!, textKind(text));
  if (!mayMatch(text, re)) return out;
  const groups = objectList<Candidate>();
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    // The person pronouns first, then the group ones.
    if (m[1] !== undefined) out.push(candidate(start, end, 'Person', 'pronoun', 0.2, 0.5));
    else groups.push(candidate(start, end, 'Organisation', 'pronoun', 0.2, 0.5));
  }
  append(out, groups);
  return out;
}
