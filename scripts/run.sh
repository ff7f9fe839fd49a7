#!/usr/bin/env bash
# Installs what is missing, builds Samachar and opens it on the bundled seeds
# (on first start) or the last project. With no display, it runs under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --locked --bin samachar
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" target/debug/samachar "$@"
fi
exec target/debug/samachar "$@"
