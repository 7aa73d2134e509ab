"""The knowledge base: entities and their aliases, read from a pack's JSON Lines files.

Files (one concern each): ``states.jsonl`` (generated), ``state_aliases.jsonl`` (short names,
demonyms, seats of power), ``alliances.jsonl``, ``organizations.jsonl``, ``persons.jsonl``,
``roles.toml``. Every problem is a :class:`PackError` naming the file and line.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from ..errors import PackError
from .packs import Pack, iter_jsonl, load_pack, load_toml

__all__ = ["Alias", "Entity", "KnowledgeBase", "Membership", "Role", "load_knowledge_base", "ENTITY_TYPES"]

AliasKind = Literal["name", "demonym", "seat", "government", "city"]
ENTITY_TYPES = {
    "state", "alliance", "international_organization", "government_body", "armed_force", "pmc", "company",
    "media", "party", "person", "unrecognised", "think_tank", "ngo", "alliance_other",
}


SEARCH_CUTOFF = 85.0  # fuzzy name scores (rapidfuzz WRatio, 0 to 100) under this are not offered as matches
SUGGEST_CUTOFF = 70.0  # ... and under this not even suggested when a lookup fails

_ROLE_FALLBACKS = {"leader": ("leader", "president", "chancellor", "prime_minister")}


@dataclasses.dataclass(frozen=True)
class Role:
    role: str
    of: str
    start: str | None
    end: str | None

    def held_on(self, day: str | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclasses.dataclass(frozen=True)
class Membership:
    state: str
    start: str | None
    end: str | None
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Alias:
    text: str
    lang: str
    entity_id: str
    kind: AliasKind


@dataclasses.dataclass(frozen=True)
class Entity:
    id: str
    type: str
    canonical: str
    country: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    members: tuple[Membership, ...] = ()


@dataclasses.dataclass
class KnowledgeBase:
    entities: dict[str, Entity]
    aliases: list[Alias]
    roles: dict[str, dict[str, list[str]]]
    version: str

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def holder(self, role: str, state: str, day: str | None) -> Entity | None:
        """The person who held ``role`` of ``state`` on ``day`` (ISO date; ``None``: now). A state's
        "leader" is its leader, else its president, chancellor or prime minister, in that order."""
        for wanted in _ROLE_FALLBACKS.get(role, (role,)):
            for entity in self.entities.values():
                for r in entity.roles:
                    if r.role == wanted and r.of == state and r.held_on(day):
                        return entity
        return None

    def members_of(self, alliance: str, day: str | None = None) -> list[str]:
        entity = self.entities.get(alliance)
        if entity is None:
            return []
        return [m.state for m in entity.members
                if (day is None and m.end is None) or (day is not None and (m.start or "") <= day
                                                       and (m.end is None or day < m.end))]

    def search(self, text: str, limit: int = 10, score_cutoff: float = SEARCH_CUTOFF) -> list[Entity]:
        """Entities whose aliases match ``text`` best (fuzzy, case-insensitive), none scoring under
        ``score_cutoff`` (0 to 100): a name like nothing in the knowledge base finds nothing."""
        from rapidfuzz import fuzz, process, utils

        choices = {i: a.text for i, a in enumerate(self.aliases)}
        found: list[Entity] = []
        for _alias, _score, index in process.extract(text, choices, scorer=fuzz.WRatio, limit=limit * 4,
                                                     processor=utils.default_process, score_cutoff=score_cutoff):
            entity = self.entities[self.aliases[index].entity_id]
            if entity not in found:
                found.append(entity)
        return found[:limit]

    def lookup(self, text: str) -> Entity:
        """The entity ``text`` names exactly: its id in any case (``kaz``, ``org:gazprom``) or one of
        its names in any case. Never a guess: an unknown name raises ``unknown_entity`` naming
        the close names (those scoring over ``SUGGEST_CUTOFF``); a name several entities share raises
        ``ambiguous_entity`` naming them."""
        wanted = text.strip()
        by_id = self.entities.get(wanted) or self._ids_folded().get(wanted.casefold())
        if by_id is not None:
            return by_id
        named = sorted({a.entity_id for a in self.aliases if a.text.casefold() == wanted.casefold()})
        named = [n for n in named if n in self.entities]
        if len(named) == 1:
            return self.entities[named[0]]
        if named:
            raise PackError(f"{text!r} names several entities: {', '.join(named)}; give the id",
                            code="ambiguous_entity")
        close = self.search(wanted, limit=5, score_cutoff=SUGGEST_CUTOFF) if len(wanted) >= 3 else []
        hint = f"; close names: {', '.join(f'{e.canonical} ({e.id})' for e in close)}" if close else ""
        raise PackError(f"no entity is called {text!r}{hint}", code="unknown_entity")

    def _ids_folded(self) -> dict[str, Entity]:
        return {key.casefold(): entity for key, entity in self.entities.items()}


def _names(obj: dict[str, Any], field: str, where: str) -> dict[str, list[str]]:
    value = obj.get(field, {})
    if not isinstance(value, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                              for v in value.values()):
        raise PackError(f"{where}: '{field}' must map languages to lists of strings")
    return value


def _check(obj: dict[str, Any], where: str, known: set[str] | None = None) -> None:
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        raise PackError(f"{where}: every entry needs a string 'id'")
    if known is None and obj.get("type") not in ENTITY_TYPES:
        raise PackError(f"{where}: unknown type {obj.get('type')!r}; one of {sorted(ENTITY_TYPES)}")


def _roles(obj: dict[str, Any], where: str) -> tuple[Role, ...]:
    try:
        return tuple(Role(r["role"], r["of"], r.get("from"), r.get("to")) for r in obj.get("roles", []))
    except (KeyError, TypeError) as exc:
        raise PackError(f"{where}: each role needs 'role' and 'of' ({exc})") from exc


def _members(obj: dict[str, Any], where: str) -> tuple[Membership, ...]:
    try:
        return tuple(Membership(m["state"], m.get("from"), m.get("to"), m.get("note", ""))
                     for m in obj.get("members", []))
    except (KeyError, TypeError) as exc:
        raise PackError(f"{where}: each member needs 'state' ({exc})") from exc


def _add_aliases(out: list[Alias], entity_id: str, names: dict[str, list[str]], kind: AliasKind) -> None:
    for lang, values in names.items():
        for text in values:
            if text.strip():
                out.append(Alias(text.strip(), lang, entity_id, kind))


def _read_entities(path: Path, entities: dict[str, Entity], aliases: list[Alias]) -> None:
    for number, obj in iter_jsonl(path):
        if "//" in obj and len(obj) == 1:
            continue
        where = f"{path}:{number}"
        _check(obj, where)
        entity = Entity(obj["id"], obj["type"], obj.get("canonical") or obj["id"], obj.get("country"),
                        obj.get("wikidata"), _roles(obj, where), _members(obj, where))
        entities[entity.id] = entity
        _add_aliases(aliases, entity.id, _names(obj, "names", where), "name")


def _read_state_aliases(path: Path, entities: dict[str, Entity], aliases: list[Alias]) -> None:
    for number, obj in iter_jsonl(path):
        if "//" in obj and len(obj) == 1:
            continue
        where = f"{path}:{number}"
        _check(obj, where, known=set(entities))
        if obj["id"] not in entities:
            raise PackError(f"{where}: no state {obj['id']!r} in states.jsonl")
        for field, kind in (("names", "name"), ("demonyms", "demonym"), ("seats", "seat"),
                            ("government", "government"), ("cities", "city")):
            _add_aliases(aliases, obj["id"], _names(obj, field, where), kind)  # type: ignore[arg-type]
        if isinstance(obj.get("wikidata"), str):
            entities[obj["id"]] = dataclasses.replace(entities[obj["id"]], wikidata=obj["wikidata"])


def _dedupe(aliases: Iterable[Alias]) -> list[Alias]:
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for a in aliases:
        key = (a.text, a.lang, a.entity_id, a.kind)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def read_knowledge_base(pack: Pack) -> KnowledgeBase:
    entities: dict[str, Entity] = {}
    aliases: list[Alias] = []
    for name in ("states.jsonl", "alliances.jsonl", "organizations.jsonl", "persons.jsonl"):
        if pack.has(name):
            _read_entities(pack.file(name), entities, aliases)
    if pack.has("state_aliases.jsonl"):
        _read_state_aliases(pack.file("state_aliases.jsonl"), entities, aliases)
    roles: dict[str, dict[str, list[str]]] = {}
    if pack.has("roles.toml"):
        for role, by_lang in load_toml(pack.file("roles.toml")).items():
            if not isinstance(by_lang, dict):
                raise PackError(f"{pack.file('roles.toml')}: [{role}] must be a table of language lists")
            roles[role] = by_lang
    return KnowledgeBase(entities, _dedupe(aliases), roles, pack.label)


def entry_point_packs() -> list[Path]:
    """Pack folders that installed packages declare under the ``allegiance.packs`` entry point group
    (each entry point loads to a path, or to a callable returning one)."""
    from importlib.metadata import entry_points

    folders = []
    for ep in entry_points(group="allegiance.packs"):
        try:
            target = ep.load()
            folders.append(Path(target() if callable(target) else target))
        except Exception as exc:  # a broken third-party pack must say so, not crash the import
            raise PackError(f"entry point {ep.name!r} ({ep.value}) does not give a pack folder: {exc}") from exc
    return folders


@functools.lru_cache(maxsize=8)
def load_knowledge_base(*paths: Path) -> KnowledgeBase:
    """The bundled pack's knowledge base, with packs from entry points and then ``paths`` laid over it
    in order (an entity with the same id replaces the earlier one)."""
    kb = read_knowledge_base(load_pack())
    for path in [*entry_point_packs(), *paths]:
        extra = read_knowledge_base(load_pack(Path(path)))
        replaced = set(extra.entities)
        kb = KnowledgeBase({**kb.entities, **extra.entities},
                           [a for a in kb.aliases if a.entity_id not in replaced] + extra.aliases,
                           {**kb.roles, **extra.roles}, f"{kb.version}+{extra.version}")
    return kb
