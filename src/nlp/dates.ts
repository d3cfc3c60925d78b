import type { ReaderStage } from '../stage.js';
import { findDates } from './dates/find-dates.js';

/**
 * Dates and date ranges in the text, resolved against the reference (publication) date:
 * the run's `--date`, else the date the document itself carries.
 *
 * @example datesStage.run(record, {referenceDate: '2023-12-06', gazetteer: null}).dates // [{surface: '17 November', from: '2023-11-17', …}]
 */
export const datesStage: ReaderStage = {
  id: 'dates',
  run: (record, context) => {
    const reference = context.referenceDate ?? record.referenceDate ?? record.document?.publishedDate ?? null;
    try {
      return { dates: findDates(record.text, reference) };
    } catch {
      // A date we cannot read must not sink the report: no dates is an honest answer.
      return { dates: [] };
    }
  },
};
