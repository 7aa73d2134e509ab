"""Finding and reading domain packs: a folder with ``manifest.toml`` and one file per concern."""

from __future__ import annotations

import dataclasses
import functools
import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import PackError

__all__ = ["Pack", "PackManifest", "bundled_pack_dir", "load_pack", "load_toml", "iter_jsonl"]


def bundled_pack_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "packs" / "core"


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML pack file; a syntax error becomes a :class:`PackError` naming file and line."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
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
