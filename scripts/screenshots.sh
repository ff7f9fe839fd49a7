#!/bin/sh
# Writes the README screenshots (screenshots/main.png, facts.png, import.png)
# at a usual window size from a kittest run (headless wgpu; llvmpipe is
# enough), and refreshes the small snapshot images in tests/snapshots/ when
# UPDATE_SNAPSHOTS=1 is set.
#
#   scripts/screenshots.sh            # screenshots only
#   UPDATE_SNAPSHOTS=1 scripts/screenshots.sh
set -eu
cd "$(dirname "$0")/.."
out="${1:-$(pwd)/screenshots}"
mkdir -p "$out"
SAMACHAR_SCREENSHOTS="$out" cargo test -p samachar --test app_ui -- readme_screenshots snapshots_of_the_main_views --nocapture
ls -l "$out"
