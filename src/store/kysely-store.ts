import { createHash } from 'node:crypto';
import { type Kysely, Migrator, sql, type Transaction } from 'kysely';
import type { AnalysisRecord } from '../types/analysis-record.js';
import type { SpeakerKind } from '../types/attribution.js';
import type { EvidenceItem, EvidenceSubject } from '../types/evidence.js';
import type { AccountStore } from './accounts.js';
import { AUDIT_GENESIS, auditHash, verifyAuditChain } from './audit-chain.js';
import type { DialectCapabilities, DialectProfile } from './dialect-profile.js';
import { KyselyAccountStore } from './kysely-account-store.js';
import { ledgerMigrations } from './migrations.js';
import type { DocumentsTable, EventsTable, EvidenceTable, LedgerDatabase } from './schema.js';
import { MAX_WORD_LENGTH, parseSearchQuery, searchableText } from './search-query.js';
import type {
  ArchivedBlob,
  AuditEntry,
  AuditInput,
  AuditVerification,
  DocumentSpan,
  DocumentStatus,
  EvidenceBlob,
  EvidenceFilter,
  LedgerStats,
  Origin,
  PutDocumentInput,
  PutEvidenceResult,
  PutResult,
  RankedSearch,
  SearchHit,
  SearchOptions,
  Store,
  StoredClaim,
  StoredDocument,
  StoredEvent,
  StoredImageHash,
  StoredRecord,
} from './store.js';
import { SEARCH_RANKED_MATCHES } from './store.js';

/** Side effects a store takes from outside, with real defaults. */
export interface StoreOptions {
  /** Time source for ingest, retrieval and audit times (default: the system clock). */
  readonly clock?: () => Date;
}

type Tx = Transaction<LedgerDatabase>;

const TEXT_MEDIA_TYPE = 'text/plain; charset=utf-8';
const WRITE_ATTEMPTS = 3;
/** Tries at migrating a ledger that another process may be migrating at the same time. */
const MIGRATE_ATTEMPTS = 10;

/**
 * The `Store` over any kysely dialect: all SQL is shared; a `DialectProfile` supplies the few
 * engine-specific statements. Built by `openSqliteStore` / `openPostgresStore`, not directly.
 *
 * @example const store = await KyselyStore.open(db, sqliteProfile);
 */
export class KyselyStore implements Store {
  readonly capabilities: DialectCapabilities;
  readonly accounts: AccountStore;
  readonly #clock: () => Date;

  private constructor(
    /** The underlying connection, for tests and later ledger stages in `src/store`. */
    readonly db: Kysely<LedgerDatabase>,
    readonly profile: DialectProfile,
    options: StoreOptions,
  ) {
    this.capabilities = profile.capabilities;
    this.#clock = options.clock ?? (() => new Date());
    this.accounts = new KyselyAccountStore(db, this.#clock);
  }

  /** Migrates `db` to the latest schema and wraps it; throws (programmer/setup error) if a migration fails. */
  static async open(
    db: Kysely<LedgerDatabase>,
    profile: DialectProfile,
    options: StoreOptions = {},
  ): Promise<KyselyStore> {
    // Another process may be migrating the same new ledger (kysely takes no lock on SQLite, so
    // both may run a step); once it is done a retry finds the migrations applied. The retries wait
    // a little longer each time, for a busy machine where its eight steps take a while.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { error } = await (await migratorFor(db, profile)).migrateToLatest();
        if (error) throw error instanceof Error ? error : new Error(String(error));
        break;
      } catch (error) {
        if (attempt < MIGRATE_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
          continue;
        }
        await db.destroy();
        throw error;
      }
    }
    return new KyselyStore(db, profile, options);
  }

  async putDocument(input: PutDocumentInput): Promise<PutResult> {
    const { record } = input;
    const textBytes = Buffer.from(record.text, 'utf8');
    const sha256 = sha256Hex(textBytes);
    // Two writers may race on the same new document (or, in SQLite, on the write lock); the loser
    // retries and then sees a duplicate.
    let lastError: unknown;
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      try {
        return await this.db.transaction().execute((trx) => this.#put(trx, input, textBytes, sha256));
      } catch (error) {
        lastError = error;
      }
    }
    return { status: 'failed', documentId: record.id, sha256, reason: messageOf(lastError) };
  }

  async putDocuments(inputs: readonly PutDocumentInput[]): Promise<PutResult[]> {
    if (inputs.length === 0) return [];
    const prepared = inputs.map((input) => {
      const textBytes = Buffer.from(input.record.text, 'utf8');
      return { input, textBytes, sha256: sha256Hex(textBytes) };
    });
    let lastError: unknown;
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const results: PutResult[] = [];
          // In order: a later input sees the earlier ones, as with one put after another.
          for (const p of prepared) results.push(await this.#put(trx, p.input, p.textBytes, p.sha256));
          return results;
        });
      } catch (error) {
        lastError = error;
      }
    }
    return prepared.map((p) => ({
      status: 'failed' as const,
      documentId: p.input.record.id,
      sha256: p.sha256,
      reason: messageOf(lastError),
    }));
  }

  async #put(trx: Tx, input: PutDocumentInput, textBytes: Buffer, sha256: string): Promise<PutResult> {
    const { record } = input;
    const rawBytes =
      input.raw === undefined
        ? textBytes
        : typeof input.raw === 'string'
          ? Buffer.from(input.raw, 'utf8')
          : Buffer.from(input.raw.buffer, input.raw.byteOffset, input.raw.byteLength);
    const rawSha256 = sha256Hex(rawBytes);
    const now = this.#clock().toISOString();
    const retrievedAt = input.retrievedAt ?? now;
    const url = record.document.url ?? null;
    const originUrl = input.originUrl !== undefined ? input.originUrl : url;
    const retrieval = { originUrl, retrievedAt };

    const existing =
      (await trx.selectFrom('documents').selectAll().where('id', '=', record.id).executeTakeFirst()) ??
      (url === null
        ? undefined
        : await trx
            .selectFrom('documents')
            .selectAll()
            .where('url', '=', url)
            .orderBy('id')
            .executeTakeFirst());
    if (existing === undefined) {
      const copy = await trx
        .selectFrom('documents')
        .select('id')
        .where('sha256', '=', sha256)
        .where('raw_sha256', '=', rawSha256)
        .orderBy('id')
        .executeTakeFirst();
      if (copy !== undefined) {
        await this.#recordRetrieval(trx, rawSha256, retrieval);
        return { status: 'duplicate', documentId: copy.id, sha256 };
      }
    } else if (existing.sha256 === sha256 && existing.raw_sha256 === rawSha256) {
      await this.#recordRetrieval(trx, rawSha256, retrieval);
      return { status: 'duplicate', documentId: existing.id, sha256 };
    }

    const rawMediaType =
      input.mediaType ?? (record.document.format === 'html' ? 'text/html' : TEXT_MEDIA_TYPE);
    await this.#putBlob(
      trx,
      sha256,
      textBytes,
      rawSha256 === sha256 ? rawMediaType : TEXT_MEDIA_TYPE,
      retrieval,
    );
    if (rawSha256 !== sha256) await this.#putBlob(trx, rawSha256, rawBytes, rawMediaType, retrieval);
    await this.#recordRetrieval(trx, rawSha256, retrieval);

    const documentId = existing?.id ?? record.id;
    const fields = {
      sha256,
      raw_sha256: rawSha256,
      title: record.document.title?.value ?? null,
      publisher: record.document.publisher?.value ?? null,
      url,
      published_date: record.document.publishedDate ?? null,
      updated_at: now,
    };
    if (existing !== undefined) {
      await trx
        .updateTable('documents')
        .set({ ...fields, version: existing.version + 1 })
        .where('id', '=', documentId)
        .execute();
      await trx.deleteFrom('claims').where('document_id', '=', documentId).execute();
      await trx.deleteFrom('events').where('document_id', '=', documentId).execute();
      await trx.deleteFrom('analysis_records').where('document_id', '=', documentId).execute();
      await trx.deleteFrom('search_index').where('document_id', '=', documentId).execute();
    } else {
      const originId = `origin:${documentId}`;
      await trx
        .insertInto('origins')
        .values({ id: originId, method: 'own', created_at: now })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('documents')
        .values({
          ...fields,
          id: documentId,
          origin_id: originId,
          status: 'active',
          ingested_at: now,
          version: 1,
        })
        .execute();
    }
    await this.#writeAnalysis(trx, documentId, sha256, record);
    return { status: existing === undefined ? 'new' : 'updated', documentId, sha256 };
  }

  async #putBlob(
    trx: Tx,
    sha256: string,
    bytes: Buffer,
    mediaType: string,
    retrieval: { originUrl: string | null; retrievedAt: string },
  ): Promise<void> {
    await trx
      .insertInto('archive')
      .values({
        sha256,
        bytes,
        size: bytes.byteLength,
        media_type: mediaType,
        retrieved_at: retrieval.retrievedAt,
        origin_url: retrieval.originUrl,
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  async #recordRetrieval(
    trx: Tx,
    sha256: string,
    retrieval: { originUrl: string | null; retrievedAt: string },
  ): Promise<void> {
    if (retrieval.originUrl === null) return;
    await trx
      .insertInto('archive_retrievals')
      .values({ sha256, origin_url: retrieval.originUrl, retrieved_at: retrieval.retrievedAt })
      .onConflict((oc) => oc.columns(['sha256', 'origin_url']).doNothing())
      .execute();
  }

  async #writeAnalysis(trx: Tx, documentId: string, sha256: string, record: AnalysisRecord): Promise<void> {
    await trx
      .insertInto('analysis_records')
      .values({ document_id: documentId, sha256, schema: record.schema, record_json: JSON.stringify(record) })
      .execute();
    const claims = record.claims.map((claim) => {
      const span = claim.mentions[0] ?? { start: 0, end: 0 };
      return {
        document_id: documentId,
        claim_id: claim.id,
        document_sha256: sha256,
        start_offset: span.start,
        end_offset: span.end,
        text: claim.text,
        speaker_name: claim.speaker.name,
        speaker_kind: claim.speaker.kind,
        stance: claim.stance,
        polarity: claim.polarity,
        confidence: claim.confidence,
        claim_json: JSON.stringify(claim),
      };
    });
    const events = record.events.map((event) => {
      const date = record.dates.find((d) => d.id === event.dateId);
      const place = record.places.find((p) => p.id === event.placeId);
      return {
        document_id: documentId,
        event_id: event.id,
        document_sha256: sha256,
        start_offset: event.trigger.start,
        end_offset: event.trigger.end,
        type: event.type,
        event_type: event.eventType,
        sub_event_type: event.subEventType,
        status: event.status,
        actor: event.actor?.text ?? null,
        target: event.target?.text ?? null,
        event_date: date?.from ?? null,
        place_name: place === undefined ? null : (place.resolvedName ?? place.name),
        lat: place?.lat ?? null,
        lon: place?.lon ?? null,
        confidence: event.confidence,
        event_json: JSON.stringify(event),
      };
    });
    const title = record.document.title?.value ?? '';
    const searchRows = [
      {
        kind: 'document',
        document_id: documentId,
        item_id: documentId,
        title: searchableText(title),
        body: searchableText(record.text),
        text: title || documentId,
      },
      ...record.claims.map((claim) => ({
        kind: 'claim',
        document_id: documentId,
        item_id: claim.id,
        title: '',
        body: searchableText(claim.text),
        text: claim.text,
      })),
    ];
    // Multi-row inserts: one statement per table and chunk instead of one per row.
    for (const chunk of chunks(claims)) await trx.insertInto('claims').values(chunk).execute();
    for (const chunk of chunks(events)) await trx.insertInto('events').values(chunk).execute();
    for (const chunk of chunks(searchRows)) await trx.insertInto('search_index').values(chunk).execute();
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toDocument(row);
  }

  async listDocuments(options: { limit?: number; offset?: number } = {}): Promise<StoredDocument[]> {
    // The page's ids first, from the id index alone: the rows skipped by the offset are not read
    // (at 100,000 documents a page deep in the list took 6 ms, 2 ms this way).
    const page = this.db
      .selectFrom('documents')
      .select('id')
      .orderBy('id')
      .limit(clampLimit(options.limit, 100, 10_000))
      .offset(Math.max(0, Math.floor(options.offset ?? 0)));
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('id', 'in', page)
      .orderBy('id')
      .execute();
    return rows.map(toDocument);
  }

  async getRecord(documentId: string): Promise<AnalysisRecord | null> {
    const row = await this.db
      .selectFrom('analysis_records')
      .select('record_json')
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    return row === undefined ? null : (JSON.parse(row.record_json) as AnalysisRecord);
  }

  async recordsPage(options: { afterId?: string | null; limit?: number } = {}): Promise<StoredRecord[]> {
    let query = this.db
      .selectFrom('analysis_records')
      .select(['document_id', 'record_json'])
      .orderBy('document_id')
      .limit(clampLimit(options.limit, 500, 5000));
    if (options.afterId != null) query = query.where('document_id', '>', options.afterId);
    const rows = await query.execute();
    return rows.map((row) => ({
      documentId: row.document_id,
      record: JSON.parse(row.record_json) as AnalysisRecord,
    }));
  }

  async getArchive(sha256: string): Promise<ArchivedBlob | null> {
    const row = await this.db
      .selectFrom('archive')
      .selectAll()
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      sha256: row.sha256,
      bytes: new Uint8Array(row.bytes),
      size: row.size,
      mediaType: row.media_type,
      retrievedAt: row.retrieved_at,
      originUrl: row.origin_url,
    };
  }

  async getRetrievals(sha256: string): Promise<{ originUrl: string | null; retrievedAt: string }[]> {
    const rows = await this.db
      .selectFrom('archive_retrievals')
      .select(['origin_url', 'retrieved_at'])
      .where('sha256', '=', sha256)
      .orderBy('retrieved_at')
      .orderBy('origin_url')
      .execute();
    return rows.map((r) => ({ originUrl: r.origin_url, retrievedAt: r.retrieved_at }));
  }

  async claimsOf(documentId: string): Promise<StoredClaim[]> {
    const rows = await this.db
      .selectFrom('claims')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('start_offset')
      .orderBy('claim_id')
      .execute();
    return rows.map((r) => ({
      documentId: r.document_id,
      claimId: r.claim_id,
      documentSha256: r.document_sha256,
      start: r.start_offset,
      end: r.end_offset,
      text: r.text,
      speakerName: r.speaker_name,
      speakerKind: r.speaker_kind as SpeakerKind,
      stance: r.stance,
      polarity: r.polarity as StoredClaim['polarity'],
      confidence: r.confidence,
    }));
  }

  async spansOf(documentId: string): Promise<DocumentSpan[]> {
    const [claims, events] = await Promise.all([
      this.db
        .selectFrom('claims')
        .select(['claim_id as id', 'start_offset', 'end_offset'])
        .where('document_id', '=', documentId)
        .execute(),
      this.db
        .selectFrom('events')
        .select(['event_id as id', 'start_offset', 'end_offset'])
        .where('document_id', '=', documentId)
        .execute(),
    ]);
    const span =
      (kind: DocumentSpan['kind']) => (r: { id: string; start_offset: number; end_offset: number }) => ({
        kind,
        id: r.id,
        start: r.start_offset,
        end: r.end_offset,
      });
    return [...claims.map(span('claim')), ...events.map(span('event'))].sort(
      (a, b) =>
        a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
    );
  }

  async eventsOf(documentId: string): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('start_offset')
      .orderBy('event_id')
      .execute();
    return rows.map(toEvent);
  }

  async listEvents(
    options: { from?: string; to?: string; limit?: number; offset?: number } = {},
  ): Promise<StoredEvent[]> {
    let query = this.db.selectFrom('events').selectAll();
    if (options.from !== undefined) query = query.where('event_date', '>=', options.from);
    // Event dates are ISO `YYYY-MM-DD`, so text order is date order on both engines.
    if (options.to !== undefined) query = query.where('event_date', '<=', options.to);
    // Undated events last on both engines (SQLite sorts NULL first, PostgreSQL last).
    const rows = await query
      .orderBy(sql`event_date is null`)
      .orderBy('event_date')
      .orderBy('document_id')
      .orderBy('event_id')
      .limit(clampLimit(options.limit, 1000, 100_000))
      .offset(Math.max(0, Math.floor(options.offset ?? 0)))
      .execute();
    return rows.map(toEvent);
  }

  async setDocumentStatus(id: string, status: DocumentStatus): Promise<boolean> {
    const result = await this.db
      .updateTable('documents')
      .set({ status, updated_at: this.#clock().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async assignOrigin(originId: string, documentIds: string[], method: string): Promise<void> {
    if (documentIds.length === 0) return;
    const now = this.#clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const previous = await trx
        .selectFrom('documents')
        .select('origin_id')
        .distinct()
        .where('id', 'in', documentIds)
        .execute();
      await trx
        .insertInto('origins')
        .values({ id: originId, method, created_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ method }))
        .execute();
      await trx
        .updateTable('documents')
        .set({ origin_id: originId })
        .where('id', 'in', documentIds)
        .execute();
      const stale = previous.map((p) => p.origin_id).filter((id) => id !== originId);
      if (stale.length > 0) {
        await trx
          .deleteFrom('origins')
          .where('id', 'in', stale)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(selectFrom('documents').select('id').whereRef('documents.origin_id', '=', 'origins.id')),
            ),
          )
          .execute();
      }
    });
  }

  async listOrigins(): Promise<Origin[]> {
    const rows = await this.db
      .selectFrom('origins')
      .innerJoin('documents', 'documents.origin_id', 'origins.id')
      .select(['origins.id as id', 'origins.method as method', 'documents.id as document_id'])
      .orderBy('origins.id')
      .orderBy('documents.id')
      .execute();
    const origins = new Map<string, { id: string; method: string; documentIds: string[] }>();
    for (const row of rows) {
      const origin = origins.get(row.id) ?? { id: row.id, method: row.method, documentIds: [] };
      origin.documentIds.push(row.document_id);
      origins.set(row.id, origin);
    }
    return [...origins.values()];
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return (await this.searchRanked(query, options)).hits;
  }

  async searchRanked(query: string, options: SearchOptions = {}): Promise<RankedSearch> {
    const terms = parseSearchQuery(query);
    // A word longer than any indexed word matches nothing; PostgreSQL would silently drop it instead.
    if (terms.length === 0 || terms.some((t) => t.words.some((w) => w.length > MAX_WORD_LENGTH)))
      return { hits: [], ranked: 0, complete: true };
    const limit = clampLimit(options.limit, 20, 1000);
    const rankAtMost = Math.max(
      limit,
      clampLimit(options.rankAtMost, SEARCH_RANKED_MATCHES, SEARCH_RANKED_MATCHES),
    );
    const { rows, ranked } = await this.profile.searchRows(this.db, terms, {
      limit,
      kind: options.kind ?? null,
      rankAtMost,
    });
    const hits = rows.map((r) => ({
      kind: r.kind as SearchHit['kind'],
      documentId: r.document_id,
      itemId: r.item_id,
      text: r.text,
      score: Number(r.score),
    }));
    return { hits, ranked, complete: ranked < rankAtMost };
  }

  async appendAudit(input: AuditInput): Promise<AuditEntry> {
    // The primary key on `seq` stops two writers from forking the chain; the loser retries on the new tip.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#appendAudit(input);
      } catch (error) {
        if (attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  async #appendAudit(input: AuditInput): Promise<AuditEntry> {
    return this.db.transaction().execute((trx) => this.#appendAuditIn(trx, input));
  }

  /** Appends one chained entry inside `trx`, so it commits (or not) with the change it records. */
  async #appendAuditIn(trx: Tx, input: AuditInput): Promise<AuditEntry> {
    await this.profile.lockAudit(trx);
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const unhashed = {
      seq: (last?.seq ?? 0) + 1,
      at: this.#clock().toISOString(),
      actor: input.actor,
      action: input.action,
      subject: input.subject,
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      note: input.note ?? null,
      prevHash: last?.hash ?? AUDIT_GENESIS,
    };
    const entry: AuditEntry = { ...unhashed, hash: auditHash(unhashed) };
    await trx
      .insertInto('audit_log')
      .values({
        seq: entry.seq,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        before_json: entry.before,
        after_json: entry.after,
        note: entry.note,
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    return entry;
  }

  async auditLog(options: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', options.afterSeq ?? 0)
      .orderBy('seq')
      .limit(clampLimit(options.limit, 1_000_000, 1_000_000))
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      before: r.before_json,
      after: r.after_json,
      note: r.note,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  async verifyAudit(): Promise<AuditVerification> {
    return verifyAuditChain(await this.auditLog());
  }

  async putEvidence(item: EvidenceItem, blob?: EvidenceBlob): Promise<PutEvidenceResult> {
    if (blob !== undefined && item.finding.kind === 'image' && sha256Hex(blob.bytes) !== item.finding.sha256)
      throw new Error(`putEvidence: the bytes given for ${item.id} do not hash to its finding's sha256`);
    // Like the audit log, writers racing on the chain tip retry on the new tip.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute((trx) => this.#putEvidence(trx, item, blob));
      } catch (error) {
        if (attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  async #putEvidence(
    trx: Tx,
    item: EvidenceItem,
    blob: EvidenceBlob | undefined,
  ): Promise<PutEvidenceResult> {
    const existing = await trx
      .selectFrom('evidence')
      .select('id')
      .where('id', '=', item.id)
      .executeTakeFirst();
    if (existing !== undefined) return { status: 'duplicate', id: item.id };
    const image = item.finding.kind === 'image' ? item.finding : null;
    if (blob !== undefined) {
      const bytes = Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength);
      const retrieval = {
        originUrl: blob.originUrl ?? null,
        retrievedAt: blob.retrievedAt ?? this.#clock().toISOString(),
      };
      await this.#putBlob(trx, sha256Hex(bytes), bytes, blob.mediaType, retrieval);
      await this.#recordRetrieval(trx, sha256Hex(bytes), retrieval);
    }
    await trx
      .insertInto('evidence')
      .values({
        id: item.id,
        kind: item.finding.kind,
        added_by: item.addedBy,
        added_at: item.addedAt,
        note: item.note,
        finding_json: JSON.stringify(item.finding),
        image_sha256: image?.sha256 ?? null,
        perceptual_hash: image?.perceptualHash ?? null,
        source_url: image?.sourceUrl ?? null,
        crop_hashes: image === null ? null : (image.cropHashes ?? []).join(' '),
      })
      .execute();
    const subjects = uniqueSubjects(item.subjects).map((subject, position) => ({
      evidence_id: item.id,
      subject_kind: subject.kind,
      subject_id: subject.id,
      position,
    }));
    for (const chunk of chunks(subjects)) await trx.insertInto('evidence_subjects').values(chunk).execute();
    await this.#appendAuditIn(trx, {
      actor: item.addedBy,
      action: 'evidence.add',
      subject: `evidence:${item.id}`,
      after: {
        kind: item.finding.kind,
        subjects: item.subjects,
        ...(image === null ? {} : { sha256: image.sha256 }),
      },
      note: item.note,
    });
    return { status: 'new', id: item.id };
  }

  async getEvidence(id: string): Promise<EvidenceItem | null> {
    const row = await this.db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return null;
    return (await this.#withSubjects([row]))[0] ?? null;
  }

  async listEvidence(filter: EvidenceFilter = {}): Promise<EvidenceItem[]> {
    let query = this.db.selectFrom('evidence').selectAll('evidence');
    if (filter.kind !== undefined) query = query.where('evidence.kind', '=', filter.kind);
    if (filter.subjectKind !== undefined || filter.subjectId !== undefined) {
      const { subjectKind, subjectId } = filter;
      query = query.where(({ exists, selectFrom }) => {
        let subjects = selectFrom('evidence_subjects')
          .select('evidence_subjects.evidence_id')
          .whereRef('evidence_subjects.evidence_id', '=', 'evidence.id');
        if (subjectKind !== undefined)
          subjects = subjects.where('evidence_subjects.subject_kind', '=', subjectKind);
        if (subjectId !== undefined)
          subjects = subjects.where('evidence_subjects.subject_id', '=', subjectId);
        return exists(subjects);
      });
    }
    const rows = await query.orderBy('evidence.added_at').orderBy('evidence.id').execute();
    return this.#withSubjects(rows);
  }

  async #withSubjects(rows: readonly EvidenceTable[]): Promise<EvidenceItem[]> {
    const bySubject = new Map<string, EvidenceSubject[]>();
    for (const ids of chunks(rows.map((r) => r.id))) {
      const subjectRows = await this.db
        .selectFrom('evidence_subjects')
        .selectAll()
        .where('evidence_id', 'in', ids)
        .orderBy('evidence_id')
        .orderBy('position')
        .execute();
      for (const s of subjectRows) {
        const list = bySubject.get(s.evidence_id) ?? [];
        list.push({ kind: s.subject_kind as EvidenceSubject['kind'], id: s.subject_id });
        bySubject.set(s.evidence_id, list);
      }
    }
    return rows.map((r) => ({
      id: r.id,
      subjects: bySubject.get(r.id) ?? [],
      addedBy: r.added_by,
      addedAt: r.added_at,
      finding: JSON.parse(r.finding_json) as EvidenceItem['finding'],
      note: r.note,
    }));
  }

  async imageHashes(): Promise<StoredImageHash[]> {
    const rows = await this.db
      .selectFrom('evidence')
      .leftJoin('evidence_subjects', (join) =>
        join
          .onRef('evidence_subjects.evidence_id', '=', 'evidence.id')
          .on('evidence_subjects.subject_kind', '=', 'document'),
      )
      .leftJoin('documents', 'documents.id', 'evidence_subjects.subject_id')
      .select([
        'evidence.id as evidence_id',
        'evidence.image_sha256 as sha256',
        'evidence.perceptual_hash as perceptual_hash',
        'evidence.source_url as source_url',
        'evidence.crop_hashes as crop_hashes',
        'evidence.added_at as added_at',
        'evidence_subjects.subject_id as document_id',
        'documents.url as document_url',
        'documents.published_date as published_date',
      ])
      .where('evidence.kind', '=', 'image')
      .orderBy('evidence.added_at')
      .orderBy('evidence.id')
      .orderBy('evidence_subjects.position')
      .execute();
    return rows.flatMap((r) =>
      r.sha256 === null || r.perceptual_hash === null
        ? []
        : [
            {
              evidenceId: r.evidence_id,
              sha256: r.sha256,
              perceptualHash: r.perceptual_hash,
              cropHashes: r.crop_hashes === null || r.crop_hashes === '' ? [] : r.crop_hashes.split(' '),
              sourceUrl: r.source_url,
              addedAt: r.added_at,
              documentId: r.document_id ?? null,
              documentUrl: r.document_url ?? null,
              publishedDate: r.published_date ?? null,
            },
          ],
    );
  }

  async stats(): Promise<LedgerStats> {
    const count = async (table: keyof LedgerDatabase): Promise<number> => {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const bytes = await this.db
      .selectFrom('archive')
      .select((eb) => eb.fn.sum<number | string | null>('size').as('total'))
      .executeTakeFirstOrThrow();
    return {
      documents: await count('documents'),
      archivedBlobs: await count('archive'),
      archivedBytes: Number(bytes.total ?? 0),
      claims: await count('claims'),
      events: await count('events'),
      origins: await count('origins'),
      auditEntries: await count('audit_log'),
    };
  }

  async countDocuments(): Promise<number> {
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async contentStamp(): Promise<string> {
    // Versions count updates and statuses retractions even when a fixed or coarse clock leaves
    // `updated_at` where it was.
    const documents = await this.db
      .selectFrom('documents')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum<number | string | null>('version').as('versions'),
        sql<number | string | null>`sum(case when status = 'active' then 0 else 1 end)`.as('inactive'),
        // Regrouping documents into other origins mostly changes the lengths of the ids they name.
        sql<number | string | null>`sum(length(origin_id))`.as('grouping'),
        eb.fn.max('updated_at').as('latest'),
      ])
      .executeTakeFirstOrThrow();
    const origins = await this.db
      .selectFrom('origins')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const audit = await this.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return JSON.stringify([
      Number(documents.n),
      Number(documents.versions ?? 0),
      Number(documents.inactive ?? 0),
      Number(documents.grouping ?? 0),
      documents.latest ?? null,
      Number(origins.n),
      audit?.seq ?? 0,
    ]);
  }

  changeMark(): Promise<string> {
    return this.profile.changeMark(this.db);
  }

  async searchStamp(): Promise<string> {
    // The search index is written only with a new document or a new version of one; the count,
    // the sum of versions and the latest change move with each (versions even under a fixed clock).
    const documents = await this.db
      .selectFrom('documents')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum<number | string | null>('version').as('versions'),
        eb.fn.max('updated_at').as('latest'),
      ])
      .executeTakeFirstOrThrow();
    return JSON.stringify([Number(documents.n), Number(documents.versions ?? 0), documents.latest ?? null]);
  }

  async migrations(): Promise<string[]> {
    const all = await (await migratorFor(this.db, this.profile)).getMigrations();
    return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

async function migratorFor(db: Kysely<LedgerDatabase>, profile: DialectProfile): Promise<Migrator> {
  const migrationTableSchema = await profile.migrationSchema(db);
  return new Migrator({
    db,
    provider: ledgerMigrations(profile),
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  });
}

function toEvent(r: EventsTable): StoredEvent {
  return {
    documentId: r.document_id,
    eventId: r.event_id,
    documentSha256: r.document_sha256,
    start: r.start_offset,
    end: r.end_offset,
    type: r.type,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    status: r.status,
    actor: r.actor,
    target: r.target,
    date: r.event_date,
    placeName: r.place_name,
    lat: r.lat,
    lon: r.lon,
    confidence: r.confidence,
  };
}

function toDocument(row: DocumentsTable): StoredDocument {
  return {
    id: row.id,
    sha256: row.sha256,
    rawSha256: row.raw_sha256,
    title: row.title,
    publisher: row.publisher,
    url: row.url,
    publishedDate: row.published_date,
    originId: row.origin_id,
    status: row.status as DocumentStatus,
    ingestedAt: row.ingested_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Rows per multi-row insert: well under SQLite's 32,766 bound parameters at 17 columns. */
const INSERT_CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) out.push(rows.slice(i, i + INSERT_CHUNK));
  return out;
}

/** Subjects without repeats, in the order first given (the table's key forbids a repeat). */
function uniqueSubjects(subjects: readonly EvidenceSubject[]): EvidenceSubject[] {
  const seen = new Set<string>();
  return subjects.filter((s) => {
    const key = `${s.kind}\u0000${s.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function clampLimit(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(value)));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
