import { objectList } from '../stage.js';
import { DEMONYMS } from './demonyms.js';
import { foldName } from './fold-name.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { GIVEN_NAMES } from './given-names.js';
import { NAMED_REGIONS, type NamedRegion } from './named-regions.js';
import { US_ABBREVIATION_SET } from './us-states.js';

/** A place name found in text, before resolution. */
export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  /** Surface form. */
  readonly name: string;
  /** The name to look up (the surface minus a type word such as "Parish" or "Air Base"). */
  readonly key: string;
  readonly type: 'name' | 'demonym' | 'facility' | 'region' | 'street' | 'water';
  /** Gazetteer candidates (empty for unknown facilities). */
  readonly candidates: readonly GazetteerEntry[];
  /** Country code for demonyms and direction phrases. */
  readonly countryCode: string | null;
  /** A named region outside the gazetteer ("Middle East"). */
  readonly region: NamedRegion | null;
  /** Direction qualifier ("north-eastern" in "north-eastern Syria"). */
  readonly qualifier: string | null;
  /** The word before the name that marks it as a place ("in", "near"), if any. */
  readonly cue: string | null;
  /** Admin suffix that restricts the kind ("province" → admin1/admin2). */
  readonly suffix: string | null;
  readonly confidence: number;
}

interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** The width (1 or 2 code units) of the letter, mark or digit at `i`, or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80)
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** The end of the run of letters, marks and digits at `i`. */
function wordRunEnd(text: string, i: number): number {
  for (let w = wordCharAt(text, i); w > 0; w = wordCharAt(text, i)) i += w;
  return i;
}

/**
 * The words of a text, as `/[\p{L}\p{M}\p{N}]+(?:[-'’ʼ.][\p{L}\p{M}\p{N}]+)*\.?/gu` finds them
 * (letters, marks and digits joined by hyphens, apostrophes and inner full stops, with a final
 * full stop), read by hand: the pattern's Unicode classes made it the stage's costliest step.
 */
function forEachWordMatch(text: string, visit: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const w = wordCharAt(text, i);
    if (w === 0) {
      // Step over a whole code point, as the pattern's search does.
      const c = text.charCodeAt(i);
      i +=
        c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
          ? 2
          : 1;
      continue;
    }
    const start = i;
    let end = wordRunEnd(text, i);
    for (;;) {
      const c = text.charCodeAt(end);
      const joiner = c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2bc || c === 0x2e;
      if (!joiner || wordCharAt(text, end + 1) === 0) break;
      end = wordRunEnd(text, end + 1);
    }
    if (text.charCodeAt(end) === 0x2e) end++;
    visit(start, end);
    i = end;
  }
}

function words(text: string): Word[] {
  const out: Word[] = [];
  forEachWordMatch(text, (matchStart, matchEnd) => {
    let start = matchStart;
    let end = matchEnd;
    // A trailing full stop belongs to the word only in initialisms ("U.S.") and "St."
    if (text.charCodeAt(end - 1) === 0x2e) {
      const t = text.slice(start, end);
      if (!/^(?:\p{Lu}\.)+$/u.test(t) && !/^(?:St|Mt|Ft)\.$/.test(t) && !US_ABBREVIATION_SET.has(t)) end--;
    }
    // A possessive "'s" is not part of the name.
    if (end - start >= 2 && text.charCodeAt(end - 1) === 0x73) {
      const q = text.charCodeAt(end - 2);
      if (q === 0x27 || q === 0x2019) end -= 2;
    }
    if (end === start) return;
    const first = text.charCodeAt(start);
    if (first === 0x27 || first === 0x2019) start++;
    out.push({ start, end, text: text.slice(start, end) });
  });
  return out;
}

/**
 * The report's words written in lower case somewhere ("turkey" beside "Turkey"). A report asks
 * about twenty names; each is looked for among the words (lengths compared first) and the
 * answer kept, which costs less than a set of every lower-case word of the report.
 */
class LowerWords {
  private readonly answers = new Map<string, boolean>();

  constructor(private readonly ws: readonly Word[]) {}

  has(word: string): boolean {
    let answer = this.answers.get(word);
    if (answer === undefined) {
      answer = false;
      for (const w of this.ws) {
        if (w.text.length === word.length && w.text === word && !isCap(w.text)) {
          answer = true;
          break;
        }
      }
      this.answers.set(word, answer);
    }
    return answer;
  }
}

/**
 * Whether a word opens with a capital, an Arabic article before one ("al-Anbar") or an elided
 * "d’" ("d’Ivoire"). Called for every word several times: ASCII letters are answered from the
 * first code unit, the rest by the patterns.
 */
function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) return true;
  // Only "a…", "e…" and "d…" can open an article or an elision.
  if (c === 0x61 || c === 0x65 || c === 0x64) return PREFIXED_CAP.test(w);
  if (c < 0x80) return false;
  return CAP.test(w);
}
const CAP = /^\p{Lu}/u;
const PREFIXED_CAP = /^(?:(?:al|el|ad|ar|as|an|ash|at|az)-|d['’])\p{Lu}/u;
// Lowercase words inside names ("Dar es Salaam", "Rio de Janeiro"); English function words
// such as "as", "an" and "on" are left out, they join a place to the word before it.
const CONNECTOR = new Set([
  'al',
  'el',
  'es',
  'de',
  'del',
  'la',
  'bin',
  'ibn',
  'da',
  'do',
  'dos',
  'du',
  'van',
  'von',
  'upon',
]);

// Lowercase words before a name that mark a location.
const CUES = new Set(
  'in near at from to outside across into around throughout toward towards via between within inside through of north south east west northeast northwest southeast southwest'.split(
    ' ',
  ),
);

const DIRECTION =
  /^(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|upper|lower)$/i;

// Type words after a name: capitalised ones are part of the name ("Rapides Parish"),
// lowercase ones are not ("Al-Anbar province").
const ADMIN_SUFFIX =
  /^(?:province|governorate|district|county|parish|region|state|prefecture|oblast|municipality|city|town|village|township|borough)$/i;
const FACILITY_HEAD =
  /^(?:air ?base|airbase|air field|airfield|airport|base|military base|military site|camp|oil field|gas field|oilfield|refugee camp|barracks|naval base|air station|checkpoint|border crossing|embassy|consulate)$/i;

// Capitalised words that are not places however the gazetteer spells them.
const NOT_PLACES = new Set(
  (
    'The A An I It He She We They This That These Those There Here His Her Its Their Our My Your Who What When Where Why How But And Or If As At In On Of For By With From To Mr Mrs Ms Dr Sir Lord God Allah Jesus Christ ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Police Sheriff Officer Officers Court Judge President Governor Mayor Senator Minister General Army Navy Congress Senate House Council Department Ministry Party Union Republican Republicans Democrat Democrats Democratic ' +
    'Christmas Easter Ramadan Islam Muslim Muslims Christian Christians Jewish Jews Arab Arabs Kurd Kurds Kurdish Sunni Shia Shiite Islamic State Hamas Hezbollah Taliban Al-Qaeda ' +
    'Internet Facebook Twitter Google Apple Amazon Reuters AP AFP CNN BBC Obama Bush Trump Putin Biden Clinton Jr Sr Inc Co Corp Ltd LLC ' +
    'North South East West Central Northern Southern Eastern Western Street Road Avenue Highway Route St Ave Blvd Hall School Church Hospital University College Center Centre Park ' +
    'Century City Main Bank Many More Most Over English Titan King Ford One No None Since Much Man Men Nov Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Dec Metro Olympic Olympics Sen Rep Gov Toyota Pack Northeast Northwest Southeast Southwest ' +
    'Mission Victoria Sale Deal Hope Chance Liberty Independence Justice Unity Truth Faith Grace Friendship Progress Enterprise Commerce Industry Energy Home Way Post Star Sun Moon Globe Liberal Liberals Conservative Conservatives Labour Tory Tories'
  ).split(' '),
);

// Words after a name that make it an organisation, team or publication.
const ORG_NEXT =
  /^(?:Post|Times|Herald|Tribune|Journal|News|Gazette|Chronicle|Daily|Press|Star|Sun|Police|University|College|Institute|Rangers|Giants|Saints|Bulls|Lakers|Yankees|Cowboys|Company|Inc|Corp|Bank|Party|Council|Department|Airlines|Airways|Energy|Group|Hospital|School|Church|High|Academy|Association|Foundation|Club|Committee|Commission|Board|Court|Office|Agency|Ministry|Government|Administration|Federal|Fire|Sheriff|Democrats|Republicans|Democratic|Republican|Senate|Assembly|Legislature|Center|Centre|Museum|Library|Theatre|Theater|Hotel|Mall|Stadium|Arena|Zoo|Airport|Times-Picayune|Register|Observer|Telegraph|Guardian|Examiner|Courier|Record|Review|Monitor|Express|Standard|Mirror|Independent|Bee|Enquirer|Dispatch|Ledger|Sentinel|Republic|Bulletin|Weekly)$/;
const PUBLICATION_NEXT =
  /^(?:Post|Times|Herald|Tribune|Journal|Gazette|Chronicle|Daily|Star|Sun|Times-Picayune|Register|Observer|Telegraph|Examiner|Courier|Enquirer|Dispatch|Ledger|Sentinel|Bulletin|Rangers|Giants|Saints|Bulls|Lakers|Yankees|Cowboys|Redskins|Nationals|Capitals|Wizards|Mariners|Seahawks)$/;
const CONTRACTION = /^\p{Lu}\p{Ll}*['’](?:ll|ve|re|d|m)$/u;

// Capitalised head words of organisation names of the form "<Head> of (the) <Name>".
const ORG_OF_BEFORE =
  /\b(?:Brigades?|Battalions?|Regiments?|Armies|Army|Front|Movement|Party|Council|Union|League|Sons|Daughters|Soldiers|Guardians|Lions|Knights|Companions|Partisans|Martyrs|Committee|Federation|Bank|Church|Society|Association|Order|Friends|Organi[sz]ation|Institute|University|College|School|Academy|Museum|Bureau|Forces|Guards?|Defenders|Liberators|Protectors|Vanguards?|Coalition|Alliance|Corps|Division|Legion|Squadrons?|Brotherhood|Eagles|Falcons|Wolves|Tigers)\s+of\s+(?:the\s+)?$/;
const PERSON_NEXT = /^(?:said|says|told|added|asked|wrote|announced|who|whose)$/;
const TITLE_PREV =
  /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|President|Gov|Governor|Sen|Senator|Rep|Gen|General|Col|Lt|Sgt|Capt|Captain|Officer|Judge|Justice|Rev|Coach|Prof|Professor|Minister|Secretary|Chief|King|Queen|Prince|Princess|Pope|Saint|Sheikh|Mayor|Deputy|Detective|Trooper|Agent|Attorney)\.?$/;

/**
 * Finds place-name mentions: capitalised runs looked up in the gazetteer (longest match
 * first), type suffixes ("X province", "X Air Base"), named regions, demonym adjectives and
 * direction phrases, with stop-lists for people and organisations.
 *
 * @example recognizePlaces('Drones hit the Harir Air Base in Erbil.', gazetteer).map(m => m.name) // ['Harir Air Base', 'Erbil']
 */
export function recognizePlaces(text: string, gazetteer: Gazetteer | null): PlaceMention[] {
  const ws = words(text);
  const out: PlaceMention[] = [];
  const lowerWords = new LowerWords(ws);

  const persons = personNames(text, ws, gazetteer);
  let i = 0;
  while (i < ws.length) {
    const w = ws[i]!;
    if (!isCap(w.text)) {
      i++;
      continue;
    }
    if (NOT_PLACES.has(w.text) && !startsRun(ws, i, text)) {
      // "Main Street", "Central Avenue": a stop word may still open a street name.
      let k = i + 1;
      while (k < ws.length && k - i < 5 && isCap(ws[k]!.text) && onlySpaceBetween(text, ws[k - 1]!, ws[k]!))
        k++;
      const local = k > i + 1 ? streetOrWater(text, ws, i, k, gazetteer) : null;
      if (local) out.push(local);
      i = local ? k : i + 1;
      continue;
    }
    // The run of capitalised words (with inner Arabic/Romance connectors) on one line.
    let j = i + 1;
    while (j < ws.length && j - i < 8 && onlySpaceBetween(text, ws[j - 1]!, ws[j]!)) {
      const t = ws[j]!.text;
      if (isCap(t)) j++;
      else if (
        CONNECTOR.has(t) &&
        j + 1 < ws.length &&
        isCap(ws[j + 1]!.text) &&
        onlySpaceBetween(text, ws[j]!, ws[j + 1]!)
      )
        j += 2;
      else break;
    }
    matchRun(text, ws, i, j, gazetteer, lowerWords, persons, out);
    i = j;
  }
  // The road pattern is tried only when one of its words is in the text (most texts name no road).
  const roads = ROAD_WORDS.some((w) => text.includes(w)) ? text.matchAll(NUMBERED_ROAD) : [];
  for (const m of roads) {
    out.push(
      mention(m.index, m.index + m[0].length, m[0], m[0], 'street', [], null, null, null, null, null, 0.6),
    );
  }
  return dedupe(out);
}

/**
 * Surnames of people named in full in the text ("Tom Jones" → "Jones"), so that later bare
 * mentions ("Jones said") are not read as towns.
 */
function personNames(text: string, ws: Word[], gazetteer: Gazetteer | null): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < ws.length; i++) {
    const a = ws[i]!;
    let b = ws[i + 1]!;
    if (!isCap(a.text) || !isCap(b.text) || !onlySpaceBetween(text, a, b)) continue;
    const c = ws[i + 2];
    if (c && isCap(c.text) && onlySpaceBetween(text, b, c)) {
      // "Chiquita Raquel Henry", "John F. Kennedy": a middle name or initial, then the surname.
      const d = ws[i + 3];
      if (
        (d && isCap(d.text) && onlySpaceBetween(text, c, d)) ||
        !/^(?:\p{Lu}\p{Ll}+|\p{Lu}\.?)$/u.test(b.text)
      )
        continue;
      if (
        !isCapitalisedWord(a.text) ||
        (gazetteer && gazetteer.lookup(`${a.text} ${b.text} ${c.text}`).length > 0)
      )
        continue;
      b = c;
    }
    const p = ws[i - 1];
    // "The Rev. Roy Jones", "Sgt. Ann Lee": a title before a first name and surname.
    if (p && TITLE_PREV.test(p.text) && /^\.?[ \t]+$/.test(text.slice(p.end, a.start))) {
      if (isSurnameShaped(b.text) && !ADMIN_SUFFIX.test(b.text)) out.add(b.text);
      continue;
    }
    if (p && isCap(p.text) && onlySpaceBetween(text, p, a)) continue;
    if (TITLE_PREV.test(a.text)) {
      out.add(b.text);
      continue;
    }
    if (FIRST_WORD_NOT_NAME.test(a.text) || NOT_PLACES.has(a.text) || DIRECTION.test(a.text)) continue;
    if (!isCapitalisedWord(a.text) || !isSurnameShaped(b.text)) continue;
    if (
      ADMIN_SUFFIX.test(b.text) ||
      ORG_NEXT.test(b.text) ||
      /^(?:Base|Airbase|Airport|Camp|Field|River|Lake|Mountain|Mountains|Island|Islands|Valley|Creek|Beach|Bay|Park|Hill|Hills|Springs|Falls|Heights|Road|Street|Avenue|Drive|Lane)$/.test(
        b.text,
      )
    )
      continue;
    const after = text.slice(b.end, b.end + 16);
    const speaks =
      /^,\s*\d{1,3}\b|^\s+(?:said|says|told|added|wrote|asked|who|was|is|has|had)\b|^,\s*(?:a|an|the|who)\s/.test(
        after,
      );
    // A two-word name the gazetteer does not know, whose first word is no place: a person.
    const known = gazetteer ? gazetteer.lookup(`${a.text} ${b.text}`).length > 0 : false;
    const firstIsPlace = gazetteer
      ? gazetteer
          .lookup(a.text)
          .some((e) => e.kind === 'country' || e.kind === 'admin1' || e.population >= 100_000)
      : false;
    // A common given name before it ("David Jackson") makes it a surname, whatever the first
    // name's namesakes.
    const given = GIVEN_NAMES.has(a.text);
    if (
      !known &&
      (given || (!firstIsPlace && (speaks || !gazetteer || gazetteer.lookup(a.text).length === 0)))
    )
      out.add(b.text);
  }
  return out;
}

const FIRST_WORD_NOT_NAME =
  /^(?:The|A|In|At|On|New|San|Santa|Los|Las|Fort|Port|Mount|Lake|Saint|St|North|South|East|West)$/;

function startsRun(ws: Word[], i: number, text: string): boolean {
  // "North Carolina", "West Bank", "Hall County", "Union Parish": a stop word may open a longer name.
  const next = ws[i + 1];
  return (
    !!next &&
    isCap(next.text) &&
    onlySpaceBetween(text, ws[i]!, next) &&
    (/^(?:County|Parish)$/.test(next.text) ||
      /^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|New|St|Saint|San|Santa|Los|Las|El|Al|Le|La|Port|Fort|Mount|Lake|Cape|Gulf|Sea)$/.test(
        ws[i]!.text,
      ))
  );
}

/** Whether only spaces and tabs (at least one), or a lone hyphen, stand between two words. */
function onlySpaceBetween(text: string, a: Word, b: Word): boolean {
  if (b.start <= a.end) return false;
  if (b.start - a.end === 1 && text.charCodeAt(a.end) === 0x2d) return true;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

function prevWord(ws: Word[], i: number): Word | null {
  return i > 0 ? ws[i - 1]! : null;
}

const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const SURNAME_SHAPED = /^\p{Lu}[\p{Ll}'’]+\p{Ll}$/u;

/**
 * The letters of an ASCII word as `CAPITALISED_WORD` (apostrophe false) or `SURNAME_SHAPED` (true)
 * reads them: a capital, then lower-case letters (and, inside a surname, apostrophes); null when
 * the word holds a non-ASCII character, for the pattern to answer.
 */
function asciiNameShape(w: string, apostrophe: boolean): boolean | null {
  let shaped = w.length >= (apostrophe ? 3 : 2);
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x80) return null;
    if (i === 0) shaped &&= c >= 0x41 && c <= 0x5a;
    else if (apostrophe && c === 0x27 && i < w.length - 1) continue;
    else shaped &&= c >= 0x61 && c <= 0x7a;
  }
  return shaped;
}

/** `/^\p{Lu}\p{Ll}+$/u.test(w)`: a capital, then lower-case letters ("Jones"). */
function isCapitalisedWord(w: string): boolean {
  return asciiNameShape(w, false) ?? CAPITALISED_WORD.test(w);
}

/** `/^\p{Lu}[\p{Ll}'’]+\p{Ll}$/u.test(w)`: a surname's shape ("Jones", "O'Neill"). */
function isSurnameShaped(w: string): boolean {
  return asciiNameShape(w, true) ?? SURNAME_SHAPED.test(w);
}

function cueBefore(text: string, ws: Word[], i: number): string | null {
  const p = prevWord(ws, i);
  if (!p) return null;
  const gap = text.slice(p.end, ws[i]!.start);
  if (!/^\s+(?:the\s+)?$/.test(gap) && !/^\s+$/.test(gap)) {
    // "north of X": the cue is two words back
    return null;
  }
  const t = p.text.toLowerCase();
  if (CUES.has(t) && !isCap(p.text)) return t;
  if (t === 'the' && i > 1 && CUES.has(ws[i - 2]!.text)) return ws[i - 2]!.text;
  return null;
}

function atSentenceStart(text: string, w: Word): boolean {
  const before = text.slice(Math.max(0, w.start - 4), w.start);
  return w.start === 0 || /(?:[.!?:;]["'”’)]?\s+|\n\s*|^\s*|["“]\s*)$/.test(before);
}

function matchRun(
  text: string,
  ws: Word[],
  from: number,
  to: number,
  gazetteer: Gazetteer | null,
  lowerWords: LowerWords,
  persons: Set<string>,
  out: PlaceMention[],
): void {
  const local = streetOrWater(text, ws, from, to, gazetteer);
  if (local) {
    out.push(local);
    return;
  }
  let i = from;
  // "The" opens many runs ("The Hague" aside): skip it.
  while (i < to && NOT_PLACES.has(ws[i]!.text) && !startsRun(ws, i, text)) i++;
  while (i < to) {
    let matched = false;
    for (let j = Math.min(to, i + 6); j > i; j--) {
      const m = tryName(text, ws, i, j, from, to, gazetteer, lowerWords, persons);
      if (m === 'skip') {
        i = to;
        matched = true;
        break;
      }
      if (m) {
        out.push(m);
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const unknown = unknownPlace(text, ws, i, to);
      if (unknown) {
        out.push(unknown);
        i = to;
      } else i++;
    }
  }
}

const STREET_END =
  /^(?:Street|St\.|Road|Rd|Avenue|Ave|Drive|Boulevard|Blvd|Parkway|Pkwy|Lane|Highway|Expressway|Freeway|Turnpike|Square|Bridge|Plaza)$/;
const LOCAL_FEATURE_END = /^(?:Park|Cemetery|Mall|Stadium)$/;
const WATER_END = /^(?:River|Creek|Lake|Bay|Sea|Ocean|Gulf|Canal|Reservoir|Strait|Straits)$/;

/** "Main Street", "Neches River": streets and waters, placed later by the town around them. */
function streetOrWater(
  text: string,
  ws: Word[],
  from: number,
  to: number,
  gazetteer: Gazetteer | null,
): PlaceMention | null {
  let i = from;
  while (i < to && /^(?:The|A|An|In|At|On|Of|From|To|By|Near)$/.test(ws[i]!.text)) i++;
  if (to - i < 2 || to - i > 5) return null;
  const last = ws[to - 1]!.text;
  const first = ws[i]!;
  const name = text.slice(first.start, ws[to - 1]!.end);
  // "Hopkins Park in DeKalb" is a park, placed by its town; "Highland Park" the town is a town.
  const park = LOCAL_FEATURE_END.test(last) && (!gazetteer || gazetteer.lookup(name).length === 0);
  const type = STREET_END.test(last) || park ? 'street' : WATER_END.test(last) ? 'water' : null;
  if (!type) return null;
  return mention(first.start, ws[to - 1]!.end, name, name, type, [], null, null, null, null, null, 0.6);
}

/** Words every match of NUMBERED_ROAD contains one of. */
const ROAD_WORDS = ['Highway', 'Route', 'Interstate', 'Hwy', 'State Road', 'County Road', 'I-'];
const NUMBERED_ROAD =
  /\b(?:Highway|Route|Interstate|Hwy\.?|State Route|State Road|U\.S\. Route|County Road)\s+\d{1,4}[A-Z]?\b|\bI-\d{1,3}\b/g;

// A name, perhaps more names ("Camden and Charlton"), then "counties" or "parishes".
const PLURAL_ADMIN2_AFTER =
  /^(?:\s*(?:,|,?\s+and|,?\s+or)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?)*\s+(counties|parishes)\b/u;

// Words that say the next name is a settlement or area even when the gazetteer lacks it.
const SETTLEMENT_BEFORE =
  /\b(?:village|town|city|settlement|settlements|hamlet|district|province|camp|neighbourhood|neighborhood|suburb|outskirts|governorate) of\s+$/i;
const SETTLEMENT_AFTER =
  /^\s+(?:town|village|city|district|province|governorate|area|countryside|neighbourhood|neighborhood|refugee camp|camp)\b/i;

/**
 * Whether text[from, to) may end as SETTLEMENT_BEFORE needs, " of" and white space: read from
 * the ASCII code units at its end (most names follow "in" or "the", and the end-anchored pattern
 * tried every offset of the 40 characters); a non-ASCII character there is left to the pattern.
 */
function mayEndWithOf(text: string, from: number, to: number): boolean {
  let j = to;
  for (; j > from; j--) {
    const c = text.charCodeAt(j - 1);
    if (c >= 0x80) return true;
    if (c !== 0x20 && (c < 0x09 || c > 0x0d)) break;
  }
  if (j === to || j - 3 < from) return false;
  return (
    (text.charCodeAt(j - 1) | 0x20) === 0x66 &&
    (text.charCodeAt(j - 2) | 0x20) === 0x6f &&
    text.charCodeAt(j - 3) === 0x20
  );
}

/** A name the gazetteer does not know, kept (unresolved) when the text says it is a place. */
function unknownPlace(text: string, ws: Word[], i: number, to: number): PlaceMention | null {
  if (i !== to - 1 && to - i > 3) return null;
  const first = ws[i]!;
  const last = ws[to - 1]!;
  if (NOT_PLACES.has(first.text) || /^[A-Z]{2,}$/.test(first.text)) return null;
  const from = Math.max(0, first.start - 40);
  const settlementBefore =
    mayEndWithOf(text, from, first.start) && SETTLEMENT_BEFORE.test(text.slice(from, first.start));
  if (!settlementBefore && !SETTLEMENT_AFTER.test(text.slice(last.end, last.end + 30))) return null;
  const name = text.slice(first.start, last.end);
  return mention(first.start, last.end, name, name, 'name', [], null, null, null, null, null, 0.5);
}

function tryName(
  text: string,
  ws: Word[],
  i: number,
  j: number,
  runFrom: number,
  runTo: number,
  gazetteer: Gazetteer | null,
  lowerWords: LowerWords,
  persons: Set<string>,
): PlaceMention | 'skip' | null {
  const first = ws[i]!;
  const last = ws[j - 1]!;
  // A name neither starts nor ends with a lowercase connector ("bin" in "Osama bin Laden").
  if (!isCap(first.text) || !isCap(last.text)) return null;
  const name = text.slice(first.start, last.end);
  const nextW = ws[j];
  const prevW = prevWord(ws, i);
  const cue = cueBefore(text, ws, i);

  // Lowercase type word right after the run: "Al-Anbar province", "Harir military base".
  const after = j === runTo && nextW ? followingHead(text, ws, j) : null;

  // Demonym adjectives ("Syrian forces"); plural people nouns are not matched.
  const demonym = DEMONYMS.get(name);
  if (demonym && !after) {
    const nextIsWord = nextW && /^\s+$/.test(text.slice(last.end, nextW.start));
    if (!nextIsWord) return null;
    return mention(first.start, last.end, name, name, 'demonym', [], demonym, null, null, cue, null, 0.7);
  }

  // Contractions ("I’ll", "We’d") are no abbreviations of states ("Ill.").
  if ((name.includes("'") || name.includes('’')) && CONTRACTION.test(name)) return null;
  // A saint's day, church or school ("St. Patrick’s Day", "St. John’s Lutheran School").
  if (/^(?:St\.?|Saint)\s/.test(name) && /^['’]s\s+\p{Lu}/u.test(text.slice(last.end, last.end + 4)))
    return null;

  // The seat, not the place: the White House, the Kremlin speak for governments.
  if (name === 'White House') return 'skip';

  // Named regions outside the gazetteer ("Middle East", "Kurdistan Region").
  const lower = name.toLowerCase();
  const region = NAMED_REGIONS.get(lower.includes('-') ? lower.replace(/-/g, ' ') : lower);
  if (region)
    return mention(
      first.start,
      last.end,
      name,
      name,
      'region',
      [],
      region.countryCode,
      region,
      null,
      cue,
      null,
      0.8,
    );

  if (!gazetteer) return null;

  // Facility: capitalised head inside the run ("Harir Air Base") or lowercase head after it.
  const capHead = j - i >= 2 ? facilityHeadAtEnd(ws, i, j) : 0;
  if (capHead > 0 || (after && FACILITY_HEAD.test(after.words))) {
    if (capHead > 0 && j < runTo) return null; // "Air Base Road": let a longer span decide
    const end = after && capHead === 0 ? after.end : last.end;
    const key = capHead > 0 ? text.slice(first.start, ws[j - 1 - capHead]!.end) : name;
    const full = text.slice(first.start, end);
    const direct = gazetteer.lookup(full).filter((e) => e.kind === 'facility');
    const candidates = direct.length > 0 ? direct : gazetteer.lookupFacility(full);
    return mention(first.start, end, full, key, 'facility', candidates, null, null, null, cue, null, 0.85);
  }

  // Capitalised admin suffix inside the run: "Rapides Parish", "Nineveh Province".
  let candidates: readonly GazetteerEntry[] = [];
  let suffix: string | null = null;
  let key = name;
  if (j - i >= 2 && ADMIN_SUFFIX.test(last.text)) {
    candidates = gazetteer.lookup(name);
    // "Laurel County" unknown as a county: the town it is named after, unless that name is a
    // stop word ("Police County" is no county in Poland).
    if (candidates.length === 0 && !NOT_PLACES.has(first.text)) {
      key = text.slice(first.start, ws[j - 2]!.end);
      candidates = gazetteer.lookup(key);
      suffix = last.text.toLowerCase();
    }
  } else {
    // "Barrow and Jackson counties": each name is a county's.
    const window = text.slice(last.end, last.end + 80);
    // Most names are followed by neither word: the pattern is only tried when one is there.
    const plural =
      window.includes('counties') || window.includes('parishes') ? PLURAL_ADMIN2_AFTER.exec(window) : null;
    if (plural) {
      const unit = /^parishes$/i.test(plural[1]!) ? 'parish' : 'county';
      candidates = gazetteer.lookup(`${name} ${unit}`).filter((c) => c.kind === 'admin2');
      if (candidates.length > 0) suffix = unit;
    }
    // Airports match ordinary names only through their keywords ("Kurdistan"): not evidence.
    if (candidates.length === 0) candidates = gazetteer.lookup(name).filter((c) => c.kind !== 'facility');
    if (candidates.length === 0)
      candidates = gazetteer.lookupVariant(name).filter((c) => c.kind !== 'facility');
    if (after && ADMIN_SUFFIX.test(after.words)) suffix = after.words.toLowerCase();
  }
  // "Dublin City Council" in Ohio: "X City" is also any town called X, not only the one
  // whose official name carries "City".
  if (j - i >= 2 && last.text === 'City' && candidates.length > 0 && suffix === null) {
    const town = text.slice(first.start, ws[j - 2]!.end);
    const folded = foldName(town);
    const towns = gazetteer
      .lookup(town)
      .filter((c) => c.kind === 'city' && !candidates.includes(c) && foldName(c.name) === folded);
    if (towns.length > 0) candidates = [...candidates.filter((c) => c.kind !== 'facility'), ...towns];
  }
  if (candidates.length === 0) return null;

  // Inside a longer capitalised name: an organisation, a team, a person.
  const single = j - i === 1;
  if (single && NOT_PLACES.has(first.text)) return null;
  // Acronyms (NATO, EU, CIS) are organisations unless they name a country or state.
  if (
    single &&
    /^[A-Z]{2,6}$/.test(first.text) &&
    !candidates.some((c) => c.kind === 'country' || c.kind === 'admin1')
  )
    return null;
  const best = Math.max(...candidates.map((c) => c.population));
  // Strong names stand up without a cue: countries, populous states and provinces, cities ≥ 100k
  // (tiny parishes named "Michael" or "Patrick" are not).
  const strong = candidates.some(
    (c) =>
      c.kind === 'country' || (c.kind === 'admin1' && c.population >= 300_000) || c.population >= 100_000,
  );
  // "the Brigades of the Two Rivers", "Sons of Liberty": after an organisation's head word and
  // "of", a small place's name is part of the organisation's ("University of Texas" keeps Texas).
  if (!strong && ORG_OF_BEFORE.test(text.slice(Math.max(0, first.start - 40), first.start))) return null;
  // Places inside organisation names count ("the Ohio Department of …"); a first name
  // before a place-like surname does not ("Michael Jordan").
  const orgAfter = j < runTo && ORG_NEXT.test(ws[j]!.text);
  // Newspapers and teams name no place the report is about ("Washington Post").
  if (j < runTo && PUBLICATION_NEXT.test(ws[j]!.text)) return 'skip';
  if (i > runFrom && !DIRECTION.test(ws[i - 1]!.text)) {
    if (!strong || (runTo - runFrom === 2 && !orgAfter)) return null;
  }
  // A surname named in full elsewhere ("Tom Jones … Jones said"), unless placed in a state ("Jones, Okla.").
  if (
    single &&
    persons.has(first.text) &&
    !candidates.some((c) => c.kind === 'country' || c.kind === 'admin1')
  ) {
    if (!/^,\s*\p{Lu}/u.test(text.slice(last.end, last.end + 4)) || !strong) return null;
  }
  // "Mrs. Lincoln", "Gov. Perry": a title makes the next name a person's.
  if (prevW && TITLE_PREV.test(prevW.text) && /^\.?[ \t]+$/.test(text.slice(prevW.end, first.start)))
    return 'skip';
  // "Mary Wheeler", "Sam Houston State University": a given name opening a longer name.
  if (single && GIVEN_NAMES.has(first.text) && j < runTo && !orgAfter && !ADMIN_SUFFIX.test(ws[j]!.text))
    return 'skip';
  if (single) {
    if (nextW && PERSON_NEXT.test(nextW.text) && !strong && /^\s+$/.test(text.slice(last.end, nextW.start)))
      return null;
    if (
      j < runTo &&
      isCap(ws[j]!.text) &&
      !NOT_PLACES.has(ws[j]!.text) &&
      !orgAfter &&
      !ADMIN_SUFFIX.test(ws[j]!.text) &&
      !strong
    )
      return null;
    if (atSentenceStart(text, first) && lowerWords.has(first.text.toLowerCase()) && !strong) return null;
    if (lowerWords.has(first.text.toLowerCase()) && !cue && !strong) return null;
  }
  let confidence = strong ? 0.85 : best >= 15_000 ? 0.7 : 0.55;
  if (cue) confidence = Math.min(0.95, confidence + 0.15);
  if (!cue && !strong && best < 5_000 && single) {
    // A small town's name, alone, without "in" or a state after it: more often a surname.
    if (!/^,\s*\p{Lu}/u.test(text.slice(last.end, last.end + 4))) return null;
    confidence -= 0.15;
  }
  // Direction qualifier before the name: "northern Iraq", "north-eastern Syria".
  const qualifier =
    prevW && DIRECTION.test(prevW.text) && !isCap(prevW.text) ? prevW.text.toLowerCase() : null;
  return mention(
    first.start,
    last.end,
    name,
    key,
    qualifier ? 'region' : 'name',
    candidates,
    null,
    null,
    qualifier,
    cue,
    suffix,
    confidence,
  );
}

function facilityHeadAtEnd(ws: Word[], i: number, j: number): number {
  const lastTwo = j - i >= 3 ? `${ws[j - 2]!.text} ${ws[j - 1]!.text}` : '';
  if (
    lastTwo &&
    /^(?:Air Base|Air Field|Military Base|Naval Base|Air Station|Oil Field|Gas Field|Refugee Camp)$/i.test(
      lastTwo,
    )
  )
    return 2;
  return /^(?:Airbase|Airfield|Base|Camp|Barracks|Airport)$/.test(ws[j - 1]!.text) ? 1 : 0;
}

function followingHead(text: string, ws: Word[], j: number): { words: string; end: number } | null {
  const a = ws[j];
  if (!a || isCap(a.text) || !/^\s+$/.test(text.slice(ws[j - 1]!.end, a.start))) return null;
  const b = ws[j + 1];
  if (b && !isCap(b.text) && /^\s+$/.test(text.slice(a.end, b.start))) {
    const two = `${a.text} ${b.text}`;
    if (FACILITY_HEAD.test(two)) return { words: two, end: b.end };
  }
  if (FACILITY_HEAD.test(a.text) || ADMIN_SUFFIX.test(a.text)) return { words: a.text, end: a.end };
  return null;
}

function mention(
  start: number,
  end: number,
  name: string,
  key: string,
  type: PlaceMention['type'],
  candidates: readonly GazetteerEntry[],
  countryCode: string | null,
  region: NamedRegion | null,
  qualifier: string | null,
  cue: string | null,
  suffix: string | null,
  confidence: number,
): PlaceMention {
  return { start, end, name, key, type, candidates, countryCode, region, qualifier, cue, suffix, confidence };
}

function dedupe(ms: PlaceMention[]): PlaceMention[] {
  ms.sort((a, b) => a.start - b.start || b.end - a.end);
  // A report with no mention hands the next steps an array of the kind one with mentions does.
  const out = objectList<PlaceMention>();
  for (const m of ms) {
    const prev = out[out.length - 1];
    if (prev && m.start < prev.end) continue;
    out.push(m);
  }
  return out;
}
