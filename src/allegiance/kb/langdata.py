"""Language data and issue definitions, read from pack folders and laid over each other.

A language is a folder of pack data: ``lang/<code>/<concern>.toml`` inside a pack (``lang/en/
months.toml``, ``lang/ru/speech_verbs.toml``). Adding a language is adding a folder. An issue that
stances are taken on is one file, ``issues/<issue_id>.toml``.

Packs are laid over the bundled one in order (entry points, then the ``packs`` setting). A later
pack's file for the same concern is merged into the earlier: tables key by key, arrays extended
(duplicates dropped), other values replaced. A file whose top level says ``mode = "replace"``
replaces what came before instead. Every problem is a :class:`PackError` naming the file.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import PackError
from .packs import bundled_pack_dir, load_toml

__all__ = ["Issue", "pack_folders", "pack_data", "language_data", "languages", "every_language_data", "load_issues",
           "default_issue", "merge_pack_data", "reads_language_data"]


_Built = TypeVar("_Built")


def reads_language_data(concern: str) -> Callable[[Callable[..., _Built]], Callable[..., _Built]]:
    """For a function that compiles ``concern`` of a language (its first argument): a value of the
    wrong kind in a pack file (a word where a number belongs, a bad pattern) becomes a
    :class:`PackError` naming the concern and the language, not a crash deep in the analysis."""

    def wrap(build: Callable[..., _Built]) -> Callable[..., _Built]:
        @functools.wraps(build)
        def checked(language: str | None, *args: Any, **kwargs: Any) -> _Built:
            try:
                return build(language, *args, **kwargs)
            except PackError:
                raise
            except (TypeError, ValueError, AttributeError, KeyError, IndexError, re.error) as exc:
                raise PackError(f"lang/{language or '*'}/{concern}.toml: a value of the wrong kind ({exc})") from exc

        return checked

    return wrap


def pack_folders(packs: str = "") -> tuple[Path, ...]:
    """The bundled pack, then packs declared by entry points, then the folders of the ``packs``
    setting (separated by the OS path separator), in the order they are laid over each other.

    Cached by the setting's value: ``lru_cache`` keys a call by its arguments as written, so
    ``pack_folders()`` and ``pack_folders("")`` would each read every installed distribution's
    entry points (about 0.02 CPU-s) for the same answer."""
    return _pack_folders(packs)


@functools.lru_cache(maxsize=16)
def _pack_folders(packs: str) -> tuple[Path, ...]:
    from .knowledge import entry_point_packs

    extra = [Path(p) for p in packs.split(os.pathsep) if p.strip()]
    for folder in extra:
        if not folder.is_dir():
            raise PackError(f"{folder}: pack folder does not exist")
    return (bundled_pack_dir(), *entry_point_packs(), *extra)


def merge_pack_data(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """``overlay`` laid over ``base``: tables merged key by key, arrays extended without duplicates,
    other values replaced; ``mode = "replace"`` at the top of ``overlay`` replaces ``base`` whole."""
    if overlay.get("mode") == "replace":
        return {k: v for k, v in overlay.items() if k != "mode"}
    merged = dict(base)
    for key, value in overlay.items():
        if key == "mode":
            continue
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge_pack_data(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [v for v in value if v not in old]
        else:
            merged[key] = value
    return merged


@functools.lru_cache(maxsize=512)
def language_data(concern: str, lang: str, folders: tuple[Path, ...] | None = None) -> dict[str, Any]:
    """The merged ``lang/<lang>/<concern>.toml`` of every pack folder (an empty table where no pack
    has it). Cached: callers must not change what they get."""
    merged: dict[str, Any] = {}
    for folder in folders or pack_folders():
        path = folder / "lang" / lang / f"{concern}.toml"
        if path.is_file():
            merged = merge_pack_data(merged, load_toml(path))
    return merged


@functools.lru_cache(maxsize=64)
def pack_data(filename: str, folders: tuple[Path, ...] | None = None) -> dict[str, Any]:
    """The merged top-level pack file ``filename`` (``numbers.toml``) of every pack folder, laid over
    each other like language files (an empty table where no pack has it). Cached."""
    merged: dict[str, Any] = {}
    for folder in folders or pack_folders():
        path = folder / filename
        if path.is_file():
            merged = merge_pack_data(merged, load_toml(path))
    return merged


@functools.lru_cache(maxsize=128)
def every_language_data(concern: str, folders: tuple[Path, ...] | None = None) -> dict[str, dict[str, Any]]:
    """``concern`` for every language that has it, by language code (for data that applies whatever
    the article's language: a month name beside a number, a topic's stems)."""
    found = {lang: language_data(concern, lang, folders) for lang in languages(folders)}
    return {lang: data for lang, data in found.items() if data}


@functools.lru_cache(maxsize=16)
def languages(folders: tuple[Path, ...] | None = None) -> tuple[str, ...]:
    """Every language that some pack folder has data for, sorted."""
    found = set()
    for folder in folders or pack_folders():
        lang_dir = folder / "lang"
        if lang_dir.is_dir():
            found |= {p.name for p in lang_dir.iterdir() if p.is_dir() and not p.name.startswith(".")}
    return tuple(sorted(found))


@dataclasses.dataclass(frozen=True)
class Issue:
    """An issue states take stances on: its labels with display names and short codes, the pairs of
    labels that contradict each other, the actors that take no stance on it (the parties), and the
    actor a stance on it is a relation to (in a graph of actors), if any."""

    id: str
    name: str
    labels: tuple[str, ...]
    label_names: dict[str, str]
    short: dict[str, str]
    contradicts: dict[str, frozenset[str]]
    excluded_actors: frozenset[str]
    colours: dict[str, str]
    relation_target: str | None = None
    #: the issue a language's stance lexicon takes stances on when it names none (``default = true``)
    default: bool = False

    def contradict(self, a: str, b: str) -> bool:
        return b in self.contradicts.get(a, frozenset())


def _issue(path: Path, data: dict[str, Any]) -> Issue:
    labels = data.get("labels")
    if not isinstance(data.get("id"), str) or not isinstance(labels, dict) or not labels:
        raise PackError(f"{path}: an issue needs an 'id' and a [labels] table")
    contradicts: dict[str, set[str]] = {label: set() for label in labels}
    for pair in data.get("contradictions", []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in labels for p in pair)):
            raise PackError(f"{path}: each contradiction is a pair of the issue's labels, not {pair!r}")
        contradicts[pair[0]].add(pair[1])
        contradicts[pair[1]].add(pair[0])
    for label, table in labels.items():
        if not isinstance(table, dict) or not isinstance(table.get("name"), str):
            raise PackError(f"{path}: label {label!r} needs a name")
    return Issue(
        id=data["id"], name=str(data.get("name", data["id"])), labels=tuple(labels),
        label_names={k: v["name"] for k, v in labels.items()},
        short={k: str(v.get("short", k[:3].upper())) for k, v in labels.items()},
        contradicts={k: frozenset(v) for k, v in contradicts.items()},
        excluded_actors=frozenset(data.get("excluded_actors", [])),
        colours={k: str(v.get("colour", "#999999")) for k, v in labels.items()},
        relation_target=data.get("relation_target"),
        default=bool(data.get("default", False)),
    )


def default_issue(folders: tuple[Path, ...] | None = None) -> str:
    """The id of the issue its file marks ``default = true``, else of the first issue the packs
    define; ``""`` where they define none."""
    issues = load_issues(folders)
    return next((i.id for i in issues.values() if i.default), next(iter(issues), ""))


@functools.lru_cache(maxsize=16)
def load_issues(folders: tuple[Path, ...] | None = None) -> dict[str, Issue]:
    """Every issue of the packs, by id, from ``issues/<id>.toml`` (later packs merged over earlier)."""
    raw: dict[str, tuple[Path, dict[str, Any]]] = {}
    for folder in folders or pack_folders():
        issue_dir = folder / "issues"
        if not issue_dir.is_dir():
            continue
        for path in sorted(issue_dir.glob("*.toml")):
            data = load_toml(path)
            key = str(data.get("id", path.stem))
            raw[key] = (path, merge_pack_data(raw[key][1], data) if key in raw else data)
    return {key: _issue(path, data) for key, (path, data) in raw.items()}
