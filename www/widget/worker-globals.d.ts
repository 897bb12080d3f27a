// What the widget's worker has in scope: the wasm-bindgen web glue, exports stripped.
declare function __wbg_init(init: { module_or_path: WebAssembly.Module }): Promise<unknown>;
declare const present_tree: typeof import('../../pkg-web/recount').present_tree;
declare const checks: typeof import('../../pkg-web/recount').checks;
