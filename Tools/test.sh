#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (Swift Testing runs them in parallel).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build
swift test
