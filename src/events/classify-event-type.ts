import { CueScanner } from '../nlp/cue-scan.js';
import { EVENT_CUES } from './event-cues.js';

/** A cue found in the text: its code, weight and trigger span. */
export interface CueHit {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly weight: number;
}

// Only the first part of a long text is scanned for cues: a report leads with its event.
const MAX_SCAN = 200_000;
// The cue table's patterns, tried only where the text opens one of their matches.
const CUE_SCANNER = new CueScanner(EVENT_CUES.map((c) => c.re));

/**
 * Every cue of the table found in the text, in text order.
 *
 * @example findCueHits('Warplanes bombed the village.') // [{code:'AIR_STRIKE', …}]
 */
export function findCueHits(text: string): CueHit[] {
  const scan = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const hits: CueHit[] = [];
  CUE_SCANNER.scan(scan, (p, start, end) => {
    // A capitalised cue word inside a name ("Operation Al-Aqsa Flood", "Desert Storm") is no event.
    // (The first test first reads the code unit: \p{Lu} holds no ASCII character but A–Z.)
    const first = scan.charCodeAt(start);
    if (
      (first >= 0x80 || (first >= 0x41 && first <= 0x5a)) &&
      /^\p{Lu}\p{Ll}/u.test(scan.slice(start, end)) &&
      /\p{Lu}[\p{L}-]*\s$/u.test(scan.slice(Math.max(0, start - 20), start))
    )
      return;
    const c = EVENT_CUES[p]!;
    hits.push({ code: c.code, start, end, weight: c.weight });
  });
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

const MIN_SCORE = 2;
const PROTEST_CODES = ['FORCE_AGAINST_PROTEST', 'PROTEST_WITH_INTER', 'VIOL_DEMONSTR'];

/**
 * Scores each CASE 2021 code for a text: cue weights, counted more in the lead (the first
 * sentence or 300 characters), with a few interactions between codes (police action only
 * means a protest code when there is a protest).
 *
 * @example scoreEventTypes('Police fired tear gas at protesters.').get('FORCE_AGAINST_PROTEST') // > 0
 */
export function scoreEventTypes(
  text: string,
  hits: readonly CueHit[] = findCueHits(text),
): Map<string, number> {
  const firstStop = text.search(/[.!?](?:\s|$)/);
  const lead = Math.max(300, firstStop < 0 ? text.length : firstStop + 1);
  const scores = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const h of hits) {
    const n = seen.get(h.code) ?? 0;
    seen.set(h.code, n + 1);
    // Repeated cues add less: a long report repeats its words.
    const factor = (h.start < lead ? 2 : 1) / (1 + n * 0.5);
    scores.set(h.code, (scores.get(h.code) ?? 0) + h.weight * factor);
  }
  const protest = scores.get('PEACE_PROTEST') ?? 0;
  if (protest > 0) {
    for (const code of PROTEST_CODES) {
      const s = scores.get(code);
      if (s) scores.set(code, s + protest * 0.6);
    }
    const arrest = scores.get('ARREST') ?? 0;
    if (arrest > 0)
      scores.set(
        'PROTEST_WITH_INTER',
        (scores.get('PROTEST_WITH_INTER') ?? 0) + arrest * 0.8 + protest * 0.3,
      );
  } else {
    for (const code of ['FORCE_AGAINST_PROTEST', 'PROTEST_WITH_INTER']) {
      const s = scores.get(code);
      if (s) scores.set(code, s * 0.3);
    }
  }
  // A suicide bombing or a chemical attack is also an explosion or an attack: the specific code wins.
  return scores;
}

/**
 * The CASE 2021 code of the text's main event, or `none` when no cue fires.
 *
 * @example classifyEventType('Two suicide bombers blew themselves up at a checkpoint.') // 'SUIC_BOMB'
 */
export function classifyEventType(
  text: string,
  hits?: readonly CueHit[],
): { code: string; confidence: number } {
  const scores = scoreEventTypes(text, hits);
  let best = 'none';
  let bestScore = 0;
  let second = 0;
  for (const [code, s] of scores) {
    if (s > bestScore) {
      second = bestScore;
      best = code;
      bestScore = s;
    } else if (s > second) second = s;
  }
  // A single weak cue ("killed", "attack" once, outside the lead) does not make an event report.
  if (bestScore < MIN_SCORE) return { code: 'none', confidence: 0.5 };
  const margin = (bestScore - second) / bestScore;
  return { code: best, confidence: Math.round((0.35 + 0.5 * margin) * 100) / 100 };
}
