import { objectList } from '../stage.js';
import type { EventLocation, Place, Span } from '../types/index.js';

// Verbs of conflict and protest events; the place nearest one in the lead is where it happened.
const EVENT_VERB =
  /\b(?:kill(?:ed|ing|s)?|attack(?:ed|ing|s)?|bomb(?:ed|ing|ings|s)?|bombard(?:ed|ing|ment)?|shell(?:ed|ing)|clash(?:ed|es|ing)?|struck|strikes?|hit|explo(?:ded|sion|sions)|detonat(?:ed|ion)|fired|shot|shooting|captur(?:ed|e)|arrest(?:ed|s)?|detain(?:ed)?|demonstrat(?:ed|ion|ions|ors)|protest(?:ed|s|ers)?|raid(?:ed|s)?|seiz(?:ed|e)|ambush(?:ed)?|wound(?:ed|ing)|injur(?:ed|ing)|target(?:ed|ing)|storm(?:ed)?|fought|fighting|died|dead|kidnap(?:ped)?|abduct(?:ed)?|execut(?:ed|ion)|massacre(?:d)?|burn(?:ed|t)|destroy(?:ed)?|march(?:ed)?|rall(?:ied|y)|besieg(?:ed)|assassinat(?:ed|ion)|stabbed|rocket(?:ed)?|air ?strikes?|offensive|battle|gunmen|gunfire|patroll?(?:ed|ing|s)?|liberat(?:ed|ion)|gunned|blast|explosion)\b/gi;

// A place further than this (characters) from every event verb is not tied to one.
const MAX_VERB_DISTANCE = 80;

const LOCATIVE =
  /\b(?:in|at|near|off|outside|on|into|inside|across|around|of|from|toward|towards|to)\s+(?:(?:the|a|an)\s+(?:[a-z-]+\s+)?)?(?:[A-Z][\w-]*(?:['’]s|\s{2,}s)\s+)?(?:(?:[a-z-]+ern|central|coastal|nearby|neighbouring|neighboring|rural|downtown)\s+)?(?:(?:town|city|village|province|district|region|area|countryside|suburb|outskirts|camp) of\s+)?$/i;

/**
 * The place where the report's main event happened: in the first sentence with an event verb
 * (attacked, killed, bombed, clashed…), the place nearest the verb that the text marks as a
 * location ("in X", "near X", or the verb's object), preferring towns and facilities over
 * countries. Null when no sentence reports an event at a named place.
 *
 * @example findEventLocation('Drones attacked a base near Erbil.', [erbil], [{start: 0, end: 33}])?.name // 'Erbil'
 */
export function findEventLocation(
  text: string,
  places: readonly Place[],
  sentences: readonly Span[],
): EventLocation | null {
  // The lead (headline, standfirst, first sentences) names the main event; a headline's
  // country often stands where the body's first sentence names the town, so the best place
  // among the first few event sentences wins, earlier sentences slightly preferred.
  let leadBest: Candidate | null = null;
  let leadScore = Number.NEGATIVE_INFINITY;
  let rank = 0;
  for (const s of sentences) {
    if (rank >= LEAD_SENTENCES) break;
    const verbs = verbsIn(text, s);
    if (verbs.length === 0) continue;
    const candidates = candidatesIn(places, s);
    let best: Candidate | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const p of candidates) {
      const before = text.slice(Math.max(s.start, p.start - 60), p.start);
      const locative = LOCATIVE.test(before) && !/according\s+to\s+$/i.test(before);
      let distance = Number.POSITIVE_INFINITY;
      for (const v of verbs) distance = Math.min(distance, Math.abs(p.start - v));
      const afterVerb = verbs.some(
        (v) =>
          v < p.start &&
          p.start - v < 40 &&
          /^\S+\s+(?:the\s+)?(?:(?:[a-z-]+ern|central|coastal|nearby|downtown)\s+)?$/.test(
            text.slice(v, p.start),
          ),
      );
      if ((!locative && !afterVerb) || distance > MAX_VERB_DISTANCE) continue;
      const follows = verbs.some((v) => v < p.start);
      // "Officials in Baghdad said …": where the speakers are, not where it happened.
      const speaker = /^\W{0,3}\s*(?:said|say|says|told|reported)\b/.test(text.slice(p.end, p.end + 12));
      // "Taji, just north of Baghdad", "30 km from Kilinochchi": a reference point, not the place.
      const reference =
        /(?:\b(?:km|kilometres|kilometers|miles|far|just|some|about)\b[^.;]{0,20}\b(?:from|of)|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)\s+(?:the\s+)?$/i.test(
          before,
        );
      // "Syria's Aleppo province": the container of the place that follows.
      const container =
        /^(?:['’]s|\s{2,}s)\b/.test(text.slice(p.end, p.end + 4)) ||
        /\p{Lu}[\p{L}'’-]*\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|central)?\s*$/u.test(
          before,
        );
      const score =
        p.specific +
        (afterVerb ? 1 : 0) +
        (follows ? 0.8 : 0) -
        (speaker ? 2 : 0) -
        (reference ? 2.5 : 0) -
        (container ? 2 : 0) -
        distance / 60;
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    if (best && bestScore - rank * 0.75 > leadScore) {
      leadBest = best;
      leadScore = bestScore - rank * 0.75;
    }
    if (best) rank++;
  }
  if (!leadBest) return null;
  return {
    start: leadBest.start,
    end: leadBest.end,
    name: leadBest.name,
    placeId: leadBest.placeId,
    confidence: Math.max(0.3, Math.min(0.9, 0.6 + leadScore / 10)),
  };
}

/**
 * Offsets of the event verbs in a sentence. Arrays here are built by `push` onto a packed literal,
 * never by `map`: V8's optimised `map` returns holey arrays and its interpreter packed ones, and
 * each new kind met by the optimised caller cost a deoptimisation and a recompile.
 */
function verbsIn(text: string, s: Span): number[] {
  const verbs: number[] = [];
  const slice = text.slice(s.start, s.end);
  for (const m of slice.matchAll(EVENT_VERB)) verbs.push(s.start + m.index);
  return verbs;
}

/** The places inside a sentence that may be where its event happened (demonyms are not). */
function candidatesIn(places: readonly Place[], s: Span): Candidate[] {
  const out = objectList<Candidate>();
  for (const p of places) {
    if (p.start >= s.start && p.end <= s.end && p.kind !== 'demonym')
      out.push({ start: p.start, end: p.end, name: p.name, placeId: p.id, specific: specificity(p) });
  }
  return out;
}

// How many sentences with an event at a named place the lead may span.
const LEAD_SENTENCES = 3;

interface Candidate extends Span {
  readonly name: string;
  readonly placeId: string | null;
  readonly specific: number;
}

function specificity(p: Place): number {
  if (p.precision === 'exact' || p.precision === 'near') return 2;
  if (p.precision === 'admin2' || p.precision === 'admin1') return 1;
  if (p.precision === 'unresolved') return 1.5;
  return 0;
}
