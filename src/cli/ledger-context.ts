import { existsSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CorroborateError, InputError, UsageError } from '../errors.js';
import { ledgerLocation, openStore } from '../store/index.js';
import type { Store } from '../store/store.js';

/**
 * The `--db` option every ledger command takes, for `parseArgs`.
 *
 * @example parseCommandArgs(argv, { ...DB_OPTION, format: { type: 'string' } }, 'report')
 */
export const DB_OPTION = { db: { type: 'string' } } as const satisfies ParseArgsConfig['options'];

/**
 * Help text line for `--db`, shared by the ledger commands.
 *
 * @example `Options:\n${DB_HELP}\n  -h, --help   show this help`
 */
export const DB_HELP = `  --db PATH|URL         the ledger: a SQLite file or postgres://… (default: $CORROBORATE_DB,
                        else ./.corroborate/ledger.sqlite)`;

/**
 * The `-h, --help` option every command takes, for `parseArgs`.
 *
 * @example parseCommandArgs(argv, { ...DB_OPTION, ...HELP_OPTION }, 'audit')
 */
export const HELP_OPTION = {
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Writes a command's help to standard output when `--help` was given; says whether it did, so
 * the command can return 0 at once.
 *
 * @example if (printHelpIf(values.help, AUDIT_HELP)) return 0;
 */
export function printHelpIf(requested: boolean | undefined, help: string): boolean {
  if (requested !== true) return false;
  process.stdout.write(`${help}\n`);
  return true;
}

/** What `parseArgs` returns for a ledger command's options. */
export type ParsedCommandArgs<T extends CommandOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: T; strict: true }>
>;

/** A command's option table, as `parseArgs` takes it. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a ledger command's arguments; a wrong option is a one-line usage error naming the
 * command's help.
 *
 * @example parseCommandArgs(['--db', 'l.sqlite', 'x'], { ...DB_OPTION }, 'report')
 * // { values: { db: 'l.sqlite' }, positionals: ['x'] }
 */
export function parseCommandArgs<T extends CommandOptions>(
  argv: string[],
  options: T,
  command: string,
): ParsedCommandArgs<T> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options, strict: true });
  } catch (error) {
    throw argumentError(error, command);
  }
}

/**
 * Turns a `parseArgs` error into a one-line usage error pointing at the command's help.
 *
 * @example
 * try { parseArgs({ args, options }) } catch (error) { throw argumentError(error, 'report') }
 */
export function argumentError(error: unknown, command: string): UsageError {
  const message = String((error as Error).message ?? error)
    .replace(/\s+/g, ' ')
    .replace(/\. To specify a positional.*$/, '');
  return new UsageError(`${message} (see "corroborate ${command} --help")`);
}

/**
 * Opens the ledger a command names with `--db` (else `CORROBORATE_DB`, else the default SQLite
 * file), runs `use`, and closes it. A ledger that cannot be opened is an I/O error (exit 4).
 * With `create: false`, a SQLite ledger that does not exist yet is an input error (exit 3)
 * instead of a new empty file: commands that only read or review should not create one.
 *
 * @example const events = await withLedger(values.db, (store) => store.listEvents());
 */
export async function withLedger<T>(
  db: string | undefined,
  use: (store: Store) => Promise<T>,
  options: { readonly create?: boolean } = {},
): Promise<T> {
  const location = ledgerLocation(db);
  if (options.create === false && location.engine === 'sqlite' && location.target !== ':memory:') {
    if (!existsSync(location.target))
      throw new InputError(`no ledger at ${location.target} (ingest reports first, or name one with --db)`);
  }
  let store: Store;
  try {
    store = await openStore(db);
  } catch (error) {
    const { engine, target } = ledgerLocation(db);
    const where = engine === 'postgres' ? target.replace(/\/\/[^@/]*@/, '//…@') : target;
    throw new CorroborateError(
      'io',
      `cannot open the ledger ${where}: ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Reads `--format`: `text` or `json`; the default is text on a terminal, JSON when piped unless
 * `textWhenPiped`.
 *
 * @example outputFormat(undefined, true) // 'text'
 */
export function outputFormat(value: string | undefined, textWhenPiped = true): 'text' | 'json' {
  const format = value ?? (textWhenPiped || process.stdout.isTTY ? 'text' : 'json');
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, got "${format}"`);
  return format;
}

/**
 * Reads a positive integer option (`--limit`, `--max-bytes`, `--timeout`).
 *
 * @example positiveInteger('20', '--limit', 50) // 20
 */
export function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${name} must be a positive integer, got "${value}"`);
  return n;
}
