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
  /** Most candidates one coarse report (country-level place, wide dates) is compared with. */
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
  coarseBlockCap: 2000,
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

/**
 * Whether two places can be the same spot, with a score and reason when they can; null when
 * they cannot (too far apart for their precision, different provinces or countries).
 */
export function comparePlaces(
  a: IncidentPlace,
  b: IncidentPlace,
  options: MatchOptions = {},
): PairScore | null {
  const opts = { ...MATCH_DEFAULTS, ...options };
  const weight = a.inferred || b.inferred ? 0.5 : 1;
  if (a.lat === null || b.lat === null) {
    // A place the gazetteer does not know can still be named the same way in both reports.
    const same = a.name.toLowerCase() === b.name.toLowerCase();
    return same
      ? { score: 0.2 * weight, reasons: [`same place name (${a.name})`] }
      : { score: 0, reasons: [] };
  }
  if (fine(a) && fine(b) && a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
    const precise = a.precision === 'exact' && b.precision === 'exact';
    const radius = precise ? opts.exactRadiusKm : opts.nearRadiusKm;
    if (km > radius) return null;
    if (a.name === b.name || km < 2) return { score: 0.3 * weight, reasons: [`same place (${a.name})`] };
    if (km <= 10)
      return { score: 0.25 * weight, reasons: [`${Math.round(km)} km apart (${a.name}, ${b.name})`] };
    if (km <= 30)
      return { score: 0.15 * weight, reasons: [`${Math.round(km)} km apart (${a.name}, ${b.name})`] };
    return { score: 0.05 * weight, reasons: [`within ${Math.round(km)} km (${a.name}, ${b.name})`] };
  }
  if (a.country && b.country && a.country !== b.country) {
    // A country-level place is often a side's name ("US forces"), not where it happened: a soft conflict.
    const coarse =
      precisionRank(a.precision) >= precisionRank('country') ||
      precisionRank(b.precision) >= precisionRank('country');
    return coarse ? { score: -0.2, reasons: [`countries differ (${a.country}, ${b.country})`] } : null;
  }
  if (a.admin1 && b.admin1 && a.admin1 !== b.admin1 && a.country === b.country) return null;
  if (a.admin1 && a.admin1 === b.admin1)
    return { score: 0.1 * weight, reasons: [`same province (${a.admin1})`] };
  if (a.country && a.country === b.country)
    return { score: 0.05 * weight, reasons: [`same country (${a.country})`] };
  return { score: 0, reasons: [] };
}

/** Whether two dates can be the same event's, with a score and reason; null when they cannot. */
export function compareDates(a: IncidentDate, b: IncidentDate, options: MatchOptions = {}): PairScore | null {
  const slack = options.dateSlackDays ?? MATCH_DEFAULTS.dateSlackDays;
  const overlap = a.from <= b.to + slack && b.from <= a.to + slack;
  if (a.source === 'publication' || b.source === 'publication') {
    return overlap
      ? { score: 0.05, reasons: ['reported within days'] }
      : { score: -0.2, reasons: ['reported days apart'] };
  }
  const sameDay = a.from === a.to && b.from === b.to && a.from === b.from;
  if (a.inferred || b.inferred) {
    // A date from the report's lead, not the event's own sentence: agreement counts, conflict is soft.
    if (!overlap) return { score: -0.2, reasons: ['lead dates differ'] };
    return sameDay
      ? { score: 0.2, reasons: [`same day (${isoOfDay(a.from)}, from the lead)`] }
      : { score: 0.1, reasons: ['dates overlap (from the lead)'] };
  }
  if (!overlap) return null;
  if (sameDay) return { score: 0.25, reasons: [`same day (${isoOfDay(a.from)})`] };
  if (a.to - a.from <= 1 && b.to - b.from <= 1) return { score: 0.2, reasons: ['dates within a day'] };
  return { score: 0.12, reasons: ['dates overlap'] };
}

/** How compatible two event codings are: same sub-type, a strike and its interception, or unrelated. */
export function compareTypes(a: ReportIncident, b: ReportIncident): PairScore {
  const specific = (x: ReportIncident) => new Set([...x.types].filter((t) => !GENERIC_TYPES.has(t)));
  const ta = specific(a);
  const tb = specific(b);
  if (ta.size === 0 || tb.size === 0) return { score: 0, reasons: [] };
  const same = [...ta].filter((t) => tb.has(t));
  if (same.length > 0) return { score: 0.2, reasons: [`same sub-type (${a.subEventType ?? same[0]})`] };
  const strike = (set: Set<string>) => [...set].some((t) => STRIKES.has(t));
  const explosive = (x: ReportIncident, set: Set<string>) =>
    x.eventType === 'Explosions/Remote violence' || [...set].some((t) => t === 'DISR_WEAP');
  if (strike(ta) && strike(tb)) return { score: 0.1, reasons: ['compatible types (strike, interception)'] };
  if (explosive(a, ta) && explosive(b, tb))
    return { score: 0.05, reasons: ['compatible types (explosions)'] };
  if (a.eventType && a.eventType === b.eventType)
    return { score: 0.05, reasons: [`same event type (${a.eventType})`] };
  const aViolent = a.eventType !== null && VIOLENT.has(a.eventType);
  const bViolent = b.eventType !== null && VIOLENT.has(b.eventType);
  if (aViolent && bViolent) return { score: -0.05, reasons: ['different types of violence'] };
  if (
    (aViolent && b.eventType !== null && UNREST.has(b.eventType)) ||
    (bViolent && a.eventType !== null && UNREST.has(a.eventType))
  ) {
    return { score: -0.3, reasons: ['different kinds of event'] };
  }
  return { score: -0.1, reasons: ['different types'] };
}

function shared(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((x) => b.has(x)).sort();
}

function sharedWords(a: Set<string>, b: Set<string>): string | null {
  for (const x of [...a].sort()) {
    const xs = new Set(x.split(' '));
    for (const y of [...b].sort()) {
      const ys = y.split(' ');
      const common = ys.filter((w) => xs.has(w)).length;
      if (common > 0 && common / Math.min(xs.size, ys.length) >= 0.5) return x;
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
  let score = 0;
  const reasons: string[] = [];
  const add = (part: PairScore | null) => {
    if (!part) return;
    score += part.score;
    reasons.push(...part.reasons);
  };
  if (a.date && b.date) {
    const dates = compareDates(a.date, b.date, options);
    if (!dates) return null;
    add(dates);
  }
  const names = shared(a.names, b.names);
  const byName: PairScore | null =
    names.length > 0 ? { score: 0.2, reasons: [`same place name (${names.join(', ')})`] } : null;
  if (a.place && b.place) {
    const places = comparePlaces(a.place, b.place, options);
    if (!places) {
      if (!a.place.inferred && !b.place.inferred && !byName) return null;
      add({ score: -0.2, reasons: ['report locations differ'] });
      add(byName);
    } else add(byName && byName.score > places.score ? byName : places);
  } else add(byName);
  add(compareTypes(a, b));
  const targets = shared(a.targets, b.targets).filter((t) => !names.includes(t));
  if (targets.length > 0) add({ score: 0.1, reasons: [`same target (${targets.join(', ')})`] });
  const actor = sharedWords(a.actors, b.actors);
  if (actor) add({ score: 0.1, reasons: [`same actor (${actor})`] });
  const weapons = shared(a.weapons, b.weapons);
  if (weapons.length > 0) add({ score: 0.05, reasons: [`same weapon (${weapons.join(', ')})`] });
  return { score: Math.max(0, Math.min(1, Math.round(score * 1000) / 1000)), reasons };
}

/**
 * The explosion sub-types an incident's events are coded with on the strength of a weapon: an
 * "explosion" or "blast" heard, with no device named, could be any of them.
 */
function weaponTypes(i: ReportIncident): string[] {
  const coded =
    i.events.length === 0
      ? [...i.types]
      : i.events.filter((e) => !(e.type === 'REM_EXPLOS' && e.weapon === null)).map((e) => e.type);
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
const FINE_DAYS = 14;

function isFineForBlocking(i: ReportIncident): boolean {
  return i.place !== null && i.date !== null && fine(i.place) && i.date.to - i.date.from <= FINE_DAYS;
}

function months(date: IncidentDate | null): string[] {
  if (!date) return ['?'];
  const out = new Set<string>();
  for (let d = date.from - 1; d <= date.to + 1; d += 1) {
    out.add(isoOfDay(d).slice(0, 7));
    if (out.size > 3) break;
  }
  return [...out];
}

/**
 * Candidate pairs of incidents from different documents, by blocking rather than all pairs:
 * precisely placed and dated incidents meet those in the same or a neighbouring 0.5° grid cell
 * on the same days; coarse ones (province or country, wide or no dates) meet those of the
 * same country and month; any two naming the same place word in the same month meet. Each
 * incident takes at most `coarseBlockCap` candidates from each kind of block, so a day with
 * thousands of reports from one city stays linear. Pairs are index pairs `[i, j]`, i < j.
 *
 * @example candidatePairs(incidents) // [[0, 3], [1, 4]]
 */
export function candidatePairs(
  incidents: ReportIncident[],
  options: MatchOptions = {},
): Array<[number, number]> {
  const cap = options.coarseBlockCap ?? MATCH_DEFAULTS.coarseBlockCap;
  const fineIndex = new Map<string, number[]>();
  const coarseIndex = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const cellOf = (p: IncidentPlace) =>
    [Math.floor((p.lat ?? 0) / CELL_DEGREES), Math.floor((p.lon ?? 0) / CELL_DEGREES)] as const;
  const nameIndex = new Map<string, number[]>();
  const countriesOf = new Map<string, Set<string>>();
  incidents.forEach((inc, i) => {
    for (const month of months(inc.date)) {
      const country = inc.place?.country ?? '?';
      push(coarseIndex, `${month}|${country}`, i);
      const set = countriesOf.get(month);
      if (set) set.add(country);
      else countriesOf.set(month, new Set([country]));
      for (const name of inc.names) push(nameIndex, `${month}|${name}`, i);
    }
    if (isFineForBlocking(inc) && inc.place && inc.date) {
      const [cx, cy] = cellOf(inc.place);
      for (let d = inc.date.from; d <= inc.date.to; d += 1) push(fineIndex, `${d}|${cx}|${cy}`, i);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const n = incidents.length;
  const consider = (i: number, j: number) => {
    if (i === j) return;
    const [x, y] = i < j ? [i, j] : [j, i];
    const a = incidents[x];
    const b = incidents[y];
    if (!a || !b || a.documentId === b.documentId) return;
    const key = x * n + y;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([x, y]);
  };
  incidents.forEach((inc, i) => {
    // The same place name in the same month: catches reports whose geocoding went astray.
    let named = cap;
    for (const month of months(inc.date)) {
      for (const name of inc.names) {
        for (const j of nameIndex.get(`${month}|${name}`) ?? []) {
          if (named <= 0) break;
          named -= 1;
          consider(i, j);
        }
      }
    }
    if (isFineForBlocking(inc) && inc.place && inc.date) {
      const [cx, cy] = cellOf(inc.place);
      let fineBudget = cap;
      for (let d = inc.date.from - 1; d <= inc.date.to + 1; d += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          for (let dy = -1; dy <= 1; dy += 1) {
            for (const j of fineIndex.get(`${d}|${cx + dx}|${cy + dy}`) ?? []) {
              if (fineBudget <= 0) break;
              fineBudget -= 1;
              consider(i, j);
            }
          }
        }
      }
      return;
    }
    let budget = cap;
    for (const month of months(inc.date)) {
      const countries = inc.place?.country
        ? [inc.place.country, '?']
        : [...(countriesOf.get(month) ?? [])].sort();
      for (const country of countries) {
        for (const j of coarseIndex.get(`${month}|${country}`) ?? []) {
          if (budget <= 0) break;
          budget -= 1;
          consider(i, j);
        }
      }
    }
  });
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
