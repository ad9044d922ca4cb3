#!/usr/bin/env bash
# Width over height, and time, of dot charts: the sample and generated networks of 300, 1,000 and
# 2,000 people (docs/chart.md, "Wide families fold"). Extra arguments go to every render, e.g.
#   bash Tools/chart-aspect.sh --group-teams --mark-gaps
set -euo pipefail
cd "$(dirname "$0")/.."
tg=${TEAMGRAPH:-.build/debug/teamgraph}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 300 1000 2000; do
  python3 Tools/generate.py --people $n --seed 7 --out "$work/p$n.csv" --teams-out "$work/t$n.csv" >/dev/null 2>&1
done
measure() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$tg" render "$@" --engine dot -o "$work/out.svg" 2>/dev/null
  end=$(date +%s.%N)
  python3 - "$work/out.svg" "$name" "$start" "$end" <<'PY'
import re, sys
head = open(sys.argv[1]).read(4000)
w, h = map(float, re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', head).groups())
print(f"{sys.argv[2]:>8}  {w:9.0f} x {h:7.0f} pt  {w / h:5.1f}:1  {float(sys.argv[4]) - float(sys.argv[3]):5.2f} s")
PY
}
measure sample Samples/network.csv --teams Samples/teams.csv --as-of 2026-06-30 "$@"
for n in 300 1000 2000; do measure "$n" "$work/p$n.csv" --teams "$work/t$n.csv" --as-of 2026-06-30 "$@"; done
