// @ts-check
// The page: paste or open a disclosure, check it in a worker, show the document as a
// document with every checked figure marked and its answer beside it. User content is only
// ever set with textContent or parsed inertly (DOMParser). www/dom-tree.js (domTree),
// www/i18n.js (STRINGS, answerView, sizeText) and www/sheets.js (isOffice, readOffice,
// cancelOffice) are concatenated before this file; www/pdf.js (RecountPdf) is in the page
// inert and run when the first PDF is opened (`pdfGlue`).
/* global workerUrl, firstWorker, domTree, STRINGS, answerView, sizeText, RecountPdf, isOffice, readOffice, cancelOffice, officeReading */
/** @typedef {{ from: number, blocks: Block[], first: number, last: number, chars: number, el: HTMLElement, rendered: boolean }} Chunk */
(() => {
  'use strict';

  const MAX_BYTES = 20 * 1024 * 1024;
  const LIST_STEP = 100;
  const HELD = 1024 * 1024; // larger texts are kept aside, not laid out in the textarea
  const PHONE = 700; // narrower than this: the answer is a bottom sheet
  const params = new URLSearchParams(location.search);
  // a check running longer than this is stopped (a test may shorten it with ?limit=ms)
  const LIMIT_MS = Number(params.get('limit')) || 90000;
  const K = { text: 'recount.input', keep: 'recount.keep', lang: 'recount.lang', run: 'recount.run', name: 'recount.name', verdicts: 'recount.verdicts' };

  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const text = /** @type {HTMLTextAreaElement} */ ($('text'));
  const keep = /** @type {HTMLInputElement} */ ($('keep'));
  const store = {
    get: (/** @type {string} */ k) => { try { return localStorage.getItem(k); } catch (_) { return null; } },
    set: (/** @type {string} */ k, /** @type {string} */ v) => { try { localStorage.setItem(k, v); return true; } catch (_) { return false; } },
    del: (/** @type {string} */ k) => { try { localStorage.removeItem(k); } catch (_) { /* storage unavailable */ } },
    clear: () => {
      try {
        for (const k of Object.keys(localStorage)) if (k.startsWith('recount.')) localStorage.removeItem(k);
      } catch (_) { /* storage unavailable */ }
    },
  };

  /** @type {Lang} */
  let lang = store.get(K.lang) === 'en' ? 'en' : 'zh';
  /** @type {Page | null} */
  let page = null;
  /** @type {Map<number, FigView>} */
  let figs = new Map();
  /** @type {number[]} every reported figure's start, in document order */
  let order = [];
  /** @type {Chunk[]} */
  let chunks = [];
  let cur = -1; // index in `order` of the figure holding the document's tab stop
  /** @type {number | null} */
  let openStart = null;
  let listLimit = LIST_STEP;
  /** @type {string | null} a text too large for the textarea, kept as it is */
  let held = null;
  let docName = '';
  /** @type {Map<string, CheckDoc>} */
  let docs = new Map();
  // the checks' documentation, put in the page by the build (`recount checks --format json`),
  // parsed when an answer first needs it
  const checkDocs = () => {
    if (!docs.size) {
      try {
        const list = JSON.parse(document.getElementById('docs-json')?.textContent || '[]');
        docs = new Map(list.map((/** @type {CheckDoc} */ d) => [d.id, d]));
      } catch (_) { /* the answers show without it */ }
    }
    return docs;
  };
  /** @type {Map<number, {reason: string}>} a reader's own verdicts, by figure start */
  let verdicts = new Map();
  let checkedText = '';

  // ---- the worker: restarted after a trap or an error, on new input while busy, on cancel
  const encoder = new TextEncoder();
  /** @type {Uint8Array | null} */
  let scratch = null;
  const SLICE = 1 << 18;
  /** UTF-8 size of a text: the engine's encoder over a slice at a time, into one scratch
   *  buffer (a loop over 20 MB of text here took 30–300 ms on a page whose code is not yet
   *  warm, a Blob ~80 ms; the encoder takes a few). A slice never ends inside a surrogate
   *  pair, so each pair counts 4 bytes and a lone surrogate 3, as the encoder writes them. */
  function utf8Bytes(/** @type {string} */ s) {
    scratch = scratch || new Uint8Array(SLICE * 3 + 4);
    let n = 0;
    for (let i = 0; i < s.length;) {
      let end = Math.min(s.length, i + SLICE);
      const last = s.charCodeAt(end - 1);
      if (end < s.length && last >= 0xd800 && last < 0xdc00) end += 1;
      n += encoder.encodeInto(s.slice(i, end), scratch).written;
      i = end;
    }
    return n;
  }
  /** Over the limit: each UTF-16 unit is 1 to 3 bytes, so most texts need no counting. */
  const tooBig = (/** @type {string} */ s) => s.length * 3 > MAX_BYTES && (s.length > MAX_BYTES || utf8Bytes(s) > MAX_BYTES);
  // the core's wasm, stored as base64 of a gzip stream (scripts/build-web.mjs): the first worker
  // inflates and compiles it itself (www/worker.js) and posts the module back, kept here for
  // the workers after it
  const wasmGz = ($('wasm-b64').textContent || '').trim();
  /** @type {WebAssembly.Module | null} */
  let wasmModule = null;
  /** @type {(m: WebAssembly.Module) => void} */
  let gotModule = () => {};
  /** @type {Promise<WebAssembly.Module>} */
  const moduleReady = new Promise((ok) => { gotModule = ok; });
  /** @type {Worker | null} */
  let worker = null;
  /** The sample's text opened with the page, waiting to go into the input box until its
   *  first result is shown (see the end), or null. */
  let pendingInput = /** @type {string | null} */ (null);
  function fillInput() {
    if (pendingInput === null) return;
    text.value = pendingInput;
    text.placeholder = STRINGS[lang].placeholder;
    pendingInput = null;
  }
  let seq = 0;
  let busy = false;
  let timer = 0;
  /** @type {{page: any, blocks: Block[], figures: FigView[], checks: any[], shown?: boolean} | null} */
  let incoming = null;

  function startWorker() {
    if (worker) worker.terminate();
    // the first is the one www/boot.js started while the page was parsed
    const w = firstWorker || new Worker(workerUrl);
    firstWorker = null;
    worker = w;
    w.postMessage(wasmModule ? { type: 'init', module: wasmModule } : { type: 'init', gz: wasmGz });
    w.onmessage = (e) => { if (w === worker) onMessage(e.data); };
    w.onerror = (e) => { e.preventDefault(); if (w === worker) fail('crashed'); };
  }

  // at once, before anything else the page does on opening: the worker starts, inflates and
  // compiles the core while this thread lays the page out
  startWorker();

  /** Stops a running check: the worker is replaced, so nothing of it can come back. */
  function stop(/** @type {'cancelled' | 'timedOut' | 'crashed' | null} */ why) {
    clearTimeout(timer);
    fillInput();
    if (busy || why === 'crashed') startWorker();
    busy = false;
    $('progress').hidden = true;
    $('results').removeAttribute('aria-busy');
    if (why) {
      const t = STRINGS[lang];
      note(why === 'timedOut' ? t.timedOut(Math.round(LIMIT_MS / 1000)) : t[why]);
    }
  }

  function fail(/** @type {'timedOut' | 'crashed'} */ why) {
    if (keep.checked) store.set(K.run, 'failed');
    stop(why);
  }

  /** Checks the input, or a PDF's items when given them (www/pdf.js). */
  function run(/** @type {any} */ pdf = null) {
    fillInput();
    pdfRun = pdf && pdf.nums ? pdf : null;
    const value = pdfRun ? checkedText : held === null ? text.value : held;
    if (!pdfRun && tooBig(value)) { note(STRINGS[lang].tooBig(sizeText(utf8Bytes(value), lang))); return; }
    if (busy) startWorker(); // new input while a check runs: the old one is dropped
    seq += 1;
    busy = true;
    incoming = null;
    note('');
    $('progress').hidden = false;
    $('results').setAttribute('aria-busy', 'true');
    checkedText = value;
    if (keep.checked) store.set(K.run, 'pending');
    clearTimeout(timer);
    timer = window.setTimeout(() => fail('timedOut'), LIMIT_MS);
    /** @type {Worker} */ (worker).postMessage(pdfRun ? { type: 'pdf', id: seq, nums: pdfRun.nums, text: pdfRun.text, lens: pdfRun.lens } : { type: 'check', id: seq, text: value });
  }

  /** @param {any} msg */
  function onMessage(msg) {
    if (msg.type === 'module') {
      if (wasmModule) return;
      wasmModule = msg.module;
      gotModule(msg.module);
      // the browser test reads these marks: time from the compiled module to the first result
      performance.mark('recount:wasm-ready', { startTime: Math.max(0, msg.compiled - performance.timeOrigin) });
      return;
    }
    if (msg.id !== seq) return;
    if (msg.type === 'error') {
      if (msg.trap) { fail('crashed'); return; }
      stop(null);
      if (keep.checked) store.set(K.run, 'ok');
      note(msg.error[lang]);
      return;
    }
    // a large report arrives in parts, each small enough to take in without a long task
    if (msg.type === 'page') {
      if (typeof msg.json === 'string') {
        // a small page comes as its JSON text (www/worker.js), parsed here at once
        const page = JSON.parse(msg.json);
        performance.mark('recount:parsed');
        incoming = { page, blocks: page.blocks, figures: page.figures, checks: [] };
      } else incoming = { page: msg.page, blocks: [], figures: [], checks: [] };
      // the worker's steps, as marks on this page's clock (the browser test prints them)
      const times = /** @type {Record<string, number> | undefined} */ (msg.times);
      if (times) {
        for (const k of ['received', 'instantiated', 'taken', 'first']) {
          if (k in times) performance.mark(`recount:worker-${k}`, { startTime: Math.max(0, times[k] - performance.timeOrigin) });
        }
        // the first step's JSON parsed: in the worker for a page sent in parts
        if ('parsed' in times) performance.mark('recount:parsed', { startTime: Math.max(0, times.parsed - performance.timeOrigin) });
        performance.mark('recount:core-steps', { detail: { read: times.read, check: times.check, present: times.present, json: times.json } });
      }
      return;
    }
    if (!incoming) return;
    if (msg.type === 'part') {
      for (const k of /** @type {const} */ (['blocks', 'figures', 'checks'])) {
        const add = msg[k];
        if (add) for (let i = 0; i < add.length; i++) incoming[k].push(add[i]);
      }
      return;
    }
    // a text's page comes in two steps: every figure marked and the failures answered
    // ('shown': shown at once), then the answers of the rest and every entry ('done')
    if (msg.type === 'shown') {
      performance.mark('recount:report');
      const p = incoming.page;
      p.blocks = incoming.blocks;
      p.figures = incoming.figures;
      p.report.checks = [];
      incoming = { page: p, blocks: [], figures: [], checks: [], shown: true };
      pdfChecked(p);
      show(/** @type {Page} */ (p));
      return;
    }
    if (msg.type === 'done') {
      if (typeof msg.json === 'string') {
        const rest = JSON.parse(msg.json);
        incoming.figures = rest.figures;
        incoming.checks = rest.checks;
      }
      const p = incoming.page;
      const shown = incoming.shown;
      if (!shown) {
        performance.mark('recount:report');
        p.blocks = incoming.blocks;
      }
      p.figures = incoming.figures;
      p.report.checks = incoming.checks;
      incoming = null;
      stop(null);
      if (keep.checked) store.set(K.run, 'ok');
      if (shown) { complete(/** @type {Page} */ (p)); return; }
      pdfChecked(p);
      show(/** @type {Page} */ (p));
    }
  }

  /** The second step of a shown page: every figure's answers, every entry. */
  function complete(/** @type {Page} */ p) {
    if (page !== p) return;
    figs = new Map(p.figures.map((f) => [f.start, f]));
    performance.mark('recount:complete');
    // an answer opened before its words came: filled in where it is, the focus left alone
    const f = openStart === null ? undefined : figs.get(openStart);
    if (f && openStart !== null) {
      $('answer-body').replaceChildren(answerView(f, p.report.checks, lang, checkDocs()));
      highlightInputs(openStart);
    }
  }

  // ---- showing a report
  function note(/** @type {string} */ msg) { $('note').textContent = msg || ''; }
  function announce(/** @type {string} */ msg) {
    const live = $('live');
    live.textContent = '';
    setTimeout(() => { live.textContent = msg; }, 30);
  }

  /** @param {Page} p */
  function show(p) {
    page = p;
    figs = new Map(p.figures.map((f) => [f.start, f]));
    order = p.figures.map((f) => f.start);
    cur = -1;
    listLimit = LIST_STEP;
    closeAnswer(false);
    loadVerdicts();
    renderSummary();
    renderFailures();
    renderDoc();
    performance.mark('recount:result');
    // the frame after this one, once the result is on screen
    if (pendingInput !== null) requestAnimationFrame(() => setTimeout(fillInput, 0));
    announce(STRINGS[lang].done(p.coverage.verdict[lang]));
  }

  function renderSummary() {
    if (!page) return;
    const t = STRINGS[lang];
    const c = page.coverage;
    const verdict = $('verdict');
    verdict.textContent = c.verdict[lang];
    verdict.className = `verdict ${c.nothing_checked ? 'nothing' : c.failing ? 'bad' : 'good'}`;
    // on a phone the document comes first: its verdict is repeated above it (for the eye only)
    const dv = $('doc-verdict');
    dv.textContent = c.verdict[lang];
    dv.className = `${verdict.className} doc-verdict`;
    $('coverage-note').textContent = c.note && !c.nothing_checked ? c.note[lang] : '';
    // the standard table set: missing tables and blank ones, decided in the core
    const ts = $('table-set');
    ts.replaceChildren();
    for (const n of page.report.table_set || []) {
      const li = document.createElement('li');
      li.className = n.severity;
      li.dataset.kind = n.kind;
      li.textContent = n.page ? `${lang === 'zh' ? `第 ${n.page} 页：` : `p. ${n.page}: `}${n.message[lang]}` : n.message[lang];
      ts.append(li);
    }
    const sum = $('summary');
    sum.replaceChildren();
    /** @type {[string, string, number | string][]} */
    const items = [['figures', t.figures, c.figures], ['relations', t.relations, c.relations], ['checked', t.checked, c.checked],
      ['holding', t.holding, c.holding], ['failing', t.failing, c.failing], ['unchecked', t.unchecked, c.unchecked],
      ['tables', t.tables, `${c.tables_understood} / ${c.tables}`]];
    for (const [k, label, v] of items) {
      const d = document.createElement('div');
      if (k === 'failing' && Number(v) > 0) d.className = 'bad';
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.textContent = String(v); dd.id = `sum-${k}`;
      d.append(dt, dd);
      sum.append(d);
    }
  }

  function failures() {
    if (!page) return [];
    const showE = /** @type {HTMLInputElement} */ ($('show-errors')).checked;
    const showW = /** @type {HTMLInputElement} */ ($('show-warnings')).checked;
    return page.figures.filter((f) => (f.state === 'fail' && showE) || (f.state === 'warning' && showW));
  }

  function renderFailures() {
    if (!page) return;
    const t = STRINGS[lang];
    const list = $('failures');
    list.replaceChildren();
    const fails = failures();
    if (!fails.length) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = page.coverage.nothing_checked ? t.nothingToList : t.noFailures;
      list.append(li);
      return;
    }
    // a long list laid out at once blocks the page: 100 at a time
    for (const f of fails.slice(0, listLimit)) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.state = f.state;
      b.dataset.start = String(f.start);
      const lead = document.createElement('span');
      lead.className = 'lead';
      lead.textContent = f.entries[0] ? f.entries[0].lead[lang] : f.label[lang];
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = f.place[lang];
      b.append(lead, where);
      const v = verdicts.get(f.start);
      if (v) {
        const r = document.createElement('span');
        r.className = 'reader-note';
        r.textContent = t.readerNoted(v.reason);
        b.append(r);
      }
      b.addEventListener('click', () => { moveTo(order.indexOf(f.start)); openAnswer(f.start, true); });
      li.append(b);
      list.append(li);
    }
    if (fails.length > listLimit) {
      const li = document.createElement('li');
      const more = document.createElement('button');
      more.type = 'button';
      more.id = 'more-failures';
      more.textContent = t.more(fails.length - listLimit);
      more.addEventListener('click', () => { listLimit += LIST_STEP; renderFailures(); });
      li.append(more);
      list.append(li);
    }
  }

  // ---- the document, rendered in chunks only when they come near the screen
  const CHUNK_CHARS = 24000;
  /** @type {IntersectionObserver | null} */
  let io = null;

  function renderDoc() {
    const doc = $('doc');
    doc.replaceChildren();
    if (io) io.disconnect();
    chunks = [];
    if (!page) return;
    /** @type {Chunk | null} */
    let c = null;
    page.blocks.forEach((b, i) => {
      const starts = blockStarts(b);
      const chars = blockChars(b);
      if (!c || c.chars + chars > CHUNK_CHARS) {
        const el = document.createElement('div');
        el.className = 'chunk';
        c = { from: i, blocks: [], first: Infinity, last: -1, chars: 0, el, rendered: false };
        chunks.push(c);
      }
      c.blocks.push(b);
      c.chars += chars;
      if (starts.length) { c.first = Math.min(c.first, starts[0]); c.last = Math.max(c.last, starts[starts.length - 1]); }
    });
    io = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) renderChunk(chunks[Number(/** @type {HTMLElement} */ (e.target).dataset.i)]);
    }, { rootMargin: '1500px 0px' });
    const frag = document.createDocumentFragment();
    chunks.forEach((ch, i) => {
      ch.el.dataset.i = String(i);
      // an estimate, until the chunk is laid out: about 40 characters a line of 1.8em
      ch.el.style.minHeight = `${Math.ceil(ch.chars / 40) * 26 + ch.blocks.length * 8}px`;
      frag.append(ch.el);
      io?.observe(ch.el);
    });
    doc.append(frag);
    doc.setAttribute('aria-label', STRINGS[lang].docLabel);
    if (order.length) setTabStop(0);
  }

  /** @param {Block} b */
  function blockStarts(b) {
    if (b.kind === 'table') return b.rows.flatMap((r) => r.flatMap((c) => c.marks.map((m) => m.start)));
    return b.marks.map((m) => m.start);
  }
  /** @param {Block} b */
  function blockChars(b) {
    if (b.kind === 'table') return b.rows.reduce((n, r) => n + 20 + r.reduce((m, c) => m + c.text.length + 4, 0), 0);
    return b.text.length + 40;
  }

  /** @param {Chunk} ch */
  function renderChunk(ch) {
    if (!ch || ch.rendered) return;
    ch.rendered = true;
    const frag = document.createDocumentFragment();
    ch.blocks.forEach((b, j) => {
      const pageNo = pdfStarts.get(ch.from + j); // a PDF's page begins here
      if (pageNo && pdfGlue) frag.append(pdfGlue.pageLabel(pageNo, lang));
      const el = blockEl(b);
      if (pdfStarts.size && pdfGlue) pdfGlue.tablePages(el, b, ch.from + j, lang);
      frag.append(el);
    });
    ch.el.append(frag);
    ch.el.style.minHeight = '';
    io?.unobserve(ch.el);
    if (cur >= 0) {
      const el = figEl(order[cur]);
      if (el) el.tabIndex = 0;
    }
    if (openStart !== null) highlightInputs(openStart);
  }

  /** Text with its figures marked: reported figures are buttons, others plain spans. */
  function marked(/** @type {HTMLElement} */ el, /** @type {string} */ s, /** @type {Mark[]} */ marks) {
    let at = 0;
    for (const m of marks) {
      if (m.at < at) continue;
      if (m.at > at) el.append(s.slice(at, m.at));
      const raw = s.slice(m.at, m.at + m.len);
      const f = figs.get(m.start);
      if (f) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = `fig ${f.state}`;
        if (verdicts.has(f.start)) b.classList.add('accepted');
        b.tabIndex = -1;
        b.dataset.start = String(m.start);
        b.textContent = raw;
        b.setAttribute('aria-label', f.label[lang]);
        el.append(b);
      } else {
        const sp = document.createElement('span');
        sp.className = 'ref';
        sp.dataset.start = String(m.start);
        sp.textContent = raw;
        el.append(sp);
      }
      at = m.at + m.len;
    }
    if (at < s.length) el.append(s.slice(at));
  }

  /** @param {Block} b */
  function blockEl(b) {
    if (b.kind === 'heading') {
      const h = document.createElement(`h${Math.min(6, b.level + 2)}`);
      h.className = 'dh';
      marked(h, b.text, b.marks);
      return h;
    }
    if (b.kind === 'para') {
      const p = document.createElement('p');
      marked(p, b.text, b.marks);
      return p;
    }
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const table = document.createElement('table');
    if (b.caption) table.setAttribute('aria-label', b.caption);
    const thead = document.createElement('thead');
    const tbody = document.createElement('tbody');
    b.rows.forEach((row, r) => {
      const tr = document.createElement('tr');
      for (const c of row) {
        const head = r < b.header_rows && c.text.trim() !== ''; // an empty header cell is no header (axe)
        const td = document.createElement(head ? 'th' : 'td');
        if (head) td.scope = c.colspan > 1 ? 'colgroup' : 'col';
        if (c.colspan > 1) td.colSpan = c.colspan;
        if (c.rowspan > 1) td.rowSpan = c.rowspan;
        if (c.num) td.className = 'num';
        marked(td, c.text, c.marks);
        tr.append(td);
      }
      (r < b.header_rows ? thead : tbody).append(tr);
    });
    table.append(thead, tbody);
    wrap.append(table);
    return wrap;
  }

  /** The chunk holding a figure, rendered now if it was not. */
  function ensureRendered(/** @type {number} */ start) {
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid].first <= start || chunks[mid].first === Infinity) lo = mid; else hi = mid - 1;
    }
    for (let i = Math.max(0, lo - 1); i <= Math.min(chunks.length - 1, lo + 1); i++) {
      const ch = chunks[i];
      if (ch.first <= start && start <= ch.last) { renderChunk(ch); return; }
    }
    for (const ch of chunks) if (ch.first <= start && start <= ch.last) { renderChunk(ch); return; }
  }

  function figEl(/** @type {number} */ start) {
    return /** @type {HTMLElement | null} */ (document.querySelector(`#doc .fig[data-start="${start}"]`));
  }

  // ---- keyboard: the document is one tab stop; arrows move between marked figures
  function setTabStop(/** @type {number} */ i) {
    if (cur >= 0) { const old = figEl(order[cur]); if (old) old.tabIndex = -1; }
    cur = i;
    const el = figEl(order[i]);
    if (el) el.tabIndex = 0;
  }

  function moveTo(/** @type {number} */ i, focus = true) {
    if (i < 0 || i >= order.length) return null;
    ensureRendered(order[i]);
    setTabStop(i);
    const el = figEl(order[i]);
    if (el && focus) { el.focus({ preventScroll: true }); el.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
    return el;
  }

  function nextFailure(/** @type {1 | -1} */ dir) {
    const bad = (/** @type {number} */ s) => { const f = figs.get(s); return !!f && (f.state === 'fail' || f.state === 'warning'); };
    for (let i = cur + dir; i >= 0 && i < order.length; i += dir) {
      if (bad(order[i])) {
        moveTo(i);
        const f = figs.get(order[i]);
        if (f) announce(`${f.label[lang]}，${f.place[lang]}`);
        return;
      }
    }
  }

  $('doc').addEventListener('keydown', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (!target.classList.contains('fig')) return;
    const i = order.indexOf(Number(target.dataset.start));
    const k = e.key;
    if (k === 'ArrowRight' || k === 'ArrowDown') { e.preventDefault(); moveTo(i + 1); } else if (k === 'ArrowLeft' || k === 'ArrowUp') { e.preventDefault(); moveTo(i - 1); } else if (k === 'Home') { e.preventDefault(); moveTo(0); } else if (k === 'End') { e.preventDefault(); moveTo(order.length - 1); } else if (k === 'n' || k === 'N' || k === ']') { e.preventDefault(); cur = i; nextFailure(1); } else if (k === 'p' || k === 'P' || k === '[') { e.preventDefault(); cur = i; nextFailure(-1); } else if (k === 'Enter' || k === ' ') { e.preventDefault(); setTabStop(i); openAnswer(Number(target.dataset.start), true); }
  });
  $('doc').addEventListener('click', (e) => {
    const b = /** @type {HTMLElement} */ (e.target).closest('.fig');
    if (!(b instanceof HTMLElement)) return;
    const start = Number(b.dataset.start);
    setTabStop(order.indexOf(start));
    openAnswer(start, false);
  });

  // ---- the answer: a popover beside the figure, a bottom sheet on a phone
  function highlightInputs(/** @type {number} */ start) {
    for (const el of document.querySelectorAll('#doc .used')) el.classList.remove('used');
    const f = figs.get(start);
    if (!f || !page) return;
    for (const v of f.entries) {
      const e = page.report.checks[v.index];
      if (!e) continue;
      for (const inp of e.inputs) {
        for (const el of document.querySelectorAll(`#doc [data-start="${inp.start}"]`)) el.classList.add('used');
      }
    }
  }

  function openAnswer(/** @type {number} */ start, /** @type {boolean} */ focusInto) {
    const f = figs.get(start);
    if (!f || !page) return;
    const el = moveTo(order.indexOf(start), !focusInto) || figEl(start);
    openStart = start;
    const box = $('answer');
    $('answer-h').textContent = f.label[lang];
    $('answer-body').replaceChildren(answerView(f, page.report.checks, lang, checkDocs()));
    const pdfRegion = pdfGlue && pdfGlue.region(start, f.raw, el, lang); // a PDF's page, as printed
    if (pdfRegion) $('answer-body').append(pdfRegion);
    renderReader(f);
    for (const o of document.querySelectorAll('#doc .fig.open')) o.classList.remove('open');
    if (el) el.classList.add('open');
    highlightInputs(start);
    box.hidden = false;
    place(el);
    if (focusInto) $('answer-h').focus({ preventScroll: true });
  }

  /** Puts the answer next to its figure (desktop) or as a sheet below it (phone). */
  function place(/** @type {HTMLElement | null} */ el) {
    const box = $('answer');
    const phone = window.innerWidth < PHONE;
    box.classList.toggle('sheet', phone);
    if (!el) return;
    if (phone) {
      box.style.top = ''; box.style.left = '';
      // the figure stays visible above the sheet
      const vv = window.visualViewport;
      const h = vv ? vv.height : window.innerHeight;
      const r = el.getBoundingClientRect();
      const room = h - box.offsetHeight;
      const want = Math.max(8, Math.min(room - r.height - 16, room / 3));
      window.scrollBy({ top: r.top - want, behavior: 'instant' });
      return;
    }
    const r = el.getBoundingClientRect();
    const w = box.offsetWidth;
    const hgt = box.offsetHeight;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 16));
    let top = r.bottom + 8;
    if (top + hgt > window.innerHeight - 8 && r.top - hgt - 8 > 8) top = r.top - hgt - 8;
    else if (top + hgt > window.innerHeight - 8) {
      // no room either side: scroll the figure up so the answer fits below it
      window.scrollBy({ top: Math.min(top + hgt - window.innerHeight + 16, r.top - 60), behavior: 'instant' });
      const r2 = el.getBoundingClientRect();
      top = r2.bottom + 8;
    }
    box.style.left = `${left + window.scrollX}px`;
    box.style.top = `${top + window.scrollY}px`;
  }

  function closeAnswer(/** @type {boolean} */ refocus) {
    const box = $('answer');
    if (box.hidden) return;
    box.hidden = true;
    for (const el of document.querySelectorAll('#doc .used, #doc .open')) el.classList.remove('used', 'open');
    const start = openStart;
    openStart = null;
    if (refocus && start !== null) { const el = figEl(start); if (el) el.focus(); }
  }
  $('answer-close').addEventListener('click', () => closeAnswer(true));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('answer').hidden) { e.preventDefault(); closeAnswer(true); }
  });
  document.addEventListener('click', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (!$('answer').hidden && !t.closest('#answer') && !t.closest('.fig') && !t.closest('#failures')) closeAnswer(false);
  });
  window.addEventListener('resize', () => { if (openStart !== null) place(figEl(openStart)); });

  // ---- a reader's own verdict on a failure
  function verdictKey() {
    let h = 0;
    for (let i = 0; i < checkedText.length; i += Math.max(1, checkedText.length >> 12)) h = (h * 31 + checkedText.charCodeAt(i)) | 0;
    return `${checkedText.length}:${h}`;
  }
  function loadVerdicts() {
    verdicts = new Map();
    const saved = store.get(K.verdicts);
    if (!saved) return;
    try {
      const v = JSON.parse(saved);
      if (v.key === verdictKey()) for (const [s, r] of v.items) verdicts.set(Number(s), { reason: String(r) });
    } catch (_) { /* ignore a damaged entry */ }
  }
  function saveVerdicts() {
    if (!keep.checked) return;
    store.set(K.verdicts, JSON.stringify({ key: verdictKey(), items: [...verdicts].map(([s, v]) => [s, v.reason]) }));
  }
  /** @param {FigView} f */
  function renderReader(f) {
    const t = STRINGS[lang];
    const box = $('reader');
    box.replaceChildren();
    if (f.state !== 'fail' && f.state !== 'warning') return;
    const v = verdicts.get(f.start);
    if (v) {
      const p = document.createElement('p');
      p.textContent = t.readerNoted(v.reason);
      const undo = document.createElement('button');
      undo.type = 'button';
      undo.textContent = t.readerUndo;
      undo.addEventListener('click', () => { verdicts.delete(f.start); saveVerdicts(); refreshFig(f.start); renderReader(f); renderFailures(); });
      box.append(p, undo);
      return;
    }
    const form = document.createElement('form');
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = t.readerReason;
    const input = document.createElement('input');
    input.type = 'text';
    input.id = 'reader-reason';
    label.append(span, input);
    const ok = document.createElement('button');
    ok.type = 'submit';
    ok.textContent = t.readerOk;
    form.append(label, ok);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      verdicts.set(f.start, { reason: input.value.trim() });
      saveVerdicts();
      refreshFig(f.start);
      renderReader(f);
      renderFailures();
    });
    box.append(form);
  }
  function refreshFig(/** @type {number} */ start) {
    const el = figEl(start);
    if (el) el.classList.toggle('accepted', verdicts.has(start));
  }

  // ---- exports
  function download(/** @type {string} */ name, /** @type {string} */ type, /** @type {string} */ content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** The exported report: the core's report, where each figure is, and the reader's verdicts. */
  function exportJson() {
    if (!page) return '';
    const places = new Map(page.figures.map((f) => [f.start, f]));
    return JSON.stringify({
      recount: page.version, document: docName, date: new Date().toISOString(),
      coverage: page.coverage,
      checks: page.report.checks.map((e) => {
        const f = places.get(e.figure.start);
        const v = verdicts.get(e.figure.start);
        return { ...e, place: f ? f.place : null, reader_verdict: v && e.status === 'fail' ? { right: true, reason: v.reason } : null };
      }),
      summary: page.report.summary,
    }, null, 2);
  }

  /** A cell a spreadsheet could read as a formula starts with ' (OWASP's advice). */
  function csvCell(/** @type {unknown} */ v) {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  function exportCsv() {
    if (!page) return '';
    const places = new Map(page.figures.map((f) => [f.start, f]));
    const cols = ['rule', 'status', 'severity', 'reported', 'expected', 'within_rounding', 'formula', 'tolerance', 'cause',
      'place_zh', 'place_en', 'message_zh', 'message_en', 'line', 'column', 'reader_verdict'];
    const rows = page.report.checks.map((e) => {
      const f = places.get(e.figure.start);
      const v = verdicts.get(e.figure.start);
      return [e.rule, e.status, e.severity, e.reported, e.expected, e.within_rounding, e.formula, e.tolerance,
        e.cause ? e.cause[lang] : '', f ? f.place.zh : '', f ? f.place.en : '', e.message.zh, e.message.en, e.line, e.column,
        v && e.status === 'fail' ? `right${v.reason ? `: ${v.reason}` : ''}` : ''].map(csvCell).join(',');
    });
    return '\ufeff' + [cols.join(','), ...rows].join('\r\n') + '\r\n';
  }

  // ---- print: a title block, every failure with its place and arithmetic
  function preparePrint() {
    const t = STRINGS[lang];
    const head = $('print-head');
    head.replaceChildren();
    const h = document.createElement('h1');
    h.textContent = t.reportTitle;
    const meta = document.createElement('p');
    meta.textContent = `${t.docName}：${(docName === 'sample' ? t.sampleName : docName) || '—'} · ${t.date}：${new Date().toISOString().slice(0, 10)} · ${t.version}：Recount ${page ? page.version : ''}`;
    head.append(h, meta);
    document.body.classList.toggle('print-doc', /** @type {HTMLInputElement} */ ($('print-doc')).checked);
    // every failure, not only the first hundred
    if (page && failures().length > listLimit) { listLimit = Infinity; renderFailures(); }
    for (const ch of chunks) if (/** @type {HTMLInputElement} */ ($('print-doc')).checked) renderChunk(ch);
  }
  window.addEventListener('beforeprint', preparePrint);

  // ---- input
  /** CSV → tab rows, quotes respected. */
  function csvToTabs(/** @type {string} */ s) {
    const out = [];
    let row = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (quoted) {
        if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
        if (c === '\r' && s[i + 1] === '\n') i++;
        row.push(cell); out.push(row.map((x) => x.replace(/[\t\n\r]/g, ' ')).join('\t') + '\t'); row = []; cell = '';
      } else cell += c;
    }
    if (cell || row.length) { row.push(cell); out.push(row.join('\t') + '\t'); }
    return out.join('\n') + '\n';
  }

  function setName(/** @type {string} */ name) {
    docName = name;
    $('file-name').textContent = name ? (name === 'sample' ? STRINGS[lang].sampleName : STRINGS[lang].loaded(name) + (pdfGlue ? pdfGlue.info(name, lang) : '')) : '';
    if (keep.checked) store.set(K.name, name);
  }

  function save() {
    if (!keep.checked) return;
    if (held !== null || !store.set(K.text, text.value)) { store.del(K.text); note(STRINGS[lang].notSaved); }
  }

  /** Puts a text in the input: large ones are held aside (a 20 MB textarea takes seconds to lay out). */
  /** Shows a held text's size once counted: a slice per task, so a 20 MB paste adds no
   *  long task to the page's thread (the count alone took 35–50 ms there). */
  function heldSize(/** @type {string} */ s, /** @type {string} */ name) {
    let n = 0;
    let i = 0;
    const step = () => {
      if (held !== s) return; // another text came meanwhile
      const end = Math.min(s.length, i + 8 * SLICE);
      // the slices of utf8Bytes never split a surrogate pair: neither may this one
      const cut = end < s.length && s.charCodeAt(end - 1) >= 0xd800 && s.charCodeAt(end - 1) < 0xdc00 ? end + 1 : end;
      n += utf8Bytes(s.slice(i, cut));
      i = cut;
      if (i < s.length) { setTimeout(step, 0); return; }
      text.placeholder = STRINGS[lang].held(sizeText(n, lang), name === 'sample' ? '' : name);
    };
    step();
  }

  function setInput(/** @type {string} */ s, /** @type {string} */ name) {
    const t = STRINGS[lang];
    pendingInput = null;
    if (s.length > HELD) {
      held = s;
      text.value = '';
      text.placeholder = '';
      heldSize(s, name);
      if (keep.checked) { store.del(K.text); note(t.notSaved); }
    } else {
      held = null;
      text.value = s;
      text.placeholder = t.placeholder;
      save();
    }
    setName(name);
  }

  /** HTML as the text the core reads: parsed here (inertly), its nodes walked, and read by the
   *  core's one HTML reader in a worker of its own, so a running check is not disturbed.
   *  @returns {Promise<string>} */
  function htmlToText(/** @type {string} */ html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const { ops, data } = domTree([doc.body]);
    return new Promise((resolve, reject) => {
      const w = new Worker(workerUrl);
      const done = () => { clearTimeout(limit); w.terminate(); };
      const secs = Math.round(LIMIT_MS / 1000);
      const limit = setTimeout(() => { done(); reject({ zh: STRINGS.zh.timedOut(secs), en: STRINGS.en.timedOut(secs) }); }, LIMIT_MS);
      w.onmessage = (e) => {
        if (e.data.type !== 'text') return;
        done();
        if (e.data.error) reject(e.data.error); else resolve(e.data.text);
      };
      w.onerror = (e) => { e.preventDefault(); done(); reject({ zh: STRINGS.zh.crashed, en: STRINGS.en.crashed }); };
      moduleReady.then((module) => {
        w.postMessage({ type: 'init', module });
        w.postMessage({ type: 'tree', ops, data }, [ops.buffer]);
      });
    });
  }

  /** HTML as text, or null with the reason shown (the current text is left as it is). */
  async function readHtml(/** @type {string} */ html) {
    try {
      return await htmlToText(html);
    } catch (e) {
      const err = /** @type {any} */ (e);
      note(err && err.zh ? err[lang] : String(err));
      return null;
    }
  }

  /** UTF-8 (BOM or not), UTF-16 with a BOM, or GB18030; null when none of them fits. */
  function decode(/** @type {Uint8Array} */ bytes) {
    const [a, b] = bytes;
    if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    for (const enc of ['utf-8', 'gb18030']) {
      try { return new TextDecoder(enc, { fatal: true }).decode(bytes); } catch (_) { /* next */ }
    }
    return null;
  }

  async function openFile(/** @type {File} */ file) {
    cancelOffice(); // a spreadsheet still being read is dropped for this file
    const t = STRINGS[lang];
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isPdf(bytes)) { openPdf(bytes, file.name); return; }
    if (bytes.length > MAX_BYTES) { note(t.tooBig(sizeText(bytes.length, lang))); return; }
    if (isOffice(bytes)) {
      // www/sheets.js: the second module, loaded now; on failure the current text stays
      note(officeReading[lang]);
      const r = await readOffice(bytes);
      if ('cancelled' in r) return;
      if ('error' in r) { note(r.error[lang]); return; }
      note('');
      setInput(r.text, file.name);
      run();
      return;
    }
    let s = decode(bytes);
    if (s === null) { note(t.cannotRead(file.name)); return; }
    s = s.replace(/^\ufeff/, '');
    if (!s.trim()) { note(t.emptyFile(file.name)); return; }
    const name = file.name.toLowerCase();
    if (name.endsWith('.html') || name.endsWith('.htm') || /^\s*<(!doctype|html)/i.test(s)) {
      const read = await readHtml(s);
      if (read === null) return;
      s = read;
    }
    else if (name.endsWith('.csv')) s = csvToTabs(s);
    note('');
    setInput(s, file.name);
    run();
  }

  // ---- a PDF: pdf.js reads its items (www/pdf.js), the worker checks them; the text shown
  // in the input is the one reconstructed from them. On failure the current document stays.
  let pdfSeq = 0;
  /** @type {any} the PDF's items being checked */
  let pdfRun = null;
  let pdfName = '';
  /** @type {Map<number, number>} block index → the PDF page that begins there */
  let pdfStarts = new Map();
  /** www/pdf.js, once the first PDF has been opened; until then no PDF is shown, and every
   *  call made for a text has nothing of a PDF's to add. */
  /** @type {typeof RecountPdf | null} */
  let pdfGlue = null;
  /** Runs www/pdf.js from its inert copy in the page (`#pdf-glue`: 3.1 KB gz the first load
   *  does without): an inline script the CSP allows by its hash, run as it is inserted. */
  function loadPdfGlue() {
    if (!pdfGlue) {
      const s = document.createElement('script');
      s.textContent = $('pdf-glue').textContent;
      document.head.append(s);
      pdfGlue = RecountPdf;
    }
    return pdfGlue;
  }
  /** A PDF's signature (`%PDF-`) within its first 1,024 bytes, as readers accept it. */
  function isPdf(/** @type {Uint8Array} */ b) {
    const n = Math.min(b.length, 1024) - 4;
    for (let i = 0; i < n; i++) if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return true;
    return false;
  }
  async function openPdf(/** @type {Uint8Array} */ bytes, /** @type {string} */ name) {
    const mine = ++pdfSeq;
    const glue = loadPdfGlue();
    note(glue.MSG.reading[lang]);
    $('progress').hidden = false;
    try {
      const items = await glue.extract(bytes);
      if (mine !== pdfSeq) return;
      pdfName = name;
      run(items);
    } catch (err) {
      if (mine !== pdfSeq) return;
      if (!busy) $('progress').hidden = true;
      note(glue.message(err, lang, !!page));
    }
  }
  /** @param {any} p */
  function pdfChecked(p) {
    if (pdfGlue) pdfGlue.showing(p.pdf ? pdfRun : null, p.pdf, pdfName);
    pdfStarts = p.pdf && pdfGlue ? pdfGlue.pageStarts(p.blocks) : new Map();
    if (!p.pdf) return;
    checkedText = p.pdf.text;
    setInput(p.pdf.text, pdfName);
  }

  /** The sample's text, inflated once: the page carries it as base64 of a gzip stream made
   *  by zopfli (scripts/build-web.mjs; 1,205 bytes gz less of the first load than its text,
   *  measured 2026-12-06). */
  let sample = /** @type {Promise<string> | null} */ (null);
  function sampleText() {
    if (!sample) {
      const gz = embeddedBytes('sample-text');
      const inflate = new DecompressionStream('gzip');
      const w = inflate.writable.getWriter();
      w.write(gz);
      w.close();
      sample = new Response(inflate.readable).text();
    }
    return sample;
  }

  /** Puts the sample in the box and checks it. At open (`first`), not if anything was put in
   *  the box or checked while it was inflated, and the text waits out of the box until its
   *  first result is shown (see the end). */
  async function loadSample(first = false) {
    note('');
    const s = await sampleText();
    if (first && (text.value !== '' || held !== null || seq > 0)) return;
    setInput(s, 'sample');
    run();
    if (!first) return;
    // The first layout of the input box's 44 KB of Chinese text is a long task of this thread
    // (its fonts found, every line shaped: 110–430 ms on the test machine, which has no CJK
    // font), and the worker's start and the first result both wait for this thread: the
    // sample, already posted to the worker, goes into the box once its first result is on
    // screen (or the check ends otherwise). Anything put in the box meanwhile wins.
    pendingInput = text.value;
    text.value = '';
    text.placeholder = '';
  }

  function tr() {
    const t = STRINGS[lang];
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '决算复核 Recount' : 'Recount';
    for (const el of document.querySelectorAll('[data-t]')) {
      const k = /** @type {HTMLElement} */ (el).dataset.t || '';
      const v = /** @type {any} */ (t)[k];
      if (typeof v === 'string') el.textContent = v;
    }
    if (held === null) text.placeholder = t.placeholder;
    const l = $('lang');
    l.textContent = t.lang;
    l.lang = t.langCode;
    $('doc').setAttribute('aria-label', t.docLabel);
    setName(docName);
    if (page) {
      renderSummary();
      renderFailures();
      if (pdfGlue) pdfGlue.relabel(lang);
      for (const el of document.querySelectorAll('#doc .fig')) {
        const f = figs.get(Number(/** @type {HTMLElement} */ (el).dataset.start));
        if (f) el.setAttribute('aria-label', f.label[lang]);
      }
      if (openStart !== null) openAnswer(openStart, false);
    }
  }

  // ---- wiring
  keep.checked = store.get(K.keep) === '1';
  keep.addEventListener('change', () => {
    if (keep.checked) { store.set(K.keep, '1'); save(); store.set(K.name, docName); store.set(K.run, 'ok'); saveVerdicts(); } else store.clear();
  });
  $('run').addEventListener('click', run);
  $('cancel').addEventListener('click', () => { pdfSeq += 1; if (keep.checked) store.set(K.run, 'ok'); stop('cancelled'); });
  $('sample').addEventListener('click', () => loadSample());
  $('clear').addEventListener('click', () => {
    held = null;
    pendingInput = null;
    text.value = '';
    text.placeholder = STRINGS[lang].placeholder;
    note('');
    setName('');
    store.clear();
    keep.checked = false;
    verdicts = new Map();
    text.focus();
  });
  $('file').addEventListener('change', (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    const f = input.files && input.files[0];
    if (f) openFile(f);
    input.value = '';
  });
  text.addEventListener('dragover', (e) => e.preventDefault());
  text.addEventListener('drop', (e) => {
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) { e.preventDefault(); openFile(f); }
  });
  text.addEventListener('paste', (e) => {
    const data = e.clipboardData;
    const html = data && data.getData('text/html');
    const plain = data && data.getData('text/plain');
    const { selectionStart: a, selectionEnd: b } = text;
    /** Puts the text read in place of the selection, and checks. */
    const put = (/** @type {string} */ s) => {
      if (tooBig(s)) { note(STRINGS[lang].tooBig(sizeText(utf8Bytes(s), lang))); return; }
      const value = text.value;
      setInput(held === null && s.length <= HELD ? value.slice(0, a) + s + value.slice(b) : s, '');
      setTimeout(() => { if (held === null) save(); run(); }, 0);
    };
    if (html && /<table/i.test(html)) {
      e.preventDefault();
      readHtml(html).then((s) => { if (s !== null) put(s); });
    } else if (plain && plain.length > HELD) {
      e.preventDefault();
      put(plain);
    } else {
      setName('');
      setTimeout(() => { if (held === null) save(); run(); }, 0);
    }
  });
  let saveTimer = 0;
  text.addEventListener('input', () => {
    held = null;
    pendingInput = null;
    text.placeholder = STRINGS[lang].placeholder;
    if (docName) setName('');
    clearTimeout(saveTimer);
    saveTimer = window.setTimeout(save, 400);
  });
  $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; if (keep.checked) store.set(K.lang, lang); tr(); });
  $('show-errors').addEventListener('change', renderFailures);
  $('show-warnings').addEventListener('change', renderFailures);
  $('export-json').addEventListener('click', () => page && download('recount-report.json', 'application/json', exportJson()));
  $('export-csv').addEventListener('click', () => page && download('recount-report.csv', 'text/csv;charset=utf-8', exportCsv()));
  $('print').addEventListener('click', () => { preparePrint(); window.print(); });

  tr();
  const saved = keep.checked ? store.get(K.text) : null;
  if (saved) {
    text.value = saved;
    setName(store.get(K.name) || '');
    if (store.get(K.run) === 'ok') run(); else note(STRINGS[lang].notRerun);
  } else {
    loadSample(true);
  }
})();
