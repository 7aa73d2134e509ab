"""Finding and reading domain packs: a folder with ``manifest.toml`` and one file per concern."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import marshal
import os
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import PackError

log = logging.getLogger(__name__)

__all__ = ["Pack", "PackManifest", "bundled_pack_dir", "load_pack", "load_toml", "iter_jsonl"]


def bundled_pack_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "packs" / "core"


def toml_cache_folder() -> Path | None:
    """The folder of parsed TOML pack files (``$ALLEGIANCE_CACHE``, else
    ``$XDG_CACHE_HOME/allegiance``, else ``~/.cache/allegiance``, as the language model's copy), or
    ``None`` when caching is off (``ALLEGIANCE_CACHE=off``)."""
    setting = os.environ.get("ALLEGIANCE_CACHE", "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    base = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "allegiance"
    return base / f"toml-py{sys.version_info[0]}{sys.version_info[1]}-{_TOML_CACHE_FORM}"


#: Bumped when the cached form changes; the Python version is in the folder's name too, as
#: marshal's form is that Python's.
_TOML_CACHE_FORM = 1


def _text(raw: bytes) -> str:
    """The file's text as ``Path.read_text(encoding="utf-8")`` reads it (universal newlines)."""
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _cached_parse(raw: bytes) -> dict[str, Any]:
    """``tomllib.loads`` of the file's text, through a cache of parsed files keyed by the hash of
    their bytes: a pack file changed in any way is parsed again; each call reads fresh objects, as
    each parse makes. Entries are in ``marshal``'s form (plain tables, arrays, strings and numbers;
    it runs no code, unlike pickle); a file with a date or time value is parsed every time.
    Parsing the packs' TOML cost about 0.1 CPU-s per process (the generated English event file
    0.06), reading the cache a tenth of it. A cache that cannot be read or written is passed over
    (the file is parsed, as with no cache)."""
    folder = toml_cache_folder()
    if folder is None:
        return tomllib.loads(_text(raw))
    entry = folder / f"{hashlib.blake2b(raw, digest_size=20).hexdigest()}.marshal"
    try:
        data = marshal.loads(entry.read_bytes())
        if isinstance(data, dict):
            return data
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: parse the file instead
        pass
    data = tomllib.loads(_text(raw))
    try:
        blob = marshal.dumps(data)  # ValueError for a date or time value: such a file is not kept
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=entry.name + ".", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(blob)
            os.replace(tmp, entry)  # atomic: a concurrent reader sees the whole entry or none
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception as exc:  # noqa: BLE001 - an unwritable cache is no error
        log.debug("pack cache %s not written: %s", folder, exc)
    return data


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML pack file; a syntax error becomes a :class:`PackError` naming file and line."""
    try:
        return _cached_parse(path.read_bytes())
    except FileNotFoundError as exc:
        raise PackError(f"{path}: pack file is missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read pack file: {exc}") from exc


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` from a JSON Lines pack file, with errors naming the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise PackError(f"{path}: pack file is missing") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PackError(f"{path}:{number}: not valid JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(obj, dict):
            raise PackError(f"{path}:{number}: each line must be a JSON object")
        yield number, obj


@dataclasses.dataclass(frozen=True)
class PackManifest:
    name: str
    version: str
    licence: str
    description: str
    sources: tuple[dict[str, str], ...]


@dataclasses.dataclass(frozen=True)
class Pack:
    """A pack on disk: its folder and manifest. Files are read by the component that needs them."""

    path: Path
    manifest: PackManifest

    def file(self, name: str) -> Path:
        return self.path / name

    def has(self, name: str) -> bool:
        return (self.path / name).is_file()

    @property
    def label(self) -> str:
        return f"{self.manifest.name}@{self.manifest.version}"


@functools.lru_cache(maxsize=16)
def load_pack(path: Path | None = None) -> Pack:
    """Load the manifest of the pack at ``path`` (the bundled core pack by default)."""
    folder = Path(path) if path else bundled_pack_dir()
    manifest_path = folder / "manifest.toml"
    data = load_toml(manifest_path)
    missing = [key for key in ("name", "version", "licence") if not isinstance(data.get(key), str)]
    if missing:
        raise PackError(f"{manifest_path}: manifest lacks {', '.join(missing)}")
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, dict) for s in sources):
        raise PackError(f"{manifest_path}: 'sources' must be an array of tables")
    manifest = PackManifest(data["name"], data["version"], data["licence"], str(data.get("description", "")),
                            tuple(sources))
    return Pack(folder, manifest)
