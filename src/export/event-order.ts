import type { Ledger, LedgerEvent } from '../types/ledger.js';

/**
 * The ledger's events in the order every export lists them: by first date (undated last),
 * then by id, so that an export of the same ledger is always the same.
 *
 * @example eventsInExportOrder(ledger).map((event) => event.id)
 */
export function eventsInExportOrder(ledger: Ledger): LedgerEvent[] {
  return [...ledger.events].sort((a, b) => {
    const byDate = (a.date?.from ?? '\uffff').localeCompare(b.date?.from ?? '\uffff');
    return byDate !== 0 ? byDate : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
