import { UsageError } from './errors.js';

/**
 * Validates a reference (publication) date given by a user: `YYYY-MM-DD`, a real calendar day.
 *
 * @example parseReferenceDate('2023-12-06') // '2023-12-06'
 */
export function parseReferenceDate(value: string, what = '--date'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) throw new UsageError(`${what} must be a date as YYYY-MM-DD, got "${value}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new UsageError(`${what} is not a calendar day: "${value}"`);
  }
  return m[0];
}
