import type { Candidate } from './find-terms.js';

/**
 * Keeps the best of overlapping candidates: higher priority first, then the longer span, then
 * the earlier one. Returns them in text order.
 *
 * @example resolveOverlaps([{start:0,end:5,priority:1,…}, {start:2,end:9,priority:3,…}]) // the second
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  // Kept spans never overlap, so a candidate overlaps one of them exactly when one of its
  // characters is already taken: a mask over the text instead of a scan of every kept span.
  let first = 0;
  let last = 0;
  for (const c of candidates) {
    if (c.start < first) first = c.start;
    if (c.end > last) last = c.end;
  }
  const taken = new Uint8Array(last - first);
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    if (isTaken(taken, c.start - first, c.end - first)) continue;
    taken.fill(1, c.start - first, c.end - first);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function isTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (taken[at] === 1) return true;
  return false;
}
