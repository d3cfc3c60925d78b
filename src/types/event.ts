import type { Evidence, Span, TextSpan } from './span.js';

/** ACLED's six event types. */
export type AcledEventType =
  | 'Battles'
  | 'Explosions/Remote violence'
  | 'Violence against civilians'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments';

/** An argument of an event, with its role ("attacker", "target", "instrument", "place"). */
export interface EventArgument extends Span {
  readonly role: string;
  readonly text: string;
}

/** A claimed outcome of an event (damage, killed, wounded), tied to the claim that states it. */
export interface OutcomeClaim {
  readonly kind: 'damage' | 'no-damage' | 'killed' | 'wounded' | 'no-casualties' | 'destroyed' | 'other';
  readonly quantityId: string | null;
  readonly claimId: string | null;
  readonly span: Span;
}

/** One event the report describes, coded ACLED-style. */
export interface ConflictEvent extends Evidence {
  readonly id: string;
  /** Fine label for the scorer (CASE 2021 code such as `AIR_STRIKE`, or `OTHER`). */
  readonly type: string;
  /** The same event in the KAIROS ontology (WikiEvents, e.g. `Conflict.Attack.DetonateExplode`). */
  readonly kairosType: string;
  /** The same event in the RAMS ontology (e.g. `conflict.attack.airstrikemissilestrike`). */
  readonly ramsType: string;
  /** Id of the first event of the same incident (a later "the attack" refers back), or its own id. */
  readonly incidentId: string;
  readonly eventType: AcledEventType | null;
  readonly subEventType: string | null;
  readonly trigger: Span;
  readonly arguments: EventArgument[];
  readonly actor: TextSpan | null;
  /**
   * The actor is not stated for this event but inferred (from a group's claimed tally of attacks
   * on the same target): a lead to verify, never a finding.
   */
  readonly actorInferred: boolean;
  readonly target: TextSpan | null;
  readonly weapon: TextSpan | null;
  readonly placeId: string | null;
  readonly dateId: string | null;
  /** `occurred`, or coded as intercepted / failed / claimed-only — never counted as a hit. */
  readonly status: 'occurred' | 'intercepted' | 'failed' | 'claimed' | 'denied';
  readonly outcomes: OutcomeClaim[];
  readonly claimIds: string[];
}

/** An aggregate statement ("targeted 12 times since 7 October") to check against the ledger. */
export interface Tally extends Span, Evidence {
  readonly id: string;
  readonly quantityId: string;
  readonly count: number;
  readonly bound: string;
  readonly what: string;
  readonly target: TextSpan | null;
  readonly actor: TextSpan | null;
  readonly placeIds: string[];
  readonly dateId: string | null;
  /** Who counts: the claim's speaker. */
  readonly counter: string | null;
  readonly claimId: string | null;
}
