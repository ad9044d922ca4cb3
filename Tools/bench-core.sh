#!/usr/bin/env bash
# Times teamgraph stats, metrics and gaps on a generated 1,000,000-person network, side by side
# with the same computation in networkx, in one run. Prints seconds and peak memory.
#   bash Tools/bench-core.sh [PEOPLE] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
seed=${2:-42}
asof=2026-06-30
mkdir -p .bench
net=.bench/people-$people-$seed.csv
teams=.bench/teams-$people-$seed.csv
[ -f "$net" ] || python3 Tools/generate.py --people "$people" --seed "$seed" --out "$net" --teams-out "$teams" --as-of "$asof"
python3 -c "import networkx" 2>/dev/null || pip install -q networkx
swift build -c release --product teamgraph >/dev/null
tg=.build/release/teamgraph
echo "network: $net ($(du -m "$net" | cut -f1) MB, $people people); machine: $(nproc) cores, $(uname -m)"
results=$(mktemp)
for run in 1 2 3; do
  for cmd in stats metrics gaps; do
    fmt=(); [ $cmd = stats ] || fmt=(--format csv)
    /usr/bin/time -o "$results.t" -f "%e %M" $tg $cmd "$net" --teams "$teams" --as-of $asof "${fmt[@]}" >/dev/null
    echo "teamgraph-$cmd $(cat "$results.t")" >> "$results"
  done
done
/usr/bin/time -o "$results.t" -f "%e %M" python3 Tools/reference_networkx.py all "$net" --teams "$teams" --as-of $asof --out-dir "$(mktemp -d)" 2>/dev/null
echo "networkx-all $(cat "$results.t")" >> "$results"
python3 - "$results" <<'PY'
import sys, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, secs, kb = line.split()
    rows[name].append((float(secs), int(kb)))
nx = rows.pop("networkx-all")[0]
total = 0.0
print(f"{'what':<20}{'best of 3 (s)':>14}{'peak RSS (MB)':>15}")
for name, vals in rows.items():
    best = min(v[0] for v in vals); mem = max(v[1] for v in vals) / 1024
    total += best
    print(f"{name:<20}{best:>14.2f}{mem:>15.0f}")
print(f"{'teamgraph all three':<20}{total:>14.2f}")
print(f"{'networkx (all three)':<20}{nx[0]:>14.2f}{nx[1]/1024:>15.0f}")
print(f"networkx / teamgraph (all three, each loading the file): {nx[0]/total:.1f}x")
PY
