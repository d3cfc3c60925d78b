import type { LedgerEvent } from '../types/ledger.js';

function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function headNoun(phrase: string): string {
  const last = phrase.toLowerCase().trim().split(/\s+/).at(-1) ?? '';
  return last.length > 3 && last.endsWith('s') && !last.endsWith('ss') ? last.slice(0, -1) : last;
}

/**
 * One phrase per head noun, the longest kept, in first-seen order: the weapons "drones",
 * "Armed drones" and "Drone" are one instrument, said as "Armed drones".
 *
 * @example distinctByHeadNoun(['drones', 'Armed drones', 'Drone', 'rockets']) // ['Armed drones', 'rockets']
 */
export function distinctByHeadNoun(phrases: readonly string[]): string[] {
  const kept = new Map<string, string>();
  for (const phrase of phrases) {
    const head = headNoun(phrase);
    const current = kept.get(head);
    if (current === undefined || phrase.trim().length > current.length) kept.set(head, phrase.trim());
  }
  return [...kept.values()];
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
  if (event.weapons.length > 0) sentence += ` with ${list(distinctByHeadNoun(event.weapons))}`;
  sentence +=
    event.fatalities === null
      ? '; no fatality count reported.'
      : `; ${plural(event.fatalities, 'fatality', 'fatalities')} reported.`;
  const status = `${event.status[0]!.toUpperCase()}${event.status.slice(1)}${event.statusByAnalyst ? ' (analyst)' : ''}`;
  const support = `${plural(event.support.independentOrigins, 'independent origin')}, ${plural(event.contradictions.length, 'contradiction')}`;
  return `${sentence} ${status}: ${support}.`;
}
