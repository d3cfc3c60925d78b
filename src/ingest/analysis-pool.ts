import type { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { startReaderWorkers } from '../module-worker.js';
import type { AnalysisRecord } from '../types/analysis-record.js';
import type { SourceDocument } from '../types/document.js';

/** What each analysis worker is started with. */
export interface AnalysisWorkerSetup {
  /** Load the default gazetteer in the worker (over the compiled index the pool shares). */
  readonly geo: boolean;
  /**
   * The compiled gazetteer index in shared memory (see `sharedGazetteerIndex`), filled in by
   * `AnalysisPool.start`: the workers read it without a copy each (the entity reader asks it
   * for town names even without geo).
   */
  readonly gazetteerIndex?: Uint8Array | null;
}

/** One document sent to a worker. */
export interface AnalysisJob {
  readonly seq: number;
  readonly source: SourceDocument;
  readonly referenceDate: string | null;
}

/** A worker's answer: the record, or why the reader refused the document. */
export type AnalysisAnswer =
  | { readonly seq: number; readonly record: AnalysisRecord }
  | { readonly seq: number; readonly error: string; readonly input: boolean };

/**
 * Runs the reader on worker threads, so an ingest reads several documents at once while the
 * main thread fetches and stores. Each worker loads its own gazetteer. Documents go to the
 * least busy worker; answers come back as promises, in whatever order the workers finish.
 *
 * @example
 * const pool = await AnalysisPool.start(3, { geo: true });
 * const record = await pool.analyze(source, '2024-03-14');
 * await pool.close();
 */
export class AnalysisPool {
  private readonly waiting = new Map<
    number,
    { resolve: (r: AnalysisRecord) => void; reject: (e: Error) => void }
  >();
  private readonly busy: number[];
  private nextSeq = 0;
  private broken: Error | null = null;

  private constructor(private readonly workers: Worker[]) {
    this.busy = workers.map(() => 0);
    workers.forEach((worker, index) => {
      worker.on('message', (answer: AnalysisAnswer | { ready: true }) => {
        if ('ready' in answer) return;
        this.busy[index] = Math.max(0, (this.busy[index] ?? 1) - 1);
        const waiter = this.waiting.get(answer.seq);
        if (!waiter) return;
        this.waiting.delete(answer.seq);
        if ('record' in answer) waiter.resolve(answer.record);
        else waiter.reject(answer.input ? new InputError(answer.error) : new Error(answer.error));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`analysis worker stopped with exit code ${code}`));
      });
    });
  }

  /** Starts `count` workers and waits until each has loaded what it needs. */
  static async start(count: number, setup: AnalysisWorkerSetup): Promise<AnalysisPool> {
    const { sharedGazetteerIndex } = await import('../geo/gazetteer.js');
    const shared = { ...setup, gazetteerIndex: setup.gazetteerIndex ?? sharedGazetteerIndex() };
    const workers = await startReaderWorkers(import.meta.url, './analysis-worker', count, shared);
    return new AnalysisPool(workers);
  }

  /** Reads one document on the least busy worker. Rejects with an `InputError` for unreadable input. */
  analyze(source: SourceDocument, referenceDate: string | null): Promise<AnalysisRecord> {
    if (this.broken) return Promise.reject(this.broken);
    const seq = this.nextSeq++;
    let index = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.busy[i]! < this.busy[index]!) index = i;
    this.busy[index]!++;
    const job: AnalysisJob = { seq, source, referenceDate };
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.workers[index]!.postMessage(job);
    });
  }

  /** Stops the workers; documents still being read are rejected. */
  async close(): Promise<void> {
    this.fail(new Error('analysis pool closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
