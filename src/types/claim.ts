import type { CueStance, Speaker } from './attribution.js';
import type { Evidence, Span } from './span.js';

/**
 * An assertion the report makes, with who it rests on. A claim stated twice (headline and body)
 * is one claim with two mentions.
 */
export interface Claim extends Evidence {
  readonly id: string;
  /** Every place the claim is stated; the first is the primary one. */
  readonly mentions: Span[];
  readonly text: string;
  /** The attribution it rests on, or null when it is the outlet's own voice. */
  readonly attributionId: string | null;
  readonly speaker: Speaker;
  readonly stance: CueStance;
  readonly polarity: 'asserted' | 'denied';
  /** Marker ids (hedges, verification disclaimers) that qualify it. */
  readonly markerIds: string[];
  readonly quantityIds: string[];
  readonly dateIds: string[];
  readonly placeIds: string[];
}
