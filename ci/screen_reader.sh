#!/bin/bash
# The game as a screen reader hears it, in one language: run inside `dbus-run-session` with
# DISPLAY set. Starts the accessibility bus, says a screen reader is on (accesskit_unix
# publishes nothing until it is), plays ci/reader.script into a call and reads the tree
# with ci/screen_reader.py while it plays. Usage: screen_reader.sh LANG CASE
set -euo pipefail
lang=$1
case=$2
# The bus launcher keeps ScreenReaderEnabled in GSettings (dconf): on a machine that has
# never had it set, setting the property over D-Bus is lost while dconf starts, so it is set
# in GSettings first and read back until the bus says it is on.
gsettings set org.gnome.desktop.a11y.applications screen-reader-enabled true
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
bus=$!
enabled=""
for _ in $(seq 1 40); do
    enabled=$(dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
        org.freedesktop.DBus.Properties.Get string:org.a11y.Status string:ScreenReaderEnabled \
        2>/dev/null | grep -o "true" || true)
    [ "$enabled" = true ] && break
    sleep 0.25
done
if [ "$enabled" != true ]; then
    echo "the accessibility bus never said a screen reader is on" >&2
    exit 1
fi
data=$(mktemp -d)
script="$data/reader.script"
# Greet, let the customer speak, then pause so the call holds until it has been read.
{
    sed "s|READER|$data|" ci/reader.script
    printf 'open:%s\nstart\nbegin\nreply:1:even\nwait:10\npause\nawait:%s/call.heard\nexit\n' \
        "$case" "$data"
} > "$script"
HOLD_THE_LINE_SEED=3 HOLD_THE_LINE_DATA="$data" timeout 400 \
    target/debug/hold-the-line --lang "$lang" --script "$script" >"$data/game.log" 2>&1 &
game=$!
status=0
/usr/bin/python3 ci/screen_reader.py "$lang" "$data" title call || status=$?
kill "$game" 2>/dev/null || true
wait "$game" 2>/dev/null || true
kill "$bus" 2>/dev/null || true
if [ "$status" != 0 ]; then
    tail -20 "$data/game.log" >&2
fi
exit "$status"
