// The corroboration core: stored documents and their analysis records → a Ledger. Pure; no I/O.

export {
  type BuildLedgerOptions,
  buildLedger,
  LedgerBuilder,
  type LedgerInputDocument,
} from './build-ledger.js';
export {
  type ClusterConstraints,
  clusterEvents,
  type EventClustering,
  type MatchingPairs,
  matchingPairs,
} from './cluster-events.js';
export { countsConflict, findContradictions, isDenial } from './contradictions.js';
export { eventKey, type ReplayResult, replayDecisions } from './decisions.js';
export { type DocumentDigest, digestDocument } from './document-digest.js';
export { type ReportIncident, reportIncidents } from './event-features.js';
export {
  candidatePairs,
  distanceKm,
  MATCH_DEFAULTS,
  type MatchOptions,
  type PairScore,
  scoreIncidentPair,
} from './event-pairs.js';
export {
  estimateSimilarity,
  MINHASH_DEFAULTS,
  type MinhashOptions,
  minhashSignature,
  NearDuplicateIndex,
  type NearDuplicateIndexOptions,
  shingleHashes,
  signatureOfShingles,
} from './near-duplicates.js';
export {
  assignOrigins,
  assignOriginsOfSignals,
  groupOrigins,
  ORIGIN_DEFAULTS,
  type OriginAssignment,
  type OriginOptions,
  type OriginSignals,
  originSignals,
} from './origins.js';
export { computedStatus, eventSupport } from './support.js';
