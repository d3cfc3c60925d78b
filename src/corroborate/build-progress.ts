/**
 * The stages of a ledger build, in order: the catalogue is listed, the documents' records read
 * (and digested), their events clustered, the ledger's events assembled (the review decisions
 * applied), and the measurements checked against them. A build that only applies new review
 * decisions starts at `assembling`.
 */
export const LEDGER_BUILD_STAGES = ['listing', 'reading', 'clustering', 'assembling', 'checking'] as const;

/** One stage of a ledger build (`LEDGER_BUILD_STAGES`). */
export type LedgerBuildStage = (typeof LEDGER_BUILD_STAGES)[number];

/**
 * How far a ledger build has got: its stage, and the documents read of those it reads (`documents`
 * is 0 until the catalogue is listed; both stay at the total after reading).
 *
 * @example { stage: 'reading', documentsRead: 40_000, documents: 100_000 }
 */
export interface LedgerBuildProgress {
  readonly stage: LedgerBuildStage;
  readonly documentsRead: number;
  readonly documents: number;
}

/** Called with a build's progress: on each new stage, and while reading at most every ~1 % or 2 s. */
export type LedgerProgressListener = (progress: LedgerBuildProgress) => void;

/** What a ledger loader can be told about one load. */
export interface LedgerLoadOptions {
  /** Told how far the build has got (see `LedgerProgressListener`). */
  readonly onProgress?: LedgerProgressListener;
}

/** Words for a stage, as the desk's log and messages say it. */
export const STAGE_WORDS: Readonly<Record<LedgerBuildStage, string>> = {
  listing: 'listing the documents',
  reading: 'reading the documents',
  clustering: 'clustering the reports into events',
  assembling: 'assembling the events',
  checking: 'checking the measurements',
};

/**
 * Counts documents read and tells `listener` how far reading has got: at the first document, then
 * when another ~1 % of `documents` was read or 2 s went by since the last report, and at the last
 * (`done`). The clock is read once per 64 documents, so counting costs next to nothing.
 *
 * @example
 * const read = readingProgress(listener, listed.length);
 * for (const doc of docs) read(); // listener({ stage: 'reading', documentsRead, documents })
 */
export function readingProgress(
  listener: LedgerProgressListener | undefined,
  documents: number,
  now: () => number = Date.now,
): (() => void) & { done: () => void } {
  let read = 0;
  let reported = -1;
  let reportedAt = now();
  const step = Math.max(1, Math.ceil(documents / 100));
  const report = () => {
    reported = read;
    reportedAt = now();
    listener?.({ stage: 'reading', documentsRead: read, documents });
  };
  const count = () => {
    read += 1;
    if (listener === undefined) return;
    if (reported < 0 || read - reported >= step || (read % 64 === 0 && now() - reportedAt >= 2000)) report();
  };
  return Object.assign(count, {
    done: () => {
      if (read !== reported) report();
    },
  });
}
