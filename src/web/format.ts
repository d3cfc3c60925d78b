import { h } from './dom.js';
import type { EventStatus, LedgerEvent } from './types.js';

/**
 * An event's dates as one label: a day, or a range.
 *
 * @example dateLabel({ from: '2024-03-04', to: '2024-03-05' }) // '2024-03-04 – 2024-03-05'
 */
export function dateLabel(date: LedgerEvent['date']): string {
  if (date === null) return 'undated';
  return date.from === date.to ? date.from : `${date.from} – ${date.to}`;
}

/**
 * An event's place with how precisely it is known.
 *
 * @example placeLabel(event.place) // 'Nineveh (province)'
 */
export function placeLabel(place: LedgerEvent['place']): string {
  if (place === null) return 'no place';
  const scale: Record<string, string> = {
    admin2: 'district',
    admin1: 'province',
    country: 'country',
    region: 'region',
    near: 'near',
    unresolved: 'not located',
  };
  const how = place.precision === null ? undefined : scale[place.precision];
  return how === undefined ? place.name : `${place.name} (${how})`;
}

/**
 * An event type as people read it: the ACLED sub-type when there is one, else the fine code.
 *
 * @example typeLabel(event) // 'Air/drone strike'
 */
export function typeLabel(event: Pick<LedgerEvent, 'type' | 'subEventType'>): string {
  return event.subEventType ?? event.type.replaceAll('_', ' ').toLowerCase();
}

/**
 * A status badge (its text carries the meaning; colour only repeats it).
 *
 * @example statusBadge('disputed')
 */
export function statusBadge(status: EventStatus, byAnalyst = false): HTMLElement {
  return h(
    'span',
    { class: `badge status-${status}`, 'data-status': status },
    status,
    byAnalyst ? h('span', { class: 'by-analyst', title: 'set by an analyst' }, ' ✓') : null,
  );
}

/**
 * A confidence in [0, 1] as a percentage.
 *
 * @example percent(0.5) // '50%'
 */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
