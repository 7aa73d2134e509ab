"""Entity recognition and linking: dictionary matching over word keys (lemmas for Russian and
Ukrainian) with pyahocorasick, case and context rules, role nouns resolved at the article's
date; names outside the knowledge base come from :mod:`allegiance.nlp.unlisted`."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from pathlib import Path

import ahocorasick

from ..kb.knowledge import Alias, KnowledgeBase, load_knowledge_base
from ..kb.langdata import every_language_data, language_data, pack_data, pack_folders
from .doc import Doc, Mention
from .morphology import closed_class
from .tokens import Token, alias_keys, analyzer_for, folded, has_morphology, is_noun, morph_parse, tokenize, word_key
from .unlisted import REFERRED, UnlistedNames

__all__ = ["EntityLinker"]

#: a photographer's name before its agency in a picture credit ("Jane Doe/AFP")
_SLASH_AGENCY = re.compile(r"/[A-Z][\w-]*")
#: an agency in capitals before its photographer in a picture credit ("REUTERS/Jane Doe")
_AGENCY_SLASH = re.compile(r"(?<![\w/])[A-Z]{2,}/\Z")
_SLASH_NAME = re.compile(r"/[A-Z][a-z]")
#: a clock time in a page's date line ("10:15")
_CLOCK = re.compile(r"\b[0-2]?\d:[0-5]\d\b")
#: what follows an author's name on a byline when it names the outlet: a comma or bar, then up to
#: four capitalised words, nothing else but a date ("By Jane Doe, Reuters"; «Автор: Анна Смирнова, РИА
#: Новости»; "By Jane Doe | Reuters | 12 March 2025")
_OUTLET_AFTER = re.compile(r"\s*[,|—–]\s*[A-ZА-ЯЁІЇЄҐ][\w.&-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w.&-]*){0,3}"
                           r"(?:\s*[,|—–]\s*[^\n]*\d[^\n]*)?\s*")
#: an author's name (two or three capitalised words) and a comma or bar, alone before an outlet
_AUTHOR_LEAD = re.compile(r"\s*[A-ZА-ЯЁІЇЄҐ][\w.'’-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w.'’-]*){1,2}\s*[,|—–]\s*")
#: the start of a byline before its outlet: the byline word, the author's name (up to four
#: capitalised words), then a comma or bar
_BYLINE_LEAD = re.compile(r"\s*([^\W\d_]+(?: (?![A-ZА-ЯЁІЇЄҐ])[^\W\d_]+)?\s*:?)\s+[A-ZА-ЯЁІЇЄҐ][\w.'’-]*"
                          r"(?:\s+[A-ZА-ЯЁІЇЄҐ][\w.'’-]*){0,3}\s*[,|—–]\s*")

_KIND_CONFIDENCE = {"name": 0.95, "government": 0.9, "demonym": 0.85, "seat": 0.7, "city": 0.65, "role": 0.75,
                    "pattern": 0.6}
_KIND_PRIORITY = {"name": 0, "government": 1, "demonym": 2, "seat": 3, "city": 4}
#: unlisted names whose state inside them is part of the name ("Moscow Exchange", «Россия 24»); a
#: state's body ("Kazakh Foreign Ministry") keeps its state
_NAMES_ABSORB_STATES = ("party", "company", "media", "organization")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NON_WORD = re.compile(r"[\W_]")
_WORDS = re.compile(r"\w+")
_BODY_AFTER_PLACE = re.compile(r"\s*,\s*(?:the\s+)?(\w+)")
_WORD_BEFORE = re.compile(r"([^\W_]+)([\W_]*)\Z")


def _word_before(text: str, start: int, end: int) -> tuple[str, str]:
    """The groups of ``_WORD_BEFORE.search(text[start:end])`` (``("", "")`` where it finds none),
    read from the end: the last run of letters and digits (``[^\\W_]`` is ``str.isalnum``) and the
    marks and spaces after it. The search tried the pattern at every character of the span."""
    i = end
    while i > start and not text[i - 1].isalnum():
        i -= 1
    if i == start:
        return "", ""
    j = i - 1
    while j > start and text[j - 1].isalnum():
        j -= 1
    return text[j:i], text[i:end]


#: what may stand before the subject that opens a sentence, but for an article: quotes, brackets
_OPENING_MARKS = " \t\n\"«„“'("
_DATELINE_AFTER = re.compile(r"\)\s*[-–—]")
#: a name written as its initials ("FSB", "SBU", "PAP")
_INITIALS = re.compile(r"[A-Z][A-Z0-9-]{1,6}")


def _credited(text: str, m: Mention) -> bool:
    """An outlet in a dateline ("BISHKEK, March 24 (Interfax) -") or a photo credit ("Name/AFP") is
    the page's publisher or a picture agency, not a cited source; an agency between slashes after a
    date line («АСТАНА, 18 апреля. /ТАСС/.», as Russian and Ukrainian agencies mark the story they
    send) is its source."""
    before = text[m.start - 1:m.start]
    slashed = before == "/" and text[m.start - 2:m.start - 1] in (" ", "\n", "") and text[m.end:m.end + 1] == "/"
    # the agency in capitals before its photographer's name ("REUTERS/Jane Doe", "AFP/Photo file")
    credit_first = m.text.isupper() and _SLASH_NAME.match(text, m.end) is not None
    # a picture's agency in capitals after "via" ("Press service/Handout via REUTERS")
    via_credit = m.text.isupper() and len(m.text) > 2 and text[max(0, m.start - 4):m.start].casefold() == "via "
    return (before == "(" and _DATELINE_AFTER.match(text, m.end) is not None) or (before == "/" and not slashed) \
        or credit_first or via_credit


@dataclasses.dataclass(frozen=True)
class _Candidate:
    start: int  # character offsets in the text
    end: int
    alias: Alias


def _case_ok(surface: str, alias: str, analyzer: str, folders: tuple[Path, ...] | None = None) -> bool:
    """An all-capitals alias (CSTO, U.S.) needs capitals; a capitalised one a capital first letter,
    or a deliberately lower-cased Cyrillic name ("олександр лукашенко") whose words all read as nouns
    and none of which the analyzer's morphology.toml lists as a closed-class word (Ukrainian «після
    того, як»: «того» is the determiner, not Togo)."""
    if not alias[:1].isupper():
        return True
    if alias.isupper() and sum(c.isalpha() for c in alias) >= 2:
        return surface.isupper()
    if surface[:1].isupper():
        return True
    if not surface.islower():
        return False
    listed = closed_class(analyzer, folders).upos
    return all(is_noun(t.text, analyzer) and listed.get(t.text.casefold(), "NOUN") in ("NOUN", "PROPN")
               for t in tokenize(surface))


def _title_case_acronym(text: str, start: int, end: int, alias: str) -> bool:
    """An acronym of three letters or more written with a capital only ("Sbu" for SBU), inside a
    sentence, where a capital says it is a name (at its start "Nato" may be the word "born")."""
    surface = text[start:end]
    return len(alias) >= 3 and alias.isupper() and alias.isalpha() and surface == alias[0] + alias[1:].lower() \
        and not _opens_sentence(text, start)


def _sentence_initial_word(text: str, start: int, end: int, analyzer: str,
                           folders: tuple[Path, ...] | None = None) -> bool:
    """A one-word Cyrillic name (of a state) that opens a sentence, where its capital says nothing,
    and whose likeliest reading is no noun: «Того же дня» is "that same day", not Togo; «Мали ми» is
    "we had". Demonyms ("Российская полиция") and persons' names ("Зеленський") are not asked."""
    surface = text[start:end]
    if " " in surface or not _CYRILLIC.search(surface):
        return False
    before = text[max(0, start - 3):start].rstrip(" \t\"«„“'(")
    opens = start == 0 or not before or before[-1] in ".!?\n:;—–-"
    if not opens:
        return False
    listed = closed_class(analyzer, folders).upos.get(surface.casefold())  # the analyzer's morphology.toml
    return (listed is not None and listed not in ("NOUN", "PROPN")) or not is_noun(surface, analyzer)



_JOINING = re.compile(r"[\s'’]*")
_OF_A_NAME = re.compile(r" of (?:the )?[A-Z][a-z]")
_SENTENCE_END = re.compile(r"(?:\A|[.!?\n:;])[\s\"«„“'(—–-]*\Z")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a line or a sentence, where its capital says
    nothing: a Cyrillic noun there («Речник Повітряних сил») is no part of the name after it."""
    return _SENTENCE_END.search(text, max(0, start - 6), start) is not None


def _adjoining(text: str, tokens: list[Token], last: int, nxt: int) -> bool:
    """Whether the tokens ``last`` to ``nxt`` stand with nothing but spaces and apostrophes between
    them (so "Kazakhstan's president" and "Kazakhstan President" join, "Russia, Prime Minister" not)."""
    if nxt >= len(tokens):
        return False
    return all(_JOINING.fullmatch(text[tokens[k].end:tokens[k + 1].start]) for k in range(last, nxt))

class EntityLinker:
    """Adds ``doc.mentions``. Needs ``doc.text`` and ``doc.language``; uses ``doc.published`` for roles."""

    name = "entities"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("mentions",)

    def __init__(self, kb: KnowledgeBase | None = None, folders: tuple[Path, ...] | None = None) -> None:
        self.kb = kb or load_knowledge_base()
        self.folders = folders or pack_folders()
        self._automata: dict[str, ahocorasick.Automaton] = {}
        self._one_word_keys: dict[str, frozenset[str]] = {}
        self._listed_readings: dict[tuple[str, str], str | None] = {}
        self._plain: ahocorasick.Automaton | None = None
        self._roles_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self._add_roles(cyrillic=False)
        self._cyrillic_roles = False
        self._unlisted = UnlistedNames(self.kb, self.folders)
        ambiguity = pack_data("ambiguity.toml", self.folders)
        # words before a seat of power that make it a mere place ("in Moscow"): every language's
        self._place_words = frozenset(str(w).casefold() for data in every_language_data("places", self.folders).values()
                                      for w in data.get("before_seat", []))
        # state bodies before "in <seat>" that make it the government ("a court in Tashkent")
        self._seat_bodies = frozenset(str(w).casefold() for data in every_language_data("places", self.folders).values()
                                      for w in data.get("body_in_seat", []))
        self._fallback = str(pack_data("languages.toml", self.folders).get("fallback", ""))
        self._canonical = str(pack_data("languages.toml", self.folders).get("canonical", ""))
        by_language = every_language_data("organizations", self.folders).values()
        self._articles = frozenset(str(a) for data in by_language for a in data.get("articles", []))
        roles = every_language_data("roles", self.folders).values()
        self._role_words = {key: frozenset(str(w).casefold() for data in roles for w in data.get(key, []))
                            for key in ("possessive_tokens", "state_after")}
        self._ambiguous = {str(rule["alias"]): rule for rule in ambiguity.get("names", [])}
        persons = every_language_data("persons", self.folders).values()
        # picture credits (chrome.toml) and each language's credits of the page's own staff
        # ("Reporting by ...; Editing by ...": persons.toml)
        credits = list(pack_data("chrome.toml", self.folders).get("credit_words", [])) \
            + [str(w) for data in persons for w in data.get("credit_words", [])]
        self._byline_words = frozenset(str(w).casefold() for data in persons for w in data.get("byline_words", []))
        # words after an outlet alone on its line that make it the page's byline ("Reuters staff")
        self._staff_words = frozenset(str(w).casefold() for data in persons for w in data.get("byline_staff_words", []))
        self._speech_lemmas: dict[str, frozenset[str]] = {}  # per language, read on first use
        credit_words = "|".join(re.escape(str(w)) for w in credits if not str(w).endswith("."))
        # a shortened credit word ends in its own full stop ("Fot. PAP"): no colon or "by" after it
        short_credits = "|".join(re.escape(str(w)) for w in credits if str(w).endswith("."))
        self._credit = re.compile(rf"(?:^|[\s(\[|])(?:(?:{credit_words or '(?!)'})\s*(?::|©|\bby\b|\bvia\b)"
                                  rf"|(?:{short_credits or '(?!)'})\s*:?)[^.!?:]*$", re.I | re.M)
        self._given = self._unlisted.given
        self._last_keyed: tuple[str, str, list[Token], list[str]] | None = None
        self._joiners: dict[tuple[str | None, bool], tuple[tuple[str, ...], ...]] = {}
        self._opener_words: dict[str | None, frozenset[str]] = {}
        self._title_case: dict[str | None, bool] = {}
        self._type_noun_words: dict[str | None, frozenset[str]] = {}
        self._spelled = self._spelled_out_names()

    def warm(self, languages: tuple[str, ...] = ()) -> None:
        """Build the automaton of texts without Cyrillic (most articles), and the unlisted-name
        words of ``languages``, before the first article; for a language read through lemmas
        (Russian, Ukrainian) also its automaton and the Cyrillic role names, which a run of
        articles without Cyrillic never needs (their keys load the pymorphy3 dictionaries)."""
        self._plain_automaton()
        for language in languages:
            if self._unlisted.reads(language):
                self._unlisted.words(language)
            if has_morphology(language, self.folders):
                self._automaton(analyzer_for(language, self.folders))
                self._ensure_cyrillic_roles()

    def warm_cyrillic(self) -> None:
        """What a text with Cyrillic letters in a language without its own morphology reads: the
        automaton through the packs' Cyrillic dictionary, the Cyrillic role names."""
        self._automaton(analyzer_for(None, self.folders))
        self._ensure_cyrillic_roles()

    def _surnames_alone(self) -> list[Alias]:
        """A person whose surname alone is one of its names in some language ("Szijjártó", «Лавров») is
        named by it in Russian and Ukrainian too: the last word of each Cyrillic full name where that
        language lists it not («Петер Сийярто» gives «Сийярто»), unless the dictionary knows it as a
        common word («Таран», «Мамин»: the name is written whole there on purpose)."""
        by_person: dict[str, list[Alias]] = defaultdict(list)
        for alias in self.kb.aliases:
            if alias.kind == "name" and self.kb.entities[alias.entity_id].type == "person":
                by_person[alias.entity_id].append(alias)
        out = []
        for aliases in by_person.values():
            texts = {(a.lang, a.text) for a in aliases}
            if not any(len(a.text.split()) > 1 and (a.lang, a.text.split()[-1]) in texts for a in aliases):
                continue
            for a in aliases:
                last = a.text.split()[-1] if len(a.text.split()) > 1 else ""
                if not _CYRILLIC.search(last) or (a.lang, last) in texts or not has_morphology(a.lang, self.folders):
                    continue
                parses = morph_parse(last.casefold(), analyzer_for(a.lang, self.folders))
                if any(p.is_known and not {"Surn", "Name"} & set(p.tag.grammemes) for p in parses):
                    continue
                texts.add((a.lang, last))
                out.append(Alias(last, a.lang, a.entity_id, "name"))
        return out

    def _surname_forms(self, alias: Alias, tokens: list[Token]) -> list[str]:
        """A person's one-word Cyrillic name in the case forms of its language's ``surname_case_endings``
        (``morphology.toml``: «Сибіга» → «Сибіги», «Стармер» → «Стармера»), which the dictionary may not
        give it."""
        if len(tokens) != 1 or len(alias.text) < 4 or not _CYRILLIC.search(alias.text) or \
                self.kb.entities[alias.entity_id].type != "person":
            return []
        data = language_data("morphology", alias.lang, self.folders)
        endings = data.get("surname_case_endings", {})
        text = alias.text
        last = text[-1].casefold()
        if last in endings:
            return [text[:-1] + str(e) for e in endings[last]]
        if last.isalpha() and last not in str(data.get("surname_vowels", "")) and "" in endings:
            return [text + str(e) for e in endings[""]]
        return []

    def _automaton(self, analyzer: str, plain: bool = False) -> ahocorasick.Automaton:
        """The automaton of every alias's keys (word by word, through lemmas), or with ``plain`` the
        one for texts without Cyrillic: the aliases none of whose words has a Cyrillic letter. An
        alias with one has a Cyrillic letter in every key (that word's lemma or its case-folded
        form: ``tests/test_analysis_speed_paths.py``), which a text without any never holds, so
        that automaton finds what the whole one would, and its keys need no morphology."""
        name = analyzer if not plain else "\0plain"
        if name not in self._automata:
            table: dict[str, list[tuple[Alias, int]]] = defaultdict(list)
            for alias in list(self.kb.aliases) + ([] if plain else self._surnames_alone()):
                tokens = tokenize(alias.text)
                if plain and any(_CYRILLIC.search(t.text) for t in tokens):
                    continue
                for keys in alias_keys(tokens, analyzer):
                    if keys:
                        table[" " + " ".join(keys) + " "].append((alias, len(keys)))
                for form in self._surname_forms(alias, tokens) if not plain else ():
                    for key in {word_key(form, analyzer), folded(form)}:
                        table[f" {key} "].append((alias, 1))
                # the one-pass match of texts without Cyrillic turns each mark into a space: an alias
                # with a mark before a space inside it ("U.S. Treasury", "St. Petersburg") or with a
                # word the tokenizer keeps whole across an apostrophe ("O'Brien") is found by its
                # characters so turned too ("u s  treasury", "o brien"), never by its words' keys alone
                spaced = " " + _NON_WORD.sub(" ", alias.text.lower()).strip() + " "
                if ("  " in spaced.strip() or any(not t.text.isalnum() for t in tokens)) and tokens \
                        and not _CYRILLIC.search(alias.text):
                    table[spaced].append((alias, len(tokens)))
            automaton = ahocorasick.Automaton()
            for key, values in table.items():
                automaton.add_word(key, (key, values))
            automaton.make_automaton()
            self._automata[name] = automaton
            self._one_word_keys[name] = frozenset(key.strip() for key in table if key.count(" ") == 2)
        return self._automata[name]

    def _plain_automaton(self) -> ahocorasick.Automaton:
        return self._automaton(analyzer_for(None, self.folders), plain=True)

    def _role_keys(self, cyrillic: bool | None = None) -> dict[tuple[str, ...], str]:
        """The token keys of every role name (by language), or with ``cyrillic`` only of the names
        whose first word has (True) or has not (False) a Cyrillic letter: the first word's key
        has one exactly when the word has, so the two sets never share a first key."""
        keys: dict[tuple[str, ...], str] = {}
        for role, by_lang in self.kb.roles.items():
            for lang, names in by_lang.items():
                for name in names:
                    tokens = tokenize(name)
                    if cyrillic is not None and bool(tokens and _CYRILLIC.search(tokens[0].text)) != cyrillic:
                        continue
                    keys[tuple(word_key(t.text, analyzer_for(lang, self.folders)) for t in tokens)] = role
        return keys

    def _add_roles(self, cyrillic: bool) -> None:
        for role_keys, role in sorted(self._role_keys(cyrillic).items(), key=lambda kv: -len(kv[0])):
            if role_keys:
                self._roles_by_first[role_keys[0]].append((role_keys, role))

    def _ensure_cyrillic_roles(self) -> None:
        """The role names that begin with a Cyrillic word, added on the first text with Cyrillic
        (only a Cyrillic token's key can begin one)."""
        if not self._cyrillic_roles:
            self._cyrillic_roles = True
            self._add_roles(cyrillic=True)

    # -- matching --------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[_Candidate]:
        """Dictionary matches of the knowledge base's aliases that pass the case and context rules.

        Text with no Cyrillic is matched in one pass over its lower-cased characters (punctuation
        turned into spaces, offsets unchanged); Cyrillic text goes word by word through lemmas."""
        analyzer = analyzer_for(doc.language, self.folders)
        lowered = doc.text.lower()
        if _CYRILLIC.search(doc.text) or len(lowered) != len(doc.text):
            raw = self._lemma_matches(doc.text, analyzer)
        else:
            raw = self._char_matches(lowered)
        found = []
        title_case = self._title_case_acronyms(doc.language)
        for start, end, alias in raw:
            if (_case_ok(doc.text[start:end], alias.text, analyzer, self.folders)
                    or title_case and _title_case_acronym(doc.text, start, end, alias.text)) \
                    and self._context_ok(doc.text, start, end, alias, doc.language) \
                    and not (alias.kind == "name" and self.kb.entities[alias.entity_id].type == "state"
                             and _sentence_initial_word(doc.text, start, end, analyzer, self.folders)) \
                    and (alias.text not in self._ambiguous or self._unambiguous(doc.text, start, end, alias.text)):
                found.append(_Candidate(start, end, alias))
        return found

    def _type_nouns(self, language: str | None) -> frozenset[str]:
        """The nouns of ``language`` that say what the name after them is (``name_after`` in its
        organizations.toml): German writes them with a capital ("die Partei Georgischer Traum"), and
        one before a name is no part of it."""
        if language not in self._type_noun_words:
            data = language_data("organizations", language, self.folders) if language else {}
            self._type_noun_words[language] = frozenset(str(w) for w in data.get("name_after", {}))
        return self._type_noun_words[language]

    def _title_case_acronyms(self, language: str | None) -> bool:
        """Whether ``language`` writes an acronym with a capital only ("la Nato", "il Sbu", "die
        Nato": ``acronyms_in_title_case`` in its organizations.toml)."""
        if language not in self._title_case:
            data = language_data("organizations", language, self.folders) if language else {}
            self._title_case[language] = bool(data.get("acronyms_in_title_case"))
        return self._title_case[language]

    def _unambiguous(self, text: str, start: int, end: int, alias: str) -> bool:
        """Context rules of ``ambiguity.toml``: Georgia near Atlanta, Chad Smith, Michael Jordan."""
        rule = self._ambiguous[alias]
        window = text[max(0, start - 80):end + 80]
        if any(phrase in window for phrase in rule.get("near", [])):
            return False
        if rule.get("person_like"):
            if re.match(r" [A-Z][a-z]", text[end:end + 3]):
                return False
            before = _WORD_BEFORE.search(text[max(0, start - 30):start])
            if before and before.group(2) == " " and before.group(1) in self._given:
                return False
        return True

    def _char_matches(self, lowered: str) -> list[tuple[int, int, Alias]]:
        padded = " " + _NON_WORD.sub(" ", lowered) + " "
        out: list[tuple[int, int, Alias]] = []
        for end, (key, values) in self._plain_automaton().iter(padded):
            start = end - len(key) + 1  # offset in the text of the key's first character
            out.extend((start, end - 1, alias) for alias, _n in values)
        return out

    def _keyed_tokens(self, text: str, analyzer: str) -> tuple[list[Token], list[str]]:
        """The tokens of a text and their matching keys, computed once for the matching and the
        roles and unlisted names of the same document (the last text's are kept)."""
        last = self._last_keyed
        if last is not None and last[0] is text and last[1] == analyzer:
            return last[2], last[3]
        tokens = tokenize(text)
        if _CYRILLIC.search(text.casefold()):
            keys = [word_key(t.text, analyzer) for t in tokens]
        else:  # no word's case-folded form has a Cyrillic letter (nor «ё»): each key is that form (:func:`folded`)
            keys = [folded(t.text) for t in tokens]
        known: frozenset[str] = frozenset()
        if _CYRILLIC.search(text):  # the automaton with morphology (and its one-word keys) serves no other text
            self._automaton(analyzer)
            known = self._one_word_keys[analyzer]
        for n, token in enumerate(tokens if known else ()):
            # a capitalised word whose likeliest lemma names nothing listed, while another of its
            # readings is a listed one-word name, is that name: «у Києві» is Kyiv, not the first
            # name Кий; «Мінська» the city, not the adjective мінський
            if keys[n] not in known and token.text[:1].isupper() and _CYRILLIC.search(token.text):
                other = self._listed_reading(token.text, analyzer, known)
                if other is not None:
                    keys[n] = other
        self._last_keyed = (text, analyzer, tokens, keys)
        return tokens, keys

    def _listed_reading(self, word: str, analyzer: str, known: frozenset[str]) -> str | None:
        """The first lemma among the readings of ``word`` that is a listed one-word name (remembered
        per word: capitalised words repeat through a corpus)."""
        found = self._listed_readings.get((word, analyzer), "")
        if found == "":
            if len(self._listed_readings) >= 100_000:
                self._listed_readings.clear()
            found = next((lemma for p in morph_parse(word.casefold(), analyzer)
                          if (lemma := str(p.normal_form).replace("ё", "е")) in known), None)
            self._listed_readings[(word, analyzer)] = found
        return found

    def _lemma_matches(self, text: str, analyzer: str) -> list[tuple[int, int, Alias]]:
        tokens, keys = self._keyed_tokens(text, analyzer)
        # a word whose key the listed one-word reading replaced (the demonym «Українська») keeps its
        # likeliest lemma too, inside a longer listed name («Українська правда» is the outlet)
        likeliest = [word_key(t.text, analyzer) for t in tokens]
        out: list[tuple[int, int, Alias]] = []
        for variant in (keys, likeliest) if likeliest != keys else (keys,):
            joined = " " + " ".join(variant) + " "
            starts, pos = [], 1
            for key in variant:
                starts.append(pos)
                pos += len(key) + 1
            for end, (key, values) in self._automaton(analyzer).iter(joined):
                first = bisect.bisect_left(starts, end - len(key) + 2)
                out.extend((tokens[first].start, tokens[first + n - 1].end, alias) for alias, n in values
                           if variant is keys or n > 1)
        return list(dict.fromkeys(out))

    def _in_credit(self, text: str, m: Mention) -> bool:
        """An outlet, or a name the knowledge base does not list, after a credit word in the same line
        ("Photo: Anadolu Agency via Getty Images", "(Photo by Pavel Mikheyev/Reuters)")."""
        if m.type not in ("media", "organization", "company", "person") or (m.type == "person" and m.entity_id):
            return False
        # a picture's credit names its photographer and agency with a slash ("— Jane Doe/AFP via Getty")
        if m.type == "person" and (_SLASH_AGENCY.match(text, m.end)
                                   or _AGENCY_SLASH.search(text, max(0, m.start - 12), m.start)):
            return True
        window = max(0, m.start - 60)  # only the 60 characters before count: never a scan of a long line
        line_start = text.rfind("\n", window, m.start) + 1
        # the rights holder after a copyright mark ("© RIA Novosti, 2024") publishes, not cites
        if text[max(line_start, m.start - 3):m.start].strip(" \t\u00a0") == "©":
            return True
        return self._credit.search(text, max(line_start, window), m.start) is not None

    def _byline(self, text: str, m: Mention) -> bool:
        """A name the knowledge base does not list alone on its line, or after a byline word ("By",
        «Автор:»), is the page's author, not a person of the story; an outlet on the author's line
        ("By Jane Doe, Reuters", "Reuters staff") is the page's publisher, not a cited source."""
        if m.type in ("media", "organization", "company"):
            return self._publisher_byline(text, m)
        if m.type != "person" or m.entity_id:
            return False
        line_start, line_end = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
        before = text[line_start:m.start].strip(" \t:|—–-").casefold()
        after = text[m.end:len(text) if line_end < 0 else line_end].strip(" \t,.|")
        # the author's outlet after the name ("By Jane Doe, Reuters"; «Автор: Анна Смирнова, ТАСС»)
        if (not before or before in self._byline_words) \
                and _OUTLET_AFTER.fullmatch(text[m.end:len(text) if line_end < 0 else line_end]):
            return True
        # (each test read only where the answer needs it: most names have words after them on their
        # line, and then only a byline word before them can make them the author)
        if after and before not in self._byline_words:
            return False
        # a date after the author on the byline ("Von Anna Becker | 12.03.2025, 10:15")
        dated_after = bool(after) and any(c.isdigit() for c in after) \
            and len(re.sub(r"[\d\W_]+", " ", after).split()) <= 1
        if not (not after or dated_after and before in self._byline_words):
            return False
        if not before or before in self._byline_words:
            return True
        # a date line before the author ("14:35, 18 апреля 2025 | Анна Смирнова"): digits and a month,
        # or a clock time ("Обновлено в 10:15, 3 июня | ...")
        return any(c.isdigit() for c in before) and (len(re.sub(r"[\d\W_]+", " ", before).split()) <= 1
                                                     or _CLOCK.search(before) is not None)

    def _bodies_named_before(self, found: list[Mention], bare: frozenset[str], text: str = "",
                             referrers: tuple[str, ...] = ()) -> list[Mention]:
        """A state's body with no state by it ("the Foreign Ministry said", "its foreign ministry")
        after the same body named with its state ("the Kazakh Foreign Ministry", "the Supreme Court of
        Uzbekistan") is that body: the nearest such name before it. One named only after it stays
        bare, as a text may name another state's body of that kind later; one in lower case (kind
        ``REFERRED``) is then dropped: the statement stages read such a body as its sentence's state;
        but after a possessive that refers to a state ("its foreign ministry", "the country's") with
        one state named before it in its sentence and no other, it is that state's body ("Hungary
        summoned the envoy, and its foreign ministry said" = Hungarian Foreign Ministry)."""
        if not any(m.entity_id is None and (m.canonical in bare or m.kind == REFERRED) for m in found):
            return found
        named = sorted((m for m in found if m.type not in ("state", "alliance", "person")
                        and m.canonical not in bare), key=lambda m: m.start)
        out = []
        for m in found:
            if m.entity_id is None and (m.canonical in bare or m.kind == REFERRED):
                before = [o for o in named if o.end <= m.start and (o.canonical.endswith(" " + m.canonical)
                                                                    or o.canonical.startswith(m.canonical + " of "))]
                if before:
                    o = before[-1]
                    m = dataclasses.replace(m, canonical=o.canonical, entity_id=o.entity_id, type=o.type,
                                            kind="pattern" if m.kind == REFERRED else m.kind)
                elif (state := self._sentence_state(text, found, m, referrers, self._articles)) is not None:
                    # no body of that name before it: the sentence's one state's ("its central bank");
                    # (kind REFERRED kept: the statement stages read the body as its sentence's
                    # state, as before, not as an actor of its own)
                    m = dataclasses.replace(m, canonical=self._unlisted.named_after(state, m.canonical))
                elif m.kind == REFERRED:  # the text's state is unsure
                    continue
            out.append(m)
        return out

    @staticmethod
    def _sentence_state(text: str, found: list[Mention], m: Mention, referrers: tuple[str, ...],
                        articles: frozenset[str] = frozenset()) -> str | None:
        """The one state named before ``m`` in its sentence (by its name, or else by its adjective; of
        several by name, the one that opens the sentence after at most an article), where a
        possessive that refers to a state stands right before ``m`` ("its", "the country's";
        ``possessive_referrers``), else None."""
        before = text[max(0, m.start - 20):m.start].rstrip().casefold()
        if not text or not referrers or not before.endswith(referrers):
            return None
        start = max(text.rfind(stop, 0, m.start) for stop in (". ", "! ", "? ", "\n"))
        states = [o for o in found if o.type == "state" and o.entity_id and start < o.start < m.start]
        # a state by its name is what "its" stands for, rather than an adjective on another noun
        # ("Hungary summoned the Ukrainian envoy, and its foreign ministry ...")
        for group in ({o.entity_id for o in states if o.kind != "demonym"}, {o.entity_id for o in states}):
            if len(group) == 1:
                return group.pop()
            if group:
                break
        # of several, the one that opens the sentence, its subject, by its name or seat ("Tashkent has
        # kept close ties with Moscow, but its foreign ministry ...")
        opening = [o for o in states if o.kind != "demonym"
                   and text[start + 1:o.start].strip(_OPENING_MARKS) in ("", *articles)]
        return opening[0].entity_id if opening else None

    def _publisher_byline(self, text: str, m: Mention) -> bool:
        """An outlet after a byline word and its author's name on one line ("By Jane Doe, Reuters",
        "Автор: Анна Смирнова | ТАСС"), after the name alone ("Jane Doe, Reuters"), or alone on its
        line, with a staff word or a date or nothing after it ("Reuters staff", "Reuters | 12 March")."""
        line_start, line_end = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
        if m.start - line_start > 80:
            return False
        before = text[line_start:m.start]
        after = text[m.end:len(text) if line_end < 0 else line_end].strip(" \t,.|").casefold()
        dated = not after or any(c.isdigit() for c in after) and len(re.sub(r"[\d\W_]+", " ", after).split()) <= 2
        if not before.strip():  # "Reuters staff", "Reuters | 12 March 2025", "Reuters" alone
            return after in self._staff_words or dated
        if not dated:
            return False
        if _AUTHOR_LEAD.fullmatch(before):  # "Anna Brooks, Reuters", «Иван Петров | Интерфакс | 12 марта»
            return True
        lead = _BYLINE_LEAD.fullmatch(before)
        return lead is not None and lead.group(1).strip(" \t:").casefold() in self._byline_words

    def _openers(self, language: str | None) -> frozenset[str]:
        """Words of ``language`` that open a sentence before a name without being part of it: its
        titles ("Prezydent Stanów Zjednoczonych") and the first words of its citation cues ("Według
        Stanów Zjednoczonych"), casefolded."""
        if language not in self._opener_words:
            titles = language_data("persons", language, self.folders).get("titles", []) if language else []
            cues = language_data("organizations", language, self.folders).get("citation_cues", []) if language else []
            self._opener_words[language] = frozenset(str(w).split()[0].casefold() for w in [*titles, *cues]
                                                     if str(w).split())
        return self._opener_words[language]

    def _context_ok(self, text: str, start: int, end: int, alias: Alias, language: str | None = None) -> bool:
        if alias.kind not in ("seat", "city") and not (alias.kind == "name" and " " in alias.text):
            return True
        previous, gap = _word_before(text, max(0, start - 40), start)
        is_person = self.kb.entities[alias.entity_id].type == "person"
        if alias.kind == "name" and " " in alias.text and previous and not is_person:
            # "Collective Security Council" is not the UN's "Security Council": a capitalised word
            # right before a multi-word name makes it part of a longer name
            if gap == " " and previous[:1].isupper() and not previous.isupper() and previous not in self._articles \
                    and previous not in self._type_nouns(language) \
                    and not (_opens_sentence(text, start - len(gap) - len(previous))
                             and (is_noun(previous) or previous.casefold() in self._openers(language)
                                  # Cyrillic writes a name's later words in lower case: a word opening
                                  # the sentence before a name is no part of it («Правящая Партия
                                  # действия и солидарности»)
                                  or _CYRILLIC.search(previous) is not None)):
                return False
        # "The Times of Central Asia" is not The Times: "of" and a capital after a name continue it
        if alias.kind == "name" and " " in alias.text and not is_person \
                and self.kb.entities[alias.entity_id].type not in ("state", "alliance") and _OF_A_NAME.match(text, end):
            return False
        if alias.kind not in ("seat", "city"):
            return True
        if alias.kind == "city" and previous.casefold() not in self._place_words:
            return False  # a city that is no capital names its state only as the seat of a body there
        if previous.casefold() in self._place_words:
            body = _WORD_BEFORE.search(text[max(0, start - 80):start - len(gap) - len(previous)])
            fronted = _BODY_AFTER_PLACE.match(text, end) if _opens_sentence(text, start - len(gap) - len(previous)) \
                else None  # "In Tbilisi, police detained": the body acting in the place the sentence opens with
            return body is not None and body.group(1).casefold() in self._seat_bodies or \
                fronted is not None and fronted.group(1).casefold() in self._seat_bodies or \
                alias.kind == "seat" and self._spoken_in(text, end, language) or \
                self._body_opens_clause(text, start)
        line_start = text.rfind("\n", 0, start) + 1
        after = text[end:end + 3].strip()[:1]
        is_dateline = start == line_start and text[start:end].isupper() and after in ("(", "–", "-", ",")
        return not is_dateline

    def _body_opens_clause(self, text: str, start: int) -> bool:
        """"Police raided a warehouse outside Moscow", «Полиция задержала в Санкт-Петербурге»: a
        sentence opened by a state body (``body_in_seat``, an article and one word before it
        allowed) with no stop or comma before the place acts there, in that place's state."""
        opening = max(text.rfind(stop, 0, start) for stop in (". ", "! ", "? ", "\n", ", ", "; ", ": "))
        stretch = text[opening + 1:start] if opening >= 0 else text[:start]
        if opening >= 0 and text[opening] in ",;:" or len(stretch) > 80:
            return False
        words = [w.casefold() for w in _WORDS.findall(stretch)[:3]]
        if words and words[0] in self._articles:
            words = words[1:]
        return any(w in self._seat_bodies for w in words[:2])

    def _spoken_in(self, text: str, end: int, language: str | None) -> bool:
        """Russian and Ukrainian: a seat in the locative before a plural speech verb with no subject,
        within its next three words («В Москве заявили», «У Москві таку практику заперечують»), names
        the state's authorities speaking there, not the place (``verbs`` of speech_verbs.toml)."""
        if not language:
            return False
        verbs = self._speech_lemmas.get(language)
        if verbs is None:
            listed = language_data("speech_verbs", language, self.folders).get("verbs", [])
            verbs = self._speech_lemmas[language] = frozenset(str(v).replace("ё", "е") for v in listed)
        clause = re.split(r"[,.;:!?«»\"—()\n]", text[end:end + 60], maxsplit=1)[0].split()[:3]  # the verb, its object
        analyzer = analyzer_for(language, self.folders)
        return any(_CYRILLIC.search(w) and any(
            p.tag.POS == "VERB" and p.tag.number == "plur" and str(p.normal_form).replace("ё", "е") in verbs
            for p in morph_parse(w.casefold(), analyzer)) for w in clause)

    @staticmethod
    def _disambiguate(candidates: list[_Candidate]) -> list[_Candidate]:
        """One span, several entities (the surname "Japarov"): keep the one the article also names in
        full; when none or several are, the span is left out rather than guessed."""
        by_span: dict[tuple[int, int], list[_Candidate]] = defaultdict(list)
        for c in candidates:
            by_span[(c.start, c.end)].append(c)
        named_in_full = {c.alias.entity_id for c in candidates if " " in c.alias.text or "-" in c.alias.text}
        kept = []
        for group in by_span.values():
            ids = {c.alias.entity_id for c in group}
            if len(ids) > 1:
                full = ids & named_in_full
                group = [c for c in group if c.alias.entity_id in full] if len(full) == 1 else []
            kept.extend(group)
        return kept

    def _select(self, candidates: list[_Candidate], preferred: str | None = None) -> list[_Candidate]:
        """The longest matches that do not overlap; among equal spans names before demonyms and seats,
        then aliases of the ``preferred`` language (by default the language of canonical names)."""
        preferred = preferred or self._canonical
        ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), _KIND_PRIORITY.get(c.alias.kind, 9),
                                                    c.alias.lang != preferred))
        chosen: list[_Candidate] = []
        occupied: set[int] = set()
        for c in ordered:
            span = range(c.start, c.end)
            if not occupied.isdisjoint(span):
                continue
            occupied.update(span)
            chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)

    @staticmethod
    def _inside_a_name(m: Mention, unlisted: list[Mention]) -> bool:
        if m.type not in ("alliance", "state"):
            # a listed name inside an unlisted one is there only where the longer name won (a state's
            # body named with its state: «Минобороны Казахстана»)
            return any(u.start <= m.start and m.end <= u.end and (u.start, u.end) != (m.start, m.end)
                       for u in unlisted)
        return any(u.start <= m.start and m.end <= u.end and (u.start, u.end) != (m.start, m.end)
                   and (m.type == "alliance" or u.type in _NAMES_ABSORB_STATES) for u in unlisted)

    def _spelled_out_names(self) -> dict[str, str]:
        """The name in full, in the language of canonical names, of each listed organisation whose
        canonical name is its initials, with them in brackets ("Federal Security Service (FSB)",
        as unlisted names keep an acronym after them, so that either form matches): the first alias
        of more than one word, each of them capitalised (not "Russian military intelligence")."""
        out: dict[str, str] = {}
        for alias in self.kb.aliases:
            entity = self.kb.entities.get(alias.entity_id)
            if (entity is None or entity.type in ("state", "alliance", "person") or alias.entity_id in out
                    or alias.lang != self._canonical or not _INITIALS.fullmatch(entity.canonical)):
                continue
            words = alias.text.split()
            if len(words) > 1 and all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in words):
                out[alias.entity_id] = f"{alias.text} ({entity.canonical})"
        return out

    def _spelled_out(self, chosen: list[_Candidate], linked: list[Mention]) -> list[Mention]:
        """An organisation known by its initials that the text also names in full, in any language
        («Служба безпеки України», "the Federal Security Service (FSB)"), is listed under its full
        name, once, as the text writes it; named by its initials alone it keeps them."""
        full = {c.alias.entity_id for c in chosen if c.alias.entity_id in self._spelled and " " in c.alias.text}
        return [dataclasses.replace(m, canonical=self._spelled[m.entity_id]) if m.entity_id in full else m
                for m in linked]

    def _mention(self, doc: Doc, c: _Candidate) -> Mention:
        entity = self.kb.entities[c.alias.entity_id]
        return Mention(c.start, c.end, doc.text[c.start:c.end], entity.id, entity.type, c.alias.kind,
                       _KIND_CONFIDENCE.get(c.alias.kind, 0.5), entity.canonical)

    # -- roles ("the Kazakh president", "Russia's defence minister", "the president of Belarus") --
    def _role_at(self, keys: list[str], j: int) -> tuple[str, int] | None:
        """The role whose words start at token ``j``, and its length in tokens."""
        for role_keys, role in self._roles_by_first.get(keys[j], ()) if j < len(keys) else ():
            if tuple(keys[j:j + len(role_keys)]) == role_keys:
                return role, len(role_keys)
        return None

    def _role_joiners(self, language: str | None, titles: bool = False) -> tuple[tuple[str, ...], ...]:
        """The token keys that may stand between a role noun and its state after it in ``language``
        (``role_joiners`` of its roles.toml; the empty one where ``state_follows_role``: the state's
        adjective or genitive right after the noun). With ``titles``: the empty one where
        ``title_before_state`` (a title that names its holder for speaker resolution only)."""
        if (language, titles) not in self._joiners:
            data = language_data("roles", language, self.folders) if language else {}
            analyzer = analyzer_for(language, self.folders)
            joiners = [] if titles else [tuple(word_key(t.text, analyzer) for t in tokenize(str(j)))
                                         for j in data.get("role_joiners", [])]
            if data.get("title_before_state" if titles else "state_follows_role"):
                joiners.append(())
            self._joiners[(language, titles)] = tuple(sorted(joiners, key=len, reverse=True))
        return self._joiners[(language, titles)]

    def _role_before(self, doc: Doc, keys: list[str], c_first: int,
                     titles: bool = False) -> tuple[str, int, int] | None:
        """A role noun before its state in a language that puts the state after the noun: the role,
        its length in tokens and its first token."""
        for joiner in self._role_joiners(doc.language, titles):
            end = c_first - len(joiner)
            if end < 1 or tuple(keys[end:c_first]) != joiner:
                continue
            for n in (3, 2, 1):
                start = end - n
                if start >= 0 and (hit := self._role_at(keys, start)) and hit[1] == n:
                    return hit[0], hit[1], start
        return None

    def _governed_title(self, doc: Doc, tokens: list[Token], first: int) -> bool:
        """«Пресс-секретарь президента России», «заместитель главы МИД»: a title in the genitive after a
        noun (not one after a preposition: «по словам министра») is that noun's, another person's office."""
        if first < 1:
            return False
        analyzer = analyzer_for(doc.language, self.folders)
        title = morph_parse(tokens[first].text.casefold(), analyzer)
        if not any("gent" in p.tag.grammemes for p in title[:2]):
            return False  # «..., отметил в интервью телеканалу президент Казахстана»: the title in the nominative
        before = morph_parse(tokens[first - 1].text.casefold(), analyzer)
        if not before or before[0].tag.POS != "NOUN":
            return False
        ahead = morph_parse(tokens[first - 2].text.casefold(), analyzer) if first >= 2 else []
        return not (ahead and ahead[0].tag.POS == "PREP")

    def _title_over_body(self, doc: Doc, tokens: list[Token], keys: list[str], starts: list[int],
                         c: _Candidate, state: str) -> list[Mention]:
        """«глава МИД России»: a title whose last words are the start of a state body's name (the body
        of ``state``) names the office's holder, as a title before the state's genitive does."""
        c_first = bisect.bisect_left(starts, c.start)
        c_last = bisect.bisect_left(starts, c.end) - 1
        for first in (c_first - 1, c_first - 2, c_first - 3):
            hit = self._role_at(keys, first) if first >= 0 else None
            if hit is not None and c_first < first + hit[1] <= c_last + 1 and \
                    not self._governed_title(doc, tokens, first):
                holder = self.kb.holder(hit[0], state, doc.published)
                if holder is None:
                    return []
                start, end = tokens[first].start, tokens[c_last].end
                return [Mention(start, end, doc.text[start:end], holder.id, "person", "role",
                                _KIND_CONFIDENCE["role"], holder.canonical)]
        return []

    def _role_mentions(self, doc: Doc, tokens: list[Token], keys: list[str],
                       chosen: list[_Candidate], titles: bool = False) -> list[Mention]:
        """Office holders named by a role and its state; with ``titles`` only the titles before a state
        of ``title_before_state`` («министр иностранных дел России», «глава МЗС України»)."""
        if titles and not self._role_joiners(doc.language, True):
            return []
        out = []
        starts = [t.start for t in tokens]
        for c in chosen:
            entity = self.kb.entities[c.alias.entity_id]
            if titles and entity.type == "government_body" and entity.country:
                out.extend(self._title_over_body(doc, tokens, keys, starts, c, entity.country))
                continue
            if c.alias.kind in ("seat", "city") or entity.type != "state":
                continue
            c_first = bisect.bisect_left(starts, c.start)
            c_last = bisect.bisect_left(starts, c.end) - 1
            j = c_last + 1
            if j < len(keys) and keys[j] in self._role_words["possessive_tokens"]:  # "Kazakhstan's"
                j += 1
            # "Russia, Prime Minister X": punctuation between a state and a role noun parts them
            found = self._role_at(keys, j) if not titles and _adjoining(doc.text, tokens, c_last, j) else None
            first, last = c_first, (j + found[1] - 1) if found else c_last
            if titles:  # «министр иностранных дел России», «глава МЗС України»: the title before the state
                if (before := self._role_before(doc, keys, c_first, True)) is not None and \
                        not self._governed_title(doc, tokens, before[2]):
                    found, first = (before[0], before[1]), before[2]
            elif found is None and c_first >= 2 and keys[c_first - 1] in self._role_words["state_after"]:
                for n in (3, 2, 1):  # "the president of Belarus"
                    start = c_first - 1 - n
                    if start >= 0 and (hit := self._role_at(keys, start)) and hit[1] == n:
                        found, first = hit, start
                        break
            # "le président français", "prezydent Rosji", "il presidente della Russia"
            if found is None and not titles and (before := self._role_before(doc, keys, c_first)) is not None:
                found, first = (before[0], before[1]), before[2]
            if found is None:
                continue
            holder = self.kb.holder(found[0], c.alias.entity_id, doc.published)
            if holder is not None:
                start, end = tokens[first].start, tokens[last].end
                out.append(Mention(start, end, doc.text[start:end], holder.id, "person", "role",
                                   _KIND_CONFIDENCE["role"], holder.canonical))
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not self._cyrillic_roles and _CYRILLIC.search(doc.text):
            self._ensure_cyrillic_roles()
        chosen = self._select(self._disambiguate(self.match(doc)))
        linked = self._spelled_out(chosen, [self._mention(doc, c) for c in chosen])
        tokens, keys = self._keyed_tokens(doc.text, analyzer_for(doc.language, self.folders))
        starts = [t.start for t in tokens]
        roles = self._role_mentions(doc, tokens, keys, chosen)
        doc.titles = tuple(self._role_mentions(doc, tokens, keys, chosen, titles=True))
        taken: set[int] = set()
        unlisted: list[Mention] = []
        language = doc.language or self._fallback
        if self._unlisted.reads(language):
            for m in linked:
                taken.update(starts[bisect.bisect_left(starts, m.start):bisect.bisect_left(starts, m.end)])
            unlisted = self._unlisted.organizations(doc.text, tokens, linked, taken, language, keys)
            # a state's body that contains an alliance's name ("Security Council of Russia") is the body;
            # a state's name inside a party's, a company's or an outlet's name («Россия 24») is the name
            # a run of capitals around an alliance's name is the alliance's body ("Rat der Europäischen
            # Union", "UN Development Programme"), which the guidelines list as the alliance
            alliances = [(m.start, m.end) for m in linked if m.type == "alliance"]
            unlisted = [u for u in unlisted if u.type != "organization" or u.entity_id is not None
                        or not any(u.start <= s and e <= u.end for s, e in alliances)]
            linked = [m for m in linked if not self._inside_a_name(m, unlisted)]
            for m in unlisted:
                taken.update(starts[bisect.bisect_left(starts, m.start):bisect.bisect_left(starts, m.end)])
            if self._unlisted.reads_persons(language):
                unlisted += self._unlisted.persons(doc.text, tokens, taken, language)
        found = [m for m in linked + roles + unlisted if not (m.type == "media" and _credited(doc.text, m))
                 and not self._in_credit(doc.text, m) and not self._byline(doc.text, m)]
        if unlisted and self._unlisted.reads(language):
            found = self._bodies_named_before(found, self._unlisted.bare_bodies(language), doc.text,
                                              self._unlisted.words(language).possessive_referrers)
        doc.mentions = tuple(sorted(found, key=lambda m: (m.start, -m.end)))
        return doc
