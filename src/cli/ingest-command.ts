import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { loadDefaultGazetteer } from '../geo/gazetteer.js';
import { AnalysisPool } from '../ingest/analysis-pool.js';
import { Fetcher } from '../ingest/fetcher.js';
import {
  type IngestItemResult,
  type IngestStatus,
  ingestInputs,
  listFolder,
} from '../ingest/ingest-items.js';
import { refreshOrigins } from '../ingest/stored-documents.js';
import { parseReferenceDate } from '../reference-date.js';
import { ledgerLocation } from '../store/index.js';
import type { SourceDocument } from '../types/document.js';
import {
  DB_HELP,
  DB_OPTION,
  HELP_OPTION,
  outputFormat,
  parseCommandArgs,
  positiveInteger,
  printHelpIf,
  withLedger,
} from './ledger-context.js';
import { singleFileBytes, WORKERS_HELP, workerCount } from './worker-count.js';

/**
 * `corroborate ingest --help`.
 *
 * @example process.stdout.write(`${INGEST_HELP}\n`)
 */
export const INGEST_HELP = `Usage: corroborate ingest PATH|URL|FEED... [options]

Reads reports into the ledger: each is read like "corroborate analyze" and stored with its
exact bytes, where it came from and when. The same content twice is stored once, so an
interrupted ingest is finished by running it again. Copies are then grouped into origins.

Inputs:
  FILE                  a report (text or HTML, detected), an RSS/Atom feed, or a JSONL batch
                        (.jsonl/.ndjson: one {"id", "text"|"html", "date"?, "url"?} per line)
  FOLDER                every file below it; hidden entries and non-text files are skipped
  URL                   a page or a feed (http/https), fetched with the limits below;
                        a feed's items are stored from their own content when the feed carries
                        the full text, else fetched from their links
  -                     standard input

Options:
${DB_HELP}
  --date YYYY-MM-DD     reference date for relative dates when an item has no date of its own
  --allow-private       allow URLs on this machine or the local network (refused by default)
  --timeout S           seconds allowed for each fetch (default 30)
  --max-bytes N         refuse items over N bytes, files and downloads alike (default 20971520)
  --jsonl               read every FILE (and -) as a JSONL batch, whatever its name
  --format text|json    text: one status line per item and a summary (default);
                        json: one summary object with every item's status
  --no-geo              skip the gazetteer (places are found but not geocoded; faster)
  --no-images           do not store HTML pages' images (og:image, the article's <img>) as
                        evidence; by default they are fetched (or read beside a local file)
                        with the limits above, examined and checked for earlier appearances
  --workers N|auto      read documents on worker threads, stored still in input order
                        (default 1); ${WORKERS_HELP}
  --quiet               no progress bar
  -h, --help            show this help

Statuses: new, duplicate (already stored), updated (same id or URL, new content), failed
(with the reason), skipped (hidden or not text). Exit status 0 when every item was handled
(failures included), 3 when nothing could be read.

Examples:
  corroborate ingest examples/
  corroborate ingest reports.jsonl --date 2024-03-14 --db desk.sqlite
  corroborate ingest https://news.example.org/feed.xml --timeout 10`;

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const STATUSES: readonly IngestStatus[] = ['new', 'duplicate', 'updated', 'failed', 'skipped'];

/**
 * Runs `corroborate ingest`; returns the exit code (0 handled, 3 nothing readable).
 *
 * @example await runIngestCommand(['examples/', '--db', 'desk.sqlite']) // 0
 */
export async function runIngestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      date: { type: 'string' },
      'allow-private': { type: 'boolean' },
      timeout: { type: 'string' },
      'max-bytes': { type: 'string' },
      jsonl: { type: 'boolean' },
      format: { type: 'string' },
      'no-geo': { type: 'boolean' },
      'no-images': { type: 'boolean' },
      workers: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      ...HELP_OPTION,
    },
    'ingest',
  );
  if (printHelpIf(values.help, INGEST_HELP)) return 0;
  if (positionals.length === 0)
    throw new UsageError(
      'nothing to ingest: give files, folders, URLs or feeds (see "corroborate ingest --help")',
    );
  if (positionals.includes('-') && process.stdin.isTTY)
    throw new UsageError('"-" reads standard input, but it is a terminal: pipe a report or a JSONL batch in');
  const format = outputFormat(values.format);
  const referenceDate = values.date ? parseReferenceDate(values.date) : null;
  const maxBytes = positiveInteger(values['max-bytes'], '--max-bytes', DEFAULT_MAX_BYTES);
  const timeoutS = values.timeout === undefined ? 30 : Number(values.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0)
    throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);
  const fetcher = new Fetcher({
    timeoutMs: Math.round(timeoutS * 1000),
    maxBytes,
    allowPrivate: values['allow-private'] ?? false,
  });
  // Loaded when the first item needs reading: a re-run over stored reports never pays for it.
  const gazetteer = values['no-geo'] ? null : () => loadDefaultGazetteer();
  const workers = workerCount(values.workers, { fallback: 1, singleFileBytes: singleFileBytes(positionals) });
  let pool: Promise<AnalysisPool> | null = null;
  // Started when the first item needs reading, like the gazetteer.
  const analyze =
    workers > 1
      ? async (source: SourceDocument, date: string | null) => {
          pool ??= AnalysisPool.start(workers, { geo: !values['no-geo'] });
          return (await pool).analyze(source, date);
        }
      : undefined;
  const showProgress = !values.quiet && process.stderr.isTTY === true;
  const progress = new IngestProgress(
    process.stderr,
    showProgress,
    showProgress ? await plannedItems(positionals, values.jsonl ?? false) : 0,
  );
  const started = Date.now();
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<IngestStatus, number>;
  const items: IngestItemResult[] = [];

  return withLedger(values.db, async (store) => {
    const context = {
      store,
      fetcher,
      referenceDate,
      gazetteer,
      maxBytes,
      jsonl: values.jsonl ?? false,
      ...(analyze ? { analyze, concurrency: workers * 2 } : {}),
      ...(values['no-images'] ? {} : { images: { fetcher, maxBytes } }),
    };
    try {
      for await (const result of ingestInputs(positionals, context)) {
        counts[result.status]++;
        if (format === 'json') items.push(result);
        else progress.print(process.stdout, statusLine(result));
        progress.tick(counts);
      }
    } finally {
      progress.done();
      if (pool) await (await (pool as Promise<AnalysisPool>)).close();
    }
    const stored = counts.new + counts.duplicate + counts.updated;
    const origins = counts.new + counts.updated > 0 ? await refreshOrigins(store) : null;
    const stats = await store.stats();
    const seconds = (Date.now() - started) / 1000;
    const ledger = ledgerLocation(values.db).target;
    if (format === 'json') {
      process.stdout.write(
        `${JSON.stringify(
          {
            ledger: ledger.replace(/\/\/[^@/]*@/, '//…@'),
            seconds: Math.round(seconds * 1000) / 1000,
            counts,
            originsChanged: origins?.changed ?? 0,
            stats,
            items,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
      process.stdout.write(
        `\ningested ${total} item${total === 1 ? '' : 's'} in ${seconds.toFixed(1)} s: ${STATUSES.map((s) => `${counts[s]} ${s}`).join(', ')}\n` +
          `ledger: ${plural(stats.documents, 'document')} in ${plural(stats.origins, 'origin')}, ${plural(stats.events, 'report event')}, ${plural(stats.claims, 'claim')}` +
          `${origins && origins.changed > 0 ? ` (${origins.changed} origin${origins.changed === 1 ? '' : 's'} stored)` : ''}\n`,
      );
    }
    return stored > 0 ? 0 : 3;
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One status line: `new        examples/a.txt`, `failed     x.pdf: reason`. */
function statusLine(r: IngestItemResult): string {
  const stored = r.documentId !== null && r.documentId !== r.source ? ` → ${r.documentId}` : '';
  const images =
    r.images === undefined
      ? ''
      : ` (images: ${r.images.added} added${r.images.failed.length > 0 ? `, ${r.images.failed.length} failed: ${r.images.failed.map((f) => `${f.source}: ${f.reason}`).join('; ')}` : ''})`;
  return `${r.status.padEnd(9)} ${r.source}${stored}${r.reason ? `: ${r.reason}` : ''}${images}`;
}

/**
 * How many items the inputs will probably yield, for the progress bar: files in folders, lines of
 * JSONL batches, one per other file or URL (a feed grows the total as it is read).
 */
async function plannedItems(inputs: readonly string[], jsonl: boolean): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-' || /^https?:\/\//i.test(input)) {
      total++;
      continue;
    }
    try {
      const info = await stat(input);
      const files = info.isDirectory() ? await listFolder(input) : { files: [input], hidden: [], others: [] };
      total += files.hidden.length + files.others.length;
      for (const file of files.files) {
        const ext = extname(file).toLowerCase();
        if (jsonl || ext === '.jsonl' || ext === '.ndjson') total += await countLines(file);
        else total++;
      }
    } catch {
      total++;
    }
  }
  return total;
}

/** Counts newline bytes as the file streams past: a multi-gigabyte batch is never held in memory. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
      if (bytes.length > 0) last = bytes[bytes.length - 1]!;
    }
  } catch {
    return 1;
  }
  return last === 0x0a ? lines : lines + 1;
}

/** A progress bar on standard error, kept below the status lines on a terminal. */
class IngestProgress {
  private drawn = false;
  private lastDraw = 0;
  private done_ = 0;
  private counts: Record<IngestStatus, number> | null = null;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
    private total: number,
  ) {}

  /** Prints a line on `out`, lifting the bar out of the way when both share the terminal. */
  print(out: NodeJS.WriteStream, line: string): void {
    if (this.drawn && out.isTTY) {
      this.stream.write('\r\x1b[K');
      this.drawn = false;
    }
    out.write(`${line}\n`);
  }

  tick(counts: Record<IngestStatus, number>): void {
    this.done_++;
    this.counts = counts;
    if (this.done_ > this.total) this.total = this.done_;
    const now = Date.now();
    if (this.enabled && (now - this.lastDraw > 100 || this.done_ === this.total)) {
      this.lastDraw = now;
      this.draw();
    }
  }

  done(): void {
    if (!this.enabled || !this.drawn) return;
    this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  private draw(): void {
    const width = 24;
    const filled = Math.round((this.done_ / Math.max(this.total, 1)) * width);
    const rate = this.done_ / Math.max((Date.now() - this.started) / 1000, 0.001);
    const c = this.counts!;
    this.stream.write(
      `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done_}/${this.total} ` +
        `(${c.new} new, ${c.duplicate} duplicate, ${c.updated} updated, ${c.failed} failed) ${rate.toFixed(1)}/s`,
    );
    this.drawn = true;
  }
}
