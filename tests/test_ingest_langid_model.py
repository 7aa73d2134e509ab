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
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{n}.npy" for n in langid_model._ARRAYS]
                                                              + [langid_model._DEPTH])
    again = langid_model.load_identifier()  # reads it
    stock = LanguageIdentifier.from_model_file(langid_model._model_file())
    assert again.nb_classes == stock.nb_classes and again.tk_output == stock.tk_output
    assert np.array_equal(again.nb_ptc, stock.nb_ptc) and np.array_equal(again.nb_pc, stock.nb_pc)
    assert np.array_equal(again.tk_nextmove, np.asarray(stock.tk_nextmove)) and again.tk_row == stock.tk_row
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


def test_the_window_walk_counts_what_py3langids_walk_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached identifier's feature counts (every position's last ``depth`` bytes walked at
    once) give py3langid's scores on texts in many scripts, short ones and random bytes; a copy
    made before the depth was kept gets it written beside it."""
    import random

    from py3langid.langid import LanguageIdentifier

    monkeypatch.setenv("ALLEGIANCE_CACHE", str(tmp_path))
    fast = langid_model.load_identifier()
    folder = langid_model.cache_folder()
    assert folder is not None and type(fast).__name__ == "WindowedIdentifier"
    (folder / langid_model._DEPTH).unlink()
    assert langid_model.load_identifier()._depth == fast._depth and (folder / langid_model._DEPTH).exists()
    stock = LanguageIdentifier.from_model_file(langid_model._model_file())
    rng = random.Random(7)
    texts: list[str | bytes] = [t[i:j] for t in SAMPLES for i, j in ((0, None), (0, 5), (3, 40))]
    texts += [bytes(rng.randrange(256) for _ in range(rng.randrange(60))) for _ in range(200)]
    texts += ["".join(rng.choice("aeиоуαβ中 .,1") for _ in range(rng.randrange(1, 300))) for _ in range(200)]
    for text in texts:
        assert fast.rank(text) == stock.rank(text)


def test_every_move_of_the_language_model_leads_to_the_longest_suffix_it_knows() -> None:
    """What makes the window walk exact: the automaton is an Aho-Corasick automaton, each state
    standing for a byte string (its path from the start, at most ``depth`` bytes, every prefix a
    state too) and each move from a state on a byte leading to the state of the longest suffix of
    that string and byte which is a state. Then the state after any text is that of the longest
    such suffix of the text, which lies in its last ``depth`` bytes."""
    identifier = langid_model.load_identifier()
    moves = np.asarray(identifier.tk_nextmove)
    rows = np.asarray(identifier.tk_row, dtype=np.int64) << 8
    count = len(rows)
    depth = np.full(count, -1, dtype=np.int64)
    key = np.zeros(count, dtype=np.int64)  # a state's string in base 257, digits 1..256
    depth[0], frontier = 0, np.zeros(1, dtype=np.int64)
    while len(frontier):
        reached = moves[(rows[frontier][:, None] + np.arange(256)).ravel()].astype(np.int64)
        source, byte = np.repeat(frontier, 256), np.tile(np.arange(256), len(frontier))
        new = depth[reached] < 0
        reached, first = np.unique(reached[new], return_index=True)
        depth[reached] = depth[source[new][first]] + 1
        key[reached] = key[source[new][first]] * 257 + byte[new][first] + 1
        frontier = reached
    top = int(depth.max())
    assert top == langid_model.automaton_depth(identifier.tk_nextmove, identifier.tk_row)
    assert len(np.unique(key)) == count  # one string per state
    order = np.argsort(key)
    known = key[order]
    powers = 257 ** np.arange(top + 1)
    for byte in range(256):
        longest = np.full(count, -1, dtype=np.int64)
        extended = key * 257 + byte + 1
        for length in range(top, -1, -1):  # the longest suffix that is a state's string
            suffix = extended % powers[length]
            at = np.minimum(np.searchsorted(known, suffix), count - 1)
            hit = (depth + 1 >= length) & (longest < 0) & (known[at] == suffix)
            longest[hit] = order[at[hit]]
        assert np.array_equal(longest, moves[rows + byte]), byte
