import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleText, type TextNodeLike } from '../../src/ingest/article-text.js';
import { dropBoilerplateParagraphs } from '../../src/ingest/boilerplate-paragraphs.js';
import { type PrunableElement, pruneArticle, pruneLinkParagraphs } from '../../src/ingest/prune-article.js';

const body = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;

describe('articleText', () => {
  const cases: Array<[string, string, string]> = [
    [
      'paragraphs become blank-line separated',
      '<p>Two died.</p><p>Three were hurt.</p>',
      'Two died.\n\nThree were hurt.',
    ],
    ['inline tags join without spaces', '<p>Shelling hit <b>Kher</b>son.</p>', 'Shelling hit Kherson.'],
    [
      'a paragraph glued to a div still splits',
      '<div>Port closed.<p>Ships wait.</p>Tugs idle.</div>',
      'Port closed.\n\nShips wait.\n\nTugs idle.',
    ],
    ['a line break is a newline', '<p>Kyiv<br>5 March</p>', 'Kyiv\n5 March'],
    ['whitespace collapses', '<p>  Two\n\n   died.  </p>', 'Two died.'],
    ['list items are paragraphs', '<ul><li>Kherson</li><li>Odesa</li></ul>', 'Kherson\n\nOdesa'],
    [
      'table cells are spaced, rows split',
      '<table><tr><td>Killed</td><td>2</td></tr><tr><td>Hurt</td><td>3</td></tr></table>',
      'Killed 2\n\nHurt 3',
    ],
    [
      'a layout table cell holding prose is its own paragraph',
      `<table><tr><td>Home</td><td>${'Shelling hit the port of Kherson on Monday, officials said. '.repeat(4)}</td></tr></table>`,
      `Home\n\n${'Shelling hit the port of Kherson on Monday, officials said. '.repeat(4).trim()}`,
    ],
    [
      'scripts, styles and captions are left out',
      '<p>Two died.</p><script>x()</script><style>p{}</style><figure><figcaption>Smoke</figcaption></figure>',
      'Two died.',
    ],
    [
      'hidden elements are left out',
      '<p>Two died.</p><p hidden>Secret</p><p style="display: none">Gone</p><p aria-hidden="true">Icon</p>',
      'Two died.',
    ],
    ['preformatted text keeps its lines', '<pre>a  b\nc</pre>', 'a b\nc'],
  ];
  it.each(cases)('%s', (_name, html, expected) => {
    expect(articleText(body(html) as unknown as TextNodeLike)).toBe(expected);
  });
});

describe('pruneArticle', () => {
  const prose =
    '<p>Shelling hit the port of Kherson on Monday, killing two people and injuring three more, officials said.</p>';
  const cases: Array<[string, string, string]> = [
    ['navigation', `<nav><a href="/">Home</a></nav>${prose}`, 'Home'],
    [
      'a caption class',
      `${prose}<span class="newsCaption">Smoke rises (Image: Agency)</span>`,
      'Smoke rises',
    ],
    ['a share bar', `${prose}<div class="share-tools">Share on Facebook</div>`, 'Share'],
    ['a byline by id', `<p id="article_byline">By Mara Ellison</p>${prose}`, 'Mara'],
    [
      'a standfirst',
      `<p class="article-standfirst">Smoke over the port all night.</p>${prose}`,
      'Smoke over',
    ],
    ['a related-links box', `${prose}<div class="related-links">Port reopens</div>`, 'reopens'],
  ];
  it.each(cases)('removes %s', (_name, html, gone) => {
    const root = body(`<div>${html}</div>`);
    pruneArticle(root as unknown as PrunableElement);
    expect(root.textContent).not.toContain(gone);
    expect(root.textContent).toContain('Shelling hit the port');
  });

  it('keeps a furniture-classed wrapper that holds the article', () => {
    const root = body(`<div class="post-with-author">${prose}${prose}</div><p>Footer</p>`);
    pruneArticle(root as unknown as PrunableElement);
    expect(root.textContent).toContain('Shelling hit the port');
  });

  it('does not match class words inside other words', () => {
    const root = body(`<div class="headline-shared-badge"><p>Headline kept</p></div>${prose}`);
    pruneArticle(root as unknown as PrunableElement);
    expect(root.textContent).toContain('Headline kept');
  });
});

describe('pruneLinkParagraphs', () => {
  const prose =
    '<p>Shelling hit the port of Kherson on Monday, killing two people and injuring three more, officials said in a statement. ' +
    'Firefighters worked through the night and the harbour stayed closed to shipping until the following afternoon.</p>';

  it('removes paragraphs that only link to other stories on the site', () => {
    const root = body(`${prose}<p><a href="/world/bridge">BRIDGE CLOSED AFTER SHELLING</a></p>`);
    pruneLinkParagraphs(root as unknown as PrunableElement, 'https://courier.example.org/a');
    expect(root.textContent).not.toContain('BRIDGE');
  });

  it('keeps a paragraph that links to another site, such as a source or a shop', () => {
    const root = body(
      `${prose}<p><a href="https://shop.example.com/tyres">Get it at Tyre Shop for $40</a></p>`,
    );
    pruneLinkParagraphs(root as unknown as PrunableElement, 'https://courier.example.org/a');
    expect(root.textContent).toContain('Tyre Shop');
  });

  it('keeps links that make up much of the text: they are the content', () => {
    const links = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/r/${i}">Resource number ${i} for displaced families</a></li>`,
    );
    const root = body(`<p>Where to get help:</p><ul>${links.join('')}</ul>`);
    pruneLinkParagraphs(root as unknown as PrunableElement);
    expect(root.textContent).toContain('Resource number 11');
  });
});

describe('dropBoilerplateParagraphs', () => {
  const story = [
    'A drone struck a grain depot late on Monday, the governor said.',
    'Firefighters worked until dawn to contain the blaze.',
    'The depot had been hit once before, in October.',
  ];
  const cases: Array<[string, string[], string[]]> = [
    ['a dateline first', ['Posted: Tue 7:10 AM, Mar 5, 2024 |', ...story], story],
    ['an updated line last', [...story, 'Updated 10:05 AM GMT'], story],
    ['a byline first', ['By Mara Ellison', ...story], story],
    ['a bare URL first', ['https://courier.example.org/world/depot-strike', ...story], story],
    ['a reading time', ['Tempo de leitura: 2 minutos', ...story], story],
    ['a Portuguese dateline', ['segunda-feira, 4 de março de 2024 às 11:40', ...story], story],
    [
      'a read-more promotion in the middle',
      [story[0]!, 'READ MORE: Port reopens after strike', ...story.slice(1)],
      story,
    ],
    ['a German promotion', [story[0]!, 'Lesen Sie auch: Hafen wieder offen', ...story.slice(1)], story],
    [
      'a related-stories tail',
      [...story, 'Related stories', 'Bridge closed after shelling', 'Port reopens'],
      story,
    ],
    ['a comments tail', [...story, 'Comments', 'Great article!'], story],
    ['a share bar', [...story, 'Share Email Print'], story],
    [
      'a caption with its credit',
      [story[0]!, 'Smoke rises over the depot on Monday. (AP Photo/Mara Ellison)', ...story.slice(1)],
      story,
    ],
    ['a credit line', [...story, 'Main image credit: Courier staff'], story],
    ['a contact line', [...story, 'Write to Mara Ellison at mara@courier.example'], story],
    ['a more-news tail', [...story, 'More World News', 'Bridge closed after shelling'], story],
    [
      'a related-coverage tail',
      [...story, 'Related coverage from Courier Explains:', 'How ferries work'],
      story,
    ],
    ['a tag list whose label opens the paragraph', [...story, 'Tags\ndepot, drone, grain'], story],
    ['a paywall tail', [...story, 'To read the full article', 'Most viewed', 'Storm floods valley'], story],
  ];
  it.each(cases)('drops %s', (_name, input, expected) => {
    expect(dropBoilerplateParagraphs(input)).toEqual(expected);
  });

  const kept: Array<[string, string[]]> = [
    [
      'a story whose first sentence has a date',
      ['On 4 March 2024 at 10:15 a drone struck a depot, killing two workers and injuring others.', ...story],
    ],
    [
      'a long paragraph that opens with "Read more"',
      [
        'Read more than a dozen reports and the pattern is clear: strikes on depots rose sharply through the winter, and officials expect more.',
        ...story,
      ],
    ],
    [
      'a "Related" heading early in the text',
      ['Related', ...story, 'The governor said repairs would start next week.', 'Power is back.'],
    ],
  ];
  it.each(kept)('keeps %s', (_name, input) => {
    expect(dropBoilerplateParagraphs(input)).toEqual(input);
  });
});
