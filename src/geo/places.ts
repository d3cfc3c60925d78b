import type { ReaderStage } from '../stage.js';

// Placeholder until the owning work lands: adds nothing.
export const placesStage: ReaderStage = {
  id: 'places',
  run: () => ({}),
};
