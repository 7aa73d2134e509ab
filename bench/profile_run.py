"""Where ``allegiance run`` spends its CPU: cProfile over one whole run in one process.

Builds the same articles as ``bench/run.py`` (about 5 KB each, sentences of the dev set drawn at
random, seeded), runs ``allegiance run --workers 1`` on them in this process under cProfile, and
prints the functions with the most self time and the most cumulative time, each with its share of
the run. ``--workers 1`` keeps the analysis in the profiled process; the figures are the profile's
(cProfile adds its own cost per call, so they are shares, not speeds: speeds come from
``bench/run.py``). The profiler's clock is the process's CPU time, so that other work on the
machine does not skew the shares; the workers' CPU is not in it, hence ``--workers 1``.

``--funnel`` prints instead how the sentences of the same articles pass the statement stage's
cheap filters: how many sentences, how many the sentence prefilter passes to the clause frames
(``FrameBuilder.candidate``, whose words come from ``nlp/prefilter.py``), how many of those give a
frame, a frame with a subject, and a stance or an event (what a tighter filter could still save).

Usage: python bench/profile_run.py [--articles 300] [--language en|ru] [--top 25] [--stats OUT] [--funnel]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import articles_of_about, write_folder  # noqa: E402


def _table(stats: pstats.Stats, key: str, top: int, total: float) -> str:
    """The ``top`` functions by ``key`` ("tottime" or "cumtime"), with their share of ``total``."""
    rows = []
    entries = stats.stats  # type: ignore[attr-defined]
    index = 2 if key == "tottime" else 3
    ordered = sorted(entries.items(), key=lambda kv: kv[1][index], reverse=True)[:top]
    for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in ordered:
        where = filename.split("site-packages/")[-1].split("src/")[-1]
        value = tottime if key == "tottime" else cumtime
        rows.append(f"{value / total:6.1%} {value:8.3f}s {calls:>9} {where}:{line}({name})")
    return "\n".join(rows)


def funnel(language: str, count: int) -> str:
    """The sentences of ``count`` generated articles through the frame filter and what they yield."""
    from collections import Counter

    from allegiance.nlp.actors import ActorResolver
    from allegiance.nlp.doc import Doc
    from allegiance.nlp.frames import FrameBuilder
    from allegiance.nlp.pipeline import default_pipeline

    pipeline = default_pipeline()
    extractor = next(c for c in pipeline.components if c.name == "statements")
    kb = extractor.kb  # type: ignore[attr-defined]
    seen: Counter[str] = Counter()
    for n, text in enumerate(articles_of_about(language, 5000, count)):
        doc = pipeline(Doc(str(n), text, language, "2024-03-01"))
        builder = FrameBuilder(doc, ActorResolver(kb, doc))
        yielded = {s.start for s in doc.statements if s.kind in ("stance", "event")}
        for sentence in doc.sentences:
            seen["sentences"] += 1
            if not builder.candidate(sentence):
                continue
            seen["passed to the frames"] += 1
            frames = builder.frames(sentence)
            seen["with a frame"] += bool(frames)
            seen["with a frame with a subject"] += any(f.subjects or f.we for f in frames)
            seen["with a stance or an event"] += sentence.start in yielded
    total = seen["sentences"] or 1
    lines = [f"{language}, {count} articles of about 5 KB:"]
    for key in ("sentences", "passed to the frames", "with a frame", "with a frame with a subject",
                "with a stance or an event"):
        lines.append(f"  {key:30s} {seen[key]:7d}  {seen[key] / total:6.1%}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--language", default="en")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--stats", type=Path, help="also write the raw profile (pstats) here")
    parser.add_argument("--funnel", action="store_true", help="the sentences through the filters, no profile")
    args = parser.parse_args()
    if args.funnel:
        print(funnel(args.language, args.articles))
        return 0
    from allegiance.cli.main import cli

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = write_folder(articles_of_about(args.language, 5000, args.articles), tmp / args.language)
        argv = ["run", str(folder), "--db", str(tmp / "p.db"), "--no-report", "--workers", "1",
                "--set", "workers=1", "--set", "progress=false"]
        profile = cProfile.Profile(time.process_time)  # CPU time: shares that a loaded machine does not skew
        profile.enable()
        try:
            cli.main(argv, standalone_mode=False)
        finally:
            profile.disable()
    if args.stats:
        profile.dump_stats(str(args.stats))
    stats = pstats.Stats(profile, stream=io.StringIO())
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"allegiance run, {args.articles} {args.language} articles of about 5 KB: {total:.2f} CPU-s profiled")
    print(f"\n-- self time (top {args.top}) --\n" + _table(stats, "tottime", args.top, total))
    print(f"\n-- cumulative time (top {args.top}) --\n" + _table(stats, "cumtime", args.top, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
