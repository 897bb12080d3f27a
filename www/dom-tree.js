// @ts-check
// The thin DOM walk shared by the page (parsed HTML) and the widget (the live page): it only
// collects the nodes, in document order, into the compact form the core's HTML reader takes
// (src/read/html.rs, `dom_to_text`). Every decision — which elements are read, blocks,
// headings, table rows, merged cells, the cell cap — is the core's, the same code that reads
// HTML source. The text nodes are kept so a figure the core places at (node, offset) can be
// marked where it is printed. Concatenated before i18n.js and the app or the widget.

/**
 * Walks `roots` without recursion (a deep page cannot overflow the stack).
 * `ops`: `1, name length, rowspan, colspan, hidden` opens an element, `2` closes it,
 * `3, length` is a text node; `data`: the names and texts in order (lengths in UTF-16 units).
 * @param {Node[]} roots
 * @returns {{ ops: Uint32Array, data: string, nodes: Text[] }}
 */
// eslint-disable-next-line no-unused-vars
function domTree(roots) {
  /** @type {number[]} */
  const ops = [];
  /** @type {string[]} */
  const parts = [];
  /** @type {Text[]} */
  const nodes = [];
  /** @param {Element} el @param {string} name */
  const span = (el, name) => {
    const v = el.getAttribute(name);
    const n = v === null ? 1 : parseInt(v, 10);
    return n > 0 ? Math.min(n, 1000) : 1;
  };
  /** @param {Node} n */
  const enter = (n) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = /** @type {Text} */ (n);
      ops.push(3, t.data.length);
      parts.push(t.data);
      nodes.push(t);
      return false;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return false;
    const el = /** @type {Element} */ (n);
    const name = el.localName;
    const hidden = (el instanceof HTMLElement && el.hidden) || el.getAttribute('aria-hidden') === 'true';
    ops.push(1, name.length, span(el, 'rowspan'), span(el, 'colspan'), hidden ? 1 : 0);
    parts.push(name);
    return true;
  };
  for (const root of roots) {
    if (!enter(root)) continue;
    // depth-first; `parent` and every element above it up to `root` are open
    /** @type {Node} */
    let parent = root;
    let n = root.firstChild;
    for (;;) {
      if (n) {
        if (enter(n)) {
          if (n.firstChild) { parent = n; n = n.firstChild; continue; }
          ops.push(2);
        }
        n = n.nextSibling;
        continue;
      }
      ops.push(2);
      if (parent === root) break;
      n = parent.nextSibling;
      parent = /** @type {Node} */ (parent.parentNode);
    }
  }
  return { ops: Uint32Array.from(ops), data: parts.join(''), nodes };
}
