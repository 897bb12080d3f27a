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
# npm's binaryen (Debian's emits wasm Chromium rejects). --low-memory-unused lets it fold a
# small constant added to an address into the access's offset (first load 1.4 KB gz less): the two differ
# only where the address wraps past 4 GiB into the first KiB, which Rust code never forms (its
# data starts at 1 MiB, above the stack). --converge runs the passes again until they change
# nothing more (1.7 KB gz less, ≈ 16 s more)
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals pkg/recount_bg.wasm -o pkg/recount_bg.opt.wasm

# ---- the spreadsheet and Word reader: a second module (crates/sheets-wasm), embedded inert and
# loaded only when such a file is opened (www/sheets.js)
build_sheets() {
  cargo build --profile wasm-sheets -p recount-sheets --lib --target wasm32-unknown-unknown
  wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
    --out-dir pkg-sheets target/wasm32-unknown-unknown/wasm-sheets/recount_sheets.wasm
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals pkg-sheets/recount_sheets_bg.wasm \
    -o pkg-sheets/recount_sheets_bg.opt.wasm
}
build_sheets

# the checks' documentation, which the page shows beside an answer: put in as text (its core
# is smaller without the words; the widget's core keeps them)
mkdir -p pkg
cargo run -q --bin recount -- checks --format json > pkg/checks.json

mkdir -p dist
node scripts/build-web.mjs
