// Evidence that an analyst (or ingest) attaches to claims, events and documents: images with
// their perceptual hash, metadata, C2PA status and earlier appearances, and measured areas.
// Plain JSON throughout, so a stored item round-trips unchanged.

/**
 * What a piece of evidence bears on.
 *
 * @example { kind: 'claim', id: 'north-desk-1:c2' }
 */
export interface EvidenceSubject {
  readonly kind: 'claim' | 'event' | 'document';
  readonly id: string;
}

/**
 * One piece of evidence, as stored: a finding and the subjects it bears on, with who added it.
 *
 * @example
 * { id: 'ev:3f9a1c0b2d4e', subjects: [{ kind: 'event', id: 'north-desk-1:e1' }], addedBy: 'ana',
 *   addedAt: '2024-03-02T08:00:00.000Z', finding: { kind: 'image', … }, note: null }
 */
export interface EvidenceItem {
  /** `ev:` + a short hash of the finding's identity and its subjects. */
  readonly id: string;
  readonly subjects: readonly EvidenceSubject[];
  /** User name, or `ingest` for images that came with a report. */
  readonly addedBy: string;
  /** ISO time. */
  readonly addedAt: string;
  readonly finding: ImageFinding | MeasurementFinding;
  readonly note: string | null;
}

/** The kinds of finding, for filtering (`listEvidence({ kind })`). */
export type EvidenceKind = EvidenceItem['finding']['kind'];

/**
 * An image examined: its archived bytes (by hash), what it is, its perceptual hash, what its
 * metadata and C2PA manifest say, and where it appeared before.
 *
 * @example
 * { kind: 'image', sha256: '9f…', mediaType: 'image/jpeg', width: 1280, height: 720,
 *   perceptualHash: 'c3a1f00e9b8d2274', metadata: { … }, c2pa: { status: 'absent', … },
 *   reuse: [], sourceUrl: 'https://north-desk.example/img/harir.jpg' }
 */
export interface ImageFinding {
  readonly kind: 'image';
  /** SHA-256 (hex) of the archived bytes: `store.getArchive(sha256)`. */
  readonly sha256: string;
  /** Sniffed from the bytes, never from a file name: `image/jpeg`, `image/png`, … */
  readonly mediaType: string;
  readonly width: number;
  readonly height: number;
  /** 64-bit DCT perceptual hash as 16 hex digits; near-duplicates differ in few bits. */
  readonly perceptualHash: string;
  /**
   * Hashes of five regions cut from the picture (5 % off every side; 10 % off the top, right,
   * bottom, left), so a copy cropped by up to about 10 % still matches.
   */
  readonly cropHashes: readonly string[];
  readonly metadata: ImageMetadata;
  readonly c2pa: C2paStatus;
  /** Earlier appearances of the same or a near-duplicate image, earliest first. */
  readonly reuse: readonly ImageReuse[];
  /** Where the bytes came from (URL or file path), when known. */
  readonly sourceUrl: string | null;
}

/**
 * What the image's embedded metadata (EXIF, XMP, IPTC) says. Every field is a claim made by
 * whoever last wrote the file: it can be stripped or forged, so it supports, never proves.
 *
 * @example
 * { captureTime: '2024-02-27T21:14:03', gps: { lat: 36.54, lon: 44.35, altitudeM: null },
 *   camera: { make: 'Canon', model: 'EOS R6' }, software: 'Adobe Photoshop 25.0',
 *   editHistory: ['saved by Adobe Photoshop 25.0 at 2024-02-28T09:12:00'], … }
 */
export interface ImageMetadata {
  /** Capture time as written in the file (EXIF DateTimeOriginal or XMP/IPTC equivalents), ISO. */
  readonly captureTime: string | null;
  /** Last modification time written in the file (EXIF ModifyDate, XMP ModifyDate), ISO. */
  readonly modifyTime: string | null;
  readonly gps: { readonly lat: number; readonly lon: number; readonly altitudeM: number | null } | null;
  readonly camera: { readonly make: string | null; readonly model: string | null } | null;
  /** Software that last wrote the file (EXIF Software, XMP CreatorTool). */
  readonly software: string | null;
  /** XMP history entries and other traces of editing, in the order found. */
  readonly editHistory: readonly string[];
  /** Creator/credit/caption fields as written (IPTC/XMP), when present. */
  readonly credit: {
    readonly creator: string | null;
    readonly credit: string | null;
    readonly caption: string | null;
  };
  /** Which metadata blocks were found: `exif`, `xmp`, `iptc`, `icc`, … */
  readonly blocks: readonly string[];
  /** Why metadata could not be read (the image itself may still be fine), or null. */
  readonly error: string | null;
}

/**
 * What a C2PA (Content Credentials) manifest says, read and validated. `absent` proves nothing;
 * `present-valid` says the manifest is intact and signed, and the signer is only as trusted as
 * the configured trust list (`trusted`).
 *
 * @example
 * { status: 'present-valid', signer: 'Example News Photo Desk', issuer: 'Example CA',
 *   trusted: false, claimGenerator: 'ExampleCam/2.1', actions: ['c2pa.created'],
 *   validationErrors: [], caveat: 'absence proves nothing; …' }
 */
export interface C2paStatus {
  readonly status: 'absent' | 'present-valid' | 'present-invalid' | 'unsupported';
  /** Subject common name / organization of the signing certificate, when present. */
  readonly signer: string | null;
  readonly issuer: string | null;
  /** Whether the signer chains to a certificate in the configured trust list (false when none is configured). */
  readonly trusted: boolean;
  readonly claimGenerator: string | null;
  /** Actions the active manifest records (`c2pa.created`, `c2pa.edited`, …). */
  readonly actions: readonly string[];
  /** Validation failures (codes and explanations) for `present-invalid` and `unsupported`. */
  readonly validationErrors: readonly string[];
  /** The standing caveat, shown with every status. */
  readonly caveat: string;
}

/**
 * An earlier appearance of the same or a near-duplicate image in the ledger.
 *
 * @example
 * { evidenceId: 'ev:0c1d2e3f4a5b', sha256: '51…', documentId: 'east-wire-3', url: 'https://…',
 *   date: '2023-11-02', dateSource: 'published', distance: 3, sameBytes: false }
 */
export interface ImageReuse {
  readonly evidenceId: string;
  readonly sha256: string;
  /** The document the earlier image came with, if any. */
  readonly documentId: string | null;
  /** Where the earlier image was found (its source URL, else its document's URL). */
  readonly url: string | null;
  /** ISO date/time of the earlier appearance: the document's publication date, else when it was added. */
  readonly date: string;
  readonly dateSource: 'published' | 'added';
  /** Hamming distance between the 64-bit perceptual hashes (0 = same picture to the hash). */
  readonly distance: number;
  /** Whether the archived bytes are identical. */
  readonly sameBytes: boolean;
}

/**
 * A polygon or multipolygon as a GeoJSON geometry (WGS 84 longitude, latitude).
 *
 * @example { type: 'Polygon', coordinates: [[[44.35, 36.54], [44.36, 36.54], [44.36, 36.55], [44.35, 36.54]]] }
 */
export type GeoJsonPolygonLike =
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly (readonly number[])[])[] }
  | {
      readonly type: 'MultiPolygon';
      readonly coordinates: readonly (readonly (readonly (readonly number[])[])[])[];
    };

/**
 * A measured area and how it compares with what claims say.
 *
 * @example { kind: 'measurement', geometry: { type: 'Polygon', … }, areaM2: 1284.5, label: 'damaged structures', checks: [] }
 */
export interface MeasurementFinding {
  readonly kind: 'measurement';
  readonly geometry: GeoJsonPolygonLike;
  readonly areaM2: number;
  /** What was measured: `damaged structures`, `facility outline`, … */
  readonly label: string | null;
  readonly checks: readonly MeasurementCheck[];
}

/**
 * One comparison of a measured area (or share) with a claimed one.
 *
 * @example
 * { claimId: 'north-desk-1:c3', claimed: { value: 13700, unit: 'sq ft', m2: 1272.8, share: null, text: '13,700 square feet' },
 *   measured: { m2: 1284.5, share: null }, tolerance: 0.1, verdict: 'agrees', explanation: 'measured 1,285 m² is within 10 % of the claimed 1,273 m²' }
 */
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
  /** Relative tolerance the verdict used (0.1 = 10 %). */
  readonly tolerance: number;
  readonly verdict: 'agrees' | 'disagrees' | 'not-comparable';
  readonly explanation: string;
}
