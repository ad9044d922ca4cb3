#!/usr/bin/env bash
# Main job: installs what is missing, builds teamgraph, and draws the bundled sample network's
# chart (SVG, PNG and a PDF printed on A4 pages; coverage gaps marked, teams grouped) next to printing its figures and gaps.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build -c release --product teamgraph
tg=.build/release/teamgraph
net=(Samples/network.csv --teams Samples/teams.csv --as-of 2026-06-30)
set -x
$tg render "${net[@]}" --group-teams --mark-gaps -o sample-chart.svg
$tg render "${net[@]}" --group-teams --mark-gaps -o sample-chart.png
$tg render "${net[@]}" --group-teams --mark-gaps --page A4 -o sample-chart-a4.pdf
$tg stats "${net[@]}"
$tg gaps "${net[@]}" --format table
