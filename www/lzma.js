// @ts-check
// Starts the LZMA decoder (www/lzma-worker.js) in a worker of its own for the embedded
// readers (pdf.js, the spreadsheet module), so the page's thread stays free. The decoder's
// source is in the page inert (`#lzma-src`): it is put in a Blob (allowed by the CSP's
// `worker-src blob:`; no eval) the first time a reader is opened, never parsed before.
/* exported lzmaInWorker, lzmaWorkerUrl, embeddedBytes */

/**
 * The bytes of a base64 block the page embeds (`#id`: the sample, pdf.js, the spreadsheet
 * module), decoded.
 * @param {string} id
 * @returns {Uint8Array<ArrayBuffer>}
 */
function embeddedBytes(id) {
  return Uint8Array.from(atob((document.getElementById(id)?.textContent || '').trim()), (c) => c.charCodeAt(0));
}

/** The decoder's worker script (a Blob URL, made on first use and kept: both readers use it;
 *  the PDF browser test tells its worker from pdf.js's by it). */
let lzmaWorkerUrl = '';

/**
 * Decodes in a worker made for it (the page's thread stays free), ended when done: the
 * stream's bytes are handed over, the unpacked bytes come back.
 * @param {Uint8Array} src
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
function lzmaInWorker(src) {
  if (!lzmaWorkerUrl) {
    const code = document.getElementById('lzma-src')?.textContent || '';
    lzmaWorkerUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  }
  return new Promise((resolve, reject) => {
    const w = new Worker(lzmaWorkerUrl);
    w.onmessage = (e) => {
      w.terminate();
      if (e.data instanceof Uint8Array) resolve(/** @type {Uint8Array<ArrayBuffer>} */ (e.data));
      else reject(new Error(String(e.data)));
    };
    w.onerror = (e) => { e.preventDefault(); w.terminate(); reject(new Error(e.message || 'LZMA worker failed')); };
    w.postMessage(src, [src.buffer]);
  });
}
