import { type LedgerLoadOptions, readingProgress } from '../corroborate/build-progress.js';
import { type DocumentDigest, digestDocument } from '../corroborate/document-digest.js';
import type { LedgerInputDocument } from '../corroborate/input-document.js';
import { assignOriginsOfSignals, groupOrigins, originSignals } from '../corroborate/origins.js';
import type { Store, StoredDocument } from '../store/store.js';
import type { AnalysisRecord } from '../types/analysis-record.js';
import type { LedgerOrigin } from '../types/ledger.js';

const PAGE = 1000;

/**
 * Every stored document's catalogue row (retracted ones too), in id order, read a page at a time.
 *
 * @example (await listAllDocuments(store)).filter((d) => d.status === 'active').length
 */
export async function listAllDocuments(store: Store): Promise<StoredDocument[]> {
  const all: StoredDocument[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({ limit: PAGE, offset });
    for (const doc of page) all.push(doc);
    if (page.length < PAGE) return all;
  }
}

/**
 * What the ledger is built from, as one string: each active document's id, content hash, version
 * and catalogue fields. Equal fingerprints mean the same ledger inputs (review decisions aside).
 *
 * @example ledgerInputsFingerprint(await listAllDocuments(store)) === kept // nothing to reload
 */
export function ledgerInputsFingerprint(documents: readonly StoredDocument[]): string {
  return documents
    .filter((d) => d.status === 'active')
    .map((d) => [d.id, d.sha256, d.version, d.title, d.publisher, d.url, d.publishedDate].join('\u0000'))
    .join('\n');
}

/**
 * The ledger's active documents with their analysis records, as `buildLedger` takes them
 * (retracted documents are left out; nothing is deleted). `listed` are the catalogue rows when
 * the caller has read them already.
 *
 * @example const docs = await loadLedgerInputs(store); docs[0].record.claims.length
 */
export async function loadLedgerInputs(
  store: Store,
  listed?: readonly StoredDocument[],
): Promise<LedgerInputDocument[]> {
  const inputs: LedgerInputDocument[] = [];
  for (const doc of listed ?? (await listAllDocuments(store))) {
    if (doc.status !== 'active') continue;
    const record = await store.getRecord(doc.id);
    if (!record) continue;
    inputs.push(ledgerInput(doc, record));
  }
  return inputs;
}

/** A catalogue row and its analysis record as the ledger builder takes them. */
function ledgerInput(doc: StoredDocument, record: AnalysisRecord): LedgerInputDocument {
  const { id, sha256, title, publisher, url, publishedDate } = doc;
  return { id, sha256, title, publisher, url, publishedDate, record };
}

/** Records read per page while the ledger's inputs are streamed: a page's JSON is all that is held of them at once. */
const RECORD_PAGE = 250;

/**
 * Calls `use` with each active document and its analysis record, reading the records a page at
 * a time (`Store.recordsPage`), so only one page of records is held at once: what `use` keeps of
 * a record is what stays. Documents come in the store's id order; retracted ones and documents
 * without a record are left out. `listed` are the catalogue rows when the caller has read them.
 *
 * @example await forEachLedgerInput(store, (doc) => { signatures.push(originSignals(doc)); });
 */
export async function forEachLedgerInput(
  store: Store,
  use: (doc: LedgerInputDocument) => void,
  listed?: readonly StoredDocument[],
  pageSize: number = RECORD_PAGE,
): Promise<void> {
  const active = new Map(
    (listed ?? (await listAllDocuments(store))).filter((d) => d.status === 'active').map((d) => [d.id, d]),
  );
  let afterId: string | null = null;
  for (;;) {
    const page = await store.recordsPage({ afterId, limit: pageSize });
    for (const { documentId, record } of page) {
      const doc = active.get(documentId);
      if (!doc) continue;
      use(ledgerInput(doc, record));
    }
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    afterId = last.documentId;
  }
}

/**
 * The digests of the ledger's active documents (see `digestDocument`), the records streamed a
 * page at a time and let go once digested: what the ledger builder needs of a large ledger,
 * without holding its records. `options.onProgress` is told how many of the active documents
 * were read (stage `reading`, at most every ~1 % or 2 s, and once at the end).
 *
 * @example const builder = new LedgerBuilder(await loadLedgerDigests(store));
 * @example await loadLedgerDigests(store, listed, { onProgress: (p) => log(p.documentsRead) });
 */
export async function loadLedgerDigests(
  store: Store,
  listed?: readonly StoredDocument[],
  options: LedgerLoadOptions = {},
): Promise<DocumentDigest[]> {
  const catalogue = listed ?? (await listAllDocuments(store));
  const read = readingProgress(options.onProgress, catalogue.filter((d) => d.status === 'active').length);
  const digests: DocumentDigest[] = [];
  await forEachLedgerInput(
    store,
    (doc) => {
      digests.push(digestDocument(doc));
      read();
    },
    catalogue,
  );
  read.done();
  return digests;
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
  let origins: LedgerOrigin[];
  if (inputs) origins = groupOrigins(inputs);
  else {
    // Only the origin signals of each record are kept: a large ledger's records need not fit in memory.
    const signals: ReturnType<typeof originSignals>[] = [];
    await forEachLedgerInput(store, (doc) => signals.push(originSignals(doc)));
    origins = assignOriginsOfSignals(signals).origins;
  }
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
