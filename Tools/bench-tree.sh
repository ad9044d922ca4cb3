#!/usr/bin/env bash
# Large charts: the same generated networks drawn with --engine tree, dot (only where it finishes
# within 60 s) and twopi, in one run. Prints wall seconds, peak memory, SVG size per person and
# the tree engine's time per person (flat if the tree engine is linear).
#
#   bash Tools/bench-tree.sh [SIZES...]        (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
if [ -e /tmp/swiftbuild.lock ]; then lock=(flock /tmp/swiftbuild.lock); else lock=(); fi
"${lock[@]}" swift build -c release --product teamgraph >/dev/null
bin=.build/release/teamgraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" render Samples/network.csv --teams Samples/teams.csv -o "$work/warm.svg"

run() { # run LABEL ENGINE N: prints "seconds peakMB bytes" or "timeout"
  local engine=$1 n=$2 out="$work/$1-$2.svg"
  if /usr/bin/time -o "$work/t" -f "%e %M" timeout 60 "$bin" render "$work/n$n.csv" --teams "$work/t$n.csv" \
      --as-of 2026-06-30 --max-nodes 1000000 --engine "$engine" -o "$out" 2>/dev/null; then
    read -r secs kb < <(tail -1 "$work/t")
    echo "$secs $((kb / 1024)) $(stat -c %s "$out")"
  else
    echo "timeout"
  fi
}

echo "| people | tree | tree peak | tree SVG bytes/person | tree µs/person | dot | twopi |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  python3 Tools/generate.py --people "$n" --seed 7 --out "$work/n$n.csv" --teams-out "$work/t$n.csv" --as-of 2026-06-30 >/dev/null 2>&1
  read -r ts tm tb <<<"$(run tree "$n")"
  dot_result=$(run dot "$n"); twopi_result=$(run twopi "$n")
  fmt() { [ "$1" = timeout ] && echo "> 60 s" || echo "$1" | awk '{printf "%.2f s (%d MB)", $1, $2}'; }
  echo "| $n | ${ts} s | ${tm} MB | $((tb / n)) | $(awk -v s="$ts" -v n="$n" 'BEGIN{printf "%.0f", s * 1e6 / n}') | $(fmt "$dot_result") | $(fmt "$twopi_result") |"
done
