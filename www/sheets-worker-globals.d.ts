// What the spreadsheet worker has in scope: wasm-bindgen's no-modules glue of the second
// module (crates/sheets-wasm, built with --no-typescript), whose one export is read_office.
declare const wasm_bindgen: ((init: { module_or_path: WebAssembly.Module }) => Promise<unknown>) & {
  /** The workbook or Word file as the text the core reads; throws `{zh, en}` when unreadable. */
  read_office(bytes: Uint8Array): string;
};
