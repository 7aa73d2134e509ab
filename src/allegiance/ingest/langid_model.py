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
"""

from __future__ import annotations

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


def _from_copy(folder: Path) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    data = {name: np.load(folder / f"{name}.npy", allow_pickle=False) for name in _ARRAYS}
    # the conversions of py3langid's load_model and from_model_file, in their order
    return LanguageIdentifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                              _to_array(data["nextmove"]), data["out_feat"].tolist(),
                              tk_row=_to_array(data["nextmove_row"]))


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
