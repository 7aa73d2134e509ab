"""Names outside the knowledge base: people (after a title, before a speech verb, or starting with
a common given name) and organisations (a state's body, a run of capitalised words ending in an
organisation noun, a cited source, a web address), from each language's words in
``lang/<code>/persons.toml`` and ``organizations.toml``; they are kept as unlinked mentions
(``entity_id`` None)."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..kb.knowledge import KnowledgeBase
from ..kb.langdata import every_language_data, language_data, pack_data, pack_folders
from .doc import Mention
from .lemma_names import UNOWNED_BODY, LemmaOrganizations, lemma_words
from .slavic_persons import SlavicPersons, _case_readings, romanise
from .tokens import Token, analyzer_for, has_morphology, morph_parse

__all__ = ["REFERRED", "UnlistedNames"]

#: the kind of a body in lower case after a word referring to its state ("its foreign ministry"): kept
#: only as the body of that name the text named with its state before it (``EntityLinker``)
REFERRED = "referred"

_OPENS = re.compile(r"(?:\A|[.!?\n:;])[\s\"«„“'(—–-]*\Z")
# (Latin Extended-A too, its capitals and small letters alternating: "Dunărea", "Łódź"; a token's
# first letter is also tested with str.isupper)
# (a brand's inner capitals too: "UzAuto", "KazMunayGas")
_CAPITALISED = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ\u0100-\u017fȘșȚț][a-zß-öø-ÿ\u0100-\u017fȘșȚț]+(?:[A-Z][a-z]+){0,2}"
                          r"(?:[-'’][A-ZÀ-ÖØ-Þ\u0100-\u017fȘșȚț]?[a-zß-öø-ÿ\u0100-\u017fȘșȚț]+)?|[A-Z]{2,5})$")
#: a word of a person's name, in the Latin letters of the languages read without morphology (Polish
#: "Łukasz Zieliński", Romanian "Ionuț Moșteanu"; Latin Extended-A mixes capitals and small letters)
#: ("O'Sullivan", "D’Alema": one capital and an apostrophe before the name, see :func:`_apostrophe_names`)
_NAME_WORD = re.compile(r"^(?:[A-Z]['’])?[A-ZÀ-ÖØ-ÞĀ-ŽȘȚ][a-zà-ÿā-žșț]+(?:[-'’][A-ZÀ-ÖØ-ÞĀ-ŽȘȚ]?[a-zà-ÿā-žșț]+)?$")
_PERSON, _ORG = 0.6, 0.55
_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z]?[A-Z]{1,6})\)")
_CITED_NAME = r"[A-ZА-ЯЁІЇЄҐ][\w.&-]*(?: (?:[A-ZА-ЯЁІЇЄҐ][\w.&-]*|\d+))*)"
#: a quoted name after a cue («пишет «Новая газета»»), the quotes left out
_CITED_QUOTED = r"[«\"„“]([A-ZА-ЯЁІЇЄҐ0-9][^«»\"„“”\n]{1,40})[»\"“”]"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_QUOTES = "«\"„“"
_WORD_STOP = re.compile(r"(?<=[^\W\d_A-ZА-ЯЁІЇЄҐ]{2})\. ")
#: a name that runs on past the capitalised words a cue takes, to its acronym in brackets ("według
#: Instytutu Studiów nad Wojną (ISW)"): the cue took only part of it
_NAME_RUNS_ON = re.compile(r"(?: [^\s,.;:!?()]+){1,4} \([A-ZА-ЯЁІЇЄҐ]{2,6}\)")


def _apposition_pattern(nouns: tuple[str, ...], articles: tuple[str, ...], not_between: tuple[str, ...],
                        enders: tuple[str, ...]) -> re.Pattern[str] | None:
    """A name of one to three capitalised words, a comma, an article and up to three lower-case words,
    none of ``not_between``, before one of ``nouns``, which a comma, a full stop or one of ``enders``
    after it ends (the words between are its kind's: "a veteran of the company" is a person)."""
    if not nouns or not articles:
        return None
    between = rf"(?:(?!(?:{_alt(not_between)})\b)[a-z][\w-]* ){{0,3}}" if not_between else r"(?:[a-z][\w-]* ){0,3}"
    ends = rf"|(?: (?:{_alt(enders)})\b)" if enders else ""
    return re.compile(r"(?<![\w'’.-])([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,2}), "
                      rf"(?:{_alt(articles)}) {between}({_alt(nouns)})(?=[,.;]{ends})")


@dataclasses.dataclass(frozen=True)
class _NameWords:
    """One language's words for names outside the knowledge base (``lang/<code>/persons.toml`` and
    ``organizations.toml``), compiled."""

    titles: tuple[str, ...]
    speech: frozenset[str]
    heads: frozenset[str]
    not_names: frozenset[str]
    bodies: tuple[str, ...]
    title_end: re.Pattern[str]
    #: a title in apposition: after the name ("Jane Doe, a senior analyst at ..."), or a title with
    #: its "of" phrase before it ("the speaker of the Georgian parliament, Jane Doe")
    title_after: re.Pattern[str]
    title_of_before: re.Pattern[str]
    body_start: re.Pattern[str]
    body_of_end: re.Pattern[str]
    #: how the text before a state ends when a body is named before it ("... of the "): a quick test
    joiner_ends: tuple[str, ...]
    #: (pattern, replacement) giving a body found by its shape its neutral name ("Ministry of Commerce"
    #: = "Commerce Ministry")
    body_rewrites: tuple[tuple[re.Pattern[str], str], ...]
    connectors: frozenset[str]
    body_canonical: dict[str, str]
    cues: tuple[str, ...]
    articles: frozenset[str]
    compound_heads: tuple[str, ...]
    possessive: re.Pattern[str]
    #: legal forms written before or after a company's name ("PJSC Gazprom", "Acme Ltd")
    legal: frozenset[str]
    #: those of them written with a mark the tokenizer splits at ("A/S")
    legal_slashed: tuple[str, ...]
    #: per cue as written and capitalised ("According to Kloop"): the cue, and the cue then a name
    cited: tuple[tuple[str, re.Pattern[str]], ...]
    language: str
    #: connectors that may stand before a place inside a name ("Bank of Finland")
    place_connectors: frozenset[str] = frozenset()
    #: capitalised words of time that a connector before them leaves outside a name ("Agency for
    #: Migration on Tuesday")
    #: a state's body written around its state ("ministère russe de la Défense"): (neutral name,
    #: pattern with ``{state}`` slots, case-insensitive)
    body_frames: tuple[tuple[str, str], ...] = ()
    #: a name after a lower-case noun that says what it is ("le groupe X", "spółka X"): the nouns, and
    #: the type each gives
    name_after: re.Pattern[str] | None = None
    name_after_types: dict[str, str] = dataclasses.field(default_factory=dict)
    #: a capitalised name before a lower-case noun of its kind ("the ruling Fidesz party"), and the
    #: type each noun gives (``[name_before]``)
    name_before: re.Pattern[str] | None = None
    name_before_types: dict[str, str] = dataclasses.field(default_factory=dict)
    #: those nouns as written (German ones with their capital)
    name_after_nouns: frozenset[str] = frozenset()
    #: lower-case words that may stand between such a noun and its name ("l'agenzia di stampa
    #: Interfax", "koncern zbrojeniowy Rheinmetall"), besides a state's adjective ("il quotidiano russo")
    name_after_qualifiers: frozenset[str] = frozenset()
    #: the rest of a cited name past lower-case words that join a name's words ("according to the
    #: Center for Eastern Studies", "laut dem Institut für Kriegsstudien"; ``cited_joiners``)
    cited_rest: re.Pattern[str] | None = None
    #: how a noun's plural ends in a language that writes every noun with a capital: a one-word
    #: "name" so ending after a type noun is its verb's object ("meldete der Konzern Verluste")
    plural_endings: tuple[str, ...] = ()
    #: a bare head noun opens a name only with a connector after it ("Rat der Europäischen Union";
    #: "Zentrum Kiews" is no name)
    head_first_needs_connector: bool = False
    #: a name in apposition to a noun of ``[name_after]`` ("Belaruskali, the state potash producer"):
    #: the pattern from ``apposition_articles``, ``apposition_not_between`` and ``apposition_enders``
    #: (None where the language lists no articles for it)
    apposition: re.Pattern[str] | None = None
    #: letters of the language that English writes otherwise in a name ("Biełsat" = Bielsat): a
    #: translation table for the canonical names of unlisted names
    canonical_letters: dict[int, str] = dataclasses.field(default_factory=dict)
    #: the language's weekday and month names (``dates.toml``), case-folded: a name stops before a
    #: weekday, and before a month after a connector ("the Agency for Migration on Tuesday said")
    weekdays: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    #: a body in lower case after a word that refers to a state named elsewhere ("its foreign
    #: ministry", "the country's central bank"; ``referring_determiners``, ``referred_bodies``)
    referred: re.Pattern[str] | None = None
    #: those referring words that stand for a state named before in the sentence, case-folded
    #: ("its", "the country's"; ``possessive_referrers``): such a body with none named before it is
    #: the sentence's one state's
    possessive_referrers: tuple[str, ...] = ()
    #: bodies named in the plural for two or more states, lower case, and their neutral names
    #: ("defence ministries" = Defense Ministry; ``plural_bodies``), the words between such a body
    #: and the states after it ("of", "of the"; ``owner_joiners``), and between two states
    #: an ordinal before a unit's name, and the nouns of units ("the 155th Mechanized Brigade")
    unit_ordinal: re.Pattern[str] | None = None
    unit_heads: frozenset[str] = frozenset()
    plural: re.Pattern[str] | None = None
    plural_neutral: dict[str, str] = dataclasses.field(default_factory=dict)
    plural_joiners: frozenset[str] = frozenset()
    plural_separators: frozenset[str] = frozenset()
    #: the articles, case-folded ("the")
    folded_articles: frozenset[str] = frozenset()


def _apostrophe_names(text: str, tokens: list[Token]) -> list[Token]:
    """The tokens with a surname of one capital, an apostrophe and a capitalised word joined into one
    ("O'Sullivan", "D’Alema", which the tokenizer keeps whole already; and "L'..." , which it
    splits as the elided article of "L'Ukraine"): Irish, French and Italian surnames. The tokens
    themselves where the text has none."""
    if "'" not in text and "’" not in text:
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if (len(t.text) == 1 and "A" <= t.text <= "Z" and i + 1 < len(tokens)
                and tokens[i + 1].start == t.end + 1 and text[t.end] in "'’" and tokens[i + 1].text[:1].isupper()):
            nxt = tokens[i + 1]
            out.append(Token(t.start, nxt.end, text[t.start:nxt.end]))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in words) or r"(?!)"


@functools.lru_cache(maxsize=32)
def _name_words(language: str, folders: tuple[Path, ...]) -> _NameWords:
    persons, orgs = language_data("persons", language, folders), language_data("organizations", language, folders)
    dates = language_data("dates", language, folders)
    # a title as listed and with a capital, as it stands at the start of a sentence ("Generał Jan Nowak")
    titles = tuple(sorted({t for title in persons.get("titles", []) for t in (title, title[:1].upper() + title[1:])},
                          key=len, reverse=True))
    heads = frozenset(orgs.get("heads", []))
    bodies = tuple(sorted(orgs.get("state_bodies", []), key=len, reverse=True))
    joiners = sorted(orgs.get("owner_joiners", []), key=len, reverse=True)
    cues = tuple(sorted(orgs.get("citation_cues", []), key=len, reverse=True))
    quoted_cues = tuple(sorted(orgs.get("quoted_citation_cues", []), key=len, reverse=True))
    articles = _alt(a.casefold() for a in orgs.get("articles", []))
    # an elided article joins its name with no space ("selon l'Institut ..."), and is no part of it
    elided = [a.casefold() for a in orgs.get("articles", []) if a.endswith(("'", "’"))]
    elided += [a[:-1] + "’" for a in elided if a.endswith("'")]
    article_before = f"(?:(?i:{_alt(elided)}))?((?:(?i:{articles}) )?" if elided else f"((?:(?i:{articles}) )?"
    indefinite = _alt(orgs.get("indefinite_articles", []))
    title_prepositions = [str(p) for p in orgs.get("title_prepositions", [])]
    # the listed bodies, then the shapes of any body ("Ministry of Commerce", "Agriculture Ministry")
    # (a ministry of two or more fields first: "Ministry of Economy and Commerce" is no Ministry of Economy)
    body_alt = "|".join([str(p) for p in orgs.get("compound_body_patterns", [])] + [_alt(bodies)]
                        + [str(p) for p in orgs.get("body_patterns", [])])
    return _NameWords(
        titles=titles, speech=frozenset(persons.get("speech_verbs", [])), heads=heads,
        not_names=frozenset(persons.get("not_names", [])) | {w for t in titles for w in t.split()} | heads,
        bodies=bodies, title_end=re.compile(f"(?:{_alt(titles)})\\Z"),
        title_after=re.compile(f",\\s+(?:(?i:{articles}|{indefinite}) )?(?:[\\w'’&.-]+ ){{0,4}}(?i:{_alt(titles)})\\b"),
        title_of_before=re.compile(f"\\b(?i:{_alt(titles)}) (?:{_alt(joiners + title_prepositions)}) "
                                   f"[^,.;:!?\n]{{1,50}},\\Z"),
        body_start=re.compile(f"(?:{body_alt})(?!\\w)"),
        body_of_end=re.compile(f"({body_alt}) (?:{_alt(joiners)}) \\Z"),
        joiner_ends=tuple(f" {j} " for j in joiners),
        body_rewrites=tuple((re.compile(str(a)), str(b)) for a, b in orgs.get("body_rewrites", [])),
        connectors=frozenset(orgs.get("connectors", [])), body_canonical=dict(orgs.get("state_body_canonical", {})),
        cues=cues,
        articles=frozenset(orgs.get("articles", [])),
        legal=frozenset(orgs.get("legal_forms", [])),
        legal_slashed=tuple(str(f) for f in orgs.get("legal_forms", []) if not str(f).isalnum()),
        possessive=re.compile(f"(?:{_alt(orgs.get('possessive', []))})\\s+"),
        cited=tuple((form, re.compile(re.escape(form) + f" +(?:{_CITED_QUOTED}|{article_before}"
                                      + _CITED_NAME + ")"))
                    for cue in cues for form in dict.fromkeys((cue, cue[:1].upper() + cue[1:])))
        + tuple((form, re.compile(re.escape(form) + f" +{_CITED_QUOTED}"))
                for cue in quoted_cues for form in dict.fromkeys((cue, cue[:1].upper() + cue[1:]))),
        language=language,
        compound_heads=tuple(h.casefold() for h in heads) if orgs.get("compound_heads") else (),
        place_connectors=frozenset(str(c) for c in orgs.get("place_connectors", [])),
        body_frames=tuple((str(neutral), str(p)) for neutral, patterns in orgs.get("body_frames", {}).items()
                          for p in patterns),
        name_after=_name_after(orgs.get("name_after", {})),
        name_after_types={str(k).casefold(): str(v) for k, v in orgs.get("name_after", {}).items()},
        name_after_nouns=frozenset(str(k) for k in orgs.get("name_after", {})),
        name_before=_name_before(orgs.get("name_before", {})),
        name_before_types={str(k): str(v) for k, v in orgs.get("name_before", {}).items()},
        name_after_qualifiers=frozenset(str(q) for q in orgs.get("name_after_qualifiers", [])),
        cited_rest=_cited_rest(orgs.get("cited_joiners", [])),
        plural_endings=tuple(str(e) for e in orgs.get("capitalised_plural_endings", [])),
        head_first_needs_connector=bool(orgs.get("head_first_needs_connector")),
        apposition=_apposition_pattern(tuple(sorted((str(k) for k in orgs.get("name_after", {})), key=len,
                                                    reverse=True)),
                                       tuple(str(a) for a in orgs.get("apposition_articles", [])),
                                       tuple(str(b) for b in orgs.get("apposition_not_between", [])),
                                       tuple(str(e) for e in orgs.get("apposition_enders", []))),
        canonical_letters=str.maketrans({str(k): str(v) for k, v in orgs.get("canonical_letters", {}).items()}),
        weekdays=frozenset(str(d).casefold() for d in dates.get("weekdays", {})),
        months=frozenset(str(m).casefold() for m in dates.get("months", {})),
        folded_articles=frozenset(str(a).casefold() for a in orgs.get("articles", [])),
        referred=_referred(orgs.get("referring_determiners", []), orgs.get("referred_bodies", [])),
        possessive_referrers=tuple(str(d).casefold() for d in orgs.get("possessive_referrers", [])),
        unit_ordinal=re.compile(f"(?<![\\w.,]){orgs['unit_ordinal']} \\Z") if orgs.get("unit_ordinal") else None,
        unit_heads=frozenset(str(h) for h in orgs.get("unit_heads", [])),
        plural=_plural(orgs.get("plural_bodies", {})),
        plural_neutral={str(k).casefold(): str(v) for k, v in orgs.get("plural_bodies", {}).items()},
        plural_joiners=frozenset(f" {j} " for j in orgs.get("owner_joiners", [])),
        plural_separators=frozenset(str(x) for x in orgs.get("plural_separators", [])))


def _plural(bodies: dict[str, str]) -> re.Pattern[str] | None:
    if not bodies:
        return None
    return re.compile(rf"(?<!\w)({_alt(sorted(map(str, bodies), key=len, reverse=True))})(?!\w)", re.IGNORECASE)


def _referred(determiners: list[str], bodies: list[str]) -> re.Pattern[str] | None:
    """The pattern of a lower-case body after a referring word, the word also with a capital as it
    opens a sentence ("Its foreign ministry"); the body is group 1."""
    if not determiners or not bodies:
        return None
    forms = {str(d) for d in determiners} | {str(d)[:1].upper() + str(d)[1:] for d in determiners}
    words = _alt(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{words}) ({_alt(sorted(map(str, bodies), key=len, reverse=True))})(?![\w'’-])")


def _cited_rest(joiners: list[str]) -> re.Pattern[str] | None:
    if not joiners:
        return None
    alt = _alt(sorted(joiners, key=len, reverse=True))
    word = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][\w.&-]*"
    return re.compile(rf"(?: (?:{alt})(?: (?:{alt}))? {word}(?: {word})*)+")


#: a name as a run of capitalised words, which may join by an elided "d'" ("Fratelli d'Italia"), and
#: may end in a number ("Rossiya 1", "Rustavi 2")
_AFTER_NAME = (r"[«\"„“]?((?:[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻȘȚ][\w&-]*)(?:(?: | d[’']|-)(?:[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻȘȚ][\w&-]*))*"
               r"(?: \d{1,3}(?![\w.,]))?)")


#: a lower-case word between a type noun and its name (checked against the qualifiers and states)
_QUALIFIER = r"(?![A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻȘȚА-ЯЁІЇЄҐ])[^\W\d_][\w'’-]*"


def _name_after(nouns: dict[str, Any]) -> re.Pattern[str] | None:
    """The nouns in lower case anywhere; capitalised only where a sentence or line begins, so that a
    noun inside a name ("Polska Agencja Prasowa") does not begin another."""
    if not nouns:
        return None
    words = sorted(nouns, key=len, reverse=True)
    capitalised = _alt(w[:1].upper() + w[1:] for w in words)
    qualifiers = rf"((?: +{_QUALIFIER}){{0,3}})"
    return re.compile(rf"(?<!\w)({_alt(words)}|(?:^|(?<=[.!?] ))(?:{capitalised})){qualifiers} +{_AFTER_NAME}", re.M)


def _name_before(nouns: dict[str, Any]) -> re.Pattern[str] | None:
    """One to three capitalised words right before a lower-case noun of their kind."""
    if not nouns:
        return None
    words = sorted(nouns, key=len, reverse=True)
    name = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*[^\W_]"
    return re.compile(rf"(?<![\w'’-])({name}(?: {name}){{0,2}}) ({_alt(words)})(?![\w-])")


_TLD_TAIL = re.compile(r"\\\.\(\?:([a-z|]+)\)\(\?!\[\\w\.\]\)$")


def _domain_gate(pattern: str) -> re.Pattern[str] | None:
    r"""For a web-address pattern that ends in a list of top-level domains (``\.(?:com|net|...)``
    and no word or dot after it), that ending alone: every address contains it, and it is found in
    one quick pass, where the whole pattern is tried at every letter of the text. ``None`` for a
    pattern of another shape (it is then run on every text)."""
    tail = _TLD_TAIL.search(pattern)
    return re.compile(rf"\.(?:{tail.group(1)})(?![\w.])") if tail else None


def _required_literal(compiled: re.Pattern[str], shortest: int = 3) -> str | None:
    """The longest run of plain characters that every match of ``compiled`` contains (read from
    the top level of its parsed form: literal characters one after another, outside any group,
    alternation or repeat), or ``None`` when no run is ``shortest`` characters long."""
    parser: Any = getattr(re, "_parser", None)
    if parser is None:  # pragma: no cover - Python before 3.11
        return None
    try:
        items = parser.parse(compiled.pattern, compiled.flags & ~re.UNICODE)
    except Exception:  # pragma: no cover - the pattern compiled, so it parses
        return None
    literal = parser.LITERAL
    best, run = "", []
    for op, value in items:
        if op is literal:
            run.append(chr(value))
            continue
        if len(run) > len(best):
            best = "".join(run)
        run = []
    if len(run) > len(best):
        best = "".join(run)
    return best if len(best) >= shortest else None


@functools.lru_cache(maxsize=256)
def _frame_gate(pattern: str) -> re.Pattern[str] | None:
    """A quick test that a text may hold a match of ``_frame(pattern, states)`` for any states:
    the literal run every match contains, searched with the frame's own flags (so the same
    characters match it, case-insensitively as in the frame). The state slots are groups, which
    no run crosses, so the run does not depend on the states (it is read from the frame with no
    state). A frame that begins with lookbehinds ("(?<=\\bits )") has no literal prefix for the
    regex engine, which then tries them at every letter of the text: the run alone is found in
    one fast pass. ``None`` where the frame has no such run."""
    compiled = _frame(pattern, ())
    run = _required_literal(compiled)
    return re.compile(re.escape(run), compiled.flags) if run else None


@functools.lru_cache(maxsize=256)
def _frame(pattern: str, states: tuple[str, ...]) -> re.Pattern[str]:
    """``pattern`` with each ``{state}`` slot a group that takes one of the names ``states``."""
    parts = pattern.split("{state}")
    alternatives = _alt(states)
    slots = [f"(?P<s{n}>{alternatives})" for n in range(len(parts) - 1)]
    return re.compile("".join(p + (slots[n] if n < len(slots) else "") for n, p in enumerate(parts)) + r"(?!\w)",
                      re.I)


class UnlistedNames:
    def __init__(self, kb: KnowledgeBase, folders: tuple[Path, ...] | None = None) -> None:
        self.kb = kb
        self.folders = folders or pack_folders()
        # the common given names, and each language's own (``given_names`` in lang/<code>/persons.toml):
        # a French name is a name in an English article too
        self.given = {name for names in pack_data("given_names.toml", self.folders).values() for name in names} \
            | {str(name) for data in every_language_data("persons", self.folders).values()
               for name in data.get("given_names", [])}
        orgs = pack_data("organization_patterns.toml", self.folders)
        self.domain = re.compile(str(orgs.get("domain_pattern", r"(?!)")))
        self._domain_gate = _domain_gate(str(orgs.get("domain_pattern", "")))
        self.platforms = {p.casefold() for p in orgs.get("platforms", [])}
        self.platform_names = frozenset(str(p).casefold() for p in orgs.get("platform_names", []))
        canonical = str(pack_data("languages.toml", self.folders).get("canonical", ""))
        self._demonyms: dict[str, str] = {}
        self._by_country: dict[str, list[Any]] | None = None
        #: the knowledge base's organisations by their names in the language of canonical names, so
        #: that a body found by its pattern ("Ukraine's Security Service") is the listed one (SBU)
        self._listed: dict[str, str] = {}
        for alias in kb.aliases:
            if alias.kind == "demonym" and alias.lang == canonical:
                self._demonyms.setdefault(alias.entity_id, alias.text)
            elif alias.lang == canonical and kb.entities[alias.entity_id].type not in ("state", "person", "alliance"):
                self._listed.setdefault(alias.text.casefold(), alias.entity_id)
        #: a state's shortest name in the canonical language that begins as its canonical name does
        #: and is no abbreviation ("Russia" for "Russian Federation"; "United States", not "America"),
        #: for "<body> of <state>"
        self._short: dict[str, str] = {}
        for alias in kb.aliases:
            entity = kb.entities[alias.entity_id]
            if entity.type == "state" and alias.kind == "name" and alias.lang == canonical \
                    and not alias.text.isupper() and alias.text[:3] == entity.canonical[:3] \
                    and len(alias.text) < len(self._short.get(entity.id, entity.canonical + " ")):
                self._short[entity.id] = alias.text
        naming = language_data("organizations", canonical, self.folders) if canonical else {}
        self._adjective_first = frozenset(str(b) for b in naming.get("named_by_adjective", []))
        self._adjective_endings = tuple(str(b) for b in naming.get("named_by_adjective_endings", []))
        self._as_written = frozenset(str(b) for b in naming.get("named_as_written", []))

    def reads_persons(self, language: str) -> bool:
        return bool(language_data("persons", language, self.folders))

    def reads(self, language: str | None) -> bool:
        """True when the packs give words for unlisted names in ``language``."""
        return bool(language) and bool(language_data("persons", language, self.folders)
                                       or language_data("organizations", language, self.folders))

    def words(self, language: str) -> _NameWords:
        return _name_words(language, self.folders)

    # -- people ---------------------------------------------------------------------------
    def persons(self, text: str, tokens: list[Token], taken: set[int], language: str) -> list[Mention]:
        if has_morphology(language, self.folders):
            return SlavicPersons(language, self.folders).find(text, tokens, taken)
        w = self.words(language)
        tokens = _apostrophe_names(text, tokens)
        out: list[Mention] = []
        nameish = [t.text[:1].isupper() and bool(_NAME_WORD.match(t.text)) and t.text not in w.not_names
                   for t in tokens]
        # the tokens that open two name-like words in a row: the loop goes from one to the next (it
        # stepped over every other token one by one, to the same effect)
        named = list(itertools.compress(range(len(nameish)), nameish))
        pairs = [k for k, after in zip(named, named[1:], strict=False) if after == k + 1]
        i = 0
        while i < len(tokens):
            if not (nameish[i] and i + 1 < len(tokens) and nameish[i + 1]):
                at = bisect.bisect_left(pairs, i)
                if at == len(pairs):
                    break
                i = pairs[at]
            for n in (3, 2):
                window = tokens[i:i + n]
                if len(window) == n and self._name_window(text, window, taken, w) \
                        and self._person_cue(text, tokens, i, n, w):
                    start, end = window[0].start, window[-1].end
                    name = text[start:end]
                    out.append(Mention(start, end, name, None, "person", "pattern", _PERSON, name))
                    taken.update(t.start for t in window)
                    i += n
                    break
            else:
                i += 1
        return out + self._surnames_alone(text, tokens, taken, out)

    @staticmethod
    def _surnames_alone(text: str, tokens: list[Token], taken: set[int], full: list[Mention]) -> list[Mention]:
        """The surname by itself after the full name ("Kholmatov said") names the same person."""
        surnames = {m.text.split()[-1]: m for m in full if " " in m.text}
        out = []
        for t in tokens:
            m = surnames.get(t.text)
            if m is not None and t.start > m.start and t.start not in taken:
                out.append(Mention(t.start, t.end, t.text, None, "person", "surname", _PERSON, m.canonical))
                taken.add(t.start)
        return out

    @staticmethod
    def _name_window(text: str, window: list[Token], taken: set[int], w: _NameWords) -> bool:
        if any(t.start in taken for t in window) or not all(_NAME_WORD.match(t.text) and t.text not in w.not_names
                                                            for t in window):
            return False
        gaps = [text[a.end:b.start] for a, b in zip(window, window[1:], strict=False)]
        right = window[-1].end
        follows_a_name = re.match(r" [A-Z]", text[right:right + 2]) is not None and (right + 1) in taken
        return all(g in (" ", "-") for g in gaps) and not follows_a_name

    def _person_cue(self, text: str, tokens: list[Token], i: int, n: int, w: _NameWords) -> bool:
        # a name begins at its given name: capitalised words before one are a title or a body's name
        # ("Minister Obrony Narodowej Władysław Kosiniak-Kamysz", "ministro degli Esteri Antonio Tajani")
        if tokens[i].text not in self.given and any(
                tokens[k].text in self.given and k + 1 < len(tokens) and _NAME_WORD.match(tokens[k + 1].text)
                and tokens[k + 1].text not in w.not_names for k in range(i + 1, min(i + n + 1, len(tokens)))):
            return False
        if tokens[i].text in self.given:
            return True
        before = text[max(0, tokens[i].start - 40):tokens[i].start].rstrip(" ,")
        if w.title_end.search(before):
            return True
        end = tokens[i + n - 1].end
        before = text[max(0, tokens[i].start - 80):tokens[i].start].rstrip(" ")
        if w.title_after.match(text, end, end + 60) or before.endswith(",") and w.title_of_before.search(before):
            return True
        if i + n >= len(tokens):
            return False
        gap = text[tokens[i + n - 1].end:tokens[i + n].start]
        return tokens[i + n].text in w.speech and gap.strip() in ("", ",")

    # -- organisations --------------------------------------------------------------------
    def organizations(self, text: str, tokens: list[Token], linked: list[Mention], taken: set[int],
                      language: str, keys: list[str] | None = None) -> list[Mention]:
        """Organisations outside the knowledge base; ``keys`` are the tokens' matching keys (lemmas in
        a language read through lemmas, whose organisations are found by :mod:`.lemma_names`)."""
        absorbing: set[tuple[int, int]] = set()  # region's bodies, that a listed name inside is part of
        if keys is not None and has_morphology(language, self.folders):
            finder = LemmaOrganizations(lemma_words(language, self.folders), self)
            found = finder.find(text, tokens, keys, linked) + self._cited(text, taken, self.words(language))
            absorbing = finder.regional_spans
        else:
            w = self.words(language)
            # a state's name or seat inside an organisation's name ("Moscow Exchange") is part of the name
            starts = [t.start for t in tokens]
            places = {starts[k] for m in linked if m.type == "state"
                      for k in range(bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end))}
            # a listed organisation that opens a longer name of a body ("State Duma Defence Committee",
            # "Verkhovna Rada Committee on National Security"): the longer name is the body
            orgs = [(m.start, m.end) for m in linked if m.type not in ("state", "alliance", "person")]
            listed_starts = frozenset(starts[k] for s, e in orgs
                                      for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)))
            headed = self._headed_names(text, tokens, taken - places, w, frozenset(places), listed_starts)
            absorbing = {(m.start, m.end) for m in headed
                         if any(m.start <= s and e <= m.end and (s, e) != (m.start, m.end) for s, e in orgs)}
            found = self._plural_bodies(text, linked, w) + self._coordinated_owners(text, linked, w) \
                + self._state_bodies(text, linked, w) \
                + self._framed_bodies(text, linked, w) \
                + self._referred_bodies(text, w) + self._named_after_nouns(text, w, linked) \
                + self._in_apposition(text, w, linked) \
                + headed + self._named_before_nouns(text, w, linked) + self._cited(text, taken, w)
        out: list[Mention] = []
        letters = self.words(language).canonical_letters if self.reads(language) else {}
        occupied = [(m.start, m.end) for m in linked if m.type not in ("state", "alliance")]
        listed = list(occupied)
        listed_orgs = {m.start for m in linked if m.type not in ("state", "alliance", "person")}
        owners = [(m.start, m.end) for m in linked if m.type == "state"]
        # a state's body first: it is read from the state's name, where a run of capitals may run on
        # past it ("the Latvian Agriculture Ministry and the Ministry of Culture of Estonia")
        for m in sorted(found, key=lambda m: (m.kind != "pattern" or m.type == "organization", m.start,
                                              -(m.end - m.start))):
            # a listed body inside a state's body with its own state is that state's («Минобороны
            # Казахстана» is not the «Минобороны» of Russia): the longer name wins
            # so is a listed name inside a region's body («Курская областная дума» is no State Duma)
            owned = any(m.start <= s and e <= m.end for s, e in owners) or (m.start, m.end) in absorbing
            inside = [(s, e) for s, e in listed
                      if owned and m.start <= s and e <= m.end and (s, e) != (m.start, m.end)]
            if any(m.start < e and s < m.end and (s, e) not in inside for s, e in occupied):
                continue
            if m.entity_id is None and m.text.casefold() in self.platform_names:  # "il canale Telegram"
                continue
            # a body by its kind right before a listed name says what the name is ("der ukrainische
            # Geheimdienst SBU"): the listed one is the body
            if m.entity_id is None and m.type == "government_body" and text[m.end:m.end + 1] == " " \
                    and m.end + 1 in listed_orgs:
                continue
            occupied.append((m.start, m.end))
            if m.entity_id is None and letters:
                m = dataclasses.replace(m, canonical=m.canonical.translate(letters))
            out.append(m)
        return out

    def _state_bodies(self, text: str, linked: list[Mention], w: _NameWords) -> list[Mention]:
        out = []
        for m in linked:
            if m.type != "state" or m.entity_id is None:
                continue
            tail = text[m.end:m.end + 60]
            possessive = w.possessive.match(tail)
            rest = tail[possessive.end():] if possessive else tail.lstrip(" ")
            offset = m.end + (len(tail) - len(rest))
            found = w.body_start.match(rest)
            if found:
                body = found.group(0)
                neutral = self._neutral(body, w)
                # the state before its body: a ministry or a service by the state's adjective, another
                # body with the state after it ("Kyrgyzstan's Supreme Court" is the Supreme Court of
                # Kyrgyzstan, as the dev gold names it); an abbreviation stays as written ("U.S. Treasury")
                canonical = f"{m.text} {neutral}" if m.text.isupper() and not possessive \
                    else self.named_before(m.entity_id, neutral)
                out.append(self.body(text, m.start, offset + len(body), canonical, m.entity_id, neutral))
            head = text[max(0, m.start - 60):m.start]
            before = w.body_of_end.search(head) if head.endswith(w.joiner_ends) else None
            if before:
                start = m.start - len(head) + before.start()
                neutral = self._neutral(before.group(1), w)
                out.append(self.body(text, start, m.end, self.named_after(m.entity_id, neutral), m.entity_id, neutral))
        return out

    def _plural_bodies(self, text: str, linked: list[Mention], w: _NameWords) -> list[Mention]:
        """The bodies of two or more states named once, in the plural ("the defence ministries of
        Poland and Lithuania", "the Polish and Lithuanian foreign ministries"): each state's body, on
        its state's name (``plural_bodies``)."""
        if w.plural is None or not w.plural.search(text):
            return []
        states = sorted((m for m in linked if m.type == "state" and m.entity_id), key=lambda m: m.start)
        out = []
        for hit in w.plural.finditer(text):
            neutral = w.plural_neutral[hit.group(1).casefold()]
            chain: list[Mention] = []
            after = [m for m in states if m.start >= hit.end()]
            if after and text[hit.end():after[0].start] in w.plural_joiners:  # "... of Poland and Lithuania"
                chain.append(after[0])
                for m in after[1:]:
                    if text[chain[-1].end:m.start] not in w.plural_separators:
                        break
                    chain.append(m)
            else:  # "the Polish and Lithuanian defence ministries"
                before = [m for m in states if m.end <= hit.start()]
                if before and text[before[-1].end:hit.start()] == " ":
                    chain.append(before[-1])
                    for m in reversed(before[:-1]):
                        if text[m.end:chain[-1].start] not in w.plural_separators:
                            break
                        chain.append(m)
            if len({m.entity_id for m in chain}) < 2:
                continue
            for m in chain:
                state = str(m.entity_id)
                out.append(self.body(text, m.start, m.end, self.named_after(state, neutral), state, neutral))
        return out

    def _coordinated_owners(self, text: str, linked: list[Mention], w: _NameWords) -> list[Mention]:
        """A listed body of a state after two or more states joined by "and" with its own among them
        ("the U.S. and U.K. Department of the Treasury"): each other state's body of that kind, where
        the knowledge base lists one body of that state and type that shares a word of the name
        other than a head noun or a connector (U.K. Treasury), on that state's name."""
        states = sorted((m for m in linked if m.type == "state" and m.entity_id), key=lambda m: m.start)
        if len(states) < 2 or w.plural_separators == frozenset():
            return []
        out = []
        for m in linked:
            entity = self.kb.get(m.entity_id) if m.entity_id and m.type == "government_body" else None
            if entity is None or not entity.country:
                continue
            before = [s for s in states if s.end <= m.start]
            # (a state's abbreviation ends in a dot the state's name leaves out: "U.K. Department")
            if not before or text[before[-1].end:m.start].removeprefix(".") != " ":
                continue
            chain = [before[-1]]
            for s in reversed(before[:-1]):
                if text[s.end:chain[-1].start].removeprefix(".") not in w.plural_separators:
                    break
                chain.append(s)
            if len({s.entity_id for s in chain}) < 2 or entity.country not in {s.entity_id for s in chain}:
                continue
            generic = w.heads | w.connectors
            words = {x.casefold() for x in re.findall(r"\w{2,}", f"{entity.canonical} {m.text}")
                     if x not in generic and x.casefold() not in w.connectors}
            for s in chain:
                if s.entity_id == entity.country:
                    continue
                kin = [e for e in self._bodies_of(str(s.entity_id)) if e.type == entity.type
                       and words & {x.casefold() for x in re.findall(r"\w{2,}", e.canonical)}]
                if len(kin) == 1:
                    out.append(Mention(s.start, s.end, s.text, kin[0].id, kin[0].type, "pattern", _ORG,
                                       kin[0].canonical))
        return out

    def _bodies_of(self, state: str) -> list[Any]:
        """The knowledge base's bodies of ``state``."""
        if self._by_country is None:
            self._by_country = {}
            for e in self.kb.entities.values():
                if e.country and e.type != "state" and e.type != "person":
                    self._by_country.setdefault(e.country, []).append(e)
        return self._by_country.get(state, [])

    def _referred_bodies(self, text: str, w: _NameWords) -> list[Mention]:
        """A state's body in lower case after a word that refers to its state ("its foreign ministry",
        "the country's supreme court"): the body under its neutral name ("Foreign Ministry"), which
        the entity stage reads as a body of that name named with its state before it in the text."""
        if w.referred is None or not w.referred.search(text):
            return []
        out = []
        for hit in w.referred.finditer(text):
            body = hit.group(1)
            neutral = self._neutral(body, w)
            out.append(Mention(hit.start(1), hit.end(1), body, None, "government_body", REFERRED, _ORG, neutral))
        return out

    def bare_bodies(self, language: str) -> frozenset[str]:
        """The neutral names of ``language``'s state bodies, as a body stands with no state by it
        ("Foreign Ministry", "Supreme Court")."""
        w = self.words(language)
        return frozenset(w.body_canonical.values()) | {b for b in w.bodies if b[:1].isupper()}

    def _framed_bodies(self, text: str, linked: list[Mention], w: _NameWords) -> list[Mention]:
        """A state's body written around its state, the state's name or adjective inside or after it
        ("ministère russe de la Défense", "Ministerului rus al Apărării"), or with no state at all
        (the body of the page's own state: "le ministère des Affaires étrangères")."""
        if not w.body_frames:
            return []
        states = {m.start: m for m in linked if m.type == "state" and m.entity_id is not None}
        names = tuple(sorted({text[m.start:m.end] for m in states.values()}, key=len, reverse=True))
        out = []
        for neutral, pattern in w.body_frames:
            gate = _frame_gate(pattern)
            if gate is not None and gate.search(text) is None:
                continue
            for hit in _frame(pattern, names).finditer(text):
                slots = [hit.start(g) for g in hit.re.groupindex if hit.group(g) is not None]
                state = next((states[s] for s in slots if s in states), None)
                if slots and state is None or not hit.group(0).strip():
                    continue
                if state is None or state.entity_id is None:
                    # no state by it: the page's own state's, or the one a pronoun stands for ("its
                    # foreign ministry"), which the body does not say: no statement's actor
                    out.append(Mention(hit.start(), hit.end(), hit.group(0), None, UNOWNED_BODY, "pattern",
                                       _ORG, neutral))
                else:
                    out.append(self.body(text, hit.start(), hit.end(), self.named_after(state.entity_id, neutral),
                                         state.entity_id, neutral))
        return out

    @staticmethod
    def _named_after_nouns(text: str, w: _NameWords, linked: Sequence[Mention] = ()) -> list[Mention]:
        """A capitalised name after a noun that says what it is ("le groupe TotalEnergies", "spółka
        Orlen", "il partito Fratelli d'Italia"), maybe with words of its kind or its state's
        adjective between ("il quotidiano russo Kommersant", "l'agence de presse Interfax"): the noun
        and those words are not part of the name, and a state's name alone is no name ("die
        Unternehmen Russlands")."""
        if w.name_after is None:
            return []
        states = [(m.start, m.end) for m in linked if m.type == "state"]
        out = []
        for hit in w.name_after.finditer(text):
            name = hit.group(3).rstrip("-")
            start = hit.start(3)
            between = hit.group(2)
            if between.strip() and not UnlistedNames._qualifies(between, hit.start(2), w, states):
                continue
            if any(a == start and b == start + len(name) for a, b in states):
                continue
            kind = w.name_after_types.get(hit.group(1).casefold(), "organization")
            if " " not in name and name.endswith(w.plural_endings) and not name[1:].isupper() \
                    and hit.group(0)[len(hit.group(1)) + len(between):][:2].strip()[:1] not in _QUOTES:
                continue
            # a capitalised article after the type noun opens a title ("die Zeitung Die Welt")
            first = name.split()[0]
            if first not in w.not_names or first in w.articles and " " in name:
                out.append(Mention(start, start + len(name), name, None, kind, "pattern", _ORG, name))
        return out

    def _in_apposition(self, text: str, w: _NameWords, linked: Sequence[Mention] = ()) -> list[Mention]:
        """A capitalised name before a comma and a noun of its kind with its article ("Belaruskali, the
        state potash producer, ...", "Steppe Logistics, a freight company registered in Almaty"): the
        noun ends the apposition (a comma, a full stop, or a participle or relative word after it); not
        a word that is no name ("However, the firm ..."), a state or a person (one opening with a given
        name: "Anna Lee, the party's founder")."""
        if w.apposition is None:
            return []
        spans = [(m.start, m.end) for m in linked if m.type in ("state", "person")]
        out = []
        for hit in w.apposition.finditer(text):
            name, start = hit.group(1), hit.start(1)
            if any(word in w.not_names for word in name.split()) or name.split()[0] in self.given \
                    or any(start < e and s < start + len(name) for s, e in spans):
                continue
            kind = w.name_after_types.get(hit.group(2).casefold(), "organization")
            out.append(Mention(start, start + len(name), name, None, kind, "pattern", _ORG, name))
        return out

    @staticmethod
    def _named_before_nouns(text: str, w: _NameWords, linked: Sequence[Mention] = ()) -> list[Mention]:
        """A capitalised name before a lower-case noun that says what it is ("Hungary's ruling Fidesz
        party", "the Vedomosti daily"): not a listed name, a state, a person, nor a word that only a
        sentence's start capitalises (one opening a sentence or a line is passed over)."""
        if w.name_before is None:
            return []
        spans = [(m.start, m.end) for m in linked]
        out = []
        for hit in w.name_before.finditer(text):
            start, end = hit.start(1), hit.end(1)
            name = hit.group(1)
            if name.split()[0] in w.articles:
                start += len(name.split()[0]) + 1
                name = text[start:end]
                if not name:
                    continue
            words = name.split()
            if any(s < end and start < e for s, e in spans) or _OPENS.search(text, max(0, start - 6), start) \
                    or words[0] in w.not_names or w.possessive.match(text + " ", end) or name[-2:] in ("'s", "’s") \
                    or any(x.casefold() in w.weekdays or x.casefold() in w.months for x in words) \
                    or "-" in words[0] and words[0].split("-")[-1].islower():
                # ("Monday's newspaper", "the Sunday daily", "the Kremlin-backed Izvestia daily": the
                # name is Izvestia alone, listed or not)
                continue
            out.append(Mention(start, end, name, None, w.name_before_types.get(hit.group(2), "organization"),
                               "pattern", _ORG, name))
        return out

    @staticmethod
    def _qualifies(between: str, offset: int, w: _NameWords, states: list[tuple[int, int]]) -> bool:
        """Whether the words ``between`` a type noun and a name (at ``offset`` in the text) are all
        listed qualifiers (of one or more words: "di stampa") or a state's adjective."""
        words = [(offset + m.start(), offset + m.end(), m.group(0)) for m in re.finditer(r"\S+", between)]
        k = 0
        while k < len(words):
            start, end, word = words[k]
            if any(a <= start and end <= b for a, b in states):
                k += 1
                continue
            for n in (3, 2, 1):
                if k + n <= len(words) and " ".join(x[2] for x in words[k:k + n]) in w.name_after_qualifiers:
                    k += n
                    break
            else:
                return False
        return True

    @staticmethod
    def _neutral(body: str, w: _NameWords) -> str:
        if body in w.body_canonical:
            return w.body_canonical[body]
        for pattern, replacement in w.body_rewrites:
            if pattern.fullmatch(body):
                return pattern.sub(replacement, body)
        return body

    def named_before(self, state: str, neutral: str) -> str:
        """The neutral English name of ``state``'s body ``neutral`` that the text names with the
        state before it ("the Russian Supreme Court", «российский Верховный суд»): the same as with
        the state after it ("Supreme Court of Russia"; a ministry by the adjective), but a body of
        ``named_as_written`` keeps the adjective ("Russian Armed Forces")."""
        if neutral in self._as_written:
            return f"{self.demonym(state)} {neutral}"
        return self.named_after(state, neutral)

    def named_after(self, state: str, neutral: str) -> str:
        """The neutral English name of ``state``'s body ``neutral`` that the text names with the state
        after it: so in English too ("National Bank of Kyrgyzstan"), but a ministry by the state's
        adjective ("Kazakh Foreign Ministry" for "Ministry of Foreign Affairs of Kazakhstan";
        ``named_by_adjective`` in the canonical language's organizations.toml)."""
        if neutral in self._adjective_first or neutral.endswith(self._adjective_endings):
            return f"{self.demonym(state)} {neutral}"
        entity = self.kb.get(state)
        return f"{neutral} of {self._short.get(state) or (entity.canonical if entity else state)}"

    def latin(self, name: str, language: str) -> str:
        """``name`` in Latin letters by the romanisation of ``language`` (``lang/<code>/persons.toml``)."""
        return romanise(name, language, self.folders)

    def body(self, text: str, start: int, end: int, canonical: str, state: str, neutral: str) -> Mention:
        """A state's body found by its pattern, as the knowledge base's organisation where it lists
        the name in either order ("Ukraine's Security Service" = "Security Service of Ukraine")."""
        for name in (canonical, f"{self.demonym(state)} {neutral}", self.named_after(state, neutral)):
            listed = self.kb.get(self._listed.get(name.casefold(), ""))
            if listed is not None:
                return Mention(start, end, text[start:end], listed.id, listed.type, "pattern", _ORG, listed.canonical)
        return Mention(start, end, text[start:end], None, "government_body", "pattern", _ORG, canonical)

    def state_name(self, state: str) -> str:
        """The state's name in the language of canonical names ("Armenia")."""
        entity = self.kb.get(state)
        return entity.canonical if entity else state

    def demonym(self, state: str) -> str:
        if state in self._demonyms:
            return self._demonyms[state]
        entity = self.kb.get(state)
        return entity.canonical if entity else state

    @staticmethod
    def _headed_names(text: str, tokens: list[Token], taken: set[int], w: _NameWords,
                      places: frozenset[int] = frozenset(), listed: frozenset[int] = frozenset()) -> list[Mention]:
        """Runs of capitalised words with an organisation noun among them; a name stops before "and"
        and a state ("the Bank of Finland and Sweden's Riksbank"), and an acronym in brackets after
        it joins its canonical name ("State Committee for National Security (GKNB)"), so that
        either form matches."""
        out = []
        # (a capital first: every word the pattern takes starts with one, and most words do not)
        capital = [t.text[:1].isupper() and (bool(_CAPITALISED.match(t.text)) or bool(w.legal_slashed) and any(
            text.startswith(f, t.start) for f in w.legal_slashed)) or t.text in w.legal for t in tokens]
        # the loop goes from one capitalised token to the next (it stepped over the others one by one)
        capitals = list(itertools.compress(range(len(capital)), capital))
        i = 0
        while i < len(tokens):
            if not capital[i]:
                at = bisect.bisect_left(capitals, i)
                if at == len(capitals):
                    break
                i = capitals[at]
            j = i
            words: list[Token] = []
            glued = -1  # where a word after a possessive inside the name starts
            while j < len(tokens) and (capital[j] or (words and tokens[j].text in w.connectors)
                                       or words and j + 1 < len(tokens) and capital[j + 1]
                                       and words[-1].start not in places
                                       and (pm := w.possessive.match(text, words[-1].end)) is not None
                                       and pm.end() == tokens[j + 1].start):
                if not capital[j] and tokens[j].text not in w.connectors:
                    # a possessive inside a name, between capitalised words ("Regional Prosecutor's
                    # Office", "People's Party"); not after a state ("Ukraine's Air Force")
                    glued = tokens[j + 1].start
                    j += 1
                    continue
                if words and text[words[-1].end:tokens[j].start] not in (" ", "-") and tokens[j].start != glued:
                    break
                if tokens[j].text in w.connectors and j + 1 < len(tokens) and tokens[j + 1].start in places \
                        and tokens[j].text.casefold() not in w.place_connectors:
                    break
                # a time after the name is none of it ("... Migration on Tuesday", "... on March 3")
                folded = tokens[j].text.casefold()
                if folded in w.weekdays or folded in w.months and words and words[-1].text in w.connectors:
                    break
                words.append(tokens[j])
                j += 1
                if len(words) >= 2 and words[-1].text in w.legal:  # a legal form after a name ends it
                    break
            # a legal form written with a slash ("Nordlys Tankers A/S") is one word of the name
            if words and w.legal_slashed:
                at = words[-1].start
                form = next((f for f in w.legal_slashed if text.startswith(f, at)
                             and not text[at + len(f):at + len(f) + 1].isalnum()), None)
                if form is not None:
                    words[-1] = Token(at, at + len(form), form)
                    while j < len(tokens) and tokens[j].start < at + len(form):
                        j += 1
            while words and words[-1].text in w.connectors:
                words.pop()
            # an article right after a word of the run starts the name ("Later the Foreign Ministry"):
            # inside a name one follows only a connector ("Institute for the Study of War")
            for k in range(len(words) - 1, 0, -1):
                if words[k].text.casefold() in w.folded_articles and words[k - 1].text not in w.connectors:
                    words = words[k + 1:]
                    break
            # a plural noun that opens the sentence before a connector is what the name's holders
            # are, not its first word ("Fighters of the Azov Regiment": Azov Regiment; "Forces of
            # ..." is a head, and stays)
            if len(words) >= 3 and words[1].text in w.connectors and words[0].text not in w.heads \
                    and words[0].text.endswith("s") and words[0].text[1:].islower() \
                    and _OPENS.search(text, max(0, words[0].start - 6), words[0].start):
                k = 1
                while k < len(words) and words[k].text in w.connectors:
                    k += 1
                words = words[k:]
            # an ordinal before a unit's name is part of it ("the 155th Mechanized Brigade", "the
            # 58th Army"; ``unit_ordinal``, ``unit_heads``)
            ranked = False
            if words and w.unit_ordinal is not None and any(t.text in w.unit_heads for t in words):
                ordinal = w.unit_ordinal.search(text, max(0, words[0].start - 12), words[0].start)
                if ordinal:
                    words = [Token(ordinal.start(), words[0].end, text[ordinal.start():words[0].end]), *words[1:]]
                    ranked = True
            company = len(words) >= 2 and (words[-1].text in w.legal or words[0].text in w.legal)
            if ranked or len(words) >= 2 and (company or any(t.text in w.heads or (w.compound_heads and t.text.casefold(
                    ).endswith(w.compound_heads)) for t in words)):
                first = words[1] if words[0].text in w.articles or words[0].text in w.legal else words[0]
                # a noun that says what the name after it is, capitalised as German writes every noun,
                # is no part of the name ("der Konzern Rheinmetall"; "Partei der Arbeit" is a name)
                k = words.index(first)
                if first.text in w.name_after_nouns and k + 1 < len(words) and words[k + 1].text[:1].isupper():
                    first = words[k + 1]
                elif w.name_after_nouns:  # after a qualifier too ("die Stockholmer Firma Nordlicht AB")
                    typed = [n for n in range(k + 1, len(words) - 1) if words[n].text in w.name_after_nouns
                             and words[n + 1].text[:1].isupper()]
                    if typed:
                        first = words[typed[-1] + 1]
                last = words[-1]
                k = words.index(first)
                if w.head_first_needs_connector and first.text in w.heads and k + 1 < len(words) \
                        and words[k + 1].text not in w.connectors:
                    i = max(j, i + 1)
                    continue
                name = text[first.start:last.end]
                # taken words only as a listed organisation that opens the name, a head after it
                named = words[words.index(first):]
                held = [t for t in named if t.start in taken]
                opened = bool(held) and named[:len(held)] == held and all(t.start in listed for t in held) \
                    and any(t.text in w.heads for t in named[len(held):])
                if (first is not last or company or ranked) and (not held or opened) \
                        and not any(t.start in taken for t in words[:words.index(first)]):
                    acronym = _ACRONYM_AFTER.match(text, last.end)
                    # a body's name in its neutral spelling ("Defence Ministry" = "Defense Ministry"); a
                    # name worded otherwise stays as the text words it ("Ministry of Internal Affairs")
                    neutral = w.body_canonical.get(name, name)
                    neutral = neutral if len(neutral.split()) == len(name.split()) else name
                    canonical = f"{neutral} ({acronym.group(1)})" if acronym else neutral
                    out.append(Mention(first.start, last.end, name, None, "company" if company else "organization",
                                       "pattern", _ORG, canonical))
            i = max(j, i + 1)
        return out

    def _cited(self, text: str, taken: set[int], w: _NameWords) -> list[Mention]:
        out = []
        addresses = self.domain.finditer(text) if self._domain_gate is None or self._domain_gate.search(text) else ()
        for match in addresses:
            if match.group(0).casefold().removeprefix("www.") in self.platforms:
                continue
            out.append(Mention(match.start(), match.end(), match.group(0), None, "media", "pattern", _ORG,
                               match.group(0)))
        hits = [hit for cue, pattern in w.cited for hit in (pattern.finditer(text) if cue in text else ())]
        for hit in sorted(hits, key=lambda h: (h.start(h.lastindex or 1), -len(h.group(h.lastindex or 1)))):
            group = hit.lastindex or 1
            # a sentence ends at a full stop after a word ("повідомляє Суспільне. За ..."), not after
            # an initial ("U.S.") or inside an address ("Kun.uz")
            name = _WORD_STOP.split(hit.group(group).strip())[0].rstrip(".")
            words = name.split()
            if not words or words[0].islower():  # "according to the ministry": no name
                continue
            start = hit.start(group)
            first = words[1] if len(words) > 1 and words[0] in w.articles else words[0]
            if first in self.given or len(words) > 4 or first in w.not_names or start in taken \
                    or self._given_name(first, w.language) or _NAME_RUNS_ON.match(text, start + len(name)):
                continue
            # the name runs on past a joining word ("the Center for Eastern Studies"), and a noun that
            # says what it is comes before it ("berichtete die Zeitung Kommersant": Kommersant)
            rest = w.cited_rest.match(text, start + len(name)) if w.cited_rest else None
            if rest:
                name += rest.group(0)
            if name.casefold() in w.name_after_types:  # "selon l'Institut français ...": a noun, no name
                continue
            lead = name.split(" ", 2 if words[0] in w.articles and len(words) > 2 else 1)
            if len(lead) > 1 and lead[-2].casefold() in w.name_after_types and lead[-1][:1].isupper():
                start += len(name) - len(lead[-1])
                name = lead[-1]
            canonical = self.latin(self._nominative(name, w.language), w.language) if _CYRILLIC.search(name) \
                else name
            out.append(Mention(start, start + len(name), name, None, "media", "pattern", _ORG, canonical))
        return out

    def _nominative(self, name: str, language: str) -> str:
        """A cited name in Cyrillic letters in the nominative up to its first noun, where each of those
        words reads as a noun or an adjective in one oblique case and none in the nominative («по
        данным «Новой газеты»» = Новая газета; «Дзеркала тижня» = Дзеркало тижня: what follows the
        noun keeps its case); else as written."""
        if not has_morphology(language, self.folders):
            return name
        analyzer = analyzer_for(language, self.folders)
        words = name.split()
        readings = []
        for word in words:
            readings.append([p for p in morph_parse(word.casefold(), analyzer) if p.tag.POS in ("NOUN", "ADJF")])
            if any(p.tag.POS == "NOUN" for p in readings[-1]):
                break
        rest, words = words[len(readings):], words[:len(readings)]
        cases = [{p.tag.case for p in r} for r in readings]
        common = set.intersection(*cases) if cases and all(cases) else set()
        case = next((c for c in ("gent", "datv", "ablt", "loct") if c in common), None)
        if case is None or "nomn" in common:
            return name
        out = []
        for word, options in zip(words, readings, strict=True):
            form = next((q for q in (p.inflect({"nomn"}) for p in options if p.tag.case == case) if q), None)
            if form is None:
                return name
            out.append(form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word)
        return " ".join(out + rest)

    def _given_name(self, word: str, language: str) -> bool:
        """A Cyrillic word the morphology reads as a given name («пишет Андрей Иванов»: a person)."""
        return bool(_CYRILLIC.search(word)) and has_morphology(language, self.folders) \
            and bool(_case_readings(word, analyzer_for(language, self.folders), "Name"))
