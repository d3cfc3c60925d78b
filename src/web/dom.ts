/** A child of an element: a node, text (always inserted as a text node), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes of `h`: plain attributes (never `on…` handlers or `style`), and listeners under `on`. */
export interface Attrs {
  readonly [name: string]: string | number | boolean | null | undefined | Listeners;
  readonly on?: Listeners;
}

/** Event listeners by event name. */
export type Listeners = { readonly [event: string]: (event: Event) => void };

/**
 * Builds an element. Text children become text nodes, so ingested text is never parsed as HTML;
 * inline handlers and styles are refused (the Content-Security-Policy forbids them anyway).
 *
 * @example h('p', { class: 'note' }, 'Said by ', h('b', {}, speaker))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'on') {
      for (const [event, listener] of Object.entries(value as Listeners))
        element.addEventListener(event, listener);
      continue;
    }
    if (/^on/i.test(name) || name === 'style') throw new Error(`h: attribute "${name}" is not allowed`);
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/**
 * Appends children to a node, strings as text nodes.
 *
 * @example append(cell, [claim.text, ' ', badge])
 */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? text(child) : child);
  }
}

/**
 * A text node: the only way ingested text enters the page.
 *
 * @example cell.append(text(event.place.name))
 */
export function text(value: string | number): Text {
  return document.createTextNode(String(value));
}

/**
 * Replaces a node's children.
 *
 * @example replaceChildren(main, h('h1', {}, 'Ledger'))
 */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Builds an SVG element (for the timeline); text children become text nodes.
 *
 * @example svg('rect', { x: 0, y: 0, width: 4, height: 10 })
 */
export function svg(
  tag: string,
  attrs: Record<string, string | number> = {},
  ...children: Child[]
): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name) || name === 'style') throw new Error(`svg: attribute "${name}" is not allowed`);
    element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}
