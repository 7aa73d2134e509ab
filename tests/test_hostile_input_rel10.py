"""Regression tests of the rel10 probe (bad input that loses text): each is named after what
broke. Every file here is team-written or generated in the test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from allegiance import Store, ingest
from allegiance.settings import Settings

BODY = ("Kazakhstan refused to send troops to Ukraine, officials in Astana said on Saturday. "
        "The government also said it would not recognise the separatist republics in the east. ")


def _ingest(tmp_path: Path, *targets: str) -> tuple[Store, object]:
    store = Store(tmp_path / "t.db")
    summary = ingest(list(targets), store, Settings(db=str(tmp_path / "t.db")))
    return store, summary


def _texts(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT text FROM articles ORDER BY text")]


def _codes(store: Store) -> dict[str, str]:
    return {r["origin"]: r["code"] for r in store.rejections()}


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes")
def test_regression_a_file_name_that_is_not_utf8_does_not_end_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"\xe9t\xe9-latin1.txt")
    with open(odd, "wb") as handle:
        handle.write(b"First story. " + BODY.encode())
    (folder / "zz-after.txt").write_text("Second story. " + BODY, encoding="utf-8")
    store, summary = _ingest(tmp_path, str(folder))
    origins = {r[0] for r in store.db.execute("SELECT origin FROM article_inputs")}
    assert not _codes(store)
    assert any(o.endswith("\\xe9t\\xe9-latin1.txt") for o in origins)
    assert any(o.endswith("zz-after.txt") for o in origins)
    again = ingest([str(folder)], store, Settings(db=str(tmp_path / "t.db")))
    assert again.unchanged == 2


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes")
def test_regression_a_missing_target_named_in_non_utf8_bytes_is_a_rejection(tmp_path: Path) -> None:
    target = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xff-missing.txt"))
    store, summary = _ingest(tmp_path, target)
    assert list(_codes(store).values()) == ["not_found"]


def test_regression_a_link_to_nothing_in_a_folder_is_a_rejection(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(BODY, encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop").symlink_to(folder)
    store, summary = _ingest(tmp_path, str(folder))
    assert len(_texts(store)) == 1
    assert list(_codes(store).values()) == ["not_found"]
