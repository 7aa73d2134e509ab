"""Predictions: forecasts, risk assessments, conditionals, pledges, plans, schedules and warnings,
read from the words of a sentence with each language's function words (``lang/<code>/grammar.toml``).

English: a future auxiliary before a verb ("will", "shall", "'ll"), "would" in reported speech, a
plan word before a "to" infinitive ("plans to", "is expected to", "vowed to"), a modal of risk
("could", "may", "might") before a verb, or any modal with a condition ("can be avoided if").
Not: a modal of ability alone ("can block"), a past modal ("could have"), a disclaimer ("may not
reflect the views"), the month "May", an advertisement addressing the reader, a question, page
furniture or a headline. Russian and Ukrainian: a verb whose every verbal reading is future
(pymorphy3), a future auxiliary or a plan verb with an infinitive, "может"/"може" with an
infinitive, or a condition; a first-person plural before a comma («Напомним,») is no forecast.

The speaker is the subject of the sentence's speech frame (else the author); the horizon is the
first time expression after the future marker that does not lie before the publication date and is
not the day someone spoke ("said on Monday").
"""

from __future__ import annotations

import re

from .actors import ActorResolver
from .doc import Doc, Mention, Sentence, Statement
from .frames import FrameBuilder, LanguagePack, Word
from .modality import SentenceModality
from .prefilter import may_speak_of_future
from .records import MentionRef, PredictionRecord
from .registry import register

__all__ = ["find_predictions", "future_marker"]

_RISK = ("could", "may", "might")
_DISCLAIMER = re.compile(r"\b(reflect|represent)s?\b.{0,30}\b(views?|opinions?|position)\b|\bresponsib|"
                         r"\bviews?\b.{0,40}\b(reflect|represent)\b|"
                         r"\b(terms|conditions|fees|charges|rates)\b.{0,40}\bmay\s+apply\b|"
                         r"\b(could|can)\s*(not|n[o']t)\s+(be\s+)?(independently\s+|immediately\s+)?"
                         r"(confirm|verif|reach|be\s+reached)", re.I)


def _next_content(words: list[Word], at: int) -> Word | None:
    for w in words[at + 1:at + 4]:
        if w.upos == "PART" or w.low.endswith("ly") and w.upos == "X":
            continue
        return w
    return None


def _future_en(builder: FrameBuilder, sentence: Sentence, words: list[Word]) -> Word | None:
    pack = builder.pack
    assert pack is not None
    g = pack.grammar
    text = builder.doc.text[sentence.start:sentence.end]
    reported = any(w.lemma in pack.speech and not (n > 0 and words[n - 1].upos in ("DET", "ADP"))
                   for n, w in enumerate(words))  # a speech verb, not "the state level"
    conditional = any(w.low in g.get("condition", ()) for w in words) or bool(words) and words[0].low in g.get(
        "inversion", ())  # "Should the sanctions be lifted, ..."
    for n, w in enumerate(words):
        nxt = _next_content(words, n)
        if nxt is None or nxt.upos == "PUNCT":
            continue
        if w.low in g.get("reader", ()) and (nxt.low in g.get("future", ()) or nxt.low in _RISK):
            return None  # "you will love it", "you may be interested": an advertisement, an address to the reader
        after = words[nxt.i + 1] if nxt.i + 1 < len(words) else None
        if w.upos == "AUX" and nxt.low in ("have", "'ve") and after is not None and _participle(pack, after):
            continue  # "could have stopped", "would have been": past modals ("will have to" is a forecast)
        if w.low in g.get("future", ()) or w.low.endswith(("'ll", "’ll")):
            return w  # "will", "we'll"
        if w.low == "would" and nxt.low in g.get("would_idioms", ()):
            continue  # "we would like to point out": a polite wish, no forecast
        if w.low == "would" and (reported or conditional):
            return w
        if w.text == "May" and (n > 0 or nxt.text[:1].isupper() or nxt.upos == "NUM"):
            continue  # the month
        if w.low in _RISK and w.upos == "AUX":
            if _DISCLAIMER.search(text) or nxt.low == "not" and "reached" in text:
                continue
            if w.low == "could" and _in_the_past(pack, text):
                continue  # "recruiters could offer bonuses in the past": a past ability
            return w
        if w.low in g.get("forecast_verbs", ()) and not (n > 0 and words[n - 1].upos in ("DET", "ADP")) and \
                _infinitive_after(words, n):
            return w  # "experts expect Russia to announce ...": a forecast of another's act
        if w.low in ("can", "cannot") and conditional:
            return w
        past = n > 0 and words[n - 1].low in ("was", "were", "had") or w.low.endswith("ed") and not any(
            x.upos == "AUX" for x in words[max(0, n - 2):n]) and w.lemma not in g.get("pledge", ())
        denied = n > 0 and words[n - 1].low in ("no", "without")  # "has no plans to": no plan
        if (w.low in g.get("plan", ()) or w.lemma in g.get("plan", ())) and nxt.low == "to" and not past and not denied:
            if after is not None and after.upos not in ("DET", "PROPN", "NUM") and after.low not in ("the", "a"):
                return w
    return None


def _in_the_past(pack: LanguagePack, text: str) -> bool:
    low = " " + " ".join(text.casefold().split()) + " "
    return any(f" {m} " in low or f" {m}." in low or f" {m}," in low for m in pack.grammar.get("past_markers", ()))


def _infinitive_after(words: list[Word], n: int) -> bool:
    """A "to" with a verb after it within five words after a forecast verb, past a noun phrase only."""
    for x in words[n + 1:n + 7]:
        if x.low == "to":
            after = words[x.i + 1] if x.i + 1 < len(words) else None
            return after is not None and after.upos not in ("DET", "PROPN", "NUM", "PUNCT")
        if x.upos in ("PUNCT", "AUX") or x.low in ("that", "which", "who"):
            return False
    return False


def _in_time_clause(pack: LanguagePack, words: list[Word], n: int) -> bool:
    """«пока заявитель не подпишет», «коли це станеться»: a future in a clause of time follows the
    main clause, and is no forecast of its own."""
    for x in reversed(words[:n]):
        if x.text in (",", ";", ":", "—"):
            return False
        if x.low in pack.grammar.get("temporal", ()):
            return True
    return False


def _participle(pack: LanguagePack, word: Word) -> bool:
    """A past participle after "have" ("stopped", "been", "taken"), not an object ("an impact")."""
    return word.low in pack.grammar.get("participles", ()) or word.low.endswith(("ed", "en")) or \
        word.low in pack.forms and not word.low.endswith(("s", "ing"))


def _future_ru(builder: FrameBuilder, sentence: Sentence, words: list[Word]) -> Word | None:
    pack = builder.pack
    assert pack is not None
    g = pack.grammar
    conditional = any(w.low in g.get("condition", ()) for w in words)
    if any(w.lemma in g.get("reader", ()) or w.low in g.get("reader", ()) for w in words):
        return None  # «вам понравится», «вам сподобається»: an advertisement, an address to the reader
    for n, w in enumerate(words):
        if w.upos == "VERB" and {"VerbForm=Part", "Short"} <= w.feats and w.lemma in g.get("plan", ()) and \
                any("VerbForm=Inf" in x.feats for x in words[n + 1:n + 4]):
            return w  # «не намерена вступать»: a short participle of intention with its infinitive
        if w.upos != "VERB" or "VerbForm=Part" in w.feats:
            continue
        nxt = words[n + 1] if n + 1 < len(words) else None
        if _plan_ru(g, words, n):
            return w
        if "Future" in w.feats:
            if "Person=1per" in w.feats and "Number=plur" in w.feats and nxt is not None and nxt.text == ",":
                continue  # «Напомним,», «Отметим,»: a turn of phrase, no forecast
            if _in_time_clause(pack, words, n):
                continue
            return w
        if builder.pack is not None and builder.pack.slavic and builder.subjunctive(words, n) is not None:
            return w  # «направил бы ... по решению ООН»: a conditional statement
        infinitive = any("VerbForm=Inf" in x.feats for x in words[n + 1:n + 4])
        if infinitive and (w.lemma in g.get("plan", ()) or w.lemma in g.get("future", ())) and \
                not (w.lemma in g.get("aspectual", ()) and "Tense=past" in w.feats):
            return w  # not «начали рассылать», «не стали закрывать»: a past act begun or not done
        if w.lemma in g.get("ability", ()) and not conditional and _imperfective_infinitive(g, words, n):
            continue  # «может поражать цели», «могут направляться только с согласия»: ability or permission
        if w.lemma in g.get("conditional", ()) and infinitive and "Tense=past" not in w.feats:
            return w
        if conditional and "Tense=past" not in w.feats and w.lemma in g.get("conditional", ()):
            return w
    return _scheduled(builder, sentence, words) if pack.slavic else None


def _imperfective_infinitive(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """The first infinitive within three words after a modal is imperfective: with «мочь», «могти»
    it says what one is able or allowed to do, not a single future event (a perfective one is).
    Verbs with no perfective (``imperfective_only``: «грозить», «загрожувати») say a risk either way."""
    infinitive = next((x for x in words[n + 1:n + 4] if "VerbForm=Inf" in x.feats), None)
    return infinitive is not None and bool({"Aspect=impf", "Aspect=Imp"} & infinitive.feats) and \
        infinitive.lemma not in g.get("imperfective_only", ())


def _plan_ru(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """Russian and Ukrainian plans and risks read from the verb at ``n``: a plan phrase with an
    infinitive («має намір вступати»), a verb of preparing with the noun of the act it prepares
    («ЕС готовит новые ограничения», ``plan_objects``), a risk not ruled out («не исключают
    провокаций», ``risk_negated``); the present tense only, not what was prepared."""
    w = words[n]
    if "Tense=past" in w.feats:
        return False
    nxt = words[n + 1] if n + 1 < len(words) else None
    if nxt is not None and f"{w.lemma} {nxt.lemma}" in g.get("plan", ()) and \
            any("VerbForm=Inf" in x.feats for x in words[n + 2:n + 5]):
        return True
    if w.lemma in g.get("plan_objects", ()) and "Tense=pres" in w.feats:
        head = next((x for x in words[n + 1:n + 4] if x.upos != "ADJ"), None)
        if head is not None and head.upos == "NOUN" and "Case=accs" in head.feats:
            return True
    return w.lemma in g.get("risk_negated", ()) and n > 0 and words[n - 1].lemma in g.get("negation", ())


def _scheduled(builder: FrameBuilder, sentence: Sentence, words: list[Word]) -> Word | None:
    """«С 1 апреля в России стартует призыв»: the present tense of a schedule, with a date after
    publication (not the day someone spoke)."""
    doc, pack = builder.doc, builder.pack
    if not doc.published or pack is None:
        return None
    later = [t for t in doc.times if sentence.start <= t.start < sentence.end and t.value
             and t.value > doc.published[:len(t.value)]]
    if not later:
        return None
    return next((w for w in words if w.upos == "VERB" and "Tense=pres" in w.feats and "Tense=past" not in w.feats
                 and "VerbForm=Part" not in w.feats and w.lemma not in pack.speech
                 and "Person=1per" not in w.feats), None)


def _may_speak_of_future(builder: FrameBuilder, sentence: Sentence) -> bool:
    """A cheap filter on surface words before the sentence is analysed: a future or modal
    auxiliary, a plan word or a condition (English), a possible verb (Russian, Ukrainian)."""
    assert builder.pack is not None  # the cue words, once per pack: ``prefilter.future_triggers``
    return may_speak_of_future(builder.pack, builder.doc.text[sentence.start:sentence.end].casefold().replace("’", "'"))


def future_marker(builder: FrameBuilder, sentence: Sentence) -> Word | None:
    """The word that makes the sentence speak of the future, or ``None``."""
    if builder.pack is None:
        return None
    if builder.pack.english and not _may_speak_of_future(builder, sentence):
        return None
    words = builder.words(sentence)
    if builder.pack.english:
        return _future_en(builder, sentence, words)
    return _future_ru(builder, sentence, words)


def _speaker(builder: FrameBuilder, sentence: Sentence) -> Mention | None:
    if not builder.frames(sentence) and builder.pack is not None and builder.pack.english:
        builder.force(sentence)  # "X said Russia will ...": the speech frame gives the speaker
    for frame in builder.frames(sentence):
        if builder.pack is not None and builder.pack.slavic and frame.factuality in ("planned", "conditional"):
            continue  # «Росія оголосить ...»: a predicted announcement is what is said, not who says it
        if builder.pack is not None and frame.lemma in builder.pack.speech and frame.subjects and \
                frame.factuality in ("done", "ongoing", "present"):
            return frame.subjects[0]  # not "Russia could announce ...": what is predicted is no speech frame
        if frame.speaker is not None:
            return frame.speaker
    return None


def _horizon(doc: Doc, builder: FrameBuilder, sentence: Sentence, marker: Word) -> str | None:
    """The predicted time: after the marker, not before publication, not the day of speaking."""
    speech = [f for f in builder.frames(sentence) if builder.pack is not None and f.lemma in builder.pack.speech]
    for t in doc.times:
        if not (sentence.start <= t.start < sentence.end) or t.value is None:
            continue
        if t.start < marker.start or doc.published and t.value < doc.published[:len(t.value)]:
            continue
        if any(0 <= t.start - f.end <= 25 for f in speech):
            continue  # "said on Monday": when it was said, not what is predicted
        return t.value
    return None


def _title_line(doc: Doc, sentence: Sentence, text: str) -> bool:
    """A line of its own without closing punctuation (a linked story's title, a caption): no forecast."""
    before = doc.text[max(0, sentence.start - 1):sentence.start]
    after = doc.text[sentence.end:sentence.end + 1]
    whole = before in ("", "\n") and after == "\n"  # the excerpt's last line may be cut off: not a title
    return whole and not text.rstrip().endswith((".", "!", "?", '"', "”", "»", ")", ":")) and len(text.split()) <= 25


def _claim(text: str, marker: Word, sentence: Sentence) -> str:
    """What is predicted: the clause from a little before the marker on, in at most 16 words."""
    at = max(0, marker.start - sentence.start)
    head = text[:at].split()[-4:]
    return " ".join(head + text[at:].split()[:12]).rstrip(".,;:")


@register("predictions.rules")
def find_predictions(doc: Doc, resolver: ActorResolver, modality: SentenceModality,
                     builder: FrameBuilder) -> list[Statement]:
    out = []
    for sentence in doc.sentences:
        text = doc.text[sentence.start:sentence.end]
        if text.rstrip().endswith("?") or builder.is_furniture(sentence) or builder.is_headline(sentence) or \
                builder.pack is not None and builder.pack.english and _title_line(doc, sentence, text):
            continue
        marker = future_marker(builder, sentence)
        if marker is None:
            continue
        conditions = builder.pack.grammar.get("condition", frozenset()) if builder.pack else frozenset()
        conditional = marker.low in _RISK or marker.low in ("can", "cannot") or any(
            w.low in conditions for w in builder.words(sentence))
        subject = resolver.before(sentence, sentence.end)
        speaker = _speaker(builder, sentence)
        out.append(PredictionRecord(
            sentence.start, sentence.end, _claim(text, marker, sentence), conditional,
            _horizon(doc, builder, sentence, marker), MentionRef.of(resolver, subject),
            MentionRef.of(resolver, speaker), 0.45 if conditional else 0.55, marker.text).row())
    return out
