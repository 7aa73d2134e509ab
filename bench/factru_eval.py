"""Russian mention detection on ../shared/datasets/factRuEval-2016/devset: precision, recall and
F1 for persons (PER), organisations (ORG) and locations (LOC, including LocOrg) from the
linker's mentions (knowledge-base matches; with --natasha also natasha's, from the
russian-ner extra). A predicted mention is a hit when it overlaps an unmatched gold
mention of the same type (one to one). Reported, no floor yet.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from allegiance.nlp import Doc, EntityLinker
from allegiance.nlp.russian_ner import RussianNER

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "factRuEval-2016" / "devset"
GOLD_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}


def _ours(mention_type: str) -> str:
    if mention_type == "person":
        return "PER"
    if mention_type == "state":
        return "LOC"
    return "ORG"


def gold_mentions(stem: Path) -> list[tuple[str, int, int]]:
    spans = {}
    for line in stem.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
    out = []
    for line in stem.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        head = line.split("#")[0].split()
        if len(head) >= 3 and head[1] in GOLD_TYPES:
            ranges = [spans[s] for s in head[2:] if s in spans]
            if ranges:
                out.append((GOLD_TYPES[head[1]], min(r[0] for r in ranges), max(r[1] for r in ranges)))
    return out


def score(devset: Path = DEVSET, natasha: bool = False) -> dict[str, dict[str, float]]:
    linker = EntityLinker()
    ner = RussianNER() if natasha else None
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # hits, gold, predicted
    for txt in sorted(devset.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        gold = gold_mentions(txt.with_suffix(""))
        doc = linker(Doc(txt.stem, text, "ru"))
        if ner is not None:
            doc = ner(doc)
        predicted = [(_ours(m.type), m.start, m.end) for m in doc.mentions if m.kind != "role"]
        used = [False] * len(gold)
        for kind, start, end in predicted:
            tally[kind][2] += 1
            for i, (g_kind, g_start, g_end) in enumerate(gold):
                if not used[i] and g_kind == kind and start < g_end and g_start < end:
                    used[i] = True
                    tally[kind][0] += 1
                    break
        for g_kind, _s, _e in gold:
            tally[g_kind][1] += 1
    result = {}
    for kind in ("PER", "ORG", "LOC"):
        hits, n_gold, n_pred = tally[kind]
        p = hits / n_pred if n_pred else 0.0
        r = hits / n_gold if n_gold else 0.0
        result[kind] = {"precision": round(p, 3), "recall": round(r, 3),
                        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "gold": n_gold, "pred": n_pred}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--natasha", action="store_true", help="add natasha's mentions (russian-ner extra)")
    args = parser.parse_args()
    if not args.devset.is_dir():
        print(f"dataset not found at {args.devset}", file=sys.stderr)
        return 2
    result = score(args.devset, natasha=args.natasha)
    for kind, figures in result.items():
        print(kind, " ".join(f"{k} {v}" for k, v in figures.items()))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
