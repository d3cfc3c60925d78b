import type { Ledger } from '../types/ledger.js';
import { ledgerToAcledCsv } from './acled-csv.js';
import type { Admin1Resolver } from './admin1-name.js';
import { ledgerToClaimReviewText } from './claimreview.js';
import { ledgerToGeoJsonText } from './geojson.js';
import { ledgerToJson } from './ledger-json.js';

/** The export formats, as `corroborate export --format` names them. */
export const EXPORT_FORMATS = ['json', 'acled-csv', 'geojson', 'claimreview'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options shared by the exports: the clock (ACLED `timestamp`) and admin-1 names (the gazetteer). */
export interface ExportOptions {
  /** The export time in Unix seconds (ACLED `timestamp`); now by default. */
  readonly timestamp?: number;
  /** Names for GeoNames admin-1 codes, for ACLED `admin1` and GeoJSON; codes stay as they are without it. */
  readonly admin1Name?: Admin1Resolver;
}

/**
 * True when `name` is one of `EXPORT_FORMATS`.
 *
 * @example isExportFormat('geojson') // true
 */
export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

/**
 * The ledger written in one export format, as the text of the file.
 *
 * @example process.stdout.write(exportLedger(ledger, 'acled-csv'));
 */
export function exportLedger(ledger: Ledger, format: ExportFormat, options: ExportOptions = {}): string {
  switch (format) {
    case 'json':
      return ledgerToJson(ledger);
    case 'acled-csv':
      return ledgerToAcledCsv(ledger, options);
    case 'geojson':
      return ledgerToGeoJsonText(ledger, options);
    case 'claimreview':
      return ledgerToClaimReviewText(ledger);
  }
}

export { ACLED_COLUMNS, CORROBORATE_COLUMNS, ledgerToAcledRows, parseAcledCsv } from './acled-csv.js';
export { type Admin1Resolver, isAdmin1Code } from './admin1-name.js';
export { ledgerToClaimReviews } from './claimreview.js';
export { ledgerToGeoJson } from './geojson.js';
export { ledgerToJson, parseLedgerJson } from './ledger-json.js';
