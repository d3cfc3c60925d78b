import { objectList } from '../../stage.js';
import type { CueStance } from '../../types/attribution.js';

/** What a cue verb tells us besides "someone said something". */
export interface CueEntry {
  readonly lemma: string;
  readonly stance: CueStance;
  /**
   * `speech`: always a cue; `stance`: a position verb ("wants", "criticized"), a cue when finite;
   * `weak`: a cue only with a speaker-like subject ("the source provided…"); `quote`: a cue only
   * next to a quotation ("she continued, “…”"), as "fighting continued" reports nothing.
   */
  readonly strength: 'speech' | 'stance' | 'weak' | 'quote';
  /** Posting verbs make the speaker a social-media source. */
  readonly social?: boolean;
}

const NEUTRAL = [
  'say',
  'tell',
  'state',
  'add',
  'note',
  'explain',
  'remark',
  'comment',
  'respond',
  'reply',
  'write',
  'announce',
  'report',
  'describe',
  'mention',
  'recall',
  'ask',
  'testify',
  'observe',
  'declare',
  'indicate',
  'suggest',
  'argue',
  'contend',
  'predict',
  'estimate',
  'warn',
  'caution',
  'urge',
  'emphasize',
  'emphasise',
  'stress',
  'reiterate',
  'insist',
  'complain',
  'highlight',
  'underline',
  'promise',
  'pledge',
  'vow',
  'threaten',
  'believe',
  'think',
  'expect',
  'hope',
  'fear',
  'worry',
  'question',
  'criticize',
  'criticise',
  'praise',
  'slam',
  'assert',
  'tout',
  'quip',
  'inform',
  'brief',
  'cite',
  'speak',
  'point',
  'insist',
  'shout',
  'chant',
  'joke',
  'muse',
  'wonder',
  'agree',
  'counter',
  'echo',
  'conclude',
  'call',
  'label',
  'dub',
  'term',
  'demand',
  'propose',
  'recommend',
  'tweet',
  'post',
  'publish',
  'quote',
  'recount',
  'retort',
  'scoff',
  'proclaim',
  'divulge',
  'concur',
  'underscore',
  'speculate',
  'assure',
  'reassure',
  'advise',
  'characterize',
  'characterise',
  'brand',
  'interject',
  'elaborate',
  'yell',
  'scream',
  'whisper',
  'mutter',
  'remind',
  'confess',
  'apologize',
  'apologise',
  'thank',
  'congratulate',
  'brag',
  'bemoan',
];
/**
 * Verbs of stance, intention, cognition and perception ("wants", "plans", "criticized",
 * "remembers", "sees … as"): in political news the annotators of attribution corpora count them
 * as attributions of the subject's position.
 */
const STANCE = [
  'see',
  'hear',
  'imagine',
  'fathom',
  'remember',
  'notice',
  'want',
  'plan',
  'support',
  'oppose',
  'criticize',
  'criticise',
  'condemn',
  'blame',
  'defend',
  'endorse',
  'back',
  'mock',
  'decline',
  'disagree',
  'doubt',
  'feel',
  'view',
  'understand',
  'realize',
  'realise',
  'recognize',
  'recognise',
  'detail',
  'outline',
  'welcome',
  'applaud',
  'hail',
  'celebrate',
  'lament',
  'regret',
  'intend',
  'vow',
  'argue',
  'rule',
  'rate',
  'encourage',
  'implore',
  'plead',
  'beg',
  'invite',
  'challenge',
  'accuse',
  'cite',
  'discuss',
  'stress',
  'touting',
  'promote',
  'favor',
  'favour',
  'prefer',
  'demand',
  'request',
  'advocate',
  'champion',
  'dismiss',
  'predict',
  'forecast',
  'estimate',
  'calculate',
  'guess',
  'assume',
  'suspect',
  'imply',
  'hint',
  'signal',
  'know',
  'decide',
  'express',
  'talk',
  'reference',
  'admire',
  'liken',
  'weigh',
  'rail',
  'unveil',
  'convince',
  'voice',
  'lobby',
  'blast',
  'lambaste',
  'denounce',
  'refuse',
  'offer',
  'link',
  'grill',
  'vote',
  'seek',
  'embrace',
  'decry',
  'chide',
  'scold',
  'rebuke',
  'fault',
  'laud',
  'commend',
  'ridicule',
  'excoriate',
  'berate',
  'deride',
  'disparage',
  'insult',
  'belittle',
  'taunt',
  'bash',
  'assail',
  'attack',
  'downplay',
  'portray',
  'depict',
  'paint',
  'compare',
  'equate',
  'consider',
  'regard',
  'deem',
  'anticipate',
  'envision',
  'foresee',
  'wish',
  'accept',
  'ignore',
  'protest',
  'object',
];
/**
 * Verbs of official action (approve, veto, sign, impose, appoint), of scrutiny (examine,
 * investigate), of judgement (chastise, compliment, censure) and of attitude (love, despise,
 * respect) on a person or a measure: "vetoed the bill", "imposed sanctions", "chastised Clinton".
 * Attribution corpora of political news read them as the actor's position on their object, like
 * the stance verbs; they are `stance` reports, never claims of their own.
 */
const ACTION = [
  'approve',
  'veto',
  'enact',
  'repeal',
  'overrule',
  'sponsor',
  'appoint',
  'nominate',
  'authorize',
  'authorise',
  'impose',
  'retweet',
  'chastise',
  'compliment',
  'exhort',
  'despise',
  'resent',
  'mourn',
  'examine',
  'scrutinize',
  'scrutinise',
  'block',
  'ban',
  'sign',
  'revoke',
  'rescind',
  'ratify',
  'pardon',
  'investigate',
  'probe',
  'admonish',
  'reprimand',
  'censure',
  'love',
  'hate',
  'loathe',
  'detest',
  'distrust',
  'respect',
  'honor',
  'honour',
  'salute',
];
const DISTANCING = ['claim', 'allege', 'purport', 'accuse', 'charge', 'boast'];
const ENDORSING = [
  'confirm',
  'reveal',
  'acknowledge',
  'admit',
  'concede',
  'disclose',
  'show',
  'find',
  'verify',
  'learn',
];
const DENYING = ['deny', 'reject', 'dismiss', 'refute', 'dispute', 'rebut', 'contradict'];
const WEAK = ['provide', 'give', 'send', 'share', 'release', 'issue', 'circulate', 'document', 'add'];
const SOCIAL = new Set(['tweet', 'post']);

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  see: ['saw', 'sees', 'seeing', 'see'],
  hear: ['heard', 'hears', 'hearing', 'hear'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'written', 'writes', 'writing', 'write'],
  speak: ['spoke', 'spoken', 'speaks', 'speaking', 'speak'],
  think: ['thought', 'thinks', 'thinking', 'think'],
  find: ['found', 'finds', 'finding', 'find'],
  show: ['showed', 'shown', 'shows', 'showing', 'show'],
  give: ['gave', 'given', 'gives', 'giving', 'give'],
  send: ['sent', 'sends', 'sending', 'send'],
  learn: ['learned', 'learnt', 'learns', 'learning', 'learn'],
  prove: ['proved', 'proven', 'proves', 'proving', 'prove'],
  know: ['knew', 'known', 'knows', 'knowing', 'know'],
  seek: ['sought', 'seeks', 'seeking', 'seek'],
  feel: ['felt', 'feels', 'feeling', 'feel'],
  understand: ['understood', 'understands', 'understanding', 'understand'],
  forecast: ['forecast', 'forecasts', 'forecasting', 'forecasted'],
};

/** Regular English inflections of a verb lemma ("claim" → claimed, claims, claiming). */
function inflect(lemma: string): string[] {
  if (Object.hasOwn(IRREGULAR, lemma)) return IRREGULAR[lemma]!;
  const forms = [lemma];
  if (lemma.endsWith('e')) forms.push(`${lemma}d`, `${lemma}s`, `${lemma.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(lemma))
    forms.push(`${lemma.slice(0, -1)}ied`, `${lemma.slice(0, -1)}ies`, `${lemma}ing`);
  else if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(`${lemma}ed`, `${lemma}es`, `${lemma}ing`);
  else if (/^(quip|rebut|admit|slam|plan|regret|beg|prefer|concur|dub)$/.test(lemma)) {
    const last = lemma.at(-1)!;
    forms.push(`${lemma}${last}ed`, `${lemma}s`, `${lemma}${last}ing`);
  } else forms.push(`${lemma}ed`, `${lemma}s`, `${lemma}ing`);
  return forms;
}

function build(): Map<string, CueEntry> {
  const map = new Map<string, CueEntry>();
  const put = (lemmas: string[], stance: CueStance, strength: CueEntry['strength']) => {
    for (const lemma of lemmas) {
      for (const form of inflect(lemma)) {
        if (map.has(form) && strength === 'weak') continue;
        map.set(form, { lemma, stance, strength, ...(SOCIAL.has(lemma) ? { social: true } : {}) });
      }
    }
  };
  put(WEAK, 'neutral', 'weak');
  put(['continue', 'go', 'sing', 'laugh', 'begin', 'conclude', 'close'], 'neutral', 'quote');
  put(ACTION, 'neutral', 'stance');
  put(STANCE, 'neutral', 'stance');
  put(NEUTRAL, 'neutral', 'speech');
  put(DISTANCING, 'distancing', 'speech');
  put(ENDORSING, 'endorsing', 'speech');
  put(DENYING, 'denying', 'speech');
  return map;
}

const LEXICON = build();

/**
 * The cue entry for a word form, or null when the word is not a reporting verb.
 *
 * @example cueEntry('claimed') // {lemma: 'claim', stance: 'distancing', strength: 'speech'}
 */
export function cueEntry(word: string): CueEntry | null {
  return LEXICON.get(word.toLowerCase()) ?? null;
}

/**
 * The texts of `tokens.slice(from, to)` (same bounds), pushed onto an object list: the words
 * {@link cueTense} reads always come in one array kind (an optimised `map` makes holey arrays).
 *
 * @example tokenTexts([{ text: 'has' }, { text: 'said' }], 0, 2) // ['has', 'said']
 */
export function tokenTexts(tokens: readonly { readonly text: string }[], from: number, to: number): string[] {
  const n = tokens.length;
  const start = from < 0 ? Math.max(n + from, 0) : Math.min(from, n);
  const end = to < 0 ? Math.max(n + to, 0) : Math.min(to, n);
  const out = objectList<string>();
  for (let k = start; k < end; k++) out.push(tokens[k]!.text);
  return out;
}

/**
 * Tense of a cue from its form and the auxiliaries before it.
 *
 * @example cueTense(['has', 'said']) // 'perfect'
 */
export function cueTense(words: readonly string[]): 'past' | 'present' | 'future' | 'perfect' | 'unknown' {
  // Pushed, not mapped: an optimised `map` makes a holey array (see `objectList`).
  const lower = objectList<string>();
  for (const w of words) lower.push(w.toLowerCase());
  const verb = lower.at(-1) ?? '';
  if (lower.some((w) => w === 'will' || w === "'ll" || w === '’ll')) return 'future';
  if (lower.some((w) => w === 'has' || w === 'have' || w === 'had')) return 'perfect';
  if (lower.some((w) => w === 'was' || w === 'were' || w === 'did')) return 'past';
  if (lower.some((w) => w === 'is' || w === 'are' || w === 'am' || w === 'does' || w === 'do'))
    return 'present';
  if (/(ed|told|said|wrote|spoke|thought|found|showed|gave|sent|learnt)$/.test(verb)) return 'past';
  if (/s$/.test(verb) || /ing$/.test(verb)) return 'present';
  if (verb === 'according') return 'unknown';
  return 'present';
}
