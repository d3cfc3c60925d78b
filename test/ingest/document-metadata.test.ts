import { describe, expect, it } from 'vitest';
import { readDocumentInfo, sha256 } from '../../src/ingest/document-metadata.js';
import type { SourceDocument } from '../../src/types/index.js';

const info = (text: string, extra: Partial<SourceDocument> = {}, date: string | null = null) =>
  readDocumentInfo({ id: 't', text, format: 'text', ...extra }, date);

const REPORT = `Shelling hits market in river town

Three people were wounded when shells struck a market on Sunday, local officials said

Shells struck the central market of the town on Sunday morning, officials said.

By Jane Roe

Published by The River Post

Republished by Hill Times

The views expressed in this article are solely those of the author and do not necessarily reflect the opinions of hilltimes.example.`;

describe('document metadata of a plain-text report', () => {
  const d = info(REPORT);

  it.each([
    ['title', d.title?.value, 'Shelling hits market in river town'],
    [
      'standfirst',
      d.standfirst?.value,
      'Three people were wounded when shells struck a market on Sunday, local officials said',
    ],
    ['byline', d.byline?.value, 'Jane Roe'],
    ['publisher', d.publisher?.value, 'The River Post'],
    ['republished by', d.republishedBy.map((r) => r.value).join('|'), 'Hill Times'],
  ])('reads the %s', (_what, got, expected) => {
    expect(got).toBe(expected);
  });

  it('points each field at its words', () => {
    for (const f of [d.title, d.standfirst, d.byline, d.publisher, ...d.republishedBy]) {
      expect(f?.span).not.toBeNull();
      expect(REPORT.slice(f!.span!.start, f!.span!.end)).toBe(f!.value);
    }
  });

  it('marks byline, notices and the disclaimer as boilerplate, not the body', () => {
    expect(d.boilerplate.map((b) => b.kind)).toEqual([
      'byline',
      'publication-notice',
      'republication-notice',
      'disclaimer',
    ]);
    const body = REPORT.indexOf('Shells struck');
    expect(d.boilerplate.every((b) => b.start > body)).toBe(true);
  });

  it('hashes the text with SHA-256', () => {
    expect(d.sha256).toBe(sha256(REPORT));
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('detects English', () => {
    expect(d.language).toBe('en');
  });
});

describe('publication notices and datelines', () => {
  it.each([
    ['This article first appeared on Harbour News.', 'originallyPublishedBy', 'Harbour News'],
    ['Originally published by The Plains Herald', 'originallyPublishedBy', 'The Plains Herald'],
    ['This story was republished by Coast Daily.', 'republishedBy', 'Coast Daily'],
  ])('"%s" → %s %s', (line, field, expected) => {
    const d = info(`Body sentence about shelling in the town.\n\n${line}`);
    const got = field === 'republishedBy' ? d.republishedBy[0]?.value : d.originallyPublishedBy?.value;
    expect(got).toBe(expected);
  });

  it.each([
    ['BAGHDAD, Iraq (Reuters) — Rockets hit the embassy.', 'Reuters'],
    ['ERBIL, Iraq, March 4 (Meridian Wire) — A drone struck a depot.', 'Meridian Wire'],
    ['KHARKIV, Ukraine, Sept. 12, 2025 (Steppe Press) - Shells hit a school.', 'Steppe Press'],
    ['KYIV (AP) - Air raid sirens sounded.', 'AP'],
    ['MOSUL, Iraq (North Wire) — Drones hit a depot.', 'North Wire'],
  ])('credits the wire in "%s"', (line, wire) => {
    expect(info(line).wireCredits.map((w) => w.value)).toEqual([wire]);
  });

  it.each([
    ['KUPIANSK, Ukraine — Shells hit a school.', 'KUPIANSK, Ukraine — '],
    ['GAZA CITY - Strikes continued overnight.', 'GAZA CITY - '],
  ])('marks the dateline of "%s" as boilerplate', (line, dateline) => {
    const d = info(line);
    expect(d.wireCredits).toEqual([]);
    expect(d.boilerplate.map((b) => line.slice(b.start, b.end))).toEqual([dateline]);
  });

  it.each(['The UN — and its agencies — left.', 'NATO, the alliance, said - nothing.'])(
    'does not take "%s" for a dateline',
    (line) => {
      expect(info(line).boilerplate).toEqual([]);
    },
  );

  it('does not take a parenthesis in running text for a wire credit', () => {
    expect(info('The ministry (MoD) said - nothing.').wireCredits).toEqual([]);
  });

  it.each([
    ['13 March 2024', '2024-03-13'],
    ['Published on March 13, 2024', '2024-03-13'],
    ['Updated: 2024-03-13', '2024-03-13'],
    ['Republished by Coast Daily on 15 March 2024', '2024-03-15'],
  ])('reads the publication date from "%s"', (line, iso) => {
    const d = info(`Drones hit the depot.\n\n${line}`);
    expect(d.publishedDate).toBe(iso);
    expect(d.publishedDateSource).toBe('text');
  });

  it('does not take a date inside a sentence for the publication date', () => {
    const d = info('Drones hit the depot on 13 March 2024, officials said.');
    expect(d.publishedDate).toBeNull();
  });

  it('prefers metadata, then the text, then the reference date', () => {
    expect(info('x', { meta: { publishedDate: '2024-05-21T09:30:00Z' } }, '2020-01-01').publishedDate).toBe(
      '2024-05-21',
    );
    expect(info('Drones hit.', {}, '2020-01-01').publishedDateSource).toBe('reference');
  });
});

describe('no metadata to find', () => {
  it('leaves fields empty rather than guessing', () => {
    const d = info('Drones hit the depot, officials said. Nobody was hurt.');
    expect(d.title).toBeNull();
    expect(d.byline).toBeNull();
    expect(d.publisher).toBeNull();
    expect(d.republishedBy).toEqual([]);
  });
});
