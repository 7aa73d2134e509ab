"""Events: a sentence reporting a done or ongoing act with a verb from the pack's PLOVER
lexicon (``event_verbs.toml``), its actor (the subject before the verb, the agent after "by" in
the passive, or a pronoun resolved backwards) and its target. Votes in a list give one event
per named state."""

from __future__ import annotations

import re

from .actors import ActorResolver, listed_states
from .doc import Doc, Mention, Sentence, Statement
from .lexicons import Lexicons, load_lexicons
from .modality import SentenceModality
from .tokens import analyzer_for, tokenize, word_key

__all__ = ["find_events"]

_PASSIVE = re.compile(r"\b(was|were|been|being|is|are|has been|have been)\s+(\w+\s+)?$", re.I)
_BY = re.compile(r"\bby\b", re.I)
_VOTE = re.compile(r"\b(abstained|abstain|voted (against|in favou?r|for)|voting against|did not vote|opposed it|"
                   r"countries that abstained|countries that voted against)\b", re.I)


_NOT_MAIN_VERB = re.compile(r"(\b(will|to|would|could|may|might|not|n't|who|which|that|those|having)"
                            r"(\s+(was|were|had|has|have|been))?\s+$)|(^|[.:;!?\n]\s*)$", re.I)


def _verb_en(doc: Doc, sentence: Sentence, lex: Lexicons) -> tuple[int, int, str] | None:
    text = doc.text[sentence.start:sentence.end]
    for match in lex.event_pattern_en.finditer(text):
        before = text[max(0, match.start() - 20):match.start()]
        if _NOT_MAIN_VERB.search(before):  # an infinitive, a future, a relative clause or a participle
            continue
        after = text[match.end():match.end() + 20]
        if re.match(r"\s+[A-Z][a-z]+ (convicts|fighters|prisoners|soldiers)\b", after):
            continue
        if not _subject_ready(doc, sentence.start + match.start(), before):
            continue
        if re.search(r"\b(i|we|you)\s+(\w+\s+)?$", before, re.I):
            continue  # the speaker's own words in a quotation: "we decided", "I gave"
        category = lex.event_verbs_en[match.phrase.casefold()]
        return sentence.start + match.start(), sentence.start + match.end(), category
    return None


def _verb_lemma(doc: Doc, sentence: Sentence, lex: Lexicons) -> tuple[int, int, str] | None:
    verbs = lex.event_verbs_lemma.get(doc.language or "", {})
    analyzer = analyzer_for(doc.language)
    for token in tokenize(doc.text[sentence.start:sentence.end]):
        category = verbs.get(word_key(token.text, analyzer))
        if category:
            return sentence.start + token.start, sentence.start + token.end, category
    return None


def _action(doc: Doc, start: int, sentence: Sentence) -> str:
    words = doc.text[start:sentence.end].split()
    return " ".join(words[:6]).rstrip(".,;:")


def find_events(doc: Doc, resolver: ActorResolver, modality: SentenceModality,
                lexicons: Lexicons | None = None) -> list[Statement]:
    lex = lexicons or load_lexicons()
    parties = lex.excluded_actors.get("russia_war_in_ukraine", frozenset())
    out: list[Statement] = []
    for sentence in doc.sentences:
        text = doc.text[sentence.start:sentence.end]
        if doc.language in (None, "en"):
            for vote in _VOTE.finditer(text):
                out.extend(_vote_events(doc, resolver, sentence, vote, parties))
            out.extend(_adoption(resolver, sentence, text))
        found = _verb_lemma(doc, sentence, lex) if doc.language in ("ru", "uk") else _verb_en(doc, sentence, lex)
        if found is None:
            continue
        start, end, category = found
        actor = None
        passive = doc.language not in ("ru", "uk") and _PASSIVE.search(doc.text[max(sentence.start, start - 20):start])
        if passive:
            agent = _BY.search(doc.text, end, sentence.end)
            after = [m for m in resolver.in_sentence(sentence) if agent and m.start >= agent.end()]
            if not after:
                continue  # a passive without its agent names no actor
            actor = after[0]
        if actor is None:
            actor = resolver.before(sentence, _skip_insertion(doc.text, sentence.start, start))
            source = [m for m in resolver.in_sentence(sentence) if m.start > end
                      and _RECEIVED_FROM.search(doc.text[start:m.start])]
            if source:  # "Russia has received missiles from Iran": Iran supplied them
                actor, category = source[0], "AID"
        if actor is None and doc.language in ("ru", "uk"):
            after = [m for m in resolver.in_sentence(sentence) if m.start >= end]
            actor = after[0] if after else None
        if actor is None and doc.language not in ("ru", "uk"):
            continue
        targets = [m for m in resolver.in_sentence(sentence) if m.start >= end and m is not actor]
        target = "; ".join(dict.fromkeys(resolver.label(t) for t in targets[:3])) or None
        for each in _joint(resolver, sentence, actor) if actor is not None else [None]:
            out.append(Statement(
                "event", sentence.start, sentence.end, subject=resolver.label(each) if each else None,
                predicate=category, object=target, modality=modality.of(sentence),
                speaker=modality.speaker(sentence), confidence=0.5, extractor="events.verbs",
                cue=doc.text[start:end], unit=_action(doc, start, sentence)))
    return out


_SUBJECT_WORD = re.compile(
    r"(\b(he|she|it|they|we|i|who|has|have|had|was|were|is|are|been|also|then|later|reportedly|recently|already|"
    r"officially|formally|allegedly|previously|now|finally|ultimately|jointly|\w+ly|authorities|officials|"
    r"government|administration|forces|police|agency|ministry|leader|president|minister|court|army|military|"
    r"troops|commanders|office|service|bank|banks|parliament|council|committee|investigators|prosecutors)|"
    r"[\"”’)])\s*$", re.I)
_TIME_PHRASE = re.compile(
    r"\s*(,\s*)?\b(on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (week|month|year)|this week|"
    r"earlier this (week|month|year)|earlier|yesterday|today|in (january|february|march|april|may|june|july|august|"
    r"september|october|november|december))(\s*,)?\s*$", re.I)
_RECEIVED_FROM = re.compile(r"\b(received|receives|obtained|acquired|bought|purchased)\b[^.]{0,80}?\bfrom\s+$", re.I)


_INSERTION = re.compile(r",[^,]{3,90},\s*$")


def _skip_insertion(text: str, sentence_start: int, verb_start: int) -> int:
    """"Kim Jong Un, during talks with Putin, expressed ...": the subject stands before the insertion."""
    hit = _INSERTION.search(text, max(sentence_start, verb_start - 100), verb_start)
    return hit.start() if hit else verb_start


def _subject_ready(doc: Doc, verb_start: int, before: str) -> bool:
    """English word order: the verb follows its subject (a name, a pronoun, an auxiliary or an
    adverb), not a bare noun ("prisoners killed in ..." is a reduced relative clause)."""
    if _INSERTION.search(doc.text, max(0, verb_start - 100), verb_start):
        return True  # "X, during talks with Y, expressed": the insertion closes before the verb
    trimmed = _TIME_PHRASE.sub(" ", before)
    gap = len(before) - len(trimmed.rstrip()) + 1
    if any(m.end <= verb_start and verb_start - m.end <= max(2, gap) for m in doc.mentions):
        return True
    return bool(_SUBJECT_WORD.search(trimmed))


_JOINT_GAP = re.compile(r"^(,\s*|\s+and\s+|\s+as well as\s+|,\s+and\s+|\s+и\s+|\s+і\s+|\s+та\s+)$", re.I)


def _joint(resolver: ActorResolver, sentence: Sentence, actor: Mention) -> list[Mention]:
    """"The United States, Canada and Britain imposed": one event per state named as joint actors."""
    text = resolver.doc.text
    group = [actor]
    earlier = sorted((m for m in resolver.in_sentence(sentence) if m.end <= actor.start), key=lambda m: -m.end)
    for m in earlier:
        if not _JOINT_GAP.match(text[m.end:group[-1].start]):
            break
        group.append(m)
    actors = all(resolver.state_of(m) or m.type == "alliance" for m in group)
    return list(reversed(group)) if len(group) > 1 and actors else [actor]


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

    return [e for e in events if e.start >= title.end or not repeated(e)]


def _word_set(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", text)}


_ADOPTED = re.compile(r"\b(adopted|passed|approved|voted in favou?r of)\b.{0,60}\b(resolution|motion|document)", re.I)


def _adoption(resolver: ActorResolver, sentence: Sentence, text: str) -> list[Statement]:
    """An assembly of an alliance adopting a resolution is the alliance's act ("the UN General
    Assembly passed a resolution", "141 nations voted in favour of a UN General Assembly motion")."""
    hit = _ADOPTED.search(text)
    if not hit:
        return []
    bodies = [m for m in resolver.in_sentence(sentence) if m.type == "alliance"]
    if not bodies:
        return []
    return [Statement("event", sentence.start, sentence.end, subject=bodies[0].entity_id, predicate="AGREE",
                      object="resolution", modality="asserted", confidence=0.55, extractor="events.adoption",
                      cue=hit.group(0), unit="adopted a resolution")]


def _vote_events(doc: Doc, resolver: ActorResolver, sentence: Sentence, vote: re.Match[str],
                 parties: frozenset[str]) -> list[Statement]:
    """One event per state listed with a vote; the parties to the war (the pack's excluded actors of
    the war issue) are not counted among the voters on resolutions about it."""
    label = vote.group(0).casefold()
    category = "REJECT" if "against" in label or "opposed" in label or "abstain" in label else "SUPPORT"
    start, end = sentence.start + vote.start(), sentence.start + vote.end()
    states = listed_states(doc.text, resolver.states_in(sentence), start, end)
    spans = [(sentence, m) for m in states]
    if not states and doc.text[end:sentence.end].strip() == "":  # a header line over "- State" lines
        index = doc.sentences.index(sentence)
        for item in doc.sentences[index + 1:]:
            if not re.match(r"[-•*]\s", doc.text[item.start:item.end]):
                break
            spans.extend((item, m) for m in resolver.states_in(item))
    out = []
    seen: set[str] = set()
    for where, m in spans:
        if m.entity_id and m.entity_id not in seen and m.entity_id not in parties:
            seen.add(m.entity_id)
            out.append(Statement("event", where.start, where.end, subject=m.entity_id, predicate=category,
                                 object="UN resolution", modality="asserted", confidence=0.6,
                                 extractor="events.votes", cue=vote.group(0), unit=vote.group(0)))
    return out
