import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CorroborateError, InputError, UsageError } from '../errors.js';
import { parseReferenceDate } from '../reference-date.js';
import type { AnalysisRecord } from '../types/index.js';
import { singleFileBytes, WORKERS_HELP, workerCount } from './worker-count.js';

// The reader, the gazetteer and the batch machinery are imported where they are used, so that
// `analyze --help` loads none of them and the main thread of `--workers N` loads no reader.

export const ANALYZE_HELP = `Usage: corroborate analyze [FILE|-]... [options]
       corroborate analyze --jsonl IN.jsonl|- [options]

Reads news reports (plain text or HTML, detected) and prints what they say: document
metadata, claims with speaker · kind · cue → content, numbers and checks, dates, places, events.

Options:
  --date YYYY-MM-DD     reference (publication) date for relative dates ("last week",
                        "on 17 November"); without it year-less dates stay year-unknown
  --format text|json    text: a readable report (default on a terminal);
                        json: the full analysis record (default when piped)
  --jsonl IN            batch mode: one {"id", "text"|"html", "date"?} object per line in
                        (- for standard input), one JSON record per line out, in order;
                        a bad line gives {"id", "error"} instead of stopping the batch
  --max-bytes N         refuse inputs larger than N bytes (default 20971520 = 20 MiB)
  --no-geo              skip loading the gazetteer (places are found but not geocoded)
  --workers N|auto      batch mode: read on worker threads, output still in input order
                        (default auto); ${WORKERS_HELP}
  --quiet               no progress on standard error
  -h, --help            show this help

Examples:
  corroborate analyze report.txt --date 2023-12-06
  corroborate analyze page.html --format json > record.json
  corroborate analyze --jsonl batch.jsonl > records.jsonl`;

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Runs `corroborate analyze`; returns the exit code. */
export async function runAnalyzeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv);
  if (values.help) {
    process.stdout.write(`${ANALYZE_HELP}\n`);
    return 0;
  }
  const date = values.date ? parseReferenceDate(values.date) : null;
  const format = values.format ?? (process.stdout.isTTY ? 'text' : 'json');
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, got "${format}"`);
  const maxBytes = values['max-bytes'] ? Number(values['max-bytes']) : DEFAULT_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes <= 0)
    throw new UsageError('--max-bytes must be a positive integer');
  const workers = workerCount(values.workers, {
    fallback: 'auto',
    singleFileBytes: values.jsonl === undefined ? null : singleFileBytes([values.jsonl]),
  });

  if (values.jsonl !== undefined) {
    if (positionals.length > 0) throw new UsageError('give either FILE arguments or --jsonl, not both');
    return runBatch(values.jsonl, {
      date,
      geo: !values['no-geo'],
      maxBytes,
      quiet: values.quiet ?? false,
      workers,
    });
  }
  const [
    { loadDefaultGazetteer },
    { sourceFromBytes },
    { analyzeDocument },
    { PLAIN_STYLE, TTY_STYLE, textReport },
  ] = await Promise.all([
    import('../geo/gazetteer.js'),
    import('../ingest/source-document.js'),
    import('../pipeline.js'),
    import('./text-report.js'),
  ]);
  const gazetteer = values['no-geo'] ? null : await loadDefaultGazetteer();
  if (positionals.length === 0) {
    if (process.stdin.isTTY)
      throw new UsageError('no input: give a FILE, - for standard input, or --jsonl IN\n\n' + ANALYZE_HELP);
    positionals.push('-');
  }

  const records: AnalysisRecord[] = [];
  let failures = 0;
  for (const path of positionals) {
    try {
      const bytes = path === '-' ? await readStdin(maxBytes) : readFileChecked(path, maxBytes);
      const id = path === '-' ? 'stdin' : path;
      const source = sourceFromBytes(bytes, { id, name: basename(id), maxBytes });
      const record = analyzeDocument(source, { referenceDate: date, gazetteer });
      if (format === 'text') {
        process.stdout.write(`${textReport(record, process.stdout.isTTY ? TTY_STYLE : PLAIN_STYLE)}\n`);
      } else {
        records.push(record);
      }
    } catch (error) {
      // One bad file among several is reported and skipped; a single bad file is the error.
      if (positionals.length === 1 || !(error instanceof CorroborateError)) throw error;
      process.stderr.write(`corroborate: ${path}: ${error.message}\n`);
      failures++;
    }
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`);
  }
  return failures > 0 ? 1 : 0;
}

interface BatchOptions {
  readonly date: string | null;
  readonly geo: boolean;
  readonly maxBytes: number;
  readonly quiet: boolean;
  readonly workers: number;
}

async function writeLine(line: string | Uint8Array): Promise<void> {
  if (!process.stdout.write(line)) {
    await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

async function runBatch(input: string, options: BatchOptions): Promise<number> {
  if (input !== '-') statOrThrow(input);
  // The line reader is opened only when its loop starts: lines (and the end) that readline
  // emits before a `for await` begins are lost, and the loop would then wait forever.
  const openLines = () => {
    const stream = input === '-' ? process.stdin : createReadStream(input, { encoding: 'utf8' });
    if (input === '-') process.stdin.setEncoding('utf8');
    return createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  };
  const { Progress } = await import('./progress.js');
  const progress = new Progress(process.stderr, !options.quiet && process.stderr.isTTY === true);
  let lineNo = 0;
  let failed = 0;
  if (options.workers <= 1) {
    const [{ loadDefaultGazetteer }, { analyzeBatchLine }, { batchHeapKeeper }] = await Promise.all([
      import('../geo/gazetteer.js'),
      import('./batch-line.js'),
      import('./batch-heap.js'),
    ]);
    const keepHeap = batchHeapKeeper();
    const gazetteer = options.geo ? await loadDefaultGazetteer() : null;
    const lineOptions = { date: options.date, gazetteer, maxBytes: options.maxBytes };
    for await (const line of openLines()) {
      lineNo++;
      if (line.trim() === '') continue;
      const out = analyzeBatchLine(line, lineNo, lineOptions);
      if ('error' in out) failed++;
      await writeLine(`${JSON.stringify(out)}\n`);
      progress.tick(line.length);
      keepHeap();
    }
  } else {
    const [{ sharedGazetteerIndex }, { BatchPool }, { writtenBufferKeeper }] = await Promise.all([
      import('../geo/gazetteer.js'),
      import('./batch-pool.js'),
      import('./batch-heap.js'),
    ]);
    const written = writtenBufferKeeper();
    // The workers share one copy of the compiled gazetteer index instead of reading one each
    // (the entity reader asks it for town names even with --no-geo).
    const gazetteerIndex = sharedGazetteerIndex();
    const setup = { date: options.date, maxBytes: options.maxBytes, geo: options.geo, gazetteerIndex };
    const pool = await BatchPool.start(options.workers, setup, async (result) => {
      if (result.failed) failed++;
      await writeLine(result.line);
      written(result.line.length);
      progress.tick(result.size);
    });
    try {
      for await (const line of openLines()) {
        lineNo++;
        if (line.trim() === '') continue;
        await pool.submit(line, lineNo);
      }
      await pool.drain();
    } finally {
      await pool.close();
    }
  }
  progress.done(failed);
  return 0;
}

function parseCommandArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        format: { type: 'string' },
        jsonl: { type: 'string' },
        'max-bytes': { type: 'string' },
        'no-geo': { type: 'boolean' },
        workers: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun "corroborate analyze --help" for usage.`);
  }
}

function statOrThrow(path: string) {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path} is a directory, not a file`);
    return stat;
  } catch (error) {
    if (error instanceof CorroborateError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no such file: ${path}`);
    if (code === 'EACCES') throw new InputError(`permission denied: ${path}`);
    throw new CorroborateError('io', `cannot read ${path}: ${(error as Error).message}`);
  }
}

function readFileChecked(path: string, maxBytes: number): Uint8Array {
  const stat = statOrThrow(path);
  if (stat.size > maxBytes) {
    throw new InputError(
      `${path} is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit (--max-bytes)`,
    );
  }
  return readFileSync(path);
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new InputError(`standard input is over the ${formatBytes(maxBytes)} limit (--max-bytes)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
