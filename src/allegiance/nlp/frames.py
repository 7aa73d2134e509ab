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

The data types (``Word``, ``Frame``, ``LanguagePack``) and the loading of a language's pack data
(``language_pack``) live in ``frame_types.py`` and are importable from here; which clause rules read
a language is its ``grammar.toml``'s ``clause_rules`` (``LanguagePack.english``, ``.slavic``).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from pathlib import Path

from ..kb.langdata import pack_data
from .actors import ActorResolver, listed_states
from .doc import Doc, Mention, Sentence
from .frame_types import (  # noqa: F401 - the data types and pack loading; importable from here as before
    _WORD,
    FACTUALITY,
    Frame,
    LanguagePack,
    Word,
    _defined_state_nouns,
    _parsed_words,
    _phrasal_heads,
    _plain_speech,
    _predicate_heads,
    _with_heads,
    _with_speaker,
    language_pack,
    pack_union,
)
from .frames_en import EnglishClauses, _en_words
from .frames_slavic import _RU_SEEN, SLAVIC, SlavicClauses, _ru_words  # noqa: F401 (_RU_SEEN: tests clear it)
from .prefilter import may_hold_frame

#: how many mentions before a verb its subject is looked for among (a list of states as one subject is
#: read whole by ``_coordinated`` from the nearest)
SUBJECT_MENTIONS = 48


def _word_end(word: Word) -> int:
    return word.end

__all__ = ["Frame", "FrameBuilder", "LanguagePack", "Word", "language_pack"]

#: the marks that close an insertion (``_insertion_opening`` reads no other word)
_INSERTION_MARKS = frozenset(("—", "–", ")"))


# -- words -------------------------------------------------------------------------------------------
def _de_words(doc: Doc, sentence: Sentence, pack: LanguagePack) -> list[Word]:
    """German words: lemmas from the lexicons' conjugated verbs, separable particles re-attached,
    nouns by their endings and compound heads (``frames_de.py``)."""
    return _de.de_words(doc, sentence, pack)


@functools.lru_cache(maxsize=16)
def _negatable_nouns(pack: LanguagePack) -> frozenset[str]:
    """The nouns a negation a few words before makes a denial ("not Russia's ally", "not a party
    to"): the pack's nouns (``FrameBuilder._nouns``) and the ally, conduit and accomplice classes,
    joined once per pack (the union of some 350 words cost 9 µs per frame)."""
    return pack.nouns | pack.union("stance_classes", "ally", "conduit", "accomplice")


@functools.lru_cache(maxsize=16)
def _list_gap(pack: LanguagePack | None) -> re.Pattern[str]:
    """What joins two states of a list ("A, B and C"): a comma, with an article after it ("Le
    Kazakhstan, l'Ouzbékistan et le Kirghizstan"), or the language's list joiners ("and", «и», "et"),
    from its grammar.toml; compiled once per pack (it was built and looked up on every call)."""
    joiners = "|".join(map(re.escape, sorted(pack.grammar.get("list_joiners", ())))) if pack is not None else ""
    listed = sorted(pack.grammar.get("articles", ()), key=len, reverse=True) if pack is not None else []
    articles = "|".join(re.escape(x) for x in listed)
    after_comma = rf"(\s*({articles}))?" if articles else ""
    return re.compile(rf"\s*(,{after_comma}|,?\s*({joiners}))\s*" if joiners else rf"\s*(,{after_comma})\s*", re.I)


@functools.lru_cache(maxsize=16)
def _agent_gap(pack: LanguagePack | None) -> re.Pattern[str]:
    """What joins an agent to the next state listed after it ("condemned by Moldova and Georgia"):
    a comma, the agent's own joiners and the language's list joiners ("nor", "and the"); compiled
    once per pack."""
    words: set[str] = set()
    if pack is not None:
        words = set(pack.ordered.get("agent_joiners", ())) | set(pack.grammar.get("list_joiners", ()))
    joiners = "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))
    return re.compile(rf"\s*(,|,?\s*({joiners}))\s*" if joiners else r"\s*(,)\s*", re.I)


# -- frames ------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=64)
def _adverb_phrases(pack: LanguagePack) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A pack's ``adverb_phrases`` by their last word, each word list longest first, made once per pack
    (``FrameBuilder.adverb_phrase_start`` asks at nearly every word before a verb)."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for phrase in pack.grammar.get("adverb_phrases", frozenset()):
        parts = tuple(str(phrase).split())
        if parts:
            by_last.setdefault(parts[-1], []).append(parts)
    return {last: tuple(sorted(group, key=lambda g: (-len(g), g))) for last, group in by_last.items()}


class FrameBuilder(SlavicClauses, EnglishClauses):
    """Frames of the sentences of one document (cached per sentence)."""

    def __init__(self, doc: Doc, resolver: ActorResolver, folders: tuple[Path, ...] | None = None,
                 parse: bool = False) -> None:
        self.doc = doc
        self.resolver = resolver
        self.folders = folders  # the pack folders (events.py reads its directives table from them)
        language = doc.language or str(pack_data("languages.toml", folders).get("fallback", ""))
        self.pack = language_pack(language, folders) if language else None
        self._frames: dict[int, list[Frame]] = {}
        self._words: dict[int, list[Word]] = {}
        self._furniture: dict[int, bool] = {}
        self._sentence_at: dict[int, Sentence] = {}
        self._sentence_starts: list[int] | None = None
        self._sentence_places: dict[Sentence, int] | None = None
        self._mentions_by_end: tuple[dict[int, list[Mention]], frozenset[int], frozenset[int]] | None = None
        self._heads_done = not parse  # the dependency parse is opt-in (the frames_parse setting)
        #: what the rules read from a sentence's words and mentions, remembered for the document by
        #: the rule that reads it (``stances._about``: the same target span is read for several rules)
        self.memo: dict[tuple[object, ...], object] = {}

    # the cheap filter: a mention and a surface form (or, in Russian and Ukrainian, a lemma) of a predicate
    def candidate(self, sentence: Sentence) -> bool:
        if self.pack is None:
            return False
        if not self.resolver.in_sentence(sentence) and not self._opens_with_pronoun(sentence) and \
                not self._heads_a_list(sentence):
            if self.pack.english and self._definite_organ(sentence):
                return may_hold_frame(self.pack, self.doc.text[sentence.start:sentence.end].casefold())
            return self.pack.slavic and self._context_candidate(sentence)
        if self.pack.english:
            return may_hold_frame(self.pack, self.doc.text[sentence.start:sentence.end].casefold())  # prefilter.py
        heads = _predicate_heads(self.pack)
        return any(w.lemma in heads for w in self.words(sentence))

    def _definite_organ(self, sentence: Sentence) -> bool:
        """English: a sentence naming no actor that holds a state organ after "the" ("days after the
        security service detained two people"), in a text that names a state: its act may be that
        state's (``_organ_owner``)."""
        assert self.pack is not None
        if not any(m.type == "state" for m in self.doc.mentions):
            return False
        organs = self.pack.union("grammar", "organ_subjects")
        if not organs:
            return False
        low = self.doc.text[sentence.start:sentence.end].casefold()
        return any(f"the {w} " in low for w in organs)

    def _heads_a_list(self, sentence: Sentence) -> bool:
        """A header line over "- State" items ("Countries that abstained"): its frame's actors are the items."""
        from .actors import bullet_items

        if self._sentence_places is None:  # each sentence's place, where ``index`` scanned the sentences per call
            self._sentence_places = {}
            for k, x in enumerate(self.doc.sentences):
                self._sentence_places.setdefault(x, k)
        at = self._sentence_places.get(sentence)
        nxt = (self.doc.sentences.index(sentence) if at is None else at) + 1
        if nxt >= len(self.doc.sentences) or self.doc.text[self.doc.sentences[nxt].start:][:1] not in "-•*–":
            return False
        return bool(bullet_items(self.doc, sentence))

    def _opens_with_pronoun(self, sentence: Sentence) -> bool:
        """"He signed ...": a sentence whose subject is a pronoun for an earlier actor."""
        from .actors import without_opener

        g = self.pack.grammar if self.pack else {}
        head = self.doc.text[sentence.start:sentence.start + 60]
        first = (without_opener(head) if self.pack is not None and self.pack.english else head[:30]).split()[:2]
        words = {w.strip(",").casefold() for w in first}
        if self.pack is not None and self.pack.slavic:  # «Мы не посылаем ...», — сказал X
            words = {w.strip(",«\"„").casefold() for w in first}
            if words & g.get("pronouns_we", frozenset()):
                return True
            if self.resolver.opening_pronoun(head):  # «Тем не менее он отказался»: after a connective
                return True
        if self.pack is not None and self.resolver.opening_pronoun(head):
            # "The ministry also suspended ...", «Le ministère a convoqué ...», «Ministerstwo wprowadziło ...»: a
            # definite noun or pronoun for a state or person (the language's ``opening_state``, ``opening_person``)
            return True
        return bool(words & pack_union(self.pack, "grammar", "pronouns_person", "pronouns_state"))

    def words(self, sentence: Sentence) -> list[Word]:
        found = self._words.get(sentence.start)  # one look-up where most calls find them
        if found is not None:
            return found
        if self.pack is None:
            found = []
        elif self.pack.english:
            found = _en_words(self.doc, sentence, self.pack)
        elif _de.applies(self.pack):
            found = _de_words(self.doc, sentence, self.pack)
        elif _forms.applies(self.pack):
            found = _forms.form_words(self.doc, sentence, self.pack)
        else:
            found = _ru_words(self.doc, sentence, self.pack)
        self._words[sentence.start] = found
        return found

    def _attach_heads(self) -> None:
        """Russian: the parse of every candidate sentence of the document, in one batch, laid over
        the morphology words (the parser is slow per call, fast per batch)."""
        if self._heads_done or self.pack is None or _de.applies(self.pack) or _forms.applies(self.pack):
            return  # the v2 rules (German, Dutch) read their lexicons' words, not a parse
        if self.pack.english:
            self._attach_heads_en()
            return
        self._heads_done = True
        wanted = [x for x in self.doc.sentences if self.candidate(x)]
        for start, parsed in _parsed_words(self.doc, wanted, self.pack).items():
            self._words[start] = _with_heads(self._words[start], parsed)

    def frames(self, sentence: Sentence) -> list[Frame]:
        if not self._heads_done:  # (``_attach_heads`` returns at once once they are done)
            self._attach_heads()
        found = self._frames.get(sentence.start)  # one look-up where most calls find them
        if found is None:
            found = self._frames[sentence.start] = self._build(sentence) if self.candidate(sentence) else []
        return found

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
            self._furniture[sentence.start] = head.startswith(tuple(self.pack.grammar.get("furniture", ()))) \
                or self.in_related_list(sentence)
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
        phrasal = _phrasal_heads(self.pack)
        for a, b in spans:  # the words inside a mention: names are no predicates
            inside.update(starts[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)])
        for n, w in enumerate(words):
            if n <= skip or w.upos in ("PUNCT", "NUM", "DET", "ADP", "PRON", "PART") or w.start in inside:
                continue
            nxt = words[n + 1] if n + 1 < len(words) else None
            pairs = [f"{w.lemma}_{nxt.lemma}", f"{w.lemma}_{nxt.low}"] if nxt and (
                w.lemma in phrasal or "_" in w.lemma) else []  # no phrasal predicate starts with the word
            pair = next((x for x in pairs if x in self.pack.predicates), "") if pairs else ""
            if pairs and not pair and self._negative_object(words, n) and n + 2 < len(words):
                nxt = words[n + 2]  # "take no part in": the phrasal predicate around its negative determiner
                pair = next((x for x in (f"{w.lemma}_{nxt.lemma}", f"{w.lemma}_{nxt.low}")
                             if x in self.pack.predicates), "")
            if not pair and self.pack.slavic and w.upos == "VERB":
                nxt, pair = self._light_verb_noun(words, n)
            separated = self._separated_particle(words, n) if pairs and not pair else None
            if separated is not None:  # "turned the request down": the object between the verb and its particle
                out.append((n, n, f"{w.lemma}_{words[separated].low}"))
                skip = separated
            elif nxt and pair:
                out.append((n, max(n, nxt.i), pair))
                skip = max(n, nxt.i)
            elif w.lemma in self.pack.predicates and (w.upos != "AUX" or w.lemma in self.pack.predicates):
                out.append((n, n, w.lemma))
        return out

    def _separated_particle(self, words: list[Word], n: int) -> int | None:
        """English ``separable_particles``: the particle of a phrasal verb after a short object ("turned
        the request down", "handed the weapons over"): its position, or ``None``."""
        assert self.pack is not None
        particles = self.pack.grammar.get("separable_particles", frozenset())
        if not particles:
            return None
        for k in range(n + 2, min(n + 6, len(words))):
            x = words[k]
            if x.low in particles and f"{words[n].lemma}_{x.low}" in self.pack.predicates:
                return k
            if x.upos in ("PUNCT", "AUX", "PRON") or x.upos == "ADP" and x.low != "of" or x.low in particles:
                return None
        return None

    def _build(self, sentence: Sentence) -> list[Frame]:
        assert self.pack is not None
        words = self.words(sentence)
        predicates = self._predicates(words)
        frames: list[Frame] = []
        previous: Frame | None = None
        fronted = self._fronted_attribution_end(words)
        for first, last, lemma in predicates:
            fact, governor, passive = self._factuality(words, first, last)
            if fact is None:
                continue  # a noun use ("the attacks"), not a predicate
            if fronted is not None and first > fronted and governor is not None and governor in self.pack.speech:
                governor = None  # «Как заявил Токаев, Казахстан не будет ...»: the attribution governs no clause
            copula = self._copular_noun_en(words, first) if fact == "nominal" else None
            copular_subject = self._subject(sentence, words, copula, copula, self._clause(words, copula, predicates)[0],
                                            False) if copula is not None else None
            if copular_subject is not None and (copular_subject[0] or copular_subject[2]):  # or "we", "our country"
                fact = "present"  # "Armenia is not Russia's ally": the noun is what the named subject is
            else:
                copula = None  # "we are not Russia's ally": read as before, through the clause around it
            adverbial = self._adverbial_act_owner(words, first, lemma, frames) if fact == "nonfinite" else None
            if adverbial is not None:  # "Finland closed its crossings, accusing Moscow of ...": a second act
                fact = adverbial.factuality
            if fact in ("nominal", "nonfinite", "relative") and lemma not in self.pack.stance_lemmas:
                continue  # a noun use or a non-finite form that no stance class reads (events need finite verbs)
            if self.pack.slavic and self._aspectual_verb(words, first, last) or \
                    self._aspectual_en(words, first, last):
                continue  # «продолжает» before «поставлять», "continued to buy": the infinitive carries the act
            if fact in ("done", "ongoing", "present") and self._intends(words, first, last) and \
                    self.pack.event_types.get(lemma) != "THREATEN":  # "threatened to ...": the threat is done
                fact = "planned"  # "plans to recruit", "promised not to let": an intention, no act
            if fact not in ("done", "ongoing") and lemma not in self.pack.stance_lemmas and \
                    lemma not in self.pack.speech:
                continue  # neither an act (events) nor a stance predicate nor a speech frame
            clause_start, clause_end = self._clause(words, first, predicates)
            if previous is not None and not passive and self._shares_subject(words, previous.word, first):
                subjects, subject_word, we = previous.subjects, previous.subject_word, previous.we
            elif copula is not None and copular_subject is not None:
                subjects, subject_word, we = copular_subject
            else:
                subjects, subject_word, we = self._subject(sentence, words, first, last, clause_start, passive)
            if adverbial is not None:
                subjects, subject_word, we = adverbial.subjects, adverbial.subject_word, adverbial.we
            organ_word = subject_word is not None and self.pack.english and subject_word in \
                self.pack.union("grammar", "state_nouns", "role_nouns")
            if not subjects and (subject_word is None or organ_word) and not we and not passive and \
                    self._pronoun_before(words, first):  # "it", "the country", "its president"
                # (a passive's pronoun is what was done to: "they were ordered to fight", "it is noted that")
                earlier = [f for f in frames if f.subjects and any(self.resolver.state_of(m) for m in f.subjects)] \
                    or [f for f in frames if f.subjects and all(m.type in ("organization", "government_body")
                                                                 for m in f.subjects)]
                pronoun = self.resolver.resolve_pronoun(sentence, states_only=True)
                subjects = earlier[-1].subjects if earlier else ((pronoun,) if pronoun else ())
                if not subjects and clause_start > 0:  # "Hungary is the only member that ..., although it has"
                    subjects = self._opening_state(sentence, words, clause_start)
            elif not subjects and organ_word and not we and not passive:
                subjects = self._organ_owner(sentence, words, first)
            adopted = self._adopted_document_en(words, first, frames) if fact == "relative" else None
            if adopted is not None:  # "adopted a resolution condemning ...": the adopter condemns
                fact, subjects = adopted.factuality, adopted.subjects
                subject_word, we = adopted.subject_word, adopted.we
            elif fact == "relative":
                subjects, subject_word, we = (), "relative", False
            sole = self._sole_infinitive_subjects(sentence, words, first) if fact == "nonfinite" else ()
            if sole:  # "Nicaragua and Belarus were the only countries besides Russia to vote against": their act
                fact, subjects, subject_word, we = "done", sole, None, False
            elif fact in ("nominal", "nonfinite") or fact == "planned" and governor is not None and not (
                    governor in self.pack.union("grammar", "be_auxiliary", "future") and (subjects or we)):
                # (a future's own subject, «Как заявил Токаев, Казахстан не будет направлять»; a dropped one,
                # «Казахстан заверил, что будет соблюдать», is the clause's before it)
                owner = next((f for f in reversed(frames) if f.factuality not in ("nominal", "nonfinite", "relative",
                                                                                  "asked")), None)
                praised = self._object_before_for(sentence, words, first, owner) if owner is not None else ()
                if praised:
                    subjects, subject_word, we = praised, None, False

                elif owner is not None and self._common_object_before_for(words, first, owner):
                    subjects, subject_word, we = (), "object", False  # "fined a blogger for calling ...": his act
                elif owner is not None:
                    subjects, subject_word, we = owner.subjects, owner.subject_word, owner.we
                elif self.pack.slavic and (light := self.light_verb_subject(sentence, words, last)):
                    subjects, subject_word, we = light, None, False  # «Поддержку ... выразили власти КНДР»
                else:
                    subjects, subject_word, we = self._subject(sentence, words, first, last, 0, False)
            elif fact == "asked":
                subjects, subject_word, we = (), "asked", False
            if self.pack.slavic and subject_word == "relative" and (one := self.one_of(sentence, words, first)):
                subjects, subject_word = one, None  # «Сирия стала одной из стран, которые признали»
            target_start = words[last].end
            if self.pack.slavic and subjects and subjects[0].start >= words[last].end and \
                    subject_word != "state_body":
                target_start = words[clause_start].start  # «Агрессию России осудила Молдова»: the object first
            elif self.pack.slavic and self.object_before(words, clause_start, first, last, clause_end):
                target_start = words[clause_start].start  # «Против резолюции ... голосуют неизменно»
            negated = self._negated(words, first, clause_start) or self._negative_subject(words, first, clause_start) \
                or self._refrained(words, first, frames) or self._negative_object(words, last) \
                or last == first + 2 and self._negative_object(words, first) \
                or self._no_intention(words, first) or adopted is not None and adopted.negated
            # "did not sign the statement condemning ...": a document not adopted says nothing for its adopter
            target_end = self._target_end(words, last, predicates, clause_end)
            closing = self._relative_insertion_end(words, first, last, clause_end)
            if closing is not None:  # "A, which send migrants to Russia, have warned ...": the insertion's object
                target_end = min(target_end, closing)
            frame = Frame(sentence, words[first].start, words[last].end, lemma, first, subjects, subject_word,
                          negated, fact, governor,
                          target_start, target_end,
                          words[clause_start].start, words[clause_end].end, passive=passive, we=we)
            frames.append(frame)
            previous = frame
        if _de.applies(self.pack):
            frames = _de.with_targets(self, words, frames)
        if _forms.applies(self.pack):
            frames = self._relative_clauses_last(words, frames)
            frames = self._gapped_votes(sentence, words, frames)
        frames = self._group_members(sentence, words, frames)
        frames = self._members_after_count(sentence, frames)
        return self._with_speakers(sentence, words, frames)

    def _joined_predicate_subject(self, sentence: Sentence, words: list[Word], first: int,
                                  clause_start: int) -> tuple[Mention, ...]:
        """A form-table language: a verb right after a coordinator ("Il Kirghizistan si offre come
        mediatore tra Mosca e Kiev e chiede ...") shares the subject that opens its clause, not the
        name just before the coordinator."""
        assert self.pack is not None
        g = self.pack.grammar
        k = first - 1
        while k > clause_start and (words[k].upos in ("AUX", "PART", "ADV") or words[k].low in g.get("clitics", ())):
            k -= 1
        if k <= clause_start or words[k].low not in g.get("coordinators", ()):
            return ()
        head = words[min(clause_start + 3, k)].start
        opening = next((m for m in self.resolver.in_sentence(sentence)
                        if words[clause_start].start <= m.start < head and self.resolver.state_of(m)
                        and m.kind != "demonym"), None)
        if opening is None or any(w.upos == "ADP" for w in words[clause_start:k] if w.end <= opening.start):
            return ()
        return tuple(self._coordinated(sentence, opening))

    def _gapped_votes(self, sentence: Sentence, words: list[Word], frames: list[Frame]) -> list[Frame]:
        """A vote clause whose verb is left out after a comma and a coordinator ("Za dokumentem głosowały
        143 państwa, ..., a przeciw – tylko Białoruś i Syria"): the side word (``vote_against``,
        ``vote_for``) is the second vote's, the states named after it its subjects; the first vote's
        object ends before the comma."""
        assert self.pack is not None
        votes = self.pack.stance_classes.get("vote", frozenset())
        sides = self.pack.targets.get("vote_against", frozenset()) | self.pack.targets.get("vote_for", frozenset())
        coordinators = self.pack.grammar.get("coordinators", frozenset())
        out: list[Frame] = []
        for f in frames:
            if f.lemma not in votes or f.negated:
                out.append(f)
                continue
            gap = next((n for n in range(f.word + 3, len(words)) if words[n].low in sides
                        and words[n - 1].low in coordinators and words[n - 2].text == ","
                        and f.target_start <= words[n].start < f.target_end), None)
            if gap is None or any(g.word > gap for g in frames):
                out.append(f)
                continue  # a verb after the side word: a clause of its own
            states = tuple(m for m in self.resolver.in_sentence(sentence) if m.start >= words[gap].end
                           and self.resolver.state_of(m) and m.type != "alliance")
            if not states:
                out.append(f)
                continue
            out.append(dataclasses.replace(f, target_end=words[gap - 2].start))
            out.append(dataclasses.replace(f, start=words[gap].start, end=words[gap].end, word=gap, subjects=states,
                                           subject_word=None, target_start=words[gap].start,
                                           target_end=max(words[-1].end, words[gap].end),
                                           clause_start=words[gap - 1].start))
        return out

    def _group_members(self, sentence: Sentence, words: list[Word], frames: list[Frame]) -> list[Frame]:
        """A group noun as the subject and the states it includes listed after a comma and one of the
        language's ``inclusion_words`` ("Mehrere frühere Verbündete Moskaus gehen auf Distanz ...,
        darunter Kasachstan und Armenien"): the states named are the subjects (the guidelines pass a
        group's act on to the states the sentence names)."""
        assert self.pack is not None
        marks = self.pack.grammar.get("inclusion_words", frozenset())
        if not marks or not any(f.subject_word and not f.subjects for f in frames):
            return frames
        marker = next((w for w in words if w.low in marks and w.i > 0 and words[w.i - 1].text == ","), None)
        if marker is None:
            return frames
        states = [m for m in self.resolver.states_in(sentence) if m.start >= marker.end]
        members = tuple(listed_states(self.doc.text, states, marker.start, marker.end, self.folders))
        if not members:
            return frames
        return [dataclasses.replace(f, subjects=members, subject_word=None)
                if f.subject_word and not f.subjects and f.word < marker.i and f.factuality != "nominal" else f
                for f in frames]

    def _members_after_count(self, sentence: Sentence, frames: list[Frame]) -> list[Frame]:
        """A frame with no subject whose states are listed after a count of states right after the verb
        (or its passive agent) and one of the language's ``member_openers`` ("Voor de tekst stemden 141
        landen, onder wie Moldavië en Georgië", "approuvée par 143 pays, dont la Moldavie", "susținută de
        141 de state, printre care ..."): the states listed are the subjects. English reads its own
        (``stances_en``); Russian and Ukrainian read the case of a list after the verb."""
        pack = self.pack
        assert pack is not None
        openers = pack.ordered.get("member_openers", ())
        if pack.english or pack.slavic or not openers or all(f.subjects for f in frames):
            return frames
        agent = "|".join(map(re.escape, pack.ordered.get("agent_prepositions", ()))) or r"(?!)"
        pattern = re.compile(r"\s+(?:(?:" + agent + r")\s+)?\d[\d.,]*\s+(?:[\w-]+\s+){0,2}?[\w-]+,?\s+(?:"
                             + "|".join(map(re.escape, openers)) + r")\s+", re.IGNORECASE)
        states = self.resolver.states_in(sentence)
        out = []
        for f in frames:
            found = None if f.subjects or f.we else pattern.match(self.doc.text, f.end, sentence.end)
            first = next((m for m in states if found and m.start >= found.end()), None)
            members = self._coordinated_after(sentence, first) if first is not None and found is not None and \
                not self.doc.text[found.end():first.start].strip(" ,").split()[1:] else []
            out.append(dataclasses.replace(f, subjects=tuple(members), subject_word=None) if members else f)
        return out

    def _relative_clauses_last(self, words: list[Word], frames: list[Frame]) -> list[Frame]:
        """A form-table language: the predicates of a relative clause set off by commas between a
        subject and its verb ("L'Armenia, che ha congelato ..., ha inviato aiuti") end at its closing
        comma and come after the main clause's, which is the sentence's first act."""
        assert self.pack is not None
        inner: list[Frame] = []
        outer: list[Frame] = []
        spans = [r for f in frames if (r := _forms.relative_insertion(words, f.word, 0, self.pack.grammar))]
        for f in frames:
            span = next(((o, c) for o, c in spans if o < f.word < c), None)
            if span is None:
                outer.append(f)
                continue
            end = words[span[1]].start
            inner.append(dataclasses.replace(f, target_end=min(f.target_end, end), clause_end=min(f.clause_end, end)))
        return outer + inner if inner else frames

    def _clause(self, words: list[Word], at: int, predicates: list[tuple[int, int, str]]) -> tuple[int, int]:
        g = self.pack.grammar if self.pack else {}
        breaks = pack_union(self.pack, "grammar", "clause_breaks", "complementizers")
        start = 0
        skip_to = -1
        relative = _forms.relative_insertion(words, at, 0, g) if self.pack is not None and \
            _forms.applies(self.pack) else None
        for n in range(at - 1, -1, -1):
            if n > skip_to >= 0:
                continue
            if relative is not None and n == relative[1]:
                skip_to = relative[0] - 1  # "L'Armenia, che ha congelato ..., ha inviato": a relative clause
                continue
            opening = self._insertion_opening(words, n) if words[n].text in _INSERTION_MARKS else None
            if opening is not None:
                skip_to = opening  # "Armenia — a CSTO member — recalled", "the Bureau (CBI) said": an insertion
                continue
            closed = self._relative_opening(words, n) if words[n].text == "," and n < at - 1 else None
            if closed is not None:  # "The resolution, which demanded that ..., was backed": its "that" is inside
                skip_to = closed
                continue
            if words[n].text in (";", ":", "—", "–", "(", ")") or words[n].low in breaks and not self._negated_adverb(
                    words, n) or words[n].text in '"“”«»' and not self._inline_quote(words, n):
                start = n + 1
                break
        fronted = self._fronted_attribution_end(words)
        if fronted is not None and at > fronted:  # «Как заявил Смадияров, Астана не будет ...»: the main clause
            start = max(start, fronted + 1)
        end = len(words) - 1
        if fronted is not None and at < fronted:
            end = fronted - 1
        clause_breaks = g.get("clause_breaks", ())  # looked up once, not per word
        for n in range(at + 1, len(words)):
            if words[n].text in (";", "—", "(", ")") or words[n].low in clause_breaks and not self._negated_adverb(
                    words, n) or words[n].text in '"“”«»' and not self._inline_quote(words, n):
                end = n - 1
                break
        return start, max(start, end)

    def _negated_adverb(self, words: list[Word], n: int) -> bool:
        """English ``negated_adverbs``: "has not yet summoned": an adverb after a negation, no clause break."""
        g = self.pack.grammar if self.pack else {}
        return n > 0 and words[n].low in g.get("negated_adverbs", ()) and words[n - 1].lemma in g.get("negation", ())

    def _target_end(self, words: list[Word], last: int, predicates: list[tuple[int, int, str]], clause_end: int) -> int:
        """The words a predicate is about end before the next finite predicate or the clause end."""
        end = words[clause_end].end
        joins = self.pack.grammar.get("predicate_joins", frozenset()) if self.pack is not None else frozenset()
        for first, _l, _lemma in predicates:
            if first > last + 1 and first <= clause_end:
                before = words[first - 1]
                if before.low in joins and self._unlike_forms(words[last], words[first]):
                    continue  # "providing fuel and repair yards": a noun, no verb coordinated with "providing"
                if before.low in joins or before.text == ",":
                    return before.start
                if self.pack is not None and words[first].lemma in self.pack.speech and \
                        not words[first].low.endswith("ing"):
                    comma = next((w for w in reversed(words[last + 1:first]) if w.text == ","), None)
                    opener = words[comma.i + 1] if comma is not None and comma.i + 1 < first else None
                    if comma is not None and opener is not None and (
                            opener.upos in ("DET", "PROPN") or opener.text[:1].isupper()):  # ", the Turkish Foreign
                        return comma.start  # Ministry said": the attribution after the comma is not what was condemned
                coordinated = self._coordinated_clause(words, last, first)
                if coordinated is not None:
                    return coordinated
        return end

    def _unlike_forms(self, verb: Word, other: Word) -> bool:
        """English: ``other`` after "and" cannot be a verb coordinated with ``verb``, since
        coordinated verbs share their form: an -ing verb ("providing") with a bare form, or a past
        ("sent", "supplied") with a bare form that is no past ("repair", "aid"), is a noun there."""
        if self.pack is None or not self.pack.english or other.low != other.lemma:
            return False
        if verb.low.endswith("ing"):
            return not other.low.endswith("ing")
        return verb.low != verb.lemma and not verb.low.endswith(("s", "ing")) and \
            other.low not in self.pack.grammar.get("invariant_past", ()) and not other.low.endswith(("ed", "s"))

    def _vote_clause_start(self, words: list[Word], first: int, clause_start: int) -> int | None:
        """A form-table language: a vote or abstention verb whose clause opens with a comma and a
        coordinator after the states of an earlier one ("..., a od głosu wstrzymały się Chiny"): the
        index of the coordinator, or ``None``."""
        assert self.pack is not None
        classes = self.pack.stance_classes
        if words[first].lemma not in classes.get("vote", frozenset()) | classes.get("abstain", frozenset()):
            return None
        coordinators = self.pack.grammar.get("coordinators", frozenset())
        return next((n for n in range(first - 1, max(clause_start, 1) - 1, -1) if words[n].low in coordinators
                     and words[n - 1].text == ","), None)

    def _coordinated_clause(self, words: list[Word], last: int, first: int) -> int | None:
        """A form-table language: a comma and a coordinator between a predicate and the next one open a
        clause of its own ("odmówił uznania republik, a prezydent zapewnił, że ..."; not a list joiner such
        as "a także"): the offset where the first predicate's object ends, or ``None``."""
        if self.pack is None or not _forms.applies(self.pack):
            return None
        g = self.pack.grammar
        coordinators, joiners = g.get("coordinators", frozenset()), g.get("list_joiners", frozenset())
        for n in range(last + 1, first - 1):
            if words[n].text == "," and words[n + 1].low in coordinators and \
                    f"{words[n + 1].low} {words[n + 2].low}" not in joiners:
                return words[n].start
        return None

    def _intends(self, words: list[Word], first: int, last: int) -> bool:
        g = self.pack.grammar if self.pack else {}
        if words[first].lemma not in g.get("plan", ()) and words[first].low not in g.get("plan", ()):
            return False
        after = [w for w in words[last + 1:last + 3] if w.upos != "PART"]
        if after and after[0].low == "that" and self.pack is not None and words[first].lemma in self.pack.speech:
            return False  # "vowed that ...": the vow is said (done); what it promises is the clause after
        return bool(after) and after[0].low in ("to", "that")

    def _pronoun_before(self, words: list[Word], at: int) -> bool:
        """An "it" or "they" (its, the country ...) as the subject right before the predicate."""
        for w in reversed(words[max(0, at - 4):at]):
            if w.upos in ("AUX", "PART", "ADV") or w.low.endswith("ly") and w.upos == "X":
                continue
            if w.upos == "ADP" and w.i + 1 < len(words) and words[w.i + 1].upos == "ADV" and self.pack is not None \
                    and not self.pack.english:
                continue  # «Le ministère a par ailleurs suspendu»: an adverbial phrase, as ``_aux_before`` passes it
            return self._state_pronoun(words, w.i) or self._organ_of_pronoun(words, w.i)
        return False

    def _organ_owner(self, sentence: Sentence, words: list[Word], first: int) -> tuple[Mention, ...]:
        """English: a state organ named by common nouns as the subject inside a sentence ("days after
        the security service detained two people", "after Russia's foreign intelligence service
        accused"): the state named in the possessive before it, or, after "the", the state the
        sentences before are about (as "the ministry" opening a sentence is)."""
        assert self.pack is not None
        organs = self.pack.union("grammar", "state_nouns", "role_nouns")
        k = first - 1
        while k >= 0 and words[k].upos in ("AUX", "ADV", "PART"):
            k -= 1
        end = k
        while k >= 0 and words[k].low in organs:
            k -= 1
        if k == end or k < 0:
            return ()
        if words[k].low.endswith(("'s", "’s")):  # "Russia's" (one word or two)
            alone = words[k].low in ("'s", "’s")
            owner = [m for m in self.resolver.in_sentence(sentence) if m.type == "state" and self.resolver.state_of(m)
                     and (m.end == words[k].start if alone else words[k].start <= m.start < words[k].end)]
            return (owner[-1],) if owner else ()
        if words[k].low != "the":
            return ()
        found = self.resolver.antecedent(sentence, wants_person=False, wants_state=True, states_only=True)
        return (found,) if found is not None else ()

    def _organ_of_pronoun(self, words: list[Word], at: int) -> bool:
        """English: a state organ or office (``state_nouns``, ``role_nouns``) owned by a pronoun for a
        state ("its president", "the country's foreign ministry", "their government"): the state
        named before acts."""
        g = self.pack.grammar if self.pack else {}
        if self.pack is None or not self.pack.english:
            return False
        organs = pack_union(self.pack, "grammar", "state_nouns", "role_nouns", "force_nouns")
        k = at
        while k > 0 and words[k].low in organs:
            k -= 1  # "the country's foreign ministry": back over the organ's words
        if k == at or k < 0:
            return False
        owner = words[k]
        if owner.low in ("'s", "’s") and k > 0:
            k, owner = k - 1, words[k - 1]
        low = owner.low.removesuffix("'s").removesuffix("’s")
        pronouns = g.get("pronouns_state", frozenset())
        if low in ("its", "their"):
            return True
        return owner.low != low or words[k + 1].low in ("'s", "’s") if (
            low in pronouns or k > 0 and f"{words[k - 1].low} {low}" in pronouns) else False

    def _state_pronoun(self, words: list[Word], at: int) -> bool:
        """"it", "they", or a definite noun standing for a state named before ("the country",
        "the republic", "the authorities"): English ``pronouns_state``, one word or two."""
        g = self.pack.grammar if self.pack else {}
        pronouns = g.get("pronouns_state", frozenset())
        w = words[at]
        if w.low in pronouns or w.lemma in pronouns:
            return True
        return at > 0 and f"{words[at - 1].low} {w.low}" in pronouns

    def _shares_subject(self, words: list[Word], prev_at: int, at: int) -> bool:
        """"X backed ... and condemned ...", "X supports ... but has refused ...": one subject."""
        between = words[prev_at + 1:at]
        extra = pack_union(self.pack, "grammar", "predicate_joins", "contrast_joins", "subject_joins")
        joins = [w for w in between if w.low in extra]
        if not joins:
            return False
        after_join = words[words.index(joins[-1]) + 1:at]
        return all(w.upos in ("AUX", "PART") or w.low.endswith("ly") or w.text == "," for w in after_join)

    def _negated(self, words: list[Word], at: int, clause_start: int) -> bool:
        if _de.applies(self.pack):
            return _de.negated(self, words, at)
        if self.pack is not None and self.pack.slavic and "VerbForm=Inf" in words[at].feats:
            aux = self._aux_after(words, at)
            if aux is not None and aux.i > 0 and words[aux.i - 1].lemma in self.pack.grammar.get("negation", ()):
                return True
        return self._negated_before(words, at, clause_start)

    def _negated_before(self, words: list[Word], at: int, clause_start: int) -> bool:
        nouns = _negatable_nouns(self.pack) if self.pack is not None else frozenset()
        phrasal = f"{words[at].lemma}_{words[at + 1].low}" if at + 1 < len(words) else ""
        if self.pack is not None and (words[at].lemma in nouns or phrasal in nouns):  # or "party_to"
            for n in range(at - 1, max(clause_start, at - 6) - 1, -1):  # "not Russia's ally", "not an ally",
                if words[n].lemma == "not" or words[n].lemma in self.pack.grammar.get("negation", ()):  # "is not
                    return True  # going to be a party to"
                if words[n].lemma in self.pack.grammar.get("copulas", ()):
                    continue  # «не является союзником», «не є союзником»: the copula carries the negation
                if words[n].upos not in ("DET", "PROPN", "X", "AUX", "PUNCT", "PART") and words[n].low != "to" \
                        or words[n].text == ",":
                    break
        for n in range(at - 1, max(clause_start, at - 4) - 1, -1):
            w = words[n]
            if w.low == "to" and n == at - 1 and self.pack is not None and self.pack.english:
                if n >= 1 and (words[n - 1].lemma in self.pack.grammar.get("plan", ()) or
                               words[n - 1].low in self.pack.grammar.get("plan", ())) and \
                        self._negated(words, n - 1, clause_start):
                    return True  # "does not plan to send", "is not going to recognise": a negated intention
                continue  # "promised not to let", "urged them not to sign"
            if w.lemma == "not" or w.upos == "PART" and self.pack and w.lemma in self.pack.grammar.get("negation", ()):
                if self.pack is not None and self._not_negation(words, n):
                    return False  # «не только», «не лише», «не раз», "not only": no negation
                return True
            if self.pack is not None and w.low in self.pack.grammar.get("negated_adverbs", ()) and n > clause_start \
                    and words[n - 1].lemma in self.pack.grammar.get("negation", ()):
                continue  # "has not yet summoned": the adverb after the negation
            if self.pack is not None and self.pack.slavic and \
                    w.lemma in self.pack.grammar.get("negation_aux", ()):
                continue  # «не будет отправлять», «не станет помогать», «не є союзником»: the negation is the verb's
            if self.pack is not None and self.pack.slavic and n > 0 and (
                    f"{words[n - 1].lemma} {w.lemma}" in self.pack.grammar.get("negation_aux", ()) or
                    f"{w.lemma} {words[n + 1].lemma}" in self.pack.grammar.get("negation_aux", ())):
                continue  # «не має наміру брати»: the verb of intention with its noun
            if w.upos not in ("AUX", "PART", "X") or w.upos == "X" and not w.low.endswith("ly"):
                if not (w.upos == "AUX"):
                    break
        return False

    def _factuality(self, words: list[Word], first: int, last: int) -> tuple[str | None, str | None, bool]:
        if self.pack is None:
            return None, None, False
        if self.pack.english:
            return self._factuality_en(words, first, last)
        if _de.applies(self.pack):
            return _de.factuality(self, words, first, last)
        if _forms.applies(self.pack):
            return _forms.factuality(self, words, first, last)
        if last > first and words[first].upos != "VERB" and \
                f"{words[first].lemma}_{words[last].lemma}" in self.pack.stance_lemmas:
            return "nonfinite", None, False  # «единственный путь», «єдиний шлях»: a phrasal noun
        return self._factuality_ru(words, first)

    def _object_of_preposition(self, words: list[Word], word: Word) -> bool:
        """A mention ending at ``word`` that follows a preposition ("of Uzbeks", "in Russia")."""
        sentence = self._sentence_of([word])
        ending = [m for m in self.resolver.in_sentence(sentence) if m.end == word.end]
        if not ending:
            return False
        opens = [w for w in words if w.end <= ending[0].start]
        if len(opens) >= 2 and opens[-1].low in ("and", "or") and opens[-1].upos in ("CCONJ", "X"):
            return self._object_of_preposition(words, opens[-2])  # "firms in Uzbekistan and Kazakhstan accused of"
        return bool(opens) and opens[-1].upos == "ADP" and opens[-1].low != "by"

    @staticmethod
    def _after_adposition(words: list[Word], m: Mention) -> bool:
        """A mention right after a preposition (Bulgarian «на Украйна», French "à l'Ukraine"): no subject.
        (A language without cases has no nominative to read; Russian and Ukrainian read the case.)"""
        before = [w for w in words if w.end <= m.start]
        return bool(before) and before[-1].upos == "ADP"

    def _mention_ends(self, word: Word) -> bool:
        sentence = self._sentence_of([word])
        return word.upos == "PRON" or any(m.end == word.end for m in self.resolver.in_sentence(sentence))

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

    def _condition_before(self, words: list[Word], at: int) -> bool:
        g = self.pack.grammar if self.pack else {}
        for x in reversed(words[:at]):
            if x.text in (",", ";"):
                return False
            if x.low in g.get("condition", ()):
                if x.low.endswith(("ed", "ing")) and (x.i + 1 >= len(words) or words[x.i + 1].low != "that"):
                    continue  # "has provided full backing and has supplied": a verb, not "provided that"
                return True
        return self._inverted_condition(words, at)

    def _governing(self, words: list[Word], at: int) -> str | None:
        """The verb whose "that" clause holds the predicate ("Analysts believe (that) ...")."""
        g = self.pack.grammar if self.pack else {}
        watched = pack_union(self.pack, "grammar", "opinion", "denial", "asking")
        for x in reversed(words[max(0, at - 12):at]):
            if x.text in (";", ".") or x.low in g.get("clause_breaks", ()):
                break
            if x.lemma in watched and x.i < at - 1 and not self._noun_use(words, x.i) and \
                    not (x.i > 0 and words[x.i - 1].low.endswith(("'s", "’s"))) and \
                    not (words[x.i + 1].text == "," and not any(w.low in g.get("complementizers", ())
                                                                  for w in words[x.i + 1:at])):
                # "the Kremlin's call for"; "the territory they claim, voted" (a comma and no "that": no clause said)
                if x.lemma in g.get("asking", ()) and x.low != x.lemma and \
                        self._coordinated_finite(words, at):
                    return None  # "called the war a tragedy and urged both sides ...": two finite verbs
                if x.lemma in g.get("stating_when_indicative", ()) and any(
                        w.low in g.get("indicative_auxiliaries", ()) for w in words[x.i + 1:at]):
                    return None  # "insists that it is non-aligned": a statement, not a request
                if self._in_closed_relative(words, x.i, at):
                    return None  # "The resolution, which demanded that ..., was backed by": the insertion closed
                return x.lemma  # not a noun after a determiner ("a press conference", "in a phone call")
            if x.low in g.get("complementizers", ()) and x.i > 0 and words[x.i - 1].low in g.get("claim_nouns", ()) \
                    and (x.i == 1 or words[x.i - 2].upos in ("ADP", "DET", "PUNCT")) \
                    and not any(w.text == "," for w in words[x.i:at]):  # a noun ("amid reports"), no verb
                return "believe" if "believe" in g.get("opinion", ()) else None  # "amid reports that ...": hearsay
        return self._opinion_after(words, at)

    def _adverbial_act_owner(self, words: list[Word], first: int, lemma: str, frames: list[Frame]) -> Frame | None:
        """English: an -ing form right after a comma, of an act that accompanies the one before it
        (``adverbial_acts``: the PLOVER types of accusing, warning, urging and rejecting: "Finland closed
        its crossings, accusing Moscow of ...", "..., the ministry said, urging citizens to leave"): the
        frame before it, whose subject does this act too, when that one is an act done or under way."""
        pack = self.pack
        if pack is None or not pack.english or first < 2 or words[first - 1].text != "," or \
                not words[first].low.endswith("ing") or not frames:
            return None
        if (pack.event_types.get(lemma) or "").casefold() not in pack.grammar.get("adverbial_acts", frozenset()):
            return None
        if words[first].low in pack.grammar.get("comma_pledges", frozenset()):
            return None  # "..., vowing more sanctions": a pledge, a forecast of the act, not the act
        owner = next((f for f in reversed(frames) if f.factuality in ("done", "ongoing")), None)
        if owner is None or not (owner.subjects or owner.subject_word):
            return None
        return owner

    def _fronted_attribution_end(self, words: list[Word]) -> int | None:
        """The comma that closes an attribution opening the sentence (``attribution_openers`` and a
        speech verb within two words: «Как заявил во вторник Смадияров, Астана ...», «Як повідомив
        Сибіга, Київ ...», "As the ministry said, ..."), or ``None``."""
        if self.pack is None or len(words) < 4 or words[0].low not in self.pack.grammar.get("attribution_openers", ()):
            return None
        if not any(w.lemma in self.pack.speech or w.low in self.pack.speech for w in words[1:4]):
            return None
        return next((k for k, w in enumerate(words) if w.text == ","), None)

    def _relative_opening(self, words: list[Word], comma: int) -> int | None:
        """English: where a relative clause set off by commas that the comma at ``comma`` closes opens
        (the index of the word before its opening comma: ", which demanded that Russia withdraw,"), or
        ``None``."""
        if self.pack is None or not self.pack.english:
            return None
        relative = self.pack.grammar.get("relative", frozenset())
        for m in range(comma - 1, 1, -1):
            if words[m].text in (",", ";", ":", "—", "–", "(", ")"):
                return None
            if words[m].low in relative and words[m].low != "that" and words[m - 1].text == ",":
                return m - 2
        return None

    def _in_closed_relative(self, words: list[Word], governor: int, at: int) -> bool:
        """The verb at ``governor`` opens a relative clause set off by commas (", which demanded that
        ...,") that a comma closes before the predicate at ``at``: it governs nothing after that comma."""
        g = self.pack.grammar if self.pack else {}
        if not any(w.text == "," for w in words[governor + 1:at]):
            return False
        k = governor - 1
        while k > 0 and words[k].upos in ("AUX", "PART"):
            k -= 1
        return k >= 1 and words[k].low in g.get("relative", ()) and words[k - 1].text == ","

    def _opinion_after(self, words: list[Word], at: int) -> str | None:
        """An opinion verb closing the sentence after a comma or dash, with its subject ("Belarus
        has supplied shells, Western analysts believe", «..., считают аналитики»): the clause before
        it is the opinion held, as "Analysts believe that ..." is."""
        g = self.pack.grammar if self.pack else {}
        tail = words[at + 1:]
        while tail and tail[-1].upos == "PUNCT" and tail[-1].text not in (",", "—", "–"):
            tail = tail[:-1]  # the closing full stop and quotes
        cut = max((k for k, w in enumerate(tail) if w.text in (",", "—", "–")), default=None)
        if cut is None or any(w.text in (";", ".", ":") for w in tail[:cut]):
            return None
        piece = tail[cut + 1:]
        if not 1 < len(piece) <= 6 or any(w.low in g.get("complementizers", ()) or w.lemma in g.get("relative", ())
                                          or w.low in g.get("pronouns", ()) for w in piece):
            return None  # "..., which analysts believe ...": a relative clause, not the frame of what precedes
        finite = [w for w in piece if not w.low.endswith("ing") and not any(
            f in w.feats for f in ("VerbForm=Conv", "VerbForm=Part", "VerbForm=Inf")) and not self._noun_use(
            words, w.i)]  # not ", fearing sanctions", ", a claim the government rejected"
        return next((w.lemma for w in finite if w.lemma in g.get("opinion", ())), None)

    def _relative_state(self, sentence: Sentence, words: list[Word], relative: Word,
                        persons: bool = False) -> Mention | None:
        """The state a relative pronoun right after its name and a comma stands for (in Russian and
        Ukrainian a nominative one) («Армения, которая заморозила ...», «Вірменія, яка ...»); a demonym or a common
        noun before the comma is no such antecedent. With ``persons``, a named person too ("Maia Sandu,
        who ..., condemned")."""
        if relative.i < 2 or words[relative.i - 1].text != "," or self.pack is not None and self.pack.slavic and \
                "Case=nomn" not in relative.feats:
            return None
        comma = words[relative.i - 1]
        found = next((m for m in self.resolver.in_sentence(sentence) if m.end == words[relative.i - 2].end
                      and m.end <= comma.start and m.kind != "demonym" and (
                          m.type == "state" and self.resolver.state_of(m) or persons and m.type == "person")), None)
        if found is None:
            return None
        before = [w for w in words if w.end <= found.start]
        if before and before[-1].upos == "ADP" or not self._may_be_subject(words, found):
            return None  # «громадянина Узбекистану, який воював», "a citizen of Uzbekistan, who": the noun's
        return found

    def adverb_phrase_start(self, words: list[Word], at: int) -> int:
        """The first word of an adverbial phrase (``adverb_phrases``: "so far", "thus far", "for now")
        that ends at ``at`` and stands between a subject and its verb; ``at`` itself otherwise."""
        if self.pack is None or at < 0:
            return at
        for parts in _adverb_phrases(self.pack).get(words[at].low, ()):  # the longest first
            first = at - len(parts) + 1
            if first >= 0 and all(words[first + i].low == part for i, part in enumerate(parts)):
                return first
        return at

    def _relative_insertion(self, sentence: Sentence, words: list[Word], first: int) -> Mention | None:
        """English, Russian and Ukrainian: the predicate right after a relative clause set off by
        commas that follows a state's name ("Uzbekistan, whose migrants ..., warned", «Армения,
        которая ..., осудила»; only particles, auxiliaries and "-ly" adverbs between the closing comma
        and the verb): that state, whose clause the insertion interrupts."""
        at = first - 1
        while at >= 0:
            start = self.adverb_phrase_start(words, at)  # "has so far refused": the phrase as one adverb
            if start < at or words[at].upos in ("PART", "AUX") or self.pack is not None and self.pack.english \
                    and words[at].low.endswith("ly"):
                at = start - 1
                continue
            time = self._time_before(words, at)  # "Maia Sandu, who ..., on Friday condemned": a time between
            if time < at:
                at = time - 1
                continue
            break
        if at < 3 or words[at].text != ",":
            return None
        relative = self.pack.grammar.get("relative", frozenset()) if self.pack else frozenset()
        opening = next((w for w in reversed(words[:at]) if w.text in (",", ";", ":", "—")
                        or w.lemma in relative), None)
        if opening is None or opening.lemma not in relative:
            return None
        return self._relative_state(sentence, words, opening, persons=True)

    def _time_before(self, words: list[Word], at: int) -> int:
        """The first word of a time expression of the document ("on Friday", "last week") that ends
        with the word at ``at``, with a preposition right before it; ``at`` itself otherwise."""
        word = words[at]
        time = next((t for t in self.doc.times if t.start <= word.start < t.end), None)
        if time is None:
            return at
        k = at
        while k > 0 and words[k - 1].start >= time.start:
            k -= 1
        if k > 0 and words[k - 1].upos == "ADP" and words[k - 1].text[:1].islower():
            k -= 1
        return k

    def _relative_insertion_end(self, words: list[Word], first: int, last: int, clause_end: int) -> int | None:
        """English, Russian and Ukrainian: a predicate inside a relative clause set off by a comma
        ("Kazakhstan, which depends on Russian trade, has refused", «Казахстан, который зависит от ...,
        отказался»): the offset of the comma that closes the clause (what the predicate is about ends
        there), or ``None``."""
        pack = self.pack
        if pack is None or not (pack.english or pack.slavic):
            return None
        relative = pack.grammar.get("relative", frozenset())
        k = first - 1
        while k > 0 and words[k].text != "," and words[k].lemma not in relative:
            k -= 1  # a predicate anywhere in the clause ("which abstained in the vote,")
        if k < 1 or words[k].lemma not in relative or words[k - 1].text != ",":
            return None
        return next((w.start for w in words[last + 1:clause_end + 1] if w.text == ","), None)

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
        if _de.applies(pack):
            return _de.subject(self, sentence, words, first, last, passive)
        start = words[clause_start].start
        verb_start = words[first].start
        mentions = [m for m in self.resolver.in_sentence(sentence) if m.end <= verb_start and m.start >= start]
        # the nearest ones only: a subject list longer than this is no clause but unpunctuated text (a page's
        # list run into one "sentence"), where reading every mention for every verb grew with its square
        mentions = mentions[-SUBJECT_MENTIONS:]
        if pack.slavic and first > 1 and words[first - 1].text == "," and mentions:
            earlier = next((k for k in range(first - 2, clause_start - 1, -1) if words[k].upos == "VERB"
                            and not {"VerbForm=Part", "VerbForm=Inf", "VerbForm=Conv"} & words[k].feats
                            and words[k].lemma in pack.predicates), None)
            right_after = [m for m in mentions if earlier is not None and m.start > words[earlier].end
                           and not self.doc.text[words[earlier].end:m.start].strip()]
            if right_after and right_after[0].type == "state":
                mentions = []  # «проголосовали Россия и КНДР, воздержались 35 государств»: the names after the
                # verb before are that verb's subject, not this one's (its own follows it)
        if _forms.applies(pack):
            antecedent = _forms.named_antecedent(words, first, pack.grammar)
            named = [m for m in self.resolver.in_sentence(sentence)
                     if antecedent is not None and m.start < words[antecedent].end <= m.end]
            if named:
                return (named[0],), None, False  # "La Biélorussie, qui a mis son territoire": the name
            relative = _forms.relative_insertion(words, first, clause_start, pack.grammar)
            if relative is not None:  # its own mentions are not the subject of the verb after it
                mentions = [m for m in mentions if not words[relative[0]].start <= m.start < words[relative[1]].end]
            joined = self._joined_predicate_subject(sentence, words, first, clause_start)
            if joined:
                return joined, None, False
            opened = self._vote_clause_start(words, first, clause_start)
            if opened is not None:  # «..., a od głosu wstrzymały się Chiny oraz Indie»: the list before is
                mentions = [m for m in mentions if m.start >= words[opened].start]  # the earlier vote's
        if pack.slavic and not passive and not mentions and clause_start > 0 and \
                words[clause_start - 1].text in ("—", "–"):
            dash = words[clause_start - 1]  # «Пять государств — Казахстан, ... и Узбекистан — не признали»
            listed = [m for m in self.resolver.in_sentence(sentence) if m.end <= dash.start
                      and not self.doc.text[m.end:dash.start].strip()]
            group = self._coordinated(sentence, listed[-1]) if listed else []
            if len(group) > 1 and all(m.type == "state" for m in group):
                return tuple(group), None, False  # the members the group's apposition names
        if (pack.slavic or pack.english) and not passive:
            inserted = self._relative_insertion(sentence, words, first)
            if inserted is not None:  # «Белоруссия, которая размещает ... оружие, не направила»: the state named
                # before the relative clause, not a mention inside it; a list before it whole ("A, B and C, which ...,")
                return tuple(self._coordinated(sentence, inserted)), None, False
        where = next((w for w in words[max(0, first - 2):first] if w.low in pack.grammar.get("place_relatives", ())),
                     None) if pack.slavic else None
        if where is not None:  # «відвідав Париж, де підписав угоду»: the place before «де» is where, not who
            mentions = [m for m in mentions if self.doc.text[m.end:where.start].strip(" ,")]
        relative_word = next((w for w in words[max(0, first - 2):first] if w.lemma in pack.grammar.get(
            "relative", ())), None) if pack.slavic else None
        if relative_word is not None:
            state = self._relative_state(sentence, words, relative_word)
            if state is not None:
                return (state,), None, False  # «Армения, которая заморозила участие»: the state it stands for
            return (), "relative", False  # «мужчину, который вербовал»: the relative clause's own subject
        if passive and pack.slavic:  # the agent: a mention in the instrumental after the participle
            return self.passive_agent(sentence, words, first, last)
        if passive:  # the agent: "by" within six words of the participle, in its clause ("condemned in
            # the strongest terms by"), and a mention within five words after it ("by the government of X");
            # another language's ``agent_prepositions`` ("arrêtés par la police kazakhe", «przez policję»)
            span = words[last + 1:last + 7]
            cut = next((k for k, w in enumerate(span) if w.upos == "PUNCT"), len(span))
            agent = pack.grammar.get("agent_prepositions", frozenset())
            by = next((w for w in span[:cut] if w.low in agent), None)
            if by is None and f"{words[first].lemma}_{words[last].low}" in pack.targets.get("drawn_in", frozenset()):
                return self._subject(sentence, words, first, last, clause_start, False)  # "X will not be dragged into"
            if by is None:
                return self._forces_of(sentence, words, first, clause_start), None, False
            near = words[by.i + 5].start if by.i + 5 < len(words) else words[-1].end + 1
            after = [m for m in self.resolver.in_sentence(sentence) if by.end <= m.start < near]
            return (tuple(self._coordinated_after(sentence, after[0])) if after else ()), None, False
        insertion = self.insertion_before(words, first) if pack.slavic else None
        if insertion is not None:  # «Лукашенко, выступая перед военными, заявил»: no name inside the insertion
            mentions = [m for m in mentions if not words[insertion].start <= m.start < words[first - 1].start]
        opening = first  # "..., a assuré Alexandre Loukachenko", "..., ha confermato il segretario": the auxiliaries
        while _forms.applies(pack) and opening > 1 and words[opening - 1].upos == "AUX":
            opening -= 1
        if words[last].lemma in pack.speech and opening > 0 and words[opening - 1].text in (",", '"', "”", "»", "—") \
                and insertion is None and not (last + 1 < len(words) and
                         words[last + 1].low in pack.grammar.get("pronouns", ())):  # not "..., said it would"
            after = [m for m in self.resolver.in_sentence(sentence) if m.start >= words[last].end
                     and m.start - words[last].end < 45 and m.type in ("person", "government_body", "state",
                                                                         "organization", "media", "alliance")]
            if pack.english:  # "X, the minister, told parliament that Yerevan had ...": no speaker past "that"
                joins = pack.grammar.get("complementizers", frozenset())
                after = [m for m in after if not joins & set(self.doc.text[words[last].end:m.start].casefold().split())
                         and self._may_be_subject(words, m)]  # not "..., warned its citizens against fighting in X"
            if pack.slavic:  # «..., передает ТАСС», not «..., передал России ракеты»
                after = [m for m in after if m.type == "person" or self.can_be_nominative(m)]
                after = [self.titled_person(sentence, after[0]) or after[0]] if after else after
            if after:
                return (after[0],), None, False  # "..., said Prime Minister Nikol Pashinyan"
            noun = next((x for x in words[last + 1:last + 3] if x.upos in ("NOUN", "X", "PROPN")), None)
            if _forms.applies(pack) and noun is not None:  # "..., podkreślił szef rządu", "..., ha dichiarato
                return (), noun.low, False  # Japarov" (a surname left unlinked): not a name before the comma
        post = self._postposed_speaker_en(sentence, words, first, last)
        if post is not None:
            return post  # "..., the foreign ministry said", "..., analysts warn"
        if pack.english and self._after_insertion(words, first, clause_start):
            return self._subject(sentence, words, clause_start - 2, clause_start - 2,
                                 self._clause(words, clause_start - 2, [])[0], False)  # ", while ..., voted"
        parsed = self._parsed_subject(sentence, words, first) if not pack.english else None
        if parsed is not None and pack.slavic and not parsed[0] and parsed[1] is not None and not parsed[2]:
            parsed = None  # a common noun as the parse's subject: the body and place rules below read it
        if parsed is not None:
            return parsed
        clause_subject = self._subordinate_subject(words, first, mentions) if pack.english else None
        if clause_subject is not None:  # "... after Russia demanded it": the subject of the clause "after" opens
            return (clause_subject,), None, False
        candidates = [m for m in mentions if self._may_be_subject(words, m)]
        if pack.english and candidates:  # "Turkey, a NATO member, has positioned itself as a mediator": not NATO
            candidates = [m for m in candidates if not self._inside_apposition_en(sentence, words, m, first)]
        if pack.slavic and candidates:
            candidates = self.agreeing(sentence, words, first, candidates)
        owner = self._before_apposition(sentence, words, first, clause_start) or \
            self._body_in_state(sentence, words, first, clause_start, mentions)
        if owner is not None:  # "A and B, like most of their neighbours, declined": the list before the insertion
            return tuple(self._coordinated(sentence, owner)), None, False
        head_noun = self._head_noun_before(words, first, clause_start, candidates)
        if head_noun is not None:
            return (), head_noun, False
        if candidates:
            nearest = max(candidates, key=lambda m: m.end)
            if self._group_before(nearest):
                return (), "group", False
            persons = pack.grammar.get("pronouns_person", frozenset())
            if nearest.type == "state" and any(w.low in persons and not (w.i + 1 < len(words) and self._state_pronoun(
                    words, w.i + 1)) for w in words[clause_start:first] if w.start >= nearest.end):  # not "his country"
                return (), "person", False  # "sentenced an Uzbek citizen after he fought": he is no state
            group = self._coordinated(sentence, nearest)
            if pack.slavic and len(group) == 1:  # «Вооружённые силы Белоруссии и России провели»: each state
                return self.owners_listed(sentence, words, first, nearest), None, False
            return tuple(group), None, False
        shared = self._subject_before_conjunction(sentence, words, first, clause_start) if not candidates else None
        if shared:
            return shared, None, False  # "Armenia depends on Russian gas but has called for ...": the first clause's
        if pack.slavic and not candidates:
            body = self._body_subject(sentence, words, first, last, clause_start)
            if body is not None:  # «В России полиция задерживает», «Власти Киргизии отказались»: the state acts
                return self.owners_listed(sentence, words, first, body), (
                    "state_body" if body.type != "person" else None), False
        we = next((w for w in words[clause_start:first] if w.low in pack.grammar.get("pronouns_we", ())
                   or pack.slavic and w.lemma in pack.grammar.get("pronouns_we", ())), None)  # «Наша страна»
        if we is not None:
            return (), None, True
        if any(self._state_pronoun(words, w.i) for w in words[clause_start:first]):
            return (), None, False  # "it", "the country", «країна»: resolved by the caller
        if not pack.english:  # free word order: a nominative mention right after the verb
            clause_end = words[self._clause(words, first, [])[1]].end  # not past a closing quote
            said = next((w.start for w in words[last + 1:] if w.low in pack.grammar.get("complementizers", ())), None)
            if said is not None:  # «В МИД России заявили, что Армения ...»: the said clause's subject is not the verb's
                clause_end = min(clause_end, said)
            after = [m for m in self.resolver.in_sentence(sentence) if m.start >= words[last].end
                     and m.start - words[last].end < 40 and (m.type == "person" or (
                         self._nominative(m, only=True) if pack.slavic else not self._after_adposition(words, m)))
                     and m.start < clause_end]
            if after and after[0].type == "state":  # «в том числе Казахстан, Киргизия и Таджикистан»: a list's
                # earlier members, nominative or accusative alike, before the first surely nominative one
                head = after[0]
                prior = [m for m in self.resolver.in_sentence(sentence)
                         if words[last].end <= m.start and m.end <= head.start and m.type == "state"]
                while prior and self.doc.text[prior[-1].end:head.start].strip() == ",":
                    head = prior.pop()
                after = [head] + after
            if after:  # «поддержали 141 государство, в том числе Молдавия, Грузия и Азербайджан»: the whole list
                listed = self._coordinated_after(sentence, after[0]) if after[0].type == "state" else [after[0]]
                return tuple(listed), None, False
        if pack.slavic and self._indefinite_personal(words, first):
            spoken = self.body_place_before(sentence, words, first, clause_start)
            if spoken is not None:
                return (spoken,), "state_body", False  # «В МИД России заявили»: the body's state
        if not pack.english and self._indefinite_personal(words, first):
            place = [m for m in self.resolver.in_sentence(sentence) if m.type == "state" and m.end <= words[first].start
                     and self._after_locative(words, m)]
            if place:
                return (place[-1],), None, False  # «В России ухвалили закон»: the authorities of the place
            body = self.body_place(sentence, words, first, clause_start)
            if body is not None:
                return (body,), "state_body", False  # «заявили в МИД Ирана»: the body's state
            if self._place_word_before(words, first, clause_start):
                context = self.context_state(sentence, words[first].start)
                if context is not None:
                    return (context,), None, False  # «В Калужской области отказываются»: a region of that state
        parsed = self._parsed_subject(sentence, words, first) if pack.english else None
        if parsed is not None and parsed[0]:
            return parsed  # English: the parse's subject where the word rules found none
        opening = words[clause_start].start == sentence.start or not re.search(
            r"[,;:«»\"—()]", self.doc.text[sentence.start:words[clause_start].start])  # «Проте він»: a connective
        k = first - 1
        while k > clause_start and words[k].upos in ("AUX", "PART", "ADV"):
            k -= 1
        he = pack.english and k > 0 and words[k].low in ("he", "she") and words[k - 1].lemma in pack.speech
        # "The ministry said he had entered ...": the person the speaker speaks of, not the speaker's state
        pronoun = self.resolver.resolve_pronoun(sentence, states_only=True) if opening and not he else None
        if pronoun is None and opening and pack.english and not he and self.resolver.person_pronoun(
                self.doc.text[words[clause_start].start:words[first].start]):
            # "He also visited a plant": the person of the sentences before, with or without a state
            pronoun = self.resolver.resolve_pronoun(sentence, opening=True)
            pronoun = pronoun if pronoun is not None and pronoun.type == "person" else None
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
        if self.pack is None or not self.pack.english:
            return None
        g = self.pack.grammar
        nearest = max(candidates, key=lambda m: m.end) if candidates else None
        edge = nearest.end if nearest is not None else words[clause_start].start
        stretch = [w for w in words[clause_start:first] if w.start >= edge]
        aux_at = next((k for k, w in enumerate(stretch) if w.upos == "AUX"), len(stretch))
        between = [w for w in stretch[:aux_at] if w.upos != "PART" and not (w.upos == "X" and w.low.endswith("ly"))]
        mentions = [(m.start, m.end) for m in self.resolver.in_sentence(self._sentence_of(words))]
        verbs = self.pack.union("grammar", "aspectual", "plan")
        content = [w for w in between if w.upos == "X" and not any(a <= w.start < b for a, b in mentions)
                   and w.lemma not in verbs and w.low not in verbs]  # "Minsk continues to provide"
        if content and any(w.upos == "PRON" for w in stretch if w.start > content[-1].start):
            return None  # "Last month, he ordered": the pronoun is the subject
        if content and content[-1].low in g.get("force_nouns", ()) and content[-1].i > 0 and \
                words[content[-1].i - 1].low in ("its", "their"):
            return None  # "its troops had taken": the state's own forces, the pronoun resolved by the caller
        if nearest is not None and content and all(w.low in g.get("state_nouns", ()) for w in content):
            return None
        if nearest is not None and nearest.type == "state" and content and \
                content[-1].low in g.get("state_nouns", ()) and all(w.text[:1].islower() for w in content) and \
                not any(w.low in g.get("former", ()) for w in content) and \
                self.doc.text[nearest.end:content[0].start].strip() in ("'s", "’s"):
            return None  # "Mali's transitional authorities voiced": the state's own organ, a modifier before it
        if nearest is not None and content and content[0].low in g.get("position_nouns", ()) and \
                self.doc.text[nearest.end:content[0].start].strip() in ("'s", "’s", ""):
            return None  # "Uzbekistan's position on the conflict remains neutral": the state's own position
        if nearest is not None and nearest.type == "state" and 1 <= len(content) <= 3 and \
                content[-1].low in self.pack.union("grammar", "force_nouns", "weapon_nouns") and \
                all(w.text[:1].islower() for w in content) and \
                self.doc.text[nearest.end:content[0].start].strip() in ("'s", "’s"):
            return None  # "Pyongyang's troops are fighting", "Ukraine's drones struck": its own forces act for it
        if nearest is not None and nearest.type == "state" and len(content) == 1 and \
                content[0].low in g.get("decision_nouns", ()) and content[0].i + 1 < first and \
                words[content[0].i + 1].low == "to" and \
                self.doc.text[nearest.end:content[0].start].strip() in ("'s", "’s"):
            return None  # "Minsk's decision to let Russian troops use ...": the state decides the infinitive's act
        if nearest is not None and nearest.kind == "demonym" and content and content[0].start - nearest.end <= 1 \
                and not any(w.text == "," for w in between):
            return None  # "Fijian rebels", "Kazakh rights activists": the group the demonym names
        state_nouns_defined = _defined_state_nouns(self.pack)
        if content and content[-1].i > 0 and (self._state_pronoun(words, content[-1].i) or content[-1].low in
                                               state_nouns_defined) and words[content[-1].i - 1].low in g.get(
                                                   "pronoun_determiners", ()):
            return None  # "the country", "the republic": a pronoun for the state, resolved by the caller
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

    def _subordinate_subject(self, words: list[Word], first: int, mentions: list[Mention]) -> Mention | None:
        """English: "Georgia closed the border after Russia demanded it": a name between a word that
        opens a subordinate clause (``object_ends``: after, when, because, ...) and the verb, with
        nothing but auxiliaries and adverbs between it and the verb, is that clause's subject, not a
        preposition's object."""
        g = self.pack.grammar if self.pack else {}
        opens = g.get("object_ends", frozenset())
        if not mentions or not opens:
            return None
        m = max(mentions, key=lambda x: x.end)
        if m.type not in ("state", "person", "organization", "government_body", "alliance"):
            return None
        before = [w for w in words if w.end <= m.start]
        while before and before[-1].upos == "DET":
            before.pop()  # "after the CSTO refused"
        if not before or before[-1].low not in opens or before[-1].low in ("as", "amid", "before", "until") or \
                self.pack is not None and words[first].lemma in self.pack.speech:
            return None  # not "just before Russia invaded" (a time, not an act told), nor "after X told ..."
        between = [w for w in words[:first] if w.start >= m.end]
        if any(w.upos not in ("AUX", "ADV", "PART") for w in between):
            return None
        return m

    def _may_be_subject(self, words: list[Word], m: Mention) -> bool:
        """Not a location or a target: no preposition right before it; nominative in Russian and
        Ukrainian (persons' names, which pymorphy3 often misreads, pass)."""
        # the words that end before the mention (a sentence's words are in order: found by bisection, as
        # a scan of every word for every mention of every frame made a long list-like sentence cubic)
        before = words[:bisect.bisect_right(words, m.start, key=_word_end)]
        if before and before[-1].upos == "ADP" and before[-1].low not in ("of",):
            return False
        tail = self.doc.text[m.end:m.end + 2]
        if len(tail) == 2 and tail[0] in "-‐" and tail[1].isalpha() and tail[1].islower():
            return False  # "Iranian-made drones", "Russian-backed forces": a compound modifier, no actor
        if before and self.pack is not None and self.pack.has("non_subject_prepositions", before[-1].low):
            return False
        if len(before) >= 2 and before[-1].upos == "DET" and before[-2].upos == "ADP" and \
                before[-2].low not in ("of", "for"):
            return False  # "Brazil's ambassador to the UN called ...": the UN is where, not who ("a
            # spokesman for the ministry" and "the president of the republic" speak for it)
        if self.pack is not None and self.pack.slavic and self._after_source(m):
            return False  # «По словам Пескова», «За словами Зеленського»: the source, not the subject
        if self.pack is not None and self.pack.slavic and self.attribute_of_noun(words, m):
            return False  # «учениях ОДКБ», «санкцій ЄС»: the noun's genitive, not the subject
        if self.pack is not None and not self.pack.english and m.type != "person":
            if before and before[-1].lemma in self.pack.grammar.get("state_nouns", ()):
                return True  # «МИД Узбекистана», «Посольство Узбекистану»: the state acting through its body
            return _forms.applies(self.pack) or self._nominative(m)  # a form table has no case to read
        return True

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
        partner = self._counterpart_of(nearest, earlier)
        if partner is not None:
            return [partner, nearest]  # "Saidov and his Kazakh counterpart signed": both act
        joined = _list_gap(self.pack)
        for m in earlier:
            gap = text[m.end:group[-1].start]
            if not joined.fullmatch(gap):
                break
            if not self._may_be_subject(words, m):
                break  # "with Russia, Beijing maintained": a phrase before the subject, no list
            group.append(m)
        persons = {m.type == "person" for m in group}
        if len(group) > 1 and len(persons) == 1 and all(self.resolver.state_of(m) or m.type == "alliance"
                                                         for m in group):
            return list(reversed(group))  # one kind: "A, B and C"; not "the CSTO, Pashinyan said"
        return [nearest]

    def _counterpart_of(self, nearest: Mention, earlier: list[Mention]) -> Mention | None:
        """English: a demonym before a noun of ``counterpart_nouns`` joined by "and his", "and her" or
        "and their" to a person or a state right before ("Bakhtiyor Saidov and his Kazakh counterpart",
        "Armenia and its French partners"): the mention before, the demonym's state its partner."""
        g = self.pack.grammar if self.pack is not None else {}
        nouns = g.get("counterpart_nouns", frozenset())
        if not nouns or not earlier or nearest.kind != "demonym":
            return None
        following = re.match(r"\s+([\w-]+)", self.doc.text[nearest.end:nearest.end + 40])
        if following is None or following.group(1).casefold() not in nouns:
            return None
        m = earlier[0]
        gap = self.doc.text[m.end:nearest.start].casefold().split()
        owners = ("his", "her", "their", "its")
        if len(gap) != 2 or gap[0] not in g.get("list_joiners", frozenset()) or gap[1] not in owners:
            return None
        return m if m.type in ("person", "state") else None

    def _coordinated_after(self, sentence: Sentence, first: Mention) -> list[Mention]:
        """"condemned by Moldova and Georgia": the agent and every state listed after it, joined by
        commas and the pack's ``agent_joiners``."""
        group = [first]
        joined = _agent_gap(self.pack)
        for m in (m for m in self.resolver.in_sentence(sentence) if m.start >= first.end):
            if not joined.fullmatch(self.doc.text[group[-1].end:m.start]):
                break
            group.append(m)
        return group if all(self.resolver.state_of(m) or m.type == "alliance" for m in group) else [first]

    def _with_speakers(self, sentence: Sentence, words: list[Word], frames: list[Frame]) -> list[Frame]:
        """The speech frame: a speech predicate's subject is the speaker of the clause it governs
        (the clause after it, or, when it closes the sentence, the clause before)."""
        assert self.pack is not None
        speech = [f for f in frames if f.lemma in self.pack.speech and f.subjects]
        source = self._according_to(sentence)
        if not speech and source is None and not (self.pack.slavic and any(f.we for f in frames)):
            return frames
        out = []
        for f in frames:
            speaker = source
            for s in speech:
                if s is f:
                    continue
                if f.start > s.end or (s.start > f.end and s.clause_start >= f.clause_start):
                    speaker = s.subjects[0]
            if speaker is None and f.we and self.pack.slavic:
                speaker = self._quote_speaker(sentence)
            out.append(_with_speaker(f, speaker) if speaker is not None else f)
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


from . import frames_de as _de  # noqa: E402  - the German rules use Word and FrameBuilder from here
from . import frames_forms as _forms  # noqa: E402  - languages read through a form table (fr, it, pl, ro, bg)
