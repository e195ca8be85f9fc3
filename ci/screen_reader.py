#!/usr/bin/python3
"""Reads the running game as a screen reader does, through AT-SPI (Debian's python3-pyatspi),
and checks what a blind trainee would hear: on the title, its buttons by name; in a call,
the conversation as a live log with the customer's words, the reply cards named with their
number key, and anger, trust and patience as meters with values. The expected words come
from the game's own message files, so the check follows the translations.

Usage: screen_reader.py LANG DIR PHASE... (PHASE: title, call). Polls until every phase has
been heard or 180 s pass; prints what it heard, and creates DIR/PHASE.heard for each, which the
game's script awaits before it moves on; exits 1 if something was never heard."""

import os

import re
import sys
import time

import pyatspi

LANG = sys.argv[1]
DIR = sys.argv[2]
PHASES = sys.argv[3:]


def messages(lang):
    """The simple `key = value` lines of the game's UI messages in `lang`."""
    out = {}
    with open(f"assets/locales/{lang}/ui.ftl", encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([a-z0-9-]+) = (.+)$", line.rstrip("\n"))
            if m and "{" not in m.group(2):
                out[m.group(1)] = m.group(2)
    return out


def plain(s):
    """Without bidi isolation marks and repeated spaces."""
    return " ".join(re.sub("[\u200e\u200f\u2066-\u2069]", "", s or "").split())


MSG = messages(LANG)


def walk(acc, out, depth=0):
    if acc is None or depth > 40:
        return
    try:
        role = acc.getRoleName()
        name = plain(acc.name)
        value = None
        try:
            value = acc.queryValue().currentValue
        except NotImplementedError:
            pass
        out.append((role, name, value, depth))
        for i in range(acc.childCount):
            walk(acc.getChildAtIndex(i), out, depth + 1)
    except Exception as e:  # a node gone while being read: read again next time
        out.append(("gone", str(e), None, depth))


def heard():
    """Every node of the game's window(s): (role, name, value, depth)."""
    nodes = []
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        found = []
        walk(app, found)
        # The window's name is cleared while it lacks the focus (no window manager under
        # Xvfb), so the game is known by its application's name.
        if plain(app.name) == "hold-the-line":
            nodes.extend(found)
    return nodes


def title_ok(nodes):
    buttons = {n for r, n, _, _ in nodes if r == "push button"}
    wanted = [plain(MSG[k]) for k in ("title-sign-in", "title-guest", "title-quit")]
    wanted += ["English", "العربية", "עברית"]
    missing = [w for w in wanted if w not in buttons]
    # The offer to start afresh is laid out but not shown (no damaged save): not read either.
    hidden = plain(MSG["title-start-afresh"])
    if hidden in buttons:
        missing.append(f"(hidden, yet read: {hidden})")
    return (not missing, f"title buttons missing {missing}; buttons heard: {sorted(buttons)}")


def call_ok(nodes):
    problems = []
    meters = {n: v for r, n, v, _ in nodes if r == "level bar"}
    for key in ("meter-anger", "meter-trust", "meter-patience"):
        name = MSG[key]
        name = name[0].upper() + name[1:]
        v = meters.get(plain(name))
        if v is None or not 0 <= v <= 100:
            problems.append(f"no meter {name} with a value (meters heard: {meters})")
    logs = [i for i, (r, _, _, _) in enumerate(nodes) if r == "log"]
    lines = []
    for i in logs:
        depth = nodes[i][3]
        for r, n, _, d in nodes[i + 1:]:
            if d <= depth:
                break
            if r == "paragraph" and ": " in n:
                lines.append(n)
    # The trainee's greeting and then the customer's first line.
    if len(lines) < 2:
        problems.append(f"not the customer's line yet in a log (logs: {len(logs)}, lines: {lines})")
    elif LANG == "ar" and not any(re.search("[\u0600-\u06ff]", l) for l in lines):
        problems.append(f"no Arabic words in the lines: {lines}")
    cards = [n for r, n, _, _ in nodes if r == "push button" and re.match(r"^\d ", n)]
    if len(cards) < 2:
        problems.append(f"fewer than two reply cards named with their key: {cards}")
    return (not problems, "; ".join(problems) or f"lines {lines[:2]}, cards {cards[:2]}, meters {meters}")


CHECKS = {"title": title_ok, "call": call_ok}
seen = {}
last = {}
deadline = time.time() + 180
while time.time() < deadline and len(seen) < len(PHASES):
    nodes = heard()
    for phase in PHASES:
        if phase in seen:
            continue
        ok, said = CHECKS[phase](nodes)
        last[phase] = said
        if ok:
            seen[phase] = said
            print(f"{LANG} {phase}: heard {said}")
            open(os.path.join(DIR, f"{phase}.heard"), "w").close()
    time.sleep(0.5)
missing = [p for p in PHASES if p not in seen]
for p in missing:
    print(f"{LANG} {p}: NOT heard: {last.get(p)}", file=sys.stderr)
sys.exit(1 if missing else 0)
