"""Clause frames: for each candidate predicate of a sentence, its lemma, subject (with every state
of a coordinated list), negation, factuality, the predicate that governs it, the words it is
about (its target span) and, for what someone says, the speech frame (speaker + the clause said).

Frames are built from words with lemmas and coarse parts of speech. Where the syntax helper's
parser is installed (``allegiance.nlp.syntax``) its lemmas and parts of speech are used; without
it, English words are lemmatised against the packs' lexicons (regular inflection plus the listed
irregular forms) and Russian and Ukrainian through pymorphy3, whose case marks subjects
(nominative) and whose tense and aspect mark futures only when every verbal reading agrees. Word
order, auxiliaries and function words (``lang/<code>/grammar.toml``) give the rest.

Only sentences that can yield a statement are analysed: a knowledge-base mention plus a word
that can be a listed predicate, checked on surface forms first (a cheap filter).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from ..kb.langdata import language_data
from .actors import ActorResolver
from .doc import Doc, Mention, Sentence
from .tokens import _morph

__all__ = ["Frame", "FrameBuilder", "LanguagePack", "Word", "language_pack"]

FACTUALITY = ("done", "ongoing", "present", "planned", "conditional", "asked", "opinion", "denied", "nonfinite",
              "nominal", "relative")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|n['’]t|\d[\d.,]*|[;:\"“”«»—–()]|,", re.UNICODE)


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
    issue: str = "russia_war_in_ukraine"
    membership: dict[str, str] = dataclasses.field(default_factory=dict)
    nouns: frozenset[str] = frozenset()
    stance_lemmas: frozenset[str] = frozenset()
    closed: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)

    def has(self, kind: str, word: str) -> bool:
        return word in self.grammar.get(kind, frozenset())


def _set(values: Any) -> frozenset[str]:
    return frozenset(str(v).casefold().replace(" ", "_") for v in values or [])


def _en_forms(lemma: str) -> set[str]:
    """The regular inflections of an English verb or noun lemma (the surface filter)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdglmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


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
    grammar = {k: frozenset(str(x).casefold() for x in v) for k, v in grammar_raw.items() if isinstance(v, list)}
    speech_raw = language_data("speech_verbs", code, folders)
    event_types: dict[str, str] = {}
    for kind, lemmas in events_raw.get("types", {}).items():
        for lemma in lemmas:
            event_types.setdefault(str(lemma).casefold().replace(" ", "_"), kind)
    event_types.update({k.replace(" ", "_"): v for k, v in events_raw.get("verbs", {}).items()})
    event_types.update({k.replace(" ", "_"): v for k, v in team.get("verbs", {}).items()})
    event_types.update({k.replace(" ", "_"): v for k, v in team.get("phrasal", {}).items()})
    objects = {k: dict(v) for k, v in events_raw.get("objects", {}).items()}
    for k, v in team.get("objects", {}).items():
        objects.setdefault(k, {}).update(v)
    classes = {k: _set(v) for k, v in stance.items()}
    targets = {k: _set(v) for k, v in language_data("stance_targets", code, folders).items() if isinstance(v, list)}
    speech = _set(speech_raw.get("verbs", []))
    predicates = frozenset(event_types) | frozenset().union(*classes.values()) | speech
    known = predicates | frozenset().union(*targets.values()) if targets else predicates
    known |= {p.split("_")[0] for p in predicates}
    forms = {str(k): str(v) for k, v in events_raw.get("forms", {}).items()}
    surface: set[str] = set()
    if code == "en":
        for lemma in predicates:
            surface |= _en_forms(lemma.split("_")[0])
        surface |= set(forms)
    return LanguagePack(code, grammar, speech, tuple(str(s).casefold() for s in speech_raw.get("sources", [])),
                        classes, targets, event_types, objects, forms, predicates, known, frozenset(surface),
                        str(stance_raw.get("issue", "russia_war_in_ukraine")), dict(stance_raw.get("membership", {})),
                        frozenset().union(*targets.values()) if targets else frozenset(),
                        frozenset().union(*classes.values()) if classes else frozenset(), _closed_class(grammar))


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
def _predicate_heads(pack: LanguagePack) -> frozenset[str]:
    """Every predicate lemma and the first word of each phrasal one («провести» of «провести переговоры»)."""
    return pack.predicates | {p.split("_")[0] for p in pack.predicates}


def _closed_class(g: dict[str, frozenset[str]]) -> dict[str, tuple[str, str]]:
    """English function words -> (UD part of speech, lemma), looked up once per word."""
    out: dict[str, tuple[str, str]] = {}
    for w in _EN_ADP:
        out[w] = ("ADP", w)
    for w in _EN_PRON:
        out[w] = ("PRON", w)
    for w in g.get("determiners", ()):
        out[w] = ("DET", w)
    for kind in ("be", "have", "do", "future", "conditional"):
        for w in g.get(kind, ()):
            out[w] = ("AUX", w)
    for w in g.get("negation", ()):
        out[w] = ("PART", "not")
    out["n't"] = ("PART", "not")
    return out


# -- words -------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=100_000)
def _en_lemma(low: str, pack: LanguagePack) -> str:
    if low in pack.forms:
        return pack.forms[low]
    if low in pack.known:
        return low
    candidates = []
    if low.endswith("ies") or low.endswith("ied"):
        candidates.append(low[:-3] + "y")
    if low.endswith("es"):
        candidates += [low[:-2], low[:-1]]
    if low.endswith("s"):
        candidates.append(low[:-1])
    if low.endswith("ed"):
        candidates += [low[:-2], low[:-1], low[:-3]]
    if low.endswith("ing"):
        candidates += [low[:-3], low[:-3] + "e", low[:-4]]
    for c in candidates:
        if c in pack.known:
            return c
    return low


_EN_PRON = {"i", "we", "you", "he", "she", "it", "they", "who", "which"}
_EN_ADP = {"in", "on", "at", "to", "from", "of", "by", "with", "for", "against", "into", "near", "over", "about",
           "after", "before", "under", "through", "across", "between", "among", "during", "alongside", "toward",
           "towards", "via", "within", "without", "since", "amid"}


#: pack -> {word as written: (low, part of speech after the first word, lemma)}: an English word's
#: reading depends on the word alone, except that a capitalised first word is no proper noun
_EN_SEEN: dict[LanguagePack, dict[str, tuple[str, str, str]]] = {}


def _en_words(doc: Doc, sentence: Sentence, pack: LanguagePack) -> list[Word]:
    words = []
    text = doc.text[sentence.start:sentence.end]
    closed = pack.closed
    seen_words = _EN_SEEN.setdefault(pack, {})
    if len(seen_words) >= 200_000:
        seen_words.clear()
    for n, m in enumerate(_WORD.finditer(text)):
        raw = m.group(0)
        seen = seen_words.get(raw)
        if seen is not None:
            words.append(Word(n, sentence.start + m.start(), sentence.start + m.end(), raw, seen[2],
                              "X" if n == 0 and seen[1] == "PROPN" else seen[1], low=seen[0]))
            continue
        low = raw.casefold().replace("’", "'")
        known = closed.get(low)
        if known is not None:
            upos, lemma = known
        elif not raw[0].isalnum():
            upos, lemma = "PUNCT", raw
        elif raw[0].isdigit():
            upos, lemma = "NUM", raw
        else:
            lemma = _en_lemma(low, pack)
            upos = "PROPN" if raw[0].isupper() and n > 0 else "X"
        seen_words[raw] = (low, "PROPN" if upos == "X" and raw[0].isupper() else upos, lemma)
        words.append(Word(n, sentence.start + m.start(), sentence.start + m.end(), raw, lemma, upos, low=low))
    return words


@functools.lru_cache(maxsize=200_000)
def _analyses(lang: str, word: str) -> tuple[Any, ...]:
    """pymorphy3's analyses of one word, cached (news text repeats its words)."""
    return tuple(_morph(lang).parse(word))


#: (pack, case-folded word) -> (lemma, part of speech, features) as _ru_words reads it: the reading
#: depends on the word alone, and reading pymorphy3's tags costs far more than a lookup
_RU_SEEN: dict[tuple[LanguagePack, str], tuple[str, str, frozenset[str]]] = {}


def _ru_words(doc: Doc, sentence: Sentence, pack: LanguagePack) -> list[Word]:
    lang = "uk" if pack.code == "uk" else "ru"
    words = []
    text = doc.text[sentence.start:sentence.end]
    for n, m in enumerate(_WORD.finditer(text)):
        raw = m.group(0)
        if not raw[0].isalpha():
            words.append(Word(n, sentence.start + m.start(), sentence.start + m.end(), raw, raw,
                              "NUM" if raw[0].isdigit() else "PUNCT"))
            continue
        seen_key = (pack, raw.casefold().replace("ё", "е") if pack.code == "ru" else raw.casefold())
        seen = _RU_SEEN.get(seen_key)
        if seen is not None:  # the word read before: its lemma, part of speech and features
            words.append(Word(n, sentence.start + m.start(), sentence.start + m.end(), raw, *seen))
            continue
        parses = list(_analyses(lang, raw.casefold().replace("ё", "е") if pack.code == "ru" else raw.casefold()))
        parses = [p for p in parses if p.tag.case != "voct"] or parses  # the vocative is rare in news text
        best = parses[0]
        verbal = [p for p in parses if p.tag.POS in ("VERB", "INFN")]
        nominal = [p for p in parses if p.tag.POS in ("NOUN", "ADJF", "NPRO")]
        feats: set[str] = set()
        if verbal and (not nominal or best.tag.POS in ("VERB", "INFN") and best.score >= nominal[0].score):
            best = verbal[0]
            tenses = {str(p.tag.tense) for p in verbal if p.tag.POS == "VERB"}
            feats |= {f"Tense={t}" for t in tenses}
            if tenses == {"futr"} and not nominal:
                feats.add("Future")  # every reading future, and no noun reading («війну» is a noun)
            if best.tag.POS == "INFN" or "infn" in best.tag.grammemes:
                feats.add("VerbForm=Inf")
            if best.tag.person:
                feats.add(f"Person={best.tag.person}")
            if best.tag.number:
                feats.add(f"Number={best.tag.number}")
            upos = "VERB"
        elif best.tag.POS in ("PRTF", "PRTS", "GRND"):
            upos = "VERB"
            feats.add("VerbForm=Part")
        else:
            upos = {"NOUN": "NOUN", "ADJF": "ADJ", "NPRO": "PRON", "PREP": "ADP", "PRCL": "PART", "CONJ": "CCONJ",
                    "ADVB": "ADV"}.get(
                str(best.tag.POS), "X")
            feats |= {f"Case={p.tag.case}" for p in parses if p.tag.case}
        lemma = str(best.normal_form).replace("ё", "е")
        if lemma in pack.grammar.get("negation", ()):
            upos = "PART"
        if len(_RU_SEEN) >= 200_000:
            _RU_SEEN.clear()
        _RU_SEEN[seen_key] = (lemma, upos, frozenset(feats))
        words.append(Word(n, sentence.start + m.start(), sentence.start + m.end(), raw, lemma, upos,
                          frozenset(feats)))
    return words


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


# -- frames ------------------------------------------------------------------------------------------
class FrameBuilder:
    """Frames of the sentences of one document (cached per sentence)."""

    def __init__(self, doc: Doc, resolver: ActorResolver, folders: tuple[Path, ...] | None = None,
                 parse: bool = False) -> None:
        self.doc = doc
        self.resolver = resolver
        self.pack = language_pack(doc.language or "en", folders) if (doc.language or "en") else None
        self._frames: dict[int, list[Frame]] = {}
        self._words: dict[int, list[Word]] = {}
        self._furniture: dict[int, bool] = {}
        self._sentence_at: dict[int, Sentence] = {}
        self._sentence_starts: list[int] | None = None
        self._mentions_by_end: tuple[dict[int, list[Mention]], frozenset[int], frozenset[int]] | None = None
        self._heads_done = not parse  # the dependency parse is opt-in (the frames_parse setting)

    # the cheap filter: a mention and a surface form (or, in Russian and Ukrainian, a lemma) of a predicate
    def candidate(self, sentence: Sentence) -> bool:
        if self.pack is None:
            return False
        if not self.resolver.in_sentence(sentence) and not self._opens_with_pronoun(sentence):
            return False
        if self.pack.code == "en":
            low = self.doc.text[sentence.start:sentence.end].casefold()
            return any(w in self.pack.surface and w not in _plain_speech(self.pack) for w in re.findall(r"[a-z]+", low))
        heads = _predicate_heads(self.pack)
        return any(w.lemma in heads for w in self.words(sentence))

    def _opens_with_pronoun(self, sentence: Sentence) -> bool:
        """"He signed ...": a sentence whose subject is a pronoun for an earlier actor."""
        g = self.pack.grammar if self.pack else {}
        first = self.doc.text[sentence.start:sentence.start + 30].split()[:2]
        words = {w.strip(",").casefold() for w in first}
        return bool(words & (g.get("pronouns_person", frozenset()) | g.get("pronouns_state", frozenset())))

    def words(self, sentence: Sentence) -> list[Word]:
        if sentence.start not in self._words:
            if self.pack is None:
                self._words[sentence.start] = []
            elif self.pack.code == "en":
                self._words[sentence.start] = _en_words(self.doc, sentence, self.pack)
            else:
                self._words[sentence.start] = _ru_words(self.doc, sentence, self.pack)
        return self._words[sentence.start]

    def _attach_heads(self) -> None:
        """Russian: the parse of every candidate sentence of the document, in one batch, laid over
        the morphology words (the parser is slow per call, fast per batch)."""
        if self._heads_done or self.pack is None or self.pack.code == "en":
            return
        self._heads_done = True
        wanted = [x for x in self.doc.sentences if self.candidate(x)]
        for start, parsed in _parsed_words(self.doc, wanted, self.pack).items():
            self._words[start] = _with_heads(self._words[start], parsed)

    def frames(self, sentence: Sentence) -> list[Frame]:
        self._attach_heads()
        if sentence.start not in self._frames:
            self._frames[sentence.start] = self._build(sentence) if self.candidate(sentence) else []
        return self._frames[sentence.start]

    def force(self, sentence: Sentence) -> None:
        """Build the frames of a sentence the cheap filter passed over (a prediction's speaker)."""
        if self.pack is not None and self.resolver.in_sentence(sentence) and not self._frames.get(sentence.start):
            self._frames[sentence.start] = self._build(sentence)

    def is_furniture(self, sentence: Sentence) -> bool:
        """A "read also" link, a caption or a share label: no statement counts in it."""
        if self.pack is None:
            return False
        if sentence.start not in self._furniture:
            head = self.doc.text[sentence.start:sentence.start + 40].casefold().lstrip(" -•*|>")
            self._furniture[sentence.start] = head.startswith(tuple(self.pack.grammar.get("furniture", ())))
        return self._furniture[sentence.start]

    def is_headline(self, sentence: Sentence) -> bool:
        """The first line of a page when it has no closing punctuation and a body follows."""
        if not self.doc.sentences or sentence is not self.doc.sentences[0] or len(self.doc.sentences) < 2:
            return False
        text = self.doc.text[sentence.start:sentence.end].rstrip()
        return not text.endswith((".", "!", "?", "»", '"', "”")) and len(text.split()) <= 20

    # -- building -------------------------------------------------------------------------------------
    def _predicates(self, words: list[Word]) -> list[tuple[int, int, str]]:
        """(first word, last word, lemma) of each predicate candidate, phrasal lemmas first."""
        assert self.pack is not None
        out = []
        skip = -1
        sentence = self._sentence_of(words) if words else None
        spans = [(m.start, m.end) for m in self.resolver.in_sentence(sentence)] if sentence else []
        starts = [w.start for w in words]
        inside: set[int] = set()
        for a, b in spans:  # the words inside a mention: names are no predicates
            inside.update(starts[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)])
        for n, w in enumerate(words):
            if n <= skip or w.upos in ("PUNCT", "NUM", "DET", "ADP", "PRON", "PART") or w.start in inside:
                continue
            nxt = words[n + 1] if n + 1 < len(words) else None
            pairs = [f"{w.lemma}_{nxt.lemma}", f"{w.lemma}_{nxt.low}"] if nxt else []
            pair = next((x for x in pairs if x in self.pack.predicates), "")
            if nxt and pair:
                out.append((n, n + 1, pair))
                skip = n + 1
            elif w.lemma in self.pack.predicates and (w.upos != "AUX" or w.lemma in self.pack.predicates):
                out.append((n, n, w.lemma))
        return out

    def _build(self, sentence: Sentence) -> list[Frame]:
        assert self.pack is not None
        words = self.words(sentence)
        predicates = self._predicates(words)
        frames: list[Frame] = []
        previous: Frame | None = None
        for first, last, lemma in predicates:
            fact, governor, passive = self._factuality(words, first, last)
            if fact is None:
                continue  # a noun use ("the attacks"), not a predicate
            if fact in ("nominal", "nonfinite", "relative") and lemma not in self.pack.stance_lemmas:
                continue  # a noun use or a non-finite form that no stance class reads (events need finite verbs)
            if fact in ("done", "ongoing", "present") and self._intends(words, first, last):
                fact = "planned"  # "plans to recruit", "promised not to let": an intention, no act
            if fact not in ("done", "ongoing") and lemma not in self.pack.stance_lemmas and \
                    lemma not in self.pack.speech:
                continue  # neither an act (events) nor a stance predicate nor a speech frame
            clause_start, clause_end = self._clause(words, first, predicates)
            if previous is not None and not passive and self._shares_subject(words, previous.word, first):
                subjects, subject_word, we = previous.subjects, previous.subject_word, previous.we
            else:
                subjects, subject_word, we = self._subject(sentence, words, first, last, clause_start, passive)
            if not subjects and subject_word is None and not we and self._pronoun_before(words, first):
                earlier = [f for f in frames if f.subjects and any(self.resolver.state_of(m) for m in f.subjects)]
                pronoun = self.resolver.resolve_pronoun(sentence, states_only=True)
                subjects = earlier[-1].subjects if earlier else ((pronoun,) if pronoun else ())
            if fact == "relative":
                subjects, subject_word, we = (), "relative", False
            elif fact in ("nominal", "nonfinite") or fact == "planned" and governor is not None:
                owner = next((f for f in reversed(frames) if f.factuality not in ("nominal", "nonfinite", "relative",
                                                                                  "asked")), None)
                if owner is not None:
                    subjects, subject_word, we = owner.subjects, owner.subject_word, owner.we
                else:
                    subjects, subject_word, we = self._subject(sentence, words, first, last, 0, False)
            elif fact == "asked":
                subjects, subject_word, we = (), "asked", False
            frame = Frame(sentence, words[first].start, words[last].end, lemma, first, subjects, subject_word,
                          self._negated(words, first, clause_start), fact, governor,
                          words[last].end, self._target_end(words, last, predicates, clause_end),
                          words[clause_start].start, words[clause_end].end, passive=passive, we=we)
            frames.append(frame)
            previous = frame
        return self._with_speakers(sentence, words, frames)

    def _clause(self, words: list[Word], at: int, predicates: list[tuple[int, int, str]]) -> tuple[int, int]:
        g = self.pack.grammar if self.pack else {}
        breaks = g.get("clause_breaks", frozenset()) | g.get("complementizers", frozenset())
        start = 0
        for n in range(at - 1, -1, -1):
            if words[n].text in (";", ":", "—", "–", "(", ")") or words[n].low in breaks or words[n].text in '"“”«»':
                start = n + 1
                break
        end = len(words) - 1
        clause_breaks = g.get("clause_breaks", ())  # looked up once, not per word
        for n in range(at + 1, len(words)):
            if words[n].text in (";", "—", "(", ")") or words[n].low in clause_breaks or \
                    words[n].text in '"“”«»':
                end = n - 1
                break
        return start, max(start, end)

    def _target_end(self, words: list[Word], last: int, predicates: list[tuple[int, int, str]], clause_end: int) -> int:
        """The words a predicate is about end before the next finite predicate or the clause end."""
        end = words[clause_end].end
        for first, _l, _lemma in predicates:
            if first > last + 1 and first <= clause_end:
                before = words[first - 1]
                if before.low in ("and", "but", "и", "і", "та", "а") or before.text == ",":
                    return before.start
        return end

    def _intends(self, words: list[Word], first: int, last: int) -> bool:
        g = self.pack.grammar if self.pack else {}
        if words[first].lemma not in g.get("plan", ()) and words[first].low not in g.get("plan", ()):
            return False
        after = [w for w in words[last + 1:last + 3] if w.upos != "PART"]
        return bool(after) and after[0].low in ("to", "that")

    def _pronoun_before(self, words: list[Word], at: int) -> bool:
        """An "it" or "they" (its, the country ...) as the subject right before the predicate."""
        g = self.pack.grammar if self.pack else {}
        for w in reversed(words[max(0, at - 4):at]):
            if w.upos in ("AUX", "PART", "ADV") or w.low.endswith("ly") and w.upos == "X":
                continue
            return w.low in g.get("pronouns_state", ()) or w.lemma in g.get("pronouns_state", ())
        return False

    def _shares_subject(self, words: list[Word], prev_at: int, at: int) -> bool:
        """"X backed ... and condemned ...", "X supports ... but has refused ...": one subject."""
        between = words[prev_at + 1:at]
        joins = [w for w in between if w.low in ("and", "but", "и", "і", "та", "а", "но", "але", "yet")]
        if not joins:
            return False
        after_join = words[words.index(joins[-1]) + 1:at]
        return all(w.upos in ("AUX", "PART") or w.low.endswith("ly") or w.text == "," for w in after_join)

    def _negated(self, words: list[Word], at: int, clause_start: int) -> bool:
        nouns = self._nouns() | (self.pack.stance_classes.get("ally", frozenset()) if self.pack else frozenset())
        if self.pack is not None and words[at].lemma in nouns:
            for n in range(at - 1, max(clause_start, at - 5) - 1, -1):  # "not Russia's ally", "not an ally"
                if words[n].lemma == "not" or words[n].lemma in self.pack.grammar.get("negation", ()):
                    return True
                if words[n].upos not in ("DET", "PROPN", "X", "AUX", "PUNCT") or words[n].text == ",":
                    break
        for n in range(at - 1, max(clause_start, at - 4) - 1, -1):
            w = words[n]
            if w.lemma == "not" or w.upos == "PART" and self.pack and w.lemma in self.pack.grammar.get("negation", ()):
                return True
            if w.upos not in ("AUX", "PART", "X") or w.upos == "X" and not w.low.endswith("ly"):
                if not (w.upos == "AUX"):
                    break
        return False

    def _factuality(self, words: list[Word], first: int, last: int) -> tuple[str | None, str | None, bool]:
        if self.pack is None:
            return None, None, False
        if self.pack.code == "en":
            return self._factuality_en(words, first, last)
        return self._factuality_ru(words, first)

    def _factuality_en(self, words: list[Word], first: int, last: int) -> tuple[str | None, str | None, bool]:
        """English: the auxiliaries before the verb, "to" infinitives and what governs them, noun
        uses (after a determiner, a preposition or a possessive), reduced relatives and gerunds."""
        assert self.pack is not None
        g = self.pack.grammar
        w = words[first]
        low = w.low
        n = first - 1
        while n >= 0 and (words[n].upos == "PART" or words[n].low.endswith("ly") and words[n].upos == "X"):
            n -= 1
        before = words[n] if n >= 0 else None
        k = first - 1  # the auxiliaries right before the verb ("has not yet", "will be"), nothing between
        while k >= 0 and (words[k].upos in ("AUX", "PART") or words[k].upos == "X" and words[k].low.endswith("ly")):
            k -= 1
        chain = [x.low for x in words[k + 1:first] if x.upos in ("AUX", "PART")]
        past_form = low.endswith("ed") or low in self.pack.forms and not low.endswith(("s", "ing"))
        if before is not None and before.low == "to":
            return self._infinitive(words, n)
        if before is not None and (before.upos in ("DET", "NUM") or before.low.endswith(("'s", "’s"))
                                   or before.upos == "ADP" and not low.endswith("ing")):
            return "nominal", None, False  # "the attacks", "its support", "Moscow's request", "with attack drones"
        if before is not None and before.upos == "ADP":
            return "nonfinite", before.low, False  # "by signing", "against joining"
        if low.endswith("ing") and before is not None and before.upos in ("X", "PROPN") and \
                not any(x in g.get("be", ()) for x in chain) and before.low not in g.get("conjunctions", ()):
            return "relative", None, False  # "a resolution condemning the annexation"
        if not chain and not past_form and w.lemma in self._nouns() and self._noun_position(words, before):
            return "nominal", None, False  # "humanitarian aid", "Russian forces", "peace talks"
        nxt = words[last + 1] if last + 1 < len(words) else None
        if past_form and not chain and nxt is not None and (nxt.upos == "X" or self._demonym_starts(nxt)) and (
                before is not None and (before.upos in ("X", "ADP") and before.text[:1].islower()
                                        and before.low not in g.get("conjunctions", ())
                                        and before.low not in g.get("state_nouns", ()) or self._demonym_ends(before))):
            return "nominal", None, False  # "occupied territories", "Russian pardoned prisoners": an adjective
        fact = "done"
        passive = False
        if any(x in g.get("future", ()) for x in chain):
            fact = "planned"
        elif "would" in chain and any(x.lemma in self.pack.speech for x in words[:first]):
            fact = "planned"  # "said that Belarus would not send": a future in reported speech
        elif any(x in g.get("conditional", ()) for x in chain):
            fact = "conditional"
        if low.endswith("ing"):
            if not any(x in g.get("be", ()) for x in chain):
                return "nonfinite", None, False
            if nxt is None or nxt.upos == "PUNCT":
                return "nominal", None, False  # "the examples are telling": an adjective
            if fact == "done":
                fact = "ongoing"
        elif past_form and any(x in g.get("be", ()) for x in chain):
            passive = True
        elif past_form and not chain and before is not None and before.upos == "X" and before.text[:1].islower() \
                and before.low not in g.get("conjunctions", ()) and before.low not in g.get("state_nouns", ()) \
                and w.lemma not in self.pack.speech and (nxt is None or nxt.low in g.get("participle_next", ())):
            if nxt is not None and nxt.low == "by" and first <= 3 and all(x.upos in ("DET", "X", "PROPN")
                                                                          for x in words[:first]):
                return "done", None, True  # "A decree issued by Putin extended ...": the agent's act
            return "nonfinite", None, False  # "drones used against", "a decision condemned by" (reduced relatives)
        elif before is not None and before.low in ("who", "which", "that") and first >= 2 and \
                words[n - 1].upos in ("X", "PROPN"):
            return "relative", None, False
        elif not past_form and not chain:
            fact = "present"  # a simple present: a position or a habit, not an act under way
        if self._condition_before(words, first):
            fact = "conditional"
        governor = self._governing(words, first)
        if governor is not None:
            if governor in g.get("opinion", ()):
                fact = "opinion"
            elif governor in g.get("denial", ()):
                fact = "denied"
            elif governor in g.get("asking", ()):
                fact = "asked"
        return fact, governor, passive

    @staticmethod
    def _indefinite_personal(words: list[Word], at: int) -> bool:
        """A plural verb with no subject: Russian and Ukrainian indefinite-personal sentences."""
        feats = words[at].feats
        return words[at].upos == "VERB" and "VerbForm=Inf" not in feats and "VerbForm=Part" not in feats and \
            ("Person=3per" in feats or "Tense=past" in feats) and "Number=plur" in feats

    def _after_locative(self, words: list[Word], m: Mention) -> bool:
        before = [w for w in words if w.end <= m.start]
        return bool(before) and before[-1].low in ("в", "у", "во")

    def _demonym_starts(self, word: Word) -> bool:
        return word.start in self._mention_index()[1]

    def _demonym_ends(self, word: Word | None) -> bool:
        return word is not None and word.end in self._mention_index()[2]

    def _mention_index(self) -> tuple[dict[int, list[Mention]], frozenset[int], frozenset[int]]:
        """The document's mentions by end, and the starts and ends of its demonyms: looked up per
        word, where a scan of every mention made long articles quadratic."""
        if self._mentions_by_end is None:
            by_end: dict[int, list[Mention]] = {}
            for m in self.doc.mentions:
                by_end.setdefault(m.end, []).append(m)
            demonyms = [m for m in self.doc.mentions if m.kind == "demonym"]
            self._mentions_by_end = (by_end, frozenset(m.start for m in demonyms), frozenset(m.end for m in demonyms))
        return self._mentions_by_end

    def _noun_position(self, words: list[Word], before: Word | None) -> bool:
        g = self.pack.grammar if self.pack else {}
        if before is None or before.upos == "PUNCT":
            return True
        ending = self._mention_index()[0].get(before.end, [])
        if ending:
            opens = [w for w in words if w.end <= min(m.start for m in ending)]
            return any(m.kind == "demonym" for m in ending) or bool(opens) and opens[-1].upos == "DET"
        if before.upos == "X":
            return before.low not in g.get("state_nouns", ()) and before.low not in g.get("conjunctions", ())
        if before.upos == "PROPN":
            return before.end in self._mention_index()[2]
        return False

    def _nouns(self) -> frozenset[str]:
        return self.pack.nouns if self.pack else frozenset()

    def _infinitive(self, words: list[Word], to_at: int) -> tuple[str, str | None, bool]:
        """A "to" infinitive: planned after a plan word, asked for after an asking verb, else
        non-finite; the governor is the verb before "to" (or its object's verb: "urged X to")."""
        g = self.pack.grammar if self.pack else {}
        gov = words[to_at - 1] if to_at >= 1 else None
        while gov is not None and gov.upos == "PART" and gov.i > 0:
            gov = words[gov.i - 1]
        governor = gov.lemma if gov is not None else None
        if gov is not None and (gov.lemma in g.get("plan", ()) or gov.low in g.get("plan", ())):
            return "planned", governor, False
        asking = next((x.lemma for x in reversed(words[max(0, to_at - 6):to_at])
                       if x.lemma in g.get("asking", ()) or x.lemma == "warn"), None)
        if asking is not None:
            return "asked", asking, False
        return "nonfinite", governor, False

    def _condition_before(self, words: list[Word], at: int) -> bool:
        g = self.pack.grammar if self.pack else {}
        for x in reversed(words[:at]):
            if x.text in (",", ";"):
                return False
            if x.low in g.get("condition", ()):
                return True
        return False

    def _governing(self, words: list[Word], at: int) -> str | None:
        """The verb whose "that" clause holds the predicate ("Analysts believe (that) ...")."""
        g = self.pack.grammar if self.pack else {}
        watched = g.get("opinion", frozenset()) | g.get("denial", frozenset()) | g.get("asking", frozenset())
        for x in reversed(words[max(0, at - 12):at]):
            if x.text in (";", ".") or x.low in g.get("clause_breaks", ()):
                return None
            if x.lemma in watched and x.i < at - 1:
                return x.lemma
        return None

    def _factuality_ru(self, words: list[Word], at: int) -> tuple[str | None, str | None, bool]:
        g = self.pack.grammar if self.pack else {}
        w = words[at]
        if w.upos != "VERB":
            return ("nonfinite", None, False) if w.lemma in (self.pack.predicates if self.pack else ()) and " " \
                not in w.lemma else (None, None, False)
        if "VerbForm=Part" in w.feats:
            return "nonfinite", None, False
        governor = None
        for x in reversed(words[max(0, at - 8):at]):
            if x.upos == "VERB" and "VerbForm=Inf" not in x.feats and "VerbForm=Part" not in x.feats:
                governor = x.lemma
                break
        if "VerbForm=Inf" in w.feats:
            if governor is None:
                return "nonfinite", None, False
            if governor in g.get("future", ()) or governor in ("быть", "бути"):
                return "planned", governor, False
            if governor in g.get("plan", ()):
                return "planned", governor, False
            if governor in g.get("asking", ()):
                return "asked", governor, False
            return "nonfinite", governor, False
        fact = "done" if "Tense=past" in w.feats else "ongoing"
        if "Future" in w.feats:
            nxt = words[at + 1] if at + 1 < len(words) else None
            fact = "done" if "Person=1per" in w.feats and nxt is not None and nxt.text == "," else "planned"
        if any(x.low in g.get("condition", ()) for x in words[:at] if x.i >= self._clause_left(words, at)):
            fact = "conditional"
        gov = governor if governor in g.get("opinion", frozenset()) | g.get("denial", frozenset()) else None
        if gov is not None and any(x.low in g.get("complementizers", ()) for x in words[:at]):
            fact = "opinion" if gov in g.get("opinion", ()) else "denied"
        return fact, governor, False

    def _clause_left(self, words: list[Word], at: int) -> int:
        for x in reversed(words[:at]):
            if x.text in (",", ";"):
                return x.i
        return 0

    def _subject(self, sentence: Sentence, words: list[Word], first: int, last: int, clause_start: int,
                 passive: bool) -> tuple[tuple[Mention, ...], str | None, bool]:
        """The subject mentions (a coordinated list is kept whole), or the head noun, or "we"."""
        pack = self.pack
        assert pack is not None
        start = words[clause_start].start
        verb_start = words[first].start
        mentions = [m for m in self.resolver.in_sentence(sentence) if m.end <= verb_start and m.start >= start]
        if passive:  # the agent: a mention within three words after "by"
            by = next((w for w in words[last + 1:last + 4] if w.low == "by"), None)
            if by is None:
                return (), None, False
            near = words[by.i + 4].start if by.i + 4 < len(words) else words[-1].end + 1
            after = [m for m in self.resolver.in_sentence(sentence) if by.end <= m.start < near]
            return ((after[0],) if after else ()), None, False
        if words[last].lemma in pack.speech and first > 0 and words[first - 1].text in (",", '"', "”", "»", "—"):
            after = [m for m in self.resolver.in_sentence(sentence) if m.start >= words[last].end
                     and m.start - words[last].end < 45 and m.type in ("person", "government_body", "state",
                                                                         "organization", "media", "alliance")]
            if after:
                return (after[0],), None, False  # "..., said Prime Minister Nikol Pashinyan"
        parsed = self._parsed_subject(sentence, words, first)
        if parsed is not None:
            return parsed
        candidates = [m for m in mentions if self._may_be_subject(words, m)]
        head_noun = self._head_noun_before(words, first, clause_start, candidates)
        if head_noun is not None:
            return (), head_noun, False
        if candidates:
            nearest = max(candidates, key=lambda m: m.end)
            if self._group_before(nearest):
                return (), "group", False
            persons = pack.grammar.get("pronouns_person", frozenset())
            if nearest.type == "state" and any(w.low in persons for w in words[clause_start:first]
                                               if w.start >= nearest.end):
                return (), "person", False  # "sentenced an Uzbek citizen after he fought": he is no state
            return tuple(self._coordinated(sentence, nearest)), None, False
        we = next((w for w in words[clause_start:first] if w.low in pack.grammar.get("pronouns_we", ())), None)
        if we is not None:
            return (), None, True
        if any(w.low in pack.grammar.get("pronouns_state", ()) or w.lemma in pack.grammar.get("pronouns_state", ())
               for w in words[clause_start:first]):
            return (), None, False  # "it", "the country", «країна»: resolved by the caller
        if pack.code != "en":  # free word order: a nominative mention right after the verb
            after = [m for m in self.resolver.in_sentence(sentence) if m.start >= words[last].end
                     and m.start - words[last].end < 40 and (m.type == "person" or self._nominative(m, only=True))]
            if after:
                return (after[0],), None, False
        if pack.code != "en" and self._indefinite_personal(words, first):
            place = [m for m in self.resolver.in_sentence(sentence) if m.type == "state" and m.end <= words[first].start
                     and self._after_locative(words, m)]
            if place:
                return (place[-1],), None, False  # «В России ухвалили закон»: the authorities of the place
        pronoun = self.resolver.resolve_pronoun(sentence, states_only=True) \
            if words[clause_start].start == sentence.start else None
        return ((pronoun,) if pronoun else ()), None, False

    def _parsed_subject(self, sentence: Sentence, words: list[Word],
                        first: int) -> tuple[tuple[Mention, ...], str | None, bool] | None:
        """The nsubj of the predicate (or of the verb it is the complement of) in the parse, as
        mentions covering it and its conjuncts; ``None`` where there is no parse or no subject."""
        if not words or words[0].head == -1 and words[0].deprel == "":
            return None
        target = first
        for _ in range(2):  # an xcomp or a conjunct takes the subject of its head
            subj = [w for w in words if w.head == target and w.deprel.startswith("nsubj")]
            if subj:
                break
            if words[target].deprel in ("xcomp", "conj") and words[target].head >= 0:
                target = words[target].head
            else:
                return None
        else:
            return None
        heads = [subj[0]] + [w for w in words if w.head == subj[0].i and w.deprel == "conj"]
        found = [m for h in heads for m in self.resolver.in_sentence(sentence) if m.start <= h.start < m.end]
        if found:
            return tuple(dict.fromkeys(found)), None, False
        pack = self.pack
        if pack is not None and subj[0].lemma in pack.grammar.get("state_nouns", ()):
            # «МИД Узбекистана», «Российская полиция»: the state named inside the subject
            inside = [w for w in words if w.head == subj[0].i and w.deprel in ("nmod", "amod", "flat", "appos")]
            owned = [m for w in inside for m in self.resolver.in_sentence(sentence) if m.start <= w.start < m.end]
            if owned:
                return (owned[0],), None, False
        if pack is not None and subj[0].lemma in pack.grammar.get("pronouns_we", ()):
            return (), None, True
        if pack is not None and (subj[0].lemma in pack.grammar.get("pronouns_state", ()) or
                                 subj[0].lemma in pack.grammar.get("pronouns_person", ())):
            return None  # a pronoun: resolved by the caller
        return (), subj[0].lemma, False

    def _head_noun_before(self, words: list[Word], first: int, clause_start: int,
                          candidates: list[Mention]) -> str | None:
        """A common noun heading the subject that is not the state: "an opposition party in
        Kazakhstan", "the foreign minister" after a clause about a state. Nouns for the state's
        organs ("the Uzbek foreign ministry", "Kazakhstan's president") leave the state the actor."""
        if self.pack is None or self.pack.code != "en":
            return None
        g = self.pack.grammar
        nearest = max(candidates, key=lambda m: m.end) if candidates else None
        edge = nearest.end if nearest is not None else words[clause_start].start
        stretch = [w for w in words[clause_start:first] if w.start >= edge]
        aux_at = next((k for k, w in enumerate(stretch) if w.upos == "AUX"), len(stretch))
        between = [w for w in stretch[:aux_at] if w.upos != "PART" and not (w.upos == "X" and w.low.endswith("ly"))]
        mentions = [(m.start, m.end) for m in self.resolver.in_sentence(self._sentence_of(words))]
        content = [w for w in between if w.upos == "X" and not any(a <= w.start < b for a, b in mentions)]
        if nearest is not None and content and all(w.low in g.get("state_nouns", ()) for w in content):
            return None
        if nearest is not None and nearest.kind == "demonym" and content and content[0].start - nearest.end <= 1 \
                and not any(w.text == "," for w in between):
            return None  # "Fijian rebels", "Kazakh rights activists": the group the demonym names
        if content and (nearest is None or not any(w.text == "," for w in between) or
                        any(w.low in g.get("state_nouns", ()) for w in content)):
            if all(w.low in g.get("state_nouns", ()) for w in content) and nearest is None:
                return None  # "the agency", "the ministry": resolved from the sentences before
            if nearest is not None and between and between[0].low.endswith(("'s", "’s")):
                return None
            return content[-1].low if nearest is None or self._noun_phrase(content) else None
        prior = [w for w in words[clause_start:first] if nearest is not None and w.end <= nearest.start]
        if len(prior) >= 2 and prior[-1].upos == "ADP" and prior[-1].low in ("in", "from") and prior[-2].upos == "X":
            return prior[-2].low  # "a party in Kazakhstan", "activists from Uzbekistan"
        return None

    def _sentence_of(self, words: list[Word]) -> Sentence:
        at = words[0].start
        found = self._sentence_at.get(at)
        if found is None:
            if self._sentence_starts is None:  # sentences in order and apart (as split): found by bisection
                sentences = self.doc.sentences
                ordered = all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
                self._sentence_starts = [x.start for x in self.doc.sentences] if ordered else []
            k = bisect.bisect_right(self._sentence_starts, at) - 1
            near = self.doc.sentences[k] if self._sentence_starts and k >= 0 else None
            found = near if near is not None and near.start <= at < near.end else \
                next(s for s in self.doc.sentences if s.start <= at < s.end)
            self._sentence_at[at] = found
        return found

    @staticmethod
    def _noun_phrase(content: list[Word]) -> bool:
        return bool(content) and not content[-1].low.endswith(("ed", "ing"))

    def _may_be_subject(self, words: list[Word], m: Mention) -> bool:
        """Not a location or a target: no preposition right before it; nominative in Russian and
        Ukrainian (persons' names, which pymorphy3 often misreads, pass)."""
        before = [w for w in words if w.end <= m.start]
        if before and before[-1].upos == "ADP" and before[-1].low not in ("of",):
            return False
        if before and before[-1].low in ("against", "on", "to", "from", "with"):
            return False
        if self.pack is not None and self.pack.code != "en" and m.type != "person":
            if before and before[-1].lemma in self.pack.grammar.get("state_nouns", ()):
                return True  # «МИД Узбекистана», «Посольство Узбекистану»: the state acting through its body
            return self._nominative(m)
        return True

    def _nominative(self, m: Mention, only: bool = False) -> bool:
        if m.type == "person" and not only:
            return True
        head = re.findall(r"[^\W\d_]+", m.text)
        if not head:
            return False
        parses = _analyses("uk" if self.pack and self.pack.code == "uk" else "ru", head[0].casefold())
        if only:
            return all(p.tag.case == "nomn" for p in parses if p.tag.case)
        return any(p.tag.case == "nomn" for p in parses) or not any(p.tag.case for p in parses)

    def _group_before(self, m: Mention) -> bool:
        if m.type != "alliance" or self.pack is None:
            return False
        before = self.doc.text[max(0, m.start - 20):m.start].casefold().split()
        return bool(before) and before[-1] in self.pack.grammar.get("group_quantifiers", ())

    def _coordinated(self, sentence: Sentence, nearest: Mention) -> list[Mention]:
        """"Kazakhstan, Uzbekistan and Kyrgyzstan declined": every state of the list."""
        text = self.doc.text
        group = [nearest]
        earlier = sorted((m for m in self.resolver.in_sentence(sentence) if m.end <= nearest.start),
                         key=lambda m: -m.end)
        words = self.words(sentence)
        for m in earlier:
            gap = text[m.end:group[-1].start]
            if not re.fullmatch(r"\s*(,|,?\s*(and|as well as|и|і|та))\s*", gap, re.I):
                break
            if not self._may_be_subject(words, m):
                break  # "with Russia, Beijing maintained": a phrase before the subject, no list
            group.append(m)
        if len(group) > 1 and all(self.resolver.state_of(m) or m.type == "alliance" for m in group):
            return list(reversed(group))
        return [nearest]

    def _with_speakers(self, sentence: Sentence, words: list[Word], frames: list[Frame]) -> list[Frame]:
        """The speech frame: a speech predicate's subject is the speaker of the clause it governs
        (the clause after it, or, when it closes the sentence, the clause before)."""
        assert self.pack is not None
        speech = [f for f in frames if f.lemma in self.pack.speech and f.subjects]
        source = self._according_to(sentence)
        if not speech and source is None:
            return frames
        out = []
        for f in frames:
            speaker = source
            for s in speech:
                if s is f:
                    continue
                if f.start > s.end or (s.start > f.end and s.clause_start >= f.clause_start):
                    speaker = s.subjects[0]
            out.append(dataclasses.replace(f, speaker=speaker) if speaker is not None else f)
        return out

    def _according_to(self, sentence: Sentence) -> Mention | None:
        low = self.doc.text[sentence.start:sentence.end].casefold()
        for phrase in self.pack.sources if self.pack else ():
            at = low.find(phrase)
            if at >= 0:
                after = [m for m in self.resolver.in_sentence(sentence) if m.start >= sentence.start + at + len(phrase)]
                if after:
                    return after[0]
        return None
