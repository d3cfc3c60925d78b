import { objectList } from '../stage.js';
import type { Place, PlaceKind, PlacePrecision } from '../types/index.js';
import { foldName, stripArticle } from './fold-name.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import type { OutletHome } from './outlet-home.js';
import type { PlaceMention } from './recognize-places.js';

/**
 * Chooses a gazetteer entry for each mention using priors (population, feature class, type
 * suffix) and the report's own geography (countries and admin-1 regions mentioned, "X, Y"
 * pairs), and says how exact the coordinates are. Unknown facilities are placed at the
 * place they are said to be in ("Harir Air Base in Erbil" → near Erbil).
 *
 * @example resolvePlaces(text, recognizePlaces(text, g), g)[0].precision // 'exact'
 */
export function resolvePlaces(
  text: string,
  mentions: readonly PlaceMention[],
  gazetteer: Gazetteer | null,
  home: OutletHome | null = null,
): Place[] {
  // First pass: priors only, to learn the report's geography. Each name's votes are kept
  // apart so that a name is judged by the other places of the report, not by its own prior
  // ("Georgia" four times beside Atlanta and Texas is the state, whatever the country's weight).
  const neighbours = new Set<GazetteerEntry>();
  const proximity = proximities(mentions, neighbours, home?.places ?? []);
  const homeVote: Vote[] = home?.countryCode
    ? [{ key: '#outlet', country: home.countryCode, admin1: null, w: OUTLET_COUNTRY_VOTE }]
    : [];
  const geographyVotes = (chosen: readonly (GazetteerEntry | null)[], ambiguous: number) => [
    ...homeVote,
    ...mentionVotes(mentions, chosen, ambiguous),
  ];
  // The chosen entries are kept in arrays built by `push` onto `objectList`, never by `map`: V8's
  // optimised `map` returns holey arrays where its interpreter returns packed ones, and each kind
  // new to an optimised reader of the list deoptimised it.
  const priors = objectList<GazetteerEntry | null>();
  for (const m of mentions) priors.push(pick(m, null, null, null));
  let votes = geographyVotes(priors, AMBIGUOUS_PRIOR_VOTE);
  const first = contextsOf(votes, proximity, neighbours);
  const ctx = first(null);
  const chosen = objectList<GazetteerEntry | null>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    chosen.push(pick(m, first(foldedKey(m)), containerAfter(text, mentions, i), ctx));
  }
  // Then read again, one name at a time, in the geography the other names now have: "Lebanon"
  // beside "Boone County" is Lebanon, Indiana once Boone County has been read as Indiana's.
  // One name at a time, so that two names cannot keep swapping each other's state.
  // A name keeps one reading through the report unless a container says otherwise
  // ("Paris, France … Paris, Texas").
  for (let round = 1; round < ROUNDS; round++) {
    const done = new Set<string>();
    mentions.forEach((m, i) => {
      if (m.candidates.length < 2) return;
      const container = containerAfter(text, mentions, i);
      if (!container && done.has(foldedKey(m))) return;
      votes = geographyVotes(chosen, AMBIGUOUS_READ_VOTE);
      const now = contextsOf(votes, proximity, neighbours);
      const e = pick(m, now(foldedKey(m)), container, now(null));
      if (container) {
        chosen[i] = e;
        return;
      }
      done.add(foldedKey(m));
      mentions.forEach((o, k) => {
        if (foldedKey(o) === foldedKey(m) && !containerAfter(text, mentions, k)) chosen[k] = e;
      });
    });
  }
  const places: Place[] = [];
  mentions.forEach((m, i) => {
    const within = stateOfUnknownTown(text, mentions, i, chosen);
    places.push(
      within
        ? townInRegion(m, i, within)
        : toPlace(text, m, i, chosen[i] ?? null, mentions, chosen, gazetteer, ctx),
    );
  });
  return places;
}

interface Vote {
  readonly key: string;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly w: number;
}

/** Rounds of reading the report's geography from its own resolved places. */
const ROUNDS = 3;
/** How much an ambiguous name's prior choice votes ("Paris" could be anywhere). */
const AMBIGUOUS_PRIOR_VOTE = 0.2;
/** How much an ambiguous name votes once read in context. */
const AMBIGUOUS_READ_VOTE = 0.5;

/**
 * How much a country-code domain votes for its country. A country named in the text votes 2; the
 * domain outweighs one such mention, since the outlet writes for readers in that country
 * ("London" in a `.ca` paper is London, Ontario). Chosen on the LGL dev set, where 3 to 6 score alike.
 */
const OUTLET_COUNTRY_VOTE = 3;

/** Country and admin-1 votes of each mention, from the entries chosen for them. */
function mentionVotes(
  mentions: readonly PlaceMention[],
  chosen: readonly (GazetteerEntry | null)[],
  ambiguous: number,
): Vote[] {
  const votes: Vote[] = [];
  mentions.forEach((m, i) => {
    if (m.type === 'demonym') votes.push({ key: foldedKey(m), country: m.countryCode, admin1: null, w: 0.5 });
    const best = chosen[i];
    if (!best) return;
    // Ambiguous names ("Georgia", "Paris") barely vote: they would only confirm their own prior.
    const oneCountry = m.candidates.every((c) => c.countryCode === best.countryCode);
    const w = (best.kind === 'country' ? 2 : best.kind === 'admin1' ? 1.5 : 1) * (oneCountry ? 1 : ambiguous);
    const admin1 =
      best.countryCode && best.admin1 && best.kind !== 'country'
        ? `${best.countryCode}.${best.admin1}`
        : null;
    votes.push({ key: foldedKey(m), country: best.countryCode, admin1, w });
  });
  return votes;
}

/** The context each name is judged in: every other name's votes (its own count SELF_VOTE). */
function contextsOf(
  votes: readonly Vote[],
  proximity: ReadonlyMap<GazetteerEntry, number>,
  neighbours: ReadonlySet<GazetteerEntry>,
): (key: string | null) => Context {
  const contexts = new Map<string | null, Context>();
  return (key) => {
    let c = contexts.get(key);
    if (!c) {
      const countries = new Map<string, number>();
      const admin1s = new Map<string, number>();
      const add = (m: Map<string, number>, k: string | null, w: number) => {
        if (k) m.set(k, (m.get(k) ?? 0) + w);
      };
      for (const v of votes) {
        const w = v.key === key ? v.w * SELF_VOTE : v.w;
        add(countries, v.country, w);
        add(admin1s, v.admin1, w);
      }
      const total = (m: Map<string, number>) =>
        Math.max(
          1,
          [...m.values()].reduce((a, b) => a + b, 0),
        );
      c = {
        countries,
        admin1s,
        countryTotal: total(countries),
        admin1Total: total(admin1s),
        proximity,
        neighbours,
      };
      contexts.set(key, c);
    }
    return c;
  };
}

interface Context {
  readonly countries: Map<string, number>;
  readonly admin1s: Map<string, number>;
  readonly countryTotal: number;
  readonly admin1Total: number;
  /** 0..1 per candidate: how close it lies to the other places the report names. */
  readonly proximity: ReadonlyMap<GazetteerEntry, number>;
  /** Candidates with another name's candidate within NEIGHBOUR_KM: local evidence. */
  readonly neighbours: ReadonlySet<GazetteerEntry>;
}

/** How many report names the outlet's home town counts as in the proximity reading. */
const HOME_WEIGHT = 2;
/** Two places this close are neighbours: naming one is local evidence for the other. */
const NEIGHBOUR_KM = 30;
/** Support between two places falls off as exp(-distance / this). */
const PROXIMITY_SCALE_KM = 100;
/** How many of a name's candidates (most populous first) take part in the proximity reading. */
const PROXIMITY_CANDIDATES = 12;

const LOCAL_KINDS = new Set(['city', 'admin2', 'admin1', 'facility']);

/**
 * Geographic coherence: a report's places tend to lie together, so among same-named towns the
 * one near the report's other places wins ("Decatur" beside "Huntsville" is Decatur, Alabama).
 */
function proximities(
  mentions: readonly PlaceMention[],
  neighbours: Set<GazetteerEntry>,
  homePlaces: readonly OutletHome['places'][number][],
): Map<GazetteerEntry, number> {
  const byKey = new Map<string, GazetteerEntry[]>();
  // The outlet's home towns take part as if the report named them, after the report's own
  // names, and weigh more: a local paper's readers know which "Dublin" is theirs.
  const named: { readonly key: string; readonly candidates: readonly GazetteerEntry[] }[] = [];
  for (const m of mentions) named.push({ key: foldedKey(m), candidates: m.candidates });
  for (const p of homePlaces) named.push(p);
  const home = new Set<string>();
  for (const p of homePlaces) if (!mentions.some((m) => foldedKey(m) === p.key)) home.add(p.key);
  const weight = (k: string) => (home.has(k) ? HOME_WEIGHT : 1);
  for (const m of named) {
    if (m.candidates.length === 0 || byKey.has(m.key)) continue;
    const local = m.candidates.filter((c) => LOCAL_KINDS.has(c.kind));
    if (local.length === 0) continue;
    byKey.set(m.key, [...local].sort((a, b) => b.population - a.population).slice(0, PROXIMITY_CANDIDATES));
  }
  const out = new Map<GazetteerEntry, number>();
  const keys = [...byKey.keys()];
  const sets = new Map([...byKey].map(([k, list]) => [k, new Set(list)]));
  const sameName = (k: string, o: string) => byKey.get(o)!.some((c) => sets.get(k)!.has(c));
  if (keys.length < 2) return out;
  // A country is as close as the share of the report's other places inside it.
  for (const m of mentions) {
    for (const c of m.candidates) {
      if (c.kind !== 'country' || out.has(c)) continue;
      const inside = keys.filter(
        (k) => k !== foldedKey(m) && byKey.get(k)!.some((e) => e.countryCode === c.countryCode),
      );
      out.set(c, inside.length / Math.max(1, keys.length - (byKey.has(foldedKey(m)) ? 1 : 0)));
    }
  }
  // A namesake far smaller than its name's best-known place lends less support: Brampton,
  // Cambridgeshire (a village) does not pull "London" to England as Brampton, Ontario pulls it
  // to Ontario.
  const plausible = new Map<GazetteerEntry, number>();
  for (const k of keys) {
    const list = byKey.get(k)!;
    const top = Math.log10(list[0]!.population + 1);
    for (const c of list)
      plausible.set(c, Math.max(0.25, Math.min(1, 1 - 0.25 * (top - Math.log10(c.population + 1)))));
  }
  for (const k of keys) {
    // Two names that can be the same place ("Dublin", "Dublin City") are one piece of
    // evidence, not two: neither supports the other's readings.
    const supporters = keys.filter((o) => o !== k && !sameName(k, o));
    const others = supporters.reduce((total, o) => total + weight(o), 0);
    for (const e of byKey.get(k)!) {
      if (out.has(e)) continue;
      let sum = 0;
      const cos = Math.cos((e.lat * Math.PI) / 180);
      for (const o of supporters) {
        let best = 0;
        for (const c of byKey.get(o)!) {
          if (c === e) continue;
          const dx = (c.lon - e.lon) * cos;
          const dy = c.lat - e.lat;
          const km = 111.2 * Math.sqrt(dx * dx + dy * dy);
          if (km < NEIGHBOUR_KM) neighbours.add(e);
          const close = Math.exp(-km / PROXIMITY_SCALE_KM) * plausible.get(c)!;
          if (close > best) best = close;
        }
        sum += best * weight(o);
      }
      out.set(e, others > 0 ? sum / others : 0);
    }
  }
  return out;
}

/**
 * "Belgrade, Minn.": a town the gazetteer lacks in the state (or country) named right after it
 * — its namesakes elsewhere are not it. Returns that state, or null when X has a namesake
 * inside it or is itself a region.
 */
function stateOfUnknownTown(
  text: string,
  ms: readonly PlaceMention[],
  i: number,
  chosen: readonly (GazetteerEntry | null)[],
): GazetteerEntry | null {
  const container = containerAfter(text, ms, i);
  const region = container ? chosen[i + 1] : null;
  const m = ms[i]!;
  if (!region || (region.kind !== 'admin1' && region.kind !== 'country') || m.type !== 'name') return null;
  // "Miami, West Palm Beach, New York, and Detroit": inside a list, the next name is no container.
  const before = ms[i - 1];
  if (before && /^,\s*$/.test(text.slice(before.end, m.start))) return null;
  if (m.candidates.length === 0 || m.candidates.some((c) => c.kind === 'admin1' || c.kind === 'country'))
    return null;
  const inside = m.candidates.some(
    (c) => c.countryCode === region.countryCode && (region.kind === 'country' || c.admin1 === region.admin1),
  );
  return inside ? null : region;
}

/** A town known only by the state or country it is in: placed there, and said to be. */
function townInRegion(m: PlaceMention, i: number, region: GazetteerEntry): Place {
  const precision: PlacePrecision = region.kind === 'country' ? 'country' : 'admin1';
  return {
    id: `place-${i}`,
    start: m.start,
    end: m.end,
    name: m.name,
    stage: 'places',
    kind: 'city',
    resolvedName: region.name,
    lat: region.lat,
    lon: region.lon,
    geonameid: null,
    countryCode: region.countryCode,
    admin1: region.kind === 'country' ? null : region.admin1,
    precision,
    acledPrecision: acled(precision),
    anchor: region.name,
    confidence: Math.max(0, Math.min(1, m.confidence * 0.6)),
  };
}

/** The mention right after "X, " — a state or country that contains X ("Paris, Texas"). */
function containerAfter(text: string, ms: readonly PlaceMention[], i: number): PlaceMention | null {
  const m = ms[i]!;
  const n = ms[i + 1];
  if (!n) return null;
  return /^,\s*$/.test(text.slice(m.end, n.start)) ? n : null;
}

// Folded names, computed once per entry and mention: resolution runs for every report.
const OWN_NAMES = new WeakMap<GazetteerEntry, string>();
const KEYS = new WeakMap<PlaceMention, string>();

function ownName(e: GazetteerEntry): string {
  let v = OWN_NAMES.get(e);
  if (v === undefined) {
    v = foldName(e.name.split(',')[0]!);
    OWN_NAMES.set(e, v);
  }
  return v;
}

function foldedKey(m: PlaceMention): string {
  let v = KEYS.get(m);
  if (v === undefined) {
    v = foldName(m.key);
    KEYS.set(m, v);
  }
  return v;
}

function isOwnName(e: GazetteerEntry, key: string): boolean {
  const own = ownName(e);
  return own === key || stripArticle(own) === key;
}

function prior(e: GazetteerEntry, m: PlaceMention): number {
  const lp = Math.log10(e.population + 1);
  let s: number;
  switch (e.kind) {
    case 'country':
      s = 7.5;
      break;
    case 'admin1':
      s = 2 + 0.4 * lp;
      break;
    case 'admin2':
      s = 0.5 + 0.3 * lp;
      break;
    case 'facility':
      s = m.type === 'facility' ? 8 : e.featureCode === 'AIRB' ? -1 : -2;
      break;
    default:
      s = 0.6 * lp + (e.featureCode === 'PPLA' ? 1 : 0) + (e.population >= 1_000_000 ? 2 : 0);
  }
  // A place called by its own name beats one that merely lists the name among its aliases
  // ("Mexico" the country over Mexico City).
  const key = foldedKey(m);
  const own = ownName(e);
  if (own === key || stripArticle(own) === key) {
    s += 1.5;
    // Capitals by their own name only: "Salisbury" is not Harare, whatever its old name.
    if (e.featureCode === 'PPLC') s += 3;
  }
  if (m.suffix) {
    const admin = /province|governorate|region|state|oblast|prefecture/.test(m.suffix);
    if (admin && e.kind === 'admin1') s += 4;
    else if (
      /county|parish|district|municipality|borough/.test(m.suffix) &&
      (e.kind === 'admin2' || e.kind === 'admin1')
    )
      s += 4;
    else if (/city|town|village|township/.test(m.suffix) && e.kind === 'city') s += 2;
    else if (e.kind === 'city' && admin) s -= 2;
  }
  return s;
}

// How much the report's own geography outweighs population priors (tuned on the dev sets).
const COUNTRY_WEIGHT = 7;
const ADMIN1_WEIGHT = 7;
const PROXIMITY_WEIGHT = 12;
// A country, capital or city of this size called by its own name outranks small namesakes
// unless the report's geography clearly points at one ("Rome" beside Wisconsin towns is Rome).
const FAMOUS_CITY = 500_000;
const SMALL_TOWN = 100_000;
const SMALL_NAMESAKE_PENALTY = 2;
/** A town known by the name only as an alias, when another place has it as its own name. */
const ALIAS_ONLY_PENALTY = 3;
/** "X, <state>": a namesake inside the state named right after X wins over any context. */
const CONTAINER_BONUS = 20;
/** How much a name's own prior choice counts in the context it is judged by. */
const SELF_VOTE = 0;

function pick(
  m: PlaceMention,
  ctx: Context | null,
  container: PlaceMention | null,
  whole: Context | null,
): GazetteerEntry | null {
  if (m.candidates.length === 0) return null;
  let best: GazetteerEntry | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  // A country, capital or large city called by its own name ("Mexico", "Rome") yields to a
  // small namesake only on clear evidence: American neighbours alone do not make it Mexico, NY.
  const key = foldedKey(m);
  const country = m.candidates.some(
    (c) =>
      ownName(c) === key && (c.kind === 'country' || c.featureCode === 'PPLC' || c.population >= FAMOUS_CITY),
  );
  // A country's name ("Italy", "Egypt", "China") names a Texas or Pennsylvania town only when
  // the text says so ("Italy, Texas") or names a place next to it ("Lebanon" beside Myerstown):
  // the report's American geography alone is not enough.
  const nation = m.candidates.some((c) => ownName(c) === key && c.kind === 'country');
  // A town called by its own name beats one that merely lists the name among old or foreign
  // names ("Berea" is Berea, Kentucky, not Aleppo; "Cancun" is not Changchun).
  const anyOwn = m.candidates.some((c) => isOwnName(c, key));
  for (const e of m.candidates) {
    const inside =
      container !== null &&
      e.kind !== 'country' &&
      container.candidates.some(
        (c) =>
          (c.kind === 'country' && c.countryCode === e.countryCode) ||
          (c.kind === 'admin1' && c.countryCode === e.countryCode && c.admin1 === e.admin1),
      );
    const namesake = country && e.kind === 'city' && e.population < SMALL_TOWN;
    if (nation && namesake && !inside && !ctx?.neighbours.has(e)) continue;
    let s = prior(e, m);
    if (namesake) s -= SMALL_NAMESAKE_PENALTY;
    if (anyOwn && e.kind === 'city' && !isOwnName(e, key)) s -= ALIAS_ONLY_PENALTY;
    if (ctx && e.countryCode) {
      // A country is judged by the whole report, its own mentions included ("Mexico" said ten
      // times is about Mexico); other places by the report's other names only.
      const c = e.kind === 'country' && whole ? whole : ctx;
      s += COUNTRY_WEIGHT * ((c.countries.get(e.countryCode) ?? 0) / c.countryTotal);
      if (e.admin1 && e.kind !== 'country')
        s += ADMIN1_WEIGHT * ((ctx.admin1s.get(`${e.countryCode}.${e.admin1}`) ?? 0) / ctx.admin1Total);
    }
    if (ctx) s += PROXIMITY_WEIGHT * (ctx.proximity.get(e) ?? 0);
    if (inside) s += CONTAINER_BONUS;
    if (s > bestScore) {
      bestScore = s;
      best = e;
    }
  }
  return best;
}

const PRECISION_OF: Record<string, PlacePrecision> = {
  country: 'country',
  admin1: 'admin1',
  admin2: 'admin2',
  city: 'exact',
  facility: 'exact',
};

function acled(p: PlacePrecision): 1 | 2 | 3 | null {
  if (p === 'exact') return 1;
  if (p === 'near' || p === 'admin2') return 2;
  if (p === 'unresolved') return null;
  return 3;
}

function toPlace(
  text: string,
  m: PlaceMention,
  i: number,
  e: GazetteerEntry | null,
  ms: readonly PlaceMention[],
  chosen: readonly (GazetteerEntry | null)[],
  gazetteer: Gazetteer | null,
  ctx: Context,
): Place {
  // One object literal with every field in the record's order: spreading a shared base into
  // each place cost more than the rest of the resolution.
  const make = (
    kind: PlaceKind,
    resolved: GazetteerEntry | null,
    precision: PlacePrecision,
    anchor: string | null,
    confidence: number,
    override?: { name: string; lat: number; lon: number; countryCode: string | null },
  ): Place => ({
    id: `place-${i}`,
    start: m.start,
    end: m.end,
    name: m.name,
    stage: 'places',
    kind,
    resolvedName: override?.name ?? resolved?.name ?? null,
    lat: override ? override.lat : (resolved?.lat ?? null),
    lon: override ? override.lon : (resolved?.lon ?? null),
    geonameid: override ? null : (resolved?.geonameid ?? null),
    countryCode: override ? override.countryCode : (resolved?.countryCode ?? null),
    admin1: override ? null : (resolved?.admin1 ?? null),
    precision,
    acledPrecision: acled(precision),
    anchor,
    confidence: Math.max(0, Math.min(1, confidence)),
  });

  if (m.region) {
    return make(m.region.countryCode ? 'admin1' : 'region', null, m.region.precision, null, m.confidence, {
      name: m.region.name,
      lat: m.region.lat,
      lon: m.region.lon,
      countryCode: m.region.countryCode,
    });
  }
  if (m.type === 'demonym') {
    const c = m.countryCode && gazetteer ? gazetteer.country(m.countryCode) : null;
    return make('demonym', c, c ? 'country' : 'unresolved', null, m.confidence);
  }
  if (m.type === 'street' || m.type === 'water') {
    // Streets and waters are placed at the town the report is about, and say so.
    // Towns in the report's main country first: a stray namesake abroad is no street's town.
    const focus = topCountry(ctx);
    const anchor =
      nearestTown(m, i, ms, chosen, focus) ??
      nearestTown(m, i, ms, chosen, null) ??
      topAdmin1(ctx, gazetteer);
    const kind: PlaceKind = m.type === 'water' ? 'water' : 'other';
    if (anchor) {
      const precision: PlacePrecision =
        anchor.kind === 'city' ? 'near' : (PRECISION_OF[anchor.kind] ?? 'country');
      return make(kind, anchor, precision, anchor.name, m.confidence * 0.8);
    }
    return make(kind, null, 'unresolved', null, m.confidence * 0.5);
  }
  if (m.type === 'facility' && !e) {
    // An unknown facility: placed at the place it is said to be in, never presented as exact.
    const anchor = facilityAnchor(text, m, i, ms, chosen);
    if (anchor) {
      const precision: PlacePrecision =
        anchor.kind === 'city' || anchor.kind === 'facility'
          ? 'near'
          : (PRECISION_OF[anchor.kind] ?? 'country');
      return make('facility', anchor, precision, anchor.name, m.confidence * 0.9);
    }
    const top = topCountry(ctx);
    const c = top && gazetteer ? gazetteer.country(top) : null;
    return make('facility', c, c ? 'country' : 'unresolved', c?.name ?? null, m.confidence * 0.6);
  }
  if (!e) return make('other', null, 'unresolved', null, m.confidence * 0.5);
  // "Laurel County" unknown as a county: the state the report is about, said as such.
  if (m.suffix && /county|parish/.test(m.suffix) && e.kind === 'city' && gazetteer) {
    const [key] = [...ctx.admin1s.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    const [cc, a1] = key ? key.split('.') : [];
    const state = cc && a1 ? gazetteer.admin1Of(cc, a1) : null;
    if (state && state.countryCode === e.countryCode && state.admin1 !== e.admin1)
      return make('admin2', state, 'admin1', state.name, m.confidence * 0.6);
  }
  const kind: PlaceKind = m.qualifier ? 'region' : e.kind;
  let precision = PRECISION_OF[e.kind] ?? 'exact';
  // "northern Iraq": the country's point stands for part of it.
  if (m.qualifier && precision === 'exact') precision = 'near';
  return make(kind, e, precision, m.qualifier ? e.name : null, m.confidence);
}

/** The town named nearest to mention `i` (before it first), as resolved; in `country` when given. */
function nearestTown(
  m: PlaceMention,
  i: number,
  ms: readonly PlaceMention[],
  chosen: readonly (GazetteerEntry | null)[],
  country: string | null,
): GazetteerEntry | null {
  let best: GazetteerEntry | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  for (let k = 0; k < ms.length; k++) {
    const e = chosen[k];
    if (k === i || !e || e.kind !== 'city' || (country && e.countryCode !== country)) continue;
    const o = ms[k]!;
    const gap = o.end <= m.start ? m.start - o.end : (o.start - m.end) * 1.5;
    if (gap < bestGap) {
      bestGap = gap;
      best = e;
    }
  }
  return best;
}

function topAdmin1(ctx: Context, gazetteer: Gazetteer | null): GazetteerEntry | null {
  const [key] = [...ctx.admin1s.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const [cc, a1] = key ? key.split('.') : [];
  return cc && a1 && gazetteer ? gazetteer.admin1Of(cc, a1) : null;
}

function topCountry(ctx: Context): string | null {
  let best: string | null = null;
  let w = 0;
  for (const [k, v] of ctx.countries) {
    if (v > w) {
      w = v;
      best = k;
    }
  }
  return best;
}

/** Where an unknown facility is: "X in Y" / "X near Y" first, then the same name placed earlier. */
// "X in Y", "X near the city of Y", "X in north-eastern Y": the place that locates a facility.
const FACILITY_LOCATOR =
  /^\s*(?:,\s*)?(?:in|near|outside|at|north of|south of|east of|west of|close to)\s+(?:the\s+)?(?:city of\s+|province of\s+)?(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+|central\s+)?$/i;

function facilityAnchor(
  text: string,
  m: PlaceMention,
  i: number,
  ms: readonly PlaceMention[],
  chosen: readonly (GazetteerEntry | null)[],
): GazetteerEntry | null {
  const next = ms[i + 1];
  const ne = chosen[i + 1];
  if (next && ne && next.start - m.end < 40 && FACILITY_LOCATOR.test(text.slice(m.end, next.start)))
    return ne;
  // The same facility named earlier or later with a location ("the Harir base").
  const core = m.key.toLowerCase();
  for (let k = 0; k < ms.length; k++) {
    if (k === i) continue;
    const o = ms[k]!;
    if (o.type !== 'facility' || o.key.toLowerCase() !== core) continue;
    const after = ms[k + 1];
    const ae = chosen[k + 1];
    if (
      after &&
      ae &&
      after.start - o.end < 40 &&
      /^\s*(?:,\s*)?(?:in|near|outside|at)\s+(?:the\s+)?$/i.test(text.slice(o.end, after.start))
    )
      return ae;
  }
  // The nearest place named before it in the same sentence ("bases in Syria, including …").
  for (let k = i - 1; k >= 0; k--) {
    const o = ms[k]!;
    const oe = chosen[k];
    if (m.start - o.end > 200 || /[.!?]\s/.test(text.slice(o.end, m.start))) break;
    if (oe && o.type !== 'demonym' && o.type !== 'facility') return oe;
  }
  return null;
}
