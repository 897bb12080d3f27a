#!/usr/bin/env bash
# Builds the page: dist/recount.html, one self-contained file (wasm, JS, CSS and the sample
# inlined, a strict CSP) that works from file:// and over http; dist/index.html is the same
# file, for serving.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --profile wasm --lib --target wasm32-unknown-unknown
# no-modules glue: it runs in a classic worker made from a Blob, which works from file://
wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
  --out-dir pkg target/wasm32-unknown-unknown/wasm/recount.wasm
# npm's binaryen (Debian's emits wasm Chromium rejects)
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals pkg/recount_bg.wasm -o pkg/recount_bg.opt.wasm
mkdir -p dist
node scripts/build-web.mjs
