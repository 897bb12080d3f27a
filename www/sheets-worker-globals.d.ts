// What the spreadsheet reader's worker has in scope: wasm-bindgen's no-modules glue for
// crates/sheets-wasm defines `wasm_bindgen`, the init function with the module's one export
// as its property. `read_office` throws `{zh, en}` when the file cannot be read.
declare const wasm_bindgen: ((init: { module_or_path: WebAssembly.Module }) => Promise<unknown>) & {
  read_office(bytes: Uint8Array): string;
};
