#!/usr/bin/env bash
# `npm test`: the whole suite. Type-check, lint, unit + integration tests (SQLite and a throw-away
# PostgreSQL), a production build, then Playwright in Debian's Chromium against the real server.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
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

step "type-check"
npx tsc --noEmit

step "lint"
npx eslint . --max-warnings=0

step "unit + integration tests (SQLite and PostgreSQL)"
npx vitest run

step "production build"
npx next build

step "crash, concurrency and connection tests against the production build"
RELIABILITY_DIST_DIR=.next npx vitest run lib/reliability

step "browser tests (Playwright + Chromium)"
npx playwright test

step "browser tests again, app on PostgreSQL"
npx tsx scripts/e2e-postgres.ts

step "cluster: 2 instances on PostgreSQL behind nginx (scripts/test-cluster.spec.ts, docs/deploy.md)"
NEXT_DIST_DIR="${DIST_DIR:-.next}" npx tsx scripts/test-cluster.ts
