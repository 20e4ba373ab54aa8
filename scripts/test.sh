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
rm -f .tmp/vitest*.json
status=0
if [ $# -gt 0 ]; then
  # A chosen part (e.g. `npm test -- --project server` or one file): one vitest run, as given.
  npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?
  node scripts/summarise-tests.mjs .tmp/vitest.json || status=1
  exit $status
fi

# The whole suite in two streams side by side, one per core: the browser stories (one Chromium or Firefox at a
# time; two browsers at once made a policy-installed extension miss its first sync) followed by two minute-long
# server files, and everything else. Then the file that times the server's answers, with nothing beside it.
# Each line of output says its stream.
stream() {
  local name=$1
  shift
  npx vitest run --reporter=default --reporter=json --outputFile.json=".tmp/vitest-$name.json" "$@" 2>&1 | sed -u "s/^/[$name] /"
}
stream browser --project e2e --project server-long & browser=$!
stream node --project unit --project unit-mocked --project server --project package & node=$!
wait $browser || status=1
wait $node || status=1
stream timed --project server-timed || status=1
node scripts/summarise-tests.mjs .tmp/vitest-browser.json .tmp/vitest-node.json .tmp/vitest-timed.json || status=1
exit $status
