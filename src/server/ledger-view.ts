import type { AuditEntry, Store } from '../store/store.js';
import type { Ledger } from '../types/ledger.js';
import {
  type AuditBySubject,
  answerText,
  type LedgerAsk,
  type LedgerLookup,
  type LedgerLookupAnswers,
  lookUp,
} from './ledger-answers.js';
import type { LedgerBuildReport } from './ledger-build-status.js';
import type { LedgerLoader } from './ledger-cache.js';
import { prepareLedger } from './ledger-query.js';
import { type CachedBody, serialize } from './response-cache.js';

/**
 * One built ledger as the routes see it: answers to questions about it, never the ledger itself.
 * The ledger may live in this thread (`ledgerViewOf`) or in the ledger worker
 * (`workerLedgerViews`), which holds it alone and sends back only answers.
 *
 * @example
 * const view = await deps.ledger.current();
 * const body = await responses.body(view.version, key, () => view.body({ kind: 'timeline', filter }));
 */
export interface LedgerView {
  /** Names this build of the ledger: a new build has a new one (answer caches are kept per version). */
  readonly version: string;
  /** The answer as the API sends it: JSON text (an export: its text). Rejects with `HttpError` as the routes would. */
  text(ask: LedgerAsk): Promise<string>;
  /**
   * The JSON answer serialized for sending many times (bytes, entity tag, gzip; `serialize`), made
   * where the ledger is, so a worker spares the desk's thread the encoding and compression.
   */
  body(ask: LedgerAsk): Promise<CachedBody>;
  /** A look-up the desk reads itself (an event, the event of a report event, a claim), null when absent. */
  lookUp<A extends LedgerLookup>(ask: A): Promise<LedgerLookupAnswers[A['kind']]>;
}

/**
 * Builds a ledger from the store and gives the view of it; `report`, when given, is told that the
 * build started, how far it got, and how it ended (the worker's loader tells it of every build it
 * makes, also one an answer had to wait for after the worker was started again).
 *
 * @example const view = await load(store); await view.text({ kind: 'origins', limit: 10, offset: 0 })
 * @example await load(store, (report) => status.report(report))
 */
export type LedgerViewLoader = (
  store: Store,
  report?: (report: LedgerBuildReport) => void,
) => Promise<LedgerView>;

/**
 * The desk's ledger as the routes reach it: the current view (rebuilt when the store changed) and
 * a way to drop it after a write through the desk. `LedgerCache` is the one the desk uses.
 *
 * @example const view = await deps.ledger.current(); deps.ledger.invalidate();
 */
export interface LedgerAccess {
  current(): Promise<LedgerView>;
  invalidate(): void;
}

/**
 * The view of a ledger held in this thread; history on event and claim pages is read from
 * `store`'s audit log once per view. Prepares the ledger's lookups first (`prepareLedger`).
 *
 * @example const view = ledgerViewOf(await loadLedger(store), store, 'v1');
 */
export function ledgerViewOf(ledger: Ledger, store: Pick<Store, 'auditLog'>, version: string): LedgerView {
  prepareLedger(ledger);
  let grouped: Promise<Map<string, AuditEntry[]>> | null = null;
  const audit: AuditBySubject = () => {
    if (grouped === null) {
      const reading = store.auditLog().then(bySubject);
      // A failed read is tried again by the next page that needs it.
      reading.catch(() => {
        if (grouped === reading) grouped = null;
      });
      grouped = reading;
    }
    return grouped;
  };
  return {
    version,
    text: (ask) => answerText(ledger, ask, audit),
    body: async (ask) => serialize(await answerText(ledger, ask, audit), JSON_TYPE),
    lookUp: async (ask) => lookUp(ledger, ask),
  };
}

const JSON_TYPE = 'application/json';

/**
 * A `LedgerViewLoader` over a ledger built in this thread by `load` (tests, `:memory:` ledgers).
 *
 * @example createApp({ store, auth, ledgerViews: inProcessLedgerViews(loadLedger) })
 */
export function inProcessLedgerViews(load: LedgerLoader): LedgerViewLoader {
  let builds = 0;
  return async (store, report) => {
    report?.({ kind: 'started' });
    try {
      const ledger = await load(
        store,
        report === undefined ? {} : { onProgress: (progress) => report({ kind: 'progress', progress }) },
      );
      builds += 1;
      const view = ledgerViewOf(ledger, store, `in-process ${builds}`);
      report?.({ kind: 'built', events: ledger.events.length });
      return view;
    } catch (error) {
      report?.({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };
}

function bySubject(entries: readonly AuditEntry[]): Map<string, AuditEntry[]> {
  const grouped = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const list = grouped.get(entry.subject);
    if (list === undefined) grouped.set(entry.subject, [entry]);
    else list.push(entry);
  }
  return grouped;
}
