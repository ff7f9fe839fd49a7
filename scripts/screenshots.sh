#!/bin/sh
# Writes the README screenshots (screenshots/*.png) from the app's kittest
# runs (headless wgpu; llvmpipe is enough), and refreshes the snapshot images
# in tests/snapshots/ when UPDATE_SNAPSHOTS=1 is set.
#
#   scripts/screenshots.sh            # screenshots only
#   UPDATE_SNAPSHOTS=1 scripts/screenshots.sh
set -eu
cd "$(dirname "$0")/.."
out="${1:-$(pwd)/screenshots}"
mkdir -p "$out"
SAMACHAR_SCREENSHOTS="$out" cargo test -p samachar --test app_ui snapshots_of_the_main_views -- --nocapture
ls -l "$out"
