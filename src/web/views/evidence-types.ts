// The evidence records as the desk API sends them: the one definition in src/types/evidence.ts,
// imported as types only (erased from the bundle; the web app imports no server code).
export type {
  EvidenceItem,
  EvidenceSubject,
  ImageFinding,
  MeasurementCheck,
  MeasurementFinding,
} from '../../types/evidence.js';

/** `GET /api/events/{id}/measurable-claims`: an area (m²) or a share (fraction) a claim states. */
export interface ClaimedMeasure {
  readonly claimId: string;
  readonly kind: 'area' | 'share';
  readonly text: string;
  readonly bound: string;
  readonly m2: number | null;
  readonly share: number | null;
  /** Ends of a range, or the bound of "at least" / "at most" (m² for areas, a fraction for shares). */
  readonly low?: number | null;
  readonly high?: number | null;
  readonly of: string | null;
}
