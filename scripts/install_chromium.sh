#!/usr/bin/env bash
# Makes Debian's headless Chromium available for the report's render test
# (crates/nexus-report/tests/render.rs). Installs only as root with apt-get; otherwise says why
# not and exits 0, and the test reports SKIPPED.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium.sh: not root or no apt-get; install Debian's chromium package by hand" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
