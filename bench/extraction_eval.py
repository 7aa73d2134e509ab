"""Main-text extraction on ../shared/datasets/trafilatura-eval with its upstream metric.

Each page goes through Allegiance's own HTML reader (decoding + trafilatura + normalisation).
A "with" segment found in the output is a true positive, missing a false negative; a
"without" segment found is a false positive, absent a true negative (upstream
tests/eval_common.py). Prints precision, recall, accuracy and F1; --json writes them.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from allegiance.errors import InputError
from allegiance.ingest.decode import decode_bytes, normalise_text
from allegiance.ingest.html import extract_page

DATASET = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "trafilatura-eval"


def _squash(text: str) -> str:
    return " ".join(text.split())


def score(dataset: Path = DATASET, limit: int | None = None) -> dict[str, float]:
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    cases = json.loads((dataset / "evaldata.json").read_text(encoding="utf-8"))
    tp = fn = fp = tn = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(dataset / "html.tar.xz") as tar:
            tar.extractall(tmp, filter="data")
        files = {p.name: p for p in Path(tmp).rglob("*.html")}
        for n, (url, case) in enumerate(cases.items()):
            if limit is not None and n >= limit:
                break
            try:
                html, _ = decode_bytes(files[case["file"]].read_bytes(), html=True)
                text = _squash(normalise_text(extract_page(html, url=url).text))
            except (InputError, KeyError):
                text = ""
            for segment in case.get("with", []):
                if _squash(segment) in text:
                    tp += 1
                else:
                    fn += 1
            for segment in case.get("without", []):
                if _squash(segment) in text:
                    fp += 1
                else:
                    tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pages": min(len(cases), limit or len(cases)),
        "precision": round(precision, 4), "recall": round(recall, 4),
        "accuracy": round((tp + tn) / max(1, tp + tn + fp + fn), 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    if not (args.dataset / "evaldata.json").exists():
        print(f"dataset not found at {args.dataset}", file=sys.stderr)
        return 2
    result = score(args.dataset, args.limit)
    print(" ".join(f"{k} {v}" for k, v in result.items()))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
