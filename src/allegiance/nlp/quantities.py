"""Quantities: numbers that count something, in digits or words (English, Russian, Ukrainian),
with multipliers ("5 thousand", "пять тысяч"), qualifiers ("more than", "about") and ranges as two
values. Dates, years, times, ordinals, ages, identifiers and vague amounts are left out."""

from __future__ import annotations

import re

from .doc import Doc, Sentence, Statement
from .lexicons import Lexicons, load_lexicons
from .tokens import tokenize, word_key

__all__ = ["QuantityExtractor"]

_NUMBER = re.compile(
    r"(?<![\w.,:/])"
    r"(\d{1,3}(?:(?:,|\u00a0|\u202f)\d{3})+|\d{1,3}(?: \d{3})+(?![\d,.])|\d+)"
    r"(?:([.,])(\d+))?(?![\d:])"
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th|-?(?:й|го|я|е|му|м|ї|ий|ого|та|ті|тя)\b)", re.I)
_PERCENT_AFTER = re.compile(r"^\s?(?:%|percent\b|per cent\b|процент|відсот)", re.I)
_MONTHS = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|"
    r"nov(ember)?|dec(ember)?|январ\w*|феврал\w*|марта?|апрел\w*|мая|июн\w*|июл\w*|август\w*|сентябр\w*|"
    r"октябр\w*|ноябр\w*|декабр\w*|січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*|черв\w*|лип\w*|серп\w*|верес\w*|"
    r"жовт\w*|листопад\w*|груд\w*|"
    r"stycz\w*|lut\w*|marc\w*|kwie\w*|maj\w*|czerw\w*|lip\w*|sierp\w*|wrze\w*|paźdz\w*|listop\w*|grud\w*|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|"
    r"dicembre|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"
    r"januari|februari|maart|augustus|januari|януари|февруари|март|април|юни|юли|септември|октомври|ноември|"
    r"декември)\b", re.I)
_DATE_RANGE_AFTER = re.compile(r"^\s?[-–]\s?\d{1,2}\s+\S")
_SUFFIX_MULTIPLIER = re.compile(r"^(m|mn|bn|b|k)\b", re.I)
_SUFFIX_FACTORS = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000}
_AGE_CONTEXT = re.compile(r"\b(age|aged|ages|возраст|вік|віком)\b[^.]{0,25}$", re.I)
_REFERRING = re.compile(r"\b(the|these|those|both|all|its|their|his|her|our|этих|тех|обоих|обидва)\s+$", re.I)
_QUALIFIER = re.compile(r"(more than|over|about|around|almost|nearly|at least|up to|approximately|some|roughly|"
                        r"более|около|почти|свыше|не менее|до|понад|близько|майже|щонайменше)\s*$", re.I)
_TIME_UNITS = {"year", "years", "month", "months", "day", "days", "week", "weeks", "год", "года", "рік", "день",
               "місяць", "месяц"}
_UNIT_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


class QuantityExtractor:
    name = "quantities"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("statements",)

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self.lex = lexicons or load_lexicons()
        ctx = self.lex.number_context
        self._identifier = tuple(x.casefold() for x in ctx.get("identifier_before", []))
        self._age_after = tuple(x.casefold() for x in ctx.get("age_after", []))
        self._slavic = {**self.lex.number_words.get("ru", {}), **self.lex.number_words.get("uk", {})}
        english = [*self.lex.number_words.get("en", {}), "a million", "a billion", "a thousand"]
        self._english_words = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in english) + r")\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        out: list[Statement] = []
        for sentence in doc.sentences:
            found = self._digits(doc, sentence) + self._words(doc, sentence)
            out.extend(st for _offset, st in sorted(found, key=lambda pair: pair[0]))
        doc.add(out)
        return doc

    # -- numbers in digits ----------------------------------------------------------------------
    def _digits(self, doc: Doc, sentence: Sentence) -> list[tuple[int, Statement]]:
        text = doc.text
        out = []
        previous_end = -1
        for match in _NUMBER.finditer(text, sentence.start, sentence.end):
            value = self._value(match, doc.language)
            after = text[match.end():match.end() + 30]
            before = text[max(sentence.start, match.start() - 30):match.start()]
            if value is None or not self._counts(text, match, value, before, after, doc.language):
                continue
            if match.end() >= len(text.rstrip()) - 1:  # cut off by the end of the excerpt
                continue
            multiplier, rest = self._multiplier(after, doc.language)
            suffix = _SUFFIX_MULTIPLIER.match(after)
            if multiplier == 1 and suffix:
                multiplier, rest = _SUFFIX_FACTORS[suffix.group(1).lower()], after[suffix.end():]
            value *= multiplier
            if _PERCENT_AFTER.match(after):
                unit = "percent"
            else:
                unit = self._unit(rest)
            qualifier = _QUALIFIER.search(before)
            if qualifier:
                unit = f"{unit} ({qualifier.group(1).lower()})"
            if match.start() == previous_end:
                continue
            out.append((match.start(), Statement(
                "quantity", sentence.start, sentence.end, predicate=unit, value=float(value), unit=unit,
                confidence=0.8, extractor="quantities.digits", cue=text[match.start():match.end()])))
            previous_end = match.end()
        return out

    @staticmethod
    def _value(match: re.Match[str], language: str | None) -> float | None:
        whole, sep, fraction = match.group(1), match.group(2), match.group(3)
        digits = re.sub(r"[,\u00a0\u202f ]", "", whole)
        if sep and fraction:
            if sep == "," and len(fraction) == 3 and language not in ("ru", "uk", "bg", "de", "fr", "it", "nl",
                                                                      "pl", "ro"):
                return float(digits + fraction)  # "3,500" in English is a grouping
            return float(f"{digits}.{fraction}")
        return float(digits) if digits else None

    def _counts(self, text: str, match: re.Match[str], value: float, before: str, after: str,
                language: str | None) -> bool:
        raw = match.group(0)
        if _ORDINAL_AFTER.match(after):
            return False
        low_after = after.casefold()
        if any(low_after.lstrip(" -").startswith(a.lstrip(" -")) for a in self._age_after):
            return False
        words_before = before.casefold().split()
        if words_before and words_before[-1].rstrip(".:") in {w.rstrip(".") for w in self._identifier}:
            return False
        if _MONTHS.search(before[-12:]) or _MONTHS.match(after.lstrip()[:12]):
            return False  # a day of a month
        if _DATE_RANGE_AFTER.match(after) and _MONTHS.match(after.lstrip(" -–")[2:].lstrip()[:12]):
            return False  # "10-14 October"
        if _AGE_CONTEXT.search(before) or re.match(r"^,", after) and re.search(r"[A-Z][a-z]+,\s?$", before):
            return False  # "the average age ... 35 years", "Azad Kumar, 31,"
        if re.search(r"[^\W\d_]-$", before):
            return False  # a model or designation: "Shahed-136", "Su-35"
        is_year = re.fullmatch(r"(19|20)\d\d", raw) is not None
        if is_year and not self._multiplier(after, language)[0] > 1:
            return False
        if re.match(r"^[./]\d", after) or re.search(r"\d[./]$", before):
            return False  # dates like 24.07.2023 or 10/10
        return value > 0 or "%" in after[:2]

    def _multiplier(self, after: str, language: str | None) -> tuple[int, str]:
        stripped = after.lstrip()
        word = _UNIT_WORDS.match(stripped)
        if not word:
            return 1, after
        token = word.group(0).casefold().rstrip(".")
        for key, factor in self.lex.multipliers.items():
            if token == key or token.startswith(key) and (token[:1] > "z" or token == key + "s"):
                return factor, stripped[word.end():].lstrip(". ")
        return 1, after

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
    def _word_key(self, word: str, language: str) -> str | None:
        if language == "en":
            return word.casefold()
        for key in (word.casefold(), word_key(word, "ru"), word_key(word, "uk")):
            if key in self._slavic:
                return key
        return None

    def _words(self, doc: Doc, sentence: Sentence) -> list[tuple[int, Statement]]:
        language = doc.language if doc.language in ("en", "ru", "uk") else None
        if language is None:
            return []
        table = self.lex.number_words["en"] if language == "en" else self._slavic
        text = doc.text[sentence.start:sentence.end]
        if language == "en" and not self._english_words.search(text):
            return []  # no number word in the sentence: nothing to tokenise
        tokens = tokenize(text)
        out = []
        i = 0
        while i < len(tokens):
            key = self._word_key(tokens[i].text, language)
            article = language == "en" and tokens[i].text.casefold() in ("a", "one") and i + 1 < len(tokens) \
                and tokens[i + 1].text.casefold() in ("million", "billion", "thousand")
            if (key not in table and not article) or tokens[i].text[:1].isdigit():
                i += 1
                continue
            value = 1 if article else table[key or ""]
            j = i + 1
            if j < len(tokens):
                nxt = tokens[j].text.casefold() if language == "en" else (self._word_key(tokens[j].text, language)
                                                                         or word_key(tokens[j].text, "ru"))
                factor = self.lex.multipliers.get(nxt) or self.lex.multipliers.get(nxt.rstrip("аи"))
                if factor:
                    value *= factor
                    j += 1
            follower = tokens[j].text.casefold() if j < len(tokens) else ""
            lead = text[:tokens[i].start]
            if (value == 1 and not article and follower not in _TIME_UNITS) or follower in ("of", "another", "by") \
                    or _REFERRING.search(lead) or lead.rstrip().endswith("-"):
                i = j
                continue
            rest = text[tokens[j - 1].end:]
            out.append((sentence.start + tokens[i].start, Statement(
                "quantity", sentence.start, sentence.end, predicate=self._unit(rest), value=float(value),
                unit=self._unit(rest), confidence=0.6, extractor="quantities.words", cue=tokens[i].text)))
            i = j
        return out
