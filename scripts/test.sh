#!/usr/bin/env bash
# `npm test`: the whole suite. Type-check and lint, a production build, unit + integration tests
# (SQLite and PostgreSQL) with the crash/concurrency tests against that build, then Playwright in
# Debian's Chromium against the real server: every spec on SQLite, the @db specs again on PostgreSQL.
# One throw-away PostgreSQL cluster serves the whole run (TEST_POSTGRES_URL, unless already set).
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
DIST_DIR="${NEXT_DIST_DIR:-.next}"

RUN_STARTED=$SECONDS
STEP_NAME="" STEP_STARTED=0 TIMES=""
step() {
  finish_step
  STEP_NAME="$*" STEP_STARTED=$SECONDS
  printf '\n\033[1m== %s ==\033[0m\n' "$*"
}
finish_step() {
  if [ -n "$STEP_NAME" ]; then TIMES+="$(printf '%5ds  %s' $((SECONDS - STEP_STARTED)) "$STEP_NAME")"$'\n'; fi
  STEP_NAME=""
}
report() {
  local status=$?
  finish_step
  printf '\n\033[1m== time per step ==\033[0m\n%s%5ds  total\n' "$TIMES" $((SECONDS - RUN_STARTED))
  if [ -n "${TEST_POSTGRES_DIR:-}" ]; then npx tsx scripts/test-postgres.ts stop "$TEST_POSTGRES_DIR" || true; fi
  exit "$status"
}
trap report EXIT

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then echo "need root to apt-get install $*; install it and re-run" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

step "system packages"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then echo "installing Debian's chromium"; apt_install chromium; fi
if ! command -v xmllint >/dev/null; then echo "installing Debian's libxml2-utils (xmllint checks the schedule XML exports)"; apt_install libxml2-utils; fi
if [ -z "${TEST_POSTGRES_URL:-}" ] && ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing PostgreSQL binaries"; apt_install postgresql
fi
node -e "require('better-sqlite3')" || { echo "better-sqlite3 did not build: run npm rebuild better-sqlite3" >&2; exit 1; }
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  eval "$(npx tsx scripts/test-postgres.ts start)"
  export TEST_POSTGRES_URL TEST_POSTGRES_DIR
  echo "PostgreSQL for this run: ${TEST_POSTGRES_URL}"
fi

step "type-check and lint (side by side)"
npx tsc --noEmit & tsc=$!
{ npx eslint . --max-warnings=0 && npx prettier --check . --log-level warn; } & eslint=$!
failed=0
wait "$tsc" || { echo "type-check failed" >&2; failed=1; }
wait "$eslint" || { echo "lint or formatting failed (npm run format fixes formatting)" >&2; failed=1; }
[ "$failed" -eq 0 ]

step "production build"
NEXT_DIST_DIR="$DIST_DIR" npx next build

step "unit + integration tests (SQLite and PostgreSQL), then crash and concurrency tests against the build"
RELIABILITY_DIST_DIR="$DIST_DIR" npx vitest run

step "browser tests (Playwright + Chromium, app on SQLite)"
NEXT_DIST_DIR="$DIST_DIR" npx playwright test

step "browser tests tagged @db again, app on PostgreSQL"
NEXT_DIST_DIR="$DIST_DIR" npx tsx scripts/e2e-postgres.ts

step "cluster: 2 instances on PostgreSQL behind nginx (scripts/test-cluster.spec.ts, docs/deploy.md)"
NEXT_DIST_DIR="${DIST_DIR:-.next}" npx tsx scripts/test-cluster.ts
