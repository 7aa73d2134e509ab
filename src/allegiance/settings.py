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
    """One setting: its default, type, help, and the values it accepts (``low``..``high``
    inclusive for numbers, or one of ``choices``); :meth:`check` is the one place they are enforced."""

    name: str
    default: Any
    type: type
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple[Any, ...] | None = None

    def allowed(self) -> str:
        """The accepted values in words (empty when any value of the type is accepted)."""
        if self.choices is not None:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.low is not None and self.high is not None:
            return f"{self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"at least {self.low:g}"
        if self.high is not None:
            return f"at most {self.high:g}"
        return ""

    def check(self, value: Any, origin: str) -> Any:
        """``value`` when this setting accepts it; a :class:`SettingsError` naming the range otherwise."""
        out_of_range = (
            (self.choices is not None and value not in self.choices)
            or (self.low is not None and value < self.low)
            or (self.high is not None and value > self.high)
            or (isinstance(value, float) and value != value)  # NaN is in no range
        )
        if out_of_range:
            raise SettingsError(f"{origin}: setting {self.name!r} must be {self.allowed()}, got {value!r}")
        return value


def _opt(default: Any, help: str, *, low: float | None = None, high: float | None = None,
         choices: tuple[Any, ...] | None = None, secret: bool = False) -> Any:
    """A setting's field: its default, help and accepted values, written once; a ``secret`` one is
    never recorded or shown (only whether it is set)."""
    return dataclasses.field(default=default, metadata={"help": help, "low": low, "high": high, "choices": choices,
                                                        "secret": secret})


@dataclasses.dataclass(frozen=True)
class Settings:
    """Effective settings; build with :func:`load_settings`, or ``Settings()`` for the defaults.

    Each field is one setting: its default, type, help text and accepted range are written here and
    nowhere else.
    """

    db: str = _opt("allegiance.db", "Path of the SQLite database file.")
    max_bytes: int = _opt(50_000_000, "Largest input accepted, in bytes (files, pages, WARC records).", low=1)
    max_archive_bytes: int = _opt(
        2_000_000_000, "Most bytes a compressed file or archive (.gz, .zip, .tar, .tgz, WARC .gz) may decompress "
                       "to before the rest is rejected.", low=1)
    min_text_chars: int = _opt(1, "Articles whose text has fewer characters are rejected as empty.", low=0)
    fetch_timeout: float = _opt(20.0, "Seconds to wait for a server when fetching a URL.", low=0.001, high=3600)
    max_redirects: int = _opt(5, "Most redirects followed for one URL.", low=0, high=100)
    per_host_delay: float = _opt(1.0, "Seconds between two requests to the same host (politeness).", low=0, high=3600)
    respect_robots: bool = _opt(True, "Obey robots.txt when fetching URLs.")
    allow_private_addresses: bool = _opt(
        False, "Allow fetching loopback and private-network addresses (off: refused as forbidden_address).")
    user_agent: str = _opt("Allegiance/0.1 (offline-first news analysis)", "User-Agent header sent when fetching.")
    near_duplicate_threshold: float = _opt(
        0.5, "Estimated Jaccard similarity of word-trigram sets at which two articles are near duplicates.",
        low=0.01, high=1)
    minhash_permutations: int = _opt(128, "Number of MinHash permutations for near-duplicate detection.",
                                      low=2, high=4096)
    batch_size: int = _opt(200, "Articles written per database transaction, at most (with a pool, fewer when "
                           "the writer would wait on the workers).", low=1, high=100_000)
    packs: str = _opt("", "Extra domain packs to load: paths separated by the OS path separator.")
    russian_ner: bool = _opt(False, "Find unlisted people and organisations in Russian text with natasha "
                                    "(needs the russian-ner extra).")
    progress: bool = _opt(True, "Show a progress bar when writing to a terminal.")
    fetch_deadline: float = _opt(
        60.0, "Most seconds one fetch may take in all (redirects and robots.txt included), however the server "
              "trickles its bytes; past it the URL is rejected as too_slow.", low=0.001, high=86400)
    max_line_bytes: int = _opt(
        1_000_000, "Longest header line read from a web archive (WARC) record; a longer one (a headerless "
                   "decompression bomb) rejects the archive as malformed.", low=80)
    default_source: str = _opt("", "Outlet of inputs that name none (no source field, site or 'Source:' line): "
                                   "corroboration counts outlets.")
    web_token: str = _opt("", "Token that allows writes in 'allegiance serve' (resolving predictions); "
                              "empty: the server is read-only.", secret=True)
    busy_timeout: float = _opt(60.0, "Seconds a writer waits for another process's write to the database before "
                                      "giving up with a store_error.", low=0, high=86400)
    workers: int = _opt(0, "Worker processes of the ingest and the analysis (0: one per CPU core; 1: in the main "
                           "process).", low=0, high=1024)
    analysis_time_limit: float = _opt(
        120.0, "Seconds one article's analysis may take; past it the article is recorded as failed (0: no limit).",
        low=0)
    max_analysed_chars: int = _opt(
        300_000, "Most characters of one article analysed; a longer text is cut at a line or sentence end and "
                 "the cut recorded (0: no limit).", low=0)
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

    def recorded(self) -> dict[str, Any]:
        """The settings as they are stored with a run and shown: a secret (a token) only as
        ``"(set)"`` or empty, never its value."""
        values = self.as_dict()
        for f in dataclasses.fields(self):
            if f.metadata.get("secret") and values[f.name]:
                values[f.name] = "(set)"
        return values


_TYPES = {"str": str, "int": int, "float": float, "bool": bool}

#: The settings table, read off :class:`Settings`: name, default, type and help of each setting.
SETTINGS: tuple[Setting, ...] = tuple(
    Setting(f.name, f.default, _TYPES[str(f.type)], f.metadata["help"], f.metadata.get("low"), f.metadata.get("high"),
            f.metadata.get("choices"))
    for f in dataclasses.fields(Settings)
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
            values[key] = setting.check(_coerce(setting, value, origin), origin)
    return Settings(**values)
