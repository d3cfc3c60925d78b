import type { Evidence, Span } from './span.js';

/** Entity types, named as in the re3d corpus so that scores compare. */
export type EntityType =
  | 'Person'
  | 'Organisation'
  | 'Location'
  | 'Nationality'
  | 'Weapon'
  | 'MilitaryPlatform'
  | 'Vehicle'
  | 'Temporal'
  | 'Quantity'
  | 'Money'
  | 'DocumentReference'
  | 'CommsIdentifier';

/** A named thing in the text. `subtype` keeps our richer typing (armed group, facility, …). */
export interface Entity extends Span, Evidence {
  readonly id: string;
  readonly text: string;
  readonly type: EntityType;
  readonly subtype: string | null;
  /** Long form for an acronym, or a canonical name ("PMU" → "Popular Mobilization Forces"). */
  readonly canonical: string | null;
}
