#!/usr/bin/env bash
# TeamGraph's byte-level CSV reader against CSV.swift on the same generated file, in one run.
#   bash Tools/bench-csv.sh [PEOPLE]
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
mkdir -p .bench
net=.bench/people-$people-42.csv
[ -f "$net" ] || python3 Tools/generate.py --people "$people" --seed 42 --out "$net" --teams-out .bench/teams-$people-42.csv --as-of 2026-06-30
swift build -c release --package-path Tools/CSVReaderBench >/dev/null
Tools/CSVReaderBench/.build/release/csv-reader-bench "$net"
