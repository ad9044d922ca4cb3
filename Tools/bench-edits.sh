#!/usr/bin/env bash
# Issue 9's edit figure: 1,000 single edits on a store of 10,000 and of 1,000,000 people (release
# build, this machine), each edit its own transaction through `Store.apply`, timed in one process
# by Tools/EditBench (a package of its own depending on this one by path).
#
# For each size: generates `python3 Tools/generate.py --people N --seed 42 --as-of 2026-06-30`,
# imports it into a new store dated 2026-06-30, then runs `edit-bench STORE 1000 42` (set role,
# assign owner, move with downline, move alone; dated 2026-07-01).
#
# Usage: Tools/bench-edits.sh [SIZES...]     (default: 10000 1000000; work files in .bench/edits/)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 1000000)
WORK=.bench/edits
mkdir -p "$WORK"
flock /tmp/tg-swift.lock swift build -c release --product teamgraph >/dev/null
BIN="$(swift build -c release --show-bin-path)/teamgraph"
flock /tmp/tg-swift.lock swift build -c release --package-path Tools/EditBench >/dev/null
BENCH="$(swift build -c release --package-path Tools/EditBench --show-bin-path)/edit-bench"

for N in "${SIZES[@]}"; do
    if [ ! -f "$WORK/people-$N.csv" ]; then
        python3 Tools/generate.py --people "$N" --seed 42 --out "$WORK/people-$N.csv" \
            --teams-out "$WORK/teams-$N.csv" --as-of 2026-06-30
    fi
    DB="$WORK/edits-$N.teamgraph"
    rm -f "$DB" "$DB-wal" "$DB-shm"
    "$BIN" import "$WORK/people-$N.csv" --teams "$WORK/teams-$N.csv" --db "$DB" --date 2026-06-30 --by bench >/dev/null
    echo "== $N people"
    "$BENCH" "$DB" 1000 42
done
