// @ts-check
// Spreadsheets (.xlsx, .xls) and Word (.docx) in the page. Their reader is a second wasm
// module (crates/sheets-wasm: the command line's own readers, so page and CLI read the same
// tables with the same precision). It is embedded in the single file inert — LZMA (www/lzma.js),
// then base64, in a `<script type="text/plain">` — and only decoded, compiled and run, in a worker
// of its own, when such a file is opened. It turns the file into the text the core checks.
/* exported isOffice, readOffice, cancelOffice, officeReading */

const officeReading = { zh: '正在读取电子表格或 Word 文件…', en: 'Reading the spreadsheet or Word file…' };

/** A zip container (.xlsx, .docx) or an OLE compound file (.xls, a password-protected file),
 *  told by the bytes, as the command line tells it: an "xls" that is an HTML or CSV export
 *  (common on government sites) is read as what it is. */
function isOffice(/** @type {Uint8Array} */ b) {
  const zip = b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  const cfb = b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
  return zip || cfb;
}

/** @typedef {{ text: string } | { error: { zh: string, en: string } } | { cancelled: true }} OfficeRead */

/** Ends the read under way, if any (it resolves `{cancelled}`). */
function cancelOffice() {
  officeCancel();
}
/** @type {() => void} */
let officeCancel = () => {};

/** Reads a spreadsheet or Word file into text; at most one read at a time (a new one ends the
 *  old, which resolves `{cancelled}`). Never rejects. */
const readOffice = (() => {
  const LIMIT_MS = 60000;
  const M = {
    trap: (/** @type {string} */ why) => ({
      zh: `无法读取此文件（读取器已停止：${why}）。文件可能过大或已损坏；当前文本未改动。`,
      en: `cannot read this file (the reader stopped: ${why}). It may be too large or damaged; the current text is unchanged.`,
    }),
    timedOut: (/** @type {number} */ s) => ({
      zh: `读取此文件超过 ${s} 秒，已停止；当前文本未改动。`,
      en: `reading this file took over ${s} s and was stopped; the current text is unchanged.`,
    }),
    unavailable: (/** @type {string} */ why) => ({
      zh: `此页面无法载入电子表格与 Word 读取器（${why}）。`,
      en: `this page cannot load its spreadsheet and Word reader (${why}).`,
    }),
  };
  /** @type {Promise<{module: WebAssembly.Module, url: string}> | null} */
  let loaded = null;
  /** @type {(() => void) | null} */
  let cancelCurrent = null;
  let generation = 0; // a read started before the last cancel is dropped, even mid-load
  officeCancel = () => { generation += 1; if (cancelCurrent) cancelCurrent(); };

  /** Decodes, inflates and compiles the embedded module: once, on the first file. */
  function load() {
    if (!loaded) {
      loaded = (async () => {
        const el = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
        const module = await WebAssembly.compile(await lzmaInWorker(embeddedBytes('sheets-wasm')));
        const url = URL.createObjectURL(new Blob([el('sheets-js').textContent || ''], { type: 'text/javascript' }));
        return { module, url };
      })();
      loaded.catch(() => { loaded = null; });
    }
    return loaded;
  }

  return async function readOffice(/** @type {Uint8Array} */ bytes) {
    officeCancel();
    const gen = generation;
    /** @type {{module: WebAssembly.Module, url: string}} */
    let m;
    try {
      m = await load();
    } catch (e) {
      return /** @type {OfficeRead} */ ({ error: M.unavailable(String(e)) });
    }
    if (gen !== generation) return /** @type {OfficeRead} */ ({ cancelled: true });
    return new Promise((resolve) => {
      const w = new Worker(m.url);
      const end = (/** @type {OfficeRead} */ r) => {
        clearTimeout(timer);
        w.terminate();
        if (cancelCurrent === cancel) cancelCurrent = null;
        resolve(r);
      };
      const cancel = () => end({ cancelled: true });
      cancelCurrent = cancel;
      const timer = setTimeout(() => end({ error: M.timedOut(LIMIT_MS / 1000) }), LIMIT_MS);
      w.onmessage = (e) => {
        const d = e.data;
        end(typeof d.text === 'string' ? { text: d.text } : { error: d.error || M.trap(d.trap) });
      };
      w.onerror = (e) => { e.preventDefault(); end({ error: M.trap(e.message || 'error') }); };
      const copy = bytes.slice();
      w.postMessage({ module: m.module, bytes: copy }, [copy.buffer]);
    });
  };
})();
