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
  EventOrigin,
  LedgerCheck,
  LedgerClaim,
  LedgerDocument,
  LedgerEvent,
  LedgerOrigin,
} from '../types.js';
import { evidencePanel } from './evidence.js';
import { eventPart, moreControl } from './more.js';
import { claimRating, reviewPanel } from './review.js';

/** How many claims, links or checks one "show more" press adds. */
const MORE_ROWS = 100;

/**
 * One event: what the ledger says, the claims for and against with the source sentences marked
 * in the archived documents, origins with their copies, numeric checks, and the analyst's
 * decision with its history (plus the review actions for analysts). Long lists show their first
 * entries (the page the API answers) with how many they hold, and a button reads the rest a page
 * at a time; only the documents on the page have their archived text read.
 *
 * @example eventView('north-desk-1:ev1')(main, url, signal)
 */
export function eventView(id: string): View {
  return async (main, _url, signal) => {
    replaceChildren(main, h('p', { role: 'status' }, 'Loading the event…'));
    const detail = await getJson<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
    const texts = await Promise.all(detail.documents.map((d) => textOf(d.id)));
    if (signal.aborted) return;
    const { event, totals } = detail;
    const evidence = new Evidence();
    const sources = h('div', { class: 'source-list' });
    detail.documents.forEach((doc, i) => {
      sources.append(evidence.addSource(doc, texts[i]?.text ?? ''));
    });
    const against = new Set(event.support.contradicting);
    replaceChildren(
      main,
      h('p', { class: 'crumbs' }, h('a', { href: '/' }, '← Ledger')),
      h('h1', {}, `${typeLabel(event)} · ${placeLabel(event.place)} · ${dateLabel(event.date)}`),
      summary(event),
      decision(event, detail.history),
      canReview() ? reviewPanel(event, totals.members) : null,
      claimSection(
        event.id,
        'supporting',
        detail.claims.filter((c) => !against.has(c.id)),
        totals.supporting,
        evidence,
      ),
      claimSection(
        event.id,
        'contradicting',
        detail.claims.filter((c) => against.has(c.id)),
        totals.contradicting,
        evidence,
      ),
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
        `Sources (${totals.documents})`,
        'sources',
        sources,
        moreControl({
          total: totals.documents,
          shown: detail.documents.length,
          // The page holds the first `limit` documents and, after them, those its claims quote.
          offset: Math.min(detail.limit, totals.documents),
          step: detail.limit,
          label: (_next, left) => `Show more sources (${left} not shown)`,
          fetch: (offset, limit) => eventPart(event.id, 'documents', offset, limit),
          add: async (documents) => {
            const fresh = documents.filter((d) => !evidence.hasSource(d.id));
            const read = await Promise.all(fresh.map((d) => textOf(d.id)));
            const added = fresh.map((doc, i) => evidence.addSource(doc, read[i]?.text ?? ''));
            sources.append(...added);
            return added;
          },
        }),
      ),
      section(`Origins (${totals.origins})`, 'origins', ...originList(detail, evidence.titles)),
      section(`Numeric checks (${totals.checks})`, 'checks', ...checkTable(detail)),
      evidencePanel(event),
      section('Why these reports are one event', 'links', ...linkList(event, totals.links)),
    );
  };
}

function textOf(documentId: string): Promise<DocumentText> {
  return getJson<DocumentText>(`/api/documents/${encodeURIComponent(documentId)}/text`);
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

type ClaimSide = 'supporting' | 'contradicting';

/**
 * The claims and archived documents on the page, kept in step as more of either are shown: a
 * claim's sentence is marked in its document once both are on the page, and the claim links to
 * the mark; a claim whose document is not among the sources shown yet names it without a link
 * (the link comes when "Show more sources" brings the document).
 */
class Evidence {
  /** The shown claims of each document. */
  private readonly claimsOf = new Map<string, LedgerClaim[]>();
  private readonly against = new Set<string>();
  /** The archived text of each shown document and the element it is drawn in. */
  private readonly sources = new Map<string, { readonly body: HTMLElement; readonly text: string }>();
  /** Where a shown claim names a document that is not shown yet, by document. */
  private readonly unlinked = new Map<string, { readonly ref: HTMLElement; readonly claim: LedgerClaim }[]>();
  /** Each shown document's title (its id when it has none), for the origins' copies. */
  readonly titles = new Map<string, string>();

  hasSource(documentId: string): boolean {
    return this.sources.has(documentId);
  }

  /** Draws claims of one side (those not on the page yet), marks them in their shown documents. */
  addClaims(claims: readonly LedgerClaim[], side: ClaimSide): HTMLElement[] {
    const known = (claim: LedgerClaim) =>
      this.claimsOf.get(claim.documentId)?.some((c) => c.id === claim.id) ?? false;
    const fresh = claims.filter((claim) => !known(claim));
    const touched = new Set<string>();
    for (const claim of fresh) {
      const ofDocument = this.claimsOf.get(claim.documentId);
      if (ofDocument === undefined) this.claimsOf.set(claim.documentId, [claim]);
      else ofDocument.push(claim);
      if (side === 'contradicting') this.against.add(claim.id);
      touched.add(claim.documentId);
    }
    for (const documentId of touched) this.mark(documentId);
    return fresh.map((claim) => this.claimItem(claim, side));
  }

  /** Draws a document with its archived text and the shown claims marked in it. */
  addSource(doc: LedgerDocument, text: string): HTMLElement {
    const body = h('div', {
      class: 'archived-text',
      tabindex: 0,
      'aria-label': `Archived text of ${doc.id}`,
    });
    this.sources.set(doc.id, { body, text });
    this.titles.set(doc.id, doc.title ?? doc.id);
    this.mark(doc.id);
    for (const { ref, claim } of this.unlinked.get(doc.id) ?? []) ref.replaceChildren(this.sourceRef(claim));
    this.unlinked.delete(doc.id);
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

  /** Draws a shown document's text again with every shown claim of it marked. */
  private mark(documentId: string): void {
    const source = this.sources.get(documentId);
    if (source === undefined) return;
    const spans: MarkSpan[] = (this.claimsOf.get(documentId) ?? []).map((c) => ({
      start: c.start,
      end: c.end,
      id: markId(c),
      className: this.against.has(c.id) ? 'against' : 'for',
    }));
    source.body.replaceChildren();
    for (const segment of segmentText(source.text, spans)) {
      source.body.append(
        segment.mark === null
          ? segment.text
          : h(
              'mark',
              { id: segment.mark.id, class: `source-sentence ${segment.mark.className}` },
              segment.text,
            ),
      );
    }
  }

  /** "in {document}": a link to the marked sentence, or the name alone while it is not shown. */
  private sourceRef(claim: LedgerClaim): HTMLElement | string {
    return this.sources.has(claim.documentId)
      ? h('a', { href: `#${markId(claim)}` }, `in ${claim.documentId}`)
      : `in ${claim.documentId} (not among the sources shown)`;
  }

  private claimItem(claim: LedgerClaim, side: ClaimSide): HTMLElement {
    const ref = h('span', { class: 'claim-source' }, this.sourceRef(claim));
    if (!this.sources.has(claim.documentId)) {
      const waiting = this.unlinked.get(claim.documentId);
      if (waiting === undefined) this.unlinked.set(claim.documentId, [{ ref, claim }]);
      else waiting.push({ ref, claim });
    }
    return h(
      'li',
      { 'data-claim-id': claim.id, 'data-side': side },
      h('blockquote', {}, claim.text),
      h('p', { class: 'meta' }, claimMeta(claim), ` · ${percent(claim.confidence)}`),
      h(
        'p',
        { class: 'meta' },
        ref,
        claim.rating === null
          ? null
          : ` · rated ${claim.rating.value}/5 ${claim.rating.label} by ${claim.rating.by}`,
      ),
      canReview() ? claimRating(claim) : null,
    );
  }
}

/**
 * The claims for (or against) the event: the page's first ones, how many there are in all, and a
 * button that shows the next ones.
 */
function claimSection(
  eventId: string,
  side: ClaimSide,
  claims: readonly LedgerClaim[],
  total: number,
  evidence: Evidence,
): HTMLElement {
  const word = side === 'supporting' ? 'for' : 'against';
  const list = h('ul', { class: `claims ${word}` }, ...evidence.addClaims(claims, side));
  return section(
    `Claims ${word} (${total})`,
    `claims-${word}`,
    total === 0
      ? h('p', { class: 'empty' }, side === 'supporting' ? 'No supporting claim.' : 'No claim against.')
      : list,
    moreControl({
      total,
      shown: claims.length,
      step: MORE_ROWS,
      label: (next) => `Show ${next} more claims ${word}`,
      fetch: (offset, limit) => eventPart(eventId, 'claims', offset, limit, { side }),
      add: (more) => {
        const added = evidence.addClaims(more, side);
        list.append(...added);
        return added;
      },
    }),
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** An origin as the event page shows it: its first `limit` copies and links, with the counts. */
function firstCopies(origin: LedgerOrigin, limit: number): EventOrigin {
  return {
    ...origin,
    documentIds: origin.documentIds.slice(0, limit),
    links: origin.links.slice(0, limit),
    documentCount: origin.documentIds.length,
    linkCount: origin.links.length,
  };
}

function copyItems(origin: LedgerOrigin, titles: ReadonlyMap<string, string>): HTMLElement[] {
  return [
    ...origin.documentIds.map((id) => {
      const title = titles.get(id);
      return h('li', {}, title === undefined || title === id ? id : `${id} — ${title}`);
    }),
    ...origin.links.map((link) => h('li', { class: 'meta' }, `${link.a} ≈ ${link.b}: ${link.reason}`)),
  ];
}

/**
 * One origin: how many copies it has, its first copies and the links between them, and (when it
 * has more) a button that reads the whole origin, the `at`-th of the event's.
 */
function originItem(
  eventId: string,
  origin: EventOrigin,
  at: number,
  titles: ReadonlyMap<string, string>,
): HTMLElement {
  const copies = h('ul', {}, ...copyItems(origin, titles));
  const item = h(
    'li',
    { 'data-origin-id': origin.id },
    h('strong', {}, origin.id),
    ` (${origin.method}, ${plural(origin.documentCount, 'copy', 'copies')})`,
    copies,
  );
  const moreCopies = origin.documentCount - origin.documentIds.length;
  const moreLinks = origin.linkCount - origin.links.length;
  if (moreCopies <= 0 && moreLinks <= 0) return item;
  const hidden = [
    moreCopies > 0 ? plural(moreCopies, 'more copy', 'more copies') : null,
    moreLinks > 0 ? plural(moreLinks, 'more link', 'more links') : null,
  ].filter((x) => x !== null);
  const label =
    moreCopies > 0 ? `Show all ${origin.documentCount} copies` : `Show all ${origin.linkCount} links`;
  const button = h(
    'button',
    { type: 'button', class: 'more', 'aria-label': `${label} of ${origin.id}` },
    label,
  );
  const more = h('p', { class: 'more meta' }, `and ${hidden.join(' and ')} `, button);
  button.addEventListener('click', () => {
    button.disabled = true;
    eventPart(eventId, 'origins', at, 1).then(
      (page) => {
        const whole = page.items[0];
        if (whole?.id !== origin.id) {
          more.textContent = 'The ledger changed: reload the page to see this origin whole.';
          return;
        }
        const all = copyItems(whole, titles);
        copies.replaceChildren(...all);
        more.remove();
        all[0]?.setAttribute('tabindex', '-1');
        all[0]?.focus();
      },
      (error: unknown) => {
        button.disabled = false;
        more.append(` Could not load it: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });
  item.append(more);
  return item;
}

/** The event's origins (copies of one story), the first ones, and a button for the next. */
function originList(detail: EventDetail, titles: ReadonlyMap<string, string>): Child[] {
  const id = detail.event.id;
  const list = h(
    'ul',
    { class: 'origins' },
    ...detail.origins.map((origin, i) => originItem(id, origin, i, titles)),
  );
  return [
    list,
    moreControl({
      total: detail.totals.origins,
      shown: detail.origins.length,
      step: detail.limit,
      label: (next) => `Show ${next} more origins`,
      fetch: (offset, limit) => eventPart(id, 'origins', offset, limit),
      add: (origins) => {
        const at = list.children.length;
        const added = origins.map((origin, j) =>
          originItem(id, firstCopies(origin, detail.limit), at + j, titles),
        );
        list.append(...added);
        return added;
      },
    }),
  ];
}

function checkRow(check: LedgerCheck): HTMLElement {
  return h(
    'tr',
    {},
    h('td', {}, check.kind),
    h('td', {}, check.stated),
    h('td', {}, check.observedValue === null ? '—' : String(check.observedValue)),
    h('td', {}, h('span', { class: `badge check-${check.status}` }, check.status), ` ${check.detail}`),
  );
}

function checkTable(detail: EventDetail): Child[] {
  if (detail.totals.checks === 0)
    return [h('p', { class: 'empty' }, 'No numeric check bears on this event.')];
  const rows = h('tbody', {}, ...detail.checks.map(checkRow));
  return [
    h(
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
      rows,
    ),
    moreControl({
      total: detail.totals.checks,
      shown: detail.checks.length,
      step: MORE_ROWS,
      label: (next) => `Show ${next} more checks`,
      fetch: (offset, limit) => eventPart(detail.event.id, 'checks', offset, limit),
      add: (checks) => {
        const added = checks.map(checkRow);
        rows.append(...added);
        return added;
      },
    }),
  ];
}

function linkItem(link: LedgerEvent['links'][number]): HTMLElement {
  return h(
    'li',
    {},
    `${link.a.documentId}/${link.a.eventId} + ${link.b.documentId}/${link.b.eventId}: ${percent(link.score)} (${link.by}) — ${link.reasons.join('; ')}`,
  );
}

/** The pairs of reports matched into the event, the first ones, and a button for the next. */
function linkList(event: LedgerEvent, total: number): Child[] {
  if (total === 0) return [h('p', { class: 'empty' }, 'One report event.')];
  const list = h('ul', { class: 'links' }, ...event.links.map(linkItem));
  return [
    list,
    moreControl({
      total,
      shown: event.links.length,
      step: MORE_ROWS,
      label: (next) => `Show ${next} more matched pairs`,
      fetch: (offset, limit) => eventPart(event.id, 'links', offset, limit),
      add: (links) => {
        const added = links.map(linkItem);
        list.append(...added);
        return added;
      },
    }),
  ];
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
