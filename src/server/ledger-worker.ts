import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { incrementalLedgerLoader } from '../corroborate/load-ledger.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { Ledger } from '../types/ledger.js';
import { HttpError } from './http-error.js';
import type { LedgerAsk } from './ledger-answers.js';
import type { LedgerBuildReport } from './ledger-build-status.js';
import { type LedgerView, ledgerViewOf } from './ledger-view.js';
import type { LedgerWorkerNotice, LedgerWorkerReply, LedgerWorkerRequest } from './worker-ledger-loader.js';

/**
 * Worker-thread entry of `workerLedgerViews`: the one holder of the desk's ledger, with its own
 * connection to the ledger at `workerData.location`. `{ id, build: {} }` (re)builds it and is
 * answered with `{ id, version }`; `{ id, ask, as }` is answered with `{ id, text }` (the answer as
 * the API sends it) or `{ id, body }` (serialized, its buffers transferred), `{ id, error: { code,
 * message } }` (an `HttpError`) or `{ id, failure }`. An ask
 * that finds no ledger (a fresh worker after a failed one) builds it first. Builds run one after
 * another and keep what they built, so a build after a review only applies the new decisions
 * (`incrementalLedgerLoader`); the previous ledger is let go when a new build starts, so two are
 * never held. `{ id, build: { whole: true } }` answers with the whole ledger instead
 * (`workerLedgerLoader`, for measuring that hand-over). Every build, whatever asked for it, tells
 * the desk how it goes with `{ report }` messages (`LedgerWorkerNotice`): started, its progress
 * (at most every ~1 % of the documents read or 2 s, and each stage), built or failed.
 */
const location = (workerData as { location?: string }).location;
const load = incrementalLedgerLoader();
/** Names this worker's builds apart from those of a worker started after it failed. */
const instance = randomUUID().slice(0, 8);
let builds = 0;
let store: Promise<Store> | null = null;
/** The ledger being built or last built. */
let held: Promise<{ ledger: Ledger; view: LedgerView }> | null = null;
/** Resolves when the last build ended (whatever its outcome): builds run one at a time. */
let previous: Promise<void> = Promise.resolve();

function openedStore(): Promise<Store> {
  if (store === null) {
    const opened = openStore(location);
    // A ledger that could not be opened is tried again on the next build.
    opened.catch(() => {
      if (store === opened) store = null;
    });
    store = opened;
  }
  return store;
}

function build(): Promise<{ ledger: Ledger; view: LedgerView }> {
  const next = previous.then(async () => {
    tell({ kind: 'started' });
    try {
      const s = await openedStore();
      const ledger = await load(s, { onProgress: (progress) => tell({ kind: 'progress', progress }) });
      builds += 1;
      const view = ledgerViewOf(ledger, s, `${instance}:${builds}`);
      tell({ kind: 'built', events: ledger.events.length });
      return { ledger, view };
    } catch (error) {
      tell({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  });
  previous = next.then(
    () => undefined,
    () => undefined,
  );
  held = next;
  next.catch(() => {
    if (held === next) held = null;
  });
  return next;
}

function reply(message: LedgerWorkerReply): void {
  parentPort?.postMessage(message);
}

/** Tells the desk how a build goes (before the build's answer, which comes after its last report). */
function tell(report: LedgerBuildReport): void {
  parentPort?.postMessage({ report } satisfies LedgerWorkerNotice);
}

function failure(id: number, error: unknown): LedgerWorkerReply {
  if (error instanceof HttpError) return { id, error: { code: error.code, message: error.message } };
  return { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

async function answer(id: number, ask: LedgerAsk, as: 'text' | 'body'): Promise<void> {
  try {
    const { view } = await (held ?? build());
    if (as === 'text') {
      reply({ id, text: await view.text(ask) });
      return;
    }
    const body = await view.body(ask);
    // The serialized bytes move to the desk's thread instead of being copied.
    const buffers = [body.bytes, body.gzip].flatMap((b) => (b === null ? [] : [b.buffer]));
    parentPort?.postMessage({ id, body } satisfies LedgerWorkerReply, buffers);
  } catch (error) {
    reply(failure(id, error));
  }
}

parentPort?.on('message', (message: LedgerWorkerRequest) => {
  if ('close' in message) {
    void (store ?? Promise.resolve(null)).then((s) => s?.close()).finally(() => parentPort?.close());
    return;
  }
  const { id } = message;
  if ('ask' in message) {
    void answer(id, message.ask, message.as);
    return;
  }
  build().then(
    ({ ledger, view }) => reply(message.build.whole ? { id, ledger } : { id, version: view.version }),
    (error: unknown) => reply(failure(id, error)),
  );
});
