#!/usr/bin/env bash
# Times the workbench's first screen in headless Chromium (web/e2e/first_screen.mjs) against
# `nexus serve` on a loopback port, over the store DB (default: the load test's 10,000-document
# store, built by scripts/load_test.sh). Needs Debian's chromium (scripts/install_chromium.sh)
# and node. Usage: scripts/first_screen.sh [DB] [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
DB=${1:-$TARGET/load-test/store-10000.db}
RUNS=${2:-5}
PORT=${PORT:-18282}
[ -f "$DB" ] || { echo "no store at $DB (run scripts/load_test.sh first, or pass one)" >&2; exit 1; }
(cd "$ROOT" && CARGO_TARGET_DIR=$TARGET cargo build --release -q -p nexus-cli --bin nexus)
# playwright-core comes from the node_modules that nexus-server's build.rs installed.
MODULES=$(find "$TARGET/release/build" -maxdepth 4 -type d -path '*nexus-server-*/out/npm/node_modules' | head -1)
[ -n "$MODULES" ] || { echo "no node_modules from nexus-server's build under $TARGET/release/build" >&2; exit 1; }
"$TARGET/release/nexus" --db "$DB" serve --bind "127.0.0.1:$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/stats" >/dev/null && break; sleep 0.2; done
NODE_PATH=$MODULES node "$ROOT/web/e2e/first_screen.mjs" "http://127.0.0.1:$PORT" "$RUNS"
