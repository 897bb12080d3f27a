// Assembles dist/recount.html from www/: the wasm, the worker (no-modules glue + worker.js),
// the sample and the app inlined; the CSP lists the sha256 of each inline script and style.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';
import { pdfjsWorkerSource } from './pdfjs-bundle.mjs';

const read = (p) => readFileSync(p, 'utf8');
const b64 = (buf) => Buffer.from(buf).toString('base64');
// the embedded payloads are gzip streams made by zopfli: 4–5 % smaller than gzip -9, so the
// single file (which gzip cannot shrink further where it holds compressed bytes) is ~45 KB
// gz smaller; the page inflates them with DecompressionStream('gzip') as before
// (no limit on the blocks it splits into: 0.3 KB gz less of the core's wasm, ≈ 2 s more)
const zopfli = (buf, numiterations) => gzipAsync(buf, { numiterations, blocksplittingmax: 0 }).then((b) => Buffer.from(b));
// the inert readers (pdf.js, the spreadsheet module) are LZMA streams instead (xz, which a
// Debian machine has): 15–17 % smaller than zopfli on these two; www/lzma.js decodes them in a
// worker when the first file of their kind is opened. The header's unpacked size, which xz
// leaves unknown, is written in (the decoder wants it; the end marker after it is not read).
// Not for the core's wasm: decoding it in JS (≈ 100–170 ms of CPU, cold V8) would delay
// every page load, where DecompressionStream inflates gzip natively.
const lzma = (buf, options) => {
  let z;
  try {
    z = execFileSync('xz', ['--format=lzma', `--lzma1=${options}`, '--stdout'], { input: buf, maxBuffer: 1 << 28 });
  } catch (e) {
    throw new Error(`the page build needs xz (apt-get install xz-utils): ${e.message}`);
  }
  if (z.length < 18 || z.readUInt32LE(5) !== 0xffffffff || z.readUInt32LE(9) !== 0xffffffff) throw new Error('xz: unexpected .lzma header');
  z.writeUInt32LE(buf.length, 5);
  z.writeUInt32LE(0, 9);
  return z;
};
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const wasm = readFileSync('pkg/recount_bg.opt.wasm');
// the stylesheet and the page's markup without their comments (≈ 0.4 KB gz of the first load)
// comments out, and the whitespace around braces and semicolons, never part of a value
// (≈ 70 bytes gz of the first load, which is at its budget)
const css = read('www/style.css').replace(/\/\*[\s\S]*?\*\/\n?/g, '').replace(/\s*\n\s*/g, ' ').replace(/\s*([{};])\s*/g, '$1');
// lines that are only a `//` comment, and block comments (JSDoc) that take whole lines, are
// left out of the page's scripts (≈ 4 KB gz of the first load each; the sources keep them,
// and tsc reads the sources). A block is taken from a line starting with `/*` to
// the first `*/`, and only when nothing but spaces follows that on its line. Only a template
// literal spans lines in JS source, and a comment's marks inside one would be its text: the
// build stops if any line holds an odd number of backticks (a template literal left open
// across a line).
// JSDoc casts inside a line (`/** @type {Element} */ (x)`: ≈ 0.5 KB gz) go too; no string in
// these scripts holds `/**`.
const uncommented = (s) => {
  const out = s
    .replace(/^[ \t]*\/\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*\n/gm, '')
    .replace(/^[ \t]*\/\/.*\n/gm, '')
    .replace(/\/\*\*(?:(?!\*\/)[^\n])*\*\/ ?/g, '');
  const open = out.split('\n').find((l) => (l.match(/`/g) || []).length % 2 === 1);
  if (open !== undefined) throw new Error(`a template literal spans lines: ${open.trim().slice(0, 80)}`);
  return out;
};
// the scripts the page runs at open are minified (terser: local names shortened, spaces and
// comments gone, expressions compressed): ≈ 4.4 KB gz less of the first load than the
// comment-stripped sources, which is room under the size budget for the core's readings.
// Top-level names are kept (each script is a classic script; the PDF glue and the worker's
// code call across them by name), and so are the sources, which tsc and the tests read.
const minified = async (code) => (await minify(code, { compress: { passes: 2 }, mangle: true, ecma: 2022 })).code ?? code;
const app = await minified(uncommented(['www/dom-tree.js', 'www/i18n.js', 'www/lzma.js', 'www/sheets.js', 'www/app.js'].map(read).join('\n')));
// the PDF glue, inert until the first PDF is opened: app.js runs it as an inline script,
// which the CSP allows by its hash: the page holds its text as it is (a script element's
// text is never escaped), so it must hold no `</script` or `<!--`, which would end it early
const pdfGlue = uncommented(read('www/pdf.js'));
if (/<\/script|<!--/i.test(pdfGlue)) throw new Error('www/pdf.js must not hold </script or <!--');
// the core's worker as text in the page (no base64 to decode), started by www/boot.js
const workerJs = await minified(uncommented(read('pkg/recount.js') + '\n' + read('www/worker.js')));
const boot = await minified(read('www/boot.js'));
const csp = [
  "default-src 'none'",
  `script-src ${sha(boot)} ${sha(app)} ${sha(pdfGlue)} 'wasm-unsafe-eval'`,
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
  // (40 iterations: ≈ 40 bytes gz less than 15, 2 s more)
  WASM: b64(await zopfli(wasm, 40)),
  WORKERJS: workerJs,
  BOOT: boot,
  // a gzip stream made by zopfli, then base64 (the first load 1,205 bytes gz less than with the
  // text as it is, 2026-12-06), in
  // a script element of its own type: neither run nor counted inert by the size budget,
  // inflated at open (www/app.js)
  SAMPLE: b64(await zopfli(readFileSync('samples/2019-xinjiang-government-office-final-accounts.txt'), 40)),
  // the checks' documentation (`recount checks --format json`), inert until an answer is
  // opened (www/app.js parses it then); `<` escaped so that it cannot close its tag
  DOCS: read('pkg/checks.json').trim().replace(/</g, '\\u003c'),
  APP: app,
  PDFGLUE: pdfGlue,
  // inert until a PDF is opened (www/pdf.js decodes it then): LZMA, then base64 (lc=4 suits
  // minified JS: 1.5 KB less than the default)
  PDFJS: b64(lzma(Buffer.from(pdfjsWorkerSource(), 'utf8'), 'preset=9e,lc=4,pb=0')),
  ...(await sheetsParts()),
  // inert until a reader is unpacked (www/lzma.js runs it in a worker of its own)
  LZMA: uncommented(read('www/lzma-worker.js')),
};
// ---- the spreadsheet and Word reader (crates/sheets-wasm, built by build-web.sh): embedded
// inert in <script type="text/plain"> (not run, not decoded at open); www/sheets.js inflates,
// compiles and runs it in its own worker when such a file is opened. The wasm is compressed
// (LZMA) before base64, so it costs about its LZMA size in the file, gzipped or not.
async function sheetsParts() {
  const wasm = readFileSync('pkg-sheets/recount_sheets_bg.opt.wasm');
  const js = read('pkg-sheets/recount_sheets.js') + '\n' + read('www/sheets-worker.js');
  if (/<\/script/i.test(js)) throw new Error('the sheets worker must not close its own tag');
  return { SHEETSWASM: b64(lzma(wasm, 'preset=9e')), SHEETSJS: js };
}
// `</script` would close a tag, `<!--` could change how the rest of it is parsed
if ([app, boot, workerJs, parts.LZMA].some((s) => /<\/script|<!--/i.test(s)) || /<\/style/i.test(css)) throw new Error('inline code must not close its own tag');
const html = read('www/index.html').replace(/<!--[\s\S]*?-->\n?/g, '').replace(/%([A-Z]+)%/g, (m, k) => (k in parts ? parts[k] : m));
writeFileSync('dist/recount.html', html);
copyFileSync('dist/recount.html', 'dist/index.html');
const kb = (n) => (n / 1024).toFixed(1);
console.log(`wasm ${kb(wasm.length)} KB (gzip ${kb(gzipSync(wasm, { level: 9 }).length)} KB); ` +
  `dist/recount.html ${kb(html.length)} KB (gzip ${kb(gzipSync(html, { level: 9 }).length)} KB)`);

// ---- pdf.js: inert text in the page until a PDF is opened (scripts/pdfjs-bundle.mjs); the
// first-load and whole-file figures are scripts/size-budget.mjs's
console.log(`pdf.js worker, LZMA and base64 ${kb(parts.PDFJS.length)} KB (inert until a PDF is opened)`);
