import { getJson } from '../api.js';
import { canReview } from '../desk.js';
import { type Child, h, replaceChildren } from '../dom.js';
import { dateLabel, percent, placeLabel, statusBadge, typeLabel } from '../format.js';
import { type MarkSpan, segmentText } from '../highlight.js';
import type { View } from '../router.js';
import type {
  AuditEntry,
  DocumentText,
  EventDetail,
  LedgerClaim,
  LedgerDocument,
  LedgerEvent,
} from '../types.js';
import { evidencePanel } from './evidence.js';
import { claimRating, reviewPanel } from './review.js';

/**
 * One event: what the ledger says, the claims for and against with the source sentences marked
 * in the archived documents, origins with their copies, numeric checks, and the analyst's
 * decision with its history (plus the review actions for analysts).
 *
 * @example eventView('north-desk-1:ev1')(main, url, signal)
 */
export function eventView(id: string): View {
  return async (main, _url, signal) => {
    replaceChildren(main, h('p', { role: 'status' }, 'Loading the event…'));
    const detail = await getJson<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
    const texts = await Promise.all(
      detail.documents.map((d) => getJson<DocumentText>(`/api/documents/${encodeURIComponent(d.id)}/text`)),
    );
    if (signal.aborted) return;
    const { event, claims } = detail;
    const against = new Set(event.support.contradicting);
    const supporting = claims.filter((c) => !against.has(c.id));
    const contradicting = claims.filter((c) => against.has(c.id));
    replaceChildren(
      main,
      h('p', { class: 'crumbs' }, h('a', { href: '/' }, '← Ledger')),
      h('h1', {}, `${typeLabel(event)} · ${placeLabel(event.place)} · ${dateLabel(event.date)}`),
      summary(event),
      decision(event, detail.history),
      canReview() ? reviewPanel(event) : null,
      section('Claims for', 'claims-for', claimList(supporting, 'for')),
      section('Claims against', 'claims-against', claimList(contradicting, 'against')),
      event.contradictions.length === 0
        ? null
        : section(
            'Contradictions',
            'contradictions',
            h(
              'ul',
              {},
              ...event.contradictions.map((c) => h('li', {}, `${c.kind}: ${c.detail} (${c.a} ↔ ${c.b})`)),
            ),
          ),
      section(
        'Sources',
        'sources',
        ...detail.documents.map((doc, i) => sourceDocument(doc, texts[i], claims, against)),
      ),
      section('Origins', 'origins', originList(detail)),
      section('Numeric checks', 'checks', checkTable(detail)),
      evidencePanel(event),
      section('Why these reports are one event', 'links', linkList(event)),
    );
  };
}

function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': `h-${id}`, class: id },
    h('h2', { id: `h-${id}` }, title),
    ...children,
  );
}

function summary(event: LedgerEvent): HTMLElement {
  const row = (term: string, value: Child) => [h('dt', {}, term), h('dd', {}, value)];
  const list = (values: readonly string[]) => (values.length === 0 ? '—' : values.join(', '));
  return h(
    'dl',
    { class: 'summary' },
    ...row('Status', statusBadge(event.status, event.statusByAnalyst)),
    ...row('Type', `${event.type}${event.eventType === null ? '' : ` · ${event.eventType}`}`),
    ...row('Date', dateLabel(event.date)),
    ...row(
      'Place',
      event.place === null
        ? 'no place'
        : `${placeLabel(event.place)}${event.place.country === null ? '' : `, ${event.place.country}`}`,
    ),
    ...row('Independent origins', String(event.support.independentOrigins)),
    ...row('Confidence', percent(event.confidence)),
    ...row('Occurrence', event.occurrence),
    ...row('Fatalities', event.fatalities === null ? 'not stated' : String(event.fatalities)),
    ...row('Actors', list(event.actors)),
    ...row('Targets', list(event.targets)),
    ...row('Weapons', list(event.weapons)),
  );
}

function claimMeta(claim: LedgerClaim): string {
  const parts = [claim.speakerName, claim.speakerKind, claim.stance];
  if (claim.polarity === 'denied') parts.push('denial');
  if (claim.hedged) parts.push('hedged');
  return parts.join(' · ');
}

function markId(claim: LedgerClaim): string {
  return `mark-${claim.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function claimList(claims: readonly LedgerClaim[], side: 'for' | 'against'): HTMLElement {
  if (claims.length === 0)
    return h('p', { class: 'empty' }, side === 'for' ? 'No supporting claim.' : 'No claim against.');
  return h(
    'ul',
    { class: `claims ${side}` },
    ...claims.map((claim) =>
      h(
        'li',
        { 'data-claim-id': claim.id },
        h('blockquote', {}, claim.text),
        h('p', { class: 'meta' }, claimMeta(claim), ` · ${percent(claim.confidence)}`),
        h(
          'p',
          { class: 'meta' },
          h('a', { href: `#${markId(claim)}` }, `in ${claim.documentId}`),
          claim.rating === null
            ? null
            : ` · rated ${claim.rating.value}/5 ${claim.rating.label} by ${claim.rating.by}`,
        ),
        canReview() ? claimRating(claim) : null,
      ),
    ),
  );
}

/** Only web links become links: a `javascript:` URL in a report stays text. */
function safeLink(url: string): Child {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return h('a', { href: parsed.href, rel: 'noopener noreferrer nofollow', target: '_blank' }, url);
    }
  } catch {
    // not a URL: shown as text below
  }
  return url;
}

function sourceDocument(
  doc: LedgerDocument,
  archived: DocumentText | undefined,
  claims: readonly LedgerClaim[],
  against: ReadonlySet<string>,
): HTMLElement {
  const spans: MarkSpan[] = claims
    .filter((c) => c.documentId === doc.id)
    .map((c) => ({
      start: c.start,
      end: c.end,
      id: markId(c),
      className: against.has(c.id) ? 'against' : 'for',
    }));
  const body = h('div', { class: 'archived-text', tabindex: 0, 'aria-label': `Archived text of ${doc.id}` });
  for (const segment of segmentText(archived?.text ?? '', spans)) {
    body.append(
      segment.mark === null
        ? segment.text
        : h(
            'mark',
            { id: segment.mark.id, class: `source-sentence ${segment.mark.className}` },
            segment.text,
          ),
    );
  }
  return h(
    'article',
    { class: 'source', 'data-document-id': doc.id },
    h('h3', {}, doc.title ?? doc.id),
    h(
      'p',
      { class: 'meta' },
      [doc.id, doc.publisher, doc.publishedDate].filter((x): x is string => x !== null).join(' · '),
      doc.url === null ? null : ' · ',
      doc.url === null ? null : safeLink(doc.url),
    ),
    h('p', { class: 'meta' }, `SHA-256 ${doc.sha256}`),
    body,
  );
}

function originList(detail: EventDetail): HTMLElement {
  const titleOf = new Map(detail.documents.map((d) => [d.id, d.title ?? d.id]));
  return h(
    'ul',
    { class: 'origins' },
    ...detail.origins.map((origin) =>
      h(
        'li',
        {},
        h('strong', {}, origin.id),
        ` (${origin.method}, ${origin.documentIds.length} ${origin.documentIds.length === 1 ? 'copy' : 'copies'})`,
        h(
          'ul',
          {},
          ...origin.documentIds.map((id) => {
            const title = titleOf.get(id);
            return h('li', {}, title === undefined ? id : `${id} — ${title}`);
          }),
          ...origin.links.map((link) => h('li', { class: 'meta' }, `${link.a} ≈ ${link.b}: ${link.reason}`)),
        ),
      ),
    ),
  );
}

function checkTable(detail: EventDetail): Child {
  if (detail.checks.length === 0) return h('p', { class: 'empty' }, 'No numeric check bears on this event.');
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Check'),
        h('th', { scope: 'col' }, 'Stated'),
        h('th', { scope: 'col' }, 'Ledger'),
        h('th', { scope: 'col' }, 'Result'),
      ),
    ),
    h(
      'tbody',
      {},
      ...detail.checks.map((check) =>
        h(
          'tr',
          {},
          h('td', {}, check.kind),
          h('td', {}, check.stated),
          h('td', {}, check.observedValue === null ? '—' : String(check.observedValue)),
          h('td', {}, h('span', { class: `badge check-${check.status}` }, check.status), ` ${check.detail}`),
        ),
      ),
    ),
  );
}

function linkList(event: LedgerEvent): Child {
  if (event.links.length === 0) return h('p', { class: 'empty' }, 'One report event.');
  return h(
    'ul',
    {},
    ...event.links.map((link) =>
      h(
        'li',
        {},
        `${link.a.documentId}/${link.a.eventId} + ${link.b.documentId}/${link.b.eventId}: ${percent(link.score)} (${link.by}) — ${link.reasons.join('; ')}`,
      ),
    ),
  );
}

/** Reads an audit entry's state (JSON text or already parsed); null when absent or unreadable. */
function stateOf(state: unknown): Record<string, unknown> | null {
  let value = state;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function describeChange(entry: AuditEntry): string {
  const after = stateOf(entry.after);
  const before = stateOf(entry.before);
  if (typeof after?.status === 'string') {
    const from = typeof before?.status === 'string' ? `${before.status} → ` : '';
    return `${from}${after.status}`;
  }
  if (typeof after?.rating === 'number') return `rated ${after.rating}/5 ${String(after.label ?? '')}`.trim();
  return typeof after?.kind === 'string' ? after.kind : '';
}

function decision(event: LedgerEvent, history: readonly AuditEntry[]): HTMLElement {
  return section(
    'Decision',
    'decision',
    h(
      'p',
      {},
      'Status: ',
      statusBadge(event.status, event.statusByAnalyst),
      event.statusByAnalyst ? ' (set by an analyst)' : ' (computed from the support)',
    ),
    history.length === 0
      ? h('p', { class: 'empty' }, 'No review decision yet.')
      : h(
          'ol',
          { class: 'history' },
          ...history.map((entry) =>
            h(
              'li',
              { 'data-seq': entry.seq, class: 'history-entry' },
              h('time', { datetime: entry.at }, entry.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')),
              ` ${entry.actor} · ${entry.action} · ${describeChange(entry)}`,
              entry.note === null ? null : h('q', {}, entry.note),
            ),
          ),
        ),
  );
}
