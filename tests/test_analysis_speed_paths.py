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


# -- texts without Cyrillic never build the Cyrillic keys (no pymorphy3 in an English-only run) --

def _linker():
    from allegiance.kb.knowledge import load_knowledge_base
    from allegiance.nlp.entities import EntityLinker

    return EntityLinker(load_knowledge_base())


def test_every_key_of_a_cyrillic_word_holds_a_cyrillic_letter():
    """What makes the plain automaton and the split role names exact: a word with a Cyrillic
    letter keys (lemma or case-folded form) to something with one, for every alias and role name
    of the bundled packs and every letter of the block."""
    from allegiance.kb.knowledge import load_knowledge_base
    from allegiance.nlp.entities import _CYRILLIC
    from allegiance.nlp.tokens import alias_keys, analyzer_for, tokenize, word_key

    assert all(_CYRILLIC.search(chr(c).casefold().replace("ё", "е")) for c in range(0x400, 0x500))
    kb = load_knowledge_base()
    analyzer = analyzer_for(None)
    checked = 0
    for alias in kb.aliases:
        tokens = tokenize(alias.text)
        for t in tokens:
            if _CYRILLIC.search(t.text):
                assert _CYRILLIC.search(word_key(t.text, analyzer)), t.text
                checked += 1
        if any(_CYRILLIC.search(t.text) for t in tokens):
            assert all(any(_CYRILLIC.search(k) for k in keys) for keys in alias_keys(tokens, analyzer)), alias.text
    for by_lang in kb.roles.values():
        for lang, names in by_lang.items():
            for name in names:
                for t in tokenize(name):
                    if _CYRILLIC.search(t.text):
                        assert _CYRILLIC.search(word_key(t.text, analyzer_for(lang))), name
    assert checked > 1000


def test_plain_automaton_finds_what_the_whole_one_finds_in_text_without_cyrillic():
    from allegiance.nlp.entities import _NON_WORD
    from allegiance.nlp.tokens import analyzer_for

    linker = _linker()
    whole = linker._automaton(analyzer_for(None))
    plain = linker._plain_automaton()
    assert len(plain) < len(whole)
    texts = ["The Kremlin said Moscow and Kyiv met in Istanbul with NATO and the UN Security Council.",
             "Kazakhstan's president Kassym-Jomart Tokayev spoke to the CSTO, Belarus and Lukashenko.",
             "Die Bundesregierung in Berlin, l'Élysée à Paris, Warszawa i Kijów; Türkiye und Erdoğan.",
             "the european union, the united states and china's xi jinping at the g20 in new delhi"]
    for text in texts:
        padded = " " + _NON_WORD.sub(" ", text.lower()) + " "
        assert list(plain.iter(padded)) == list(whole.iter(padded)), text


def test_role_names_added_on_the_first_cyrillic_text_equal_the_whole_index():
    from allegiance.nlp.pipeline import SentenceSplitter

    split = SentenceSplitter()

    def doc(text: str, language: str) -> Doc:
        return split(Doc(id="t", text=text, language=language, published="2023-05-10"))

    linker = _linker()
    english = linker(doc("Russia's defence minister met the Kazakh president in Astana.", "en"))
    assert not linker._cyrillic_roles
    whole: dict = {}
    for role_keys, role in sorted(linker._role_keys().items(), key=lambda kv: -len(kv[0])):
        if role_keys:
            whole.setdefault(role_keys[0], []).append((role_keys, role))
    assert {k: v for k, v in linker._roles_by_first.items() if v} != whole
    russian = linker(doc("Российский министр обороны встретился с казахстанским президентом в Астане.", "ru"))
    assert linker._cyrillic_roles
    assert {k: v for k, v in linker._roles_by_first.items() if v} == whole
    fresh = _linker()
    fresh.warm_cyrillic()
    assert fresh(doc(russian.text, "ru")).mentions == russian.mentions
    assert fresh(doc(english.text, "en")).mentions == english.mentions
    assert sum(m.kind == "role" for m in russian.mentions) == sum(m.kind == "role" for m in english.mentions) == 2


def test_a_frame_gate_never_skips_a_text_the_frame_matches():
    """Every body frame of every language pack, over texts built from its own matches and their
    neighbours in other cases: where the frame finds a match, its gate finds its literal run."""
    import re

    from allegiance.kb.langdata import pack_folders
    from allegiance.nlp.unlisted import _frame, _frame_gate, _name_words, _required_literal

    states = ("Russia", "Ukraine", "russe", "Frankreich", "Rosji")
    texts = ["its supreme court", "ITS SUPREME COURT ruled", "their Central Bank", "the country’s national bank",
             "le ministère russe de la Défense", "das Außenministerium Russlands", "ministero della Difesa",
             "Its Supreme Courts", "its supreme  court", "the country's Constitutional Court said"]
    gated = 0
    for language in ("en", "fr", "de", "it", "pl", "ro"):
        for _neutral, pattern in _name_words(language, pack_folders()).body_frames:
            frame, gate = _frame(pattern, states), _frame_gate(pattern)
            if gate is None:
                continue
            gated += 1
            run = _required_literal(frame)  # the same run with states in the slots as with none
            assert run is not None and len(run) >= 3 and gate.pattern == re.escape(run)
            for text in texts + [text.upper() for text in texts] + [text.lower() for text in texts]:
                if frame.search(text):
                    assert gate.search(text), (pattern, text)
            # the run itself is in every match the frame finds in a text of its own words
            for match in frame.finditer(" ".join(texts)):
                assert gate.search(match.group(0)), (pattern, match.group(0))
    assert gated > 20


def test_required_literal_is_a_top_level_run_of_plain_characters():
    import re

    from allegiance.nlp.unlisted import _required_literal

    assert _required_literal(re.compile(r"(?:(?<=\bits )|(?<=\btheir ))supreme court(?!\w)", re.I)) == "supreme court"
    assert _required_literal(re.compile(r"a(?:b|c)defg(?:x)?hi")) == "defg"
    assert _required_literal(re.compile(r"(?:abcd|abce)")) == "abc"  # the parser takes out a common prefix
    assert _required_literal(re.compile(r"x*ab")) is None
    assert _required_literal(re.compile(r"(?:one|two) three")) == " three"


def _plain_byline(linker, text, m) -> bool:
    """The byline test as it was, every part of it computed before the answer."""
    import re

    from allegiance.nlp.entities import _CLOCK, _OUTLET_AFTER

    if m.type in ("media", "organization", "company"):  # an outlet on the byline (orgs8): its own test
        return linker._publisher_byline(text, m)
    if m.type != "person" or m.entity_id:
        return False
    line_start, line_end = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
    before = text[line_start:m.start].strip(" \t:|—–-").casefold()
    after = text[m.end:len(text) if line_end < 0 else line_end].strip(" \t,.|")
    # the author's outlet after the name ("By Jane Doe, Reuters", orgs8)
    if (not before or before in linker._byline_words) \
            and _OUTLET_AFTER.fullmatch(text[m.end:len(text) if line_end < 0 else line_end]):
        return True
    dated = any(c.isdigit() for c in before) and (len(re.sub(r"[\d\W_]+", " ", before).split()) <= 1
                                                  or _CLOCK.search(before) is not None)
    dated_after = any(c.isdigit() for c in after) and len(re.sub(r"[\d\W_]+", " ", after).split()) <= 1
    return (not after or dated_after and before in linker._byline_words) \
        and (not before or before in linker._byline_words or dated)


def test_byline_read_lazily_answers_as_the_whole_test():
    from allegiance.nlp.doc import Mention

    linker = _linker()
    rng = random.Random(5)
    name = "Anna Becker"
    befores = ["", "By ", "by ", "Von ", "Автор: ", "14:35, 18 April 2025 | ", "Updated 10:15, 3 June | ",
               "The minister ", "12 ", "— ", "Reporting by ", "Photo: "]
    afters = ["", " said.", " | 12.03.2025, 10:15", ", 31, said", " 2025", " | Reuters", ".", " (AP)"]
    seen = set()
    for _ in range(400):
        head = rng.choice(["", "Some text.\n", "A line 1.\n\n"])
        before, after = rng.choice(befores), rng.choice(afters)
        text = head + before + name + after + rng.choice(["", "\nNext line."])
        start = len(head) + len(before)
        for kind, entity in (("person", None), ("person", "P1"), ("organization", None)):
            m = Mention(start, start + len(name), name, entity, kind, "pattern", 0.6, name)
            answer = linker._byline(text, m)
            assert answer is _plain_byline(linker, text, m), (text, kind, entity)
            seen.add(answer)
    assert seen == {True, False}
