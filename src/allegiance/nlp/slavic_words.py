"""Russian and Ukrainian words of a sentence as the clause frames read them: pymorphy3's readings
worth considering in news text (``readings``), a Ukrainian passive participle's verb, and the
sentence's words with lemma, part of speech and features chosen in context (``_ru_words``: a word
the word before can make finite is read again). Used by :mod:`allegiance.nlp.frames_slavic` and
the frame builder."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ..kb.langdata import every_language_data
from .doc import Doc, Sentence
from .tokens import _morph

if TYPE_CHECKING:
    from .frames import LanguagePack, Word

__all__ = ["Lemma", "readings", "uk_participle_verb"]


def _parses(lang: str, word: str) -> list[Any]:
    try:
        return list(_morph(lang).parse(word))
    except Exception:  # noqa: BLE001 - pymorphy3 raises on some characters: no reading
        return []


_FUNCTION_POS = ("PREP", "CONJ", "PRCL")


@functools.lru_cache(maxsize=8)
def unscored(analyzer: str) -> bool:
    """pymorphy3's dictionary ``analyzer`` gives its analyses no frequencies (``frequencies = false``
    in the ``morphology.toml`` that names it, Ukrainian's): readings are then chosen by context."""
    return any(d.get("analyzer") == analyzer and d.get("frequencies") is False
               for d in every_language_data("morphology").values())


@functools.lru_cache(maxsize=8)
def _colloquial_infinitives(analyzer: str) -> tuple[str, ...]:
    """The endings of colloquial infinitives that read like a finite form (``colloquial_infinitive_endings``
    of the ``morphology.toml`` that names ``analyzer``: Ukrainian «-ть», «оголосить» being the future)."""
    return tuple(str(e) for d in every_language_data("morphology").values() if d.get("analyzer") == analyzer
                 for e in d.get("colloquial_infinitive_endings", []))


@functools.lru_cache(maxsize=200_000)
def readings(lang: str, word: str) -> tuple[Any, ...]:
    """The analyses of one word worth considering in news text, likeliest first: no vocatives; in
    a dictionary whose analyses carry no frequencies (``unscored``: Ukrainian's) no imperatives and no colloquial «-ть»
    infinitives where a finite reading exists («оголосить» is the future), and a preposition,
    conjunction or particle reading first («про», «під», «проти», «як» before their rare nouns), and a
    pronoun's before a noun's («яка» is the relative «який», not the genitive of «як», a yak)."""
    every = _parses(lang, word)
    parses = [p for p in every if p.tag.case != "voct"] or every
    if not unscored(lang) or not parses:
        return tuple(parses)
    finite = [p for p in parses if p.tag.POS == "VERB" and p.tag.mood != "impr" and "infn" not in p.tag.grammemes]
    if finite:
        parses = [p for p in parses if not (p.tag.POS == "VERB" and p.tag.mood == "impr") and not (
            (p.tag.POS == "INFN" or "infn" in p.tag.grammemes) and word.endswith(_colloquial_infinitives(lang)))] \
            or parses
    function = [p for p in parses if p.tag.POS in _FUNCTION_POS]
    if function and parses[0].tag.POS not in _FUNCTION_POS:
        parses = function + [p for p in parses if p not in function]
    if parses[0].tag.POS == "NOUN":
        pronouns = [p for p in parses if p.tag.POS == "NPRO"]
        if pronouns:
            parses = pronouns + [p for p in parses if p not in pronouns]
    return tuple(parses)


class Lemma:
    """A stand-in analysis carrying only a lemma (a Ukrainian participle read as its verb)."""

    def __init__(self, normal_form: str) -> None:
        self.normal_form = normal_form


@functools.lru_cache(maxsize=20_000)
def uk_participle_verb(participle: str, pack: LanguagePack) -> str:
    """The listed verb of a Ukrainian passive participle («підписаний» → «підписати»,
    «затриманий» → «затримати», «знищений» → «знищити»), or '': the participle's ending replaced
    by a verb ending (``participle_verbs`` in grammar.toml, "ending verb-ending ...", in order)."""
    for row in pack.ordered.get("participle_verbs", ()):
        ending, *verbs = row.split()
        if participle.endswith(ending):
            stem = participle[: -len(ending)]
            for verb in verbs:
                if stem + verb in pack.predicates:
                    return stem + verb
    return ""


@functools.lru_cache(maxsize=200_000)
def _analyses(lang: str, word: str) -> tuple[Any, ...]:
    """pymorphy3's analyses of one word, cached (news text repeats its words)."""
    return tuple(_morph(lang).parse(word))


def _verb_in_context(verbal: list[Any], nominal: list[Any], before: list[Word]) -> bool:
    """Ukrainian (no frequencies): a word that is a third-person or past verb, or an oblique noun,
    is the verb after a nominative subject («сторона надала», not the noun «надал»)."""
    if any(p.tag.case == "nomn" for p in nominal):
        return False
    if not any(p.tag.POS == "VERB" and (p.tag.tense == "past" or p.tag.person == "3per") for p in verbal):
        return False
    prev = next((w for w in reversed(before) if w.upos not in ("ADV", "PART")), None)
    return prev is not None and prev.upos in ("NOUN", "PRON", "ADJ") and "Case=nomn" in prev.feats and \
        not any(w.upos == "VERB" and "VerbForm=Inf" not in w.feats for w in before[-3:])


def _preposition_next(lang: str, text: str, at: int) -> bool:
    """Ukrainian: the next word is a preposition (or a particle) («Нікарагуа стала на бік»): a verb-or-adjective
    after a nominative subject and before a preposition is the verb (an adjective comes before its noun)."""
    nxt = text[at:at + 12].split()[:1]
    if not nxt or not nxt[0].isalpha():
        return False
    parses = readings(lang, nxt[0].casefold())
    return any(p.tag.POS == "PREP" for p in parses) and all(p.tag.POS in ("PREP", "PRCL", "CONJ") for p in parses)


#: (pack, case-folded word) -> (lemma, part of speech, features) as _ru_words reads it, for the words
#: whose reading depends on the word alone (not a Ukrainian verb-or-noun, which the words before decide):
#: reading pymorphy3's tags costs far more than a lookup
_RU_SEEN: dict[tuple[LanguagePack, str], tuple[str, str, frozenset[str]]] = {}
#: the words of _RU_SEEN whose reading the word before can change (see ``_finite_context``)
_RU_CONTEXTUAL: set[tuple[LanguagePack, str]] = set()


@functools.lru_cache(maxsize=4096)
def _listed_adverb(lang: str, low: str) -> bool:
    """Whether ``morphology.toml``'s ``[upos]`` lists the word as an adverb (a word pymorphy3 reads
    first as a preposition: Ukrainian «раніше», «пізніше»)."""
    from .morphology import closed_class

    return closed_class(lang).upos.get(low) == "ADV"


def _finite_context(words: list[Word], pack: LanguagePack) -> str | None:
    """Where the word before makes a verb reading finite: ``"negation"`` after «не»/«ні», ``"subject"``
    after a nominative noun, adjective or pronoun (no verb between), else ``None``."""
    if not words:
        return None
    prev = words[-1]
    if prev.upos == "PART" and prev.lemma in pack.grammar.get("negation", ()):
        return "negation"
    if prev.upos in ("NOUN", "ADJ", "PRON") and "Case=nomn" in prev.feats:
        return "subject"
    return None


def _ru_words(doc: Doc, sentence: Sentence, pack: LanguagePack) -> list[Word]:
    """Russian and Ukrainian words with pymorphy3's lemma, part of speech and features (case,
    tense, aspect, person, number, voice), memoised per word where the word alone decides."""
    from .frames import _WORD, Word  # frames imports this module: read at call time

    lang = pack.analyzer  # the pymorphy3 dictionary of the language's morphology.toml
    context = unscored(lang)  # no frequencies: a verb-or-noun is read by the words before it
    words = []
    text = doc.text[sentence.start:sentence.end]
    for n, m in enumerate(_WORD.finditer(text)):
        raw = m.group(0)
        if not raw[0].isalpha():
            words.append(Word(n, sentence.start + m.start(), sentence.start + m.end(), raw, raw,
                              "NUM" if raw[0].isdigit() else "PUNCT"))
            continue
        low = raw.casefold()
        for letter, folded in pack.letter_folds:  # Russian «ё» read as «е»
            low = low.replace(letter, folded)
        seen_key = (pack, low)
        finite = _finite_context(words, pack)
        seen = _RU_SEEN.get(seen_key)
        if seen is not None and not (finite and seen_key in _RU_CONTEXTUAL):  # the word read before
            words.append(Word(n, sentence.start + m.start(), sentence.start + m.end(), raw, *seen))
            continue
        parses = readings(lang, seen_key[1])
        best = parses[0]
        verbal = [p for p in parses if p.tag.POS in ("VERB", "INFN")]
        nominal = [p for p in parses if p.tag.POS in ("NOUN", "ADJF", "NPRO")]
        contextual = any(p.tag.tense for p in verbal) and bool(
            nominal or any("impr" in p.tag.grammemes or not p.tag.tense for p in verbal))
        if contextual:
            _RU_CONTEXTUAL.add(seen_key)
        if finite and contextual:
            # after a negation or a nominative subject a verb is finite: «не примет» is no noun, «мы не
            # направим» no inclusive imperative, «мобілізовані повернуться» no infinitive
            verbal = [p for p in verbal if p.tag.tense] if finite == "subject" else \
                [p for p in verbal if "impr" not in p.tag.grammemes]
            nominal = [] if finite == "negation" else nominal
        ambiguous = bool(verbal and nominal)  # a Ukrainian verb-or-noun: the words before decide, never cached
        if context and ambiguous and words and words[-1].upos == "ADP" and not finite:
            verbal, best = [], nominal[0]  # «через війну», «на войну»: a preposition's object is the noun
        elif context and ambiguous and words and words[-1].upos == "VERB" and not finite and \
                not {"VerbForm=Inf", "VerbForm=Part"} & words[-1].feats and all(p.tag.tense for p in verbal):
            verbal, best = [], nominal[0]  # «не підтримали війну»: after a finite verb, its object, not a second
            # finite verb (an infinitive reading stays: «може стати»)
        if nominal and verbal and all("impr" in p.tag.grammemes for p in verbal):
            verbal, best = [], nominal[0]  # «війни»: the noun, not the imperative of «війнути» (news rarely commands)
        feats: set[str] = set()
        if verbal and (not nominal or best.tag.POS in ("VERB", "INFN") and best.score >= nominal[0].score
                       or context and _verb_in_context(verbal, nominal, words)
                       or context and finite == "subject" and _preposition_next(lang, text, m.end())):
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
            if best.tag.aspect:
                feats.add(f"Aspect={best.tag.aspect}")
            if "Refl" in best.tag.grammemes or best.normal_form.endswith(pack.ordered.get("reflexive_endings", ())):
                feats.add("Reflexive")
            if "Impe" in best.tag.grammemes:  # «підписано», «затримано»: the impersonal passive, done
                feats |= {"Voice=Pass", "Tense=past", "Impersonal"}
            upos = "VERB"
        elif best.tag.POS in ("PRTF", "PRTS", "GRND"):
            upos = "VERB"
            feats.add("VerbForm=Part")
            if "pssv" in best.tag.grammemes:
                feats |= {"Voice=Pass"} | ({"Short"} if best.tag.POS == "PRTS" else set())
        elif best.tag.POS == "ADJF" and "pssv" in best.tag.grammemes and \
                uk_participle_verb(str(best.normal_form), pack):  # a language with ``participle_verbs``
            upos = "VERB"  # «був підписаний»: the passive participle of a listed verb
            feats |= {"VerbForm=Part", "Voice=Pass"}
            best = Lemma(uk_participle_verb(str(best.normal_form), pack))
        else:
            upos = {"NOUN": "NOUN", "ADJF": "ADJ", "NPRO": "PRON", "PREP": "ADP", "PRCL": "PART", "CONJ": "CCONJ",
                    "ADVB": "ADV"}.get(
                str(best.tag.POS), "X")
            feats |= {f"Case={p.tag.case}" for p in parses if p.tag.case}
            if upos == "ADP" and _listed_adverb(lang, low) and any(p.tag.POS == "ADVB" for p in parses):
                upos, feats = "ADV", set()  # «Раніше США запровадили»: the adverb, not the preposition "before"
        lemma = str(best.normal_form).replace("ё", "е")
        if lemma in pack.grammar.get("negation", ()):
            upos = "PART"
        if not (context and ambiguous) and not (finite and contextual):  # else the words before decide
            if len(_RU_SEEN) >= 200_000:
                _RU_SEEN.clear()
                _RU_CONTEXTUAL.clear()
            _RU_SEEN[seen_key] = (lemma, upos, frozenset(feats))
        words.append(Word(n, sentence.start + m.start(), sentence.start + m.end(), raw, lemma, upos,
                          frozenset(feats)))
    return words
