import type { Session } from './api.js';

/** What every view may ask of the app: who is signed in, and how to move to another page. */
export interface Desk {
  session: Session | null;
  navigate(path: string, options?: { replace?: boolean }): void;
  /** Draws the current page again (after a review action, say). */
  refresh(): void;
}

/** The running app's desk; `main.ts` fills it in at start-up. */
export const desk: Desk = {
  session: null,
  navigate: () => undefined,
  refresh: () => undefined,
};

/**
 * Whether the signed-in user may record review decisions (analysts and admins).
 *
 * @example if (canReview()) main.append(reviewPanel(detail.event, detail.totals.members));
 */
export function canReview(): boolean {
  const role = desk.session?.user?.role;
  return role === 'analyst' || role === 'admin';
}
