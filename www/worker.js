// The page's worker: wasm-bindgen's no-modules glue (which defines `wasm_bindgen`) is
// prepended to this file in a Blob, so it runs as a classic worker from file:// too.
/* global wasm_bindgen */
let ready = null;
self.onmessage = async (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    ready = wasm_bindgen({ module_or_path: msg.wasm });
    return;
  }
  if (msg.type === 'docs') {
    await ready;
    self.postMessage({ type: 'docs', docs: wasm_bindgen.checks() });
    return;
  }
  if (msg.type === 'check') {
    try {
      await ready;
      const report = wasm_bindgen.check(msg.text);
      self.postMessage({ type: 'report', id: msg.id, report });
    } catch (err) {
      const error = err && err.zh ? err : { zh: `无法核对：${err}`, en: `cannot check: ${err}` };
      self.postMessage({ type: 'error', id: msg.id, error });
    }
  }
};
