#!/usr/bin/env bash
# Leak check for the chart renderer: renders the sample 200 times in one process and shows that
# memory does not grow per render.
#
#   Tools/leak-check.sh          resident memory (VmRSS) after render 2, 50, 100, 150 and 200;
#                                exits 1 if the chart without team boxes grows over 4 kB/render
#   Tools/leak-check.sh valgrind valgrind's leak summary after 20 and after 200 renders: the
#                                difference divided by 180 is what one render loses
#
# Uses the hidden `teamgraph render --repeat N --report-memory` options. Builds the debug binary
# (under the shared build lock when /tmp/swiftbuild.lock exists).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-rss}
if [ -e /tmp/swiftbuild.lock ]; then lock=(flock /tmp/swiftbuild.lock); else lock=(); fi
"${lock[@]}" swift build --product teamgraph >/dev/null
bin=.build/debug/teamgraph
chart=(render Samples/network.csv --teams Samples/teams.csv --as-of 2026-06-30 --mark-gaps --also owner)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

case "$mode" in
rss)
  # The chart without team boxes must not grow; with --group-teams Graphviz 2.42's dot itself
  # loses a few kilobytes per cluster per render (reproduced with plain C, see docs/chart.md),
  # so that figure is shown, not judged.
  status=0
  for variant in plain group-teams; do
    extra=()
    [ "$variant" = group-teams ] && extra=(--group-teams)
    "$bin" "${chart[@]}" "${extra[@]}" --repeat 200 --report-memory -o "$out/chart.svg" 2>"$out/rss.txt"
    first=$(grep '^render 50 ' "$out/rss.txt" | sed 's/.*rss_kb=//')
    last=$(grep '^render 200 ' "$out/rss.txt" | sed 's/.*rss_kb=//')
    per=$(( (last - first) * 1024 / 150 ))
    echo "$variant: $(grep -E '^render (2|50|100|150|200) ' "$out/rss.txt" | sed 's/render \([0-9]*\) rss_kb=\([0-9]*\)/\1:\2/' | tr '\n' ' ')kB; growth 50->200: $((last - first)) kB = $per bytes/render"
    if grep -q differs "$out/rss.txt"; then echo "renders differed:"; grep differs "$out/rss.txt"; status=1; fi
    # Judge the plain chart: a lost graph or layout costs tens of kilobytes per render (the
    # team boxes below show what that looks like); up to 4 kB is heap growth, not a lost chart.
    if [ "$variant" = plain ] && [ "$per" -gt 4096 ]; then echo "LEAK: the plain chart grows $per bytes per render"; status=1; fi
  done
  exit $status
  ;;
valgrind)
  command -v valgrind >/dev/null || { echo "leak-check: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
  for n in 20 200; do
    valgrind --leak-check=full --show-leak-kinds=definite,indirect --log-file="$out/vg$n.txt" \
      "$bin" "${chart[@]}" --repeat "$n" -o "$out/chart.svg" 2>/dev/null
    echo "== $n renders"
    grep -E 'definitely lost|indirectly lost|possibly lost|still reachable|ERROR SUMMARY' "$out/vg$n.txt" | sed 's/^==[0-9]*== *//'
  done
  ;;
*) echo "usage: Tools/leak-check.sh [rss|valgrind]" >&2; exit 2 ;;
esac
