"""The language's other apostrophes read as the lexicons write it (``sentences.toml`` ``apostrophes``):
Ukrainian pages write «пʼять» with the modifier letter ʼ (U+02BC) or a backtick as often as with ' or ’,
and the rules must read them alike, while every evidence span stays the text as written.

The sentences are the team's own."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from allegiance import Settings, Store, ingest
from allegiance.nlp import Doc
from allegiance.nlp.doc import INVISIBLE, reading_text, visible_text
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


def _stored_and_exported(tmp_path: Path, text: str) -> dict[str, Any]:
    """The eval record of ``text`` saved as a file, ingested, analysed and exported from a real store."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "a.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(page)], store, settings)
        analyze_store(store, settings=settings)
        out = tmp_path / "eval.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            export_articles(store, fh, "eval")
    return json.loads(out.read_text(encoding="utf-8").splitlines()[0])  # type: ignore[no-any-return]


def test_evidence_stays_the_text_as_written(tmp_path: Path) -> None:
    text = SENTENCE.format(a="ʼ")
    record = _stored_and_exported(tmp_path, text)
    evidence = [q["evidence"] for q in record["quantities"]]
    assert evidence and all(e in text for e in evidence)
    assert any("пʼять" in e for e in evidence)


# --- characters no reader sees, inside words (soft hyphens of hyphenating sites, zero-width spaces) ---

CLEAN = [
    ("en", "Hungary condemned Russia's invasion of Ukraine and sent 5,000 tons of aid to Ukraine."),
    ("en", "The Kazakh foreign ministry said Kazakhstan would not recognise the annexed regions."),
    ("ru", "Министерство обороны Белоруссии сообщило, что в учениях участвуют 3000 военных."),
    ("uk", "Міністр закордонних справ Литви заявив, що Литва передасть Україні два гелікоптери."),
]


def _read(language: str, text: str) -> list[tuple[str, str | None, str | None, float | None, str]]:
    doc = default_pipeline()(Doc("t", text, language, "2026-03-01"))
    assert doc.text == text  # the document keeps the text it was given
    visible = "".join(c for c in text if c not in INVISIBLE)
    out = []
    for s in doc.statements:
        span = text[s.start:s.end]
        assert span[:1] not in INVISIBLE and span[-1:] not in INVISIBLE  # no span begins or ends on one
        out.append((s.kind, s.predicate, s.subject, s.value, "".join(c for c in span if c not in INVISIBLE)))
        assert out[-1][-1] in visible
    for m in doc.mentions:
        assert "".join(c for c in text[m.start:m.end] if c not in INVISIBLE) == m.text
    return out


@pytest.mark.parametrize(("language", "text"), CLEAN)
def test_invisible_characters_inside_words_change_nothing_read(language: str, text: str) -> None:
    clean = _read(language, text)
    assert clean, "the sentence must yield something for the check to mean anything"
    # a soft hyphen or a zero-width character after every third letter of every word of five or more
    broken = re.sub(r"\w{5,}", lambda m: "".join(c + (INVISIBLE[i % len(INVISIBLE)] if i % 3 == 2 else "")
                                                  for i, c in enumerate(m.group(0))).rstrip(INVISIBLE), text)
    assert broken != text
    assert _read(language, broken) == clean


def test_visible_text_maps_every_offset_back() -> None:
    text = "Ukr\u00adaine\u200b and Rus\u2060sia"
    visible = visible_text(text)
    assert visible is not None
    read, origin = visible
    assert read == "Ukraine and Russia" and len(origin) == len(read) + 1
    assert all(text[origin[i]] == read[i] for i in range(len(read)))
    assert visible_text("no such character") is None


def test_evidence_keeps_the_invisible_characters_of_the_stored_text(tmp_path: Path) -> None:
    text = "Hun\u00adgary con\u00addemned Russia's invasion of Ukr\u00adaine, the foreign ministry said."
    record = _stored_and_exported(tmp_path, text)
    assert [(s["actor"], s["stance"]) for s in record["stances"]] == [("HUN", "oppose")]
    assert all(s["evidence"] in text and "\u00ad" in s["evidence"] for s in record["stances"])


# --- words that mix Latin and Cyrillic look-alike letters («Укрaина» with a Latin a) ---


def test_a_word_of_mixed_scripts_is_read_in_one() -> None:
    text = "Укрaина, Poccия, Ukrаine, CОЮЗ; NATO и НАТО, iPhone, ТАСС/AP, Mиг-29, COCO"
    read = reading_text(text, "ru")
    assert len(read) == len(text)
    assert read == "Украина, Россия, Ukraine, СОЮЗ; NATO и НАТО, iPhone, ТАСС/AP, Миг-29, COCO"
    # a word whose letters of both scripts have no look-alike stays as written
    assert reading_text("Zaпад", "ru") == "Zaпад"


@pytest.mark.parametrize(("language", "clean", "mixed"), [
    ("ru", "Венгрия осудила вторжение России в Украину.", "Венгрия осудила вторжение Poccии в Укрaину."),
    ("en", "Hungary condemned Russia's invasion of Ukraine.", "Hungаry condemned Russia's invasion of Ukrаine."),
])
def test_a_disguised_sentence_reads_as_the_plain_one(language: str, clean: str, mixed: str) -> None:
    def read(text: str) -> list[tuple[str, str | None, str | None, int, int]]:
        doc = default_pipeline()(Doc("t", text, language, "2026-03-01"))
        return [(s.kind, s.predicate, s.subject, s.start, s.end) for s in doc.statements]

    plain = read(clean)
    assert ("stance", "oppose", "HUN", 0, len(clean)) in plain
    assert read(mixed) == plain


# --- unpunctuated text: a page's list run into one "sentence" ---


def test_the_subject_search_grows_linearly_on_one_long_unpunctuated_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every verb's subject was looked for among every mention before it, with every word read for each:
    a 60 KB one-line list took longer than the analysis time limit. Counted, not timed: the calls of the
    subject test double when the text doubles."""
    from allegiance.nlp import frames

    calls = {"n": 0}
    original = frames.FrameBuilder._may_be_subject

    def counted(self: frames.FrameBuilder, words: list[frames.Word], m: object) -> bool:
        calls["n"] += 1
        return original(self, words, m)  # type: ignore[arg-type]

    monkeypatch.setattr(frames.FrameBuilder, "_may_be_subject", counted)
    unit = "Russia, Ukraine, Belarus, Kazakhstan and Poland condemned, supported and sent "
    counts = []
    for n in (60, 120):
        calls["n"] = 0
        default_pipeline()(Doc("long", unit * n, "en", None))
        counts.append(calls["n"])
    assert counts[0] > 0
    assert counts[1] < 2.5 * counts[0], counts  # the square of the length would be four times
