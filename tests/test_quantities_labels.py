"""A number that labels a document by its parts ("a 12-point plan", «10-пунктная формула», "der
12-Punkte-Plan") names the document and counts nothing: ``label_after`` in each language's
``numbers.toml``. Team sentences, ``tests/fixtures/quantities/labels.jsonl``, with counts of
checkpoints and percentage points beside them that stay quantities («5 пунктов пропуска», "4
percentage points"). Before the rule: precision 0.59, recall 1.0; after: 1.0 / 1.0."""

from __future__ import annotations

from pathlib import Path

from test_quantities_qty9 import score

FIXTURE = Path(__file__).parent / "fixtures" / "quantities" / "labels.jsonl"


def test_document_labels_are_no_quantities_and_counts_beside_them_stay(pipeline):
    figures = score(pipeline, FIXTURE)
    for key in ("all", "en", "ru", "uk", "de"):
        assert figures[key] == (1.0, 1.0), (key, figures[key])
