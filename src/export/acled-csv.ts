import { InputError } from '../errors.js';
import type { AcledEventType } from '../types/event.js';
import type { Ledger, LedgerDocument, LedgerEvent } from '../types/ledger.js';
import { acledCountry } from './acled-countries.js';
import { type Admin1Resolver, admin1Name } from './admin1-name.js';
import { formatCsv, parseCsv } from './csv.js';
import { eventsInExportOrder } from './event-order.js';
import { eventSummary } from './event-summary.js';

/** ACLED's 31 columns, in ACLED's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** Corroborate's own columns, after ACLED's. */
export const CORROBORATE_COLUMNS = [
  'corroborate_event_id',
  'corroborate_type',
  'status',
  'status_by_analyst',
  'occurrence',
  'independent_origins',
  'contradictions',
  'date_from',
  'date_to',
  'precision',
  'confidence',
  'fatalities_reported',
  'weapons',
  'member_documents',
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type CorroborateColumn = (typeof CORROBORATE_COLUMNS)[number];

/** One CSV row by column name; our columns are absent when reading a plain ACLED file. */
export type AcledRow = Record<AcledColumn, string> & Partial<Record<CorroborateColumn, string>>;

/** Options of the ACLED export. */
export interface AcledExportOptions {
  /** ACLED's `timestamp` (Unix seconds of the row's last change); the export time by default. */
  readonly timestamp?: number;
  /** Names for GeoNames admin-1 codes (`admin1` column); codes are written as they are without it. */
  readonly admin1Name?: Admin1Resolver;
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * ACLED's `event_date` and `time_precision` for a date range: one day is precision 1; up to a
 * week, precision 2; longer, precision 3. For a range ACLED codes the middle day, and so do we
 * (the earlier of two middle days); `date_from`/`date_to` keep the range itself.
 *
 * @example acledDate({ from: '2023-10-16', to: '2023-10-22' }) // { date: '2023-10-19', precision: 2 }
 */
export function acledDate(range: LedgerEvent['date']): { date: string; precision: 1 | 2 | 3 } | null {
  if (!range) return null;
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  const width = to - from + 1;
  const precision = width <= 1 ? 1 : width <= 7 ? 2 : 3;
  return { date: isoDay(from + Math.floor((Math.max(width, 1) - 1) / 2)), precision };
}

/**
 * ACLED's `disorder_type` for an event type (and sub-type, for the two mixed cases).
 *
 * @example disorderType('Protests', 'Excessive force against protesters') // 'Political violence; Demonstrations'
 */
export function disorderType(eventType: AcledEventType | null, subEventType: string | null): string {
  const sub = subEventType?.toLowerCase() ?? '';
  switch (eventType) {
    case 'Battles':
    case 'Explosions/Remote violence':
    case 'Violence against civilians':
      return 'Political violence';
    case 'Protests':
      return sub.startsWith('excessive force') ? 'Political violence; Demonstrations' : 'Demonstrations';
    case 'Riots':
      return sub === 'mob violence' ? 'Political violence' : 'Demonstrations';
    case 'Strategic developments':
      return 'Strategic developments';
    default:
      return '';
  }
}

function sourceName(document: LedgerDocument | undefined): string | null {
  if (!document) return null;
  if (document.publisher) return document.publisher;
  if (!document.url) return null;
  try {
    return new URL(document.url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function distinct(values: Iterable<string | null>): string[] {
  return [...new Set([...values].filter((value): value is string => Boolean(value)))];
}

function numberCell(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The ledger's events as ACLED rows (ACLED's 31 columns, then ours), before CSV encoding. See
 * `docs/ledger.md` for each column's mapping and what is left empty because a report cannot
 * tell it (actor type codes, source scale, admin2/3).
 *
 * @example ledgerToAcledRows(ledger, { timestamp: 1700000000 })[0].event_type // 'Explosions/Remote violence'
 */
export function ledgerToAcledRows(ledger: Ledger, options: AcledExportOptions = {}): AcledRow[] {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const documents = new Map(ledger.documents.map((document) => [document.id, document]));
  const perCountry = new Map<string, number>();
  return eventsInExportOrder(ledger).map((event) => {
    const country = acledCountry(event.place?.country ?? null);
    const prefix = country?.alpha3 ?? 'XXX';
    const serial = (perCountry.get(prefix) ?? 0) + 1;
    perCountry.set(prefix, serial);
    const date = acledDate(event.date);
    const memberDocuments = distinct(event.members.map((member) => member.documentId));
    const row: AcledRow = {
      event_id_cnty: `${prefix}${serial}`,
      event_date: date?.date ?? '',
      year: date?.date.slice(0, 4) ?? '',
      time_precision: numberCell(date?.precision),
      disorder_type: disorderType(event.eventType, event.subEventType),
      event_type: event.eventType ?? '',
      sub_event_type: event.subEventType ?? '',
      actor1: event.actors[0] ?? '',
      assoc_actor_1: event.actors.slice(1).join('; '),
      inter1: '',
      actor2: event.targets[0] ?? '',
      assoc_actor_2: event.targets.slice(1).join('; '),
      inter2: '',
      interaction: '',
      civilian_targeting: event.eventType === 'Violence against civilians' ? 'Civilian targeting' : '',
      iso: numberCell(country?.isoNumeric),
      region: country?.region ?? '',
      country: country?.name ?? event.place?.country ?? '',
      admin1: admin1Name(event.place, options.admin1Name) ?? '',
      admin2: '',
      admin3: '',
      location: event.place?.name ?? '',
      latitude: numberCell(event.place?.lat),
      longitude: numberCell(event.place?.lon),
      geo_precision: numberCell(event.place?.geoPrecision),
      source: distinct(memberDocuments.map((id) => sourceName(documents.get(id)))).join('; '),
      source_scale: '',
      notes: eventSummary(event),
      fatalities: String(event.fatalities ?? 0),
      tags: '',
      timestamp,
      corroborate_event_id: event.id,
      corroborate_type: event.type,
      status: event.status,
      status_by_analyst: String(event.statusByAnalyst),
      occurrence: event.occurrence,
      independent_origins: String(event.support.independentOrigins),
      contradictions: String(event.contradictions.length),
      date_from: event.date?.from ?? '',
      date_to: event.date?.to ?? '',
      precision: event.place?.precision ?? '',
      confidence: String(event.confidence),
      fatalities_reported: numberCell(event.fatalities),
      weapons: event.weapons.join('; '),
      member_documents: memberDocuments.join('; '),
    };
    return row;
  });
}

/**
 * The ledger's events as ACLED-style CSV: RFC 4180, UTF-8, a header row, ACLED's 31 columns then
 * Corroborate's. Cells that a spreadsheet would run as a formula start with `'` (see `guardCell`).
 *
 * @example writeFileSync('events.csv', ledgerToAcledCsv(ledger));
 */
export function ledgerToAcledCsv(ledger: Ledger, options: AcledExportOptions = {}): string {
  const columns = [...ACLED_COLUMNS, ...CORROBORATE_COLUMNS];
  const rows = ledgerToAcledRows(ledger, options).map((row) => columns.map((column) => row[column] ?? ''));
  return formatCsv(columns, rows);
}

/**
 * Rows of an ACLED CSV: ours, or ACLED's own (its 31 columns in any order and either case; other
 * columns are ignored). Throws `InputError` when a required ACLED column is missing or a row has the wrong
 * number of cells.
 *
 * @example parseAcledCsv(ledgerToAcledCsv(ledger))[0].corroborate_event_id
 */
export function parseAcledCsv(text: string): AcledRow[] {
  const [written, ...rows] = parseCsv(text);
  if (!written) throw new InputError('ACLED CSV: the text is empty (no header row)');
  // Older ACLED files write the column names in capitals (EVENT_ID_CNTY).
  const header = written.map((column) => column.trim().toLowerCase());
  const missing = ACLED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new InputError(`ACLED CSV: missing column(s) ${missing.join(', ')}`);
  const known = new Set<string>([...ACLED_COLUMNS, ...CORROBORATE_COLUMNS]);
  return rows.map((cells, index) => {
    if (cells.length !== header.length)
      throw new InputError(
        `ACLED CSV: row ${index + 2} has ${cells.length} cells, the header has ${header.length}`,
      );
    const entries = header.flatMap((column, i) => (known.has(column) ? [[column, cells[i]!] as const] : []));
    return Object.fromEntries(entries) as AcledRow;
  });
}
