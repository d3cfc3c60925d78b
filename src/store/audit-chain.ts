import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerification } from './store.js';

/** The `prevHash` of the first entry: 64 zeros. */
export const AUDIT_GENESIS = '0'.repeat(64);

/**
 * The hash of one audit entry: SHA-256 over a fixed-order JSON of its fields and the previous
 * hash, so changing any field, reordering or removing an entry breaks every later link.
 *
 * @example auditHash({ seq: 1, at: '2023-12-06T10:00:00.000Z', actor: 'ana', action: 'set-status',
 *   subject: 'event:e1', before: null, after: '"confirmed"', note: null, prevHash: AUDIT_GENESIS })
 */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    'corroborate.audit/1',
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.subject,
    entry.before,
    entry.after,
    entry.note,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Walks entries in order and reports the first that breaks the chain (gap in `seq`, wrong
 * `prevHash`, or a hash that does not match the content).
 *
 * @example verifyAuditChain(await store.auditLog()) // { ok: true, entries: 3, firstBadSeq: null, reason: null }
 */
export function verifyAuditChain(entries: readonly AuditEntry[]): AuditVerification {
  let prevHash = AUDIT_GENESIS;
  let expectedSeq = 1;
  for (const entry of entries) {
    const bad = (reason: string): AuditVerification => ({
      ok: false,
      entries: entries.length,
      firstBadSeq: entry.seq,
      reason,
    });
    if (entry.seq !== expectedSeq) return bad(`expected entry ${expectedSeq}, found ${entry.seq}`);
    if (entry.prevHash !== prevHash) return bad('previous-hash link does not match the entry before');
    if (auditHash(entry) !== entry.hash) return bad('content does not match its hash');
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: entries.length, firstBadSeq: null, reason: null };
}
