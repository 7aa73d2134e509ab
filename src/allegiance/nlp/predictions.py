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

import bisect
import functools
import re

from .actors import ActorResolver
from .doc import Doc, Mention, Sentence, Statement
from .frame_types import opens_as_question
from .frames import FrameBuilder, LanguagePack, Word
from .modality import SentenceModality
from .prefilter import may_speak_of_future
from .records import MentionRef, PredictionRecord
from .registry import register

__all__ = ["find_predictions", "future_marker"]



@functools.lru_cache(maxsize=16)
def _disclaimer(patterns: frozenset[str]) -> re.Pattern[str] | None:
    """The pack's disclaimers ("may not reflect the views", "could not independently verify"), as one
    pattern (``grammar.toml`` ``disclaimer_patterns``: regular expressions in lower case)."""
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)), re.I) if patterns else None


@functools.lru_cache(maxsize=16)
def _no_forecast_pattern(patterns: frozenset[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)), re.I) if patterns else None


def _no_forecast(pack: LanguagePack, text: str) -> bool:
    """The sentence is a site's notice to its reader or an open question whatever its modals say
    ("This story will be updated", "cookies will be used", "too early to say", "unclear when", "would say
    only that"): ``grammar.toml`` ``no_forecast_patterns``, regular expressions in lower case."""
    pattern = _no_forecast_pattern(pack.grammar.get("no_forecast_patterns", frozenset()))
    return pattern is not None and bool(pattern.search(text))


def _is_disclaimer(pack: LanguagePack, text: str) -> bool:
    pattern = _disclaimer(pack.grammar.get("disclaimer_patterns", frozenset()))
    return pattern is not None and bool(pattern.search(text))


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
    # a speech or pledge verb ("said", "vowed"), not a noun ("the state level")
    whole = builder.words(sentence)  # the whole sentence, where ``words`` is a clause of it
    pledge = g.get("pledge", ())
    reported = any((w.lemma in pack.speech or w.low in pledge) and not (
        n > 0 and whole[n - 1].upos in ("DET", "ADP")) for n, w in enumerate(whole)) or any(
        _phrase_at(text.casefold(), phrase) >= 0 for phrase in pack.sources)  # "According to him, X would ..."

    if _no_forecast(pack, text):
        return None  # "This story will be updated", "It is unclear when the talks will resume"
    condition = g.get("condition", ())
    conditional = any(w.low in condition for w in words) or bool(words) and words[0].low in g.get(
        "inversion", ())  # "Should the sanctions be lifted, ..."
    penalty_verbs = g.get("penalty_verbs", frozenset())
    scheduled = g.get("scheduled_participles", frozenset())
    plan = g.get("plan", frozenset())
    # the words that can end the loop below (every ``return``): any other word only reads on
    triggers = pack.union("grammar", "reader", "future", "reported_modals", "schedule_be", "penalty_verbs",
                          "scheduled_participles", "risk_modals", "forecast_verbs", "ability_modals", "plan")
    for n, w in enumerate(words):
        if w.low not in triggers and w.lemma not in plan and not w.low.endswith(("'ll", "’ll")):
            continue
        nxt = _next_content(words, n)
        if nxt is None or nxt.upos == "PUNCT":
            continue
        if w.low in g.get("reader", ()) and (nxt.low in g.get("future", ()) or nxt.low in g.get("risk_modals", ())):
            return None  # "you will love it", "you may be interested": an advertisement, an address to the reader
        after = words[nxt.i + 1] if nxt.i + 1 < len(words) else None
        if w.upos == "AUX" and nxt.low in g.get("have", ()) and after is not None and _participle(pack, after):
            continue  # "could have stopped", "would have been": past modals ("will have to" is a forecast)
        if (w.low in g.get("future", ()) or w.low in g.get("reported_modals", ())) and _open_question(g, words, n):
            continue  # "declined to say whether Putin would attend": an open question, no claim
        if w.low in g.get("future", ()) or w.low.endswith(("'ll", "’ll")):
            return w  # "will", "we'll"
        if w.low in g.get("reported_modals", ()) and nxt.low in g.get("would_idioms", ()):
            continue  # "we would like to point out": a polite wish, no forecast
        if w.low in g.get("reported_modals", ()) and _negated_verb(g, words, n) in g.get("declined_comment_verbs", ()):
            continue  # "the ministry would not comment": a refusal at the time, no forecast
        if w.low in g.get("reported_modals", ()) and (reported or conditional):
            return w
        if w.text == "May" and (n > 0 or nxt.text[:1].isupper() or nxt.upos == "NUM"):
            continue  # the month
        if w.low in g.get("schedule_be", ()) and nxt.low == "to" and after is not None and \
                after.upos not in ("DET", "PROPN", "NUM", "PUNCT") and after.low not in g.get("determiners", ()) and \
                not (n > 0 and words[n - 1].low in g.get("not_schedule_subjects", ())) and \
                _scheduled_act(builder, sentence, w):
            return w  # "Kazakhstan is to host the summit": a schedule (not "the aim is to", "it is to be noted")
        if w.low in penalty_verbs and _penalty(g, words, n):
            return w  # "Deserters face up to 15 years in prison": a legal consequence ahead
        if w.low in scheduled and n > 0 and words[n - 1].low in g.get("schedule_be", ()) and \
                nxt.low not in ("to", "that") and _time_after(builder, sentence, w):
            return w  # "A second vote is expected later this month", "The summit is scheduled for May"
        if w.low in g.get("risk_modals", ()) and w.upos == "AUX":
            if _is_disclaimer(pack, text) or _concession(g, words, n) or \
                    n + 1 < len(words) and f"{w.low} {words[n + 1].low}" in g.get("permission_modals", ()):
                continue  # "Troops may only be deployed with parliament's consent": a permission, no risk
            if w.low in g.get("past_modals", ()) and _in_the_past(pack, text):
                continue  # "recruiters could offer bonuses in the past": a past ability
            if nxt.low in g.get("be", ()) and after is not None and after.low in g.get("perception_participles", ()):
                continue  # "smoke could be seen", "the move may be seen as": a perception or a reading, no risk
            verb = _negated_verb(g, words, n)
            if w.low in g.get("past_modals", ()) and verb and not conditional and \
                    not _later_times(builder.doc, sentence) and not any(
                    (x.lemma in pack.speech or x.low in g.get("pledge", ())) and x.low != verb for x in whole):
                continue  # "Putin could not hide his irritation": an inability in the past, no risk ahead
            return w
        if w.low in g.get("forecast_verbs", ()) and not (n > 0 and words[n - 1].upos in ("DET", "ADP")) and \
                _infinitive_after(g, words, n):
            return w  # "experts expect Russia to announce ...": a forecast of another's act
        if w.low in g.get("ability_modals", ()) and conditional:
            return w
        past = _after_past_auxiliary(g, words, n) or w.low.endswith("ed") and not any(
            x.upos == "AUX" for x in words[max(0, n - 2):n]) and w.lemma not in g.get("pledge", ())
        denied = n > 0 and words[n - 1].low in g.get("plan_denials", ())  # "has no plans to": no plan
        if (w.low in g.get("plan", ()) or w.lemma in g.get("plan", ())) and nxt.low == "to" and not past and not denied:
            if after is not None and after.upos not in ("DET", "PROPN", "NUM") and \
                    after.low not in g.get("determiners", ()):
                return w
    return None


def _open_question(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """A modal in a clause opened by a word of an open question (``open_question_words``: "whether"),
    with no comma between: "declined to say whether Putin would attend", "it is unclear whether Russia
    will come" (not "whether or not they agree, Russia will respond": the comma ends that clause)."""
    opens = g.get("open_question_words", frozenset())
    for x in reversed(words[:n]):
        if x.upos == "PUNCT":
            return False
        if x.low in opens:
            return True
    return False


def _unknown_question(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """A future at ``n`` in an indirect question after a word of not knowing («Неизвестно, когда
    начнётся», «Никто не знает, сколько продлится», «Невідомо, чи погодиться»): the question word
    (``question_words``) opens the clause after a comma, or «ли», «чи» follows the verb, and
    ``unknown_predicates`` (or a negated ``knowing_verbs``) stands before that comma."""
    asks = g.get("question_words", frozenset())
    comma = next((k for k in range(n - 1, -1, -1) if words[k].text == ","), None)
    if comma is None:
        return False
    clause = words[comma + 1:n + 3]
    if not (clause and clause[0].low in asks or any(x.low in g.get("question_particles", ()) for x in clause)):
        return False
    before = words[max(0, comma - 5):comma]
    unknown = g.get("unknown_predicates", frozenset())
    return any(x.lemma in unknown or x.low in unknown for x in before) or \
        any(x.lemma in g.get("knowing_verbs", ()) and k > 0 and before[k - 1].lemma in g.get("negation", ())
            for k, x in enumerate(before))


def _negated_verb(g: dict[str, frozenset[str]], words: list[Word], n: int) -> str:
    """The word after a modal and a negation ("would not comment": "comment"), or "" where no negation
    follows the modal."""
    k = n + 1
    while k < len(words) and (words[k].low in g.get("negation", ()) or words[k].upos == "PART"):
        k += 1
    negated = any(x.low in g.get("negation", ()) for x in words[n + 1:k])
    return words[k].low if negated and k < len(words) else ""


def _after_past_auxiliary(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """A past auxiliary right before the word, adverbs and negation between ("had never planned to",
    "was not expected to")."""
    for x in reversed(words[max(0, n - 3):n]):
        if x.low in g.get("past_auxiliaries", ()):
            return True
        if not (x.upos in ("ADV", "PART") or x.low in g.get("negation", ())):
            return False
    return False


def _time_after(builder: FrameBuilder, sentence: Sentence, w: Word) -> bool:
    """A time expression within the sentence a few characters after ``w`` ("expected later this
    month", "scheduled for 10 May"), not before publication, or an adverb of the near future."""
    doc = builder.doc
    assert builder.pack is not None
    if doc.text[w.end:w.end + 12].split()[:1] and doc.text[w.end:w.end + 12].split()[0].casefold().strip(".,") in \
            builder.pack.grammar.get("near_future_adverbs", ()):
        return True
    return any(w.end <= t.start <= w.end + 8 and t.start < sentence.end and
               not (doc.published and t.value and t.value < doc.published[:len(t.value)]) for t in doc.times)


def _scheduled_act(builder: FrameBuilder, sentence: Sentence, be: Word) -> bool:
    """"Kazakhstan is to host ...", "The vote is to take place on 15 May": a named actor right before
    the "be", or a time expression after it (not "the main reason is to replenish the losses")."""
    if any(0 <= be.start - m.end <= 1 for m in builder.resolver.in_sentence(sentence)):
        return True
    return any(be.end <= t.start < sentence.end for t in builder.doc.times)


def _concession(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """"Lukashenko may be the Kremlin's closest partner, but ...": a modal of risk before "be" in a
    clause that a contrast follows concedes a fact, and forecasts nothing."""
    nxt = words[n + 1] if n + 1 < len(words) else None
    return nxt is not None and nxt.low in g.get("be", ()) and any(
        x.low in g.get("concession_breaks", ()) and words[x.i - 1].text == "," for x in words[n + 2:])


def _in_the_past(pack: LanguagePack, text: str) -> bool:
    low = " " + " ".join(text.casefold().split()) + " "
    return any(f" {m} " in low or f" {m}." in low or f" {m}," in low for m in pack.grammar.get("past_markers", ()))


def _infinitive_after(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """A "to" with a verb after it within eight words after a forecast verb, past a noun phrase only
    ("expect the pressure on the Kazakh government to grow"), no verb of its own between."""
    for x in words[n + 1:n + 10]:
        if x.low == "to":
            after = words[x.i + 1] if x.i + 1 < len(words) else None
            return after is not None and after.upos not in ("DET", "PROPN", "NUM", "PUNCT")
        if x.upos in ("PUNCT", "AUX", "VERB") or x.low in g.get("relative", ()):
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
    if opens_as_question(pack, words):
        return None  # «Сможет ли Минск ... уклоняться, пока неясно»: a question asked, no forecast
    penalty_verbs = g.get("penalty_verbs", frozenset())
    for n, w in enumerate(words):
        if w.upos == "VERB" and {"VerbForm=Part", "Short"} <= w.feats and w.lemma in g.get("plan", ()) and \
                any("VerbForm=Inf" in x.feats for x in words[n + 1:n + 4]):
            return w  # «не намерена вступать»: a short participle of intention with its infinitive
        if w.lemma in g.get("plan_adjectives", ()) and w.upos != "NOUN" and \
                any("VerbForm=Inf" in x.feats for x in words[n + 1:n + 4]):
            return w  # «Узбекистан намерен расширить»: an adjective of intention with its infinitive
        if w.upos == "X" and _future_form(g, w) and not _in_time_clause(pack, words, n):
            return w  # "reprendront", "accoglieranno": a verb the form tables lack, in the future by its ending
        if "VerbForm=Part" in w.feats and _pledged_past(g, words, n) or \
                ("cond" in w.feats or w.upos == "X") and _reported_future(pack, words, n) or \
                (w.lemma in penalty_verbs or w.low in penalty_verbs) and _penalty(g, words, n):
            return w  # «Дезертирам грозит до 15 лет»: a legal consequence ahead
        if w.upos == "AUX" and "Future" in w.feats and (nxt := _next_verb(g, words, n)) is not None and \
                not _in_time_clause(pack, words, n):
            return w  # Romanian "va continua să sprijine": a future auxiliary before a verb
        if w.upos != "VERB" or "VerbForm=Part" in w.feats:
            continue
        nxt = words[n + 1] if n + 1 < len(words) else None
        if _author_aside(pack, words, n):
            continue  # «Следует напомнить, что ...», «Варто зазначити, що ...»: the author's turn of phrase
        if _plan_ru(g, words, n) or _impersonal_plan(g, words, n):
            return w
        if {"Tense=futr", "Tense=pres", "Aspect=perf"} <= w.feats and \
                any(x.lemma in g.get("never", ()) or x.low in g.get("never", ()) for x in words[max(0, n - 3):n]):
            return w  # «ніколи не визнає»: a form of both a present and a perfective future, after «ніколи»
        # «не погодиться»: a future, not the infinitive «погодитися»
        if "Future" in w.feats or "Tense=futr" in w.feats and "VerbForm=Inf" in w.feats and \
                w.low.endswith(tuple(g.get("future_not_infinitive", ()))) or \
                _future_after_subject(builder, sentence, w):
            if "Person=1per" in w.feats and "Number=plur" in w.feats and nxt is not None and nxt.text == ",":
                continue  # «Напомним,», «Отметим,»: a turn of phrase, no forecast
            if _in_time_clause(pack, words, n) or _unknown_question(g, words, n):
                continue  # «Никто не знает, сколько продлится война»: an open question, no claim
            return w
        if builder.pack is not None and builder.pack.slavic and builder.subjunctive(words, n) is not None:
            if _undone_in_the_past(g, words, n):
                continue  # «мог бы стать посредником, но отказался»: what did not happen, no forecast
            return w  # «направил бы ... по решению ООН»: a conditional statement
        reach = n + 4 if pack.slavic else _clause_reach(words, n, 6)  # "może w przyszłym roku całkowicie opuścić"
        infinitive = any("VerbForm=Inf" in x.feats or _unlisted_infinitive(g, x) for x in words[n + 1:reach])
        if w.lemma in g.get("plan", ()) and any("VerbForm=Inf" in x.feats for x in words[max(0, n - 3):n]) and \
                "Tense=past" not in w.feats:
            return w  # «отправлять не планируют»: the infinitive before the plan verb
        if "Tense=past" in w.feats and w.lemma in g.get("intention_verbs", ()) and n > 0 and \
                words[n - 1].lemma in g.get("negation", ()):
            continue  # «не планировал встречаться»: an intention denied in the past, no forecast
        if infinitive and (w.lemma in g.get("plan", ()) or w.lemma in g.get("future", ())) and \
                not (w.lemma in g.get("aspectual", ()) and "Tense=past" in w.feats):
            return w  # not «начали рассылать», «не стали закрывать»: a past act begun or not done
        if w.lemma in g.get("ability", ()) and _notice(g, words, n):
            continue  # «Жители могут узнать адреса на сайте»: a service notice, where to find or ask
        if w.lemma in g.get("ability", ()) and not conditional and builder.pack is not None and \
                _ability(builder.pack, words, n) and \
                not _later_times(builder.doc, sentence):  # «може атакувати найближчими днями»: a forecast
            continue  # «может поражать цели», "peut frapper des cibles": ability or permission
        if w.lemma in g.get("conditional", ()) and infinitive and "Tense=past" not in w.feats:
            return w
        if conditional and "Tense=past" not in w.feats and w.lemma in g.get("conditional", ()):
            return w
    return _scheduled(builder, sentence, words) if pack.slavic else None


def _future_after_subject(builder: FrameBuilder, sentence: Sentence, w: Word) -> bool:
    """«Путин примет участие»: a verb read as a future only (no present, past or infinitive reading)
    that also reads as a noun («примет»: of «примета»), right after a named subject: the future."""
    if "Tense=futr" not in w.feats or w.feats & {"Tense=pres", "Tense=past", "VerbForm=Inf", "Future"}:
        return False
    return any(0 <= w.start - m.end <= 1 and m.type in _SPEAKER_TYPES and m.type != "media"
               for m in builder.resolver.in_sentence(sentence))


def _author_aside(pack: LanguagePack, words: list[Word], n: int) -> bool:
    """«Следует напомнить, что», «Стоит отметить,», «Варто зазначити, що»: an impersonal modal (of
    ``conditional``, ``ability``, ``plan``) opening its clause, with the infinitive of a verb of saying
    right after it and a comma or a complementizer after that: the author's aside, no forecast (not
    «Россия может заявить, что ...»: a subject before the modal)."""
    g = pack.grammar
    w = words[n]
    if not (w.lemma in g.get("conditional", ()) or w.lemma in g.get("ability", ()) or w.lemma in g.get("plan", ())):
        return False
    if n > 0 and words[n - 1].upos not in ("PUNCT", "CCONJ", "ADV"):
        return False
    if n + 2 >= len(words):
        return False
    inf, after = words[n + 1], words[n + 2]
    return "VerbForm=Inf" in inf.feats and inf.lemma in pack.speech and \
        (after.text == "," or after.low in g.get("complementizers", ()))


def _penalty(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """A legal consequence that lies ahead: a present verb of facing a penalty (``penalty_verbs``: "face",
    «грозить», «загрожувати», "drohen") with a penalty (``penalty_nouns``: "prison", «лет», "Haft")
    within seven words after it ("Deserters face up to 15 years in prison")."""
    w = words[n]
    verbs = g.get("penalty_verbs", frozenset())
    if not verbs or not (w.low in verbs or w.lemma in verbs and w.upos == "VERB") or "Tense=past" in w.feats or \
            "Past" in w.feats or n > 0 and words[n - 1].upos == "DET":
        return False
    nouns = g.get("penalty_nouns", frozenset())
    return any(x.low in nouns or x.lemma in nouns for x in words[n + 1:n + 8])


def _pledged_past(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """"Orbán ha minacciato di bloccare", "Macron a promis d'envoyer": the participle of a verb of
    promising or threatening (``pledge_participles``, lemmas) with an infinitive after it: what was
    pledged lies ahead, as with «пригрозил нанести»."""
    w = words[n]
    if "VerbForm=Part" not in w.feats or w.lemma not in g.get("pledge_participles", ()):
        return False
    endings = tuple(g.get("infinitive_endings", ()))
    return any("VerbForm=Inf" in x.feats or x.upos == "X" and endings and x.text[:1].islower() and
               x.low.endswith(endings) for x in words[n + 1:n + 3])  # "di ospitare": a verb the tables lack


def _reported_future(pack: LanguagePack, words: list[Word], n: int) -> bool:
    """The future in the past of reported speech: "Macron a annoncé que Paris enverrait ..." (a
    conditional after a verb of saying and "que"), "ha detto che l'Italia avrebbe inviato" (the
    conditional of ``reported_future_auxiliaries`` with a participle); not ``reported_future_not``
    ("aurait", "serait": a past or hearsay conditional)."""
    g = pack.grammar
    w = words[n]
    endings = tuple(g.get("reported_future_endings", ()))
    if w.upos == "X" and endings and w.text[:1].islower() and len(w.low) > 6 and w.low.endswith(endings) and \
            w.low not in g.get("future_ending_exceptions", ()) and n > 0 and words[n - 1].upos != "DET":
        pass  # "accueillerait": a conditional the form tables lack, by its ending
    elif "cond" not in w.feats or w.lemma in g.get("conditional", ()):
        return False
    auxiliaries = g.get("reported_future_auxiliaries", frozenset())
    if w.lemma in auxiliaries:
        if not any("VerbForm=Part" in x.feats for x in words[n + 1:n + 3]):
            return False
    elif w.upos not in ("VERB", "X") or w.lemma in g.get("reported_future_not", ()) or \
            not g.get("reported_future_mood"):
        return False
    comp = g.get("complementizers", frozenset())
    at = next((x.i for x in reversed(words[:n]) if x.low in comp), None)
    return at is not None and any(x.lemma in pack.speech or x.lemma in g.get("forecast_speakers", ())
                                  for x in words[max(0, at - 4):at])


def _clause_reach(words: list[Word], n: int, most: int) -> int:
    """The end (exclusive) of the up to ``most`` words after ``n`` before a punctuation mark."""
    end = n + 1
    while end < len(words) and end <= n + most and words[end].upos != "PUNCT":
        end += 1
    return end


def _unlisted_infinitive(g: dict[str, frozenset[str]], w: Word) -> bool:
    """A lower-case word the form tables lack, with one of the language's ``infinitive_endings``
    ("potrebbe aumentare", "pourrait augmenter"): read as an infinitive after a modal."""
    endings = g.get("infinitive_endings", frozenset())
    return bool(endings) and w.upos == "X" and w.text[:1].islower() and len(w.low) > 4 and \
        w.low.endswith(tuple(endings))


def _next_verb(g: dict[str, frozenset[str]], words: list[Word], n: int) -> Word | None:
    """The verb right after an auxiliary (adverbs and clitics between), or ``None``."""
    for x in words[n + 1:n + 4]:
        if x.upos in ("ADV", "PART", "PRON"):
            continue
        return x if x.upos == "VERB" or x.upos == "X" and x.text[:1].islower() else None
    return None


def _future_form(g: dict[str, frozenset[str]], w: Word) -> bool:
    """A lower-case word with an ending only the future tense has in the language (``grammar.toml``
    ``future_endings``: French "-eront", Italian "-erà"), not one of ``future_ending_exceptions``."""
    endings = g.get("future_endings", frozenset())
    return bool(endings) and w.text[:1].islower() and len(w.low) > 4 and w.low.endswith(tuple(endings)) and \
        w.low not in g.get("future_ending_exceptions", ())


def _ability(pack: LanguagePack, words: list[Word], n: int) -> bool:
    """A modal of ability at ``n`` says what one can do, not what will happen: in Russian and
    Ukrainian with an imperfective infinitive; where the form tables give mood, in the present
    indicative ("peut frapper", "può colpire", not "pourrait", "potrebbe"), with an infinitive that is
    not of the pack's ``perfective`` verbs ("mogą latać", not "może wysłać")."""
    g = pack.grammar
    if pack.slavic:
        return _imperfective_infinitive(g, words, n)
    w = words[n]
    if "Tense=pres" not in w.feats or "cond" in w.feats:
        return False
    infinitive = next((x for x in words[n + 1:n + 4] if "VerbForm=Inf" in x.feats or _unlisted_infinitive(g, x)),
                      None)  # "peut toucher des cibles": an infinitive the tables lack is read too
    return infinitive is not None and infinitive.lemma not in g.get("perfective", ())


def _notice(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """The first infinitive within three words after a modal at ``n`` is one of the pack's
    ``notice_infinitives`` (learning, reading, signing up: «узнать», «ознакомиться», «дізнатися»): the
    modal tells the reader where to find or ask for something, not what will happen."""
    infinitive = next((x for x in words[n + 1:n + 4] if "VerbForm=Inf" in x.feats), None)
    return infinitive is not None and infinitive.lemma in g.get("notice_infinitives", ())


def _undone_in_the_past(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """A verb in the conditional mood at ``n`` followed by one of the pack's ``contrast_past`` conjunctions
    («но», «але») and a past-tense verb with no particle of the mood: «мог бы стать посредником, но
    отказался» says what did not happen, not what will."""
    subjunctive = g.get("subjunctive", frozenset())
    for k in range(n + 1, len(words)):
        if words[k].low in g.get("contrast_past", ()):
            after = words[k + 1:k + 5]
            return any(x.upos in ("VERB", "AUX") and "Tense=past" in x.feats and "VerbForm=Part" not in x.feats
                       for x in after) and not any(x.low in subjunctive for x in after)
    return False


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
    провокаций», ``risk_negated``); the present tense only, not what was prepared; a pledge of a thing
    in any tense («пообещала ответные меры», ``pledge_objects``)."""
    w = words[n]
    if w.lemma in g.get("pledge_objects", ()):
        head = next((x for x in words[n + 1:n + 5] if x.upos != "ADJ" and "Case=datv" not in x.feats), None)
        if head is not None and head.upos == "NOUN" and {"Case=accs", "Case=ablt"} & head.feats:
            return True  # «пообещала ответные меры», «пригрозил Западу ответом»: what is pledged lies ahead
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


def _impersonal_plan(g: dict[str, frozenset[str]], words: list[Word], n: int) -> bool:
    """A reflexive verb of planning or expecting at ``n`` in the present tense with the noun of what is
    planned, not an infinitive («новых волн мобилизации не планируется», «визит ожидается в мае»:
    ``plan_impersonal``); not after «как» («как и ожидается»)."""
    w = words[n]
    if w.lemma not in g.get("plan_impersonal", ()) or "Tense=pres" not in w.feats or \
            any(x.low in g.get("as_expected", ()) for x in words[max(0, n - 3):n]):
        return False
    near = [x for x in words[max(0, n - 5):n + 4] if x.text not in (",", ";", ":")]
    if any("VerbForm=Inf" in x.feats for x in near):
        return False  # «планируется подписать»: read by the infinitive rules
    return any(x.upos == "NOUN" and {"Case=nomn", "Case=gent"} & x.feats for x in near)


def _later_times(doc: Doc, sentence: Sentence) -> bool:
    """A time expression in the sentence that lies after the publication date."""
    published = doc.published
    if not published:
        return False
    return any(sentence.start <= t.start < sentence.end and t.value and
                                   t.value > published[:len(t.value)] for t in doc.times)


def _scheduled(builder: FrameBuilder, sentence: Sentence, words: list[Word]) -> Word | None:
    """«С 1 апреля в России стартует призыв»: the present tense of a schedule, with a date after
    publication (not the day someone spoke)."""
    doc, pack = builder.doc, builder.pack
    if not doc.published or pack is None:
        return None
    if not _later_times(doc, sentence):
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


_SPEAKER_TYPES = frozenset({"person", "government_body", "armed_force", "media", "organization", "think_tank", "ngo",
                            "state", "alliance", "international_organization"})
#: what a rule of attribution found: it named a speaker (``None``: someone unnamed, "a diplomat said")
_Found = tuple[bool, Mention | None]
_NOTHING: _Found = (False, None)
#: factualities of a verb that is itself predicted, planned or asked for (frame_types.FACTUALITY)
_PREDICTED = frozenset({"planned", "conditional", "asked", "nonfinite"})


def _speaker(builder: FrameBuilder, sentence: Sentence, marker: Word) -> Mention | None:
    """Who says what is predicted: the source after "according to" («по словам», "laut", "selon"),
    the speaker of a closing attribution ("..., Lavrov said", «..., заявил Орбан»), the subject of a
    verb of saying, pledging or forecasting that governs the forecast ("Moldova has pledged to",
    "Kazakhstan expects ... to", «Москва не исключает, что»), else the speech frame; ``None``: the author."""
    if not builder.frames(sentence) and builder.pack is not None and builder.pack.english:
        builder.force(sentence)  # "X said Russia will ...": the speech frame gives the speaker
    for rule in (_quote_speaker, _source_speaker, _closing_speaker, _verb_speaker, _reported_on):
        found, mention = rule(builder, sentence, marker)
        if found:
            if mention is not None and mention.type == "media":
                return _quoted_by_outlet(builder, sentence, mention) or mention
            return _titled(builder, mention)
    framed = _frame_speaker(builder, sentence, marker)
    return _titled(builder, framed if framed is not None else _named_after(builder, sentence))


def _named_after(builder: FrameBuilder, sentence: Sentence) -> Mention | None:
    """"Kyiv will get new air defences. That was the assessment of ... Rustem Umerov.", «... Об этом
    заявил Лавров.»: a forecast with no attribution of its own takes the speaker of the sentence right
    after it when that one opens with a phrase pointing back to it (``back_attributions``; one of one or
    two words, «Об этом», «Про це», with a verb of saying anywhere after it: «Об этом в пятницу заявил»)."""
    assert builder.pack is not None
    phrases = builder.pack.grammar.get("back_attributions", frozenset())
    later = _neighbours(builder.doc, sentence, 1)[1] if phrases else []
    if not later:
        return None
    nxt = later[0]
    low = " ".join(builder.doc.text[nxt.start:nxt.end].casefold().split())
    phrase = next((p for p in sorted(phrases, key=len, reverse=True) if _phrase_at(low, p) == 0), None)
    if phrase is None:
        return None
    speakers = _speaker_words(builder)
    verb = next((w for w in builder.words(nxt) if (w.lemma in speakers or w.low in speakers) and
                 w.upos not in ("NOUN", "ADJ", "PROPN")), None)
    if len(phrase.split()) <= 2 and verb is None:
        return None  # «Об этом ...»: a short opener points back only with a verb of saying after it
    begin = nxt.start + len(phrase)
    named = [m for m in builder.resolver.in_sentence(nxt) if m.start >= begin and m.type in _SPEAKER_TYPES]
    if verb is not None and any(m.start >= verb.end for m in named):
        # «Об этом в интервью РИА Новости заявил глава МИД России»: the subject after the verb, not the
        # outlet before it
        begin = verb.end
        named = [m for m in named if m.start >= verb.end]
    if not named:
        return None
    if named[0].type == "media":
        return _quoted_by_outlet(builder, nxt, named[0]) or named[0]
    return _named_speaker(builder, nxt, named, begin)


def _unnamed(builder: FrameBuilder, words: list[Word]) -> bool:
    """Whether ``words`` open with a speaker left unnamed (``unnamed_speakers``), before any preposition
    or verb: "sources in the ruling party", "a senior source said", «источник в правительстве Киргизии»."""
    assert builder.pack is not None
    unnamed = builder.pack.grammar.get("unnamed_speakers", frozenset())
    speakers = _speaker_words(builder)
    for w in words[:5]:
        if w.upos in ("ADP", "VERB", "AUX", "PUNCT") or w.lemma in speakers or w.low in speakers:
            return False
        if w.low in unnamed or w.lemma in unnamed:
            # "analysts at the Institute for the Study of War": a named body that is no state's speaks
            end = next((x.start for x in words if x.start > w.start and (x.lemma in speakers or x.low in speakers
                                                                          or x.text in (",", ";", ":"))),
                       words[-1].end)
            return not any(w.end <= m.start < end and m.type in _SPEAKER_TYPES and m.type not in (
                "state", "government_body", "armed_force") and (m.type != "person")
                for m in builder.doc.mentions)
    return False


def _titled(builder: FrameBuilder, mention: Mention | None) -> Mention | None:
    """«Глава МИД Украины заявил», «по словам министра иностранных дел Армении»: a state named in the
    genitive after an office's title (``doc.titles``, ``title_before_state`` in ``roles.toml``) speaks
    through the office's holder on the article's date; the state stays the actor of events and stances."""
    if mention is None or mention.type == "person":
        return mention
    for title in builder.doc.titles:
        if title.start <= mention.start and mention.end <= title.end:
            return title
    return mention


def _reported_on(builder: FrameBuilder, sentence: Sentence, marker: Word) -> _Found:
    """"Scholz sagte, Deutschland werde helfen. Zudem werde Berlin Panzer liefern.": a forecast in the
    subjunctive of reported speech (``reported_subjunctive``: "werde", "sei", not after "ich") with no
    attribution of its own goes on with the speaker of the sentence before."""
    assert builder.pack is not None
    g = builder.pack.grammar
    forms = g.get("reported_subjunctive", frozenset())
    words = builder.words(sentence)
    if not forms or not any(w.low in forms and not (w.i > 0 and words[w.i - 1].low == "ich") for w in words):
        return _NOTHING
    earlier = _neighbours(builder.doc, sentence, 1)[0]
    if not earlier or not builder.words(earlier[0]):
        return _NOTHING
    previous = earlier[0]
    last = builder.words(previous)[-1]
    for rule in (_closing_speaker, _verb_speaker):
        found = rule(builder, previous, builder.words(previous)[0] if rule is _closing_speaker else last)
        if found[0]:
            return found
    return _NOTHING


def _quoted_by_outlet(builder: FrameBuilder, sentence: Sentence, outlet: Mention) -> Mention | None:
    """"..., Lavrov said on Monday, Interfax reported.", "..., Peskov said, according to TASS.": the
    one the outlet quotes speaks, not the outlet: a name right before or after another verb of saying."""
    speakers = _speaker_words(builder)
    named = [m for m in builder.resolver.in_sentence(sentence) if m.type in _SPEAKER_TYPES and m.type != "media"]
    for w in builder.words(sentence):
        if not (w.lemma in speakers or w.low in speakers) or w.upos in ("NOUN", "ADJ", "PROPN") or \
                outlet.start <= w.start < outlet.end + 12 or w.end <= outlet.start and outlet.start - w.end <= 2:
            continue  # the outlet's own verb ("Interfax reported", "reports Politico")
        near = [m for m in named if 0 <= w.start - m.end <= 2 or 0 <= m.start - w.end <= 2]
        if near:
            return near[0]
    return None


#: the sentence starts of the documents seen last (a document's sentences do not change once split)
_STARTS: dict[int, tuple[tuple[Sentence, ...], list[int]]] = {}


def _neighbours(doc: Doc, sentence: Sentence, k: int) -> tuple[list[Sentence], list[Sentence]]:
    """The ``k`` sentences before and after ``sentence``, found by bisection (not a scan per forecast)."""
    hit = _STARTS.get(id(doc.sentences))
    if hit is None or hit[0] is not doc.sentences:
        if len(_STARTS) > 8:
            _STARTS.clear()
        hit = (doc.sentences, [s.start for s in doc.sentences])
        _STARTS[id(doc.sentences)] = hit
    i = bisect.bisect_left(hit[1], sentence.start)
    after = i + 1 if i < len(hit[1]) and hit[1][i] == sentence.start else i
    return list(doc.sentences[max(0, i - k):i]), list(doc.sentences[after:after + k])


#: a quotation mark that opens a quote, with the marks that may close it
_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“”"}
_CLOSERS = frozenset('"”»“')


def _quote_speaker(builder: FrameBuilder, sentence: Sentence, marker: Word) -> _Found:
    """A sentence inside a quote that runs over several sentences: the quote's attribution, after
    it closes ('"Armenia will not go. We will decide later," he said.', «... . Мы будем защищать
    свою землю», — подчеркнул Лукашенко.) or before it opens ('Zelensky said: "We will ... .')."""
    doc = builder.doc
    text = doc.text[sentence.start:sentence.end].strip()
    earlier, later = _neighbours(doc, sentence, 4)
    if text[:1] in _QUOTES and not any(c in text[1:] for c in _QUOTES[text[:1]]):
        for nxt in later:
            body = doc.text[nxt.start:nxt.end]
            if any(c in body for c in _QUOTES[text[:1]]):
                words = builder.words(nxt)
                return _closing_speaker(builder, nxt, words[0]) if words else _NOTHING
        return _NOTHING
    if text[-1:] in _CLOSERS or text[-2:-1] in _CLOSERS:
        if text[:1] in _QUOTES and earlier and not any(c in text[1:-2] for c in _CLOSERS):
            # '"Russia will respond," Lavrov said. "We will not stay silent."': a whole quote after
            # another one's attribution goes on with the same speaker
            previous = earlier[-1]
            body = doc.text[previous.start:previous.end]
            words = builder.words(previous)
            if words and any(c in body for c in _CLOSERS):
                found = _closing_speaker(builder, previous, words[0])
                return found if found[0] else _NOTHING
            return _NOTHING
        if any(c in text[:-2] for c in _QUOTES) or any(c in text[:-2] for c in _CLOSERS):
            return _NOTHING  # a quote of its own
        for previous in reversed(earlier):
            body = doc.text[previous.start:previous.end].rstrip()
            opened = [at for at, c in enumerate(body) if c in _QUOTES]
            if not opened:
                continue
            if any(c in body[opened[-1] + 1:] for c in _QUOTES[body[opened[-1]]]) or opened[-1] < 2:
                return _NOTHING  # closed there, or opened with no attribution before it
            words = [w for w in builder.words(previous) if w.start < previous.start + opened[-1]]
            if not words:
                return _NOTHING
            return _verb_speaker(builder, previous, words[-1])
    return _NOTHING


def _speaker_words(builder: FrameBuilder) -> frozenset[str]:
    """Verbs whose subject speaks: speech verbs, verbs of opinion, and the pack's
    ``forecast_speakers`` (pledging, threatening, expecting: "pledged to", «пообещал», «не исключает»)."""
    assert builder.pack is not None
    g = builder.pack.grammar
    return builder.pack.speech | g.get("opinion", frozenset()) | g.get("forecast_speakers", frozenset())


def _source_speaker(builder: FrameBuilder, sentence: Sentence, marker: Word) -> _Found:
    """"According to the Kremlin, ...", «По словам Лаврова, ...», "Selon le Kremlin, ...": the name
    right after a source phrase of the pack (``speech_verbs.toml`` ``sources``)."""
    assert builder.pack is not None
    low = builder.doc.text[sentence.start:sentence.end].casefold()
    for letter, folded in builder.pack.letter_folds:
        low = low.replace(letter, folded)
    for phrase in builder.pack.grammar.get("pronoun_sources", ()):
        at = _phrase_at(low, phrase)
        if 0 <= at and sentence.start + at < marker.start:
            # «По его словам, ...», "According to him, ...": the person of the sentences before
            found = builder.resolver.antecedent(sentence)
            return (True, found) if found is not None and found.type == "person" else (True, None)
    for phrase in builder.pack.sources:
        at = _phrase_at(low, phrase)
        if at < 0:
            continue
        begin = sentence.start + at + len(phrase)
        after = [m for m in builder.resolver.in_sentence(sentence) if begin <= m.start <= begin + 60
                 and m.type in _SPEAKER_TYPES and "," not in builder.doc.text[begin:m.start]]
        if _unnamed(builder, [w for w in builder.words(sentence) if begin <= w.start < begin + 40]):
            return True, None  # «по данным источников в правительстве», "according to sources in Kyiv"
        if after and after[0].start <= begin + 40:  # the names of the source phrase ("according to
            # Ukrainian military intelligence chief Kyrylo Budanov"): the first right after it
            apposed = [m for m in builder.resolver.in_sentence(sentence) if m.type == "person" and
                       _APPOSITION.fullmatch(builder.doc.text[after[-1].end:m.start]) and
                       builder.doc.text[m.end:m.end + 1] == ","]
            if after[-1].type != "person" and apposed:
                return True, apposed[0]  # "selon le porte-parole du Kremlin, Dmitri Peskov, ...": the apposed name
            return True, _named_speaker(builder, sentence, after, begin)
        if "," in builder.doc.text[begin:begin + 40] and begin < marker.start:
            return True, None  # «По мнению аналитиков, Москва может ...»: a source with no name
    return _NOTHING


#: between a body and the name apposed to it: a title in lower case and a comma ("the Kremlin spokesman, Dmitry")
_APPOSITION = re.compile(r"(?:\s+[^\W\d_A-ZА-ЯЁІЇЄ][\w-]*){0,3}\s*,\s*")


def _phrase_at(low: str, phrase: str) -> int:
    """Where a phrase starts as whole words (not "laut" in "Verlautbarung"), or -1. The phrase's
    occurrences from ``str.find``, each search after the last one's end: what ``re.finditer`` of
    the escaped phrase finds (an empty phrase goes through it, as before)."""
    key = phrase.strip()
    if not key:
        for match in re.finditer(re.escape(key), low):
            start, end = match.span()
            if (start == 0 or not low[start - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                return start
        return -1
    size, start = len(key), low.find(key)
    while start >= 0:
        end = start + size
        if (start == 0 or not low[start - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            return start
        start = low.find(key, end)
    return -1


def _closing_speaker(builder: FrameBuilder, sentence: Sentence, marker: Word) -> _Found:
    """"..., the ministry said.", «..., заявил Орбан.», "..., a déclaré Viktor Orbán.": a short clause
    after the last comma, after the forecast, with a verb of saying and no clause of its own; the name
    in it speaks (an unnamed "a diplomat said" is a speaker too, with no name)."""
    words = builder.words(sentence)
    commas = [w.i for w in words if w.text == "," and w.i > marker.i]
    if not commas:
        return _NOTHING
    tail = [w for w in words[commas[-1] + 1:] if w.upos != "PUNCT"]
    assert builder.pack is not None
    g, speakers = builder.pack.grammar, _speaker_words(builder)
    verb = next((w for w in tail if w.lemma in speakers or w.low in speakers), None)
    if verb is None or len(tail) > 10 or any(w.low in g.get("complementizers", ()) or
                                             w.low in g.get("condition", ()) for w in tail):
        return _NOTHING
    start, end = words[commas[-1]].end, sentence.end
    if _unnamed(builder, tail):
        return True, None  # "..., sources in the ruling party said": no one named
    if any(w.lemma in g.get("back_state_nouns", ()) or w.low in g.get("back_state_nouns", ()) for w in tail):
        # «сообщили в Минобороны республики», "the country's defence ministry said": the state the
        # sentence is about before the comma, not a place something goes to («на Украину»)
        own = [m for m in builder.resolver.in_sentence(sentence) if m.end <= start and m.type == "state" and
               not any(x.upos == "ADP" and x.end <= m.start and m.start - x.end <= 1 for x in words)]
        if own:
            return True, own[0]
    named = [m for m in builder.resolver.in_sentence(sentence) if start <= m.start < end and m.type in _SPEAKER_TYPES]
    if named and tail[0].low in g.get("indefinite_determiners", ()) and all(m.type != "person" for m in named):
        return True, None  # "a Turkish diplomat told Reuters": someone unnamed, not the state or the outlet
    if named:
        return True, _named_speaker(builder, sentence, named, start)
    if tail[0].low in g.get("indefinite_determiners", ()):
        return True, None  # "a diplomat said": someone unnamed ("the ministry said": the speech frame's state)
    closing = g.get("closing_pronouns", frozenset())
    pronoun = next((w for w in tail if w.upos == "PRON" and builder.resolver.person_pronoun(w.text) or
                    w.low in closing or w.low.rsplit("-", 1)[-1] in closing and "-" in w.low), None)
    if pronoun is not None:  # "..., he told reporters.", «..., — сказал он.», "a-t-il déclaré", "sagte er"
        found = builder.resolver.antecedent(sentence)
        return (True, found) if found is not None else _NOTHING
    return _NOTHING


def _named_speaker(builder: FrameBuilder, sentence: Sentence, named: list[Mention], begin: int) -> Mention:
    """Of the names in an attribution (from ``begin``), the person, with the names before the next
    comma ("according to Air Force spokesman Yuriy Ihnat", "said Lithuania's foreign minister Gabrielius
    Landsbergis"): who speaks, not the state or body named in the title; else the first name. A person
    right after the body («по словам премьер-министра Венгрии Виктора Орбана», "del Cremlino Dmitri
    Peskov") only with a title before the body, not «Według Kremla Putin odwiedzi»: the clause's subject."""
    first = named[0]
    words = builder.words(sentence)
    speakers = _speaker_words(builder)
    titled = any(w.text[:1].islower() and w.upos not in ("DET", "ADP", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ")
                 and w.low not in speakers and w.lemma not in speakers
                 for w in words if begin <= w.start and w.end <= first.start)
    for m in named[1:]:
        between = [w for w in words if first.end <= w.start and w.end <= m.start]
        if m.type == "person" and (between or titled) and len(between) <= 4 and not any(
                w.upos in ("VERB", "AUX", "PUNCT") for w in between):
            return m  # a title between the body and the person ("spokesman"), no verb ("laut dem Kreml könnte Putin")
    return first


def _verb_speaker(builder: FrameBuilder, sentence: Sentence, marker: Word) -> _Found:
    """The subject of the last verb of saying, pledging or forecasting up to the forecast ("Shoigu
    pledged to double", "Japarov believes the sanctions are going to", «Москва не исключает, что»),
    not a passive ("is expected to": the author) nor a noun ("the promise")."""
    assert builder.pack is not None
    g, speakers = builder.pack.grammar, _speaker_words(builder)
    words = builder.words(sentence)
    speech = builder.pack.speech
    for w in reversed(words[:marker.i + 1]):
        if not (w.lemma in speakers or w.low in speakers) or w.upos in ("NOUN", "ADJ", "PROPN"):
            continue
        if w.lemma not in speech and any(x.lemma in speech and x.upos in ("VERB", "AUX", "X") for x in words[:w.i]):
            continue  # "Rubio said the United States expects Russia to agree": who says it, not whose view it is
        before = words[w.i - 1] if w.i > 0 else None
        if "Future" in w.feats or w.i == marker.i and "Tense=futr" in w.feats or \
                before is not None and (before.low in g.get("future", ()) or before.lemma in g.get(
                "future", ()) or before.low in g.get("conditional", ())):
            continue  # "Russia will announce", «Росія оголосить»: a predicted speech act is what is said
        if before is not None and (before.low in g.get("be", ()) or before.upos in ("DET", "ADP")):
            return _NOTHING
        frame = next((f for f in builder.frames(sentence) if f.word == w.i), None)
        clause = [x for x in words[:w.i] if not any(y.text in (",", ";", ":") for y in words[x.i:w.i])]
        if "VerbForm=Inf" not in w.feats and _unnamed(builder, clause):
            return True, None  # «Источник в правительстве Киргизии сообщил, что ...»: no one named
        if "VerbForm=Inf" in w.feats or frame is not None and frame.factuality in _PREDICTED and \
                w.lemma not in g.get("forecast_speakers", ()):
            continue  # «має намір оголосити», "plans to announce": a speech act predicted, not its speaker
        if frame is not None and frame.subjects and not _inside_report(builder, words, w, frame.subjects[0], marker):
            return True, frame.subjects[0]
        aside = _before_aside(builder, sentence, words, w)
        if aside is not None:
            return True, aside
        if before is not None and before.low in g.get("predicate_joins", ()):
            shared = [f for f in builder.frames(sentence) if f.word < w.i and f.subjects]
            if shared:  # "Sandu called ... and promised Moldova would": the subject of the verb before
                return True, shared[-1].subjects[0]
        if before is not None and before.i > 0 and builder.resolver.person_pronoun(before.text + " "):
            # "Lavrov said ..., but he warned that ...": the person named earlier in the sentence, else before it
            earlier = [m for m in builder.resolver.in_sentence(sentence)
                       if m.type == "person" and m.end <= before.start]
            found = earlier[0] if earlier else builder.resolver.antecedent(sentence)
            return (True, found) if found is not None else _NOTHING
        subject = builder.resolver.before(sentence, w.start)
        opening = [x for x in words[:w.i] if x.upos not in ("ADV", "PART", "PUNCT")]
        if len(opening) == 1 and opening[0].i == 0 and (
                opening[0].upos == "PRON" or builder.resolver.person_pronoun(opening[0].text + " ")):
            # «Он заявил, что ...», "He said ...": an opening pronoun right before the verb stands for
            # the person of an earlier sentence
            subject = builder.resolver.resolve_pronoun(sentence, opening=True)
            return (True, subject) if subject is not None and subject.type in _SPEAKER_TYPES else _NOTHING
        if (subject is None or subject.end <= sentence.start) and \
                all(x.upos in ("SCONJ", "ADV", "PART", "CCONJ") for x in opening):
            # «Как считает Буданов, Россия ...», «Як вважає Буданов, ...»: the name right after the verb,
            # before the comma that closes the attribution ahead of the forecast
            comma = next((x for x in words[w.i + 1:marker.i] if x.text == ","), None)
            named = [m for m in builder.resolver.in_sentence(sentence) if comma is not None and
                     w.end <= m.start and m.end <= comma.start and m.type in _SPEAKER_TYPES]
            if named:
                return True, _named_speaker(builder, sentence, named, w.end)
        if subject is not None and subject.end <= sentence.start:
            return _NOTHING  # no other earlier name is this verb's subject
        if subject is None and opening and opening[0].i == 0 and len(opening) <= 4 and \
                not any(x.upos == "PROPN" for x in opening):
            office = builder.resolver.role_antecedent(sentence, " ".join(x.text for x in opening))
            if office is not None:  # "The president also said ...": the office holder named before
                return True, office
        if subject is None or subject.type not in _SPEAKER_TYPES or \
                any(c in builder.doc.text[subject.end:w.start] for c in ";:\"“”«»"):
            return _NOTHING
        return True, subject
    return _NOTHING


def _inside_report(builder: FrameBuilder, words: list[Word], verb: Word, subject: Mention, marker: Word) -> bool:
    """«Він заявив, що Франція передасть ...», "said Russia would expel": a subject after the verb of
    saying, past a comma or a complementizer, or right before the forecast with neither between, is
    the subject of what is said, not the speaker (not «заявил Эрдоган, что Турция ...»)."""
    if subject.start < verb.end:
        return False
    assert builder.pack is not None
    comp = builder.pack.grammar.get("complementizers", frozenset())

    def breaks(lo: int, hi: int) -> bool:
        return any(x.text in (",", ":") or x.low in comp for x in words if lo <= x.start and x.end <= hi)

    return breaks(verb.end, subject.start) or subject.end <= marker.start and not breaks(subject.end, marker.start)


def _before_aside(builder: FrameBuilder, sentence: Sentence, words: list[Word], verb: Word) -> Mention | None:
    """"Ilham Aliyev, the president of Azerbaijan, said ...", "Zakharova, speaking to journalists,
    said", «Эрдоган, выступая перед журналистами, заявил»: the name before a parenthesis that ends
    right before the verb (not the state named inside it)."""
    if verb.i < 2 or words[verb.i - 1].text != ",":
        return None
    comma = next((x for x in reversed(words[:verb.i - 1]) if x.text in (",", ";", ":")), None)
    if comma is None or comma.text != ",":
        return None
    named = [m for m in builder.resolver.in_sentence(sentence) if 0 <= comma.start - m.end <= 1 and
             m.type in _SPEAKER_TYPES]
    return named[-1] if named else None


def _frame_speaker(builder: FrameBuilder, sentence: Sentence, marker: Word) -> Mention | None:
    words = builder.words(sentence)
    for frame in builder.frames(sentence):
        if builder.pack is not None and builder.pack.slavic and frame.factuality in ("planned", "conditional"):
            continue  # «Росія оголосить ...»: a predicted announcement is what is said, not who says it
        if builder.pack is not None and frame.lemma in builder.pack.speech and frame.subjects and \
                frame.factuality in ("done", "ongoing", "present"):
            if 0 <= frame.word < len(words) and _inside_report(builder, words, words[frame.word], frame.subjects[0],
                                                               marker):
                continue  # «Президент заявил, что Казахстан ...»: what is said, not who says it
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


_LIST_MARKER = re.compile(r"(?:^|\n)[ \t]*\d{1,2}[.)][ \t]*$")


def _list_title(doc: Doc, sentence: Sentence, text: str) -> bool:
    """"2. Что будет с отсрочками для студентов": an item of a numbered list, a line of its own with no
    closing punctuation (a related story's title), in any language."""
    before = doc.text[max(0, sentence.start - 8):sentence.start]
    after = doc.text[sentence.end:sentence.end + 1]
    return bool(_LIST_MARKER.search(before)) and after in ("\n", "") and \
        not text.rstrip().endswith((".", "!", "?", '"', "”", "»", ")", ":")) and len(text.split()) <= 25


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
        if marker is None or _list_title(doc, sentence, text):
            continue
        g = builder.pack.grammar if builder.pack else {}
        conditional = marker.low in g.get("risk_modals", ()) or marker.low in g.get("ability_modals", ()) or any(
            w.low in g.get("condition", ()) for w in builder.words(sentence))
        subject = resolver.before(sentence, sentence.end)
        second = _joined_marker(builder, sentence, marker)
        for found in (marker,) if second is None else (marker, second):
            speaker = _speaker(builder, sentence, found)
            out.append(PredictionRecord(
                sentence.start, sentence.end, _claim(text, found, sentence), conditional,
                _horizon(doc, builder, sentence, found), MentionRef.of(resolver, subject),
                MentionRef.of(resolver, speaker), 0.45 if conditional else 0.55, found.text).row())
    return out


def _second_report(builder: FrameBuilder, sentence: Sentence, marker: Word) -> int:
    """"said A would ..., but he warned that B would ...", «заявил, что ..., но предупредил, что»: a
    second verb of saying after the forecast with a complementizer right after it (a comma between
    in Russian and Ukrainian) opens a second report; where it starts in the sentence, or -1."""
    assert builder.pack is not None
    comp = builder.pack.grammar.get("complementizers", frozenset())
    words = builder.words(sentence)
    for w in words[marker.i + 1:]:
        if w.lemma not in builder.pack.speech or w.upos not in ("VERB", "X") or "VerbForm=Part" in w.feats:
            continue
        after = [x for x in words[w.i + 1:w.i + 3] if x.text != ","]
        if after and after[0].low in comp and after[0].i <= w.i + 2:
            return after[0].end - sentence.start
    return -1


def _joined_marker(builder: FrameBuilder, sentence: Sentence, marker: Word) -> Word | None:
    """A second forecast in a reported clause joined after the first ("said A would ... and that B
    would ...", «заявил, что A ..., а B ...», «і додав, що»: ``clause_joins``), or ``None``."""
    assert builder.pack is not None
    joins = builder.pack.grammar.get("clause_joins", ())
    if not joins:
        return None
    pledging = _comma_pledge(builder, sentence, marker)
    if pledging is not None:
        return pledging
    low = builder.doc.text[sentence.start:sentence.end].casefold()
    begin = marker.end - sentence.start
    at = min((i + len(j) for j in joins if (i := low.find(j, begin)) >= 0), default=-1)
    if at < 0:
        at = _second_report(builder, sentence, marker)
    if at < 0:
        return None
    words = [w for w in builder.words(sentence) if w.start >= sentence.start + at]
    if not words:
        return None
    found = _future_en(builder, sentence, words) if builder.pack.english else _future_ru(builder, sentence, words)
    return found if found is not None and found.i > marker.i else None


def _comma_pledge(builder: FrameBuilder, sentence: Sentence, marker: Word) -> Word | None:
    """A participle of pledging right after a comma, after the first forecast ("..., Blinken said,
    vowing more sanctions", «..., пообещав новые санкции»: ``comma_pledges``): a second forecast,
    the pledge; or ``None``."""
    assert builder.pack is not None
    participles = builder.pack.grammar.get("comma_pledges", frozenset())
    words = builder.words(sentence)
    return next((w for w in words[marker.i + 1:] if w.low in participles and w.i > 0 and
                 words[w.i - 1].text == ","), None)
