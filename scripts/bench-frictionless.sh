#!/usr/bin/env bash
# Recount against frictionless-py on the same generated classification table (default
# 100,000 rows): frictionless validates one row formula (total = basic + project) on the
# CSV; Recount checks the tab-separated copy — that sum on every row, the classification
# roll-ups and the total row — once for the text report and once for JSON (every relation
# in it). Prints the best wall time of three runs each, and the ratio.
#
# frictionless-py is installed on first use into target/frictionless-venv (PyPI).
# It is run from the table's folder with a relative path: it refuses absolute paths.
#
#   bash scripts/bench-frictionless.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
venv=target/frictionless-venv
if [ ! -x "$venv/bin/frictionless" ]; then
  echo "installing frictionless-py into $venv …" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check frictionless
fi
cargo build --release --quiet --bin recount --example gen
dir=target/bench-frictionless
mkdir -p "$dir"
target/release/examples/gen table "$rows" "$dir/table.txt"
target/release/examples/gen csv "$rows" "$dir/table.csv"
cat > "$dir/checklist.yaml" <<'YAML'
checks:
  - type: row-constraint
    formula: "total - basic - project < 0.005 and basic + project - total < 0.005"
YAML
recount="$PWD/target/release/recount"
frictionless="$PWD/$venv/bin/frictionless"

# best wall time of three runs, in seconds; the command's exit status is not a failure
best() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
best = None
for _ in range(3):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    d = time.perf_counter() - t
    best = d if best is None else min(best, d)
print(f"{best:.4f}")
PY
}

cd "$dir"
# frictionless must find the formula holding on every row, or the comparison is void
if ! "$frictionless" validate table.csv --checklist checklist.yaml >/dev/null 2>&1; then
  "$frictionless" validate table.csv --checklist checklist.yaml | head -20
  echo "frictionless did not validate the table: no comparison" >&2
  exit 1
fi
"$recount" check table.txt | tail -1
f=$(best "$frictionless" validate table.csv --checklist checklist.yaml)
r=$(best "$recount" check table.txt)
j=$(best "$recount" check table.txt --format json)
size=$(wc -c < table.txt)
python3 - "$rows" "$size" "$f" "$r" "$j" <<'PY'
import sys
rows, size, f, r, j = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
print(f"{rows:,} rows, {size/1e6:.1f} MB")
print(f"frictionless-py, one row formula     {f*1000:9.0f} ms")
print(f"recount check, text report           {r*1000:9.0f} ms   {size/1e6/r:6.1f} MB/s   {f/r:6.1f}× faster")
print(f"recount check --format json          {j*1000:9.0f} ms   {size/1e6/j:6.1f} MB/s   {f/j:6.1f}× faster")
PY
