#!/usr/bin/env bash
# Validate STIX 2.1 bundles with the OASIS validator (stix2-validator), installed on first use
# into a virtualenv under the cargo target directory (or $STIX_VENV).
#   scripts/stix_validate.sh BUNDLE.json...
# Exit status: 0 valid, non-zero invalid (the validator's codes), 100 the validator could not be installed.
set -euo pipefail
VERSION=3.3.2
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="${STIX_VENV:-${CARGO_TARGET_DIR:-$here/target}/py-stix}"
stamp="$venv/.installed-$VERSION"
if [ ! -f "$stamp" ]; then
  # Installed in a fresh directory and renamed into place, so two runs at once, or one killed
  # half-way, never leave a broken environment behind.
  tmp="$venv.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$venv")"
  if ! python3 -m venv "$tmp" >&2 || ! "$tmp/bin/python" -m pip install --quiet --disable-pip-version-check "stix2-validator==$VERSION" >&2; then
    rm -rf "$tmp"
    echo "stix_validate: could not install stix2-validator==$VERSION into $venv (python3 -m venv and pip, which need PyPI)" >&2
    exit 100
  fi
  touch "$tmp/.installed-$VERSION"
  rm -rf "$venv"
  mv "$tmp" "$venv" 2>/dev/null || rm -rf "$tmp"
fi
# Through the interpreter, not the entry-point script, whose #! names the directory it was built in.
exec "$venv/bin/python" -c 'import sys; from stix2validator.scripts.stix2_validator import main; sys.exit(main())' \
  --version 2.1 --enforce-refs "$@"
