#!/usr/bin/env bash
# Installs the Debian packages TeamGraph needs, when they are missing. Safe to run again.
#   libgraphviz-dev  Graphviz's C libraries and headers (the chart renders in process)
#   graphviz         the dot command (tests check that the DOT we write is accepted; benchmarks)
#   fonts-wqy-microhei  a small CJK font so PNG/PDF charts show Chinese names
#   libcairo2-dev    cairo's headers: paged PDFs and PNG tiles are drawn by Graphviz's cairo renderer into
#                    pages TeamGraph makes (the library itself comes with libgraphviz-dev)
#   poppler-utils    pdfinfo and pdftotext, with which the tests check page counts, sizes and text
#   postgresql       the PostgreSQL store's server (issue 11): Tools/pg.sh and the tests start a
#                    throwaway cluster of their own from its binaries (btree_gist included)
#   pkg-config       finds libgvc for the Swift build
#   libsqlite3-dev   SQLite for the store (GRDB links the system library)
#   chromium, chromium-driver  the real browser the viewer's end-to-end test drives (Tools/browser-test.sh)
#   python3-venv     the browser test's virtual environment (selenium from PyPI)
#   openssl, curl    the HTTPS test makes a certificate and talks to `serve --tls-cert` (ServeTLSTests)
#   wrk              the bounded loopback load run of `teamgraph serve` (Tools/bench-serve.sh)
set -euo pipefail
packages=(openssl curl libgraphviz-dev libcairo2-dev poppler-utils graphviz fonts-wqy-microhei pkg-config libsqlite3-dev zlib1g-dev libxml2 chromium chromium-driver wrk python3-venv postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift 6.3 is not on PATH (https://swift.org/install)" >&2; exit 1; }
