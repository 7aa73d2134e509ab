"""How a sentence holds its content (asserted, reported, denied, hypothetical, future), its
speaker, and future-tense detection for Russian and Ukrainian through pymorphy3."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .actors import ActorResolver
from .doc import Doc, Sentence
from .lexicons import Lexicons, load_lexicons
from .tokens import Token, _morph, analyzer_for, tokenize, tokenized, word_key

__all__ = ["SentenceModality", "has_future_verb"]


@functools.lru_cache(maxsize=200_000)
def _future_word(word: str, analyzer: str) -> bool:
    """Whether the likeliest reading of one (case-folded) word is a future-tense verb; cached,
    since news text repeats its words and pymorphy3's readings cost far more than a lookup."""
    parse = _morph(analyzer).parse(word)[0]
    return bool(parse.tag.POS == "VERB" and "futr" in parse.tag.grammemes)


def has_future_verb(text: str, language: str | None) -> bool:
    """A verb in the future tense (perfective or with будет/буде) in a language read through a
    morphological dictionary (Russian, Ukrainian: ``Lexicons.lemma_languages``)."""
    if language not in load_lexicons().lemma_languages:
        return False
    return _future_in(tokenize(text), language)


def _future_in(tokens: Sequence[Token], language: str) -> bool:
    analyzer = analyzer_for(language)
    for token in tokens:
        if token.text[:1].isdigit():
            continue
        if _future_word(token.text.casefold(), analyzer):
            return True
    return False


class SentenceModality:
    """Modality cues of the sentences of one document."""

    def __init__(self, doc: Doc, resolver: ActorResolver, lexicons: Lexicons | None = None) -> None:
        self.doc = doc
        self.resolver = resolver
        self.lex = lexicons or load_lexicons()
        self._has: dict[tuple[str, int], bool] = {}
        self._speaker: dict[int, str | None] = {}
        self._future: dict[int, bool] = {}
        self._lemma_sets: dict[int, frozenset[str]] = {}
        self._token_lists: dict[int, Sequence[Token]] = {}

    def _tokens(self, sentence: Sentence) -> Sequence[Token]:
        """A sentence's tokens, once for its cue words and its future verbs (and shared with the
        quantities, which tokenised it first: ``tokens.tokenized``)."""
        found = self._token_lists.get(sentence.start)
        if found is None:
            found = self._token_lists[sentence.start] = tokenized(self.doc.text[sentence.start:sentence.end])
        return found

    def _lemmas(self, sentence: Sentence) -> frozenset[str]:
        """The word keys of a sentence, computed once per sentence (every cue kind asks for them)."""
        found = self._lemma_sets.get(sentence.start)
        if found is None:
            analyzer = analyzer_for(self.doc.language)
            found = frozenset(word_key(t.text, analyzer) for t in self._tokens(sentence))
            self._lemma_sets[sentence.start] = found
        return found

    def has(self, kind: str, sentence: Sentence) -> bool:
        key = (kind, sentence.start)
        if key not in self._has:
            self._has[key] = self._has_cue(kind, sentence)
        return self._has[key]

    def _has_cue(self, kind: str, sentence: Sentence) -> bool:
        return self._cue_in(kind, self.doc.text[sentence.start:sentence.end], sentence)

    def has_in_span(self, kind: str, start: int, end: int) -> bool:
        """Whether the text from ``start`` to ``end`` (a part of a sentence, not cached) holds a cue
        of ``kind``."""
        return self._cue_in(kind, self.doc.text[start:end], None)

    def _cue_in(self, kind: str, text: str, sentence: Sentence | None) -> bool:
        if self.doc.language in self.lex.lemma_languages:
            lemmas = self.lex.modality_lemmas.get(kind, {}).get(self.doc.language, frozenset())
            low = text.casefold()
            if any(" " in phrase and phrase in low for phrase in lemmas):
                return True
            if sentence is not None:
                return bool(self._lemmas(sentence) & lemmas)
            analyzer = analyzer_for(self.doc.language)
            return bool(frozenset(word_key(t.text, analyzer) for t in tokenized(text)) & lemmas)
        return bool(self.lex.modality_en[kind].search(text))

    def is_future(self, sentence: Sentence) -> bool:
        if sentence.start not in self._future:
            language = self.doc.language
            self._future[sentence.start] = self.has("future", sentence) or (
                language in self.lex.lemma_languages and _future_in(self._tokens(sentence), str(language)))
        return self._future[sentence.start]

    def of(self, sentence: Sentence) -> str:
        if self.has("denial", sentence):
            return "denied"
        if self.is_future(sentence):
            return "future"
        if self.has("hypothetical", sentence):
            return "hypothetical"
        if self.has("reporting", sentence):
            return "reported"
        return "asserted"

    def speaker(self, sentence: Sentence) -> str | None:
        """Who says it: the mention next to a reporting cue; ``None`` means the author."""
        if sentence.start not in self._speaker:
            self._speaker[sentence.start] = self._find_speaker(sentence)
        return self._speaker[sentence.start]

    def _find_speaker(self, sentence: Sentence) -> str | None:
        text = self.doc.text[sentence.start:sentence.end]
        pattern = self.lex.modality_en["reporting"]
        match = pattern.search(text) if self.doc.language not in self.lex.lemma_languages else None
        if match is None:
            return None
        offset = sentence.start + match.start()
        after = [m for m in self.resolver.in_sentence(sentence) if m.start >= offset + len(match.group(0))
                 and m.start - offset < 60 and m.type in ("person", "government_body", "media", "organization",
                                                           "state", "alliance")]
        if match.group(0).casefold() == "according to" and after:
            return self.resolver.label(after[0])
        subject = self.resolver.before(sentence, offset)
        if subject is not None:
            return self.resolver.label(subject)
        return self.resolver.label(after[0]) if after else None
