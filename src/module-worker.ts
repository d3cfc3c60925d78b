import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { CorroborateError } from './errors.js';

/**
 * Starts a worker thread on one of our modules, from the built `.js` files or, when the caller
 * runs from the TypeScript sources (tests, `tsx`), from the `.ts` file: a bootstrap then
 * registers tsx's loader inside the worker first, since the parent's loader flags do not
 * reach worker threads.
 *
 * `resourceLimits` are passed to the worker (e.g. a smaller young generation, so that many
 * workers hold less memory).
 *
 * @example const worker = startModuleWorker(import.meta.url, './analyze-worker', { geo: true });
 */
export function startModuleWorker(
  callerUrl: string,
  relativeModule: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const entry = new URL(`${relativeModule}${fromSources ? '.ts' : '.js'}`, callerUrl);
  const limits = resourceLimits ? { resourceLimits } : {};
  if (!fromSources) return new Worker(entry, { workerData, ...limits });
  const tsxApi = pathToFileURL(
    createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(
    `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true, workerData, ...limits },
  );
}

/**
 * Starts `count` workers on one module (see {@link startModuleWorker}) and waits until each has
 * posted `{ ready: true }`, i.e. loaded what it needs. If one fails to start, all are stopped
 * and a `CorroborateError` says so.
 *
 * @example const workers = await startReadyWorkers(import.meta.url, './analyze-worker', 2, { geo: true });
 */
export async function startReadyWorkers(
  callerUrl: string,
  relativeModule: string,
  count: number,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Promise<Worker[]> {
  const workers = Array.from({ length: Math.max(1, count) }, () =>
    startModuleWorker(callerUrl, relativeModule, workerData, resourceLimits),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((ready, failed) => {
            const onMessage = (message: unknown) => {
              if (typeof message === 'object' && message !== null && 'ready' in message) {
                worker.off('message', onMessage);
                ready();
              }
            };
            worker.on('message', onMessage);
            worker.once('error', failed);
          }),
      ),
    );
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw new CorroborateError(
      'failure',
      `could not start the reader's worker threads: ${(error as Error).message}`,
    );
  }
  return workers;
}

/**
 * The memory settings of every thread that runs the reader (`analyze --workers`,
 * `ingest --workers`): each worker holds a heap of its own, so what one keeps is paid once per
 * worker.
 *
 * - `youngGenerationMb`: an 8 MB young generation instead of V8's default; the reader's garbage
 *   dies young either way (analyze, 2 workers, 600 reports: peak RSS 457 -> 330 MB; 4 MB saves
 *   ~10 MB more for more CPU, 16 and 32 MB cost more CPU, not less).
 * - `heapGrowingPercent`: an old generation grows by 25 % of what survived its last full
 *   collection before the next one, instead of V8's factor of up to 4 for a small heap, so a
 *   thread holding a reader of ~35 MB live stays near that (analyze, 2 workers, 1,000 reports:
 *   peak RSS 301 -> 273 MB, CPU per article within the noise of a shared machine).
 *
 * @example READER_WORKER_MEMORY.youngGenerationMb // 8
 */
export const READER_WORKER_MEMORY = { youngGenerationMb: 8, heapGrowingPercent: 25 } as const;

/**
 * Starts `count` reader workers (see {@link startReadyWorkers}) with
 * {@link READER_WORKER_MEMORY}. The heap-growth setting is a V8 flag, the process's for every
 * thread (the main thread's included): it is set here, before the workers' heaps are made.
 *
 * @example const workers = await startReaderWorkers(import.meta.url, './analysis-worker', 2, { geo: true });
 */
export function startReaderWorkers(
  callerUrl: string,
  relativeModule: string,
  count: number,
  workerData: unknown,
): Promise<Worker[]> {
  setFlagsFromString(`--heap-growing-percent=${READER_WORKER_MEMORY.heapGrowingPercent}`);
  return startReadyWorkers(callerUrl, relativeModule, count, workerData, {
    maxYoungGenerationSizeMb: READER_WORKER_MEMORY.youngGenerationMb,
  });
}
