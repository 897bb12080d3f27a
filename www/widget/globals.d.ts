// What scripts/build-widget.mjs puts in scope before www/widget/recount-widget.js: the
// wasm-bindgen web glue (exports stripped), the wasm as base64 and the worker's source.
type TreePage = import('../../pkg-web/recount').TreePage;
declare function __wbg_init(init: { module_or_path: WebAssembly.Module }): Promise<unknown>;
declare const present_tree: typeof import('../../pkg-web/recount').present_tree;
declare const checks: typeof import('../../pkg-web/recount').checks;
declare const WASM_BASE64: string;
declare const WORKER_SRC: string;
type DomPlace = import('../../pkg-web/recount').DomPlace;
