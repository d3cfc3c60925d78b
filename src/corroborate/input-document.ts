import type { AnalysisRecord } from '../types/analysis-record.js';

/**
 * A stored document as the ledger builder takes it: its catalogue fields and the reader's
 * analysis record.
 *
 * @example { id: 'doc-1', sha256: record.document.sha256, title: 'Drone strike hits depot', publisher: 'North Wire', url: null, publishedDate: '2024-03-13', record }
 */
export interface LedgerInputDocument {
  readonly id: string;
  readonly sha256: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: string | null;
  readonly record: AnalysisRecord;
}

/**
 * Orders documents by publication date (undated last), then id: the "earliest" document of a
 * group anchors its id, whatever order the input came in.
 *
 * @example [b, a].sort(byPublication) // a first when a was published earlier
 */
export function byPublication(a: LedgerInputDocument, b: LedgerInputDocument): number {
  return byDated(
    { id: a.id, dated: a.publishedDate ?? a.record.document.publishedDate },
    { id: b.id, dated: b.publishedDate ?? b.record.document.publishedDate },
  );
}

/**
 * Orders digests of documents (anything with an id and a publication date) as
 * {@link byPublication} orders the documents: by date (undated last), then id.
 *
 * @example digests.sort(byDated) // earliest first
 */
export function byDated(
  a: { readonly id: string; readonly dated: string | null },
  b: { readonly id: string; readonly dated: string | null },
): number {
  const da = a.dated ?? '9999';
  const db = b.dated ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Folds an outlet name for comparison: case, a leading "the", punctuation and spacing.
 *
 * @example foldOutlet('The Valley  Courier.') // 'valley courier'
 */
export function foldOutlet(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}
