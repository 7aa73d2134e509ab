"""Accuracy and speed of the syntactic layer's parsers on UD test splits.

For each treebank: UPOS, lemma (case- and apostrophe-insensitive), UAS and LAS over the gold words, once
with the gold tokens given to the parser and once with the parser's own tokenization of the sentence text
(a word counts only where the parser's token has the gold word's exact character span; LAS there is
F1 over words, as in the CoNLL 2018 shared task). Speed: words per second through ``parse`` (own
tokenization) on one core, model loading excluded.

    python bench/parser_eval.py [--only en_ewt,uk_iu] [--limit N] [--json OUT]

Treebanks: en_ewt (the shipped English model), ru_gsd and ru_taiga (natasha), uk_iu (the pymorphy3
morphology parser: no heads, so UPOS and lemma only), de_gsd where a German parser is registered.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
UD = ROOT.parent / "shared" / "datasets" / "universal-dependencies"

from allegiance.nlp.syntax import ParsedSentence, get_parser  # noqa: E402

TREEBANKS = {"en_ewt": "en", "ru_gsd": "ru", "ru_taiga": "ru", "uk_iu": "uk", "de_gsd": "de"}


@dataclasses.dataclass
class GoldWord:
    form: str
    lemma: str
    upos: str
    head: int  # 0-based index in the sentence, -1 for root
    deprel: str
    start: int = -1  # character span in the sentence text (-1 where it could not be placed)
    end: int = -1


@dataclasses.dataclass
class GoldSentence:
    text: str
    words: list[GoldWord]


def read_conllu(path: Path, limit: int = 0) -> list[GoldSentence]:
    out: list[GoldSentence] = []
    text, rows, ranges = "", [], {}
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# text = "):
            text = line[9:]
        elif not line.strip():
            if rows:
                out.append(_sentence(text, rows, ranges))
                if limit and len(out) >= limit:
                    break
            text, rows, ranges = "", [], {}
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                ranges[int(a)] = (int(b), cols[1])
                continue
            rows.append(cols)
    return out


def _sentence(text: str, rows: list[list[str]], ranges: dict[int, tuple[int, str]]) -> GoldSentence:
    words = [GoldWord(c[1], c[2], c[3], int(c[6]) - 1 if c[6] != "_" else -1, c[7].split(":")[0]) for c in rows]
    pos, n = 0, 0
    while n < len(words):
        last, surface = ranges.get(n + 1, (n + 1, words[n].form))
        at = text.find(surface, pos)
        if at < 0:
            n = last
            continue
        if last == n + 1:  # a multiword token's words get no span: they cannot align to one token
            words[n].start, words[n].end = at, at + len(surface)
        pos = at + len(surface)
        n = last
    return GoldSentence(text, words)


def _norm(lemma: str) -> str:
    return lemma.casefold().replace("’", "'").replace("ʼ", "'").replace("ё", "е")


@dataclasses.dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    aligned: int = 0
    upos: int = 0
    lemma: int = 0
    uas: int = 0
    las: int = 0

    def add(self, gold: GoldSentence, parsed: ParsedSentence, offset: int) -> None:
        self.gold += len(gold.words)
        self.pred += len(parsed.tokens)
        by_span = {(t.start - offset, t.end - offset): t for t in parsed.tokens}
        span_of = {t.i: (t.start - offset, t.end - offset) for t in parsed.tokens}
        for w in gold.words:
            t = by_span.get((w.start, w.end))
            if t is None:
                continue
            self.aligned += 1
            self.upos += t.upos == w.upos
            self.lemma += _norm(t.lemma) == _norm(w.lemma)
            if not parsed.has_heads:
                continue
            gold_head = (gold.words[w.head].start, gold.words[w.head].end) if w.head >= 0 else None
            pred_head = span_of.get(t.head) if t.head >= 0 else None
            if gold_head == pred_head:
                self.uas += 1
                self.las += t.deprel.split(":")[0] == w.deprel
        return None

    def scores(self, heads: bool) -> dict[str, float]:
        def f1(correct: int) -> float:
            p = correct / self.pred if self.pred else 0.0
            r = correct / self.gold if self.gold else 0.0
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        out = {"words": self.gold, "tokens_f1": f1(self.aligned), "upos": f1(self.upos), "lemma": f1(self.lemma)}
        if heads:
            out |= {"uas": f1(self.uas), "las": f1(self.las)}
        return out


def gold_tokens(parser: Any, sentences: list[GoldSentence]) -> dict[str, float]:
    """Scores with the gold words handed to the parser (a synthetic text of the forms joined by spaces)."""
    counts = Counts()
    texts, spans = [], []
    for s in sentences:
        pos, words = 0, []
        for w in s.words:
            words.append((pos, pos + len(w.form)))
            pos += len(w.form) + 1
        texts.append(" ".join(w.form for w in s.words))
        spans.append(words)
    heads = False
    for s, text, words in zip(sentences, texts, spans, strict=True):
        (parsed,) = parser.parse_tokens(text, [words])
        heads = heads or parsed.has_heads
        placed = GoldSentence(text, [dataclasses.replace(w, start=a, end=b) for w, (a, b) in zip(s.words, words,
                                                                                                 strict=True)])
        counts.add(placed, parsed, 0)
    return counts.scores(heads)


def own_tokens(parser: Any, sentences: list[GoldSentence]) -> tuple[dict[str, float], float]:
    """Scores and words/s with the parser's own tokenization of each sentence's text."""
    text = ""
    offsets = []
    for s in sentences:
        offsets.append(len(text))
        text += s.text + "\n"
    spans = [(o, o + len(s.text)) for o, s in zip(offsets, sentences, strict=True)]
    started = time.process_time()
    parsed = parser.parse(text, spans)
    seconds = time.process_time() - started
    counts = Counts()
    for s, p, o in zip(sentences, parsed, offsets, strict=True):
        counts.add(s, p, o)
    heads = any(p.has_heads for p in parsed)
    return counts.scores(heads), round(counts.gold / seconds) if seconds else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="comma-separated treebanks (default: all present)")
    ap.add_argument("--limit", type=int, default=0, help="first N test sentences of each treebank")
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    wanted = [t for t in (args.only.split(",") if args.only else TREEBANKS) if t]
    results: dict[str, Any] = {}
    for name in wanted:
        path = UD / name / f"{name}-ud-test.conllu"
        parser = get_parser(TREEBANKS[name])
        if parser is None or not path.exists():
            results[name] = {"skipped": "no parser" if parser is None else "no test split"}
            continue
        sentences = read_conllu(path, args.limit)
        parser.parse("warm up.", [(0, 8)])
        own, wps = own_tokens(parser, sentences)
        results[name] = {"parser": type(parser).__name__, "gold_tokens": gold_tokens(parser, sentences),
                         "own_tokens": own, "words_per_cpu_second": wps}
        print(f"{name}: {json.dumps(results[name])}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
