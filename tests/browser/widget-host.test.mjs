// The widget on hosts that are not its friends: two instances on a page, a CSS reset, a
// framework re-rendering marked text, contenteditable, Trusted Types, a CSP without
// 'wasm-unsafe-eval', links on figures, a phone inside a fixed-width portal, file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { setup, watch, SHOTS } from './serve.mjs';

const env = setup();

const TABLE = (id, total) => `<table id="${id}"><tr><th>项目</th><th>金额</th></tr><tr><td>甲</td><td>10.5</td></tr>`
  + `<tr><td>乙</td><td>20.25</td></tr><tr><td>合计</td><td>${total}</td></tr></table>`;
const HOST = (body, head = '') => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title>
  <link rel="icon" href="data:,">${head}<script type="module" src="recount-widget.js"></script></head>
  <body><main>${body}</main></body></html>`;

async function open(html, { viewport = { width: 1280, height: 900 }, headers = {}, bypassCSP = false, init = null } = {}) {
  const context = await env.chrome.newContext({ viewport, bypassCSP });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const seen = watch(page);
  await page.route(`${env.server.url}/host.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html, headers }));
  await page.goto(`${env.server.url}/host.html`);
  return { context, page, seen };
}

/** The shared badge's status, once every instance has a result. */
async function settled(page) {
  await page.waitForFunction(() => {
    const s = [...document.querySelectorAll('recount-check')].map((e) => e.shadowRoot.querySelector('.status').textContent).join('');
    return s && !/正在|Checking/.test(s);
  }, null, { timeout: 20000 });
  return page.evaluate(() => [...document.querySelectorAll('recount-check')].map((e) => e.shadowRoot.querySelector('.status').textContent).join(''));
}

/** Records the shared badge's text each time the widget draws it (the element's class is
 * wrapped as it is defined, before any instance exists). */
const recordBadge = () => {
  const define = customElements.define.bind(customElements);
  customElements.define = (name, cls, options) => {
    if (name === 'recount-check') {
      const draw = cls.prototype._renderBadge;
      cls.prototype._renderBadge = function () {
        draw.call(this);
        if (!this._badge.hidden) (window.badgeTexts ||= []).push(this._status.textContent);
      };
    }
    return define(name, cls, options);
  };
};

const marks = (page, sel = '') => page.evaluate((s) => [...document.querySelectorAll(`${s} recount-mark`)]
  .map((m) => ({ text: m.textContent, state: m.dataset.state })), sel);

test('two widgets on one page: one badge for both, panels above it, unique names, one tab stop each, no axe violation', async () => {
  const { context, page, seen } = await open(HOST(`<h1>两张表</h1><section id="a"><h2>表一</h2>${TABLE('t1', '40.75')}</section>
    <section id="b"><h2>表二</h2>${TABLE('t2', '30.75')}</section>
    <recount-check for="a"></recount-check><recount-check for="b"></recount-check>`), { bypassCSP: true, init: recordBadge });
  const status = await settled(page);
  assert.match(status, /核对 2 处：1 处不成立/, 'the badge counts both instances');
  // the first instance's result alone is never shown as the page's while the second checks
  const shown = await page.evaluate(() => /** @type {any} */ (window).badgeTexts);
  assert.ok(shown.length >= 2, `the badge was drawn as each instance finished: ${shown}`);
  for (const s of shown) assert.match(s, /^(正在核对…|核对 2 处：1 处不成立)$/, `the badge read ${JSON.stringify(s)} on the way`);
  const badges = await page.evaluate(() => [...document.querySelectorAll('recount-check')]
    .map((e) => !e.shadowRoot.querySelector('.badge').hidden));
  assert.deepEqual(badges, [true, false], 'one badge');
  assert.equal(page.workers().length, 1, 'both instances check in one worker, off the host\'s main thread');
  assert.deepEqual(await marks(page, '#a'), [{ text: '40.75', state: 'fail' }]);
  assert.deepEqual(await marks(page, '#b'), [{ text: '30.75', state: 'pass' }]);
  // the list names which part each failure is in, and opens it
  await page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.list-btn').click());
  const item = await page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.failures a').textContent);
  assert.match(item, /40\.75 应为 30\.75/);
  assert.match(item, /第 1 处（共 2 处）/);
  // the second instance's answer sits above the shared badge
  await page.click('#b recount-mark');
  const [panel, badge] = await page.evaluate(() => {
    const [one, two] = document.querySelectorAll('recount-check');
    const p = two.shadowRoot.querySelector('.details');
    const b = one.shadowRoot.querySelector('.badge');
    return [p.hidden ? null : p.getBoundingClientRect().toJSON(), b.getBoundingClientRect().toJSON()];
  });
  assert.ok(panel, 'the answer is open');
  assert.ok(panel.bottom <= badge.top, 'the panel does not cover the badge');
  const top = await page.evaluate(() => {
    const close = document.querySelectorAll('recount-check')[1].shadowRoot.querySelector('.details .close');
    const r = close.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit === document.querySelectorAll('recount-check')[1];
  });
  assert.ok(top, 'its Close button is not covered');
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const v = await page.evaluate(async () => (await window.axe.run(document)).violations.map((x) => `${x.id} (${x.impact})`));
  assert.deepEqual(v, []);
  await page.keyboard.press('Escape');
  // keyboard: each widget's marks are one tab stop
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('recount-mark')].filter((m) => m.tabIndex === 0).length), 2);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a host reset (*{outline:0}, all: unset) does not hide the marks or the focus ring', async () => {
  const { context, page } = await open(HOST(`<article id="x">${TABLE('t', '40.75')}<p>本年收入 14209.74 万元，与上年相比，减少 2576.77 万元，降低 18%。</p></article>
    <recount-check for="x"></recount-check>`, '<style>*{outline:0!important;text-decoration:none!important} recount-mark, span{all:unset}</style>'));
  await settled(page);
  const outlines = await page.evaluate(() => [...document.querySelectorAll('recount-mark')].map((m) => {
    const box = m.shadowRoot.querySelector('.box');
    const cs = getComputedStyle(box);
    return `${m.textContent} ${cs.outlineStyle} ${cs.outlineWidth}`;
  }));
  assert.ok(outlines.length >= 2);
  for (const o of outlines) assert.doesNotMatch(o, / none | 0px$/, o);
  await page.focus('recount-mark[data-state="fail"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement.shadowRoot.querySelector('.box')).outlineWidth);
  assert.equal(ring, '3px', 'the focus ring shows');
  await page.screenshot({ path: `${SHOTS}/widget-reset-host.png` });
  await context.close();
});

test('host updates and user edits of marked text are never undone', async () => {
  const { context, page } = await open(HOST(`<div id="x" contenteditable="true">${TABLE('t', '40.75')}
    <p id="p">本年收入 14209.74 万元，与上年相比，减少 2576.77 万元，降低 18%。</p></div>
    <recount-check for="x"></recount-check>`));
  await settled(page);
  // a framework re-renders the text node that holds a mark: it writes into the pieces it kept
  await page.evaluate(() => {
    const m = [...document.querySelectorAll('#p recount-mark')].find((x) => x.textContent === '18%');
    m.firstChild.data = '15%';
  });
  await page.waitForFunction(() => ![...document.querySelectorAll('#p recount-mark')].some((m) => m.textContent === '18%'), null, { timeout: 10000 });
  await page.waitForTimeout(800);
  assert.match(await page.textContent('#p'), /降低 15%。/, 'the host\'s new figure stays');
  assert.doesNotMatch(await page.textContent('#p'), /18%/);
  // a user types into a marked cell
  await page.click('#t recount-mark');
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  await page.waitForTimeout(1200);
  assert.match(await page.textContent('#t'), /40\.750/, 'the typed digit stays');
  // marks off: no mark left, and the text is what host and user wrote
  await page.evaluate(() => document.querySelector('recount-check').shadowRoot.querySelector('.toggle').click());
  assert.equal(await page.evaluate(() => document.querySelectorAll('recount-mark').length), 0);
  assert.match(await page.textContent('#x'), /40\.750[\s\S]*降低 15%。/);
  await context.close();
});

test('Trusted Types hosts work; a link on a figure still goes where it points', async () => {
  const { context, page, seen } = await open(HOST(`<article id="x"><p>本年收入 14209.74 万元，与上年相比，减少 2576.77 万元，`
    + `降低 <a href="#note">18%</a>。</p><p id="note">注释</p></article><recount-check for="x"></recount-check>`),
  { headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types 'none'" } });
  const status = await settled(page);
  assert.match(status, /核对 1 处/);
  // the one report: the widget asked for a policy of its own (for its worker) and was refused,
  // so it checked on the page's thread; nothing it did was blocked
  assert.deepEqual(seen.errors.filter((e) => !/TrustedTypePolicy named 'recount-widget'/.test(e)), [], 'no Trusted Types violation');
  await page.click('a recount-mark');
  assert.equal(await page.evaluate(() => location.hash), '#note', 'the link was followed');
  // the answer is one Enter away
  await page.focus('a recount-mark');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => !document.querySelector('recount-check').shadowRoot.querySelector('.details').hidden), true);
  await context.close();
});

test('a Trusted Types host that allows the widget\'s policy gets checks in a worker, without a report', async () => {
  const { context, page, seen } = await open(HOST(`<article id="x">${TABLE('t', '40.75')}</article><recount-check for="x"></recount-check>`),
    { headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types recount-widget" } });
  assert.match(await settled(page), /核对 1 处：1 处不成立/);
  assert.equal(page.workers().length, 1, 'the check ran in a worker');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a host CSP without wasm-unsafe-eval is explained in one sentence', async () => {
  const { context, page } = await open(HOST(`<article id="x">${TABLE('t', '40.75')}</article><recount-check for="x"></recount-check>`),
    { headers: { 'content-security-policy': `script-src ${'\'self\''}` } });
  const status = await settled(page);
  assert.match(status, /安全策略（CSP）不允许运行 WebAssembly：需要在 script-src 中加入 'wasm-unsafe-eval'。$/);
  await context.close();
});

test('on a phone inside a fixed-width portal the badge stays on screen', async () => {
  const { context, page } = await open(HOST(`<div style="width:1100px">${TABLE('t', '40.75')}</div><recount-check all></recount-check>`,
    '<meta name="viewport" content="width=1100">'), { viewport: { width: 390, height: 844 } });
  await settled(page);
  await page.evaluate(() => window.scrollTo(400, 0));
  await page.waitForTimeout(200);
  const { r, vw, vh } = await page.evaluate(() => ({
    r: document.querySelector('recount-check').shadowRoot.querySelector('.badge').getBoundingClientRect().toJSON(),
    vw: window.visualViewport.width, vh: window.visualViewport.height,
  }));
  assert.ok(r.right <= vw + 1 && r.left >= -1 && r.bottom <= vh + 1, `badge ${JSON.stringify(r)} within ${vw}×${vh}`);
  await context.close();
});

test('from file:// the module cannot load, and the demo page says so', async () => {
  const context = await env.chrome.newContext();
  const page = await context.newPage();
  await page.goto(`file://${resolve('dist/embed-demo.html')}`);
  await page.waitForTimeout(500);
  const msg = await page.evaluate(() => getComputedStyle(document.querySelector('recount-check'), '::before').content);
  assert.match(msg, /未能载入/);
  await context.close();
});

test('a check over the time limit is stopped with a message, and the next one runs in a new worker', async () => {
  // limit="1": every check outlives 1 ms, so the first is stopped and its worker dropped
  const { context, page, seen } = await open(HOST(`${TABLE('t', '40.75')}<recount-check for="t" limit="1"></recount-check>`));
  const status = await settled(page);
  assert.match(status, /核对超过 1 秒仍未完成/);
  assert.equal(await page.locator('recount-mark').count(), 0);
  await page.evaluate(() => {
    const w = /** @type {any} */ (document.querySelector('recount-check'));
    w.removeAttribute('limit');
    w.run();
  });
  await page.waitForFunction(() => document.querySelectorAll('recount-mark').length > 0, null, { timeout: 20000 });
  assert.ok((await marks(page)).some((m) => m.text === '40.75' && m.state === 'fail'));
  assert.deepEqual(seen.errors, []);
  await context.close();
});
