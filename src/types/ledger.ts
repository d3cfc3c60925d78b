import type { CueStance, SpeakerKind } from './attribution.js';
import type { AcledEventType } from './event.js';
import type { PlacePrecision } from './place.js';

/** Version tag of the ledger's interchange shape (the JSON export); bump on breaking changes. */
export const LEDGER_SCHEMA = 'corroborate.ledger/1';

/** A report event inside the ledger: which document, which of its events. */
export interface ReportEventRef {
  readonly documentId: string;
  readonly eventId: string;
}

/** A claim inside the ledger: which document, which of its claims. */
export interface ReportClaimRef {
  readonly documentId: string;
  readonly claimId: string;
}

/** A document as the ledger lists it. */
export interface LedgerDocument {
  readonly id: string;
  /** SHA-256 of the analysed text; the archive holds it, every span indexes into it. */
  readonly sha256: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: string | null;
  readonly originId: string;
}

/** Why two documents were put in one origin. */
export interface OriginLink {
  readonly a: string;
  readonly b: string;
  /** `near-duplicate` (shingle similarity), `notice` ("Republished by", "first appeared on"), `wire` (shared wire credit and text), `analyst`. */
  readonly kind: 'near-duplicate' | 'notice' | 'wire' | 'analyst';
  /** Estimated Jaccard similarity of the two texts' shingles, when measured. */
  readonly similarity: number | null;
  /** Human-readable reason ("92% shared shingles", "notice: Republished by X"). */
  readonly reason: string;
}

/** A group of documents that are copies of one story: the unit of independent support. */
export interface LedgerOrigin {
  readonly id: string;
  readonly documentIds: string[];
  /** `own` for a document alone, else how the group was formed. */
  readonly method: 'own' | 'near-duplicate' | 'notice' | 'wire' | 'analyst';
  readonly links: OriginLink[];
}

/** Why two report events were judged the same event; the score is in [0, 1]. */
export interface EventLink {
  readonly a: ReportEventRef;
  readonly b: ReportEventRef;
  readonly score: number;
  /** Each factor that counted, e.g. `same place (Harir Air Base)`, `dates overlap`, `same sub-type`. */
  readonly reasons: string[];
  /** `auto` from the matcher, `analyst` when a merge decision forced it. */
  readonly by: 'auto' | 'analyst';
}

/** Status of a ledger event: computed from support, or set by an analyst. */
export type LedgerEventStatus = 'unverified' | 'corroborated' | 'confirmed' | 'disputed' | 'false';

/** A claim as the ledger shows it, with the words it rests on. */
export interface LedgerClaim extends ReportClaimRef {
  /** `documentId:claimId`, unique in the ledger. */
  readonly id: string;
  readonly originId: string;
  readonly documentSha256: string;
  /** Primary mention, offsets into the archived text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speakerName: string;
  readonly speakerKind: SpeakerKind;
  readonly stance: CueStance;
  readonly polarity: 'asserted' | 'denied';
  /** True when a hedge or verification disclaimer qualifies it. */
  readonly hedged: boolean;
  readonly confidence: number;
  /** Ledger event ids this claim bears on (supports or contradicts). */
  readonly eventIds: string[];
  /** The analyst's rating, when one was given (for ClaimReview). */
  readonly rating: ClaimRating | null;
}

/** An analyst's verdict on a claim, exported as schema.org ClaimReview. */
export interface ClaimRating {
  /** 1 (false) … 5 (true). */
  readonly value: 1 | 2 | 3 | 4 | 5;
  /** Text verdict ("False", "Misleading", "Unproven", "Mostly true", "True"). */
  readonly label: string;
  readonly by: string;
  readonly at: string;
  readonly note: string | null;
}

/** Two claims that cannot both be true, with both sides and their sources. */
export interface Contradiction {
  /** `denial` (claim vs denial), `number` (casualties 3 vs 7), `interception-vs-hit`, `outcome` (damage vs no damage). */
  readonly kind: 'denial' | 'number' | 'interception-vs-hit' | 'outcome';
  /** Ledger claim ids (`documentId:claimId`). */
  readonly a: string;
  readonly b: string;
  readonly detail: string;
}

/** Supporting evidence for an event, summarised by origin and by speaker kind. */
export interface EventSupport {
  /** Ledger claim ids that assert the event or its outcomes. */
  readonly supporting: string[];
  /** Ledger claim ids that deny it or state an incompatible outcome. */
  readonly contradicting: string[];
  /** Number of distinct origins among the member reports: copies count once. */
  readonly independentOrigins: number;
  readonly originIds: string[];
  /** How many supporting claims each speaker kind gives. */
  readonly speakerKinds: Partial<Record<SpeakerKind, number>>;
  /** True when officials of the target side confirm it (stronger than the perpetrator's claim alone). */
  readonly confirmedByTargetSide: boolean;
  /** True when the only support is the perpetrator's own claim. */
  readonly perpetratorClaimOnly: boolean;
}

/** One event of the ledger: report events from several documents, clustered. */
export interface LedgerEvent {
  /** Stable id derived from the cluster's anchor member (its earliest report event). */
  readonly id: string;
  /** CASE 2021 / fine code (`AIR_STRIKE`, …). */
  readonly type: string;
  readonly eventType: AcledEventType | null;
  readonly subEventType: string | null;
  /** ISO dates, inclusive; the narrowest range compatible with the members, or null. */
  readonly date: { readonly from: string; readonly to: string } | null;
  readonly place: {
    readonly name: string;
    readonly lat: number | null;
    readonly lon: number | null;
    readonly precision: PlacePrecision | null;
    /** ACLED geo_precision 1–3. */
    readonly geoPrecision: 1 | 2 | 3 | null;
    readonly country: string | null;
    readonly admin1: string | null;
  } | null;
  readonly actors: string[];
  readonly targets: string[];
  readonly weapons: string[];
  /** `occurred` unless every member codes it intercepted / failed / claimed / denied. */
  readonly occurrence: 'occurred' | 'intercepted' | 'failed' | 'claimed' | 'denied';
  /** Best-supported fatality count (ACLED `fatalities`), or null when no report gives one. */
  readonly fatalities: number | null;
  readonly members: ReportEventRef[];
  readonly links: EventLink[];
  readonly support: EventSupport;
  readonly contradictions: Contradiction[];
  readonly status: LedgerEventStatus;
  /** True when `status` comes from an analyst decision rather than the computed support. */
  readonly statusByAnalyst: boolean;
  readonly confidence: number;
}

/** A numeric check across reports ("12 attacks on Harir claimed" against the ledger's events). */
export interface LedgerCheck {
  readonly id: string;
  /** `measurement`: a measured area or share (stored evidence) against the one a claim states. */
  readonly kind: 'tally' | 'range' | 'conversion' | 'numbers' | 'measurement';
  /** `ok`, `mismatch`, or `unverifiable` (the ledger holds too little to say). */
  readonly status: 'ok' | 'mismatch' | 'unverifiable';
  /** The ledger claim the check is about, when one states the number. */
  readonly claimId: string | null;
  readonly documentId: string;
  /** What the report states, e.g. `12 attacks on Harir Air Base since 2023-10-17`. */
  readonly stated: string;
  readonly statedValue: number;
  /** What the ledger holds, e.g. `3 distinct events`. */
  readonly observedValue: number | null;
  readonly eventIds: string[];
  readonly detail: string;
}

/** A review decision, replayed in order when the ledger is built (stored in the audit log). */
export type ReviewDecision =
  | {
      readonly kind: 'merge';
      /** Any member of each ledger event to join. */
      readonly members: ReportEventRef[];
      readonly by: string;
      readonly at: string;
      readonly note: string | null;
    }
  | {
      readonly kind: 'split';
      /** These members leave their event and form a new one. */
      readonly members: ReportEventRef[];
      readonly by: string;
      readonly at: string;
      readonly note: string | null;
    }
  | {
      readonly kind: 'set-status';
      /** Any member of the ledger event. */
      readonly member: ReportEventRef;
      readonly status: LedgerEventStatus;
      readonly by: string;
      readonly at: string;
      readonly note: string | null;
    }
  | {
      readonly kind: 'rate-claim';
      readonly claim: ReportClaimRef;
      readonly rating: ClaimRating['value'];
      readonly label: string;
      readonly by: string;
      readonly at: string;
      readonly note: string | null;
    };

/**
 * The whole ledger: the interchange format of `corroborate export --format json`, documented in
 * `docs/ledger.md`.
 */
export interface Ledger {
  readonly schema: typeof LEDGER_SCHEMA;
  readonly documents: LedgerDocument[];
  readonly origins: LedgerOrigin[];
  readonly events: LedgerEvent[];
  readonly claims: LedgerClaim[];
  readonly checks: LedgerCheck[];
}
