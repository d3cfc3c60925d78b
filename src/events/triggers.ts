import type { Token } from '../types/sentence.js';

/** What a trigger word says about its event before context refines it. */
export interface TriggerKind {
  /** CASE 2021 code, or `ATTACK_GENERIC` to be refined by the weapon and target. */
  readonly code: string;
  readonly kairos: string;
  readonly rams: string;
}

const DETONATE: TriggerKind = {
  code: 'REM_EXPLOS',
  kairos: 'Conflict.Attack.DetonateExplode',
  rams: 'conflict.attack.bombing',
};
/** "Bombing": an explosion in KAIROS terms, but by aircraft or by a planted bomb depending on context. */
export const BOMBING: TriggerKind = {
  code: 'REM_EXPLOS',
  kairos: 'Conflict.Attack.DetonateExplode',
  rams: 'conflict.attack.bombing',
};
const AIR: TriggerKind = {
  code: 'AIR_STRIKE',
  kairos: 'Conflict.Attack.Unspecified',
  rams: 'conflict.attack.airstrikemissilestrike',
};
const SHELL: TriggerKind = {
  code: 'ART_MISS_ATTACK',
  kairos: 'Conflict.Attack.Unspecified',
  rams: 'conflict.attack.airstrikemissilestrike',
};
const GENERIC: TriggerKind = {
  code: 'ATTACK_GENERIC',
  kairos: 'Conflict.Attack.Unspecified',
  rams: 'conflict.attack.n/a',
};
const BATTLE: TriggerKind = {
  code: 'ARMED_CLASH',
  kairos: 'Conflict.Attack.Unspecified',
  rams: 'conflict.attack.selfdirectedbattle',
};
const SHOOT: TriggerKind = {
  code: 'ATTACK',
  kairos: 'Conflict.Attack.Unspecified',
  rams: 'conflict.attack.firearmattack',
};
const STAB: TriggerKind = {
  code: 'ATTACK',
  kairos: 'Conflict.Attack.Unspecified',
  rams: 'conflict.attack.stabbing',
};
const SUICIDE: TriggerKind = {
  code: 'SUIC_BOMB',
  kairos: 'Conflict.Attack.DetonateExplode',
  rams: 'conflict.attack.bombing',
};
const GRENADE: TriggerKind = {
  code: 'GRENADE',
  kairos: 'Conflict.Attack.DetonateExplode',
  rams: 'conflict.attack.bombing',
};
const INTERCEPT: TriggerKind = {
  code: 'DISR_WEAP',
  kairos: 'Conflict.Attack.Unspecified',
  rams: 'conflict.attack.n/a',
};
const ARSON: TriggerKind = {
  code: 'PROPERTY_DISTRUCT',
  kairos: 'Conflict.Attack.Unspecified',
  rams: 'conflict.attack.setfire',
};

/**
 * Trigger words (lower case, one word; two-word triggers keep their head) and their kinds.
 * Verb forms and nouns are both listed: "attacked", "attack", "attacks".
 *
 * @example TRIGGERS.get('airstrike')?.code // 'AIR_STRIKE'
 */
export const TRIGGERS: ReadonlyMap<string, TriggerKind> = new Map([
  ...['bombing', 'bombings', 'bombed'].map((w) => [w, BOMBING] as const),
  ...[
    'explosion',
    'explosions',
    'blast',
    'blasts',
    'exploded',
    'explodes',
    'explode',
    'detonated',
    'detonation',
    'blew',
    'blown',
    'went',
    'gone',
    'goes',
  ].map((w) => [w, DETONATE] as const),
  ...[
    'airstrike',
    'airstrikes',
    'air-strike',
    'air-strikes',
    'airraid',
    'airraids',
    'raid',
    'raids',
    'sortie',
    'sorties',
  ].map((w) => [w, AIR] as const),
  ...['shelling', 'shelled', 'shells', 'bombardment', 'bombarded', 'pounded', 'barrage'].map(
    (w) => [w, SHELL] as const,
  ),
  ...[
    'attack',
    'attacks',
    'attacked',
    'attacking',
    'assault',
    'assaults',
    'assaulted',
    'struck',
    'strike',
    'strikes',
    'targeted',
    'targeting',
    'hit',
    'hits',
    'stormed',
    'ambush',
    'ambushed',
    'offensive',
    'assassination',
    'assassinations',
    'assassinated',
  ].map((w) => [w, GENERIC] as const),
  ...[
    'clash',
    'clashes',
    'clashed',
    'fighting',
    'fought',
    'battle',
    'battles',
    'firefight',
    'gunbattle',
    'skirmish',
    'skirmishes',
  ].map((w) => [w, BATTLE] as const),
  ...['shooting', 'shootings', 'shot', 'gunfire', 'fired', 'opened', 'gunned', 'massacre', 'massacred'].map(
    (w) => [w, SHOOT] as const,
  ),
  ...['stabbing', 'stabbed', 'stabbings'].map((w) => [w, STAB] as const),
  ...['suicide'].map((w) => [w, SUICIDE] as const),
  ...['grenade'].map((w) => [w, GRENADE] as const),
  ...['intercepted', 'interception', 'downed'].map((w) => [w, INTERCEPT] as const),
  ...['torched', 'arson'].map((w) => [w, ARSON] as const),
  // "a suicide bomber crashed into the patrol", "a truck rammed into the crowd".
  ...['rammed', 'crashed'].map((w) => [w, GENERIC] as const),
  // A projectile's own verb: "rockets slammed into the market", "shells landed inside the camp".
  // ("Drones were launched at X" is left out: the clustering cannot yet keep such a mention in a
  // report about another strike apart from it.)
  ...['slammed', 'landed', 'rained'].map((w) => [w, GENERIC] as const),
]);

const lowerCaseOf = new WeakMap<readonly Token[], readonly string[]>();

/**
 * The tokens' texts in lower case, worked out once per token list: the attack and the
 * death/injury finders both look every token up among their trigger words.
 *
 * @example lowerTokenTexts(tokens)[i] === tokens[i].text.toLowerCase() // true
 */
export function lowerTokenTexts(tokens: readonly Token[]): readonly string[] {
  let lower = lowerCaseOf.get(tokens);
  if (!lower) {
    // Pushed, not mapped: optimised `map` makes a holey array where the interpreter makes a packed
    // one, and each array kind new to the finders' optimised code throws that code away.
    const out: string[] = [];
    for (const t of tokens) out.push(t.text.toLowerCase());
    lower = out;
    lowerCaseOf.set(tokens, lower);
  }
  return lower;
}

/**
 * A quick, exact pre-test for looking lower-case words up in a word table: a word whose first
 * character and length no key of the table has cannot be in it, so most words ("the", "of",
 * ",") are ruled out by two array reads instead of hashing them.
 *
 * @example const mayBeTrigger = wordGate(TRIGGERS.keys()); mayBeTrigger('the') // false
 */
export function wordGate(words: Iterable<string>): (word: string) => boolean {
  // A bit per length (31 for 31 and more) under each ASCII first character.
  const lengths = new Uint32Array(128);
  let beyondAscii = false;
  for (const w of words) {
    if (w.length === 0) return () => true;
    const c = w.charCodeAt(0);
    if (c >= 128) beyondAscii = true;
    else lengths[c]! |= 1 << Math.min(w.length, 31);
  }
  return (word) => {
    if (word.length === 0) return false;
    const c = word.charCodeAt(0);
    if (c >= 128) return beyondAscii;
    return (lengths[c]! & (1 << Math.min(word.length, 31))) !== 0;
  };
}

/**
 * Whether a lower-case word may be one of the `TRIGGERS` (false rules it out).
 *
 * @example mayBeTrigger('the') // false
 */
export const mayBeTrigger = wordGate(TRIGGERS.keys());
