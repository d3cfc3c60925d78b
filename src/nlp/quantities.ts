import type { ReaderStage } from '../stage.js';
import { findQuantities } from './quantities/find-quantities.js';

/**
 * The quantities stage: every number with its unit, bound, range and what it counts.
 *
 * @example quantitiesStage.run({ id: 'a', text: 'killed over 17,000 people', … }, ctx).quantities
 * // [{ value: 17000, unit: 'count', bound: 'more-than', of: { text: 'people', … }, … }]
 */
export const quantitiesStage: ReaderStage = {
  id: 'quantities',
  run: (record) => ({ quantities: findQuantities(record.text ?? '', record.tokens, 'quantities') }),
};
