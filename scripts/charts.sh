#!/usr/bin/env bash
# Exports the four charts of the bundled seeds (SVG and PNG) and the three
# tables (CSV) with the command line, into screenshots/charts/ (the README
# shows them). Anyone can re-run it.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots/charts}"
mkdir -p "$out"
cargo build --locked --bin samachar
bin=target/debug/samachar
for kind in workforce output exports money; do
  "$bin" chart --kind "$kind" --width 900 --height 520 -o "$out/$kind.svg"
  "$bin" chart --kind "$kind" --width 900 --height 520 -o "$out/$kind.png"
done
for what in entities quantities facts; do
  "$bin" export --what "$what" -o "$out/$what.csv"
done
ls -l "$out"
