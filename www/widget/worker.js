// @ts-check
// The widget's worker: a module worker made from a Blob of wasm-bindgen's web glue (exports
// stripped) and this file, so a check never runs on the host page's main thread. The widget
// posts the compiled module, then DOM walks (www/dom-tree.js) that the core reads, checks and
// places; a worker that trapped is replaced by the widget.
/* global __wbg_init, present_tree, checks */
/** @type {(v: unknown) => void} */
let init = () => {};
const ready = new Promise((ok) => { init = ok; });
self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') { init(__wbg_init({ module_or_path: m.module })); return; }
  try {
    await ready;
    const { page, places } = present_tree(m.ops, m.data, m.max);
    self.postMessage({ id: m.id, page, places, docs: m.docs ? checks() : null });
  } catch (x) {
    const err = /** @type {any} */ (x);
    self.postMessage({ id: m.id, error: err && err.zh ? err : { message: String(err && err.message ? err.message : err) }, trap: !(err && err.zh) });
  }
};
