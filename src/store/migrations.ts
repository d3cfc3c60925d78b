import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectProfile } from './dialect-profile.js';
import { createAccountTables } from './kysely-account-store.js';

/**
 * The ledger's schema history, one list for both engines. Append new migrations with the next
 * number; never edit one that has shipped (see docs/storage.md, "Migration policy").
 *
 * @example new Migrator({ db, provider: ledgerMigrations(sqliteProfile) })
 */
export function ledgerMigrations(profile: DialectProfile): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001_core_tables': { up: (db) => createCoreTables(db, profile) },
    '002_search_index': { up: (db) => profile.createSearchIndex(db) },
    '003_audit_append_only': { up: (db) => profile.createAuditGuard(db) },
    '004_accounts': { up: (db) => createAccountTables(db) },
    '005_evidence': { up: (db) => createEvidenceTables(db) },
    '006_evidence_crop_hashes': {
      up: (db) => db.schema.alterTable('evidence').addColumn('crop_hashes', 'text').execute(),
    },
    // The columns `searchStamp` and `contentStamp` sum over every document: read from this index
    // instead of the table (a quarter of the time at 100,000 documents on SQLite).
    '007_documents_stamp_index': {
      up: (db) =>
        db.schema
          .createIndex('documents_stamp')
          .on('documents')
          .columns(['updated_at', 'version', 'status', 'origin_id'])
          .execute(),
    },
    // A document's claim and event spans (`spansOf`, read for every document text the desk
    // serves) from the index alone: without it each of a document's ~30 claims and ~30 events was
    // a row of its own (with its JSON) to read, 2.8 ms per document at 100,000 documents.
    '008_span_indexes': {
      up: async (db) => {
        await db.schema
          .createIndex('claims_spans')
          .on('claims')
          .columns(['document_id', 'start_offset', 'end_offset', 'claim_id'])
          .execute();
        await db.schema
          .createIndex('events_spans')
          .on('events')
          .columns(['document_id', 'start_offset', 'end_offset', 'event_id'])
          .execute();
      },
    },
  };
  return { getMigrations: async () => migrations };
}

async function createCoreTables(db: Kysely<unknown>, profile: DialectProfile): Promise<void> {
  const real = 'double precision';
  await db.schema
    .createTable('archive')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('bytes', profile.capabilities.binaryType, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('retrieved_at', 'text', (c) => c.notNull())
    .addColumn('origin_url', 'text')
    .execute();
  await db.schema
    .createTable('archive_retrievals')
    .addColumn('sha256', 'text', (c) => c.notNull().references('archive.sha256'))
    .addColumn('origin_url', 'text', (c) => c.notNull())
    .addColumn('retrieved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_retrievals_pk', ['sha256', 'origin_url'])
    .execute();
  await db.schema
    .createTable('origins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull().references('archive.sha256'))
    .addColumn('raw_sha256', 'text', (c) => c.notNull().references('archive.sha256'))
    .addColumn('title', 'text')
    .addColumn('publisher', 'text')
    .addColumn('url', 'text')
    .addColumn('published_date', 'text')
    .addColumn('origin_id', 'text', (c) => c.notNull().references('origins.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_sha256').on('documents').column('sha256').execute();
  await db.schema.createIndex('documents_url').on('documents').column('url').execute();
  await db.schema.createIndex('documents_origin').on('documents').column('origin_id').execute();
  await db.schema
    .createTable('analysis_records')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('record_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('claims')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('document_sha256', 'text', (c) => c.notNull().references('archive.sha256'))
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('speaker_name', 'text', (c) => c.notNull())
    .addColumn('speaker_kind', 'text', (c) => c.notNull())
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('polarity', 'text', (c) => c.notNull())
    .addColumn('confidence', real, (c) => c.notNull())
    .addColumn('claim_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claims_pk', ['document_id', 'claim_id'])
    .execute();
  await db.schema
    .createTable('events')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('document_sha256', 'text', (c) => c.notNull().references('archive.sha256'))
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text')
    .addColumn('sub_event_type', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('target', 'text')
    .addColumn('event_date', 'text')
    .addColumn('place_name', 'text')
    .addColumn('lat', real)
    .addColumn('lon', real)
    .addColumn('confidence', real, (c) => c.notNull())
    .addColumn('event_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['document_id', 'event_id'])
    .execute();
  // Blocking for event clustering reads events by date, then by place.
  await db.schema.createIndex('events_date').on('events').columns(['event_date', 'place_name']).execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('note', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').column('subject').execute();
}

/** Evidence (issue #9): images and measurements, and the claims/events/documents they bear on. */
async function createEvidenceTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('finding_json', 'text', (c) => c.notNull())
    .addColumn('image_sha256', 'text')
    .addColumn('perceptual_hash', 'text')
    .addColumn('source_url', 'text')
    .execute();
  await db.schema.createIndex('evidence_added').on('evidence').columns(['added_at', 'id']).execute();
  await db.schema.createIndex('evidence_image').on('evidence').column('image_sha256').execute();
  await db.schema
    .createTable('evidence_subjects')
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_subjects_pk', ['evidence_id', 'subject_kind', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('evidence_subjects_subject')
    .on('evidence_subjects')
    .columns(['subject_kind', 'subject_id'])
    .execute();
}
