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
# nothing more (1.7 KB gz less, ≈ 16 s more). -ocimfs 0: no function is inlined only for having
# one caller. By default binaryen inlines every such function, whatever its size, and the core's
# stages became single functions of up to 55 KB (check_lazily). Kept apart, the module is 1 %
# larger but 26 KB smaller gzipped (the same core, 2026-12-06: 908,089 → 915,757 bytes;
# gzip -9 391,022 → 365,177), and V8's tier-up,
# which compiles a hot function whole, has less to compile during the first check (README,
# issue 12's targets)
node_modules/.bin/wasm-opt -Oz --converge -ocimfs 0 --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals pkg/recount_bg.wasm -o pkg/recount_bg.opt.wasm

# ---- the spreadsheet and Word reader: a second module (crates/sheets-wasm), embedded inert and
# loaded only when such a file is opened (www/sheets.js). -ocimfs 0 as for the core: 5.5 KB less
# as LZMA
build_sheets() {
  cargo build --profile wasm-sheets -p recount-sheets --lib --target wasm32-unknown-unknown
  wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
    --out-dir pkg-sheets target/wasm32-unknown-unknown/wasm-sheets/recount_sheets.wasm
  node_modules/.bin/wasm-opt -Oz -ocimfs 0 --enable-bulk-memory --enable-nontrapping-float-to-int \
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
