import type { Candidate } from './find-terms.js';

// Offsets and lengths of candidates are below 2^21 (the stage reads at most 2,000,000
// characters), so a rank of priority, a length and a start fit one exact integer key.
const FIELD = 2 ** 21;

/**
 * Keeps the best of overlapping candidates: higher priority first, then the longer span, then
 * the earlier one (candidates equal on all three keep their given order). Returns them in text
 * order.
 *
 * @example resolveOverlaps([{start:0,end:5,priority:1,…}, {start:2,end:9,priority:3,…}]) // the second
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  let first = 0;
  let last = 0;
  for (const c of candidates) {
    if (c.start < first) first = c.start;
    if (c.end > last) last = c.end;
  }
  const ranked = rankedOrder(candidates, first, last);
  const kept: Candidate[] = [];
  // Kept spans never overlap, so a candidate overlaps one of them exactly when one of its
  // characters is already taken: a mask over the text instead of a scan of every kept span.
  const taken = new Uint8Array(last - first);
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    if (isTaken(taken, c.start - first, c.end - first)) continue;
    taken.fill(1, c.start - first, c.end - first);
    kept.push(c);
  }
  // Kept spans are non-empty and never overlap: their starts differ, and the text order is the
  // order of their starts.
  return kept.sort(byStart);
}

function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * The candidates by priority (highest first), then length (longest first), then start, ties
 * in their given order: sorted as numbers (one key each) instead of by a comparator.
 */
function rankedOrder(candidates: readonly Candidate[], first: number, last: number): Candidate[] {
  if (first < 0 || last >= FIELD) return [...candidates].sort(byRank);
  const priorities = [...new Set(candidates.map((c) => c.priority))].sort((a, b) => b - a);
  // Ranks below 2^10 keep the key under 2^53, where doubles are exact integers.
  if (priorities.length >= 1024 || priorities.some((p) => Number.isNaN(p)))
    return [...candidates].sort(byRank);
  const rankOf = new Map(priorities.map((p, r) => [p, r]));
  const keys = new Float64Array(candidates.length);
  const byKey = new Map<number, Candidate | Candidate[]>();
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    // A negative length (an empty or reversed span, skipped later) sorts like the comparator's.
    const key = (rankOf.get(c.priority)! * FIELD + (FIELD - 1 - (c.end - c.start))) * FIELD + c.start;
    keys[k] = key;
    const same = byKey.get(key);
    if (same === undefined) byKey.set(key, c);
    else if (Array.isArray(same)) same.push(c);
    else byKey.set(key, [same, c]);
  }
  keys.sort();
  const out: Candidate[] = [];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (k > 0 && key === keys[k - 1]) continue;
    const same = byKey.get(key)!;
    if (Array.isArray(same)) out.push(...same);
    else out.push(same);
  }
  return out;
}

function byRank(a: Candidate, b: Candidate): number {
  return b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

function isTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (taken[at] === 1) return true;
  return false;
}
