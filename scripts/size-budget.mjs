// The page's size budget (issue 10, item 6), run after the page build by scripts/test.sh:
// prints what dist/recount.html loads and evaluates at first and the whole single file with
// every reader, both gzip -9, and fails above the budget.
//
// "First load" is everything the page parses, decodes, compiles or runs when it opens: the
// HTML, the CSS, the app and boot scripts, the core's worker (inlined as text, run at once),
// and every base64 block decoded at open (the core's wasm, which that worker compiles; the
// sample). Excluded are the inert payloads,
// the contents of every `<script type="text/plain">`: readers the page neither runs nor
// decodes until a file of their kind is opened (spreadsheets and Word, PDF). Both figures
// are gzip -9 of one stream, printed in bytes and in KB (1024 bytes); the whole file's budget,
// 1.2 MB, is decimal: 1,200,000 bytes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const FIRST_LOAD_MAX = 400 * 1024;
// decimal megabytes (issue 10, point 6): the readers are stored LZMA-compressed since the
// 1.2 × 1024 × 1024 reading was needed (README: The page)
const WHOLE_MAX = 1_200_000;

const file = process.argv[2] || 'dist/recount.html';
const html = readFileSync(file, 'utf8');
const gz = (s) => gzipSync(Buffer.from(s, 'utf8'), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// every inline script block, and whether it is inert (its type attribute quoted either way or not)
const attr = (attrs, name) => {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};
const blocks = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => {
  const type = attr(m[1], 'type') || 'text/javascript';
  const id = attr(m[1], 'id') || '(app)';
  return { id, type, body: m[2], at: m.index + m[0].length - '</script>'.length - m[2].length,
    inert: type.trim().toLowerCase() === 'text/plain' };
});
// the file without the inert payloads (their tags kept, empty)
let firstLoad = '';
let from = 0;
for (const b of blocks.filter((x) => x.inert)) {
  firstLoad += html.slice(from, b.at);
  from = b.at + b.body.length;
}
firstLoad += html.slice(from);

console.log(`${file}: its parts (raw, gzip -9 alone)`);
for (const b of blocks) {
  console.log(`  ${b.inert ? 'inert     ' : 'first load'}  ${b.id.padEnd(14)} ${b.type.padEnd(26)} ${kb(b.body.length).padStart(10)} ${kb(gz(b.body)).padStart(10)}`);
}
const first = gz(firstLoad);
const whole = gz(html);
const bytes = (n) => `${n.toLocaleString('en-US')} bytes`;
const line = (what, n, max) =>
  `${what}: ${bytes(n)} gz = ${kb(n)} (budget ${bytes(max)} = ${kb(max)}; ${n <= max ? `${bytes(max - n)} under` : `OVER by ${bytes(n - max)}`})`;
console.log(line('first load (all but the inert payloads)', first, FIRST_LOAD_MAX));
console.log(line('whole file (every reader)', whole, WHOLE_MAX));
if (first > FIRST_LOAD_MAX || whole > WHOLE_MAX) {
  console.error('size budget exceeded');
  process.exit(1);
}
