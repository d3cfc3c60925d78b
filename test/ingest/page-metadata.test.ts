import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  cleanByline,
  cleanPublisher,
  cleanTitle,
  type MetaDocumentLike,
  pageMetadata,
} from '../../src/ingest/page-metadata.js';

const page = (head: string, body = '', lang = '') =>
  parseHTML(`<!doctype html><html${lang}><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as MetaDocumentLike;

describe('pageMetadata', () => {
  const cases: Array<[string, MetaDocumentLike, Record<string, string>]> = [
    [
      'Open Graph and article tags',
      page(
        '<meta property="og:site_name" content="Harbour Gazette"><meta property="article:published_time" content="2024-05-02T10:00:00+03:00"><meta property="og:url" content="https://gazette.example.net/a/1">',
      ),
      { publisher: 'Harbour Gazette', publishedDate: '2024-05-02', url: 'https://gazette.example.net/a/1' },
    ],
    [
      'schema.org JSON-LD in a graph',
      page(
        '<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Ferry resumes","datePublished":"2024-05-03","author":[{"@type":"Person","name":"Ola Berg"},{"name":"Ivo Lind"}],"publisher":{"@type":"Organization","name":"Island Post"}}]}</script>',
      ),
      {
        title: 'Ferry resumes',
        publishedDate: '2024-05-03',
        byline: 'Ola Berg, Ivo Lind',
        publisher: 'Island Post',
      },
    ],
    [
      'a time element when the head has no date',
      page(
        '<title>Ferry resumes</title>',
        '<article><time datetime="2024-05-04T08:00">4 May</time></article>',
      ),
      { title: 'Ferry resumes', publishedDate: '2024-05-04' },
    ],
    [
      'a placeholder date, skipped for the next source',
      page(
        '<meta itemprop="datePublished" content="0001-01-01T00:00:00Z">',
        '<time datetime="2024-05-05">5 May</time>',
      ),
      { publishedDate: '2024-05-05' },
    ],
    [
      'the html lang with a region, and a canonical link',
      page('<link rel="canonical" href="https://gazette.example.net/a/2">', '', ' lang="pt-BR"'),
      { language: 'pt', url: 'https://gazette.example.net/a/2' },
    ],
    [
      'broken JSON-LD, ignored',
      page(
        '<script type="application/ld+json">{"@type": "NewsArticle", </script><meta name="author" content="By Ola Berg">',
      ),
      { byline: 'Ola Berg' },
    ],
  ];
  it.each(cases)('reads %s', (_name, document, expected) => {
    expect(pageMetadata(document)).toEqual(expected);
  });
});

describe('cleanByline', () => {
  const cases: Array<[string, string | undefined]> = [
    ['By JANE ROE', 'JANE ROE'],
    ['Associated Press\n\t\t\t', 'Associated Press'],
    ['Jane RoeNovember 15, 2019', 'Jane Roe'],
    ['by Jane Roe — November 18, 2019', 'Jane Roe'],
    ['Jane Roe - 2019-04-18', 'Jane Roe'],
    ['Analysis by Jane Roe, Courier', 'Jane Roe, Courier'],
    ['Текст: Олена Коваль', 'Олена Коваль'],
    ['https://www.facebook.com/janeroe', undefined],
    ['   ', undefined],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });
});

describe('cleanPublisher', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Harbour Gazette', 'Harbour Gazette'],
    ['@harbourgazette', 'harbourgazette'],
    ['https://www.gazette.example', undefined],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(cleanPublisher(input)).toBe(expected);
  });
});

describe('cleanTitle', () => {
  const site = { publisher: 'Harbour Gazette', url: 'https://www.harbourgazette.example/a/1' };
  const cases: Array<[string, string]> = [
    ['Port reopens | Harbour Gazette', 'Port reopens'],
    ['Port reopens - HarbourGazette', 'Port reopens'],
    ['Harbour Gazette: Port reopens', 'Port reopens'],
    ['Port reopens — harbourgazette.example', 'Port reopens'],
    ['Mayor: “We needed this&nbsp;win” &amp; more', 'Mayor: “We needed this win” & more'],
    [
      'Russia and Syria: forces block return | Editorial',
      'Russia and Syria: forces block return | Editorial',
    ],
    ['  Port\n reopens  ', 'Port reopens'],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(cleanTitle(input, site)).toBe(expected);
  });
});
