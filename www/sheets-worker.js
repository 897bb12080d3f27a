// The spreadsheet and Word reader's worker (the page's second module, crates/sheets-wasm):
// wasm-bindgen's no-modules glue for that module is prepended to this file in a Blob, as for
// the core's worker. One file per worker: the page ends it when the answer comes back, when
// it takes too long, or when another file is opened.
/* global wasm_bindgen */
self.onmessage = async (e) => {
  const { module, bytes } = e.data;
  try {
    // @ts-ignore: defined by the glue
    await wasm_bindgen({ module_or_path: module });
    // @ts-ignore
    self.postMessage({ text: wasm_bindgen.read_office(bytes) });
  } catch (err) {
    // the reader's own "cannot be read" ({zh, en}), or a trap (out of memory, a bug)
    const e2 = /** @type {any} */ (err);
    self.postMessage(e2 && e2.zh ? { error: { zh: e2.zh, en: e2.en } } : { trap: String(err) });
  }
};
