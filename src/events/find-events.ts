import { objectList, type RecordSoFar } from '../stage.js';
import type { Claim } from '../types/claim.js';
import type { DateMention } from '../types/date.js';
import type { Entity } from '../types/entity.js';
import type { ConflictEvent, EventArgument } from '../types/event.js';
import type { Place } from '../types/place.js';
import type { Sentence, Token } from '../types/sentence.js';
import type { TextSpan } from '../types/span.js';
import { acledCoding } from './acled-taxonomy.js';
import { readSentence } from './find-outcomes.js';
import { headAfter, headBefore, type PickedSpan } from './np-heads.js';
import { BOMBING, lowerTokenTexts, mayBeTrigger, TRIGGERS, type TriggerKind } from './triggers.js';

// A report describes a handful of events; a pathological text must not make the stage quadratic.
const MAX_EVENTS = 400;
const PASSIVE_AUX = /^(?:was|were|been|being|is|are|be|get|got)$/i;
const WEAPON_CODES: [RegExp, string][] = [
  [/suicide/i, 'SUIC_BOMB'],
  [/grenade/i, 'GRENADE'],
  [/chemical|chlorine|sarin|(?:toxic|poison\w*|mustard|nerve) gas/i, 'CHEM_WEAP'],
  [/drone|uav|aircraft|warplane|jet|helicopter|mq-|bomber|plane/i, 'AIR_STRIKE'],
  [/rocket|missile|mortar|artillery|shell|howitzer|katyusha/i, 'ART_MISS_ATTACK'],
  [/ied|explosive|bomb|mine/i, 'REM_EXPLOS'],
  [/gun|rifle|firearm|bullet|sniper/i, 'ATTACK'],
];
const EXPLOSIVE = /bomb(?!er)|explosive|\bieds?\b|grenade|\bmines?\b|landmine|vbied|tnt|nitrate/i;
// Trigger verbs whose subject (intransitive) or object (transitive) is the device itself.
const DEVICE_VERBS = /^(?:exploded|explodes|explode|detonated|detonating|detonate|blew|blown)$/i;
const PERSON_BOMBER = /\b(?:suicide )?bombers?$/i;
// Common nouns that can be where an attack happened ("exploded at the station").
const PLACE_HEADS =
  /^(?:station|street|road|area|areas|market|city|town|village|district|province|region|square|building|neighbou?rhood|restaurant|cafe|hotel|airport|base|camp|mosque|church|school|hospital|posts?|checkpoint|bridge|port|border|compound|headquarters|office|embassy)$/i;
const MILITARY_TARGET =
  /\b(?:base|bases|troops|soldiers|forces|army|military|checkpoint|checkpoints|convoy|patrol|positions?|posts?|barracks|camp|outpost|militants|fighters|rebels|insurgents)\b/i;
const CIVILIAN_TARGET =
  /\b(?:civilians?|villagers?|village|people|worshippers|students|school|market|mosque|church|hospital|homes?|houses?|bakery|restaurant|shop|bus|passengers|women|children|embassy|journalists?)\b/i;

/** What the events finder reads from the record. */
export interface EventInputs {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly Entity[];
  readonly record: RecordSoFar;
}

/**
 * Events at their trigger words ("attacked", "airstrike", "explosion"), coded ACLED-style with
 * the CASE code refined by the weapon and target named around the trigger, arguments picked
 * from the clause (attacker before an active verb, "by …" after a passive one, the object or
 * "on …" as target), the place and date mentioned in the sentence, outcome claims and status.
 *
 * @example findEvents(inputs)[0].type // 'AIR_STRIKE' for "Drones targeted the base on 17 November."
 */
export function findEvents(inputs: EventInputs, mainCode = 'none'): ConflictEvent[] {
  const { text, tokens, entities, record } = inputs;
  const events: ConflictEvent[] = [];
  const outcomesBySentence = new Map<number, ConflictEvent['outcomes']>();
  const statusBySentence = new Map<number, ConflictEvent['status']>();
  const triggersBySentence = new Map<number, readonly number[]>();
  const viewBySentence = new Map<number, SentenceView>();
  const lowerTexts = lowerTokenTexts(tokens);
  for (let i = 0; i < tokens.length && events.length < MAX_EVENTS; i++) {
    const t = tokens[i]!;
    const lower = lowerTexts[i]!;
    if (!mayBeTrigger(lower)) continue;
    const kind = TRIGGERS.get(lower);
    if (!kind || !triggerHolds(lower, tokens, i)) continue;
    const sentence = inputs.sentences[t.sentence];
    const scope = sentence ? { start: sentence.start, end: sentence.end } : { start: t.start, end: t.end };
    const args = pickArguments(tokens, i, entities, kind, text, record.places ?? []);
    if (args.figurative) continue;
    // Weapons and dates of the sentence go to the trigger nearest to them: in "targeted the base,
    // and the embassy in a rocket attack last week", the rocket and the week are the attack's.
    let sentenceTriggers = triggersBySentence.get(t.sentence);
    if (!sentenceTriggers) {
      sentenceTriggers = sentenceTriggerTokens(tokens, lowerTexts, t.sentence, i);
      triggersBySentence.set(t.sentence, sentenceTriggers);
    }
    const triggersHere = triggerStarts(tokens, sentenceTriggers, i);
    const ownsIt = (s: { start: number; end: number }) => nearestTrigger(triggersHere, s) === t.start;
    // What the sentence holds is worked out once for all its triggers.
    let view = sentence ? viewBySentence.get(t.sentence) : undefined;
    if (!view) {
      view = sentenceView(scope, entities, record);
      if (sentence) viewBySentence.set(t.sentence, view);
    }
    const weapon =
      args.instrument ??
      firstOfTypes(
        // Only the sentence's weapons can be picked: the nearest-trigger test is kept for them.
        view.weapons.filter(ownsIt),
        scope,
        ['Weapon', 'MilitaryPlatform'],
        t.start,
      );
    // The sentence without its trigger word: "bombing" must not count as a named bomb.
    let context = `${text.slice(scope.start, t.start)} ${text.slice(t.end, scope.end)}`;
    for (const e of view.weapons) {
      // A weapon that belongs to another trigger of the sentence says nothing about this one.
      if (!ownsIt(e)) {
        const at = e.start < t.start ? e.start - scope.start : e.start - scope.start - (t.end - t.start) + 1;
        context = context.slice(0, at) + ' '.repeat(e.end - e.start) + context.slice(at + e.end - e.start);
      }
    }
    const code = refineCode(
      kind,
      weapon ? text.slice(weapon.start, weapon.end) : '',
      context,
      args.target ? text.slice(args.target.start, args.target.end) : '',
      args.attacker ? text.slice(args.attacker.start, args.attacker.end) : '',
      mainCode,
    );
    const { places, placeEntities } = view;
    const dates = view.dates.filter(ownsIt);
    // Outcomes and the status are the sentence's, read once (in one pass) for all its triggers.
    let outcomes = outcomesBySentence.get(scope.start);
    let status = sentence ? statusBySentence.get(scope.start) : undefined;
    if (!outcomes || status === undefined) {
      const read = readSentence(text, scope, record.quantities ?? [], record.claims ?? []);
      if (!outcomes) {
        outcomes = read.outcomes;
        outcomesBySentence.set(scope.start, outcomes);
      }
      if (status === undefined) {
        status = read.status;
        if (sentence) statusBySentence.set(scope.start, status);
      }
    }
    // (A trigger outside its sentence's span, should there be one, looks through every claim.)
    // The lists an event holds are pushed onto object lists, never mapped or filtered (see `objectList`).
    const claimIds = claimIdsAround(
      t,
      t.start >= scope.start && t.end <= scope.end ? view.claims : (record.claims ?? []),
    );
    const argumentsOut = objectList<EventArgument>();
    const push = (role: string, s0: { start: number; end: number } | null) => {
      const s = s0 && role === 'place' ? placeHead(text, s0) : s0;
      if (!s || argumentsOut.some((a) => a.start === s.start && a.end === s.end)) return;
      argumentsOut.push({ role, start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    };
    const kairosType = kairosTypeOf(kind, lower, weapon, text, tokens, i, events, scope.start);
    push('attacker', args.attacker);
    push('attacker', args.coAttacker);
    push('target', args.target);
    push(instrumentRole(kairosType, weapon, text), weapon);
    const placeFound = placeArgument(text, tokens, i, placeEntities, places);
    // "the bombing of the Oklahoma City federal building": a name inside the target phrase is not the place.
    const placeArg =
      placeFound && args.target && placeFound.start >= t.end && placeFound.end <= args.target.end
        ? null
        : placeFound;
    const firstPlace = args.place ?? placeArg ?? locativeAfter(tokens, i, entities);
    push('place', firstPlace);
    // "in Badia al-Sukhnah and Badia al-Sham": every place of the coordination (names read as
    // persons count when the first place was one).
    if (firstPlace) {
      const persons = view.persons;
      const personPlace = persons.some((e) => e.start === firstPlace.start && e.end === firstPlace.end);
      let end = firstPlace.end;
      const candidates = [...places, ...placeEntities, ...(personPlace ? persons : [])];
      for (const p of candidates.sort((a, b) => a.start - b.start)) {
        if (p.start < end) continue;
        const between = text.slice(end, p.start);
        if (!/^\s*(?:,|and|,\s*and)\s+(?:the\s+)?$/.test(between)) break;
        if (args.target && p.start < args.target.end && args.target.start < p.end) break;
        push('place', p);
        end = p.end;
      }
    }
    const place = placeArg
      ? (places.find((p) => p.start <= placeArg.start && placeArg.end <= p.end) ?? places[0])
      : places[0];
    const coding = acledCoding(status === 'intercepted' ? 'DISR_WEAP' : code);
    const id = `ev${events.length + 1}`;
    const previous = events[events.length - 1];
    const anaphoric = /^(?:the|this|that|its|same)$/i.test(tokens[i - 1]?.text ?? '');
    const incidentId =
      previous && (previous.trigger.start >= scope.start || anaphoric) && compatible(previous.type, code)
        ? previous.incidentId
        : id;
    events.push({
      id,
      type: status === 'intercepted' ? 'DISR_WEAP' : code,
      kairosType,
      ramsType: ramsFor(code, kind),
      incidentId,
      eventType: coding.eventType,
      subEventType: coding.subEventType,
      trigger: { start: t.start, end: t.end },
      arguments: argumentsOut,
      actor: textSpan(text, args.attacker),
      actorInferred: false,
      target: textSpan(text, args.target),
      weapon: textSpan(text, weapon),
      placeId: place?.id ?? null,
      dateId: dates[0]?.id ?? null,
      status,
      outcomes,
      claimIds,
      confidence: kind.code === 'ATTACK_GENERIC' ? 0.5 : 0.65,
      stage: 'events',
    });
  }
  return events;
}

/** What one sentence holds, read once for all its triggers. */
interface SentenceView {
  /** Weapons and military platforms inside the sentence, in entity order. */
  readonly weapons: readonly Entity[];
  /** Places inside the sentence (no demonyms, none inside an organisation's name). */
  readonly places: readonly Place[];
  /** Location entities inside the sentence, nominal ones left out. */
  readonly placeEntities: readonly Entity[];
  /** Person entities inside the sentence, pronouns left out. */
  readonly persons: readonly Entity[];
  /** Dates inside the sentence. */
  readonly dates: readonly DateMention[];
  /** Claims with a mention that reaches into the sentence (only those can hold one of its triggers). */
  readonly claims: readonly Claim[];
}

function sentenceView(
  scope: { start: number; end: number },
  entities: readonly Entity[],
  record: RecordSoFar,
): SentenceView {
  const weapons: Entity[] = [];
  const placeEntities: Entity[] = [];
  const persons: Entity[] = [];
  // Organisations that reach into the sentence: a place of the sentence can only lie in one of those.
  const organisations: Entity[] = [];
  for (const e of entities) {
    if (e.type === 'Organisation' && e.start <= scope.end && e.end >= scope.start) organisations.push(e);
    if (e.start < scope.start || e.end > scope.end) continue;
    if (e.type === 'Weapon' || e.type === 'MilitaryPlatform') weapons.push(e);
    else if (e.type === 'Location' && e.subtype !== 'nominal') placeEntities.push(e);
    else if (e.type === 'Person' && e.subtype !== 'pronoun') persons.push(e);
  }
  // "the Islamic Resistance in Iraq": a place inside an organisation's name is not where it struck.
  const inOrgName = (p: { start: number; end: number }) =>
    organisations.some((e) => e.start <= p.start && p.end <= e.end && e.end - e.start > p.end - p.start);
  const places = (record.places ?? []).filter(
    (p) => p.start >= scope.start && p.end <= scope.end && p.kind !== 'demonym' && !inOrgName(p),
  );
  const dates = (record.dates ?? []).filter((d) => d.start >= scope.start && d.end <= scope.end);
  return {
    weapons,
    places,
    placeEntities,
    persons,
    dates,
    claims: claimsReaching(scope, record.claims ?? []),
  };
}

/**
 * The claims with a mention that reaches into `scope` (a sentence), pushed onto an object list
 * (see `objectList`): only those can hold one of the sentence's triggers.
 *
 * @example claimsReaching(sentence, record.claims).map((c) => c.id) // ['c3']
 */
export function claimsReaching(scope: { start: number; end: number }, claims: readonly Claim[]): Claim[] {
  const reaching = objectList<Claim>();
  for (const c of claims)
    if (c.mentions.some((m) => m.start <= scope.end && m.end >= scope.start)) reaching.push(c);
  return reaching;
}

/**
 * The ids of the claims with a mention around `t` (a trigger), pushed onto an object list (see
 * `objectList`).
 *
 * @example claimIdsAround(trigger, view.claims) // ['c3']
 */
export function claimIdsAround(t: { start: number; end: number }, claims: readonly Claim[]): string[] {
  const ids = objectList<string>();
  for (const c of claims) if (c.mentions.some((m) => m.start <= t.start && t.end <= m.end)) ids.push(c.id);
  return ids;
}

/**
 * The head of a place phrase whose head is a common noun: "the Markets area" → "area",
 * "the central street" → "street"; a proper name ("the Old Park Road", "Helmand Province") stays whole.
 */
function placeHead(text: string, s: { start: number; end: number }): { start: number; end: number } {
  const m = /^(?:the|a|an)\s+(?:\S+\s+)*?([a-z][a-z-]+)$/.exec(text.slice(s.start, s.end));
  if (!m?.[1]) return s;
  const end = s.end;
  return { start: end - m[1].length, end };
}

/**
 * The KAIROS type of an attack event. KAIROS codes an explosion only when the text names one
 * (the trigger word or an explosive); a generic "attack" inherits it from the explosion it
 * refers back to ("the bombs ... the attacks").
 */
function kairosTypeOf(
  kind: TriggerKind,
  lower: string,
  weapon: { start: number; end: number } | null,
  text: string,
  tokens: readonly Token[],
  i: number,
  events: readonly ConflictEvent[],
  sentenceStart: number,
): string {
  const generic = kind.code === 'ATTACK_GENERIC' && ATTACK_NOUN.test(lower);
  // "the attacks", "these murderous attacks", "the Bloody Friday attacks": a definite reference,
  // possibly through adjectives or a name.
  let d = i - 1;
  while (
    d > i - 4 &&
    tokens[d] &&
    tokens[d]!.sentence === tokens[i]!.sentence &&
    (tokens[d]!.pos === 'ADJ' || tokens[d]!.pos === 'PROPN')
  )
    d--;
  const definite = /^(?:the|these|those|such)$/i.test(tokens[d]?.text ?? '');
  // "The Cafetería Luna bombing was an attack on …": the copula names the explosion an attack.
  const namedAttack =
    /^(?:an?)$/i.test(tokens[i - 1]?.text ?? '') &&
    /^(?:was|is|were|are)$/i.test(tokens[i - 2]?.text ?? '') &&
    events.some(
      (e) =>
        e.trigger.start >= sentenceStart &&
        e.kairosType === 'Conflict.Attack.DetonateExplode' &&
        TRIGGERS.get(text.slice(e.trigger.start, e.trigger.end).toLowerCase())?.code !== 'ATTACK_GENERIC',
    );
  const explosion =
    kind.kairos === 'Conflict.Attack.DetonateExplode' ||
    (weapon && EXPLOSIVE.test(text.slice(weapon.start, weapon.end))) ||
    (generic && ((definite && explosionBefore(text, events, sentenceStart)) || namedAttack));
  return explosion ? 'Conflict.Attack.DetonateExplode' : 'Conflict.Attack.Unspecified';
}

// Carriers of a bomb (KAIROS Instrument of an explosion), as opposed to the bomb itself.
const CARRIER =
  /\b(?:drones?|uavs?|aircraft|planes?|jets?|helicopters?|vehicles?|motorcycles?|motorbikes?|bicycles?|bikes?|donkeys?)$/i;

/**
 * The KAIROS role of the weapon: in an explosion the bomb itself is the `explosiveDevice`
 * ("two bombs", "the device", "it" in "it exploded"), its carrier the `instrument`
 * ("a drone dropped a grenade"); in any other attack the weapon is the `instrument`.
 *
 * @example instrumentRole('Conflict.Attack.DetonateExplode', {start:0,end:4}, 'bomb') // 'explosiveDevice'
 */
export function instrumentRole(
  kairosType: string,
  weapon: { start: number; end: number } | null,
  text: string,
): 'explosiveDevice' | 'instrument' {
  if (kairosType !== 'Conflict.Attack.DetonateExplode' || !weapon) return 'instrument';
  const surface = text.slice(weapon.start, weapon.end);
  return CARRIER.test(surface) && !EXPLOSIVE.test(surface) ? 'instrument' : 'explosiveDevice';
}

/** What is fired in an attack: "fired rockets", "shots were fired". */
const FIRED_THINGS =
  /^(?:shots?|rounds?|rockets?|missiles?|mortars?|shells?|bullets|salvos?|volleys?|grenades?|projectiles?|artillery|guns?|weapons?|tear|live|warning|drones?)$/;

/** Generic attack nouns, which take their KAIROS type from the incident they refer back to. */
const ATTACK_NOUN = /^(?:attacks?|assaults?|atrocit(?:y|ies))$/;

/**
 * Whether the nearest earlier event of the document (within a few sentences' reach) was an
 * explosion: "21 bombs went off ... Within days of the attacks" codes the attacks as explosions.
 */
function explosionBefore(text: string, events: readonly ConflictEvent[], sentenceStart: number): boolean {
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k]!;
    if (e.trigger.start >= sentenceStart) continue;
    if (sentenceStart - e.trigger.start > 1500) return false;
    // Another generic attack says nothing of its own: look past it to the specific one.
    if (TRIGGERS.get(text.slice(e.trigger.start, e.trigger.end).toLowerCase())?.code === 'ATTACK_GENERIC')
      continue;
    return e.kairosType === 'Conflict.Attack.DetonateExplode';
  }
  return false;
}

/** The token indices of the trigger words of one sentence (the one of token `i`), in text order. */
function sentenceTriggerTokens(
  tokens: readonly Token[],
  lowerTexts: readonly string[],
  sentence: number,
  i: number,
): number[] {
  let first = i;
  while (first > 0 && tokens[first - 1]!.sentence === sentence) first--;
  const out: number[] = [];
  for (let k = first; k < tokens.length && tokens[k]!.sentence === sentence; k++) {
    const lower = lowerTexts[k]!;
    if (mayBeTrigger(lower) && TRIGGERS.has(lower) && triggerHolds(lower, tokens, k)) out.push(k);
  }
  return out;
}

/**
 * Start offsets of the trigger words of token `i`'s sentence: from `i` back to the sentence's
 * start, then on to its end (the order settles ties in `nearestTrigger`).
 */
function triggerStarts(tokens: readonly Token[], sentenceTriggers: readonly number[], i: number): number[] {
  const out: number[] = [];
  for (let n = sentenceTriggers.length - 1; n >= 0; n--) {
    const k = sentenceTriggers[n]!;
    if (k <= i) out.push(tokens[k]!.start);
  }
  for (const k of sentenceTriggers) if (k > i) out.push(tokens[k]!.start);
  return out;
}

function nearestTrigger(starts: readonly number[], s: { start: number; end: number }): number {
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (const x of starts) {
    const d = x >= s.end ? x - s.end : s.start >= x ? s.start - x : 0;
    if (d < bestD) {
      best = x;
      bestD = d;
    }
  }
  return best;
}

/** Projectiles and the craft that carry them, as the subject of a verb of flight or impact. */
const PROJECTILES =
  /^(?:rockets?|missiles?|mortars?|shells?|projectiles?|drones?|uavs?|bombs?|grenades?|munitions?)$/;

/**
 * "Rockets slammed into the market", "shells landed inside the camp", "missiles rained down on
 * the city": a verb of impact is an attack when its subject, a few words before, is a projectile
 * and a place or target follows. "The plane landed in Erbil" is not.
 */
function projectileVerbHolds(lower: string, tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.text.toLowerCase() ?? '';
  const after = lower === 'rained' ? /^(?:down|on)$/ : /^(?:into|inside|on|in|near|at|onto|close)$/;
  if (!after.test(next)) return false;
  for (let k = i - 1; k >= 0 && k >= i - 5 && tokens[k]!.sentence === tokens[i]!.sentence; k--) {
    const word = tokens[k]!.text.toLowerCase();
    if (PROJECTILES.test(word)) return true;
    // The subject ends at a clause boundary.
    if (/^[,;:]$/.test(word) || /^(?:that|which|who|after|before|when)$/.test(word)) return false;
  }
  return false;
}

function triggerHolds(lower: string, tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.text.toLowerCase() ?? '';
  const prev = tokens[i - 1]?.text.toLowerCase() ?? '';
  switch (lower) {
    case 'opened':
      return next === 'fire';
    case 'blew':
      return /^(?:up|himself|herself|themselves)$/.test(next);
    case 'blown':
      return next === 'up' || next === 'out';
    case 'went':
    case 'gone':
    case 'goes':
      // "the bomb went off": a device going off (not "went off the road", "goes off duty").
      return (
        next === 'off' &&
        !/^(?:the|a|an|duty|air|script|track)$/.test(tokens[i + 2]?.text.toLowerCase() ?? '')
      );
    case 'suicide':
      // "suicide bombing/attack": the next word is the trigger; a "suicide car/vest" is the event's
      // device; a "suicide bomber" is a person, not an event.
      return /^(?:bomb|car|vest|truck|belt)$/.test(next);
    case 'hits':
      return tokens[i]!.pos === 'VERB';
    case 'fired': {
      // "fired rockets at", "fired on the crowd", "shots were fired"; not "they will be fired".
      const before = /^(?:was|were|been|being)$/.test(prev)
        ? (tokens[i - 2]?.text.toLowerCase() ?? '')
        : prev;
      return (
        /^(?:at|on|upon|into|towards?|back)$/.test(next) ||
        // "fired indiscriminately at the crowd"
        (tokens[i + 1]?.pos === 'ADV' &&
          /^(?:at|on|upon|into)$/.test(tokens[i + 2]?.text.toLowerCase() ?? '')) ||
        FIRED_THINGS.test(next) ||
        FIRED_THINGS.test(before) ||
        (/^(?:an?|the|two|three|several|multiple|dozens|\d+)$/.test(next) &&
          FIRED_THINGS.test(tokens[i + 2]?.text.toLowerCase() ?? ''))
      );
    }
    case 'shot':
      return (
        (tokens[i]!.pos === 'VERB' && !/^(?:was|were)$/.test(prev)) || /^(?:at|on|dead|down)$/.test(next)
      );
    case 'strike':
    case 'strikes':
    case 'raid':
    case 'raids':
      return !/^(?:hunger|general|labour|labor)$/.test(prev);
    case 'rammed':
    case 'crashed': {
      // A deliberate crash: "into" a target, by a bomber or a vehicle laden with explosives (a
      // plane that crashed into a hillside is an accident).
      if (
        !/^(?:into|through)$/.test(next) &&
        !/^(?:into|through)$/.test(tokens[i + 2]?.text.toLowerCase() ?? '')
      )
        return false;
      if (lower === 'rammed') return true;
      for (let k = i - 1; k >= 0 && k > i - 12 && tokens[k]!.sentence === tokens[i]!.sentence; k--)
        if (/^(?:bombers?|explosives?|explosive-laden|bomb-laden|vbieds?|suicide)$/i.test(tokens[k]!.text))
          return true;
      return false;
    }
    case 'slammed':
    case 'landed':
    case 'rained':
      return projectileVerbHolds(lower, tokens, i);
    case 'offensive':
      return tokens[i]!.pos === 'NOUN';
    case 'targeted':
    case 'targeting':
    case 'hit':
    case 'struck': {
      if ((lower === 'hit' || lower === 'struck') && tokens[i]!.pos !== 'VERB') return false;
      // "The explosion targeted a bakery": the verb belongs to the nominal event before it.
      for (let k = i - 1; k >= Math.max(0, i - 3) && tokens[k]!.sentence === tokens[i]!.sentence; k--) {
        const w = tokens[k]!;
        if (w.pos === 'NOUN' && TRIGGERS.has(w.text.toLowerCase())) return false;
        if (w.pos === 'PUNCT' || w.pos === 'VERB') break;
      }
      return true;
    }
    default:
      return true;
  }
}

interface Picked {
  attacker: PickedSpan | null;
  /** The second of coordinated attackers ("gunmen and suicide bombers attacked"). */
  coAttacker: PickedSpan | null;
  target: PickedSpan | null;
  instrument: PickedSpan | null;
  /** A place the trigger's own phrase names ("the bombing of the city"). */
  place: PickedSpan | null;
  /** "attack the virus", "a disease to battle": the word is used figuratively; no event. */
  figurative: boolean;
}

// Common nouns for a settled area: "the bombing of the city" names where it happened.
const AREA_HEAD =
  /^(?:city|cities|town|towns|village|villages|capital|district|districts|area|areas|region|country|province|neighbou?rhoods?)$/i;
// What is attacked or battled only in a figurative sense: "attack the virus", "battle the disease".
const FIGURATIVE_TARGET =
  /^(?:virus|viruses|disease|diseases|pandemic|epidemic|outbreak|infection|problem|problems|issue|issues|corruption|inflation|poverty|crime|hunger|unemployment|cancer|fire|fires|blaze|idea|ideas|policy|policies|plan|plans|proposal|decision|record|rumou?rs?|criticism|claims?|deficit|odds|traffic)$/i;

function isWeaponish(entities: readonly Entity[], s: PickedSpan | null, text = ''): boolean {
  if (!s) return false;
  // "bombers" in attack reports are mostly people (suicide bombers), not aircraft.
  if (text && PERSON_BOMBER.test(text.slice(s.start, s.end))) return false;
  return weaponsOf(entities).some((e) => e.start <= s.start && s.end <= e.end);
}

const weaponLists = new WeakMap<readonly Entity[], readonly Entity[]>();

/** The weapons and military platforms among the entities (worked out once per list). */
function weaponsOf(entities: readonly Entity[]): readonly Entity[] {
  let weapons = weaponLists.get(entities);
  if (!weapons) {
    weapons = entities.filter((e) => e.type === 'Weapon' || e.type === 'MilitaryPlatform');
    weaponLists.set(entities, weapons);
  }
  return weapons;
}

function pickArguments(
  tokens: readonly Token[],
  i: number,
  entities: readonly Entity[],
  kind: TriggerKind,
  text: string,
  places: readonly { start: number; end: number }[] = [],
): Picked {
  const t = tokens[i]!;
  const weaponish = (s: PickedSpan | null) => isWeaponish(entities, s, text);
  const deviceVerb = DEVICE_VERBS.test(t.text);
  const isDevice = (s: PickedSpan | null) =>
    !!s &&
    (weaponish(s) ||
      EXPLOSIVE.test(text.slice(s.start, s.end)) ||
      /\bdevices?$/i.test(text.slice(s.start, s.end)));
  const out: Picked = {
    attacker: null,
    coAttacker: null,
    target: null,
    instrument: null,
    place: null,
    figurative: false,
  };
  const sentence = t.sentence;
  const at = (k: number) => (tokens[k] && tokens[k]!.sentence === sentence ? tokens[k]! : undefined);
  const lowerAt = (k: number) => at(k)?.text.toLowerCase() ?? '';
  // "by X" within a few tokens after the trigger: the agent (or the weapon) of a passive.
  let byAgent: PickedSpan | null = null;
  for (let k = i + 1; k <= i + 3; k++) {
    if (lowerAt(k) === 'by') {
      byAgent = headAfter(tokens, k + 1, entities);
      break;
    }
    if (!at(k) || at(k)!.pos === 'PUNCT' || at(k)!.pos === 'VERB') break;
  }
  const assignAgent = (s: PickedSpan | null) => {
    // "hit by strikes": the agent is another event word, not an actor.
    if (!s || TRIGGERS.has(tokens[s.tokenIndex]?.text.toLowerCase() ?? '')) return;
    // "no group has claimed responsibility": nobody.
    if (/^(?:no|none)$/i.test(tokens[s.tokenIndex - 1]?.text ?? '')) return;
    if (weaponish(s)) out.instrument ??= s;
    else out.attacker ??= s;
  };
  // "in IS attacks", "the IRA attack": a name between a preposition or article and the trigger
  // makes it a noun whatever the tagger says, and the name its attacker.
  const previous = at(i - 1);
  const nameBefore = previous
    ? entities.find(
        (e) =>
          e.start <= previous.start &&
          previous.end <= e.end &&
          e.end <= t.start &&
          (e.type === 'Organisation' || e.type === 'Nationality') &&
          e.subtype !== 'nominal',
      )
    : undefined;
  let opener = i - 1;
  while (nameBefore && opener >= 0 && tokens[opener]!.end > nameBefore.start) opener--;
  const openerBefore = nameBefore ? tokens[opener] : undefined;
  const nominalUse =
    !!nameBefore &&
    !!openerBefore &&
    openerBefore.sentence === sentence &&
    /^(?:in|of|for|after|by|from|to|with|the|an?|these|those|recent|latest)$/i.test(openerBefore.text) &&
    !/(?:ed|ing)$/.test(t.text);
  if (nominalUse && nameBefore)
    out.attacker = { start: nameBefore.start, end: nameBefore.end, tokenIndex: i - 1 };
  // "shot dead", "gunned down": a verb whatever the tagger says.
  const shotDead = /^(?:shot|gunned|stabbed)$/i.test(t.text) && /^(?:dead|down)$/.test(lowerAt(i + 1));
  // A title-case "Bombing" is a noun; "Attacked" in a headline stays a verb.
  const participle = /ed$/.test(t.text)
    ? t.pos !== 'NOUN'
    : /ing$/.test(t.text) && t.pos !== 'NOUN' && t.pos !== 'PROPN';
  if (!nominalUse && (shotDead || t.pos === 'VERB' || participle)) {
    let k = i - 1;
    let passive = false;
    while (k >= 0 && at(k) && (at(k)!.pos === 'AUX' || at(k)!.pos === 'ADV' || at(k)!.pos === 'PART')) {
      if (PASSIVE_AUX.test(at(k)!.text)) passive = true;
      k--;
    }
    // "Chekatt – shot dead by police –", "a convoy, ambushed by gunmen": a participle with its
    // agent after an apposition dash or comma is a passive without its auxiliary.
    const reduced =
      !passive && !!byAgent && /(?:ed|shot|struck|hit)$/i.test(t.text) && /^[–—,-]$/.test(lowerAt(k));
    if (reduced) k--;
    if (passive || reduced) {
      const subject = headBefore(tokens, k + 1, entities);
      // "bombs were detonated": the subject of a passive explosion verb is the device.
      if (deviceVerb && isDevice(subject)) out.instrument = subject;
      else out.target = subject;
      assignAgent(byAgent);
    } else {
      let subject = headBefore(tokens, i, entities);
      // "the army claimed to have hit three gunmen", "militants tried to storm the base": the
      // subject of the verb that governs the infinitive.
      if (!subject) {
        let v = i - 1;
        let infinitive = false;
        while (at(v) && (/^(?:AUX|ADV|PART)$/.test(at(v)!.pos) || /^(?:have|be|been)$/i.test(at(v)!.text))) {
          if (lowerAt(v) === 'to') infinitive = true;
          v--;
        }
        if (infinitive && at(v)?.pos === 'VERB') subject = headBefore(tokens, v, entities);
      }
      let o = i + 1;
      if (/^(?:on|at|against|into)$/.test(lowerAt(o))) o++;
      const obj = headAfter(tokens, o, entities);
      const objIsDevice = deviceVerb && !!obj && (isDevice(obj) || tokens[obj.tokenIndex]?.pos === 'PRON');
      // "the bomb exploded", "it exploded": the subject of an explosion verb is the device.
      if (
        deviceVerb &&
        !objIsDevice &&
        subject &&
        (isDevice(subject) || (!obj && tokens[subject.tokenIndex]?.pos === 'PRON'))
      ) {
        out.instrument = subject;
      } else {
        assignAgent(subject);
        // "Taliban gunmen and suicide bombers attacked": both sides of the coordination attack.
        if (subject && out.attacker === subject) {
          let b = subject.tokenIndex - 1;
          while (
            at(b) &&
            /^(?:ADJ|NOUN|PROPN|DET|NUM)$/.test(at(b)!.pos) &&
            tokens[b]!.end > subject.start - 40
          )
            b--;
          if (lowerAt(b) === 'and') {
            // The noun itself ("Taliban gunmen and …" → "gunmen"), or the name.
            const last = at(b - 1);
            const first =
              last && last.pos === 'NOUN'
                ? { start: last.start, end: last.end, tokenIndex: b - 1 }
                : headBefore(tokens, b, entities, 4);
            if (first && !weaponish(first) && tokens[first.tokenIndex]?.pos !== 'PRON')
              out.coAttacker = first;
          }
        }
      }
      // "a suicide bomber riding a motorcycle loaded with explosives crashed": the explosives
      // are the device; the noun the (outermost) participle phrase hangs on is the attacker.
      let w0 = (subject?.tokenIndex ?? 0) - 1;
      while (at(w0) && /^(?:DET|ADJ|NUM)$/.test(at(w0)!.pos)) w0--;
      if (subject && !out.attacker && out.instrument === subject && lowerAt(w0) === 'with') {
        let who: PickedSpan | null = null;
        for (let p = subject.tokenIndex - 1; p > subject.tokenIndex - 10 && at(p); p--) {
          const w = at(p)!;
          if (w.pos === 'PUNCT') break;
          if (/(?:ing|ed)$/.test(w.text) && w.pos === 'VERB' && at(p - 1)?.pos === 'NOUN')
            who = headBefore(tokens, p, entities);
        }
        if (who && !isDevice(who)) out.attacker = who;
      }
      if (objIsDevice) out.instrument = obj;
      else if (obj && !weaponish(obj)) out.target = obj;
      else if (obj) out.instrument = obj;
    }
  } else {
    // Nominal trigger: "Taliban attack on a checkpoint", "a rocket attack", "IS attacks in X".
    const mod = at(i - 1);
    // "the Bagram Airfield bombing", "the Boston Marathon bombing": a place named before the
    // trigger is where it happened, not who did it; and the modifier must be the word before it.
    // (Not a sentence's capitalised first word the gazetteer does not know: "Fans skirmish",
    // "Protesters clash" with the word misread as a location.)
    const firstWord = (e: Entity) => e.start === sentenceStartOf(tokens, i) && !/\s/.test(e.text);
    const modIsPlace =
      !!mod &&
      entities.some(
        (e) =>
          e.type === 'Location' &&
          e.start <= mod.start &&
          mod.end <= e.end &&
          (e.subtype !== null || places.some((p) => p.start < e.end && e.start < p.end) || !firstWord(e)),
      );
    if (mod && !modIsPlace && (mod.pos === 'PROPN' || mod.pos === 'NOUN' || mod.pos === 'ADJ')) {
      const s = headBefore(tokens, i, entities, 2);
      if (s && weaponish(s)) out.instrument = s;
      else if (
        s &&
        s.end >= mod.end &&
        (mod.pos === 'PROPN' ||
          entities.some(
            (e) =>
              (e.type === 'Organisation' || e.type === 'Nationality' || e.type === 'Person') &&
              e.start <= s.start &&
              s.end <= e.end,
          ))
      )
        out.attacker = s;
    }
    // "the IRA's bombing of the city": the possessor is the attacker.
    if (!out.attacker && !out.instrument) {
      let k = i - 1;
      while (at(k) && at(k)!.pos === 'ADJ' && k > i - 3) k--;
      // "Saturday's attack": a time is no attacker.
      const owner = at(k - 1);
      const temporal =
        !!owner &&
        (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year|night)$/i.test(
          owner.text,
        ) ||
          entities.some((e) => e.type === 'Temporal' && e.start <= owner.start && owner.end <= e.end));
      if (/^['’]s$/.test(lowerAt(k)) && !temporal) assignAgent(headBefore(tokens, k, entities));
    }
    // "a battle between troops and gunmen": the first side attacks, the second is the target.
    if (lowerAt(i + 1) === 'between') {
      const first = headAfter(tokens, i + 2, entities);
      if (first && lowerAt(first.tokenIndex + 1) === 'and') {
        assignAgent(first);
        out.target ??= headAfter(tokens, first.tokenIndex + 2, entities);
      }
    }
    // "X claimed responsibility for the bombings": the claimant is the attacker.
    if (!out.attacker) {
      let k = i - 1;
      while (at(k) && /^(?:the|these|those|this|that|its|their|latest|deadly|twin)$/i.test(at(k)!.text)) k--;
      if (lowerAt(k) === 'for' && lowerAt(k - 1) === 'responsibility' && at(k - 2)?.pos === 'VERB') {
        const who = headBefore(tokens, k - 2, entities);
        if (who && tokens[who.tokenIndex]?.pos !== 'PRON') assignAgent(who);
      }
    }
    assignAgent(byAgent);
    for (let k = i + 1; k <= i + 3; k++) {
      if (/^(?:on|against|targeting)$/.test(lowerAt(k)) || (lowerAt(k) === 'of' && k === i + 1)) {
        const what = headAfter(tokens, k + 1, entities);
        // "the bombing of the city", "the shelling of Mosul": a settled place is where it happened.
        const where =
          lowerAt(k) === 'of' &&
          !!what &&
          (AREA_HEAD.test(tokens[what.tokenIndex]?.text ?? '') ||
            entities.some(
              (e) =>
                e.type === 'Location' &&
                e.subtype !== 'facility' &&
                e.subtype !== 'nominal' &&
                e.start <= what.start &&
                what.end <= e.end,
            ));
        if (where) out.place = what;
        else out.target = what;
        break;
      }
      if (!at(k) || at(k)!.pos === 'PUNCT' || at(k)!.pos === 'VERB') break;
    }
    // "The explosion targeted a bakery": a nominal trigger as subject passes on its verb's object.
    if (!out.target) {
      let k = i + 1;
      while (at(k) && (at(k)!.pos === 'AUX' || at(k)!.pos === 'ADV')) k++;
      if (
        at(k) &&
        at(k)!.pos === 'VERB' &&
        /^(?:targeted|hit|struck|destroyed|damaged|ripped|tore|rocked|shook)$/i.test(at(k)!.text)
      ) {
        let o = k + 1;
        if (/^(?:at|on|through)$/i.test(lowerAt(o))) o++;
        const obj = headAfter(tokens, o, entities);
        if (obj && !weaponish(obj)) out.target = obj;
      }
    }
    // "The building was destroyed by an explosion": the subject of the passive verb is the target.
    if (!out.target) {
      let k = i - 1;
      while (at(k) && /^(?:a|an|the|huge|massive|powerful|large|second|car|truck)$/i.test(at(k)!.text)) k--;
      if (lowerAt(k) === 'by' && at(k - 1)?.pos === 'VERB' && PASSIVE_AUX.test(lowerAt(k - 2))) {
        const subject = headBefore(tokens, k - 2, entities);
        if (subject && !weaponish(subject) && tokens[subject.tokenIndex]?.pos !== 'PRON')
          out.target = subject;
      }
    }
    // "targeted the US embassy in Baghdad in a rocket attack": the target precedes "in a … attack".
    if (!out.target) {
      let k = i - 1;
      while (k > i - 4 && at(k) && at(k)!.pos !== 'ADP') k--;
      if (at(k) && /^in$/i.test(at(k)!.text) && /^(?:a|an)$/i.test(lowerAt(k + 1))) {
        let h = headBefore(tokens, k, entities);
        // Skip a place phrase in between ("… embassy in Baghdad in a rocket attack").
        if (
          h &&
          /^(?:in|at|near)$/i.test(lowerAt(h.tokenIndex - 1)) &&
          entities.some((e) => e.type === 'Location' && e.start <= h!.start && h!.end <= e.end)
        ) {
          h = headBefore(tokens, h.tokenIndex - 1, entities);
        }
        if (h && !weaponish(h)) out.target = h;
      }
    }
    // "the attack is believed to have been carried out by X": the agent of the verb it is subject of.
    if (!out.attacker) {
      for (let k = i + 1; k <= i + 10 && at(k); k++) {
        const w = at(k)!;
        if (
          /^(?:carried|conducted|perpetrated|committed|orchestrated|staged|mounted|launched)$/i.test(w.text)
        ) {
          const by = lowerAt(k + 1) === 'out' ? k + 2 : k + 1;
          if (lowerAt(by) === 'by') assignAgent(headAfter(tokens, by + 1, entities));
          break;
        }
        if (!/^(?:AUX|ADV|VERB|PART)$/.test(w.pos)) break;
      }
    }
    // "X launched / carried out / claimed a … attack": X is the attacker.
    if (!out.attacker) {
      for (let k = i - 1; k >= Math.max(0, i - 5) && at(k); k--) {
        const complement = at(i + 1) && (at(i + 1)!.pos === 'AUX' || at(i + 1)!.pos === 'VERB');
        if (
          /^(?:launched|launch|launches|carried|conducted|claimed|staged|mounted|waged)$/i.test(
            at(k)!.text,
          ) &&
          !complement
        ) {
          assignAgent(headBefore(tokens, k, entities));
          break;
        }
      }
    }
  }
  // "resources to attack the virus", "any disease to battle".
  const objectBefore = lowerAt(i - 1) === 'to' ? at(i - 2) : undefined;
  out.figurative =
    (!!out.target && FIGURATIVE_TARGET.test(text.slice(out.target.start, out.target.end))) ||
    (!!objectBefore && objectBefore.pos === 'NOUN' && FIGURATIVE_TARGET.test(objectBefore.text));
  if (kind.code === 'DISR_WEAP' && out.target && !out.instrument) {
    out.instrument = out.target;
    out.target = null;
  }
  return out;
}

export function placeArgument(
  text: string,
  tokens: readonly Token[],
  i: number,
  locations: readonly Entity[],
  places: readonly { start: number; end: number }[],
): { start: number; end: number } | null {
  const candidates = [...places, ...locations];
  if (candidates.length === 0) return null;
  const t = tokens[i]!;
  // Prefer a place introduced by "in/at/near" after the trigger, then any before it.
  let best: { start: number; end: number } | null = null;
  let bestD = 120;
  const sentence = t.sentence;
  // The words of the trigger's sentence between two offsets.
  const wordsBetween = (from: number, to: number): Token[] => {
    const out: Token[] = [];
    const step = from >= t.end ? 1 : -1;
    for (let k = i + step; tokens[k] && tokens[k]!.sentence === sentence; k += step) {
      const w = tokens[k]!;
      if (step > 0 ? w.start >= to : w.end <= from) break;
      if (w.start >= from && w.end <= to) out.push(w);
    }
    return out;
  };
  for (const c of candidates) {
    const before = text.slice(Math.max(0, c.start - 24), c.start);
    // A place argument is introduced by a locative preposition ("in Lyon", "near the city of").
    const intro = LOCATIVE_INTRO.exec(before);
    if (!intro) continue;
    if (isModifierName(text, c)) continue;
    if (c.start >= t.end) {
      // "the attack ... are reported to have been asylum seekers from Pakistan": another clause's
      // place ("the strike kills two at a checkpoint near X" and "rockets fired at X" keep it).
      const between = wordsBetween(t.end, c.start);
      if (between.some((w) => w.pos === 'AUX')) continue;
      // "Within days of the attacks, the army moved into X": a verb after a comma opens another clause.
      const comma = between.findIndex((w) => w.text === ',');
      if (comma >= 0 && between.slice(comma).some((w) => w.pos === 'VERB')) continue;
    } else {
      const between = wordsBetween(c.end, t.start);
      // "Police in Lyon were searching for ... the blast": the place of another verb.
      if (between.some((w) => w.pos === 'VERB' || w.pos === 'AUX')) continue;
      // "frustration in Downing Street about Saturday's attack": the place of another noun.
      // ("In Bagram, a suicide bomber blew himself up" and "a bomb in Kabul exploded" keep it.)
      const prepStart = c.start - (before.length - intro.index);
      let h = i - 1;
      while (h >= 0 && tokens[h]!.end > prepStart) h--;
      const head = tokens[h];
      if (head && head.sentence === sentence && NOUN_HEAD.has(head.pos) && !isVerbLike(t)) continue;
    }
    const d = c.start >= t.end ? c.start - t.end : (t.start - c.end) * 1.5;
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** "American-led wars", "Chechen-style attacks": a name used as a modifier is no place. */
export function isModifierName(text: string, c: { start: number; end: number }): boolean {
  return (
    text[c.end] === '-' ||
    /-(?:style|led|backed|based|born|made|linked|allied|run|controlled)$/i.test(text.slice(c.start, c.end))
  );
}

const LOCATIVE_INTRO =
  /\b(?:in|at|near|outside|across|inside|into|on|of)\s+(?:the\s+)?(?:(?:city|town|village|province|district) of\s+)?$/i;
const NOUN_HEAD = new Set(['NOUN', 'PROPN']);

function isVerbLike(t: Token): boolean {
  return t.pos === 'VERB' || (/(?:ed|ing)$/.test(t.text) && t.pos !== 'NOUN');
}

/** "exploded at the station", "the explosion in the street": a locative noun right after the trigger. */
export function locativeAfter(
  tokens: readonly Token[],
  i: number,
  entities: readonly Entity[],
): PickedSpan | null {
  // The object may stand between ("detonated at least 20 bombs across the city").
  let last = i + 5;
  for (let k = i + 1; k <= last && k < tokens.length; k++) {
    const w = tokens[k]!;
    // "… injuries but 11 were still in hospital": another clause.
    if (w.sentence !== tokens[i]!.sentence || w.pos === 'PUNCT' || w.pos === 'SCONJ' || /^but$/i.test(w.text))
      return null;
    if (w.pos === 'VERB') {
      // "shooting broke out in the main areas", "the attack took place at the market".
      if (k === i + 1 && OCCURRED.test(w.text)) {
        if (/^(?:out|place)$/i.test(tokens[k + 1]?.text ?? '')) k++;
        last = k + 3;
        continue;
      }
      return null;
    }
    if (/^at$/i.test(w.text) && /^(?:least|most)$/i.test(tokens[k + 1]?.text ?? '')) {
      k++;
      continue;
    }
    if (/^(?:at|in|near|outside|inside|across|throughout)$/i.test(w.text)) {
      const h = headAfter(tokens, k + 1, entities);
      const head = tokens[h?.tokenIndex ?? -1];
      if (
        h &&
        head &&
        (head.pos === 'PROPN' ||
          PLACE_HEADS.test(head.text.replace(/(?:ie)?s$/i, (m) => (m.length > 1 ? 'y' : ''))) ||
          /^places?$/i.test(head.text)) &&
        // A name after "in" is a place even when read as a person ("attacks in Badia al-Sukhnah").
        !entities.some(
          (e) => e.start <= h.start && h.end <= e.end && e.type !== 'Location' && e.type !== 'Person',
        )
      )
        return h;
      return null;
    }
  }
  return null;
}

/** Start offset of the sentence of token `i`. */
function sentenceStartOf(tokens: readonly Token[], i: number): number {
  let k = i;
  while (k > 0 && tokens[k - 1]!.sentence === tokens[i]!.sentence) k--;
  return tokens[k]!.start;
}

/** Verbs that say an event happened somewhere: "broke out in", "took place at", "occurred near". */
const OCCURRED = /^(?:broke|took|occurred|happened|erupted|began|started|continued|raged)$/i;

function firstOfTypes(
  entities: readonly Entity[],
  scope: { start: number; end: number },
  types: string[],
  near: number,
): PickedSpan | null {
  let best: Entity | null = null;
  for (const e of entities) {
    if (e.start < scope.start || e.end > scope.end || !types.includes(e.type)) continue;
    // "the suicide bomber", "the bombers behind the attack": people, not weapons.
    if (PERSON_BOMBER.test(e.text)) continue;
    if (!best || Math.abs(e.start - near) < Math.abs(best.start - near)) best = e;
  }
  return best ? { start: best.start, end: best.end, tokenIndex: -1 } : null;
}

const REMOTE_FAMILY = new Set([
  'AIR_STRIKE',
  'ART_MISS_ATTACK',
  'REM_EXPLOS',
  'SUIC_BOMB',
  'GRENADE',
  'CHEM_WEAP',
]);

function refineCode(
  kind: TriggerKind,
  weapon: string,
  context: string,
  target: string,
  attacker: string,
  mainCode: string,
): string {
  if (kind.code === 'DISR_WEAP' || kind.code === 'SUIC_BOMB' || kind.code === 'PROPERTY_DISTRUCT')
    return kind.code;
  if (/\bsuicide\b/i.test(context) && /\bbomb|attack|blast|vest/i.test(context)) return 'SUIC_BOMB';
  const w = weapon || attacker;
  for (const [re, code] of WEAPON_CODES) if (w && re.test(w)) return code;
  if (kind.code !== 'ATTACK_GENERIC' && kind.code !== 'ATTACK' && kind !== BOMBING) return kind.code;
  for (const [re, code] of WEAPON_CODES) if (re.test(context) && code !== 'ATTACK') return code;
  if (kind.code === 'ATTACK') return 'ATTACK';
  // No weapon named here: in a report about one kind of remote attack, a bare "targeted the
  // base" most likely continues it.
  if (REMOTE_FAMILY.has(mainCode)) return mainCode;
  if (kind.code === 'REM_EXPLOS') return 'REM_EXPLOS';
  if (MILITARY_TARGET.test(target)) return 'ARMED_CLASH';
  if (CIVILIAN_TARGET.test(target)) return 'ATTACK';
  return MILITARY_TARGET.test(context) && !CIVILIAN_TARGET.test(context) ? 'ARMED_CLASH' : 'ATTACK';
}

function ramsFor(code: string, kind: TriggerKind): string {
  switch (code) {
    case 'AIR_STRIKE':
    case 'ART_MISS_ATTACK':
      return 'conflict.attack.airstrikemissilestrike';
    case 'REM_EXPLOS':
    case 'SUIC_BOMB':
    case 'GRENADE':
      return 'conflict.attack.bombing';
    case 'ARMED_CLASH':
      return kind.rams === 'conflict.attack.n/a' ? 'conflict.attack.n/a' : kind.rams;
    default:
      return kind.rams;
  }
}

function compatible(a: string, b: string): boolean {
  return a === b || a === 'ATTACK' || b === 'ATTACK' || a === 'ARMED_CLASH' || b === 'ARMED_CLASH';
}

function textSpan(text: string, s: { start: number; end: number } | null): TextSpan | null {
  return s ? { start: s.start, end: s.end, text: text.slice(s.start, s.end) } : null;
}
