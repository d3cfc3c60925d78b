// The evidence records as the desk API sends them (src/types/evidence.ts on the server side; the
// web app imports nothing from the server code, so the shapes it reads are written here).

/** What a piece of evidence bears on. */
export interface EvidenceSubject {
  readonly kind: 'claim' | 'event' | 'document';
  readonly id: string;
}

/** A polygon outline (GeoJSON, lon/lat). */
export interface PolygonGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: unknown;
}

/** One comparison of a measured area (or share) with a claimed one. */
export interface MeasurementCheck {
  readonly claimId: string | null;
  readonly claimed: {
    readonly value: number;
    readonly unit: string;
    readonly m2: number | null;
    readonly share: number | null;
    readonly text: string;
  };
  readonly measured: { readonly m2: number | null; readonly share: number | null };
  readonly tolerance: number;
  readonly verdict: 'agrees' | 'disagrees' | 'not-comparable';
  readonly explanation: string;
}

/** An image: metadata, C2PA status and earlier appearances. */
export interface ImageFinding {
  readonly kind: 'image';
  readonly sha256: string;
  readonly mediaType: string;
  readonly width: number;
  readonly height: number;
  readonly perceptualHash: string;
  readonly metadata: {
    readonly captureTime: string | null;
    readonly modifyTime: string | null;
    readonly gps: { readonly lat: number; readonly lon: number; readonly altitudeM: number | null } | null;
    readonly camera: { readonly make: string | null; readonly model: string | null } | null;
    readonly software: string | null;
    readonly editHistory: readonly string[];
    readonly credit: {
      readonly creator: string | null;
      readonly credit: string | null;
      readonly caption: string | null;
    };
    readonly blocks: readonly string[];
    readonly error: string | null;
  };
  readonly c2pa: {
    readonly status: 'absent' | 'present-valid' | 'present-invalid' | 'unsupported';
    readonly signer: string | null;
    readonly issuer: string | null;
    readonly trusted: boolean;
    readonly claimGenerator: string | null;
    readonly actions: readonly string[];
    readonly validationErrors: readonly string[];
    readonly caveat: string;
  };
  readonly reuse: readonly {
    readonly evidenceId: string;
    readonly documentId: string | null;
    readonly url: string | null;
    readonly date: string;
    readonly dateSource: 'published' | 'added';
    readonly distance: number;
    readonly sameBytes: boolean;
  }[];
  readonly sourceUrl: string | null;
}

/** A measured outline and its comparisons with the claims. */
export interface MeasurementFinding {
  readonly kind: 'measurement';
  readonly geometry: PolygonGeometry;
  readonly areaM2: number;
  readonly label: string | null;
  readonly checks: readonly MeasurementCheck[];
}

/** One piece of evidence. */
export interface EvidenceItem {
  readonly id: string;
  readonly subjects: readonly EvidenceSubject[];
  readonly addedBy: string;
  readonly addedAt: string;
  readonly finding: ImageFinding | MeasurementFinding;
  readonly note: string | null;
}

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
