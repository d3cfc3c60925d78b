// Records that cross stage boundaries. This folder imports nothing else of ours.
export * from './analysis-record.js';
export * from './attribution.js';
export * from './check.js';
export * from './claim.js';
export * from './date.js';
export * from './document.js';
export * from './entity.js';
export * from './event.js';
export * from './evidence.js';
export * from './ledger.js';
export * from './place.js';
export * from './quantity.js';
export * from './sentence.js';
export * from './span.js';
