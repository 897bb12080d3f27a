// @ts-check
// The page's worker: wasm-bindgen's no-modules glue (which defines `wasm_bindgen`) is
// prepended to this file in a Blob, so it runs as a classic worker from file:// too. The
// first worker compiles the module itself, from the page's embedded gzip stream (base64), as
// soon as it starts — nothing of it waits on the page's thread, which is busy laying out the
// page meanwhile — and posts the module back; a later worker is given that module. A worker
// that trapped is replaced, not reused.
/* global wasm_bindgen */
/** @type {(v: unknown) => void} */
let init = () => {};
// checks posted before the module arrives wait for it
const ready = new Promise((ok) => { init = ok; });
// a large page goes out in parts, so the page never takes in one huge message at once
const PART_ITEMS = 2000;
const PART_CHARS = 200000;
// a figure's answers and an entry run to a kilobyte or two of words each: fewer a part, so
// taking one in stays short on the page's thread
const PART_ANSWERS = 250;
// a step's JSON up to this many characters goes to the page as it is, parsed there (a few ms):
// cheaper than parsing it here and cloning the objects across (the sample's first step is
// ≈ 225,000 characters); a larger one is parsed here and sent in parts
const DIRECT_CHARS = 1000000;

/** @param {string} key @param {any[]} items @param {number} id */
function sendParts(key, items, id) {
  let from = 0;
  let chars = 0;
  const most = key === 'blocks' ? PART_ITEMS : PART_ANSWERS;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    chars += it && typeof it.text === 'string' ? it.text.length : it && it.rows ? it.rows.length * 40 : 80;
    if (i - from + 1 >= most || chars >= PART_CHARS || i === items.length - 1) {
      self.postMessage({ type: 'part', id, [key]: items.slice(from, i + 1) });
      from = i + 1;
      chars = 0;
    }
  }
}

// where a check's time goes, sent with the first step's page for the browser test to print:
// moments on the worker's clock made absolute (performance.timeOrigin + now()) — the module
// received, instantiated, the check taken up, the core's first step returned, its JSON parsed — and
// the core's own durations of that step (read, check, present, json: ms)
/** @type {Record<string, number>} */
const times = {};
const stamp = (/** @type {string} */ k) => { times[k] = performance.timeOrigin + performance.now(); };

/** The core's module from the page's base64 of its gzip stream: inflated and compiled as
 *  the bytes come (compileStreaming over DecompressionStream). @param {string} b64 */
function compile(b64) {
  const from = /** @type {any} */ (Uint8Array).fromBase64;
  let gz;
  if (typeof from === 'function') gz = /** @type {Uint8Array} */ (from(b64));
  else {
    const bin = atob(b64);
    gz = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
  }
  const wasm = new Blob([/** @type {BlobPart} */ (gz)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return WebAssembly.compileStreaming(new Response(wasm, { headers: { 'content-type': 'application/wasm' } }));
}

self.onmessage = async (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    stamp('received');
    /** @type {Promise<WebAssembly.Module>} */
    const module = msg.module ? Promise.resolve(msg.module) : compile(msg.gz).then((m) => {
      stamp('compiled');
      // the page keeps it for the workers after this one (and marks when it was ready)
      self.postMessage({ type: 'module', module: m, compiled: times.compiled });
      return m;
    });
    init(module.then((m) => wasm_bindgen({ module_or_path: m })).then((x) => { stamp('instantiated'); return x; }));
    return;
  }
  if (msg.type === 'tree') {
    // a DOM walked by the page (www/dom-tree.js), read by the core's HTML reader
    try {
      await ready;
      self.postMessage({ type: 'text', text: wasm_bindgen.tree_text(msg.ops, msg.data) });
    } catch (x) {
      const err = /** @type {any} */ (x);
      const error = err && err.zh ? err : { zh: `无法读取：${err}`, en: `cannot read: ${err}` };
      self.postMessage({ type: 'text', error });
    }
    return;
  }
  if (msg.type === 'check' || msg.type === 'pdf') {
    try {
      await ready;
      stamp('taken');
      if (msg.type === 'check') {
        // two steps (src/wasm.rs presentInSteps): the page to show at once, then the
        // answers of the figures that hold and every entry, while the first is on screen
        let step = 0;
        wasm_bindgen.presentInSteps(msg.text, (/** @type {string} */ json) => {
          step += 1;
          if (step === 1) {
            stamp('first');
            // the core's own split of its first step: read, check, present, JSON (ms)
            const [read, check, present, json_] = wasm_bindgen.firstStepTimes();
            Object.assign(times, { read, check, present, json: json_ });
            if (json.length <= DIRECT_CHARS) {
              self.postMessage({ type: 'page', id: msg.id, json, times });
              self.postMessage({ type: 'shown', id: msg.id });
              return;
            }
            /** @type {import('../pkg-web/recount').Page} */
            const page = JSON.parse(json);
            stamp('parsed');
            const { blocks, figures } = page;
            page.blocks = [];
            page.figures = [];
            self.postMessage({ type: 'page', id: msg.id, page, times });
            sendParts('blocks', blocks, msg.id);
            sendParts('figures', figures, msg.id);
            self.postMessage({ type: 'shown', id: msg.id });
          } else {
            if (json.length <= DIRECT_CHARS) {
              self.postMessage({ type: 'done', id: msg.id, json });
              return;
            }
            /** @type {import('../pkg-web/recount').PageRest} */
            const rest = JSON.parse(json);
            sendParts('figures', rest.figures, msg.id);
            sendParts('checks', rest.checks, msg.id);
            self.postMessage({ type: 'done', id: msg.id });
          }
        });
        return;
      }
      // a PDF comes as pdf.js's items in typed arrays (www/pdf.js)
      // @ts-ignore
      const page = wasm_bindgen.presentItems(msg.nums, msg.text, msg.lens);
      const { blocks, figures } = page;
      const checks = page.report.checks;
      page.blocks = [];
      page.figures = [];
      page.report.checks = [];
      self.postMessage({ type: 'page', id: msg.id, page });
      sendParts('blocks', blocks, msg.id);
      sendParts('figures', figures, msg.id);
      sendParts('checks', checks, msg.id);
      self.postMessage({ type: 'done', id: msg.id });
    } catch (x) {
      const err = /** @type {any} */ (x);
      // anything but the core's own "input unusable" leaves the instance in doubt: replace it
      const trap = !(err && err.zh);
      const error = err && err.zh ? err : { zh: `无法核对：${err}`, en: `cannot check: ${err}` };
      self.postMessage({ type: 'error', id: msg.id, error, trap });
    }
  }
};
