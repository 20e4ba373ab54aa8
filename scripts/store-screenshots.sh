#!/usr/bin/env bash
# Regenerates the store listing's pictures (store/screenshots/*.png, 1280×800) from real end-to-end sessions
# (tests/e2e/store-screenshots.test.ts) and copies them over the committed ones. Look at them before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f .tmp/screenshots/store-*.png
npx vitest run --project e2e tests/e2e/store-screenshots.test.ts
mkdir -p store/screenshots
for shot in .tmp/screenshots/store-*.png; do
  cp "$shot" "store/screenshots/$(basename "$shot" | sed 's/^store-//')"
done
echo "Copied $(ls .tmp/screenshots/store-*.png | wc -l) pictures into store/screenshots/."
