// PDFs in the page, in a real headless Chromium, from file:// (the single file): every real
// disclosure in ../shared/pdf/ (skipped with a note when absent) is read by pdf.js and checked
// — no network request, its standard tables found, results shown, the page region of a figure
// rendered — and encrypted, broken and text-less PDFs (made here) get their message in both
// languages while the current document stays. Prints pdf.js's extraction and the check's time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { browser, watch } from './serve.mjs';

const FILE_URL = `file://${resolve('dist/recount.html')}`;
const SHARED = resolve('../shared/pdf');
const PDFS = existsSync(SHARED) ? readdirSync(SHARED).filter((f) => f.endsWith('.pdf')).sort() : [];
const TMP = mkdtempSync(join(tmpdir(), 'recount-pdf-'));

let chrome;
before(async () => { chrome = await browser(); });
after(async () => {
  await chrome?.close();
  rmSync(TMP, { recursive: true, force: true });
});

async function open({ lang = 'zh', query = '', bypassCSP = false } = {}) {
  const context = await chrome.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
  const page = await context.newPage();
  const seen = watch(page);
  seen.workers = [];
  page.on('worker', (w) => seen.workers.push(w.url()));
  await page.goto(FILE_URL + query);
  await page.waitForFunction(() => document.getElementById('progress').hidden && document.getElementById('sum-checked') !== null);
  if (lang === 'en') await page.click('#lang');
  return { context, page, seen };
}

/** Opens a file with the file input and waits until the page is done with it. */
async function openFile(page, path) {
  const name = path.split('/').pop();
  await page.evaluate(() => { document.getElementById('note').textContent = ''; });
  const t0 = Date.now();
  await page.setInputFiles('#file', path);
  // done: a message (not "reading the PDF…"), or the PDF's name with what was read from it
  await page.waitForFunction((n) => document.getElementById('progress').hidden
    && (!/^$|^正在读取 PDF|^Reading the PDF’s/.test(document.getElementById('note').textContent) || document.getElementById('file-name').textContent.includes(n + '（PDF')
      || document.getElementById('file-name').textContent.includes(n + ' (PDF')), name, { timeout: 120000 });
  return Date.now() - t0;
}

const summary = (page) => page.evaluate(() => ({
  checked: Number(document.getElementById('sum-checked').textContent),
  tables: document.getElementById('sum-tables').textContent,
  verdict: document.getElementById('verdict').textContent,
  note: document.getElementById('note').textContent,
  name: document.getElementById('file-name').textContent,
  // eslint-disable-next-line no-undef
  stats: RecountPdf.stats(),
}));

// the standard tables every one of these disclosures has, 决算 and 预算 alike
const CORE = ['收入支出总表', '收入表', '财政拨款收入支出总表', '“三公”经费表'];

test('every real disclosure PDF is read from file://, its standard tables found and checked, with no request', { timeout: 900000 }, async (t) => {
  if (!PDFS.length) { t.diagnostic(`note: ${SHARED} absent, PDF browser test skipped`); console.log(`note: ${SHARED} absent, PDF browser test skipped`); return; }
  const { context, page, seen } = await open();
  // pdf.js is not started until a PDF is opened, and then once: one more worker, for all files
  const workers = seen.workers;
  const atLoad = workers.length;
  assert.equal(new Set(workers).size, 1, 'only the checking worker before a PDF is opened');
  // nor is the page's own PDF glue (www/pdf.js) run: it is in the page inert until then
  assert.equal(await page.evaluate(() => typeof document.getElementById('pdf-glue')?.textContent), 'string', 'the glue is in the page');
  // (a string evaluated in the page's global scope sees its scripts' top-level `const`s)
  assert.equal(await page.evaluate('typeof RecountPdf'), 'undefined', 'the glue is not run before a PDF is opened');
  const rows = [];
  for (const f of PDFS) {
    const ms = await openFile(page, join(SHARED, f));
    const s = await summary(page);
    assert.equal(s.note, '', `${f}: no message`);
    assert.ok(s.stats, `${f}: read as a PDF`);
    // pdf.js in the page gives the items the core's tests are built on (items/NAME.json)
    const json = join(SHARED, 'items', f.replace(/\.pdf$/, '.json'));
    if (existsSync(json)) {
      const stored = JSON.parse(readFileSync(json, 'utf8')).pages.flatMap((p) => p.items.filter((it) => it.length <= 7));
      assert.equal(s.stats.items, stored.length, `${f}: as many items as items/*.json`);
      assert.equal(s.stats.text, stored.map((it) => it[0]).join(''), `${f}: the same texts`);
    }
    for (const k of CORE) assert.ok(s.stats.standard.includes(k), `${f}: ${k} found (found ${s.stats.standard.join(', ')})`);
    const juesuan = /juesuan|testissues/.test(f);
    assert.ok(s.stats.standard.length >= (juesuan ? 6 : 5), `${f}: the standard table set (found ${s.stats.standard.join(', ')})`);
    assert.ok(s.name.includes(`找到标准表 ${s.stats.standard.length} 张`), `${f}: the page says which standard tables it found`);
    const [understood, tables] = s.tables.split('/').map((x) => Number(x.trim()));
    // a blank template's tables are read but hold nothing to understand
    assert.ok(tables >= 8 && understood >= (f.includes('template') ? 0 : 5), `${f}: tables read ${s.tables}`);
    // a blank template has tables and nothing to check; every other one has its relations checked
    if (f.includes('template')) assert.equal(s.checked, 0, `${f}: nothing checked in a blank template`);
    else assert.ok(s.checked >= 100, `${f}: ${s.checked} relations checked`);
    assert.ok(s.verdict.length > 0, `${f}: a verdict`);
    // the document as a document: its pages marked, tables as tables with marks in the cells
    const labels = await page.locator('#doc .pdf-page').count();
    assert.ok(labels >= 5 && labels <= s.stats.pages, `${f}: ${labels} page labels for ${s.stats.pages} pages`);
    await page.evaluate(() => { for (const c of document.querySelectorAll('#doc .chunk')) c.scrollIntoView(); });
    await page.waitForFunction(() => document.querySelectorAll('#doc table').length >= 5);
    if (!f.includes('template')) assert.ok(await page.locator('#doc td .fig').count() > 50, `${f}: figures marked in table cells`);
    rows.push({ f, pages: s.stats.pages, items: s.stats.items, extract: Math.round(s.stats.ms), total: ms, checked: s.checked, standard: s.stats.standard.length });
  }
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith('blob:')), [FILE_URL], 'no request but the page itself');
  assert.deepEqual(seen.errors, []);
  // the checking worker is replaced after each check (same script); pdf.js's is started once
  // (www/lzma.js decodes pdf.js's source in a short-lived worker of its own, before it starts)
  // eslint-disable-next-line no-undef
  const decoder = await page.evaluate(() => lzmaWorkerUrl);
  assert.ok(workers.includes(decoder), 'pdf.js\'s source decoded in a worker');
  const pdfjs = workers.slice(atLoad).filter((u) => u !== workers[0] && u !== decoder);
  assert.equal(pdfjs.length, 1, 'one pdf.js worker for all the PDFs');
  // extraction: pdf.js in its worker; check: the rest, to the document shown (layout, checks, rendering)
  console.log('file                                   pages  items  pdf.js ms  check+show ms  checked  standard');
  for (const r of rows) {
    console.log(`${r.f.padEnd(38)} ${String(r.pages).padStart(5)} ${String(r.items).padStart(6)} ${String(r.extract).padStart(10)} ${String(r.total - r.extract).padStart(14)} ${String(r.checked).padStart(8)} ${String(r.standard).padStart(9)}`);
  }
  await context.close();
});

test('a figure\'s answer shows the page region it was read from, rendered by pdf.js', { timeout: 120000 }, async (t) => {
  const f = 'gbc-good-putuo-czj-2024-juesuan.pdf';
  if (!PDFS.includes(f)) { t.diagnostic('note: ../shared/pdf absent, skipped'); return; }
  const { context, page, seen } = await open();
  await openFile(page, join(SHARED, f));
  // a figure in a table cell: its answer, then the region below it
  await page.evaluate(() => { for (const c of document.querySelectorAll('#doc .chunk')) c.scrollIntoView(); });
  const fig = page.locator('#doc td .fig').nth(10);
  const raw = (await fig.textContent()).trim();
  await fig.click();
  await page.waitForSelector('#answer .pdf-region[data-ready]', { timeout: 30000 });
  const r = await page.evaluate(() => {
    const fig = document.querySelector('#answer .pdf-region');
    const c = fig.querySelector('canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    let red = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 100 && d[i + 1] < 100 && d[i + 2] < 100) ink++;
      if (d[i] > 180 && d[i + 1] < 40 && d[i + 2] < 40) red++;
    }
    return { w: c.width, h: c.height, ink, red, caption: fig.querySelector('figcaption').textContent };
  });
  assert.ok(r.w > 200 && r.h > 20, `a region of the page (${r.w}×${r.h})`);
  assert.ok(r.ink > 200, 'printed text in it');
  assert.ok(r.red > 50, 'the figure outlined');
  assert.match(r.caption, /原文第 \d+ 页/);
  assert.ok(raw.length > 0);
  // in English: the page labels and the region's caption
  await page.click('#lang'); // closes the answer (a click outside it)
  assert.match(await page.locator('#doc .pdf-page').first().textContent(), /^— page \d+ —$/);
  await fig.click();
  await page.waitForSelector('#answer .pdf-region[data-ready]', { timeout: 30000 });
  assert.match(await page.textContent('#answer .pdf-region figcaption'), /^The original, page \d+/);
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith('blob:')), [FILE_URL]);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// ---- PDFs made here: no text layer, damaged, encrypted

/** A PDF of the given objects (object 1 the catalog), with a correct cross-reference table. */
function makePdf(objs, trailer = '') {
  let out = '%PDF-1.4\n';
  const offs = [];
  objs.forEach((o, i) => { offs.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const x = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offs.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${x}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const onePage = (content) => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
];
const hex = (n, k) => Array.from({ length: n }, (_, i) => ((i * 37 + k) & 255).toString(16).padStart(2, '0')).join('');
// a scan: a page with only a drawing on it
const SCAN = makePdf(onePage('0 0 1 rg 100 100 200 200 re f'));
const MADE = {
  'scanned.pdf': [SCAN, /没有可读取的文字（可能是扫描件）/, /no text to read \(a scanned document\?\)/],
  // a header and nothing a reader can rebuild a document from
  'broken.pdf': [Buffer.from(`%PDF-1.7\n${'x'.repeat(300)}\n%%EOF\n`), /文件已损坏、不完整/, /damaged, incomplete/],
  // the standard security handler with a user password (its check value matches no empty password)
  'encrypted.pdf': [makePdf([...onePage('0 0 1 rg 100 100 200 200 re f'), `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 11)}> /U <${hex(32, 5)}> /P -4 >>`],
    `/Encrypt 5 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>] `), /已加密/, /encrypted/],
};
for (const [name, [bytes]] of Object.entries(MADE)) writeFileSync(join(TMP, name), bytes);
// the same scan cut off half way
writeFileSync(join(TMP, 'truncated.pdf'), SCAN.subarray(0, 120));

for (const lang of ['zh', 'en']) {
  test(`an encrypted, a damaged and a text-less PDF get their message (${lang}); the current document stays`, { timeout: 120000 }, async () => {
    const { context, page, seen } = await open({ lang });
    const before = await page.evaluate(() => ({ text: document.getElementById('text').value, chunks: document.querySelectorAll('#doc .chunk').length, verdict: document.getElementById('verdict').textContent, checked: document.getElementById('sum-checked').textContent, name: document.getElementById('file-name').textContent }));
    for (const [name, [, zh, en]] of Object.entries(MADE)) {
      await openFile(page, join(TMP, name));
      const note = await page.textContent('#note');
      assert.match(note, lang === 'zh' ? zh : en, `${name}: ${note}`);
      assert.match(note, lang === 'zh' ? /当前文档保持不变/ : /current document is unchanged/);
      const now = await page.evaluate(() => ({ text: document.getElementById('text').value, chunks: document.querySelectorAll('#doc .chunk').length, verdict: document.getElementById('verdict').textContent, checked: document.getElementById('sum-checked').textContent, name: document.getElementById('file-name').textContent }));
      assert.deepEqual(now, before, `${name}: the current document is kept`);
    }
    // cut off half way: what is left has no page to read
    await openFile(page, join(TMP, 'truncated.pdf'));
    assert.match(await page.textContent('#note'), lang === 'zh' ? /文件已损坏|没有可读取的文字/ : /damaged|no text to read/);
    assert.deepEqual(seen.requests.filter((u) => !u.startsWith('blob:')), [FILE_URL]);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

/** A PDF of `n` pages, a row of figures on each, in a standard font (no font file needed). */
function manyPages(n) {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids = [];
  for (let i = 0; i < n; i++) {
    const a = 100 + i;
    const content = `BT /F1 10 Tf 72 700 Td (Item) Tj 200 0 Td (${a}.50) Tj 100 0 Td (${a + 1}.25) Tj 100 0 Td (${2 * a + 1}.75) Tj ET`;
    kids.push(`${objs.length + 1} 0 R`);
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objs.length + 2} 0 R >>`);
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${n} >>`;
  const path = join(TMP, `pages-${n}.pdf`);
  writeFileSync(path, makePdf(objs));
  return path;
}

test('a 1,000-page PDF is read to the end and checked, without a request or an error', { timeout: 300000 }, async () => {
  const n = 1000;
  const path = manyPages(n);
  const { context, page, seen } = await open();
  const ms = await openFile(page, path);
  const s = await summary(page);
  assert.equal(s.note, '');
  assert.equal(s.stats.pages, n);
  assert.equal(s.stats.items >= 4 * n, true, `${s.stats.items} items`);
  console.log(`1,000 pages: pdf.js ${Math.round(s.stats.ms)} ms, open→shown ${ms} ms, ${s.checked} relations checked`);
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith('blob:')), [FILE_URL]);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('after a PDF, a damaged one leaves the PDF shown and its page regions still render', { timeout: 120000 }, async (t) => {
  const f = 'gbc-x-qzfb-2025-dept-budget.pdf';
  if (!PDFS.includes(f)) { t.diagnostic('note: ../shared/pdf absent, skipped'); return; }
  const { context, page } = await open();
  await openFile(page, join(SHARED, f));
  const shown = await page.textContent('#file-name');
  await openFile(page, join(TMP, 'broken.pdf'));
  assert.match(await page.textContent('#note'), /文件已损坏/);
  assert.equal(await page.textContent('#file-name'), shown);
  await page.evaluate(() => { for (const c of document.querySelectorAll('#doc .chunk')) c.scrollIntoView(); });
  await page.locator('#doc td .fig').nth(3).click();
  await page.waitForSelector('#answer .pdf-region[data-ready]', { timeout: 30000 });
  await context.close();
});

test('a PDF read for longer than the limit is stopped with a message; the next PDF is read', { timeout: 120000 }, async () => {
  // 5,000 pages take pdf.js ≈ 2.5 s or more; a small PDF ≈ 50 ms (the limit runs from when
  // the worker takes the PDF up, so a new worker's start does not count)
  const { context, page, seen } = await open({ query: '?pdflimit=1200' });
  const before = await page.textContent('#file-name');
  await openFile(page, manyPages(5000));
  assert.match(await page.textContent('#note'), /读取此 PDF 用时过长，已停止。当前文档保持不变。/);
  assert.equal(await page.textContent('#file-name'), before, 'the current document stays');
  // a new worker reads the next one (a small one, within the limit)
  await openFile(page, join(TMP, 'scanned.pdf'));
  assert.match(await page.textContent('#note'), /没有可读取的文字/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('axe-core: a PDF shown (page labels, tables running across pages) and a figure\'s page region, no violation', { timeout: 120000 }, async (t) => {
  const f = 'gbc-x-wanli-jd-2024-budget.pdf';
  if (!PDFS.includes(f)) { t.diagnostic('note: ../shared/pdf absent, skipped'); return; }
  // bypassCSP only to inject axe
  const { context, page } = await open({ bypassCSP: true });
  await openFile(page, join(SHARED, f));
  await page.evaluate(() => { for (const c of document.querySelectorAll('#doc .chunk')) c.scrollIntoView(); });
  assert.ok(await page.locator('#doc .pdf-page-row').count() > 0, 'a table runs across pages');
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const audit = () => page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(await audit(), []);
  await page.locator('#doc td .fig').nth(40).click();
  await page.waitForSelector('#answer .pdf-region[data-ready]', { timeout: 30000 });
  assert.deepEqual(await audit(), []);
  await context.close();
});
