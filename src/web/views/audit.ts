import { getJson } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import type { AuditEntry } from '../types.js';

/**
 * The audit log, newest first, with the result of its hash-chain check.
 *
 * @example await auditView(main, url, signal);
 */
export async function auditView(main: HTMLElement, _url: URL, signal: AbortSignal): Promise<void> {
  replaceChildren(main, h('h1', {}, 'Audit log'), h('p', { role: 'status' }, 'Loading…'));
  const [log, verify] = await Promise.all([
    getJson<{ items: AuditEntry[] }>('/api/audit', { limit: 1000 }),
    getJson<{ ok: boolean; entries: number; firstBadSeq: number | null; reason: string | null }>(
      '/api/audit/verify',
    ),
  ]);
  if (signal.aborted) return;
  replaceChildren(
    main,
    h('h1', {}, 'Audit log'),
    h(
      'p',
      { role: 'status', class: verify.ok ? 'ok' : 'error' },
      verify.ok
        ? `Hash chain verified: ${verify.entries} entries.`
        : `Hash chain broken at entry ${verify.firstBadSeq ?? '?'}: ${verify.reason ?? 'unknown reason'}`,
    ),
    h(
      'table',
      { class: 'audit' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['#', 'When', 'Who', 'Action', 'Subject', 'Before', 'After', 'Note'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...[...log.items]
          .reverse()
          .map((entry) =>
            h(
              'tr',
              { 'data-seq': entry.seq },
              h('td', {}, entry.seq),
              h('td', {}, entry.at),
              h('td', {}, entry.actor),
              h('td', {}, entry.action),
              h('td', {}, entry.subject),
              h('td', {}, h('code', {}, jsonText(entry.before))),
              h('td', {}, h('code', {}, jsonText(entry.after))),
              h('td', {}, entry.note ?? ''),
            ),
          ),
      ),
    ),
  );
}

/** An audit state as JSON text (it arrives parsed, or as text from older desks). */
function jsonText(state: unknown): string {
  if (state === null || state === undefined) return '';
  return typeof state === 'string' ? state : JSON.stringify(state);
}
