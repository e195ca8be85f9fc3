#!/usr/bin/env python3
"""Checks on the real screenshots that Arabic and Hebrew mirror the call screen.

In English the customer's bubbles hang on the left and the trainee's to the right; in Arabic
and Hebrew the other way round. Measured by where the pixels of each bubble colour lie
(their mean x), from the PNG files .ci/run writes. Pure Python: no imaging package needed.

usage: mirror_check.py EN_CALL.png RTL_CALL.png [RTL_CALL.png ...]
"""
import struct
import sys
import zlib

# src/game/theme/palette.rs, in 8-bit sRGB.
SHOUT_BUBBLE = (92, 31, 31)
TRAINEE_BUBBLE = (30, 67, 65)


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"{path}: unsupported PNG"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                nearest = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                line[i] = (line[i] + nearest) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def mean_x(path, colour):
    """The mean x of the pixels of `colour` (within a small tolerance), as a share of width."""
    width, _, rows = read_png(path)
    xs = [
        x
        for row in rows
        for x, pixel in enumerate(row)
        if all(abs(a - b) <= 6 for a, b in zip(pixel, colour))
    ]
    assert len(xs) > 500, f"{path}: hardly any pixels of {colour} ({len(xs)})"
    return sum(xs) / len(xs) / width


def main(english, *mirrored):
    problems = []
    # The customer's bubbles must change sides; every bubble must sit where the English one
    # would in a mirror (x becomes 1 - x), within a small margin for the different text.
    for name, colour, must_cross in (
        ("customer's shouted bubbles", SHOUT_BUBBLE, True),
        ("trainee's bubbles", TRAINEE_BUBBLE, False),
    ):
        base = mean_x(english, colour)
        for path in mirrored:
            x = mean_x(path, colour)
            print(f"{name}: {english} at {base:.2f} of the width, {path} at {x:.2f}")
            if abs(x - (1 - base)) > 0.06:
                problems.append(f"{path}: the {name} are not the mirror of English")
            if must_cross and (x < 0.5) == (base < 0.5):
                problems.append(f"{path}: the {name} are on the same side as in English")
    for problem in problems:
        print("mirror check:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]) if len(sys.argv) >= 3 else print(__doc__) or 2)
