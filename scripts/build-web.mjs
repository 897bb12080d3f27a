// Assembles dist/recount.html from www/: the wasm, the worker (no-modules glue + worker.js),
// the sample and the app inlined; the CSP lists the sha256 of each inline script and style.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { pdfjsWorkerSource } from './pdfjs-bundle.mjs';

const read = (p) => readFileSync(p, 'utf8');
const b64 = (buf) => Buffer.from(buf).toString('base64');
// the embedded payloads are gzip streams made by zopfli: 4–5 % smaller than gzip -9, so the
// single file (which gzip cannot shrink further where it holds compressed bytes) is ~45 KB
// gz smaller; the page inflates them with DecompressionStream('gzip') as before
const zopfli = (buf, numiterations) => gzipAsync(buf, { numiterations }).then((b) => Buffer.from(b));
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const wasm = readFileSync('pkg/recount_bg.opt.wasm');
const css = read('www/style.css');
const app = ['www/dom-tree.js', 'www/i18n.js', 'www/pdf.js', 'www/sheets.js', 'www/app.js'].map(read).join('\n');
const csp = [
  "default-src 'none'",
  `script-src ${sha(app)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  'worker-src blob:',
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const parts = {
  CSP: csp,
  CSS: css,
  // gzipped before base64 (www/app.js inflates it): ~70 KB gz less than base64 of the wasm
  WASM: b64(await zopfli(wasm, 15)),
  GLUE: b64(readFileSync('pkg/recount.js')),
  WORKER: b64(readFileSync('www/worker.js')),
  SAMPLE: b64(readFileSync('samples/2019-xinjiang-government-office-final-accounts.txt')),
  APP: app,
  // inert until a PDF is opened (www/pdf.js inflates it then): gzip, then base64
  PDFJS: b64(await zopfli(Buffer.from(pdfjsWorkerSource(), 'utf8'), 5)),
  ...(await sheetsParts()),
};
// ---- the spreadsheet and Word reader (crates/sheets-wasm, built by build-web.sh): embedded
// inert in <script type="text/plain"> (not run, not decoded at open); www/sheets.js inflates,
// compiles and runs it in its own worker when such a file is opened. The wasm is gzipped
// before base64, so it costs about its gzip size in the file, gzipped or not.
async function sheetsParts() {
  const wasm = readFileSync('pkg-sheets/recount_sheets_bg.opt.wasm');
  const js = read('pkg-sheets/recount_sheets.js') + '\n' + read('www/sheets-worker.js');
  if (/<\/script/i.test(js)) throw new Error('the sheets worker must not close its own tag');
  return { SHEETSWASM: b64(await zopfli(wasm, 15)), SHEETSJS: js };
}
if (/<\/script/i.test(app) || /<\/style/i.test(css)) throw new Error('inline code must not close its own tag');
const html = read('www/index.html').replace(/%([A-Z]+)%/g, (m, k) => (k in parts ? parts[k] : m));
writeFileSync('dist/recount.html', html);
copyFileSync('dist/recount.html', 'dist/index.html');
const kb = (n) => (n / 1024).toFixed(1);
console.log(`wasm ${kb(wasm.length)} KB (gzip ${kb(gzipSync(wasm, { level: 9 }).length)} KB); ` +
  `dist/recount.html ${kb(html.length)} KB (gzip ${kb(gzipSync(html, { level: 9 }).length)} KB)`);

// ---- pdf.js: inert text in the page until a PDF is opened (scripts/pdfjs-bundle.mjs); the
// first-load and whole-file figures are scripts/size-budget.mjs's
console.log(`pdf.js worker, gzipped and base64 ${kb(parts.PDFJS.length)} KB (inert until a PDF is opened)`);
