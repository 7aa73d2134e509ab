"""An added pack adds to the bundled lexicons or replaces them (``mode = "replace"``), and a language
is a folder: team-written sentences run through the whole pipeline with a temporary pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance import Settings
from allegiance.errors import PackError
from allegiance.kb.packs import bundled_pack_dir
from allegiance.nlp import Doc
from allegiance.nlp.claims import topics_of
from allegiance.nlp.lexicons import load_lexicons
from allegiance.nlp.numbers import number_rules
from allegiance.nlp.pipeline import default_pipeline


def _pack(root: Path, files: dict[str, str]) -> Path:
    (root / "manifest.toml").write_text('name = "extra"\nversion = "1"\nlicence = "CC0"\n', encoding="utf-8")
    for name, body in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(body, encoding="utf-8")
    return root


def _run(packs: str, text: str, language: str, published: str | None = None) -> Doc:
    return default_pipeline(settings=Settings(packs=packs))(Doc("t", text, language, published))


def test_an_added_pack_adds_a_number_word_and_a_month(tmp_path: Path) -> None:
    # a number word the bundled Ukrainian pack lacks (it has "одинадцять" since branch qty9)
    text = "Загинула дюжина солдатів, повідомили військові."
    assert [s.value for s in _run("", text, "uk").statements if s.kind == "quantity"] == []
    pack = _pack(tmp_path, {"lang/uk/numbers.toml": '[words]\n"дюжина" = 12\n',
                            "lang/en/dates.toml": "[months]\nsept = 9\n"})
    doc = _run(str(pack), text, "uk")
    assert [s.value for s in doc.statements if s.kind == "quantity"] == [12.0]
    dated = _run(str(pack), "The talks ended on Sept 5, 2024 in Astana.", "en")
    assert [t.value for t in dated.times] == ["2024-09-05"]


def test_a_pack_file_with_mode_replace_replaces_the_list(tmp_path: Path) -> None:
    text = "Mr. Tokayev arrived. He spoke for approx. Ten minutes."
    assert len(_run("", text, "en").sentences) == 3  # "approx." ends one, "Mr." does not
    pack = _pack(tmp_path, {"lang/en/sentences.toml": 'mode = "replace"\nabbreviations = ["approx"]\n'})
    assert [s.start for s in _run(str(pack), text, "en").sentences] == [0, 4, 21]


def test_added_topic_and_genre_cues_and_organisation_heads(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {
        "lang/en/topics.toml": '[manpower.mobilisation]\ncues = ["levy of recruits"]\n',
        "lang/en/genre.toml": '[press_release]\ncues = ["media advisory"]\n',
        "lang/ru/organizations.toml": '[heads]\n"клуб" = "organization"\n'})
    lexicons = load_lexicons((bundled_pack_dir(), pack))
    assert "manpower.mobilisation" in topics_of("A new levy of recruits was announced.", lexicons)
    press = lexicons.genre["press_release"][1]
    assert "media advisory" in press and "press release" in press
    doc = _run(str(pack), "Эксперты клуба «Валдай» обсудили войну.", "ru")
    assert ("Валдай", "organization") in [(m.text, m.type) for m in doc.mentions]


def test_an_added_stance_predicate_is_read(tmp_path: Path) -> None:
    """A pack adds a verb to a stance class (lang/en/stance_predicates.toml): the stage reads it."""
    text = "Belarus glorified the war against Ukraine."
    assert not [s for s in _run("", text, "en").statements if s.kind == "stance"]
    pack = _pack(tmp_path, {"lang/en/stance_predicates.toml": '[classes]\nsupport = ["glorify"]\n'})
    stances = [(s.subject, s.predicate) for s in _run(str(pack), text, "en").statements if s.kind == "stance"]
    assert ("BLR", "support") in stances


def test_a_new_language_is_a_folder(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"lang/es/numbers.toml": 'decimal = [","]\nthousands = ["."]\n[words]\ndoce = 12\n',
                            "lang/es/sentences.toml": 'abbreviations = ["sr"]\n'})
    doc = _run(str(pack), "El Sr. Tokayev dijo que llegaron 35.000 soldados y doce tanques.", "es")
    assert len(doc.sentences) == 1
    assert [s.value for s in doc.statements if s.kind == "quantity"] == [35_000.0, 12.0]


def test_a_number_word_of_the_wrong_kind_is_a_pack_error_naming_the_file(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"lang/uk/numbers.toml": '[words]\n"одинадцять" = "eleven"\n'})
    with pytest.raises(PackError, match="lang/uk/numbers.toml"):
        number_rules("uk", (bundled_pack_dir(), pack))


def test_an_added_pack_adds_a_chrome_label_that_ingest_removes(tmp_path: Path) -> None:
    from allegiance import Store, ingest

    body = ("Kazakhstan refused to send troops to Ukraine, officials in Astana said on Saturday.\n"
            "Vote in our weekly reader poll\n"
            "The government also said it would not recognise the separatist republics in the east.\n")
    (tmp_path / "page.txt").write_text(body, encoding="utf-8")
    (tmp_path / "pack").mkdir()
    pack = _pack(tmp_path / "pack", {"chrome.toml": 'labels = ["Vote in our weekly reader poll"]\n'})
    texts = []
    for packs in ("", str(pack)):
        settings = Settings(db=str(tmp_path / f"t{len(texts)}.db"), progress=False, packs=packs)
        with Store(settings.db) as store:
            ingest([str(tmp_path / "page.txt")], store, settings)
            texts.append(next(store.articles())["text"])
    assert "weekly reader poll" in texts[0]
    assert "weekly reader poll" not in texts[1]
    assert "separatist republics" in texts[1]


def test_an_added_pack_adds_actor_words(tmp_path: Path) -> None:
    """The actor resolver reads the ``packs`` setting like every other lexicon: a group noun added
    in ``lang/en/actors.toml`` keeps a neutral stance from the state, and a company phrase added
    there joins the states after it to a vote's list."""
    text = "Georgia's veterans' guild has taken a neutral stance on the war in Ukraine."
    neutral = [(s.subject, s.predicate) for s in _run("", text, "en").statements if s.kind == "stance"]
    assert ("GEO", "neutral") in neutral
    pack = _pack(tmp_path, {"lang/en/actors.toml": 'nonstate_groups = ["guild"]\ncompany = ["in the company of"]\n'})
    held = [(s.subject, s.predicate) for s in _run(str(pack), text, "en").statements if s.kind == "stance"]
    assert ("GEO", "neutral") not in held
    vote = "Belarus voted against the resolution in the company of Syria and Nicaragua."
    voters = {s.subject for s in _run("", vote, "en").statements if s.kind == "stance"}
    assert "SYR" not in voters
    voters = {s.subject for s in _run(str(pack), vote, "en").statements if s.kind == "stance"}
    assert {"BLR", "SYR", "NIC"} <= voters
