/** Minimal DOM node shape used here, so that linkedom's and the browser's nodes both fit. */
export interface TextNodeLike {
  readonly nodeType: number;
  readonly nodeValue?: string | null;
  readonly localName?: string;
  readonly childNodes: ArrayLike<TextNodeLike>;
  readonly textContent?: string | null;
  getAttribute?(name: string): string | null;
}

/** Elements that start and end a paragraph of their own. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Elements whose text is never article prose. */
const SKIP = new Set([
  'audio',
  'button',
  'canvas',
  'embed',
  'figcaption',
  'head',
  'iframe',
  'img',
  'input',
  'link',
  'map',
  'math',
  'meta',
  'noscript',
  'object',
  'option',
  'picture',
  'script',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

/** A table cell with this much text is page layout, not data. */
const LAYOUT_CELL = 200;

/** Options for {@link articleText}. */
export interface ArticleTextOptions {
  /** Extra test for elements to leave out (captions, share bars); called on elements only. */
  readonly skip?: (element: TextNodeLike) => boolean;
}

/**
 * The readable text of an element as a reader sees it: one paragraph per block element, paragraphs
 * separated by a blank line, `<br>` as a line break, runs of whitespace collapsed, scripts and
 * captions left out. Sentence splitting downstream relies on the blank lines.
 *
 * @example articleText(parseHTML('<div><p>Shelling hit <b>Kherson</b>.</p><p>Two died.</p></div>').document.body)
 * // 'Shelling hit Kherson.\n\nTwo died.'
 */
export function articleText(root: TextNodeLike, options: ArticleTextOptions = {}): string {
  const out = new ParagraphWriter();
  walk(root, out, options.skip, false);
  out.endBlock();
  return out.paragraphs.join('\n\n');
}

/** A step of the walk: visit a node, or close the block or table cell it opened. */
type Step = { node: TextNodeLike; pre: boolean } | { close: 'block' | 'cell' };

/** Depth-first, with an explicit stack: pages nest deeply enough to overflow the call stack. */
function walk(
  root: TextNodeLike,
  out: ParagraphWriter,
  skip: ((e: TextNodeLike) => boolean) | undefined,
  pre: boolean,
): void {
  const stack: Step[] = [];
  const pushChildren = (node: TextNodeLike, inPre: boolean) => {
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, pre: inPre });
  };
  pushChildren(root, pre);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('close' in step) {
      if (step.close === 'block') out.endBlock();
      else out.text(' ', false);
      continue;
    }
    const { node, pre: inPre } = step;
    if (node.nodeType === 3) {
      out.text(node.nodeValue ?? '', inPre);
      continue;
    }
    if (node.nodeType !== 1) continue;
    // Elements created by script (Readability's wrapper) may report an upper-case name.
    const tag = (node.localName ?? '').toLowerCase();
    if (SKIP.has(tag) || isHidden(node) || skip?.(node)) continue;
    if (tag === 'br') {
      out.lineBreak();
      continue;
    }
    // Cells of a data table read as a row; a layout table's cell holding prose is a block of its own.
    if ((tag === 'td' || tag === 'th') && (node.textContent ?? '').length < LAYOUT_CELL) {
      out.text(' ', false);
      stack.push({ close: 'cell' });
      pushChildren(node, inPre);
      continue;
    }
    if (BLOCK.has(tag)) {
      out.endBlock();
      stack.push({ close: 'block' });
    }
    pushChildren(node, inPre || tag === 'pre');
  }
}

function isHidden(element: TextNodeLike): boolean {
  const get = element.getAttribute;
  if (!get) return false;
  if (get.call(element, 'hidden') !== null) return true;
  if (get.call(element, 'aria-hidden') === 'true') return true;
  const style = get.call(element, 'style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

class ParagraphWriter {
  readonly paragraphs: string[] = [];
  private lines: string[] = [];
  private line = '';

  text(value: string, pre: boolean): void {
    if (pre) {
      const parts = value.split('\n');
      this.line += parts[0];
      for (let k = 1; k < parts.length; k++) {
        this.lineBreak();
        this.line += parts[k];
      }
      return;
    }
    this.line += value.replace(/\s+/g, ' ');
  }

  lineBreak(): void {
    const line = this.line.replace(/ {2,}/g, ' ').trim();
    if (line !== '') this.lines.push(line);
    this.line = '';
  }

  endBlock(): void {
    this.lineBreak();
    if (this.lines.length > 0) this.paragraphs.push(this.lines.join('\n'));
    this.lines = [];
  }
}
