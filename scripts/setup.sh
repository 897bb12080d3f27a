#!/usr/bin/env bash
# Installs what Recount needs on a fresh Debian 12 machine that has rustup, Node.js and npm;
# skips whatever is already there, so it is quick to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# the page and widget are the core compiled to WebAssembly
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

# wasm-bindgen-cli must match the wasm-bindgen pinned in Cargo.lock exactly; --locked fails
# (its lock pins a crate the registry no longer serves), so it is installed without it
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want"
fi

# browser tests run Debian's Chromium; playwright-core cannot download a browser here
if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi

# xz packs the page's inert readers (scripts/build-web.mjs); Debian images normally have it
if ! command -v xz > /dev/null; then
  say "installing xz-utils"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xz-utils
fi

# a CJK font, so the browser tests' screenshots show the Chinese text (not squares)
if command -v fc-list > /dev/null && ! fc-list :lang=zh | grep -q .; then
  say "installing a CJK font for screenshots"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-microhei \
    || say "no CJK font: screenshots will show boxes for Chinese text"
fi

# build and test tools from npm: playwright-core (drives Chromium), axe-core (accessibility),
# binaryen (wasm-opt; Debian's binaryen 108 emits wasm Chromium rejects, so never use it),
# typescript (tsc checks the page's JS against the bindings' contract), papaparse (reads the
# exported CSV back as a spreadsheet would), terser (minifies the page's scripts at build time)
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi
say "ready: $(wasm-bindgen --version), $(/usr/bin/chromium --version 2>/dev/null), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}')"
