#!/usr/bin/env bash
# `npm run test:quick`: type-check, lint and the unit tests (no database, no build, no browser),
# side by side on the machine's cores. For day-to-day work; `npm test` is the whole suite.
set -uo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1 NEXT_TELEMETRY_DISABLED=1
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
started=$SECONDS

npx tsc --noEmit > "$logs/tsc" 2>&1 & tsc=$!
{ npx eslint . --max-warnings=0 && npx prettier --check . --log-level warn; } > "$logs/eslint" 2>&1 & eslint=$!
npx vitest run --project unit; unit=$?
wait "$tsc"; tsc_status=$?
wait "$eslint"; eslint_status=$?

[ "$tsc_status" -eq 0 ] || { printf '\n== type-check failed ==\n'; cat "$logs/tsc"; }
[ "$eslint_status" -eq 0 ] || { printf '\n== lint or formatting failed (npm run format fixes formatting) ==\n'; cat "$logs/eslint"; }
printf '\ntest:quick: type-check %s, lint %s, unit tests %s (%ds)\n' \
  "$([ "$tsc_status" -eq 0 ] && echo ok || echo FAILED)" "$([ "$eslint_status" -eq 0 ] && echo ok || echo FAILED)" "$([ "$unit" -eq 0 ] && echo ok || echo FAILED)" $((SECONDS - started))
[ "$tsc_status" -eq 0 ] && [ "$eslint_status" -eq 0 ] && [ "$unit" -eq 0 ]
