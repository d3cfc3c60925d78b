import { readFile } from 'node:fs/promises';
import { type AddImageEvidenceOptions, addImageEvidence } from '../evidence/images/add-image-evidence.js';
import { ImageReuseIndex } from '../evidence/images/reuse-index.js';
import type { Store } from '../store/store.js';
import type { Fetcher } from './fetcher.js';

/** How ingest brings in a page's images. */
export interface DocumentImagesOptions {
  /** Fetches `http(s)` images with the ingest's limits and address policy. */
  readonly fetcher: Fetcher;
  /** Largest image file read from disk, in bytes (fetched ones are capped by the fetcher). */
  readonly maxBytes?: number;
  /** Examination options (trust list, pixel limit, re-use threshold). */
  readonly examine?: Pick<AddImageEvidenceOptions, 'trustList' | 'limitInputPixels' | 'reuseThreshold'>;
}

/**
 * What became of a document's images: how many were stored (or were already), and each one
 * that could not be, with why.
 *
 * @example { added: 2, duplicate: 0, failed: [{ source: 'https://…/gone.jpg', reason: 'HTTP 404 Not Found' }] }
 */
export interface DocumentImagesResult {
  readonly added: number;
  readonly duplicate: number;
  readonly failed: readonly { readonly source: string; readonly reason: string }[];
}

/** One re-use index per ingest run (per options object): built once, extended with each image added. */
const indexes = new WeakMap<DocumentImagesOptions, Promise<ImageReuseIndex>>();

/**
 * Fetches (or reads, for a page from disk) each image a document references, examines it and
 * stores it as evidence on the document, added by `ingest`. A missing, refused or broken image
 * is recorded in `failed`; it never fails the document.
 *
 * @example
 * await storeDocumentImages(store, 'north-desk-1', ['https://north-desk.example/img/1.jpg'], { fetcher }, '2024-02-28')
 */
export async function storeDocumentImages(
  store: Store,
  documentId: string,
  refs: readonly string[],
  options: DocumentImagesOptions,
  publishedDate: string | null,
): Promise<DocumentImagesResult> {
  let added = 0;
  let duplicate = 0;
  const failed: { source: string; reason: string }[] = [];
  if (refs.length === 0) return { added, duplicate, failed };
  let index = indexes.get(options);
  if (index === undefined) {
    index = store.imageHashes().then((rows) => ImageReuseIndex.fromStored(rows));
    indexes.set(options, index);
  }
  for (const ref of refs) {
    const fetched = await imageBytes(ref, options);
    if (!fetched.ok) {
      failed.push({ source: ref, reason: fetched.reason });
      continue;
    }
    try {
      const result = await addImageEvidence(store, fetched.bytes, {
        ...options.examine,
        subjects: [{ kind: 'document', id: documentId }],
        addedBy: 'ingest',
        sourceUrl: ref,
        retrievedAt: fetched.retrievedAt,
        publishedDate,
        index: await index,
      });
      if (result.status === 'failed') failed.push({ source: ref, reason: result.message });
      else if (result.status === 'new') added += 1;
      else duplicate += 1;
    } catch (error) {
      failed.push({ source: ref, reason: `could not store: ${(error as Error).message}` });
    }
  }
  return { added, duplicate, failed };
}

async function imageBytes(
  ref: string,
  options: DocumentImagesOptions,
): Promise<{ ok: true; bytes: Uint8Array; retrievedAt: string } | { ok: false; reason: string }> {
  if (/^https?:\/\//i.test(ref)) {
    const outcome = await options.fetcher.fetch(ref, { accept: 'image' });
    return outcome.ok
      ? { ok: true, bytes: outcome.page.bytes, retrievedAt: outcome.page.retrievedAt }
      : { ok: false, reason: outcome.reason };
  }
  try {
    const bytes = await readFile(ref);
    const max = options.maxBytes ?? 50 * 1024 * 1024;
    if (bytes.byteLength > max)
      return { ok: false, reason: `${bytes.byteLength} bytes exceeds the limit of ${max}` };
    return { ok: true, bytes, retrievedAt: new Date().toISOString() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : (error as Error).message };
  }
}
