import type { AnalysisRecord } from '../types/analysis-record.js';
import type { SpeakerKind } from '../types/attribution.js';
import type { EvidenceItem, EvidenceKind, EvidenceSubject } from '../types/evidence.js';
import type { AccountStore } from './accounts.js';
import type { DialectCapabilities } from './dialect-profile.js';

/**
 * What a caller hands the store for one document: the reader's record plus the source bytes.
 *
 * @example
 * await store.putDocument({ record, raw: htmlBytes, mediaType: 'text/html', originUrl: 'https://…' });
 */
export interface PutDocumentInput {
  /** The reader's output; `record.id` is the document id, `record.text` the analysed text. */
  readonly record: AnalysisRecord;
  /** The source exactly as received (HTML or text); defaults to the analysed text. */
  readonly raw?: Uint8Array | string;
  /** Media type of `raw`, e.g. `text/html; charset=utf-8`; defaults from `record.document.format`. */
  readonly mediaType?: string;
  /** Where the bytes were fetched from (URL or file path); defaults to `record.document.url`. */
  readonly originUrl?: string | null;
  /** ISO time the bytes were retrieved; defaults to the store's clock. */
  readonly retrievedAt?: string;
}

/** How a put ended: stored anew, already there, replaced an older version, or not stored. */
export type PutStatus = 'new' | 'duplicate' | 'updated' | 'failed';

/**
 * The outcome of one `putDocument`. `documentId` is the id under which the content lives (for a
 * duplicate of another document, that document's id).
 *
 * @example { status: 'duplicate', documentId: 'harir-1', sha256: '9f…' }
 */
export interface PutResult {
  readonly status: PutStatus;
  readonly documentId: string;
  readonly sha256: string;
  /** Why the write failed (only for `failed`); nothing of the document was written. */
  readonly reason?: string;
}

/** Lifecycle of a stored document; analysts may retract one later without deleting its archive. */
export type DocumentStatus = 'active' | 'retracted';

/** A document row: the publication and where its words are archived. */
export interface StoredDocument {
  readonly id: string;
  /** SHA-256 of the analysed text (UTF-8); the archive holds the text under it. */
  readonly sha256: string;
  /** SHA-256 of the raw bytes as received; equal to `sha256` for plain text input. */
  readonly rawSha256: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: string | null;
  readonly originId: string;
  readonly status: DocumentStatus;
  readonly ingestedAt: string;
  /** ISO time of the last change of content (equal to `ingestedAt` until an update). */
  readonly updatedAt: string;
  /** 1 for the first content seen, +1 for each update. */
  readonly version: number;
}

/** Archived bytes, byte-exact, with the first retrieval that brought them. */
export interface ArchivedBlob {
  readonly sha256: string;
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly mediaType: string;
  readonly retrievedAt: string;
  readonly originUrl: string | null;
}

/** A claim row: the words it rests on are `archive(documentSha256).slice(start, end)`. */
export interface StoredClaim {
  readonly documentId: string;
  readonly claimId: string;
  readonly documentSha256: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speakerName: string;
  readonly speakerKind: SpeakerKind;
  readonly stance: string;
  readonly polarity: 'asserted' | 'denied';
  readonly confidence: number;
}

/** A claim's or an event's place in its document's archived text. */
export interface DocumentSpan {
  readonly kind: 'claim' | 'event';
  /** The claim or event id within the document. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** An event row: trigger span into the archived text, plus the resolved date and place. */
export interface StoredEvent {
  readonly documentId: string;
  readonly eventId: string;
  readonly documentSha256: string;
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly eventType: string | null;
  readonly subEventType: string | null;
  readonly status: string;
  readonly actor: string | null;
  readonly target: string | null;
  /** ISO date (or range start) of the event, when the reader resolved one. */
  readonly date: string | null;
  readonly placeName: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly confidence: number;
}

/** A group of documents that are copies of one another (one story, many sites). */
export interface Origin {
  readonly id: string;
  readonly documentIds: string[];
  /** How the grouping was made (`own` for a document alone, `near-duplicate`, `notice`, `analyst`). */
  readonly method: string;
}

/** One search result: a document (title/text) or a claim that matched. */
export interface SearchHit {
  readonly kind: 'document' | 'claim';
  readonly documentId: string;
  /** The claim id for claim hits; the document id for document hits. */
  readonly itemId: string;
  /** Document title or claim text. */
  readonly text: string;
  /** Higher is better; comparable within one result list only. */
  readonly score: number;
}

/**
 * Matches a search ranks at most: the most recently stored ones. A common word matches most of a
 * large ledger (every document at 100,000 documents); ranking them all took seconds per query, so
 * past this many matches only the newest are ranked and older ones are not returned.
 */
export const SEARCH_RANKED_MATCHES = 2000;

/** Options for `search`. */
export interface SearchOptions {
  /** At most this many hits (default 20, capped at 1000). */
  readonly limit?: number;
  /** Only documents, only claims, or both (default). */
  readonly kind?: 'document' | 'claim';
  /**
   * Ranks at most this many matches, the most recently stored first (default and cap
   * `SEARCH_RANKED_MATCHES`; at least `limit`).
   */
  readonly rankAtMost?: number;
}

/** A search's hits, with how many matches were ranked and whether those were all of them. */
export interface RankedSearch {
  readonly hits: SearchHit[];
  /** Matches ranked (of the kind asked for): every match, or the newest `rankAtMost`. */
  readonly ranked: number;
  /** False when the query had at least `rankAtMost` matches: older matches may not have been ranked. */
  readonly complete: boolean;
}

/** What a reviewer did, before it is chained. */
export interface AuditInput {
  readonly actor: string;
  /** Verb such as `set-status`, `merge-events`, `rate-claim`. */
  readonly action: string;
  /** What it was done to, e.g. `event:harir-1:e1`. */
  readonly subject: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly note?: string | null;
}

/** An audit entry as stored: each entry's hash covers its content and the previous hash. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** JSON text of the state before/after (null when absent). */
  readonly before: string | null;
  readonly after: string | null;
  readonly note: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/** Result of walking the audit chain: `ok`, or the first entry that does not verify. */
export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly firstBadSeq: number | null;
  readonly reason: string | null;
}

/**
 * Bytes a piece of evidence rests on (an image), archived with the item in one transaction.
 *
 * @example { bytes: jpegBytes, mediaType: 'image/jpeg', originUrl: 'https://north-desk.example/img/1.jpg' }
 */
export interface EvidenceBlob {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  /** Where the bytes came from (URL or file path); also recorded as a retrieval. */
  readonly originUrl?: string | null;
  /** ISO time the bytes were retrieved; defaults to the store's clock. */
  readonly retrievedAt?: string;
}

/**
 * The outcome of `putEvidence`: stored anew, or already there under the same id (nothing changed).
 *
 * @example { status: 'new', id: 'ev:3f9a1c0b2d4e' }
 */
export interface PutEvidenceResult {
  readonly status: 'new' | 'duplicate';
  readonly id: string;
}

/**
 * Which evidence to list: items bearing on one subject and/or of one kind (all when empty).
 *
 * @example { subjectKind: 'event', subjectId: 'north-desk-1:e1', kind: 'image' }
 */
export interface EvidenceFilter {
  readonly subjectKind?: EvidenceSubject['kind'];
  readonly subjectId?: string;
  readonly kind?: EvidenceKind;
}

/**
 * One stored image hash with the appearance it stands for: the re-use index is built from these.
 * An image on several documents yields one row per document.
 *
 * @example
 * { evidenceId: 'ev:0c1d2e3f4a5b', sha256: '51…', perceptualHash: 'c3a1f00e9b8d2274', sourceUrl: null,
 *   addedAt: '2024-03-02T08:00:00.000Z', documentId: 'east-wire-3', documentUrl: 'https://…', publishedDate: '2023-11-02' }
 */
export interface StoredImageHash {
  readonly evidenceId: string;
  readonly sha256: string;
  readonly perceptualHash: string;
  /** The finding's crop hashes (empty for an image stored without them). */
  readonly cropHashes: readonly string[];
  readonly sourceUrl: string | null;
  readonly addedAt: string;
  readonly documentId: string | null;
  readonly documentUrl: string | null;
  readonly publishedDate: string | null;
}

/** A document's analysis record, as `Store.recordsPage` reads them. */
export interface StoredRecord {
  readonly documentId: string;
  readonly record: AnalysisRecord;
}

/** Counts for a ledger summary. */
export interface LedgerStats {
  readonly documents: number;
  readonly archivedBlobs: number;
  readonly archivedBytes: number;
  readonly claims: number;
  readonly events: number;
  readonly origins: number;
  readonly auditEntries: number;
}

/**
 * The ledger's storage: documents, their byte-exact archive, analysis records, claims, events,
 * origins, full-text search and the hash-chained audit log. SQLite and PostgreSQL implement it
 * with the same behaviour; `capabilities` says where the engines differ.
 *
 * @example
 * const store = await openStore('./.corroborate/ledger.sqlite');
 * const { status } = await store.putDocument({ record });
 * const hits = await store.search('drone Harir', { limit: 10 });
 * await store.close();
 */
export interface Store {
  readonly capabilities: DialectCapabilities;
  /** Users, login sessions and API tokens of the desk (`src/server`). */
  readonly accounts: AccountStore;
  /** Stores one document in one transaction; idempotent on content (see `PutStatus`). */
  putDocument(input: PutDocumentInput): Promise<PutResult>;
  /**
   * Stores several documents in one transaction (bulk loads: one commit instead of one per
   * document), with the results `putDocument` would give one after another. All or nothing: when
   * the batch cannot be written, nothing of it is stored and every result is `failed`.
   */
  putDocuments(inputs: readonly PutDocumentInput[]): Promise<PutResult[]>;
  getDocument(id: string): Promise<StoredDocument | null>;
  /** Documents ordered by id, for paging. */
  listDocuments(options?: { limit?: number; offset?: number }): Promise<StoredDocument[]>;
  getRecord(documentId: string): Promise<AnalysisRecord | null>;
  /**
   * Analysis records a page at a time, ordered by document id: those of documents after `afterId`
   * (from the first when null or absent), at most `limit` (default 500, at most 5000). Reads every
   * record of a large ledger without holding them all: pass the last id of a page as the next
   * page's `afterId` until a page comes back short. Retracted documents' records come too.
   */
  recordsPage(options?: { afterId?: string | null; limit?: number }): Promise<StoredRecord[]>;
  /** Archived bytes under their SHA-256 (hex), or null. */
  getArchive(sha256: string): Promise<ArchivedBlob | null>;
  /** Every URL/path the same bytes were retrieved from, oldest first. */
  getRetrievals(sha256: string): Promise<{ originUrl: string | null; retrievedAt: string }[]>;
  claimsOf(documentId: string): Promise<StoredClaim[]>;
  /**
   * Where a document's claims and events sit in its archived text, by start then end: ids and
   * spans only, for highlighting (a cheaper read than `claimsOf` and `eventsOf`).
   */
  spansOf(documentId: string): Promise<DocumentSpan[]>;
  eventsOf(documentId: string): Promise<StoredEvent[]>;
  /**
   * Events across the ledger, by date then document: the blocking read for event clustering.
   * With `from`/`to` (ISO dates, inclusive) only dated events in the window are returned.
   */
  listEvents(options?: {
    from?: string;
    to?: string;
    limit?: number;
    offset?: number;
  }): Promise<StoredEvent[]>;
  /** Retracts or restores a document (its archive and rows stay); false when no such document. */
  setDocumentStatus(id: string, status: DocumentStatus): Promise<boolean>;
  /** Puts the given documents into one origin (created when new); emptied origins are removed. */
  assignOrigin(originId: string, documentIds: string[], method: string): Promise<void>;
  listOrigins(): Promise<Origin[]>;
  /** Full-text search: the best hits among the newest `SEARCH_RANKED_MATCHES` matches. */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** `search` with how many matches were ranked and whether they were all (`RankedSearch`). */
  searchRanked(query: string, options?: SearchOptions): Promise<RankedSearch>;
  appendAudit(input: AuditInput): Promise<AuditEntry>;
  /** Audit entries in order, from `afterSeq` (exclusive). */
  auditLog(options?: { afterSeq?: number; limit?: number }): Promise<AuditEntry[]>;
  verifyAudit(): Promise<AuditVerification>;
  /**
   * Stores one piece of evidence (and its bytes, when given, in the archive) with an audit entry
   * `evidence.add` by `item.addedBy`, all in one transaction. An id already stored is a duplicate.
   */
  putEvidence(item: EvidenceItem, blob?: EvidenceBlob): Promise<PutEvidenceResult>;
  getEvidence(id: string): Promise<EvidenceItem | null>;
  /** Evidence matching the filter, oldest first (by time added, then id). */
  listEvidence(filter?: EvidenceFilter): Promise<EvidenceItem[]>;
  /** Every stored image's perceptual hash with its appearance (document, dates), oldest first. */
  imageHashes(): Promise<StoredImageHash[]>;
  stats(): Promise<LedgerStats>;
  /** How many documents the ledger holds (retracted ones included): `stats().documents` alone, cheaply. */
  countDocuments(): Promise<number>;
  /**
   * A fingerprint of what a ledger is built from: the documents (how many, their versions,
   * retractions and latest change, and the lengths of the origin ids they point at), the number
   * of origins and the last audit entry. A ledger built from the store is current while the stamp
   * stays; a regrouping into origin ids of the same total length goes unseen (as it did by the
   * counts of `stats`). Reads the documents and origins once: tens of milliseconds at 100k
   * documents, where `stats` scans the claim and event tables for seconds.
   */
  contentStamp(): Promise<string>;
  /**
   * A mark that costs next to nothing to read and changes whenever a write to the ledger may have
   * been committed, by this connection or any other (it may also change without one: a session
   * written, another database of the same server). Equal marks mean nothing changed, so a reader
   * can skip recounting (`stats`) or rebuilding until the mark moves.
   */
  changeMark(): Promise<string>;
  /**
   * A stamp that moves whenever what `search` reads may have changed: a document stored or a new
   * version of one (its count, versions and latest change). Reviews, retractions, logins and
   * audit entries leave it alone, so search answers can be kept across them. Reads the documents
   * table (milliseconds at 100,000 documents): read it after `changeMark` moved, not per request.
   */
  searchStamp(): Promise<string>;
  /** Applied migration names, oldest first. */
  migrations(): Promise<string[]>;
  close(): Promise<void>;
}
