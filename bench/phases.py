"""Where ``allegiance run`` spends its CPU and wall time, phase by phase, with 1 and N workers.

Each round is a fresh process (``--child``) that runs the steps of ``allegiance run`` in order:
imports, ingest, building the pipeline, analysis. For each phase it reads the process's own CPU
(the writer: reading inputs, the store writes, what it prepares or analyses itself) and the CPU of
its reaped worker processes (``RUSAGE_CHILDREN``), and the wall time. The serial part of a run is
what the writer does; on two free cores the wall time of two workers is bounded below by
``max(writer CPU, total CPU / 2)`` of each phase, which this prints as the speed-up a quiet machine
would give (``bound``), next to the measured wall time (which a loaded machine skews).

A phase that runs a pool (ingest, analysis) ends with a *tail*: what the writer does after the
pool's last result came back (the last writes, the aggregates), while no worker has anything left
to do. It is serial whatever the cores, so it is its own phase (``ingest tail``, ``analyze
tail``), bounded by the writer's CPU alone; the workers' CPU, reaped at the pool's shutdown, is
the pool phase's.

Usage: python bench/phases.py [--articles 300] [--workers 1,2] [--language en] [--html]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _cpu() -> tuple[float, float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime, time.perf_counter()


Mark = tuple[float, float, float]


def _phase(out: dict[str, dict[str, float]], name: str, start: Mark) -> Mark:
    now = _cpu()
    out[name] = {"writer_cpu_s": round(now[0] - start[0], 3), "workers_cpu_s": round(now[1] - start[1], 3),
                 "wall_s": round(now[2] - start[2], 3)}
    return now


class _LastResult:
    """The marks of the last result a pool's results generator (a module's ``_pooled``) handed over."""

    def __init__(self, module: Any) -> None:
        self.last: Mark | None = None
        pooled = getattr(module, "_pooled", None)
        if pooled is None:
            return

        def counted(*args: object, **kwargs: object) -> object:
            for item in pooled(*args, **kwargs):
                self.last = _cpu()
                yield item

        module._pooled = counted


def _pool_phase(out: dict[str, dict[str, float]], name: str, start: Mark, pool: _LastResult) -> Mark:
    """A phase that may have run a pool: the pool part, and its tail after the last result."""
    last, pool.last = pool.last, None
    if last is None:
        return _phase(out, name, start)
    now = _cpu()
    out[name] = {"writer_cpu_s": round(last[0] - start[0], 3), "workers_cpu_s": round(now[1] - start[1], 3),
                 "wall_s": round(last[2] - start[2], 3)}
    out[f"{name} tail"] = {"writer_cpu_s": round(now[0] - last[0], 3), "workers_cpu_s": 0.0,
                           "wall_s": round(now[2] - last[2], 3)}
    return now


def child(folder: str, db: str, workers: int) -> None:
    """One run's phases in this process, as JSON on standard output."""
    out: dict[str, dict[str, float]] = {}
    mark = _cpu()
    from allegiance.cli.main import cli  # noqa: F401  (first: the commands, in the order the CLI loads them)
    from allegiance.ingest import ingest, parallel
    from allegiance.runner import local
    from allegiance.settings import Settings
    from allegiance.store.db import Store

    run = sys.modules["allegiance.cli.run"]  # which cli.main imports last
    analyze_local = run.analyze_local

    mark = _phase(out, "imports", mark)
    ingest_pool, analysis_pool = _LastResult(parallel), _LastResult(local)
    settings = Settings().replace(db=db, workers=workers, progress=False)
    if hasattr(run, "ingest_for_run"):  # run's ingest, which builds the pipeline while it waits on its pool
        run.ingest_for_run((folder,), settings)
    else:
        with Store(settings.db, busy_timeout=settings.busy_timeout) as store:
            ingest([folder], store, settings, command="run")
    mark = _pool_phase(out, "ingest", mark, ingest_pool)
    from allegiance.runner.work import pipeline_for

    pipeline_for(settings)
    mark = _phase(out, "pipeline", mark)
    analyze_local(settings, workers)
    _pool_phase(out, "analyze", mark, analysis_pool)
    print(json.dumps(out))


def _bound(many: dict[str, float], count: int) -> float:
    """The wall time of a phase on ``count`` free cores: its writer CPU or its total over the cores."""
    total = many["writer_cpu_s"] + many["workers_cpu_s"]
    return max(many["writer_cpu_s"] if many["workers_cpu_s"] else total, total / count)


def phase_rows(folder: Path, tmp: Path, counts: list[int]) -> dict[int, dict[str, dict[str, float]]]:
    """Each worker count's phases, each run a fresh process on its own store."""
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    rows = {}
    for count in counts:
        db = tmp / f"phases-w{count}.db"
        done = subprocess.run([sys.executable, __file__, "--child", str(folder), str(db), str(count)],
                              capture_output=True, text=True, env=env, check=True)
        rows[count] = json.loads(done.stdout.strip().splitlines()[-1])
    return rows


def bound_speedup(rows: dict[int, dict[str, dict[str, float]]], one: int, many: int) -> float:
    """The speed-up of ``many`` workers over ``one`` that free cores would give (see the module)."""
    base = sum(q["writer_cpu_s"] + q["workers_cpu_s"] for q in rows[one].values())
    return base / sum(_bound(p, many) for p in rows[many].values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--language", default="en")
    parser.add_argument("--html", action="store_true", help="HTML pages of trafilatura's evaluation set instead")
    parser.add_argument("--child", nargs=3, metavar=("FOLDER", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    from run import articles_of_about, html_pages, write_folder  # run.py imports this module

    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.html:
            html_pages(args.articles, tmp / "in")
            folder = tmp / "in"
        else:
            folder = write_folder(articles_of_about(args.language, 5000, args.articles), tmp / "in")
        rows = phase_rows(folder, tmp, counts)
    base = rows[counts[0]]
    for count, phases in rows.items():
        print(f"-- workers {count} --")
        total_wall = total_bound = 0.0
        for name, p in phases.items():
            bound = _bound(p, count) if count > 1 else p["writer_cpu_s"] + p["workers_cpu_s"]
            total_wall += p["wall_s"]
            total_bound += bound
            print(f"{name:9} writer {p['writer_cpu_s']:7.2f} CPU-s  workers {p['workers_cpu_s']:7.2f} CPU-s  "
                  f"wall {p['wall_s']:7.2f} s  bound {bound:7.2f} s")
        print(f"{'all':9} wall {total_wall:.2f} s, bound on {count} free cores {total_bound:.2f} s")
        if count != counts[0]:
            wall1 = sum(q["wall_s"] for q in base.values())
            print(f"speed-up over {counts[0]} worker(s): wall {wall1 / total_wall:.2f}, "
                  f"bound {bound_speedup(rows, counts[0], count):.2f}")
            for name in phases:
                if name not in base:  # a pool's tail: the one-process run has none of its own
                    continue
                one = base[name]["writer_cpu_s"] + base[name]["workers_cpu_s"]
                many = _bound(phases[name], count) + (_bound(phases[f"{name} tail"], count)
                                                      if f"{name} tail" in phases else 0.0)
                print(f"  {name}: bound speed-up {one / many:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
