import { describe, expect, it } from 'vitest';
import { detectHtml } from '../../src/ingest/detect-html.js';

describe('detectHtml', () => {
  const cases: Array<[string, string, boolean]> = [
    ['a doctype', '<!DOCTYPE html><title>Port strike</title><p>Shelling hit the port.</p>', true],
    ['a lower-case doctype after a comment', '<!-- saved page -->\n<!doctype html>\n<html></html>', true],
    ['an html element with attributes', '<html lang="uk"><body><p>Two died.</p></body></html>', true],
    ['a body in the middle of a fragment', 'junk <body class="x"><p>Two died.</p></body>', true],
    ['a paragraph fragment', '<p>Shelling hit the port.</p><p>Two people died.</p>', true],
    ['one wrapped article element', '<article>Shelling hit the port on Monday.</article>', true],
    ['an XML prolog before the html element', '<?xml version="1.0"?>\n<html><p>x</p></html>', true],
    ['plain prose', 'Shelling hit the port of Kherson on Monday, officials said.', false],
    ['prose that mentions a bold tag', 'Use the <b> tag for bold text, or <strong> for emphasis.', false],
    [
      'prose with arrows and comparisons',
      'Casualties rose from <10 to >40 within a week (a < b > c).',
      false,
    ],
    [
      'prose quoting one paragraph tag',
      'The editor wrapped every line in <p> and forgot the closing </p> tag.',
      false,
    ],
    [
      'a lone link element',
      '<a href="https://example.org/x" style="color: black">https://example.org/x </a>',
      false,
    ],
    ['an empty string', '', false],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(detectHtml(input)).toBe(expected);
  });
});
