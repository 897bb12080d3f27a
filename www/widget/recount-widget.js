// @ts-check
// Recount widget: checks the tables and text already on a page, in place.
//
// This source is concatenated after wasm-bindgen's `--target web` glue (exports stripped),
// www/dom-tree.js (domTree) and www/i18n.js (STRINGS, answerView) by
// scripts/build-widget.mjs, so `__wbg_init`, `present_tree` and `checks` below are the glue's;
// the wasm is inlined as base64 in WASM_BASE64. Everything stays in module scope: the only
// names this file adds to the page are the custom elements <recount-check> and <recount-mark>.
//
// Usage:
//   <script type="module" src="recount-widget.js"></script>
//   <recount-check for="article-id"></recount-check>   check the element with that id
//   <recount-check>…content…</recount-check>           check what it wraps
//   <recount-check all></recount-check>                check the whole page
// Attributes: lang="zh|en" (default: the page's lang), marks="off" (start with marks hidden),
// limit="ms" (stop a check running longer than this; default 60 s).
//
// Never damaging the host: no innerHTML (Trusted Types hosts work); a mark only wraps a
// text node's figure, and is removed by merging the pieces back only when they are exactly
// as the widget left them — otherwise the mark is unwrapped and the host's text left as
// the host wrote it; links on marked figures keep working; marks draw inside their own
// shadow root, so host resets (`*{outline:0}`, `all: unset`) cannot hide them.

/* global __wbg_init, present_tree, checks, WASM_BASE64, WORKER_SRC, domTree, STRINGS, answerView */

const MAX_TEXT = 5 * 1024 * 1024;
const MAX_MARKS = 3000; // beyond this a page gets no more marks (and says so)
const DEBOUNCE_MS = 300;
const MAX_WAIT_MS = 2000; // a page that changes all the time is still re-checked this often
// a check running longer than this is stopped and its worker replaced (as the page does)
const LIMIT_MS = 60000;

/** @typedef {{ ops: Uint32Array, data: string }} Tree */
/** @typedef {{ id: number, ops: Uint32Array, data: string, max: number, docs: boolean }} CheckMsg */
/** @typedef {{ resolve: (p: TreePage | Promise<TreePage>) => void, reject: (e: unknown) => void, tree: CheckMsg, timer: number }} Pending */

/** @type {Promise<WebAssembly.Module> | null} */
let ready = null;
/** @type {Map<string, CheckDoc>} */
let docs = new Map();
/** @type {Worker | null} */
let worker = null;
let useWorker = true;
let calls = 0;
/** @type {Map<number, Pending>} */
const pending = new Map();

/** Compiles the core once; checks then run in a worker, or on this thread where the host
 *  forbids Blob workers (its CSP) — never silently. */
function loadWasm() {
  if (!ready) {
    ready = (async () => {
      const bin = atob(WASM_BASE64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return WebAssembly.compile(bytes);
    })();
    ready.catch(() => { ready = null; });
  }
  return ready;
}

/** Under Trusted Types a worker URL must be a TrustedScriptURL: a policy of our own where
 *  the host allows one; where it does not, no worker (and no violation report). */
/** @type {any} a TrustedTypePolicy, null where the host refuses one, undefined before asking */
let ttPolicy;
/** @param {string} url @returns {any} the URL, a TrustedScriptURL, or null */
function workerUrl(url) {
  const tt = /** @type {any} */ (window).trustedTypes;
  if (!tt) return url;
  if (ttPolicy === undefined) {
    try { ttPolicy = tt.createPolicy('recount-widget', { createScriptURL: (/** @type {string} */ u) => (u.startsWith('blob:') ? u : '') }); } catch (_) { ttPolicy = null; }
  }
  return ttPolicy ? ttPolicy.createScriptURL(url) : null;
}

/** Stops a worker; what it was still checking is rejected with `error`. @param {Worker} w @param {unknown} error */
function dropWorker(w, error) {
  w.terminate();
  if (worker === w) worker = null;
  for (const [id, r] of pending) { pending.delete(id); clearTimeout(r.timer); r.reject(error); }
}

/** @param {WebAssembly.Module} module */
function startWorker(module) {
  try {
    const url = URL.createObjectURL(new Blob([WORKER_SRC], { type: 'text/javascript' }));
    const trusted = workerUrl(url);
    if (trusted === null) { URL.revokeObjectURL(url); useWorker = false; return null; }
    const w = new Worker(trusted, { type: 'module' });
    URL.revokeObjectURL(url);
    w.onmessage = (e) => {
      const r = pending.get(e.data.id);
      if (!r) return;
      pending.delete(e.data.id);
      clearTimeout(r.timer);
      if (e.data.docs) docs = new Map(e.data.docs.map((/** @type {CheckDoc} */ d) => [d.id, d]));
      if (e.data.trap) { w.terminate(); if (worker === w) worker = null; }
      if (e.data.error) r.reject(e.data.error); else r.resolve({ page: e.data.page, places: e.data.places });
    };
    w.onerror = (e) => {
      // a worker the host's CSP refused: run on this thread from now on, redo what was sent
      e.preventDefault();
      w.terminate();
      if (worker === w) { worker = null; useWorker = false; }
      for (const [id, r] of pending) { pending.delete(id); clearTimeout(r.timer); r.resolve(checkHere(module, r.tree)); }
    };
    w.postMessage({ type: 'init', module });
    return w;
  } catch (_) {
    useWorker = false;
    return null;
  }
}

/** @param {WebAssembly.Module} module @param {Tree} tree @returns {Promise<TreePage>} */
async function checkHere(module, tree) {
  await __wbg_init({ module_or_path: module });
  if (!docs.size) { try { docs = new Map(checks().map((d) => [d.id, d])); } catch (_) { /* optional */ } }
  return present_tree(tree.ops, tree.data, MAX_TEXT);
}

/** The core reads, checks and places a DOM walk (`TreePage`), off the host's main thread
 *  when the host allows it. */
/** @param {Tree} tree @param {number} limitMs @returns {Promise<TreePage>} */
async function checkTree(tree, limitMs) {
  const module = await loadWasm();
  if (useWorker && !worker) worker = startWorker(module);
  const w = worker;
  if (!w) return checkHere(module, tree);
  const id = ++calls;
  /** @type {CheckMsg} */
  const msg = { id, ops: tree.ops, data: tree.data, max: MAX_TEXT, docs: !docs.size };
  return new Promise((resolve, reject) => {
    // a check that never ends (a pathological page) stops here, and the worker with it
    const secs = Math.max(1, Math.round(limitMs / 1000));
    const timer = window.setTimeout(() => {
      if (pending.has(id)) dropWorker(w, { zh: STRINGS.zh.timedOut(secs), en: STRINGS.en.timedOut(secs) });
    }, limitMs);
    pending.set(id, { resolve, reject, tree: msg, timer });
    w.postMessage(msg);
  });
}

/** A refusal by the host's Content-Security-Policy, said in one sentence. */
/** @param {any} e */
function isCsp(e) {
  const m = String(e && e.message ? e.message : e);
  return /Content.Security.Policy|wasm-unsafe-eval|WebAssembly.*(disallowed|not allowed|blocked)/i.test(m);
}

// ---- marks: drawn inside their own shadow root -----------------------------------------

const markSheet = new CSSStyleSheet();
markSheet.replaceSync(`
  :host { cursor: pointer; }
  .box { border-radius: 2px; outline-offset: 1px; }
  :host([data-state="pass"]) .box { outline: 1px solid #2e7d32; }
  :host([data-state="rounding"]) .box { outline: 1px dashed #1565c0; }
  :host([data-state="warning"]) .box { outline: 2px dotted #b26a00; }
  :host([data-state="fail"]) .box { outline: 2px solid #c62828; text-decoration: underline wavy #c62828; }
  :host(:focus) { outline: none; }
  :host(:focus-visible) .box { outline: 3px solid #000; outline-offset: 2px; }
  :host([data-used]) .box { background: #fff59d; outline: 2px dashed #7a6a00; }
`);

class RecountMark extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [markSheet];
    const box = document.createElement('span');
    box.className = 'box';
    box.append(document.createElement('slot'));
    root.append(box);
  }
}

// ---- the shared badge and the element ---------------------------------------------------

const uiSheet = new CSSStyleSheet();
uiSheet.replaceSync(`
  :host { display: contents; }
  .ui { all: initial; font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1b1b1b; }
  .badge { position: fixed; right: calc(12px + var(--vv-right, 0px)); bottom: calc(12px + var(--vv-bottom, 0px)); z-index: 2147483000;
    display: flex; flex-wrap: wrap; gap: 6px; align-items: center; background: #fff; border: 1px solid #888; border-radius: 8px;
    padding: 6px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.2); max-width: min(calc(100vw - 24px), 520px); box-sizing: border-box; }
  .badge[hidden], .panel[hidden] { display: none; }
  button { font: inherit; padding: 2px 8px; border: 1px solid #666; border-radius: 4px; background: #f6f6f6; color: inherit; cursor: pointer; }
  button:focus-visible, a:focus-visible, h2:focus-visible { outline: 3px solid #000; outline-offset: 1px; }
  .status { font-weight: 600; }
  .status.bad { color: #b71c1c; }
  .panel { position: fixed; right: calc(12px + var(--vv-right, 0px)); bottom: calc(64px + var(--vv-bottom, 0px)); z-index: 2147483001;
    width: min(calc(100vw - 24px), 520px); box-sizing: border-box; max-height: 60vh; overflow: auto; background: #fff;
    border: 1px solid #666; border-radius: 8px; padding: 10px 14px; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
  .panel h2 { font-size: 15px; margin: 0 0 6px; }
  .where { margin: 0 0 6px; color: #4a4a4a; font-size: 13px; }
  .entry { border-top: 1px solid #ddd; padding: 6px 0; }
  .lead { margin: 0 0 4px; font-weight: 600; overflow-wrap: anywhere; }
  .tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 10px; color: #fff; background: #555; }
  .tag.fail { background: #b71c1c; } .tag.pass { background: #1b5e20; } .tag.rounding { background: #0d47a1; } .tag.warning { background: #8a5300; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; }
  dt { color: #555; } dd { margin: 0; overflow-wrap: anywhere; }
  details { margin-top: 4px; } summary { cursor: pointer; color: #0d47a1; }
  ul { margin: 4px 0; padding-left: 18px; }
  a { color: #0d47a1; cursor: pointer; text-decoration: underline; }
`);

/** @type {Set<RecountCheck>} every connected instance; the first one shows the shared badge */
const instances = new Set();
let nextId = 1;
/** The instance whose badge speaks for all (called only while one is connected). */
const lead = () => /** @type {RecountCheck} */ (instances.values().next().value);
let tracking = false;

/** Keeps fixed UI on screen when a phone zooms or a fixed-width page scrolls sideways. */
function trackViewport() {
  const vv = window.visualViewport;
  if (!vv || tracking) return;
  tracking = true;
  const update = () => {
    const right = Math.max(0, window.innerWidth - vv.width - vv.offsetLeft);
    const bottom = Math.max(0, window.innerHeight - vv.height - vv.offsetTop);
    for (const i of instances) {
      i.style.setProperty('--vv-right', `${right}px`);
      i.style.setProperty('--vv-bottom', `${bottom}px`);
    }
  };
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  update();
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {string} [cls] @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** @typedef {{ mark: HTMLElement, mid: Text, start: number, prev?: ChildNode | null, next?: ChildNode | null, texts?: (string | undefined)[] }} Made */

class RecountCheck extends HTMLElement {
  constructor() {
    super();
    this._n = nextId++;
    /** @type {Made[]} the marks made, in reading order */
    this._marks = [];
    /** @type {Map<Element, FigView>} */
    this._byMark = new Map();
    /** @type {Page | null} */
    this._page = null;
    /** @type {(DomPlace | null)[]} per figure of the page, its text node and offsets */
    this._places = [];
    /** @type {Text[]} the text nodes read, as the core numbers them */
    this._nodes = [];
    /** @type {Map<number, FigView>} */
    this._figs = new Map();
    /** @type {MutationObserver | null} */
    this._observer = null;
    /** @type {HTMLElement | null} */
    this._returnTo = null;
    this._damaged = false;
    this._showMarks = true;
    this._mutating = false;
    this._timer = 0;
    this._firstPending = 0;
    this._cur = 0;
    this._error = '';
    this._capped = false;
    this._runs = 0;
    /** a run is under way: the shared badge gives no count until every instance is done */
    this._busy = false;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [uiSheet];
    // built element by element: no innerHTML, so hosts enforcing Trusted Types work
    const ui = el('div', 'ui');
    const badge = el('div', 'badge');
    badge.setAttribute('role', 'region');
    this._name = el('span', 'name');
    this._status = el('span', 'status');
    this._status.setAttribute('role', 'status');
    this._status.setAttribute('aria-live', 'polite');
    this._listBtn = el('button', 'list-btn');
    this._listBtn.type = 'button';
    this._listBtn.setAttribute('aria-expanded', 'false');
    this._toggle = el('button', 'toggle');
    this._toggle.type = 'button';
    badge.append(this._name, this._status, this._listBtn, this._toggle);
    const details = el('div', 'panel details');
    details.setAttribute('role', 'dialog');
    details.hidden = true;
    const dTitle = el('h2', 'details-title');
    dTitle.id = 'details-title';
    dTitle.tabIndex = -1;
    details.setAttribute('aria-labelledby', 'details-title');
    this._entries = el('div', 'entries');
    const close1 = el('button', 'close');
    close1.type = 'button';
    details.append(dTitle, this._entries, close1);
    const list = el('div', 'panel list');
    list.setAttribute('role', 'dialog');
    list.hidden = true;
    const lTitle = el('h2', 'list-title');
    lTitle.id = 'list-title';
    list.setAttribute('aria-labelledby', 'list-title');
    this._failList = el('ul', 'failures');
    const close2 = el('button', 'close');
    close2.type = 'button';
    list.append(lTitle, this._failList, close2);
    ui.append(badge, details, list, document.createElement('slot'));
    root.append(ui);
    this._ui = ui;
    this._badge = badge;
    this._toggle.addEventListener('click', () => { for (const i of instances) i.toggleMarks(); this._updateToggle(); });
    this._listBtn.addEventListener('click', () => this.toggleList());
    for (const c of [close1, close2]) c.addEventListener('click', () => this.closePanels(true));
    ui.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.closePanels(true); });
    this._onMarkEvent = (/** @type {any} */ e) => {
      const mark = e.target.closest && e.target.closest('recount-mark');
      if (!mark || !this._byMark.has(mark)) return;
      if (e.type === 'click') {
        // a figure inside a link: the link wins, the answer is one Enter away
        if (mark.closest('a[href]')) return;
        this.showDetails(mark, false);
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.showDetails(mark, true);
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
        e.preventDefault();
        this._move(this._marks.findIndex((m) => m.mark === mark) + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
        e.preventDefault();
        this._move(this._marks.findIndex((m) => m.mark === mark) - 1);
      } else if (e.key === 'Escape') {
        this.closePanels(false);
      }
    };
  }

  get lang() {
    const l = this.getAttribute('lang') || document.documentElement.lang || 'zh';
    return l.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  get t() { return STRINGS[this.lang]; }

  roots() {
    if (this.hasAttribute('all')) return [document.body];
    const id = this.getAttribute('for');
    if (id) { const e = document.getElementById(id); return e ? [e] : []; }
    return [...this.childNodes];
  }

  connectedCallback() {
    instances.add(this);
    trackViewport();
    const t = this.t;
    this._name.textContent = t.title;
    /** @type {HTMLElement} */ (this._ui.querySelector('.list-title')).textContent = t.wList;
    for (const c of this._ui.querySelectorAll('.close')) c.textContent = t.close;
    this._listBtn.textContent = t.wList;
    this._badge.setAttribute('aria-label', t.title);
    this._showMarks = this.getAttribute('marks') !== 'off';
    this._updateToggle();
    this._badge.hidden = lead() !== this;
    document.addEventListener('click', this._onMarkEvent, true);
    document.addEventListener('keydown', this._onMarkEvent, true);
    this._observer = new MutationObserver(() => this._schedule());
    this.run();
  }

  disconnectedCallback() {
    instances.delete(this);
    if (this._observer) this._observer.disconnect();
    clearTimeout(this._timer);
    document.removeEventListener('click', this._onMarkEvent, true);
    document.removeEventListener('keydown', this._onMarkEvent, true);
    this.unmark();
    for (const i of instances) i._renderBadge();
  }

  /** Re-checks after the page settles, and at least every MAX_WAIT_MS while it keeps changing. */
  _schedule() {
    if (this._mutating) return;
    const now = Date.now();
    if (!this._firstPending) this._firstPending = now;
    clearTimeout(this._timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this._firstPending + MAX_WAIT_MS - now));
    this._timer = setTimeout(() => { this._firstPending = 0; this.run(); }, wait);
  }

  _observe() {
    const o = this._observer;
    if (!o) return;
    o.disconnect();
    for (const r of this.roots()) {
      o.observe(r, { childList: true, subtree: true, characterData: true });
    }
    if (!this.hasAttribute('all') && this.getAttribute('for')) {
      o.observe(document.body, { childList: true });
    }
  }

  async run() {
    this._status.textContent = this.t.working;
    this._busy = true;
    this._error = '';
    try {
      await loadWasm();
    } catch (x) {
      const e = /** @type {any} */ (x);
      this._page = null;
      this._error = isCsp(e) ? this.t.wCsp : this.t.wFailed(e && e.message ? e.message : String(e));
      this._busy = false;
      for (const i of instances) i._renderBadge();
      return;
    }
    const run = ++this._runs;
    this.unmark();
    // the nodes only; the core reads them (src/read/html.rs, as it reads HTML source)
    const tree = domTree(this.roots());
    this._nodes = tree.nodes;
    this._page = null;
    // the text nodes read are the ones marked: nothing may change them while the worker checks
    this._observe();
    /** @type {Page | null} */
    let page = null;
    /** @type {(DomPlace | null)[]} */
    let places = [];
    if (tree.data.trim()) {
      try {
        ({ page, places } = await checkTree(tree, Number(this.getAttribute('limit')) || LIMIT_MS));
      } catch (x) {
        const e = /** @type {any} */ (x);
        // an unusable text is the core's {zh, en}; anything else is a fault, shown as such
        this._error = e && e.zh ? e[this.lang] : this.t.wFailed(e && e.message ? e.message : String(e));
      }
    }
    if (run !== this._runs) return; // a newer run took over
    this._busy = false;
    this._page = page;
    this._places = places;
    this._figs = new Map(this._page ? this._page.figures.map((f) => [f.start, f]) : []);
    if (this._showMarks) this.mark();
    this._observe();
    for (const i of instances) i._renderBadge();
  }

  /** The lead instance's badge speaks for every instance on the page. */
  _renderBadge() {
    if (lead() !== this) { this._badge.hidden = true; return; }
    this._badge.hidden = false;
    const t = this.t;
    let checked = 0;
    let failing = 0;
    /** @type {string[]} */
    const errors = [];
    /** @type {[RecountCheck, FigView][]} */
    const fails = [];
    let capped = false;
    for (const i of instances) {
      if (i._error) errors.push(i._error);
      if (!i._page) continue;
      checked += i._page.coverage.checked;
      failing += i._page.coverage.failing;
      capped = capped || i._capped;
      for (const f of i._page.figures) if (f.state === 'fail' || f.state === 'warning') fails.push([i, f]);
    }
    // (a count while another instance is still checking would read as the page's result)
    const busy = [...instances].some((i) => i._busy);
    this._status.textContent = errors.length ? errors[0]
      : busy ? t.working
        : checked ? t.wSummary(checked, failing) + (capped ? `（${t.wTooMany(MAX_MARKS)}）` : '')
          : t.wNothing;
    for (const i of instances) if (i !== this) i._status.textContent = '';
    this._status.classList.toggle('bad', failing > 0 || errors.length > 0);
    this._failList.replaceChildren();
    if (!fails.length) this._failList.append(el('li', '', checked ? t.noFailures : t.nothingToList));
    const n = instances.size;
    const idx = new Map([...instances].map((x, k) => [x, k + 1]));
    for (const [i, f] of fails.slice(0, 200)) {
      const li = el('li');
      const a = el('a', '', `${f.entries[0] ? f.entries[0].lead[i.lang] : f.label[i.lang]} — ${f.place[i.lang]}${n > 1 ? ` · ${t.wOf(idx.get(i) || 0, n)}` : ''}`);
      a.tabIndex = 0;
      a.setAttribute('role', 'link');
      const go = () => i._jump(f.start);
      a.addEventListener('click', go);
      a.addEventListener('keydown', (/** @type {KeyboardEvent} */ ev) => { if (ev.key === 'Enter') go(); });
      li.append(a);
      this._failList.append(li);
    }
    this._listBtn.hidden = !checked;
    this._toggle.hidden = !checked;
  }

  /** @param {number} start */
  _jump(start) {
    if (!this._showMarks) { this.toggleMarks(); lead()._updateToggle(); }
    const m = this._marks.find((x) => x.start === start);
    if (m) {
      lead().closePanels(false);
      m.mark.scrollIntoView({ block: 'center' });
      this._move(this._marks.indexOf(m));
      this.showDetails(m.mark, true);
    }
  }

  /** One tab stop per widget: the current mark; arrows move it. */
  /** @param {number} i */
  _move(i) {
    if (i < 0 || i >= this._marks.length) return;
    const old = this._marks[this._cur];
    if (old) old.mark.tabIndex = -1;
    this._cur = i;
    const m = this._marks[i];
    m.mark.tabIndex = 0;
    m.mark.focus();
  }

  /** Wraps every checked figure in a <recount-mark>. */
  mark() {
    if (!this._page || this._marks.length) return;
    /** @type {{ node: Text, a: number, b: number, fig: FigView, start: number }[]} */
    const targets = [];
    this._page.figures.forEach((f, k) => {
      // the core says which text node and where; figures split across nodes are not marked
      const p = this._places[k];
      const node = p && this._nodes[p.node];
      if (f.state === 'unchecked' || !p || !node || !node.isConnected || !(p.to > p.from) || p.to > node.data.length) return;
      targets.push({ node, a: p.from, b: p.to, fig: f, start: f.start });
    });
    this._capped = targets.length > MAX_MARKS;
    targets.length = Math.min(targets.length, MAX_MARKS);
    // right to left within a node, so earlier offsets stay valid; nodes keep reading order
    /** @type {Map<Text, number>} */
    const order = new Map();
    targets.forEach((x) => { if (!order.has(x.node)) order.set(x.node, order.size); });
    targets.sort((x, y) => (x.node === y.node ? y.a - x.a : (order.get(x.node) || 0) - (order.get(y.node) || 0)));
    this._mutating = true;
    /** @type {Made[]} */
    const made = [];
    for (const x of targets) {
      const mid = x.node.splitText(x.a);
      const after = mid.splitText(x.b - x.a);
      const mark = document.createElement('recount-mark');
      mark.dataset.state = x.fig.state;
      mark.tabIndex = -1;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-label', x.fig.label[this.lang]);
      /** @type {ParentNode & Node} */ (mid.parentNode).insertBefore(mark, mid);
      mark.append(mid);
      made.push({ mark, mid, start: x.start });
      this._byMark.set(mark, x.fig);
    }
    made.sort((p, q) => p.start - q.start);
    // what the widget left around each mark, to merge back only if the host has not changed it
    for (const m of made) {
      m.prev = m.mark.previousSibling;
      m.next = m.mark.nextSibling;
      m.texts = [m.prev instanceof Text ? m.prev.data : undefined, m.mid.data, m.next instanceof Text ? m.next.data : undefined];
    }
    this._marks = made;
    this._cur = 0;
    if (made[0]) made[0].mark.tabIndex = 0;
    this._settle();
  }

  /** Removes every mark. Pieces the host has not touched are merged back exactly; where the
   *  host changed them, the mark is unwrapped and the host's text left as the host wrote it. */
  unmark() {
    if (!this._marks.length) return;
    this._mutating = true;
    this.closePanels(false);
    // decide for every mark before touching any: merging changes its neighbours' text nodes
    const intact = this._marks.map((m) => m.mark.isConnected && m.mid.parentNode === m.mark
      && m.mark.childNodes.length === 1 && m.prev instanceof Text && m.next instanceof Text
      && m.mark.previousSibling === m.prev && m.mark.nextSibling === m.next
      && !!m.texts && m.prev.data === m.texts[0] && m.mid.data === m.texts[1] && m.next.data === m.texts[2]);
    for (let k = this._marks.length - 1; k >= 0; k--) {
      const m = this._marks[k];
      if (intact[k] && m.prev instanceof Text && m.next instanceof Text) {
        m.prev.data += m.mid.data + m.next.data;
        m.next.remove();
        m.mark.remove();
      } else if (m.mark.isConnected) {
        m.mark.replaceWith(...m.mark.childNodes);
        this._damaged = true;
      }
    }
    this._marks = [];
    this._byMark.clear();
    this._settle();
  }

  _settle() {
    if (this._observer) this._observer.takeRecords();
    this._mutating = false;
  }

  toggleMarks() {
    this._showMarks = !this._showMarks;
    // marks go back on the text as it now is: re-read if the host changed what was marked
    if (this._showMarks) { if (this._damaged) { this._damaged = false; this.run(); } else this.mark(); } else this.unmark();
    this._updateToggle();
  }

  _updateToggle() {
    this._toggle.textContent = this._showMarks ? this.t.wHide : this.t.wShow;
    this._toggle.setAttribute('aria-pressed', String(!this._showMarks));
  }

  toggleList() {
    const list = /** @type {HTMLElement} */ (this._ui.querySelector('.list'));
    const open = list.hidden;
    for (const i of instances) i.closePanels(false);
    list.hidden = !open;
    this._listBtn.setAttribute('aria-expanded', String(open));
    if (open) { const f = list.querySelector('a, button'); if (f instanceof HTMLElement) f.focus(); }
  }

  /** @param {HTMLElement} mark @param {boolean} focusInto */
  showDetails(mark, focusInto) {
    const fig = this._byMark.get(mark);
    if (!fig || !this._page) return;
    for (const i of instances) i.closePanels(false);
    const panel = /** @type {HTMLElement} */ (this._ui.querySelector('.details'));
    const title = /** @type {HTMLElement} */ (this._ui.querySelector('.details-title'));
    this._returnTo = mark;
    title.textContent = fig.label[this.lang];
    this._entries.replaceChildren(answerView(fig, this._page.report.checks, this.lang, docs));
    // the figures the relation used, highlighted in the page
    for (const v of fig.entries) {
      const e = this._page.report.checks[v.index];
      for (const inp of (e ? e.inputs : [])) {
        const m = this._marks.find((x) => x.start === inp.start);
        if (m) m.mark.dataset.used = '';
      }
    }
    panel.hidden = false;
    if (focusInto) title.focus();
  }

  /** @param {boolean} restoreFocus */
  closePanels(restoreFocus) {
    for (const p of this._ui.querySelectorAll('.panel')) /** @type {HTMLElement} */ (p).hidden = true;
    this._listBtn.setAttribute('aria-expanded', 'false');
    this._mutating = true;
    for (const m of this._marks) delete m.mark.dataset.used;
    this._settle();
    if (restoreFocus && this._returnTo && this._returnTo.isConnected) this._returnTo.focus();
  }
}

if (!customElements.get('recount-mark')) customElements.define('recount-mark', RecountMark);
if (!customElements.get('recount-check')) customElements.define('recount-check', RecountCheck);
