#!/usr/bin/env bash
# Every test, in order, stopping at the first failure. This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n=== %s\n' "$*"; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT

stage "set-up";                 bash scripts/setup.sh
stage "format";                 cargo fmt --check
stage "clippy (native)";        cargo clippy --all-targets -- -D warnings
stage "clippy (wasm32)";        cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
stage "clippy (wasm32, widget)"; cargo clippy --lib --target wasm32-unknown-unknown --features widget -- -D warnings
stage "tests";                  INSTA_UPDATE=no cargo test 2>&1 | tee -a "$log"
stage "wasm32 library build";   cargo build --lib --target wasm32-unknown-unknown
stage "sheets module (crates/sheets-wasm: clippy native and wasm32, tests)"
cargo clippy -p recount-sheets --all-targets -- -D warnings
cargo clippy -p recount-sheets --lib --target wasm32-unknown-unknown -- -D warnings
cargo test -p recount-sheets 2>&1 | tee -a "$log"
if [ -f scripts/build-web.sh ]; then
  stage "page build";           bash scripts/build-web.sh
  # first load ≤ 400 KB gz, the whole file with every reader ≤ 1.2 MB gz (README: The page)
  stage "size budget";          node scripts/size-budget.mjs dist/recount.html
fi
if [ -f scripts/build-widget.sh ]; then
  stage "widget build";         bash scripts/build-widget.sh
fi
if [ -f tsconfig.json ]; then
  # every JS file against the TypeScript contract the bindings emit (pkg-web/recount.d.ts):
  # the page, its worker, the widget and its worker, each a config of its own (own globals)
  stage "type check (tsc --noEmit)"; node scripts/tsc-all.mjs
fi
if compgen -G "tests/browser/*.test.mjs" > /dev/null; then
  stage "browser tests (headless Chromium)"
  node --test --test-concurrency=1 tests/browser/ 2>&1 | tee -a "$log"
fi
stage "all tests passed"
# one closing line over both runners: Rust's test binaries and the browser suite
passed=$(( $(grep -oE 'test result: ok\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}') \
  + $(grep -E '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
failed=$(grep -E '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
echo "${passed} passed, ${failed} failed"
