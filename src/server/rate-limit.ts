/**
 * A fixed-window counter per key: at most `limit` hits per `windowMs`. In memory: a team server
 * runs one process, and a restart forgetting the counts is acceptable for login throttling.
 *
 * @example
 * const logins = new RateLimiter({ limit: 5, windowMs: 60_000 });
 * const { allowed, retryAfterMs } = logins.hit(`${ip}|${user}`);
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #clock: () => number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: { limit: number; windowMs: number; clock?: () => number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#clock = options.clock ?? Date.now;
  }

  /** Counts one hit for `key`; `allowed` is false once the window's limit is used up. */
  hit(key: string): { allowed: boolean; retryAfterMs: number } {
    const now = this.#clock();
    if (this.#windows.size > 10_000) this.#sweep(now);
    let window = this.#windows.get(key);
    if (window === undefined || now - window.start >= this.#windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    const retryAfterMs = window.start + this.#windowMs - now;
    return { allowed: window.count <= this.#limit, retryAfterMs };
  }

  /** Forgets `key` (after a successful login, so typos before it do not count later). */
  reset(key: string): void {
    this.#windows.delete(key);
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) {
      if (now - window.start >= this.#windowMs) this.#windows.delete(key);
    }
  }
}
