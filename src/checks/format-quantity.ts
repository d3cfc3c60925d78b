import type { Quantity } from '../types/index.js';

/**
 * A number as an analyst reads it: thousands separators, at most `decimals` decimals.
 *
 * @example formatNumber(1272.771648, 2) // '1,272.77'
 */
export function formatNumber(value: number, decimals = 2): string {
  // One formatter per precision: toLocaleString would build a new one on every call.
  let format = FORMATS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals });
    FORMATS.set(decimals, format);
  }
  return format.format(value);
}

const FORMATS = new Map<number, Intl.NumberFormat>();

/**
 * A quantity quoted as the text wrote it.
 *
 * @example formatQuantity(q) // '"13,700 square feet"'
 */
export function formatQuantity(q: Quantity): string {
  return `"${q.surface.replace(/\s+/g, ' ')}"`;
}

const LABELS: Readonly<Record<string, string>> = {
  m2: 'm²',
  km2: 'km²',
  ft2: 'sq ft',
  mi2: 'sq mi',
  degC: '°C',
  degF: '°F',
  count: '',
};

/**
 * A readable name for a unit id.
 *
 * @example unitLabel('m2') // 'm²'
 */
export function unitLabel(unit: string): string {
  return LABELS[unit] ?? unit;
}
