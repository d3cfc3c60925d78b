import { ApiError, getJson, withParams } from '../api.js';
import { desk } from '../desk.js';
import { h, replaceChildren } from '../dom.js';
import { dateLabel, percent, placeLabel, statusBadge, typeLabel } from '../format.js';
import {
  filtersOf,
  type LedgerFilters,
  nextSort,
  PAGE_SIZES,
  paramsOf,
  type SORT_KEYS,
} from '../ledger-filters.js';
import { eventPath } from '../router.js';
import { EVENT_STATUSES, type EventSummary, type Page } from '../types.js';

const COLUMNS: readonly { key: (typeof SORT_KEYS)[number] | null; label: string }[] = [
  { key: 'type', label: 'Type' },
  { key: 'date', label: 'Date' },
  { key: 'place', label: 'Place' },
  { key: 'status', label: 'Status' },
  { key: 'support', label: 'Independent origins' },
  { key: null, label: 'Contradicted' },
  { key: 'confidence', label: 'Confidence' },
];

/**
 * The ledger: every event with its type, date, place, status, independent origins and
 * contradiction flag; filters, sorting and pages are the API's, kept in the page's URL.
 *
 * @example await ledgerView(main, new URL('http://127.0.0.1:8080/?status=disputed'), signal);
 */
export async function ledgerView(main: HTMLElement, url: URL, signal: AbortSignal): Promise<void> {
  const filters = filtersOf(url.searchParams);
  const go = (next: LedgerFilters) => desk.navigate(withParams('/', paramsOf(next)));
  const form = filterForm(filters, go);
  const status = h('p', { class: 'result-count', role: 'status' }, 'Loading…');
  replaceChildren(main, h('h1', {}, 'Ledger'), form, status);
  let page: Page<EventSummary>;
  try {
    page = await getJson<Page<EventSummary>>('/api/events', paramsOf(filters));
  } catch (error) {
    // A filter the API cannot read (a range that ends before it starts): say so beside the form.
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    status.textContent = `These filters cannot be applied: ${error.message}`;
    status.setAttribute('class', 'result-count error');
    return;
  }
  if (signal.aborted) return;
  const last = Math.min(page.offset + page.items.length, page.total);
  status.textContent =
    page.total === 0 ? 'No events match.' : `Events ${page.offset + 1}–${last} of ${page.total}`;
  main.append(eventTable(page.items, filters, go), pager(page, filters, go));
}

function filterForm(filters: LedgerFilters, go: (next: LedgerFilters) => void): HTMLFormElement {
  const field = (name: keyof LedgerFilters, label: string, attrs: Record<string, string> = {}) => {
    const input = h('input', { id: `filter-${name}`, name, value: String(filters[name]), ...attrs });
    return h('div', { class: 'field' }, h('label', { for: `filter-${name}` }, label), input);
  };
  const select = (name: keyof LedgerFilters, label: string, options: readonly [string, string][]) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: `filter-${name}` }, label),
      h(
        'select',
        { id: `filter-${name}`, name },
        ...options.map(([value, text]) =>
          h('option', { value, selected: String(filters[name]) === value }, text),
        ),
      ),
    );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter events' },
    field('q', 'Text'),
    field('from', 'From', { type: 'date' }),
    field('to', 'To', { type: 'date' }),
    field('type', 'Type', { placeholder: 'AIR_STRIKE, Battles…' }),
    field('place', 'Place'),
    field('actor', 'Actor'),
    select('status', 'Status', [['', 'any'], ...EVENT_STATUSES.map((s): [string, string] => [s, s])]),
    select('contradicted', 'Contradictions', [
      ['', 'any'],
      ['true', 'contradicted'],
      ['false', 'not contradicted'],
    ]),
    select(
      'limit',
      'Per page',
      PAGE_SIZES.map((n): [string, string] => [String(n), String(n)]),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Filter'),
      h('a', { href: '/', class: 'button secondary' }, 'Clear'),
      h('a', { href: withParams('/map', filterParams(filters)) }, 'These on the map'),
      h('a', { href: withParams('/timeline', filterParams(filters)) }, 'Timeline'),
      h('a', { href: '/api/export/json', download: '' }, 'Export JSON'),
      h('a', { href: '/api/export/acled-csv', download: '' }, 'ACLED CSV'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (key: string) => String(data.get(key) ?? '').trim();
    go({
      ...filters,
      from: value('from'),
      to: value('to'),
      type: value('type'),
      place: value('place'),
      actor: value('actor'),
      status: value('status'),
      q: value('q'),
      contradicted: value('contradicted'),
      limit: Number(value('limit')) || 50,
      offset: 0,
    });
  });
  return form;
}

function eventTable(
  events: readonly EventSummary[],
  filters: LedgerFilters,
  go: (next: LedgerFilters) => void,
) {
  const sortedBy = filters.sort.replace(/^-/, '');
  const header = h(
    'tr',
    {},
    ...COLUMNS.map(({ key, label }) => {
      if (key === null) return h('th', { scope: 'col' }, label);
      const active = sortedBy === key;
      return h(
        'th',
        {
          scope: 'col',
          'aria-sort': active ? (filters.sort.startsWith('-') ? 'descending' : 'ascending') : null,
        },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            'data-sort': key,
            on: { click: () => go({ ...filters, sort: nextSort(filters.sort, key), offset: 0 }) },
          },
          label,
          active ? (filters.sort.startsWith('-') ? ' ▼' : ' ▲') : '',
        ),
      );
    }),
  );
  const rows = events.map((event) =>
    h(
      'tr',
      { 'data-event-id': event.id },
      h(
        'td',
        {},
        h('a', { href: eventPath(event.id) }, typeLabel(event)),
        h('div', { class: 'code' }, event.type),
      ),
      h('td', {}, dateLabel(event.date)),
      h('td', {}, placeLabel(event.place)),
      h('td', {}, statusBadge(event.status, event.statusByAnalyst)),
      h('td', { class: 'number' }, event.independentOrigins),
      h(
        'td',
        {},
        event.contradictions > 0
          ? h('span', { class: 'badge contradicted' }, `contradicted (${event.contradictions})`)
          : '—',
      ),
      h('td', { class: 'number' }, percent(event.confidence)),
    ),
  );
  return h(
    'table',
    { class: 'ledger' },
    h('caption', { class: 'visually-hidden' }, 'Ledger events'),
    h('thead', {}, header),
    h('tbody', {}, ...rows),
  );
}

function pager(page: Page<EventSummary>, filters: LedgerFilters, go: (next: LedgerFilters) => void) {
  const previous = Math.max(0, page.offset - page.limit);
  const next = page.offset + page.limit;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    h(
      'button',
      {
        type: 'button',
        disabled: page.offset === 0,
        on: { click: () => go({ ...filters, offset: previous }) },
      },
      '← Previous',
    ),
    h(
      'button',
      {
        type: 'button',
        disabled: next >= page.total,
        on: { click: () => go({ ...filters, offset: next }) },
      },
      'Next →',
    ),
  );
}

/** The filters alone (no sort or page), for the map and the timeline. */
function filterParams(filters: LedgerFilters) {
  const { sort: _sort, limit: _limit, offset: _offset, ...rest } = paramsOf(filters);
  return rest;
}
