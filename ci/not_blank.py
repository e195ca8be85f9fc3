#!/usr/bin/env python3
"""Checks that a screenshot shows something: a page that failed to render is one or two
colours (white, or white and an error box); a real report has text, tables and charts in
many. Pure Python, reading the PNG with mirror_check's reader.

usage: not_blank.py SHOT.png [SHOT.png ...]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mirror_check import read_png  # noqa: E402


def main(paths):
    problems = []
    for path in paths:
        width, height, rows = read_png(path)
        counts = {}
        for row in rows:
            for pixel in row:
                counts[pixel] = counts.get(pixel, 0) + 1
        commonest = max(counts.values()) / (width * height)
        print(f"{path}: {width}x{height}, {len(counts)} colours, {commonest:.0%} background")
        # Anti-aliased text alone gives hundreds of shades; the background must not be all.
        if len(counts) < 50 or commonest > 0.97:
            problems.append(f"{path} looks blank ({len(counts)} colours)")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
