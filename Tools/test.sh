#!/usr/bin/env bash
# Installs what is missing, checks the formatting (to fix it: swift format format --in-place
# --recursive --parallel, same paths), builds, runs a short fuzzing pass over the readers
# (Tools/fuzz.sh; longer by hand: bash Tools/fuzz.sh 600), drives the viewer in headless Chromium
# (Tools/browser-test.sh), and runs the whole test suite (Swift
# Testing runs tests in parallel). The test run comes last so that its summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift format lint --strict --recursive --parallel \
    Sources Tests Package.swift Tools/fuzz/Package.swift Tools/fuzz/Sources Tools/CSVReaderBench Tools/EditBench
swift build
bash Tools/fuzz.sh "${TEAMGRAPH_FUZZ_SECONDS:-20}"
bash Tools/browser-test.sh
swift test
