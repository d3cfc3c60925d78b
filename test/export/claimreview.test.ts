import { describe, expect, it } from 'vitest';
import { ledgerToClaimReviewText, speakerAgent } from '../../src/export/claimreview.js';
import type { SpeakerKind } from '../../src/types/attribution.js';
import { sampleLedger } from './sample-ledger.js';

describe('schema.org ClaimReview export', () => {
  const ledger = sampleLedger();
  const reviews = JSON.parse(ledgerToClaimReviewText(ledger));

  it('has one review per rated claim, and none for unrated claims', () => {
    const rated = ledger.claims.filter((claim) => claim.rating !== null);
    expect(rated).toHaveLength(2);
    expect(reviews.map((r: { identifier: string }) => r.identifier)).toEqual(rated.map((c) => c.id));
  });

  it('rates on the 1–5 scale with the analyst’s label, author and date', () => {
    for (const claim of ledger.claims.filter((c) => c.rating)) {
      const review = reviews.find((r: { identifier: string }) => r.identifier === claim.id);
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      expect(review.claimReviewed).toBe(claim.text);
      expect(review.reviewRating).toEqual({
        '@type': 'Rating',
        ratingValue: claim.rating!.value,
        bestRating: 5,
        worstRating: 1,
        alternateName: claim.rating!.label,
      });
      expect(review.author).toEqual({ '@type': 'Person', name: claim.rating!.by });
      expect(review.datePublished).toBe(claim.rating!.at);
    }
  });

  it('names the speaker, the date and every copy the claim appeared in', () => {
    const [wire, local] = reviews;
    expect(wire.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'Islamic Resistance in Iraq' },
      datePublished: '2023-10-18',
      appearance: [
        {
          '@type': 'CreativeWork',
          url: 'https://wire.example/harir',
          headline: 'Drones target Harir base, group says',
          publisher: { '@type': 'Organization', name: 'Wire Service, Inc.' },
          datePublished: '2023-10-18',
        },
        {
          '@type': 'CreativeWork',
          url: 'https://www.daily.example/world/harir',
          headline: 'Drones target Harir base',
          datePublished: '2023-10-18',
        },
      ],
    });
    expect(wire.reviewBody).toBe('No damage seen on imagery.');
    expect(local.itemReviewed.author).toEqual({ '@type': 'Person', name: 'a US defence official' });
    expect(local.itemReviewed).not.toHaveProperty('datePublished');
    expect(local.itemReviewed.appearance).toEqual([
      {
        '@type': 'CreativeWork',
        url: `urn:sha256:${'c'.repeat(64)}`,
        headline: 'Officials: "no damage"\nat Harir',
        publisher: { '@type': 'Organization', name: 'Erbil Courier' },
      },
    ]);
    expect(local).not.toHaveProperty('reviewBody');
  });

  it.each([
    ['named-official', 'Person'],
    ['witness', 'Person'],
    ['unnamed-official', 'Person'],
    ['organisation-statement', 'Organization'],
    ['armed-group-statement', 'Organization'],
    ['outlet', 'Organization'],
    ['unknown', null],
  ] as const)('a %s speaker is a %s', (kind, type) => {
    const agent = speakerAgent({ speakerName: 'Someone', speakerKind: kind as SpeakerKind });
    expect(agent?.['@type'] ?? null).toBe(type);
  });
});
