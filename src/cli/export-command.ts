import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadLedger } from '../corroborate/load-ledger.js';
import { CorroborateError, UsageError } from '../errors.js';
import {
  type Admin1Resolver,
  EXPORT_FORMATS,
  type ExportFormat,
  exportLedger,
  isAdmin1Code,
  isExportFormat,
} from '../export/index.js';
import { loadDefaultGazetteer } from '../geo/gazetteer.js';
import type { Ledger } from '../types/ledger.js';
import {
  DB_HELP,
  DB_OPTION,
  HELP_OPTION,
  parseCommandArgs,
  printHelpIf,
  withLedger,
} from './ledger-context.js';

export const EXPORT_HELP = `Usage: corroborate export --format FORMAT [--out FILE] [--db PATH|URL]

Writes the whole ledger in one format (see docs/ledger.md for every field and column).

Formats:
  json          the ledger's interchange format (corroborate.ledger/1): documents, origins,
                events, claims, checks
  acled-csv     one row per event: ACLED's 31 columns, then Corroborate's (status, origins,
                contradictions, date range, precision, confidence, member documents)
  geojson       RFC 7946 FeatureCollection of located events with their precision
  claimreview   schema.org ClaimReview JSON-LD for the claims an analyst has rated

Options:
  --format F            one of: ${EXPORT_FORMATS.join(', ')} (required)
  --out FILE            write to FILE (atomically: a temporary file, then renamed);
                        standard output by default
${DB_HELP}
  -h, --help            show this help

Examples:
  corroborate export --format acled-csv --out events.csv
  corroborate export --format geojson --db team.sqlite > events.geojson`;

/** Runs `corroborate export`; returns the exit code. */
export async function runExportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      format: { type: 'string' },
      out: { type: 'string' },
      ...HELP_OPTION,
    },
    'export',
  );
  if (printHelpIf(values.help, EXPORT_HELP)) return 0;
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}" (see "corroborate export --help")`);
  const format = values.format;
  if (format === undefined) throw new UsageError(`--format is required: one of ${EXPORT_FORMATS.join(', ')}`);
  if (!isExportFormat(format))
    throw new UsageError(`unknown export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.out === '') throw new UsageError('--out needs a file name');

  const ledger = await withLedger(values.db, loadLedger);
  const text = exportLedger(ledger, format, {
    timestamp: Math.floor(Date.now() / 1000),
    admin1Name: await admin1Resolver(ledger, format),
  });
  if (values.out === undefined) process.stdout.write(text);
  else writeAtomically(values.out, text);
  return 0;
}

/**
 * Names for the GeoNames admin-1 codes the ledger's places carry, from the default gazetteer;
 * loaded only for the formats that print admin-1 and only when some place holds a code.
 */
async function admin1Resolver(ledger: Ledger, format: ExportFormat): Promise<Admin1Resolver | undefined> {
  if (format !== 'acled-csv' && format !== 'geojson') return undefined;
  if (!ledger.events.some((event) => isAdmin1Code(event.place?.admin1))) return undefined;
  const gazetteer = await loadDefaultGazetteer();
  return (country, admin1) => gazetteer.admin1Of(country, admin1)?.name ?? null;
}

/** Writes through a temporary file in the same folder and renames it, so readers never see half a file. */
function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CorroborateError('io', `cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
