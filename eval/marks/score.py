"""Score what klankbord read (results.json from import_scans.py) against the truth (truth.csv from
make_scans.py).

Every box of every form gets one outcome:

  marked       read as an answer without asking anyone
  not_marked   read as empty or cancelled without asking anyone
  clerk        the clerk is asked: the box needs verification, its question has a conflict (two
               answers to a one-answer question), or its page could not be read
  quarantine   the form was put aside by the import checks
  missing      the form left no trace (no response, nothing waiting, nothing put aside)

A form read without doubt is imported at once: a box counts as marked when the form's response has
that option (or scale point) as the answer to its question. A form with doubt waits for the clerk:
then the outcome per box comes from the waiting sheet; a box that is not flagged is not shown to the
clerk (only doubtful boxes are), so its reading is taken as silent.

Silent errors are outcomes that are not acceptable for the box and did not go through the clerk:
a clear mark read as empty, a cancel read as an answer, an ambiguous mark read either way without
asking (except where truth.csv names that outcome as acceptable), and an empty box read as marked.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

OUTCOMES = ["marked", "not_marked", "clerk", "quarantine", "missing"]


def answered(resp: dict, key: str, option: str) -> bool:
    v = resp.get(key)
    if v is None:
        return False
    if isinstance(v, list):
        return option in [str(x) for x in v]
    return str(v) == option


# boxes of the form being scored that reach the clerk only because their question has a conflict
# (the box itself was read without doubt)
VIA_CONFLICT: set[tuple[str, str]] = set()


def outcomes_for_form(res: dict | None, boxes: list[dict]) -> dict[tuple[str, str], str]:
    VIA_CONFLICT.clear()
    out: dict[tuple[str, str], str] = {}
    if res is None:
        return {(b["key"], b["option"]): "missing" for b in boxes}
    if res["responses"]:
        resp = res["responses"][0]
        for b in boxes:
            out[(b["key"], b["option"])] = "marked" if answered(resp, b["key"], b["option"]) else "not_marked"
        return out
    if res["pending"]:
        sheet = res["pending"][0]
        conflicts = {c.get("item") for c in sheet.get("conflicts", []) or []}
        read: dict[tuple[str, str], dict] = {}
        bad_pages: set[int] = set()
        seen_pages: set[int] = set()
        for page in sheet.get("pages", []):
            pno = (page.get("id") or {}).get("page")
            if pno is not None:
                seen_pages.add(pno)
            if page.get("problem"):
                bad_pages.add(pno)
            for rb in page.get("boxes", []):
                read[(rb["item"], str(rb["value"]))] = rb
        for b in boxes:
            k = (b["key"], b["option"])
            rb = read.get(k)
            if b["page"] in bad_pages or b["page"] not in seen_pages or rb is None:
                out[k] = "clerk"
            elif rb.get("needs_verification"):
                out[k] = "clerk"
            elif b["key"] in conflicts:
                out[k] = "clerk"
                VIA_CONFLICT.add(k)
            else:
                out[k] = "marked" if rb.get("mark") == "marked" else "not_marked"
        return out
    if res["quarantine"]:
        return {(b["key"], b["option"]): "quarantine" for b in boxes}
    return {(b["key"], b["option"]): "missing" for b in boxes}


def table(title: str, counts: dict[str, Counter], order: list[str]) -> str:
    lines = [
        f"### {title}",
        "",
        "| class | boxes | read marked | read not marked | to the clerk | of which only for a conflict | other | silent errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for k in order:
        c = counts.get(k)
        if not c:
            continue
        n = sum(v for kk, v in c.items() if kk in OUTCOMES)
        other = c["quarantine"] + c["missing"]
        lines.append(f"| {k} | {n} | {c['marked']} | {c['not_marked']} | {c['clerk']} | {c['conflict']} | {other} | {c['silent']} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", required=True, help="truth.csv from make_scans.py")
    ap.add_argument("--layout", required=True, help="layout.json from make_scans.py (all boxes of a form)")
    ap.add_argument("--results", required=True, help="results.json from import_scans.py")
    ap.add_argument("--per-box", help="write every scored box to this CSV")
    a = ap.parse_args()

    truth = list(csv.DictReader(open(a.truth, newline="")))
    boxes = json.loads(Path(a.layout).read_text())
    results = json.loads(Path(a.results).read_text())
    by_form: dict[str, dict[tuple[str, str], dict]] = defaultdict(dict)
    for t in truth:
        by_form[t["form"]][(t["key"], t["option"])] = t

    per_class: dict[str, Counter] = defaultdict(Counter)
    per_kind: dict[str, Counter] = defaultdict(Counter)
    per_black: dict[str, Counter] = defaultdict(Counter)
    silent: list[str] = []
    asked_forms = Counter()
    form_lines = []
    rows = []
    for form in sorted(by_form):
        res = results.get(form)
        outs = outcomes_for_form(res, boxes)
        state = "missing" if res is None else "imported" if res["responses"] else "to the clerk" if res["pending"] else "put aside" if res["quarantine"] else "nothing"
        asked_forms[state] += 1
        t_form = by_form[form]
        kinds = Counter(t["kind"] for t in t_form.values())
        form_lines.append(f"| {form} | {t_form[next(iter(t_form))]['dpi']} | {state} | " + ", ".join(f"{k}×{n}" for k, n in sorted(kinds.items())) + " |")
        for b in boxes:
            k = (b["key"], b["option"])
            o = outs[k]
            t = t_form.get(k)
            if t is None:
                cls, kind, acceptable, detail = "empty", "empty", {"not_marked"}, ""
            else:
                cls, kind, detail = t["expected"], t["kind"], t["detail"]
                acceptable = set(t["acceptable"].split("|"))
            # asking the clerk is never silent; a clear mark or an empty box sent to the clerk costs
            # work but loses nothing
            is_silent = o in ("marked", "not_marked") and o not in acceptable
            per_class[cls][o] += 1
            per_kind[kind][o] += 1
            via = "conflict" if k in VIA_CONFLICT else ""
            if via:
                per_class[cls]["conflict"] += 1
                per_kind[kind]["conflict"] += 1
            if kind == "partblack":
                frac = float(detail.split("black=")[1].split()[0])
                band = "30–49 %" if frac < 0.5 else "50–69 %" if frac < 0.7 else "70–90 %"
                alone = "alone" if "other=" not in detail else "with a cross in another box"
                per_black[f"{band}, {alone}"][o] += 1
                if via:
                    per_black[f"{band}, {alone}"]["conflict"] += 1
            if is_silent:
                per_class[cls]["silent"] += 1
                per_kind[kind]["silent"] += 1
                silent.append(f"| {form} | {b['question']}. {b['key']} | {b['option']} | {kind} | {detail} | expected {cls} | read {o} |")
            rows.append(
                {
                    "form": form,
                    "page": b["page"],
                    "question": b["question"],
                    "key": b["key"],
                    "option": b["option"],
                    "kind": kind,
                    "expected": cls,
                    "outcome": o,
                    "via": via,
                    "silent": int(is_silent),
                    "detail": detail,
                }
            )

    print("## Marks read by klankbord against the truth\n")
    print(f"Forms: {sum(asked_forms.values())} ({', '.join(f'{v} {k}' for k, v in asked_forms.items())})\n")
    print(table("Per expected class", per_class, ["marked", "not_marked", "clerk", "empty"]))
    print()
    kinds_order = ["cross", "tick", "dot", "cross_light", "cross_big", "cancel", "circle", "circle_touch", "partblack", "outside", "strike_row", "empty"]
    print(table("Per kind of ink", per_kind, kinds_order))
    print()
    for band in sorted(per_black):
        c = per_black[band]
        c["silent"] = c["marked"] + c["not_marked"]
    print(table("Crossed, then partly blacked: by share of black", per_black, sorted(per_black)))
    print()
    print("### Forms\n\n| form | dpi | state | ink |\n|---|---:|---|---|")
    print("\n".join(form_lines))
    print()
    print(f"### Silent errors ({len(silent)})\n")
    if silent:
        print("| form | question | option | kind | detail | expected | outcome |\n|---|---|---|---|---|---|---|")
        print("\n".join(silent))
    else:
        print("none")
    if a.per_box:
        with open(a.per_box, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)


if __name__ == "__main__":
    main()
