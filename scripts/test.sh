#!/usr/bin/env bash
# The whole test suite, as the README gives it: system parts, the extension builds, then every vitest
# project (unit, server on PGlite and PostgreSQL, end-to-end in Chromium and Firefox ESR), closing with one
# "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
[ -d node_modules ] || npm ci
npx wxt build >/dev/null
# The programme's console, served by the backend at /admin/ (the e2e tests sign in to it).
npx vite build --config console/vite.config.ts >/dev/null
npx wxt build -b firefox >/dev/null
mkdir -p .tmp
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?
node scripts/summarise-tests.mjs .tmp/vitest.json || status=1
exit $status
