"""The data types of the clause frames and where their words come from: ``Word`` (one word with
its lemma, part of speech, features and, where a parser gave them, its head), ``Frame`` (a
predicate in its clause), ``LanguagePack`` (a language's lexicons and function words merged over
the pack folders, built by ``language_pack``) and the words of the syntax helper's parse laid over
the morphology words. ``frames.py`` builds the frames from these; its names are importable from
there as before.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from ..kb.langdata import default_issue, language_data, pack_data
from .doc import Doc, Mention, Sentence
from .frames_en import _en_forms

__all__ = ["AUXILIARY_KEYS", "FACTUALITY", "GOVERNED_FACTUALITY", "Frame", "LanguagePack", "Word",
           "governed_factuality", "language_pack", "pack_union"]

FACTUALITY = ("done", "ongoing", "present", "planned", "conditional", "asked", "opinion", "denied", "nonfinite",
              "nominal", "relative")
#: the factuality a governing verb gives the verb it governs, by the ``grammar.toml`` key that lists
#: the governor, tried in this order ("plans to send": planned; "urged ... to send": asked; "denies
#: that it sent": denied). One table for every reader (``frames_forms.py``, ``frames_slavic.py``).
GOVERNED_FACTUALITY = {"future": "planned", "plan": "planned", "asking": "asked", "denial": "denied",
                       "opinion": "opinion"}
#: the ``grammar.toml`` keys that list a language's auxiliaries (every form), by what they say of the
#: verb after them
AUXILIARY_KEYS = ("be", "have", "do", "future", "conditional")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|n['’]t|\d+(?:[.,]\d+)*|[;:\"“”«»—–()]|,", re.UNICODE)


class Word:
    """One word of a sentence: offsets in the document, lemma, coarse part of speech (UD tags:
    VERB, AUX, NOUN, PROPN, ADJ, PRON, PART, ADP, DET, PUNCT, X), features (tense, case ...) and,
    where a parser gave them, the index of its head and the relation. A plain slotted class: a
    document has thousands and they are built on every analysis."""

    __slots__ = ("i", "start", "end", "text", "lemma", "upos", "feats", "head", "deprel", "low")

    def __init__(self, i: int, start: int, end: int, text: str, lemma: str, upos: str,
                 feats: frozenset[str] = frozenset(), head: int = -1, deprel: str = "", low: str = "") -> None:
        self.i, self.start, self.end, self.text, self.lemma, self.upos = i, start, end, text, lemma, upos
        self.feats, self.head, self.deprel = feats, head, deprel
        self.low = low or text.casefold().replace("’", "'")

    def with_head(self, head: int, deprel: str) -> Word:
        return Word(self.i, self.start, self.end, self.text, self.lemma, self.upos, self.feats, head, deprel, self.low)

    def __repr__(self) -> str:
        return f"Word({self.text!r}, {self.lemma!r}, {self.upos})"


@dataclasses.dataclass(frozen=True)
class Frame:
    """A predicate in its clause. ``subjects`` are mentions (several for a coordinated list);
    ``subject_word`` is the head noun when the subject is no mention ("party", "analysts")."""

    sentence: Sentence
    start: int
    end: int
    lemma: str
    word: int
    subjects: tuple[Mention, ...]
    subject_word: str | None
    negated: bool
    factuality: str
    governor: str | None
    target_start: int
    target_end: int
    clause_start: int
    clause_end: int
    speaker: Mention | None = None
    passive: bool = False
    we: bool = False

    def is_act(self) -> bool:
        """Reported as done or under way (not planned, conditional, asked for, denied or non-finite)."""
        return self.factuality in ("done", "ongoing") and not self.negated


def _with_speaker(frame: Frame, speaker: Mention) -> Frame:
    """``dataclasses.replace(frame, speaker=speaker)`` by copying the attributes (a frozen
    dataclass with no ``__post_init__``): the same frame, without ``replace``'s field checks."""
    new = object.__new__(Frame)
    new.__dict__.update(frame.__dict__)
    new.__dict__["speaker"] = speaker
    return new


@dataclasses.dataclass(frozen=True, eq=False)
class LanguagePack:
    """The lexicons and function words of one language, merged over the pack folders."""

    code: str
    grammar: dict[str, frozenset[str]]
    speech: frozenset[str]
    sources: tuple[str, ...]
    stance_classes: dict[str, frozenset[str]]
    targets: dict[str, frozenset[str]]
    event_types: dict[str, str]
    event_objects: dict[str, dict[str, str]]
    forms: dict[str, str]
    predicates: frozenset[str]
    known: frozenset[str]
    surface: frozenset[str]
    issue: str = ""
    membership: dict[str, str] = dataclasses.field(default_factory=dict)
    nouns: frozenset[str] = frozenset()
    stance_lemmas: frozenset[str] = frozenset()
    closed: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    #: the clause rules the language is read with (``grammar.toml`` ``clause_rules``): "english"
    #: (word order, auxiliaries), "slavic" (case and agreement, ``frames_slavic.py``), "v2" (``frames_de.py``)
    rules: frozenset[str] = frozenset()
    #: the ``grammar.toml`` lists in their file order, for the rules that try their words in turn
    #: (``noun_endings``)
    ordered: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    #: the pymorphy3 dictionary that reads the language's words (``morphology.toml`` ``analyzer``, else
    #: ``languages.toml`` ``cyrillic_analyzer``), for the rules that read words through it
    analyzer: str = ""
    #: letters the language may write as another, folded before a word's reading is looked up
    #: (``morphology.toml`` ``letter_folds``: Russian «ё» as «е»)
    letter_folds: tuple[tuple[str, str], ...] = ()

    def has(self, kind: str, word: str) -> bool:
        return word in self.grammar.get(kind, frozenset())

    @functools.cached_property
    def _unions(self) -> dict[tuple[str, tuple[str, ...]], frozenset[str]]:
        return {}

    def union(self, table: str, *keys: str) -> frozenset[str]:
        """The words of the lists ``keys`` of one of the pack's tables (``grammar``,
        ``stance_classes``, ``targets``; a missing key is empty) together, made once per pack: the
        frame rules test words against the same few unions thousands of times per article, and a
        union of lists of hundreds of words cost microseconds each time. For membership tests."""
        found = self._unions.get((table, keys))
        if found is None:
            source: dict[str, frozenset[str]] = getattr(self, table)
            found = frozenset().union(*(source.get(k, frozenset()) for k in keys))
            self._unions[(table, keys)] = found
        return found

    # read once per pack (the rules ask hundreds of thousands of times per run); a frozen pack's
    # ``rules`` never change, and ``cached_property`` writes the instance's dict, which ``frozen``
    # leaves alone
    @functools.cached_property
    def english(self) -> bool:
        return "english" in self.rules

    @functools.cached_property
    def slavic(self) -> bool:
        return "slavic" in self.rules


def pack_union(pack: LanguagePack | None, table: str, *keys: str) -> frozenset[str]:
    """:meth:`LanguagePack.union`, empty where there is no pack."""
    return pack.union(table, *keys) if pack is not None else frozenset()


def opens_as_question(pack: LanguagePack, words: list[Word]) -> bool:
    """The sentence of ``words`` opens as a question, direct or indirect, with no question mark needed
    (``question_first``: its first word, en "whether", uk «чи»; ``question_second``: its second, ru «ли»:
    «Сможет ли Минск ..., пока неясно»): what it asks states no position and forecasts nothing."""
    g = pack.grammar
    return bool(words) and (words[0].low in g.get("question_first", ()) or
                            len(words) > 1 and words[1].low in g.get("question_second", ()))


def in_lede(doc: Doc, words: list[Word]) -> bool:
    """The words are of one of the text's first three sentences (its lede)."""
    return bool(words) and sum(1 for s in doc.sentences if s.end <= words[0].start) < 3


def object_words(words: list[Word], after: int, span: int) -> list[Word]:
    """The words after ``after``, at most ``span`` of them, up to the first punctuation mark."""
    out = []
    for word in words[after + 1:after + 1 + span]:
        if word.upos == "PUNCT":
            break
        out.append(word)
    return out


def governed_factuality(grammar: dict[str, frozenset[str]], governor: str | None,
                        kinds: frozenset[str] | None = None) -> str | None:
    """The factuality ``governor`` gives the verb it governs (``GOVERNED_FACTUALITY``, over the
    governor kinds in ``kinds``, every kind by default), or ``None`` where it is of no such kind."""
    if governor is None:
        return None
    return next((fact for kind, fact in GOVERNED_FACTUALITY.items()
                 if (kinds is None or kind in kinds) and governor in grammar.get(kind, ())), None)


def _set(values: Any) -> frozenset[str]:
    return frozenset(str(v).casefold().replace(" ", "_") for v in values or [])


@functools.lru_cache(maxsize=16)
def language_pack(code: str, folders: tuple[Path, ...] | None = None) -> LanguagePack | None:
    """The frame data of a language, or ``None`` where the packs have no stance or event lexicon."""
    grammar_raw = language_data("grammar", code, folders)
    stance_raw = language_data("stance_predicates", code, folders)
    stance = stance_raw.get("classes", {})
    events_raw = language_data("event_predicates", code, folders)
    team = language_data("event_predicates_team", code, folders)
    if not (stance or events_raw):
        return None
    ordered = {k: tuple(dict.fromkeys(str(x).casefold() for x in v)) for k, v in grammar_raw.items()
               if isinstance(v, list)}
    grammar = {k: frozenset(v) for k, v in ordered.items()}
    speech_raw = language_data("speech_verbs", code, folders)
    morphology = language_data("morphology", code, folders)
    event_types: dict[str, str] = {}
    for kind, lemmas in events_raw.get("types", {}).items():
        for lemma in lemmas:
            event_types.setdefault(str(lemma).casefold().replace(" ", "_"), kind)
    event_types.update({k.replace(" ", "_"): v for k, v in events_raw.get("verbs", {}).items()})
    event_types.update({k.replace(" ", "_"): v for k, v in team.get("verbs", {}).items()})
    event_types.update({k.replace(" ", "_"): v for k, v in team.get("phrasal", {}).items()})
    # keyed as the lemmas are (casefolded: German "beschließen" is read as "beschliessen")
    # a phrasal verb's objects are keyed as its lemma is ("hand over" -> "hand_over")
    objects = {k.casefold().replace(" ", "_"): {str(n).casefold(): t for n, t in v.items()}
               for k, v in events_raw.get("objects", {}).items()}
    for k, v in team.get("objects", {}).items():
        objects.setdefault(k.casefold().replace(" ", "_"), {}).update({str(n).casefold(): t for n, t in v.items()})
    classes = {k: _set(v) for k, v in stance.items()}
    targets = {k: _set(v) for k, v in language_data("stance_targets", code, folders).items() if isinstance(v, list)}
    speech = _set(speech_raw.get("verbs", []))
    predicates = frozenset(event_types) | frozenset().union(*classes.values()) | speech
    known = predicates | frozenset().union(*targets.values()) if targets else predicates
    known |= {p.split("_")[0] for p in predicates}
    forms = {str(k): str(v) for k, v in events_raw.get("forms", {}).items()}
    forms.update({str(k): str(v) for k, v in team.get("forms", {}).items()})
    surface: set[str] = set()
    rules = grammar.get("clause_rules", frozenset())
    if "english" in rules:
        for lemma in predicates:
            surface |= _en_forms(lemma.split("_")[0])
        surface |= set(forms)
    return LanguagePack(code, grammar, speech, tuple(str(s).casefold() for s in speech_raw.get("sources", [])),
                        classes, targets, event_types, objects, forms, predicates, known, frozenset(surface),
                        str(stance_raw.get("issue") or default_issue(folders)), dict(stance_raw.get("membership", {})),
                        frozenset().union(*targets.values()) if targets else frozenset(),
                        frozenset().union(*classes.values()) if classes else frozenset(), _closed_class(grammar), rules,
                        ordered, str(morphology.get("analyzer")
                                     or pack_data("languages.toml", folders).get("cyrillic_analyzer") or ""),
                        tuple((str(a), str(b)) for a, b in morphology.get("letter_folds", [])))


@functools.lru_cache(maxsize=16)
def _plain_speech(pack: LanguagePack) -> frozenset[str]:
    """Surface forms of speech verbs that are neither events nor stance predicates ("said",
    "noted"): alone they do not make a sentence worth analysing."""
    plain = {v for v in pack.speech if v not in pack.grammar.get("speech_events", frozenset())
             and v not in pack.stance_lemmas and v not in pack.event_types}
    forms = {f for v in plain for f in _en_forms(v)} | {f for f, lemma in pack.forms.items() if lemma in plain}
    keep = {f for v in pack.predicates - plain for f in _en_forms(v.split("_")[0])}
    return frozenset(forms - keep)


@functools.lru_cache(maxsize=16)
def _phrasal_heads(pack: LanguagePack) -> frozenset[str]:
    """The first word of each phrasal predicate ("call" of "call_for"): a word no phrasal lemma
    starts with needs no pair looked up."""
    return frozenset(p.split("_")[0] for p in pack.predicates if "_" in p)


@functools.lru_cache(maxsize=16)
def _defined_state_nouns(pack: LanguagePack) -> frozenset[str]:
    """The nouns of the state pronouns written with "the" ("the country" -> "country")."""
    return frozenset(p.split()[1] for p in pack.grammar.get("pronouns_state", ()) if p.startswith("the "))


@functools.lru_cache(maxsize=16)
def _predicate_heads(pack: LanguagePack) -> frozenset[str]:
    """Every predicate lemma and the first word of each phrasal one («провести» of «провести переговоры»)."""
    return pack.predicates | {p.split("_")[0] for p in pack.predicates}


def _closed_class(g: dict[str, frozenset[str]]) -> dict[str, tuple[str, str]]:
    """Function words -> (UD part of speech, lemma), looked up once per word (``grammar.toml``:
    ``prepositions``, ``pronouns``, ``determiners``, the auxiliaries, ``adverbs``, ``negation``)."""
    out: dict[str, tuple[str, str]] = {}
    for w in g.get("prepositions", ()):
        out[w] = ("ADP", w)
    for w in g.get("pronouns", ()):
        out[w] = ("PRON", w)
    for w in g.get("determiners", ()):
        out[w] = ("DET", w)
    for kind in AUXILIARY_KEYS:
        for w in g.get(kind, ()):
            out[w] = ("AUX", w)
    for w in g.get("adverbs", ()):  # English adverbs between subject and verb: particles
        out[w] = ("PART", w)
    for w in g.get("negation", ()):
        out[w] = ("PART", "not")
    out["n't"] = ("PART", "not")
    return out


_UD_FEATS = {("Tense", "Past"): "Tense=past", ("Tense", "Pres"): "Tense=pres", ("Tense", "Fut"): "Tense=futr",
             ("VerbForm", "Inf"): "VerbForm=Inf", ("VerbForm", "Part"): "VerbForm=Part",
             ("VerbForm", "Conv"): "VerbForm=Part", ("Person", "1"): "Person=1per", ("Person", "3"): "Person=3per",
             ("Number", "Plur"): "Number=plur", ("Case", "Nom"): "Case=nomn"}


def _parsed_words(doc: Doc, sentences: list[Sentence], pack: LanguagePack) -> dict[int, list[Word]]:
    """Words from the syntax helper's parser where it gives dependency heads (natasha for
    Russian), for the given sentences in one batch: features in this module's terms, the heads."""
    try:
        from .syntax import get_parser

        parser = get_parser(pack.code)
        if parser is None or not sentences:
            return {}
        parsed = parser.parse(doc.text, [(x.start, x.end) for x in sentences])
    except Exception:  # noqa: BLE001 - a parser failure leaves the morphology route
        return {}
    out: dict[int, list[Word]] = {}
    for sentence, ps in zip(sentences, parsed, strict=False):
        if not ps.has_heads:
            continue
        words = []
        for t in ps.tokens:
            feats = {_UD_FEATS[f] for f in t.feats if f in _UD_FEATS}
            upos = {"AUX": "VERB", "PROPN": "NOUN", "SCONJ": "CCONJ", "DET": "ADJ"}.get(t.upos, t.upos)
            words.append(Word(t.i, t.start, t.end, t.text, t.lemma.casefold().replace("ё", "е"), upos,
                              frozenset(feats), t.head, t.deprel))
        out[sentence.start] = words
    return out


def _with_heads(words: list[Word], parsed: list[Word] | None) -> list[Word]:
    """The morphology words with the parse's heads and relations, where the two tokenisations
    agree word for word (the morphology rules stay; the parse adds who depends on whom)."""
    if not parsed:
        return words
    by_start = {w.start: w for w in parsed}
    if any(w.start not in by_start for w in words):
        return words
    index = {p.i: n for n, p in enumerate(by_start[w.start] for w in words)}
    out = []
    for w in words:
        p = by_start[w.start]
        head = index.get(p.head, -1) if p.head >= 0 else -1
        out.append(w.with_head(head, p.deprel or "dep"))
    return out
