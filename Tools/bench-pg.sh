#!/usr/bin/env bash
# The PostgreSQL store against the SQLite store, side by side in one run (issue 11, point 4):
#   1. import of the generated PEOPLE-person file into a new store (PostgreSQL: COPY);
#   2. as-of read of the whole network (`teamgraph stats --db --as-of`, reading included);
#   3. a single edit (`teamgraph assign`, process start included);
#   4. the history of one person (`teamgraph history`);
# and the PostgreSQL database's size after the import (pg_database_size), for people per GB.
# A throwaway cluster is started in .bench/pg (Tools/pg.sh) and stopped at the end.
#
# Usage: Tools/bench-pg.sh [PEOPLE]        (default 1000000; work files in .bench/pg/)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${1:-1000000}"
WORK=.bench/pg
mkdir -p "$WORK"
if [ -z "${TEAMGRAPH_BIN:-}" ]; then
    flock /tmp/tg-swift.lock swift build -c release --product teamgraph >/dev/null
fi
BIN="${TEAMGRAPH_BIN:-$(swift build -c release --show-bin-path)/teamgraph}"
if [ ! -f "$WORK/people-$PEOPLE.csv" ]; then
    python3 Tools/generate.py --people "$PEOPLE" --seed 1 --out "$WORK/people-$PEOPLE.csv" --teams-out "$WORK/teams-$PEOPLE.csv"
fi
URL=$(bash Tools/pg.sh start "$WORK/cluster" | tail -1)
trap 'bash Tools/pg.sh stop "$WORK/cluster"' EXIT
DB="$WORK/bench.teamgraph"
rm -f "$DB" "$DB-wal" "$DB-shm"

now() { python3 -c 'import time; print(time.time())'; }
timed() { local t0 t1; t0=$(now); "$@" >/dev/null; t1=$(now); python3 -c "print(f'{($t1 - $t0):.2f}')"; }

ID=$(sed -n 3p "$WORK/people-$PEOPLE.csv" | cut -d, -f1)
OWNER=$(sed -n 2p "$WORK/people-$PEOPLE.csv" | cut -d, -f1)
declare -A result
for backend in sqlite postgres; do
    if [ "$backend" = sqlite ]; then store=$DB; else store=$URL; fi
    result[$backend,import]=$(timed "$BIN" import "$WORK/people-$PEOPLE.csv" --teams "$WORK/teams-$PEOPLE.csv" --db "$store" --date 2026-06-30 --by bench)
    result[$backend,read]=$(timed "$BIN" stats --db "$store" --as-of 2026-07-01)
    result[$backend,edit]=$(timed "$BIN" assign "$ID" --owner "$OWNER" --db "$store" --date 2026-07-02 --by bench)
    result[$backend,history]=$(timed "$BIN" history "$ID" --db "$store")
done
SIZE=$(bash -c "psql '$URL' -Atc 'SELECT pg_database_size(current_database())'")
FILE=$(stat -c %s "$DB")
printf '%s people, %s\n' "$PEOPLE" "$(date -u +%Y-%m-%d)"
printf '| %-44s | %8s | %10s | %7s |\n' "" SQLite PostgreSQL ratio
for k in import read edit history; do
    python3 -c "a=${result[sqlite,$k]}; b=${result[postgres,$k]}; print(f'| {\"$k\":44} | {a:7.2f}s | {b:9.2f}s | {b/a:6.2f}x |')"
done
python3 -c "print(f'store size: SQLite {$FILE/1e6:.0f} MB, PostgreSQL database {$SIZE/1e6:.0f} MB ({$PEOPLE/($SIZE/1e9):,.0f} people per GB)')"
