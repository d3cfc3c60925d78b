import { objectList } from '../../stage.js';
import type { Candidate } from './find-terms.js';

// A key of four 16-bit fields (priority rank, length, start, index) is an exact integer below
// 2^53 when the candidates lie within 2^16 characters and number fewer than 2^16.
const FIELD = 2 ** 16;

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
  const kept = objectList<Candidate>();
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
  return inTextOrder(kept, last - first);
}

function inTextOrder(kept: Candidate[], span: number): Candidate[] {
  if (span >= FIELD || kept.length >= FIELD) return kept.sort((a, b) => a.start - b.start || a.end - b.end);
  const keys = new Float64Array(kept.length);
  for (let k = 0; k < kept.length; k++) keys[k] = kept[k]!.start * FIELD + k;
  keys.sort();
  const out = objectList<Candidate>();
  for (let k = 0; k < kept.length; k++) out.push(kept[keys[k]! % FIELD]!);
  return out;
}

/**
 * The non-empty candidates by priority (highest first), then length (longest first), then
 * start, ties in their given order: each is one number (its index the last field), so the
 * order comes from a numeric sort instead of a comparator.
 */
function rankedOrder(candidates: readonly Candidate[], first: number, last: number): readonly Candidate[] {
  if (first < 0 || last - first >= FIELD || candidates.length >= FIELD) return sortedCopy(candidates);
  // Candidates come in runs of one priority (one list per rule): a priority like the last one
  // needs no search.
  const priorities: number[] = [];
  let previous = Number.NaN;
  for (const c of candidates) {
    if (c.priority === previous) continue;
    previous = c.priority;
    if (!priorities.includes(previous)) priorities.push(previous);
  }
  if (priorities.length >= 32 || priorities.some((p) => Number.isNaN(p))) return sortedCopy(candidates);
  priorities.sort((a, b) => b - a);
  const keys = new Float64Array(candidates.length);
  let n = 0;
  let lastPriority = Number.NaN;
  let rank = 0;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (c.end <= c.start) continue; // never kept
    if (c.priority !== lastPriority) {
      lastPriority = c.priority;
      rank = priorities.indexOf(lastPriority);
    }
    keys[n++] = ((rank * FIELD + (FIELD - 1 - (c.end - c.start))) * FIELD + c.start) * FIELD + k;
  }
  const sorted = keys.subarray(0, n).sort();
  const out = objectList<Candidate>();
  for (let k = 0; k < n; k++) out.push(candidates[sorted[k]! % FIELD]!);
  return out;
}

/** The candidates sorted by rank, as a new object list. */
function sortedCopy(candidates: readonly Candidate[]): Candidate[] {
  const out = objectList<Candidate>();
  for (const c of candidates) out.push(c);
  return out.sort(byRank);
}

function byRank(a: Candidate, b: Candidate): number {
  return b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

function isTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (taken[at] === 1) return true;
  return false;
}
