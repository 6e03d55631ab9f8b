#!/usr/bin/env bash
# Fresh machine to test results: installs what the tests need (Debian chromium + CJK fonts for the
# browser tests, the pinned Python packages), lints (ruff, configured in pyproject.toml), then runs the
# whole suite. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)  # PDF font checks (tests/test_slide.py)
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
# --- PostGIS for the workspace store tests (tests/test_workspace_store.py) -------------------------
# A private cluster under /tmp on its own port, started for this run and stopped at exit; the tests
# read JJJ_TEST_DATABASE_URL and, with CI=true, fail (never skip) when it is missing.
if [ -z "${JJJ_TEST_DATABASE_URL:-}" ]; then
  PG_BIN=/usr/lib/postgresql/15/bin
  if [ ! -x "$PG_BIN/initdb" ] || ! dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15-postgis-3 >/dev/null
  fi
  PG_DIR=/tmp/jjj-test-pg
  PG_PORT=${JJJ_TEST_PG_PORT:-55432}
  as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  if [ ! -s "$PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$PG_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PG_DIR" -A trust -U postgres >/dev/null
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" -w -l "$PG_DIR/server.log" \
      -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
    trap 'as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast stop >/dev/null 2>&1 || true' EXIT
  fi
  export JJJ_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
fi
# --- end of the PostGIS block ---------------------------------------------------------------------
python3 -m ruff check .  # a style break fails CI before any test runs
python3 -m pytest "$@"
