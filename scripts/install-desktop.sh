#!/usr/bin/env bash
# Installs Samachar for the current user so that it starts by double-click:
# builds the binary, copies it to ~/.local/bin, installs the desktop entry and
# icon under ~/.local/share, and puts a launcher on the desktop.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
profile="${SAMACHAR_PROFILE:-release}"
cargo build --locked --profile "$profile" --bin samachar
dir="target/$profile"
[ "$profile" = dev ] && dir=target/debug
bin="$HOME/.local/bin"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$bin" "$apps" "$icons"
install -m 755 "$dir/samachar" "$bin/samachar"
install -m 644 assets/samachar.png "$icons/samachar.png"
sed "s|^Exec=.*|Exec=$bin/samachar %f|" assets/samachar.desktop > "$apps/samachar.desktop"
chmod 644 "$apps/samachar.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
desktop="$(xdg-user-dir DESKTOP 2>/dev/null || echo "$HOME/Desktop")"
if [ -d "$desktop" ]; then
  install -m 755 "$apps/samachar.desktop" "$desktop/samachar.desktop"
  command -v gio >/dev/null 2>&1 && gio set "$desktop/samachar.desktop" metadata::trusted true 2>/dev/null || true
fi
echo "Samachar installed: $bin/samachar, menu entry $apps/samachar.desktop"
