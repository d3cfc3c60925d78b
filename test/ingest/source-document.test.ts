import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { sourceFromBytes, sourceFromString } from '../../src/ingest/source-document.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A small news page written for these tests: site chrome around a three-paragraph report. */
const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Drone strike hits grain depot | The Riverside Courier</title>
  <meta property="og:title" content="Drone strike hits grain depot near Lysove">
  <meta property="og:site_name" content="The Riverside Courier">
  <meta property="article:published_time" content="2024-03-05T08:15:00Z">
  <meta name="author" content="Mara Ellison">
  <meta name="description" content="A depot storing wheat burned for hours after the overnight attack.">
  <link rel="canonical" href="https://courier.example.org/world/depot-strike">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <div class="ad-slot">Advertisement: buy discount tyres today</div>
  <main>
    <article>
      <h1>Drone strike hits grain depot near Lysove</h1>
      <p class="byline">By Mara Ellison</p>
      <p><time datetime="2024-03-05">Posted 5 March 2024, 08:15 GMT</time></p>
      <p>A drone struck a grain depot on the edge of the village of Lysove late on Monday, starting a fire
         that burned for most of the night, the regional governor said on Tuesday morning.</p>
      <figure><img src="depot.jpg" alt=""><figcaption>Smoke over the depot. Photo: Courier staff</figcaption></figure>
      <p>Firefighters from three nearby towns worked until dawn to contain the blaze. Nobody was hurt,
         according to the emergency service, but about 2,000 tonnes of wheat were destroyed.</p>
      <p>The depot had been hit once before, in October, when a smaller fire damaged its loading bay and
         forced the owners to move part of the harvest to other stores across the district.</p>
      <div class="share-tools"><a href="/share/fb">Share on Facebook</a> <a href="/share/x">Share on X</a></div>
      <h3>Related stories</h3>
      <ul><li><a href="/world/bridge">Bridge closed after shelling</a></li><li><a href="/world/port">Port reopens</a></li></ul>
    </article>
  </main>
  <aside><h2>Most read</h2><ol><li><a href="/a">Storm floods valley towns</a></li></ol></aside>
  <footer><p>© 2024 The Riverside Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>`;

/** A page that is all navigation: there is no article to read. */
const MENU_PAGE = `<!doctype html><html><head><title>Sections</title></head><body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <div class="cookie">We use cookies.</div>
  <footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>`;

describe('sourceFromString with an HTML page', () => {
  const doc = sourceFromString(NEWS_PAGE, { id: 'depot' });

  it('marks the format and keeps the raw HTML', () => {
    expect(doc.format).toBe('html');
    expect(doc.raw).toBe(NEWS_PAGE);
  });

  it('extracts the three report paragraphs as the body, separated by blank lines', () => {
    const paragraphs = doc.body!.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^A drone struck a grain depot .* on Tuesday morning\.$/);
    expect(paragraphs[1]).toMatch(/^Firefighters from three nearby towns/);
    expect(paragraphs[2]).toMatch(/other stores across the district\.$/);
  });

  const furniture = [
    'Home',
    'Advertisement',
    'Photo: Courier staff',
    'Share on Facebook',
    'Related stories',
    'Bridge closed after shelling',
    'Most read',
    'All rights reserved',
    'By Mara Ellison',
    'Posted 5 March',
  ];
  it.each(furniture)('leaves out page furniture: %s', (text) => {
    expect(doc.body).not.toContain(text);
  });

  it('analyses the title, a blank line, then the body', () => {
    expect(doc.text).toBe(`Drone strike hits grain depot near Lysove\n\n${doc.body}`);
  });

  it('reads the metadata hints from the head', () => {
    expect(doc.meta).toMatchObject({
      title: 'Drone strike hits grain depot near Lysove',
      publisher: 'The Riverside Courier',
      byline: 'Mara Ellison',
      publishedDate: '2024-03-05',
      url: 'https://courier.example.org/world/depot-strike',
      language: 'en',
      excerpt: 'A depot storing wheat burned for hours after the overnight attack.',
    });
  });
});

describe('sourceFromString with embedded posts and a repeated headline', () => {
  const page = `<!doctype html><html><head><title>Ferry service resumes</title></head><body>
    <div class="story">
      <p>Ferry service resumes</p>
      <p>The ferry between the two island towns resumed on Thursday after a week-long halt caused by
         storms, the operator said, adding that extra crossings would run at the weekend.</p>
      <div class="social-media-embed"><blockquote class="twitter-tweet"><p>First boat just left the harbour!
        <a href="https://t.co/x">pic.twitter.com/x</a></p>— Harbour Watch (@harbourwatch)
        <a href="https://twitter.com/harbourwatch/status/1">May 2, 2024</a></blockquote>
        <script src="https://platform.twitter.com/widgets.js"></script></div>
      <p>Passengers who bought tickets for cancelled crossings can exchange them at either terminal until
         the end of the month, according to a notice posted at the harbour office.</p>
    </div></body></html>`;
  const doc = sourceFromString(page, { id: 'ferry' });

  it('keeps the embedded post as a quoted source', () => {
    expect(doc.body).toContain('First boat just left the harbour!');
    expect(doc.body).toContain('— Harbour Watch (@harbourwatch)');
  });

  it('has no excerpt when the page has no description, rather than a copy of its first line', () => {
    expect(doc.meta?.excerpt).toBeUndefined();
  });

  it('drops the headline repeated at the top of the body but keeps it first in the text', () => {
    expect(doc.body).toMatch(/^The ferry between/);
    expect(doc.text).toMatch(/^Ferry service resumes\n\nThe ferry between/);
  });
});

describe('a one-sentence brief', () => {
  it('is an article, however short', () => {
    const page =
      '<html><head><title>Brief</title></head><body><nav><a href="/">Home</a></nav>' +
      '<div class="story"><p>Two people died in shelling on Monday.</p></div></body></html>';
    expect(sourceFromString(page, { id: 'brief' }).body).toBe('Two people died in shelling on Monday.');
  });
});

describe('sourceFromString with plain text', () => {
  const cases: Array<[string, string]> = [
    ['a one-line report', 'Shelling hit the port of Kherson on Monday.'],
    ['a report that mentions a tag', 'The leaked file used <b> tags to highlight the 12 names.'],
    ['a report with Windows line ends', 'Two died.\r\n\r\nThree were hurt.'],
  ];
  it.each(cases)('keeps %s exactly as the analysed text', (_name, text) => {
    const doc = sourceFromString(text, { id: 't' });
    expect(doc).toEqual({ id: 't', text, format: 'text', raw: text });
  });

  it('strips a leading BOM', () => {
    expect(sourceFromString('\ufeffTwo died.', { id: 't' }).text).toBe('Two died.');
  });

  it('reads HTML given as a JSONL text field, and obeys an explicit html: false', () => {
    const fragment =
      '<div><p>Shelling hit the port of Kherson on Monday, the regional governor said in a statement.</p>' +
      '<p>Two people were killed and three were injured, according to the emergency service.</p></div>';
    expect(sourceFromString(fragment, { id: 'j' }).format).toBe('html');
    expect(sourceFromString(fragment, { id: 'j' }).body).toBe(
      'Shelling hit the port of Kherson on Monday, the regional governor said in a statement.\n\n' +
        'Two people were killed and three were injured, according to the emergency service.',
    );
    expect(sourceFromString(fragment, { id: 'j', html: false }).text).toBe(fragment);
  });
});

describe('bad input', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['an empty string', () => sourceFromString('', { id: 'e' }), /^empty input: e has no text$/],
    ['a blank string', () => sourceFromString(' \n ', { id: 'e' }), /^empty input/],
    [
      'a page with no article',
      () => sourceFromString(MENU_PAGE, { id: 'menu' }),
      /^no article text found in HTML/,
    ],
    [
      'an HTML page with an empty body',
      () => sourceFromString('<html><body></body></html>', { id: 'x' }),
      /no article text/,
    ],
    [
      'empty bytes',
      () => sourceFromBytes(new Uint8Array(), { id: 'a', name: 'a.txt' }),
      /^empty input: a\.txt/,
    ],
    [
      'binary bytes',
      () =>
        sourceFromBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), {
          id: 'p',
          name: 'photo.txt',
        }),
      /photo\.txt is binary data, not text \(it looks like a PNG image\)/,
    ],
    [
      'Latin-1 bytes',
      () => sourceFromBytes(new Uint8Array([0x4b, 0x69, 0x65, 0x77, 0x20, 0xe9, 0x74, 0xe9]), { id: 'l' }),
      /^l is not valid UTF-8 \(byte 0xe9 at offset 5\)/,
    ],
    [
      'bytes over a small cap',
      () => sourceFromBytes(utf8('x'.repeat(100)), { id: 'big', maxBytes: 64 }),
      /big is too large: 100 B \(100 bytes\) exceeds the limit of 64 B/,
    ],
  ];
  it.each(cases)('%s throws an InputError', (_name, run, message) => {
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
});

describe('sourceFromBytes', () => {
  it('decodes UTF-8 with a BOM and reads it as text', () => {
    const doc = sourceFromBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Херсон: two died.')]), {
      id: 'b',
    });
    expect(doc).toMatchObject({ format: 'text', text: 'Херсон: two died.' });
  });

  it('detects HTML in a file', () => {
    const doc = sourceFromBytes(utf8(NEWS_PAGE), { id: 'depot', name: 'depot.html' });
    expect(doc.format).toBe('html');
    expect(doc.body).toMatch(/^A drone struck/);
  });
});

describe('hostile markup', () => {
  const report =
    '<p>Shelling hit the port of Kherson on Monday, killing two people and injuring three more, officials said.</p>';
  const cases: Array<[string, string, RegExp]> = [
    [
      'twenty thousand nested divs',
      `<html><body>${'<div>'.repeat(20_000)}${report.repeat(3)}</body></html>`,
      /^Shelling hit/,
    ],
    [
      'unclosed tags',
      `<html><body><div>${report}<p>Two ferries <b>were <i>damaged`,
      /Two ferries were damaged$/,
    ],
    [
      'astral characters',
      `<html><body><article>${report.replace('Monday', 'Monday 🚢𝕏').repeat(3)}</article></body></html>`,
      /Monday 🚢𝕏/,
    ],
  ];
  it.each(cases)('reads %s without crashing', (_name, html, body) => {
    expect(sourceFromString(html, { id: 'h' }).body).toMatch(body);
  });
});

describe('a section front', () => {
  const stories = Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="card"><h3><a href="/world/story-${i}">Storm damage reported in coastal district number ${i}</a></h3>` +
      `<p><a href="/world/story-${i}">Crews worked overnight to restore power to homes, officials said on Friday.</a></p></div>`,
  );
  const front = `<!doctype html><html><head><title>World news</title></head><body><main>${stories.join('')}</main></body></html>`;

  it('is not an article: a list of links to stories throws rather than passing as one', () => {
    expect(() => sourceFromString(front, { id: 'front' })).toThrow(/^no article text found in HTML/);
  });
});

describe('markup where the html tag comes late', () => {
  it('reads text before a late <html> tag', () => {
    const html = 'Two died on Monday in the strike, officials said. <html><body><p>More.</p></body></html>';
    expect(sourceFromString(html, { id: 'late' }).body).toBe(
      'Two died on Monday in the strike, officials said.\n\nMore.',
    );
  });

  it('refuses an <html> tag inside a script as a page without an article', () => {
    expect(() => sourceFromString('<script><html><p>', { id: 'late' })).toThrow(
      /^no article text found in HTML/,
    );
  });
});

describe('a sentence that links its source', () => {
  const card = (html: string) => `<div class="card"><div class="card-content"><p>${html}</p></div></div>`;
  const story = [
    'Engineers inspected the ferry hull for three days after the storm and found two cracked welds near the bow, the operator said in a statement on Sunday evening.',
    'Repairs are expected to take a fortnight, during which a smaller vessel will run the morning and evening crossings between the two island towns.',
    'Passengers with season tickets will be offered a partial refund for the weeks the larger ferry is out of service, according to the operator.',
    'The harbour master said the storm had been the strongest recorded on the coast in a decade, with gusts that tore the roofs off two warehouses.',
    'Local businesses that depend on day visitors from the mainland said they expected a quiet month, though most planned to stay open as usual.',
  ];
  const cite =
    'The findings were published on Monday in <a href="https://journal.example.org/p/1">the harbour safety review</a>.';
  const page = `<!doctype html><html><head><title>Ferry study</title></head><body><main>
    ${story.slice(0, 2).map(card).join('')}${card(cite)}${story.slice(2).map(card).join('')}
  </main></body></html>`;

  it('keeps it in the body although a third of its text is a link', () => {
    const paragraphs = sourceFromString(page, { id: 'cite' }).body!.split('\n\n');
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[2]).toBe('The findings were published on Monday in the harbour safety review.');
  });
});
