import type { LedgerInputDocument } from '../corroborate/input-document.js';
import { groupOrigins } from '../corroborate/origins.js';
import type { Store } from '../store/store.js';
import type { LedgerOrigin } from '../types/ledger.js';

const PAGE = 1000;

/**
 * The ledger's active documents with their analysis records, as `buildLedger` takes them
 * (retracted documents are left out; nothing is deleted).
 *
 * @example const docs = await loadLedgerInputs(store); docs[0].record.claims.length
 */
export async function loadLedgerInputs(store: Store): Promise<LedgerInputDocument[]> {
  const inputs: LedgerInputDocument[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({ limit: PAGE, offset });
    for (const doc of page) {
      if (doc.status !== 'active') continue;
      const record = await store.getRecord(doc.id);
      if (!record) continue;
      inputs.push({
        id: doc.id,
        sha256: doc.sha256,
        title: doc.title,
        publisher: doc.publisher,
        url: doc.url,
        publishedDate: doc.publishedDate,
        record,
      });
    }
    if (page.length < PAGE) return inputs;
  }
}

/**
 * Recomputes which documents are copies of one another and stores the grouping (after an
 * ingest). Origins already stored with the same members and method are left alone, so a re-run
 * over the same documents writes nothing.
 *
 * @example const origins = await refreshOrigins(store); // e.g. 2 origins over 3 documents
 */
export async function refreshOrigins(
  store: Store,
  inputs?: LedgerInputDocument[],
): Promise<{ origins: LedgerOrigin[]; changed: number }> {
  const documents = inputs ?? (await loadLedgerInputs(store));
  const origins = groupOrigins(documents);
  const stored = new Map(
    (await store.listOrigins()).map((o) => [o.id, `${o.method}|${[...o.documentIds].sort().join('\n')}`]),
  );
  let changed = 0;
  for (const origin of origins) {
    const key = `${origin.method}|${[...origin.documentIds].sort().join('\n')}`;
    if (stored.get(origin.id) === key) continue;
    await store.assignOrigin(origin.id, origin.documentIds, origin.method);
    changed++;
  }
  return { origins, changed };
}
