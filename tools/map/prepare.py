#!/usr/bin/env python3
"""Prepare the province map of the default theme (run on demand, never at build time).

Reads `indonesia.svg` from the npm package @svg-maps/indonesia 1.0.0 (CC BY 4.0), checks the
tarball's sha256, keys the 34 shapes by Kemendagri code, simplifies every ring with
Douglas-Peucker, rounds to integers (coordinates doubled), adds the four 2022 Papua provinces
as points at their capitals, and writes themes/default/data/indonesia-map.json.

    python3 tools/map/prepare.py                      # runs `npm pack` into a temp dir
    python3 tools/map/prepare.py --tarball FILE.tgz   # an already downloaded tarball

Python 3 standard library only. The output is deterministic: same tarball and options, same
bytes. See tools/map/README.md.
"""

import argparse
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@svg-maps/indonesia@1.0.0"
TARBALL = "svg-maps-indonesia-1.0.0.tgz"
SHA256 = "95106332165bacee803ec4eb5086c849faf8d6992917ced9178b7ecfc0b3b577"

# ISO 3166-2:ID (the package's ids, lower case) -> (Kemendagri code, Kemendagri name).
# Per /work/shared/research/map-data.md; note SA = Sulawesi Utara, SN = Sulawesi Selatan,
# SS = Sumatera Selatan, and the 2022 renumbering (Papua 91, Papua Barat 92).
PROVINCES = {
    "ac": ("11", "Aceh"),
    "su": ("12", "Sumatera Utara"),
    "sb": ("13", "Sumatera Barat"),
    "ri": ("14", "Riau"),
    "ja": ("15", "Jambi"),
    "ss": ("16", "Sumatera Selatan"),
    "be": ("17", "Bengkulu"),
    "la": ("18", "Lampung"),
    "bb": ("19", "Kepulauan Bangka Belitung"),
    "kr": ("21", "Kepulauan Riau"),
    "jk": ("31", "DKI Jakarta"),
    "jb": ("32", "Jawa Barat"),
    "jt": ("33", "Jawa Tengah"),
    "yo": ("34", "DI Yogyakarta"),
    "ji": ("35", "Jawa Timur"),
    "bt": ("36", "Banten"),
    "ba": ("51", "Bali"),
    "nb": ("52", "Nusa Tenggara Barat"),
    "nt": ("53", "Nusa Tenggara Timur"),
    "kb": ("61", "Kalimantan Barat"),
    "kt": ("62", "Kalimantan Tengah"),
    "ks": ("63", "Kalimantan Selatan"),
    "ki": ("64", "Kalimantan Timur"),
    "ku": ("65", "Kalimantan Utara"),
    "sa": ("71", "Sulawesi Utara"),
    "st": ("72", "Sulawesi Tengah"),
    "sn": ("73", "Sulawesi Selatan"),
    "sg": ("74", "Sulawesi Tenggara"),
    "go": ("75", "Gorontalo"),
    "sr": ("76", "Sulawesi Barat"),
    "ma": ("81", "Maluku"),
    "mu": ("82", "Maluku Utara"),
    "pa": ("91", "Papua"),
    "pb": ("92", "Papua Barat"),
}

# The provinces created in 2022 have no shape in any open source reachable here: a point at
# the capital (lon, lat), inside the pre-2022 outline of `within`.
POINTS = [
    ("ps", "93", "Papua Selatan", "Merauke", 140.40, -8.49, "91"),
    ("pt", "94", "Papua Tengah", "Nabire", 135.50, -3.37, "91"),
    ("pe", "95", "Papua Pegunungan", "Wamena", 138.95, -4.09, "91"),
    ("pd", "96", "Papua Barat Daya", "Sorong", 131.26, -0.88, "92"),
]

CREDIT = {
    "text": (
        "Province shapes: @svg-maps/indonesia, based on MapSVG (mapsvg.com), licensed "
        "CC BY 4.0 (creativecommons.org/licenses/by/4.0/); simplified and modified."
    ),
    "source": "@svg-maps/indonesia 1.0.0",
    "source_url": "https://www.npmjs.com/package/@svg-maps/indonesia",
    "origin": "MapSVG",
    "origin_url": "https://mapsvg.com/",
    "licence": "CC BY 4.0",
    "licence_url": "https://creativecommons.org/licenses/by/4.0/",
}


def project(lon, lat):
    """Lon/lat to the package's units: the Mercator-like fit recorded in map-data.md."""
    y_merc = -(180 / math.pi) * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return 17.306 * lon - 1647.8, 17.188 * y_merc + 127.11


def parse_path(d):
    """A `m…z` path with implicit relative line-tos into a list of rings (absolute points)."""
    tokens = re.findall(r"[mMzZ]|-?\d*\.?\d+(?:e-?\d+)?", d)
    rings, ring, cur, start = [], [], (0.0, 0.0), (0.0, 0.0)
    i, first = 0, True
    while i < len(tokens):
        t = tokens[i]
        if t in "zZ":
            if ring:
                rings.append(ring)
            ring, cur = [], start
            i += 1
        elif t in "mM":
            if ring:
                rings.append(ring)
            x, y = float(tokens[i + 1]), float(tokens[i + 2])
            cur = (x, y) if (t == "M" or first) else (cur[0] + x, cur[1] + y)
            start, ring, first = cur, [cur], False
            i += 3
            # Implicit line-tos: relative after `m`, absolute after `M`.
            while i < len(tokens) and tokens[i] not in "mMzZ":
                x, y = float(tokens[i]), float(tokens[i + 1])
                cur = (x, y) if t == "M" else (cur[0] + x, cur[1] + y)
                ring.append(cur)
                i += 2
        else:
            raise ValueError(f"unexpected token {t!r}")
    if ring:
        rings.append(ring)
    return rings


def dp(points, tol):
    """Douglas-Peucker on an open polyline; keeps both ends. Iterative."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        far, far_d = -1, tol
        for k in range(a + 1, b):
            px, py = points[k]
            if norm == 0:
                dist = math.hypot(px - ax, py - ay)
            else:
                dist = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if dist > far_d:
                far, far_d = k, dist
        if far >= 0:
            keep[far] = True
            stack.append((a, far))
            stack.append((far, b))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tol):
    """Douglas-Peucker on a closed ring: split at the point farthest from the first."""
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring = ring[:-1]
    if len(ring) < 4:
        return ring
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda k: (ring[k][0] - x0) ** 2 + (ring[k][1] - y0) ** 2)
    first = dp(ring[: far + 1], tol)
    second = dp(ring[far:] + [ring[0]], tol)
    return first[:-1] + second[:-1]


def area(ring):
    """Signed area (shoelace)."""
    return sum(
        ring[k][0] * ring[(k + 1) % len(ring)][1] - ring[(k + 1) % len(ring)][0] * ring[k][1]
        for k in range(len(ring))
    ) / 2


def centroid(ring):
    """Area centroid of a ring (falls back to the mean for degenerate rings)."""
    a = area(ring)
    if abs(a) < 1e-9:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    cx = cy = 0.0
    for k in range(len(ring)):
        (x1, y1), (x2, y2) = ring[k], ring[(k + 1) % len(ring)]
        f = x1 * y2 - x2 * y1
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    return cx / (6 * a), cy / (6 * a)


def num(n):
    return str(int(n))


def path_d(rings):
    """Integer rings to a compact relative path: `m` then implicit line-tos, `z` per ring.

    A negative number needs no separator before it (`5-6`)."""
    out, cur = [], (0, 0)
    for ring in rings:
        parts = []
        x, y = ring[0]
        parts.append((x - cur[0], y - cur[1]))
        px, py = x, y
        for qx, qy in ring[1:]:
            parts.append((qx - px, qy - py))
            px, py = qx, qy
        cur = ring[0]  # after `z` the current point is the ring's start
        s = "m"
        for k, (dx, dy) in enumerate(parts):
            for v in (dx, dy):
                t = num(v)
                if s[-1] not in "mz" and not t.startswith("-"):
                    s += " "
                s += t
        out.append(s + "z")
    return "".join(out)


def to_json(doc):
    """Pretty enough to diff: one province or point per line."""
    def one(v):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    lines = ["{"]
    keys = list(doc)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        value = doc[key]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"  {one(key)}: [")
            lines += [f"    {one(v)}" + ("," if k < len(value) - 1 else "") for k, v in enumerate(value)]
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {one(key)}: {one(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def fetch(tarball):
    """The package's indonesia.svg, from `tarball` or a fresh `npm pack`; sha256 checked."""
    if tarball is None:
        with tempfile.TemporaryDirectory(prefix="svg-maps-") as tmp:
            subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True,
                           stdout=subprocess.DEVNULL)
            return fetch(os.path.join(tmp, TARBALL))
    with open(tarball, "rb") as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"{tarball}: sha256 {digest}, expected {SHA256}")
    with tarfile.open(tarball, "r:gz") as tar:
        return tar.extractfile("package/indonesia.svg").read().decode("utf-8")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(
        os.path.join(here, "..", "..", "themes", "default", "data", "indonesia-map.json"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tarball", help="the npm tarball (default: npm pack into a temp dir)")
    ap.add_argument("--tolerance", type=float, default=0.25,
                    help="Douglas-Peucker tolerance in the source's units (default 0.25)")
    ap.add_argument("--scale", type=float, default=2.0,
                    help="coordinates are multiplied by this, then rounded (default 2)")
    ap.add_argument("--out", default=default_out, help="output JSON (default: the theme's)")
    args = ap.parse_args()

    svg = fetch(args.tarball)
    view = [float(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split()]
    found = re.findall(r'<path\s+id="id-([a-z]+)"\s+name="[^"]*"\s+d="([^"]+)"', svg)
    ids = sorted(i for i, _ in found)
    if ids != sorted(PROVINCES):
        sys.exit(f"unexpected province ids: {ids}")

    ox, oy = view[0], view[1]

    def to_int(p):
        return (round((p[0] - ox) * args.scale), round((p[1] - oy) * args.scale))

    provinces, stats = [], {"points_in": 0, "points_out": 0, "rings_in": 0, "rings_out": 0,
                                "islets": 0}
    for iso, d in found:
        code, name = PROVINCES[iso]
        rings_out, biggest = [], None
        for ring in parse_path(d):
            stats["rings_in"] += 1
            stats["points_in"] += len(ring)
            if biggest is None or abs(area(ring)) > abs(area(biggest)):
                biggest = ring
            simple = [to_int(p) for p in simplify_ring(ring, args.tolerance)]
            dedup = [p for k, p in enumerate(simple) if k == 0 or p != simple[k - 1]]
            while len(dedup) > 1 and dedup[0] == dedup[-1]:
                dedup.pop()
            if len(set(dedup)) < 3:
                # An islet below the grid: keep it as a tiny triangle so no island vanishes.
                x, y = to_int(ring[0])
                dedup = [(x, y), (x + 1, y), (x, y + 1)]
                stats["islets"] += 1
            rings_out.append(dedup)
            stats["rings_out"] += 1
            stats["points_out"] += len(dedup)
        cx, cy = to_int(centroid(biggest))
        xs = [p[0] for r in rings_out for p in r]
        ys = [p[1] for r in rings_out for p in r]
        provinces.append({"code": code, "iso": "ID-" + iso.upper(), "name": name,
                          "centre": [cx, cy], "box": [min(xs), min(ys), max(xs), max(ys)],
                          "d": path_d(rings_out)})
    provinces.sort(key=lambda p: p["code"])

    points = []
    for iso, code, name, capital, lon, lat, within in POINTS:
        x, y = to_int(project(lon, lat))
        points.append({"code": code, "iso": "ID-" + iso.upper(), "name": name,
                       "capital": capital, "within": within, "centre": [x, y]})

    width, height = round(view[2] * args.scale), round(view[3] * args.scale)
    doc = {
        "about": "Generated by tools/map/prepare.py from the npm package "
                 f"{PACKAGE} (sha256 {SHA256}); do not edit by hand.",
        "credit": CREDIT,
        "options": {"tolerance": args.tolerance, "scale": args.scale},
        "view_box": [0, 0, width, height],
        "provinces": provinces,
        "points": points,
    }
    text = to_json(doc)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    geometry = sum(len(p["d"]) for p in provinces)
    print(f"{args.out}: {len(text)} bytes; path data {geometry} bytes; "
          f"{stats['rings_in']} rings ({stats['islets']} islets kept as triangles), "
          f"{stats['points_in']} -> {stats['points_out']} points; "
          f"view box 0 0 {width} {height}", file=sys.stderr)


if __name__ == "__main__":
    main()
