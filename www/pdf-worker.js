// @ts-nocheck
// The PDF worker's own code: scripts/pdfjs-bundle.mjs puts pdf.js (its worker code, then its
// API as `pdfjsLib`) before this file in one classic worker made from a Blob; pdf.js runs its
// "fake worker" in this same thread. Messages from the page (www/pdf.js):
//   every task is first answered {type: 'started', id} (the page's time limit runs from then)
//   {type: 'open', id, data: ArrayBuffer} → {type: 'items', id, nums, text, lens, pages, ms}
//                                          or {type: 'fail', id, kind: 'password'|'broken'|'pages', detail}
//   {type: 'keep', id}: the open document whose check is shown; the others are closed
//   {type: 'render', id, doc, page, box: [x0, y0, x1, y1] in PDF points, scale}
//                                          → {type: 'bitmap', id, bitmap} or {type: 'fail', id}
/* global pdfjsLib */
(() => {
  'use strict';
  const MAX_PAGES = 5000; // as the core's layout (src/read/pdf MAX_PAGES)
  // open documents by the id of their 'open': the one shown (kept for rendering its pages)
  // and the one being read; a failed read leaves the shown one as it was
  const docs = new Map();
  let kept = 0;
  function closeAllBut(keepIds) {
    for (const [k, d] of docs) if (!keepIds.includes(k)) { docs.delete(k); d.loadingTask.destroy().catch(() => {}); }
  }

  // pdf.js's canvases, here where there is no document: OffscreenCanvas
  class OffscreenCanvasFactory {
    constructor() { /* options unused */ }
    create(width, height) {
      if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
      const canvas = new OffscreenCanvas(width, height);
      return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
    }
    reset(cc, width, height) {
      if (!cc.canvas) throw new Error('Canvas is not specified');
      cc.canvas.width = width;
      cc.canvas.height = height;
    }
    destroy(cc) {
      if (cc.canvas) { cc.canvas.width = 0; cc.canvas.height = 0; }
      cc.canvas = null;
      cc.context = null;
    }
    getNoAlphaContext(canvas) { return canvas.getContext('2d', { alpha: false, willReadFrequently: true }); }
  }

  function kindOf(err) {
    const name = err && err.name;
    if (name === 'PasswordException') return 'password';
    return 'broken';
  }

  async function open(id, data) {
    const t0 = performance.now();
    closeAllBut([kept]);
    const task = pdfjsLib.getDocument({
      data,
      // nothing is fetched: no CMaps, standard fonts or wasm decoders from anywhere
      useWasm: false,
      useWorkerFetch: false,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      disableWorkerRendering: true,
      isOffscreenCanvasSupported: true,
      CanvasFactory: OffscreenCanvasFactory,
      verbosity: 0,
    });
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      task.destroy().catch(() => {});
      self.postMessage({ type: 'fail', id, kind: kindOf(err), detail: String(err && err.message || err) });
      return;
    }
    docs.set(id, doc);
    const n = doc.numPages;
    if (n > MAX_PAGES) { self.postMessage({ type: 'fail', id, kind: 'pages', detail: String(n) }); return; }
    const nums = [];
    const texts = [];
    const lens = [];
    try {
      for (let p = 1; p <= n; p++) {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        for (const it of content.items) {
          if (typeof it.str !== 'string') continue; // marked-content markers
          const tr = it.transform;
          // rotated text (watermarks, vertical labels) is left out, as in the shared items
          if (Math.abs(tr[1]) > 1e-6 || Math.abs(tr[2]) > 1e-6) continue;
          nums.push(p, tr[4], tr[5], it.width, it.height);
          texts.push(it.str);
          lens.push(it.str.length);
        }
        page.cleanup();
      }
    } catch (err) {
      self.postMessage({ type: 'fail', id, kind: 'broken', detail: String(err && err.message || err) });
      return;
    }
    const f = new Float64Array(nums);
    const l = new Uint32Array(lens);
    self.postMessage({ type: 'items', id, nums: f, text: texts.join(''), lens: l, pages: n, ms: performance.now() - t0 }, [f.buffer, l.buffer]);
  }

  async function render(id, docId, pageNo, box, scale) {
    try {
      const doc = docs.get(docId);
      if (!doc) throw new Error('no document');
      const page = await doc.getPage(pageNo);
      // unrotated, as the items' coordinates are (a /Rotate page shows turned, outline and all)
      const viewport = page.getViewport({ scale, rotation: 0 });
      const [ax, ay] = viewport.convertToViewportPoint(box[0], box[1]);
      const [bx, by] = viewport.convertToViewportPoint(box[2], box[3]);
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx)));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by)));
      const w = Math.min(Math.ceil(viewport.width) - x0, Math.ceil(Math.abs(bx - ax)));
      const h = Math.min(Math.ceil(viewport.height) - y0, Math.ceil(Math.abs(by - ay)));
      if (w <= 0 || h <= 0) throw new Error('empty region');
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      await page.render({ canvasContext: ctx, canvas, viewport, transform: [1, 0, 0, 1, -x0, -y0] }).promise;
      const bitmap = canvas.transferToImageBitmap();
      self.postMessage({ type: 'bitmap', id, bitmap }, [bitmap]);
    } catch (err) {
      self.postMessage({ type: 'fail', id, kind: 'render', detail: String(err && err.message || err) });
    }
  }

  self.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'open' || m.type === 'render') self.postMessage({ type: 'started', id: m.id });
    // whatever goes wrong, the page gets an answer
    const failed = (err) => self.postMessage({ type: 'fail', id: m.id, kind: 'broken', detail: String(err && err.message || err) });
    if (m.type === 'open') open(m.id, m.data).catch(failed);
    else if (m.type === 'render') render(m.id, m.doc, m.page, m.box, m.scale).catch(failed);
    else if (m.type === 'keep') { kept = m.id; closeAllBut([kept]); }
  };
})();
