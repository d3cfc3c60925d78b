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
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
