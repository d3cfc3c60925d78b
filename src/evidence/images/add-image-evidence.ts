import { createHash } from 'node:crypto';
import type { Store } from '../../store/store.js';
import type { EvidenceItem, EvidenceSubject, ImageFinding } from '../../types/evidence.js';
import { type ExamineImageOptions, examineImage, type ImageProblem } from './examine-image.js';
import { DEFAULT_REUSE_THRESHOLD, earlierAppearances, ImageReuseIndex } from './reuse-index.js';

/** Options for {@link addImageEvidence}. */
export interface AddImageEvidenceOptions extends ExamineImageOptions {
  /** What the image bears on (claims, events, its document); may be empty. */
  readonly subjects: readonly EvidenceSubject[];
  /** User name, or `ingest`. */
  readonly addedBy: string;
  /** Where the bytes came from (URL or file path). */
  readonly sourceUrl: string | null;
  readonly note?: string | null;
  /** ISO time the bytes were retrieved (default: now). */
  readonly retrievedAt?: string;
  /** Publication date of the document the image came with, for the batch index (`index`). */
  readonly publishedDate?: string | null;
  /** Time source (default: the system clock). */
  readonly clock?: () => Date;
  /** Hamming distance for a re-use match (default {@link DEFAULT_REUSE_THRESHOLD}). */
  readonly reuseThreshold?: number;
  /**
   * A re-use index to consult and extend, for batches (many images in one run): without it the
   * index is built from `store.imageHashes()` on each call.
   */
  readonly index?: ImageReuseIndex;
}

/**
 * The outcome of adding one image: stored (or already there) with its evidence item, or the
 * examination's problem.
 *
 * @example { status: 'new', item: { id: 'ev:3f9a1c0b2d4e', … } }
 */
export type AddImageEvidenceResult =
  | { readonly status: 'new' | 'duplicate'; readonly item: EvidenceItem }
  | {
      readonly status: 'failed';
      readonly problem: ImageProblem;
      readonly sha256: string;
      readonly message: string;
    };

/**
 * Examines an image, looks it up in the ledger's re-use index, and stores it as evidence on its
 * subjects with the bytes archived and an audit entry by `addedBy`. The one call the server,
 * the CLI and ingest share. Bad images come back as `failed`, never thrown; store I/O errors throw.
 *
 * @example
 * const result = await addImageEvidence(store, bytes, {
 *   subjects: [{ kind: 'claim', id: 'north-desk-1:c2' }], addedBy: 'ana', sourceUrl: 'photo.jpg' });
 * if (result.status !== 'failed') console.log(result.item.finding.reuse[0]?.date);
 */
export async function addImageEvidence(
  store: Store,
  bytes: Uint8Array,
  options: AddImageEvidenceOptions,
): Promise<AddImageEvidenceResult> {
  const examined = await examineImage(bytes, options);
  if (!examined.ok)
    return {
      status: 'failed',
      problem: examined.problem,
      sha256: examined.sha256,
      message: examined.message,
    };
  const { image } = examined;
  const id = evidenceIdOf(image.sha256, options.subjects);
  const existing = await store.getEvidence(id);
  if (existing !== null) return { status: 'duplicate', item: existing };

  const index = options.index ?? ImageReuseIndex.fromStored(await store.imageHashes());
  const documentIds = options.subjects.filter((s) => s.kind === 'document').map((s) => s.id);
  const addedAt = (options.clock ?? (() => new Date()))().toISOString();
  const appearedOn = options.publishedDate ?? (await publicationDateOf(store, options.subjects)) ?? addedAt;
  const finding: ImageFinding = {
    kind: 'image',
    sha256: image.sha256,
    mediaType: image.mediaType,
    width: image.width,
    height: image.height,
    perceptualHash: image.perceptualHash,
    cropHashes: image.cropHashes,
    metadata: image.metadata,
    c2pa: image.c2pa,
    reuse: earlierAppearances(
      index,
      {
        perceptualHash: image.perceptualHash,
        cropHashes: image.cropHashes,
        sha256: image.sha256,
        documentIds,
        sourceUrl: options.sourceUrl,
        date: appearedOn,
      },
      options.reuseThreshold ?? DEFAULT_REUSE_THRESHOLD,
    ),
    sourceUrl: options.sourceUrl,
  };
  const item: EvidenceItem = {
    id,
    subjects: options.subjects,
    addedBy: options.addedBy,
    addedAt,
    finding,
    note: options.note ?? null,
  };
  const put = await store.putEvidence(item, {
    bytes,
    mediaType: image.mediaType,
    originUrl: options.sourceUrl,
    retrievedAt: options.retrievedAt ?? addedAt,
  });
  if (put.status === 'duplicate') return { status: 'duplicate', item: (await store.getEvidence(id)) ?? item };
  if (options.index !== undefined) {
    const appearance = {
      evidenceId: id,
      sha256: image.sha256,
      perceptualHash: image.perceptualHash,
      cropHashes: image.cropHashes,
    };
    if (documentIds.length === 0)
      options.index.add({
        ...appearance,
        documentId: null,
        url: options.sourceUrl,
        date: addedAt,
        dateSource: 'added',
      });
    for (const documentId of documentIds) {
      // dated and located as `store.imageHashes()` will give it, so a kept index matches a rebuilt one
      const document = options.publishedDate === undefined ? await store.getDocument(documentId) : null;
      const published = options.publishedDate ?? document?.publishedDate ?? null;
      options.index.add({
        ...appearance,
        documentId,
        url: options.sourceUrl ?? document?.url ?? null,
        date: published ?? addedAt,
        dateSource: published ? 'published' : 'added',
      });
    }
  }
  return { status: 'new', item };
}

/**
 * When the image appeared, from the documents it is on (or the documents of its claims and
 * report events, `DOC:ID`): the earliest publication date found, or null.
 *
 * @example await publicationDateOf(store, [{ kind: 'claim', id: 'north-desk-1:c2' }]) // '2024-02-28'
 */
export async function publicationDateOf(
  store: Pick<Store, 'getDocument'>,
  subjects: readonly EvidenceSubject[],
): Promise<string | null> {
  const ids = new Set<string>();
  for (const s of subjects) {
    if (s.kind === 'document') ids.add(s.id);
    else if (s.id.includes(':')) ids.add(s.id.slice(0, s.id.lastIndexOf(':')));
  }
  const dates: string[] = [];
  for (const id of ids) {
    const date = (await store.getDocument(id))?.publishedDate;
    if (date) dates.push(date);
  }
  return dates.sort()[0] ?? null;
}

/**
 * The evidence id of an image on its subjects: the same bytes on the same subjects are one item.
 *
 * @example evidenceIdOf('9f86d0…', [{ kind: 'claim', id: 'north-desk-1:c2' }]) // 'ev:…' (12 hex digits)
 */
export function evidenceIdOf(sha256: string, subjects: readonly EvidenceSubject[]): string {
  const key = ['image', sha256, ...subjects.map((s) => `${s.kind}:${s.id}`).sort()].join('\n');
  return `ev:${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}
