#!/usr/bin/env bash
# Measures issue 4's three store figures in one run (release build, this machine):
#   0. issue 9's import ratio: `teamgraph stats FILE` and the import of the same FILE into a new
#      store, side by side (target: the import within 2.5 x the stats time);
#   1. importing the 1,000,000-person generated file into a new store;
#   2. loading the current network from the store for analysis (`teamgraph stats --db`);
#   3. an as-of read on a store with 1,000,000 people and 200,000 recorded changes.
# The 200,000 changes are recorded by four re-imports of 50,000 changes each (roles, statuses,
# owners and extra values changed in a copy of the file), dated a month apart; the as-of read is
# dated before all of them, so every change is undone.
#
# Usage: Tools/bench-store.sh [PEOPLE]        (default 1000000; work files in .bench/store/)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${1:-1000000}"
WORK=.bench/store
mkdir -p "$WORK"
# TEAMGRAPH_BIN: a release binary already built (skips the build).
if [ -z "${TEAMGRAPH_BIN:-}" ]; then
    flock /tmp/tg-swift.lock swift build -c release --product teamgraph >/dev/null
fi
BIN="${TEAMGRAPH_BIN:-$(swift build -c release --show-bin-path)/teamgraph}"

seconds() { local start=$1 end=$2; python3 -c "print(f'{($end - $start):.2f}')"; }
now() { python3 -c 'import time; print(time.time())'; }

if [ ! -f "$WORK/people-$PEOPLE.csv" ]; then
    python3 Tools/generate.py --people "$PEOPLE" --seed 1 --out "$WORK/people-$PEOPLE.csv" --teams-out "$WORK/teams-$PEOPLE.csv"
fi
DB="$WORK/bench.teamgraph"
rm -f "$DB" "$DB-wal" "$DB-shm"

t0=$(now)
"$BIN" stats "$WORK/people-$PEOPLE.csv" --teams "$WORK/teams-$PEOPLE.csv" --as-of 2026-06-30 >/dev/null
t1=$(now)
STATSFILE=$(seconds "$t0" "$t1")

t0=$(now)
"$BIN" import "$WORK/people-$PEOPLE.csv" --teams "$WORK/teams-$PEOPLE.csv" --db "$DB" --date 2026-06-30 --by bench >/dev/null
t1=$(now)
IMPORT=$(seconds "$t0" "$t1")
RATIO=$(python3 -c "print(f'{$IMPORT / $STATSFILE:.2f}')")

t0=$(now)
"$BIN" stats --db "$DB" --as-of 2026-06-30 >/dev/null
t1=$(now)
LOAD=$(seconds "$t0" "$t1")

# 200,000 changes: four rounds of 50,000 edits to a copy of the file, each re-imported.
python3 - "$WORK/people-$PEOPLE.csv" "$WORK" <<'PY'
import csv, random, sys
source, work = sys.argv[1], sys.argv[2]
with open(source, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, people = rows[0], rows[1:]
col = {name: k for k, name in enumerate(header)}
rng = random.Random(42)
per_round = min(50_000, len(people) // 5)
for round_ in range(1, 5):
    for row in rng.sample(people, per_round):
        kind = rng.randrange(4)
        if kind == 0:
            row[col["role"]] = row[col["role"]] + "+"
        elif kind == 1:
            row[col["status"]] = "inactive" if row[col["status"]] in ("", "active") else "active"
        elif kind == 2 and row[col["sponsor"]] and row[col["owner"]] != row[col["sponsor"]]:
            row[col["owner"]] = row[col["sponsor"]]  # the sponsor joined earlier: never a cycle
        else:
            row[col["city"]] = row[col["city"]] + "*"
    with open(f"{work}/round{round_}.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([header] + people)
PY
t0=$(now)
for round in 1 2 3 4; do
    "$BIN" import "$WORK/round$round.csv" --teams "$WORK/teams-$PEOPLE.csv" --db "$DB" --date "$(printf "2026-%02d-15" $((6 + round)))" --by bench
done
t1=$(now)
REIMPORT=$(seconds "$t0" "$t1")
CHANGES=$("$BIN" log --db "$DB" --format csv | tail -n +2 | wc -l)

t0=$(now)
"$BIN" stats --db "$DB" --as-of 2026-07-01 >/dev/null
t1=$(now)
ASOF=$(seconds "$t0" "$t1")

t0=$(now)
"$BIN" stats --db "$DB" --as-of 2026-12-31 >/dev/null
t1=$(now)
CURRENT=$(seconds "$t0" "$t1")

SIZE=$(du -h "$DB" | cut -f1)
echo "people: $PEOPLE; recorded changes: $CHANGES; store size: $SIZE"
echo "stats on the file:                          ${STATSFILE} s"
echo "import (new store):                         ${IMPORT} s   (target 15 s; ${RATIO} x stats, target 2.5 x)"
echo "load current network + stats:               ${LOAD} s   (target 2 s)"
echo "as-of read + stats, $CHANGES changes undone: ${ASOF} s   (target 3 s)"
echo "current read + stats after the changes:     ${CURRENT} s"
echo "4 re-imports recording the changes:         ${REIMPORT} s"
