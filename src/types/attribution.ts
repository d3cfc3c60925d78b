import type { Evidence, Span } from './span.js';

/** Who is speaking, in the terms a verification desk uses. */
export type SpeakerKind =
  | 'named-official'
  | 'unnamed-official'
  | 'anonymous-source'
  | 'organisation-statement'
  | 'armed-group-statement'
  | 'named-person'
  | 'witness'
  | 'outlet'
  | 'other-outlet'
  | 'outlet-earlier-reporting'
  | 'social-media'
  | 'document'
  | 'unknown';

/** How the cue positions the outlet towards what is said. */
export type CueStance = 'neutral' | 'distancing' | 'endorsing' | 'denying';

/** The grammatical shape of the attribution. */
export type AttributionForm =
  | 'direct-quote'
  | 'indirect'
  | 'prepositional'
  | 'statement'
  | 'passive'
  | 'mixed';

/** The speaker as resolved by the reader. */
export interface Speaker {
  /** The name or description as best resolved ("Abu Alaa al-Walaei", "US officials"). */
  readonly name: string;
  readonly kind: SpeakerKind;
  readonly role: string | null;
  readonly affiliation: string | null;
  /** Span of the earlier mention this speaker was resolved to (pronoun, "the sources"). */
  readonly antecedent: Span | null;
}

/** Who said what: a source span, a cue span and a content span. */
export interface Attribution extends Evidence {
  readonly id: string;
  readonly source: Span | null;
  readonly cue: Span | null;
  readonly content: Span;
  readonly speaker: Speaker;
  readonly stance: CueStance;
  readonly cueTense: 'past' | 'present' | 'future' | 'perfect' | 'unknown';
  readonly form: AttributionForm;
  /**
   * `speech` when the cue reports words (said, according to, tweeted); `stance` when it reports a
   * position or intention ("wants", "criticized"): the outlet still asserts that the speaker holds it.
   */
  readonly cueKind?: 'speech' | 'stance';
}

/** A hedge or verification marker ("could not independently verify", "reportedly"). */
export interface Marker extends Span, Evidence {
  readonly id: string;
  readonly kind: 'hedge' | 'verification-disclaimer' | 'unverified' | 'allegation' | 'uncertainty';
  readonly text: string;
  /** Ids of the claims the marker qualifies. */
  readonly claimIds: string[];
}
