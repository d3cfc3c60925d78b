import { Hono } from 'hono';
import { REVIEW_ACTIONS } from '../corroborate/load-ledger.js';
import type {
  ClaimRating,
  LedgerEvent,
  LedgerEventStatus,
  ReportEventRef,
  ReviewDecision,
} from '../types/ledger.js';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { HttpError } from './http-error.js';
import { viewWithin } from './ledger-build-status.js';
import { EVENT_STATUSES } from './ledger-query.js';
import type { LedgerView } from './ledger-view.js';
import { requireRole } from './principal.js';
import { type JsonObject, optionalString, readJsonObject } from './request-input.js';

/** The verdict names of the five ratings (schema.org ClaimReview, 1 = false … 5 = true). */
export const RATING_LABELS: Record<ClaimRating['value'], string> = {
  1: 'False',
  2: 'Misleading',
  3: 'Unproven',
  4: 'Mostly true',
  5: 'True',
};

/**
 * Review actions: set an event's status, merge or split events, rate a claim. Each is stored as a
 * `ReviewDecision` in the hash-chained audit log (action from `REVIEW_ACTIONS`), which the ledger
 * replays when it is built; the desk's ledger is rebuilt after each.
 *
 * @example POST /api/review {"kind":"set-status","member":{"documentId":"harir-1","eventId":"e1"},"status":"confirmed","note":"two wires"}
 */
export function reviewRoutes(deps: DeskDeps): Hono<DeskEnv> {
  const routes = new Hono<DeskEnv>();

  routes.post('/review', async (c) => {
    const principal = requireRole(c.get('principal'), 'analyst');
    const body = await readJsonObject(c);
    const note = optionalString(body, 'note', 4000);
    const at = deps.clock().toISOString();
    const by = principal.name;
    // Nothing is recorded before the ledger answers: a 503 while it is being built leaves no trace.
    const ledger = deps.ledger === null ? null : await viewWithin(deps.ledger, deps.ledgerBuild);
    let decision: ReviewDecision;
    let subject: string;
    let before: unknown = null;
    switch (body.kind) {
      case 'set-status': {
        const member = await existingMember(deps, ledger, body, 'member');
        const status = body.status;
        if (typeof status !== 'string' || !(EVENT_STATUSES as readonly string[]).includes(status)) {
          throw new HttpError('bad_request', `"status" must be one of ${EVENT_STATUSES.join(', ')}`);
        }
        const event = await eventOf(ledger, member);
        if (event !== null)
          before = { event: event.id, status: event.status, statusByAnalyst: event.statusByAnalyst };
        decision = { kind: 'set-status', member, status: status as LedgerEventStatus, by, at, note };
        subject = `event:${member.documentId}:${member.eventId}`;
        break;
      }
      case 'merge':
      case 'split': {
        const members = await existingMembers(deps, ledger, body);
        const events = await Promise.all(members.map((m) => eventOf(ledger, m)));
        const ids = new Set(events.map((e) => e?.id ?? null));
        if (body.kind === 'merge') {
          if (members.length < 2) throw new HttpError('bad_request', 'a merge needs at least two members');
          if (ledger !== null && ids.size === 1)
            throw new HttpError('conflict', 'these members are one event already');
        } else if (ledger !== null) {
          if (ids.size !== 1) throw new HttpError('bad_request', 'a split takes members of one event');
          const event = events[0];
          if (event !== null && event !== undefined && event.members.length === members.length) {
            throw new HttpError('conflict', 'a split must leave at least one member in the event');
          }
        }
        before = { events: [...ids] };
        decision = { kind: body.kind, members, by, at, note };
        const first = members[0] as ReportEventRef;
        subject = `event:${first.documentId}:${first.eventId}`;
        break;
      }
      case 'rate-claim': {
        const claim = refOf(body.claim, 'claim', 'claimId');
        const claims = await deps.store.claimsOf(claim.documentId);
        if (!claims.some((k) => k.claimId === claim.claimId)) {
          throw new HttpError('not_found', `no claim "${claim.claimId}" in document "${claim.documentId}"`);
        }
        const rating = body.rating;
        if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4 && rating !== 5) {
          throw new HttpError('bad_request', '"rating" must be an integer from 1 (false) to 5 (true)');
        }
        const label = optionalString(body, 'label', 100) ?? RATING_LABELS[rating];
        const previous =
          ledger === null
            ? null
            : await ledger.lookUp({ kind: 'claim', id: `${claim.documentId}:${claim.claimId}` });
        if (previous?.rating) before = previous.rating;
        decision = { kind: 'rate-claim', claim, rating, label, by, at, note };
        subject = `claim:${claim.documentId}:${claim.claimId}`;
        break;
      }
      default:
        throw new HttpError('bad_request', '"kind" must be set-status, merge, split or rate-claim');
    }
    const entry = await deps.store.appendAudit({
      actor: by,
      // The ledger replays decisions by these actions: one table, shared with `loadLedger`.
      action: REVIEW_ACTIONS[decision.kind],
      subject,
      before,
      after: decision,
      note,
    });
    deps.ledger?.invalidate();
    return c.json({ decision, audit: entry }, 201);
  });

  return routes;
}

function refOf(
  value: unknown,
  field: string,
  idField: 'eventId' | 'claimId',
): { documentId: string } & Record<typeof idField, string> {
  const ref = value as JsonObject | null;
  if (
    typeof ref !== 'object' ||
    ref === null ||
    typeof ref.documentId !== 'string' ||
    typeof ref[idField] !== 'string' ||
    ref.documentId === '' ||
    ref[idField] === ''
  ) {
    throw new HttpError('bad_request', `"${field}" must be {"documentId": …, "${idField}": …}`);
  }
  return { documentId: ref.documentId, [idField]: ref[idField] } as { documentId: string } & Record<
    typeof idField,
    string
  >;
}

/** A report event named by `member` ({documentId, eventId}) or by `event` (a ledger event id). */
async function existingMember(
  deps: DeskDeps,
  ledger: LedgerView | null,
  body: JsonObject,
  field: string,
): Promise<ReportEventRef> {
  if (body[field] === undefined && typeof body.event === 'string' && ledger !== null) {
    const event = await ledger.lookUp({ kind: 'event', id: body.event });
    const first = event?.members[0];
    if (first === undefined) throw new HttpError('not_found', `no ledger event "${body.event}"`);
    return first;
  }
  const ref = refOf(body[field], field, 'eventId');
  const member = { documentId: ref.documentId, eventId: ref.eventId };
  const events = await deps.store.eventsOf(member.documentId);
  if (!events.some((e) => e.eventId === member.eventId)) {
    throw new HttpError('not_found', `no event "${member.eventId}" in document "${member.documentId}"`);
  }
  return member;
}

async function existingMembers(
  deps: DeskDeps,
  ledger: LedgerView | null,
  body: JsonObject,
): Promise<ReportEventRef[]> {
  if (!Array.isArray(body.members) || body.members.length === 0 || body.members.length > 1000) {
    throw new HttpError('bad_request', '"members" must be a list of {"documentId", "eventId"}');
  }
  const members: ReportEventRef[] = [];
  const seen = new Set<string>();
  for (const value of body.members) {
    const member = await existingMember(deps, ledger, { member: value }, 'member');
    const key = `${member.documentId}:${member.eventId}`;
    if (!seen.has(key)) members.push(member);
    seen.add(key);
  }
  return members;
}

/** The ledger event a report event belongs to (null without a ledger or when it is in none). */
async function eventOf(ledger: LedgerView | null, member: ReportEventRef): Promise<LedgerEvent | null> {
  return ledger === null ? null : ledger.lookUp({ kind: 'event-of-member', member });
}
