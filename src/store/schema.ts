/**
 * Row types of the ledger's tables, as kysely sees them. Times are ISO-8601 text in both engines
 * so that values compare and round-trip the same way; JSON is stored as text to keep it byte-stable.
 *
 * @example db.selectFrom('documents').selectAll().where('id', '=', 'harir-1')
 */
export interface LedgerDatabase {
  documents: DocumentsTable;
  archive: ArchiveTable;
  archive_retrievals: ArchiveRetrievalsTable;
  analysis_records: AnalysisRecordsTable;
  claims: ClaimsTable;
  events: EventsTable;
  origins: OriginsTable;
  audit_log: AuditLogTable;
  search_index: SearchIndexTable;
  evidence: EvidenceTable;
  evidence_subjects: EvidenceSubjectsTable;
}

/** `documents`: one row per document id; content lives in `archive`. */
export interface DocumentsTable {
  id: string;
  sha256: string;
  raw_sha256: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  published_date: string | null;
  origin_id: string;
  status: string;
  ingested_at: string;
  updated_at: string;
  version: number;
}

/** `archive`: bytes under their SHA-256, stored once. */
export interface ArchiveTable {
  sha256: string;
  bytes: Uint8Array;
  size: number;
  media_type: string;
  retrieved_at: string;
  origin_url: string | null;
}

/** `archive_retrievals`: every (bytes, URL) sighting; the same bytes from a second site add a row. */
export interface ArchiveRetrievalsTable {
  sha256: string;
  origin_url: string;
  retrieved_at: string;
}

/** `analysis_records`: the reader's JSON record for the document's current text. */
export interface AnalysisRecordsTable {
  document_id: string;
  sha256: string;
  schema: string;
  record_json: string;
}

/** `claims`: one row per claim, pointing at the archived text by hash and span. */
export interface ClaimsTable {
  document_id: string;
  claim_id: string;
  document_sha256: string;
  start_offset: number;
  end_offset: number;
  text: string;
  speaker_name: string;
  speaker_kind: string;
  stance: string;
  polarity: string;
  confidence: number;
  claim_json: string;
}

/** `events`: one row per event, trigger span into the archived text. */
export interface EventsTable {
  document_id: string;
  event_id: string;
  document_sha256: string;
  start_offset: number;
  end_offset: number;
  type: string;
  event_type: string | null;
  sub_event_type: string | null;
  status: string;
  actor: string | null;
  target: string | null;
  event_date: string | null;
  place_name: string | null;
  lat: number | null;
  lon: number | null;
  confidence: number;
  event_json: string;
}

/** `origins`: groups of copies; `documents.origin_id` points here. */
export interface OriginsTable {
  id: string;
  method: string;
  created_at: string;
}

/** `audit_log`: append-only, hash-chained review history. */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
  prev_hash: string;
  hash: string;
}

/** The search index as both engines expose it to shared code (FTS5 table or plain table + tsvector). */
export interface SearchIndexTable {
  kind: string;
  document_id: string;
  item_id: string;
  title: string;
  body: string;
  text: string;
}

/** `evidence`: one row per piece of evidence; the finding is kept whole as JSON text. */
export interface EvidenceTable {
  id: string;
  kind: string;
  added_by: string;
  added_at: string;
  note: string | null;
  finding_json: string;
  /** For images: the archived bytes' hash, the perceptual hash and the source, for the re-use index. */
  image_sha256: string | null;
  perceptual_hash: string | null;
  source_url: string | null;
  /** Space-separated crop hashes (migration 006). */
  crop_hashes: string | null;
}

/** `evidence_subjects`: what each piece of evidence bears on, in the order given. */
export interface EvidenceSubjectsTable {
  evidence_id: string;
  subject_kind: string;
  subject_id: string;
  position: number;
}
