/** A view of the desk: draws itself into `main`; the signal aborts its pending work on navigation. */
export type View = (main: HTMLElement, url: URL, signal: AbortSignal) => Promise<void> | void;

/** A route: a path pattern (`/events/:id`) and its view. */
export interface Route {
  readonly pattern: RegExp;
  readonly view: (params: string[]) => View;
}

/**
 * Finds the view for a path.
 *
 * @example matchRoute(routes, '/events/a%3Aev1')
 */
export function matchRoute(routes: readonly Route[], path: string): View | null {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match !== null) return route.view(match.slice(1).map((part) => decodeURIComponent(part)));
  }
  return null;
}

/**
 * The desk's path of one event.
 *
 * @example eventPath('harir-1:ev1') // '/events/harir-1%3Aev1'
 */
export function eventPath(id: string): string {
  return `/events/${encodeURIComponent(id)}`;
}
