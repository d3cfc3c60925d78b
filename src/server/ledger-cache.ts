import type { LedgerLoadOptions } from '../corroborate/build-progress.js';
import type { Store } from '../store/store.js';
import type { Ledger } from '../types/ledger.js';

/** Builds the ledger from the store (the corroborate library's `loadLedger`), telling `options.onProgress` how far it got. */
export type LedgerLoader = (store: Store, options?: LedgerLoadOptions) => Promise<Ledger>;

/**
 * The current ledger (or what stands for it: a `LedgerView` of a ledger held by the worker), built once and rebuilt when the store changes: after a review through this
 * desk (`invalidate`), or when what it is built from changed (another process ingested, updated,
 * retracted or reviewed), checked at most every `recheckMs`. Concurrent readers share one build.
 *
 * A check reads the store's change mark (`Store.changeMark`, next to free); only when it moved
 * is the content stamp read (`Store.contentStamp`: the documents, origins and last audit entry,
 * tens of milliseconds at 100k documents), and only when that moved is the ledger rebuilt.
 *
 * @example
 * const ledger = new LedgerCache(store, loadLedger);
 * const { events } = await ledger.current();
 */
export class LedgerCache<T = Ledger> {
  readonly #store: Store;
  readonly #load: (store: Store) => Promise<T>;
  readonly #recheckMs: number;
  readonly #now: () => number;
  #built: { ledger: T; fingerprint: string; mark: string; checkedAt: number } | null = null;
  #pending: Promise<T> | null = null;
  #generation = 0;

  constructor(
    store: Store,
    load: (store: Store) => Promise<T>,
    options: { recheckMs?: number; now?: () => number } = {},
  ) {
    this.#store = store;
    this.#load = load;
    this.#recheckMs = options.recheckMs ?? 2000;
    this.#now = options.now ?? Date.now;
  }

  /** The ledger as of the store's latest state (within `recheckMs` for outside writers). */
  async current(): Promise<T> {
    const built = this.#built;
    if (built !== null && this.#now() - built.checkedAt < this.#recheckMs) return built.ledger;
    if (this.#pending !== null) return this.#pending;
    this.#pending = this.#refresh(built).finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  /** Forgets the built ledger: the next read rebuilds it (after a write through the desk). */
  invalidate(): void {
    this.#generation += 1;
    this.#built = null;
    this.#pending = null;
  }

  async #refresh(built: { ledger: T; fingerprint: string; mark: string } | null): Promise<T> {
    const generation = this.#generation;
    // The mark is read first: a write after it moves it again, and the next check sees that.
    const mark = await this.#store.changeMark();
    if (built !== null && built.mark === mark) {
      this.#built = { ...built, checkedAt: this.#now() };
      return built.ledger;
    }
    const fingerprint = await this.#store.contentStamp();
    if (built !== null && built.fingerprint === fingerprint) {
      if (generation === this.#generation) this.#built = { ...built, mark, checkedAt: this.#now() };
      return built.ledger;
    }
    const ledger = await this.#load(this.#store);
    if (generation === this.#generation) this.#built = { ledger, fingerprint, mark, checkedAt: this.#now() };
    return ledger;
  }
}
