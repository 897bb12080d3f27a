#!/usr/bin/env bash
# Every test, in order, stopping at the first failure. This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n=== %s\n' "$*"; }

stage "set-up";                 bash scripts/setup.sh
stage "format";                 cargo fmt --check
stage "clippy (native)";        cargo clippy --all-targets -- -D warnings
stage "clippy (wasm32)";        cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
stage "tests";                  cargo test
stage "wasm32 library build";   cargo build --lib --target wasm32-unknown-unknown
if [ -f scripts/build-web.sh ]; then
  stage "page build";           bash scripts/build-web.sh
fi
if [ -f scripts/build-widget.sh ]; then
  stage "widget build";         bash scripts/build-widget.sh
fi
if compgen -G "tests/browser/*.test.mjs" > /dev/null; then
  stage "browser tests (headless Chromium)"
  node --test --test-concurrency=1 tests/browser/
fi
stage "all tests passed"
