#!/usr/bin/env bash
# Installs the Debian packages Samachar needs to build, run a window and run
# its tests (a C compiler for the bundled SQLite; Mesa's software Vulkan/GL and
# X libraries for the window and the headless egui_kittest renders; Xvfb for a
# window on a machine with no display). Safe to run again.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: no apt-get here; install the packages in .ci/packages.txt by hand" >&2
  exit 0
fi
missing=()
while read -r pkg; do
  [ -n "$pkg" ] || continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$here/.ci/packages.txt"
if [ "${#missing[@]}" -gt 0 ] || [ "${CI:-}" = "true" ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends $(cat "$here/.ci/packages.txt")
fi
