"""The English parts of the clause frames: words lemmatised against the packs' lexicons (regular
inflection plus the listed irregular forms), and the English-only rules of the frame builder (a
mixin of ``FrameBuilder``): auxiliaries and "to" infinitives for factuality, inversions, insertions
and inline quotes, a state's forces moved by an agentless passive, appositions, organs named by a
common noun in a state, refraining and negative quantifiers.

``frames.py`` imports this module after it has defined ``Word``, ``Frame`` and ``LanguagePack``
and before its ``FrameBuilder``, which inherits ``EnglishClauses``; this module reads those names
from ``frames`` when a function runs, so that it can also be imported first.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from .doc import Doc, Mention, Sentence

if TYPE_CHECKING:  # frames.py imports this module half-way through; what it defines is read at call time
    from .actors import ActorResolver
    from .frames import Frame, LanguagePack, Word

__all__ = ["EnglishClauses"]

#: pack -> {word as written: (low, part of speech after the first word, lemma)}: an English word's
#: reading depends on the word alone, except that a capitalised first word is no proper noun
_EN_SEEN: dict[LanguagePack, dict[str, tuple[str, str, str]]] = {}


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


def _word_start(word: Word) -> int:
    return word.start


def _en_words(doc: Doc, sentence: Sentence, pack: LanguagePack) -> list[Word]:
    """The words of an English sentence. Every candidate sentence is read, so this is written for
    speed, as ``tokens.tokenize`` is: the words from one ``findall`` and each one's offset from
    ``str.find`` after the previous word (exact: no character between two words can begin one),
    and the words built with positional arguments."""
    from .frames import _WORD, Word

    words: list[Word] = []
    append = words.append
    text = doc.text[sentence.start:sentence.end]
    find = text.find
    base = sentence.start
    closed = pack.closed
    seen_words = _EN_SEEN.setdefault(pack, {})
    if len(seen_words) >= 200_000:
        seen_words.clear()
    no_feats: frozenset[str] = frozenset()
    pos = 0
    for n, raw in enumerate(_WORD.findall(text)):
        pos = find(raw, pos)
        end = pos + len(raw)
        seen = seen_words.get(raw)
        if seen is not None:
            append(Word(n, base + pos, base + end, raw, seen[2], "X" if n == 0 and seen[1] == "PROPN" else seen[1],
                        no_feats, -1, "", seen[0]))
            pos = end
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
        append(Word(n, base + pos, base + end, raw, lemma, upos, no_feats, -1, "", low))
        pos = end
    return words


class EnglishClauses:
    """The English-only rules of the frame builder (a mixin of ``FrameBuilder``)."""

    doc: Doc
    resolver: ActorResolver
    pack: LanguagePack | None
    _words: dict[int, list[Word]]
    _heads_done: bool

    # defined by FrameBuilder
    def words(self, sentence: Sentence) -> list[Word]:
        raise NotImplementedError

    def candidate(self, sentence: Sentence) -> bool:
        raise NotImplementedError

    def _condition_before(self, words: list[Word], at: int) -> bool:
        raise NotImplementedError

    def _subject(self, sentence: Sentence, words: list[Word], first: int, last: int, clause_start: int,
                 passive: bool) -> tuple[tuple[Mention, ...], str | None, bool]:
        raise NotImplementedError

    def _demonym_starts(self, word: Word) -> bool:
        raise NotImplementedError

    def _demonym_ends(self, word: Word | None) -> bool:
        raise NotImplementedError

    def _governing(self, words: list[Word], at: int) -> str | None:
        raise NotImplementedError

    def _may_be_subject(self, words: list[Word], m: Mention) -> bool:
        raise NotImplementedError

    def _mention_ends(self, word: Word) -> bool:
        raise NotImplementedError

    def _thing_before_comma(self, words: list[Word], comma: int) -> bool:
        """``words[comma]`` is a comma after a common noun that names no actor ("the resolution,
        which"), not after a mention ("Hungary, which") or a noun of a state's body, office or force
        ("the foreign minister, who"): the relative clause after it tells that noun's act."""
        assert self.pack is not None
        if comma < 1 or words[comma].text != ",":
            return False
        noun = words[comma - 1]
        g = self.pack.grammar
        return noun.upos == "X" and noun.text[:1].islower() and not self._mention_ends(noun) and not any(
            noun.low in g.get(key, ()) or noun.lemma in g.get(key, ()) for key in ("state_nouns", "role_nouns",
                                                                                  "force_nouns", "pronouns_state"))

    def _noun_position(self, words: list[Word], before: Word | None) -> bool:
        raise NotImplementedError

    def _time_before(self, words: list[Word], at: int) -> int:
        raise NotImplementedError

    def _nouns(self) -> frozenset[str]:
        raise NotImplementedError

    def _object_of_preposition(self, words: list[Word], word: Word) -> bool:
        raise NotImplementedError

    def _clause(self, words: list[Word], at: int, predicates: list[tuple[int, int, str]]) -> tuple[int, int]:
        raise NotImplementedError

    def _coordinated(self, sentence: Sentence, nearest: Mention) -> list[Mention]:
        raise NotImplementedError

    def adverb_phrase_start(self, words: list[Word], at: int) -> int:
        raise NotImplementedError

    def _coordinated_after(self, sentence: Sentence, first: Mention) -> list[Mention]:
        raise NotImplementedError

    def can_be_nominative(self, m: Mention) -> bool:  # SlavicClauses' (before this mixin in FrameBuilder)
        raise NotImplementedError

    def _attach_heads_en(self) -> None:
        """English: the spaCy parse (``models/en_ewt``) of the candidate sentences, its heads and
        relations laid over the lexicon words (the word rules stay; subjects come from ``nsubj``)."""
        from .frames import _parsed_words, _with_heads

        self._heads_done = True
        assert self.pack is not None
        wanted = [x for x in self.doc.sentences if self.candidate(x)]
        for start, parsed in _parsed_words(self.doc, wanted, self.pack).items():
            sentence = next(x for x in wanted if x.start == start)
            self._words[start] = _with_heads(self.words(sentence), parsed)

    def _insertion_opening(self, words: list[Word], n: int) -> int | None:
        """English: where the insertion closed by the dash or parenthesis at ``n`` opens (its
        opening mark right after a word), or ``None``."""
        if self.pack is None or not self.pack.english or words[n].text not in ("—", "–", ")"):
            return None
        mark = "(" if words[n].text == ")" else words[n].text
        for m in range(n - 1, 0, -1):
            if words[m].text in (";", ":") or words[m].text in ("—", "–", "(", ")") and words[m].text != mark:
                return None
            if words[m].text == mark:
                return m - 1 if words[m - 1].upos != "PUNCT" else None
        return None

    def _inline_quote(self, words: list[Word], n: int) -> bool:
        """English: a quotation mark inside running words ("said the republic “will not recognise”
        the regions"), between a word and a lower-case word, quotes a phrase and ends no clause."""
        if self.pack is None or not self.pack.english or n == 0 or n + 1 >= len(words):
            return False
        before, after = words[n - 1], words[n + 1]
        return before.upos != "PUNCT" and after.upos != "PUNCT" and after.text[:1].islower()

    @staticmethod
    def _plural_noun(word: Word) -> bool:
        """English: a lower-case plural noun ("recruiters", "officials"), not an adjective in -ous or -ss."""
        return word.upos == "X" and word.low.endswith("s") and not word.low.endswith(("ss", "ous", "us", "is"))

    def _factuality_en(self, words: list[Word], first: int, last: int) -> tuple[str | None, str | None, bool]:
        """English: the auxiliaries before the verb, "to" infinitives and what governs them, noun
        uses (after a determiner, a preposition or a possessive), reduced relatives and gerunds."""
        assert self.pack is not None
        g = self.pack.grammar
        w = words[first]
        low = w.low
        if self._no_intention(words, first):
            return "planned", words[first - 2].lemma, False  # "has no intention of sending": a pledge not to
        if low in g.get("condition", ()) and last + 1 < len(words) and words[last + 1].low == "that":
            return None, None, False  # "provided that": a conjunction of condition, no verb
        n = first - 1
        while n >= 0 and (words[n].upos == "PART" or words[n].low.endswith("ly") and words[n].upos == "X"):
            n -= 1
        if n >= 1 and words[n].low in g.get("floating_quantifiers", ()) and (self._mention_ends(words[n - 1])
                                                                              or words[n - 1].upos == "AUX"):
            n -= 1  # "Kazakhstan and Uzbekistan both declined", "they all refused", "have all declined"
        before = words[n] if n >= 0 else None
        k = first - 1  # the auxiliaries right before the verb ("has not yet", "will be"), nothing between
        floating = g.get("floating_quantifiers", frozenset())
        while k >= 0 and (words[k].upos in ("AUX", "PART") or words[k].upos == "X" and words[k].low.endswith("ly")
                          or words[k].low in floating and k >= 1 and words[k - 1].upos == "AUX"):
            k -= 1  # "have all declined": a floating quantifier after the auxiliary
        chain = [x.low for x in words[k + 1:first] if x.upos == "AUX" or x.lemma == "not"]
        past_form = low.endswith("ed") or low in self.pack.forms and not low.endswith(("s", "ing")) or \
            low in g.get("invariant_past", ())  # "strikes hit", "Moscow cut": the past reads like the base
        nouns_of_party = self.pack.union("stance_classes", "ally", "accomplice")
        if not chain and w.lemma in nouns_of_party and not low.endswith(("ed", "ing")) and before is not None and \
                before.upos != "PUNCT":
            return "nominal", None, False  # "Moscow's closest ally": a noun after its modifier, never a verb here
        if not chain and past_form and n >= 2 and before is not None and before.low in ("and", "or") and \
                n == first - 1 and words[n - 1].low.endswith(("ed", "en")):
            shared, shared_governor, shared_passive = self._factuality_en(words, n - 1, n - 1)
            if shared_passive:  # "have been killed or wounded", "were detained and deported": the first's auxiliaries
                return shared, shared_governor, True
        if not chain and self._after_causative_object(words, first):
            return "nonfinite", None, False  # "let Russia use its territory": a bare infinitive
        if k >= 0 and words[k].low == "to" and chain:
            return self._infinitive(words, k)  # "is said to have rejected", "ordered it to be increased"
        if before is not None and before.low == "to":
            return self._infinitive(words, n)
        if chain and k >= 1 and words[k].low in ("who", "which") and words[k - 1].upos in ("X", "PROPN"):
            return "relative", None, False  # "a man who had fought for Russia": the relative clause's own act
        if before is not None and (before.upos in ("DET", "NUM") or before.low.endswith(("'s", "’s"))
                                   or before.upos == "ADP" and not low.endswith("ing")):
            return "nominal", None, False  # "the attacks", "its support", "Moscow's request", "with attack drones"
        if not chain and before is not None and n == first - 1 and self._bare_after_singular_noun(words, first):
            return "nominal", None, False  # "an export ban on", "the army attack on": no verb (a singular takes -s)
        if before is not None and before.upos == "ADP":
            return "nonfinite", before.low, False  # "by signing", "against joining"
        if low.endswith("ing") and before is not None and before.lemma in g.get("aspectual", ()) and n == first - 1:
            fact, governor, passive = self._factuality_en(words, n, n)  # "resumed recruiting": the act is the gerund's
            return fact, governor, passive
        if low.endswith("ing") and w.lemma == low and not any(x in g.get("be", ()) for x in chain):
            return "nominal", None, False  # "voiced unwavering backing": an -ing noun the lexicon lists as such
        if low.endswith("ing") and before is not None and before.upos in ("X", "PROPN") and \
                not any(x in g.get("be", ()) for x in chain) and before.low not in g.get("conjunctions", ()):
            return "relative", None, False  # "a resolution condemning the annexation"
        adverb_before = n < first - 1 and words[first - 1].low.endswith("ly")  # "fully supports": a verb
        if not chain and not past_form and w.lemma in self._nouns() and self._noun_position(words, before) and \
                not adverb_before:
            return "nominal", None, False  # "humanitarian aid", "Russian forces", "peace talks"
        nxt = words[last + 1] if last + 1 < len(words) else None
        after_next = words[last + 2].low if last + 2 < len(words) else ""
        if nxt is not None and f"{nxt.low} {after_next}" in g.get("quantity_openers", ()):
            nxt = words[last + 3] if last + 3 < len(words) else None  # "detained at least 20": an object follows
        if past_form and not chain and nxt is not None and (nxt.upos == "X" or self._demonym_starts(nxt)) and (
                before is not None and (before.upos in ("X", "ADP") and before.text[:1].islower()
                                        and before.low not in g.get("conjunctions", ())
                                        and not self._plural_noun(before)
                                        and before.low not in g.get("state_nouns", ()) or self._demonym_ends(before))):
            return "nominal", None, False  # "occupied territories", "Russian pardoned prisoners": an adjective
        if past_form and not chain and before is not None and before.text == "," and n >= 1 and nxt is not None \
                and nxt.low == "by" and words[n - 1].low not in g.get("agent_act_nouns", ()) and \
                words[n - 1].upos == "X":
            return "nonfinite", None, False  # "drones, delivered by Tehran, have struck": describes the drones
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
            if fact == "done" and set(chain) <= {"is", "are", "am", "'s", "'re", "not"}:
                fact = "present"  # "is backed by", "is led by": a state of affairs, not an act reported
        elif past_form and not chain and before is not None and before.upos == "X" and before.text[:1].islower() \
                and before.low not in g.get("conjunctions", ()) and w.lemma not in self.pack.speech \
                and self._object_of_act_before(words, n):
            return "nonfinite", None, False  # "expelled diplomats accused of spying", "closed a centre linked to"
        elif past_form and not chain and before is not None and before.upos == "X" and before.text[:1].islower() \
                and before.low not in g.get("conjunctions", ()) and (before.low not in g.get("state_nouns", ())
                                                                     or self._compound_head(words, n)) \
                and w.lemma not in self.pack.speech and (nxt is None or nxt.low in g.get("participle_next", ())):
            if nxt is not None and nxt.low == "by" and first <= 3 and all(x.upos in ("DET", "X", "PROPN")
                                                                          for x in words[:first]):
                return "done", None, True  # "A decree issued by Putin extended ...": the agent's act
            return "nonfinite", None, False  # "drones used against", "a decision condemned by" (reduced relatives)
        elif past_form and not chain and before is not None and nxt is not None and \
                nxt.low in g.get("participle_next", ()) and w.lemma not in self.pack.speech and \
                self._object_of_preposition(words, before):
            return "nonfinite", None, False  # "passports of Uzbeks involved in": the noun is no subject
        elif before is not None and before.low in ("who", "which", "that") and first >= 2 and (
                words[n - 1].upos in ("X", "PROPN") or self._thing_before_comma(words, n - 1)):
            return "relative", None, False  # ", which condemns the annexation" after "the resolution": its act
        elif not past_form and not chain:
            fact = "present"  # a simple present: a position or a habit, not an act under way
            if low.endswith("s") and w.lemma in g.get("lede_present", ()) and self._lede_act(words, first, last):
                fact = "done"  # "Kazakhstan condemns the strike": a news lede's present tells the act
        if self._condition_before(words, first) or fact == "planned" and self._en_condition_after(words, last):
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

    def _object_of_act_before(self, words: list[Word], at: int) -> bool:
        """The noun at ``at`` ends the object of an act told before it in the same clause ("Lithuania
        expelled three Russian diplomats accused of espionage"): a finite clause has one finite verb,
        so a past form after the object, with no conjunction, comma or relative word between, is a
        participle describing the object, even after a noun of a state's body ("diplomats",
        "officials"). Not after a verb that takes a clause ("said Russian officials accused ...")."""
        assert self.pack is not None
        clausal = self.pack.union("grammar", "reporting_verbs", "speech_events", "opinion", "denial",
                                  "attribution_verbs", "clause_verbs")
        breaks = self.pack.union("grammar", "conjunctions", "relative", "complementizers", "object_ends",
                                 "clause_breaks", "condition", "prepositions")
        for k in range(at - 1, max(-1, at - 7), -1):
            w = words[k]
            if w.upos in ("PUNCT", "AUX", "PRON", "ADP") and w.low != "of" or w.low in breaks and w.low != "of":
                return False  # the noun phrase ends: "killed when a missile hit", "in the city"
            act = w.lemma in self.pack.event_types or w.lemma in self.pack.stance_lemmas
            if act and w.upos == "X" and (w.low.endswith("ed") or w.low != w.lemma):
                return k >= 1 and words[k - 1].upos not in ("DET", "ADP") and w.lemma not in clausal and \
                    w.lemma not in self.pack.speech  # a verb with a subject, not "the exiled leader"
        return False

    def _bare_after_singular_noun(self, words: list[Word], first: int) -> bool:
        """English: a bare form right after a determiner and a lower-case singular noun ("an export
        ban", "the army attack"): a present verb after a singular subject would take -s, so this is
        the head of a noun compound. Not a past that reads like the base ("the army hit"), not after
        a plural ("the police detain", "the sides agree")."""
        assert self.pack is not None
        g = self.pack.grammar
        w, noun = words[first], words[first - 1] if first >= 2 else None
        if noun is None or w.low != w.lemma or w.low in g.get("invariant_past", ()) or \
                w.low in g.get("participles", ()):
            return False
        return words[first - 2].upos == "DET" and noun.upos == "X" and noun.text[:1].islower() and \
            not noun.low.endswith("s") and noun.low not in g.get("unmarked_plurals", ())

    @staticmethod
    def _compound_head(words: list[Word], at: int) -> bool:
        """A noun after a lower-case plural noun that modifies it ("the sanctions regime", "the
        visa regime"): the head of a compound, no state body acting."""
        return at >= 1 and words[at - 1].upos == "X" and words[at - 1].low.endswith("s") and \
            words[at - 1].text[:1].islower() and not words[at - 1].low.endswith(("ss", "us", "ous"))

    def _after_causative_object(self, words: list[Word], first: int) -> bool:
        """English: a base form right after the object of a causative verb (``causatives``: "let
        Russia use", "let Russian troops cross"): one to three capitalised or determiner words
        between the causative and the verb, no -s or -ed on the verb."""
        g = self.pack.grammar if self.pack else {}
        low = words[first].low
        if low.endswith(("ed", "ing")) or low != words[first].lemma:
            return False
        for k in range(first - 1, max(-1, first - 5), -1):
            w = words[k]
            if w.lemma in g.get("causatives", ()) and k < first - 1:
                return True
            if not (w.upos in ("PROPN", "DET") or w.text[:1].isupper()):
                return False
        return False

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
        if gov is not None and (gov.lemma in g.get("negative_implicatives", ()) or
                                gov.low in g.get("negative_implicatives", ())):
            return "denied", governor, False  # "failed to condemn": not condemned
        if gov is not None and gov.lemma in g.get("aspectual", ()) and self.pack is not None and self.pack.english:
            fact, _governor, _passive = self._factuality_en(words, gov.i, gov.i)  # "continues to provide"
            return (fact if fact in ("done", "ongoing", "present", "planned", "conditional") else "nonfinite"), \
                None, False
        asking = next((x.lemma for x in reversed(words[max(0, to_at - 6):to_at])
                       if x.lemma in g.get("asking", ()) or x.lemma == "warn"), None)
        if asking is not None:
            return "asked", asking, False
        return "nonfinite", governor, False

    @staticmethod
    def _noun_use(words: list[Word], i: int) -> bool:
        """A word after a determiner ("a press conference"), or after a determiner and a modifier when
        a preposition follows ("in a phone call with"; not "the ministry hopes that"), or after a
        possessive ("the Kremlin's call for volunteers")."""
        if i > 0 and (words[i - 1].upos == "DET" or words[i - 1].low.endswith(("'s", "’s"))):
            return True
        following = words[i + 1] if i + 1 < len(words) else None
        return i > 1 and words[i - 2].upos == "DET" and words[i - 1].upos == "X" and \
            words[i - 1].text[:1].islower() and following is not None and following.upos in ("ADP", "PUNCT")

    def _en_condition_after(self, words: list[Word], at: int) -> bool:
        """A condition after a future ("will leave the CSTO if the bloc fails to ..."): "if" or
        "unless" later in the clause (before a comma or a dash) makes the future conditional."""
        g = self.pack.grammar if self.pack else {}
        for k in range(at + 1, len(words)):
            w = words[k]
            if w.text in (",", ";", "—", "–", ":"):
                return False
            if w.low in ("if", "unless") and w.low in g.get("condition", ()) and words[k - 1].low != "even":
                return True  # not "even if": a concession keeps the pledge
        return False

    def _inverted_condition(self, words: list[Word], at: int) -> bool:
        """English: "Had Kazakhstan sent troops, ...", "Should the sanctions be lifted, ...": an
        auxiliary opening the sentence before its subject makes the clause a condition."""
        g = self.pack.grammar if self.pack else {}
        if not words or words[0].low not in g.get("inversion", ()) or len(words) < 3 or words[1].upos == "PUNCT":
            return False
        return not any(x.text == "," for x in words[1:at])

    def _forces_of(self, sentence: Sentence, words: list[Word], first: int, clause_start: int) -> tuple[Mention, ...]:
        """English: "North Korean troops were sent to Russia": a state's own forces moved by a
        passive with no agent were moved by that state (a deployment verb, a demonym or a
        possessive before a military noun)."""
        pack = self.pack
        if pack is None or not pack.english or words[first].lemma not in pack.stance_classes.get("send", ()) and \
                pack.event_types.get(words[first].lemma) not in ("MOBILIZE", "AID"):
            return ()
        if words[first].lemma in pack.grammar.get("force_recipient_verbs", ()):
            return ()  # "Russian personnel were trained in Iran": the forces received the act, not their state
        k = first - 1
        while k > clause_start and words[k].upos in ("AUX", "PART"):
            k -= 1
        chain = {w.low for w in words[k + 1:first]}
        if chain <= {"are", "is", "am", "not"}:
            return ()  # "Russian troops are stationed in Tajikistan": a state of affairs, no act
        if words[k].lemma not in pack.targets.get("military", ()):
            return self._forces_from(sentence, words, k, clause_start)
        owner = [m for m in self.resolver.in_sentence(sentence) if m.type == "state" and m.end <= words[k].start
                 and m.start >= words[clause_start].start and words[k].start - m.end <= 12
                 and (m.kind == "demonym" or m.text.endswith(("'s", "’s")) or
                      self.doc.text[m.end:m.end + 2] in ("'s", "’s"))]
        return (owner[-1],) if owner else ()

    def _forces_from(self, sentence: Sentence, words: list[Word], k: int, clause_start: int) -> tuple[Mention, ...]:
        """English: "troops from the CSTO were deployed", "soldiers from North Korea were sent": the
        state or alliance after "from" (``supplier_prepositions``) right after a military noun, whose
        mention ends the subject, moved its forces."""
        assert self.pack is not None
        ending = [m for m in self.resolver.in_sentence(sentence) if m.start <= words[k].start < m.end
                  and m.type in ("state", "alliance") and m.start >= words[clause_start].start]
        if not ending:
            return ()
        before = self.doc.text[words[clause_start].start:ending[0].start].casefold().split()
        while before and (before[-1] == "the" or "-" in before[-1]):
            before.pop()  # "the Russia-led Collective Security Treaty Organization"
        military = self.pack.targets.get("military", frozenset())
        if len(before) < 2 or before[-1] not in self.pack.grammar.get("supplier_prepositions", ()) or \
                before[-2] not in military and before[-2].rstrip("s") not in military:
            return ()
        return (ending[0],)

    def _object_before_for(self, sentence: Sentence, words: list[Word], first: int,
                           owner: Frame) -> tuple[Mention, ...]:
        """English: "praised the Astana government for refusing ...", "thanked Kazakhstan for
        sending ...": the object of the verb before "for" does what the gerund says."""
        if self.pack is None or not self.pack.english or first == 0:
            return ()
        at = first - 1
        if words[at].low in ("its", "their") and at > 0 and not words[first].low.endswith("ing"):
            at -= 1  # "thanked Minsk for its support"
        elif not words[first].low.endswith("ing"):
            return ()
        if words[at].low != "for":
            return ()
        objects = [m for m in self.resolver.in_sentence(sentence)
                   if owner.end <= m.start and m.end <= words[at].start and self.resolver.state_of(m)]
        return (objects[-1],) if objects else ()

    def _sole_infinitive_subjects(self, sentence: Sentence, words: list[Word], first: int) -> tuple[Mention, ...]:
        """English: a "to" infinitive after "the only (first, last) countries", with "besides X" or
        "other than X" between ("Belarus and Eritrea were the only states besides Russia to vote
        against"; ``sole_adjectives``, ``state_group_nouns``, ``except_prepositions``): the subjects of
        the copula before the phrase did what the infinitive says; empty otherwise."""
        pack = self.pack
        if pack is None or not pack.english or first < 5 or words[first - 1].low != "to":
            return ()
        g = pack.grammar
        k = first - 2
        mentions = self.resolver.in_sentence(sentence)
        excepted = next((m for m in mentions if m.end <= words[k].end and m.end == words[k].end), None)
        if excepted is not None:  # "besides Russia": back over the excepted mention and its preposition
            k = next((j for j in range(k, -1, -1) if words[j].start < excepted.start), -1)
            while k >= 0 and (words[k].low in g.get("except_prepositions", ()) or words[k].low in ("than", "from")):
                k -= 1
        if k < 3 or words[k].low not in g.get("state_group_nouns", ()):
            return ()
        k -= 1
        while k >= 0 and (words[k].upos == "NUM" or words[k].low.isdigit()):
            k -= 1
        if k < 2 or words[k].low not in g.get("sole_adjectives", ()) or words[k - 1].low not in ("the", "a") or \
                words[k - 2].low not in g.get("linking_forms", ()):
            return ()
        copula = words[k - 2]
        before = [m for m in mentions if m.end <= copula.start and m.type == "state"]
        if not before or self.doc.text[before[-1].end:copula.start].strip():
            return ()
        return tuple(self._coordinated(sentence, before[-1]))  # type: ignore[attr-defined]

    def _adopted_document_en(self, words: list[Word], first: int, frames: list[Frame]) -> Frame | None:
        """English: a participle or a relative clause after a document noun that the verb before it
        adopts ("adopted a resolution condemning", "a declaration, which condemns", "signed a joint
        statement supporting", `adopting_verbs`,
        `document_nouns`): the frame of the adopting verb, whose subject says what the document says."""
        pack = self.pack
        if pack is None or not pack.english or first < 2 or not frames:
            return None
        document = first - 1  # "a resolution condemning"
        if words[first].low.endswith("ing") and self._time_before(words, document) < document:
            document = self._time_before(words, document) - 1  # "published a paper on Friday calling for"
        if words[document].low in ("which", "that"):  # "a resolution that condemns", "a declaration, which condemns"
            document -= 2 if document >= 2 and words[document - 1].text == "," else 1
        elif not words[first].low.endswith("ing"):
            return None
        if document < 1 or words[document].lemma not in pack.grammar.get("document_nouns", ()) and \
                words[document].low not in pack.grammar.get("document_nouns", ()):
            return None
        owner = frames[-1]
        if owner.lemma not in pack.grammar.get("adopting_verbs", ()) or owner.factuality not in (
                "done", "ongoing", "present", "planned"):
            return None
        between = words[owner.word + 1:document]
        if len(between) > 4 or any(w.upos in ("PUNCT", "ADP") for w in between):
            return None
        return owner

    def _aspectual_en(self, words: list[Word], first: int, last: int) -> bool:
        """English: an aspectual verb before a "to" infinitive or a gerund ("continued to buy",
        "resumed shelling"): the verb after it is the act, the aspectual verb none of its own."""
        pack = self.pack
        if pack is None or not pack.english or first != last or \
                words[first].lemma not in pack.grammar.get("aspectual", ()) and \
                words[first].low not in pack.grammar.get("aspectual", ()):
            return False
        nxt = words[last + 1] if last + 1 < len(words) else None
        return nxt is not None and (nxt.low == "to" or nxt.low.endswith("ing") and nxt.upos == "X")

    def _copular_noun_en(self, words: list[Word], first: int) -> int | None:
        """English: a noun of an alliance after a copula ("Armenia is not Russia's ally", "remains
        Moscow's closest partner"): the copula's index, whose subject the noun describes; else ``None``."""
        pack = self.pack
        nxt = words[first + 1].low if first + 1 < len(words) else ""
        lemmas = {words[first].lemma, f"{words[first].lemma}_{nxt}"}  # "is not a party to": the phrasal noun
        if pack is None or not pack.english or not lemmas & pack.union("stance_classes", "ally", "accomplice"):
            return None  # "is not Russia's ally", "has been a willing accomplice in"
        copulas = pack.grammar.get("linking_forms", ())
        for k in range(first - 1, max(-1, first - 7), -1):
            w = words[k]
            if w.low in copulas:
                return k
            if w.upos in ("PUNCT", "ADP") or w.upos == "AUX" and w.low not in copulas:
                return None
        return None

    def _common_object_before_for(self, words: list[Word], first: int, owner: Frame) -> bool:
        """English: "fined a blogger for calling the war a genocide", "jailed two men for fighting":
        a gerund after "for" whose verb has an object that is no state does what that object did,
        not what the verb's subject did."""
        if self.pack is None or not self.pack.english or first < 2 or words[first - 1].low != "for" or \
                not words[first].low.endswith("ing"):
            return False
        between = [w for w in words if owner.end <= w.start and w.end <= words[first - 1].start]
        return bool(between) and len(between) <= 4 and all(w.upos in ("DET", "NUM", "X") for w in between) and \
            between[-1].upos == "X" and between[-1].text[:1].islower()

    def _before_apposition(self, sentence: Sentence, words: list[Word], first: int,
                           clause_start: int) -> Mention | None:
        """English: "Maria Zakharova, the spokeswoman of the foreign ministry, criticised ...": the
        mention before a comma-enclosed phrase opening with a determiner right before the verb; the
        same in the languages read through form tables ("La Turquie, membre de l'OTAN, a fermé")."""
        if self.pack is None or not (self.pack.english or "forms" in self.pack.grammar.get("clause_rules", ())):
            return None
        k = first - 1
        while k >= clause_start:
            start = self.adverb_phrase_start(words, k)  # "Turkey, a NATO member, has so far refused"
            if start < k or words[k].upos in ("AUX", "PART") or words[k].low.endswith("ly"):
                k = start - 1
                continue
            break
        if k <= clause_start or words[k].text not in (",", "—", "–"):
            return None
        if words[k].text == ",":
            opening = next((w for w in reversed(words[clause_start:k]) if w.text == ","), None)
        else:
            at = self._insertion_opening(words, k)
            opening = words[at + 1] if at is not None else None
        if opening is None or opening.i + 1 >= k:
            return None
        head = words[opening.i + 1]
        joins = self.pack.union("grammar", "conjunctions", "coordinators")
        first_word = self.doc.text[head.start:words[k].start].split(maxsplit=1)[0]
        possessive = first_word.endswith(("'s", "’s")) and any(  # "Hungary, Moscow's closest partner in the EU,"
            m.start == head.start and m.type == "state" for m in self.resolver.in_sentence(sentence))
        if not (head.upos == "DET" or possessive or head.text[:1].islower() and head.low not in joins
                and head.upos not in ("ADP", "AUX")):
            return None  # "A, B and C declined": a list, no apposition
        owner = [m for m in self.resolver.in_sentence(sentence) if m.end == words[opening.i - 1].end] \
            if opening.i > clause_start else []
        if not owner and opening.i > clause_start:  # "The Kazakh government, according to ..., will"
            nouns = self.pack.grammar.get("state_nouns", frozenset())
            owner = [m for m in self.resolver.in_sentence(sentence) if m.end < words[opening.i - 1].end
                     and m.start >= words[clause_start].start and m.type == "state"
                     and all(w.low in nouns for w in words[clause_start:opening.i] if w.start >= m.end)][-1:]
        if not owner or not self._may_be_subject(words, owner[0]):
            return None
        return owner[0] if owner[0].type in ("person", "organization", "government_body", "state") else None

    def _inside_apposition_en(self, sentence: Sentence, words: list[Word], m: Mention, first: int) -> bool:
        """English: the mention stands inside an apposition between commas after a state's or a
        person's name, before the predicate ("Turkey, a NATO member, has ...", "Kazakhstan, a partner of
        Moscow, said"): a modifier of the name, not the subject."""
        at = bisect.bisect_left(words, m.start, key=_word_start)  # the first word from the mention on
        if at >= len(words) or at >= first:
            return False
        k = at - 1
        while k > 0 and words[k].text != "," and words[k].upos in ("DET", "X", "ADP", "NUM") and \
                not words[k].text[:1].isupper():
            k -= 1
        if k < 1 or words[k].text != "," or k == at - 1 or words[k + 1].upos != "DET":
            return False
        closing = next((w.i for w in words[at:first] if w.text == ","), None)
        if closing is None:
            return False
        return any(x.end == words[k].start and x.type in ("state", "person")
                   for x in self.resolver.in_sentence(sentence))

    def _body_in_state(self, sentence: Sentence, words: list[Word], first: int, clause_start: int,
                       mentions: list[Mention]) -> Mention | None:
        """English: "A court in Tashkent sentenced ...", "police in Kazakhstan detained ...": a
        state organ named by a common noun and the state (or its capital) it sits in."""
        body_prepositions = self.pack.grammar.get("body_prepositions", frozenset()) if self.pack else frozenset()
        fronted = self._fronted_place(sentence, words, first) if self.pack is not None and self.pack.english \
            else None
        if fronted is not None:
            return fronted
        after = self._body_place_after(sentence, words, first, clause_start, mentions) \
            if self.pack is not None and self.pack.english else None
        if after is not None:
            return after
        if self.pack is None or not (self.pack.english or body_prepositions) or not mentions:
            return None  # other languages by their ``body_prepositions`` ("Guvernul de la Chișinău")
        last = max(mentions, key=lambda m: m.end)
        if self.resolver.state_of(last) is None or last.type != "state":
            return None
        before = [w for w in words[clause_start:first] if w.end <= last.start]
        between = [w for w in words[clause_start:first] if w.start >= last.end and w.upos not in ("AUX", "PART")
                   and not any(t.start <= w.start < t.end for t in self.doc.times)]  # "A court in Tashkent on
        # Monday sentenced": a time between the body's place and the verb
        prepositions = body_prepositions or frozenset(("in", "of"))
        k = len(before) - 1
        while k > 0 and before[k].low in prepositions:
            k -= 1
        if k < 0 or k == len(before) - 1 or between:
            return None
        return last if before[k].low in self.pack.grammar.get("state_nouns", ()) else None

    def _lede_act(self, words: list[Word], first: int, last: int) -> bool:
        """A present tense that tells the news: in one of the text's first three sentences (its lede:
        "Moscow denies any role in ..."), in the main clause (no verb, speech verb, "that" or "while"
        before it), and not about the war itself ("condemns the invasion" is a position held)."""
        from .frame_types import in_lede, object_words

        assert self.pack is not None
        g = self.pack.grammar
        if not in_lede(self.doc, words):
            return False
        if any(x.upos in ("VERB", "AUX") or x.lemma in self.pack.speech or x.low in g.get("complementizers", ())
               or x.low in g.get("clause_breaks", ()) for x in words[:first]):
            return False  # "said that while Hungary condemns"
        war = self.pack.targets.get("war", frozenset())
        return not any(x.lemma in war or x.low in war for x in object_words(words, last, 5))

    def _body_place_after(self, sentence: Sentence, words: list[Word], first: int, clause_start: int,
                          mentions: list[Mention]) -> Mention | None:
        """English: "Police raided a warehouse outside Moscow", "Investigators searched offices in
        Osh": a subject of state-organ nouns alone (``state_nouns``) acts for the state whose capital
        or city (a mention the entities keep there only after such an opening) is the place of the
        act, after a preposition in the verb's own clause."""
        assert self.pack is not None
        g = self.pack.grammar
        subject = [w for w in words[clause_start:first] if w.upos not in ("AUX", "PART", "DET", "ADV")]
        if mentions or not subject or len(subject) > 2 or subject[-1].low not in g.get("state_nouns", ()):
            return None  # "Police", "Border guards", "Riot police": a body's noun heads the subject
        end = words[self._clause(words, first, [])[1]].end
        for m in self.resolver.in_sentence(sentence):
            if m.type != "state" or m.kind not in ("seat", "city") or not words[first].end <= m.start < end:
                continue
            before = next((w for w in reversed(words) if w.end <= m.start), None)
            if before is not None and (before.upos == "ADP" or before.low in g.get("place_prepositions", ())):
                return m
        return None

    def _fronted_place(self, sentence: Sentence, words: list[Word], first: int) -> Mention | None:
        """English: "In Tbilisi, police detained ...": a state organ named by a common noun after the
        state (or its capital) the sentence opens with as the place of the act."""
        assert self.pack is not None
        g = self.pack.grammar
        if not words or words[0].low not in g.get("place_prepositions", ()):
            return None
        comma = next((w.i for w in words[:first] if w.text == ","), None)
        if comma is None:
            return None
        subject = [w for w in words[comma + 1:first] if w.upos not in ("AUX", "PART", "DET")]
        if not subject or not all(w.low in g.get("state_nouns", ()) for w in subject):
            return None
        place = [m for m in self.resolver.in_sentence(sentence) if m.type == "state" and words[0].end < m.start
                 and m.end <= words[comma].start]
        if len(place) != 1 or self.doc.text[words[0].end:place[0].start].strip() or \
                self.doc.text[place[0].end:words[comma].start].strip():
            return None
        return place[0]

    def _refrained(self, words: list[Word], first: int, frames: list[Frame]) -> bool:
        """English: "abstained from recognising", "refrained from condemning": not done."""
        g = self.pack.grammar if self.pack else {}
        if first == 0 or words[first - 1].low != "from" or not frames or frames[-1].lemma not in g.get("refrain", ()):
            return False
        return all(w.upos == "PART" for w in words[frames[-1].word + 1:first - 1])

    def _postposed_speaker_en(self, sentence: Sentence, words: list[Word], first: int,
                              last: int) -> tuple[tuple[Mention, ...], str | None, bool] | None:
        """English: a speech verb after a comma whose subject, between the comma and the verb, names
        no one ("..., the foreign ministry said", "..., analysts warn"): a state's organ speaks for
        the state the sentence opens with; other nouns are no named speaker. ``None`` elsewhere."""
        pack = self.pack
        if pack is None or not pack.english or words[last].lemma not in pack.speech:
            return None
        comma = next((k for k in range(first - 1, max(-1, first - 6), -1) if words[k].text == ","), None)
        if comma is None or comma + 1 >= first:
            return None
        between = words[comma + 1:first]
        if any(w.upos in ("PUNCT", "PROPN", "AUX") or w.low in ("that", "which", "who") for w in between):
            return None
        joins = pack.grammar.get("clause_breaks", frozenset()) | pack.grammar.get("conjunctions", frozenset())
        if between[0].low in joins:
            return None  # "..., but it recalled its envoy": a clause of its own, no speaker closing the sentence
        named = any(m.start >= words[comma].end and m.end <= words[first].start
                    for m in self.resolver.in_sentence(sentence))
        if named or any(w.low in pack.grammar.get("role_nouns", frozenset()) for w in between):
            return None  # a named speaker or an office holder ("the president"): the other rules read it
        nouns = pack.grammar.get("state_nouns", frozenset())
        if any(w.low in nouns for w in between):
            opening = next((m for m in self.resolver.in_sentence(sentence) if m.end <= words[comma].start
                            and m.type == "state"), None)
            return ((opening,), None, False) if opening is not None else ((), between[-1].low, False)
        return (), between[-1].low, False

    def _coordinated_finite(self, words: list[Word], at: int) -> bool:
        """English: an inflected verb (-ed, -s) right after a conjunction, auxiliaries and adverbs aside
        ("... and urged", "but has refused"): a verb of its own, coordinated with the one before."""
        if self.pack is None or not self.pack.english or words[at].low == words[at].lemma:
            return False
        k = at - 1
        while k >= 0 and (words[k].upos in ("AUX", "PART") or words[k].low.endswith("ly") and words[k].upos == "X"):
            k -= 1
        return k >= 1 and words[k].low in self.pack.grammar.get("conjunctions", ())

    def _subject_before_conjunction(self, sentence: Sentence, words: list[Word], first: int,
                                    clause_start: int) -> tuple[Mention, ...]:
        """English: a clause that opens with a conjunction and the verb ("..., but has called for",
        "but has refused", "but both have called"), no subject of its own: the subject that opens the
        clause before it, a state mention (or a list) among its first three words."""
        pack = self.pack
        if pack is not None and pack.slavic:
            return self._subject_before_join_slavic(sentence, words, first, clause_start)
        if pack is None or not pack.english or clause_start < 2 or \
                words[clause_start - 1].low not in pack.grammar.get("conjunctions", ()):
            return ()
        floating = pack.grammar.get("floating_quantifiers", ())  # "..., but both have called for"
        if any(not (w.upos in ("AUX", "PART") or w.low.endswith("ly") or w.low in floating)
               for w in words[clause_start:first]):
            return ()
        opening = self._clause(words, clause_start - 1, [])[0]
        head = words[min(opening + 3, clause_start - 1)].start
        found = next((m for m in self.resolver.in_sentence(sentence) if words[opening].start <= m.start < head
                      and m.type == "state" and m.kind != "demonym"), None)
        if found is None:
            return ()
        listed = self._coordinated_after(sentence, found)  # "Neither Ankara nor Budapest ..., but both"
        return tuple(self._coordinated(sentence, listed[-1]))

    def _subject_before_join_slavic(self, sentence: Sentence, words: list[Word], first: int,
                                    clause_start: int) -> tuple[Mention, ...]:
        """Russian and Ukrainian: a verb with no subject of its own right after a comma and a
        conjunction of ``predicate_joins``, ``contrast_joins`` or ``subject_joins`` («Таджикистан
        покупает топливо, но отказался признать ...»): the state (or list) in the nominative that
        opens the clause before, among its first three words."""
        joins = self.pack.union("grammar", "predicate_joins", "contrast_joins", "subject_joins") \
            if self.pack is not None else frozenset()
        at = first - 1
        while at >= 0 and words[at].upos in ("PART", "ADV"):
            at -= 1  # «но не», «однако так и не»
        if at < 2 or words[at].low not in joins or words[at - 1].text != "," or at < clause_start - 1:
            return ()
        opening = self._clause(words, at - 1, [])[0]
        head = words[min(opening + 3, at - 1)].start
        found = next((m for m in self.resolver.in_sentence(sentence) if words[opening].start <= m.start < head
                      and m.type == "state" and m.kind != "demonym" and self.can_be_nominative(m)), None)
        if found is None or any(w.upos == "ADP" for w in words[opening:] if w.end <= found.start):
            return ()
        return tuple(self._coordinated(sentence, found))

    def _opening_state(self, sentence: Sentence, words: list[Word], before: int) -> tuple[Mention, ...]:
        """English: the state (or the list) that opens the sentence as its subject, among its first
        three words and before word ``before``, not after a preposition: what a later "it" stands for."""
        if self.pack is None or not self.pack.english or not words:
            return ()
        head = words[min(3, before, len(words) - 1)].start
        found = next((m for m in self.resolver.in_sentence(sentence) if m.start < head and m.type != "person"
                      and self.resolver.state_of(m) and (m.kind != "demonym" or m.type != "state")), None)
        if found is None or any(w.upos == "ADP" for w in words if w.end <= found.start):
            return ()
        return tuple(self._coordinated(sentence, found))

    def _after_insertion(self, words: list[Word], first: int, clause_start: int) -> bool:
        """English: the verb right after an adverbial insertion between commas that opens with a clause
        break ("The Serbian government, while keeping close ties with Moscow, voted"): its subject
        stands before the insertion."""
        if self.pack is None or clause_start < 2 or words[clause_start - 2].text != "," or \
                words[clause_start - 1].low not in self.pack.grammar.get("clause_breaks", ()) or \
                not words[clause_start].low.endswith(("ing", "ed")):
            return False  # a participle opens the insertion ("while keeping"); "while X, ..., made" has its own
        k = first - 1
        while k > clause_start and (words[k].upos in ("AUX", "PART") or words[k].low.endswith("ly")):
            k -= 1
        return k > clause_start and words[k].text == ","

    def _no_intention(self, words: list[Word], first: int) -> bool:
        """English: an intention noun (``intention_nouns``) under a negative determiner before the
        verb ("has no intention of sending", "no desire to take part", "no plans for sending"):
        an intention denied, the predicate a negated pledge."""
        if self.pack is None or not self.pack.english or first < 3 or words[first - 1].low not in ("of", "to", "for"):
            return False
        g = self.pack.grammar
        noun, det = words[first - 2], words[first - 3]
        return (noun.low in g.get("intention_nouns", ()) or noun.lemma in g.get("intention_nouns", ())) and \
            det.low in g.get("negative_objects", ())

    def _negative_object(self, words: list[Word], last: int) -> bool:
        """English: an object opened by a negative determiner ("has recognised neither the annexation
        nor ...", "sent no troops"): the predicate is denied ("no fewer than" is a figure)."""
        if self.pack is None or not self.pack.english or last + 1 >= len(words):
            return False
        nxt = words[last + 1]
        if nxt.low not in self.pack.grammar.get("negative_objects", ()):
            return False
        if nxt.low == "no" and words[last].lemma in self.pack.stance_classes.get("vote", ()):
            return False  # "voted no", "those voting no": a vote against, not a vote denied
        after = words[last + 2].low if last + 2 < len(words) else ""
        return after not in self.pack.grammar.get("negative_object_idioms", ())

    def _negative_subject(self, words: list[Word], first: int, clause_start: int) -> bool:
        """English: a subject opened by a negative quantifier ("None of the states, including
        Kazakhstan, has recognised ..."): the predicate is denied of every member named."""
        if self.pack is None or not self.pack.english:
            return False
        opener = words[clause_start]
        if opener.low not in self.pack.grammar.get("negative_quantifiers", ()):
            return False
        end = first
        while end - 1 > clause_start and words[end - 1].upos in ("AUX", "PART"):
            end -= 1  # the predicate's own auxiliaries
        return not any(w.upos == "AUX" or w.low.endswith("ed") for w in words[clause_start + 1:end])
