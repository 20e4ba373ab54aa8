#!/usr/bin/env bash
# Copies the screenshots of the last end-to-end run (.tmp/screenshots/) over the committed pictures in
# docs/screenshots/, which the README shows. Run it deliberately after looking at them; test runs never do.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
shots=(.tmp/screenshots/*.png)
if [ ${#shots[@]} -eq 0 ]; then
  echo "No screenshots in .tmp/screenshots/: run \`npm run test:e2e\` first." >&2
  exit 1
fi
mkdir -p docs/screenshots
cp "${shots[@]}" docs/screenshots/
echo "Copied ${#shots[@]} screenshots into docs/screenshots/; review them with \`git diff --stat docs/screenshots\`."
