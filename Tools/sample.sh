#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the bundled sample network.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build -c release --product teamgraph
tg=.build/release/teamgraph
set -x
$tg stats Samples/network.csv --teams Samples/teams.csv --as-of 2026-06-30
$tg gaps Samples/network.csv --teams Samples/teams.csv --as-of 2026-06-30 --format table
