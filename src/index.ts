// Corroborate's library API. Everything a caller may rely on is exported here, deliberately.

export { type AnalyzeOptions, analyzeBytes, analyzeText } from './analyze.js';
export {
  type BuildLedgerOptions,
  buildLedger,
  groupOrigins,
  LedgerBuilder,
  type LedgerInputDocument,
  minhashSignature,
  NearDuplicateIndex,
} from './corroborate/index.js';
export { CorroborateError, ExitCode, InputError, UsageError } from './errors.js';
export {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  exportLedger,
  parseAcledCsv,
  parseLedgerJson,
} from './export/index.js';
export { type Gazetteer, loadDefaultGazetteer } from './geo/gazetteer.js';
export { readDocumentInfo, sha256 } from './ingest/document-metadata.js';
export { sourceFromBytes, sourceFromString } from './ingest/source-document.js';
export { analyzeDocument, READER_STAGES } from './pipeline.js';
export { parseReferenceDate } from './reference-date.js';
export type { ReaderContext, ReaderStage, RecordSoFar } from './stage.js';
export * from './types/index.js';
