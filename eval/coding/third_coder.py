#!/usr/bin/env python3
"""Agreement of the third coder (coder_c.tsv: the test half, coded by a coder who saw only the
codebook and the test half's texts) with the gold label and with coders A and B.

Pooled Cohen's kappa over every (text, code) decision of the test half, for themes and for norms,
and per code. Run from this folder: python3 third_coder.py"""
import csv


def read(path):
    out = {}
    with open(path, newline="") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(r)
        for row in r:
            row = row + [""] * (3 - len(row))
            out[row[0]] = (
                {c for c in row[1].split(",") if c},
                {c for c in row[2].split(",") if c},
            )
    return out


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan")
    agree = sum(1 for a, b in pairs if a == b) / n
    pa = sum(1 for a, _ in pairs if a) / n
    pb = sum(1 for _, b in pairs if b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if chance == 1 else (agree - chance) / (1 - chance)


def main():
    ids = [l.strip() for l in open("test_ids.txt") if l.strip()]
    c = read("coder_c.tsv")
    others = {"gold": read("gold.tsv"), "coder A": read("coder_a.tsv"), "coder B": read("coder_b.tsv")}
    assert set(ids) == set(c), "coder_c.tsv must hold exactly the test half"
    for part, idx in (("themes", 0), ("norms", 1)):
        codes = sorted({x for d in [c] + list(others.values()) for i in ids for x in d[i][idx]})
        print(f"## {part} (test half, {len(ids)} texts)")
        for name, o in others.items():
            pairs = [(x in c[i][idx], x in o[i][idx]) for i in ids for x in codes]
            print(f"C vs {name}: pooled kappa {kappa(pairs):.2f}")
        g = others["gold"]
        print("code\tC\tgold\tboth\tkappa C-gold")
        for x in codes:
            pairs = [(x in c[i][idx], x in g[i][idx]) for i in ids]
            print(
                f"{x}\t{sum(a for a, _ in pairs)}\t{sum(b for _, b in pairs)}\t"
                f"{sum(a and b for a, b in pairs)}\t{kappa(pairs):.2f}"
            )
        print()


if __name__ == "__main__":
    main()
