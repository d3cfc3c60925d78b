import type { IncidentDate, IncidentPlace, ReportIncident } from './event-features.js';
import { isoOfDay, precisionRank } from './event-features.js';

/** Tuning of the event matcher. */
export interface MatchOptions {
  /** Pairs scoring at least this are the same event. */
  readonly threshold?: number;
  /** Days two explicit dates may be apart and still match (time zones, "shortly after midnight"). */
  readonly dateSlackDays?: number;
  /** Farthest two precisely placed reports of one event may be, in km. */
  readonly exactRadiusKm?: number;
  /** Farthest when one report places it only near a town or in a district, in km. */
  readonly nearRadiusKm?: number;
  /**
   * Most candidates one incident takes from each kind of block (place name × month, grid cell ×
   * day, country × month, target / actor word / unknown place name × month), nearest in time
   * first: bounds the cost where thousands of reports share a country or a place name in one month.
   */
  readonly coarseBlockCap?: number;
  /**
   * Join incidents of one report that restate one event (headline, lead and body often come
   * out as separate incidents). When false, a report's events stay as the reader grouped them
   * (by `incidentId`) and are never linked to each other.
   */
  readonly mergeRestatements?: boolean;
}

/** Defaults of {@link MatchOptions}. */
export const MATCH_DEFAULTS: Required<MatchOptions> = {
  threshold: 0.5,
  dateSlackDays: 1,
  exactRadiusKm: 40,
  nearRadiusKm: 100,
  coarseBlockCap: 100,
  mergeRestatements: true,
};

/** A scored pair of incidents: how alike two reports' events are, and why. */
export interface PairScore {
  readonly score: number;
  readonly reasons: string[];
}

/**
 * Great-circle distance in km.
 *
 * @example Math.round(distanceKm(36.19, 44.01, 36.34, 43.13)) // 80 (Erbil to Mosul)
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Codes a generic attack word gets ("the attack"): they say nothing against a more specific one. */
const GENERIC_TYPES = new Set(['ATTACK', 'OTHER']);
/** ACLED's explosion sub-types, told apart by weapon. */
const EXPLOSIONS = new Set([
  'AIR_STRIKE',
  'ART_MISS_ATTACK',
  'REM_EXPLOS',
  'SUIC_BOMB',
  'GRENADE',
  'CHEM_WEAP',
]);
const STRIKES = new Set(['AIR_STRIKE', 'ART_MISS_ATTACK', 'DISR_WEAP', 'CHEM_WEAP']);
const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
const UNREST = new Set(['Protests', 'Riots']);

function fine(place: IncidentPlace): boolean {
  return (
    place.lat !== null && place.lon !== null && precisionRank(place.precision) <= precisionRank('admin2')
  );
}

/** What a comparison part gives when two incidents cannot be one event. */
const EXCLUDED = Number.NEGATIVE_INFINITY;

/**
 * Scores two places (see {@link comparePlaces}) as a number, `EXCLUDED` when they cannot be the
 * same spot; pushes the reason onto `why` when given. The matcher scores millions of candidate
 * pairs this way without building a reason for each.
 */
function placeScore(a: IncidentPlace, b: IncidentPlace, options: MatchOptions, why: string[] | null): number {
  const weight = a.inferred || b.inferred ? 0.5 : 1;
  if (a.lat === null || b.lat === null) {
    // A place the gazetteer does not know can still be named the same way in both reports.
    if (a.name !== b.name && a.name.toLowerCase() !== b.name.toLowerCase()) return 0;
    why?.push(`same place name (${a.name})`);
    return 0.2 * weight;
  }
  if (fine(a) && fine(b) && a.lon !== null && b.lon !== null) {
    const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
    const precise = a.precision === 'exact' && b.precision === 'exact';
    const radius = precise
      ? (options.exactRadiusKm ?? MATCH_DEFAULTS.exactRadiusKm)
      : (options.nearRadiusKm ?? MATCH_DEFAULTS.nearRadiusKm);
    if (km > radius) return EXCLUDED;
    if (a.name === b.name || km < 2) {
      why?.push(`same place (${a.name})`);
      return 0.3 * weight;
    }
    if (km <= 10) {
      why?.push(`${Math.round(km)} km apart (${a.name}, ${b.name})`);
      return 0.25 * weight;
    }
    if (km <= 30) {
      why?.push(`${Math.round(km)} km apart (${a.name}, ${b.name})`);
      return 0.15 * weight;
    }
    why?.push(`within ${Math.round(km)} km (${a.name}, ${b.name})`);
    return 0.05 * weight;
  }
  if (a.country && b.country && a.country !== b.country) {
    // A country-level place is often a side's name ("US forces"), not where it happened: a soft conflict.
    const coarse =
      precisionRank(a.precision) >= precisionRank('country') ||
      precisionRank(b.precision) >= precisionRank('country');
    if (!coarse) return EXCLUDED;
    why?.push(`countries differ (${a.country}, ${b.country})`);
    return -0.2;
  }
  if (a.admin1 && b.admin1 && a.admin1 !== b.admin1 && a.country === b.country) return EXCLUDED;
  if (a.admin1 && a.admin1 === b.admin1) {
    why?.push(`same province (${a.admin1})`);
    return 0.1 * weight;
  }
  if (a.country && a.country === b.country) {
    why?.push(`same country (${a.country})`);
    return 0.05 * weight;
  }
  return 0;
}

/**
 * Whether two places can be the same spot, with a score and reason when they can; null when
 * they cannot (too far apart for their precision, different provinces or countries).
 *
 * @example comparePlaces(harir, mosul)?.score // 0.05 (80 km apart, one "near")
 */
export function comparePlaces(
  a: IncidentPlace,
  b: IncidentPlace,
  options: MatchOptions = {},
): PairScore | null {
  const reasons: string[] = [];
  const score = placeScore(a, b, options, reasons);
  return score === EXCLUDED ? null : { score, reasons };
}

/**
 * Whether two places can be the same spot (`comparePlaces` not null), without its reason.
 *
 * @example placesCompatible(harir, basra) // false
 */
export function placesCompatible(a: IncidentPlace, b: IncidentPlace, options: MatchOptions = {}): boolean {
  return placeScore(a, b, options, null) !== EXCLUDED;
}

/** Scores two dates (see {@link compareDates}) as a number, `EXCLUDED` when they cannot be one event's. */
function dateScore(a: IncidentDate, b: IncidentDate, options: MatchOptions, why: string[] | null): number {
  const slack = options.dateSlackDays ?? MATCH_DEFAULTS.dateSlackDays;
  const overlap = a.from <= b.to + slack && b.from <= a.to + slack;
  if (a.source === 'publication' || b.source === 'publication') {
    why?.push(overlap ? 'reported within days' : 'reported days apart');
    return overlap ? 0.05 : -0.2;
  }
  const sameDay = a.from === a.to && b.from === b.to && a.from === b.from;
  if (a.inferred || b.inferred) {
    // A date from the report's lead, not the event's own sentence: agreement counts, conflict is soft.
    if (!overlap) {
      why?.push('lead dates differ');
      return -0.2;
    }
    why?.push(sameDay ? `same day (${isoOfDay(a.from)}, from the lead)` : 'dates overlap (from the lead)');
    return sameDay ? 0.2 : 0.1;
  }
  if (!overlap) return EXCLUDED;
  if (sameDay) {
    why?.push(`same day (${isoOfDay(a.from)})`);
    return 0.25;
  }
  if (a.to - a.from <= 1 && b.to - b.from <= 1) {
    why?.push('dates within a day');
    return 0.2;
  }
  why?.push('dates overlap');
  return 0.12;
}

/**
 * Whether two dates can be the same event's, with a score and reason; null when they cannot.
 *
 * @example compareDates(march4, march4)?.reasons // ['same day (2026-03-04)']
 */
export function compareDates(a: IncidentDate, b: IncidentDate, options: MatchOptions = {}): PairScore | null {
  const reasons: string[] = [];
  const score = dateScore(a, b, options, reasons);
  return score === EXCLUDED ? null : { score, reasons };
}

/** Scores two event codings (see {@link compareTypes}) as a number. */
function typeScore(a: ReportIncident, b: ReportIncident, why: string[] | null): number {
  const fa = featuresOf(a);
  const fb = featuresOf(b);
  const ta = fa.specificTypes;
  const tb = fb.specificTypes;
  if (ta.length === 0 || tb.length === 0) return 0;
  const same = ta.find((t) => tb.includes(t));
  if (same !== undefined) {
    why?.push(`same sub-type (${a.subEventType ?? same})`);
    return 0.2;
  }
  if (fa.strike && fb.strike) {
    why?.push('compatible types (strike, interception)');
    return 0.1;
  }
  if (explosive(a, fa) && explosive(b, fb)) {
    why?.push('compatible types (explosions)');
    return 0.05;
  }
  if (a.eventType && a.eventType === b.eventType) {
    why?.push(`same event type (${a.eventType})`);
    return 0.05;
  }
  const aViolent = a.eventType !== null && VIOLENT.has(a.eventType);
  const bViolent = b.eventType !== null && VIOLENT.has(b.eventType);
  if (aViolent && bViolent) {
    why?.push('different types of violence');
    return -0.05;
  }
  if (
    (aViolent && b.eventType !== null && UNREST.has(b.eventType)) ||
    (bViolent && a.eventType !== null && UNREST.has(a.eventType))
  ) {
    why?.push('different kinds of event');
    return -0.3;
  }
  why?.push('different types');
  return -0.1;
}

/**
 * How compatible two event codings are: same sub-type, a strike and its interception, or unrelated.
 *
 * @example compareTypes(droneStrike, interception).reasons // ['compatible types (strike, interception)']
 */
export function compareTypes(a: ReportIncident, b: ReportIncident): PairScore {
  const reasons: string[] = [];
  return { score: typeScore(a, b, reasons), reasons };
}

/** What the matcher reads from an incident's codes again and again, worked out once per set of codes. */
interface TypeFeatures {
  /** The incident's sub-types other than the generic ones. */
  readonly specificTypes: string[];
  readonly strike: boolean;
  readonly disruption: boolean;
}

/** An actor phrase with its set of words and its word list. */
interface ActorWords {
  readonly text: string;
  readonly set: Set<string>;
  readonly words: string[];
}

// Keyed by the (shared) sets of the incidents: incidents with the same codes or actors share them.
const typeFeatures = new WeakMap<ReadonlySet<string>, TypeFeatures>();
const actorFeatures = new WeakMap<ReadonlySet<string>, ActorWords[]>();

function featuresOf(x: ReportIncident): TypeFeatures {
  let f = typeFeatures.get(x.types);
  if (f === undefined) {
    const specificTypes = [...x.types].filter((t) => !GENERIC_TYPES.has(t));
    f = {
      specificTypes,
      strike: specificTypes.some((t) => STRIKES.has(t)),
      disruption: specificTypes.includes('DISR_WEAP'),
    };
    typeFeatures.set(x.types, f);
  }
  return f;
}

function explosive(x: ReportIncident, f: TypeFeatures): boolean {
  return x.eventType === 'Explosions/Remote violence' || f.disruption;
}

function actorsOf(x: ReportIncident): ActorWords[] {
  let f = actorFeatures.get(x.actors);
  if (f === undefined) {
    f = [...x.actors].sort().map((text) => {
      const words = text.split(' ');
      return { text, set: new Set(words), words };
    });
    actorFeatures.set(x.actors, f);
  }
  return f;
}

const NONE: string[] = [];

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  if (a.size === 0 || b.size === 0) return NONE;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let out: string[] = NONE;
  for (const x of small) {
    if (!large.has(x)) continue;
    if (out === NONE) out = [];
    out.push(x);
  }
  return out === NONE ? out : out.sort();
}

function sharedWords(a: ReportIncident, b: ReportIncident): string | null {
  if (a.actors.size === 0 || b.actors.size === 0) return null;
  const fb = actorsOf(b);
  for (const x of actorsOf(a)) {
    for (const y of fb) {
      let common = 0;
      for (const w of y.words) if (x.set.has(w)) common += 1;
      if (common > 0 && common / Math.min(x.set.size, y.words.length) >= 0.5) return x.text;
    }
  }
  return null;
}

/**
 * Scores whether two report incidents describe the same event: date, place, type, target,
 * actor and weapon each add to the score with a reason; incompatible dates or places give null.
 *
 * @example scoreIncidentPair(strikeInReportA, strikeInReportB)?.reasons // ['same day (2024-03-12)', 'same place (Mosul)', 'same sub-type (Air/drone strike)', 'same target (depot)']
 */
export function scoreIncidentPair(
  a: ReportIncident,
  b: ReportIncident,
  options: MatchOptions = {},
): PairScore | null {
  const reasons: string[] = [];
  const score = scorePair(a, b, options, Number.NEGATIVE_INFINITY, reasons);
  return score === EXCLUDED ? null : { score, reasons };
}

/** The most that type, target, actor and weapon can still add once dates and places are scored. */
const MOST_AFTER_PLACE = 0.2 + 0.1 + 0.1 + 0.05;

/**
 * {@link scoreIncidentPair} for pairs that matter only when they reach `threshold`: null as soon
 * as dates and places leave the pair short of it whatever else agrees. The clustering scores
 * every candidate pair this way.
 *
 * @example scoreMatchingPair(a, b, {}, 0.5)?.score // 0.8, or null below 0.5
 */
export function scoreMatchingPair(
  a: ReportIncident,
  b: ReportIncident,
  options: MatchOptions,
  threshold: number,
): PairScore | null {
  return matchingScore(a, b, options, threshold) === null ? null : scoreIncidentPair(a, b, options);
}

/**
 * The score of {@link scoreMatchingPair} without its reasons: what the clustering computes for
 * each of millions of candidate pairs. Null below `threshold`.
 *
 * @example matchingScore(a, b, {}, 0.5) // 0.8, or null below 0.5
 */
export function matchingScore(
  a: ReportIncident,
  b: ReportIncident,
  options: MatchOptions,
  threshold: number,
): number | null {
  const score = scorePair(a, b, options, threshold, null);
  return score !== EXCLUDED && score >= threshold ? score : null;
}

function scorePair(
  a: ReportIncident,
  b: ReportIncident,
  options: MatchOptions,
  atLeast: number,
  why: string[] | null,
): number {
  let score = 0;
  if (a.date && b.date) {
    const dates = dateScore(a.date, b.date, options, why);
    if (dates === EXCLUDED) return EXCLUDED;
    score += dates;
  }
  const names = shared(a.names, b.names);
  let place = names.length > 0 ? 0.2 : Number.NaN;
  // The place part's reason: the shared name's, or the places' (whichever scores more).
  let placeWhy: string[] | null = null;
  if (a.place && b.place) {
    const placeReasons = why === null ? null : [];
    const places = placeScore(a.place, b.place, options, placeReasons);
    if (places === EXCLUDED) {
      if (!a.place.inferred && !b.place.inferred && names.length === 0) return EXCLUDED;
      why?.push(...DIFFERENT_LOCATIONS.reasons);
      score += DIFFERENT_LOCATIONS.score;
    } else if (!(names.length > 0 && 0.2 > places)) {
      place = places;
      placeWhy = placeReasons;
    }
  }
  if (!Number.isNaN(place)) {
    if (placeWhy !== null) why?.push(...placeWhy);
    else if (names.length > 0) why?.push(`same place name (${names.join(', ')})`);
    score += place;
  }
  // Rounded at the end to three places: a margin keeps pairs on the threshold.
  if (score + MOST_AFTER_PLACE < atLeast - 0.001) return EXCLUDED;
  const located = names.length > 0 || placedTogether(a.place, b.place, options);
  score += typeScore(a, b, why);
  const targets =
    names.length === 0
      ? shared(a.targets, b.targets)
      : shared(a.targets, b.targets).filter((t) => !names.includes(t));
  if (targets.length > 0) {
    why?.push(`same target (${targets.join(', ')})`);
    score += 0.1;
  }
  const actor = sharedWords(a, b);
  if (actor) {
    why?.push(`same actor (${actor})`);
    score += 0.1;
  }
  const weapons = shared(a.weapons, b.weapons);
  if (weapons.length > 0) {
    why?.push(`same weapon (${weapons.join(', ')})`);
    score += 0.05;
  }
  // Two reports of "an airstrike in Syria" on one day are not one event unless something more
  // specific than the country (or province) agrees: a named place, or a target, an actor, a
  // count; two of those when one report does not say where (no place, or one the gazetteer does
  // not know and the other does not name).
  const specific = (targets.length > 0 ? 1 : 0) + (actor !== null ? 1 : 0) + (countsAgree(a, b) ? 1 : 0);
  if (!located && specific < (a.place?.lat != null && b.place?.lat != null ? 1 : 2)) {
    why?.push(...ONLY_COARSE.reasons);
    score += ONLY_COARSE.score;
  }
  return Math.max(0, Math.min(1, Math.round(score * 1000) / 1000));
}

const DIFFERENT_LOCATIONS: PairScore = { score: -0.2, reasons: ['report locations differ'] };

/**
 * What a pair placed no finer than a province (or not at all) with too little specific shared loses:
 * more than any day, province, sub-type and weapon can add together, so such a pair stays below
 * the default threshold.
 */
const ONLY_COARSE: PairScore = {
  score: -0.25,
  reasons: ['placed no finer than a province, too little more specific shared'],
};

/**
 * Whether two places agree on a spot finer than a province: both precise (a town, a district,
 * within the matching radius), or both unknown to the gazetteer and named alike.
 */
function placedTogether(a: IncidentPlace | null, b: IncidentPlace | null, options: MatchOptions): boolean {
  if (a === null || b === null) return false;
  if (a.lat === null || b.lat === null)
    return a.lat === b.lat && a.name.toLowerCase() === b.name.toLowerCase();
  return fine(a) && fine(b) && placeScore(a, b, options, null) !== EXCLUDED;
}

/** Whether both incidents state a number killed (or wounded) and some value fits both statements. */
function countsAgree(a: ReportIncident, b: ReportIncident): boolean {
  for (const x of a.counts)
    for (const y of b.counts) if (x.kind === y.kind && x.low <= y.high && y.low <= x.high) return true;
  return false;
}

/**
 * The explosion sub-types an incident's events are coded with on the strength of a weapon: an
 * "explosion" or "blast" heard, with no device named, could be any of them.
 */
function weaponTypes(i: ReportIncident): string[] {
  const coded =
    i.events.length === 0
      ? [...i.types]
      : i.events.filter((e) => !(e.type === 'REM_EXPLOS' && !e.weaponNamed)).map((e) => e.type);
  return coded.filter((t) => EXPLOSIONS.has(t));
}

/**
 * Whether an incident names nothing that places it (no place name, no target): "the attack",
 * "both drones were shot down". It joins the report's one compatible event, if there is one.
 *
 * @example isAnonymous(incidentOf('Both drones were shot down.')) // true
 */
export function isAnonymous(i: ReportIncident): boolean {
  return (
    i.names.size === 0 && i.targets.size === 0 && (i.place === null || i.place.inferred || !fine(i.place))
  );
}

/**
 * Whether two incidents of one report restate one event (headline, standfirst and body each
 * describe the strike): compatible dates, places and types, no conflicting targets, and
 * (unless `requireSignal` is false) a shared place name, target or precise place.
 *
 * @example isRestatement(headlineStrike, bodyStrike) // true
 */
export function isRestatement(
  a: ReportIncident,
  b: ReportIncident,
  options: MatchOptions = {},
  requireSignal = true,
): PairScore | null {
  // Within one report even a date from its lead counts: "last week's attempt" is another event.
  if (a.date && b.date && a.date.source !== 'publication' && b.date.source !== 'publication') {
    const slack = options.dateSlackDays ?? MATCH_DEFAULTS.dateSlackDays;
    if (!(a.date.from <= b.date.to + slack && b.date.from <= a.date.to + slack)) return null;
  }
  if (
    a.place &&
    b.place &&
    !a.place.inferred &&
    !b.place.inferred &&
    !comparePlaces(a.place, b.place, options)
  )
    return null;
  // One report names one strike with one weapon: a drone strike and a rocket attack in one
  // report are two events (an interception of the strike may differ). A bare "attack" coded
  // as a clash may restate either.
  const ta = weaponTypes(a);
  const tb = weaponTypes(b);
  if (ta.length > 0 && tb.length > 0 && !ta.some((t) => tb.includes(t))) return null;
  if (compareTypes(a, b).score <= -0.1) return null;
  // Targets are not compared: one report names the same target many ways ("the base", "a hangar").
  // Something must tie them to one spot: a shared place name or target, or the same precise place.
  const samePlace =
    a.place !== null &&
    b.place !== null &&
    !a.place.inferred &&
    !b.place.inferred &&
    (comparePlaces(a.place, b.place, options)?.score ?? 0) >= 0.15;
  if (
    requireSignal &&
    !samePlace &&
    shared(a.names, b.names).length === 0 &&
    shared(a.targets, b.targets).length === 0
  )
    return null;
  const scored = scoreIncidentPair(a, b, options);
  if (!scored) return null;
  return { score: scored.score, reasons: ['restated in the same report', ...scored.reasons] };
}

const CELL_DEGREES = 0.5;
/** Entries a scan may read per candidate it may take (see `reads` in `forEachCandidatePair`). */
const READS_PER_CANDIDATE = 4;
const FINE_DAYS = 14;

function isFineForBlocking(i: ReportIncident): boolean {
  return i.place !== null && i.date !== null && fine(i.place) && i.date.to - i.date.from <= FINE_DAYS;
}

const monthOfDay = new Map<number, string>();

/** `YYYY-MM` of a day number (memoised: blocking asks for the same few hundred days again and again). */
function monthOf(day: number): string {
  let month = monthOfDay.get(day);
  if (month === undefined) {
    month = isoOfDay(day).slice(0, 7);
    if (monthOfDay.size < 100_000) monthOfDay.set(day, month);
  }
  return month;
}

function months(date: IncidentDate | null): string[] {
  if (!date) return ['?'];
  const out: string[] = [];
  for (let d = date.from - 1; d <= date.to + 1; d += 1) {
    const month = monthOf(d);
    if (out[out.length - 1] !== month) out.push(month);
    if (out.length > 3) break;
  }
  return out;
}

/**
 * The incidents of one block, sorted by first day: those with an explicit date apart from the
 * rest, so an explicitly dated incident reads only the explicit dates that can overlap its own.
 */
class Block {
  /** Explicit dates of two weeks or less: an overlap starts at most that far back. */
  readonly explicit: number[] = [];
  /** Explicit dates spanning more (a month's "between 1 and 28 March"): few, read in full. */
  readonly long: number[] = [];
  readonly loose: number[] = [];

  add(i: number, date: IncidentDate | null): void {
    if (date && !date.inferred) {
      if (date.to - date.from <= FINE_DAYS) this.explicit.push(i);
      else this.long.push(i);
    } else this.loose.push(i);
  }
}

/** Where a value would go in a list sorted by `key` (first index whose key is ≥ value). */
function lowerBound(list: number[], key: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const evidenceKeyCache = new WeakMap<ReportIncident, string[]>();

/**
 * What a coarse pair must share to match besides a place name (see `scorePair`): target keys,
 * actor words, the name of a place the gazetteer does not know. As block keys.
 */
function evidenceKeys(inc: ReportIncident): string[] {
  let keys = evidenceKeyCache.get(inc);
  if (keys === undefined) {
    keys = [];
    for (const t of inc.targets) keys.push(`t:${t}`);
    const words = new Set<string>();
    for (const actor of inc.actors) for (const w of actor.split(' ')) words.add(w);
    for (const w of words) keys.push(`a:${w}`);
    if (inc.place !== null && inc.place.lat === null) keys.push(`u:${inc.place.name.toLowerCase()}`);
    evidenceKeyCache.set(inc, keys);
  }
  return keys;
}

/**
 * Visits each pair of incidents from different documents that blocking makes candidates (see
 * {@link candidatePairs}), as index pairs `x < y`. A pair is visited once from each kind of block
 * that holds both, so a visitor that keeps pairs must drop repeats. Pairs whose explicit dates
 * exclude each other (beyond `dateSlackDays`) are never visited: they cannot be one event.
 *
 * @example forEachCandidatePair(incidents, {}, (x, y) => pairs.push([x, y]));
 */
export function forEachCandidatePair(
  incidents: readonly ReportIncident[],
  options: MatchOptions,
  visit: (x: number, y: number) => void,
): void {
  const cap = options.coarseBlockCap ?? MATCH_DEFAULTS.coarseBlockCap;
  const slack = options.dateSlackDays ?? MATCH_DEFAULTS.dateSlackDays;
  const n = incidents.length;
  const fineIndex = new Map<string, Block>();
  const coarseIndex = new Map<string, Block>();
  const nameIndex = new Map<string, Block>();
  const evidenceIndex = new Map<string, Block>();
  const add = (map: Map<string, Block>, key: string, i: number, date: IncidentDate | null) => {
    let block = map.get(key);
    if (!block) {
      block = new Block();
      map.set(key, block);
    }
    block.add(i, date);
  };
  const documentOrdinal = new Int32Array(n);
  const documents = new Map<string, number>();
  const isFine = new Uint8Array(n);
  const monthsOf: string[][] = [];
  const cells = new Int32Array(2 * n);
  for (let i = 0; i < n; i += 1) {
    const inc = incidents[i] as ReportIncident;
    let ordinal = documents.get(inc.documentId);
    if (ordinal === undefined) {
      ordinal = documents.size;
      documents.set(inc.documentId, ordinal);
    }
    documentOrdinal[i] = ordinal;
    const ms = months(inc.date);
    monthsOf.push(ms);
    const country = inc.place?.country ?? '?';
    for (const month of ms) {
      if (country !== '?') add(coarseIndex, `${month}|${country}`, i, inc.date);
      for (const name of inc.names) add(nameIndex, `${month}|${name}`, i, inc.date);
      for (const key of evidenceKeys(inc)) add(evidenceIndex, `${month}|${key}`, i, inc.date);
    }
    if (isFineForBlocking(inc) && inc.place && inc.date) {
      isFine[i] = 1;
      const cx = Math.floor((inc.place.lat ?? 0) / CELL_DEGREES);
      const cy = Math.floor((inc.place.lon ?? 0) / CELL_DEGREES);
      cells[2 * i] = cx;
      cells[2 * i + 1] = cy;
      for (let d = inc.date.from; d <= inc.date.to; d += 1) add(fineIndex, `${d}|${cx}|${cy}`, i, inc.date);
    }
  }
  const from = (i: number) => incidents[i]?.date?.from ?? 0;
  const byDay = (a: number, b: number) => from(a) - from(b) || a - b;
  for (const map of [fineIndex, coarseIndex, nameIndex, evidenceIndex]) {
    for (const block of map.values()) {
      block.explicit.sort(byDay);
      block.long.sort(byDay);
      block.loose.sort(byDay);
    }
  }

  // Each incident's scan visits a candidate once; `seen[j] === i` marks it.
  const seen = new Int32Array(n).fill(-1);
  let budget = 0;
  // Entries read in one kind of block, offered or not (seen already, same report, left to the
  // other's scan, dates apart): bounded too, or a block of thousands is read in full for each.
  let reads = 0;
  let current = 0;
  /** Offers j to the current incident; `mutual` when j's own scan of this kind of block finds it too. */
  const offer = (j: number, mutual: boolean): void => {
    const i = current;
    if (j === i || seen[j] === i || documentOrdinal[i] === documentOrdinal[j]) return;
    if (mutual && j < i) return;
    seen[j] = i;
    budget -= 1;
    if (i < j) visit(i, j);
    else visit(j, i);
  };
  const overlaps = (a: IncidentDate, b: IncidentDate) => a.from <= b.to + slack && b.from <= a.to + slack;
  /** The block's candidates for the current incident: overlapping explicit dates, then the rest nearest in time first. */
  const scan = (block: Block | undefined, mutual: (j: number) => boolean): void => {
    if (!block || budget <= 0 || reads <= 0) return;
    const date = incidents[current]?.date ?? null;
    const explicit = block.explicit;
    if (date && !date.inferred) {
      // Those starting within the incident's dates first (they overlap it), then those starting
      // up to two weeks earlier that may still reach it, latest first.
      const within = lowerBound(explicit, from, date.from - slack);
      for (let k = within; k < explicit.length && budget > 0 && reads > 0; k += 1) {
        reads -= 1;
        const j = explicit[k] as number;
        const other = incidents[j]?.date;
        if (!other || other.from > date.to + slack) break;
        offer(j, mutual(j));
      }
      const earliest = lowerBound(explicit, from, date.from - slack - FINE_DAYS);
      for (let k = within - 1; k >= earliest && budget > 0 && reads > 0; k -= 1) {
        reads -= 1;
        const j = explicit[k] as number;
        const other = incidents[j]?.date;
        if (other && overlaps(date, other)) offer(j, mutual(j));
      }
      for (let k = 0; k < block.long.length && budget > 0 && reads > 0; k += 1) {
        reads -= 1;
        const j = block.long[k] as number;
        const other = incidents[j]?.date;
        if (!other || other.from > date.to + slack) break;
        if (overlaps(date, other)) offer(j, mutual(j));
      }
      nearest(block.loose, date.from, mutual);
    } else {
      nearest(explicit, date?.from ?? 0, mutual);
      nearest(block.long, date?.from ?? 0, mutual);
      nearest(block.loose, date?.from ?? 0, mutual);
    }
  };
  /** Visits a sorted list outwards from `day`, nearest first, while the budget lasts. */
  const nearest = (list: number[], day: number, mutual: (j: number) => boolean): void => {
    let right = lowerBound(list, from, day);
    let left = right - 1;
    while (budget > 0 && reads > 0 && (left >= 0 || right < list.length)) {
      reads -= 1;
      const takeLeft =
        right >= list.length ||
        (left >= 0 && day - from(list[left] as number) <= from(list[right] as number) - day);
      const j = (takeLeft ? list[left--] : list[right++]) as number;
      offer(j, mutual(j));
    }
  };
  const always = () => true;
  const notFine = (j: number) => isFine[j] === 0;

  for (let i = 0; i < n; i += 1) {
    const inc = incidents[i] as ReportIncident;
    current = i;
    // The same place name in the same month: catches reports whose geocoding went astray.
    budget = cap;
    reads = READS_PER_CANDIDATE * cap;
    for (const month of monthsOf[i] ?? [])
      for (const name of inc.names) scan(nameIndex.get(`${month}|${name}`), always);
    if (isFine[i] === 1 && inc.date) {
      const cx = cells[2 * i] as number;
      const cy = cells[2 * i + 1] as number;
      budget = cap;
      reads = READS_PER_CANDIDATE * cap;
      for (let d = inc.date.from - 1; d <= inc.date.to + 1; d += 1)
        for (let dx = -1; dx <= 1; dx += 1)
          for (let dy = -1; dy <= 1; dy += 1) scan(fineIndex.get(`${d}|${cx + dx}|${cy + dy}`), always);
      continue;
    }
    // Coarse: the same country in the same month.
    budget = cap;
    reads = READS_PER_CANDIDATE * cap;
    if (inc.place?.country)
      for (const month of monthsOf[i] ?? []) scan(coarseIndex.get(`${month}|${inc.place.country}`), notFine);
    // A coarse pair matches only if a target, an actor or a place the gazetteer does not know is
    // named by both (or a place name, above): those in the same month, whatever their country.
    budget = cap;
    reads = READS_PER_CANDIDATE * cap;
    const keys = evidenceKeys(inc);
    for (const month of monthsOf[i] ?? [])
      for (const key of keys) scan(evidenceIndex.get(`${month}|${key}`), notFine);
  }
}

/**
 * Candidate pairs of incidents from different documents, by blocking rather than all pairs:
 * precisely placed and dated incidents meet those in the same or a neighbouring 0.5° grid cell
 * on the same days; coarse ones (province or country, wide or no dates) meet those of the
 * same country and month, and those sharing a target, an actor word or the name of a place the
 * gazetteer does not know in the same month (a coarse pair needs one of those to match); any two
 * naming the same place word in the same month meet. Pairs
 * whose explicit dates exclude each other are left out (they cannot match). Within a block an
 * incident takes the candidates nearest in time first, at most `coarseBlockCap` from each kind
 * of block, so a month with thousands of reports from one country stays linear. Pairs are index
 * pairs `[i, j]`, i < j, sorted.
 *
 * @example candidatePairs(incidents) // [[0, 3], [1, 4]]
 */
export function candidatePairs(
  incidents: readonly ReportIncident[],
  options: MatchOptions = {},
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  forEachCandidatePair(incidents, options, (x, y) => pairs.push([x, y]));
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return pairs.filter((p, k) => {
    const prev = pairs[k - 1];
    return !prev || prev[0] !== p[0] || prev[1] !== p[1];
  });
}
