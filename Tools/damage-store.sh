#!/bin/sh
# Builds the damaged-store corpus: a real store made by `teamgraph import` (plus two edits, so
# it has change rows), then one copy per Tests/Fixtures/damage/*.sql with that file's hand edit
# applied through SQLite, and shows what `validate --db` and `stats --db` say about each.
#
# Each .sql file starts with `-- expect: TEXT`: the message that must name the damage. The
# store tests (Tests/TeamGraphStoreTests/DamagedStoreTests.swift) apply the same files the same
# way and check exit status 2, that message, and that no file was changed or left behind.
#
# Usage: Tools/damage-store.sh [OUTDIR]   (default: a new temporary directory; needs python3)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${TEAMGRAPH:-$root/.build/debug/teamgraph}
out=${1:-$(mktemp -d)}
mkdir -p "$out"
base="$out/base.teamgraph"
rm -f "$base" "$base-wal" "$base-shm"

# The base store: keep these steps in step with DamagedStoreTests.baseStore().
"$bin" import "$root/Samples/network.csv" --db "$base" --date 2026-01-01 --by damage-script >/dev/null
"$bin" move M002 --sponsor M003 --db "$base" --date 2026-03-01 --by damage-script >/dev/null
"$bin" set M004 --role 顾问 --db "$base" --date 2026-03-01 --by damage-script >/dev/null

failed=0
for sql in "$root"/Tests/Fixtures/damage/*.sql; do
    name=$(basename "$sql" .sql)
    store="$out/$name.teamgraph"
    cp "$base" "$store"
    # The hand edit, as a user with the sqlite3 shell would make it (foreign keys off).
    python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(open(sys.argv[2], encoding="utf-8").read())
db.commit()
db.close()' "$store" "$sql"
    expect=$(sed -n 's/^-- expect: //p' "$sql")
    for command in validate stats; do
        set +e
        message=$("$bin" $command --db "$store" --as-of 2026-02-01 2>&1 >/dev/null)
        status=$?
        set -e
        case "$message" in
        *"$expect"*) verdict=ok ;;
        *) verdict="MISSING: $expect"; failed=1 ;;
        esac
        [ "$status" = 2 ] || { verdict="$verdict; exit $status, not 2"; failed=1; }
        echo "$name $command: exit $status, $verdict"
    done
done
echo "damaged stores in $out"
exit $failed
