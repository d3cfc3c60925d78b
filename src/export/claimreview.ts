import type { SpeakerKind } from '../types/attribution.js';
import type { Ledger, LedgerClaim, LedgerDocument } from '../types/ledger.js';

/** A schema.org Person or Organization. */
export interface SchemaAgent {
  readonly '@type': 'Person' | 'Organization';
  readonly name: string;
}

/** Where a claim appeared: one archived document. */
export interface SchemaCreativeWork {
  readonly '@type': 'CreativeWork';
  /** The document's URL, or `urn:sha256:<hash>` of the archived text when it has none. */
  readonly url: string;
  readonly headline?: string;
  readonly publisher?: SchemaAgent;
  readonly datePublished?: string;
}

/** The claim being reviewed, as schema.org `Claim`. */
export interface SchemaClaim {
  readonly '@type': 'Claim';
  readonly author?: SchemaAgent;
  readonly datePublished?: string;
  readonly appearance: SchemaCreativeWork[];
}

/** One schema.org `ClaimReview` (JSON-LD), as fact-check aggregators read it. */
export interface ClaimReview {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  /** Ledger claim id (`documentId:claimId`), so a review can be traced back. */
  readonly identifier: string;
  readonly claimReviewed: string;
  readonly reviewRating: {
    readonly '@type': 'Rating';
    readonly ratingValue: 1 | 2 | 3 | 4 | 5;
    readonly bestRating: 5;
    readonly worstRating: 1;
    readonly alternateName: string;
  };
  readonly itemReviewed: SchemaClaim;
  readonly author: SchemaAgent;
  readonly datePublished: string;
  readonly reviewBody?: string;
}

// Speakers who are people; statements, outlets and documents speak for an organisation.
const PERSON_KINDS: ReadonlySet<SpeakerKind> = new Set<SpeakerKind>([
  'named-official',
  'unnamed-official',
  'anonymous-source',
  'named-person',
  'witness',
  'social-media',
]);
const ORGANIZATION_KINDS: ReadonlySet<SpeakerKind> = new Set<SpeakerKind>([
  'organisation-statement',
  'armed-group-statement',
  'outlet',
  'other-outlet',
  'outlet-earlier-reporting',
  'document',
]);

/**
 * The schema.org type of a speaker: a Person for people (named or not), an Organization for
 * statements, outlets and documents; none when the speaker is unknown.
 *
 * @example speakerAgent({ speakerName: 'Hamas', speakerKind: 'armed-group-statement' }) // { '@type': 'Organization', name: 'Hamas' }
 */
export function speakerAgent(claim: Pick<LedgerClaim, 'speakerName' | 'speakerKind'>): SchemaAgent | null {
  const name = claim.speakerName.trim();
  if (!name) return null;
  if (PERSON_KINDS.has(claim.speakerKind)) return { '@type': 'Person', name };
  if (ORGANIZATION_KINDS.has(claim.speakerKind)) return { '@type': 'Organization', name };
  return null;
}

function appearance(document: LedgerDocument): SchemaCreativeWork {
  return {
    '@type': 'CreativeWork',
    url: document.url ?? `urn:sha256:${document.sha256}`,
    ...(document.title ? { headline: document.title } : {}),
    ...(document.publisher ? { publisher: { '@type': 'Organization', name: document.publisher } } : {}),
    ...(document.publishedDate ? { datePublished: document.publishedDate } : {}),
  };
}

/**
 * schema.org `ClaimReview` JSON-LD for every claim an analyst has rated, in ledger order. The
 * claim appears in its own document and in the other documents of its origin (copies of the same
 * story); the review's author is the analyst who rated it.
 *
 * @example
 * const reviews = ledgerToClaimReviews(ledger);
 * reviews[0].reviewRating // { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' }
 */
export function ledgerToClaimReviews(ledger: Ledger): ClaimReview[] {
  const documents = new Map(ledger.documents.map((document) => [document.id, document]));
  const origins = new Map(ledger.origins.map((origin) => [origin.id, origin]));
  const reviews: ClaimReview[] = [];
  for (const claim of ledger.claims) {
    const rating = claim.rating;
    if (!rating) continue;
    const own = documents.get(claim.documentId);
    const copies = (origins.get(claim.originId)?.documentIds ?? [])
      .filter((id) => id !== claim.documentId)
      .flatMap((id) => documents.get(id) ?? []);
    const author = speakerAgent(claim);
    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: claim.id,
      claimReviewed: claim.text,
      reviewRating: {
        '@type': 'Rating',
        ratingValue: rating.value,
        bestRating: 5,
        worstRating: 1,
        alternateName: rating.label,
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(author ? { author } : {}),
        ...(own?.publishedDate ? { datePublished: own.publishedDate } : {}),
        appearance: [...(own ? [own] : []), ...copies].map(appearance),
      },
      author: { '@type': 'Person', name: rating.by },
      datePublished: rating.at,
      ...(rating.note ? { reviewBody: rating.note } : {}),
    });
  }
  return reviews;
}

/**
 * The ClaimReview export as text: one JSON-LD array (two-space indentation, final newline).
 *
 * @example writeFileSync('reviews.jsonld', ledgerToClaimReviewText(ledger));
 */
export function ledgerToClaimReviewText(ledger: Ledger): string {
  return `${JSON.stringify(ledgerToClaimReviews(ledger), null, 2)}\n`;
}
