import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on one of our modules, from the built `.js` files or, when the caller
 * runs from the TypeScript sources (tests, `tsx`), from the `.ts` file: a bootstrap then
 * registers tsx's loader inside the worker first, since the parent's loader flags do not
 * reach worker threads.
 *
 * @example const worker = startModuleWorker(import.meta.url, './analyze-worker', { geo: true });
 */
export function startModuleWorker(callerUrl: string, relativeModule: string, workerData: unknown): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const entry = new URL(`${relativeModule}${fromSources ? '.ts' : '.js'}`, callerUrl);
  if (!fromSources) return new Worker(entry, { workerData });
  const tsxApi = pathToFileURL(
    createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(
    `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true, workerData },
  );
}
