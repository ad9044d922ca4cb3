#!/usr/bin/env bash
# Redraws Samples/gallery/: the sample and generated networks of 300 and 2,000 people in each
# engine, as a PNG (at a resolution that keeps the file small) and printed on pages (PDF).
set -euo pipefail
cd "$(dirname "$0")/.."
tg=${TEAMGRAPH:-.build/debug/teamgraph}
out=Samples/gallery
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out"/*.png "$out"/*.pdf
for n in 300 2000; do
  python3 Tools/generate.py --people $n --seed 7 --out "$work/p$n.csv" --teams-out "$work/t$n.csv" >/dev/null 2>&1
done
draw() {  # name dpi paper input...
  local name=$1 dpi=$2 paper=$3; shift 3
  for engine in dot tree twopi; do
    "$tg" render "$@" --as-of 2026-06-30 --mark-gaps --engine $engine --dpi "$dpi" -o "$out/$name-$engine.png"
    "$tg" render "$@" --as-of 2026-06-30 --mark-gaps --engine $engine --page "$paper" --max-pages 400 \
      -o "$out/$name-$engine-$paper.pdf"
  done
}
draw sample 48 A4 Samples/network.csv --teams Samples/teams.csv --group-teams
draw people-300 24 A3 "$work/p300.csv" --teams "$work/t300.csv"
draw people-2000 10 A3 "$work/p2000.csv" --teams "$work/t2000.csv"
for pdf in "$out"/*.pdf; do
  printf '%-34s %4s pages  %s\n' "$(basename "$pdf")" "$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')" "$(du -h "$pdf" | cut -f1)"
done
du -sh "$out"
