"""Organisations outside the knowledge base in languages read through lemmas (Russian, Ukrainian):
a state's body with the state named after it or its adjective before it («Министерство обороны
Кыргызстана», «киргизьке МЗС»), a quoted name after an organisation noun («партія "Слуга
народу"», «ЧВК «Редут»»), and a company after its legal form («ООО "Ромашка"», «ПАО Сбербанк»).
The words are ``lang/<code>/organizations.toml``; states, people and places are never taken."""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Protocol

from ..kb.langdata import language_data, reads_language_data
from .doc import Mention
from .tokens import Token, analyzer_for, morph_parse, tokenize, word_key

__all__ = ["UNOWNED_BODY", "LemmaOrganizations", "lemma_words"]

_ORG = 0.55
#: the type of a state's body named with no state («в МИД заявили»): an organisation of the record,
#: which no statement takes as its actor (whose body it is, the text does not say; the state that
#: speaks is read as before, from the sentence)
UNOWNED_BODY = "unowned_body"
_OPENING = "«\"„“"
#: what stands before a word that opens a text, a line or a sentence
_SENTENCE_OPENS = re.compile(r"(?:\A|[.!?\n:;])[\s\"«„“'(—–-]*\Z")
_QUOTED = re.compile(r"\s?[«\"„“]([^«»\"„“”\n]{2,60})[»\"“”]")
_NAME_AFTER_FORM = re.compile(r"\s([A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:[ -][A-ZА-ЯЁІЇЄҐ][\w'’-]*){0,3})")
#: a name in Latin letters after an organisation noun, unquoted, as Cyrillic text writes a brand
#: («телеграм-канал Baza», «компания Wildberries», «издание The Bell»): the script sets it apart
#: an organisation noun and the lower-case words of its name, then its acronym in brackets («Центр
#: стратегических и международных исследований (CSIS)», «Фонд борьбы с коррупцией (ФБК)»): the
#: acronym names it, in Latin letters
_LATIN_ACRONYM_AFTER = re.compile(r"(?: [а-яёіїєґ'’-]+){1,6} \(([A-ZА-ЯЁІЇЄҐ]{2,6})\)")
#: a capitalised Cyrillic word after a company's, an outlet's or a party's noun, unquoted («компания
#: Кронштадт», «холдинг Сибур»), where it reads as a name in the nominative
_CYRILLIC_AFTER_HEAD = re.compile(r" ([А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?:-[А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ'’]+)?)(?![\w«\"-])"
                                  r"(?! [А-ЯЁІЇЄҐ])")
_BRANDED = frozenset({"company", "media", "party"})
_LATIN_AFTER_HEAD = re.compile(r" ([A-Z][\w&'’.-]*(?: (?:[A-Z0-9][\w&'’.-]*|of|for|and|the))*)(?![\w-])")


@dataclasses.dataclass(frozen=True)
class LemmaWords:
    """One language's organisation words as lemma sequences."""

    language: str
    bodies: dict[tuple[str, ...], str]
    heads: dict[str, str]
    legal_forms: frozenset[str]
    longest: int
    #: bodies that name the page's own state's body when no state stands by them («Министерство
    #: обороны сообщило»), by their neutral names; kept under that name, with no state, as an
    #: :data:`UNOWNED_BODY`
    bare: frozenset[str] = frozenset()
    #: bodies whose words name any such body in lower case, and the page's own state's by their
    #: capital inside a sentence («комиссия по комплектованию Вооруженных сил»)
    bare_capitalised: frozenset[str] = frozenset()
    #: courts named by their kind and seat (``[courts]``): the court nouns, the kind words in English
    #: («районный» = District), the seats and names in English («москва» = Moscow), and the words
    #: that may stand between a court and its seat («суд города Москвы»), all by lemma
    court_nouns: frozenset[str] = frozenset()
    court_kinds: dict[str, str] = dataclasses.field(default_factory=dict)
    court_names: dict[str, str] = dataclasses.field(default_factory=dict)
    court_seat_words: frozenset[str] = frozenset()
    #: how the lemma of an adjective ends (``[courts] adjective_endings``: «басманный», «печерський»)
    adjective_endings: tuple[str, ...] = ()
    #: a region's bodies (``[regional_bodies]``): their nouns in English («администрация» =
    #: Administration), the nouns of a region after them in English («область» = Regional); the
    #: region's adjective is one of the court names, the kind words those of the courts
    regional_nouns: dict[str, str] = dataclasses.field(default_factory=dict)
    region_nouns: dict[str, str] = dataclasses.field(default_factory=dict)
    #: a region's bodies by their initials, as written, after the region's adjective («Харківська
    #: ОВА» = Kharkiv Regional Military Administration)
    regional_acronyms: dict[str, str] = dataclasses.field(default_factory=dict)
    #: military units (``[units]``): their nouns in English («бригада» = Brigade), the words before
    #: the noun («отдельный» = Separate) and the phrases after it («морской пехоты» = Marine)
    unit_nouns: dict[str, str] = dataclasses.field(default_factory=dict)
    unit_words: dict[str, str] = dataclasses.field(default_factory=dict)
    unit_after: dict[tuple[str, ...], str] = dataclasses.field(default_factory=dict)
    #: bodies and organisations named by a head noun and the words that describe it (``[described]``:
    #: «Комитет государственных доходов» = State Revenue Committee, «Агентство по защите и развитию
    #: конкуренции» = Agency for Protection and Development of Competition): the heads in English with
    #: their type, the describing words and phrases in English by lemma (an empty one is left out of
    #: the name), the words joining them, and the prepositions after a head in English
    described_heads: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    described_words: dict[tuple[str, ...], str] = dataclasses.field(default_factory=dict)
    described_joiners: frozenset[str] = frozenset()
    described_prepositions: dict[str, str] = dataclasses.field(default_factory=dict)


@functools.lru_cache(maxsize=16)
@reads_language_data("organizations")
def lemma_words(language: str, folders: tuple[Path, ...] | None = None) -> LemmaWords:
    data = language_data("organizations", language, folders)
    analyzer = analyzer_for(language, folders)

    def keys(phrase: str) -> tuple[str, ...]:
        return tuple(word_key(t.text, analyzer) for t in tokenize(phrase))

    # each body as listed and with the capital it has opening its proper name: the likeliest lemma
    # of a word can differ by its case (Ukrainian «рада» is the adjective рад, «Рада» the council)
    bodies = {key: str(v) for k, v in data.get("state_bodies", {}).items()
              for key in (keys(k), keys(str(k)[:1].upper() + str(k)[1:])) if key}
    heads = {keys(k)[0]: str(v) for k, v in data.get("heads", {}).items() if keys(k)}
    courts = data.get("courts", {})
    regional = data.get("regional_bodies", {})
    units = data.get("units", {})
    described = data.get("described", {})
    return LemmaWords(language=language, bodies=bodies, heads=heads,
                      legal_forms=frozenset(data.get("legal_forms", [])),
                      longest=max((len(k) for k in bodies), default=0),
                      bare=frozenset(str(b) for b in data.get("bare_bodies", [])),
                      bare_capitalised=frozenset(str(b) for b in data.get("bare_bodies_capitalised", [])),
                      court_nouns=frozenset(str(n) for n in courts.get("nouns", [])),
                      court_kinds={str(k): str(v) for k, v in courts.get("kinds", {}).items()},
                      court_names={str(k): str(v) for k, v in courts.get("names", {}).items()},
                      court_seat_words=frozenset(str(w) for w in courts.get("seat_words", [])),
                      adjective_endings=tuple(str(e) for e in courts.get("adjective_endings", [])),
                      regional_nouns={keys(k)[0]: str(v) for k, v in regional.get("nouns", {}).items() if keys(k)},
                      region_nouns={keys(k)[0]: str(v) for k, v in regional.get("region_nouns", {}).items() if keys(k)},
                      regional_acronyms={str(k): str(v) for k, v in regional.get("acronyms", {}).items()},
                      unit_nouns={keys(k)[0]: str(v) for k, v in units.get("nouns", {}).items() if keys(k)},
                      unit_words={keys(k)[0]: str(v) for k, v in units.get("words", {}).items() if keys(k)},
                      unit_after={keys(k): str(v) for k, v in units.get("after", {}).items() if keys(k)},
                      described_heads={keys(k)[0]: (str(v[0]), str(v[1]))
                                       for k, v in described.get("heads", {}).items() if keys(k)},
                      described_words={keys(k): str(v) for k, v in described.get("words", {}).items() if keys(k)},
                      described_joiners=frozenset(str(j) for j in described.get("joiners", [])),
                      described_prepositions={str(k): str(v) for k, v in described.get("prepositions", {}).items()})


def _ordinal(n: int) -> str:
    """An English ordinal: 1st, 2nd, 3rd, 11th, 22nd, 155th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class BodyNamer(Protocol):
    """Names a state's body in neutral English (:class:`allegiance.nlp.unlisted.UnlistedNames`)."""

    def named_after(self, state: str, neutral: str) -> str: ...

    def named_before(self, state: str, neutral: str) -> str: ...

    def demonym(self, state: str) -> str: ...

    def state_name(self, state: str) -> str: ...

    def body(self, text: str, start: int, end: int, canonical: str, state: str, neutral: str) -> Mention: ...

    def latin(self, name: str, language: str) -> str: ...


class LemmaOrganizations:
    """Finds the organisations of one document; ``namer`` gives a body's neutral English name."""

    def __init__(self, words: LemmaWords, namer: BodyNamer) -> None:
        self.words = words
        self.namer = namer
        #: the first word keys of the bodies: a body starts only at one of them
        self._firsts = frozenset(key[0] for key in words.bodies if key)
        #: the spans of the region's bodies found (a listed name inside one is part of it)
        self.regional_spans: set[tuple[int, int]] = set()

    def find(self, text: str, tokens: list[Token], keys: list[str], linked: list[Mention]) -> list[Mention]:
        states_at = {m.start: m for m in linked if m.type == "state" and m.entity_id}
        states_end = {m.end: m for m in linked if m.type == "state" and m.entity_id and m.kind == "demonym"}
        not_orgs = {(m.start, m.end) for m in linked if m.type in ("state", "person")}
        bodies_at = {m.start: m for m in linked if m.type == "government_body" and m.entity_id}
        found: list[Mention] = []
        # only a token that may open a body, a court or a quoted name gives one (each finder returns
        # nothing at once for any other): the rest are passed over before any call
        firsts, courts, heads, legal = self._firsts, self.words.court_nouns, self.words.heads, self.words.legal_forms
        regional, units = self.words.regional_nouns, self.words.unit_nouns
        described = self.words.described_heads
        for i in [k for k, key in enumerate(keys) if key in firsts or key in courts or key in heads
                  or key in regional or key in units or key in described or tokens[k].text in legal
                  or tokens[k].text in self.words.regional_acronyms]:
            if keys[i] in regional or tokens[i].text in self.words.regional_acronyms:
                bodies = self._regional(text, tokens, keys, i)
                self.regional_spans.update((m.start, m.end) for m in bodies)
                found += bodies
            if keys[i] in units:
                found += self._unit(text, tokens, keys, i)
            # a listed body whose name runs on in listed words is the longer body («Министерство
            # торговли и интеграции» is no Trade Ministry)
            listed_body = self._body_at(keys, tokens, i) if keys[i] in described else None
            longer = self._described(text, tokens, keys, i, states_at, states_end,
                                     i + listed_body[1] - 1 if listed_body else -1) if keys[i] in described else []
            found += longer or self._body(text, tokens, keys, i, states_at, states_end)
            if keys[i] in described and text[tokens[i].end:tokens[i].end + 1] == " " \
                    and tokens[i].end + 1 in bodies_at:
                committees = self._committee(text, tokens, keys, i, bodies_at[tokens[i].end + 1])
                self.regional_spans.update((m.start, m.end) for m in committees)
                found += committees
            if keys[i] in self.words.court_nouns:
                found += self._court(text, tokens, keys, i, states_at)
            for m in self._quoted(text, tokens, keys, i):
                kept = self._state_named(m, tokens[i], text, linked) if (m.start, m.end) in not_orgs else m
                if kept is not None:
                    found.append(kept)
        # a body with no state is the one the text names with its state elsewhere, if it does
        # («МИД Казахстана ... в МИД заявили»): only a body of no state named so stays
        bare = [m for m in found if m.entity_id is None
                and (m.canonical in self.words.bare or m.canonical in self.words.bare_capitalised)]
        named = [m.canonical.casefold() for m in found + linked if m.type not in ("state", "person") and m not in bare]
        return [m for m in found if m not in bare or not any(m.canonical.casefold() in n for n in named)]

    def _state_named(self, m: Mention, head: Token, text: str, linked: list[Mention]) -> Mention | None:
        """A party or an organisation named by its state's name in quotes after its noun («блок
        «Армения»»): the noun and the name, under the state's English name; None for another name
        (a person's), or after another noun."""
        state = next((o for o in linked if (o.start, o.end) == (m.start, m.end) and o.type == "state"
                      and o.entity_id), None)
        if state is None or m.type not in ("party", "organization"):
            return None
        return Mention(head.start, m.end + 1, text[head.start:m.end + 1], None, m.type, "pattern", _ORG,
                       self.namer.state_name(state.entity_id or ""))

    def _body_at(self, keys: list[str], tokens: list[Token], i: int) -> tuple[str, int] | None:
        if keys[i] not in self._firsts:
            return None
        for n in range(min(self.words.longest, len(keys) - i), 0, -1):
            name = self.words.bodies.get(tuple(keys[i:i + n]))
            if name is not None:
                return name, n
        return None

    def _body(self, text: str, tokens: list[Token], keys: list[str], i: int, states_at: dict[int, Mention],
              states_end: dict[int, Mention]) -> list[Mention]:
        hit = self._body_at(keys, tokens, i)
        if hit is None:
            return []
        name, n = hit
        last = tokens[i + n - 1]
        after = states_at.get(last.end + 1) if text[last.end:last.end + 1] == " " else None
        before = states_end.get(tokens[i].start - 1) if text[tokens[i].start - 1:tokens[i].start] == " " else None
        owner = after or before
        if owner is None:
            capitalised = name in self.words.bare_capitalised and tokens[i].text[:1].isupper() \
                and not _SENTENCE_OPENS.search(text, max(0, tokens[i].start - 6), tokens[i].start)
            if name not in self.words.bare and not capitalised:
                return []
            start = tokens[i].start
            return [Mention(start, last.end, text[start:last.end], None, UNOWNED_BODY, "pattern", _ORG, name)]
        start, end = (before.start if before else tokens[i].start), (after.end if after else last.end)
        state = owner.entity_id or ""
        # «Национальный банк Казахстана» is the National Bank of Kazakhstan, and so is «казахстанский
        # Национальный банк»; «белорусский МИД» is the Belarusian Foreign Ministry either way
        canonical = self.namer.named_after(state, name) if after else self.namer.named_before(state, name)
        return [self.namer.body(text, start, end, canonical, state, name)]

    def _described_run(self, text: str, tokens: list[Token], keys: list[str], k: int,
                       stop: int) -> tuple[list[tuple[str, bool]], int]:
        """The describing words from token ``k`` on, each joined to the one before by a space or a
        hyphen: (English, is a noun) per word or phrase, "and" for a joiner, and the token after the
        last; it stops at a word not listed, a preposition or ``stop``."""
        w = self.words
        out: list[tuple[str, bool]] = []
        opening = k
        while k < stop and (k == opening or text[tokens[k - 1].end:tokens[k].start] in (" ", "-", ", ")):
            hyphen = k > opening and text[tokens[k - 1].end:tokens[k].start] == "-"
            if k > opening and text[tokens[k - 1].end:tokens[k].start] == ", ":
                if not out or out[-1][0] in ("and", ","):
                    break
                out.append((",", False))  # a list of fields («цифрового развития, связи и ...»)
            if keys[k] in w.described_joiners and out and not hyphen:
                out.append(("and", False))
                k += 1
                continue
            for n in (3, 2, 1):
                phrase = tuple(keys[k:k + n])
                if len(phrase) == n and phrase in w.described_words and (n == 1 or all(
                        text[tokens[j - 1].end:tokens[j].start] == " " for j in range(k + 1, k + n))):
                    english = w.described_words[phrase]
                    noun = n > 1 or not keys[k].endswith(w.adjective_endings)
                    if hyphen and out and out[-1][0] != "and":  # «военно-промышленный» = Military-Industrial
                        out[-1] = (f"{out[-1][0]}-{english}", noun)
                    elif english:
                        out.append((english, noun))
                    k += n
                    break
            else:
                # a place's adjective (``[courts.names]``: «Минский механический завод» = Minsk
                # Mechanical Plant)
                place = w.court_names.get(keys[k]) if keys[k].endswith(w.adjective_endings) else None
                if place is None or hyphen:
                    break
                out.append((place, False))
                k += 1
        while out and out[-1][0] in ("and", ","):
            if out.pop()[0] == "and":
                k -= 1
        # a list needs its "and" («развития, связи и коммуникаций»): one without it is two names
        if any(word == "," for word, _ in out) and not any(word == "and" for word, _ in out):
            k = next(j for j in range(opening, k) if text[tokens[j].end:tokens[j].end + 2] == ", ") + 1
            out = out[:[word for word, _ in out].index(",")]
        return out, k

    def _described_name(self, text: str, tokens: list[Token], keys: list[str], start: int, end: int) -> str | None:
        """The English name of the words from ``start`` to ``end`` where they are listed adjectives, one
        of them more than a place's, and a head of ``[described.heads]`` («Минский механический завод»
        = Minsk Mechanical Plant), else None."""
        inside = [k for k, t in enumerate(tokens) if start <= t.start and t.end <= end]
        # (a place's adjective alone is the name as written: «Уральский завод» = Uralsky Zavod)
        if len(inside) < 2 or keys[inside[-1]] not in self.words.described_heads \
                or all((keys[k],) not in self.words.described_words for k in inside[:-1]):
            return None
        words, stop = self._described_run(text, tokens, keys, inside[0], inside[-1])
        front = self._english(words, of=False) if stop == inside[-1] else None
        return f"{front} {self.words.described_heads[keys[inside[-1]]][0]}" if front else None

    def _nominative(self, word: str) -> bool:
        """Whether ``word`` may be a name in apposition after its noun («компанией Кронштадт»): a word
        the dictionary does not know, or one with a reading in the nominative («банк Москвы» is none)."""
        parses = morph_parse(word.casefold(), analyzer_for(self.words.language))
        if any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses):
            return False  # a person («директор фонда Бернд Шмидт»)
        return not parses or not any(p.is_known for p in parses) or any(p.tag.case == "nomn" for p in parses)

    def _runs_on(self, text: str, tokens: list[Token], end: int) -> bool:
        """Whether a lower-case noun or adjective in the genitive follows ``end``: the name runs on in
        words not listed («Национальное агентство по предупреждению коррупции»), and is not taken."""
        after = [t for t in tokens if t.start == end + 1]
        if text[end:end + 1] != " " or not after or not after[0].text[:1].islower():
            return False
        parses = morph_parse(after[0].text, analyzer_for(self.words.language))
        return any(p.tag.POS in ("NOUN", "ADJF") and p.tag.case == "gent" for p in parses)

    @staticmethod
    def _english(words: list[tuple[str, bool]], of: bool) -> str | None:
        """The words in English order: with ``of``, a noun before a word not joined to it takes "of"
        («защите и развитию конкуренции» = Protection and Development of Competition); without it,
        there is none (two nouns in a row before a head give no name)."""
        out: list[str] = []
        for (word, noun), (after, _) in zip(words, [*words[1:], ("", False)], strict=False):
            out.append(word)
            if noun and after and after not in ("and", ",") and word != "and":
                if not of:
                    return None
                out.append("of")
        return " ".join(out).replace(" ,", ",")

    def _described(self, text: str, tokens: list[Token], keys: list[str], i: int, states_at: dict[int, Mention],
                   states_end: dict[int, Mention], past: int = -1) -> list[Mention]:
        """A body or an organisation named by its head noun and listed words that describe it: the
        adjectives before the head and the words in the genitive after it name it in English before the
        head, a preposition's words after it («Агентство по защите конкуренции»); a state after it or
        its adjective before it is its owner («Антимонопольный комитет Украины» = Antimonopoly
        Committee of Ukraine). Only a name opening with a capital, every word of it listed, and whose
        words run on past token ``past`` (the end of a listed body at the head)."""
        w = self.words
        head, kind = w.described_heads[keys[i]]
        first = i
        while first > 0 and text[tokens[first - 1].end:tokens[first].start] in (" ", "-") \
                and ((keys[first - 1],) in w.described_words or keys[first - 1] in w.court_names) \
                and keys[first - 1].endswith(w.adjective_endings):
            first -= 1
        before, _ = self._described_run(text, tokens, keys, first, i)
        after, k = self._described_run(text, tokens, keys, i + 1, len(tokens))
        preposition = keys[k] if k < len(tokens) and text[tokens[k - 1].end:tokens[k].start] == " " else ""
        purpose: list[tuple[str, bool]] = []
        if preposition in w.described_prepositions:
            purpose, end = self._described_run(text, tokens, keys, k + 1, len(tokens))
            if not purpose:  # «агентство з питань запобігання ...»: words not listed after it
                return []
            k = end
        # no describing word, or a place's adjective alone, names no body («Московский завод закрылся»:
        # a plant in Moscow)
        bare = all((keys[j],) not in w.described_words for j in range(first, i)) and not after and not purpose
        # (a state's body after its adjective may be written in lower case: «белорусское министерство
        # промышленности»)
        adjective = text[tokens[first].start - 1:tokens[first].start] == " " and tokens[first].start - 1 in states_end
        if not (tokens[first].text[:1].isupper() or adjective and kind == "government_body") or bare or k - 1 <= past:
            return []
        front = self._english(before + after, of=False)
        rest = self._english(purpose, of=True)
        if front is None or rest is None:
            return []
        name = " ".join(p for p in (front, head) if p)
        if purpose:
            name += f" {w.described_prepositions[preposition]} {rest}"
        start, end = tokens[first].start, tokens[k - 1].end
        owner_after = states_at.get(end + 1) if text[end:end + 1] == " " else None
        owner_before = states_end.get(start - 1) if text[start - 1:start] == " " else None
        # a quoted name after it is the name, the head and its words its kind («Правозащитный центр
        # «Мемориал»»: the quoted names are found apart)
        tail = owner_after.end if owner_after else end
        if self._runs_on(text, tokens, tail) or text[tail:tail + 2].lstrip(" ")[:1] in _OPENING:
            return []
        if owner_after is None and owner_before is None:
            return [Mention(start, end, text[start:end], None, kind, "pattern", _ORG, name)]
        owner = owner_after or owner_before
        assert owner is not None
        start, end = min(start, owner.start), max(end, owner.end)
        state = owner.entity_id or ""
        canonical = self.namer.named_after(state, name) if owner_after else self.namer.named_before(state, name)
        return [self.namer.body(text, start, end, canonical, state, name)]

    def _committee(self, text: str, tokens: list[Token], keys: list[str], i: int, body: Mention) -> list[Mention]:
        """A listed body's committee by its field («комитет Госдумы по обороне» = State Duma Defense
        Committee, «комітет Верховної Ради з питань національної безпеки, оборони та розвідки»): the
        head, the body, a preposition and listed words; the listed body inside is part of its name."""
        w = self.words
        head, kind = w.described_heads[keys[i]]
        k = next((j for j in range(i + 1, len(tokens)) if tokens[j].start >= body.end), len(tokens))
        if kind != "government_body" or k >= len(tokens) or keys[k] not in w.described_prepositions \
                or text[body.end:tokens[k].start] != " ":
            return []
        purpose, end = self._described_run(text, tokens, keys, k + 1, len(tokens))
        field = self._english(purpose, of=True) if purpose else None
        if not field or self._runs_on(text, tokens, tokens[end - 1].end):
            return []
        start, stop = tokens[i].start, tokens[end - 1].end
        return [Mention(start, stop, text[start:stop], None, kind, "pattern", _ORG, f"{body.canonical} {field} {head}")]

    def _court(self, text: str, tokens: list[Token], keys: list[str], i: int,
               states_at: dict[int, Mention]) -> list[Mention]:
        """A court named by its kind words and its own name or seat before the noun, and its seat
        after it («Басманный районный суд Москвы» = Basmanny District Court of Moscow, «Южный
        окружной военный суд» = Southern District Military Court); not a court of a state (a
        state's body), nor one with no kind word or no name or seat («суд Москвы», «районный суд»)."""
        w = self.words
        first = i
        while first > 0 and keys[first - 1] in w.court_kinds and text[tokens[first - 1].end:tokens[first].start] == " ":
            first -= 1
        kinds = [w.court_kinds[keys[k]] for k in range(first, i)]
        name = ""
        end = tokens[i].end
        seat = ""
        k = i + 1
        if k < len(tokens) and keys[k] in w.court_seat_words:
            k += 1
        # a seat of power after the court is its city here («суд Москвы»), not the state
        if k < len(tokens) and tokens[k].text[:1].isupper() and keys[k] in w.court_names \
                and not keys[k].endswith(w.adjective_endings) \
                and (tokens[k].start not in states_at or states_at[tokens[k].start].kind in ("seat", "city")):
            seat, end = f" of {w.court_names[keys[k]]}", tokens[k].end
        before = first - 1  # an adjective with an apostrophe inside («Солом'янський») is one token
        # a capitalised adjective opening the sentence is the court's name only with a kind word or
        # a seat by it («Басманный суд Москвы арестовал»)
        if before >= 0 and tokens[before].text[:1].isupper() and text[tokens[before].end:tokens[first].start] == " " \
                and keys[before] not in w.court_kinds and tokens[before].start not in states_at \
                and keys[before].endswith(w.adjective_endings) \
                and (kinds or seat
                     or not (before == 0 or text[:tokens[before].start].rstrip().endswith((".", "!", "?")))):
            name = w.court_names.get(keys[before]) or self.namer.latin(keys[before].capitalize(), w.language)
            first = before
            if not kinds:  # «Басманный суд Москвы»: the court's own name, whatever its kind
                seat = ""
        if not kinds and not name or not name and not seat:  # «суд», «районный суд в Курске»: no name
            return []
        canonical = " ".join([*([name] if name else []), *kinds, "Court"]) + seat
        start = tokens[first].start
        return [Mention(start, end, text[start:end], None, "government_body", "pattern", _ORG, canonical)]

    def _regional(self, text: str, tokens: list[Token], keys: list[str], i: int) -> list[Mention]:
        """A region's body: its region's adjective and kind words before the noun («Харківська обласна
        військова адміністрація» = Kharkiv Regional Military Administration, «Одеська обласна
        прокуратура»), or the region after it («Правительство Белгородской области» = Belgorod
        Regional Government). Only a listed region's adjective names one."""
        w = self.words
        if tokens[i].text in w.regional_acronyms:  # «Харківська ОВА»: the kind is in the initials
            before = i - 1
            if before >= 0 and tokens[before].text[:1].isupper() and keys[before] in w.court_names \
                    and text[tokens[before].end:tokens[i].start] == " ":
                start, end = tokens[before].start, tokens[i].end
                canonical = f"{w.court_names[keys[before]]} {w.regional_acronyms[tokens[i].text]}"
                return [Mention(start, end, text[start:end], None, "government_body", "pattern", _ORG, canonical)]
            return []
        noun = w.regional_nouns[keys[i]]
        first = i
        while first > 0 and keys[first - 1] in w.court_kinds and text[tokens[first - 1].end:tokens[first].start] == " ":
            first -= 1
        before = first - 1
        if first < i and before >= 0 and tokens[before].text[:1].isupper() and keys[before] in w.court_names \
                and text[tokens[before].end:tokens[first].start] == " ":
            kinds = [w.court_kinds[keys[k]] for k in range(first, i)]
            canonical = " ".join([w.court_names[keys[before]], *kinds, noun])
            start, end = tokens[before].start, tokens[i].end
            return [Mention(start, end, text[start:end], None, "government_body", "pattern", _ORG, canonical)]
        k = i + 1
        if k + 1 < len(tokens) and keys[k] in w.court_names and tokens[k].text[:1].isupper() \
                and keys[k + 1] in w.region_nouns \
                and text[tokens[i].end:tokens[k].start] == " " == text[tokens[k].end:tokens[k + 1].start]:
            canonical = f"{w.court_names[keys[k]]} {w.region_nouns[keys[k + 1]]} {noun}"
            start, end = tokens[i].start, tokens[k + 1].end
            return [Mention(start, end, text[start:end], None, "government_body", "pattern", _ORG, canonical)]
        return []

    def _unit(self, text: str, tokens: list[Token], keys: list[str], i: int) -> list[Mention]:
        """A military unit by its number: «155-й бригады морской пехоты» = 155th Marine Brigade,
        «3-ї окремої штурмової бригади» = 3rd Separate Assault Brigade; the listed words before the
        noun and the phrase after it in English (a word not listed is left out of the name)."""
        w = self.words
        first = i
        while first > 0 and keys[first - 1] in w.unit_words and text[tokens[first - 1].end:tokens[first].start] == " ":
            first -= 1
        # the number and its ending: «155-й», «3-ї»
        if first < 2 or not tokens[first - 2].text.isdigit() \
                or text[tokens[first - 2].end:tokens[first - 1].start] != "-" or not tokens[first - 1].text.isalpha() \
                or len(tokens[first - 1].text) > 3 \
                or text[tokens[first - 1].end:tokens[first].start] != " ":
            return []
        number = tokens[first - 2]
        words = [w.unit_words[keys[k]] for k in range(first, i)]
        end = tokens[i].end
        for n in (3, 2, 1):
            phrase = tuple(keys[i + 1:i + 1 + n])
            if len(phrase) == n and phrase in w.unit_after:
                words.append(w.unit_after[phrase])
                end = tokens[i + n].end
                break
        canonical = " ".join([_ordinal(int(number.text)), *words, w.unit_nouns[keys[i]]])
        return [Mention(number.start, end, text[number.start:end], None, "armed_force", "pattern", _ORG, canonical)]

    def _quoted(self, text: str, tokens: list[Token], keys: list[str], i: int) -> list[Mention]:
        token = tokens[i]
        kind = self.words.heads.get(keys[i])
        legal = token.text in self.words.legal_forms
        if kind is None and not legal:
            return []
        quoted = _QUOTED.match(text, token.end)
        if quoted:
            start, end = quoted.start(1), quoted.end(1)
        elif legal and (bare := _NAME_AFTER_FORM.match(text, token.end)):
            start, end = bare.start(1), bare.end(1)
        elif kind and (acronym := _LATIN_ACRONYM_AFTER.match(text, token.end)) and token.text[:1].isupper():
            start, end = acronym.start(1), acronym.end(1)
            return [Mention(token.start, acronym.end(), text[token.start:acronym.end()], None, kind, "pattern",
                            _ORG, self.namer.latin(text[start:end], self.words.language))]
        elif latin := _LATIN_AFTER_HEAD.match(text, token.end):
            start, end = latin.start(1), latin.end(1)
            while text[start:end].endswith((" of", " for", " and", " the", ".")):  # no connector at its end
                end = text.rindex(" ", start, end) if not text[start:end].endswith(".") else end - 1
        elif kind in _BRANDED and (cyrillic := _CYRILLIC_AFTER_HEAD.match(text, token.end)) \
                and self._nominative(cyrillic.group(1)) and not self._runs_on(text, tokens, cyrillic.end(1)):
            start, end = cyrillic.start(1), cyrillic.end(1)  # (not «Дзеркало тижня»: the name runs on)
        else:
            return []
        name = text[start:end].strip()
        if not name or not (name[:1].isupper() or name[:1].isdigit()):
            return []
        english = self._described_name(text, tokens, keys, start, start + len(name))
        if english is not None:  # «Минский механический завод»: a name of listed words is said in English
            return [Mention(start, start + len(name), name, None, "company" if legal else kind or "organization",
                            "pattern", _ORG, english)]
        # a name in Cyrillic letters is exported in Latin ones («Северсталь» = Severstal, «Хабар 24» =
        # Khabar 24), as English-language news writes it
        return [Mention(start, start + len(name), name, None, "company" if legal else kind or "organization",
                        "pattern", _ORG, self.namer.latin(name, self.words.language))]
