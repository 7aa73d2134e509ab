"""What the views need from the packs and from their callers' arguments, checked: the
knowledge base and the issues of the ``packs`` setting, entity names resolved without guessing,
date filters validated as dates."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from ..errors import AllegianceError
from ..kb.knowledge import Entity, KnowledgeBase, load_knowledge_base
from ..kb.langdata import Issue, load_issues, pack_folders

__all__ = ["knowledge_base", "issues", "resolve_entity", "resolve_state", "check_date", "check_issue", "parties"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def knowledge_base(packs: str = "") -> KnowledgeBase:
    """The knowledge base with the packs of the ``packs`` setting laid over the bundled one."""
    return load_knowledge_base(*(Path(p) for p in packs.split(os.pathsep) if p.strip()))


def issues(packs: str = "") -> dict[str, Issue]:
    """Every issue of the packs (``packs/*/issues/<id>.toml``), by id."""
    return load_issues(pack_folders(packs))


def parties(packs: str = "") -> frozenset[str]:
    """The actors the issues name as parties (their excluded actors): RUS and UKR for the war."""
    return frozenset().union(*(i.excluded_actors for i in issues(packs).values()))


def resolve_entity(text: str, packs: str = "") -> Entity:
    """The entity ``text`` names (an id in any case, or a name): never a guess; an unknown name is
    an ``unknown_entity`` error that names the close ones."""
    return knowledge_base(packs).lookup(text)


def resolve_state(text: str | None, packs: str = "") -> str | None:
    """The id of the entity ``text`` names (``Kazakhstan``, ``kaz`` → ``KAZ``); ``None`` stays ``None``."""
    return None if text is None else resolve_entity(text, packs).id


def check_date(value: str | None, what: str = "date") -> str | None:
    """A date filter as YYYY, YYYY-MM or YYYY-MM-DD that names a real year, month or day; anything
    else is a ``bad_date`` error (``2022-13`` is not compared as a string)."""
    if value is None:
        return None
    match = _DATE.match(value.strip())
    try:
        if match is None:
            raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.group(1), match.group(2), match.group(3)
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise AllegianceError(f"{what} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD): {exc}",
                              code="bad_date") from exc
    return value.strip()


def check_issue(issue: str | None, packs: str = "") -> str | None:
    """An issue id of the packs; anything else is an ``unknown_issue`` error naming them."""
    known = issues(packs)
    if issue is not None and issue not in known:
        raise AllegianceError(f"no issue {issue!r}; the packs have {', '.join(sorted(known))}", code="unknown_issue")
    return issue
