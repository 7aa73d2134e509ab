"""Pack TOML files read through the cache of parsed files give what ``tomllib`` gives, fresh objects
each call; a changed file is parsed again; caching off, an unwritable or a damaged cache parse."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from allegiance.errors import PackError
from allegiance.kb import packs
from allegiance.kb.packs import bundled_pack_dir, load_toml


def _stock(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_every_bundled_pack_file_reads_as_tomllib_parses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_CACHE", str(tmp_path))
    files = sorted(bundled_pack_dir().rglob("*.toml"))
    assert len(files) > 50
    for path in files:
        first = load_toml(path)  # parsed, entry written
        second = load_toml(path)  # read from the entry
        assert first == second == _stock(path), path
        assert first is not second
    folder = packs.toml_cache_folder()
    assert folder is not None and folder.parent == tmp_path
    assert len(list(folder.glob("*.marshal"))) == len({p.read_bytes() for p in files})
    assert not [p for p in folder.iterdir() if not p.name.endswith(".marshal")]  # no temporary file left


def test_a_changed_file_is_parsed_again_and_callers_cannot_change_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "words.toml"
    path.write_text('words = ["alpha", "beta"]\n[table]\nkey = 1\n', encoding="utf-8")
    data = load_toml(path)
    data["words"].append("changed by a caller")
    assert load_toml(path) == {"words": ["alpha", "beta"], "table": {"key": 1}}
    path.write_text('words = ["gamma"]\n[table]\nkey = 2\n', encoding="utf-8")  # same size, new content
    assert load_toml(path) == {"words": ["gamma"], "table": {"key": 2}}


def test_windows_line_ends_and_dates_read_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "crlf.toml"
    path.write_bytes(b'text = """one\r\ntwo"""\r\nwhen = 2024-02-24\r\n')
    assert load_toml(path) == load_toml(path) == _stock(path)  # a date: parsed every time, no entry
    assert load_toml(path)["text"] == "one\ntwo"
    assert not list((tmp_path / "cache").glob("*.marshal"))


def test_off_unwritable_or_damaged_cache_parses_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.toml"
    path.write_text('name = "x"\n', encoding="utf-8")
    monkeypatch.setenv("ALLEGIANCE_CACHE", "off")
    assert packs.toml_cache_folder() is None
    assert load_toml(path) == {"name": "x"}
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("ALLEGIANCE_CACHE", str(blocked))
    assert load_toml(path) == {"name": "x"}
    monkeypatch.setenv("ALLEGIANCE_CACHE", str(tmp_path / "cache"))
    assert load_toml(path) == {"name": "x"}
    folder = packs.toml_cache_folder()
    assert folder is not None
    (entry,) = folder.glob("*.marshal")
    entry.write_bytes(b"\x00damaged")
    assert load_toml(path) == {"name": "x"}


def test_errors_still_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_CACHE", str(tmp_path / "cache"))
    with pytest.raises(PackError, match="pack file is missing"):
        load_toml(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("key = \n", encoding="utf-8")
    with pytest.raises(PackError, match="bad.toml"):
        load_toml(bad)
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('name = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(PackError, match="cannot read pack file"):
        load_toml(latin1)
