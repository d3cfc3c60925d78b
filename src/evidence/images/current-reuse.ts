import type { Store } from '../../store/store.js';
import type { EvidenceItem, ImageReuse } from '../../types/evidence.js';
import { publicationDateOf } from './add-image-evidence.js';
import { DEFAULT_REUSE_THRESHOLD, earlierAppearances, ImageReuseIndex } from './reuse-index.js';

/**
 * The re-use index of a long-lived process (the desk), kept between requests: built from
 * `store.imageHashes()` on first use and again only when `store.changeMark()` has moved since (a
 * write by this process or another). An image this process adds goes into the kept index
 * (`addImageEvidence` with `index`) and `wrote` keeps the index current without a rebuild.
 *
 * @example
 * const reuse = new KeptReuseIndex(store);
 * const { index, mark } = await reuse.current();
 * await addImageEvidence(store, bytes, { …, index });
 * await reuse.wrote(mark);
 */
export class KeptReuseIndex {
  readonly #store: Pick<Store, 'changeMark' | 'imageHashes'>;
  #kept: { readonly mark: string; readonly index: Promise<ImageReuseIndex> } | null = null;

  constructor(store: Pick<Store, 'changeMark' | 'imageHashes'>) {
    this.#store = store;
  }

  /** The index as of the store's current change mark, and that mark (to pass to `wrote`). */
  async current(): Promise<{ index: ImageReuseIndex; mark: string }> {
    const mark = await this.#store.changeMark();
    if (this.#kept?.mark !== mark) {
      const index = this.#store.imageHashes().then((rows) => ImageReuseIndex.fromStored(rows));
      this.#kept = { mark, index };
      // a failed build is tried again by the next caller
      index.catch(() => {
        if (this.#kept?.index === index) this.#kept = null;
      });
    }
    return { index: await this.#kept.index, mark };
  }

  /**
   * After this process stored an image and added it to the index it got at `markBefore`: the
   * index stays current when nothing else moved the mark in between (else it is rebuilt on the
   * next `current`).
   */
  async wrote(markBefore: string): Promise<void> {
    const kept = this.#kept;
    if (kept === null || kept.mark !== markBefore) return;
    const mark = await this.#store.changeMark();
    if (this.#kept === kept) this.#kept = { mark, index: kept.index };
  }
}

/**
 * An image item's earlier appearances as the ledger knows them now: what was stored when it was
 * added, merged with the matches in the current index (an earlier report ingested after the image
 * was added shows), earliest first. Other items are returned unchanged.
 *
 * @example const shown = await withCurrentReuse(store, (await reuse.current()).index, item);
 */
export async function withCurrentReuse(
  store: Pick<Store, 'getDocument'>,
  index: ImageReuseIndex,
  item: EvidenceItem,
  maxDistance: number = DEFAULT_REUSE_THRESHOLD,
): Promise<EvidenceItem> {
  const finding = item.finding;
  if (finding.kind !== 'image') return item;
  const found = earlierAppearances(
    index,
    {
      perceptualHash: finding.perceptualHash,
      cropHashes: finding.cropHashes,
      sha256: finding.sha256,
      documentIds: item.subjects.filter((s) => s.kind === 'document').map((s) => s.id),
      sourceUrl: finding.sourceUrl,
      date: (await publicationDateOf(store, item.subjects)) ?? item.addedAt,
    },
    maxDistance,
  ).filter((r) => r.evidenceId !== item.id);
  const merged = new Map<string, ImageReuse>();
  for (const reuse of [...finding.reuse, ...found]) {
    const key = `${reuse.evidenceId}\u0000${reuse.documentId ?? ''}`;
    if (!merged.has(key)) merged.set(key, reuse);
  }
  if (merged.size === finding.reuse.length) return item;
  const reuse = [...merged.values()].sort((a, b) => a.date.localeCompare(b.date) || a.distance - b.distance);
  return { ...item, finding: { ...finding, reuse } };
}

/**
 * For a one-off read (`corroborate evidence list/show`): the items with their images' earlier
 * appearances as the ledger knows them now (`withCurrentReuse`), the index built once from the
 * store when any item is an image.
 *
 * @example const items = await itemsWithCurrentReuse(store, await store.listEvidence());
 */
export async function itemsWithCurrentReuse(
  store: Pick<Store, 'getDocument' | 'imageHashes'>,
  items: readonly EvidenceItem[],
): Promise<EvidenceItem[]> {
  if (!items.some((i) => i.finding.kind === 'image')) return [...items];
  const index = ImageReuseIndex.fromStored(await store.imageHashes());
  return Promise.all(items.map((item) => withCurrentReuse(store, index, item)));
}
