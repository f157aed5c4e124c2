#!/usr/bin/env bash
# Load test of the workbench server (`nexus serve`): a store of 10,000 generated documents that
# state relations between knowledge-base names (nexus-gen-corpus --relations, then nexus ingest),
# the server on a loopback port, and wrk with 200 connections for 15 s against each of:
#   entity  — /api/entities/{key}: the entity profile (relations with their claims and evidence,
#             timeline, aliases), rotating over the 100 most documented entities;
#   claims  — /api/timeline?entity={key}: an entity's dated claims with their sentences;
#   search  — /api/search?q=...: documents, entities, claims and facets, rotating over 20 queries;
#   graph   — /api/graph?center={key}: an entity's neighbourhood, aggregated on the server.
# Prints p50 and p99 latency per endpoint (wrk --latency).
#
# Usage: scripts/load_test.sh [DOCS] (default 10000). Environment: CARGO_TARGET_DIR (default
# target), PORT (default 18181), DURATION (default 15s), CONNECTIONS (default 200), READERS
# (server read connections, default 4). wrk is installed with apt-get when missing and running
# as root (Debian package `wrk`). The corpus and store are kept under the target directory and
# reused by the next run.
set -euo pipefail

DOCS=${1:-10000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
PORT=${PORT:-18181}
DURATION=${DURATION:-15s}
# Each endpoint is first read over its rotating paths at 4 connections, unmeasured, as a served
# workbench would be by its analysts: the measured run then sees the response cache filled
# (set WARMUP=0 to measure the cold start instead; BENCHMARKS.md gives both).
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-200}
READERS=${READERS:-4}
WORK=$TARGET/load-test
CORPUS=$WORK/corpus-$DOCS
DB=$WORK/store-$DOCS.db

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq wrk >/dev/null
    else
        echo "wrk is not installed (Debian: apt-get install wrk, as root)" >&2
        exit 1
    fi
fi

echo "== building (release)" >&2
(cd "$ROOT" && CARGO_TARGET_DIR=$TARGET nice -n 5 cargo build --release -q -p nexus-cli -p nexus-testkit --bin nexus --bin nexus-gen-corpus)
NEXUS=$TARGET/release/nexus
mkdir -p "$WORK"
if [ ! -f "$CORPUS/.done" ]; then
    rm -rf "$CORPUS"
    "$TARGET/release/nexus-gen-corpus" --docs "$DOCS" --words 400 --relations --out "$CORPUS"
    touch "$CORPUS/.done"
fi
if [ ! -f "$DB.done" ]; then
    rm -f "$DB" "$DB-wal" "$DB-shm"
    nice -n 5 "$NEXUS" --db "$DB" ingest "$CORPUS"
    touch "$DB.done"
fi
"$NEXUS" --db "$DB" stats | grep -E "^(documents|works|entities|claims):" >&2

nice -n 5 "$NEXUS" --db "$DB" serve --bind "127.0.0.1:$PORT" --readers "$READERS" 2>"$WORK/serve.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
    curl -sf "$BASE/api/stats" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf "$BASE/api/stats" >/dev/null

# The 100 most documented entities, URL-encoded, for the rotating paths.
KEYS=$(curl -sf "$BASE/api/entities?limit=100" | python3 -c '
import json, sys, urllib.parse
for e in json.load(sys.stdin)["items"]:
    print(urllib.parse.quote(e["key"], safe=""))')
QUERIES="cocaine cartel seized+tonnes police port gold shipped+from works+with operates smuggling border colombia mexico peru brazil spain coca+leaf military court prosecutors"

# A wrk script that cycles through the given paths.
lua() {
    local file=$1
    shift
    {
        echo "local paths = {"
        for p in "$@"; do echo "  \"$p\","; done
        echo "}"
        echo "local i = 0"
        echo "request = function() i = i % #paths + 1; return wrk.format(\"GET\", paths[i]) end"
    } >"$file"
}
entity_paths=()
claims_paths=()
graph_paths=()
for k in $KEYS; do
    entity_paths+=("/api/entities/$k")
    claims_paths+=("/api/timeline?entity=$k&limit=100")
    graph_paths+=("/api/graph?center=$k&limit=300")
done
search_paths=()
for q in $QUERIES; do search_paths+=("/api/search?q=$q&limit=20"); done
lua "$WORK/entity.lua" "${entity_paths[@]}"
lua "$WORK/claims.lua" "${claims_paths[@]}"
lua "$WORK/search.lua" "${search_paths[@]}"
lua "$WORK/graph.lua" "${graph_paths[@]}"

echo "== wrk -t2 -c$CONNECTIONS -d$DURATION --latency, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "   (each endpoint warmed first: wrk -c4 for $WARMUP over the same paths, not measured; WARMUP=0 skips it)" >&2
printf "%-8s %10s %10s %10s %12s %8s\n" endpoint p50 p90 p99 requests/s errors
for name in entity claims search graph; do
    if [ "$WARMUP" != 0 ]; then
        nice -n 5 wrk -t2 -c4 -d"$WARMUP" -s "$WORK/$name.lua" "$BASE" >/dev/null 2>&1
    fi
    out=$(nice -n 5 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/$name.lua" "$BASE" 2>&1)
    echo "$out" >"$WORK/wrk-$name.txt"
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p90=$(echo "$out" | awk '$1 == "90%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {printf "%s ", $0}')
    printf "%-8s %10s %10s %10s %12s %8s\n" "$name" "$p50" "$p90" "$p99" "$rps" "${errors:-0}"
done
echo "(full wrk output in $WORK/wrk-*.txt)" >&2
