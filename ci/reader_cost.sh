#!/bin/bash
# What a screen reader costs the game: the CPU time of the same scripted call (the README's
# screenshot run) with AT-SPI's ScreenReaderEnabled off and on, in a private D-Bus session
# each, under Xvfb (DISPLAY set). With it off, accesskit_unix publishes nothing; with it on,
# every change to the tree goes out on the bus. Usage: DISPLAY=:N ci/reader_cost.sh [RUNS]
set -euo pipefail
runs=${1:-3}
one() {
    local enabled=$1
    dbus-run-session -- bash -c '
        /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
        sleep 1
        dbus-send --session --dest=org.a11y.Bus /org/a11y/bus org.freedesktop.DBus.Properties.Set \
            string:org.a11y.Status string:ScreenReaderEnabled variant:boolean:'"$enabled"'
        data=$(mktemp -d)
        /usr/bin/time -f "%U %S %e" -o "$data/time" env HOLD_THE_LINE_SHOTS="$data" \
            HOLD_THE_LINE_SEED=3 HOLD_THE_LINE_DATA="$data" \
            target/debug/hold-the-line --script ci/screenshots.script >/dev/null 2>&1
        cat "$data/time"
        kill %1 2>/dev/null || true'
}
for enabled in false true; do
    for _ in $(seq "$runs"); do
        read -r user sys wall < <(one "$enabled")
        echo "reader $enabled: cpu $(echo "$user + $sys" | bc) s, wall $wall s"
    done
done
