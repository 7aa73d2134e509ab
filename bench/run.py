"""The project's benchmark: whole ``allegiance`` processes, figures as ratios measured in one run.

Each line runs a real command in a fresh process and reads its CPU-seconds (user + system, its
worker processes included) and peak memory (max RSS) from ``wait4``, so a shared, noisy machine
still gives comparable figures: CPU-seconds and ratios between processes of the same run.

Lines:

- ``--help``: start-up cost of the command.
- ``run`` (ingest, analyse, no report) on English and on Russian articles of about 5 KB, in
  articles per CPU-second, and Russian against English.
- ``run --workers 2`` against ``--workers 1`` in wall time (on a machine with two free cores), and
  the speed-up two free cores would give, from the CPU of the writer and of the workers in each
  phase (``bench/phases.py``), which a loaded machine does not skew as it skews wall time.
- ``ingest`` of HTML pages (in one process) against trafilatura's extraction of the same pages
  alone, in CPU, and against trafilatura's extraction with its metadata (what ingest adds).
- ``run`` at 2,000 and 5,000 articles (20,000 with ``--full``): peak memory and CPU-ms per
  article, and the growth from the smallest size; ``report``, ``dossier RUS`` and ``timeline``
  on the largest of these stores.
- database size per article, against the text it holds, and its largest tables and indexes.

Articles are stitched at bench time from the dev set in ``../shared`` (read there, never copied
into the project) or, without it, from the bundled samples. HTML pages come from
``../shared/datasets/trafilatura-eval`` or the bundled HTML sample.

Usage: python bench/run.py [--articles N] [--full] [--only LINE,LINE] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phases import bound_speedup, phase_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLI = [sys.executable, "-c", "from allegiance.cli.main import cli; cli()"]
TRAFILATURA = [sys.executable, "-c", (
    "import sys, pathlib, trafilatura\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.html')):\n"
    "    trafilatura.extract(p.read_bytes(), include_comments=False)\n")]
#: The same with trafilatura's metadata (title, author, date, site...), which ingest needs and
#: ``extract`` alone does not do: ingest over this is what ingest adds beyond extraction.
TRAFILATURA_META = [sys.executable, "-c", (
    "import sys, pathlib, trafilatura\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.html')):\n"
    "    trafilatura.extract(p.read_bytes(), include_comments=False, with_metadata=True)\n")]


def _child_env(extra: dict[str, str] | None) -> dict[str, str]:
    """The environment of a measured command: as a user's installed package runs, with its modules'
    bytecode written and reused (an environment that sets ``PYTHONDONTWRITEBYTECODE`` would make
    every measured process compile the package from source, about 0.1 CPU-s each)."""
    env = {**os.environ, **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_package() -> None:
    """Write the bytecode of the package and its dependencies once, before anything is measured."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=False,
                   stdout=subprocess.DEVNULL, env=_child_env(None))
    subprocess.run(CLI + ["--help"], check=False, stdout=subprocess.DEVNULL, env=_child_env(None))


def measure(argv: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``argv``; its wall seconds, CPU-seconds (children included) and peak MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_child_env(env))
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv[:6])} failed:\n{err[-2000:]}")
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_mb": round(usage.ru_maxrss / 1024, 1)}


def _dev_texts(language: str) -> list[str]:
    folder = SHARED / "corpus" / "dev"
    if (folder / "gold.jsonl").exists():
        lines = [json.loads(x) for x in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
        texts = [(folder / "articles" / f"{d['id']}.txt").read_text(encoding="utf-8")
                 for d in lines if d.get("language") == language]
        if texts:
            return texts
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "articles").glob("*.txt"))]


def articles_of_about(language: str, size: int, count: int) -> list[str]:
    """``count`` distinct articles of about ``size`` bytes: sentences of the corpus texts drawn at
    random (seeded per article), so that articles overlap as much as a news corpus does, not
    more: a few share a sentence or two, and none is a near duplicate of another by design."""
    import re

    sentences = [s.strip() for t in _dev_texts(language) for s in re.split(r"(?<=[.!?])\s+", t)
                 if len(s.strip()) > 30]
    return articles_from(sentences, size, count, "Article")


def articles_from(sentences: list[str], size: int, count: int, opening: str) -> list[str]:
    """``count`` articles of about ``size`` bytes drawn from ``sentences`` (seeded per article), each
    opened by "<opening> <n>." and laid out four sentences to a paragraph."""
    import random

    out = []
    for i in range(count):
        rng = random.Random(i)
        body, used = [f"{opening} {i}."], 0
        while used < size:
            sentence = rng.choice(sentences)
            body.append(sentence)
            used += len(sentence.encode()) + 1
        out.append(" ".join(body[:1]) + "\n" + "\n".join(
            " ".join(body[j:j + 4]) for j in range(1, len(body), 4)))
    return out


def html_pages(limit: int, into: Path) -> int:
    into.mkdir(parents=True, exist_ok=True)
    archive = SHARED / "datasets" / "trafilatura-eval" / "html.tar.xz"
    if archive.exists():
        with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
            pages = sorted(Path(tmp).rglob("*.html"))[:limit]
            for i, p in enumerate(pages):
                (into / f"{i:05}.html").write_bytes(p.read_bytes())
            return len(pages)
    body = (ROOT / "samples" / "articles" / "2022-03-unga-vote.html").read_bytes()
    for i in range(limit):
        (into / f"{i:05}.html").write_bytes(body.replace(b"141 votes", f"{141 + i} votes".encode()))
    return limit


def write_folder(texts: list[str], into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (into / f"{i:06}.txt").write_text(text, encoding="utf-8")
    return into


def supports_workers() -> bool:
    out = subprocess.run(CLI + ["run", "--help"], capture_output=True, text=True).stdout
    return "--workers" in out


def run_line(folder: Path, db: Path, workers: int | None = None) -> dict[str, float]:
    db.unlink(missing_ok=True)
    argv = CLI + ["run", str(folder), "--db", str(db), "--no-report", "--set", "progress=false"]
    if workers is not None:  # the setting too: ingest prepares on the same number of processes
        argv += ["--workers", str(workers), "--set", f"workers={workers}"]
    return measure(argv)


QUERIES = {"report": ["report"], "dossier RUS": ["dossier", "RUS"], "timeline": ["timeline"]}


def query_lines(db: Path, startup: float) -> dict[str, dict[str, float]]:
    """``report``, ``dossier RUS`` and ``timeline`` on a store, each a whole process: CPU-seconds,
    and the same less the start-up of ``--help`` measured in this run (the query's own work)."""
    out = {}
    for name, argv in QUERIES.items():
        r = measure(CLI + argv + ["--db", str(db)])
        out[name] = {**r, "cpu_s_less_startup": round(r["cpu_s"] - startup, 3)}
    return out


def db_parts(db: Path, top: int = 6) -> list[tuple[str, float]]:
    """The largest tables and indexes of a store (``dbstat``) and their share of the file."""
    import sqlite3

    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    total = sum(size for _name, size in rows) or 1
    return [(name, round(size / total, 3)) for name, size in rows[:top]]


def ingest_line(pages_dir: Path, db: Path, pages: int) -> dict[str, object]:
    """Ingest of HTML pages against trafilatura alone and against trafilatura with its metadata."""
    alone = measure(TRAFILATURA + [str(pages_dir)])
    with_meta = measure(TRAFILATURA_META + [str(pages_dir)])
    ours = measure(CLI + ["ingest", str(pages_dir), "--db", str(db), "--set", "progress=false", "--set", "workers=1"])
    return {"pages": pages, "trafilatura": alone, "trafilatura_metadata": with_meta, "ingest": ours,
            "cpu_ratio": round(ours["cpu_s"] / alone["cpu_s"], 2),
            "cpu_ratio_metadata": round(ours["cpu_s"] / with_meta["cpu_s"], 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="articles per language for the run lines")
    parser.add_argument("--sizes", default="2000,5000", help="corpus sizes of the scale lines")
    parser.add_argument("--full", action="store_true", help="add the 20,000-article scale line (long)")
    parser.add_argument("--scale-bytes", type=int, default=1500, help="article size of the scale lines")
    parser.add_argument("--only", default="", help="comma-separated lines: help,run,workers,ingest,scale")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    wanted = set(filter(None, args.only.split(","))) or {"help", "run", "workers", "ingest", "scale"}
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([20000] if args.full else [])
    results: dict[str, object] = {}
    compile_package()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "help" in wanted:
            results["help"] = measure(CLI + ["--help"])
            print(f"allegiance --help: {results['help']['cpu_s']} CPU-s")  # type: ignore[index]
        if "run" in wanted or "workers" in wanted:
            en = write_folder(articles_of_about("en", 5000, args.articles), tmp / "en")
        if "run" in wanted:
            ru = write_folder(articles_of_about("ru", 5000, args.articles), tmp / "ru")
            r_en, r_ru = run_line(en, tmp / "en.db"), run_line(ru, tmp / "ru.db")
            size = (tmp / "en.db").stat().st_size
            text = sum(p.stat().st_size for p in en.iterdir())
            results["run_en"] = {**r_en, "articles_per_cpu_s": round(args.articles / r_en["cpu_s"], 1)}
            results["run_ru"] = {**r_ru, "articles_per_cpu_s": round(args.articles / r_ru["cpu_s"], 1)}
            results["db"] = {"kb_per_article": round(size / args.articles / 1024, 1),
                             "times_text": round(size / text, 2)}
            print(f"run, English 5 KB x {args.articles}: {results['run_en']['articles_per_cpu_s']} articles/CPU-s "  # type: ignore[index]
                  f"({r_en['cpu_s']} CPU-s, peak {r_en['peak_mb']} MB)")
            print(f"run, Russian 5 KB x {args.articles}: {results['run_ru']['articles_per_cpu_s']} articles/CPU-s "  # type: ignore[index]
                  f"({r_ru['cpu_s']} CPU-s, peak {r_ru['peak_mb']} MB); Russian/English CPU "
                  f"{r_ru['cpu_s'] / r_en['cpu_s']:.2f}")
            results["db"]["parts"] = db_parts(tmp / "en.db")  # type: ignore[index]
            print(f"database: {results['db']['kb_per_article']} KB per article, "  # type: ignore[index]
                  f"{results['db']['times_text']} times the text; largest parts: "  # type: ignore[index]
                  + ", ".join(f"{n} {share:.0%}" for n, share in results["db"]["parts"]))  # type: ignore[index]
        if "workers" in wanted:
            if supports_workers():
                one, two = run_line(en, tmp / "w1.db", 1), run_line(en, tmp / "w2.db", 2)
                rows = phase_rows(en, tmp, [1, 2])
                bound = round(bound_speedup(rows, 1, 2), 2)
                results["workers"] = {"one": one, "two": two, "speedup": round(one["wall_s"] / two["wall_s"], 2),
                                      "phases": rows, "speedup_on_free_cores": bound}
                print(f"run --workers 2 over --workers 1, wall: {results['workers']['speedup']}x "  # type: ignore[index]
                      f"({one['wall_s']} s / {two['wall_s']} s; CPU {one['cpu_s']} / {two['cpu_s']}); "
                      f"on two free cores (writer and worker CPU per phase, bench/phases.py): {bound}x")
            else:
                print("run --workers: not supported by this version")
        if "ingest" in wanted:
            pages = html_pages(args.articles, tmp / "html")
            line = ingest_line(tmp / "html", tmp / "html.db", pages)
            results["ingest_html"] = line
            print(f"ingest of {pages} HTML pages (one process) / trafilatura alone, CPU: {line['cpu_ratio']} "
                  f"({line['ingest']['cpu_s']} / {line['trafilatura']['cpu_s']} CPU-s); "  # type: ignore[index]
                  f"/ trafilatura with its metadata: {line['cpu_ratio_metadata']} "
                  f"({line['trafilatura_metadata']['cpu_s']} CPU-s)")  # type: ignore[index]
        if "scale" in wanted:
            scale: dict[int, dict[str, float]] = {}
            for n in sizes:
                folder = write_folder(articles_of_about("en", args.scale_bytes, n), tmp / f"s{n}")
                r = run_line(folder, tmp / f"s{n}.db", 1 if supports_workers() else None)
                scale[n] = {**r, "cpu_ms_per_article": round(1000 * r["cpu_s"] / n, 2)}
                print(f"run at {n} articles of {args.scale_bytes} B: {scale[n]['cpu_ms_per_article']} CPU-ms per "
                      f"article, peak {r['peak_mb']} MB")
            startup = measure(CLI + ["--help"])["cpu_s"]
            queries = query_lines(tmp / f"s{sizes[-1]}.db", startup)
            results["queries"] = {"articles": sizes[-1], "startup_cpu_s": startup, **queries}
            for name, q in queries.items():
                print(f"  {name} at {sizes[-1]} articles: {q['cpu_s']} CPU-s, {q['wall_s']} s wall "
                      f"({q['cpu_s_less_startup']} CPU-s beyond the start-up of --help), peak {q['peak_mb']} MB")
            first = scale[sizes[0]]
            for n in sizes[1:]:
                growth = scale[n]["cpu_ms_per_article"] / first["cpu_ms_per_article"]
                print(f"  {n} / {sizes[0]}: ms per article x{growth:.2f}, "
                      f"peak memory x{scale[n]['peak_mb'] / first['peak_mb']:.2f}")
            results["scale"] = scale
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
