#!/usr/bin/env bash
# The viewer's real-browser end-to-end test (issue 10 point 6): starts the already-built
# `teamgraph serve Samples/network.csv --port 0` on a free loopback port and drives the page in
# headless Chromium with Selenium (Tools/browser_test.py): search a Chinese name, click the card,
# the panel and its chains, expand a "+N people" card, toggle the relation, the gaps panel, the
# keyboard, phone width, no errors in the browser log.
#
# Needs Debian's chromium and chromium-driver (Tools/setup.sh installs them) and a build
# (swift build). Selenium goes into a virtual environment in .build/browser-venv (made once).
# On success saves Samples/viewer.png (the README's screenshot); on failure a screenshot, the page
# and the browser log go to .build/browser-failures/ and the exit status is 1. The server is
# always stopped. Bounded: each wait 10 s, the whole run 2 minutes.
#
#   bash Tools/browser-test.sh            TEAMGRAPH_BIN=path/to/teamgraph to test another binary
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=${CHROMIUM:-/usr/bin/chromium}
chromedriver=${CHROMEDRIVER:-/usr/bin/chromedriver}
for tool in "$chromium" "$chromedriver"; do
    if [[ ! -x $tool ]]; then
        echo "browser-test: $tool is missing; install it with: bash Tools/setup.sh" >&2
        exit 2
    fi
done

venv=.build/browser-venv
if ! "$venv/bin/python" -c 'import selenium' 2>/dev/null; then
    echo "browser-test: making $venv with selenium"
    rm -rf "$venv"
    if ! python3 -m venv "$venv"; then
        echo "browser-test: python3 -m venv failed; on Debian install python3-venv (apt-get install python3-venv)" >&2
        exit 2
    fi
    if ! "$venv/bin/pip" install --quiet --disable-pip-version-check selenium; then
        rm -rf "$venv"
        echo "browser-test: pip install selenium failed (it needs the Python package index once)" >&2
        exit 2
    fi
fi

bin=${TEAMGRAPH_BIN:-$(swift build --show-bin-path)/teamgraph}
if [[ ! -x $bin ]]; then
    echo "browser-test: no $bin; build first: swift build" >&2
    exit 2
fi

work=$(mktemp -d)
servers=()
stop() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${servers[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

# start NAME ARGS...: runs `teamgraph serve ARGS --port 0`, sets $url from its first line
# (serving on http://127.0.0.1:PORT) once it answers
start() {
    local name=$1
    shift
    "$bin" serve "$@" --port 0 >"$work/$name.out" 2>"$work/$name.err" &
    local pid=$!
    servers+=("$pid")
    url=""
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        url=$(head -n 1 "$work/$name.out" | grep -o 'http://[^ ]*' || true)
        [[ -n $url ]] && break
        sleep 0.1
    done
    if [[ -z $url ]]; then
        echo "browser-test: the $name server did not start within 10 s" >&2
        cat "$work/$name.out" "$work/$name.err" >&2
        exit 1
    fi
    for _ in $(seq 100); do
        "$venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
            "$url/api/info" 2>/dev/null && break
        sleep 0.1
    done
}

# a store whose names look like markup (they must show literally), with one later change
{
    cat Samples/network.csv
    printf '%s\n' 'X 1,<script>window.__pwned=1</script>,M001,M001,<img src=x onerror=window.__pwned=2>,T1,2026-01-05,在职,"a&b","""q"" & <b>b</b>"'
    printf '%s\n' 'X%2,"Tom & ""Jerry"" <i>",X 1,X 1,业务员,T1,2026-01-06,在职,,'
} >"$work/hostile.csv"
"$bin" import "$work/hostile.csv" --db "$work/hostile.teamgraph" --date 2026-01-01 >/dev/null
"$bin" move 'X%2' --sponsor M003 --db "$work/hostile.teamgraph" --date 2026-06-01 >/dev/null
start hostile --db "$work/hostile.teamgraph"
hostile_url=$url

# a store with accounts: an editor and a viewer scoped to M002's downline
"$bin" import Samples/network.csv --teams Samples/teams.csv --db "$work/accounts.teamgraph" --date 2026-01-01 >/dev/null
printf 'pw-ed\n' | "$bin" user add ed --role editor --db "$work/accounts.teamgraph" >/dev/null
printf 'pw-lin\n' | "$bin" user add lin --role viewer --scope M002 --db "$work/accounts.teamgraph" >/dev/null
start accounts --db "$work/accounts.teamgraph"
accounts_url=$url

start sample Samples/network.csv
echo "browser-test: $url (and $hostile_url, a store of hostile names)"
rm -rf .build/browser-failures
status=0
timeout --kill-after=10 150 "$venv/bin/python" Tools/browser_test.py --url "$url" --hostile-url "$hostile_url" \
    --accounts-url "$accounts_url" \
    --screenshot Samples/viewer.png \
    --failures .build/browser-failures --chromium "$chromium" --chromedriver "$chromedriver" || status=$?
if [[ $status -ne 0 ]]; then
    [[ $status -eq 124 ]] && echo "browser-test: over the 150-second bound" >&2
    echo "browser-test: FAILED; the server's log:" >&2
    tail -n 20 "$work/sample.err" "$work/hostile.err" "$work/accounts.err" >&2 || true
    exit 1
fi
