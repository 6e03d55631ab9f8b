#!/usr/bin/env bash
# Fresh machine to test results: installs what the tests need (Debian chromium + CJK fonts for the
# browser tests, the pinned Python packages), then runs the whole suite. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# nginx for tests/test_replicas.py (replicas behind nginx on loopback; Debian puts it in /usr/sbin).
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt
python3 -m pytest "$@"
