// Reading a DOM into the text form Recount's core reads: paragraphs as lines, each table
// row one line of tab-separated cells with rowspan/colspan expanded (a merged cell's text in
// its top-left slot), a U+001E line after each table; and a map from text offsets back to
// the DOM text nodes, so figures in the report can be marked where they are printed.
// Also one report entry as DOM, for both details panels. Shared by the page (pasted HTML,
// opened .html files) and the widget; the build concatenates it before them.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME',
  'TEXTAREA', 'INPUT', 'SELECT', 'BUTTON', 'OBJECT', 'RECOUNT-CHECK', 'HEAD']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD',
  'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION',
  'CAPTION', 'FORM', 'HR', 'ADDRESS', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BODY']);

// ---- reading the DOM into the text form the core reads -------------------------------

/** Collapses whitespace of a text node, remembering each output char's offset in the node. */
function normalize(node, lineEndsInSpace) {
  const s = node.data;
  let out = '';
  const map = [];
  let space = lineEndsInSpace;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0') {
      if (!space) { out += ' '; map.push(i); space = true; }
    } else {
      out += c; map.push(i); space = false;
    }
  }
  return { out, map };
}

class TextBuilder {
  constructor() { this.lines = []; this.line = []; this.lineLen = 0; this.expanded = 0; }
  endsInSpace() {
    const last = this.line[this.line.length - 1];
    return !last || /[\s\t]$/.test(last.text);
  }
  push(text, node, map) {
    if (!text) return;
    this.line.push({ text, node, map });
    this.lineLen += text.length;
  }
  flush() {
    // trim the line's trailing spaces
    while (this.line.length) {
      const last = this.line[this.line.length - 1];
      const t = last.text.replace(/ +$/, '');
      if (t.length === last.text.length) break;
      if (t) { last.text = t; if (last.map) last.map = last.map.slice(0, t.length); break; }
      this.line.pop();
    }
    if (this.line.length) this.lines.push(this.line);
    this.line = []; this.lineLen = 0;
  }
  blank() { this.flush(); this.lines.push([]); }
  /** The text, and segments mapping text offsets back to text nodes. */
  finish() {
    this.flush();
    let text = '';
    const segs = [];
    for (const line of this.lines) {
      for (const p of line) {
        if (p.node) segs.push({ start: text.length, end: text.length + p.text.length, node: p.node, map: p.map });
        text += p.text;
      }
      text += '\n';
    }
    return { text, segs };
  }
}

function hidden(el) {
  return el.hidden || el.getAttribute('aria-hidden') === 'true';
}

function walk(node, b) {
  if (node.nodeType === Node.TEXT_NODE) {
    const { out, map } = normalize(node, b.endsInSpace());
    b.push(out, node, map);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const el = node;
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag) || hidden(el)) return;
  if (tag === 'TABLE') { table(el, b); return; }
  if (tag === 'BR') { b.flush(); return; }
  const block = BLOCK.has(tag);
  if (block) b.blank();
  if (/^H[1-6]$/.test(tag)) b.push('## ', null, null);
  for (const child of el.childNodes) walk(child, b);
  if (block) b.blank();
}

/** A cell's text pieces: its text nodes, whitespace collapsed, trimmed. */
function cellPieces(td) {
  const pieces = [];
  let endsInSpace = true;
  const visit = (n) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const { out, map } = normalize(n, endsInSpace);
      if (out) { pieces.push({ text: out, node: n, map }); endsInSpace = out.endsWith(' '); }
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE || SKIP.has(n.tagName.toUpperCase()) || hidden(n)) return;
    const block = BLOCK.has(n.tagName.toUpperCase()) || n.tagName === 'BR';
    if (block && !endsInSpace) { pieces.push({ text: ' ', node: null, map: null }); endsInSpace = true; }
    for (const c of n.childNodes) visit(c);
  };
  for (const c of td.childNodes) visit(c);
  // trim; tabs would split the cell
  while (pieces.length && !pieces[pieces.length - 1].text.trim()) pieces.pop();
  const last = pieces[pieces.length - 1];
  if (last && last.text.endsWith(' ')) { last.text = last.text.replace(/ +$/, ''); if (last.map) last.map = last.map.slice(0, last.text.length); }
  return pieces;
}

/** Most cells merged cells may add to a document, as the core's HTML reader allows. */
const MAX_EXPANDED_CELLS = 1000000;

/** Thrown when merged cells would expand the tables beyond MAX_EXPANDED_CELLS. */
function tooManyCells() {
  const zh = `表格的合并单元格（rowspan/colspan）展开后超过 ${MAX_EXPANDED_CELLS} 个单元格，无法核对`;
  const en = `merged cells (rowspan/colspan) would expand the tables beyond ${MAX_EXPANDED_CELLS} cells: not checked`;
  return Object.assign(new RangeError(en), { zh, en });
}

/** A table: one line per row, cells separated by tabs, merged cells expanded. */
function table(el, b) {
  b.blank();
  const carry = [];
  const add = () => { if (++b.expanded > MAX_EXPANDED_CELLS) throw tooManyCells(); };
  for (const tr of el.rows) {
    const row = [];
    let col = 0;
    const fill = () => { while (carry[col] > 0) { add(); carry[col]--; row.push(null); col++; } };
    fill();
    for (const td of tr.cells) {
      const cs = Math.min(Math.max(td.colSpan | 0, 1), 1000);
      const rs = Math.min(Math.max(td.rowSpan | 0, 1), 1000);
      row.push(cellPieces(td));
      for (let k = 1; k < cs; k++) { add(); row.push(null); }
      if (rs > 1) for (let k = 0; k < cs; k++) carry[col + k] = rs - 1;
      col += cs;
      fill();
    }
    if (!row.some((c) => c && c.some((p) => p.text.trim()))) continue;
    for (const cell of row) {
      for (const p of cell || []) b.push(p.text, p.node, p.map);
      b.push('\t', null, null);
    }
    b.flush();
  }
  // the core's table boundary (U+001E): adjacent tables are not one table across a page break
  b.blank();
  b.push('\u001e', null, null);
  b.blank();
}

function readDom(roots) {
  const b = new TextBuilder();
  for (const r of roots) walk(r, b);
  return b.finish();
}


// ---- one report entry, for the page's and the widget's details panels -----------------

/** The state a single entry shows as: pass, rounding, fail, warning or unchecked. */
function entryState(e) {
  if (e.status === 'fail') return e.severity === 'error' ? 'fail' : 'warning';
  if (e.status === 'unchecked') return 'unchecked';
  return e.within_rounding ? 'rounding' : 'pass';
}

/**
 * A report entry as DOM (text only, never HTML): its state, message, and the relation,
 * arithmetic, expected figure, tolerance and cause. `t` holds the labels in one language:
 * relation, formula, expected, tolerance, cause, and status[state].
 */
function entryView(e, t, lang, where) {
  const div = document.createElement('div');
  div.className = 'entry';
  const state = entryState(e);
  const tag = document.createElement('div');
  tag.className = `tag ${state}`;
  tag.textContent = [t.status[state], e.rule, where].filter(Boolean).join(' · ');
  const msg = document.createElement('p');
  msg.textContent = e.message[lang];
  const dl = document.createElement('dl');
  const row = (k, v) => {
    if (v === null || v === undefined || v === '') return;
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    dl.append(dt, dd);
  };
  row(t.relation, e.relation[lang]);
  row(t.formula, e.formula);
  row(t.expected, e.expected);
  row(t.tolerance, e.tolerance);
  row(t.cause, e.cause && e.cause[lang]);
  div.append(tag, msg, dl);
  return div;
}
