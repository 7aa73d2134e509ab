"""Who does or says something in a sentence: mentions mapped to the states they stand for, the
nearest subject before a cue, pronouns and role nouns resolved from the sentences before."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from pathlib import Path

from ..kb.knowledge import KnowledgeBase
from ..kb.langdata import every_language_data, language_data, pack_data
from .doc import Doc, Mention, Sentence

__all__ = ["DATELINE", "ActorResolver", "bullet_states", "listed_states", "without_opener"]

_STATE_BODY_TYPES = {"government_body", "armed_force", "state"}
_WORDS = re.compile(r"[^\W\d_]+")
#: a short opening phrase before the subject: "Last month, he ...", "In April, it ..."
#: a dateline opening a lede: "BISHKEK — ", "TBILISI, March 4 (Wire) - ", the agency in brackets after the
#: place or before it ("ASTANA (dpa) - ", "(ANSA) - BRUXELLES, 27 GEN - ")
DATELINE = re.compile(r"^\W*(?:\([^()\n]{1,20}\)\s*[—–-]\s+)?[A-ZÀ-ÞА-ЯІЇЄҐŁŚŻŹĆŃ][A-ZÀ-ÞА-ЯІЇЄҐŁŚŻŹĆŃ' .-]{2,}"
                      r"(?:,[^—–\n]{0,40})?(?:\s*\([^()\n]{1,20}\))?\s+[—–-]\s+")
_OPENER = re.compile(r"^\W*(?:[\w’'-]+\s+){0,3}[\w’'-]+,\s+(?=\w)")
def without_opener(head: str) -> str:
    """The start of a sentence without a short opening phrase and its comma ("Last month, he ...")."""
    opener = _OPENER.match(head)
    return head[opener.end():] if opener is not None else head


@dataclasses.dataclass(frozen=True)
class _ActorWords:
    """A language's words of the actor resolver (``lang/<code>/actors.toml``), as it matches them."""

    person: re.Pattern[str]
    state: re.Pattern[str]
    institution: re.Pattern[str]
    administration: re.Pattern[str]
    press: re.Pattern[str]
    group: re.Pattern[str]
    collective: frozenset[str]
    organs: frozenset[str]
    nonstate: frozenset[str]
    body_heads: frozenset[str]
    opener: re.Pattern[str]
    subject_lead: frozenset[str]


def _either(words: list[str]) -> str:
    """The words as one regex alternation (one that never matches where there are none)."""
    return "|".join(re.escape(str(w)) for w in words) or "(?!)"


@functools.lru_cache(maxsize=32)
def _actor_words(lang: str, folders: tuple[Path, ...] | None = None) -> _ActorWords:
    """The actor words of ``lang`` merged over the pack ``folders`` (the bundled pack and those the
    ``packs`` setting adds); the institution words of the language of canonical names as well, since
    a body's canonical name is matched too."""
    data = language_data("actors", lang, folders)
    canonical = language_data("actors", str(pack_data("languages.toml", folders).get("canonical", lang)), folders)
    lead = r"^[^\w\"“”«»'‘’]*(?:(?:" + _either(data.get("openers", [])) + r"),?\s+)?"
    stems = list(dict.fromkeys([*data.get("institution_stems", []), *canonical.get("institution_stems", [])]))
    whole = list(dict.fromkeys([*data.get("institution_words", []), *canonical.get("institution_words", [])]))
    institution = "|".join([_either(stems)] + ([r"\b(?:" + _either(whole) + r")\b"] if whole else []))
    verbs = _either(data.get("group_verbs", []))
    endings = "|".join(r"[a-z]+" + re.escape(str(e)) for e in data.get("group_verb_endings", []))
    return _ActorWords(
        re.compile(lead + "(" + _either(data.get("opening_person", [])) + r")\b", re.I),
        re.compile(lead + "(" + _either(data.get("opening_state", [])) + r")\b", re.I),
        re.compile("(" + institution + ")", re.I),
        re.compile(r"(?:['’]s)?\s+(" + _either(data.get("administration_nouns", [])) + r")\b", re.I),
        re.compile(r"\b(?:" + _either(data.get("press_nouns_before", [])) + r")\s+$", re.I),
        re.compile(r" ((?:[a-z]+ ){0,2}?[a-z]+)(?= (?:" + "|".join(x for x in (verbs, endings) if x) + r")\b)"),
        frozenset(str(w) for w in data.get("collective_nouns", [])),
        frozenset(str(w) for w in data.get("organ_nouns", [])),
        frozenset(str(w) for w in data.get("nonstate_groups", [])),
        frozenset(str(w).casefold() for w in data.get("body_heads", [])),
        re.compile(lead + r"(?=\w)", re.I),
        frozenset(str(w) for w in data.get("subject_lead", [])) | (
            frozenset(str(w) for w in data.get("organ_nouns", [])) if data.get("subject_lead") else frozenset()))


class ActorResolver:
    """Actor helpers over one analysed document (needs sentences and mentions); its words are read
    from the pack ``folders`` (``None``: the bundled pack and the installed ones)."""

    def __init__(self, kb: KnowledgeBase, doc: Doc, folders: tuple[Path, ...] | None = None) -> None:
        self.kb = kb
        self.doc = doc
        self.folders = folders
        # a body in lower case after "its" that the entity stage named as its sentence's state's
        # (kind "referred") is no actor of its own: the sentence's state is
        self.mentions = sorted((m for m in doc.mentions if (m.kind != "surname" or m.type == "person")
                                and m.kind != "referred"), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._by_sentence: dict[tuple[int, int], list[Mention]] = {}
        states = [m for m in doc.mentions if m.type == "state" and m.entity_id]
        self._inner_state: dict[tuple[int, int], str] = {}
        self._office_nouns: frozenset[str] | None = None
        self._language = doc.language or str(pack_data("languages.toml", folders).get("fallback", ""))
        self._words = _actor_words(self._language, folders)
        owned_heads = self._words.body_heads
        for m in doc.mentions:
            if m.entity_id is None and m.type in _STATE_BODY_TYPES:
                inside = [s for s in states if m.start <= s.start and s.end <= m.end]
                if inside:
                    self._inner_state[(m.start, m.end)] = str(inside[0].entity_id)
            elif m.entity_id is None and m.type == "organization" and owned_heads and self._body_named(m, owned_heads):
                owner = next((s for s in states if s.end <= m.start and s.kind != "demonym"
                              and doc.text[s.end:m.start].strip() in ("'s", "’s")), None)
                if owner is not None:  # "Uzbekistan's Agency for External Labour Migration": that state's body
                    self._inner_state[(m.start, m.end)] = str(owner.entity_id)

    @staticmethod
    def _body_named(m: Mention, heads: frozenset[str]) -> bool:
        """An organisation named by a state body's head noun (``body_heads`` in actors.toml: "Agency for
        ...", "State Committee for ...", "National Bank of ..."), first or after one modifier."""
        words = m.text.casefold().split()
        return bool(words) and (words[0] in heads or len(words) > 1 and words[1] in heads)

    # -- what a mention stands for ------------------------------------------------------------
    def state_of(self, m: Mention) -> str | None:
        """The state a mention acts for: the state itself, a state body, an office holder."""
        if m.type == "state":
            return m.entity_id
        if m.entity_id is None:
            if m.type == "person":
                return self._office_of(m)
            return self._inner_state.get((m.start, m.end))
        entity = self.kb.get(m.entity_id)
        if entity is None:
            return None
        if entity.type in _STATE_BODY_TYPES and entity.country:
            return entity.country
        if entity.type == "person" and entity.roles:
            held = [r for r in entity.roles if r.held_on(self.doc.published)] or list(entity.roles)
            state_entity = self.kb.get(held[-1].of)
            return state_entity.id if state_entity is not None and state_entity.type == "state" else None
        return None

    def _generic_body_state(self, m: Mention) -> str | None:
        """A ministry named by common words alone after "the" ("The Foreign Ministry has urged
        citizens ...", every word one of the language's ``state_nouns``): the state the sentences
        before are about, as "the ministry" opening a sentence is."""
        if self._office_nouns is None:
            grammar = language_data("grammar", self._language, self.folders)
            self._office_nouns = frozenset(str(w).casefold() for w in grammar.get("state_nouns", []))
        words = [w.casefold() for w in _WORDS.findall(m.text)]
        before = _WORDS.findall(self.doc.text[max(0, m.start - 5):m.start])
        if not words or not all(w in self._office_nouns for w in words) or not before or \
                before[-1].casefold() != "the":
            return None
        sentence = self.doc.sentence_at(m.start)
        found = self.antecedent(sentence, wants_person=False, wants_state=True, states_only=True) \
            if sentence is not None else None
        return self.state_of(found) if found is not None else None

    def _office_of(self, m: Mention) -> str | None:
        """A person the knowledge base does not list, named with a state's office before the name:
        "Brazil's permanent representative Maria Silva", "the Kazakh ambassador Ivan Petrov" (every
        word between the state and the name one of the language's ``state_nouns``)."""
        if self._office_nouns is None:
            grammar = language_data("grammar", self._language, self.folders)
            self._office_nouns = frozenset(str(w).casefold() for w in grammar.get("state_nouns", []))
        i = bisect.bisect_left(self._starts, m.start)
        for prev in reversed(self.mentions[max(0, i - 3):i]):
            if prev.type != "state" or not prev.entity_id or m.start - prev.end > 60:
                continue
            between = _WORDS.findall(self.doc.text[prev.end:m.start].casefold())
            if between and between[0] == "s":  # the possessive's "s"
                between = between[1:]
            if between and all(w in self._office_nouns for w in between):
                return prev.entity_id
            return None
        return None

    def label(self, m: Mention) -> str:
        """The actor as the export writes it: ISO3 for a state acting as such (its name, capital,
        government, embassy, armed forces), a short description for a group ("Kazakh rights activists"), the
        alliance's code, or the canonical name of a person or a named body."""
        if m.type == "state" and m.entity_id:
            group = self.group_after(m)
            return group or m.entity_id
        if m.type in ("government_body", "armed_force") and (self._words.institution.search(m.text) or
                                                              self._words.institution.search(m.canonical)):
            state = self.state_of(m)
            if state:
                return state
        if m.type in ("organization", "government_body") and m.entity_id is None and \
                self._words.institution.search(m.text):
            state = self._generic_body_state(m)
            if state:
                return state
        if m.type == "unowned_body" and self._words.subject_lead:
            # «Il ministero degli Esteri ha convocato ...», «Ministerstwo Obrony Narodowej przekazało ...»: a body
            # with no state by it is the page's own state's, the state the sentences before are about (in a
            # language whose ``subject_lead`` says what a sentence's subject is)
            sentence = self.doc.sentence_at(m.start)
            found = self.antecedent(sentence, wants_person=False, wants_state=True, states_only=True) \
                if sentence is not None else None
            state = self.state_of(found) if found is not None else None
            if state:
                return state
        if m.type == "alliance" and m.entity_id:
            return m.entity_id
        if m.type == "person" and (self._words.administration.match(self.doc.text, m.end) or
                                   self._words.press.search(self.doc.text[max(0, m.start - 40):m.start])):
            state = self.state_of(m)  # "the Biden administration", «пресс-служба Лукашенко»: the state
            if state:
                return state
        return m.canonical

    @property
    def nonstate_groups(self) -> frozenset[str]:
        """Lemmas of groups inside a country that do not speak for its state (an opposition party)."""
        return self._words.nonstate

    @property
    def organ_nouns(self) -> frozenset[str]:
        """Nouns of a state's own organs ("government", "diplomats", "army"): the state acts through them."""
        return self._words.organs

    def group_after(self, m: Mention) -> str | None:
        """"Kazakh rights activists": a demonym before a plural noun that is not the state's own organs."""
        if m.kind != "demonym":
            return None
        words = self._words.group.match(self.doc.text, m.end)
        if not words:
            return None
        nouns = words.group(1).split()
        if any(n.casefold() in self._words.organs for n in nouns):
            return None
        if not nouns[-1].casefold().endswith("s") and nouns[-1].casefold() not in self._words.collective:
            return None
        return f"{m.text} {words.group(1)}"

    # -- finding subjects ---------------------------------------------------------------------
    def in_sentence(self, sentence: Sentence) -> list[Mention]:
        key = (sentence.start, sentence.end)
        found = self._by_sentence.get(key)  # one look-up where most calls find them
        if found is None:
            lo = bisect.bisect_left(self._starts, sentence.start)
            hi = bisect.bisect_left(self._starts, sentence.end)
            found = self._by_sentence[key] = [m for m in self.mentions[lo:hi] if m.end <= sentence.end]
        return found

    def before(self, sentence: Sentence, offset: int, *, states_only: bool = False) -> Mention | None:
        """The nearest mention before ``offset`` in the sentence (standing for a state, if asked);
        when there is none, a pronoun or role noun opening the sentence is resolved backwards."""
        candidates = [m for m in self.in_sentence(sentence) if m.end <= offset]
        if states_only:
            candidates = [m for m in candidates if self.state_of(m)]
        if candidates:
            return max(candidates, key=lambda m: m.end)
        return self.resolve_pronoun(sentence, states_only=states_only)

    def resolve_pronoun(self, sentence: Sentence, *, states_only: bool = False,
                        opening: bool = False) -> Mention | None:
        """The mention an opening pronoun stands for. ``opening``: the caller knows the pronoun opens
        the sentence itself («Он заявил, что ...» before its first comma), so a short phrase before a
        comma is not skipped as an opener ("Last month, he ordered ...")."""
        whole = self.doc.text[sentence.start:sentence.start + 60]
        opener = _OPENER.match(whole)
        heads = [whole] if opening else [whole[opener.end():] if opener is not None else whole]
        wants_person = any(self._words.person.match(head) for head in heads)
        states = [found for head in heads if (found := self._words.state.match(head)) is not None]
        wants_state = bool(states)
        if not (wants_person or wants_state):
            return None
        gender = self._pronoun_gender(states[0].group(1)) if wants_person and wants_state else None
        return self.antecedent(sentence, wants_person=wants_person, wants_state=wants_state, states_only=states_only,
                               gender=gender)

    def _pronoun_gender(self, pronoun: str) -> str | None:
        """The grammatical gender of a pronoun that may stand for a person or a state («он»: masc)."""
        from .slavic_words import readings

        try:
            parses = readings(self._language, pronoun.casefold())
        except (KeyError, ValueError, LookupError):  # a language without a pymorphy3 dictionary
            return None
        genders = {str(p.tag.gender) for p in parses if p.tag.POS == "NPRO" and p.tag.gender}
        return genders.pop() if len(genders) == 1 else None

    def _may_have_gender(self, m: Mention, gender: str) -> bool:
        """Whether the head word of a state's name can have ``gender`` («Казахстан» masc, «Армения»
        femn); true where its readings say nothing."""
        from .slavic_words import readings

        head = re.findall(r"[^\W\d_]+", m.text)
        if not head:
            return True
        try:
            parses = readings(self._language, head[-1].casefold())
        except (KeyError, ValueError, LookupError):
            return True
        genders = {str(p.tag.gender) for p in parses if p.tag.POS == "NOUN" and p.tag.gender}
        return not genders or gender in genders

    def person_pronoun(self, text: str) -> bool:
        """Whether ``text`` opens with a pronoun that stands for a person ("he", «он», «він»)."""
        return bool(self._words.person.match(text))

    def opening_pronoun(self, text: str) -> bool:
        """Whether ``text`` opens, after a connective of ``openers``, with a pronoun or noun that
        stands for an earlier person or state («Тем не менее он ...», «Проте країна ...»)."""
        return bool(self._words.person.match(text) or self._words.state.match(text))

    def role_antecedent(self, sentence: Sentence, phrase: str) -> Mention | None:
        """"Tokayev spoke in Astana. The president also said ...": the latest person of the sentences
        before who holds an office that ``phrase`` ("the president", "the foreign minister") names in
        the article's language (``roles.toml``)."""
        low = f" {' '.join(phrase.casefold().split())} "
        wanted = {role for role, by_lang in self.kb.roles.items()
                  if any(f" {str(name).casefold()} " in low for name in by_lang.get(self._language, []))}
        if not wanted:
            return None
        for previous in reversed([s for s in self.doc.sentences if s.end <= sentence.start][-4:]):
            for m in self.in_sentence(previous):
                entity = self.kb.get(m.entity_id) if m.type == "person" and m.entity_id else None
                if entity is not None and any(r.role in wanted and r.held_on(self.doc.published)
                                              for r in entity.roles):
                    return m
        return None

    def antecedent(self, sentence: Sentence, *, wants_person: bool = True, wants_state: bool = False,
                   states_only: bool = False, gender: str | None = None) -> Mention | None:
        """What a pronoun in ``sentence`` stands for ("..., he said."): the subject of the latest of the
        four sentences before that has a fitting mention, its first such mention. A pronoun that may
        stand for either (Russian «он», a state's name having a gender) takes the first person or
        named state: a person with no state is no state's ("Он осудил" after a blogger), nor is a
        demonym the pronoun's antecedent (it qualifies a noun: «казахстанский блогер»), nor a state
        whose name has another ``gender`` than the pronoun («Она» after «Казахстан ... с Арменией»)."""
        either = wants_person and wants_state
        previous_sentences = [s for s in self.doc.sentences if s.end <= sentence.start][-4:]
        if wants_state and not wants_person and self._words.subject_lead:
            decided, found = self._subject_state(previous_sentences, states_only)
            if decided:
                return found
        for previous in reversed(previous_sentences):
            mentions = self.in_sentence(previous)
            for k, m in enumerate(mentions):
                if either and m.type == "state" and self._titles_next(m, mentions[k + 1:]):
                    continue  # «Президентка Молдови Мая Санду провела ...»: the state names the person's office
                if either and m.type == "person":
                    return m if not states_only or self.state_of(m) else None
                if either and (m.kind == "demonym" or gender is not None and m.type == "state"
                               and not self._may_have_gender(m, gender)):
                    continue
                if wants_person and m.type == "person" and (not states_only or self.state_of(m)):
                    return m
                if wants_state and self.state_of(m) and m.type != "person":
                    return m
        return None

    def _titles_next(self, m: Mention, rest: list[Mention]) -> bool:
        """A state's name right before a person's, only office words between («Президентка Молдови
        Мая Санду», "Armenian Foreign Minister Ararat Mirzoyan"): part of the person's title."""
        if not rest or rest[0].type != "person" or rest[0].start - m.end > 40:
            return False
        gap = self.doc.text[m.end:rest[0].start]
        return not re.search(r"[,;:()«»\"—–]", gap) and len(_WORDS.findall(gap)) <= 3

    def _subject_state(self, sentences: list[Sentence], states_only: bool) -> tuple[bool, Mention | None]:
        """What "it" or "the ministry" stands for: the state that is the subject of the latest
        sentence before whose subject is a named state or a person who holds a state's office
        (a mention before which the sentence has, past a dateline and an opener, only the words of
        ``subject_lead``: "Georgia has expelled ...", "A court in Tbilisi ordered ...", "Foreign
        Minister Ararat Mirzoyan signed ..."); sentences whose subject is no mention ("The
        ministry said the Russian diplomat ...", "The move came after ...") are passed over. An
        alliance as that subject ("The CSTO has refused requests from Yerevan. It also ...") is what
        "it" stands for: no state (``None`` where a state is asked for). ``(False, None)``: nothing
        found, the caller looks on."""
        for previous in reversed(sentences):
            text = self.doc.text[previous.start:previous.end]
            lead = DATELINE.match(text)
            skip = lead.end() if lead else 0
            opener = self._words.opener.match(text[skip:])
            skip += opener.end() if opener else 0
            for m in self.in_sentence(previous):
                before = _WORDS.findall(text[skip:max(skip, m.start - previous.start)])
                if any(not w[:1].isupper() and w.casefold() not in self._words.subject_lead for w in before):
                    break
                if m.type == "alliance":
                    return True, (None if states_only else m)
                state = self.state_of(m)
                if not state:
                    continue
                if m.type != "person":
                    return True, m
                named = next((x for x in self.mentions if x.type == "state" and x.entity_id == state), None)
                if named is not None:
                    return True, named
                return (False, None) if states_only else (True, m)
        return False, None

    def states_after(self, sentence: Sentence, offset: int) -> list[Mention]:
        return [m for m in self.in_sentence(sentence) if m.start >= offset and m.type == "state"]

    def states_in(self, sentence: Sentence) -> list[Mention]:
        return [m for m in self.in_sentence(sentence) if m.type == "state"]


@dataclasses.dataclass(frozen=True)
class _ListWords:
    """How a list of states is joined (``actors.toml`` of every language, merged)."""

    gap: re.Pattern[str]
    contrast: re.Pattern[str]
    company: re.Pattern[str]


@functools.lru_cache(maxsize=4)
def _list_words(folders: tuple[Path, ...] | None = None) -> _ListWords:
    """The list words of every language at once: a list reads the same whatever the article's language."""
    every = every_language_data("actors", folders)

    def merged(key: str) -> str:
        return _either(list(dict.fromkeys(w for data in every.values() for w in data.get(key, []))))

    return _ListWords(
        re.compile(r"^[\s,;:()\[\]–—-]*(?:" + merged("list_conjunctions") + r")?[\s,;:()\[\]–—-]*(?:"
                   + merged("list_articles") + r"\s+)?$", re.I),
        re.compile(r"\b(" + merged("contrasts") + r")\b", re.I),
        re.compile(r"\b(" + merged("company") + r")\s+", re.I))


def _adjacent_run(text: str, states: list[Mention], anchor: int, forward: bool,
                  folders: tuple[Path, ...] | None = None) -> list[Mention]:
    """The states that form a list right after (or right before) ``anchor``."""
    run: list[Mention] = []
    ordered = sorted(states, key=lambda m: m.start, reverse=not forward)
    edge = anchor
    gaps: list[str] = []
    for m in ordered:
        gap = text[edge:m.start] if forward else text[m.end:edge]
        if len(gap) > 25 or not _list_words(folders).gap.match(gap) and \
                not (not run and len(gap) <= 25 and _lead_in(gap, folders)):
            break
        if run:
            gaps.append(gap.strip())
        if not forward and len(gaps) == 2 and gaps[0] == "," and gaps[1] not in ("", ","):
            return run[:1]  # "A and B, C abstained" (just so): C's own clause, the conjunction joined A and B
        if forward and len(gaps) >= 2 and gaps[-1] == "," and gaps[-2] not in ("", ",") and \
                _opens_clause(text, m.end, folders):
            break  # "for: A and B, C abstained": C is the next clause's subject
        run.append(m)
        edge = m.end if forward else m.start
    return run


def _opens_clause(text: str, end: int, folders: tuple[Path, ...] | None = None) -> bool:
    """A lower-case word right after a name that is no list word ("Kasachstan enthielt sich", "C
    abstained"): the name opens a clause of its own."""
    after = re.match(r"\s+([^\W\d_]+)", text[end:end + 40])
    return after is not None and after.group(1)[:1].islower() and not _list_words(folders).gap.match(
        " " + after.group(1) + " ")


def _lead_in(gap: str, folders: tuple[Path, ...] | None = None) -> bool:
    """Up to four lower-case words between a vote and its list: "were among those to", "including"."""
    if _list_words(folders).contrast.search(gap):
        return False  # "China abstained, but India voted for": the next clause's subject, not the list
    return bool(re.fullmatch(r"[\s,:(–—-]*(?:[a-z]+\s+){0,3}[a-z]*[\s,:(–—-]*", gap))


def listed_states(text: str, states: list[Mention], start: int, end: int,
                  folders: tuple[Path, ...] | None = None) -> list[Mention]:
    """The states listed right after a cue ("against: A, B and C"), else right before it
    ("A, B and C were among those to abstain"); the list words are read from the pack ``folders``."""
    after = _adjacent_run(text, [m for m in states if m.start >= end], end, True, folders)
    if after:
        return after
    before = _adjacent_run(text, [m for m in states if m.end <= start], start, False, folders)
    company = _list_words(folders).company.search(text, end, min(len(text), end + 60))
    if before and company:  # "Belarus voted against it together with Russia, North Korea and Syria"
        return before + _adjacent_run(text, [m for m in states if m.start >= company.end()], company.end(),
                                      True, folders)
    return before


_BULLET = re.compile(r"[-•*–]\s")


def bullet_items(doc: Doc, sentence: Sentence) -> list[Sentence]:
    """The list items ("- Algeria" lines) right after a header line such as "Countries that abstained"."""
    index = doc.sentences.index(sentence)
    items = []
    for item in doc.sentences[index + 1:]:
        if not _BULLET.match(doc.text[item.start:item.end]):
            break
        items.append(item)
    return items


def bullet_states(doc: Doc, resolver: ActorResolver, sentence: Sentence) -> list[tuple[Sentence, Mention]]:
    """Each state named on the list item lines under a header sentence, with its line."""
    return [(item, m) for item in bullet_items(doc, sentence) for m in resolver.states_in(item)]
