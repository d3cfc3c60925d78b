import type { ReaderStage } from '../stage.js';

// Placeholder until the owning work lands: adds nothing.
export const entitiesStage: ReaderStage = {
  id: 'entities',
  run: () => ({}),
};
