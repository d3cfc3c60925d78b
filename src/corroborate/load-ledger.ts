import { ledgerInputsFingerprint, listAllDocuments, loadLedgerDigests } from '../ingest/stored-documents.js';
import type { Store } from '../store/store.js';
import type { Ledger, ReviewDecision } from '../types/ledger.js';
import { LedgerBuilder } from './build-ledger.js';
import type { LedgerBuildStage, LedgerLoadOptions } from './build-progress.js';
import { withMeasurementChecks } from './measurement-checks.js';

/**
 * Audit-log actions that carry a review decision (`after` is the `ReviewDecision` as JSON).
 *
 * @example await store.appendAudit({ actor: 'amira', action: REVIEW_ACTIONS.merge, subject: 'event:a', after: decision })
 */
export const REVIEW_ACTIONS: Readonly<Record<ReviewDecision['kind'], string>> = {
  merge: 'review.merge',
  split: 'review.split',
  'set-status': 'review.set-status',
  'rate-claim': 'review.rate',
};

/**
 * The review decisions in the audit log, oldest first, for `buildLedger` to replay.
 * Entries whose `after` is not a decision of the action's kind are ignored.
 *
 * @example await loadReviewDecisions(store) // [{ kind: 'merge', members: [...], by: 'amira', … }]
 */
export async function loadReviewDecisions(store: Store): Promise<ReviewDecision[]> {
  const kinds = new Map(Object.entries(REVIEW_ACTIONS).map(([kind, action]) => [action, kind]));
  const decisions: ReviewDecision[] = [];
  for (const entry of await store.auditLog()) {
    const kind = kinds.get(entry.action);
    if (!kind || entry.after === null) continue;
    try {
      const decision = JSON.parse(entry.after) as ReviewDecision;
      if (decision?.kind === kind) decisions.push(decision);
    } catch {
      // An entry written by hand with broken JSON is history, not a decision.
    }
  }
  return decisions;
}

/**
 * Builds the ledger from what the store holds: documents and records, clustered into events,
 * with the analysts' decisions replayed. The records are read a page at a time and digested
 * (`loadLedgerDigests`): only their digests are held while the ledger is built. `options.onProgress`
 * is told how far it has got (see `LedgerBuildStage`).
 *
 * @example const ledger = await loadLedger(store); ledger.events.length
 */
export async function loadLedger(store: Store, options: LedgerLoadOptions = {}): Promise<Ledger> {
  const progress = stageReporter(options);
  progress('listing');
  const listed = await listAllDocuments(store);
  const [documents, decisions] = await Promise.all([
    loadLedgerDigests(store, listed, options),
    loadReviewDecisions(store),
  ]);
  progress('clustering', documents.length);
  const builder = new LedgerBuilder(documents);
  progress('assembling');
  const ledger = builder.build(decisions);
  progress('checking');
  return withMeasurementChecks(ledger, await store.listEvidence({ kind: 'measurement' }));
}

/**
 * A ledger loader for a long-lived process (the desk) that keeps what it built: when the store's
 * documents are the same as at the last load (only review decisions were added), the decisions
 * are read and applied to the kept `LedgerBuilder`, which re-assembles only the events they touch;
 * otherwise the records are streamed again (a page at a time, each digested and let go) and a new
 * builder made. Each load gives what `loadLedger` gives, and tells `options.onProgress` how far
 * it has got (a load that only applies decisions starts at `assembling`).
 *
 * @example
 * const load = incrementalLedgerLoader();
 * await load(store, { onProgress: (p) => console.log(p.stage, p.documentsRead, p.documents) }); // builds
 * await store.appendAudit(review); await load(store); // applies the review only
 */
export function incrementalLedgerLoader(): (store: Store, options?: LedgerLoadOptions) => Promise<Ledger> {
  let kept: { fingerprint: string; builder: LedgerBuilder; documents: number } | null = null;
  return async (store, options = {}) => {
    const progress = stageReporter(options);
    progress('listing');
    const [listed, decisions] = await Promise.all([listAllDocuments(store), loadReviewDecisions(store)]);
    const fingerprint = ledgerInputsFingerprint(listed);
    if (kept === null || kept.fingerprint !== fingerprint) {
      // Forget the old builder first: two ledgers' inputs need not fit in memory together.
      kept = null;
      const digests = await loadLedgerDigests(store, listed, options);
      progress('clustering', digests.length);
      kept = { fingerprint, builder: new LedgerBuilder(digests), documents: digests.length };
    }
    progress('assembling', kept.documents);
    const ledger = kept.builder.build(decisions);
    progress('checking');
    return withMeasurementChecks(ledger, await store.listEvidence({ kind: 'measurement' }));
  };
}

/**
 * Tells `options.onProgress` that a stage after reading began; the documents count is the last
 * one given (the documents read), 0 before any.
 */
function stageReporter(options: LedgerLoadOptions): (stage: LedgerBuildStage, documents?: number) => void {
  let count = 0;
  return (stage, documents) => {
    if (documents !== undefined) count = documents;
    options.onProgress?.({ stage, documentsRead: count, documents: count });
  };
}
