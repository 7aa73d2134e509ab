"""Train the Ukrainian person/organisation recogniser on half of NER-UK 2.0 and score it on the other half.

Data: ``../shared/datasets/ner-uk-v2/train.iob`` (lang-uk, CC BY-NC-SA 4.0). The file has no document
markers; runs of five or more blank lines separate paragraphs (a long one is cut at sentence ends into pieces
of about 400 tokens), so the split is by contiguous blocks of
paragraphs of about ``--block`` tokens: even blocks are the training half, odd blocks the held-out half
(deterministic; a tenth of the training half's blocks is kept aside for spaCy's model selection).

The model is a spaCy NER (PERS, ORG and LOC, so that places are not taken for organisations; only PERS
and ORG are used) on ``spacy.blank("uk")``'s tokenizer with a small CNN tok2vec, written to
``src/allegiance/models/uk_ner_nc/`` with its non-commercial LICENSE. The held-out half is scored by exact
character spans, for the model and, as the baseline, for the project's own pipeline (knowledge-base linker
and unlisted-name patterns).

    python scripts/train_ner_uk.py [--minutes 12] [--block 8000]
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.init_config import init_config
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_parser_en import sha256  # noqa: E402  (also registers the timed batcher)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "ner-uk-v2" / "train.iob"
OUT = ROOT / "src" / "allegiance" / "models" / "uk_ner_nc"
LABELS = ("PERS", "ORG", "LOC")
SCORED = ("PERS", "ORG")
LOG = logging.getLogger("train_ner_uk")
_NO_SPACE_BEFORE = set(",.:;!?)]»%…")
_NO_SPACE_AFTER = set("([«")

Paragraph = list[list[tuple[str, str]]]  # sentences of (token, IOB tag)


def read_paragraphs(path: Path) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    sentence: list[tuple[str, str]] = []
    paragraph: Paragraph = []
    blanks = 0
    for line in path.read_text(encoding="utf-8").splitlines() + ["", "", "", "", ""]:
        parts = line.split()
        if len(parts) < 2:
            blanks += 1
            if sentence:
                paragraph.append(sentence)
                sentence = []
            if blanks >= 5 and paragraph:
                paragraphs.append(paragraph)
                paragraph = []
            continue
        blanks = 0
        sentence.append((parts[0], parts[-1]))
    return [piece for p in paragraphs for piece in _pieces(p)]


def _pieces(p: Paragraph, most: int = 400) -> list[Paragraph]:
    """A long paragraph cut at sentence ends into pieces of about ``most`` tokens, so that blocks stay even."""
    out: list[Paragraph] = [[]]
    size = 0
    for sentence in p:
        if size >= most:
            out.append([])
            size = 0
        out[-1].append(sentence)
        size += len(sentence)
    return out


def split_blocks(paragraphs: list[Paragraph], block: int) -> tuple[list[Paragraph], list[Paragraph]]:
    """Contiguous blocks of about ``block`` tokens: even blocks train, odd blocks are held out."""
    halves: tuple[list[Paragraph], list[Paragraph]] = ([], [])
    index, size = 0, 0
    for p in paragraphs:
        halves[index % 2].append(p)
        size += sum(len(s) for s in p)
        if size >= block:
            index, size = index + 1, 0
    return halves


def paragraph_text(p: Paragraph) -> tuple[str, list[tuple[int, int, str]], list[str], list[bool]]:
    """The paragraph as text (tokens joined with ordinary spacing), its entity spans, words and spaces."""
    words = [tok for s in p for tok, _ in s]
    tags = [tag for s in p for _, tag in s]
    sentence_ends = set()
    n = 0
    for s in p:
        n += len(s)
        sentence_ends.add(n - 1)
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        spaces.append(bool(nxt) and (i in sentence_ends or (nxt[:1] not in _NO_SPACE_BEFORE
                                                             and w[-1:] not in _NO_SPACE_AFTER)))
    text, offsets = "", []
    for w, sp in zip(words, spaces, strict=True):
        offsets.append((len(text), len(text) + len(w)))
        text += w + (" " if sp else "")
    ents: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        label = tag[2:]
        if tag.startswith("B-") or (tag.startswith("I-") and (not ents or i == 0 or tags[i - 1][2:] != label)):
            ents.append((offsets[i][0], offsets[i][1], label))
        elif tag.startswith("I-"):
            ents[-1] = (ents[-1][0], offsets[i][1], label)
    return text, ents, words, spaces


def to_docbin(nlp: Any, paragraphs: Iterable[Paragraph], dest: Path) -> int:
    docs = []
    for p in paragraphs:
        text, ents, words, spaces = paragraph_text(p)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        spans = [doc.char_span(a, b, label=lab) for a, b, lab in ents if lab in LABELS]
        doc.ents = [s for s in spans if s is not None]
        docs.append(doc)
    DocBin(docs=docs, store_user_data=False).to_disk(dest)
    return len(docs)


def build_config(train: Path, dev: Path, minutes: float) -> Any:
    cfg = init_config(lang="uk", pipeline=["ner"], optimize="efficiency")
    cfg["paths"]["train"], cfg["paths"]["dev"] = str(train), str(dev)
    t2v = cfg["components"]["tok2vec"]["model"]
    t2v["encode"]["width"], t2v["encode"]["depth"] = 96, 4
    t2v["embed"]["rows"] = [5000, 1000, 2500, 2500]
    tr = cfg["training"]
    tr["max_epochs"], tr["max_steps"], tr["patience"], tr["eval_frequency"] = 60, 0, 2500, 300
    tr["batcher"] = {"@batchers": "allegiance.timed_batch_by_words.v1",
                     "size": {"@schedules": "compounding.v1", "start": 100, "stop": 1000, "compound": 1.001,
                              "t": 0.0},
                     "tolerance": 0.2, "minutes": minutes}
    return cfg


def f1(gold: set[tuple[int, int, int, str]], pred: set[tuple[int, int, int, str]], label: str) -> dict[str, float]:
    g = {x for x in gold if x[3] == label}
    p = {x for x in pred if x[3] == label}
    tp = len(g & p)
    prec = tp / len(p) if p else 0.0
    rec = tp / len(g) if g else 0.0
    return {"gold": len(g), "predicted": len(p), "precision": round(prec, 4), "recall": round(rec, 4),
            "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0}


def held_out(paragraphs: list[Paragraph]) -> tuple[list[str], set[tuple[int, int, int, str]]]:
    texts, gold = [], set()
    for n, p in enumerate(paragraphs):
        text, ents, _, _ = paragraph_text(p)
        texts.append(text)
        gold |= {(n, a, b, lab) for a, b, lab in ents if lab in SCORED}
    return texts, gold


def score_model(model: Path, texts: list[str], gold: set[tuple[int, int, int, str]]) -> dict[str, Any]:
    nlp = spacy.load(model)
    pred = {(n, e.start_char, e.end_char, e.label_) for n, doc in enumerate(nlp.pipe(texts, batch_size=32))
            for e in doc.ents if e.label_ in SCORED}
    return {label: f1(gold, pred, label) for label in SCORED}


def score_pipeline(texts: list[str], gold: set[tuple[int, int, int, str]]) -> dict[str, Any]:
    """The project's mentions before this model: the knowledge-base linker and unlisted-name patterns."""
    sys.path.insert(0, str(ROOT / "src"))
    from allegiance.kb.knowledge import load_knowledge_base
    from allegiance.nlp.doc import Doc as ADoc
    from allegiance.nlp.entities import EntityLinker
    from allegiance.nlp.pipeline import SentenceSplitter

    linker, splitter = EntityLinker(load_knowledge_base()), SentenceSplitter()
    pred = set()
    for n, text in enumerate(texts):
        doc = linker(splitter(ADoc(f"p{n}", text, "uk")))
        for m in doc.mentions:
            label = "PERS" if m.type == "person" else None if m.type == "state" else "ORG"
            if label:
                pred.add((n, m.start, m.end, label))
    return {label: f1(gold, pred, label) for label in SCORED}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=12.0, help="wall-time cap on the training loop")
    ap.add_argument("--block", type=int, default=8000, help="tokens per contiguous block of the split")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--work", default=None)
    ap.add_argument("--baseline-only", action="store_true", help="score the current pipeline only")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    train_half, test_half = split_blocks(read_paragraphs(DATA), args.block)
    texts, gold = held_out(test_half)
    LOG.info("train half %d paragraphs, held-out half %d paragraphs", len(train_half), len(test_half))
    before = score_pipeline(texts, gold)
    LOG.info("before (pipeline): %s", before)
    if args.baseline_only:
        print(json.dumps({"before": before}, indent=2))
        return 0
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="allegiance-ner-uk-"))
    work.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("uk")
    cut = max(1, len(train_half) // 10)
    to_docbin(nlp, train_half[cut:], work / "train.spacy")
    to_docbin(nlp, train_half[:cut], work / "dev.spacy")
    cfg = build_config(work / "train.spacy", work / "dev.spacy", args.minutes)
    cfg.to_disk(work / "config.cfg")
    from spacy.cli.train import train

    started = time.time()
    train(work / "config.cfg", work / "output", use_gpu=-1)
    best = work / "output" / "model-best"
    if not (best / "meta.json").exists():
        best = work / "output" / "model-last"
    out = Path(args.out)
    license_text = (out / "LICENSE").read_text(encoding="utf-8") if (out / "LICENSE").exists() else None
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    if license_text:
        (out / "LICENSE").write_text(license_text, encoding="utf-8")
    after = score_model(out, texts, gold)
    record = {"spacy": spacy.__version__, "train_minutes": round((time.time() - started) / 60, 1),
              "data": {"file": DATA.name, "sha256": sha256(DATA)}, "block_tokens": args.block,
              "train_paragraphs": len(train_half) - cut, "model_selection_paragraphs": cut,
              "held_out_paragraphs": len(test_half), "held_out_before": before, "held_out_after": after}
    (out / "training.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(record, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
