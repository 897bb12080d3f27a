// The portal widget in a real headless Chromium: marks in place, layout untouched, DOM
// restored, late content checked, quiet on pages without figures, nothing leaves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { setup, watch } from './serve.mjs';

const env = setup();

const DEMO = readFileSync('dist/embed-demo.html', 'utf8');
const WITHOUT_WIDGET = DEMO.replace(/<script type="module" src="recount-widget.js"><\/script>/, '')
  .replace(/<recount-check[^>]*><\/recount-check>/, '');

/** Opens `html` served as `name` from the dist server, so the widget script resolves. */
async function open(html, name = 'page.html') {
  const page = await env.chrome.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  await page.route(`${env.server.url}/${name}`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`${env.server.url}/${name}`);
  return { page, seen };
}

async function settled(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('recount-check');
    const s = el && el.shadowRoot.querySelector('.status').textContent;
    return s && !/正在|Checking/.test(s);
  }, null, { timeout: 20000 });
  return page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.status').textContent);
}

const marks = (page) => page.evaluate(() =>
  [...document.querySelectorAll('recount-mark')].map((m) => ({ text: m.textContent, state: m.dataset.state })));

test('the demo page: errors found in place, correct figures hold, details on click', async () => {
  const { page, seen } = await open(DEMO, 'embed-demo.html');
  const status = await settled(page);
  assert.match(status, /核对 \d+ 处：\d+ 处不成立/);
  const m = await marks(page);
  assert.ok(m.some((x) => x.text === '18%' && x.state === 'fail'), 'the 降低 18% claim fails');
  assert.ok(m.some((x) => x.text === '40.75%' && x.state === 'pass'), '40.75% holds');
  assert.ok(m.some((x) => x.text === '12,011' && x.state !== 'fail'), '12,011 holds by rounding');
  const ratesFail = await page.evaluate(() => [...document.querySelectorAll('#t1 recount-mark')]
    .some((x) => x.textContent === '39.77%'));
  if (ratesFail) {
    assert.ok(m.some((x) => x.text === '39.77%' && x.state === 'fail'), '39.77% in 附表1 fails');
  }
  // the arithmetic, on click and from the keyboard
  await page.locator('recount-mark', { hasText: /^18%$/ }).first().click();
  const details = await page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.details').innerText);
  assert.match(details, /2576\.77 ÷ \(14209\.74 \+ 2576\.77\)/);
  assert.match(details, /15(\.35)?%/);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'RECOUNT-MARK');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.details').hidden), false);
  mkdirSync('test-results', { recursive: true });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/widget-demo.png' });
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests.map((u) => new URL(u).pathname).sort(), ['/embed-demo.html', '/recount-widget.js']);
  await page.close();
});

test('layout and styles of the host are the same with and without the widget', async () => {
  const probe = () => [...document.querySelectorAll('h1, #t1, #t3, article p, nav.main a, footer.site')].slice(0, 40)
    .map((el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return [el.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height), cs.fontSize, cs.color, cs.fontFamily].join(' ');
    });
  const plain = await open(WITHOUT_WIDGET, 'plain.html');
  const without = await plain.page.evaluate(probe);
  const article = await plain.page.evaluate(() => document.getElementById('disclosure').innerHTML);
  await plain.page.close();
  const { page } = await open(DEMO, 'embed-demo.html');
  await settled(page);
  assert.ok((await marks(page)).length > 20);
  assert.deepEqual(await page.evaluate(probe), without);
  // marks off: the article is exactly as published
  await page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.toggle').click());
  assert.equal(await page.evaluate(() => document.querySelectorAll('recount-mark').length), 0);
  assert.equal(await page.evaluate(() => document.getElementById('disclosure').innerHTML), article);
  // marks on, then the widget removed: the same
  await page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.toggle').click());
  assert.ok(await page.evaluate(() => document.querySelectorAll('recount-mark').length) > 20);
  await page.evaluate(() => document.querySelector('recount-check').remove());
  assert.equal(await page.evaluate(() => document.getElementById('disclosure').innerHTML), article);
  await page.close();
});

test('a table added after load is checked', async () => {
  const { page } = await open(DEMO, 'embed-demo.html');
  await settled(page);
  await page.evaluate(() => {
    const t = document.createElement('table');
    t.id = 'late';
    t.innerHTML = '<tr><th>项目</th><th>金额</th></tr><tr><td>甲</td><td>10.5</td></tr>'
      + '<tr><td>乙</td><td>20.25</td></tr><tr><td>合计</td><td>40.75</td></tr>';
    document.getElementById('disclosure').append(t);
  });
  await page.waitForFunction(() => {
    const m = document.querySelector('#late recount-mark');
    return m && m.dataset.state === 'fail' && m.textContent === '40.75';
  }, null, { timeout: 10000 });
  await page.close();
});

test('a page without figures stays quiet, in the page language, and adds no globals', async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
    <script>window.__before = Object.keys(window);</script>
    <script type="module" src="recount-widget.js"></script></head>
    <body><main><h1>Opening hours</h1><p>Monday to Friday, mornings only.</p></main>
    <recount-check all></recount-check></body></html>`;
  const { page, seen } = await open(html);
  const status = await settled(page);
  assert.equal(status, 'No figures to check on this page');
  assert.equal(await page.evaluate(() => document.querySelectorAll('recount-mark').length), 0);
  const added = await page.evaluate(() => Object.keys(window).filter((k) => !window.__before.includes(k) && k !== '__before'));
  assert.deepEqual(added, []);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests.map((u) => new URL(u).pathname).sort(), ['/page.html', '/recount-widget.js']);
  await page.close();
});

test('the panel has no serious or critical accessibility issue', async () => {
  const { page } = await open(DEMO, 'embed-demo.html');
  await settled(page);
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  await page.locator('recount-mark', { hasText: /^18%$/ }).first().click();
  const details = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .flatMap((v) => v.nodes.map((n) => ({ id: v.id, target: JSON.stringify(n.target) })))
      .filter((n) => /recount-/.test(n.target));
  });
  assert.deepEqual(details, []);
  await page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.list-btn').click());
  const list = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .flatMap((v) => v.nodes.map((n) => ({ id: v.id, target: JSON.stringify(n.target) })))
      .filter((n) => /recount-/.test(n.target));
  });
  assert.deepEqual(list, []);
  await page.close();
});
