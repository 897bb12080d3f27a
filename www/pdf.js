// @ts-check
// PDF in the page. pdf.js is in the page inert, as LZMA and base64 (`#pdfjs-src`, built by
// scripts/pdfjs-bundle.mjs with www/pdf-worker.js at its end); the first PDF opened decodes
// it and starts it
// as one classic worker made from a Blob (nothing of it is parsed before). Its text items
// come back as typed arrays — five numbers an item (page, x, y, width, height), the texts
// joined, their UTF-16 lengths — and go on to the core's `presentItems` (src/wasm/pdf.rs) as
// they are. A figure's answer can show the page region it was read from, rendered by pdf.js.
// www/app.js calls `RecountPdf`; everything about PDFs that is not the check is here. This
// file is in the page inert (`#pdf-glue`) and run when the first PDF is opened (app.js's
// `loadPdfGlue`): a page that never opens one parses none of it.

// eslint-disable-next-line no-unused-vars
const RecountPdf = (() => {
  'use strict';

  /** @typedef {{ nums: Float64Array, text: string, lens: Uint32Array, pages: number, ms: number, doc: number }} PdfItems */
  /** @typedef {{ zh: string, en: string }} Msg */

  const KEEP = { zh: '当前文档保持不变。', en: 'The current document is unchanged.' };
  /** @type {Record<string, Msg>} */
  const MSG = {
    password: { zh: '此 PDF 已加密（设有打开密码），无法读取：请使用未加密的文件。', en: 'This PDF is encrypted (it needs a password to open) and cannot be read: use an unencrypted file.' },
    broken: { zh: '无法读取此 PDF：文件已损坏、不完整，或不是 PDF。', en: 'This PDF cannot be read: the file is damaged, incomplete, or not a PDF.' },
    scanned: { zh: 'PDF 中没有可读取的文字（可能是扫描件）：请使用带文字层的 PDF，或复制文字后再试。', en: 'The PDF has no text to read (a scanned document?): use a PDF with a text layer, or copy its text.' },
    pages: { zh: 'PDF 页数过多（上限 5000 页），未读取。', en: 'The PDF has too many pages (at most 5,000), so it was not read.' },
    crashed: { zh: 'PDF 读取器出错，未能读取此文件。', en: 'The PDF reader failed on this file.' },
    timedOut: { zh: '读取此 PDF 用时过长，已停止。', en: 'Reading this PDF took too long and was stopped.' },
    reading: { zh: '正在读取 PDF 的文字与表格…', en: 'Reading the PDF’s text and tables…' },
  };

  /** @type {Worker | null} */
  let worker = null;
  let seq = 0;
  /** @type {Map<number, {arm: () => void, ok: (v: any) => void, no: (e: any) => void}>} */
  const waiting = new Map();
  /** The PDF whose check is shown: its items (kept for finding a figure on its page). */
  /** @type {{ items: PdfItems, figPages: Map<number, number>, name: string, pages: number, standard: string[] } | null} */
  let shown = null;

  /** Whether the bytes are a PDF (`%PDF-` near the start, as readers accept it). */
  /** pdf.js's worker source: stored as LZMA and base64 (scripts/build-web.mjs), decoded once
   *  (in a worker: www/lzma.js). */
  /** @type {Promise<string> | null} */
  let source = null;
  function pdfjsSource() {
    if (!source) {
      source = lzmaInWorker(embeddedBytes('pdfjs-src')).then((b) => new TextDecoder('utf-8').decode(b));
      source.catch(() => { source = null; });
    }
    return source;
  }

  /** @returns {Promise<Worker>} */
  async function start() {
    if (worker) return worker;
    const src = await pdfjsSource();
    // another call may have started it while the source was inflated
    if (worker) return worker;
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const w = new Worker(url);
    worker = w;
    w.onmessage = (e) => {
      const m = e.data;
      const p = waiting.get(m.id);
      if (!p) return;
      if (m.type === 'started') { p.arm(); return; }
      waiting.delete(m.id);
      if (m.type === 'fail') p.no({ kind: m.kind, detail: m.detail });
      else p.ok(m);
    };
    // the worker died (out of memory on a hostile file): everyone waiting is told, the next PDF
    // starts a new one
    w.onerror = (e) => {
      e.preventDefault();
      if (w === worker) kill('crashed');
    };
    return w;
  }

  // a PDF whose reading runs longer than this is stopped: the worker is ended (a test may
  // shorten it with ?pdflimit=ms)
  const LIMIT_MS = Number(new URLSearchParams(location.search).get('pdflimit')) || 60000;

  /** Ends the worker: whoever waits is told why; the next PDF starts a new one. */
  function kill(/** @type {string} */ kind) {
    const w = worker;
    worker = null;
    shown = null;
    if (w) w.terminate();
    for (const p of waiting.values()) p.no({ kind });
    waiting.clear();
  }

  /** @returns {Promise<any>} */
  async function ask(/** @type {any} */ msg, /** @type {Transferable[]} */ transfer = []) {
    const w = await start();
    const id = ++seq;
    return new Promise((ok, no) => {
      // the clock runs from when the worker takes the task up (not while pdf.js itself starts)
      let timer = 0;
      const arm = () => { timer = window.setTimeout(() => { if (waiting.has(id) && w === worker) kill('timedOut'); }, LIMIT_MS); };
      waiting.set(id, { arm, ok: (v) => { clearTimeout(timer); ok(v); }, no: (e) => { clearTimeout(timer); no(e); } });
      w.postMessage({ ...msg, id }, transfer);
    });
  }

  /**
   * A PDF's text items; rejects with `{kind}` ('password', 'broken', 'scanned', 'pages',
   * 'crashed'). The PDF stays open in the worker until another one is shown.
   * @returns {Promise<PdfItems>}
   */
  async function extract(/** @type {Uint8Array} */ bytes) {
    const data = bytes.slice().buffer; // the worker takes the copy
    const m = await ask({ type: 'open', data }, [data]);
    if (!m.text.trim()) throw { kind: 'scanned' };
    return { nums: m.nums, text: m.text, lens: m.lens, pages: m.pages, ms: m.ms, doc: m.id };
  }

  /** The failure's message in both languages, saying the current document is kept. */
  function message(/** @type {any} */ err, /** @type {Lang} */ lang, /** @type {boolean} */ kept) {
    const m = (err && MSG[err.kind]) || (err && err.zh ? err : MSG.broken);
    return kept ? `${m[lang]}${lang === 'zh' ? '' : ' '}${KEEP[lang]}` : m[lang];
  }

  /**
   * A checked PDF is shown (or, with nulls, a text): keep its items and the page of each
   * figure; the worker keeps only it open.
   * @param {PdfItems | null} items @param {any} pdf the page's `pdf` part @param {string} name
   */
  function showing(items, pdf, name) {
    if (!items || !pdf) { shown = null; return; }
    const fp = pdf.figure_pages;
    const figPages = new Map();
    for (let i = 0; i + 1 < fp.length; i += 2) figPages.set(fp[i], fp[i + 1]);
    shown = { items, figPages, name, pages: pdf.pages, standard: pdf.standard };
    if (worker) worker.postMessage({ type: 'keep', id: items.doc });
  }

  /** How long pdf.js took to read the PDF shown, its pages and items (for tests and benchmarks). */
  function stats() {
    return shown ? { ms: shown.items.ms, pages: shown.pages, items: shown.items.lens.length, text: shown.items.text, standard: shown.standard } : null;
  }

  /** What was read from the PDF shown, after its name: pages and the standard tables found. */
  function info(/** @type {string} */ name, /** @type {Lang} */ lang) {
    if (!shown || shown.name !== name) return '';
    const n = shown.standard.length;
    const list = [...new Set(shown.standard)].join(lang === 'zh' ? '、' : ', ');
    return lang === 'zh'
      ? `（PDF，${shown.pages} 页；找到标准表 ${n} 张${n ? `：${list}` : ''}）`
      : ` (PDF, ${shown.pages} pages; ${n} standard table${n === 1 ? '' : 's'} found${n ? `: ${list}` : ''})`;
  }

  /** @type {number[]} the page each block begins on (0: not known), from the last `pageStarts` */
  let blockPages = [];

  /** The page of a table row or a block: that of its first figure whose page is known. */
  function pageOf(/** @type {Mark[]} */ marks) {
    if (!shown) return 0;
    for (const m of marks) { const p = shown.figPages.get(m.start); if (p) return p; }
    return 0;
  }

  /** The blocks that begin a new page (index → page), for the page labels. */
  function pageStarts(/** @type {Block[]} */ blocks) {
    /** @type {Map<number, number>} */
    const out = new Map();
    blockPages = [];
    if (!shown) return out;
    let last = 0;
    blocks.forEach((b, i) => {
      const page = pageOf(b.kind === 'table' ? b.rows.flatMap((r) => r.flatMap((c) => c.marks)) : b.marks);
      if (page && page !== last) out.set(i, page);
      blockPages.push(page || last);
      // a table running onto later pages ends on the page of its last row
      if (b.kind === 'table') for (const r of b.rows) last = pageOf(r.flatMap((c) => c.marks)) || last;
      else last = page || last;
    });
    return out;
  }

  /** A table that runs onto another page gets a label row where that page begins. */
  function tablePages(/** @type {HTMLElement} */ el, /** @type {Block} */ b, /** @type {number} */ index, /** @type {Lang} */ lang) {
    if (!shown || b.kind !== 'table') return;
    let last = blockPages[index] || 0;
    const trs = el.querySelectorAll('tr');
    const cols = b.rows.length ? b.rows[0].reduce((n, c) => n + c.colspan, 0) : 1;
    b.rows.forEach((r, i) => {
      const page = pageOf(r.flatMap((c) => c.marks));
      const tr = trs[i];
      if (page && last && page !== last && tr && tr.parentElement) {
        const row = document.createElement('tr');
        row.className = 'pdf-page-row';
        const td = document.createElement('td');
        td.colSpan = Math.max(1, cols);
        td.append(pageLabel(page, lang));
        row.append(td);
        tr.parentElement.insertBefore(row, tr);
      }
      if (page) last = page;
    });
  }

  const pageWords = (/** @type {number} */ page, /** @type {Lang} */ lang) => (lang === 'zh' ? `— 第 ${page} 页 —` : `— page ${page} —`);
  function pageLabel(/** @type {number} */ page, /** @type {Lang} */ lang) {
    const p = document.createElement('p');
    p.className = 'pdf-page';
    p.dataset.page = String(page);
    p.textContent = pageWords(page, lang);
    return p;
  }
  /** The page labels already shown, in the language just chosen. */
  function relabel(/** @type {Lang} */ lang) {
    for (const el of document.querySelectorAll('#doc .pdf-page')) {
      const p = /** @type {HTMLElement} */ (el);
      p.textContent = pageWords(Number(p.dataset.page), lang);
    }
  }

  const norm = (/** @type {string} */ s) => s.replace(/\s+/g, '');

  /**
   * Where a figure is on its page: the item that holds it, told from others holding the same
   * figure by what else its line holds (the row's other cells, or the words before it) and
   * then by its order along the line. PDF points, y upwards.
   * @param {number} page @param {string} raw @param {string[]} context @param {number} nth
   */
  function locate(page, raw, context, nth) {
    if (!shown) return null;
    const { nums, text, lens } = shown.items;
    /** @type {{x: number, y: number, w: number, h: number, s: string}[]} */
    const onPage = [];
    let at = 0;
    for (let i = 0; i < lens.length; i++) {
      const s = text.slice(at, at + lens[i]);
      at += lens[i];
      if (nums[i * 5] !== page || !(nums[i * 5 + 4] > 0) || !s.trim()) continue;
      onPage.push({ x: nums[i * 5 + 1], y: nums[i * 5 + 2], w: nums[i * 5 + 3], h: nums[i * 5 + 4], s: norm(s) });
    }
    const want = norm(raw);
    const hits = onPage.filter((it) => it.s.includes(want));
    if (!hits.length) return null;
    const ctx = context.map(norm).filter((c) => c && c !== want).slice(0, 16);
    const score = (/** @type {typeof onPage[0]} */ c) => {
      const line = onPage.filter((o) => Math.abs(o.y - c.y) <= 1.2 * Math.max(c.h, o.h));
      const joined = line.map((o) => o.s).join('');
      return ctx.reduce((n, t) => n + (joined.includes(t) ? 1 : 0), 0);
    };
    const scored = hits.map((c) => ({ c, n: score(c) }));
    const best = Math.max(...scored.map((s) => s.n));
    const top = scored.filter((s) => s.n === best).map((s) => s.c).sort((a, b) => (Math.abs(a.y - b.y) > 2 ? b.y - a.y : a.x - b.x));
    const c = top[Math.min(nth, top.length - 1)];
    const line = onPage.filter((o) => Math.abs(o.y - c.y) <= 1.2 * Math.max(c.h, o.h));
    const x0 = Math.min(...line.map((o) => o.x));
    const x1 = Math.max(...line.map((o) => o.x + o.w));
    return { fig: { x0: c.x, x1: c.x + c.w, y0: c.y - 0.25 * c.h, y1: c.y + c.h }, line: { x0, x1 } };
  }

  /**
   * The page region a figure was read from, rendered by pdf.js, with the figure outlined;
   * null when it is not a PDF's or cannot be found.
   * @param {number} start @param {string} raw @param {HTMLElement | null} el @param {Lang} lang
   */
  function region(start, raw, el, lang) {
    if (!shown || !worker) return null;
    const page = shown.figPages.get(start);
    if (!page) return null;
    // what else the figure's row (or sentence) holds, and which of its equals it is
    /** @type {string[]} */
    let context = [];
    let nth = 0;
    const row = el && el.closest('tr');
    if (row) {
      context = [...row.children].map((c) => c.textContent || '');
      const same = [...row.querySelectorAll('[data-start]')].filter((m) => norm(m.textContent || '') === norm(raw));
      nth = Math.max(0, same.indexOf(/** @type {Element} */ (el)));
    } else if (el && el.parentElement) {
      const t = el.parentElement.textContent || '';
      const before = t.slice(0, t.indexOf(el.textContent || '')).slice(-12);
      context = before.match(/[\u4e00-\u9fff]{2,4}/g) || [];
    }
    const where = locate(page, raw, context, nth);
    if (!where) return null;
    const h = where.fig.y1 - where.fig.y0;
    // the figure's line, at most ~360 pt of it (legible in the answer), the figure to the right
    const x0 = Math.max(0, Math.max(where.line.x0, where.fig.x1 - 300) - 6);
    const x1 = Math.max(where.fig.x1, Math.min(where.line.x1, x0 + 360)) + 6;
    const box = [x0, where.fig.y0 - 1.6 * h, x1, where.fig.y1 + 1.6 * h];
    const scale = 2;
    const fig = document.createElement('figure');
    fig.className = 'pdf-region';
    const cap = document.createElement('figcaption');
    cap.textContent = lang === 'zh' ? `原文第 ${page} 页（PDF 原样）` : `The original, page ${page} (as the PDF prints it)`;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', lang === 'zh' ? `PDF 第 ${page} 页中 ${raw} 所在的位置` : `Where ${raw} is on page ${page} of the PDF`);
    fig.append(cap, canvas);
    ask({ type: 'render', doc: shown.items.doc, page, box, scale }).then((m) => {
      /** @type {ImageBitmap} */
      const bmp = m.bitmap;
      canvas.width = bmp.width;
      canvas.height = bmp.height;
      const g = canvas.getContext('2d');
      if (!g) return;
      g.drawImage(bmp, 0, 0);
      bmp.close();
      // the figure, outlined (box[3] is the region's top, y upwards)
      g.strokeStyle = '#c00';
      g.lineWidth = 2;
      g.strokeRect((where.fig.x0 - Math.floor(box[0] * scale) / scale) * scale - 3, (box[3] - where.fig.y1) * scale - 3,
        (where.fig.x1 - where.fig.x0) * scale + 6, h * scale + 6);
      fig.dataset.ready = '1';
    }, (err) => { fig.remove(); console.warn('recount: the page region was not rendered', err && err.detail); });
    return fig;
  }

  return { extract, message, showing, info, stats, pageStarts, tablePages, pageLabel, relabel, region, MSG };
})();
