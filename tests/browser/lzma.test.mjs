// The page's LZMA decoder (www/lzma-worker.js), which unpacks the embedded readers (pdf.js, the
// spreadsheet module): streams made by xz as scripts/build-web.mjs makes them decode to the
// bytes they were made from, over the literal/match/rep paths and the parameters the build
// uses; damaged streams are refused with an error. Runs in Node (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const lzmaDecode = new Function(`${readFileSync('www/lzma-worker.js', 'utf8')}; return lzmaDecode;`)();

/** As scripts/build-web.mjs packs: xz's .lzma with the unpacked size written in. */
function pack(buf, options) {
  const z = execFileSync('xz', ['--format=lzma', `--lzma1=${options}`, '--stdout'], { input: buf, maxBuffer: 1 << 28 });
  z.writeUInt32LE(buf.length, 5);
  z.writeUInt32LE(0, 9);
  return new Uint8Array(z);
}

// text with long and short repeats, random bytes (literals, no matches), runs (short reps)
const text = Buffer.from(Array.from({ length: 4000 }, (_, i) => `第${i}行\t${(i * 7919) % 1000}.${i % 100}\t合计 ${i % 13}\n`).join(''), 'utf8');
const cases = {
  empty: Buffer.alloc(0),
  'one byte': Buffer.from('x'),
  text,
  random: randomBytes(70000),
  runs: Buffer.concat(Array.from({ length: 300 }, (_, i) => Buffer.alloc(1 + (i * 37) % 500, i))),
  mixed: Buffer.concat([text, randomBytes(3000), text.subarray(1000, 90000), Buffer.alloc(5000)]),
};

test('xz streams decode to the bytes they were made from', () => {
  for (const options of ['preset=9e', 'preset=9e,lc=4,pb=0', 'preset=6,lc=0,lp=2,pb=1']) {
    for (const [name, buf] of Object.entries(cases)) {
      const out = lzmaDecode(pack(buf, options));
      assert.equal(out.length, buf.length, `${name}, ${options}: length`);
      assert.ok(Buffer.from(out).equals(buf), `${name}, ${options}: the same bytes`);
    }
  }
});

test('a match 2 MB back (a distance in direct bits and the align coder)', () => {
  const r = randomBytes(2000);
  const buf = Buffer.concat([r, randomBytes((2 << 20) + 5000), r]);
  assert.ok(Buffer.from(lzmaDecode(pack(buf, 'preset=6'))).equals(buf));
});

test('a damaged stream is refused, not decoded into garbage past its end', () => {
  const good = pack(cases.mixed, 'preset=9e');
  assert.throws(() => lzmaDecode(good.subarray(0, good.length >> 1)), /damaged LZMA/, 'cut in half');
  assert.throws(() => lzmaDecode(good.subarray(0, 10)), /damaged LZMA/, 'a header only');
  const unknown = good.slice();
  unknown.fill(0xff, 5, 13);
  assert.throws(() => lzmaDecode(unknown), /damaged LZMA/, 'no size in the header');
  const props = good.slice();
  props[0] = 225;
  assert.throws(() => lzmaDecode(props), /damaged LZMA/, 'impossible lc/lp/pb');
  // a longer size than the stream holds: it runs out of input
  const longer = good.slice();
  new DataView(longer.buffer).setUint32(5, cases.mixed.length + 100000, true);
  assert.throws(() => lzmaDecode(longer), /damaged LZMA/, 'a size past the stream');
});
