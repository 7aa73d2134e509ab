"""py3langid's model read from the cached uncompressed copy gives py3langid's own answers, and the
copy is made once, atomically, where the cache folder says (or not at all when caching is off)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from allegiance.ingest import langid_model

SAMPLES = [
    "Russia's war against Ukraine entered its third year as the General Assembly voted again.",
    "Генеральная Ассамблея ООН приняла резолюцию о территориальной целостности Украины.",
    "Генеральна Асамблея ООН ухвалила резолюцію щодо територіальної цілісності України.",
    "Die Generalversammlung der Vereinten Nationen hat eine Resolution angenommen.",
    "L'Assemblée générale des Nations unies a adopté une résolution sur l'Ukraine.",
    "Zgromadzenie Ogólne ONZ przyjęło rezolucję w sprawie Ukrainy.",
    "12 345 678", "",
]


def test_the_cached_copy_gives_py3langids_answers_and_arrays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import LanguageIdentifier

    monkeypatch.setenv("ALLEGIANCE_CACHE", str(tmp_path))
    folder = langid_model.cache_folder()
    assert folder is not None and folder.parent == tmp_path
    cached = langid_model.load_identifier()  # writes the copy
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.npy" for n in langid_model._ARRAYS)
    again = langid_model.load_identifier()  # reads it
    stock = LanguageIdentifier.from_model_file(langid_model._model_file())
    assert again.nb_classes == stock.nb_classes and again.tk_output == stock.tk_output
    assert np.array_equal(again.nb_ptc, stock.nb_ptc) and np.array_equal(again.nb_pc, stock.nb_pc)
    assert again.tk_nextmove == stock.tk_nextmove and again.tk_row == stock.tk_row
    for text in SAMPLES:
        assert cached.classify(text) == again.classify(text) == stock.classify(text)
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # no work folder left behind


def test_caching_off_or_an_unwritable_cache_reads_py3langids_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_CACHE", "off")
    assert langid_model.cache_folder() is None
    assert langid_model.load_identifier().classify(SAMPLES[0])[0] == "en"
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("ALLEGIANCE_CACHE", str(blocked))
    assert langid_model.load_identifier().classify(SAMPLES[1])[0] == "ru"
