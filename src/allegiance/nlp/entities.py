"""Entity recognition and linking: dictionary matching over word keys (lemmas for Russian and
Ukrainian) with pyahocorasick, case and context rules, role nouns resolved at the article's
date; names outside the knowledge base come from :mod:`allegiance.nlp.unlisted`."""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections import defaultdict

import ahocorasick

from ..kb.knowledge import Alias, KnowledgeBase, load_knowledge_base
from .doc import Doc, Mention
from .tokens import Token, alias_keys, analyzer_for, is_noun, tokenize, word_key
from .unlisted import UnlistedNames

__all__ = ["EntityLinker"]

_KIND_CONFIDENCE = {"name": 0.95, "government": 0.9, "demonym": 0.85, "seat": 0.7, "role": 0.75, "pattern": 0.6}
_KIND_PRIORITY = {"name": 0, "government": 1, "demonym": 2, "seat": 3}
#: Words before a seat of power that make it a mere place ("in Moscow"), not the government.
_PLACE_WORDS = {"in", "at", "near", "outside", "inside", "around", "across", "в", "во", "у", "под", "около",
                "біля", "поблизу", "під", "город", "місто", "city", "капитал", "столиця"}


@dataclasses.dataclass(frozen=True)
class _Candidate:
    first: int  # token index
    last: int  # token index, inclusive
    alias: Alias


def _case_ok(surface: str, alias: str, analyzer: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    if surface.islower() and alias[:1].isupper() and not alias.isupper():
        # a deliberately lower-cased Cyrillic name ("олександр лукашенко"): every word must read as a noun
        return all(is_noun(t.text, analyzer) for t in tokenize(surface))
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return all(c.isupper() for c in surface if c.isalpha())
    if alias[:1].isupper():
        return surface[:1].isupper()
    return True


class EntityLinker:
    """Adds ``doc.mentions``. Needs ``doc.text`` and ``doc.language``; uses ``doc.published`` for roles."""

    name = "entities"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("mentions",)

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or load_knowledge_base()
        self._automata: dict[str, ahocorasick.Automaton] = {}
        self._roles = self._role_keys()
        self._unlisted = UnlistedNames(self.kb)

    def _automaton(self, analyzer: str) -> ahocorasick.Automaton:
        if analyzer not in self._automata:
            table: dict[str, list[tuple[Alias, int]]] = defaultdict(list)
            for alias in self.kb.aliases:
                for keys in alias_keys(tokenize(alias.text), analyzer):
                    if keys:
                        table[" " + " ".join(keys) + " "].append((alias, len(keys)))
            automaton = ahocorasick.Automaton()
            for key, values in table.items():
                automaton.add_word(key, (key, values))
            automaton.make_automaton()
            self._automata[analyzer] = automaton
        return self._automata[analyzer]

    def _role_keys(self) -> dict[tuple[str, ...], str]:
        keys: dict[tuple[str, ...], str] = {}
        for role, by_lang in self.kb.roles.items():
            for lang, names in by_lang.items():
                for name in names:
                    keys[tuple(word_key(t.text, analyzer_for(lang)) for t in tokenize(name))] = role
        return keys

    # -- matching --------------------------------------------------------------------------
    def _candidates(self, doc: Doc, tokens: list[Token], keys: list[str]) -> list[_Candidate]:
        joined = " " + " ".join(keys) + " "
        starts, pos = [], 1
        for key in keys:
            starts.append(pos)
            pos += len(key) + 1
        found = []
        analyzer = analyzer_for(doc.language)
        for end, (key, values) in self._automaton(analyzer).iter(joined):
            begin = end - len(key) + 2  # first char of the first key
            first = bisect.bisect_left(starts, begin)
            for alias, n in values:
                last = first + n - 1
                surface = doc.text[tokens[first].start:tokens[last].end]
                if _case_ok(surface, alias.text, analyzer) and self._context_ok(doc, tokens, first, alias):
                    found.append(_Candidate(first, last, alias))
        return found

    def _context_ok(self, doc: Doc, tokens: list[Token], first: int, alias: Alias) -> bool:
        if alias.kind == "name" and " " in alias.text and first > 0:
            # "Collective Security Council" is not the UN's "Security Council": a capitalised word
            # right before a multi-word name makes it part of a longer name
            before = tokens[first - 1]
            gap = doc.text[before.end:tokens[first].start]
            if gap == " " and before.text[:1].isupper() and not before.text.isupper() and before.text != "The":
                return False
        if alias.kind != "seat":
            return True
        if first > 0 and tokens[first - 1].text.casefold() in _PLACE_WORDS:
            return False
        token = tokens[first]
        line_start = doc.text.rfind("\n", 0, token.start) + 1
        after = doc.text[token.end:token.end + 3].strip()[:1]
        is_dateline = token.start == line_start and token.text.isupper() and after in ("(", "–", "-", ",")
        return not is_dateline

    @staticmethod
    def _disambiguate(candidates: list[_Candidate]) -> list[_Candidate]:
        """One span, several entities (the surname "Japarov"): keep the one the article also names in
        full; when none or several are, the span is left out rather than guessed."""
        by_span: dict[tuple[int, int], list[_Candidate]] = defaultdict(list)
        for c in candidates:
            by_span[(c.first, c.last)].append(c)
        named_in_full = {c.alias.entity_id for c in candidates if c.last > c.first}
        kept = []
        for group in by_span.values():
            ids = {c.alias.entity_id for c in group}
            if len(ids) > 1:
                full = ids & named_in_full
                group = [c for c in group if c.alias.entity_id in full] if len(full) == 1 else []
            kept.extend(group)
        return kept

    @staticmethod
    def _select(candidates: list[_Candidate]) -> list[_Candidate]:
        ordered = sorted(candidates, key=lambda c: (-(c.last - c.first), _KIND_PRIORITY.get(c.alias.kind, 9),
                                                    c.alias.lang != "en"))
        taken: set[int] = set()
        chosen = []
        for c in ordered:
            span = set(range(c.first, c.last + 1))
            if span & taken:
                continue
            taken |= span
            chosen.append(c)
        return sorted(chosen, key=lambda c: c.first)

    def _mention(self, doc: Doc, tokens: list[Token], c: _Candidate) -> Mention:
        entity = self.kb.entities[c.alias.entity_id]
        start, end = tokens[c.first].start, tokens[c.last].end
        return Mention(start, end, doc.text[start:end], entity.id, entity.type, c.alias.kind,
                       _KIND_CONFIDENCE.get(c.alias.kind, 0.5), entity.canonical)

    # -- roles ("the Kazakh president") -----------------------------------------------------
    def _role_mentions(self, doc: Doc, tokens: list[Token], keys: list[str], linked: list[Mention]) -> list[Mention]:
        states = {m.start: m for m in linked if m.type == "state"}
        by_token_start = {t.start: i for i, t in enumerate(tokens)}
        out = []
        for state_start, state in states.items():
            i = by_token_start.get(state_start)
            if i is None:
                continue
            j = i + 1
            while j < len(tokens) and tokens[j].start < state.end:
                j += 1
            if j < len(tokens) and keys[j] == "s":  # possessive: "Kazakhstan's"
                j += 1
            for role_keys, role in self._roles.items():
                if tuple(keys[j:j + len(role_keys)]) == role_keys and role_keys:
                    holder = self.kb.holder(role, state.entity_id or "", doc.published)
                    if holder is None:
                        continue
                    last = tokens[j + len(role_keys) - 1]
                    out.append(Mention(state.start, last.end, doc.text[state.start:last.end], holder.id, "person",
                                       "role", _KIND_CONFIDENCE["role"], holder.canonical))
                    break
        return out

    def __call__(self, doc: Doc) -> Doc:
        tokens = tokenize(doc.text)
        analyzer = analyzer_for(doc.language)
        keys = [word_key(t.text, analyzer) for t in tokens]
        candidates = self._disambiguate(self._candidates(doc, tokens, keys))
        linked = [self._mention(doc, tokens, c) for c in self._select(candidates)]
        taken = {t.start for t in tokens for m in linked if m.start <= t.start < m.end}
        roles = self._role_mentions(doc, tokens, keys, linked)
        unlisted: list[Mention] = []
        if doc.language in (None, "en"):
            unlisted = self._unlisted.organizations(doc.text, tokens, linked, taken)
            # a state's body that contains an alliance's name ("Security Council of Russia") is the body
            linked = [m for m in linked if m.type != "alliance" or not any(
                u.start <= m.start and m.end <= u.end and (u.start, u.end) != (m.start, m.end) for u in unlisted)]
            taken |= {t.start for t in tokens for m in unlisted if m.start <= t.start < m.end}
            unlisted += self._unlisted.persons(doc.text, tokens, taken)
        doc.mentions = tuple(sorted(linked + roles + unlisted, key=lambda m: (m.start, -m.end)))
        return doc


@functools.lru_cache(maxsize=1)
def default_linker() -> EntityLinker:
    return EntityLinker()
