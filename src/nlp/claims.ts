import type { ReaderStage } from '../stage.js';

// Placeholder until the owning work lands: adds nothing.
export const claimsStage: ReaderStage = {
  id: 'claims',
  run: () => ({}),
};
