import type { Params } from './api.js';

/** The ledger view's state: filters, sort and page, kept in the page's query string. */
export interface LedgerFilters {
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly place: string;
  readonly actor: string;
  readonly status: string;
  readonly q: string;
  readonly contradicted: string;
  readonly sort: string;
  readonly limit: number;
  readonly offset: number;
}

/** Sortable columns, as the API names them. */
export const SORT_KEYS = ['date', 'type', 'place', 'status', 'support', 'confidence'] as const;

/** Page sizes offered. */
export const PAGE_SIZES = [25, 50, 100, 500] as const;

const TEXT_KEYS = ['from', 'to', 'type', 'place', 'actor', 'status', 'q', 'contradicted'] as const;

/**
 * Reads the ledger's state from a query string; anything unreadable falls back to the default
 * (newest first, 50 per page).
 *
 * @example filtersOf(new URLSearchParams('type=AIR_STRIKE&offset=50')).offset // 50
 */
export function filtersOf(search: URLSearchParams): LedgerFilters {
  const text = (key: string) => (search.get(key) ?? '').trim();
  const sort = text('sort');
  const limit = Number(text('limit'));
  const offset = Number(text('offset'));
  const values = Object.fromEntries(TEXT_KEYS.map((key) => [key, text(key)])) as Record<
    (typeof TEXT_KEYS)[number],
    string
  >;
  return {
    ...values,
    contradicted:
      values.contradicted === 'true' || values.contradicted === 'false' ? values.contradicted : '',
    sort: (SORT_KEYS as readonly string[]).includes(sort.replace(/^-/, '')) ? sort : '-date',
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 50,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/**
 * The query parameters of `GET /api/events` (and of the page's URL) for a state; defaults are
 * left out.
 *
 * @example paramsOf({ ...filtersOf(new URLSearchParams()), place: 'Mosul' }) // { place: 'Mosul' }
 */
export function paramsOf(filters: LedgerFilters): Params {
  return {
    from: filters.from,
    to: filters.to,
    type: filters.type,
    place: filters.place,
    actor: filters.actor,
    status: filters.status,
    q: filters.q,
    contradicted: filters.contradicted,
    sort: filters.sort === '-date' ? '' : filters.sort,
    limit: filters.limit === 50 ? '' : filters.limit,
    offset: filters.offset === 0 ? '' : filters.offset,
  };
}

/**
 * The sort after clicking a column: the same column flips direction; a new one starts
 * descending for dates and numbers, ascending for words.
 *
 * @example nextSort('-date', 'date') // 'date'
 */
export function nextSort(current: string, column: (typeof SORT_KEYS)[number]): string {
  if (current.replace(/^-/, '') === column) return current.startsWith('-') ? column : `-${column}`;
  return ['date', 'support', 'confidence'].includes(column) ? `-${column}` : column;
}
