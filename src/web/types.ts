/*
 * The API's answers as the UI reads them (docs/api.md, docs/ledger.md). The web UI talks to the
 * desk over HTTP only, so these are written here rather than imported from the server.
 */

/** Status of a ledger event. */
export type EventStatus = 'unverified' | 'corroborated' | 'confirmed' | 'disputed' | 'false';

/** Every status, in the order the UI offers them. */
export const EVENT_STATUSES: readonly EventStatus[] = [
  'unverified',
  'corroborated',
  'confirmed',
  'disputed',
  'false',
];

/** How precisely a place is located. */
export type Precision = 'exact' | 'near' | 'admin2' | 'admin1' | 'country' | 'region' | 'unresolved';

/** A report event inside the ledger. */
export interface MemberRef {
  readonly documentId: string;
  readonly eventId: string;
}

/** One ledger event (`GET /api/events`). */
export interface LedgerEvent {
  readonly id: string;
  readonly type: string;
  readonly eventType: string | null;
  readonly subEventType: string | null;
  readonly date: { readonly from: string; readonly to: string } | null;
  readonly place: {
    readonly name: string;
    readonly lat: number | null;
    readonly lon: number | null;
    readonly precision: Precision | null;
    readonly geoPrecision: 1 | 2 | 3 | null;
    readonly country: string | null;
    readonly admin1: string | null;
  } | null;
  readonly actors: readonly string[];
  readonly targets: readonly string[];
  readonly weapons: readonly string[];
  readonly occurrence: string;
  readonly fatalities: number | null;
  readonly members: readonly MemberRef[];
  readonly links: readonly {
    readonly a: MemberRef;
    readonly b: MemberRef;
    readonly score: number;
    readonly reasons: readonly string[];
    readonly by: string;
  }[];
  readonly support: {
    readonly supporting: readonly string[];
    readonly contradicting: readonly string[];
    readonly independentOrigins: number;
    readonly originIds: readonly string[];
    readonly speakerKinds: Readonly<Record<string, number>>;
    readonly confirmedByTargetSide: boolean;
    readonly perpetratorClaimOnly: boolean;
  };
  readonly contradictions: readonly {
    readonly kind: string;
    readonly a: string;
    readonly b: string;
    readonly detail: string;
  }[];
  readonly status: EventStatus;
  readonly statusByAnalyst: boolean;
  readonly confidence: number;
}

/** An event as `GET /api/events` lists it: what a row needs, counts for the rest. */
export interface EventSummary {
  readonly id: string;
  readonly type: string;
  readonly eventType: string | null;
  readonly subEventType: string | null;
  readonly date: LedgerEvent['date'];
  readonly place: LedgerEvent['place'];
  readonly actors: readonly string[];
  readonly targets: readonly string[];
  readonly occurrence: string;
  readonly fatalities: number | null;
  readonly status: EventStatus;
  readonly statusByAnalyst: boolean;
  readonly confidence: number;
  readonly independentOrigins: number;
  readonly supportingClaims: number;
  readonly contradictingClaims: number;
  /** How many contradictions the event holds. */
  readonly contradictions: number;
  readonly members: number;
  readonly documents: number;
}

/** A page of a list endpoint. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** A ledger claim with the span of its words in the archived text. */
export interface LedgerClaim {
  readonly id: string;
  readonly documentId: string;
  readonly claimId: string;
  readonly originId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speakerName: string;
  readonly speakerKind: string;
  readonly stance: string;
  readonly polarity: 'asserted' | 'denied';
  readonly hedged: boolean;
  readonly confidence: number;
  readonly rating: {
    readonly value: number;
    readonly label: string;
    readonly by: string;
    readonly at: string;
  } | null;
}

/** A document of the ledger. */
export interface LedgerDocument {
  readonly id: string;
  readonly sha256: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: string | null;
  readonly originId: string;
}

/** A group of copies of one story. */
export interface LedgerOrigin {
  readonly id: string;
  readonly documentIds: readonly string[];
  readonly method: string;
  readonly links: readonly {
    readonly a: string;
    readonly b: string;
    readonly kind: string;
    readonly reason: string;
  }[];
}

/** A numeric check across reports. */
export interface LedgerCheck {
  readonly id: string;
  readonly kind: string;
  readonly status: 'ok' | 'mismatch' | 'unverifiable';
  readonly stated: string;
  readonly observedValue: number | null;
  readonly detail: string;
}

/** An entry of the hash-chained audit log. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** The state before and after: JSON text in an event's history, parsed in `/api/audit`. */
  readonly before: unknown;
  readonly after: unknown;
  readonly note: string | null;
  readonly hash: string;
}

/** An origin on an event page: its first copies and links, and how many it holds in all. */
export interface EventOrigin extends LedgerOrigin {
  readonly documentCount: number;
  readonly linkCount: number;
}

/** How many entries each of an event's lists holds (the event page shows the first `limit`). */
export interface EventTotals {
  readonly members: number;
  readonly links: number;
  readonly supporting: number;
  readonly contradicting: number;
  readonly documents: number;
  readonly origins: number;
  readonly checks: number;
}

/**
 * `GET /api/events/{id}`: the event page. Each long list holds its first `limit` entries — in
 * `event` the members, links and claim ids (`support.supporting`, `support.contradicting`), and
 * `claims`, `origins` (each with its first copies), `checks` — and `totals` says how many each
 * holds; `documents` are those the shown claims come from and the first members' documents. The
 * rest of a list is at `GET /api/events/{id}/{part}` ({@link EventPart}).
 */
export interface EventDetail {
  readonly event: LedgerEvent;
  readonly claims: readonly LedgerClaim[];
  readonly documents: readonly LedgerDocument[];
  readonly origins: readonly EventOrigin[];
  readonly checks: readonly LedgerCheck[];
  readonly history: readonly AuditEntry[];
  readonly totals: EventTotals;
  readonly limit: number;
}

/**
 * A list of an event, whole, a page at a time: `GET /api/events/{id}/{part}?offset=&limit=`
 * answers a {@link Page} of these, in the event page's order (claims take `side`).
 */
export interface EventParts {
  readonly members: MemberRef;
  readonly links: LedgerEvent['links'][number];
  readonly claims: LedgerClaim;
  readonly documents: LedgerDocument;
  /** Whole: every copy and link. */
  readonly origins: LedgerOrigin;
  readonly checks: LedgerCheck;
}

/** The name of one of an event's lists. */
export type EventPart = keyof EventParts;

/** `GET /api/documents/{id}/text`. */
export interface DocumentText {
  readonly documentId: string;
  readonly sha256: string;
  readonly text: string;
  readonly spans: readonly {
    readonly kind: 'claim' | 'event';
    readonly id: string;
    readonly start: number;
    readonly end: number;
  }[];
}

/** One marker of `GET /api/map`. */
export interface MapMarker {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly place: string;
  readonly precision: Precision | null;
  readonly geoPrecision: 1 | 2 | 3 | null;
  readonly type: string;
  readonly date: string | null;
  readonly status: EventStatus;
  readonly independentOrigins: number;
  readonly contradicted: boolean;
}

/** `GET /api/timeline`. */
export interface Timeline {
  readonly days: readonly {
    readonly date: string;
    readonly total: number;
    readonly byType: Readonly<Record<string, number>>;
  }[];
  readonly undated: number;
}
