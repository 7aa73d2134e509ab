"""The one settings table: every setting's default, type and help text live in :data:`SETTINGS`.

Resolution order, later wins: defaults, then a TOML file (``--config`` or ``./allegiance.toml``,
keys at top level or under ``[allegiance]``), then ``ALLEGIANCE_<NAME>`` environment variables,
then explicit overrides (the command line). The effective settings are recorded with every run.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import SettingsError

__all__ = ["Setting", "SETTINGS", "Settings", "load_settings"]


@dataclasses.dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str


def _opt(default: Any, help: str) -> Any:
    return dataclasses.field(default=default, metadata={"help": help})


@dataclasses.dataclass(frozen=True)
class Settings:
    """Effective settings; build with :func:`load_settings`, or ``Settings()`` for the defaults.

    Each field is one setting: its default, type and help text are written here and nowhere else.
    """

    db: str = _opt("allegiance.db", "Path of the SQLite database file.")
    max_bytes: int = _opt(50_000_000, "Largest input accepted, in bytes (files, pages, WARC records).")
    max_archive_bytes: int = _opt(
        2_000_000_000, "Most bytes a compressed archive (WARC .gz) may decompress to before the rest is rejected.")
    min_text_chars: int = _opt(1, "Articles whose text has fewer characters are rejected as empty.")
    fetch_timeout: float = _opt(20.0, "Seconds to wait for a server when fetching a URL.")
    max_redirects: int = _opt(5, "Most redirects followed for one URL.")
    per_host_delay: float = _opt(1.0, "Seconds between two requests to the same host (politeness).")
    respect_robots: bool = _opt(True, "Obey robots.txt when fetching URLs.")
    allow_private_addresses: bool = _opt(
        False, "Allow fetching loopback and private-network addresses (off: refused as forbidden_address).")
    user_agent: str = _opt("Allegiance/0.1 (offline-first news analysis)", "User-Agent header sent when fetching.")
    near_duplicate_threshold: float = _opt(
        0.5, "Estimated Jaccard similarity of word-trigram sets at which two articles are near duplicates.")
    minhash_permutations: int = _opt(128, "Number of MinHash permutations for near-duplicate detection.")
    batch_size: int = _opt(200, "Articles written per database transaction.")
    packs: str = _opt("", "Extra domain packs to load: paths separated by the OS path separator.")
    russian_ner: bool = _opt(False, "Find unlisted people and organisations in Russian text with natasha "
                                    "(needs the russian-ner extra).")
    progress: bool = _opt(True, "Show a progress bar when writing to a terminal.")
    ukrainian_ner: bool = _opt(False, "Find unlisted people and organisations in Ukrainian text with the model "
                                      "trained on NER-UK (non-commercial licence: the ukrainian-ner-noncommercial "
                                      "extra).")
    statement_components: str = _opt("stances.rules,events.rules,predictions.rules",
                                     "Statement finders to run, by registered name, comma-separated "
                                     "(a trained classifier registered by name can replace a rule component).")
    frames_parse: bool = _opt(False, "Give clause frames the dependency parse where a parser has heads (natasha for "
                                     "Russian): subjects from the parse. Off by default: about ten times slower on "
                                     "Russian, and no better on the check set or the dev set.")

    def replace(self, **changes: Any) -> Settings:
        return load_settings(overrides=changes, base=self)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


_TYPES = {"str": str, "int": int, "float": float, "bool": bool}

#: The settings table, read off :class:`Settings`: name, default, type and help of each setting.
SETTINGS: tuple[Setting, ...] = tuple(
    Setting(f.name, f.default, _TYPES[str(f.type)], f.metadata["help"]) for f in dataclasses.fields(Settings)
)
_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    if isinstance(value, setting.type) and not (setting.type is int and isinstance(value, bool)):
        return value
    if setting.type is bool:
        if isinstance(value, str) and value.strip().lower() in {"1", "true", "yes", "on"}:
            return True
        if isinstance(value, str) and value.strip().lower() in {"0", "false", "no", "off", ""}:
            return False
    elif setting.type in (int, float) and not isinstance(value, bool):
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            pass
    elif setting.type is str and isinstance(value, (int, float)):
        return str(value)
    raise SettingsError(f"{origin}: setting {setting.name!r} wants a {setting.type.__name__}, got {value!r}")


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings file: {exc}") from exc
    section = data.get("allegiance", data)
    if not isinstance(section, dict):
        raise SettingsError(f"{path}: [allegiance] must be a table")
    return section


def load_settings(
    config: str | Path | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    base: Settings | None = None,
) -> Settings:
    """Resolve settings: ``base`` (or defaults) → config file → environment → ``overrides``.

    ``overrides`` values of ``None`` are ignored, so a command line can pass every option.
    """
    values: dict[str, Any] = (base or Settings()).as_dict()
    layers: list[tuple[str, Mapping[str, Any]]] = []
    if base is None:
        path = Path(config) if config else Path("allegiance.toml")
        if config or path.exists():
            layers.append((str(path), _read_file(path)))
        env = os.environ if environ is None else environ
        prefix = "ALLEGIANCE_"
        layers.append(("environment", {k[len(prefix):].lower(): v for k, v in env.items() if k.startswith(prefix)}))
    layers.append(("overrides", {k: v for k, v in (overrides or {}).items() if v is not None}))
    for origin, layer in layers:
        for key, value in layer.items():
            setting = _BY_NAME.get(key)
            if setting is None:
                if origin == "environment":
                    continue  # other tools may share the prefix; unknown env names are ignored
                raise SettingsError(f"{origin}: unknown setting {key!r}")
            values[key] = _coerce(setting, value, origin)
    return Settings(**values)
