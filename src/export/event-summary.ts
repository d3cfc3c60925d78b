import type { LedgerEvent } from '../types/ledger.js';

function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function when(date: LedgerEvent['date']): string {
  if (!date) return 'On an unknown date';
  return date.from === date.to ? `On ${date.from}` : `Between ${date.from} and ${date.to}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A short plain-language summary of a ledger event for ACLED's `notes` column: when, what, where,
 * by whom against whom, the fatalities, and how well it is supported. Built only from the
 * event's fields, so it never says more than the ledger holds.
 *
 * @example
 * eventSummary(event)
 * // 'On 2023-10-17, air/drone strike at Harir Air Base by Islamic Resistance in Iraq against US forces;
 * //  0 fatalities reported. Corroborated: 3 independent origins, 1 contradiction.'
 */
export function eventSummary(event: LedgerEvent): string {
  const what = (
    event.subEventType ??
    event.eventType ??
    event.type.toLowerCase().replaceAll('_', ' ')
  ).toLowerCase();
  const occurrence = event.occurrence === 'occurred' ? '' : ` (${event.occurrence})`;
  let sentence = `${when(event.date)}, ${what}${occurrence}`;
  if (event.place) sentence += ` at ${event.place.name}`;
  if (event.actors.length > 0) sentence += ` by ${list(event.actors)}`;
  if (event.targets.length > 0) sentence += ` against ${list(event.targets)}`;
  if (event.weapons.length > 0) sentence += ` with ${list(event.weapons)}`;
  sentence +=
    event.fatalities === null
      ? '; no fatality count reported.'
      : `; ${plural(event.fatalities, 'fatality', 'fatalities')} reported.`;
  const status = `${event.status[0]!.toUpperCase()}${event.status.slice(1)}${event.statusByAnalyst ? ' (analyst)' : ''}`;
  const support = `${plural(event.support.independentOrigins, 'independent origin')}, ${plural(event.contradictions.length, 'contradiction')}`;
  return `${sentence} ${status}: ${support}.`;
}
