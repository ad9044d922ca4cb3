#!/usr/bin/env bash
# Issue 10's serving figures, in one run (release build, loopback only, every load bounded in time):
#   1. start-up: `teamgraph stats FILE` against `teamgraph serve FILE` until its first answer, and
#      the peak memory of both (target: within 2 x the time and 1.5 x the memory of stats);
#   2. 32 concurrent clients (wrk -t2 -c32) for 15 s on a mix of search, person and chain requests
#      of 100,000 people picked at random (so few requests repeat and the server's answer caches
#      seldom help): latency percentiles and errors (target: p99 under 50 ms, no errors);
#   3. single searches (an id, an id prefix, a surname, one letter, digits), uncached, then a focused
#      chart of about 2,000 people (a person's downline), drawn anew (target: under 500 ms);
#   4. chain requests alone, then while charts are drawn without pause by two other clients
#      (charts are drawn on a thread pool, so chains should not slow down much).
#
# Usage: Tools/bench-serve.sh [PEOPLE] [SEED]     (default 1000000 42; data in .bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
seed=${2:-42}
asof=2026-06-30
mkdir -p .bench/serve
net=.bench/people-$people-$seed.csv
teams=.bench/teams-$people-$seed.csv
[ -f "$net" ] || python3 Tools/generate.py --people "$people" --seed "$seed" --out "$net" --teams-out "$teams" --as-of "$asof"
command -v wrk >/dev/null || { echo "bench-serve: wrk is missing (bash Tools/setup.sh installs it)" >&2; exit 1; }
if [ -z "${TEAMGRAPH_BIN:-}" ]; then
    flock /tmp/tg-swift.lock swift build -c release --product teamgraph >/dev/null
fi
tg="${TEAMGRAPH_BIN:-$(swift build -c release --show-bin-path)/teamgraph}"
work=.bench/serve
echo "network: $net ($(du -m "$net" | cut -f1) MB, $people people); machine: $(nproc) cores, $(uname -m)"

# 1. stats, then serve until it answers.
/usr/bin/time -o "$work/stats.time" -f "%e %M" "$tg" stats "$net" --teams "$teams" --as-of $asof >/dev/null
read -r stats_s stats_kb <"$work/stats.time"
port_file="$work/port"
rm -f "$port_file"
start=$(python3 -c 'import time; print(time.time())')
"$tg" serve "$net" --teams "$teams" --port 0 >"$port_file" 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
python3 - "$port_file" "$start" >"$work/startup" <<'PY'
import sys, time, urllib.request
port_file, start = sys.argv[1], float(sys.argv[2])
deadline = time.time() + 120
port = None
while time.time() < deadline:
    try:
        text = open(port_file).read()
        if text.endswith("\n"):
            port = int(text.strip().rsplit(":", 1)[1])
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/info", timeout=5) as r:
                r.read()
            break
    except Exception:
        pass
    time.sleep(0.02)
print(port, f"{time.time() - start:.2f}")
PY
read -r port serve_s <"$work/startup"
serve_kb=$(awk '/VmHWM/ {print $2}' /proc/$server/status)
python3 -c "
s, k, t, m = $stats_s, $stats_kb, $serve_s, $serve_kb
print(f'start-up: stats {s:.2f} s, {k/1024:.0f} MB peak | serve until its first answer {t:.2f} s ({t/s:.2f} x stats; target 2 x), {m/1024:.0f} MB peak ({m/k:.2f} x stats; target 1.5 x)')
"

# The request mix: people picked at random with a fixed seed.
python3 - "$net" "$work" <<'PY'
import csv, random, sys, urllib.parse
net, work = sys.argv[1], sys.argv[2]
rng = random.Random(7)
with open(net, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
picked = rng.sample(rows, min(100000, len(rows)))
mix, chains = [], []
for k, row in enumerate(picked):
    pid, name = row["id"], row["name"]
    q = urllib.parse.quote
    kind = k % 4
    if kind == 0:
        mix.append(f"/api/people?q={q(name[:2])}&limit=20")
    elif kind == 1:
        mix.append(f"/api/people?q={q(pid)}&limit=20")
    elif kind == 2:
        mix.append(f"/api/people/{q(pid)}?as_of=2026-06-30")
    else:
        mix.append(f"/api/people/{q(pid)}/chain?by={'owner' if k % 8 == 3 else 'sponsor'}")
    chains.append(f"/api/people/{q(pid)}/chain?by=owner")
open(f"{work}/mix.txt", "w").write("\n".join(mix) + "\n")
open(f"{work}/chains.txt", "w").write("\n".join(chains) + "\n")
PY
cat >"$work/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = math.random(#paths)
request = function()
    counter = counter % #paths + 1
    return wrk.format("GET", paths[counter])
end
LUA
base="http://127.0.0.1:$port"
# Wait for what the server builds after start-up (the search index), and fill the gaps of the day.
python3 -c "import urllib.request; [urllib.request.urlopen('$base' + p).read() for p in ['/api/people?q=a', '/api/people/P0000001?as_of=2026-06-30']]" 2>/dev/null || true

# 2. 32 clients on the mix.
echo "== 32 clients, 15 s: search (name prefix, id), person, chain"
PATHS="$work/mix.txt" wrk -t2 -c32 -d15s --latency -s "$work/paths.lua" "$base" | sed -n '/Latency Distribution/,$p'
python3 -c "
m, k = $(awk '/VmHWM/ {print $2}' /proc/$server/status), $stats_kb
print(f'serve peak memory after the mix (search index built): {m/1024:.0f} MB ({m/k:.2f} x stats; target 1.5 x)')
"
grep -o 'search index of .*' "$work/serve.log" || true
# Single searches, one client: each asked with limits never used before, so none is a cached answer.
python3 - "$base" <<'PY'
import statistics, sys, time, urllib.parse, urllib.request
base = sys.argv[1]
for label, query in [("an id", "P0500000"), ("an id prefix", "P00012"), ("a surname", "闫"), ("one letter", "a"), ("digits", "0001")]:
    times = []
    for limit in range(31, 42):
        start = time.perf_counter()
        urllib.request.urlopen(f"{base}/api/people?q={urllib.parse.quote(query)}&limit={limit}").read()
        times.append((time.perf_counter() - start) * 1000)
    print(f"single search, {label} ({query}): median {statistics.median(times):.2f} ms, max {max(times):.2f} ms of {len(times)}")
PY

# 3. A focused chart of about 2,000 people.
root=$("$tg" metrics "$net" --teams "$teams" --as-of $asof --format csv | python3 -c "
import csv, sys
best = None
for row in csv.DictReader(sys.stdin):
    d = int(row['downline'])
    if d <= 2000 and (best is None or d > best[1]): best = (row['id'], d)
print(best[0], best[1])")
read -r root size <<<"$root"
python3 - "$base" "$root" "$size" <<'PY'
import sys, time, urllib.request
base, root, size = sys.argv[1:4]
for engine in ["auto", "tree"]:
    start = time.time()
    with urllib.request.urlopen(f"{base}/api/chart.svg?root={root}&engine={engine}&max_nodes=2000&as_of=2026-06-30") as r:
        data = r.read()
    print(f"focused chart of {root} and their {int(size):,} people, engine {engine}: {time.time() - start:.3f} s ({len(data):,} bytes)")
PY

# 4. Chains alone, then while two clients draw charts without pause.
echo "== chains alone: 32 clients, 10 s"
PATHS="$work/chains.txt" wrk -t2 -c32 -d10s --latency -s "$work/paths.lua" "$base" | sed -n '/Latency Distribution/,/requests in/p'
python3 - "$base" "$work" <<'PY' &
import sys, threading, time, urllib.request
base, work = sys.argv[1], sys.argv[2]
stop = time.time() + 11
count = [0]
def draw(offset):
    k = offset
    while time.time() < stop:
        k += 2
        urllib.request.urlopen(f"{base}/api/chart.svg?max_nodes={1500 + k}&engine=tree").read()
        count[0] += 1
threads = [threading.Thread(target=draw, args=(o,)) for o in (0, 1)]
for t in threads: t.start()
for t in threads: t.join()
open(f"{work}/charts-drawn", "w").write(str(count[0]))
PY
drawer=$!
sleep 0.5
echo "== chains while charts of about 1,500 people are drawn without pause: 32 clients, 10 s"
PATHS="$work/chains.txt" wrk -t2 -c32 -d10s --latency -s "$work/paths.lua" "$base" | sed -n '/Latency Distribution/,/requests in/p'
wait $drawer
echo "charts drawn meanwhile: $(cat "$work/charts-drawn")"
kill -TERM $server
wait $server || true
trap - EXIT
