"""Quantities: numbers that count something, in digits or words, read as the article's language
writes them (its decimal mark and thousands separators, its number words and multipliers, from
``lang/<code>/numbers.toml``): "35.000" in German, «35−40 тисяч» (a range, both multiplied), "25K",
«больше тысячи». Qualifiers ("more than", "about") go into the unit; a range is two values. Dates,
years, times of day, ordinals, ages, identifiers, web addresses and numbers inside names
("France 24") are left out."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

from ..kb.langdata import every_language_data, language_data
from .doc import Doc, Sentence, Statement
from .lexicons import Lexicons, load_lexicons
from .numbers import NumberRules, month_guard, number_rules
from .tokens import Token, analyzer_for, has_morphology, morph_parse, tokenized, word_key

__all__ = ["QuantityExtractor"]

_DATE_RANGE_AFTER = re.compile(r"^\s?[-–]\s?\d{1,2}\s+\S")
_REPEATED_FROM = 1000  # a figure this large stated twice in one article is the same figure
_SENTENCE_ENDS = (".", "!", "?", "…", ".»", ".”", '."', "!»", "?»")
_UNIT_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _ends(text: str) -> tuple[str, ...]:
    """The text up to each place a ``$`` (no MULTILINE) matches: its end, and before a final line
    break. The end-anchored searches below read the end of the text from these, where
    ``re.search`` tried the pattern at every position of the text first."""
    return (text, text[:-1]) if text.endswith("\n") else (text,)


def _letter_hyphen_at_end(before: str) -> bool:
    r"""``re.search(r"[^\W\d_]-$", before)``: a letter (a word character, not a decimal digit nor
    "_": ``str.isalnum`` as re's ``\w``, less ``str.isdecimal`` as its ``\d``) and a hyphen end it."""
    return any(len(t) >= 2 and t[-1] == "-" and t[-2].isalnum() and not t[-2].isdecimal() for t in _ends(before))


def _digit_mark_at_end(before: str) -> bool:
    r"""``re.search(r"\d[./]$", before)``: a decimal digit and a dot or slash end it."""
    return any(len(t) >= 2 and t[-1] in "./" and t[-2].isdecimal() for t in _ends(before))


def _last_run(before: str) -> str:
    r"""``re.search(r"\S*$", before).group(0)``: the run of non-space characters (``str.isspace``,
    as re's ``\s``) that ends it, or before its final line break (empty where a space ends it)."""
    end = len(before) - 1 if before.endswith("\n") else len(before)
    i = end
    while i > 0 and not before[i - 1].isspace():
        i -= 1
    return before[i:end]


_NAME_BEFORE = re.compile(r"(?:^|[^\w\s][ \t]*|\s)([A-ZА-ЯЁІЇЄҐ][\w’'-]*) $")


def _name_before(before: str) -> re.Match[str] | None:
    """``_NAME_BEFORE.search(before)``, started at the last space before the word that its final
    space (or space and line break) ends: the word is all word characters, "’", "'" and "-", so
    every match's word starts after that space, and the leftmost match has the longest such word
    (``^`` matches only at the text's real start, wherever the search starts)."""
    end = len(before) - (2 if before.endswith(" \n") else 1)
    return _NAME_BEFORE.search(before, max(0, before.rfind(" ", 0, end)))


_NUMBER_THEN_WORDS = re.compile(r"\s+\d+(?:[.,\s\u00a0\u2007\u2009\u202f]\d+)*[ \u00a0]+"
                                r"((?:[^\W\d_]+(?:-[^\W\d_]+)*[ \u00a0]+){0,2}[^\W\d_]+(?:-[^\W\d_]+)*)")
_COUNTED_ADJECTIVES = frozenset({"NOUN", "ADJF", "PRTF"})
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")


def _counted_next(after: str, language: str | None, folders: tuple[Path, ...] | None = None) -> bool:
    """Whether the words after the number that follows a name say what the number counts: a noun or
    an adjective where the morphology reads the first one («Киеву 20 танков», «Україні 20 нових
    гармат»), else a plural in lower case within the next three words ("Kyiv 20 tanks", "Ukraine 30
    armoured vehicles"), before any function word ("told Russia 24 that the talks") and not a verb of
    saying ("Russia 24 says"): a channel's name with a number is followed by neither."""
    found = _NUMBER_THEN_WORDS.match(after)
    if found is None:
        return False
    words = found.group(1).split()
    if not words[0].islower():  # a new sentence, a name, or a German noun: no sure count
        return False
    if _CYRILLIC_LETTER.search(words[0]):
        analyzer = analyzer_for(language, folders) if has_morphology(language, folders) else analyzer_for(None, folders)
        return morph_parse(words[0].casefold(), analyzer)[0].tag.POS in _COUNTED_ADJECTIVES
    stops, speech, unmarked = _english_like_words(language, folders)
    for word in words:
        if not word.islower() or word in stops:
            return False
        if word in unmarked:
            return True
        if len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "ys")):
            return word.removesuffix("s") not in speech
    return False


@functools.lru_cache(maxsize=16)
def _english_like_words(language: str | None, folders: tuple[Path, ...] | None = None
                        ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(the language's function words that end a noun phrase: determiners, complementizers,
    conjunctions, prepositions, "be" and "have"; its verbs of saying and reporting; its plural
    nouns with no plural ending), from ``grammar.toml``."""
    grammar = language_data("grammar", language, folders) if language else {}

    def words(*keys: str) -> frozenset[str]:
        return frozenset(str(w) for key in keys for w in grammar.get(key, []))

    return (words("determiners", "complementizers", "conjunctions", "participle_next", "be", "have"),
            words("reporting_verbs", "attribution_verbs", "speech_events"), words("unmarked_plurals"))


class QuantityExtractor:
    name = "quantities"
    requires: tuple[str, ...] = ("sentences", "mentions", "times")
    provides: tuple[str, ...] = ("statements",)

    def __init__(self, lexicons: Lexicons | None = None, folders: tuple[Path, ...] | None = None) -> None:
        self.lex = lexicons or load_lexicons(folders)
        self.folders = folders or self.lex.folders or None
        self._months = month_guard(self.folders)
        self._place_words = frozenset(str(w).casefold() for data in every_language_data("places", self.folders).values()
                                      for w in data.get("before_seat", []))

    def warm(self, languages: tuple[str, ...] = ()) -> None:
        for language in languages:
            number_rules(language, self.folders)

    def __call__(self, doc: Doc) -> Doc:
        rules = number_rules(doc.language, self.folders)
        out: list[Statement] = []
        names_end = frozenset(m.end for m in doc.mentions)
        # a state or an alliance named right before a number receives it, it is no name with a number
        # ("gave Ukraine 35,000 shells", «передала Киеву 20 танков», "der Ukraine 20 Panzer"); a
        # listed name with a number ("France 24") is one mention and ends after its number
        recipients_end = frozenset(m.end for m in doc.mentions if m.type in ("state", "alliance")
                                   and _counted_next(doc.text[m.end:m.end + 60], doc.language, self.folders))
        # a number inside a name ("France 24", "Group of Seven") is part of the name; one inside a
        # time expression ("two months ago", "vor zwei Jahren") is part of a date
        named = sorted([(m.start, m.end) for m in doc.mentions if " " in m.text]
                       + [(t.start, t.end) for t in doc.times])
        starts = [s for s, _e in named]
        reach = list(itertools.accumulate((e for _s, e in named), max))  # the furthest end of the spans so far
        for sentence in doc.sentences:
            found = self._digits(doc, sentence, rules, names_end, recipients_end) + self._words(doc, sentence, rules)
            # inside a span (s <= at < e for one of them): the furthest end of those starting by ``at`` is past it
            found = [(at, st) for at, st in found if (k := bisect.bisect_right(starts, at)) == 0 or reach[k - 1] <= at]
            out.extend(st for _offset, st in sorted(found, key=lambda pair: pair[0]))
        doc.add(self._once(doc.text, out))
        return doc

    @staticmethod
    def _once(text: str, found: list[Statement]) -> list[Statement]:
        """A figure of thousands or more that the article states again (a headline's figure, then the
        lede's, then the quote's) is one quantity: kept where a sentence ends with its punctuation
        (a headline has none), else where it first appears. Another sentence's figure goes when it
        is a headline's or counts the same word; twice in one sentence, or of another thing counted
        («36 тысяч граждан», «36 тысяч рублей»), it stays. Smaller numbers recur for other things."""
        seen: dict[float, list[Statement]] = {}
        for st in found:
            if st.value is not None and st.value >= _REPEATED_FROM and st.unit != "percent":
                seen.setdefault(st.value, []).append(st)
        dropped: set[int] = set()
        for group in seen.values():
            if len(group) > 1:
                ended = [st for st in group if text[st.start:st.end].rstrip().endswith(_SENTENCE_ENDS)]
                keep = (ended or group)[0]
                noun = (keep.unit or "").split()[:1]
                dropped.update(id(st) for st in group if st.start != keep.start  # twice in one sentence: two
                               and (st not in ended or (st.unit or "").split()[:1] == noun))
        return [st for st in found if id(st) not in dropped]

    # -- numbers in digits ----------------------------------------------------------------------
    def _digits(self, doc: Doc, sentence: Sentence, rules: NumberRules, names_end: frozenset[int],
                recipients_end: frozenset[int] = frozenset()) -> list[tuple[int, Statement]]:
        text = doc.text
        out = []
        previous_end = -1
        for match in rules.number.finditer(text, sentence.start, sentence.end):
            value = rules.value(match)
            after = text[match.end():match.end() + 40]
            before = text[max(sentence.start, match.start() - 30):match.start()]
            if value is None or not self._counts(match, value, before, after, rules, sentence) \
                    or (match.start() - 1 not in recipients_end and not self._grouped(match, rules)
                        and self._in_name(match, before, after, rules, sentence, names_end)):
                continue
            if match.end() >= len(text.rstrip()) - 1:  # cut off by the end of the excerpt
                continue
            multiplier, rest = self._factor(after, rules)
            if multiplier == 1:
                multiplier, rest = self._range_factor(text, match, sentence, rules)
            value *= multiplier
            unit = "percent" if rules.percent.match(after) else self._unit(rest)
            qualifier = rules.qualifier_of(before)
            if qualifier:
                unit = f"{unit} ({qualifier.group(1).lower()})"
            if match.start() == previous_end:
                continue
            out.append((match.start(), Statement(
                "quantity", sentence.start, sentence.end, predicate=unit, value=float(value), unit=unit,
                confidence=0.8, extractor="quantities.digits", cue=text[match.start():match.end()])))
            previous_end = match.end()
        return out

    def _factor(self, after: str, rules: NumberRules) -> tuple[int, str]:
        """The multiplier written after a number (a word, or a letter such as "K" or "bn")."""
        multiplier, rest = rules.multiplier(after)
        if multiplier == 1:
            suffix = rules.suffix.match(after) or rules.spaced_suffix.match(after)
            if suffix:
                key = suffix.group(1)
                multiplier = rules.spaced_suffixes.get(key) or rules.suffixes[key.casefold()]
                rest = after[suffix.end():]
        return multiplier, rest

    def _range_factor(self, text: str, match: re.Match[str], sentence: Sentence, rules: NumberRules) -> tuple[int, str]:
        """The first number of a range takes the second's multiplier ("35–40 thousand")."""
        after = text[match.end():match.end() + 40]
        joint = rules.range_joint.match(after)
        if joint is None and rules.between.search(text[max(sentence.start, match.start() - 12):match.start()]):
            joint = rules.between_joint.match(after)  # "between 35 and 40 thousand"
        if joint:
            second = rules.number.match(text, match.end() + joint.end(), sentence.end)
            if second:
                factor, rest = self._factor(text[second.end():second.end() + 40], rules)
                if factor > 1:
                    return factor, rest
        return 1, after

    def _counts(self, match: re.Match[str], value: float, before: str, after: str, rules: NumberRules,
                sentence: Sentence) -> bool:
        raw = match.group(0)
        if rules.ordinal.match(after) or (rules.ordinal_dot and len(raw) <= 3 and re.match(r"^\.\s+\w", after)
                                           and match.end() + 1 < sentence.end):
            return False
        if len(raw) <= 3 and re.match(r"^[.)]\s", after) and not before.rsplit("\n", 1)[-1].strip():
            return False  # a list's marker at the start of a line: "1. ...", "2) ..."
        low_after = after.casefold()
        if low_after.lstrip(" -").startswith(rules.age_clock_starts):  # one of them after the number
            return False
        words_before = before.casefold().split()
        if words_before and words_before[-1].rstrip(".:") in rules.identifier_before:
            return False
        if self._months.search(before[-12:]) or self._months.match(after.lstrip()[:12]):
            return False  # a day of a month
        if _DATE_RANGE_AFTER.match(after) and self._months.match(after.lstrip(" -–")[2:].lstrip()[:12]):
            return False  # "10-14 October"
        if rules.age_before.search(before) or re.match(r"^,", after) and re.search(r"[A-Z][a-z]+,\s?$", before):
            return False  # "the average age ... 35 years", "Azad Kumar, 31,"
        if _letter_hyphen_at_end(before):
            return False  # a model or designation: "Shahed-136", "Su-35"
        if self._in_address(before, after):
            return False
        if re.fullmatch(r"(19|20)\d\d", raw) is not None and not rules.multiplier(after)[0] > 1:
            return False  # a year
        if re.match(r"^[./]\d", after) or _digit_mark_at_end(before):
            return False  # dates like 24.07.2023 or 10/10
        return value > 0 or "%" in after[:2]

    @staticmethod
    def _grouped(match: re.Match[str], rules: NumberRules) -> bool:
        """A number written with its thousands grouped ("35,000", "35 000"): no name carries one."""
        whole = match.group(1)
        return any(c in rules.thousands for c in whole if not c.isdigit())

    @staticmethod
    def _in_address(before: str, after: str) -> bool:
        """Digits inside a web address, an e-mail or a handle ("t.me/channel24", "?id=1234")."""
        token = _last_run(before) + re.match(r"\S*", after).group(0)  # type: ignore[union-attr]
        return any(mark in token for mark in ("/", "www.", "@", "=", "://"))

    def _in_name(self, match: re.Match[str], before: str, after: str, rules: NumberRules, sentence: Sentence,
                 names_end: frozenset[int]) -> bool:
        """A number right after a capitalised word is part of a name ("France 24", «Россия 24»), unless
        a multiplier or a percent follows it or the word is a place after a preposition of place
        («У Харкові 5 людей», ``lang/<code>/places.toml``). The sentence's first word counts only
        when it is a name."""
        found = _name_before(before)
        if not found:
            return False
        preceding = before[:found.start(1)].split()
        if preceding and preceding[-1].casefold() in self._place_words:
            return False
        if match.start() - len(found.group(1)) - 1 <= sentence.start and match.start() - 1 not in names_end:
            return False
        word = found.group(1).casefold()
        if word in rules.identifier_before or word in rules.qualifier_words or rules.multiplier(after)[0] > 1:
            return False
        return not rules.percent.match(after)

    @staticmethod
    def _unit(rest: str) -> str:
        words: list[str] = []
        for match in _UNIT_WORDS.finditer(rest[:60]):
            gap = rest[match.start() - 1:match.start()] if match.start() else " "
            if words and gap not in (" ", "-"):
                break
            words.append(match.group(0))
            if len(words) == 4:
                break
        return " ".join(words) or "count"

    # -- numbers in words ---------------------------------------------------------------------
    @staticmethod
    def _key(token: Token, rules: NumberRules) -> str:
        found: str | None = rules.memo.get(("key", token.text))
        if found is None:
            if len(rules.memo) >= 100_000:
                rules.memo.clear()
            found = rules.memo[("key", token.text)] = QuantityExtractor._word_key(token.text, rules)
        return found

    @staticmethod
    def _entry(word: str, rules: NumberRules) -> tuple[str, bool]:
        """A token's key (:meth:`_key`) and whether it may open a number in words: what
        ``_word_number`` rejects first, read once per word instead of once per token: a token
        that starts with a digit, or is no number word, no lone multiplier and no article (most
        tokens of most sentences). A pure function of the word and the rules, remembered."""
        found: tuple[str, bool] | None = rules.memo.get(("entry", word))
        if found is None:
            key = QuantityExtractor._key(Token(0, len(word), word), rules)
            opens = not (word[:1].isdigit() or key not in rules.words and word.casefold() not in rules.articles
                         and not (rules.has_lone and (rules.multiplier_of(key) or rules.multiplier_of(word)) > 1))
            if len(rules.memo) >= 100_000:
                rules.memo.clear()
            found = rules.memo[("entry", word)] = (key, opens)
        return found

    @staticmethod
    def _word_key(text: str, rules: NumberRules) -> str:
        """A token's key for the number words: as written, its lemma, or a quoted language's lemma."""
        folded = text.casefold()
        if not rules.analyzer or folded in rules.words:
            return folded
        key = word_key(text, rules.analyzer)
        quoted = rules.other_analyzers and folded[:2] in rules.starts and key not in rules.words \
            and not rules.multiplier_of(key)
        for other in rules.other_analyzers if quoted else ():
            theirs = word_key(text, other)
            if theirs in rules.words or rules.multiplier_of(theirs):
                return theirs
        return key

    def _words(self, doc: Doc, sentence: Sentence, rules: NumberRules) -> list[tuple[int, Statement]]:
        if not rules.words and not rules.lone_after:
            return []
        text = doc.text[sentence.start:sentence.end]
        if rules.word_filter is not None and not rules.word_filter.search(text.lower()):
            return []  # no number word in the sentence: nothing to tokenise
        tokens = tokenized(text)  # a number word with an apostrophe («п’ять») is one token
        entries = [self._entry(t.text, rules) for t in tokens]
        keys = [key for key, _opens in entries]
        # the tokens ``_word_number`` does not reject at once (see ``_entry``): the loop goes from one
        # to the next, as stepping over the others one by one did
        openers = [k for k, (_key, opens) in enumerate(entries) if opens]
        out = []
        i = 0
        while i < len(tokens):
            at = bisect.bisect_left(openers, i)
            if at == len(openers):
                break
            i = openers[at]
            found = self._word_number(text, tokens, keys, i, rules)
            if found is None:
                i += 1
                continue
            value, j = found
            rest = text[tokens[j - 1].end:]
            out.append((sentence.start + tokens[i].start, Statement(
                "quantity", sentence.start, sentence.end, predicate=self._unit(rest), value=float(value),
                unit=self._unit(rest), confidence=0.6, extractor="quantities.words", cue=tokens[i].text)))
            i = j
        return out

    @staticmethod
    def _word_number(text: str, tokens: Sequence[Token], keys: list[str], i: int,
                     rules: NumberRules) -> tuple[int, int] | None:
        """The value of the number written in words from token ``i`` and the token after it, or None."""
        if tokens[i].text[:1].isdigit():
            return None
        key = keys[i]
        if key not in rules.words and rules.has_lone:
            lone = rules.multiplier_of(key) or rules.multiplier_of(tokens[i].text)
            if lone > 1:  # «больше тысячи»
                return (lone, i + 1) if rules.lone_after.search(text[:tokens[i].start]) else None
        article = tokens[i].text.casefold() in rules.articles and i + 1 < len(tokens) \
            and rules.multiplier_of(keys[i + 1]) > 1
        if key not in rules.words and not article:
            return None
        value = 1 if article and key not in rules.words else rules.words[key]
        j = i + 1
        # a compound written in separate words adds its parts, each smaller than the round number
        # before it: «двадцать пять» 25, «сто пятьдесят семь» 157 (a teen or a ten before it is one word)
        while not article and j < len(tokens) and keys[j] in rules.words and value >= 20 \
                and (part := rules.words[keys[j]]) < value and value % 10 ** len(str(part)) == 0 \
                and text[tokens[j - 1].end:tokens[j].start].isspace():
            value += part
            j += 1
        factor = (rules.multiplier_of(keys[j]) or rules.multiplier_of(tokens[j].text)) if j < len(tokens) else 0
        if factor:
            value *= factor
            j += 1
        follower = keys[j] if j < len(tokens) else ""
        previous = keys[i - 1] if i else ""
        counted_one = article or follower in rules.time_units or previous in rules.one_after
        lead = text[:tokens[i].start]  # the sentence before the number: cut only for a number word
        if (value == 1 and not counted_one) or follower in rules.not_counting_before \
                or rules.referring_before(lead) or lead.rstrip().endswith("-"):
            return None
        return value, j
