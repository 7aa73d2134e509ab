"""Russian and Ukrainian clause frames: what these languages mark by morphology and word order,
not by the English helpers of :mod:`allegiance.nlp.frames` (mixed into its ``FrameBuilder``).

- a state acting through a body named by a common noun in the nominative («полиция», «силовики»,
  «военкоматы», «суд»), before the verb or after it: the state named right after it, the place
  of the clause, else the state the text is about;
- indefinite-personal clauses in a place word («в Калужской области отказываются»);
- a light verb with the noun of the act («провели массовые рейды», «прошли облавы сотрудников»);
- passives with the instrumental agent («был подписан Путиным», «підписано Путіним»);
- a future auxiliary after an infinitive («воевать ... не будет»);
- the speaker of a quotation over several sentences («... Мы не посылаем», — сказал X);
- the readings of a word worth considering (Ukrainian analyses carry no frequencies).

Data: ``lang/<code>/grammar.toml`` (``state_nouns``, ``body_members``, ``place_nouns``,
``negation_aux``, ``reminders``, ``attribution``, ``speech_events_addressed``, ``temporal``).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .doc import Doc, Mention, Sentence
from .frame_types import governed_factuality, in_lede, object_words
from .slavic_words import (  # noqa: F401 - the word readings; importable from here as before
    _RU_SEEN,
    Lemma,
    _analyses,
    _ru_words,
    readings,
    uk_participle_verb,
)
from .tokens import analyzer_for

if TYPE_CHECKING:
    from .actors import ActorResolver
    from .frames import LanguagePack, Word

__all__ = ["SLAVIC", "SlavicClauses", "readings", "uk_participle_verb", "Lemma"]

#: the languages these rules are for (pymorphy3 morphology, free word order)
SLAVIC = frozenset({"ru", "uk"})
#: the governors that qualify an infinitive («намерена вступить», «призвал прекратить») and a clause
#: after a complementizer («считает, что ...») (``frame_types.GOVERNED_FACTUALITY``)
_INFINITIVE_GOVERNORS = frozenset({"future", "plan", "asking"})
_CLAUSE_GOVERNORS = frozenset({"opinion", "denial"})


class SlavicClauses:
    """The Russian and Ukrainian parts of the frame builder (a mixin of ``FrameBuilder``)."""

    doc: Doc
    resolver: ActorResolver
    pack: LanguagePack | None

    def words(self, sentence: Sentence) -> list[Word]:
        raise NotImplementedError

    def _clause_left(self, words: list[Word], at: int) -> int:
        raise NotImplementedError

    def _opinion_after(self, words: list[Word], at: int) -> str | None:
        raise NotImplementedError

    def _clause(self, words: list[Word], at: int, predicates: list[tuple[int, int, str]]) -> tuple[int, int]:
        raise NotImplementedError

    def _coordinated_after(self, sentence: Sentence, first: Mention) -> list[Mention]:
        raise NotImplementedError

    def in_related_list(self, sentence: Sentence) -> bool:
        """Page furniture read from whole lines: a line of a related-links list (after a header line,
        ``related_lists`` in grammar.toml: «Новости по теме», «Самое читаемое», «Популярне», each line
        without closing punctuation up to the first that has it: other pages' headlines), and a
        caption line (one holding a mark of ``caption_marks``: «©», «Фото:» in mid-line)."""
        spans = getattr(self, "_related_spans", None)
        if spans is None:
            spans = self._related_spans = _related_list_lines(self.doc.text, self.pack)
        return bool(spans) and any(a <= sentence.start < b for a, b in spans)

    def before_body(self, sentence: Sentence) -> bool:
        """Russian and Ukrainian pages: a line without closing punctuation before the first line of
        the body (a headline after a date line or breadcrumbs, a byline, a date, a section name) is
        no sentence of the page's own. The body's first line ends with closing punctuation and has
        at least six words."""
        if self.pack is None or not self.pack.slavic:
            return False
        start = getattr(self, "_body_start", None)
        if start is None:
            start = self._body_start = _body_start(self.doc.text)
        if sentence.start >= start:
            return False
        line_end = self.doc.text.find("\n", sentence.start)
        line = self.doc.text[self.doc.text.rfind("\n", 0, sentence.start) + 1:line_end if line_end >= 0 else None]
        return not line.rstrip().endswith(_CLOSING[:-1]) and len(line.split()) <= 20

    def _context_candidate(self, sentence: Sentence) -> bool:
        """Russian and Ukrainian: a sentence naming no actor can still yield one from the text
        around it, when a state body or a place is its subject («силовики забирают», «в регионах
        отказываются») or it tells of recruitment («заключили контракт»)."""
        assert self.pack is not None
        states = getattr(self, "_names_a_state", None)  # once per document, not a scan of its mentions per sentence
        if states is None:
            states = self._names_a_state = any(m.type == "state" for m in self.doc.mentions)
        if not states:
            return False
        g = self.pack.grammar
        words = self.words(sentence)
        lemmas = {w.lemma for w in words} | {w.lemma.split("-")[0] for w in words}
        from .frames import _predicate_heads  # the frame module imports this one

        if not lemmas & _predicate_heads(self.pack):
            return False
        if lemmas & (g.get("state_nouns", frozenset()) | g.get("place_nouns", frozenset())) or any(
                self.pack.event_types.get(w.lemma) == "MOBILIZE" for w in words):
            return True
        members = g.get("body_members", frozenset())  # «Сотрудники ГКНБ задержали»: a member of a state organ
        return any(w.lemma in members and self._member_of_organ(words, w.i, self.resolver.in_sentence(sentence))
                   for w in words)

    def _light_verb_noun(self, words: list[Word], n: int) -> tuple[Word | None, str]:
        """Russian and Ukrainian: a light verb and the noun carrying the act, with adjectives
        between («провели массовые рейды»), a count («вынесли более 40 приговоров»), a place or time
        in a prepositional phrase («провёл в Кремле переговоры») or a pronoun of the one it is done to («избрал им меру
        пресечения»), or the noun fronted in the clause («Рейды ... проводили сотрудники»)."""
        assert self.pack is not None
        lemma = words[n].lemma
        k = n + 1
        if k + 1 < len(words) and words[k].upos == "ADP" and words[k + 1].upos in ("NOUN", "PROPN") and \
                k + 2 < len(words) and words[k + 2].upos in ("NOUN", "ADJ"):
            k += 2  # a place or time between: «провёл в Кремле переговоры», «провели в среду встречу»
        while k < len(words) and k <= n + 5 and (words[k].upos in ("ADJ", "DET", "NUM") or words[k].upos == "PRON"
                                                 and "Case=datv" in words[k].feats or words[k].upos == "ADV"
                                                 and k + 1 < len(words) and words[k + 1].upos == "NUM"):
            k += 1  # a count between as well: «вынесли более 40 приговоров»
        if k < len(words) and k > n + 1 and f"{lemma}_{words[k].lemma}" in self.pack.predicates:
            return words[k], f"{lemma}_{words[k].lemma}"
        for x in reversed(words[max(0, n - 6):n]):
            if x.text in (",", ";", ":", "—") or x.upos == "VERB":
                break
            if x.upos == "NOUN" and f"{lemma}_{x.lemma}" in self.pack.predicates and "Case=nomn" in x.feats:
                return words[n], f"{lemma}_{x.lemma}"
        return None, ""

    def _aux_after(self, words: list[Word], at: int) -> Word | None:
        """The future auxiliary after an infinitive in the same clause («воевать ... не будет»), or a
        finite verb of intention there («отправлять не планируют», «вступать не собирается»)."""
        intents = self.pack.grammar.get("negation_aux", frozenset()) if self.pack is not None else frozenset()
        auxiliary = self.pack.grammar.get("be_auxiliary", frozenset()) if self.pack is not None else frozenset()
        for x in words[at + 1:at + 6]:
            if x.upos == "VERB" and x.lemma in intents and "VerbForm=Inf" not in x.feats and \
                    "VerbForm=Part" not in x.feats:
                return x
            if x.text in (",", ";", ":", "—", "»") or x.upos == "VERB" and "Future" not in x.feats:
                return None
            if x.lemma in auxiliary and "Future" in x.feats:
                return x
        return None

    def _passive_predicate(self, words: list[Word], at: int) -> bool:
        """A passive participle that is the clause's predicate: a short form («подписан»), the
        impersonal «-но/-то», a full form right after «был/був/буде», one opening a participial
        phrase with its agent in the instrumental («, подписанный Путиным,»), or a full form with its
        agent in a sentence with no finite verb («Санкції запроваджені Радою ...»)."""
        w = words[at]
        if "Short" in w.feats or "Impersonal" in w.feats:
            return True
        if at > 1 and words[at - 1].text == "," and at + 1 < len(words) and words[at + 1].upos == "NOUN" and \
                "Case=ablt" in words[at + 1].feats and self.pack is not None and \
                words[at - 2].lemma in self.pack.grammar.get("document_nouns", ()):
            return True  # «Указ, подписанный Путиным, ...»: a participial phrase with its agent reports the act
            # (after a document or a measure; «Вооружение, поставляемое Ираном,» describes the thing)
        if at > 0 and at + 1 < len(words) and words[at + 1].upos == "NOUN" and "Case=ablt" in words[at + 1].feats \
                and words[at - 1].upos not in ("PUNCT", "ADP") and not any(
                    x.upos == "VERB" and not {"VerbForm=Inf", "VerbForm=Part"} & set(x.feats) for x in words):
            return True  # «Санкції ... запроваджені Радою»: a full participle with its agent as the only predicate
        return at > 0 and self.pack is not None and words[at - 1].lemma in self.pack.grammar.get("be_auxiliary", ())

    def _lede_act_slavic(self, words: list[Word], at: int) -> bool:
        """«Казахстан осуждает удар по Харькову»: a present in one of the text's first three sentences,
        with no verb, relative word or «что» before it, whose object is not the war itself («осуждает
        агрессию» is a position held)."""
        assert self.pack is not None
        g = self.pack.grammar
        if not in_lede(self.doc, words):
            return False
        if any(x.upos in ("VERB", "AUX") or x.lemma in g.get("relative", ()) or x.low in g.get("complementizers", ())
               for x in words[:at]):
            return False
        war = self.pack.targets.get("war", frozenset())
        return not any(x.lemma in war for x in object_words(words, at, 4))

    def _body_subject(self, sentence: Sentence, words: list[Word], first: int, last: int,
                      clause_start: int) -> Mention | None:
        """The state acting through a body named by a common noun in the nominative («полиция»,
        «силовики», «военкоматы», «суд»), before the verb or, in free word order, after it: the
        state named right after it («Власти Киргизии», «сотрудники МВД России»), else the place
        of the clause («В России полиция», «Суд в Ташкенте», «на рынках Москвы»), else, for a
        body (not a member such as «сотрудник»), the state the text is about."""
        assert self.pack is not None
        g = self.pack.grammar
        bodies, members = g.get("state_nouns", frozenset()), g.get("body_members", frozenset())
        _c, clause_end = self._clause(words, first, [])
        after: list[int] = []
        near = next((j + 1 for j in range(first - 1, clause_start - 1, -1) if words[j].text in (",", "—", ";", ":")),
                    clause_start)  # the stretch before the verb with no comma between
        subject_before = any(words[j].upos == "NOUN" and "Case=nomn" in words[j].feats and "Case=accs" not in
                             words[j].feats and not self._after_preposition(words, j) for j in range(near, first))
        for k in range(last + 1, min(clause_end + 1, last + 5) if not subject_before else last + 1):
            # (a noun only nominative before the verb is its subject: «Депутаты ... призвали правительство»)
            if words[k].text in (",", ";", ":", "—") or words[k].low in g.get("complementizers", frozenset()):
                break  # «требует, чтобы правительство ...»: the clause said, not the verb's subject
            after.append(k)
        stretch = list(range(clause_start, first)) + after
        persons_after = [m.start for m in self.resolver.in_sentence(sentence) if m.type == "person"
                         and words[last].end <= m.start]  # «сообщил журналистам Песков, Кремль ...»: he speaks
        nouns = [k for k in stretch if words[k].lemma in bodies | members and "Case=nomn" in words[k].feats
                 and not self._after_preposition(words, k)
                 and not (words[k].upos == "ADJ" and k + 1 < len(words) and words[k + 1].upos == "NOUN"
                          and "Case=nomn" in words[k + 1].feats)  # «Військовий суд»: an attribute of the body
                 and not (k > last and any(p < words[k].start for p in persons_after))][:1]
        if last > first:  # «прошли рейды сотрудников полиции»: the agent of the act's noun
            agents = [k for k in range(last + 1, min(len(words), last + 12)) if words[k].text not in (",", ";")
                      and words[k].lemma in bodies | members and "Case=gent" in words[k].feats]
            nouns += [k for k in agents if words[k].lemma in bodies] + agents
        lo, hi = words[clause_start].start, words[clause_end].end
        mentions = self.resolver.in_sentence(sentence)
        for noun in nouns:
            owner = self._owner(words, noun, mentions, bodies | members) or (
                self._owner_after_complement(words, noun, mentions) if "Number=plur" in words[first].feats
                else None)  # «Министры обороны Армении и Ирана»: past the body's genitive complement
            if owner is not None:  # «глава МИД Казахстана Мурат Нуртлеу»: the titled person, not the state
                return self.titled_person(sentence, owner) or owner
            place = [m for m in mentions if lo <= m.start < hi and m.type == "state"
                     and self._in_place_phrase(words, m) and not self._destination(m)]
            if place:
                return place[0]
            if words[noun].lemma in bodies or self._member_of_organ(words, noun, mentions):
                return self.context_state(sentence, words[first].start)
        return None

    def _member_of_organ(self, words: list[Word], noun: int, mentions: list[Mention]) -> bool:
        """«Сотрудники ГКНБ задержали», «Співробітники ДБР затримали»: a member noun before an
        abbreviation in capitals that names nothing the knowledge base lists (a listed body such as
        «ФСБ» is its own actor) is a member of a state organ: the state acts, as for a body."""
        if noun + 1 >= len(words):
            return False
        nxt = words[noun + 1]
        letters = re.sub(r"[^\w]", "", nxt.text)
        return 2 < len(letters) <= 6 and letters.isupper() and letters.isalpha() and not any(
            m.start <= nxt.start < m.end for m in mentions)

    def body_place(self, sentence: Sentence, words: list[Word], first: int, clause_start: int) -> Mention | None:
        """An indefinite-personal verb with a state body in the locative right after it («заявили
        в МИД Ирана», «повідомили в Міноборони республіки», «заявили в Кремле»): the state named
        with the body, else, after «республики»/«країни», the state the sentence names. (Before
        the verb, «в/у» + a body was tried too and lost an event on the dev half not read.)"""
        assert self.pack is not None
        g = self.pack.grammar
        bodies = g.get("state_nouns", frozenset())
        mentions = self.resolver.in_sentence(sentence)
        inside = g.get("in_prepositions", frozenset())
        for k in range(first + 2, min(len(words), first + 4)):
            if words[k - 1].low not in inside:
                continue
            own = next((m for m in mentions if m.start == words[k].start and self.resolver.state_of(m)), None)
            if own is not None and own.type not in ("person", "state") or own is not None and words[k].lemma in bodies:
                return own  # «в Кремле», an organisation of a state («в МИД Ирана» read as one name), not a country
            if words[k].lemma not in bodies:
                continue
            owner = self._owner(words, k, mentions, bodies)
            if owner is not None:  # «глава МИД Казахстана Мурат Нуртлеу»: the titled person, not the state
                return self.titled_person(sentence, owner) or owner
            if k + 1 < len(words) and words[k + 1].lemma in g.get("pronouns_state", frozenset()):
                named = [m for m in mentions if m.end <= words[first].start and m.type == "state"
                         and m.kind != "demonym"]  # «Узбекистан ..., заявили в МИД республики»
                return named[0] if named else self.context_state(sentence, words[first].start)
        return None

    def insertion_before(self, words: list[Word], first: int) -> int | None:
        """The comma opening an insertion that ends right before the verb at ``first``: a gerund
        phrase («Лукашенко, выступая перед военными, заявил»), a participial phrase («Венгрия,
        блокировавшая пакет, не стала»), a relative clause on ``insertion_openers`` («Киргизия,
        чьи банки попали под ограничения, выразила») or an apposition opening with a noun or an adjective
        on the name before it («Лукашенко, ближайший союзник Путина, помиловал»), with a word before it;
        else ``None``."""
        if self.pack is None or first < 3 or words[first - 1].text != ",":
            return None
        openers = self.pack.grammar.get("insertion_openers", frozenset())
        for k in range(first - 2, max(0, first - 14), -1):
            if words[k].upos == "PUNCT" and words[k].text != ",":
                return None
            if words[k].text != ",":
                continue
            if k == 0:
                return None
            head = words[k + 1]
            if head.low in openers or head.lemma in openers or head.upos == "VERB" and "VerbForm=Part" in head.feats:
                return k
            if head.upos in ("NOUN", "ADJ") and any(m.end == words[k - 1].end and m.type in ("person", "state")
                                                    for m in self.resolver.mentions) and \
                    not any(m.start <= head.start < m.end for m in self.resolver.mentions) and \
                    not any(w.upos in ("VERB", "AUX") for w in words[k + 1:first - 1]):
                return k  # «Лукашенко, ближайший союзник Путина, помиловал»: an apposition on the name before (not
                # the next name of a list, «Грузия, Молдавия и Армения оказались ..., осудивших», nor a clause)
            return None
        return None

    def body_place_before(self, sentence: Sentence, words: list[Word], first: int,
                          clause_start: int) -> Mention | None:
        """An indefinite-personal speech verb right after a state body in the locative with its
        state, opening the clause («В МИД России заявили», «У МЗС Білорусі заявили», «В Минобороны
        Белоруссии сообщили»): the body's state speaks. Only the body phrase may stand before the
        verb; a body elsewhere before it is left alone (a wider rule lost an event on the dev half
        not read)."""
        assert self.pack is not None
        g = self.pack.grammar
        if words[first].lemma not in self.pack.speech:
            return None
        inside, bodies = g.get("in_prepositions", frozenset()), g.get("state_nouns", frozenset())
        at = next((k for k in (first - 3, first - 4) if k >= clause_start and words[k].low in inside
                   and words[k + 1].lemma in bodies), None)
        if at is None or any(w.upos in ("NOUN", "PROPN", "VERB", "PRON") for w in words[clause_start:at]):
            return None  # only a connective may open the clause («Кроме того, в МИД Казахстана заявили»)
        mentions = self.resolver.in_sentence(sentence)
        own = next((m for m in mentions if m.start == words[at + 1].start and self.resolver.state_of(m)
                    and m.type not in ("person", "state")), None)  # «МИД России» read as one name
        owner = own or self._owner(words, at + 1, mentions, g.get("state_nouns", frozenset()))
        if owner is None or owner.type == "person" or self.doc.text[owner.end:words[first].start].strip():
            return None
        return owner

    def owners_listed(self, sentence: Sentence, words: list[Word], first: int, owner: Mention) -> tuple[Mention, ...]:
        """A body of several states before a plural verb («Вооружённые силы Белоруссии и России
        провели», «Министры обороны Армении и Ирана обсудили», «Уряди Естонії, Латвії та Литви
        запровадили»): the state its noun names and every state listed after it (commas and the
        ``list_joiners``) before the verb, one actor each (the guidelines: a joint act is split per
        state). A singular verb keeps the one owner, unless a collective body (``collective_bodies``:
        «Влада Грузії та Вірменії закрила») names it."""
        if owner.type == "person" or not self.resolver.state_of(owner):
            return (owner,)
        if "Number=plur" not in words[first].feats:
            before = [w for w in words if w.end <= owner.start][-1:]
            collective = self.pack.grammar.get("collective_bodies", frozenset()) if self.pack is not None else ()
            if not before or before[0].lemma not in collective:
                return (owner,)
        if owner.end > words[first].start:
            return (owner,)  # «проводили сотрудники МВД России»: a body after the verb keeps its one state
        group = [m for m in self._coordinated_after(sentence, owner) if m.end <= words[first].start]
        return tuple(group) if all(m is owner or m.type == "state" for m in group[1:]) else (owner,)

    def _owner(self, words: list[Word], noun: int, mentions: list[Mention], nouns: frozenset[str]) -> Mention | None:
        """The state named right after a body noun, or after its member noun («сотрудники МВД России»)."""
        for k in (noun + 1, noun + 2):
            if k >= len(words) or k == noun + 2 and words[noun + 1].lemma not in nouns:
                break
            found = next((m for m in mentions if m.start == words[k].start and self.resolver.state_of(m)), None)
            if found is not None:
                return found
        return None

    def _after_preposition(self, words: list[Word], k: int) -> bool:
        for w in reversed(words[max(0, k - 3):k]):
            if w.upos == "ADP":
                return True
            if w.upos not in ("ADJ", "DET"):
                return False
        return False

    def _in_place_phrase(self, words: list[Word], m: Mention) -> bool:
        """«в России», «у Москві», «на рынках Москвы», «в Ташкенте»: the place where it happens."""
        before = [w for w in words if w.end <= m.start][-3:]
        if not before:
            return False
        g = self.pack.grammar if self.pack is not None else {}
        inside = g.get("in_prepositions", frozenset())
        if before[-1].low in inside or before[-1].low in g.get("on_prepositions", ()):
            return True
        return before[-1].upos == "NOUN" and len(before) >= 2 and (before[-2].low in inside or
                                                                    before[-2].upos == "ADJ" and len(before) == 3
                                                                    and before[-3].low in inside)

    def _place_word_before(self, words: list[Word], first: int, clause_start: int) -> bool:
        """A locative of a place word before the verb: «в регионах», «в Калужской области», «у країні-агресорі»."""
        places = self.pack.grammar.get("place_nouns", frozenset()) if self.pack else frozenset()
        inside = self.pack.grammar.get("in_prepositions", frozenset()) if self.pack else frozenset()
        for k in range(clause_start, first):
            if words[k].lemma.split("-")[0] in places and self._after_preposition(words, k) and \
                    any(x.low in inside for x in words[max(0, k - 3):k]):
                return True
        return False

    def context_state(self, sentence: Sentence, before: int) -> Mention | None:
        """The state the text is about at this point: the latest mention standing for a state in
        the sentence before ``before``, else in the sentences before it (no person, no target
        after «против», «проти», «на», no destination: «в Россию», «до Росії»)."""
        index = self._sentence_index(sentence)
        for previous in [sentence] + list(reversed(self.doc.sentences[max(0, index - 4):index])):
            found = [m for m in self.resolver.in_sentence(previous) if self.resolver.state_of(m)
                     and m.type != "person" and (previous is not sentence or m.end <= before)
                     and not self._after_against(m) and not self._destination(m)]
            if found:
                states = [m for m in found if m.type == "state"]
                return (states or found)[-1] if previous is sentence else (states or found)[0]
        return self._main_state()

    def _destination(self, m: Mention) -> bool:
        """The mention follows a preposition of direction (``towards``: «вантажі до Росії»), or one of
        ``in_prepositions`` with the mention in the accusative («партию, следующую в Россию»): where goods
        or people go."""
        before = self.doc.text[max(0, m.start - 6):m.start].casefold().split()
        if not before or self.pack is None:
            return False
        if before[-1] in self.pack.grammar.get("towards", frozenset()):
            return True
        if before[-1] not in self.pack.grammar.get("in_prepositions", frozenset()):
            return False
        head = re.findall(r"[^\W\d_]+", m.text)
        parses = readings(self.pack.analyzer, head[-1].casefold()) if head else []
        return any(p.tag.case == "accs" for p in parses) and not any(p.tag.case in ("loct", "loc2") for p in parses)

    def _main_state(self) -> Mention | None:
        """The state the whole text names most often (its first mention), computed once."""
        cached = self.__dict__.get("_main_state_cache", False)
        if cached is not False:
            return cached  # type: ignore[no-any-return]
        counts: dict[str, list[Mention]] = {}
        for m in self.resolver.mentions:
            state = self.resolver.state_of(m) if m.type != "person" else None
            if state:
                counts.setdefault(state, []).append(m)
        found = max(counts.values(), key=len)[0] if counts else None
        self.__dict__["_main_state_cache"] = found
        return found

    def _after_against(self, m: Mention) -> bool:
        """The mention follows the language's preposition of opposition (``against`` in ``grammar.toml``)."""
        before = self.doc.text[max(0, m.start - 12):m.start].casefold().split()
        return bool(before) and self.pack is not None and self.pack.has("against", before[-1])

    def _sentence_index(self, sentence: Sentence) -> int:
        starts = [s.start for s in self.doc.sentences]
        at = bisect.bisect_left(starts, sentence.start)
        return at if at < len(starts) and starts[at] == sentence.start else 0

    def _after_source(self, m: Mention) -> bool:
        """The mention follows a source phrase («по словам Пескова»), with at most two lower-case
        words between them: the source's description in the genitive («по словам правозащитницы
        Татьяны Котляр», «за даними джерел у Міноборони»); an outlet's name in quotes after it as well
        («как сообщает «Фонтанка»»)."""
        if self.pack is None:
            return False
        words = self.doc.text[max(0, m.start - 60):m.start].casefold().rstrip(" «„“\"'").split()  # «Фонтанка»
        for skipped in range(3):
            if skipped and not all(w.isalpha() and w.islower() for w in words[-skipped:]):
                break
            head = " ".join(words[:len(words) - skipped])
            if any(head.endswith(phrase) for phrase in self.pack.sources):
                return True
        return False

    def passive_agent(self, sentence: Sentence, words: list[Word], first: int,
                      last: int) -> tuple[tuple[Mention, ...], str | None, bool]:
        """The agent of a passive: a mention in the instrumental after the participle («подписан
        Путиным»), else a state body in the instrumental with its state after it («ратифицирован
        парламентом Белоруссии»: the state acts through its body)."""
        _c, clause_end = self._clause(words, first, [])
        comma = next((k for k in range(last + 1, clause_end + 1) if words[k].text == ","), None)
        if comma is not None:  # «ухвалено після того, як ...»: no agent of the passive past its phrase
            clause_end = max(last, comma - 1)
        mentions = self.resolver.in_sentence(sentence)
        agents = [m for m in mentions if words[last].end <= m.start <= words[clause_end].end and self._instrumental(m)
                  and not self._genitive_of_noun(words, m)]
        if agents:  # «осуждено Молдавией и Грузией»: every state listed with the agent
            return tuple(self._coordinated_after(sentence, agents[0])), None, False
        bodies = self.pack.grammar.get("state_nouns", frozenset()) if self.pack else frozenset()
        councils = self.pack.grammar.get("alliance_bodies", frozenset()) if self.pack else frozenset()
        for k in range(last + 1, min(len(words), last + 3)):
            if words[k].lemma in councils and "Case=ablt" in words[k].feats and words[k].lemma not in bodies:
                owner = self._owner_after_complement(words, k, mentions)  # «Радою національної безпеки ... України»
                if owner is not None:
                    return (owner,), "state_body", False
            if (words[k].lemma in bodies or words[k].lemma.split("-")[0] in bodies) and "Case=ablt" in words[k].feats:
                # («премьер-министром Узбекистана»: a compound title by its first part)
                owner = self._owner(words, k, mentions, bodies) or self._owner_after_complement(words, k, mentions)
                if owner is not None and self.titled_person(sentence, owner) is not None:
                    return (self.titled_person(sentence, owner),), None, False  # type: ignore[return-value]
                return ((owner,), "state_body", False) if owner is not None else ((), None, False)
        return (), None, False

    def _owner_after_complement(self, words: list[Word], noun: int, mentions: list[Mention]) -> Mention | None:
        """The state after a body noun's genitive complement («министром обороны Казахстана»,
        «министром иностранных дел Армении», «Радою національної безпеки і оборони України»): genitive
        nouns and adjectives between, joined by a conjunction or not."""
        for k in range(noun + 1, min(len(words), noun + 7)):
            found = next((m for m in mentions if m.start == words[k].start and m.type == "state"), None)
            if found is not None:
                return found if k > noun + 1 else None
            if words[k].upos == "CCONJ" and k > noun + 1:
                continue  # «національної безпеки і оборони України»
            if words[k].upos not in ("NOUN", "ADJ") or "Case=gent" not in words[k].feats:
                return None
        return None

    @staticmethod
    def _genitive_of_noun(words: list[Word], m: Mention) -> bool:
        """A name right after a noun that is no instrumental («угрозы санкций со стороны США»): an
        indeclinable name («США», «ООН») read as an instrumental is that noun's attribute, not the
        agent («введены Советом ЕС»: the body in the instrumental is the agent's head)."""
        before = [w for w in words if w.end <= m.start][-1:]
        return bool(before) and before[0].upos == "NOUN" and "Case=ablt" not in before[0].feats

    def titled_person(self, sentence: Sentence, m: Mention) -> Mention | None:
        """«заявил журналистам пресс-секретарь президента РФ Дмитрий Песков»: a state or body named
        in a person's title is no actor; the person the title belongs to (named right after it, with
        no comma, quote or conjunction of ``predicate_joins`` between) is."""
        if m.type == "person":
            return None
        text = self.doc.text
        joins = sorted(self.pack.grammar.get("predicate_joins", ())) if self.pack is not None else []
        apart = re.compile(r"[,;:«»\"—()]" + (r"|\s(?:" + "|".join(map(re.escape, joins)) + r")\s" if joins else ""))
        through = self.pack.grammar.get("acting_through", frozenset()) if self.pack is not None else frozenset()
        for p in self.resolver.in_sentence(sentence):
            if p.type == "person" and 0 <= p.start - m.end <= 40 and not apart.search(text[m.end:p.start]):
                between = " ".join(text[m.end:p.start].casefold().split())
                if any(f" {t} " in f" {between} " for t in through):
                    return None  # «МИД Казахстана в лице Мурата Нуртлеу выразил»: the body acts through him
                return p
        return None

    def _instrumental(self, m: Mention) -> bool:
        head = re.findall(r"[^\W\d_]+", m.text)
        before = self.doc.text[max(0, m.start - 4):m.start].casefold().split()
        if not head or before and self.pack is not None and before[-1] in self.pack.grammar.get(
                "instrumental_prepositions", ()):
            return False  # «с Путиным», «з Китаєм»: a companion, not the agent
        parses = readings(self.pack.analyzer if self.pack is not None else analyzer_for(None), head[-1].casefold())
        return any(p.tag.case == "ablt" for p in parses)

    def light_verb_subject(self, sentence: Sentence, words: list[Word], last: int) -> tuple[Mention, ...]:
        """A stance noun before a light verb of expression in its clause (``expression_verbs`` in
        grammar.toml: «Поддержку ... выразили власти КНДР», «Засудження ... пролунало з Кишинева»):
        the verb's subject is the noun's, else the state the expression comes from (after a
        preposition of ``source_prepositions``). Empty when no such verb follows."""
        assert self.pack is not None
        g = self.pack.grammar
        verb = next((k for k in range(last + 1, min(len(words), last + 8)) if words[k].upos == "VERB"
                     or words[k].text in (",", ";", ":", "—")), None)
        if verb is None or words[verb].lemma not in g.get("expression_verbs", frozenset()):
            return ()
        _c, clause_end = self._clause(words, verb, [])
        subjects, _word, _we = self._subject(sentence, words, verb, verb, verb, False)  # type: ignore[attr-defined]
        if subjects:
            return tuple(subjects)
        for k in range(verb + 1, clause_end):
            if words[k].low in g.get("source_prepositions", frozenset()) and k + 1 <= clause_end:
                named = [m for m in self.resolver.in_sentence(sentence) if m.start == words[k + 1].start
                         or m.start >= words[k + 1].start and m.start - words[k].end <= 2]
                if named and self.resolver.state_of(named[0]):
                    return (named[0],)
        return ()

    def object_before(self, words: list[Word], clause_start: int, first: int, last: int, clause_end: int) -> bool:
        """Free word order: no noun after the predicate up to a punctuation mark (but in an
        adverbial phrase: «из года в год»), and one before it that cannot be a nominative (with no
        preposition before it: «в Украине» is a place) or follows «против» («Против резолюции ...
        голосуют неизменно», «Казахстанских миротворцев ... отправлять не планируют»): the
        object stands before the verb."""
        if words[first].upos != "VERB" or "VerbForm=Part" in words[first].feats:
            return False  # a noun use or a participle («граждан, уклоняющихся от»): its phrase is its own
        stop = next((k for k in range(last + 1, clause_end + 1) if words[k].upos == "PUNCT"), clause_end + 1)
        after = [k for k in range(last + 1, stop) if words[k].upos in ("NOUN", "PROPN") and words[k - 1].upos != "ADP"]
        nouns = [k for k in range(clause_start, first) if words[k].upos in ("NOUN", "PROPN") or words[k].upos == "ADJ"
                 and words[k + 1].upos not in ("NOUN", "PROPN", "ADJ")]  # «военных»: an adjective used as a noun
        against = self.pack.grammar.get("against", frozenset()) if self.pack is not None else frozenset()
        before = [k for k in nouns if "Case=nomn" not in words[k].feats and not (k > 0 and words[k - 1].upos == "ADP")
                  or k > 0 and words[k - 1].low in against]  # feats: every reading's; «в Украине»: a place
        return not after and bool(before)

    def one_of(self, sentence: Sentence, words: list[Word], first: int) -> tuple[Mention, ...]:
        """A relative clause on «одна из стран» (``one_of`` and ``state_group_nouns`` in grammar.toml:
        «Сирия стала одной из немногих стран, которые признали ...», «однією з держав, що визнали»):
        what the countries did, the subject of the clause the phrase is in did, when the phrase is
        its predicate (the instrumental after «стать», «являться»), not an object («поблагодарила одну из»)."""
        assert self.pack is not None
        g = self.pack.grammar
        comma = next((k for k in range(first - 1, max(-1, first - 4), -1) if words[k].text == ","), None)
        if comma is None or comma < 3:
            return ()
        span = words[max(0, comma - 5):comma]
        one = next((k for k, w in enumerate(span[:-1]) if w.lemma in g.get("one_of", frozenset()) and "Case=ablt"
                    in w.feats and span[k + 1].low in g.get("source_prepositions", frozenset())), None)
        if one is None or span[-1].lemma not in g.get("state_group_nouns", frozenset()):
            return ()
        at = comma - len(span) + one
        verb = next((k for k in range(at - 1, -1, -1) if words[k].upos == "VERB"), None)
        if verb is not None:
            subjects, _word, _we = self._subject(sentence, words, verb, verb, 0, False)  # type: ignore[attr-defined]
            if subjects:
                return tuple(subjects)
        before = [m for m in self.resolver.in_sentence(sentence) if m.end <= words[at].start and m.type == "state"
                  and self.can_be_nominative(m)]  # «Сирія стала однією з»: «стала» read as the adjective
        return tuple(before[-1:])

    def _inline_quote(self, words: list[Word], n: int) -> bool:
        """Russian and Ukrainian: a quoted term in running words ends no clause (below); other
        languages keep their own rule (the English mixin's, next in the builder's order)."""
        if self.pack is None or not self.pack.slavic:
            return bool(super()._inline_quote(words, n))  # type: ignore[misc]
        return self._quoted_term(words, n)

    @staticmethod
    def _quoted_term(words: list[Word], n: int) -> bool:
        """«визнали «незалежність» так званих ЛНР», «поддерживает так называемую «спецоперацию»»:
        quotation marks within five words of each other around no verb, after a word of the
        sentence (not at its start or after a colon or dash), quote a term, not what is said."""
        if words[n].text == "«":
            opening: int | None = n
            close = next((k for k in range(n + 1, min(len(words), n + 6)) if words[k].text == "»"), None)
        elif words[n].text == "»":
            close = n
            opening = next((k for k in range(n - 1, max(-1, n - 6), -1) if words[k].text == "«"), None)
        else:
            return False
        if close is None or opening is None or opening == 0 or words[opening - 1].upos == "PUNCT":
            return False
        return not any(w.upos == "VERB" for w in words[opening + 1:close])

    _QUOTE_END = re.compile(r"\s*,?\s*[-—–]\s*([^\W\d_]+)")

    def _quote_speaker(self, sentence: Sentence) -> Mention | None:
        """Russian and Ukrainian: the speaker of a quotation running over several sentences, named
        after it closes («... Мы не посылаем своих военных», — сказал X)."""
        assert self.pack is not None
        text = self.doc.text
        at, depth = sentence.start + (1 if text[sentence.start:sentence.start + 1] == "«" else 0), 0
        while at < min(len(text), sentence.start + 1500):
            if text[at] == "«":
                depth += 1
            elif text[at] == "»":
                if depth == 0:
                    break
                depth -= 1
            at += 1
        close = self._QUOTE_END.match(text, at + 1)
        if close is None or at >= len(text) or text[at] != "»":
            return None
        verb = readings(self.pack.analyzer, close.group(1).casefold())
        impersonal = bool(verb) and str(verb[0].normal_form) in self.pack.grammar.get("statement_verbs", ())
        if not verb or str(verb[0].normal_form) not in self.pack.speech and not impersonal:
            return None
        if impersonal:  # «— говорится в заявлении МИД Молдавии», «— йдеться в заяві МЗС»: the body that states it
            bodies = [m for m in self.doc.mentions if close.end() <= m.start < close.end() + 40
                      and m.type in ("government_body", "state") and self.resolver.state_of(m)
                      and not re.search(r"[,;:«»\"()]", text[close.end():m.start])]
            return bodies[0] if bodies else None
        after = [m for m in self.doc.mentions if close.end() <= m.start < close.end() + 40 and m.type == "person"]
        if not after:  # «— сказал премьер-министр Чехии»: the state named in the speaker's title
            after = [m for m in self.doc.mentions if close.end() <= m.start < close.end() + 40 and m.type == "state"
                     and not re.search(r"[,;:«»\"()]", text[close.end():m.start])]
        return after[0] if after else None

    def attribute_of_noun(self, words: list[Word], m: Mention) -> bool:
        """A name right after a common noun that can be its genitive («навчаннях ОДКБ»,
        «поддержку Китая»): the noun's attribute, not a subject. State-body nouns own their state
        («МИД Узбекистана») and are left to the caller, as alliance bodies own their alliance
        (``alliance_bodies``: «Совет ЕС»)."""
        before = [w for w in words if w.end <= m.start]
        if not before or before[-1].upos != "NOUN" or self.pack is None or m.type == "person":
            return False  # persons' names, which pymorphy3 often misreads, are left alone
        g = self.pack.grammar
        if before[-1].lemma in g.get("state_nouns", frozenset()) | g.get("body_members", frozenset()):
            return False
        if m.type == "alliance" and (before[-1].lemma in g.get("alliance_bodies", frozenset()) or
                                     before[-1].low in g.get("alliance_bodies", frozenset())):
            return False  # «Совет ЕС утвердил», «Рада ЄС затвердила»: the alliance acting through its body
        head = re.findall(r"[^\W\d_]+", m.text)
        if not head:
            return False
        word = head[0].casefold()
        parses = readings(self.pack.analyzer, word)
        own = {p.normal_form for p in parses if p.tag.case == "nomn" and p.normal_form == word}
        # «у 2021 році Литва»: a word that is a nominative as written has no genitive of another word's
        # (uk «литва» reads as the genitive of «литво» too)
        return any(p.tag.case == "gent" and not (own and p.normal_form not in own) for p in parses)

    def agreeing(self, sentence: Sentence, words: list[Word], first: int, candidates: list[Mention]) -> list[Mention]:
        """Subjects that agree in number with a finite verb, not a person named after «в лице»/«в особі»
        (``acting_through``: the body before them acts through them): a plural verb («повідомили») takes no
        single name that has no plural nominative reading (a gendered Ukrainian noun with no number
        is singular), unless a list of names ends at it (joined by commas and ``list_joiners``)."""
        through = self.pack.grammar.get("acting_through", frozenset()) if self.pack is not None else frozenset()
        if through and len(candidates) > 1:  # «МИД Казахстана в лице Мурата Нуртлеу выразил»: the body is the subject
            def after_through(m: Mention) -> bool:  # the phrase, then a given name at most, before the mention
                before = " ".join(self.doc.text[max(0, m.start - 40):m.start].casefold().split())
                return m.type == "person" and any(re.search(rf"(^|\s){re.escape(t)}(\s[^\W\d_]+)?$", before)
                                                  for t in through)
            candidates = [m for m in candidates if not after_through(m)] or candidates
        verb = words[first]
        if "Number=plur" not in verb.feats or self.pack is None:
            return candidates
        text = self.doc.text
        joiners = "|".join(map(re.escape, self.pack.ordered.get("list_joiners", ())))
        joined = rf"\s*(,|{joiners}|,\s*({joiners}))\s*" if joiners else r"\s*,\s*"
        out = []
        for m in candidates:
            head = re.findall(r"[^\W\d_]+", m.text)
            nominal = [p for p in readings(self.pack.analyzer, head[-1].casefold()) if p.tag.POS in ("NOUN", "ADJF")] \
                if head else []
            subject_readings = [p for p in nominal if p.tag.case == "nomn"]  # «Киев» is no genitive plural here
            plural = not nominal or any(p.tag.number == "plur" or p.tag.number is None and p.tag.gender is None
                                        for p in subject_readings or nominal)
            listed = any(o.end <= m.start and re.fullmatch(joined, text[o.end:m.start]) for o in candidates)
            if plural or listed or m.type != "state":
                out.append(m)
        return out

    def _aspectual_before(self, words: list[Word], at: int) -> Word | None:
        """The aspectual verb right before an infinitive («продолжает поставлять»)."""
        g = self.pack.grammar if self.pack else {}
        for x in reversed(words[max(0, at - 2):at]):
            if x.upos == "VERB" and "VerbForm=Inf" not in x.feats:
                return x if x.lemma in g.get("aspectual", ()) else None
        return None

    def _aspectual_verb(self, words: list[Word], first: int, last: int) -> bool:
        g = self.pack.grammar if self.pack else {}
        nxt = next((x for x in words[last + 1:last + 3] if x.upos != "PART"), None)
        return words[first].lemma in g.get("aspectual", ()) and nxt is not None and "VerbForm=Inf" in nxt.feats

    def _condition_after(self, words: list[Word], at: int) -> bool:
        """A condition clause after the main one: «X выйдет, если Y»."""
        g = self.pack.grammar if self.pack else {}
        for n in range(at + 1, len(words) - 1):
            if words[n].text == "," and words[n + 1].low in g.get("condition", ()):
                return True
        return False

    def _not_negation(self, words: list[Word], n: int) -> bool:
        """«не только», «не лише», «не раз», «не менее»: a negation word that negates nothing."""
        g = self.pack.grammar if self.pack else {}
        return n + 1 < len(words) and words[n + 1].low in g.get("negation_breakers", ())

    def subjunctive(self, words: list[Word], at: int) -> Word | None:
        """The particle of the conditional mood next to a past-tense verb («направил бы», «би»)."""
        g = self.pack.grammar if self.pack else {}
        if "Tense=past" not in words[at].feats:
            return None
        return next((x for x in words[max(0, at - 2):at + 3] if x.low in g.get("subjunctive", ())), None)

    def can_be_nominative(self, m: Mention) -> bool:
        """The head word of a mention has a nominative reading (or no case at all: a foreign name)."""
        head = re.findall(r"[^\W\d_]+", m.text)
        if not head or self.pack is None:
            return True
        parses = readings(self.pack.analyzer, head[0].casefold())
        return any(p.tag.case == "nomn" for p in parses) or not any(p.tag.case for p in parses)

    @staticmethod
    def _indefinite_personal(words: list[Word], at: int) -> bool:
        """A plural verb with no subject: Russian and Ukrainian indefinite-personal sentences."""
        feats = words[at].feats
        return words[at].upos == "VERB" and "VerbForm=Inf" not in feats and "VerbForm=Part" not in feats and \
            ("Person=3per" in feats or "Tense=past" in feats) and "Number=plur" in feats

    def _after_locative(self, words: list[Word], m: Mention) -> bool:
        before = [w for w in words if w.end <= m.start]
        inside = self.pack.grammar.get("in_prepositions", frozenset()) if self.pack is not None else frozenset()
        if len(before) >= 2 and self.pack is not None and \
                before[-1].lemma.split("-")[0] in self.pack.grammar.get("place_nouns", ()):
            return before[-2].low in inside  # «у країні-агресорі Росії»
        return bool(before) and before[-1].low in inside

    def _factuality_ru(self, words: list[Word], at: int) -> tuple[str | None, str | None, bool]:
        g = self.pack.grammar if self.pack else {}
        w = words[at]
        if w.upos != "VERB":
            return ("nonfinite", None, False) if w.lemma in (self.pack.predicates if self.pack else ()) and " " \
                not in w.lemma else (None, None, False)
        if "Voice=Pass" in w.feats and self._passive_predicate(words, at):
            before = words[at - 1] if at > 0 else None
            future = before is not None and before.lemma in g.get("be_auxiliary", ()) and "Future" in before.feats
            return ("planned" if future else "done"), None, True  # «был подписан Путиным», «підписано»
        if "VerbForm=Part" in w.feats:
            if self._participle_agent(words, at):
                return "done", None, True  # «указ, подписанный Путиным»: the agent did the act
            return "nonfinite", None, False
        governor = None
        for x in reversed(words[max(0, at - 8):at]):
            if x.low in g.get("contrast_joins", ()):
                break  # «отказывается вводить санкции, но голосовала»: the verb after «но» has no governor there
            intends = "Short" in x.feats and x.lemma in g.get("plan", ())
            if x.upos == "VERB" and "VerbForm=Inf" not in x.feats and ("VerbForm=Part" not in x.feats or intends):
                governor = x.lemma  # a short participle of intention governs too («не намерена вступать»)
                noun = words[x.i + 1] if x.i + 1 < at else None
                if noun is not None and f"{x.lemma} {noun.lemma}" in g.get("plan", ()):
                    governor = f"{x.lemma} {noun.lemma}"  # «не має наміру брати участь»: the verb with its noun
                break
        if "VerbForm=Inf" in w.feats:
            after = self._aux_after(words, at)
            if after is not None:
                return "planned", None, False  # «армия воевать на Украине не будет»: its own clause
            if governor is None:
                return "nonfinite", None, False
            aspectual = self._aspectual_before(words, at)
            if aspectual is not None:  # «продолжает поставлять», «почали розсилати»: the act itself
                return ("planned" if "Future" in aspectual.feats else "done" if "Tense=past" in aspectual.feats
                        else "ongoing"), None, False
            if governor in g.get("be_auxiliary", ()):
                return "planned", governor, False  # «будет поставлять»
            return governed_factuality(g, governor, _INFINITIVE_GOVERNORS) or "nonfinite", governor, False
        fact = "done" if "Tense=past" in w.feats else "ongoing"
        if fact == "ongoing" and self.pack is not None and (self.pack.event_types.get(w.lemma) == "SUPPORT" or any(
                w.lemma in self.pack.stance_classes.get(c, ()) for c in ("condemn", "recognise", "neutral"))):
            fact = "present"  # «поддерживает», «осуждает», «признаёт»: a position held, not an act under way
            if w.lemma in g.get("lede_present", ()) and self._lede_act_slavic(words, at):
                fact = "ongoing"  # «Казахстан осуждает удар по Харькову»: a news lede's present tells the act
        if "Future" in w.feats:
            nxt = words[at + 1] if at + 1 < len(words) else None
            fact = "done" if "Person=1per" in w.feats and nxt is not None and nxt.text == "," else "planned"
        if any(x.low in g.get("condition", ()) for x in words[:at] if x.i >= self._clause_left(words, at)):
            fact = "conditional"
        if fact == "planned" and self._condition_after(words, at):
            fact = "conditional"  # «Армения выйдет из ОДКБ, если ...»
        if self.subjunctive(words, at) is not None:
            fact = "conditional"  # «направил бы», «направив би»: the conditional mood
        elif "Tense=past" in w.feats and any(x.low in g.get("subjunctive_clause", ())
                                             for x in words[self._clause_left(words, at):at]):
            fact = "asked"  # «требует, чтобы правительство осудило»: a past form after «чтобы» is a wish, no act
        governed = governed_factuality(g, governor, _CLAUSE_GOVERNORS)
        if governed is not None and any(x.low in g.get("complementizers", ()) for x in words[:at]):
            fact = governed  # «считает, что», «отрицает, что»
        elif fact in ("done", "ongoing") and (opinion := self._opinion_after(words, at)) is not None:
            fact, governor = "opinion", opinion  # «Минск передал снаряды, считают аналитики»
        return fact, governor, False

    def _participle_agent(self, words: list[Word], at: int) -> bool:
        """A passive participle of an act («указ, подписанный Владимиром Путиным», «санкции, введённые
        Японией», «закон, ухвалений парламентом»; a short one that is the clause's predicate is read
        before), with a named actor in the instrumental right after it (its agent, the words up to three
        later): the act is told as done by the agent, as an English reduced passive ("a decree issued by
        Tokayev") is; the agent is read as a passive's (``passive_agent``)."""
        w = words[at]
        if self.pack is None or "Voice=Pass" not in w.feats or self.pack.event_types.get(w.lemma) in (None, "LIGHT"):
            return False
        stop = next((k for k in range(at + 1, min(len(words), at + 4)) if words[k].upos in ("PUNCT", "VERB")),
                    min(len(words), at + 4))
        if stop == at + 1:
            return False
        lo, hi = words[at].end, words[stop - 1].end
        return any(lo <= m.start and m.end <= hi and m.type in ("person", "state", "government_body")
                   and self._instrumental(m) for m in self.resolver.mentions)

    def _nominative(self, m: Mention, only: bool = False) -> bool:
        if m.type == "person" and not only:
            return True
        head = re.findall(r"[^\W\d_]+", m.text)
        if not head:
            return False
        parses = _analyses(self.pack.analyzer if self.pack is not None else analyzer_for(None), head[0].casefold())
        if only:
            return all(p.tag.case == "nomn" for p in parses if p.tag.case)
        return any(p.tag.case == "nomn" for p in parses) or not any(p.tag.case for p in parses)


#: what ends a sentence line of a body; a line without it is a headline, a link or a label
_CLOSING = (".", "!", "?", "»", '"', "”", "…", ":")


def _body_start(text: str) -> int:
    """The offset of the page's first body line: closing punctuation and at least six words."""
    at = 0
    for line in text.splitlines(keepends=True):
        if line.rstrip().endswith(_CLOSING[:-1]) and len(line.split()) >= 6:
            return at
        at += len(line)
    return 0  # no such line: nothing is taken as standing before a body


def _quoted_name_end(line: str) -> bool:
    """A headline ending in a quoted name («Кабмін продовжив програму «Єоселя»»): its closing quote
    follows no sentence punctuation and closes a quote opened inside the line, not at its start."""
    if not line.endswith(("»", '"', "”")) or line[-2:-1] in (".", "!", "?", "…"):
        return False
    opened = max(line.rfind("«"), line.rfind("“"), line[:-1].rfind('"'))
    return opened > 0


def _related_list_lines(text: str, pack: LanguagePack | None) -> list[tuple[int, int]]:
    """(start, end) of each related-links or caption line of the page (see ``in_related_list``)."""
    headers = tuple(pack.grammar.get("related_lists", ())) if pack is not None else ()
    marks = tuple(pack.grammar.get("caption_marks", ())) if pack is not None else ()
    if not headers and not marks:
        return []
    spans: list[tuple[int, int]] = []
    in_list = False
    at = 0
    for line in text.splitlines(keepends=True):
        start, at = at, at + len(line)
        body = line.strip().lstrip("-•*·|>–— ").strip()
        if not body:
            continue
        low = body.casefold().rstrip(":")
        if marks and any(m in low for m in marks):
            spans.append((start, at))
            continue
        if headers and len(low.split()) <= 4 and low.startswith(headers) and not low.endswith(_CLOSING[:-1]):
            in_list = True
            continue
        if in_list and body.endswith(_CLOSING) and not _quoted_name_end(body):
            in_list = False
        if in_list:
            spans.append((start, at))
    return spans
