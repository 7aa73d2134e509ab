"""Output files that are whole or untouched: written to a temporary file in the target's folder
and renamed over the target only when everything was written, so a failed export or report never
truncates what was there before."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import AllegianceError

__all__ = ["OutputError", "atomic_path", "atomic_text", "check_output"]


class OutputError(AllegianceError):
    """An output file cannot be written: its folder is missing, or it is not writable."""

    code = "bad_output"


def check_output(path: str | Path) -> Path:
    """The output path, once its folder is known to exist and it is not a folder itself."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder")
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed over ``path`` when the block ends without error,
    removed when it fails."""
    target = check_output(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(handle)
    temp = Path(name)
    os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; an output gets the mode a new file would
    try:
        yield temp
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


@contextlib.contextmanager
def atomic_text(path: str | Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text file that replaces ``path`` only once the block has written all of it."""
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8", newline=newline) as out:
        yield out
        out.flush()
        os.fsync(out.fileno())
