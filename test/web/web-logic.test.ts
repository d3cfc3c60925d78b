import { describe, expect, it } from 'vitest';
import { ApiError, waitNotice } from '../../src/web/api.js';
import { segmentText } from '../../src/web/highlight.js';
import { filtersOf, nextSort, paramsOf } from '../../src/web/ledger-filters.js';
import { markerShapeOf, supportRadius } from '../../src/web/marker-shape.js';

describe('marking source sentences in the archived text', () => {
  const text = 'A drone struck the base. Militia leaders denied any role.';
  const span = (start: number, end: number, id = `m${start}`) => ({ start, end, id, className: 'for' });

  it.each([
    { case: 'one sentence', spans: [span(0, 24)], marked: ['A drone struck the base.'] },
    {
      case: 'two sentences, given out of order',
      spans: [span(25, 57), span(0, 24)],
      marked: ['A drone struck the base.', 'Militia leaders denied any role.'],
    },
    {
      case: 'an overlap, marked once from where the first ends',
      spans: [span(0, 14), span(8, 24)],
      marked: ['A drone struck', ' the base.'],
    },
    { case: 'a span past the end, clipped', spans: [span(48, 400)], marked: ['any role.'] },
    { case: 'an empty span, ignored', spans: [span(5, 5)], marked: [] },
  ])('$case', ({ spans, marked }) => {
    const segments = segmentText(text, spans);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mark !== null).map((s) => s.text)).toEqual(marked);
  });
});

describe('how the map draws an event', () => {
  it.each([
    { precision: 'exact', origins: 1, shape: { kind: 'point', radiusPx: 5 } },
    { precision: 'near', origins: 4, shape: { kind: 'point', radiusPx: 11 } },
    { precision: 'admin2', origins: 1, shape: { kind: 'area', radiusMeters: 25_000 } },
    { precision: 'admin1', origins: 3, shape: { kind: 'area', radiusMeters: 80_000 } },
    { precision: 'country', origins: 1, shape: { kind: 'area', radiusMeters: 250_000 } },
    { precision: null, origins: 1, shape: { kind: 'area', radiusMeters: 400_000 } },
  ] as const)('a $precision place with $origins origins', ({ precision, origins, shape }) => {
    expect(markerShapeOf(precision, origins)).toEqual(shape);
  });

  it('grows dots with support, up to a cap', () => {
    const radii = [1, 2, 4, 9, 100].map(supportRadius);
    expect(radii).toEqual([...radii].sort((a, b) => a - b));
    expect(radii.at(-1)).toBe(16);
  });
});

describe('the ledger view state in the URL', () => {
  it.each([
    { search: '', params: {} },
    { search: 'place=Mosul&status=disputed', params: { place: 'Mosul', status: 'disputed' } },
    { search: 'sort=-support&limit=100&offset=200', params: { sort: '-support', limit: 100, offset: 200 } },
    { search: 'sort=colour&limit=7&offset=-3&contradicted=maybe', params: {} },
  ])('reads "$search"', ({ search, params }) => {
    const kept = Object.fromEntries(
      Object.entries(paramsOf(filtersOf(new URLSearchParams(search)))).filter(([, v]) => v !== ''),
    );
    expect(kept).toEqual(params);
  });

  it.each([
    { current: '-date', column: 'date', next: 'date' },
    { current: 'date', column: 'date', next: '-date' },
    { current: '-date', column: 'place', next: 'place' },
    { current: 'place', column: 'support', next: '-support' },
  ] as const)('clicking $column when sorted by $current sorts by $next', ({ current, column, next }) => {
    expect(nextSort(current, column)).toBe(next);
  });
});

describe('a page told to wait while the ledger is being built', () => {
  const building =
    'the ledger is being built: 40,000 of 100,000 documents read, started 2 min 10 s ago; try again in a few seconds';
  it.each([
    {
      case: 'a 503 with Retry-After: its message, without the advice the page follows itself',
      error: new ApiError(503, 'unavailable', building, 5),
      notice: {
        message: 'The ledger is being built: 40,000 of 100,000 documents read, started 2 min 10 s ago.',
        seconds: 5,
      },
    },
    {
      case: 'a 503 without Retry-After (the ledger worker stopped): an error, no notice',
      error: new ApiError(503, 'unavailable', 'the ledger worker stopped: it ran out of memory'),
      notice: null,
    },
    {
      case: 'a 429 with Retry-After: no notice',
      error: new ApiError(429, 'too_many_requests', 'slow down', 30),
      notice: null,
    },
    { case: 'a failed fetch: no notice', error: new TypeError('Failed to fetch'), notice: null },
  ])('$case', ({ error, notice }) => {
    expect(waitNotice(error)).toEqual(notice);
  });
});
