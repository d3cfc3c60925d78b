import type { AuditEntry } from '../store/store.js';
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

export const AUDIT_HELP = `Usage: corroborate audit verify [--db …] [--format text|json]
       corroborate audit log [--db …] [--limit N] [--format text|json]

The ledger's review history is an append-only log whose entries are hash-chained: each entry's
hash covers its content and the hash of the one before, so an edited, removed or reordered
entry breaks the chain from that point on.

Commands:
  verify                walk the chain; exit 0 when intact, 1 naming the first bad entry
  log                   the latest entries: when, who, what, on which subject

Options:
${DB_HELP}
  --limit N             log: at most N entries, newest last (default 50)
  --format text|json    text on a terminal (default), JSON when piped
  -h, --help            show this help`;

/** Runs `corroborate audit verify|log`; returns the exit code. */
export async function runAuditCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      format: { type: 'string' },
      limit: { type: 'string' },
      ...HELP_OPTION,
    },
    'audit',
  );
  if (printHelpIf(values.help, AUDIT_HELP)) return 0;
  const format = outputFormat(values.format, false);
  const [action, ...rest] = positionals;
  if ((action !== 'verify' && action !== 'log') || rest.length > 0) {
    process.stderr.write(`corroborate audit: give "verify" or "log"\n\n${AUDIT_HELP}\n`);
    return 2;
  }
  if (action === 'verify') {
    const result = await withLedger(values.db, (store) => store.verifyAudit(), { create: false });
    if (format === 'json') process.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.ok) process.stdout.write(`audit chain intact: ${result.entries} entries verified\n`);
    else
      process.stdout.write(
        `audit chain BROKEN at entry ${result.firstBadSeq} of ${result.entries}: ${result.reason ?? 'hash mismatch'}\n`,
      );
    return result.ok ? 0 : 1;
  }
  const limit = positiveInteger(values.limit, '--limit', 50);
  const entries = await withLedger(values.db, (store) => latestEntries(store, limit), { create: false });
  if (format === 'json') process.stdout.write(`${JSON.stringify(entries)}\n`);
  else if (entries.length === 0) process.stdout.write('the audit log is empty\n');
  else for (const e of entries) process.stdout.write(`${describeEntry(e)}\n`);
  return 0;
}

/** The newest `limit` entries, oldest first: pages through the log once. */
async function latestEntries(
  store: { auditLog(options?: { afterSeq?: number; limit?: number }): Promise<AuditEntry[]> },
  limit: number,
): Promise<AuditEntry[]> {
  const kept: AuditEntry[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await store.auditLog({ afterSeq, limit: 1000 });
    if (page.length === 0) break;
    kept.push(...page);
    if (kept.length > limit) kept.splice(0, kept.length - limit);
    afterSeq = page[page.length - 1]!.seq;
  }
  return kept;
}

function describeEntry(e: AuditEntry): string {
  const note = e.note ? ` — ${e.note}` : '';
  return `#${e.seq}  ${e.at}  ${e.actor}  ${e.action}  ${e.subject}${note}`;
}
