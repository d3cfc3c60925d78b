import { ApiError, getJson, sendJson } from '../api.js';
import { desk } from '../desk.js';
import { h } from '../dom.js';
import { eventPath } from '../router.js';
import {
  EVENT_STATUSES,
  type EventDetail,
  type EventSummary,
  type LedgerClaim,
  type LedgerEvent,
  type MemberRef,
  type Page,
} from '../types.js';
import { eventPart, moreControl } from './more.js';

/** ClaimReview verdicts, 1 (false) … 5 (true), as the server names them. */
const RATINGS: readonly [number, string][] = [
  [1, 'False'],
  [2, 'Misleading'],
  [3, 'Unproven'],
  [4, 'Mostly true'],
  [5, 'True'],
];

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Sends a review decision and redraws the page; failures are shown in `message`. */
function submit(body: unknown, message: HTMLElement, after: () => void = () => desk.refresh()): void {
  message.textContent = 'Saving…';
  sendJson('POST', '/api/review', body).then(after, (error: unknown) => {
    message.textContent = messageOf(error);
  });
}

/**
 * After a merge or split the event's id may change (an event is named after its earliest
 * report): opens the first of the candidate ids that still names an event, else the ledger.
 */
async function openSurvivor(candidates: readonly string[]): Promise<void> {
  for (const id of candidates) {
    try {
      await getJson<EventDetail>(`/api/events/${encodeURIComponent(id)}`, { limit: 1 });
      if (window.location.pathname === eventPath(id)) desk.refresh();
      else desk.navigate(eventPath(id), { replace: true });
      return;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
    }
  }
  desk.navigate('/', { replace: true });
}

let uid = 0;
const nextId = (prefix: string) => `${prefix}-${++uid}`;

/**
 * The review actions on an event (analysts and admins): set its status with a note, split
 * reports off it, or merge another event into it. Every action lands in the audit log. `event`
 * is as the event page gives it, its first members only; `memberCount` says how many it has.
 *
 * @example main.append(reviewPanel(detail.event, detail.totals.members));
 */
export function reviewPanel(event: LedgerEvent, memberCount: number): HTMLElement {
  return h(
    'section',
    { class: 'review', 'aria-labelledby': 'h-review' },
    h('h2', { id: 'h-review' }, 'Review'),
    statusForm(event),
    memberCount > 1 ? splitForm(event, memberCount) : null,
    mergeForm(event),
  );
}

function statusForm(event: LedgerEvent): HTMLFormElement {
  const statusId = nextId('review-status');
  const noteId = nextId('review-note');
  const message = h('p', { class: 'message', role: 'status' });
  const status = h(
    'select',
    { id: statusId, name: 'status' },
    ...EVENT_STATUSES.map((s) => h('option', { value: s, selected: s === event.status }, s)),
  );
  const note = h('input', {
    id: noteId,
    name: 'note',
    maxlength: 4000,
    placeholder: 'why (kept in the audit log)',
  });
  const form = h(
    'form',
    { class: 'set-status' },
    h('h3', {}, 'Set status'),
    h('label', { for: statusId }, 'Status'),
    status,
    h('label', { for: noteId }, 'Note'),
    note,
    h('button', { type: 'submit' }, 'Set status'),
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body: Record<string, unknown> = { kind: 'set-status', event: event.id, status: status.value };
    if (note.value.trim() !== '') body.note = note.value.trim();
    submit(body, message);
  });
  return form;
}

/** How many more report events one "Show more reports" press lists in the split form. */
const MORE_MEMBERS = 100;

function splitForm(event: LedgerEvent, memberCount: number): HTMLFormElement {
  const message = h('p', { class: 'message', role: 'status' });
  const boxes: { member: MemberRef; box: HTMLInputElement }[] = [];
  const rowOf = (member: MemberRef) => {
    const id = nextId('split-member');
    const box = h('input', { type: 'checkbox', id });
    boxes.push({ member, box });
    return h('div', {}, box, h('label', { for: id }, `${member.documentId} / ${member.eventId}`));
  };
  const listed = new Set(event.members.map((m) => `${m.documentId}:${m.eventId}`));
  const fieldset = h(
    'fieldset',
    {},
    h('legend', {}, 'These report events are a different event'),
    ...event.members.map(rowOf),
  );
  const more = moreControl({
    total: memberCount,
    shown: event.members.length,
    step: MORE_MEMBERS,
    label: (next) => `Show ${next} more reports`,
    fetch: (offset, limit) => eventPart(event.id, 'members', offset, limit),
    add: (members) => {
      const rows = members
        .filter((m) => !listed.has(`${m.documentId}:${m.eventId}`))
        .map((m) => {
          listed.add(`${m.documentId}:${m.eventId}`);
          return rowOf(m);
        });
      fieldset.append(...rows);
      // The focus goes to the first new checkbox, not to the row around it.
      return rows.map((row) => row.querySelector('input') ?? row);
    },
  });
  const form = h(
    'form',
    { class: 'split' },
    h('h3', {}, 'Split off reports'),
    fieldset,
    more,
    h('button', { type: 'submit' }, 'Split'),
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const members: MemberRef[] = boxes.filter((b) => b.box.checked).map((b) => b.member);
    if (members.length === 0) {
      message.textContent = 'Choose at least one report event.';
      return;
    }
    const idOf = (m: MemberRef) => `${m.documentId}:${m.eventId}`;
    submit({ kind: 'split', members }, message, () => void openSurvivor([event.id, ...members.map(idOf)]));
  });
  return form;
}

function mergeForm(event: LedgerEvent): HTMLFormElement {
  const id = nextId('merge-with');
  const message = h('p', { class: 'message', role: 'status' });
  const listId = `${id}-candidates`;
  const other = h('input', {
    id,
    name: 'other',
    required: true,
    list: listId,
    placeholder: 'ledger event id, e.g. report-2:ev1',
  });
  const candidates = h('datalist', { id: listId });
  void suggestMergeCandidates(event, candidates);
  const form = h(
    'form',
    { class: 'merge' },
    h('h3', {}, 'Merge with another event'),
    h('label', { for: id }, 'Other event'),
    other,
    candidates,
    h('button', { type: 'submit' }, 'Merge'),
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const otherId = other.value.trim();
    getJson<EventDetail>(`/api/events/${encodeURIComponent(otherId)}`, { limit: 1 }).then(
      (detail) => {
        const a = event.members[0];
        const b = detail.event.members[0];
        if (a === undefined || b === undefined) return;
        submit(
          { kind: 'merge', members: [a, b] },
          message,
          () => void openSurvivor([event.id, detail.event.id]),
        );
      },
      (error: unknown) => {
        message.textContent = messageOf(error);
      },
    );
  });
  return form;
}

/** Shifts an ISO date by whole days. */
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Offers the events within three days of this one (same country when known) as merge
 * candidates; without a date there is nothing to suggest, and a failed lookup suggests nothing.
 */
async function suggestMergeCandidates(event: LedgerEvent, list: HTMLDataListElement): Promise<void> {
  if (event.date === null) return;
  try {
    const page = await getJson<Page<EventSummary>>('/api/events', {
      from: shiftDate(event.date.from, -3),
      to: shiftDate(event.date.to, 3),
      limit: 50,
    });
    for (const other of page.items) {
      if (other.id === event.id) continue;
      if (event.place?.country && other.place?.country && other.place.country !== event.place.country)
        continue;
      const when = other.date === null ? 'undated' : other.date.from;
      list.append(
        h('option', { value: other.id }, `${other.type} · ${other.place?.name ?? 'no place'} · ${when}`),
      );
    }
  } catch {
    // Suggestions are a convenience: the id can still be typed.
  }
}

/**
 * The rating control of one claim (for ClaimReview exports): a verdict and a submit button.
 *
 * @example item.append(claimRating(claim));
 */
export function claimRating(claim: LedgerClaim): HTMLFormElement {
  const id = nextId('rate');
  const message = h('span', { class: 'message', role: 'status' });
  const rating = h(
    'select',
    { id, name: 'rating', required: true },
    h('option', { value: '', selected: claim.rating === null }, 'choose a verdict'),
    ...RATINGS.map(([value, label]) =>
      h('option', { value: String(value), selected: claim.rating?.value === value }, `${value} · ${label}`),
    ),
  );
  const form = h(
    'form',
    { class: 'rate-claim' },
    h('label', { for: id }, 'Rate this claim'),
    rating,
    h('button', { type: 'submit' }, 'Rate'),
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (rating.value === '') {
      message.textContent = 'Choose a verdict first.';
      return;
    }
    const value = Number(rating.value);
    const label = RATINGS.find(([v]) => v === value)?.[1] ?? '';
    submit(
      {
        kind: 'rate-claim',
        claim: { documentId: claim.documentId, claimId: claim.claimId },
        rating: value,
        label,
      },
      message,
    );
  });
  return form;
}
