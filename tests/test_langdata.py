"""Language folders and issue files: laid over each other in pack order."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import PackError
from allegiance.kb.langdata import language_data, languages, load_issues, merge_pack_data, pack_folders
from allegiance.kb.packs import bundled_pack_dir


def test_merge_extends_arrays_merges_tables_and_replaces_on_request() -> None:
    base = {"words": ["a", "b"], "table": {"x": 1, "y": 2}, "scalar": 1}
    merged = merge_pack_data(base, {"words": ["b", "c"], "table": {"y": 3}, "scalar": 2})
    assert merged == {"words": ["a", "b", "c"], "table": {"x": 1, "y": 3}, "scalar": 2}
    assert merge_pack_data(base, {"mode": "replace", "words": ["z"]}) == {"words": ["z"]}
    assert base == {"words": ["a", "b"], "table": {"x": 1, "y": 2}, "scalar": 1}


def test_an_added_pack_adds_a_language_and_extends_another(tmp_path: Path) -> None:
    (tmp_path / "lang" / "xx").mkdir(parents=True)
    (tmp_path / "lang" / "xx" / "negation.toml").write_text('words = ["nope"]\n', encoding="utf-8")
    folders = (bundled_pack_dir(), tmp_path)
    assert "xx" in languages(folders)
    assert language_data("negation", "xx", folders) == {"words": ["nope"]}
    assert language_data("no_such_concern", "xx", folders) == {}


def test_issues_are_read_from_their_files_and_contradictions_are_symmetric() -> None:
    issues = load_issues((bundled_pack_dir(),))
    war = issues["russia_war_in_ukraine"]
    assert war.labels == ("support", "oppose", "neutral", "distance")
    assert war.excluded_actors == {"RUS", "UKR"}
    assert war.contradict("distance", "support") and war.contradict("support", "distance")
    assert not war.contradict("distance", "oppose")
    assert issues["csto_participation"].short["distance"] == "DIS"


def test_a_bad_issue_file_names_itself(tmp_path: Path) -> None:
    (tmp_path / "issues").mkdir()
    (tmp_path / "issues" / "bad.toml").write_text('id = "bad"\ncontradictions = [["a", "b"]]\n'
                                                   '[labels.a]\nname = "a"\n', encoding="utf-8")
    with pytest.raises(PackError, match="bad.toml"):
        load_issues((tmp_path,))


def test_a_missing_pack_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="does not exist"):
        pack_folders(str(tmp_path / "nowhere"))


def test_pack_folders_is_read_once_whether_the_setting_is_given_or_left_out(monkeypatch):
    from allegiance.kb import knowledge, langdata

    langdata._pack_folders.cache_clear()
    calls = []
    real = knowledge.entry_point_packs
    monkeypatch.setattr(knowledge, "entry_point_packs", lambda: calls.append(1) or real())
    try:
        assert pack_folders() == pack_folders("") == pack_folders(packs="")
        assert len(calls) == 1
    finally:
        langdata._pack_folders.cache_clear()
