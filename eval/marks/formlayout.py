"""Where the answer boxes of klankbord's printed PDF form are, found from the PDF itself.

Independent of the product's own layout description: the boxes are found as hollow ~5 mm squares
in a 300 dpi rendering of one form (pdftoppm), and each box is tied to its question and option with
the text positions (pdftotext -bbox) and the questionnaire definition (surveys/*.toml):

- a box belongs to the question whose number ("12.") is printed at the left margin closest above
  (or level with) it;
- a box of a one- or more-answer question is the option whose label is printed just right of it;
- a box in a row of a scale, smiley or grade question is a scale point by its place from the left
  (1..5 and the "don't know" code as sixth; 1..10 for the grade).

Everything is in PDF points (1/72 inch) from the top left of the page.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
import tomllib
from dataclasses import dataclass, asdict
from pathlib import Path

import numpy as np
from PIL import Image
from scipy import ndimage

DPI = 300
PT = 72.0 / DPI  # points per pixel at DPI


@dataclass
class Box:
    page: int  # 1-based page within the form
    question: int  # printed question number
    key: str  # question key in the definition
    qtype: str  # single, multi, scale, smileys, grade
    option: str  # option code, or scale point as text ("1".."10", or the don't-know code)
    label: str  # printed label next to / above the box
    x: float  # left, points
    y: float  # top, points
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


def load_items(toml_path: Path) -> list[dict]:
    """The questionnaire's items in printed order (numbered 1, 2, … as on paper)."""
    with open(toml_path, "rb") as f:
        doc = tomllib.load(f)
    items = []
    for section in doc["sections"]:
        for item in section["items"]:
            items.append(item)
    return items


def render(pdf: Path, first: int, last: int, dpi: int, out_dir: Path, prefix: str = "p") -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(first), "-l", str(last), str(pdf), str(out_dir / prefix)],
        check=True,
    )
    return sorted(out_dir.glob(f"{prefix}-*.png"))


def words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    res = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out):
        res.append((float(m[1]), float(m[2]), float(m[3]), float(m[4]), html.unescape(m[5])))
    return res


def hollow_squares(img: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h in pixels) of empty square outlines of 4–6.5 mm."""
    dark = img < 128
    lab, n = ndimage.label(dark)
    found = []
    lo, hi = int(4.0 / 25.4 * DPI), int(6.5 / 25.4 * DPI)
    for i, sl in enumerate(ndimage.find_objects(lab), start=1):
        ys, xs = sl
        h, w = ys.stop - ys.start, xs.stop - xs.start
        if not (lo <= w <= hi and lo <= h <= hi and abs(w - h) <= 4):
            continue
        comp = lab[sl] == i
        m = max(4, w // 6)
        inner = comp[m:-m, m:-m]
        if inner.size == 0 or inner.mean() > 0.02:
            continue  # filled (corner mark, QR finder, example of a blacked box)
        ring = comp.copy()
        ring[m:-m, m:-m] = False
        if ring.mean() < 0.15:
            continue
        found.append((xs.start, ys.start, w, h))
    return found


def find_boxes(pdf: Path, toml_path: Path, pages: range) -> list[Box]:
    items = load_items(toml_path)
    boxes: list[Box] = []
    with tempfile.TemporaryDirectory() as tmp:
        pngs = render(pdf, pages.start, pages.stop - 1, DPI, Path(tmp))
        for page_no, png in zip(pages, pngs):
            img = np.asarray(Image.open(png).convert("L"))
            ws = words(pdf, page_no)
            qnums = [
                (y0, int(t[:-1]))
                for (x0, y0, x1, y1, t) in ws
                if re.fullmatch(r"\d{1,2}\.", t) and x0 < 52
            ]
            squares = hollow_squares(img)
            per_q: dict[int, list[tuple[float, float, float, float]]] = {}
            for (x, y, w, h) in squares:
                bx, by, bw, bh = x * PT, y * PT, w * PT, h * PT
                cy = by + bh / 2
                above = [(qy, q) for (qy, q) in qnums if qy <= cy + 6]
                if not above:
                    continue  # the instruction examples and the header
                q = max(above)[1]
                per_q.setdefault(q, []).append((bx, by, bw, bh))
            rel_page = page_no - pages.start + 1
            for q, bl in sorted(per_q.items()):
                item = items[q - 1]
                qtype = item["type"]
                if qtype in ("scale", "smileys", "grade"):
                    bl.sort(key=lambda b: b[0])
                    if qtype == "grade":
                        codes = [str(i) for i in range(1, len(bl) + 1)]
                    else:
                        codes = ["1", "2", "3", "4", "5"] + ([item["dont_know"]] if item.get("dont_know") else [])
                    if len(bl) != len(codes):
                        raise SystemExit(f"question {q} ({item['key']}): {len(bl)} boxes, expected {len(codes)}")
                    for b, code in zip(bl, codes):
                        boxes.append(Box(rel_page, q, item["key"], qtype, code, code, *b))
                elif qtype in ("single", "multi"):
                    options = list(item["options"])
                    if item.get("other"):
                        options.append({"code": "anders", "label": {"nl": "Anders, namelijk"}})
                    for b in bl:
                        bx, by, bw, bh = b
                        cy = by + bh / 2
                        right = sorted(
                            (x0, t)
                            for (x0, y0, x1, y1, t) in ws
                            if abs((y0 + y1) / 2 - cy) < 5 and bx + bw < x0 < bx + bw + 160
                        )
                        label = " ".join(t for _, t in right)
                        hit = [o for o in options if label.startswith(o["label"]["nl"])]
                        if len(hit) != 1:
                            hit = [o for o in options if o["label"]["nl"].startswith(label.split(" ")[0])]
                        if len(hit) != 1:
                            raise SystemExit(f"question {q}: no option for label {label!r}")
                        o = hit[0]
                        boxes.append(Box(rel_page, q, item["key"], qtype, o["code"], o["label"]["nl"], *b))
    return boxes


def main() -> None:
    import argparse
    import json

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdf")
    ap.add_argument("--survey", default=str(Path(__file__).resolve().parents[2] / "surveys" / "bejegening-bijstand.toml"))
    ap.add_argument("--pages", type=int, default=4, help="pages per form")
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    boxes = find_boxes(Path(a.pdf), Path(a.survey), range(1, a.pages + 1))
    text = json.dumps([asdict(b) for b in boxes], indent=1, ensure_ascii=False)
    if a.out == "-":
        print(text)
    else:
        Path(a.out).write_text(text)


if __name__ == "__main__":
    main()
