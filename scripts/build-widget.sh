#!/usr/bin/env bash
# Builds dist/recount-widget.js: one ES module with the core (wasm, inlined) and the
# <recount-check> element, for portals to include; and dist/embed-demo.html beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

# (the widget's bindings, present_tree, are behind a feature the page's build leaves out)
cargo build --profile wasm --lib --target wasm32-unknown-unknown --features widget
# --target web glue is an ES module: inlined into the widget module, it creates no globals
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir pkg-web target/wasm32-unknown-unknown/wasm/recount.wasm
# npm's binaryen (Debian's emits wasm Chromium rejects). --low-memory-unused lets it fold a
# small constant added to an address into the access's offset (first load 1.4 KB gz less): the two differ
# only where the address wraps past 4 GiB into the first KiB, which Rust code never forms (its
# data starts at 1 MiB, above the stack). -ocimfs 0: functions with one caller are not inlined
# for that alone (scripts/build-web.sh says why; the widget 26 KB smaller gzipped)
node_modules/.bin/wasm-opt -Oz --converge -ocimfs 0 --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals \
  pkg-web/recount_bg.wasm -o pkg-web/recount_bg.opt.wasm
mkdir -p dist
node scripts/build-widget.mjs
