// One HTML reader: the CLI reading HTML source, the page reading pasted HTML (parsed by the
// browser, its nodes walked, read by the core) and the widget reading the live DOM must find
// the same relations with the same verdicts — the table logic exists once, in src/read/html.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { setup, watch, pasteHtml } from './serve.mjs';

const env = setup();

// merged header cells (rowspan, colspan), a caption, an entity, bold, a figure split from its
// unit by markup, a failing column and a stated growth rate
const BODY = `<h2>一、收入支出决算总体情况说明</h2>
<p>2023年度收入总计&nbsp;1,250.50万元，与上年相比，增加 120.50 万元，增长 <b>10.66%</b>。</p>
<table border="1">
<caption>附表1 收入决算表</caption>
<tr><th rowspan="2">项目</th><th colspan="3">本年收入</th></tr>
<tr><th>合计</th><th>财政拨款收入</th><th>其他收入</th></tr>
<tr><td>一般公共服务支出</td><td>1,000.00</td><td>900.00</td><td>100.00</td></tr>
<tr><td>教育支出</td><td>250.50</td><td>250.50</td><td>0.00</td></tr>
<tr><td><b>合计</b></td><td>1,250.50</td><td>
  1,160.50</td><td>100.00</td></tr>
</table>`;
const HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某单位2023年度部门决算</title></head><body>${BODY}</body></html>`;

/** A relation as all three report it: rule, verdict, figure, expected value, inputs. */
const key = (/** @type {any} */ e) => {
  const raw = (/** @type {any} */ f) => (Array.isArray(f) ? f[0] : f.raw);
  return [e.rule, e.status, raw(e.figure), e.expected, e.inputs.map(raw).join(' ')].join(' | ');
};

function cli() {
  const dir = mkdtempSync(join(tmpdir(), 'recount-same-'));
  const file = join(dir, 'doc.html');
  writeFileSync(file, HTML);
  let out;
  try {
    out = execFileSync('cargo', ['run', '--quiet', '--bin', 'recount', '--', 'check', file, '--format', 'json', '--full'], { encoding: 'utf8' });
  } catch (e) {
    // exit status 1: errors found, the report is still on stdout
    out = /** @type {any} */ (e).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return JSON.parse(out).checks.map(key).sort();
}

test('the CLI, the page and the widget read one HTML table into the same relations', async (t) => {
  let fromCli;
  try {
    fromCli = cli();
  } catch (e) {
    t.skip(`no CLI to compare with (cargo run failed: ${e})`);
    return;
  }
  assert.ok(fromCli.length >= 5, `the CLI finds the relations: ${fromCli.join('\n')}`);
  assert.ok(fromCli.some((k) => k.includes('fail | 1,160.50')), `the wrong column fails: ${fromCli.join('\n')}`);

  // the page: HTML pasted, parsed by the browser, read by the core from its nodes
  const context = await env.chrome.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${env.server.url}/index.html`);
  await page.waitForFunction(() => document.getElementById('progress').hidden && document.getElementById('sum-checked') !== null);
  await page.evaluate(() => { document.getElementById('summary').replaceChildren(); });
  await page.fill('#text', '');
  await pasteHtml(page, HTML);
  await page.waitForFunction(() => [...document.querySelectorAll('#doc .fig.fail')].some((f) => f.textContent === '1,160.50'), null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('progress').hidden && document.getElementById('sum-checked') !== null);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const fromPage = JSON.parse(readFileSync(await json.path(), 'utf8')).checks.map(key).sort();
  assert.deepEqual(fromPage, fromCli, 'the page reads pasted HTML as the CLI reads the file');
  assert.deepEqual(seen.errors, []);
  await context.close();

  // the widget: the same body, live in a host page, read from its DOM in place
  const host = await env.chrome.newPage();
  const hostSeen = watch(host);
  const hostHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module" src="recount-widget.js"></script></head><body><article id="doc">${BODY}</article>
    <script>window.hostBefore = document.getElementById('doc').innerHTML;</script>
    <recount-check for="doc"></recount-check></body></html>`;
  await host.route(`${env.server.url}/same.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: hostHtml }));
  await host.goto(`${env.server.url}/same.html`);
  // the host's DOM as parsed, before the widget (a module script, run after parsing) marks
  // it: read by the page itself, since the widget may be done before a later look from here
  const before = await host.evaluate(() => /** @type {any} */ (window).hostBefore);
  await host.waitForFunction(() => {
    const w = /** @type {any} */ (document.querySelector('recount-check'));
    return w && w._page && document.querySelectorAll('recount-mark').length > 0;
  }, null, { timeout: 30000 });
  const fromWidget = (await host.evaluate(() => /** @type {any} */ (document.querySelector('recount-check'))._page.report.checks)).map(key).sort();
  assert.deepEqual(fromWidget, fromCli, 'the widget reads the live DOM as the CLI reads the file');
  // every figure is marked in its own text node, even one after a line break inside its cell
  const marked = await host.evaluate(() => [...document.querySelectorAll('recount-mark')].map((m) => [m.textContent, m.dataset.state]));
  assert.ok(marked.some(([t, s]) => t === '1,160.50' && s === 'fail'), JSON.stringify(marked));
  assert.ok(marked.some(([t, s]) => t === '10.66%' && s === 'pass'), `the figure inside <b> is marked: ${JSON.stringify(marked)}`);
  // hiding the marks restores the host's DOM exactly
  await host.evaluate(() => /** @type {any} */ (document.querySelector('recount-check')).toggleMarks());
  assert.equal(await host.evaluate(() => document.getElementById('doc').innerHTML), before);
  assert.deepEqual(hostSeen.errors, []);
  await host.close();
});
