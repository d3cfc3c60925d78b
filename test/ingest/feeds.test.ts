import { describe, expect, it } from 'vitest';
import { looksLikeFeed, parseFeed } from '../../src/ingest/feeds.js';

// Feeds written for these tests: fictional outlets and events, real places.
const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>North Wire &amp; Partners</title>
    <link>https://northwire.example/</link>
    <atom:link href="https://northwire.example/feed.xml" rel="self" type="application/rss+xml"/>
    <item>
      <title>Drones strike fuel depot near Mosul</title>
      <link>https://northwire.example/2024/03/mosul-depot</link>
      <guid isPermaLink="false">nw-2024-0312-1</guid>
      <pubDate>Tue, 12 Mar 2024 22:15:00 -0300</pubDate>
      <dc:creator>Lina Farouk</dc:creator>
      <description>Three workers were killed, officials said.</description>
      <content:encoded><![CDATA[<p>Armed drones struck a fuel depot near <b>Mosul</b> on Tuesday.</p>]]></content:encoded>
    </item>
    <item>
      <title>Shelling reported in Kherson</title>
      <link>/2024/03/kherson</link>
      <description>&lt;p&gt;Shells hit a market.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Border Monitor</title>
  <link href="https://bordermonitor.example/"/>
  <link rel="self" href="https://bordermonitor.example/atom.xml"/>
  <id>urn:uuid:4c1d7a52-border-monitor</id>
  <entry>
    <title type="html">Shelling near Sumy &amp;amp; Okhtyrka</title>
    <link rel="alternate" href="reports/sumy-shelling"/>
    <link rel="enclosure" href="https://cdn.example/photo.jpg"/>
    <id>tag:bordermonitor.example,2024:sumy-1</id>
    <published>2024-03-10T08:00:00Z</published>
    <updated>2024-03-11T09:00:00Z</updated>
    <author><name>Desk</name></author>
    <summary>Shells hit Sumy &lt;overnight&gt;.</summary>
    <content type="html">&lt;p&gt;Artillery shells hit Sumy overnight.&lt;/p&gt;</content>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://valleycourier.example/">
    <title>Valley Courier</title>
    <link>https://valleycourier.example/</link>
  </channel>
  <item rdf:about="https://valleycourier.example/depot">
    <title>Depot fire</title>
    <link>https://valleycourier.example/depot</link>
    <dc:date>2024-03-13</dc:date>
  </item>
</rdf:RDF>`;

describe('RSS 2.0', () => {
  const feed = parseFeed(RSS)!;

  it('reads the channel and every item in order', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('North Wire & Partners');
    expect(feed.link).toBe('https://northwire.example/');
    expect(feed.items.map((i) => i.title)).toEqual([
      'Drones strike fuel depot near Mosul',
      'Shelling reported in Kherson',
    ]);
  });

  it('keeps the full text of content:encoded and the guid, author and day', () => {
    expect(feed.items[0]).toEqual({
      id: 'nw-2024-0312-1',
      title: 'Drones strike fuel depot near Mosul',
      link: 'https://northwire.example/2024/03/mosul-depot',
      publishedDate: '2024-03-13',
      contentHtml: '<p>Armed drones struck a fuel depot near <b>Mosul</b> on Tuesday.</p>',
      summaryHtml: 'Three workers were killed, officials said.',
      author: 'Lina Farouk',
    });
  });

  it('resolves a relative link against the channel and falls back to the link as id', () => {
    expect(feed.items[1]).toMatchObject({
      id: 'https://northwire.example/2024/03/kherson',
      link: 'https://northwire.example/2024/03/kherson',
      contentHtml: null,
      summaryHtml: '<p>Shells hit a market.</p>',
      publishedDate: null,
    });
  });
});

describe('Atom', () => {
  const feed = parseFeed(ATOM, 'https://bordermonitor.example/atom.xml')!;

  it('takes the alternate link, not the enclosure, resolved against the feed', () => {
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Border Monitor');
    expect(feed.items[0]!.link).toBe('https://bordermonitor.example/reports/sumy-shelling');
  });

  it('reads html content as HTML and escapes plain-text summaries', () => {
    expect(feed.items[0]).toMatchObject({
      id: 'tag:bordermonitor.example,2024:sumy-1',
      title: 'Shelling near Sumy & Okhtyrka',
      publishedDate: '2024-03-10',
      contentHtml: '<p>Artillery shells hit Sumy overnight.</p>',
      summaryHtml: 'Shells hit Sumy &lt;overnight&gt;.',
      author: 'Desk',
    });
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('finds items beside the channel', () => {
    const feed = parseFeed(RDF)!;
    expect(feed.format).toBe('rdf');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      link: 'https://valleycourier.example/depot',
      publishedDate: '2024-03-13',
    });
  });
});

describe('telling feeds from pages', () => {
  it.each([
    [RSS, true],
    [ATOM, true],
    [RDF, true],
    ['<!-- generated -->\n<rss version="2.0"><channel></channel></rss>', true],
    ['<!doctype html><html><head><title>Feed</title></head></html>', false],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>', false],
    ['Drones struck a fuel depot near Mosul.', false],
  ])('%#', (text, expected) => {
    expect(looksLikeFeed(text)).toBe(expected);
    expect(parseFeed(text) !== null).toBe(expected);
  });

  it('gives an empty feed for a channel without items', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')?.items).toEqual([]);
  });
});
