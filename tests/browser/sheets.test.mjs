// Spreadsheets and Word in the page (issue 10, items 5–6), from file://: their reader is a
// second wasm module, embedded inert and loaded only when such a file is opened; the tables it
// reads are checked with the same relations as `recount check FILE --format json`; nothing
// goes over the network; a broken or hostile file gets a message and the current text stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { serve, browser, watch } from './serve.mjs';

const FILE_URL = `file://${resolve('dist/recount.html')}`;
const GENERATED = resolve('../shared/pdf/generated');
const dir = mkdtempSync(join(tmpdir(), 'recount-sheets-'));

let chrome;
before(async () => { chrome = await browser(); });
after(async () => {
  await chrome?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Runs before the page's own scripts: records what is base64-decoded (atob input lengths),
// what is compiled (wasm byte lengths) and how many workers start, so the test can tell when
// the spreadsheet module is touched without any hook in the page.
function spy() {
  const log = { atob: [], compiled: [], workers: 0 };
  // @ts-ignore
  window.__spy = log;
  const atob0 = window.atob;
  window.atob = function (s) { log.atob.push(String(s).length); return atob0.call(window, s); };
  const compile0 = WebAssembly.compile;
  WebAssembly.compile = function (b) { log.compiled.push(b.byteLength); return compile0.call(WebAssembly, b); };
  const Worker0 = window.Worker;
  window.Worker = class extends Worker0 { constructor(...a) { super(...a); log.workers += 1; } };
}

async function open(url = FILE_URL) {
  const context = await chrome.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(spy);
  const seen = watch(page);
  await page.goto(url);
  await checked(page);
  return { context, page, seen };
}

/** Waits for the report of the current text. */
async function checked(page) {
  await page.waitForFunction(() => document.getElementById('progress').hidden
    && document.getElementById('sum-checked') !== null, null, { timeout: 60000 });
}

/** Opens a file through the page's file input and waits for its report (or its message). */
async function openFile(page, path) {
  await page.evaluate(() => { document.getElementById('summary').replaceChildren(); });
  await page.setInputFiles('#file', path);
  await checked(page);
}

/** The page's report, as its JSON export gives it. */
async function exported(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  return JSON.parse(readFileSync(await dl.path(), 'utf8'));
}

/** The command line's report on the same file. */
function native(path) {
  const r = spawnSync('cargo', ['run', '--quiet', '--bin', 'recount', '--', 'check', path, '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, `recount check ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Each relation as the same line in both reports: rule, verdict, figure, where, and what a
 *  failing one should be (the CLI's JSON carries the arithmetic of failures only, and its
 *  figure is [raw, line, start, end]). */
const relations = (report) => report.checks
  .map((e) => [e.rule, e.status, e.severity, e.reported, e.line, e.column,
    Array.isArray(e.figure) ? e.figure[0] : e.figure.raw, e.status === 'fail' ? e.expected : ''].join('|'))
  .sort();

/** The lengths of the inert spreadsheet payload and of the compiled modules so far. */
const state = (page) => page.evaluate(() => ({
  payload: (document.getElementById('sheets-wasm').textContent || '').trim().length,
  // @ts-ignore
  spy: window.__spy,
}));

// ---- a small .xlsx made here: a zip (stored entries) of the few parts a workbook needs
function crc32(buf) {
  let c = ~0;
  for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
  return ~c >>> 0;
}
function zip(files, { deflate = false } = {}) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflate ? deflateRawSync(data) : data;
    const n = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(deflate ? 8 : 0, 8);
    head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(deflate ? 8 : 0, 10);
    cd.writeUInt32LE(crc32(data), 16); cd.writeUInt32LE(packed.length, 20); cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(n.length, 28); cd.writeUInt32LE(offset, 42);
    locals.push(head, n, packed);
    central.push(cd, n);
    offset += 30 + n.length + packed.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cdBuf.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

/** A one-sheet workbook; `cells` is [ref, value, style?][] (strings inline, numbers as numbers),
 *  or `rows` the sheet's XML rows as they are; `extra` more parts. */
function xlsx(cells, { deflate = false, rows = null, extra = {} } = {}) {
  const cell = ([ref, v, s]) => (typeof v === 'number'
    ? `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
  const byRow = new Map();
  for (const c of cells) {
    const r = Number(/\d+/.exec(c[0])[0]);
    byRow.set(r, (byRow.get(r) || '') + cell(c));
  }
  const sheet = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + (rows ?? [...byRow].map(([r, cs]) => `<row r="${r}">${cs}</row>`).join('')) + '</sheetData></worksheet>';
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="收入支出表" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    // style 1: #,##0.00 (built-in 4); style 2: 0.0% (a custom format)
    'xl/styles.xml': '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="4" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': sheet,
    ...extra,
  }, { deflate });
}

/** tests/fixtures/office/budget.xls with its one NUMBER record moved to row 65535, column 255. */
function farXls() {
  const b = Buffer.from(readFileSync('tests/fixtures/office/budget.xls'));
  const at = b.indexOf(Buffer.from([0x03, 0x02, 0x0e, 0x00]));
  assert.ok(at > 0, 'budget.xls holds a NUMBER record');
  b.writeUInt16LE(65535, at + 4);
  b.writeUInt16LE(255, at + 6);
  return b;
}

// 合计 40.75 ≠ 10.50 + 20.25; the amounts print with two decimals (#,##0.00), the shares with one (0.0%)
const SMALL = [
  ['A1', '项目'], ['B1', '金额'], ['C1', '占比'],
  ['A2', '甲'], ['B2', 10.5, 1], ['C2', 0.3415, 2],
  ['A3', '乙'], ['B3', 20.25, 1], ['C3', 0.6585, 2],
  ['A4', '合计'], ['B4', 40.75, 1], ['C4', 1, 2],
];

test('the spreadsheet module is not touched until a spreadsheet is opened; then it is, once', async () => {
  const { context, page, seen } = await open();
  const before = await state(page);
  assert.ok(before.payload > 100000, 'the reader is embedded in the single file');
  assert.ok(!before.spy.atob.includes(before.payload), 'its payload is not even decoded at open');
  // the core's module is compiled in its worker (www/worker.js), not here: nothing on the page
  assert.equal(before.spy.compiled.length, 0, 'no module is compiled on the page at open');
  const workers = before.spy.workers;
  const path = join(dir, 'small.xlsx');
  writeFileSync(path, xlsx(SMALL));
  let t0 = Date.now();
  await openFile(page, path);
  const first = Date.now() - t0;
  const after1 = await state(page);
  assert.ok(after1.spy.atob.includes(before.payload), 'decoded when the spreadsheet is opened');
  assert.equal(after1.spy.compiled.length, 1, 'and compiled');
  assert.ok(after1.spy.workers > workers, 'in a worker of its own');
  t0 = Date.now();
  await openFile(page, path);
  console.log(`a small workbook opened and checked: ${first} ms the first time (the module inflated and compiled), ${Date.now() - t0} ms the second`);
  assert.equal((await state(page)).spy.compiled.length, 1, 'compiled once, not per file');
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')), [FILE_URL], 'no network request');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a spreadsheet made here: its table read with the precision of its formats and checked as the CLI checks it', async () => {
  const { context, page, seen } = await open();
  const path = join(dir, 'small-deflated.xlsx');
  writeFileSync(path, xlsx(SMALL, { deflate: true }));
  await openFile(page, path);
  const value = await page.inputValue('#text');
  assert.match(value, /甲\t10\.50\t34\.2%/, 'figures as their formats print them');
  assert.match(value, /合计\t40\.75\t100\.0%/, 'a custom format (0.0%) too');
  assert.match(await page.textContent('#file-name'), /small-deflated\.xlsx/);
  assert.ok(await page.locator('#doc table').count() >= 1, 'shown as a table');
  const mine = await exported(page);
  const cli = native(path);
  assert.deepEqual(relations(mine), relations(cli), 'the same relations, verdicts and places as the CLI');
  assert.ok(mine.checks.some((e) => e.status === 'fail' && e.reported === '40.75'), 'the wrong total fails');
  // dropped on the input box, as a file from the desktop
  await page.fill('#text', 'x');
  await page.evaluate(() => { document.getElementById('summary').replaceChildren(); });
  const b64 = readFileSync(path).toString('base64');
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.xlsx'));
    document.getElementById('text').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, b64);
  await checked(page);
  assert.equal(await page.inputValue('#text'), value, 'a dropped workbook reads the same');
  assert.match(await page.textContent('#file-name'), /dropped\.xlsx/);
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')), [FILE_URL]);
  await context.close();
});

for (const name of ['test.xlsx', 'test.xls', 'test.docx']) {
  test(`../shared/pdf/generated/${name} is read and checked as the CLI checks it`, async (t) => {
    const path = join(GENERATED, name);
    if (!existsSync(path)) { t.diagnostic(`note: ${path} absent, skipped`); console.log(`note: ${path} absent, skipped`); return; }
    const { context, page, seen } = await open();
    await openFile(page, path);
    assert.match(await page.textContent('#file-name'), new RegExp(name.replace('.', '\\.')));
    const mine = await exported(page);
    const cli = native(path);
    assert.ok(cli.checks.length > 0, 'the CLI finds relations in it');
    assert.deepEqual(relations(mine), relations(cli), 'the same relations, verdicts and places as the CLI');
    const counts = (s) => Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v === 'number'));
    assert.deepEqual(counts(mine.summary), counts(cli.summary), 'the same counts');
    assert.ok(await page.locator('#doc table').count() >= 1, 'its tables shown as tables');
    if (name === 'test.xls') assert.match(await page.inputValue('#text'), /\.xls 文件不含数字格式/, 'the text says where precision came from');
    assert.deepEqual(seen.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')), [FILE_URL]);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test('an "xls" that is an HTML table (as government sites export them) is read as HTML, as the CLI reads it', async () => {
  const { context, page } = await open();
  const path = join(dir, 'export.xls');
  writeFileSync(path, '<html><body><table><tr><td>项目</td><td>金额</td></tr><tr><td>甲</td><td>10.5</td></tr>'
    + '<tr><td>乙</td><td>20.25</td></tr><tr><td>合计</td><td>40.75</td></tr></table></body></html>');
  await openFile(page, path);
  const mine = await exported(page);
  assert.ok(mine.checks.some((e) => e.status === 'fail' && e.reported === '40.75'), 'its table is checked');
  assert.deepEqual(relations(mine).map((r) => r.split('|').slice(0, 4).join('|')),
    relations(native(path)).map((r) => r.split('|').slice(0, 4).join('|')), 'the same relations and verdicts as the CLI');
  assert.equal((await state(page)).spy.compiled.length, 0, 'the spreadsheet module is not loaded for it');
  await context.close();
});

test('a file opened while a spreadsheet is still being read takes its place; the late reader is ended', async () => {
  const { context, page } = await open();
  const slow = join(dir, 'slow.xls');
  writeFileSync(slow, farXls());
  const txt = join(dir, 'later.txt');
  writeFileSync(txt, '项目\t金额\t\n甲\t1\t\n乙\t2\t\n合计\t3\t\n');
  await page.setInputFiles('#file', slow);
  await page.waitForFunction(() => /正在读取/.test(document.getElementById('note').textContent || ''));
  await openFile(page, txt);
  await page.waitForTimeout(3000);
  assert.equal(await page.inputValue('#text'), readFileSync(txt, 'utf8'));
  assert.match(await page.textContent('#file-name'), /later\.txt/);
  assert.doesNotMatch(await page.textContent('#note'), /单元格|无法读取/, 'no late message from the dropped read');
  await context.close();
});

test('served over http, the same: the module loads from the page itself, no other request', async () => {
  const server = await serve('dist');
  try {
    const { context, page, seen } = await open(`${server.url}/index.html`);
    const path = join(dir, 'small-http.xlsx');
    writeFileSync(path, xlsx(SMALL));
    await openFile(page, path);
    assert.match(await page.inputValue('#text'), /合计\t40\.75\t100\.0%/);
    assert.equal((await state(page)).spy.compiled.length, 1);
    assert.deepEqual(seen.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')), [`${server.url}/index.html`]);
    assert.deepEqual(seen.errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('broken and hostile files: a message in both languages, the current text kept, the page alive', async () => {
  const { context, page } = await open();
  const good = xlsx(SMALL);
  // [bytes, what the message says]
  const cases = {
    'truncated.xlsx': [good.subarray(0, Math.floor(good.length / 2)), /已损坏/],
    'not-a-workbook.docx': [zip({ 'hello.txt': 'hello' }), /已损坏/],
    'password.xlsx': [readFileSync('tests/fixtures/office/password.xlsx'), /密码/],
    // two cells 17 billion slots apart: refused before calamine lays the rectangle out
    'huge-range.xlsx': [xlsx([['A1', 1], ['XFD1048576', 2]]), /单元格/],
    // 1.1 million cells from ~60 KB (24 MB of sheet XML once inflated)
    'bomb.xlsx': [xlsx([], { deflate: true, rows: `<row r="1">${'<c r="A1"><v>1</v></c>'.repeat(1100000)}</row>` }), /单元格/],
    // an .xls whose one number sits at the last row and column (65536 × 256 slots): calamine
    // lays out the rectangle before the reader can look (≈ 0.5 GB), then the reader refuses it
    'far.xls': [farXls(), /单元格/],
    // 150 MB of shared strings from ~150 KB: refused by the parts' sizes before any is read
    'strings-bomb.xlsx': [xlsx(SMALL, { deflate: true, extra: {
      'xl/sharedStrings.xml': Buffer.concat([Buffer.from('<sst><si><t>'), Buffer.alloc(150 * 1024 * 1024, 0x61), Buffer.from('</t></si></sst>')]),
    } }), /解压后过大/],
  };
  const before = await page.inputValue('#text');
  for (const [name, [bytes, says]] of Object.entries(cases)) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    await page.evaluate(() => { document.getElementById('note').textContent = ''; });
    await page.setInputFiles('#file', path);
    await page.waitForFunction(() => {
      const n = document.getElementById('note').textContent || '';
      return n && !/正在读取/.test(n);
    }, null, { timeout: 60000 });
    const zh = await page.textContent('#note');
    assert.match(zh, says, `${name}: a message in Chinese (${zh})`);
    assert.equal(await page.inputValue('#text'), before, `${name}: the current text is kept`);
  }
  // in English too
  await page.click('#lang');
  const path = join(dir, 'truncated.xlsx');
  await page.evaluate(() => { document.getElementById('note').textContent = ''; });
  await page.setInputFiles('#file', path);
  await page.waitForFunction(() => /spreadsheet|Word|cannot|damaged/i.test(document.getElementById('note').textContent || ''), null, { timeout: 60000 });
  // the page still checks
  await page.fill('#text', '项目\t金额\t\n甲\t1\t\n乙\t2\t\n合计\t3\t\n');
  await page.evaluate(() => { document.getElementById('summary').replaceChildren(); });
  await page.click('#run');
  await checked(page);
  assert.ok(Number(await page.textContent('#sum-checked')) >= 1);
  await context.close();
});
