#!/usr/bin/env bash
# Regenerates data/geo/countries-110m.tsv from Natural Earth's 1:110m countries as packaged by
# the npm package world-atlas (pinned in scripts/world-map/package-lock.json), with node and npm.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/scripts/world-map"
npm ci --no-audit --no-fund --silent
mkdir -p "$root/data/geo"
node convert.mjs "$root/data/geo/countries-110m.tsv"
