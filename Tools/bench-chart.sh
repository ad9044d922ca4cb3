#!/usr/bin/env bash
# Chart benchmark: the same generated networks drawn by `teamgraph render` (Graphviz in process)
# and by the `dot` command on the DOT that `teamgraph render --format dot` writes. One run each,
# wall-clock seconds, on whatever machine runs it. Prints a Markdown table for docs/benchmarks.md.
#
#   Tools/bench-chart.sh [SIZES...]        (default: 100 1000 5000)
#
# Builds the release binary (under the shared build lock when /tmp/swiftbuild.lock exists).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 5000)
command -v dot >/dev/null || { echo "bench-chart: the dot command is needed (apt-get install graphviz)" >&2; exit 2; }

if [ -e /tmp/swiftbuild.lock ]; then lock=(flock /tmp/swiftbuild.lock); else lock=(); fi
"${lock[@]}" swift build -c release --product teamgraph >/dev/null
bin=.build/release/teamgraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { # seconds COMMAND...: wall time of one run, 3 decimals
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "%.3f", $2 - $1}'
}

# Warm up (fonts, plugins, page cache) so the first row is not a cold start.
"$bin" render Samples/network.csv --teams Samples/teams.csv -o "$work/warm.svg"
echo 'digraph { a }' | dot -Tsvg >/dev/null

echo "| people | drawn nodes | teamgraph render (dot, in process) | teamgraph --format dot | dot -Tsvg on that DOT | ratio in-process / (dot file + dot command) | --engine auto picks | auto time |"
echo "|---:|---:|---:|---:|---:|---:|---|---:|"
for n in "${sizes[@]}"; do
  python3 Tools/generate.py --people "$n" --seed 7 --out "$work/n$n.csv" --teams-out "$work/t$n.csv" >/dev/null 2>&1
  common=("$work/n$n.csv" --teams "$work/t$n.csv" --as-of 2026-06-30 --max-nodes 1000000)
  t_in=$(seconds "$bin" render "${common[@]}" --engine dot -o "$work/in$n.svg")
  t_dotfile=$(seconds "$bin" render "${common[@]}" --engine dot --format dot -o "$work/n$n.dot")
  t_cmd=$(seconds dot -Tsvg "$work/n$n.dot" -o "$work/cmd$n.svg")
  nodes=$(grep -c 'class="node person' "$work/in$n.svg" || true)
  ratio=$(echo "$t_in $t_dotfile $t_cmd" | awk '{ if ($2 + $3 > 0) printf "%.2f", $1 / ($2 + $3); else print "n/a" }')
  t_auto=$(seconds "$bin" render "${common[@]}" --engine auto -o "$work/auto$n.svg")
  [ "$nodes" -gt 3000 ] && picked=twopi || picked=dot
  echo "| $n | $nodes | ${t_in} s | ${t_dotfile} s | ${t_cmd} s | $ratio | $picked | ${t_auto} s |"
done
