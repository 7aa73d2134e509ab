"""Crash safety, for real: ``kill -9`` at random moments of ``allegiance run`` over generated
articles, then ``PRAGMA integrity_check`` and a rerun that must end with the same articles,
cluster rows, statements and stance cells as a clean run.

    python scripts/crash_safety.py                     # the full run: 300 articles, 50 kills
    python scripts/crash_safety.py --articles 40 --kills 3 --batch-size 7

The articles are composed from team-written sentences (``tests/articles_gen.py``), never dev
text. Each case starts from an empty database, kills the run at a moment drawn uniformly between
the database's creation and the end of a clean run, checks the file, and reruns to completion.
Prints one line per case and a summary; exits 1 when any case differs."""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.articles_gen import write  # noqa: E402

_COMMAND = [sys.executable, "-c", "from allegiance.cli.main import main; main()"]


def _run_args(folder: Path, db: Path, batch_size: int | None) -> list[str]:
    args = [*_COMMAND, "run", str(folder), "--db", str(db), "--no-report", "--set", "progress=false"]
    if batch_size:
        args += ["--set", f"batch_size={batch_size}"]
    return args


def snapshot(db: Path) -> dict[str, Any]:
    """What a finished run must have produced, independent of row ids and timestamps."""
    con = sqlite3.connect(db)
    try:
        return {
            "articles": con.execute("SELECT count(*) FROM articles").fetchone()[0],
            "inputs": con.execute("SELECT count(*) FROM article_inputs").fetchone()[0],
            "rejections": con.execute("SELECT count(*) FROM rejections").fetchone()[0],
            "clusters": sorted(con.execute("SELECT article_id, cluster_id FROM clusters").fetchall()),
            "statements": con.execute("SELECT count(*) FROM statements").fetchone()[0],
            "analysed": con.execute("SELECT count(*) FROM analyses").fetchone()[0],
            "stance_cells": sorted(con.execute(
                "SELECT period_kind, period, subject, issue, label, statements, stories FROM stance_cells").fetchall()),
        }
    finally:
        con.close()


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def clean_run(folder: Path, db: Path, batch_size: int | None) -> tuple[dict[str, Any], float, float]:
    """Run once to the end; return the snapshot, seconds until the database exists, seconds in all."""
    started = time.monotonic()
    proc = subprocess.Popen(_run_args(folder, db, batch_size), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while not db.exists() and proc.poll() is None:
        time.sleep(0.02)
    opened = time.monotonic() - started
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"the clean run failed: {err.decode(errors='replace')}")
    return snapshot(db), opened, time.monotonic() - started


def one_case(folder: Path, db: Path, at: float, batch_size: int | None) -> dict[str, Any]:
    """Kill a run ``at`` seconds after the database exists; check; rerun; return what was seen."""
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)
    proc = subprocess.Popen(_run_args(folder, db, batch_size), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not db.exists() and proc.poll() is None:
        time.sleep(0.01)
    time.sleep(at)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    check = integrity(db) if db.exists() else "ok"
    rerun = subprocess.run(_run_args(folder, db, batch_size), capture_output=True, timeout=900)
    return {"killed": killed, "at": round(at, 2), "integrity": check, "rerun_rc": rerun.returncode,
            "rerun_err": rerun.stderr.decode(errors="replace")[-500:], "snapshot": snapshot(db)}


def diff(clean: dict[str, Any], got: dict[str, Any]) -> list[str]:
    return [key for key in clean if clean[key] != got[key]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="generated articles (default 300)")
    parser.add_argument("--kills", type=int, default=50, help="kill -9 to land mid-run (default 50)")
    parser.add_argument("--seed", type=int, default=9, help="seed of the articles and of the kill moments")
    parser.add_argument("--batch-size", type=int, default=None, help="batch_size setting (default: the default)")
    parser.add_argument("--max-cases", type=int, default=None, help="stop after this many cases (default 3x kills)")
    parser.add_argument("--json", type=Path, default=None, help="write the summary here as JSON")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="crash-safety-") as tmp:
        folder = Path(tmp) / "articles"
        write(folder, args.articles, seed=args.seed)
        clean, opened, total = clean_run(folder, Path(tmp) / "clean.db", args.batch_size)
        print(f"clean run: {clean['articles']} articles, {clean['statements']} statements, "
              f"{len(clean['stance_cells'])} stance cells, {total:.1f} s (database after {opened:.1f} s)", flush=True)
        kills = cases = 0
        failures: list[dict[str, Any]] = []
        while kills < args.kills and cases < (args.max_cases or 3 * args.kills):
            cases += 1
            at = rng.uniform(0, max(0.1, total - opened))
            seen = one_case(folder, Path(tmp) / "case.db", at, args.batch_size)
            kills += seen["killed"]
            wrong = diff(clean, seen["snapshot"])
            ok = seen["integrity"] == "ok" and seen["rerun_rc"] == 0 and not wrong
            print(f"case {cases}: {'killed' if seen['killed'] else 'finished first'} at +{seen['at']} s, "
                  f"integrity {seen['integrity']}, rerun rc {seen['rerun_rc']}, "
                  f"{'equal to the clean run' if not wrong else 'DIFFERS in ' + ', '.join(wrong)}", flush=True)
            if not ok:
                failures.append({"case": cases, "at": seen["at"], "integrity": seen["integrity"],
                                 "rerun_rc": seen["rerun_rc"], "differs": wrong, "stderr": seen["rerun_err"]})
    minutes = (time.monotonic() - began) / 60
    summary = {"articles": args.articles, "cases": cases, "kills": kills, "failures": failures,
               "minutes": round(minutes, 1), "batch_size": args.batch_size}
    print(f"{kills} kills in {cases} cases over {args.articles} articles, {minutes:.1f} min: "
          f"{len(failures)} failed", flush=True)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 1 if failures or kills < args.kills else 0


if __name__ == "__main__":
    sys.exit(main())
