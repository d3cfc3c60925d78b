import type { Worker } from 'node:worker_threads';
import { startReaderWorkers } from '../module-worker.js';

/** What each worker is started with. */
export interface WorkerSetup {
  readonly date: string | null;
  readonly maxBytes: number;
  readonly geo: boolean;
  /** The compiled gazetteer index in shared memory (see `sharedGazetteerIndex`), or null. */
  readonly gazetteerIndex?: Uint8Array | null;
}

/** One line sent to a worker. */
export interface WorkerJob {
  readonly seq: number;
  readonly lineNo: number;
  readonly line: string;
}

/**
 * A worker's answer: the record or `{id, error}` as one JSON line in UTF-8 (newline included).
 * Bytes, not a string: the worker transfers their buffer instead of the main thread receiving
 * a copy of a ~75 KB string per report into its heap and encoding it again for standard output.
 */
export interface WorkerResult {
  readonly seq: number;
  readonly line: Uint8Array;
  readonly failed: boolean;
  /** Length of the input line, for progress. */
  readonly size: number;
}

/**
 * Reads batch lines on N worker threads and hands results back **in input order**. At most
 * `maxInFlight` lines are outstanding, so a huge input streams in bounded memory.
 *
 * @example
 * const pool = await BatchPool.start(2, { date: null, maxBytes: 1e6, geo: true });
 * await pool.submit(line, lineNo); // resolves once the line is queued
 * await pool.drain(); await pool.close();
 */
export class BatchPool {
  private readonly pending = new Map<number, WorkerResult>();
  private readonly inFlight: number[];
  private nextSeq = 0;
  private nextOut = 0;
  private waiting: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(
    private readonly workers: Worker[],
    private readonly emit: (result: WorkerResult) => Promise<void> | void,
    private readonly maxInFlight: number,
  ) {
    this.inFlight = workers.map(() => 0);
    workers.forEach((worker, index) => {
      worker.on('message', (message: WorkerResult | { ready: true }) => {
        if ('ready' in message) return;
        this.inFlight[index] = (this.inFlight[index] ?? 1) - 1;
        this.pending.set(message.seq, message);
        void this.flush();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`analyze worker stopped with exit code ${code}`));
      });
    });
  }

  /** Starts `count` workers and waits until each has loaded the reader and its gazetteer. */
  static async start(
    count: number,
    setup: WorkerSetup,
    emit: (result: WorkerResult) => Promise<void> | void,
  ): Promise<BatchPool> {
    const workers = await startReaderWorkers(import.meta.url, './analyze-worker', count, setup);
    return new BatchPool(workers, emit, count * 8);
  }

  /** Queues one line on the least busy worker; waits while too many lines are outstanding. */
  async submit(line: string, lineNo: number): Promise<void> {
    while (this.nextSeq - this.nextOut >= this.maxInFlight && !this.failure) {
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
    if (this.failure) throw this.failure;
    let target = 0;
    for (let i = 1; i < this.workers.length; i++) {
      if ((this.inFlight[i] ?? 0) < (this.inFlight[target] ?? 0)) target = i;
    }
    this.inFlight[target] = (this.inFlight[target] ?? 0) + 1;
    const job: WorkerJob = { seq: this.nextSeq++, lineNo, line };
    this.workers[target]?.postMessage(job);
  }

  /** Resolves when every queued line has been emitted. */
  async drain(): Promise<void> {
    while (this.nextOut < this.nextSeq && !this.failure) {
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private flushing = false;

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let next = this.pending.get(this.nextOut); next; next = this.pending.get(this.nextOut)) {
        this.pending.delete(this.nextOut);
        await this.emit(next);
        this.nextOut++;
        this.wake();
      }
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.flushing = false;
    }
  }

  private wake(): void {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }
}
