import type { ResourceLimits, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisPool } from '../../src/ingest/analysis-pool.js';
import { sourceFromString } from '../../src/ingest/source-document.js';
import { READER_WORKER_MEMORY, startReaderWorkers } from '../../src/module-worker.js';

// V8 flags are the process's: record them instead of changing this test process's heap.
const v8Flags = vi.hoisted(() => [] as string[]);
vi.mock('node:v8', async (original) => ({
  ...(await original<typeof import('node:v8')>()),
  setFlagsFromString: (flag: string) => {
    v8Flags.push(flag);
  },
}));

afterEach(() => {
  v8Flags.length = 0;
});

function limitsOf(worker: Worker): Promise<ResourceLimits> {
  return new Promise((answer) => {
    worker.once('message', answer);
    worker.postMessage('limits?');
  });
}

describe("reader workers' memory, the same for analyze --workers and ingest --workers", () => {
  it('gives every reader worker an 8 MB young generation and old generations that grow by 25 %', async () => {
    const workers = await startReaderWorkers(import.meta.url, './workers/memory-report-worker', 2, null);
    try {
      for (const worker of workers)
        expect((await limitsOf(worker)).maxYoungGenerationSizeMb).toBe(
          READER_WORKER_MEMORY.youngGenerationMb,
        );
      expect(v8Flags).toEqual(['--heap-growing-percent=25']);
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }, 30_000);

  it("sets the heap growth for ingest's analysis pool, which then reads a report", async () => {
    const pool = await AnalysisPool.start(1, { geo: false });
    try {
      expect(v8Flags).toEqual(['--heap-growing-percent=25']);
      const source = sourceFromString('Drones struck a depot near Mosul on Tuesday, officials said.\n', {
        id: 'mosul-depot',
      });
      const record = await pool.analyze(source, '2024-03-14');
      expect([record.id, record.referenceDate]).toEqual(['mosul-depot', '2024-03-14']);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
