"""Train the small spaCy dependency parser the syntactic layer uses, from a UD treebank.

Default: English, UD English-EWT (``../shared/datasets/universal-dependencies/en_ewt``), written to
``src/allegiance/models/en_ewt/``. The pipeline is spaCy's built-in tokenizer for the language
(``spacy.blank``, nothing downloaded), a CNN tok2vec (width 96, no static vectors), a morphologizer
(UPOS + features), a transition-based parser and an edit-tree lemmatizer trained on the treebank's lemmas.

The run is capped by wall time: after ``--minutes`` the batcher stops handing out batches, the remaining
epochs pass empty and spaCy keeps the best model seen on the dev split. Installing the package never runs
this; ``make parser-en`` does.

    python scripts/train_parser_en.py                       # English EWT, ~35 minutes
    python scripts/train_parser_en.py --lang de --train de_gsd/de_gsd-ud-dev.conllu \
        --dev de_gsd/de_gsd-ud-test.conllu --out src/allegiance/models/de_gsd
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.init_config import init_config
from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs

ROOT = Path(__file__).resolve().parents[1]
UD = ROOT.parent / "shared" / "datasets" / "universal-dependencies"
LOG = logging.getLogger("train_parser")

# Files spaCy needs to load the pipeline; the training output also holds meta of the run we do not ship.
_KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "morphologizer", "parser",
         "trainable_lemmatizer")


@spacy.registry.batchers("allegiance.timed_batch_by_words.v1")
def timed_batch_by_words(size: Any, tolerance: float, minutes: float) -> Callable[[Iterable[Any]], Iterator[list[Any]]]:
    """spaCy's batch_by_words that hands out nothing once ``minutes`` have passed since its first batch."""
    inner = spacy.registry.batchers.get("spacy.batch_by_words.v1")(size=size, tolerance=tolerance,
                                                                   discard_oversize=False)
    clock: list[float] = []

    def batch(items: Iterable[Any]) -> Iterator[list[Any]]:
        if not clock:
            clock.append(time.time() + minutes * 60)
        deadline = clock[0]
        if time.time() >= deadline:
            return
        for b in inner(items):
            if time.time() >= deadline:
                LOG.info("wall-time cap reached: no more batches")
                return
            yield b

    return batch


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def conllu_to_docbin(src: Path, dest: Path) -> int:
    docs = list(conllu_to_docs(src.read_text(encoding="utf-8"), n_sents=10, merge_subtokens=False,
                               no_print=True))
    DocBin(docs=docs, store_user_data=False).to_disk(dest)
    return sum(len(d) for d in docs)


def build_config(lang: str, train: Path, dev: Path, minutes: float, max_epochs: int) -> Any:
    cfg = init_config(lang=lang, pipeline=["morphologizer", "parser", "trainable_lemmatizer"],
                      optimize="efficiency")
    cfg["paths"]["train"] = str(train)
    cfg["paths"]["dev"] = str(dev)
    t2v = cfg["components"]["tok2vec"]["model"]
    t2v["encode"]["width"] = 96
    t2v["encode"]["depth"] = 4
    t2v["embed"]["rows"] = [5000, 1000, 2500, 2500]
    cfg["components"]["parser"]["model"]["hidden_width"] = 64
    cfg["components"]["trainable_lemmatizer"]["backoff"] = "orth"
    tr = cfg["training"]
    tr["max_epochs"] = max_epochs
    tr["max_steps"] = 0
    tr["patience"] = 3000
    tr["eval_frequency"] = 400
    tr["batcher"] = {"@batchers": "allegiance.timed_batch_by_words.v1",
                     "size": {"@schedules": "compounding.v1", "start": 100, "stop": 1000, "compound": 1.001,
                              "t": 0.0},
                     "tolerance": 0.2, "minutes": minutes}
    tr["score_weights"] = {"pos_acc": 0.2, "morph_acc": 0.1, "dep_uas": 0.1, "dep_las": 0.45,
                           "lemma_acc": 0.15, "morph_per_feat": None, "dep_las_per_type": None,
                           "sents_p": None, "sents_r": None, "sents_f": 0.0}
    return cfg


def score_test(model_dir: Path, test_bin: Path) -> dict[str, float]:
    """Scores on the test split with gold tokens (the treebank's own tokenization)."""
    from spacy.training import Example

    nlp = spacy.load(model_dir)
    refs = list(DocBin().from_disk(test_bin).get_docs(nlp.vocab))
    examples = [Example(spacy.tokens.Doc(nlp.vocab, words=[t.text for t in r],
                                         spaces=[bool(t.whitespace_) for t in r]), r) for r in refs]
    scores = nlp.evaluate(examples)
    keys = ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las")
    return {k: round(float(scores[k]), 4) for k in keys if scores.get(k) is not None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--train", default="en_ewt/en_ewt-ud-train.conllu", help="relative to the UD folder")
    ap.add_argument("--dev", default="en_ewt/en_ewt-ud-dev.conllu")
    ap.add_argument("--test", default="en_ewt/en_ewt-ud-test.conllu")
    ap.add_argument("--out", default=str(ROOT / "src" / "allegiance" / "models" / "en_ewt"))
    ap.add_argument("--minutes", type=float, default=31.0, help="wall-time cap on the training loop")
    ap.add_argument("--max-epochs", type=int, default=60)
    ap.add_argument("--work", default=None, help="keep the DocBins and the training output here")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    files = {name: UD / getattr(args, name) for name in ("train", "dev", "test")}
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="allegiance-parser-"))
    work.mkdir(parents=True, exist_ok=True)
    bins = {}
    words = {}
    for name, path in files.items():
        bins[name] = work / f"{name}.spacy"
        words[name] = conllu_to_docbin(path, bins[name])
        LOG.info("%s: %s, %d words", name, path.name, words[name])

    cfg = build_config(args.lang, bins["train"], bins["dev"], args.minutes, args.max_epochs)
    cfg_path = work / "config.cfg"
    cfg.to_disk(cfg_path)
    from spacy.cli.train import train

    started = time.time()
    train(cfg_path, work / "output", use_gpu=-1)
    minutes = (time.time() - started) / 60
    best = work / "output" / "model-best"
    if not (best / "meta.json").exists():
        best = work / "output" / "model-last"
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in _KEEP:
        src = best / name
        if src.is_dir():
            shutil.copytree(src, out / name)
        elif src.exists():
            shutil.copy2(src, out / name)
    scores = score_test(out, bins["test"])
    record = {
        "lang": args.lang, "spacy": spacy.__version__, "train_minutes": round(minutes, 1),
        "files": {name: {"file": p.name, "sha256": sha256(p), "words": words[name]} for name, p in files.items()},
        "test_scores_gold_tokens": scores,
    }
    (out / "training.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    LOG.info("test scores: %s", scores)
    print(json.dumps(record, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
