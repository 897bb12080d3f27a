// The widget's worker: a module worker made from a Blob of wasm-bindgen's web glue (exports
// stripped) and this file, so a check never runs on the host page's main thread. The widget
// posts the compiled module; a worker that trapped is replaced by the widget.
/* global __wbg_init, present, checks */
const ready = new Promise((ok) => { self.__init = ok; });
self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') { self.__init(__wbg_init({ module_or_path: m.module })); return; }
  try {
    await ready;
    const page = present(m.text);
    self.postMessage({ id: m.id, page, docs: m.docs ? checks() : null });
  } catch (err) {
    self.postMessage({ id: m.id, error: err && err.zh ? err : { message: String(err && err.message ? err.message : err) }, trap: !(err && err.zh) });
  }
};
