"""The language's other apostrophes read as the lexicons write it (``sentences.toml`` ``apostrophes``):
Ukrainian pages write «пʼять» with the modifier letter ʼ (U+02BC) or a backtick as often as with ' or ’,
and the rules must read them alike, while every evidence span stays the text as written.

The sentences are the team's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance import Settings, Store, ingest
from allegiance.nlp import Doc
from allegiance.nlp.doc import reading_text
from allegiance.nlp.pipeline import default_pipeline
from allegiance.query.export import export_articles
from allegiance.runner import analyze_store

SENTENCE = ("Прем{a}єр-міністр Польщі заявив, що Польща передала Україні п{a}ять тисяч снарядів. "
            "Уряд Литви схвалив ще дев{a}ять пакетів допомоги.")


def test_other_apostrophes_inside_a_word_are_read_as_one_and_offsets_hold() -> None:
    text = "Премʼєр, п`ять і «ʼ» та ` окремо; I`m"
    read = reading_text(text, "uk")
    assert len(read) == len(text)
    assert read == "Прем’єр, п’ять і «ʼ» та ` окремо; I’m"
    assert reading_text(text, "en") == text  # English lists no other apostrophe
    assert reading_text("без апострофа", "uk") == "без апострофа"


def _statements(text: str) -> list[tuple[str, str | None, str | None, float | None]]:
    doc = default_pipeline()(Doc("t", text, "uk", "2026-03-01"))
    return [(s.kind, s.predicate, s.subject, s.value) for s in doc.statements]


@pytest.mark.parametrize("apostrophe", ["ʼ", "`", "‘"])
def test_a_ukrainian_sentence_reads_the_same_with_any_apostrophe(apostrophe: str) -> None:
    plain = _statements(SENTENCE.format(a="'"))
    assert ("quantity", "снарядів", None, 5000.0) in plain  # the check is worth something
    assert _statements(SENTENCE.format(a=apostrophe)) == plain


def test_evidence_stays_the_text_as_written(tmp_path: Path) -> None:
    text = SENTENCE.format(a="ʼ")
    page = tmp_path / "uk.txt"
    page.write_text(text, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "a.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(page)], store, settings)
        analyze_store(store, settings=settings)
        out = tmp_path / "eval.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            export_articles(store, fh, "eval")
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    evidence = [q["evidence"] for q in record["quantities"]]
    assert evidence and all(e in text for e in evidence)
    assert any("пʼять" in e for e in evidence)
