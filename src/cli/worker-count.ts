import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';

/** The most worker threads `auto` starts: each holds a reader of its own (~100 MB). */
export const AUTO_WORKERS_MAX = 4;

/** Below this many bytes, one file is read in the main thread: starting workers costs more. */
export const SMALL_INPUT_BYTES = 1024 * 1024;

/** The most worker threads `--workers N` accepts. */
const WORKERS_MAX = 64;

/**
 * What `--workers N|auto` means, for every command's `--help`: the end of the option's text,
 * its second line indented to the help's second column.
 *
 * @example `  --workers N|auto      read on worker threads (default 1); ${WORKERS_HELP}`
 */
export const WORKERS_HELP = `N threads (1: in this thread); auto: one per
                        core, at most ${AUTO_WORKERS_MAX}, but one thread for a single file under 1 MiB`;

/** What the input is, as far as `auto` cares. */
export interface WorkersInput {
  /** What to use when the option is not given. */
  readonly fallback: 'auto' | number;
  /** The size in bytes of the input when it is one local file, else null (stdin, many, URLs). */
  readonly singleFileBytes: number | null;
  /** Cores to count with (default: `availableParallelism()`). */
  readonly cores?: number;
}

/**
 * The number of worker threads for `--workers N|auto`, the same for every command: a whole
 * number from 1 to 64, or `auto`: one per core, at most {@link AUTO_WORKERS_MAX}, except that a
 * single file under 1 MiB is read in the main thread, where starting workers (each loads its own
 * reader) costs more than it saves. Throws a `UsageError` for anything else.
 *
 * @example workerCount('auto', { fallback: 1, singleFileBytes: null, cores: 8 }) // 4
 * @example workerCount(undefined, { fallback: 1, singleFileBytes: null }) // 1
 */
export function workerCount(value: string | undefined, input: WorkersInput): number {
  const choice = value ?? input.fallback;
  if (choice === 'auto') {
    if (input.singleFileBytes !== null && input.singleFileBytes < SMALL_INPUT_BYTES) return 1;
    return Math.max(1, Math.min(input.cores ?? availableParallelism(), AUTO_WORKERS_MAX));
  }
  const n = typeof choice === 'number' ? choice : /^\d+$/.test(choice) ? Number(choice) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > WORKERS_MAX)
    throw new UsageError(
      `--workers must be auto or a whole number from 1 to ${WORKERS_MAX}, got "${choice}"`,
    );
  return n;
}

/**
 * The size of `path` when it names one regular file, else null (standard input `-`, a URL, a
 * folder, a file that cannot be read: its own error comes later, from the command).
 *
 * @example singleFileBytes(['batch.jsonl']) // 5242880
 * @example singleFileBytes(['-']) // null
 */
export function singleFileBytes(inputs: readonly string[]): number | null {
  if (inputs.length !== 1) return null;
  const [input] = inputs as [string];
  if (input === '-' || /^https?:\/\//i.test(input)) return null;
  try {
    const info = statSync(input, { throwIfNoEntry: false });
    return info?.isFile() ? info.size : null;
  } catch {
    return null;
  }
}
