"""Scanned-looking copies of klankbord's printed forms, filled in by hand in many ways, with the truth.

Input: the forms PDF the product printed (the clerk's paper page, or `klankbord import forms --out
X.pdf`). The box positions are found in the PDF itself (formlayout.py). Output, in --out:

  scans/R3-000001.pdf …   one scanned file per form (JPEG pages; 300 dpi for odd form numbers,
                          200 dpi for even ones; rotated up to ±1.5°, shifted, blurred, noisy)
  truth.csv               one line per box that got ink: form, page, question, key, option, kind,
                          expected (marked / not_marked / clerk), acceptable outcomes, detail
  layout.json             the boxes found in the PDF

Kinds of ink, and what a careful human reader makes of them (the form says: "zet een kruisje of een
vinkje in het hokje"; "Vergist? Maak het verkeerde hokje helemaal zwart … Zet dan een kruisje in
het goede hokje"):

  marked      cross, tick, dot (a filled blob inside the box), cross_light (pencil-grey),
              cross_big (a cross centred on the box whose arms run well past it)
  not_marked  cancel: crossed, then blacked out completely, as the form asks (with a cross in
              another box of the question, as the form asks)
  clerk       circle (around the box, clear of its border), circle_touch (around the box, running
              over its border), partblack (crossed, then 30–90 % blacked: cancelled or not?),
              outside (a cross mostly outside the box), strike_row (a line through a whole row of a
              scale question)

Forms 1–4 (of the range) carry only clear marks and cancels: they should go through without the
clerk. The others add five to seven hard cases, each on a question of its own (a partly blacked box
sometimes with a cross in another box of the question, as a half-finished correction looks).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import multiprocessing
import random
import re
import subprocess
import tempfile
from dataclasses import asdict
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from formlayout import Box, find_boxes

HERE = Path(__file__).resolve().parent
SURVEY = HERE.parents[1] / "surveys" / "bejegening-bijstand.toml"

CLEAR = ["cross", "tick", "dot", "cross_light", "cross_big"]
CLEAR_WEIGHTS = [45, 25, 8, 10, 12]
HARD = ["circle", "circle_touch", "partblack", "outside", "strike_row"]
HARD_WEIGHTS = [2, 2, 4, 2, 1]
EXPECTED = {
    "cross": "marked",
    "tick": "marked",
    "dot": "marked",
    "cross_light": "marked",
    "cross_big": "marked",
    "cancel": "not_marked",
    "circle": "clerk",
    "circle_touch": "clerk",
    "partblack": "clerk",
    "outside": "clerk",
    "strike_row": "clerk",
}
# What else a reader may do without being wrong. A line through a whole row most likely means "no
# answer" (the form asks to black out instead), so leaving the question empty is no silent error.
ACCEPTABLE = {"strike_row": "clerk|not_marked"}

# Questions that are only asked after some answer (show_if): left empty, so that no answer is
# dropped as "not applicable" and hides what the reader did.
CONDITIONAL = {"gebruikte_ondersteuning", "tv_afhandeling", "tv_duidelijk", "tv_contact", "tv_brief"}


class Pen:
    """One person's pen: width in pixels and darkness (0 white … 1 black)."""

    def __init__(self, rng: random.Random, px_per_mm: float, light: bool = False):
        self.rng = rng
        self.w = rng.uniform(0.35, 0.6) * px_per_mm
        self.dark = rng.uniform(0.35, 0.5) if light else rng.choice([rng.uniform(0.8, 0.95), rng.uniform(0.6, 0.78)])
        if light:
            self.w *= 0.8


def stroke(draw: ImageDraw.ImageDraw, pen: Pen, p0, p1, bend: float = 0.08, steps: int = 18):
    """A hand-drawn line from p0 to p1: slightly bent, wobbling, thicker in the middle."""
    rng = pen.rng
    (x0, y0), (x1, y1) = p0, p1
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    b = rng.uniform(-bend, bend) * length
    pts = []
    for i in range(steps + 1):
        t = i / steps
        off = 4 * t * (1 - t) * b + rng.gauss(0, pen.w * 0.08)
        pts.append((x0 + dx * t + nx * off, y0 + dy * t + ny * off))
    ink = int(255 * pen.dark)
    for i in range(steps):
        t = (i + 0.5) / steps
        w = max(1, round(pen.w * (0.75 + 0.35 * math.sin(math.pi * t)) * rng.uniform(0.9, 1.1)))
        draw.line([pts[i], pts[i + 1]], fill=ink, width=w, joint="curve")
        r = w / 2
        draw.ellipse([pts[i][0] - r, pts[i][1] - r, pts[i][0] + r, pts[i][1] + r], fill=ink)


def cross(draw, pen, cx, cy, s, scale=1.0, off=(0.0, 0.0)):
    rng = pen.rng
    a = rng.uniform(-0.25, 0.25)
    h = s * scale * rng.uniform(0.42, 0.62)
    cx += off[0] + rng.gauss(0, s * 0.05)
    cy += off[1] + rng.gauss(0, s * 0.05)
    for ang in (math.pi / 4 + a, 3 * math.pi / 4 + a + rng.uniform(-0.15, 0.15)):
        ex, ey = math.cos(ang) * h * rng.uniform(0.85, 1.1), math.sin(ang) * h * rng.uniform(0.85, 1.1)
        stroke(draw, pen, (cx - ex, cy - ey), (cx + ex, cy + ey))


def tick(draw, pen, cx, cy, s):
    rng = pen.rng
    p0 = (cx - s * rng.uniform(0.3, 0.4), cy + s * rng.uniform(-0.05, 0.08))
    p1 = (cx - s * rng.uniform(0.05, 0.12), cy + s * rng.uniform(0.28, 0.36))
    p2 = (cx + s * rng.uniform(0.3, 0.55), cy - s * rng.uniform(0.35, 0.6))
    stroke(draw, pen, p0, p1, bend=0.05)
    stroke(draw, pen, p1, p2, bend=0.06)


def dot(draw, pen, cx, cy, s):
    rng = pen.rng
    r = s * rng.uniform(0.18, 0.27)
    ink = int(255 * pen.dark)
    pts = []
    for i in range(24):
        t = 2 * math.pi * i / 24
        rr = r * rng.uniform(0.85, 1.1)
        pts.append((cx + rr * math.cos(t) + rng.gauss(0, 1), cy + rr * 0.9 * math.sin(t)))
    draw.polygon(pts, fill=ink)


def blacken(draw, pen, box: tuple[float, float, float, float], frac: float, side: str):
    """Colour in `frac` of the box from one side (or, for frac ≥ 0.95, all of it, over the edge a bit)
    with dense scribble, the way a pen blacks out a box."""
    rng = pen.rng
    x, y, w, h = box
    ink = int(255 * max(pen.dark, 0.8))
    if frac >= 0.95:
        m = w * rng.uniform(0.0, 0.08)
        draw.rectangle([x - m, y - m, x + w + m, y + h + m], fill=ink)
        # a ragged rim of scribble
        for _ in range(6):
            stroke(draw, pen, (x - m + rng.uniform(0, w), y - m), (x + rng.uniform(0, w), y + h + m), bend=0.02)
        return
    if side in ("left", "right"):
        fw = w * frac
        x0 = x if side == "left" else x + w - fw
        pts = [(x0, y), (x0 + fw, y), (x0 + fw, y + h), (x0, y + h)]
    elif side in ("top", "bottom"):
        fh = h * frac
        y0 = y if side == "top" else y + h - fh
        pts = [(x, y0), (x + w, y0), (x + w, y0 + fh), (x, y0 + fh)]
    else:  # diagonal: a triangle (frac ≤ 0.5) or a pentagon from the top-left corner
        if frac <= 0.5:
            d = math.sqrt(2 * frac) * w
            pts = [(x, y), (x + d, y), (x, y + d)]
        else:
            d = math.sqrt(2 * (1 - frac)) * w
            pts = [(x, y), (x + w, y), (x + w, y + h - d), (x + w - d, y + h), (x, y + h)]
    # ragged edge: jitter the inner vertices a little
    pts = [(px + rng.gauss(0, w * 0.015), py + rng.gauss(0, h * 0.015)) for px, py in pts]
    draw.polygon(pts, fill=ink)


def circle(draw, pen, cx, cy, s, ratio: float):
    """An ellipse around the box with radius ratio × box side, not quite closed or overlapping."""
    rng = pen.rng
    rx = s * ratio * rng.uniform(1.0, 1.12)
    ry = s * ratio * rng.uniform(0.92, 1.0)
    tilt = rng.uniform(-0.2, 0.2)
    start = rng.uniform(0, 2 * math.pi)
    sweep = 2 * math.pi * rng.uniform(0.95, 1.12)
    cx += rng.gauss(0, s * 0.05)
    cy += rng.gauss(0, s * 0.05)
    n = 40
    pts = []
    for i in range(n + 1):
        t = start + sweep * i / n
        r_w = 1 + 0.06 * math.sin(3 * t + start) + rng.gauss(0, 0.01)
        ex, ey = rx * r_w * math.cos(t), ry * r_w * math.sin(t)
        pts.append((cx + ex * math.cos(tilt) - ey * math.sin(tilt), cy + ex * math.sin(tilt) + ey * math.cos(tilt)))
    ink = int(255 * pen.dark)
    w = max(1, round(pen.w))
    for i in range(n):
        draw.line([pts[i], pts[i + 1]], fill=ink, width=w, joint="curve")


def scan(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Make a clean rendering look like an office scan (grey)."""
    w, h = img.size
    a = np.asarray(img, dtype=np.float32) / 255.0
    # paper tone and uneven lighting
    tone = rng.uniform(0.92, 0.98)
    gy = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    gx = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    light = 1.0 - rng.uniform(0, 0.04) * gy - rng.uniform(0, 0.03) * gx
    a = a * tone * light + rng.uniform(0.0, 0.03)
    im = Image.fromarray(np.clip(a * 255, 0, 255).astype(np.uint8), "L")
    # rotation and shift (paper skew on the glass, feeder offset)
    angle = rng.uniform(-1.5, 1.5)
    px_mm = dpi / 25.4
    dx, dy = rng.uniform(-2, 2) * px_mm, rng.uniform(-2, 2) * px_mm
    im = im.rotate(angle, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=int(255 * tone))
    # optics: slight blur
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.1) * dpi / 300))
    # sensor noise and a few specks of dust
    a = np.asarray(im, dtype=np.float32)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    a += nrng.normal(0, rng.uniform(2.5, 6.0), a.shape).astype(np.float32)
    for _ in range(rng.randint(5, 25)):
        x, y, r = rng.randrange(8, w - 8), rng.randrange(8, h - 8), rng.uniform(0.6, 2.0) * dpi / 300
        yy, xx = np.ogrid[y - 3 : y + 4, x - 3 : x + 4]
        msk = (yy - y) ** 2 + (xx - x) ** 2 <= r * r
        a[y - 3 : y + 4, x - 3 : x + 4][msk] *= 0.4
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def clearance(b: Box, boxes: list[Box], x: float, y: float) -> float:
    """Distance (points) from (x, y) to the nearest other box on b's page."""
    best = 1e9
    for o in boxes:
        if o is b or o.page != b.page:
            continue
        dx = max(o.x - x, 0.0, x - (o.x + o.w))
        dy = max(o.y - y, 0.0, y - (o.y + o.h))
        best = min(best, math.hypot(dx, dy))
    return best


def room(b: Box, boxes: list[Box]) -> float:
    """The largest circle around b (radius in box sides) that keeps clear of every other box."""
    return clearance(b, boxes, b.cx, b.cy) / b.w / 1.12


def plan_form(rng: random.Random, boxes: list[Box], clean: bool) -> list[dict]:
    """What gets drawn where on one form: a list of {box, kind, detail}."""
    by_q: dict[int, list[Box]] = {}
    for b in boxes:
        if b.key in CONDITIONAL:
            continue
        if b.option == "anders":
            continue  # would want written text
        by_q.setdefault(b.question, []).append(b)
    qs = list(by_q)
    rng.shuffle(qs)
    marks: list[dict] = []
    used: set[int] = set()

    def clear_kind():
        return rng.choices(CLEAR, CLEAR_WEIGHTS)[0]

    n_hard = 0 if clean else rng.randint(5, 7)
    n_cancel = rng.randint(1, 2)
    # hard cases, each on a question of its own
    for _ in range(n_hard):
        kind = rng.choices(HARD, HARD_WEIGHTS)[0]
        cands = [q for q in qs if q not in used]
        if kind == "strike_row":
            cands = [q for q in cands if by_q[q][0].qtype in ("scale", "smileys")]
        if kind == "circle":
            cands = [q for q in cands if any(room(o, boxes) >= 0.85 for o in by_q[q])]
        if not cands:
            continue
        q = cands[0]
        used.add(q)
        opts = by_q[q]
        if kind == "circle":
            opts = [o for o in opts if room(o, boxes) >= 0.85]
        target = rng.choice(opts)
        if kind == "strike_row":
            marks.append({"box": opts, "kind": kind, "detail": ""})
            continue
        if kind == "partblack":
            frac = round(rng.uniform(0.3, 0.9), 2)
            side = rng.choice(["left", "right", "top", "bottom", "diagonal"])
            detail = f"black={frac:.2f} side={side}"
            others = [o for o in opts if o is not target]
            with_other = opts[0].qtype != "multi" and bool(others) and rng.random() < 0.5
            if with_other:
                other = rng.choice(others)
                detail += f" other={other.option}"
                marks.append({"box": [other], "kind": "cross", "detail": "the other box of a half-finished correction"})
            marks.append({"box": [target], "kind": kind, "detail": detail, "frac": frac, "side": side})
        elif kind in ("circle", "circle_touch"):
            # as large as fits without running through another box (the truth stays one box)
            if kind == "circle":
                ratio = round(min(rng.uniform(0.9, 1.35), room(target, boxes)), 2)
            else:
                ratio = round(rng.uniform(0.6, 0.75), 2)
            marks.append({"box": [target], "kind": kind, "detail": f"radius={ratio:.2f}×side", "ratio": ratio})
        elif kind == "outside":
            # left or right of the box, where the cross touches no other box
            dist = round(rng.uniform(0.8, 1.05), 2)
            for ang in rng.sample([0, 180], 2):
                ang += rng.uniform(-25, 25)
                ox = target.cx + dist * target.w * math.cos(math.radians(ang))
                oy = target.cy + dist * target.w * math.sin(math.radians(ang))
                if clearance(target, boxes, ox, oy) > 0.75 * target.w:
                    break
            marks.append({"box": [target], "kind": kind, "detail": f"offset={dist:.2f}×side at {ang:.0f}°", "ang": ang, "dist": dist})
    # cancels (blacked out, then a cross in another box of the same one-answer question)
    for _ in range(n_cancel):
        cands = [q for q in qs if q not in used and len(by_q[q]) >= 2 and by_q[q][0].qtype != "multi"]
        if not cands:
            break
        q = cands[0]
        used.add(q)
        a, b = rng.sample(by_q[q], 2)
        marks.append({"box": [a], "kind": "cancel", "detail": f"then {b.option}"})
        marks.append({"box": [b], "kind": clear_kind(), "detail": "after a cancel"})
    # clear answers on most of the remaining questions
    for q in qs:
        if q in used or rng.random() < 0.25:
            continue
        used.add(q)
        opts = by_q[q]
        if opts[0].qtype == "multi":
            for o in rng.sample(opts, rng.randint(1, 3)):
                marks.append({"box": [o], "kind": clear_kind(), "detail": ""})
        else:
            marks.append({"box": [rng.choice(opts)], "kind": clear_kind(), "detail": ""})
    return marks


def draw_marks(page_imgs: list[Image.Image], marks: list[dict], rng: random.Random, dpi: int) -> None:
    k = dpi / 72.0  # px per point
    pxmm = dpi / 25.4
    pen = Pen(rng, pxmm)  # one person, one pen
    light_pen = Pen(rng, pxmm, light=True)
    draws = [ImageDraw.Draw(im) for im in page_imgs]
    inks = [Image.new("L", im.size, 0) for im in page_imgs]
    idraws = [ImageDraw.Draw(i) for i in inks]
    for m in marks:
        bl: list[Box] = m["box"]
        b = bl[0]
        d = idraws[b.page - 1]
        cx, cy, s = b.cx * k, b.cy * k, b.w * k
        kind = m["kind"]
        if kind == "cross":
            cross(d, pen, cx, cy, s)
        elif kind == "cross_light":
            cross(d, light_pen, cx, cy, s)
        elif kind == "cross_big":
            cross(d, pen, cx, cy, s, scale=rng.uniform(1.4, 1.8))
        elif kind == "tick":
            tick(d, pen, cx, cy, s)
        elif kind == "dot":
            dot(d, pen, cx, cy, s)
        elif kind == "cancel":
            cross(d, pen, cx, cy, s)
            blacken(d, pen, (b.x * k, b.y * k, s, b.h * k), 1.0, "all")
        elif kind == "partblack":
            cross(d, pen, cx, cy, s)
            blacken(d, pen, (b.x * k, b.y * k, s, b.h * k), m["frac"], m["side"])
        elif kind in ("circle", "circle_touch"):
            circle(d, pen, cx, cy, s, m["ratio"])
        elif kind == "outside":
            r = m["dist"] * s
            ang = math.radians(m["ang"])
            cross(d, pen, cx, cy, s, scale=rng.uniform(0.85, 1.05), off=(r * math.cos(ang), r * math.sin(ang)))
        elif kind == "strike_row":
            first, last = min(bl, key=lambda x: x.x), max(bl, key=lambda x: x.x)
            x0 = first.x * k - s * rng.uniform(0.5, 1.5)
            x1 = (last.x + last.w) * k + s * rng.uniform(0.3, 1.0)
            yc = cy + rng.uniform(-0.15, 0.15) * s
            slope = rng.uniform(-0.2, 0.2) * s
            stroke(d, pen, (x0, yc - slope), (x1, yc + slope), bend=0.01, steps=60)
    for im, ink in zip(page_imgs, inks):
        a = np.asarray(im, dtype=np.float32)
        i = np.asarray(ink, dtype=np.float32) / 255.0
        im.paste(Image.fromarray(np.clip(a * (1 - i), 0, 255).astype(np.uint8), "L"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdf", help="the forms PDF the product printed")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--pages", type=int, default=4, help="pages per form (4 for the standard questionnaire)")
    ap.add_argument("--forms", type=int, default=0, help="only the first N forms of the PDF (0: all)")
    ap.add_argument("--clean", type=int, default=4, help="the first N forms get only clear marks and cancels")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--survey", default=str(SURVEY))
    ap.add_argument("--jobs", type=int, default=2, help="forms made at the same time")
    a = ap.parse_args()

    pdf = Path(a.pdf)
    out = Path(a.out)
    (out / "scans").mkdir(parents=True, exist_ok=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n_pages = int(re.search(r"Pages:\s+(\d+)", info)[1])
    n_forms = n_pages // a.pages
    if a.forms:
        n_forms = min(n_forms, a.forms)
    boxes = find_boxes(pdf, Path(a.survey), range(1, a.pages + 1))
    (out / "layout.json").write_text(json.dumps([asdict(b) for b in boxes], indent=1, ensure_ascii=False))

    jobs = [(f, a, boxes, out) for f in range(n_forms)]
    with multiprocessing.Pool(a.jobs) as pool:
        per_form = pool.map(make_form, jobs)
    rows = [r for form_rows in per_form for r in form_rows]
    with open(out / "truth.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} inked boxes on {n_forms} forms: {out / 'truth.csv'}")


def make_form(job) -> list[dict]:
    f, a, boxes, out = job
    pdf = Path(a.pdf)
    rows = []
    first = f * a.pages + 1
    head = subprocess.run(["pdftotext", "-f", str(first), "-l", str(first), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    form_id = re.search(r"R\d+-\d{6}", head)[0]
    rng = random.Random(f"{a.seed}-{form_id}")
    number = int(form_id.split("-")[1])
    dpi = 300 if number % 2 else 200
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(first), "-l", str(first + a.pages - 1), str(pdf), f"{tmp}/p"],
            check=True,
        )
        pngs = sorted(Path(tmp).glob("p-*.png"))
        pages = [Image.open(p).convert("L") for p in pngs]
        for p in pages:
            p.load()
    marks = plan_form(rng, boxes, clean=f < a.clean)
    draw_marks(pages, marks, rng, dpi)
    scanned = [scan(p, rng, dpi) for p in pages]
    scanned[0].save(out / "scans" / f"{form_id}.pdf", save_all=True, append_images=scanned[1:], resolution=dpi, quality=88)
    for m in marks:
        for b in m["box"]:
            rows.append(
                {
                    "form": form_id,
                    "page": b.page,
                    "question": b.question,
                    "key": b.key,
                    "option": b.option,
                    "kind": m["kind"],
                    "expected": EXPECTED[m["kind"]],
                    "acceptable": ACCEPTABLE.get(m["kind"], EXPECTED[m["kind"]]),
                    "dpi": dpi,
                    "detail": m["detail"],
                }
            )
    print(f"{form_id}: {dpi} dpi, {len(marks)} marks", flush=True)
    return rows


if __name__ == "__main__":
    main()
