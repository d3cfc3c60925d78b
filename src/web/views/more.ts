import { getJson, type Params } from '../api.js';
import { h } from '../dom.js';
import type { EventPart, EventParts, Page } from '../types.js';

/**
 * A page of one of an event's lists (`GET /api/events/{id}/{part}`), in the event page's order.
 *
 * @example await eventPart('kharkiv-post-4:ev1', 'claims', 25, 100, { side: 'supporting' })
 */
export function eventPart<P extends EventPart>(
  id: string,
  part: P,
  offset: number,
  limit: number,
  params: Params = {},
): Promise<Page<EventParts[P]>> {
  return getJson<Page<EventParts[P]>>(`/api/events/${encodeURIComponent(id)}/${part}`, {
    ...params,
    offset,
    limit,
  });
}

/** What a "show more" control pages through: one list of an event, a page at a time. */
export interface MoreOptions<T> {
  /** How many entries the list holds in all. */
  readonly total: number;
  /** How many of them are on the page now. */
  readonly shown: number;
  /** Where the next page starts in the whole list (`shown` unless the page skipped some). */
  readonly offset?: number;
  /** How many to ask for at a time. */
  readonly step: number;
  /** The button's words for the next `next` of the `left` entries not shown, e.g. "Show 5 more claims for". */
  readonly label: (next: number, left: number) => string;
  /** Reads `limit` entries from `offset` (e.g. `GET /api/events/{id}/claims`). */
  readonly fetch: (offset: number, limit: number) => Promise<Page<T>>;
  /**
   * Draws the entries read that are not on the page yet and appends them; answers the elements
   * it added (the first gets the focus once the last page is in, where the button was).
   */
  readonly add: (items: readonly T[]) => Promise<readonly HTMLElement[]> | readonly HTMLElement[];
}

/**
 * The button under a list that shows the first entries of a longer one: each press reads the
 * next page and appends it, a status line says how many are shown, and the button goes once the
 * list is whole (the focus then moves to the first entry it added). Null when the list is whole
 * already.
 *
 * @example
 * section.append(list, moreControl({ total: 30, shown: 25, step: 100,
 *   label: (n) => `Show ${n} more claims for`, fetch, add }) ?? '');
 */
export function moreControl<T>(options: MoreOptions<T>): HTMLElement | null {
  let shown = options.shown;
  let offset = options.offset ?? options.shown;
  if (shown >= options.total || offset >= options.total) return null;
  const left = () => Math.max(0, options.total - shown);
  const button = h('button', { type: 'button', class: 'more' });
  const status = h('span', { class: 'meta', role: 'status' });
  const control = h('p', { class: 'more' }, button, ' ', status);
  const draw = () => {
    button.textContent = options.label(Math.min(options.step, left()), left());
    status.textContent = `${shown} of ${options.total} shown`;
  };
  draw();
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Loading…';
    void (async () => {
      try {
        const added: HTMLElement[] = [];
        // A page may hold only entries already shown (sources quoted on the first page): read on.
        while (added.length === 0 && offset < options.total) {
          const page = await options.fetch(offset, options.step);
          if (page.items.length === 0) break;
          offset += page.items.length;
          added.push(...(await options.add(page.items)));
        }
        shown += added.length;
        if (offset >= options.total || shown >= options.total) {
          const first = added[0];
          if (first !== undefined) {
            if (first.tabIndex < 0) first.setAttribute('tabindex', '-1');
            first.focus();
          }
          control.remove();
          return;
        }
        button.disabled = false;
        draw();
      } catch (error) {
        button.disabled = false;
        status.textContent = `Could not load more: ${error instanceof Error ? error.message : String(error)}`;
      }
    })();
  });
  return control;
}
