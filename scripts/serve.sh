#!/usr/bin/env bash
# The main job: installs what is missing, builds the page and the widget, and serves them on
# http://127.0.0.1:8080 (the page opens with the sample document checked).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-web.sh
bash scripts/build-widget.sh
port="${PORT:-8080}"
echo "Recount: http://127.0.0.1:${port}/  (widget demo: http://127.0.0.1:${port}/embed-demo.html; offline file: dist/recount.html)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
