#!/usr/bin/env bash
# The whole test suite, as the README gives it: system parts, the extension builds, then every vitest
# project (unit, server on PGlite and PostgreSQL, end-to-end in Chromium and Firefox ESR), closing with one
# "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
# Types and lint first, failing in about a minute before anything is installed or built: both at once (each
# uses one core). Zero findings is the rule; README "Lint and typecheck" says what is checked.
npx tsc --noEmit & typecheck=$!
npx eslint . & lint=$!
checks=0
wait $typecheck || checks=1
wait $lint || checks=1
if [ $checks -ne 0 ]; then
  echo 'Typecheck or lint found problems (above): fix them, then run the tests.' >&2
  exit 1
fi
bash scripts/ensure-system-deps.sh
npx wxt build >/dev/null
# The programme's console, served by the backend at /admin/ (the e2e tests sign in to it).
npx vite build --config console/vite.config.ts >/dev/null
npx wxt build -b firefox >/dev/null
mkdir -p .tmp
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?
node scripts/summarise-tests.mjs .tmp/vitest.json || status=1
exit $status
