import type { LedgerBuildProgress, LedgerBuildStage } from '../corroborate/build-progress.js';
import { STAGE_WORDS } from '../corroborate/build-progress.js';
import { HttpError } from './http-error.js';
import type { LedgerAccess, LedgerView } from './ledger-view.js';

/**
 * What a ledger build tells the desk as it goes, wherever it runs (this thread or the ledger
 * worker): it started, how far it got, that it built a ledger of `events` events, or that it failed.
 *
 * @example { kind: 'progress', progress: { stage: 'reading', documentsRead: 400, documents: 1000 } }
 */
export type LedgerBuildReport =
  | { readonly kind: 'started' }
  | { readonly kind: 'progress'; readonly progress: LedgerBuildProgress }
  | { readonly kind: 'built'; readonly events: number }
  | { readonly kind: 'failed'; readonly message: string };

/** Where the desk's ledger stands. */
export type LedgerBuildState = 'idle' | 'building' | 'ready' | 'failed';

/**
 * `GET /api/ledger/status`: whether the ledger is built, being built (how far: the stage and the
 * documents read) or failed; when the last build started and the last one that succeeded ended
 * (ISO times), and that ledger's events. `idle`: no request asked for the ledger yet.
 *
 * @example { state: 'building', stage: 'reading', documentsRead: 40000, documents: 100000, startedAt: '2026-11-24T08:00:00.000Z', builtAt: null, events: null, error: null }
 */
export interface LedgerStatusBody {
  readonly state: LedgerBuildState;
  readonly stage: LedgerBuildStage | null;
  readonly documentsRead: number;
  readonly documents: number;
  readonly startedAt: string | null;
  readonly builtAt: string | null;
  readonly events: number | null;
  readonly error: string | null;
  /** While building: how far it has got, in words (as the 503 of a ledger request says it); else null. */
  readonly message: string | null;
}

/** Seconds a client is told to wait (`Retry-After`) before asking again while the ledger is built. */
export const BUILDING_RETRY_AFTER_S = 5;
/** A build is logged only once it has run this long: small ledgers log at most the line when done. */
const LOG_AFTER_MS = 5000;
/** While a build runs, a line at least this often (and at each ~10 % of the documents read). */
const LOG_EVERY_MS = 30_000;

/**
 * The desk's record of its ledger builds, fed with the builds' `LedgerBuildReport`s: what
 * `GET /api/ledger/status` answers, the 503 a ledger request gets after waiting `waitMs` on a
 * build (`within`), and the server's log of long builds (`log`: one line once a build has run a
 * few seconds, then every ~10 % of the documents read, each new stage and at least every 30 s;
 * when it is done, a line saying so for any build that read the documents or was logged).
 *
 * @example
 * const build = new LedgerBuildStatus({ waitMs: 20_000, log: (line) => process.stderr.write(`${line}\n`) });
 * build.report({ kind: 'started' });
 * const view = await build.within(ledger.current(), Date.now() + 20_000); // 503 if still building then
 */
export class LedgerBuildStatus {
  /** How long (ms) a ledger request waits on a build before it is answered 503. */
  readonly waitMs: number;
  readonly #now: () => number;
  readonly #log: ((line: string) => void) | null;
  #state: LedgerBuildState = 'idle';
  #progress: LedgerBuildProgress = { stage: 'listing', documentsRead: 0, documents: 0 };
  #startedAt: number | null = null;
  #builtAt: number | null = null;
  #events: number | null = null;
  #error: string | null = null;
  /** Of the current build: whether it read the documents, and what was logged last. */
  #read = false;
  #logged: { at: number; stage: LedgerBuildStage; tenth: number } | null = null;
  #ticker: ReturnType<typeof setInterval> | null = null;

  constructor(options: { waitMs?: number; now?: () => number; log?: ((line: string) => void) | null } = {}) {
    this.waitMs = options.waitMs ?? 20_000;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? null;
  }

  /** Whether a build is under way. */
  get building(): boolean {
    return this.#state === 'building';
  }

  /** Takes in what a build told (reports of a build that is not under way are let go, but `started`). */
  report(report: LedgerBuildReport): void {
    if (report.kind === 'started') {
      this.#state = 'building';
      this.#startedAt = this.#now();
      this.#progress = { stage: 'listing', documentsRead: 0, documents: 0 };
      this.#error = null;
      this.#read = false;
      this.#logged = null;
      if (this.#log !== null && this.#ticker === null) {
        // A long stage reports nothing: the clock makes its lines.
        this.#ticker = setInterval(() => this.#logProgress(), 1000);
        this.#ticker.unref();
      }
      return;
    }
    if (this.#state !== 'building') return;
    if (report.kind === 'progress') {
      this.#progress = report.progress;
      if (report.progress.stage === 'reading') this.#read = true;
      this.#logProgress();
      return;
    }
    this.#stopTicker();
    if (report.kind === 'failed') {
      this.#state = 'failed';
      this.#error = report.message;
      return;
    }
    this.#state = 'ready';
    this.#builtAt = this.#now();
    this.#events = report.events;
    if (this.#log !== null && (this.#read || this.#logged !== null)) {
      this.#log(
        `corroborate serve: built the ledger: ${count(report.events)} events from ` +
          `${count(this.#progress.documents)} documents in ${duration(this.#builtAt - (this.#startedAt ?? this.#builtAt))}`,
      );
    }
  }

  /** The status as `GET /api/ledger/status` answers it. */
  status(): LedgerStatusBody {
    const building = this.#state === 'building';
    return {
      state: this.#state,
      stage: building ? this.#progress.stage : null,
      documentsRead: this.#progress.documentsRead,
      documents: this.#progress.documents,
      startedAt: iso(this.#startedAt),
      builtAt: iso(this.#builtAt),
      events: this.#events,
      error: this.#error,
      message: building ? `the ledger is being built: ${this.describe()}` : null,
    };
  }

  /**
   * How far the build under way has got, in words.
   *
   * @example build.describe() // '40,000 of 100,000 documents read, started 2 min 10 s ago'
   */
  describe(): string {
    return `${this.#stageWords()}, started ${duration(this.#now() - (this.#startedAt ?? this.#now()))} ago`;
  }

  /**
   * What `work` (a ledger request's wait for the ledger or its answer) gives, unless it is still
   * pending at `until` (a time in ms) while a build is under way: then a 503 `unavailable` with
   * `Retry-After` and how far the build has got. The work goes on (the build is not stopped, and a
   * later request finds it done). Pending work with no build under way is waited for.
   *
   * @example const view = await build.within(deps.ledger.current(), Date.now() + build.waitMs);
   */
  async within<T>(work: Promise<T>, until: number): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<'waited'>((resolve) => {
      timer = setTimeout(() => resolve('waited'), Math.max(0, until - this.#now()));
    });
    try {
      const first = await Promise.race([work.then((value) => ({ value })), waited]);
      if (first !== 'waited') return first.value;
      if (this.building) throw this.unavailable();
      return await work;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The 503 a ledger request gets while the ledger is being built. */
  unavailable(): HttpError {
    return new HttpError(
      'unavailable',
      `the ledger is being built: ${this.describe()}; try again in a few seconds`,
      { retryAfter: BUILDING_RETRY_AFTER_S },
    );
  }

  #stageWords(): string {
    const { stage, documentsRead, documents } = this.#progress;
    if (stage === 'listing') return STAGE_WORDS.listing;
    const read = `${count(documentsRead)} of ${count(documents)} documents read`;
    return stage === 'reading' ? read : `${read}, ${STAGE_WORDS[stage]}`;
  }

  /** A log line for the build under way, when one is due. */
  #logProgress(): void {
    if (this.#log === null || this.#state !== 'building' || this.#startedAt === null) return;
    const now = this.#now();
    const elapsed = now - this.#startedAt;
    if (elapsed < LOG_AFTER_MS) return;
    const { stage, documentsRead, documents } = this.#progress;
    // The last document read: the next stage, which follows at once, says so.
    if (stage === 'reading' && documents > 0 && documentsRead >= documents) return;
    const tenth = documents === 0 ? 0 : Math.floor((documentsRead / documents) * 10);
    const last = this.#logged;
    if (last !== null && now - last.at < LOG_EVERY_MS && last.stage === stage && last.tenth === tenth) return;
    this.#logged = { at: now, stage, tenth };
    this.#log(`corroborate serve: building the ledger: ${this.#stageWords()} (${duration(elapsed)})`);
  }

  #stopTicker(): void {
    if (this.#ticker !== null) clearInterval(this.#ticker);
    this.#ticker = null;
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** A count with thousands separated: 100,000. */
function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * A span of time as the desk's log says it.
 *
 * @example duration(891_000) // '14 min 51 s'
 * @example duration(400) // '0.4 s'
 */
export function duration(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/**
 * The desk's current ledger view for one request, which waits on a build at most `build.waitMs`
 * in all (for the ledger, then for each answer: a ledger worker started again builds before it
 * answers), then is answered 503 with how far the build has got (`LedgerBuildStatus.within`).
 *
 * @example const view = await viewWithin(deps.ledger, deps.ledgerBuild); await view.body(ask)
 */
export async function viewWithin(access: LedgerAccess, build: LedgerBuildStatus): Promise<LedgerView> {
  const until = Date.now() + build.waitMs;
  const view = await build.within(access.current(), until);
  return {
    version: view.version,
    text: (ask) => build.within(view.text(ask), until),
    body: (ask) => build.within(view.body(ask), until),
    lookUp: (ask) => build.within(view.lookUp(ask), until),
  };
}
