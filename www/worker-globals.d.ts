// What the page's worker has in scope: wasm-bindgen's no-modules glue defines `wasm_bindgen`,
// the init function with the exports as its properties (the contract is the web glue's).
type RecountExports = typeof import('../pkg-web/recount');
declare const wasm_bindgen: ((init: { module_or_path: WebAssembly.Module }) => Promise<unknown>) & RecountExports;
