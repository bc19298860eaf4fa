#!/bin/sh
# Adds ClassLab to the desktop's application menu for the current user: writes
# ~/.local/share/applications/classlab.desktop pointing at this application image.
# Run it from inside the image (ClassLab/lib/app/install-desktop-entry.sh); --remove takes the entry away.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
image=$(cd "$here/../.." && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
entry="$apps/classlab.desktop"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry"
  echo "removed $entry"
  exit 0
fi
test -x "$image/bin/ClassLab" || { echo "cannot find $image/bin/ClassLab: run this script from inside the ClassLab application image" >&2; exit 1; }
mkdir -p "$apps"
cat > "$entry" <<ENTRY
[Desktop Entry]
Type=Application
Name=ClassLab
Comment=Deep-learning classification lessons, trained live
Comment[ko]=딥러닝 분류 수업 — 실시간 학습
Exec="$image/bin/ClassLab"
Icon=$image/lib/ClassLab.png
Terminal=false
Categories=Education;Science;
ENTRY
echo "wrote $entry"
