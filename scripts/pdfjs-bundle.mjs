// pdf.js for the page: one classic worker script (pdf.js's worker code, its API, then
// www/pdf-worker.js), kept inert in the page (`<script type="text/plain">`) until a PDF is
// opened. A module worker made from a Blob fails from file://, so the ES modules are turned
// into plain scripts here: the trailing `export{…}` is stripped (the API's becomes the value
// of `pdfjsLib`), `import.meta.url` (only in loaders this page never uses) is replaced, the
// worker code's automatic `initializeFromPort(self)` is turned off (the API talks to it in
// the same thread, through `globalThis.pdfjsWorker`), and each part gets its own function
// scope (their minified top-level names collide). No CMaps, fonts or wasm are shipped.
import { readFileSync } from 'node:fs';

const DIR = 'node_modules/pdfjs-dist/build/';
export const PDFJS_VERSION = '6.5.438';

/** Replaces `from` once (or `count` times) or fails the build: a new pdf.js must be looked at. */
function replaceExactly(s, from, to, count = 1) {
  const parts = s.split(from);
  if (parts.length - 1 !== count) throw new Error(`pdf.js bundle: expected ${count} × ${from}, found ${parts.length - 1}`);
  return parts.join(to);
}

/** `export{a as b,c};` at the end of a module → its text and the object literal `{b:a,c}`. */
function stripExport(src) {
  const m = /export\s*\{([^{}]*)\};?\s*$/.exec(src);
  if (!m) throw new Error('pdf.js bundle: no trailing export');
  const fields = m[1].split(',').map((e) => {
    const [local, as] = e.trim().split(/\s+as\s+/);
    return as ? `${as}:${local}` : local;
  });
  return { body: src.slice(0, m.index), exports: `{${fields.join(',')}}` };
}

// what pdf.js 6 uses that an older browser may lack (Chromium 156 has them all)
const POLYFILLS = `(function(){"use strict";
if(!Promise.withResolvers)Promise.withResolvers=function(){var a,b,p=new Promise(function(r,j){a=r;b=j});return{promise:p,resolve:a,reject:b}};
if(!Promise.try)Promise.try=function(f){var x=Array.prototype.slice.call(arguments,1);return new Promise(function(r){r(f.apply(void 0,x))})};
[Map,WeakMap].forEach(function(M){var P=M.prototype;
if(!P.getOrInsert)P.getOrInsert=function(k,v){if(!this.has(k))this.set(k,v);return this.get(k)};
if(!P.getOrInsertComputed)P.getOrInsertComputed=function(k,f){if(!this.has(k))this.set(k,f(k));return this.get(k)}});
if(!Math.sumPrecise)Math.sumPrecise=function(it){var s=0;for(var v of it)s+=v;return s};
if(!Uint8Array.fromBase64)Uint8Array.fromBase64=function(b){var s=atob(b),u=new Uint8Array(s.length);for(var i=0;i<s.length;i++)u[i]=s.charCodeAt(i);return u};
if(!Uint8Array.prototype.toBase64)Uint8Array.prototype.toBase64=function(){var s="";for(var i=0;i<this.length;i++)s+=String.fromCharCode(this[i]);return btoa(s)};
if(!Uint8Array.prototype.toHex)Uint8Array.prototype.toHex=function(){var s="";for(var i=0;i<this.length;i++)s+=(this[i]<16?"0":"")+this[i].toString(16);return s};
})();`;

/** The worker script's text. */
export function pdfjsWorkerSource() {
  const pkg = JSON.parse(readFileSync('node_modules/pdfjs-dist/package.json', 'utf8'));
  if (pkg.version !== PDFJS_VERSION) throw new Error(`pdf.js bundle: pdfjs-dist ${pkg.version}, expected ${PDFJS_VERSION} (run npm ci)`);
  let worker = readFileSync(`${DIR}pdf.worker.min.mjs`, 'utf8');
  let api = readFileSync(`${DIR}pdf.min.mjs`, 'utf8');
  worker = replaceExactly(worker, '&&this.initializeFromPort(self)}', '&&!1}');
  worker = replaceExactly(worker, 'import.meta.url', 'self.location.href', 2);
  api = replaceExactly(api, 'import.meta.url', 'self.location.href');
  const w = stripExport(worker);
  const a = stripExport(api);
  for (const [name, s] of [['worker', w.body], ['api', a.body]]) {
    // a static import or import.meta left in is a syntax error in a classic worker
    if (/\bimport\.meta\b|^\s*import\s*[{"'*]/m.test(s)) throw new Error(`pdf.js bundle: an import is left in the ${name} code`);
  }
  const own = readFileSync('www/pdf-worker.js', 'utf8');
  const out = `${POLYFILLS}
(function(){"use strict";${w.body}
}).call(self);
var pdfjsLib=(function(){"use strict";${a.body}
return ${a.exports};}).call(self);
${own}`;
  if (/<\/script/i.test(out)) throw new Error('pdf.js bundle must not close its own tag');
  return out;
}
