import { userInfo } from 'node:os';
import { loadLedger, REVIEW_ACTIONS } from '../corroborate/load-ledger.js';
import { InputError, UsageError } from '../errors.js';
import type {
  ClaimRating,
  Ledger,
  LedgerEvent,
  LedgerEventStatus,
  ReportEventRef,
  ReviewDecision,
} from '../types/ledger.js';
import {
  DB_HELP,
  DB_OPTION,
  HELP_OPTION,
  outputFormat,
  parseCommandArgs,
  printHelpIf,
  withLedger,
} from './ledger-context.js';

/**
 * `corroborate review --help`.
 *
 * @example process.stdout.write(`${REVIEW_HELP}\n`)
 */
export const REVIEW_HELP = `Usage: corroborate review ACTION ... [options]

Records an analyst's decision in the ledger's audit trail (hash-chained, append-only); the
ledger replays every decision in order each time it is built, so nothing is overwritten.

Actions:
  set-status EVENT STATUS      set an event's status: unverified, corroborated, confirmed,
                               disputed, false
  merge EVENT EVENT...         these events are one event
  split EVENT MEMBER...        these reports of EVENT are a separate event; MEMBER is
                               DOCUMENT:EVENT as listed by "corroborate show EVENT"
                               (e.g. examples/report.txt:ev2)
  rate CLAIM 1-5               rate a claim (1 false … 5 true), exported as ClaimReview

Options:
${DB_HELP}
  --note TEXT           why (kept with the decision)
  --by NAME             who decides (default: $USER)
  --label TEXT          the verdict's words for "rate" (default by rating: False,
                        Misleading, Unproven, Mostly true, True)
  --format text|json    text (default) or JSON (the decision and the event or claim after it)
  -h, --help            show this help

Examples:
  corroborate review set-status examples/north-wire-drone-strike.txt:ev1 confirmed --note "satellite imagery"
  corroborate review merge EVENT-A EVENT-B --by amira
  corroborate review rate examples/north-wire-drone-strike.txt:c8 2 --label Misleading`;

const STATUSES: readonly LedgerEventStatus[] = [
  'unverified',
  'corroborated',
  'confirmed',
  'disputed',
  'false',
];

/**
 * Default verdict words for each rating, 1 (false) … 5 (true).
 *
 * @example RATING_LABELS[2] // 'Misleading'
 */
export const RATING_LABELS: Readonly<Record<ClaimRating['value'], string>> = {
  1: 'False',
  2: 'Misleading',
  3: 'Unproven',
  4: 'Mostly true',
  5: 'True',
};

/**
 * Runs `corroborate review`; returns the exit code.
 *
 * @example await runReviewCommand(['rate', 'examples/north-wire-drone-strike.txt:c8', '2', '--by', 'amira']) // 0
 */
export async function runReviewCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      note: { type: 'string' },
      by: { type: 'string' },
      label: { type: 'string' },
      format: { type: 'string' },
      ...HELP_OPTION,
    },
    'review',
  );
  if (printHelpIf(values.help, REVIEW_HELP)) return 0;
  const [action, ...args] = positionals;
  if (action === undefined)
    throw new UsageError(
      'review needs an action: set-status, merge, split or rate (see "corroborate review --help")',
    );
  const format = outputFormat(values.format);
  const by = (values.by ?? process.env.USER ?? safeUserName()).trim();
  if (by === '') throw new UsageError('--by needs a name (no $USER to default to)');
  const note = values.note ?? null;
  const at = new Date().toISOString();
  if (values.label !== undefined && action !== 'rate')
    throw new UsageError('--label is for "review rate" only');

  return withLedger(
    values.db,
    async (store) => {
      const before = await loadLedger(store);
      const { decision, subject, previous } = decide(action, args, before, {
        by,
        at,
        note,
        label: values.label,
      });
      await store.appendAudit({
        actor: by,
        action: REVIEW_ACTIONS[decision.kind],
        subject,
        before: previous,
        after: decision,
        note,
      });
      const after = await loadLedger(store);
      const outcome = describeOutcome(decision, after);
      if (format === 'json')
        process.stdout.write(`${JSON.stringify({ decision, ...outcome.value }, null, 2)}\n`);
      else process.stdout.write(`${outcome.text}\n`);
      return 0;
    },
    { create: false },
  );
}

interface DecisionContext {
  readonly by: string;
  readonly at: string;
  readonly note: string | null;
  readonly label: string | undefined;
}

/** Builds the decision an action asks for, checking its arguments against the ledger as it is. */
function decide(
  action: string,
  args: string[],
  ledger: Ledger,
  ctx: DecisionContext,
): { decision: ReviewDecision; subject: string; previous: unknown } {
  const { by, at, note } = ctx;
  switch (action) {
    case 'set-status': {
      if (args.length !== 2) throw new UsageError('usage: corroborate review set-status EVENT STATUS');
      const event = findEvent(ledger, args[0]!);
      const status = args[1] as LedgerEventStatus;
      if (!STATUSES.includes(status))
        throw new UsageError(`STATUS must be one of ${STATUSES.join(', ')}, got "${args[1]}"`);
      return {
        decision: { kind: 'set-status', member: anchor(event), status, by, at, note },
        subject: `event:${event.id}`,
        previous: { status: event.status, statusByAnalyst: event.statusByAnalyst },
      };
    }
    case 'merge': {
      if (args.length < 2) throw new UsageError('usage: corroborate review merge EVENT EVENT...');
      const events = args.map((id) => findEvent(ledger, id));
      if (new Set(events.map((e) => e.id)).size !== events.length)
        throw new UsageError('merge needs two or more different events');
      return {
        // Every member, not one per event: the decision keeps what the analyst saw joined, even
        // when later reports change how the rest clusters.
        decision: { kind: 'merge', members: events.flatMap((e) => e.members), by, at, note },
        subject: events.map((e) => `event:${e.id}`).join(' '),
        previous: { events: events.map((e) => ({ id: e.id, members: e.members })) },
      };
    }
    case 'split': {
      if (args.length < 2) throw new UsageError('usage: corroborate review split EVENT MEMBER...');
      const event = findEvent(ledger, args[0]!);
      const members = args.slice(1).map((m) => parseMember(m, event));
      if (members.length >= event.members.length)
        throw new InputError(
          `a split must leave at least one report in ${event.id}; it has ${event.members.length}`,
        );
      return {
        decision: { kind: 'split', members, by, at, note },
        subject: `event:${event.id}`,
        previous: { members: event.members },
      };
    }
    case 'rate': {
      if (args.length !== 2) throw new UsageError('usage: corroborate review rate CLAIM 1-5 [--label TEXT]');
      const claim = ledger.claims.find((c) => c.id === args[0]);
      if (!claim)
        throw new InputError(`no claim "${args[0]}" in the ledger (claim ids look like DOCUMENT:c3)`);
      const rating = Number(args[1]);
      if (!Number.isInteger(rating) || rating < 1 || rating > 5)
        throw new UsageError(
          `the rating must be a whole number from 1 (false) to 5 (true), got "${args[1]}"`,
        );
      const value = rating as ClaimRating['value'];
      const label = ctx.label?.trim() || RATING_LABELS[value];
      return {
        decision: {
          kind: 'rate-claim',
          claim: { documentId: claim.documentId, claimId: claim.claimId },
          rating: value,
          label,
          by,
          at,
          note,
        },
        subject: `claim:${claim.id}`,
        previous: { rating: claim.rating },
      };
    }
    default:
      throw new UsageError(
        `unknown review action "${action}": use set-status, merge, split or rate (see "corroborate review --help")`,
      );
  }
}

function findEvent(ledger: Ledger, id: string): LedgerEvent {
  const event = ledger.events.find((e) => e.id === id);
  if (!event)
    throw new InputError(`no event "${id}" in the ledger (event ids are listed by "corroborate report")`);
  return event;
}

/** The member that names an event in a decision: its first (anchor) report event. */
function anchor(event: LedgerEvent): ReportEventRef {
  return event.members[0]!;
}

/** `DOCUMENT:EVENT` of one of the event's members (document ids may hold colons: the last one splits). */
function parseMember(text: string, event: LedgerEvent): ReportEventRef {
  const cut = text.lastIndexOf(':');
  if (cut <= 0 || cut === text.length - 1)
    throw new UsageError(`MEMBER must be DOCUMENT:EVENT (e.g. examples/report.txt:ev2), got "${text}"`);
  const ref = { documentId: text.slice(0, cut), eventId: text.slice(cut + 1) };
  if (!event.members.some((m) => m.documentId === ref.documentId && m.eventId === ref.eventId))
    throw new InputError(
      `${text} is not a report of ${event.id}; its reports are ${event.members.map((m) => `${m.documentId}:${m.eventId}`).join(', ')}`,
    );
  return ref;
}

/** What the ledger looks like after the decision: the event(s) or claim it touched. */
function describeOutcome(decision: ReviewDecision, ledger: Ledger): { text: string; value: object } {
  const eventOf = (ref: ReportEventRef) =>
    ledger.events.find((e) =>
      e.members.some((m) => m.documentId === ref.documentId && m.eventId === ref.eventId),
    );
  const line = (e: LedgerEvent | undefined) =>
    e
      ? `${e.id} [${e.status}${e.statusByAnalyst ? ', set by analyst' : ''}] ${e.members.length} report${e.members.length === 1 ? '' : 's'}, ${e.support.independentOrigins} independent origin${e.support.independentOrigins === 1 ? '' : 's'}`
      : '(no longer in the ledger)';
  switch (decision.kind) {
    case 'set-status': {
      const event = eventOf(decision.member);
      return {
        text: `status set to ${decision.status} by ${decision.by}: ${line(event)}`,
        value: { event: event ?? null },
      };
    }
    case 'merge': {
      const events = [...new Set(decision.members.map(eventOf))];
      return { text: `merged by ${decision.by}: ${events.map(line).join('; ')}`, value: { events } };
    }
    case 'split': {
      const split = eventOf(decision.members[0]!);
      return { text: `split by ${decision.by}: ${line(split)}`, value: { event: split ?? null } };
    }
    case 'rate-claim': {
      const id = `${decision.claim.documentId}:${decision.claim.claimId}`;
      const claim = ledger.claims.find((c) => c.id === id);
      return {
        text: `rated ${id} ${decision.rating}/5 “${decision.label}” by ${decision.by}`,
        value: { claim: claim ?? null },
      };
    }
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
