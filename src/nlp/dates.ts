import type { ReaderStage } from '../stage.js';

// Placeholder until the owning work lands: adds nothing.
export const datesStage: ReaderStage = {
  id: 'dates',
  run: () => ({}),
};
