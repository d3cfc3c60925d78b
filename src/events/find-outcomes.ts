import { CueScanner } from '../nlp/cue-scan.js';
import { mayMatch } from '../nlp/regex-prefilter.js';
import { objectList } from '../stage.js';
import type { Claim } from '../types/claim.js';
import type { OutcomeClaim } from '../types/event.js';
import type { Quantity } from '../types/quantity.js';
import type { Span } from '../types/span.js';

const PATTERNS: [OutcomeClaim['kind'], RegExp][] = [
  [
    'no-damage',
    /\b(?:no|(?:did|does|do) not (?:cause|result in|lead to) any|without (?:causing )?any|caused no)\s+(?:\w+\s+){0,2}?damage\b/giu,
  ],
  [
    'no-casualties',
    /\b(?:no|(?:did|does|do) not (?:cause|result in|lead to) any|without (?:causing )?any|caused no|(?:and|or)(?= (?:casualties|injuries)))\s+(?:\w+\s+(?:or|and)\s+)?(?:casualties|injuries|deaths|fatalities)\b/giu,
  ],
  ['no-casualties', /\bno (?:one|body) was (?:killed|hurt|injured|wounded)\b/giu],
  ['killed', /\b(?:kill(?:ed|ing|s)|dead|died|deaths?|death toll|fatalities|lives)\b/giu],
  ['wounded', /\b(?:wound(?:ed|ing|s)|injur(?:ed|ing|ies|y)|hurt)\b/giu],
  ['destroyed', /\b(?:destroy(?:ed|ing)|destruction)\b/giu],
  ['damage', /\b(?:damag(?:e|ed|ing)|hit by strikes)\b/giu],
];

// The same patterns without the `u` flag, which makes a case-insensitive scan about three times
// slower. They match alike except on the two letters that fold to ASCII only under `u`: the
// long s ("ſ") and the Kelvin sign ("K"); a sentence holding either is read with the originals.
const ASCII_FOLD_PATTERNS = PATTERNS.map(([, re]) => new RegExp(re.source, re.flags.replace('u', '')));
const UNICODE_ONLY_FOLDS = /[\u017f\u212a]/;

/** What a sentence says of the state of its events, as `ConflictEvent['status']`. */
export type SentenceStatus = 'occurred' | 'intercepted' | 'failed' | 'denied' | 'claimed';

// The status cues, strongest first: the first that the sentence holds gives its status.
const STATUS_CUES: [RegExp, SentenceStatus][] = [
  [/\b(?:intercept(?:ed|ion|s)?|shot down|downed|thwarted by air defen[cs]es?)\b/i, 'intercepted'],
  [/\b(?:failed|missed|fell short|foiled|thwarted)\b/i, 'failed'],
  [/\bdenied (?:\w+ ){0,3}(?:attack|responsib|carrying out|strike)/i, 'denied'],
  [
    /\bclaim(?:ed|s)? (?:responsibility|(?:the|an?) (?:\w+ )?(?:attacks?|strikes?|operations?)(?:\s*[.,;]|\s*$| on| against| in| at))/i,
    'claimed',
  ],
];
// One pass over a sentence tries the outcome and the status patterns only where one of their
// matches can open (the status patterns have no `u` flag: they read alike on any sentence).
const SENTENCE_SCANNER = new CueScanner([...ASCII_FOLD_PATTERNS, ...STATUS_CUES.map(([re]) => re)]);
const STATUS_SCANNER = new CueScanner(STATUS_CUES.map(([re]) => re));

/**
 * The outcome statements of a sentence (see `findOutcomes`) and its status: the first status cue
 * it holds, strongest first ("intercepted", "failed", "denied", "claimed"), else "occurred".
 *
 * @example readSentence(text, {start:0,end:text.length}, [], []).status // 'intercepted' for "The drone was shot down."
 */
export function readSentence(
  text: string,
  scope: Span,
  quantities: readonly Quantity[],
  claims: readonly Claim[],
): { outcomes: OutcomeClaim[]; status: SentenceStatus } {
  const part = text.slice(scope.start, scope.end);
  if (UNICODE_ONLY_FOLDS.test(part)) {
    const first = STATUS_SCANNER.firstMatching(part);
    return {
      outcomes: findOutcomes(text, scope, quantities, claims),
      status: first < 0 ? 'occurred' : STATUS_CUES[first]![1],
    };
  }
  const reader = outcomeReader(part, scope, quantities, claims);
  let status = STATUS_CUES.length;
  SENTENCE_SCANNER.scan(part, (p, from, to) => {
    if (p < PATTERNS.length) reader.take(PATTERNS[p]![0], from, to);
    else status = Math.min(status, p - PATTERNS.length);
  });
  return {
    outcomes: reader.out.sort((a, b) => a.span.start - b.span.start),
    status: status < STATUS_CUES.length ? STATUS_CUES[status]![1] : 'occurred',
  };
}

/**
 * Outcome statements in a span of text (a sentence): killed / wounded with the nearest count,
 * damage, destruction, and their denials ("no damage or casualties"), each tied to the claim
 * whose mention contains it.
 *
 * @example findOutcomes(text, {start:0,end:text.length}, [], []) // [{kind:'no-damage',…}]
 */
export function findOutcomes(
  text: string,
  scope: Span,
  quantities: readonly Quantity[],
  claims: readonly Claim[],
): OutcomeClaim[] {
  const part = text.slice(scope.start, scope.end);
  const { out, take } = outcomeReader(part, scope, quantities, claims);
  if (!UNICODE_ONLY_FOLDS.test(part)) {
    // One pass over the sentence tries each pattern only where one of its matches can open.
    SENTENCE_SCANNER.scan(part, (p, from, to) => {
      if (p < PATTERNS.length) take(PATTERNS[p]![0], from, to);
    });
    return out.sort((a, b) => a.span.start - b.span.start);
  }
  for (const [kind, re] of PATTERNS) {
    // Skip the patterns whose words the whole text lacks (a sentence that lacks them finds no match either).
    if (!mayMatch(text, re)) continue;
    re.lastIndex = 0;
    for (const m of part.matchAll(re)) take(kind, m.index, m.index + m[0].length);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The outcomes found so far in a sentence (`part`, at `scope`), and how a match is taken in. */
function outcomeReader(
  part: string,
  scope: Span,
  quantities: readonly Quantity[],
  claims: readonly Claim[],
): { out: OutcomeClaim[]; take: (kind: OutcomeClaim['kind'], from: number, to: number) => void } {
  const out = objectList<OutcomeClaim>(); // an object list even when empty (see `objectList`)
  const taken: (Span & { denial: boolean; kind: string })[] = [];
  const take = (kind: OutcomeClaim['kind'], from: number, to: number): void => {
    const span = { start: scope.start + from, end: scope.start + to };
    const denial = kind === 'no-damage' || kind === 'no-casualties';
    // "no damage or casualties" states two denials over one span; other overlaps are one outcome.
    if (
      taken.some((t) => t.start < span.end && span.start < t.end && !(denial && t.denial && t.kind !== kind))
    )
      return;
    // A denial covers the casualty words inside it ("no damage or casualties").
    if (
      (kind === 'damage' || kind === 'killed' || kind === 'wounded') &&
      /\b(?:no|not|any|without)\s+(?:\w+\s+){0,3}$/i.test(part.slice(Math.max(0, from - 30), from))
    )
      return;
    taken.push({ start: span.start, end: span.end, denial, kind });
    const q = kind === 'killed' || kind === 'wounded' ? nearestCount(quantities, span, scope) : null;
    const claim = claims.find((c) => c.mentions.some((x) => x.start <= span.start && span.end <= x.end));
    out.push({ kind, quantityId: q?.id ?? null, claimId: claim?.id ?? null, span });
  };
  return { out, take };
}

function nearestCount(quantities: readonly Quantity[], span: Span, scope: Span): Quantity | null {
  let best: Quantity | null = null;
  let bestDistance = 60;
  for (const q of quantities) {
    if (q.unit !== 'count' || q.start < scope.start || q.end > scope.end) continue;
    const d = q.end <= span.start ? span.start - q.end : q.start >= span.end ? q.start - span.end : 0;
    if (d < bestDistance) {
      best = q;
      bestDistance = d;
    }
  }
  return best;
}
