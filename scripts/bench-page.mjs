// Where the page's first result goes, over many fresh openings of one or more builds of the
// single file, alternated so that every build sees the same load: prints each run and the
// medians. Not a test (nothing is asserted): a benchmark that prints figures.
//
//   node scripts/bench-page.mjs [--runs N] [--http] [--flags "--js-flags=..."] A.html [B.html ...]
//
// Every figure is on the page's clock (ms after navigation start); "after ready" is after the
// `recount:wasm-ready` mark (the core's module compiled, wherever it is compiled).
import { resolve, dirname, basename } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/browser/serve.mjs';

const args = process.argv.slice(2);
let runs = 8;
let http = false;
const flags = [];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--http') http = true;
  else if (args[i] === '--flags') flags.push(...args[++i].split(' ').filter(Boolean));
  else files.push(resolve(args[i]));
}
if (!files.length) files.push(resolve('dist/recount.html'));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', ...flags],
});
const servers = http ? await Promise.all(files.map((f) => serve(dirname(f)))) : [];

const MARKS = ['wasm-ready', 'worker-received', 'worker-instantiated', 'worker-taken', 'worker-first', 'parsed', 'report', 'result', 'complete'];
/** @type {Record<string, any>[][]} */
const all = files.map(() => []);
for (let r = 0; r < runs; r++) {
  for (let f = 0; f < files.length; f++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // the result on screen: the frame after the one in which it was built, then a task
    await page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      // @ts-ignore
      performance.mark = (name, opts) => {
        const m = mark(name, opts);
        if (name === 'recount:result' && !performance.getEntriesByName('bench:painted').length) {
          requestAnimationFrame(() => setTimeout(() => mark('bench:painted'), 0));
        }
        return m;
      };
      // @ts-ignore
      window.benchFrames = [];
      // @ts-ignore
      new PerformanceObserver((l) => window.benchFrames.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'long-animation-frame', buffered: true });
    });
    await page.goto(http ? `${servers[f].url}/${basename(files[f])}` : `file://${files[f]}`);
    await page.waitForFunction(() => performance.getEntriesByName('recount:complete').length > 0
      && performance.getEntriesByName('bench:painted').length > 0, null, { timeout: 60000 });
    await page.waitForTimeout(500); // the frames after the result: the input box filled
    const m = await page.evaluate((names) => {
      /** @type {Record<string, any>} */
      const o = {};
      for (const n of names) o[n] = performance.getEntriesByName(`recount:${n}`)[0]?.startTime;
      o.core = performance.getEntriesByName('recount:core-steps')[0]?.detail;
      o.painted = performance.getEntriesByName('bench:painted')[0]?.startTime;
      // the longest animation frame (a task and the rendering after it) until then
      // @ts-ignore
      o.longest = Math.max(0, ...window.benchFrames.filter(([t]) => t < o.painted).map(([, d]) => d));
      // and until half a second after every answer came
      // @ts-ignore
      o.longestAll = Math.max(0, ...window.benchFrames.map(([, d]) => d));
      const nav = /** @type {any} */ (performance.getEntriesByType('navigation')[0]);
      o.dcl = nav ? nav.domContentLoadedEventEnd : undefined;
      return o;
    }, MARKS);
    all[f].push(m);
    await context.close();
    const c = m.core || {};
    const d = (a, b) => (m[a] === undefined || m[b] === undefined ? '—' : Math.round(m[a] - m[b]));
    console.log(`run ${r + 1} ${basename(files[f])}: result ${Math.round(m.result)} ms from navigation, `
      + `${d('result', 'wasm-ready')} after ready (ready ${Math.round(m['wasm-ready'])}, received ${d('worker-received', 'wasm-ready')}, `
      + `instantiated ${d('worker-instantiated', 'wasm-ready')}, taken ${d('worker-taken', 'wasm-ready')}, core step ${d('worker-first', 'worker-taken')} `
      + `[read ${c.read?.toFixed(1)}, check ${c.check?.toFixed(1)}, present ${c.present?.toFixed(1)}, json ${c.json?.toFixed(1)}], `
      + `parsed ${d('parsed', 'worker-first')} after, taken in ${d('report', 'worker-first')}, shown ${d('result', 'report')}); `
      + `on screen ${Math.round(m.painted)}; longest frame ${Math.round(m.longest)} (${Math.round(m.longestAll)} to the end); complete ${Math.round(m.complete)}`);
  }
}
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const range = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
console.log(`\nmedians over ${runs} runs each (${http ? 'http' : 'file://'}${flags.length ? ', ' + flags.join(' ') : ''}):`);
for (let f = 0; f < files.length; f++) {
  const ms = all[f];
  const col = (fn) => ms.map(fn);
  const row = (label, xs) => `${label} ${Math.round(median(xs))} (${range(xs)})`;
  console.log(`${basename(files[f])}: ` + [
    row('result from navigation', col((m) => m.result)),
    row('on screen', col((m) => m.painted)),
    row('longest frame until on screen', col((m) => m.longest)),
    row('longest frame to the end', col((m) => m.longestAll)),
    row('after ready', col((m) => m.result - m['wasm-ready'])),
    row('ready', col((m) => m['wasm-ready'])),
    row('instantiated after ready', col((m) => m['worker-instantiated'] - m['wasm-ready'])),
    row('core step', col((m) => m['worker-first'] - m['worker-taken'])),
    row('check', col((m) => m.core?.check)),
    row('complete', col((m) => m.complete)),
  ].join('; '));
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));
