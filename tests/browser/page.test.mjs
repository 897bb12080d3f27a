// The page in a real headless Chromium, over http and from file:// (the single file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, browser, watch } from './serve.mjs';

let server;
let chrome;
before(async () => {
  server = await serve('dist');
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  await server?.close();
});

const FILE_URL = `file://${resolve('dist/recount.html')}`;
const BAD_TOTAL = '项目\t金额\t\n甲\t10.5\t\n乙\t20.25\t\n合计\t40.75\t\n';

async function open(url) {
  const context = await chrome.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const seen = watch(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(url);
  return { context, page, seen, dialogs };
}

/** Waits for the report of the current text: the summary shows and nothing is pending. */
async function checked(page) {
  await page.waitForFunction(() => document.getElementById('progress').hidden
    && document.getElementById('sum-checked') !== null, null, { timeout: 30000 });
  return Number(await page.textContent('#sum-checked'));
}

const marks = (page) => page.evaluate(() =>
  [...document.querySelectorAll('#doc .fig')].map((b) => ({ text: b.textContent, state: b.className.replace('fig ', '') })));

for (const [name, url] of [['http', null], ['file://', FILE_URL]]) {
  test(`the sample is checked on opening (${name})`, async () => {
    const { context, page, seen } = await open(url || `${server.url}/index.html`);
    assert.ok(await checked(page) > 100);
    assert.equal(await page.isVisible('#progress'), false, 'the progress indicator goes away');
    await page.waitForFunction(() => document.querySelectorAll('#doc .fig').length > 100);
    const m = await marks(page);
    assert.ok(m.some((x) => x.text === '18%' && x.state === 'fail'), '降低 18% fails');
    assert.ok(m.some((x) => x.text === '39.77%' && x.state === 'fail'), '39.77% fails');
    const good = m.find((x) => x.text === '40.75%');
    assert.equal(good.state, 'pass');
    await page.click('#doc .fig:text-is("40.75%")');
    const details = await page.textContent('#details');
    assert.match(details, /5,347\.87 ÷ \(18470\.59 − 5,347\.87\)/);
    assert.match(details, /为什么？/, 'the check\'s own documentation is offered');
    assert.equal(await page.isVisible('#details'), true);
    // the failures list jumps to its figure
    await page.click('#failures button >> nth=0');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('fig')), true);
    assert.deepEqual(seen.errors, []);
    const own = seen.requests.filter((u) => !u.startsWith('blob:'));
    if (url) assert.deepEqual(own, [FILE_URL]);
    else assert.deepEqual(own.map((u) => new URL(u).pathname), ['/index.html']);
    if (!url) {
      mkdirSync('test-results', { recursive: true });
      await page.keyboard.press('Escape');
      await page.evaluate(() => { window.scrollTo(0, 0); document.getElementById('doc').scrollTop = 0; });
      await page.click('#doc .fig:text-is("18%")');
      await page.screenshot({ path: 'test-results/page-sample.png', fullPage: true });
    }
    await context.close();
  });
}

test('a pasted document is checked, and survives a reload', async () => {
  const { context, page } = await open(`${server.url}/index.html`);
  await checked(page);
  await page.fill('#text', BAD_TOTAL);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('sum-checked')?.textContent === '1');
  assert.deepEqual(await marks(page), [{ text: '40.75', state: 'fail' }]);
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForFunction(() => document.getElementById('sum-checked')?.textContent === '1');
  assert.equal(await page.inputValue('#text'), BAD_TOTAL);
  await context.close();
});

test('a long list of failures shows 100 at a time', async () => {
  const { context, page } = await open(`${server.url}/index.html`);
  await checked(page);
  const many = Array.from({ length: 250 }, (_, i) => `表${i}\n\n项目\t金额\t\n甲\t1.00\t\n乙\t2.00\t\n合计\t4.00\t\n`).join('\n说明。\n\n');
  await page.fill('#text', many);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('sum-failed')?.textContent === '250');
  assert.equal(await page.locator('#failures li').count(), 101);
  await page.click('#more-failures');
  assert.equal(await page.locator('#failures li').count(), 201);
  await context.close();
});

test('pasted HTML keeps its tables and runs nothing', async () => {
  const { context, page, dialogs } = await open(`${server.url}/index.html`);
  await checked(page);
  await page.fill('#text', '');
  const html = '<p>说明<img src=x onerror="alert(1)"><script>alert(2)</script></p>'
    + '<table><tr><th rowspan="2">项目</th><th>金额</th></tr><tr><th>万元</th></tr>'
    + '<tr><td>甲</td><td>10.5</td></tr><tr><td>乙</td><td>20.25</td></tr><tr><td>合计</td><td>40.75</td></tr></table>';
  await page.evaluate((h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', 'plain');
    document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await page.waitForFunction(() => document.querySelector('#doc .fig.fail')?.textContent === '40.75');
  assert.match(await page.inputValue('#text'), /合计\t40\.75/);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, #doc script').length), 0);
  await context.close();
});

test('opening files: csv and html, names shown as text; exports read back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recount-files-'));
  const evil = join(dir, '<img src=x onerror=alert(1)>.csv');
  writeFileSync(evil, '项目,金额\n甲,10.5\n乙,"20.25"\n合计,40.75\n');
  const { context, page, dialogs } = await open(`${server.url}/index.html`);
  await checked(page);
  await page.setInputFiles('#file', evil);
  await page.waitForFunction(() => document.querySelector('#doc .fig.fail')?.textContent === '40.75');
  assert.match(await page.textContent('#file-name'), /<img src=x onerror=alert\(1\)>\.csv/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  const htmlFile = join(dir, 'table.html');
  writeFileSync(htmlFile, '<html><body><table><tr><td>项目</td><td>金额</td></tr><tr><td>甲</td><td>1</td></tr>'
    + '<tr><td>乙</td><td>2</td></tr><tr><td>合计</td><td>3</td></tr></table><script>alert(3)</script></body></html>');
  await page.setInputFiles('#file', htmlFile);
  await page.waitForFunction(() => document.querySelector('#doc .fig')?.textContent === '3'
    && document.querySelector('#doc .fig').className.includes('pass'));
  assert.deepEqual(dialogs, []);
  // exports
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(report.summary.checked, 1);
  assert.equal(report.checks[0].reported, '3');
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = readFileSync(await csvDl.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffrule,status,severity,line,column,reported'), csv.slice(0, 60));
  assert.match(csv, /\r\ntotal-row,pass,info,\d+,\d+,3,3,/);
  await context.close();
});

test('a 20 MB paste keeps the page responsive and the text', async () => {
  const { context, page } = await open(`${server.url}/index.html`);
  await checked(page);
  const stats = await page.evaluate(async () => {
    const block = '情况说明：本单位严格执行预算，加强内部控制，规范支出管理，提高资金使用效益。'.repeat(60);
    const claim = '本年收入 100 万元，与上年相比，增加 10 万元，增长 11.11%。\n\n';
    const parts = [];
    let size = 0;
    while (size < 20 * 1000 * 1000) { parts.push(block, '\n\n', claim); size += block.length * 3 + 60; }
    const big = parts.join('');
    const gaps = [];
    let last = performance.now();
    const probe = setInterval(() => { const now = performance.now(); gaps.push(now - last); last = now; }, 20);
    const t0 = performance.now();
    const ta = document.getElementById('text');
    // a user's Ctrl+V: the page receives the clipboard's text in a paste event
    const dt = new DataTransfer();
    dt.setData('text/plain', big);
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    await new Promise((ok) => {
      const wait = () => (document.getElementById('progress').hidden ? ok() : setTimeout(wait, 50));
      wait();
    });
    await new Promise((ok) => setTimeout(ok, 1500)); // rendering continues in slices
    clearInterval(probe);
    return {
      chars: big.length,
      claims: parts.length / 3,
      held: ta.placeholder,
      ms: performance.now() - t0,
      maxGap: Math.max(...gaps),
      checked: Number(document.getElementById('sum-checked').textContent),
    };
  });
  console.log(`20 MB paste: ${stats.chars} chars, checked ${stats.checked} relations in ${Math.round(stats.ms)} ms, longest main-thread gap ${Math.round(stats.maxGap)} ms`);
  // every claim of the whole text was checked (each also repeats the one before): nothing was lost
  assert.ok(stats.checked >= stats.claims, `${stats.checked} relations for ${stats.claims} claims`);
  assert.match(stats.held, /MB/);
  assert.ok(stats.maxGap < 1000, `main thread blocked for ${Math.round(stats.maxGap)} ms`);
  await context.close();
});

test('input over the limit is refused with a message, the text kept', async () => {
  const { context, page } = await open(`${server.url}/index.html`);
  await checked(page);
  const note = await page.evaluate(() => {
    const ta = document.getElementById('text');
    ta.value = 'x'.repeat(21 * 1024 * 1024);
    document.getElementById('run').click();
    return document.getElementById('note').textContent;
  });
  assert.match(note, /上限为 20 MB/);
  assert.equal(await page.evaluate(() => document.getElementById('text').value.length), 21 * 1024 * 1024);
  await context.close();
});

test('English switch, keyboard use, and no serious accessibility issue', async () => {
  const context = await chrome.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/index.html`);
  await checked(page);
  await page.click('#lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#run'), 'Check');
  // keyboard: focusing a figure shows its arithmetic
  await page.focus('#doc .fig:text-is("18%")');
  assert.equal(await page.isVisible('#details'), true);
  assert.match(await page.textContent('#details'), /likely|divided/i);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#details'), false);
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const bad = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes.length}`);
  });
  assert.deepEqual(bad, []);
  await context.close();
});
