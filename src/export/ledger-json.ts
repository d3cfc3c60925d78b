import { InputError } from '../errors.js';
import { LEDGER_SCHEMA, type Ledger } from '../types/ledger.js';
import { LEDGER_SHAPE } from './ledger-shape.js';
import { firstMismatch, inShapeOrder } from './record-shape.js';

/**
 * The ledger as its JSON interchange format (`corroborate.ledger/1`, documented in
 * `docs/ledger.md`): keys in a fixed order, two-space indentation, a final newline. The same
 * ledger always gives the same text.
 *
 * @example
 * writeFileSync('ledger.json', ledgerToJson(ledger));
 */
export function ledgerToJson(ledger: Ledger): string {
  return `${JSON.stringify(inShapeOrder(ledger, LEDGER_SHAPE), null, 2)}\n`;
}

/**
 * Reads a ledger written by `ledgerToJson` (or by another tool following `docs/ledger.md`),
 * checking every field. Throws `InputError` for text that is not JSON, has a missing, newer or
 * unknown `schema`, or does not fit the schema (the message names the first bad field).
 *
 * @example
 * const ledger = parseLedgerJson(readFileSync('ledger.json', 'utf8'));
 */
export function parseLedgerJson(text: string): Ledger {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not a ledger: the text is not JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError('not a ledger: expected a JSON object');
  checkSchema((value as { schema?: unknown }).schema);
  const mismatch = firstMismatch(value, LEDGER_SHAPE);
  if (mismatch)
    throw new InputError(`not a valid ${LEDGER_SCHEMA} ledger: ${mismatch.path}: ${mismatch.problem}`);
  return value as Ledger;
}

function checkSchema(schema: unknown): void {
  if (schema === LEDGER_SCHEMA) return;
  if (typeof schema !== 'string') throw new InputError(`not a ledger: no "schema": "${LEDGER_SCHEMA}" field`);
  const [name, version] = splitSchema(schema);
  const [ourName, ourVersion] = splitSchema(LEDGER_SCHEMA);
  if (name === ourName && version !== null && ourVersion !== null && version > ourVersion)
    throw new InputError(
      `ledger schema ${schema} is newer than this version of Corroborate reads (${LEDGER_SCHEMA}): upgrade Corroborate`,
    );
  throw new InputError(`unsupported ledger schema "${schema}" (this version reads ${LEDGER_SCHEMA})`);
}

function splitSchema(schema: string): [string, number | null] {
  const match = /^(.*)\/(\d+)$/.exec(schema);
  return match ? [match[1]!, Number(match[2])] : [schema, null];
}
