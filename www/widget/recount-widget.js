// Recount widget: checks the tables and text already on a page, in place.
//
// This source is concatenated after wasm-bindgen's `--target web` glue (exports stripped)
// by scripts/build-widget.mjs, so `__wbg_init` and `check` below are the glue's; the wasm
// is inlined as base64 in WASM_BASE64. Everything stays in module scope: the only names
// this file adds to the page are the custom elements <recount-check> and <recount-mark>.
//
// Usage:
//   <script type="module" src="recount-widget.js"></script>
//   <recount-check for="article-id"></recount-check>   check the element with that id
//   <recount-check>…content…</recount-check>           check what it wraps
//   <recount-check all></recount-check>                check the whole page
// Attributes: lang="zh|en" (default: the page's lang), marks="off" (start with marks hidden).

/* global __wbg_init, check, WASM_BASE64, readDom, entryView */

const MAX_TEXT = 5 * 1024 * 1024;
const TEXT = {
  zh: {
    working: '正在核对…',
    nothing: '本页未发现可核对的数字',
    summary: (s) => `核对 ${s.checked} 项：成立 ${s.passed}，错误 ${s.errors}，警告 ${s.warnings}`,
    badge: '决算复核',
    hide: '隐藏标记', show: '显示标记', close: '关闭',
    failures: '不成立的数字', none: '没有发现错误',
    holds: '成立', rounding: '四舍五入范围内成立', fails: '不成立', warning: '存疑',
    formula: '计算', expected: '应为', tolerance: '可能取值', cause: '可能原因', relation: '关系',
    details: (raw) => `数字 ${raw} 的核对`,
    failed: '无法运行核对：',
  },
  en: {
    working: 'Checking…',
    nothing: 'No figures to check on this page',
    summary: (s) => `${s.checked} checked: ${s.passed} hold, ${s.errors} errors, ${s.warnings} warnings`,
    badge: 'Recount',
    hide: 'Hide marks', show: 'Show marks', close: 'Close',
    failures: 'Figures that do not add up', none: 'No errors found',
    holds: 'holds', rounding: 'holds within rounding', fails: 'does not hold', warning: 'doubtful',
    formula: 'Arithmetic', expected: 'Expected', tolerance: 'Possible values', cause: 'Likely cause',
    relation: 'Relation',
    details: (raw) => `Checks of ${raw}`,
    failed: 'Could not run the check: ',
  },
};

let ready = null;
function loadWasm() {
  if (!ready) {
    ready = (async () => {
      const bin = atob(WASM_BASE64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      await __wbg_init({ module_or_path: bytes });
    })();
  }
  return ready;
}

// readDom(roots) → { text, segs } comes from www/dom-text.js, concatenated before this file.

// ---- marks ---------------------------------------------------------------------------

const markSheet = new CSSStyleSheet();
markSheet.replaceSync(`
  :host { cursor: pointer; border-radius: 2px; outline-offset: 1px; }
  :host([data-state="pass"]) { outline: 1px solid #2e7d32; }
  :host([data-state="rounding"]) { outline: 1px dashed #1565c0; }
  :host([data-state="warning"]) { outline: 2px dotted #b26a00; }
  :host([data-state="fail"]) { outline: 2px solid #c62828; text-decoration: underline wavy #c62828; }
  :host(:focus-visible) { outline: 3px solid #000; }
`);

class RecountMark extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [markSheet];
    root.append(document.createElement('slot'));
  }
}

function stateOf(entries) {
  if (entries.some((e) => e.status === 'fail' && e.severity === 'error')) return 'fail';
  if (entries.some((e) => e.status === 'fail')) return 'warning';
  if (entries.some((e) => e.status === 'pass' && e.within_rounding)) return 'rounding';
  return 'pass';
}

// ---- the element -----------------------------------------------------------------------

const uiSheet = new CSSStyleSheet();
uiSheet.replaceSync(`
  :host { display: contents; }
  .ui { all: initial; font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1b1b1b; }
  .badge { position: fixed; right: 16px; bottom: calc(16px + var(--stack, 0) * 52px); z-index: 2147483000;
    display: flex; gap: 6px; align-items: center; background: #fff; border: 1px solid #888; border-radius: 8px;
    padding: 6px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.2); max-width: min(90vw, 520px); }
  .badge button { font: inherit; padding: 2px 8px; border: 1px solid #666; border-radius: 4px; background: #f6f6f6; color: inherit; cursor: pointer; }
  .badge button:focus-visible, .panel button:focus-visible { outline: 3px solid #000; }
  .status { font-weight: 600; }
  .status.bad { color: #b71c1c; }
  .panel { position: fixed; right: 16px; bottom: calc(70px + var(--stack, 0) * 52px); z-index: 2147483000; width: min(92vw, 520px);
    max-height: 60vh; overflow: auto; background: #fff; border: 1px solid #666; border-radius: 8px; padding: 12px 14px;
    box-shadow: 0 4px 16px rgba(0,0,0,.25); }
  .panel[hidden], .list[hidden] { display: none; }
  .panel h2 { font-size: 15px; margin: 0 0 8px; }
  .entry { border-top: 1px solid #ddd; padding: 6px 0; }
  .entry:first-of-type { border-top: 0; }
  .tag { font-weight: 600; }
  .tag.fail { color: #b71c1c; } .tag.pass { color: #1b5e20; } .tag.rounding { color: #0d47a1; } .tag.warning { color: #8a5300; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 0; }
  dt { color: #555; } dd { margin: 0; overflow-wrap: anywhere; }
  ul { margin: 4px 0; padding-left: 18px; }
  a { color: #0d47a1; cursor: pointer; }
`);

const instances = new Set();

class RecountCheck extends HTMLElement {
  constructor() {
    super();
    this._marks = [];
    this._byMark = new Map();
    this._report = null;
    this._mutating = false;
    this._timer = 0;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [uiSheet];
    const ui = document.createElement('div');
    ui.className = 'ui';
    ui.innerHTML = `
      <div class="badge" role="region">
        <span class="name"></span>
        <span class="status" role="status" aria-live="polite"></span>
        <button type="button" class="list-btn" aria-expanded="false"></button>
        <button type="button" class="toggle" aria-pressed="false"></button>
      </div>
      <div class="panel details" role="dialog" aria-modal="false" aria-labelledby="details-title" hidden>
        <h2 class="details-title" id="details-title"></h2><div class="entries"></div>
        <button type="button" class="close"></button>
      </div>
      <div class="panel list" role="dialog" aria-modal="false" aria-labelledby="list-title" hidden>
        <h2 class="list-title" id="list-title"></h2><ul class="failures"></ul>
        <button type="button" class="close"></button>
      </div>
      <slot></slot>`;
    root.append(ui);
    this._ui = ui;
    const $ = (s) => ui.querySelector(s);
    this._status = $('.status');
    $('.toggle').addEventListener('click', () => this.toggleMarks());
    $('.list-btn').addEventListener('click', () => this.toggleList());
    for (const c of ui.querySelectorAll('.close')) c.addEventListener('click', () => this.closePanels(true));
    ui.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.closePanels(true); });
    this._onMarkEvent = (e) => {
      const mark = e.target.closest && e.target.closest('recount-mark');
      if (!mark || !this._byMark.has(mark)) return;
      if (e.type === 'click' || (e.type === 'keydown' && (e.key === 'Enter' || e.key === ' '))) {
        e.preventDefault();
        this.showDetails(mark);
      } else if (e.type === 'keydown' && e.key === 'Escape') {
        this.closePanels(false);
      }
    };
  }

  get lang() {
    const l = this.getAttribute('lang') || document.documentElement.lang || 'zh';
    return l.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  get t() { return TEXT[this.lang]; }

  roots() {
    if (this.hasAttribute('all')) return [document.body];
    const id = this.getAttribute('for');
    if (id) { const el = document.getElementById(id); return el ? [el] : []; }
    return [...this.childNodes];
  }

  connectedCallback() {
    instances.add(this);
    this.style.setProperty('--stack', String([...instances].indexOf(this)));
    this._ui.querySelector('.name').textContent = this.t.badge;
    this._ui.querySelector('.list-title').textContent = this.t.failures;
    for (const c of this._ui.querySelectorAll('.close')) c.textContent = this.t.close;
    this._ui.querySelector('.list-btn').textContent = this.t.failures;
    this._ui.querySelector('.badge').setAttribute('aria-label', this.t.badge);
    this._showMarks = this.getAttribute('marks') !== 'off';
    this._updateToggle();
    document.addEventListener('click', this._onMarkEvent, true);
    document.addEventListener('keydown', this._onMarkEvent, true);
    this._observer = new MutationObserver(() => this._schedule());
    this.run();
  }

  disconnectedCallback() {
    instances.delete(this);
    this._observer && this._observer.disconnect();
    clearTimeout(this._timer);
    document.removeEventListener('click', this._onMarkEvent, true);
    document.removeEventListener('keydown', this._onMarkEvent, true);
    this.unmark();
  }

  _schedule() {
    if (this._mutating) return;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this.run(), 300);
  }

  _observe() {
    this._observer.disconnect();
    for (const r of this.roots()) {
      this._observer.observe(r, { childList: true, subtree: true, characterData: true });
    }
    if (!this.hasAttribute('all') && this.getAttribute('for')) {
      this._observer.observe(document.body, { childList: true });
    }
  }

  async run() {
    this._status.textContent = this.t.working;
    try {
      await loadWasm();
    } catch (e) {
      this._status.textContent = this.t.failed + (e && e.message ? e.message : String(e));
      return;
    }
    this.unmark();
    const { text, segs } = readDom(this.roots());
    this._segs = segs;
    let report = { checks: [], summary: { checked: 0, passed: 0, errors: 0, warnings: 0 } };
    if (text.trim() && text.length <= MAX_TEXT) {
      try { report = check(text); } catch (_) { /* unusable text: nothing to check */ }
    }
    this._report = report;
    this._render();
    if (this._showMarks) this.mark();
    this._observe();
  }

  _render() {
    const s = this._report.summary;
    const bad = s.errors + s.warnings > 0;
    this._status.textContent = s.checked ? this.t.summary(s) : this.t.nothing;
    this._status.classList.toggle('bad', bad);
    const list = this._ui.querySelector('.failures');
    list.replaceChildren();
    const fails = this._report.checks.filter((e) => e.status === 'fail');
    if (!fails.length) {
      const li = document.createElement('li');
      li.textContent = this.t.none;
      list.append(li);
    }
    for (const e of fails) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.tabIndex = 0;
      a.setAttribute('role', 'link');
      a.textContent = e.message[this.lang];
      const go = () => this._jump(e);
      a.addEventListener('click', go);
      a.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') go(); });
      li.append(a);
      list.append(li);
    }
    const btn = this._ui.querySelector('.list-btn');
    btn.hidden = !s.checked;
    this._ui.querySelector('.toggle').hidden = !s.checked;
  }

  _jump(entry) {
    if (!this._showMarks) this.toggleMarks();
    const m = this._marks.find((x) => x.start === entry.figure.start);
    if (m) {
      m.mark.scrollIntoView({ block: 'center' });
      m.mark.focus();
      this.showDetails(m.mark);
    }
  }

  /** Wraps every checked figure in a <recount-mark>. */
  mark() {
    if (!this._report || this._marks.length) return;
    const groups = new Map();
    for (const e of this._report.checks) {
      if (e.status === 'unchecked') continue;
      const k = `${e.figure.start}:${e.figure.end}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(e);
    }
    const targets = [];
    for (const entries of groups.values()) {
      const { start, end } = entries[0].figure;
      const seg = this._segs.find((s) => s.start <= start && end <= s.end);
      if (!seg || !seg.node.isConnected) continue;
      const a = seg.map[start - seg.start];
      const b = seg.map[end - 1 - seg.start] + 1;
      targets.push({ node: seg.node, a, b, entries, start });
    }
    // right to left within a node, so earlier offsets stay valid
    targets.sort((x, y) => (x.node === y.node ? y.a - x.a : 0));
    this._mutating = true;
    for (const t of targets) {
      const mid = t.node.splitText(t.a);
      const after = mid.splitText(t.b - t.a);
      const mark = document.createElement('recount-mark');
      const state = stateOf(t.entries);
      mark.dataset.state = state;
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-label', `${mid.data}: ${this._stateText(state)}`);
      mid.parentNode.insertBefore(mark, mid);
      mark.append(mid);
      this._marks.push({ mark, before: t.node, mid, after, start: t.start });
      this._byMark.set(mark, t.entries);
    }
    this._settle();
  }

  /** Removes every mark: the DOM is exactly as before. */
  unmark() {
    if (!this._marks.length) return;
    this._mutating = true;
    this.closePanels(false);
    for (const m of this._marks.reverse()) {
      m.before.data += m.mid.data + m.after.data;
      m.after.remove();
      m.mark.remove();
    }
    this._marks = [];
    this._byMark.clear();
    this._settle();
  }

  _settle() {
    if (this._observer) this._observer.takeRecords();
    this._mutating = false;
  }

  _stateText(state) {
    const t = this.t;
    return { pass: t.holds, rounding: t.rounding, fail: t.fails, warning: t.warning }[state];
  }

  toggleMarks() {
    this._showMarks = !this._showMarks;
    if (this._showMarks) this.mark(); else this.unmark();
    this._updateToggle();
  }

  _updateToggle() {
    const b = this._ui.querySelector('.toggle');
    b.textContent = this._showMarks ? this.t.hide : this.t.show;
    b.setAttribute('aria-pressed', String(!this._showMarks));
  }

  toggleList() {
    const list = this._ui.querySelector('.list');
    const open = list.hidden;
    this.closePanels(false);
    list.hidden = !open;
    this._ui.querySelector('.list-btn').setAttribute('aria-expanded', String(open));
    if (open) list.querySelector('a, button').focus();
  }

  showDetails(mark) {
    const entries = this._byMark.get(mark) || [];
    const panel = this._ui.querySelector('.details');
    this.closePanels(false);
    this._returnTo = mark;
    const t = this.t;
    panel.querySelector('.details-title').textContent = t.details(mark.textContent);
    const box = panel.querySelector('.entries');
    box.replaceChildren();
    for (const e of entries) {
      const div = entryView(e, { ...t, status: { pass: t.holds, rounding: t.rounding, fail: t.fails, warning: t.warning, unchecked: '' } }, this.lang);
      box.append(div);
    }
    panel.hidden = false;
    panel.querySelector('.close').focus();
  }

  closePanels(restoreFocus) {
    for (const p of this._ui.querySelectorAll('.panel')) p.hidden = true;
    this._ui.querySelector('.list-btn').setAttribute('aria-expanded', 'false');
    if (restoreFocus && this._returnTo && this._returnTo.isConnected) this._returnTo.focus();
  }
}

if (!customElements.get('recount-mark')) customElements.define('recount-mark', RecountMark);
if (!customElements.get('recount-check')) customElements.define('recount-check', RecountCheck);
