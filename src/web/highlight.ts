/** A stretch of the archived text to mark, with the classes and id its `<mark>` gets. */
export interface MarkSpan {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly className: string;
}

/** A piece of the text: plain, or inside one mark. */
export interface Segment {
  readonly text: string;
  readonly mark: MarkSpan | null;
}

/**
 * Cuts the archived text into plain and marked pieces (UTF-16 offsets, as the API gives them).
 * Spans are taken in order of start; a span overlapping an earlier one is marked only from
 * where the earlier one ends, and spans outside the text are clipped, so every character
 * appears exactly once.
 *
 * @example segmentText('A drone struck.', [{ start: 2, end: 7, id: 'c1', className: 'for' }])
 * // [{ text: 'A ', mark: null }, { text: 'drone', mark: {…} }, { text: ' struck.', mark: null }]
 */
export function segmentText(text: string, spans: readonly MarkSpan[]): Segment[] {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of ordered) {
    const start = Math.max(span.start, at, 0);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), mark: null });
    segments.push({ text: text.slice(start, end), mark: span });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: null });
  return segments;
}
