"""Events: one per clause frame (``frames.py``) whose predicate has a PLOVER type in the language's
lexicon (``lang/<code>/event_predicates.toml``; the English one derived from CAMEO), reported as
done or under way, with its actor (the subject, every state of a coordinated list, the passive's
"by" agent) and its targets. Speech acts ("told journalists", "confirmed") are events of type
``SAY``. No event comes from a participle, an infinitive, a condition, a future, a negated act,
an opinion, what someone is asked to do, or page furniture. Votes give one event per listed
state: a vote for (``SUPPORT``), against (``REJECT``), an abstention or a non-vote (``ABSTAIN``).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..kb.langdata import language_data
from .actors import DATELINE, ActorResolver, bullet_states, listed_states
from .doc import Doc, Mention, Sentence, Statement
from .frames import Frame, FrameBuilder, LanguagePack, Word, pack_union
from .modality import SentenceModality
from .records import EventRecord, MentionRef, confidence
from .registry import register

__all__ = ["find_events", "without_repeated_title", "event_type", "voted_with"]


def event_type(builder: FrameBuilder, frame: Frame) -> str | None:
    """The PLOVER type of a frame's predicate, refined by the noun right after it where the
    lexicon lists the pair ("pay a visit" is CONSULT, "open a case" COERCE). A verb of type
    ``LIGHT`` ("make", "carry out") is an event only through a listed noun ("made a visit")."""
    pack = builder.pack
    if pack is None:
        return None
    if _denied_as(builder, frame):
        return "SAY"  # "a claim Tehran dismissed as baseless": a denial of a claim (CAMEO 016), a statement
    means = _means_act(builder, frame) or _document_act(builder, frame)
    if means is not None:
        return means  # "backed the war effort by shipping drones": the act done is the shipping (AID)
    base = pack.event_types.get(frame.lemma)
    objects = pack.event_objects.get(frame.lemma)
    if objects:  # the object noun phrase: the words up to the first preposition, punctuation or next predicate
        refined = None
        following = [f.start for f in builder.frames(frame.sentence) if f.start >= frame.end
                     and (f.factuality not in ("nominal", "relative", "nonfinite") or
                          pack.english and f.factuality in ("relative", "nonfinite"))]
        # English: a participle or relative clause after the object noun ("joined a statement |
        # denouncing the attack") describes it; its own object types nothing
        stop = min(following) if following else frame.target_end
        measures = pack.grammar.get("measure_nouns", frozenset())
        clause = pack.grammar.get("complementizers", frozenset())
        previous = ""
        for w in builder.words(frame.sentence):
            if w.start < frame.target_start or w.upos == "DET" and w.low not in clause:
                continue
            if w.low in clause:
                break  # "announced that the planned number ... was called up": a clause said is no object noun
            if pack.english and previous and w.upos in ("AUX", "VERB") and frame.lemma in pack.speech:
                refined = None  # "said the sanctions would fail": the noun is the subject of the clause said,
                break  # no object of the speech verb
            if w.low == "of" and previous in measures:
                continue  # "a new package of sanctions": the batch's contents are the object
            if w.upos == "ADP" and not previous and pack.slavic:
                continue  # «подписали в Вашингтоне соглашение»: free word order puts a place before the object
            if w.upos == "ADP" and w.low in pack.grammar.get("complement_objects", frozenset()):
                continue  # German "verurteilte einen Mann zu fünf Jahren Haft": the listed noun after "zu" (also
                # right after the verb: "l-a condamnat la șase ani de închisoare")
            if w.start >= stop and not previous and w.end <= frame.target_end and objects.get(w.low):
                refined = objects[w.low]  # "brought charges": the listed noun right after the verb, though it
                break  # reads as a verb of its own
            if w.end > frame.target_end or w.start >= stop or w.upos in ("ADP", "PUNCT", "AUX", "PRON"):
                break
            refined = objects.get(w.low) or objects.get(w.lemma) or \
                (_by_number(objects, w.low) if pack.english else None) or refined
            previous = w.low
        if refined:
            return refined
    ordered = _ordered_act(builder, frame)
    if ordered is not None:
        return ordered  # "ordered lenders to stop ...": the act ordered, done by the one with authority
    if base == "LIGHT":
        return None  # a light verb ("made a visit", "carried out raids") is an act only by its noun
    if frame.lemma in pack.speech and pack.slavic:
        reported = _reported_act(builder, frame)
        if reported is not None and not _recalled(builder, frame):
            return reported  # «Минобороны сообщило об уничтожении ...»: the reporter's own act
    if frame.lemma in pack.speech and base not in (None, "SAY") and pack.slavic and _transfer(builder, frame):
        return base  # «передал России ракеты»: a thing handed over, not a message
    if frame.lemma in pack.speech:
        # a speech act is an event when it announces, confirms, declares or denies, not a plain "said"
        if frame.lemma not in pack.grammar.get("speech_events", frozenset()) and not _addressed(builder, frame):
            return None
        if _recalled(builder, frame):
            return None
        if base in (None, "SAY"):
            said = _said_act(builder, frame)
            if said is None and _described_state(builder, frame):
                return None  # «заявил, что участие ... заморожено»: a state described, no announcement
            return said or "SAY"
        return base if base not in (None, "SAY") else "SAY"
    return base


def _described_state(builder: FrameBuilder, frame: Frame) -> bool:
    """Russian and Ukrainian: a speech verb whose said clause («заявил, что ...», «повідомили, що ...»)
    names no actor as its first word and has for predicate, of no event type, a passive participle
    («учения завершены», «будуть визнані»), a reflexive imperfective («затримання проводилися», «не
    планируется»), a past or present verb after a common noun («решение отвечает национальным
    интересам») or no verb at all («рішення не пов'язане з політикою», «расследование будет
    объективным»; an addressee may come between the verb and the comma, «сказал журналистам, что»):
    the speaker describes how things stand, a claim, not an announcement with effect (the guidelines:
    opinions are no events). An act's passive («все призванные направлены в части») is an act
    reported. A said clause with a named subject stays a statement (``SAY``) where its verb has an
    event type («что Казахстан не признаёт ...», «що Мінськ вживатиме заходів») or the statement is
    told to someone («заявил журналистам, что Москва уважает ...»), and describes where it has none
    («что Москва ответит зеркально», «что Киргизия придерживается нейтралитета»: a claim or a course,
    issue 8's opinion verbs and speech frames); so does an admission, a confirmation or an
    announcement («признал, что наступление велось ...»): only the plain verbs of saying
    (``describing_verbs`` in grammar.toml) describe. The auxiliaries skipped before the participle
    are ``passive_auxiliaries``."""
    pack = builder.pack
    if pack is None or not pack.slavic or frame.lemma not in pack.grammar.get("describing_verbs", frozenset()):
        return False
    words = [w for w in builder.words(frame.sentence) if w.start >= frame.end]
    comma = next((n for n, w in enumerate(words[:4]) if w.upos == "PUNCT"), None)  # «сказал журналистам, что»
    if comma is None or words[comma].text != "," or len(words) < comma + 3 or \
            words[comma + 1].low not in pack.grammar.get("complementizers", frozenset()):
        return False
    clause = []
    for w in words[comma + 2:]:
        if w.text in (",", ";", ":", "—") or w.upos == "CCONJ":
            break
        clause.append(w)
    if not clause:
        return False
    auxiliaries = pack.grammar.get("passive_auxiliaries", frozenset())
    verbs = [w for w in clause if w.upos in ("VERB", "AUX") and w.low not in auxiliaries]
    if any(m.start <= clause[0].start < m.end for m in builder.resolver.in_sentence(frame.sentence)):
        # «что Казахстан не признаёт ...», «що Мінськ вживатиме заходів»: a named subject's act stays a
        # statement; its view or its course («что Киргизия придерживается нейтралитета», «что Москва
        # ответит», «що Єреван не бачить сенсу»: a verb of no event type) is a claim, unless told to the
        # press («заявил журналистам, что Москва уважает ...»: an addressed statement is a speech act)
        return bool(verbs) and _untyped(pack, clause, verbs[0]) and not _dative_after(builder, frame)
    if not verbs:
        return any(w.upos == "ADJ" for w in clause)  # a verbless clause: «рішення не пов'язане»
    head = verbs[0]
    if pack.event_types.get(head.lemma) not in (None, "SAY"):
        return False  # «все призванные уже направлены в части»: an act reported done
    if "Voice=Pass" in head.feats:
        return True
    # a reflexive imperfective («проводилися»), or a common noun's verb of no event type in the past or
    # present («решение отвечает интересам», «учения носили характер»; a future, «ответ последует», is a
    # statement of what will be done)
    return "Reflexive" in head.feats and "Aspect=impf" in head.feats or \
        clause[0].upos == "NOUN" and "Tense=futr" not in head.feats


def _untyped(pack: LanguagePack, clause: list[Word], head: Word) -> bool:
    """The said clause's first verb has no event type, alone or with the noun after it («провести
    переговоры», «вживати заходів»: a light verb's phrase of the lexicon)."""
    if pack.event_types.get(head.lemma) is not None:
        return False
    after = [w for w in clause if w.start > head.start][:3]
    return not any(f"{head.lemma} {w.lemma}" in pack.event_types for w in after)


def _by_number(objects: dict[str, str], low: str) -> str | None:
    """English: a listed object noun in its other number (CAMEO lists "receive ... ministers", news
    writes "received the foreign minister"; "impose ... ban" and "imposed bans"), by regular inflection."""
    forms = [low + "s", low + "es"]
    if low.endswith("ies"):
        forms.append(low[:-3] + "y")
    elif low.endswith("es"):
        forms += [low[:-2], low[:-1]]
    elif low.endswith("s") and not low.endswith("ss"):
        forms.append(low[:-1])
    if low.endswith("y"):
        forms.append(low[:-1] + "ies")
    return next((objects[f] for f in forms if f in objects), None)


def _denied_as(builder: FrameBuilder, frame: Frame) -> bool:
    """English: a verb of refusal with "as" and a word calling a claim untrue after it ("dismissed
    the reports as fake", "a claim Tehran rejected as baseless"; ``refusal_verbs`` and ``untrue``
    in grammar.toml): the denial of a claim, a statement (the convention: denials are ``SAY``)."""
    pack = builder.pack
    if pack is None or not pack.english or frame.lemma not in pack.grammar.get("refusal_verbs", frozenset()):
        return False
    untrue = pack.grammar.get("untrue", frozenset())
    words = builder.words(frame.sentence)
    for n in range(frame.word + 1, min(len(words) - 1, frame.word + 8)):
        if words[n].upos == "PUNCT":
            return False
        if words[n].low == "as":
            return any(w.low in untrue for w in words[n + 1:n + 4])
    return False


def _means_act(builder: FrameBuilder, frame: Frame) -> str | None:
    """English: the type of the gerund that says how an act was done ("backed Russia's war effort
    by shipping drones": AID; ``means_prepositions``) or what was joined in ("joined Russia in voting
    down the text": REJECT; ``joining_verbs`` with ``joining_prepositions``), where it has one other
    than a statement; ``None`` otherwise or past a comma or a clause."""
    pack = builder.pack
    if pack is None or not pack.english:
        return None
    g = pack.grammar
    means, joins, joined = (g.get(k, frozenset()) for k in ("means_prepositions", "joining_verbs",
                                                             "joining_prepositions"))
    if not means and not (joins and frame.lemma in joins):
        return None
    words = builder.words(frame.sentence)
    clause = g.get("complementizers", frozenset())
    for n in range(frame.word + 1, min(len(words) - 1, frame.word + 10)):
        w = words[n]
        if w.upos == "PUNCT" or w.low in clause:
            return None
        if (w.low in means or frame.lemma in joins and w.low in joined) and words[n + 1].low.endswith("ing"):
            kind = _gerund_type(builder, frame, words, n + 1)
            return kind if kind not in (None, "SAY", "LIGHT") else None
    return None


#: what a text joined, passed or issued may say of its own: the types it gives the act
_TEXT_ACTS = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN"})


def _document_act(builder: FrameBuilder, frame: Frame) -> str | None:
    """English: a text joined, passed, adopted or issued with a participle saying what it does
    ("joined a statement denouncing the attack", "passed a resolution condemning", "issued a
    statement backing"; ``adopting_verbs``, ``joining_verbs`` and ``document_nouns`` in
    grammar.toml, as the stances read them): the act is what the text does (CAMEO 111 denounce,
    051 endorse, 10 demand), where the participle has such a type."""
    pack = builder.pack
    if pack is None or not pack.english:
        return None
    documents = pack.grammar.get("document_nouns", frozenset())
    if frame.lemma not in pack.union("grammar", "adopting_verbs", "joining_verbs"):
        return None
    words = builder.words(frame.sentence)
    for n in range(frame.word + 1, min(len(words) - 1, frame.word + 6)):
        w = words[n]
        if w.upos in ("PUNCT", "ADP", "AUX", "VERB") and w.low not in documents:
            return None
        if w.low in documents:
            if not words[n + 1].low.endswith("ing"):
                return None
            kind = _gerund_type(builder, frame, words, n + 1)
            return kind if kind in _TEXT_ACTS else None
    return None


def _gerund_type(builder: FrameBuilder, frame: Frame, words: list[Word], n: int) -> str | None:
    """The type of the -ing word ``words[n]`` of ``frame``'s sentence: its frame's where it has one,
    else its lemma's in the lexicon, the phrasal pair first ("voting down")."""
    pack = builder.pack
    assert pack is not None
    gerund = next((f for f in builder.frames(frame.sentence) if f.word == n), None)
    if gerund is not None:
        return event_type(builder, gerund)
    verb, particle = words[n], words[n + 1] if n + 1 < len(words) else None
    lemma, start = verb.lemma, n + 1
    if particle is not None and f"{verb.lemma}_{particle.low}" in pack.event_types:
        lemma, start = f"{verb.lemma}_{particle.low}", n + 2  # "voting down", "carrying out"
    kind = pack.event_types.get(lemma)
    objects = pack.event_objects.get(lemma, {})
    for w in words[start:start + 4]:  # its object noun, as for a frame ("staging joint drills": MOBILIZE)
        if w.upos in ("ADP", "PUNCT", "AUX", "PRON"):
            break
        kind = objects.get(w.low) or objects.get(w.lemma) or kind
    return kind


#: the types of an act whose announcement under a condition is a threat (CAMEO 13: threaten to
#: sanction, halt, withdraw, boycott, use force)
_THREAT_ACTS = frozenset({"SANCTION", "COERCE", "ASSAULT", "RETREAT", "MOBILIZE", "PROTEST", "REJECT", "CONCEDE"})


def _said_act(builder: FrameBuilder, frame: Frame) -> str | None:
    """The type of what a speech act that is an event announces, where it is no plain statement.
    A future or conditional act of force or reduced relations after it with a condition word
    (``threat_conditions`` in grammar.toml: "announced that it will withdraw its force unless ...",
    «объявила, что прекратит поставки, если ...») is a threat (CAMEO 13, THREATEN); another party
    who must or should act ("announced that Kyiv must accept", «заявил, что Киев должен»;
    ``demand_modals``, the speaker's own pronouns in ``speaker_pronouns`` excepted) is a demand
    (CAMEO 10, REQUEST). ``None`` where the clause is neither."""
    pack = builder.pack
    if pack is None:
        return None
    g = pack.grammar
    words = [w for w in builder.words(frame.sentence) if w.start >= frame.end]
    cut = next((n for n, w in enumerate(words) if w.low in (";", ":")), len(words))
    words = words[:cut]
    conditions = g.get("threat_conditions", frozenset())
    if conditions and any(w.low in conditions for w in words):
        acts = {pack.event_types.get(f.lemma) for f in builder.frames(frame.sentence)
                if f.start >= frame.end and f.factuality in ("planned", "conditional")}
        if acts & _THREAT_ACTS:
            return "THREATEN"
    modals = g.get("demand_modals", frozenset())
    own = g.get("speaker_pronouns", frozenset())
    resolver = builder.resolver
    speakers = {resolver.label(m) for m in frame.subjects} | {resolver.state_of(m) for m in frame.subjects}
    for n, w in enumerate(words[1:], 1):
        before = words[n - 1]
        if w.low in modals and before.upos not in ("PUNCT", "ADP", "AUX", "PART", "VERB", "CCONJ") and \
                before.low not in own:
            named = next((m for m in resolver.in_sentence(frame.sentence) if before.start <= m.end <= w.start), None)
            if named is not None and ({resolver.label(named), resolver.state_of(named)} & speakers) - {None}:
                continue  # «МИД России заявил, что Россия должна ...»: the speaker's own duty, no demand
            return "REQUEST"
    return None


@functools.lru_cache(maxsize=16)
def _directives(code: str, folders: tuple[Path, ...] | None) -> tuple[frozenset[str], dict[str, str]]:
    """The language's directive verbs and the ordered verbs whose act differs under an order
    (``[directives]`` of event_predicates_team.toml: "ordered ... to leave" is an expulsion)."""
    table = language_data("event_predicates_team", code, folders).get("directives", {})
    return frozenset(table.get("verbs", [])), {str(k): str(v) for k, v in table.get("ordered", {}).items()}


def _ordered_act(builder: FrameBuilder, frame: Frame) -> str | None:
    """A directive verb with its object and a "to" infinitive ("ordered 45 embassy staff to leave",
    "instructed banks to suspend transfers", an apposition between commas allowed): the type of the
    act ordered, where it has one."""
    pack = builder.pack
    if pack is None:
        return None
    verbs, ordered = _directives(pack.code, builder.folders)
    if frame.lemma not in verbs:
        return None
    words = builder.words(frame.sentence)
    for n in range(frame.word + 1, min(len(words) - 1, frame.word + 13)):
        if words[n].upos == "PUNCT" and words[n].low != ",":
            return None  # a comma may close an apposition ("ordered 45 employees, diplomats among them, to leave")
        if words[n].low == "to" and n > frame.word + 1:
            verb = words[n + 1]
            return ordered.get(verb.lemma) or pack.event_types.get(verb.lemma)
    return None


def _title_or_repeat(doc: Doc, sentence: Sentence, seen: set[str]) -> bool:
    """Russian and Ukrainian pages: a sentence of the title line (the first line, without closing
    punctuation, when a body follows) or one repeating an earlier sentence word for word is no
    new event."""
    text = " ".join(doc.text[sentence.start:sentence.end].split())
    if text in seen:
        return True
    seen.add(text)
    first_line = doc.text.lstrip().split("\n", 1)[0].strip()
    line_end = doc.text.find(first_line) + len(first_line)
    return sentence.end <= line_end and not first_line.endswith((".", "!", "?", "»", '"', "”")) and \
        len(doc.text) > line_end + 40


def _headline_line(doc: Doc, sentence: Sentence) -> bool:
    """The sentence is the page's first line alone (not run into the body's first sentence)."""
    first_line = doc.text.lstrip().split("\n", 1)[0].strip()
    return sentence.end <= doc.text.find(first_line) + len(first_line)


def _reported_act(builder: FrameBuilder, frame: Frame) -> str | None:
    """Russian and Ukrainian: a report whose object is the noun of an act the reporter does
    («Минобороны России сообщило об уничтожении беспилотников», «повідомило про затримання»;
    ``reported_<type>`` in grammar.toml) is that act: its type, else ``None``. Nouns of acts
    a reporter may suffer («удар», «обстрел») are not listed: the victim reports them too."""
    pack = builder.pack
    if pack is None:
        return None
    words = builder.words(frame.sentence)
    after = words[frame.word + 1:frame.word + 3]
    if len(after) < 2 or after[0].upos != "ADP" or after[0].low not in pack.grammar.get("about", frozenset()):
        return None
    return next((key.removeprefix("reported_").upper() for key, nouns in pack.grammar.items()
                 if key.startswith("reported_") and after[1].lemma in nouns), None)


def _transfer(builder: FrameBuilder, frame: Frame) -> bool:
    """A verb of speech and of handing over («передать», «передати») with a noun object and no
    clause said after it (no «что», colon or quote)."""
    pack = builder.pack
    words = builder.words(frame.sentence)
    after = words[frame.word + 1:frame.word + 4]
    said = pack.grammar.get("complementizers", frozenset()) if pack else frozenset()
    if not after or any(w.low in said or w.text in (":", "«", '"', ",") for w in after):
        return False
    persons = [(m.start, m.end) for m in builder.resolver.in_sentence(frame.sentence) if m.type == "person"]
    if any(a <= after[0].start < b for a, b in persons):
        return False  # «..., утверждает Лукашенко»: the speaker after a postposed verb, no object
    return any(w.upos == "NOUN" and "Case=accs" in w.feats for w in after)


def _addressed(builder: FrameBuilder, frame: Frame) -> bool:
    """«сообщил журналистам», «повідомив агентству»: a report told to someone (a dative right
    after the verb) is a speech act, as "told journalists" is; a plain «сообщил» is not."""
    pack = builder.pack
    if pack is None or frame.lemma not in pack.grammar.get("speech_events_addressed", frozenset()):
        return False
    words = builder.words(frame.sentence)
    if frame.word > 1 and words[frame.word - 1].text in (",", "—") and any(
            w.upos == "VERB" and not {"VerbForm=Inf", "VerbForm=Part"} & set(w.feats) for w in words[:frame.word - 1]):
        return False  # «Правительство ... приостановило ..., сообщил журналистам Пашинян»: the source of the act
    return _dative_after(builder, frame)


def _dative_after(builder: FrameBuilder, frame: Frame) -> bool:
    """The word right after the verb is a dative that cannot be its subject (an addressee: «журналистам»;
    «Путину», whose other reading is an accusative, is none)."""
    words = builder.words(frame.sentence)
    nxt = words[frame.word + 1] if frame.word + 1 < len(words) else None
    cases = {f for f in nxt.feats if f.startswith("Case=")} if nxt is not None else set()
    return nxt is not None and nxt.upos in ("NOUN", "PRON") and "Case=datv" in cases and "Case=nomn" not in cases


def _recalled(builder: FrameBuilder, frame: Frame) -> bool:
    """«Напомним, ранее X сообщил ...» recalls an earlier report, and «Об этом заявил X»
    attributes what the sentences before said: neither is a new speech act."""
    pack = builder.pack
    if pack is None:
        return False
    text = builder.doc.text
    opening = text[frame.sentence.start:frame.sentence.start + 30].casefold().lstrip("«\"„ ")
    if any(opening.startswith(r) for r in pack.grammar.get("reminders", frozenset())):
        return True
    near = " " + " ".join(text[max(frame.sentence.start, frame.start - 50):frame.start].casefold().split()[-5:]) + " "
    after = " ".join(text[frame.end:frame.end + 30].casefold().split()[:2])
    return any(f" {a} " in near or after.startswith(a) for a in pack.grammar.get("attribution", frozenset()))


def _recruiter(builder: FrameBuilder, frame: Frame) -> Mention | None:
    """Russian and Ukrainian: recruitment with no actor named («тысячи человек заключили
    контракт», «мигрантов вербуют») is a state's: the one the contract is with, else the state
    the text is about."""
    resolver = builder.resolver
    party = [m for m in resolver.in_sentence(frame.sentence) if frame.target_start <= m.start < frame.target_end
             and resolver.state_of(m) and m.type != "person"]
    return party[0] if party else builder.context_state(frame.sentence, frame.start)


@functools.lru_cache(maxsize=16)
def _class_sets(pack: LanguagePack) -> dict[str, frozenset[str]]:
    """Each lemma's stance classes, made once per pack (``_vote`` scanned every class per frame)."""
    index: dict[str, set[str]] = {}
    for name, lemmas in pack.stance_classes.items():
        for lemma in lemmas:
            index.setdefault(lemma, set()).add(name)
    return {lemma: frozenset(names) for lemma, names in index.items()}


def _vote(pack: LanguagePack, builder: FrameBuilder, frame: Frame) -> tuple[str, str] | None:
    """(PLOVER type, what was done) for a vote frame, or ``None`` when the frame is no vote."""
    classes = _class_sets(pack).get(frame.lemma, frozenset())
    after = next(([w] for w in builder.words(frame.sentence) if w.start >= frame.end), [])
    if after and after[0].low == "from":
        return None  # "abstained from recognising": refraining from an act, no vote
    if "abstain" in classes:
        return "ABSTAIN", "abstained"
    if "participate" in classes and frame.negated and pack.english:
        near = {w.lemma for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end}
        if near & pack.targets.get("voting", frozenset()) and "vote" in near:
            return "ABSTAIN", "did not take part in the vote"  # "did not take part in the vote"
    if "participate" in classes and frame.negated and pack.slavic:
        near = {w.lemma for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end}
        if near & pack.targets.get("voting", frozenset()):
            return "ABSTAIN", "did not take part in the vote"  # «не участвовал в голосовании»
    if "vote" not in classes:
        return None
    side = voted_with(builder, frame)
    if side is not None:
        return ("REJECT", "voted with Russia") if side == "RUS" else ("SUPPORT", "voted with Ukraine")
    if frame.negated:
        return "ABSTAIN", "did not vote"
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end][:3]
    lemmas = {w.lemma for w in words} | {w.low for w in words}
    voting = {w.lemma for w in builder.words(frame.sentence)} & pack.targets.get("voting", frozenset())
    if frame.lemma in pack.stance_classes.get("vote_against", frozenset()):
        return ("REJECT", "voted against") if voting else None
    if lemmas & pack.targets.get("vote_against", frozenset()):
        return "REJECT", "voted against"
    if lemmas & pack.targets.get("vote_for", frozenset()):
        return "SUPPORT", "voted for"
    fronted = fronted_vote_side(builder, frame)
    if fronted is not None:
        return ("REJECT", "voted against") if fronted == "against" else ("SUPPORT", "voted for")
    return None


def subjects_follow(frame: Frame) -> bool:
    """The frame's subjects all stand after its verb (free word order: «głosowały Białoruś i Syria»)."""
    return bool(frame.subjects) and all(m.start >= frame.end for m in frame.subjects)


def fronted_vote_side(builder: FrameBuilder, frame: Frame) -> str | None:
    """"against" or "for" where the vote's direction opens its clause, before the verb, in a language of
    free word order («Przeciwko rezolucji głosowały ...», «За документа гласуваха ...», "Tegen de resolutie
    stemden ..."): the clause's first word is one of the pack's ``vote_against`` or ``vote_for`` words, or
    such a word stands before a ``voting`` word later before the verb (after a phrase of time or place)."""
    pack = builder.pack
    if pack is None or pack.english:
        return None
    before = [w for w in builder.words(frame.sentence) if frame.clause_start <= w.start < frame.start
              and w.upos != "PUNCT"]
    if not before or frame.subjects and min(m.start for m in frame.subjects) < frame.start:
        return None  # a subject before the verb: what opens the clause is no fronted object
    first = {before[0].lemma, before[0].low}
    if first & pack.targets.get("vote_against", frozenset()):
        return "against"
    if first & pack.targets.get("vote_for", frozenset()):
        return "for"
    voting = pack.targets.get("voting", frozenset())  # «Під час голосування ... проти резолюції ... проголосували»:
    about_a_vote = any(w.lemma in voting or w.low in voting for w in before)
    for w, nxt in zip(before, before[1:], strict=False):  # the side's word before the vote's object, later on
        against = bool({w.lemma, w.low} & pack.targets.get("vote_against", frozenset()))
        if nxt.lemma in voting or nxt.low in voting or against and about_a_vote and nxt.upos == "NOUN":
            if against:  # (any noun after «проти» in a sentence about a vote; «за» needs the vote's word:
                return "against"  # «за словами дипломата» is no side)
            if {w.lemma, w.low} & pack.targets.get("vote_for", frozenset()):
                return "for"
    return None


def voted_with(builder: FrameBuilder, frame: Frame) -> str | None:
    """"voted with Russia": the party to the war the state voted with (RUS or UKR), or ``None``
    (the preposition is the pack's ``vote_side_prepositions``)."""
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:1]
    if not after or builder.pack is None or not builder.pack.has("vote_side_prepositions", after[0].low):
        return None
    first = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= after[0].end), None)
    if first is None or builder.doc.text[after[0].end:first.start].strip():
        return None
    state = builder.resolver.state_of(first)
    return state if state in ("RUS", "UKR") else None


def _vote_events(doc: Doc, resolver: ActorResolver, builder: FrameBuilder, frame: Frame, kind: str, action: str,
                 parties: frozenset[str], others: tuple[list[Mention], set[Mention]] = ([], set())) -> list[Statement]:
    """One event per state voting so: the frame's subjects and the states listed with the vote (or
    on "- State" lines under it); the parties to the war are not counted among the voters. ``others``:
    the subjects of the sentence's later vote verbs and the states of its earlier ones; a list that
    is the subject of a later vote ("voted for it, Kazakhstan and Kyrgyzstan abstained") is not this
    vote's, and a subject shared with an earlier vote is not when the verb lists its own states
    («проголосовали Молдова и Грузия, воздержались Казахстан и Киргизия»)."""
    sentence = frame.sentence
    later, earlier = others
    listed = listed_states(doc.text, resolver.states_in(sentence), frame.start, frame.end, resolver.folders)
    if not (listed and listed[0].start >= frame.end and not doc.text[frame.end:listed[0].start].strip(" :—–-")):
        listed = [m for m in listed if m not in later]  # a list right after the verb is its own
    if subjects_follow(frame):  # «..., a przeciw – tylko Białoruś i Syria»: the states before are another vote's
        listed = [m for m in listed if m.start >= frame.end]
    states = [m for m in frame.subjects if not (listed and m in earlier)] + listed
    spans: list[tuple[Sentence, Mention]] = [(sentence, m) for m in dict.fromkeys(states) if m.type == "state"]
    if not spans and not resolver.states_in(sentence):  # a header line over "- State" lines
        spans.extend(bullet_states(doc, resolver, sentence))
    out = []
    seen: set[str] = set()
    for where, m in spans:
        if m.entity_id and m.entity_id not in seen and m.entity_id not in parties:
            seen.add(m.entity_id)
            out.append(Statement("event", where.start, where.end, subject=m.entity_id, predicate=kind,
                                 object="UN resolution", modality="asserted", confidence=0.6, extractor="events.votes",
                                 cue=doc.text[frame.start:frame.end], unit=action, factuality=frame.factuality,
                                 subject_span=(m.start, m.end)))
    return out


def _source(resolver: ActorResolver, builder: FrameBuilder, frame: Frame) -> Mention | None:
    """"Russia has received missiles from Iran": the supplier after "from" acts (AID)."""
    pack = builder.pack
    if pack is None or frame.lemma not in pack.stance_classes.get("receive", frozenset()):
        return None
    for m in resolver.in_sentence(frame.sentence):
        if m.start >= frame.target_start and m.type == "state":  # the target span: German puts it before
            before = builder.doc.text[frame.target_start:m.start].casefold().split()
            if before and before[-1] in pack.grammar.get("supplier_prepositions", ()) and _supplied(pack, before):
                return m
    return None


def _supplied(pack: LanguagePack, words: list[str]) -> bool:
    """What was received is arms or aid, and not denied ("received no request from Minsk")."""
    negation = pack.grammar.get("negation", frozenset())
    goods = pack.union("targets", "military", "aid")
    if any(w in negation for w in words):
        return False
    return not pack.english or any(w in goods or w.rstrip("s") in goods for w in words)


def find_events(doc: Doc, resolver: ActorResolver, modality: SentenceModality, builder: FrameBuilder,
                parties: frozenset[str] = frozenset()) -> list[Statement]:
    pack = builder.pack
    if pack is None:
        return []
    out: list[Statement] = []
    seen_text: set[str] = set()
    adoption = _adoption_words(pack.code, builder.folders)
    for sentence in doc.sentences:
        if builder.is_furniture(sentence):
            continue
        if pack.slavic and (_title_or_repeat(doc, sentence, seen_text) or builder.before_body(sentence)):
            continue
        if builder.is_headline(sentence) and _headline_line(doc, sentence):
            continue  # the headline: the body tells its act, and the gold follows the body
        adopted = _adoption(resolver, sentence, doc.text[sentence.start:sentence.end], adoption) \
            if adoption is not None else []
        out.extend(adopted)
        seen: set[tuple[str, str]] = {(str(e.subject), "") for e in adopted}  # the assembly's act, once
        frames = builder.frames(sentence)
        rest = []
        votes_of = [(frame, _vote(pack, builder, frame)) for frame in frames]
        voting = [f for f, vote in votes_of if vote is not None]
        voted: set[Mention] = set()  # the states of the sentence's votes so far
        for frame, vote in votes_of:  # votes first: a state that voted has its vote as its event of the sentence
            if vote is not None and frame.factuality not in ("planned", "conditional", "asked", "opinion", "denied") \
                    and not _habitual_vote(builder, frame):
                later = [m for f in voting if f.start > frame.end for m in f.subjects if m.start > frame.end]
                votes = _vote_events(doc, resolver, builder, frame, vote[0], vote[1], parties, (later, set(voted)))
                voted.update(m for f in voting if f is frame for m in f.subjects)
                voted.update(m for m in resolver.states_in(sentence) if any(e.subject_span == (m.start, m.end)
                                                                              for e in votes))
                seen.update((str(e.subject), "") for e in votes)
                out.extend(votes)
            else:
                rest.append(frame)
        produced = []
        acts = 0  # events of the sentence so far from verbs that are no speech verbs
        for frame in rest:
            if acts and _trailing_source(builder, frame):
                continue
            found = _frame_events(doc, resolver, modality, builder, frame, seen)
            acts += len(found) if frame.lemma not in pack.speech else 0
            produced.append((frame, found))
        out.extend(e for frame, events in _without_reporting(pack, produced) for e in events
                   if not _closing_attribution(doc, pack, frame, e))
    return out


def _closing_attribution(doc: Doc, pack: LanguagePack, frame: Frame, event: Statement) -> bool:
    """English: a verb of reporting that closes the sentence after a comma or a quote ("Kazakhstan
    does not support the war, Tokayev's spokesman told reporters", "..., Orbán told a rally in
    Budapest", ``attribution_verbs``) names the source of what the sentence says, as "said" does: no
    speech act of its own ("..., Lukashenko admitted" stays one: an admission is an act)."""
    if not pack.english or event.predicate != "SAY" or frame.lemma not in pack.grammar.get("attribution_verbs", ()):
        return False
    sentence = frame.sentence
    before = doc.text[sentence.start:frame.start]
    cut = max(before.rfind(c) for c in ",\"”")
    if cut < 0 or len(before[cut + 1:].split()) > 6 or not any(cut < m.start - sentence.start for m in frame.subjects):
        return False  # the speaker, with a title at most, between the comma or quote and the verb
    if any(w in pack.union("grammar", "complementizers", "relative") for w in before[cut + 1:].casefold().split()):
        return False
    after = doc.text[frame.end:sentence.end].casefold().split()
    joins = pack.grammar.get("complementizers", frozenset()) | {"to"}
    return len(after) <= 6 and not joins & {w.strip(".,;:!?") for w in after}


def _without_reporting(pack: LanguagePack, produced: list[tuple[Frame, list[Statement]]]
                       ) -> list[tuple[Frame, list[Statement]]]:
    """A verb of reporting (``reporting_verbs`` in grammar.toml: "said", "told", "admitted",
    «заявил», «признал») whose clause reports an act done ("Armenia has frozen its participation
    in the CSTO, Pashinyan told parliament", «Белоруссия предоставила территорию, признал
    Лукашенко»; not a state of affairs: "admitted that Belarus is taking part") is no event of its
    own: the act is the event, the speaker its source. A confirmation, a denial or an announcement
    is an act in itself and stays."""
    if not any(events for _f, events in produced):
        return produced  # no events: nothing to drop (most sentences)
    reporting = pack.grammar.get("reporting_verbs", frozenset())
    acts = [f for f, events in produced if f.speaker is not None and f.factuality == "done" and
            any(e.predicate != "SAY" for e in events)]  # an act done, not a state ("is taking part")

    def reports(f: Frame) -> bool:  # the speaker of an act, not the act's own subject sharing a second
        # verb ("Georgia has expelled a diplomat and recalled its envoy, the ministry said")
        return f.lemma in reporting and bool(f.subjects) and any(
            g.speaker == f.subjects[0] and f.subjects[0] not in g.subjects for g in acts)

    return [(f, [] if reports(f) else events) for f, events in produced]


def _trailing_source(builder: FrameBuilder, frame: Frame) -> bool:
    """Russian and Ukrainian: a speech verb after a comma or dash that closes a clause reporting an
    act («Минск согласился принять оружие, заявил министр обороны», «..., сообщил журналистам
    Пашинян») names the source of that act, not an event of its own."""
    pack = builder.pack
    if pack is None or not pack.slavic or frame.lemma not in pack.speech:
        return False
    words = builder.words(frame.sentence)
    return frame.word > 1 and words[frame.word - 1].text in (",", "—")


def _habitual_vote(builder: FrameBuilder, frame: Frame) -> bool:
    """Russian and Ukrainian: a present-tense vote with an adverb of habit in its clause
    («неизменно голосуют против», «традиційно голосують»: ``habitual_adverbs`` in grammar.toml) tells a
    pattern of votes, no one vote (a stance, no event)."""
    pack = builder.pack
    if pack is None or not pack.slavic or frame.factuality not in ("ongoing", "present"):
        return False
    habit = pack.grammar.get("habitual_adverbs", frozenset())
    return any(w.low in habit for w in builder.words(frame.sentence)
               if frame.clause_start <= w.start < frame.clause_end)


@register("events.rules")
def rule_events(doc: Doc, resolver: ActorResolver, modality: SentenceModality,
                builder: FrameBuilder) -> list[Statement]:
    """The rule events, the parties to the pack's war issue left out of the voters."""
    from ..kb.langdata import load_issues

    issue = load_issues().get(builder.pack.issue if builder.pack else "")
    events = find_events(doc, resolver, modality, builder, issue.excluded_actors if issue else frozenset())
    events = without_repeats(doc, without_repeated_title(doc, events))
    if builder.pack is None or not builder.pack.slavic:
        return events
    return _without_recalled_repeats(doc, builder.pack, _without_repeated_figures(doc, events))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _without_recalled_repeats(doc: Doc, pack: LanguagePack, events: list[Statement]) -> list[Statement]:
    """Russian and Ukrainian: a sentence opening with a reminder (``reminders`` in grammar.toml:
    «Нагадаємо, що вночі Росія атакувала Одесу», «Напомним, ...») that tells an act of the same actor
    and type as an earlier event of the page repeats that event, by the same verb or a third of its
    words told again: it is counted once. A recap of another act of that type («Напомним, летом
    Кишинев уже сократил штат посольства» after «Молдавия объявила персоной нон грата сотрудника
    посольства») is an event of its own, and so is one naming a year that neither the page's date nor the
    earlier sentence has («Нагадаємо, у 2023 році Польща вже закривала пункт пропуску» on a page of 2025)."""
    reminders = tuple(pack.grammar.get("reminders", frozenset()))
    kept: list[Statement] = []

    def _other_year(e: Statement, k: Statement) -> bool:
        years = set(_YEAR.findall(doc.text[e.start:e.end])) - set(_YEAR.findall(doc.text[k.start:k.end]))
        return bool(years - {(doc.published or "")[:4]})

    def told_again(e: Statement, k: Statement) -> bool:
        if _other_year(e, k):
            return False
        if (e.cue or "").casefold()[:5] == (k.cue or "").casefold()[:5]:
            return True  # «атакувала» twice: one act
        own = _word_set(doc.text[e.start:e.end]) - set(reminders)
        return len(own & _word_set(doc.text[k.start:k.end])) * 3 >= len(own)

    for e in events:
        opening = doc.text[e.start:e.start + 30].casefold().lstrip("«\"„ ")
        if reminders and opening.startswith(reminders) and any(
                (k.subject, k.predicate) == (e.subject, e.predicate) and k.start < e.start and told_again(e, k)
                for k in kept):
            continue
        kept.append(e)
    return kept


def without_repeats(doc: Doc, events: list[Statement]) -> list[Statement]:
    """A page that repeats a sentence (a duplicated body) gives its event once (per verb), and a state's vote
    of one kind is counted once (a voting list repeated under a header line)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for e in events:
        text = " ".join(doc.text[e.start:e.end].split()).casefold()
        keys = [(e.subject, e.predicate, text, (e.cue or "").casefold())]  # two verbs of one type in a
        # sentence ("signed and ratified") are two acts
        if e.extractor == "events.votes":
            keys.append((e.subject, e.predicate, "vote", ""))
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        out.append(e)
    return out


def _without_repeated_figures(doc: Doc, events: list[Statement]) -> list[Statement]:
    """A later event of the same actor and type whose sentence repeats a figure of the earlier
    one's (a quotation repeating the lead: «заключили ... 417 тысяч» twice) is the same event."""
    def figures(s: Statement) -> set[str]:  # counts, not years
        found = re.findall(r"\d[\d\s.,]*\d|\d", doc.text[s.start:s.end])
        return {f for f in found if not re.fullmatch(r"(19|20)\d\d", f)}

    kept: list[Statement] = []
    for e in events:
        own = figures(e)
        if own and any((k.subject, k.predicate) == (e.subject, e.predicate) and own & figures(k) for k in kept):
            continue
        kept.append(e)
    return kept


def _frame_events(doc: Doc, resolver: ActorResolver, modality: SentenceModality, builder: FrameBuilder,
                  frame: Frame, seen: set[tuple[str, str]]) -> list[Statement]:
    kind = event_type(builder, frame)
    if kind is not None and _pledge_of_clause(builder, frame):
        kind = "SAY"
    if kind is not None and _condemning_label(builder, frame):
        kind = "ACCUSE"  # "called the invasion a crime": a condemnation (CAMEO: call ... criminal, ACCUSE)
    if kind == "SUPPORT" and _sided_in_vote(builder, frame) == "RUS":
        kind = "REJECT"  # "backed Moscow in the vote", "sided with Russia in the vote": a vote against
    refused = _sanctions_not_joined(builder, frame)
    if refused:
        kind = "REJECT"  # «не присоединилась к санкциям»: a refusal to join sanctions is an event (guidelines)
    source = _source(resolver, builder, frame) if frame.is_act() else None
    if source is not None:
        kind = "AID"
    if kind == "ABSTAIN" and _abstained_from_position(builder, frame):
        return []  # "abstained from recognising the annexation": a position (the stance), no vote nor act
    g = builder.pack.grammar if builder.pack else {}
    opinion = pack_union(builder.pack, "grammar", "opinion", "copulas", "attitude_verbs", "negative_implicatives")
    # a view, a state or attitude held, an act not done: no event
    spoken_we = frame.we and frame.speaker is not None and frame.is_act() and frame.factuality == "done" and \
        frame.speaker.type in ("state", "government_body", "person")  # "\"We have banned ...,\" the ministry
    # said": the speaker's own act, reported in the first person
    if kind is None or not (frame.is_act() or refused) or (frame.we and not spoken_we) or frame.lemma in opinion or \
            _habitual(builder, frame) or _attitude(builder, frame) or _aspect_of_gerund(builder, frame) or \
            _stopped_short(builder, frame):
        return []  # an opinion ("Putin thought ...") is no event; "continued enlisting": the gerund is
    if _judged_act(builder, frame) or kind == "AID" and source is None and _referred(builder, frame):
        return []  # "..., a move the Kremlin called unfriendly"; "sent it to the president for signature"
    if kind == "REJECT" and _declined_comment(builder, frame):
        return []  # "the embassy declined to comment": no act
    actors = [source] if source is not None else list(frame.subjects)
    actors = [m for m in actors if not _member_of(builder, m)]  # "a Duma deputy": not the Duma
    if spoken_we and not actors and frame.speaker is not None:
        actors = [frame.speaker]  # an official's "we" is the government: its state (as_state below)
    actors = [_office_holder(builder, frame, m) or m for m in actors]
    owner = _owner_of_organ(builder, frame)
    if owner is not None:
        actors = [owner]  # "Lukashenko said his army had detained ...": the state of the army's owner
    if not actors:
        agent = _reduced_passive_agent(resolver, builder, frame)
        actors = [agent] if agent is not None else []
    summoner = _summoning_body(builder, frame, actors)
    if summoner is not None:
        actors = [summoner]
    recruited = False
    if not actors and kind == "MOBILIZE" and builder.pack is not None and builder.pack.slavic \
            and frame.subject_word is None:
        recruiter = _recruiter(builder, frame)
        actors, recruited = ([recruiter], True) if recruiter is not None else ([], False)
    if not actors:
        return []  # a passive without its agent, or a subject that is no named actor
    if kind == "SAY" and all(m.type == "media" for m in actors):
        return []  # an outlet reporting is the source, not an actor
    if kind == "SAY" and _talks_with(builder, frame):
        kind = "CONSULT"  # "spoke by phone with Putin": talks (CAMEO 04 consult)
    elif kind == "SAY" and _plain_speech(builder, frame):
        return []  # "spoke about", "commented on": talk, not an announcement with effect
    targets = [m for m in resolver.in_sentence(frame.sentence) if frame.target_start <= m.start < frame.target_end
               and m not in actors]
    labels = tuple(dict.fromkeys(resolver.label(t) for t in targets[:3]))
    out = []
    for actor in actors:
        as_state = recruited or frame.subject_word == "state_body" or owner is not None or spoken_we
        # a body named by a common noun, or the speaker of a quoted "we": its state
        label = (resolver.state_of(actor) or resolver.label(actor)) if as_state else resolver.label(actor)
        if _people_of(builder, actor):
            label = actor.text  # "another 13 Russians volunteered": a group of people (the guidelines), not the state
        in_clause = f"{kind}@{frame.clause_start}>"
        joined = any("," not in doc.text[int(k[len(in_clause):]):frame.start] for who, k in seen
                     if who == label and k.startswith(in_clause))  # "A and B", not a list "A, B and C"
        another = (label, kind) not in seen or joined and (label, "=" + frame.lemma) not in seen \
            and frame.lemma not in g.get("topic_verbs", frozenset())  # "met Lavrov and discussed transit": one act
        if (label, "") in seen and not (another and kind not in _SAID_ACTS
                                        and (_coordinated(builder, frame) or _after_relative(builder, frame, actor)
                                             or _in_place_clause(builder, frame))
                                        or (label, kind) not in seen and _accompanying(builder, frame)):
            continue  # one event per actor and sentence: its first act (the main clause comes first)
        seen.update({(label, ""), (label, kind), (label, in_clause + str(frame.end)), (label, "=" + frame.lemma)})
        # a second act joined by "and" is kept: of another type, or another verb of the type joined to one
        # in the same clause ("signed and ratified", "visited Brussels and met"; not a verb of a clause after
        # a colon, nor the last of a list of acts, "provides territory, treats the wounded and supplies food")
        ref = MentionRef(actor.start, actor.end, label)
        direct = source is not None or frame.sentence.start <= actor.start < frame.sentence.end
        out.append(EventRecord(
            frame.sentence.start, frame.sentence.end, ref, kind, _action(doc, frame), labels,
            MentionRef.of(resolver, frame.speaker), frame.factuality, modality.of(frame.sentence),
            confidence(0.6, frame, direct), "frames", doc.text[frame.start:frame.end]).row())
    return out


def _accompanying(builder: FrameBuilder, frame: Frame) -> bool:
    """English: an act in an -ing form after a comma that the frame builder gave the subject of the act
    before it (``adverbial_acts``: "Finland closed its crossings, accusing Moscow of ..."): a second act
    of the actor in the sentence, kept beside its first."""
    pack = builder.pack
    if pack is None or not pack.english or not frame.is_act():
        return False
    words = builder.words(frame.sentence)
    return 0 < frame.word < len(words) and words[frame.word - 1].text == "," and words[frame.word].low.endswith("ing")


def _declined_comment(builder: FrameBuilder, frame: Frame) -> bool:
    """A refusal to speak ("declined to comment", "refused to confirm": the infinitive one of
    ``declined_comment_verbs``, as predictions read "would not comment"; «отказался комментировать»,
    «відмовився від коментарів»: the infinitive or the noun after the verb) tells no act."""
    pack = builder.pack
    if pack is None or not (pack.english or pack.slavic):
        return False
    words = builder.words(frame.sentence)
    after = [w for w in words if w.start >= frame.end][:3]
    declined = pack.grammar.get("declined_comment_verbs", ())
    if pack.slavic:  # «отказался комментировать», «відмовився від коментарів»
        after = [w for w in after if w.upos != "ADP"]
        return bool(after) and after[0].lemma in declined
    return len(after) >= 2 and after[0].low == "to" and after[1].low in declined


def _judged_act(builder: FrameBuilder, frame: Frame) -> bool:
    """English: "..., a move the Kremlin called unfriendly": a judging verb (``naming_verbs``) in a
    relative clause on an act noun (``appraised_acts``) after a comma judges the act, no event."""
    g = builder.pack.grammar if builder.pack else {}
    if frame.lemma not in g.get("naming_verbs", frozenset()):
        return False
    words = builder.words(frame.sentence)
    before = words[max(0, frame.word - 6):frame.word]
    comma = max((k for k, w in enumerate(before) if w.text in (",", "—", "–")), default=None)
    if comma is None:
        return False
    stretch = before[comma + 1:]
    return len(stretch) >= 2 and stretch[0].upos == "DET" and stretch[1].low in g.get("appraised_acts", frozenset())


def _referred(builder: FrameBuilder, frame: Frame) -> bool:
    """English: "passed the bill and sent it to the president": a text sent on, after a pronoun for it,
    to an office (``referral_recipients``) is a step of procedure, no aid."""
    g = builder.pack.grammar if builder.pack else {}
    recipients = g.get("referral_recipients", frozenset())
    if not recipients:
        return False
    words = builder.words(frame.sentence)
    after = [w.low for w in words[frame.word + 1:frame.word + 6]]
    if not after or after[0] not in ("it", "them", "this"):
        return False
    rest = after[1:]
    if "to" not in rest:
        return False
    nxt = [w for w in rest[rest.index("to") + 1:] if w not in ("the", "a")]
    return bool(nxt) and nxt[0] in recipients


def _member_of(builder: FrameBuilder, m: Mention) -> bool:
    """English: "a Duma deputy", "a member of the State Duma": a body named as the one a member
    (``member_nouns``) sits in is not the one acting."""
    g = builder.pack.grammar if builder.pack else {}
    members = g.get("member_nouns", frozenset())
    if not members or m.type not in ("government_body", "organization"):
        return False
    text = builder.doc.text
    after = text[m.end:m.end + 20].split()
    before = text[max(0, m.start - 20):m.start].casefold().split()
    return bool(after) and after[0].casefold().strip(".,;:") in members or \
        len(before) >= 2 and before[-1] in ("of", "the") and (before[-2] in members or len(before) >= 3 and
                                                              before[-1] == "the" and before[-2] == "of"
                                                              and before[-3] in members)


def _office_holder(builder: FrameBuilder, frame: Frame, m: Mention) -> Mention | None:
    """Russian and Ukrainian: a state's adjective before an office one person holds (``single_offices``:
    «армянский министр провёл переговоры», «білоруський президент підписав») names the person of that
    state the text spoke of last, in this sentence before it or in the four before (the guidelines: an
    official acts as a person); ``None`` where the text named none."""
    pack = builder.pack
    if pack is None or not pack.slavic or m.kind != "demonym" or m.type != "state":
        return None
    after = [w for w in builder.words(frame.sentence) if w.start >= m.end][:1]
    if not after or after[0].lemma not in pack.grammar.get("single_offices", frozenset()):
        return None
    sentences = builder.doc.sentences
    at = next((n for n, s in enumerate(sentences) if s.start == frame.sentence.start), 0)
    resolver = builder.resolver
    for sentence in [frame.sentence] + list(reversed(sentences[max(0, at - 4):at])):
        people = [p for p in resolver.in_sentence(sentence) if p.type == "person" and p.end <= m.start
                  and resolver.state_of(p) == m.entity_id]
        if people:
            return people[-1]
    return None


def _summoning_body(builder: FrameBuilder, frame: Frame, actors: list[Mention]) -> Mention | None:
    """Russian and Ukrainian: a verb of summoning (``summon_verbs``) with no agent, or with only the body
    summoned to as its subject, names its summoner by the place of the summons («посол был вызван в МИД
    Белоруссии», «посла викликали до МЗС України»): the body's state, else, for a bare «МИД», «МЗС», the
    state the text is about."""
    pack = builder.pack
    if pack is None or not pack.slavic or frame.lemma not in pack.grammar.get("summon_verbs", frozenset()):
        return None
    words = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:6]
    into = pack.grammar.get("in_prepositions", frozenset()) | pack.grammar.get("towards", frozenset())
    at = next((w for w in words if w.low in into), None)
    if at is None:
        return None
    body = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start > at.start
                 and not builder.doc.text[at.end:m.start].strip()), None)
    nxt = words[words.index(at) + 1] if words.index(at) + 1 < len(words) else None
    bodies = pack.grammar.get("state_nouns", frozenset())
    if body is None and not actors and nxt is not None and (nxt.low in bodies or nxt.lemma in bodies):
        return builder.context_state(frame.sentence, frame.sentence.start)  # «до МЗС» read as the page's own
    if body is None or body.type not in ("government_body", "organization", "unowned_body") or \
            any((a.start, a.end) != (body.start, body.end) for a in actors):
        return None
    owner = next((m for m in builder.resolver.in_sentence(frame.sentence) if body.start <= m.start
                  and m.end <= body.end + 12 and m.type == "state"), None)
    if owner is not None or builder.resolver.state_of(body):
        return owner or body
    return builder.context_state(frame.sentence, frame.sentence.start)


def _owner_of_organ(builder: FrameBuilder, frame: Frame) -> Mention | None:
    """English: a state organ owned by a person's pronoun as the subject ("his government had
    closed the border", "her army detained"): the person it stands for (the speaker of the clause,
    else its subject), whose state acts; ``None`` otherwise."""
    pack = builder.pack
    if pack is None or not pack.english:
        return None
    words = builder.words(frame.sentence)
    n = frame.word - 1
    while n > 0 and words[n].upos in ("AUX", "PART", "ADV"):
        n -= 1
    organs = pack.union("grammar", "state_nouns", "force_nouns")
    if n >= 1 and f"{words[n - 1].low} {words[n].low}" in pack.grammar.get("pronouns_state", frozenset()):
        organs = organs | {words[n].low}  # "his country had sent": the person's state
    if n < 1 or words[n].low not in organs or \
            words[n - 1].low not in pack.grammar.get("pronouns_person", frozenset()):
        return None
    person = frame.speaker if frame.speaker is not None and frame.speaker.type == "person" else next(
        (m for m in frame.subjects if m.type == "person"), None)
    return person if person is not None and builder.resolver.state_of(person) else None


def _abstained_from_position(builder: FrameBuilder, frame: Frame) -> bool:
    """"abstained from recognising", "abstained from condemning": refraining from taking a position
    (the stance classes recognise, condemn, support) is the stance, no event; refraining from an act
    ("abstain from financing the CSTO") is a decision, an event."""
    pack = builder.pack
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:2]
    if pack is None or len(after) < 2 or after[0].low != "from":
        return False
    classes = ("recognise", "condemn", "support")
    return any(after[1].lemma in pack.stance_classes.get(c, frozenset()) for c in classes)


def _sanctions_not_joined(builder: FrameBuilder, frame: Frame) -> bool:
    """A verb of joining (the language's ``joining``), negated and done or under way, with sanctions as
    what is joined («не присоединилась к западным санкциям», «не приєднався до санкцій», "hat sich den
    Sanktionen nicht angeschlossen"): the guidelines code a refusal to join sanctions as an event
    (REJECT), with no stance."""
    pack = builder.pack
    if pack is None or not frame.negated or frame.factuality not in ("done", "ongoing"):
        return False
    if frame.lemma not in pack.grammar.get("joining", frozenset()):
        return False
    before = [w.low for w in builder.words(frame.sentence) if w.end <= frame.start][-3:]
    if set(before) & pack.grammar.get("not_yet", frozenset()):
        return False  # «пока не присоединился»: not yet, a state of affairs, no decision reported
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end][:6]
    return any(w.lemma in pack.targets.get("sanctions", frozenset()) for w in words)  # "hat sich den ... Sanktionen"


def _condemning_label(builder: FrameBuilder, frame: Frame) -> bool:
    """English: a labelling verb with a word of condemnation in its object ("called it a crime")."""
    pack = builder.pack
    if pack is None or not pack.english or frame.lemma not in pack.stance_classes.get("label", frozenset()):
        return False
    condemning = pack.targets.get("condemning", frozenset())
    return any(w.lemma in condemning or w.low in condemning for w in builder.words(frame.sentence)
               if frame.target_start <= w.start < frame.target_end)


def _sided_in_vote(builder: FrameBuilder, frame: Frame) -> str | None:
    """English: the party to the war a state backed or sided with in a vote ("Syria and Eritrea
    backed Moscow in the vote"): the state named first after the verb ("with" and determiners
    between), in a sentence about a vote; ``None`` otherwise."""
    pack = builder.pack
    if pack is None or not pack.english:
        return None
    voting = pack.targets.get("voting", frozenset())
    if not any(w.lemma in voting or w.low in voting for w in builder.words(frame.sentence) if w.start >= frame.end):
        return None
    first = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= frame.end), None)
    if first is None:
        return None
    gap = builder.doc.text[frame.end:first.start].casefold().split()
    if any(w not in ("with", "the") for w in gap):
        return None
    state = builder.resolver.state_of(first)
    return state if state in ("RUS", "UKR") else None


def _plain_speech(builder: FrameBuilder, frame: Frame) -> bool:
    """English: a verb CAMEO files as a statement (SAY) that is no speech event of the pack's list
    ("speak", "comment", "discuss"): the guidelines count announcements, confirmations, denials and
    warnings, not talk."""
    pack = builder.pack
    if pack is None or not pack.english or frame.lemma in pack.grammar.get("speech_events", frozenset()):
        return False
    return pack.event_types.get(frame.lemma) == "SAY" and frame.lemma not in pack.grammar.get(
        "pledge", frozenset())


def _talks_with(builder: FrameBuilder, frame: Frame) -> bool:
    """English: a verb of talking with "with" among the next four words ("spoke by phone with"), or
    with two parties or more as its subject ("Zelensky and Aliyev discussed energy supplies"): talks
    (CAMEO 04, whose DISCUSS block is coded 040)."""
    pack = builder.pack
    if pack is None or not pack.english or frame.lemma not in pack.grammar.get("talk_verbs", frozenset()):
        return False
    if len({m.entity_id or m.text for m in frame.subjects}) > 1:
        return True
    return any(w.low == "with" for w in [x for x in builder.words(frame.sentence) if x.start >= frame.end][:4])


#: PLOVER types of what is said rather than done (CAMEO's verbal classes 01-03, 10, 11 and 13: a
#: statement, an appeal, a pledge, a condemnation, a threat): joined by "and" to an act ("condemned
#: the attack and called on the world to ...", «осудила ... и пообещала ответные меры», "expelled two
#: diplomats and condemned the aggression") they are no second event.
_SAID_ACTS = frozenset({"SAY", "REQUEST", "AGREE", "THREATEN", "ACCUSE"})


def _reduced_passive_agent(resolver: ActorResolver, builder: FrameBuilder, frame: Frame) -> Mention | None:
    """English: a past participle after its noun with "by" and an actor right after it ("sanctions
    imposed by Japan took effect", "a decree issued by Tokayev"): the agent acts, as in a passive."""
    pack = builder.pack
    if pack is None or not pack.english or frame.subjects:
        return None
    words = builder.words(frame.sentence)
    by = words[frame.word + 1] if frame.word + 1 < len(words) else None
    if by is None or by.low != "by" or not words[frame.word].low.endswith(("ed", "en", "t")):
        return None
    after = [w for w in words[by.i + 1:by.i + 3] if w.upos != "DET"]
    first = after[0].start if after else -1
    return next((m for m in resolver.in_sentence(frame.sentence) if m.start == first and m.type != "media"), None)


def _coordinated(builder: FrameBuilder, frame: Frame) -> bool:
    """A verb joined to the one before it by a coordinating conjunction, with no subject of its own
    ("closed the crossing and detained two drivers", «закрыл пункт пропуска и задержал водителей»):
    a second act of the same actor. The conjunctions are grammar.toml's ``conjunctions`` or, where
    the tagger marks them (Russian, Ukrainian), any ``CCONJ``."""
    pack = builder.pack
    if pack is None or frame.word == 0:
        return False
    words = builder.words(frame.sentence)
    clitics = pack.grammar.get("clitics", frozenset())
    n = frame.word - 1
    # "and then detained", «и сразу задержал»; the auxiliary and clitics of a compound past before the
    # participle ("et a expulsé", "e ha espulso", "și a expulzat", "et les a expulsés")
    while n > 0 and frame.word - n <= 3 and (words[n].upos in ("ADV", "AUX") or words[n].low in clitics
                                              or pack.english and words[n].upos == "PART" and words[n].lemma != "not"):
        n -= 1  # English adverbs read as particles ("but later froze")
    if pack.english and n > 0 and words[n].low in ("it", "they") and frame.word - n <= 4:
        n -= 1  # "..., but it later froze": the pronoun for the actor before the conjunction
    before = words[n]
    return before.upos == "CCONJ" or before.low in pack.grammar.get("conjunctions", frozenset())


def _after_relative(builder: FrameBuilder, frame: Frame, actor: Mention) -> bool:
    """The main verb after a relative clause set off by commas on its subject ("Tokayev, who
    refused to recognise the republics in 2022, met Putin", «Токаев, который отказался ..., встретился
    с Путиным»): a second act of the actor, besides the one the relative clause tells."""
    pack = builder.pack
    if pack is None or not actor.end <= frame.start:
        return False
    between = [w for w in builder.words(frame.sentence) if actor.end <= w.start and w.end <= frame.start]
    while between and between[-1].upos in ("AUX", "PART", "ADV"):
        between.pop()
    return len(between) >= 4 and between[0].text == "," and between[-1].text == "," and \
        (between[1].low in pack.grammar.get("relative", frozenset()) or between[1].lemma in pack.grammar.get(
            "relative", frozenset()))


def _in_place_clause(builder: FrameBuilder, frame: Frame) -> bool:
    """Russian and Ukrainian: the verb of a clause opened by a comma and a relative adverb of place
    (``place_relatives``: «посетил Париж, где подписал соглашение», «відвідав Париж, де підписав угоду»):
    a second act of the main clause's subject, done there."""
    pack = builder.pack
    if pack is None or not pack.slavic:
        return False
    before = [w for w in builder.words(frame.sentence) if w.end <= frame.start][-4:]
    while before and before[-1].upos in ("AUX", "PART", "ADV") and before[-1].low not in pack.grammar.get(
            "place_relatives", frozenset()):
        before.pop()
    return len(before) >= 2 and before[-2].text == "," and before[-1].low in pack.grammar.get(
        "place_relatives", frozenset())


def _people_of(builder: FrameBuilder, m: Mention) -> bool:
    """English: a nation's people named by a plural demonym alone ("Russians", "Palestinians"), not the state."""
    pack = builder.pack
    return pack is not None and pack.english and m.kind == "demonym" and m.text.endswith("s") and \
        builder.resolver.group_after(m) is None and not builder.doc.text[m.end:m.end + 2].startswith(("'", "’"))


def _pledge_of_clause(builder: FrameBuilder, frame: Frame) -> bool:
    """English: "pledged that its territory would not be used", "vowed that ...": a pledge with the
    clause said is a speech act (SAY), its clause a prediction; CAMEO's AGREE or THREATEN for
    "pledge" and "vow" read the pledge as the agreement or the threat itself."""
    pack = builder.pack
    if pack is None or not pack.english or frame.lemma not in pack.grammar.get("pledge", frozenset()) or \
            frame.lemma == "threaten":  # a threat is an act of its own (PLOVER THREATEN)
        return False
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:1]
    return bool(after) and after[0].low in pack.grammar.get("complementizers", frozenset())


def _aspect_of_gerund(builder: FrameBuilder, frame: Frame) -> bool:
    aspectual = builder.pack.grammar.get("aspectual", frozenset()) if builder.pack else frozenset()
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:1]
    return frame.lemma in aspectual and bool(after) and after[0].low.endswith("ing")


def _stopped_short(builder: FrameBuilder, frame: Frame) -> bool:
    """"stopped short of sending troops", "fell short of recognising": words after the verb
    (``short_of`` in grammar.toml) that say the act was not done."""
    idioms = builder.pack.grammar.get("short_of", frozenset()) if builder.pack else frozenset()
    after = " ".join([w.low for w in builder.words(frame.sentence) if w.start >= frame.end][:2])
    return any(after == i or after.startswith(i + " ") for i in idioms)


def _habitual(builder: FrameBuilder, frame: Frame) -> bool:
    """"has supported every resolution", "joined all such resolutions": a habit over many acts, no one event."""
    pack = builder.pack
    habitual = pack.grammar.get("habitual", frozenset()) if pack else frozenset()
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:4]
    if not after or after[0].low not in habitual or pack is None:
        return False
    repeated = pack.targets.get("voting", frozenset()) | pack.grammar.get("document_nouns", frozenset()) | {"such"}
    # many acts of one kind, votes or documents ("every resolution", "all such votes"); "closed all eight
    # crossing points" is one act on many things
    return any(w.low in repeated or w.lemma in repeated for w in after[1:])


def _attitude(builder: FrameBuilder, frame: Frame) -> bool:
    """"adopted a neutral position", "took a firm stance": a position held, not an act."""
    nouns = builder.pack.grammar.get("attitude_objects", frozenset()) if builder.pack else frozenset()
    head: list[str] = []
    for w in builder.words(frame.sentence):
        if w.start < frame.end:
            continue
        if w.upos in ("ADP", "PUNCT") or len(head) >= 4:
            break
        head.append(w.low)
    return bool(nouns) and any(w in nouns for w in head)


def _action(doc: Doc, frame: Frame) -> str:
    """The predicate and the first words of what it is about: "expelled a Russian diplomat"."""
    words = doc.text[frame.start:frame.target_end].split()
    return " ".join(words[:6]).rstrip(".,;:")


def without_repeated_title(doc: Doc, events: list[Statement]) -> list[Statement]:
    """A headline that repeats an event of the body (same actor and type, and a sentence sharing
    at least a third of the headline's words) is not a second event."""
    if not doc.sentences:
        return events
    title = doc.sentences[0]
    title_words = _word_set(doc.text[title.start:title.end])

    def repeated(e: Statement) -> bool:
        return any(b.start >= title.end and (b.subject, b.predicate) == (e.subject, e.predicate)
                   and len(title_words & _word_set(doc.text[b.start:b.end])) * 3 >= len(title_words)
                   for b in events)

    kept = [e for e in events if e.start >= title.end or not repeated(e)]
    lede = _dateline_lede(doc)
    if lede is None:
        return kept
    body = [_word_set(doc.text[s.start:s.end]) for s in doc.sentences if s.start >= lede]

    def retold(e: Statement) -> bool:  # a standfirst whose words a body sentence mostly has
        words = _word_set(doc.text[e.start:e.end])
        return bool(words) and any(len(words & b) * 2 >= len(words) for b in body)

    return [e for e in kept if e.start >= lede or e.start < title.end or not retold(e)]


def _dateline_lede(doc: Doc) -> int | None:
    """Where the body of a page starts when a line after the first opens with a dateline and
    reads as a sentence ("BISHKEK — Kyrgyzstan's central bank ordered ...", more than eight words):
    a full sentence between the headline and it is a standfirst, which the body tells again."""
    offset = doc.text.find("\n") + 1
    while 0 < offset < len(doc.text):
        end = doc.text.find("\n", offset)
        line = doc.text[offset:end if end >= 0 else None]
        if DATELINE.match(line) and len(line.split()) > 8:
            return offset
        if end < 0:
            return None
        offset = end + 1
    return None


def _word_set(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", text)}


@functools.lru_cache(maxsize=16)
def _adoption_words(code: str, folders: tuple[Path, ...] | None) -> re.Pattern[str] | None:
    """A verb of adoption, then within 60 characters a noun of what is adopted (``[adoption]`` of
    event_predicates_team.toml), or ``None`` where the language lists none."""
    table = language_data("event_predicates_team", code, folders).get("adoption", {})
    verbs, objects = [str(v) for v in table.get("verbs", [])], [str(o) for o in table.get("objects", [])]
    if not verbs or not objects:
        return None
    return re.compile(r"\b(" + "|".join(map(re.escape, verbs)) + r")\b.{0,60}\b(" + "|".join(map(re.escape, objects))
                      + ")", re.I)


def _adoption(resolver: ActorResolver, sentence: Sentence, text: str, adopted: re.Pattern[str]) -> list[Statement]:
    """An assembly of an alliance adopting a resolution is the alliance's act ("the UN General
    Assembly passed a resolution", "141 nations voted in favour of a UN General Assembly motion")."""
    hit = adopted.search(text)
    if not hit:
        return []
    if any(m.type == "state" and m.end <= sentence.start + hit.start() for m in resolver.in_sentence(sentence)):
        return []  # "Kazakhstan has voted in favour of the UN resolutions": the state's vote, not an adoption
    bodies = [m for m in resolver.in_sentence(sentence) if m.type == "alliance"]
    if not bodies:
        return []
    return [Statement("event", sentence.start, sentence.end, subject=bodies[0].entity_id, predicate="AGREE",
                      object="resolution", modality="asserted", confidence=0.55, extractor="events.adoption",
                      cue=hit.group(0), unit="adopted a resolution")]
