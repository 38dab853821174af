"""Let klankbord read the scans made by make_scans.py, one form at a time, into a throwaway copy of
a database, and write down what it made of each form (results.json) for score.py.

Per form file it runs `klankbord import scans --wave W FILE` and then looks in the copy:

  responses           a form read without doubt becomes one anonymous response (its answers);
                      responses have no form number, so forms are imported one by one and the new
                      response is the one that was not there before
  paper_scan_pending  a form with doubt waits for the clerk: the sheet holds, per box, what was
                      read (mark, confidence, needs_verification) and the conflicts per question
  paper_quarantine    a form put aside by the import checks

The source database is copied with SQLite's backup API (safe while a demo server uses it) and never
written to.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def strip_pictures(sheet: dict) -> dict:
    for page in sheet.get("pages", []):
        for b in page.get("boxes", []):
            b.pop("cutout_png", None)
        for f in page.get("fields", []) or []:
            if isinstance(f, dict):
                for k in [k for k in f if k == "png" or k.endswith("_png")]:
                    f.pop(k)
    return sheet


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--klankbord", required=True, help="the klankbord binary")
    ap.add_argument("--db", required=True, help="SQLite database that printed the forms (only read)")
    ap.add_argument("--wave", type=int, required=True)
    ap.add_argument("--scans", required=True, help="folder with one PDF per form (make_scans.py --out X: X/scans)")
    ap.add_argument("--work", required=True, help="folder for the database copy, reports and results.json")
    a = ap.parse_args()

    work = Path(a.work).resolve()
    (work / "reports").mkdir(parents=True, exist_ok=True)
    run_db = work / "run.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(run_db) + suffix).unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{Path(a.db).resolve()}?mode=ro", uri=True)
    dst = sqlite3.connect(run_db)
    src.backup(dst)
    src.close()
    dst.close()

    env = dict(os.environ, DATABASE_URL=f"sqlite://{run_db}")
    results: dict[str, dict] = {}
    files = sorted(Path(a.scans).glob("*.pdf"))
    if not files:
        sys.exit(f"no PDF files in {a.scans}")
    for f in files:
        form = f.stem
        db = sqlite3.connect(run_db)
        before = {r[0] for r in db.execute("SELECT id FROM responses WHERE wave_id = ?", (a.wave,))}
        db.close()
        cmd = [a.klankbord, "import", "scans", "--wave", str(a.wave), "--report", str(work / "reports" / f"{form}.verslag.csv"), str(f.resolve())]
        p = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
        db = sqlite3.connect(run_db)
        new = [
            json.loads(r[1])
            for r in db.execute("SELECT id, answers FROM responses WHERE wave_id = ?", (a.wave,))
            if r[0] not in before
        ]
        pending = [strip_pictures(json.loads(r[0])) for r in db.execute("SELECT sheet FROM paper_scan_pending WHERE wave_id = ? AND form_id = ?", (a.wave, form))]
        quarantine = [
            {"sheet": r[0], "problems": r[1]}
            for r in db.execute("SELECT sheet, problems FROM paper_quarantine WHERE wave_id = ? AND form_id = ?", (a.wave, form))
        ]
        db.close()
        results[form] = {
            "exit": p.returncode,
            "stdout": p.stdout.strip(),
            "stderr": p.stderr.strip()[-2000:],
            "responses": new,
            "pending": pending,
            "quarantine": quarantine,
        }
        state = "imported" if new else "pending" if pending else "quarantine" if quarantine else "nothing"
        print(f"{form}: {state} | {p.stdout.strip()}", flush=True)
    (work / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(f"results: {work / 'results.json'}")


if __name__ == "__main__":
    main()
