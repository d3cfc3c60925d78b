import { getJson, type Params, withParams } from '../api.js';
import { h, replaceChildren, svg } from '../dom.js';
import { filtersOf, paramsOf } from '../ledger-filters.js';
import type { Timeline } from '../types.js';

/** Colours of event types, assigned in order of their first appearance. */
const PALETTE = [
  '#1f6fb2',
  '#c2410c',
  '#15803d',
  '#7c3aed',
  '#b91c1c',
  '#0e7490',
  '#a16207',
  '#be185d',
  '#4b5563',
];

/**
 * Events per day, stacked by type, as a bar chart (SVG drawn here, no chart library); the
 * ledger's filters in the URL apply. Each bar has a text title, and a table gives the same numbers.
 *
 * @example await timelineView(main, new URL('http://127.0.0.1:8080/timeline?place=Mosul'), signal);
 */
export async function timelineView(main: HTMLElement, url: URL, signal: AbortSignal): Promise<void> {
  const filters = filtersOf(url.searchParams);
  replaceChildren(main, h('h1', {}, 'Timeline'), h('p', { role: 'status' }, 'Loading…'));
  const { offset: _offset, limit: _limit, sort: _sort, ...eventFilters } = paramsOf(filters);
  const timeline = await getJson<Timeline>('/api/timeline', eventFilters);
  if (signal.aborted) return;
  const types = [...new Set(timeline.days.flatMap((d) => Object.keys(d.byType)))].sort();
  const colour = new Map(types.map((t, i) => [t, PALETTE[i % PALETTE.length] ?? '#4b5563']));
  const total = timeline.days.reduce((n, d) => n + d.total, 0);
  replaceChildren(
    main,
    h('h1', {}, 'Timeline'),
    h(
      'p',
      { role: 'status' },
      `${total} dated events over ${timeline.days.length} days; ${timeline.undated} undated. `,
      h('a', { href: withParams('/', eventFilters) }, 'Open these events in the ledger'),
    ),
    timeline.days.length === 0
      ? h('p', { class: 'empty' }, 'No dated events.')
      : chart(timeline, types, colour, eventFilters),
    legend(types, colour),
    table(timeline, types),
  );
}

function chart(
  timeline: Timeline,
  types: readonly string[],
  colour: ReadonlyMap<string, string>,
  eventFilters: Params,
): SVGElement {
  const days = timeline.days;
  const max = Math.max(1, ...days.map((d) => d.total));
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  // A continuous day axis (quiet days are gaps), unless the span is too long to draw day by day.
  const span = dayNumber(last) - dayNumber(first) + 1;
  const slots = span <= 4000 ? span : days.length;
  const slotOf = (date: string, i: number) => (span <= 4000 ? dayNumber(date) - dayNumber(first) : i);
  const width = 1000;
  const left = 30;
  const slotWidth = (width - left - 10) / Math.max(1, slots);
  const barWidth = Math.max(1, Math.min(40, slotWidth * 0.85));
  const height = 220;
  const plot = height - 40;
  const bars: SVGElement[] = [];
  days.forEach((day, i) => {
    const x = left + slotOf(day.date, i) * slotWidth + (slotWidth - barWidth) / 2;
    let y = plot + 10;
    for (const type of types) {
      const count = day.byType[type] ?? 0;
      if (count === 0) continue;
      const barHeight = (count / max) * plot;
      y -= barHeight;
      // Each bar opens that day's events of that type in the ledger.
      bars.push(
        svg(
          'a',
          {
            href: withParams('/', { ...eventFilters, from: day.date, to: day.date, type }),
            'aria-label': `${day.date}: ${count} ${type}`,
          },
          svg(
            'rect',
            {
              x,
              y,
              width: barWidth,
              height: barHeight,
              fill: colour.get(type) ?? '#4b5563',
              class: 'bar',
              'data-date': day.date,
              'data-type': type,
            },
            svg('title', {}, `${day.date}: ${count} ${type}`),
          ),
        ),
      );
    }
  });
  return svg(
    'svg',
    {
      class: 'timeline-chart',
      viewBox: `0 0 ${width} ${height}`,
      role: 'group',
      'aria-label': `Events per day from ${first} to ${last}, at most ${max} a day`,
    },
    svg('line', { x1: 28, y1: plot + 10, x2: width, y2: plot + 10, class: 'axis' }),
    svg('text', { x: 0, y: 18, class: 'tick' }, String(max)),
    svg('text', { x: 0, y: plot + 10, class: 'tick' }, '0'),
    svg('text', { x: left, y: height - 8, class: 'tick' }, first),
    svg('text', { x: width - 4, y: height - 8, class: 'tick end' }, last),
    ...bars,
  );
}

/** Days since 1970-01-01 of an ISO date. */
function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function legend(types: readonly string[], colour: ReadonlyMap<string, string>): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    ...types.map((type) =>
      h(
        'li',
        {},
        svg(
          'svg',
          { width: 12, height: 12, 'aria-hidden': 'true' },
          svg('rect', { width: 12, height: 12, fill: colour.get(type) ?? '#4b5563' }),
        ),
        ` ${type}`,
      ),
    ),
  );
}

function table(timeline: Timeline, types: readonly string[]): HTMLElement {
  return h(
    'details',
    {},
    h('summary', {}, 'The numbers'),
    h(
      'table',
      { class: 'timeline-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Day'),
          h('th', { scope: 'col' }, 'Total'),
          ...types.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        ...timeline.days.map((d) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, d.date),
            h('td', {}, d.total),
            ...types.map((t) => h('td', {}, d.byType[t] ?? 0)),
          ),
        ),
      ),
    ),
  );
}
