"""Speed of `allegiance serve`: start-up time (process start until the first answer) and the
median response time of the overview, a dossier and a search, through a real server on
loopback, on the demo store (the samples) and on a generated store of 1 M statements
(bench/query_speed.py's generator, with a rare word put into 1 % of the articles so that a
search can be selective as well as match everything).

Usage: python bench/web_speed.py [--sizes 1000000] [--runs 9] [--json OUT] [--store FILE]
(--store: a store generated earlier by this script, kept with --keep DIR, instead of generating)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query_speed import generate  # noqa: E402

from allegiance import Settings, Store  # noqa: E402
from allegiance.ingest import ingest  # noqa: E402
from allegiance.runner import analyze_store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SERVE = [sys.executable, "-c", "from allegiance.cli.main import cli; cli()", "serve"]
PAGES = {
    "overview": "/",
    "overview_api": "/api/matrix?limit=1000",
    "dossier_kaz": "/dossier/KAZ",
    "search_rare": "/search?q=zeravshan",
    "search_common": "/search?q=war",
    "search_api": "/api/search?q=troops",
    "timeline": "/timeline",
    "predictions": "/predictions",
    "sources": "/sources",
}


def demo_store(path: Path) -> Path:
    settings = Settings(db=str(path), progress=False)
    with Store(path) as store:
        ingest([str(ROOT / "samples" / "articles")], store, settings, command="bench")
        analyze_store(store, settings=settings)
    return path


def big_store(path: Path, statements: int) -> Path:
    generate(path, statements)
    with Store(path) as store, store.transaction() as db:
        db.execute("UPDATE articles SET text = replace(text, 'benchmark', 'Zeravshan benchmark') WHERE rowid % 100 = 0")
        db.execute("UPDATE statements SET start = start WHERE article_id IN "  # re-index their evidence
                   "(SELECT id FROM articles WHERE rowid % 100 = 0)")
    return path


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc), the start-up cost that a
    loaded machine does not inflate the way it inflates wall time."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(db: Path) -> tuple[subprocess.Popen[bytes], str, float]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    began = time.perf_counter()
    proc = subprocess.Popen([*SERVE, "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "ALLEGIANCE_WEB_TOKEN": ""})
    while True:
        try:
            httpx.get(base + "/favicon.ico", timeout=1)
            return proc, base, time.perf_counter() - began
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise SystemExit("the server did not start") from None
            time.sleep(0.02)


def measure(db: Path, runs: int) -> dict[str, float]:
    startups, cpu = [], []
    for _ in range(3):
        proc, base, took = start(db)
        startups.append(took)
        cpu.append(cpu_seconds(proc.pid))
        proc.terminate()
        proc.wait()
    proc, base, _ = start(db)
    out = {"startup_wall_s": statistics.median(startups), "startup_cpu_s": statistics.median(cpu)}
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            for name, path in PAGES.items():
                times = []
                for _ in range(runs):
                    began = time.perf_counter()
                    response = client.get(path)
                    times.append(time.perf_counter() - began)
                    if response.status_code != 200:
                        raise SystemExit(f"{path}: HTTP {response.status_code}: {response.text[:200]}")
                out[name] = statistics.median(times[1:] if runs > 2 else times)  # the first warms the caches
                out[f"{name}_first"] = times[0]
    finally:
        proc.terminate()
        proc.wait()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000", help="generated store sizes in statements ('' for none)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--store", type=Path, help="measure this generated store instead of generating one")
    parser.add_argument("--keep", type=Path, help="folder to keep the generated stores in")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["demo"] = measure(demo_store(Path(tmp) / "demo.db"), args.runs)
        if args.store:
            with Store(args.store, readonly=True) as store:
                size = store.count("statements")
            results[f"{size}"] = measure(args.store, args.runs)
        for size in [] if args.store else [int(s) for s in args.sizes.split(",") if s]:
            began = time.perf_counter()
            db = big_store((args.keep or Path(tmp)) / f"s{size}.db", size)
            print(f"generated {size} statements in {time.perf_counter() - began:.0f} s", file=sys.stderr)
            results[f"{size}"] = measure(db, args.runs)
    names = [n for n in results["demo"] if not n.endswith("_first")]
    print(f"{'median':<16}" + "".join(f"{k:>12}" for k in results))
    for name in names:
        first = "".join(f"{results[k].get(name + '_first', 0) * 1000:>10.0f}ms" for k in results)
        print(f"{name:<16}" + "".join(f"{results[k][name] * 1000:>10.0f}ms" for k in results) + "   first:" + first)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
