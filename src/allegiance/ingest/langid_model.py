"""py3langid's model, read from an uncompressed copy kept in the user's cache.

py3langid ships its model LZMA-compressed (4.6 MB) and decompresses it (68 MB) in every process
that identifies a language: about 0.55 CPU-s, in the one process that writes the store. The first
process writes the arrays of the model, uncompressed, to a cache folder (``$ALLEGIANCE_CACHE``,
else ``$XDG_CACHE_HOME/allegiance``, else ``~/.cache/allegiance``), named after py3langid's version
and the model file's size and time; later ones read them in about a tenth of the time. Nothing is
downloaded: the copy is made from the model file installed with py3langid. The identifier is built
from the same arrays in the same way as ``LanguageIdentifier.from_model_file``, so its answers are
py3langid's (``tests/test_ingest_langid_model.py``). ``ALLEGIANCE_CACHE=off`` keeps no copy; a
cache that cannot be written or read falls back to py3langid's own loading.

The identifier read from the copy also counts its features faster, with the same counts in the same
order (so the same scores, to the bit): py3langid walks its feature automaton (an Aho-Corasick
automaton over byte n-grams) one byte at a time in Python, about 1 ms a sample; the state after a
byte depends only on the last ``depth`` bytes (the automaton's deepest state, 6 for the shipped
model; ``tests/test_ingest_langid_model.py`` checks that every move of the model leads to the
longest suffix it knows), so numpy walks every position's window at once, ``depth`` steps. The depth
is found once, when the copy is made, and kept beside it (``depth.npy``).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["cache_folder", "load_identifier"]

log = logging.getLogger(__name__)

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_DEPTH = "depth.npy"


def _model_file() -> Path:
    from py3langid import langid

    path = Path(langid.MODEL_FILE)
    return path if path.is_absolute() else langid.MODEL_DIR / path


def cache_folder() -> Path | None:
    """The folder of this model's uncompressed copy, or ``None`` when caching is off."""
    setting = os.environ.get("ALLEGIANCE_CACHE", "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    base = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "allegiance"
    model = _model_file()
    stat = model.stat()
    return base / f"py3langid-{metadata.version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}"


def _write_copy(folder: Path) -> None:
    """Decompress the model once and write its arrays as ``.npy`` files, atomically (a folder
    renamed into place, so that a concurrent reader sees all of it or none)."""
    import lzma

    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    try:
        with tempfile.TemporaryFile(suffix=".npz") as tmp:
            with lzma.open(_model_file()) as src:
                shutil.copyfileobj(src, tmp, length=1 << 20)
            tmp.seek(0)
            with np.load(tmp, allow_pickle=False) as data:
                for name in _ARRAYS:
                    np.save(work / f"{name}.npy", data[name], allow_pickle=False)
        try:
            work.rename(folder)
        except OSError:  # another process put its copy there first
            pass
    finally:
        shutil.rmtree(work, ignore_errors=True)


def automaton_depth(nextmove: Any, row: Any) -> int:
    """The length of the longest byte string the feature automaton's states stand for: the depth
    of its deepest state, breadth first from the start state (state ``s`` reads byte ``b`` into
    ``nextmove[(row[s] << 8) + b]``)."""
    import numpy as np

    moves = np.asarray(nextmove)
    rows = np.asarray(row, dtype=np.int64) << 8
    depth = np.full(len(rows), -1, dtype=np.int64)
    depth[0], frontier, level = 0, np.zeros(1, dtype=np.int64), 0
    while len(frontier):
        reached = np.unique(moves[(rows[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[depth[reached] < 0]
        level += 1
        depth[frontier] = level
    return int(depth.max())


def _depth(folder: Path, data: dict[str, Any]) -> int:
    """The automaton's depth kept beside the copy, found and written (atomically) when missing."""
    import numpy as np

    path = folder / _DEPTH
    try:
        return int(np.load(path, allow_pickle=False)[0])
    except (OSError, ValueError, IndexError):
        pass
    depth = automaton_depth(data["nextmove"], data["nextmove_row"])
    with contextlib.suppress(OSError):
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".depth.", suffix=".npy", delete=False) as tmp:
            np.save(tmp, np.array([depth], dtype=np.int64), allow_pickle=False)
        os.replace(tmp.name, path)
    return depth


def _from_copy(folder: Path) -> Any:
    import numpy as np
    from py3langid.modelio import _to_array

    # mapped, not read: the two large arrays (the feature weights, 28 MB, and the moves, 39 MB) are
    # read where a text touches them, and forked workers share the pages
    data = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    # the conversions of py3langid's load_model and from_model_file, in their order, but for the
    # moves, which only the window walk reads (as they are)
    identifier = _windowed_class()(np.asarray(data["ptc"]), np.array(data["pc"]), data["classes"].tolist(),
                                   data["nextmove"], data["out_feat"].tolist(),
                                   tk_row=_to_array(np.array(data["nextmove_row"])))
    identifier.set_window(_depth(folder, data))
    return identifier


@functools.lru_cache(maxsize=1)
def _windowed_class() -> Any:
    """py3langid's ``LanguageIdentifier`` whose feature counts are found by windows (module doc)."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    class WindowedIdentifier(LanguageIdentifier):  # type: ignore[misc]
        __slots__ = ("_depth", "_moves", "_rows", "_features")

        def set_window(self, depth: int) -> None:
            self._depth = depth
            self._moves = np.asarray(self.tk_nextmove)  # no copy: 10 million moves
            self._rows = np.asarray(memoryview(self.tk_row)).astype(np.int64) << 8
            self._features = np.asarray(self.tk_output, dtype=np.int64)

        def _raw_score(self, text: bytes) -> Any:
            """py3langid's ``_raw_score`` over the counts ``visit_counts`` gives, in its order
            (first occurrence), found for every position at once."""
            data = np.frombuffer(text, dtype=np.uint8)
            n = len(data)
            states = np.zeros(n, dtype=np.int64)
            for k in range(min(self._depth, n) - 1, -1, -1):  # position i reads byte i - k
                states[k:] = self._moves[self._rows[states[k:]] + data[:n - k]]
            found = self._features[states]
            found = found[found >= 0]
            if not len(found):
                return super()._raw_score(b"")
            features, first, counts = np.unique(found, return_index=True, return_counts=True)
            order = np.argsort(first, kind="stable")
            idx = features[order].astype(np.intp)
            return np.log1p(counts[order].astype(np.float32)) @ self.nb_ptc[idx] + self.nb_pc

    return WindowedIdentifier


def load_identifier() -> Any:
    """py3langid's identifier with its default model, from the cached copy where there is one."""
    try:
        folder = cache_folder()
        if folder is not None:
            if not (folder / f"{_ARRAYS[-1]}.npy").exists():
                _write_copy(folder)
            return _from_copy(folder)
    except (OSError, ValueError, KeyError) as exc:  # an unwritable or damaged cache: py3langid's own way
        log.info("the language model's cached copy could not be used (%s); reading py3langid's file", exc)
    from py3langid.langid import LanguageIdentifier

    return LanguageIdentifier.from_model_file(_model_file())
