"""Words and verb factuality for languages read through a form table (``frames.py`` dispatches
here where ``grammar.toml`` says ``clause_rules = ["forms"]``: French, Italian, Polish, Romanian,
Bulgarian).

No parser or morphological dictionary is needed: every verb lemma the language's lexicons name is
conjugated once, at load, from the endings its ``grammar.toml`` lists by lemma ending (``endings =
["er e pres", "er é part", ...]``: a lemma ending in "er" loses it and takes each ending, with the
tense or form it marks), with the irregular forms listed whole (``forms = ["enverra envoyer fut",
...]``) and the auxiliaries with their tense (``auxiliaries = ["a avoir pres", ...]``). Nouns of the
lexicons are read through their endings (``noun_endings``, after the lemma loses one of
``noun_lemma_endings``): "sanctions", «sankcji» are *sanction*, *sankcja*. Elided articles and
particles ("l'", "n'", "dell'") are words of their own (``elisions``). A verb with a fixed
complement ("mettre en garde") is one predicate (``multiword``), determiners allowed between
("prendre ses distances"). Where a language's perfective present is its future (Polish), its
``perfective`` lemmas' present forms are futures; after one of ``infinitive_markers`` (Romanian "să",
"va", Bulgarian "да", "ще") a verb is read as an infinitive, and ``negative_future`` («няма да») makes it
a negated future.

Factuality: a participle after a perfect auxiliary is done (or planned, conditional, after a future or
conditional auxiliary); after a passive auxiliary it is a passive; an infinitive takes the verb
governing it (a future auxiliary or an intention: planned; a request: asked); a finite form is done
(past), ongoing or held (present), planned (future), conditional (conditional mood, a condition in
its clause), asked (a subjunctive); under an opinion or a denial with its complementizer it is that.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING

from .doc import Doc, Sentence
from .frame_types import governed_factuality

if TYPE_CHECKING:
    from .frames import FrameBuilder, LanguagePack, Word

__all__ = ["applies", "factuality", "form_words", "named_antecedent", "relative_antecedent", "relative_insertion"]

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?|\d[\d.,]*|[;:\"“”„«»—–()?!]|,", re.UNICODE)
#: verb forms: present, past, (passive or perfect) participle, future, conditional, infinitive, subjunctive,
#: gerund, and ``perf`` for an active past participle that makes perfects only (Bulgarian "изпратил")
_KINDS = frozenset({"pres", "past", "part", "fut", "cond", "inf", "subj", "ger", "perf"})
#: the governors whose complementizer clause they qualify ("pense que", "nie, że"): not a future or a plan
_COMPLEMENT_GOVERNORS = frozenset({"opinion", "denial", "asking"})


def applies(pack: LanguagePack | None) -> bool:
    """A language whose ``grammar.toml`` says ``clause_rules = ["forms"]`` is read here."""
    return pack is not None and "forms" in pack.grammar.get("clause_rules", frozenset())


@dataclasses.dataclass(frozen=True)
class _Table:
    verbs: dict[str, tuple[str, str]]  # form -> (lemma, kind)
    aux: dict[str, tuple[str, str]]
    nouns: dict[str, str]  # form -> lemma
    multiword: dict[str, tuple[tuple[str, ...], ...]]  # first lemma -> the rest of each expression


def _entries(values: frozenset[str]) -> list[list[str]]:
    return [v.split() for v in sorted(values) if len(v.split()) == 3 and v.split()[2] in _KINDS]


def _verb_lemmas(pack: LanguagePack) -> set[str]:
    g = pack.grammar
    lemmas = {p.split("_")[0] for p in pack.predicates} | set(pack.speech)
    for key in ("plan", "asking", "opinion", "denial", "future", "conditional", "speech_events", "aspectual"):
        lemmas |= {x.split()[0] for x in g.get(key, ())}
    return {x for x in lemmas if x}


@functools.lru_cache(maxsize=16)
def _table(pack: LanguagePack) -> _Table:
    g = pack.grammar
    by_class: dict[str, list[tuple[str, str]]] = {}
    for cls, ending, kind in _entries(g.get("endings", frozenset())):
        by_class.setdefault(cls, []).append(("" if ending == "-" else ending, kind))
    classes = sorted(by_class, key=len, reverse=True)
    perfective = g.get("perfective", frozenset())
    verbs: dict[str, tuple[str, str]] = {}
    for lemma in sorted(_verb_lemmas(pack)):
        verb_class = next((c for c in classes if lemma.endswith(c) and len(lemma) > len(c)), None)
        if verb_class is None:
            continue
        stem = lemma[:-len(verb_class)]
        for ending, kind in by_class[verb_class]:
            kind = "fut" if kind == "pres" and lemma in perfective else kind
            verbs.setdefault(stem + ending, (lemma, kind))
    for form, lemma, kind in _entries(g.get("forms", frozenset())):
        verbs[form] = (lemma, "fut" if kind == "pres" and lemma in perfective else kind)
    aux = {form: (lemma, kind) for form, lemma, kind in _entries(g.get("auxiliaries", frozenset()))}
    return _Table(verbs, aux, _noun_forms(pack), _multiword(g))


def _noun_forms(pack: LanguagePack) -> dict[str, str]:
    g = pack.grammar
    lemma_endings = sorted(g.get("noun_lemma_endings", frozenset()), key=len, reverse=True)
    endings = g.get("noun_endings", frozenset())
    out: dict[str, str] = {}
    for lemma in sorted(pack.nouns | pack.stance_lemmas):
        if "_" in lemma:
            continue
        cut = next((e for e in lemma_endings if lemma.endswith(e) and len(lemma) > len(e) + 2), "")
        stem = lemma[:-len(cut)] if cut else lemma
        for ending in endings:
            out.setdefault(stem + ending, lemma)
        out.setdefault(lemma, lemma)
    for entry in g.get("noun_forms", frozenset()):  # "form lemma": an irregular plural or case form
        parts = entry.split()
        if len(parts) == 2:
            out[parts[0]] = parts[1]
    return out


def _multiword(g: dict[str, frozenset[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in g.get("multiword", ()):
        first, *rest = phrase.split()
        if rest:
            out.setdefault(first, []).append(tuple(rest))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _split_elision(raw: str, elisions: frozenset[str]) -> tuple[str, str]:
    """("l'", "Ukraine") for "l'Ukraine"; ("", raw) where no listed elision opens the token."""
    low = raw.casefold().replace("’", "'")
    for mark in ("'", "-"):  # "l'Ukraine", Romanian "s-a", "n-a"
        cut = low.find(mark)
        if 0 < cut < len(low) - 1 and low[:cut + 1] in elisions:
            return raw[:cut + 1], raw[cut + 1:]
    return "", raw


def _tokens(text: str, g: dict[str, frozenset[str]]) -> list[tuple[int, int, str]]:
    elisions = g.get("elisions", frozenset())
    out = []
    for m in _TOKEN.finditer(text):
        raw, at = m.group(0), m.start()
        head, rest = _split_elision(raw, elisions)
        if head:
            out.append((at, at + len(head), head))
            at, raw = at + len(head), rest
        out.append((at, at + len(raw), raw))
    return out


def _word_class(low: str, raw: str, first: bool, table: _Table, g: dict[str, frozenset[str]],
                after_article: bool = False, prev: str = "") -> tuple[str, str, frozenset[str]]:
    """(part of speech, lemma, features) of one word, from the closed classes and the form table."""
    lower = raw[0].islower() or first
    if low in table.aux and lower:
        lemma, kind = table.aux[low]
        return "AUX", lemma, frozenset({kind})
    for key, upos in (("negation", "PART"), ("particles", "PART"), ("determiners", "DET"), ("prepositions", "ADP"),
                      ("pronouns", "PRON"), ("coordinators", "CCONJ"), ("subordinators", "CCONJ"),
                      ("adverbs", "ADV")):
        if low in g.get(key, ()) and lower:
            return upos, low, frozenset()
    if low in table.nouns and low in table.verbs and after_article and table.verbs[low][1] not in ("inf", "part"):
        return "NOUN", table.nouns[low], frozenset()  # "l'aide", "la frappe", «dostarcza broni»: a noun
    if low in table.nouns and low in table.verbs and table.verbs[low][1] == "subj" and not any(
            prev in g.get(key, ()) for key in ("complementizers", "subordinators", "infinitive_markers", "clitics")):
        return "NOUN", table.nouns[low], frozenset()  # "nuove sanzioni": a subjunctive wants "che" or "să" before it
    if low in table.verbs and lower:
        lemma, kind = table.verbs[low]
        return "VERB", lemma, frozenset({kind})
    if low in table.nouns:
        return "NOUN", table.nouns[low], frozenset()
    return "X", low, frozenset()


def form_words(doc: Doc, sentence: Sentence, pack: LanguagePack) -> list[Word]:
    """The words of a sentence with lemmas, parts of speech and one verb feature (``pres``,
    ``past``, ``part``, ``fut``, ``cond``, ``inf``, ``subj``), fixed expressions joined."""
    from .frames import Word

    g = pack.grammar
    table = _table(pack)
    text = doc.text[sentence.start:sentence.end]
    words: list[Word] = []
    for n, (a, b, raw) in enumerate(_tokens(text, g)):
        start, end = sentence.start + a, sentence.start + b
        low = raw.casefold().replace("’", "'")
        if not raw[0].isalnum():
            words.append(Word(n, start, end, raw, raw, "PUNCT", low=low))
        elif raw[0].isdigit():
            words.append(Word(n, start, end, raw, raw, "NUM", low=low))
        else:
            prev = words[-1] if words else None  # after an article or a finite verb a noun reading wins
            after_article = prev is not None and (prev.upos == "DET" and prev.low in g.get("articles", ()) or
                                                  prev.upos == "VERB" and not prev.feats & {"inf", "part"})
            upos, lemma, feats = _word_class(low, raw, n == 0, table, g, after_article, prev.low if prev else "")
            words.append(Word(n, start, end, raw, lemma, upos, feats, low=low))
    return _with_tense_marks(_join_multiword(words, table), g)


#: the features the shared prediction rules read (``predictions._future_ru``), by verb form
_MARKS = {"fut": ("Future", "Tense=futr"), "past": ("Tense=past",), "pres": ("Tense=pres",), "inf": ("VerbForm=Inf",),
          "part": ("VerbForm=Part",), "ger": ("VerbForm=Part",), "perf": ("VerbForm=Part",)}


def _with_tense_marks(words: list[Word], g: dict[str, frozenset[str]]) -> list[Word]:
    """Each verb with the features of its form; an infinitive after a future auxiliary ("va geler",
    "allait durcir", «będzie wysyłać») and a conditional in a sentence with a condition are futures."""
    from .frames import Word

    condition = any(w.low in g.get("condition", ()) for w in words)
    out = []
    for n, w in enumerate(words):
        if w.upos not in ("VERB", "AUX"):
            out.append(w)
            continue
        marks = {m for kind in w.feats & _KINDS for m in _MARKS.get(kind, ())}
        if "cond" in w.feats and condition:
            marks.add("Future")
        if w.upos == "VERB" and not w.feats & {"part", "perf", "inf"} and _after_infinitive_marker(words, n, g):
            marks = {"VerbForm=Inf"}  # Romanian "va trimite", "să recunoască": the form an infinitive takes
            w = Word(w.i, w.start, w.end, w.text, w.lemma, w.upos, frozenset({"inf"}), low=w.low)
        if "inf" in w.feats:
            aux = next((x for x in _aux_before(words, n, g)), None)
            if aux is not None and aux.lemma in g.get("future", ()) or _negative_future(words, n, g):
                marks.add("Future")
        out.append(Word(w.i, w.start, w.end, w.text, w.lemma, w.upos, w.feats | marks, low=w.low) if marks else w)
    return out


def _after_infinitive_marker(words: list[Word], n: int, g: dict[str, frozenset[str]]) -> bool:
    """The word before (negation and clitics skipped) is one of ``infinitive_markers``: what follows is
    an infinitive (or the subjunctive that stands for one), whatever the form also reads as."""
    markers = g.get("infinitive_markers", frozenset())
    if not markers:
        return False
    for x in reversed(words[max(0, n - 3):n]):
        if x.low in markers:
            return True
        if not (x.upos == "PART" or x.low in g.get("clitics", ())):
            return False
    return False


def _join_multiword(words: list[Word], table: _Table) -> list[Word]:
    """"mis en garde" -> the verb read as *mettre_en_garde* (the other parts become particles, so
    that what follows is still its target); determiners may stand between the parts ("prend ses
    distances"), and a ``*`` of the expression up to three words ("mettre * à disposition")."""
    from .frames import Word

    if not table.multiword:
        return words
    out = list(words)
    for n, w in enumerate(words):
        found = _expression_end(words, n, table) if w.upos == "VERB" else None
        if found is None:
            continue
        parts, rest = found
        out[n] = Word(w.i, w.start, w.end, w.text, "_".join((w.lemma, *(p for p in rest if p != "*"))), "VERB",
                      w.feats, low=w.low)
        for k in parts:
            x = words[k]
            out[k] = Word(x.i, x.start, x.end, x.text, x.lemma, "PART", x.feats, low=x.low)
    return out


def _expression_end(words: list[Word], n: int, table: _Table) -> tuple[list[int], tuple[str, ...]] | None:
    """The positions of the other parts of a fixed expression opened by the verb at ``n``."""
    for rest in table.multiword.get(words[n].lemma, ()):
        k, parts, gap = n + 1, [], 0
        for part in rest:
            if part == "*":
                gap = 3
                continue
            limit = k + gap
            while k < len(words) and part not in (words[k].low, words[k].lemma) and (
                    words[k].upos == "DET" or k < limit) and words[k].upos not in ("PUNCT", "VERB"):
                k += 1
            if k >= len(words) or part not in (words[k].low, words[k].lemma):
                break
            parts.append(k)
            k, gap = k + 1, 0
        else:
            return parts, rest
    return None


# -- factuality ---------------------------------------------------------------------------------------
def _aux_before(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> list[Word]:
    """The auxiliaries before a participle or an infinitive, nearest first, across negation, adverbs
    and clitic pronouns ("n'a pas encore envoyé", "s'est retirée", "a été condamné")."""
    out = []
    for x in reversed(words[max(0, at - 5):at]):
        if x.upos == "AUX":
            out.append(x)
        elif x.upos in ("PART", "ADV", "PRON") or x.low in g.get("clitics", ()):
            continue
        elif x.upos in ("DET", "ADP") and x.i + 1 < len(words) and words[x.i + 1].upos == "ADV":
            continue  # "a de nouveau attaqué", "ha di nuovo attaccato": an adverbial phrase
        else:
            break
    return out


def _governor(words: list[Word], at: int, g: dict[str, frozenset[str]], perfect: bool = False) -> Word | None:
    """The finite verb (or future auxiliary) governing an infinitive, within eight words, not past a
    clause break other than the complement's own preposition; with ``perfect``, for an infinitive, also the
    participle of a perfect ("a refuzat din nou să permită")."""
    for x in reversed(words[max(0, at - 8):at]):
        if x.text in (";", ":", "—") or x.low in g.get("clause_breaks", ()):
            return None
        if x.upos == "AUX" and x.lemma in g.get("future", ()):
            return x
        if x.upos == "VERB" and "inf" not in x.feats and ("part" not in x.feats or perfect and
                                                          _perfect_participle(words, x)):
            return x
    return None


def _perfect_participle(words: list[Word], x: Word) -> bool:
    """A participle right after an auxiliary (its perfect: "a refuzat", "a refusé", "е отказала")."""
    at = next((k for k, w in enumerate(words) if w is x), 0)
    return at > 0 and words[at - 1].upos == "AUX"


def _condition_in_clause(builder: FrameBuilder, words: list[Word], at: int) -> bool:
    g = builder.pack.grammar if builder.pack else {}
    left = builder._clause_left(words, at)
    if any(x.low in g.get("condition", ()) for x in words[left:at]):
        return True
    return any(words[n].text == "," and words[n + 1].low in g.get("condition", ())
               for n in range(at + 1, len(words) - 1))


def _finite_kind(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> str | None:
    """The tense of a finite verb or participle with its auxiliaries, or None for a bare participle."""
    w = words[at]
    kind = next(iter(w.feats & _KINDS), "pres")
    if kind not in ("part", "perf"):
        return kind
    auxes = _aux_before(words, at, g)
    if not auxes:
        return None
    return {"pres": "past", "past": "past", "fut": "fut", "cond": "cond", "subj": "subj"}.get(
        next(iter(auxes[-1].feats & _KINDS), "pres"), "past")


def _passive(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> bool:
    """A participle after the passive auxiliary (not a reflexive or intransitive perfect)."""
    auxes = _aux_before(words, at, g)
    if not auxes or words[at].lemma in g.get("perfect_with_be", ()):
        return False
    if any(x.low in g.get("passive_forms", ()) for x in auxes):
        return True  # "a été condamné", "è stato condannato", «został wysłany»
    reflexive = any(x.low in g.get("reflexives", ()) for x in words[max(0, at - 5):at])
    return auxes[-1].lemma in g.get("passive", ()) and not reflexive


def _relative_subject(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> bool:
    """The verb right after a subject relative pronoun that follows a noun ("citoyens qui combattent",
    "cittadini che combattono"), clitics, negation and adverbs between ("che ha già congelato")."""
    return relative_antecedent(words, at, g) is not None


def relative_antecedent(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> int | None:
    """The index of the noun or name a subject relative clause hangs from, its verb at ``at``
    ("La Biélorussie, qui a mis ...": *Biélorussie*), or ``None`` when the verb opens no such clause."""
    for k in range(at - 1, max(-1, at - 4), -1):
        x = words[k]
        if x.upos in ("PART", "PRON", "AUX", "ADV") and x.low not in g.get("relative_subject", ()):
            continue
        before = k - 2 if k > 1 and words[k - 1].text == "," else k - 1  # «obywateli, którzy walczą»
        if x.low in g.get("relative_subject", ()) and before >= 0 and words[before].upos in ("NOUN", "X", "PROPN"):
            return before
        return None
    return None


def named_antecedent(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> int | None:
    """The name set off by a comma before a subject relative clause ("L'Armenia, che ha congelato",
    "Białoruś, która udostępniła"): the clause's verb has that name for its subject."""
    before = relative_antecedent(words, at, g)
    if before is None or before + 1 >= len(words) or words[before + 1].text != ",":
        return None
    return before if words[before].upos == "PROPN" or words[before].text[:1].isupper() else None


def relative_insertion(words: list[Word], first: int, start: int,
                       g: dict[str, frozenset[str]]) -> tuple[int, int] | None:
    """The relative clause set off by commas between a subject and its verb at ``first`` ("L'Armenia,
    che ha già congelato ..., ha inviato"; "La Biélorussie, qui a mis ..., n'enverra pas"): the
    indexes of its two commas, or ``None``. Only auxiliaries, clitics, negation and adverbs may stand
    between the closing comma and the verb."""
    close = first - 1
    while close > start and words[close].upos in ("AUX", "PART", "PRON", "ADV") and words[close].text != ",":
        close -= 1
    if close <= start or words[close].text != ",":
        return None
    for n in range(close - 1, start, -1):
        if words[n].text in (",", ";", ":", "—", "–", "(", ")"):
            if words[n].text == "," and n + 1 < close and words[n + 1].low in g.get("relative_subject", ()) \
                    and words[n - 1].upos in ("NOUN", "X", "PROPN"):
                return n, close
            return None
    return None


def factuality(builder: FrameBuilder, words: list[Word], first: int,
               last: int) -> tuple[str | None, str | None, bool]:
    """Done, ongoing, present, planned, conditional, asked, opinion, denied or non-finite."""
    pack = builder.pack
    assert pack is not None
    g = pack.grammar
    w = words[first]
    if words and words[-1].text == "?":
        return None, None, False  # a question states nothing
    if w.upos in ("NOUN", "X"):
        return ("nominal", None, False) if w.lemma in pack.predicates else (None, None, False)
    if w.upos != "VERB":
        return None, None, False
    if _relative_subject(words, first, g) and named_antecedent(words, first, g) is None:
        return "relative", None, False  # "ses citoyens qui combattent": the relative clause's own subject
    if "inf" in w.feats or "ger" in w.feats:
        return _infinitive(words, first, g)
    auxes = _aux_before(words, first, g) if w.feats & {"part", "perf"} else []
    if auxes and "inf" in auxes[-1].feats:
        return _infinitive(words, auxes[-1].i, g)  # "nie avoir livré": the perfect infinitive
    kind = _finite_kind(words, first, g)
    if kind is None:
        return "nonfinite", None, False
    passive = "part" in w.feats and _passive(words, first, g)  # a "perf" participle makes no passive
    fact = {"past": "done", "fut": "planned", "cond": "conditional", "subj": "asked"}.get(kind, "ongoing")
    held = ("condemn", "recognise", "neutral")
    if fact == "ongoing" and any(w.lemma in pack.stance_classes.get(c, ()) for c in held):
        fact = "present"  # "soutient", "condamne": a position held, not an act under way
    if fact in ("ongoing", "present", "planned", "done") and _condition_in_clause(builder, words, first):
        fact = "conditional"
    governor = _governor(words, first, g)
    gov = governor.lemma if governor is not None else None
    if governor is not None and any(x.low in g.get("complementizers", ()) for x in words[governor.i:first]):
        governed = governed_factuality(g, gov, _COMPLEMENT_GOVERNORS)
        if governed is not None:
            return governed, gov, passive
    return fact, gov, passive


def _negative_future(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> bool:
    """Bulgarian «няма да изпрати»: a negative future word before the infinitive marker."""
    words_before = [x.low for x in words[max(0, at - 3):at]]
    return any(x in g.get("negative_future", ()) for x in words_before)


def _infinitive(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> tuple[str | None, str | None, bool]:
    if _negative_future(words, at, g):
        return "planned", None, False
    governor = _governor(words, at, g, perfect=True)
    if governor is None:
        return "nonfinite", None, False
    gov = governor.lemma
    if gov in g.get("future", ()) and next(iter(governor.feats & _KINDS), "pres") == "cond":
        return "conditional", gov, False  # a future auxiliary in the conditional
    return governed_factuality(g, gov) or "nonfinite", gov, False
