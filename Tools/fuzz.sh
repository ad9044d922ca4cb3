#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Tools/fuzz, with AddressSanitizer) and runs each target for
# SECONDS (default 60): the people CSV reader, the JSON network reader, and date parsing.
#
#   bash Tools/fuzz.sh [SECONDS]
#
# Exits 1 if any target found a crash, a timeout (an input taking over 10 s) or an input using
# over 2 GB; the inputs are saved under .fuzz/findings/TARGET/ and their names printed. Turn each
# into a regression test: copy it to Tests/Fixtures/fuzz/TARGET/ (FuzzRegressionTests reads every
# file there). The corpus grows in .fuzz/corpus/TARGET/ from run to run (not committed); the seeds
# are Tools/fuzz/seeds/, Samples/, Tests/Fixtures/bad/ and Tests/Fixtures/fuzz/.
#
# When other Swift builds may run at the same time, run it as `flock /tmp/tg-swift.lock bash Tools/fuzz.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: bash Tools/fuzz.sh [SECONDS]" >&2; exit 2; }

scratch=Tools/fuzz/.build-fuzz
echo "fuzz: building the harnesses (release, -sanitize=fuzzer,address) in $scratch"
swift build -c release --package-path Tools/fuzz --scratch-path "$scratch" \
    --sanitize fuzzer --sanitize address \
    -Xswiftc -parse-as-library \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
bin="$scratch/release"

work=.fuzz
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$work/findings"

# target, the seed files besides Tools/fuzz/seeds/TARGET, the longest input tried
seed_files() {
    case "$1" in
        people-csv) ls Samples/*.csv Tests/Fixtures/bad/*.csv 2>/dev/null ;;
        network-json) ;;
        day) ;;
    esac
}
max_len() {
    case "$1" in
        day) echo 64 ;;
        *) echo 16384 ;;
    esac
}

failed=()
for target in people-csv network-json day; do
    seeds="$work/seeds/$target"
    corpus="$work/corpus/$target"
    findings="$work/findings/$target"
    mkdir -p "$seeds" "$corpus" "$findings"
    cp Tools/fuzz/seeds/"$target"/* "$seeds"/
    for file in $(seed_files "$target"); do cp "$file" "$seeds/$(echo "$file" | tr / _)"; done
    if [ "$target" = people-csv ]; then
        # A people file and its teams file as one input, split at a `#teams` line.
        for teams in Samples/teams.csv Tests/Fixtures/bad/*.teams.csv; do
            people="${teams%teams.csv}"
            [ "$teams" = Samples/teams.csv ] && people=Samples/network.csv || people="${people%.}.csv"
            [ -f "$people" ] && { cat "$people"; printf '\n#teams\n'; cat "$teams"; } >"$seeds/with-teams_$(basename "$people")"
        done
    fi
    if [ -d "Tests/Fixtures/fuzz/$target" ]; then
        for file in Tests/Fixtures/fuzz/"$target"/*; do
            [ -f "$file" ] && cp "$file" "$seeds/regression-$(basename "$file")"
        done
    fi
    before=$(ls "$findings" | wc -l)
    echo "fuzz: $target for ${seconds}s (corpus $corpus, findings $findings)"
    status=0
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$bin/fuzz-$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -max_len="$(max_len "$target")" -artifact_prefix="$findings/" -print_final_stats=1 \
        "$corpus" "$seeds" >"$work/$target.log" 2>&1 || status=$?
    tail -n 12 "$work/$target.log" | sed "s/^/fuzz: $target: /"
    after=$(ls "$findings" | wc -l)
    if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
        echo "fuzz: $target FAILED (exit $status); the log is $work/$target.log; new findings:" >&2
        ls -t "$findings" | head -n $((after - before > 0 ? after - before : 1)) | sed "s|^|  $findings/|" >&2
        failed+=("$target")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: findings in: ${failed[*]} (saved under $work/findings/)" >&2
    exit 1
fi
echo "fuzz: no findings in ${seconds}s per target"
