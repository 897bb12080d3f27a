// @ts-check
// The LZMA decoder's worker (www/lzma.js starts it). The embedded readers (pdf.js, the
// spreadsheet module) are stored as LZMA streams (`xz --format=lzma -9e`,
// scripts/build-web.mjs), not gzip: on this code LZMA is 15–17 % smaller than zopfli's gzip,
// and the single file, which gzip cannot shrink further where it holds compressed bytes, is
// that much smaller. Browsers inflate only gzip/deflate natively, so this is the decoder (after
// Igor Pavlov's LzmaSpec.cpp, public domain). It is in the page inert (`#lzma-src`, text the
// page does not run) and runs only in a worker of its own, made from that text in a Blob
// (allowed by the CSP's `worker-src blob:`; no eval): nothing of it is parsed before a reader
// is opened.
/* exported lzmaDecode */

/**
 * Decodes a `.lzma` ("LZMA alone") stream whose header states its unpacked size (the build
 * writes it). Throws on a damaged stream: never reads or writes out of bounds.
 * @param {Uint8Array} src
 * @returns {Uint8Array<ArrayBuffer>}
 */
function lzmaDecode(src) {
  'use strict';
  const bad = () => new Error('damaged LZMA stream');
  if (src.length < 18) throw bad();
  let d = src[0];
  if (d >= 9 * 5 * 5) throw bad();
  const lc = d % 9;
  d = (d / 9) | 0;
  const lp = d % 5;
  const pb = (d / 5) | 0;
  const lo = (src[5] | (src[6] << 8) | (src[7] << 16) | (src[8] << 24)) >>> 0;
  const hi = (src[9] | (src[10] << 8) | (src[11] << 16) | (src[12] << 24)) >>> 0;
  if (hi !== 0 || lo > 0x7fffffff) throw bad(); // unknown (all ones) or over 2 GB: not ours
  const size = lo;
  const out = new Uint8Array(size);

  // probabilities, one array: offsets of each model
  const IS_MATCH = 0;
  const IS_REP = IS_MATCH + (12 << 4);
  const IS_REP_G0 = IS_REP + 12;
  const IS_REP_G1 = IS_REP_G0 + 12;
  const IS_REP_G2 = IS_REP_G1 + 12;
  const IS_REP0_LONG = IS_REP_G2 + 12;
  const POS_SLOT = IS_REP0_LONG + (12 << 4);
  const POS_SPECIAL = POS_SLOT + (4 << 6);
  const ALIGN = POS_SPECIAL + 115;
  // a length coder: choice, choice2, 16 low trees (8), 16 mid trees (8), a high tree (256)
  const LEN_SIZE = 2 + 16 * 8 + 16 * 8 + 256;
  const LEN = ALIGN + 16;
  const REP_LEN = LEN + LEN_SIZE;
  const LITERAL = REP_LEN + LEN_SIZE;
  const p = new Uint16Array(LITERAL + (0x300 << (lc + lp))).fill(1024);

  // the range decoder
  if (src[13] !== 0) throw bad();
  let pos = 14;
  // range and code in a typed array: as closure variables above 2^30 every store would box
  // a number (measured: 2–3× slower)
  const rc = new Float64Array(2);
  rc[0] = 0xffffffff;
  for (let i = 0; i < 4; i++) rc[1] = rc[1] * 256 + src[pos++];
  if (rc[1] === rc[0]) throw bad();
  const at = new Int32Array([pos]); // the next byte to read (as rc: no closure variable is written)
  const end = src.length;
  /** @param {number} i */
  const bit = (i) => {
    const prob = p[i];
    let range = rc[0];
    let code = rc[1];
    const bound = (range >>> 11) * prob;
    let b;
    if (code < bound) {
      range = bound;
      p[i] = prob + ((2048 - prob) >>> 5);
      b = 0;
    } else {
      range -= bound;
      code -= bound;
      p[i] = prob - (prob >>> 5);
      b = 1;
    }
    if (range < 0x1000000) {
      const q = at[0];
      if (q >= end) throw bad();
      range *= 256;
      code = code * 256 + src[q];
      at[0] = q + 1;
    }
    rc[0] = range;
    rc[1] = code;
    return b;
  };
  /** @param {number} base @param {number} n */
  const tree = (base, n) => {
    let m = 1;
    for (let i = 0; i < n; i++) m = (m << 1) + bit(base + m);
    return m - (1 << n);
  };
  /** @param {number} base @param {number} n */
  const reverse = (base, n) => {
    let m = 1;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const b = bit(base + m);
      m = (m << 1) + b;
      s |= b << i;
    }
    return s;
  };
  /** @param {number} n */
  const direct = (n) => {
    let s = 0;
    let range = rc[0];
    let code = rc[1];
    for (let i = 0; i < n; i++) {
      range = Math.floor(range / 2);
      let b = 0;
      if (code >= range) {
        code -= range;
        b = 1;
      }
      s = s * 2 + b;
      if (range < 0x1000000) {
        const q = at[0];
        if (q >= end) throw bad();
        range *= 256;
        code = code * 256 + src[q];
        at[0] = q + 1;
      }
    }
    rc[0] = range;
    rc[1] = code;
    return s;
  };
  /** @param {number} base @param {number} posState */
  const len = (base, posState) => {
    if (bit(base) === 0) return tree(base + 2 + posState * 8, 3);
    if (bit(base + 1) === 0) return 8 + tree(base + 2 + 128 + posState * 8, 3);
    return 16 + tree(base + 2 + 256, 8);
  };

  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  let n = 0;
  while (n < size) {
    const posState = n & pbMask;
    if (bit(IS_MATCH + (state << 4) + posState) === 0) {
      const prev = n > 0 ? out[n - 1] : 0;
      const base = LITERAL + 0x300 * (((n & lpMask) << lc) + (prev >>> (8 - lc)));
      let s = 1;
      if (state >= 7) {
        if (rep0 >= n) throw bad();
        let match = out[n - rep0 - 1];
        while (s < 0x100) {
          const mb = (match >>> 7) & 1;
          match <<= 1;
          const b = bit(base + ((1 + mb) << 8) + s);
          s = (s << 1) | b;
          if (mb !== b) break;
        }
      }
      while (s < 0x100) s = (s << 1) | bit(base + s);
      out[n++] = s & 0xff;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let l;
    if (bit(IS_REP + state) !== 0) {
      if (n === 0) throw bad();
      if (bit(IS_REP_G0 + state) === 0) {
        if (bit(IS_REP0_LONG + (state << 4) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          out[n] = out[n - rep0 - 1];
          n++;
          continue;
        }
      } else {
        let dist;
        if (bit(IS_REP_G1 + state) === 0) {
          dist = rep1;
        } else {
          if (bit(IS_REP_G2 + state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      l = len(REP_LEN, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      l = len(LEN, posState);
      state = state < 7 ? 7 : 10;
      // the distance
      const slot = tree(POS_SLOT + (Math.min(l, 3) << 6), 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const bits = (slot >>> 1) - 1;
        let dist = (2 | (slot & 1)) * 2 ** bits;
        if (slot < 14) dist += reverse(POS_SPECIAL + dist - slot, bits);
        else dist += direct(bits - 4) * 16 + reverse(ALIGN, 4);
        if (dist === 0xffffffff) break; // the end marker
        rep0 = dist;
      }
      if (rep0 >= n) throw bad();
    }
    l += 2;
    if (l > size - n) throw bad();
    for (let from = n - rep0 - 1; l > 0; l--) out[n++] = out[from++];
  }
  if (n !== size) throw bad();
  return out;
}

// one stream in, its unpacked bytes out (handed over), or the error's words
onmessage = (e) => {
  try {
    const o = lzmaDecode(e.data);
    postMessage(o, [o.buffer]);
  } catch (x) {
    postMessage(String(x));
  }
};
