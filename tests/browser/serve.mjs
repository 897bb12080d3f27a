// A static file server on 127.0.0.1 (a free port) and a headless Chromium, for the browser
// tests. Nothing here reaches beyond this machine.
import { createServer } from 'node:http';
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir`; resolves to { url, close }. */
export async function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dir, path.endsWith('/') ? join(path, 'index.html') : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless (playwright gives it a fresh temporary profile). */
export async function browser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Records every request and console error of a page. */
export function watch(page) {
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { requests, errors };
}

/** Pastes `html` into the page's input box as a clipboard paste of HTML (with a plain-text
 * alternative the page must not take). */
export function pasteHtml(page, html) {
  return page.evaluate((h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', 'plain');
    document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
}

/** Where the tests write screenshots for a reviewer (ignored by git). */
export const SHOTS = 'tests/browser/screenshots';

/**
 * The set-up every browser test file shares: a server over dist/ and one Chromium, started
 * before the file's tests and closed after them. Read `env.server` and `env.chrome` inside tests.
 * @returns {{ server: any, chrome: any }}
 */
export function setup() {
  const env = { server: null, chrome: null };
  before(async () => {
    env.server = await serve('dist');
    env.chrome = await browser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await env.chrome?.close();
    await env.server?.close();
  });
  return env;
}
