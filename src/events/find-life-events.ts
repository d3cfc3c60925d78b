import { objectList, type RecordSoFar } from '../stage.js';
import type { Claim } from '../types/claim.js';
import type { Entity } from '../types/entity.js';
import type { ConflictEvent, EventArgument } from '../types/event.js';
import type { Place } from '../types/place.js';
import type { Sentence, Token } from '../types/sentence.js';
import { claimIdsAround, claimsReaching, isModifierName, locativeAfter } from './find-events.js';
import { headAfter, headBefore, type PickedSpan } from './np-heads.js';
import { lowerTokenTexts, TRIGGERS, wordGate } from './triggers.js';

type LifeKind = 'die' | 'injure';

/** Death and injury words (KAIROS Life.Die / Life.Injure), verbs and nouns. */
const LIFE_TRIGGERS: ReadonlyMap<string, LifeKind> = new Map([
  ...[
    'killed',
    'kill',
    'kills',
    'killing',
    'died',
    'die',
    'dies',
    'dead',
    'death',
    'deaths',
    'slain',
    'slaying',
  ].map((w) => [w, 'die'] as const),
  ...['wounded', 'wounding', 'injured', 'injuring', 'injuries', 'injury', 'maimed', 'maiming', 'hurt'].map(
    (w) => [w, 'injure'] as const,
  ),
]);
const mayBeLifeTrigger = wordGate(LIFE_TRIGGERS.keys());
const KAIROS: Record<LifeKind, string> = { die: 'Life.Die.Unspecified', injure: 'Life.Injure.Unspecified' };
const PASSIVE_AUX = /^(?:was|were|been|being|is|are|be|get|got)$/i;
const VERB_FORMS =
  /^(?:killed|kill|kills|killing|wounded|wounding|injured|injuring|maimed|maiming|hurt|slain)$/;
/** Devices that kill without being killers ("the device detonated, killing three"). */
const DEVICE_WORD =
  /^(?:devices?|bombs?|explosives?|ieds?|mines?|rockets?|missiles?|shells?|grenades?|drones?|blasts?|explosions?)$/i;
const INTRANSITIVE = /^(?:died|die|dies)$/;
/** Words that are not people: never a victim or a killer. */
const NOT_A_PERSON = /^(?:it|this|that|which|what|there|here|time|way|blast|attack|attacks|explosion)$/i;

export interface LifeInputs {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly Entity[];
  readonly record: RecordSoFar;
}

/**
 * Deaths and injuries a report states ("a major general was killed", "wounding 13 people"), as
 * KAIROS Life.Die / Life.Injure events beside the attacks (ACLED type none, CASE code `OTHER`),
 * with the victim, the killer or injurer, the instrument and the place; each joins the incident
 * of an attack in its sentence.
 *
 * @example findLifeEvents(inputs, attacks)[0].kairosType // 'Life.Die.Unspecified' for "Two guards were killed."
 */
export function findLifeEvents(inputs: LifeInputs, attacks: readonly ConflictEvent[]): ConflictEvent[] {
  const { text, tokens, entities, record } = inputs;
  const out = objectList<ConflictEvent>();
  const weaponish = (s: PickedSpan | null) =>
    !!s &&
    entities.some(
      (e) => (e.type === 'Weapon' || e.type === 'MilitaryPlatform') && e.start <= s.start && s.end <= e.end,
    );
  const lowerTexts = lowerTokenTexts(tokens);
  const viewBySentence = new Map<number, LifeSentenceView>();
  for (let i = 0; i < tokens.length && out.length < 400; i++) {
    const t = tokens[i]!;
    const lower = lowerTexts[i]!;
    if (!mayBeLifeTrigger(lower)) continue;
    const kind = LIFE_TRIGGERS.get(lower);
    if (!kind) continue;
    const at = (k: number) => (tokens[k] && tokens[k]!.sentence === t.sentence ? tokens[k]! : undefined);
    const lowerAt = (k: number) => at(k)?.text.toLowerCase() ?? '';
    // Skip auxiliaries and adverbs back to the subject: "were also reportedly killed".
    let k = i - 1;
    let passive = false;
    while (at(k) && (at(k)!.pos === 'AUX' || at(k)!.pos === 'ADV' || at(k)!.pos === 'PART')) {
      if (PASSIVE_AUX.test(at(k)!.text)) passive = true;
      k--;
    }
    let victim: PickedSpan | null = null;
    let agent: PickedSpan | null = null;
    // ", wounding 13 people": a participle the tagger may call a noun.
    const isVerb =
      t.pos === 'VERB' ||
      passive ||
      (/ing$/.test(lower) &&
        /^(?:NUM|DET|ADJ|NOUN|PROPN|PRON)$/.test(at(i + 1)?.pos ?? '') &&
        at(i - 1)?.pos === 'PUNCT');
    if (lower === 'dead') {
      if (/^(?:shot|gunned|stabbed|beaten|hacked)$/.test(lowerAt(i - 1))) {
        // "a man was shot dead by police": the victim is the passive subject, the killer the agent.
        let s = i - 2;
        let shotPassive = false;
        while (at(s) && (at(s)!.pos === 'AUX' || at(s)!.pos === 'ADV')) {
          if (PASSIVE_AUX.test(at(s)!.text)) shotPassive = true;
          s--;
        }
        if (!shotPassive) continue;
        victim = subjectHead(tokens, s, entities);
        if (lowerAt(i + 1) === 'by') agent = headAfter(tokens, i + 2, entities);
      } else {
        // "two soldiers were dead"; "the dead" is not read here.
        if (!passive) continue;
        victim = subjectHead(tokens, k, entities);
      }
    } else if (INTRANSITIVE.test(lower)) {
      victim = subjectHead(tokens, k, entities);
    } else if (VERB_FORMS.test(lower) && isVerb) {
      if (passive || (/^(?:ed|en)$/.test(lower.slice(-2)) && at(i + 1)?.pos === 'ADP')) {
        victim = passive ? (subjectHead(tokens, k, entities) ?? numberBefore(tokens, k + 1)) : null;
        for (let b = i + 1; b <= i + 3; b++) {
          if (lowerAt(b) === 'by') {
            agent = headAfter(tokens, b + 1, entities);
            break;
          }
          if (!at(b) || at(b)!.pos === 'PUNCT' || at(b)!.pos === 'VERB') break;
        }
      } else {
        victim = headAfter(tokens, i + 1, entities) ?? numberAfter(tokens, i);
        const reduced = /ed$/.test(lower) && !victim && at(i - 1) && at(i - 1)!.pos !== 'PUNCT';
        if (reduced) {
          // "the six members killed", "four men injured": a participle after its noun is passive.
          // The noun right before, not the head of a phrase around it ("the families of the members killed").
          const prev = at(i - 1)!;
          victim =
            prev.pos === 'NOUN' && /^\p{Ll}/u.test(prev.text)
              ? { start: prev.start, end: prev.end, tokenIndex: i - 1 }
              : (headBefore(tokens, i, entities) ?? numberBefore(tokens, i));
        } else if (!/ing$/.test(lower) || at(i - 1)?.pos !== 'PUNCT') {
          // "the bombing killed 23 soldiers": an event word as subject is no killer.
          agent = headBefore(tokens, k + 1, entities);
        }
      }
    } else if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      // "the death of a guard", "the deaths of three men".
      if (lowerAt(i + 1) === 'of') victim = headAfter(tokens, i + 2, entities);
      // "three people suffered injuries".
      else if (
        /^(?:suffered|sustained|received)$/.test(lowerAt(i - 1)) ||
        /^(?:suffered|sustained|received)$/.test(lowerAt(i - 2))
      )
        victim = headBefore(
          tokens,
          lowerAt(i - 1).startsWith('s') || lowerAt(i - 1) === 'received' ? i - 1 : i - 2,
          entities,
        );
    } else {
      continue;
    }
    const notPerson = (s: PickedSpan | null) =>
      !s ||
      NOT_A_PERSON.test(text.slice(s.start, s.end)) ||
      TRIGGERS.has(text.slice(s.start, s.end).toLowerCase());
    if (notPerson(victim)) victim = null;
    let instrument: PickedSpan | null = null;
    if (agent && (weaponish(agent) || DEVICE_WORD.test(text.slice(agent.start, agent.end)))) {
      instrument = agent;
      agent = null;
    }
    if (notPerson(agent)) agent = null;
    const sentenceAttack = attacks.find(
      (a) =>
        a.trigger.start >= (inputs.sentences[t.sentence]?.start ?? t.start) &&
        a.trigger.end <= (inputs.sentences[t.sentence]?.end ?? t.end) &&
        a.trigger.start < t.start,
    );
    // "X launched attacks across the city, killing 130 people": the attacker of the clause kills.
    if (!agent && !instrument && /ing$/.test(lower) && at(i - 1)?.pos === 'PUNCT' && sentenceAttack) {
      const attacker = sentenceAttack.arguments.find((a) => a.role === 'attacker');
      if (attacker) agent = { start: attacker.start, end: attacker.end, tokenIndex: -1 };
      else {
        const device = sentenceAttack.arguments.find(
          (a) => a.role === 'instrument' || a.role === 'explosiveDevice',
        );
        if (device) instrument = { start: device.start, end: device.end, tokenIndex: -1 };
      }
    }
    const sentence = inputs.sentences[t.sentence];
    const scope = sentence ? { start: sentence.start, end: sentence.end } : { start: t.start, end: t.end };
    // The sentence's places and claims are read once for all its death and injury words.
    let view = sentence ? viewBySentence.get(t.sentence) : undefined;
    if (!view) {
      view = lifeSentenceView(scope, entities, record);
      if (sentence) viewBySentence.set(t.sentence, view);
    }
    const { places, placeEntities } = view;
    const place =
      placeRightAfter(text, t, placeEntities, places) ??
      locativeAfter(tokens, i, entities) ??
      openingPlace(text, scope, t, placeEntities, places);
    const args = objectList<EventArgument>();
    const push = (role: string, s: { start: number; end: number } | null) => {
      if (!s || args.some((a) => a.start < s.end && s.start < a.end)) return;
      args.push({ role, start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    };
    push('victim', victim);
    push(kind === 'die' ? 'killer' : 'injurer', agent);
    // KAIROS gives Life.Die no instrument (the device is the attack's); Life.Injure has one.
    if (kind === 'injure') push('instrument', instrument);
    push('place', place);
    const attack = attacks.find((a) => a.trigger.start >= scope.start && a.trigger.end <= scope.end);
    const id = `ev${attacks.length + out.length + 1}`;
    const violent = !!attack || !!instrument;
    out.push({
      id,
      type: 'OTHER',
      kairosType: KAIROS[kind],
      ramsType: `life.${kind}.${violent ? (kind === 'die' ? 'deathcausedbyviolentevents' : 'injurycausedbyviolentevents') : 'n/a'}`,
      incidentId: attack?.incidentId ?? id,
      eventType: null,
      subEventType: null,
      trigger: { start: t.start, end: t.end },
      arguments: args,
      actor: null,
      actorInferred: false,
      target: null,
      weapon: null,
      placeId: places.find((p) => place && p.start <= place.start && place.end <= p.end)?.id ?? null,
      dateId: null,
      status: 'occurred',
      outcomes: objectList(),
      // (A trigger outside its sentence's span, should there be one, looks through every claim.)
      claimIds: claimIdsAround(
        t,
        t.start >= scope.start && t.end <= scope.end ? view.claims : (record.claims ?? []),
      ),
      confidence: 0.5,
      stage: 'events',
    });
  }
  return out;
}

/** What one sentence holds for its death and injury words. */
interface LifeSentenceView {
  /** Places inside the sentence, demonyms left out. */
  readonly places: readonly Place[];
  /** Location entities inside the sentence, nominal ones left out. */
  readonly placeEntities: readonly Entity[];
  /** Claims with a mention that reaches into the sentence (only those can hold one of its words). */
  readonly claims: readonly Claim[];
}

function lifeSentenceView(
  scope: { start: number; end: number },
  entities: readonly Entity[],
  record: RecordSoFar,
): LifeSentenceView {
  const places = (record.places ?? []).filter(
    (p) => p.start >= scope.start && p.end <= scope.end && p.kind !== 'demonym',
  );
  const placeEntities = entities.filter(
    (e) => e.type === 'Location' && e.start >= scope.start && e.end <= scope.end && e.subtype !== 'nominal',
  );
  return { places, placeEntities, claims: claimsReaching(scope, record.claims ?? []) };
}

/**
 * The place a death or injury verb itself names: a place right after it behind a locative
 * preposition ("killed in Syria", "wounded near the neighbouring Shah Wali Kot district"), not
 * any place of the sentence ("Police in Lyon said 13 people were injured" is no injury in Lyon).
 *
 * @example placeRightAfter('Two men were killed in Kirkuk.', killed, [], [kirkuk]) // kirkuk
 */
export function placeRightAfter(
  text: string,
  trigger: { start: number; end: number },
  locations: readonly Entity[],
  places: readonly { start: number; end: number }[],
): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const c of [...places, ...locations]) {
    if (c.start < trigger.end || c.start - trigger.end > 60 || isModifierName(text, c)) continue;
    const between = text.slice(trigger.end, c.start);
    // "killed in a 2004 car bombing in Iraq": the place of the attack that killed.
    const throughAttack = ATTACK_THEN_PLACE.test(between);
    if (!throughAttack && (c.start - trigger.end > 40 || !RIGHT_AFTER.test(between))) continue;
    if (!best || c.start < best.start) best = c;
  }
  return best;
}

/**
 * A place that frames the whole sentence: "At Oxford Street, four workers were killed",
 * "In Kandahar, two guards died" (the opening phrase, closed by a comma before the trigger).
 *
 * @example openingPlace('In Kandahar, two guards died.', sentence, died, [], [kandahar]) // kandahar
 */
export function openingPlace(
  text: string,
  sentence: { start: number; end: number },
  trigger: { start: number; end: number },
  locations: readonly Entity[],
  places: readonly { start: number; end: number }[],
): { start: number; end: number } | null {
  const opening = /^\s*(?:in|at|near|outside|inside)\s+(?:the\s+)?/i.exec(
    text.slice(sentence.start, trigger.start),
  );
  if (!opening) return null;
  const at = sentence.start + opening[0].length;
  const c = [...places, ...locations].find((p) => p.start === at);
  if (!c || !/^\s*,/.test(text.slice(c.end, trigger.start))) return null;
  return c;
}

const RIGHT_AFTER = /^\s+(?:\w+\s+)?(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+)?$/u;
const ATTACK_THEN_PLACE =
  /^\s+(?:in|by)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:attack|bombing|blast|explosion|airstrike|air strike|strike|ambush|raid|shelling)s?\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+)?$/u;

/** "injured another 15", "wounded more than 260": a bare number as the victims. */
function numberAfter(tokens: readonly Token[], i: number): PickedSpan | null {
  for (let k = i + 1; k <= i + 4 && tokens[k] && tokens[k]!.sentence === tokens[i]!.sentence; k++) {
    const w = tokens[k]!;
    if (w.pos === 'NUM') {
      let e = k;
      while (tokens[e + 1]?.pos === 'NUM' && tokens[e + 1]!.sentence === w.sentence) e++;
      if (tokens[e + 1] && /^(?:NOUN|PROPN)$/.test(tokens[e + 1]!.pos)) return null;
      return { start: tokens[e]!.start, end: tokens[e]!.end, tokenIndex: e };
    }
    if (!/^(?:another|more|than|at|least|some|about|nearly|almost|over|up|to|the)$/i.test(w.text))
      return null;
  }
  return null;
}

/** "496 had been killed", "five more were wounded": a bare number (or "more", "all") before. */
function numberBefore(tokens: readonly Token[], before: number): PickedSpan | null {
  for (
    let k = before - 1;
    k >= before - 3 && tokens[k] && tokens[k]!.sentence === tokens[before - 1]?.sentence;
    k--
  ) {
    const w = tokens[k]!;
    if (w.pos === 'NUM' || /^(?:more|others|all|many|dozens|scores|hundreds)$/i.test(w.text))
      return { start: w.start, end: w.end, tokenIndex: k };
    if (!/^(?:AUX|ADV|PART)$/.test(w.pos)) return null;
  }
  return null;
}

/**
 * The victim heading the subject that ends at token `k`: the noun itself, not a name that
 * modifies it ("Seven Taliban militants" → "militants"), and a noun the tagger read as an
 * adjective ("A major general was killed" → "general").
 */
function subjectHead(tokens: readonly Token[], k: number, entities: readonly Entity[]): PickedSpan | null {
  const t = tokens[k];
  const head = headBefore(tokens, k + 1, entities);
  if (!t) return head;
  if (head && t.pos === 'NOUN' && head.end < t.start && head.start < t.start) {
    let j = k - 1;
    while (j >= 0 && tokens[j]!.end > head.end && /^(?:NOUN|PROPN)$/.test(tokens[j]!.pos)) j--;
    if (tokens[j] && tokens[j]!.end <= head.end) return { start: t.start, end: t.end, tokenIndex: k };
  }
  // "Hamas fighters" as one name: the victims are the fighters.
  if (head && head.end === t.end && head.start < t.start && t.pos === 'NOUN' && /^\p{Ll}/u.test(t.text))
    return { start: t.start, end: t.end, tokenIndex: k };
  if (
    !head &&
    t.pos === 'ADJ' &&
    /^(?:DET|ADJ)$/.test(tokens[k - 1]?.pos ?? '') &&
    tokens[k - 1]!.sentence === t.sentence
  )
    return { start: t.start, end: t.end, tokenIndex: k };
  return head;
}
