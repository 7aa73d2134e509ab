"""Component benchmark: figures as ratios against a baseline measured in the same run.

Entity linking: words per second on one core over the same texts. Analysis: articles per second
on one core for English and Russian articles of about 5 KB, beside ingest alone in the same process.
Ingest: articles per second on one core for HTML pages and for scraped text, through the whole
ingest (decode, extract or clean, language, hash, MinHash, SQLite write), against trafilatura's
own extraction of the same pages alone. Each phase runs in a fresh process so its peak memory
(max RSS) is its own. Never a pass/fail test: machines are shared and noisy.

Usage: python bench/components.py [--pages N] [--json OUT]  (the whole-command benchmark is bench/run.py)
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing as mp
import resource
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _html_pages(limit: int) -> list[bytes]:
    archive = SHARED / "datasets" / "trafilatura-eval" / "html.tar.xz"
    if archive.exists():
        with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
            return [p.read_bytes() for p in sorted(Path(tmp).rglob("*.html"))[:limit]]
    body = (ROOT / "samples" / "articles" / "2022-03-unga-vote.html").read_bytes()
    return [body.replace(b"141 votes", f"{141 + i} votes".encode()) for i in range(limit)]


def _text_articles(limit: int) -> list[bytes]:
    folders = [SHARED / "corpus" / "dev" / "articles", SHARED / "corpus" / "seed" / "articles",
               ROOT / "samples" / "articles"]
    texts = [p.read_bytes() for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]
    # distinct copies (a numbered line is appended) so the store does not fold them as duplicates
    return [texts[i % len(texts)] + f"\n\nCopy {i}.".encode() for i in range(limit)]


def _articles_of_about(language: str, size: int, count: int) -> list[bytes]:
    """Distinct articles of about ``size`` bytes in one language, stitched from the corpus texts."""
    import json

    folder = SHARED / "corpus" / "dev"
    texts: list[str] = []
    if (folder / "gold.jsonl").exists():
        langs = {json.loads(x)["id"]: json.loads(x)["language"]
                 for x in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()}
        texts = [(folder / "articles" / f"{i}.txt").read_text(encoding="utf-8") for i, lang in langs.items()
                 if lang == language]
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "articles").glob("*.txt"))]
    out = []
    for i in range(count):
        body, j = f"Article {i}.\n", i
        while len(body.encode()) < size:
            body += texts[j % len(texts)] + "\n"
            j += 1
        out.append(body.encode()[:size].decode("utf-8", "ignore").encode())
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _phase(name: str, payloads: list[bytes], queue: mp.Queue) -> None:  # type: ignore[type-arg]
    logging.disable(logging.CRITICAL)
    import trafilatura

    from allegiance import Settings, Store, ingest

    start = time.perf_counter()
    if name.startswith("analyze_"):
        from allegiance.nlp import Doc
        from allegiance.nlp.pipeline import default_pipeline
        from allegiance.runner import analyze_store

        started = time.perf_counter()
        pipeline = default_pipeline()  # packs loaded, automata built: once per process
        pipeline(Doc("warm", payloads[0].decode("utf-8", "ignore"), "ru" if "_ru_" in name else "en"))
        startup = time.perf_counter() - started

        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for i, data in enumerate(payloads):
                (folder / f"{i:05}.txt").write_bytes(data)
            with Store(Path(tmp) / "bench.db") as store:
                settings = Settings(progress=False)
                start = time.perf_counter()
                ingest([str(folder)], store, settings)
                ingested = time.perf_counter()
                analyze_store(store, pipeline, settings=settings)
                done = time.perf_counter()
        queue.put({"phase": name, "articles": len(payloads), "seconds": round(done - ingested, 3),
                   "startup_s": round(startup, 2),
                   "articles_per_s": round(len(payloads) / (done - ingested), 1),
                   "ingest_articles_per_s": round(len(payloads) / (ingested - start), 1),
                   "peak_mb": round(_peak_mb(), 1)})
        return
    if name == "spacy_entity_ruler":
        import spacy

        from allegiance.kb.knowledge import load_knowledge_base

        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns([{"label": a.entity_id, "pattern": a.text} for a in load_knowledge_base().aliases])
        texts = [p.decode("utf-8", "replace") for p in payloads]
        nlp(texts[0])
        start = time.perf_counter()
        words = 0
        for doc in nlp.pipe(texts):
            words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        seconds = time.perf_counter() - start
        queue.put({"phase": name, "articles": len(payloads), "seconds": round(seconds, 3),
                   "articles_per_s": round(len(payloads) / seconds, 1), "words_per_s": round(words / seconds),
                   "peak_mb": round(_peak_mb(), 1)})
        return
    if name == "entity_linking":
        from allegiance.nlp import Doc, EntityLinker
        from allegiance.nlp.tokens import tokenize

        linker = EntityLinker()
        texts = [p.decode("utf-8", "replace") for p in payloads]
        words = sum(len(tokenize(text)) for text in texts)
        linker(Doc("warm", texts[0], "en"))  # build the automaton outside the timing
        start = time.perf_counter()
        for i, text in enumerate(texts):  # the part an EntityRuler does: dictionary matches, overlaps resolved
            linker._select(linker.match(Doc(str(i), text, None)))
        dictionary_seconds = time.perf_counter() - start
        start = time.perf_counter()
        for i, text in enumerate(texts):  # everything: roles, unlisted people and organisations
            linker(Doc(str(i), text, None))
        seconds = time.perf_counter() - start
        queue.put({"phase": name, "articles": len(payloads), "seconds": round(seconds, 3),
                   "articles_per_s": round(len(payloads) / seconds, 1), "words_per_s": round(words / seconds),
                   "dictionary_words_per_s": round(words / dictionary_seconds), "peak_mb": round(_peak_mb(), 1)})
        return
    if name == "trafilatura_alone":
        for data in payloads:
            trafilatura.extract(data, include_comments=False)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            suffix = ".html" if name == "ingest_html" else ".txt"
            for i, data in enumerate(payloads):
                (folder / f"{i:05}{suffix}").write_bytes(data)
            start = time.perf_counter()
            with Store(Path(tmp) / "bench.db") as store:
                ingest([str(folder)], store, Settings(progress=False))
    seconds = time.perf_counter() - start
    queue.put({"phase": name, "articles": len(payloads), "seconds": round(seconds, 3),
               "articles_per_s": round(len(payloads) / seconds, 1), "peak_mb": round(_peak_mb(), 1)})


def run_phase(name: str, payloads: list[bytes]) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_phase, args=(name, payloads, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="HTML pages and text articles per phase")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--only", default="", help="comma-separated phases to run (default: all)")
    args = parser.parse_args()
    html, text = _html_pages(args.pages), _text_articles(args.pages)
    phases = [("trafilatura_alone", html), ("ingest_html", html), ("ingest_text", text), ("entity_linking", text),
              ("analyze_en_5kb", _articles_of_about("en", 5000, args.pages)),
              ("analyze_ru_5kb", _articles_of_about("ru", 5000, max(50, args.pages // 4)))]
    try:
        import spacy  # noqa: F401  (the 'bench' extra)

        phases.append(("spacy_entity_ruler", text))
    except ImportError:
        print("spaCy is not installed (pip install '.[bench]'): no EntityRuler baseline", file=sys.stderr)
    wanted = {p for p in args.only.split(",") if p}
    if wanted:
        phases = [(n, p) for n, p in phases if n in wanted or n == "trafilatura_alone"]
    results = {name: run_phase(name, payload) for name, payload in phases}
    base = results["trafilatura_alone"]["articles_per_s"]
    print(f"{'phase':<20}{'articles':>9}{'art/s/core':>12}{'ratio':>8}{'peak MB':>9}")
    for name, r in results.items():
        r["ratio_to_trafilatura"] = round(r["articles_per_s"] / base, 2)
        print(f"{name:<20}{r['articles']:>9}{r['articles_per_s']:>12}{r['ratio_to_trafilatura']:>8}{r['peak_mb']:>9}")
    for name in ("analyze_en_5kb", "analyze_ru_5kb"):
        if name in results:
            r = results[name]
            print(f"{name}: analysis {r['articles_per_s']} articles/s on one core after a start-up of "
                  f"{r['startup_s']} s, ingest alone {r['ingest_articles_per_s']} articles/s (analysis/ingest "
                  f"{r['articles_per_s'] / r['ingest_articles_per_s']:.2f}), peak {r['peak_mb']} MB")
    if "entity_linking" not in results:
        return 0
    linking = results["entity_linking"]["words_per_s"]
    dictionary = results["entity_linking"]["dictionary_words_per_s"]
    print(f"entity linking, one core: dictionary matching {dictionary} words/s; whole linker {linking} words/s")
    if "spacy_entity_ruler" in results:
        ruler = results["spacy_entity_ruler"]["words_per_s"]
        print(f"spaCy blank('en') + EntityRuler with the same names: {ruler} words/s; ratios: dictionary "
              f"{dictionary / ruler:.2f}, whole linker {linking / ruler:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
