// Types shared by the page's concatenated scripts (www/dom-tree.js, www/i18n.js, www/app.js):
// the core's from the contract wasm-bindgen emits (src/wasm.rs → pkg-web/recount.d.ts).
type Page = import('../pkg-web/recount').Page;
type FigView = import('../pkg-web/recount').FigView;
type Block = import('../pkg-web/recount').Block;
type Mark = import('../pkg-web/recount').Mark;
type Entry = import('../pkg-web/recount').Entry;
type CheckDoc = import('../pkg-web/recount').CheckDoc;
type Lang = 'zh' | 'en';
