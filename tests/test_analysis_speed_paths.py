"""The fast paths of the whole-run speed work give what the plain code gave: the time tagger's
overlap check by bisection against a scan, the phrase matcher's early exit against a full pass,
and the pipeline's collector threshold, which must be back as it was after every article, failed
ones included."""

from __future__ import annotations

import bisect
import gc
import random

import pytest

from allegiance.nlp import Doc
from allegiance.nlp.lexicons import PhraseMatcher, load_lexicons
from allegiance.nlp.pipeline import GC_YOUNG, Pipeline
from allegiance.nlp.timex import _overlaps


def test_overlap_by_bisection_answers_as_the_scan_of_every_span_taken():
    rng = random.Random(11)
    for _ in range(300):
        taken: list[tuple[int, int]] = []
        for _ in range(40):
            start = rng.randint(0, 60)
            end = start + rng.choice([0, 0, 1, 2, 3, 5, 8])  # empty matches too
            scan = any(start < e and s < end for s, e in taken)
            assert _overlaps(taken, start, end) is scan, (taken, start, end)
            if not scan:
                bisect.insort(taken, (start, end))


def _plain_finditer(matcher: PhraseMatcher, text: str) -> list[tuple[int, int, str]]:
    """The matcher's pass over every word, without the early exit."""
    from allegiance.nlp.lexicons import _words_of

    words = _words_of(text)
    found, covered = [], -1
    for i, w in enumerate(words):
        if i <= covered or w[2] not in matcher.first:
            continue
        for option in matcher.first[w[2]]:
            n = len(option)
            if n == 1 or tuple(x[2] for x in words[i:i + n]) == option:
                found.append((words[i][0], words[i + n - 1][1], matcher.phrases[option]))
                covered = i + n - 1
                break
    return found


def test_phrase_matcher_with_its_early_exit_finds_what_a_full_pass_finds():
    lexicons = load_lexicons()
    rng = random.Random(5)
    vocabulary = ["the", "minister", "said", "may", "will", "not", "Allegedly", "reportedly", "denied", "could",
                  "according", "to", "sources", "it", "is", "likely", "that", "Kyiv", "’s", "won't", ",", "."]
    for matcher in lexicons.modality_en.values():
        for _ in range(200):
            text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 18)))
            got = [(m.start(), m.end(), m.phrase) for m in matcher.finditer(text)]
            assert got == _plain_finditer(matcher, text), text
    assert PhraseMatcher([]).finditer("nothing to find") == []


class _Boom:
    name = "boom"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.seen: tuple[int, int, int] | None = None

    def __call__(self, doc: Doc) -> Doc:
        self.seen = gc.get_threshold()
        raise RuntimeError("a component that fails")


def test_collector_threshold_is_raised_for_an_article_and_restored_even_when_it_fails():
    before = gc.get_threshold()
    boom = _Boom()
    with pytest.raises(RuntimeError):
        Pipeline([boom], version="t")(Doc("x", "text", "en"))
    assert boom.seen is not None and boom.seen[0] == max(before[0], GC_YOUNG)
    assert gc.get_threshold() == before


def test_english_words_have_the_offsets_finditer_gives():
    from allegiance.nlp import frames as frames_module
    from allegiance.nlp.doc import Sentence
    from allegiance.nlp.frames_en import _EN_SEEN, _en_words

    pack = frames_module.language_pack("en")
    rng = random.Random(3)
    alphabet = "ab Sd n't’'-.,;:\"“”«»—–()1 2.5,0\u00a0é_İß\n"
    for _ in range(2000):
        text = "x " + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        _EN_SEEN.clear()
        sentence = Sentence(2, len(text))
        got = [(w.i, w.start, w.end, w.text) for w in _en_words(Doc("t", text, "en"), sentence, pack)]
        want = [(n, 2 + m.start(), 2 + m.end(), m.group(0))
                for n, m in enumerate(frames_module._WORD.finditer(text[2:]))]
        assert got == want, text


def test_frame_with_its_speaker_equals_dataclasses_replace():
    import dataclasses

    from allegiance.nlp.doc import Mention, Sentence
    from allegiance.nlp.frames import Frame, _with_speaker

    speaker = Mention(0, 5, "Putin", "Q7747", "person", "name", 0.9, "Vladimir Putin")
    frame = Frame(Sentence(0, 40), 6, 10, "say", 1, (), None, False, "done", None, 10, 40, 0, 40)
    fast = _with_speaker(frame, speaker)
    assert fast == dataclasses.replace(frame, speaker=speaker)
    assert hash(fast) == hash(dataclasses.replace(frame, speaker=speaker)) and frame.speaker is None


def test_stance_classes_by_index_equal_the_scan_of_every_class():
    from allegiance.nlp import frames as frames_module
    from allegiance.nlp.stances import _classes

    for language in ("en", "ru", "uk", "de"):
        pack = frames_module.language_pack(language)
        if pack is None:
            continue
        lemmas = set().union(*pack.stance_classes.values()) | {"say", "nothing"}
        for lemma in lemmas:
            assert _classes(pack, lemma) == {n for n, ls in pack.stance_classes.items() if lemma in ls}
