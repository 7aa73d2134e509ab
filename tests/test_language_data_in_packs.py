"""Language data lives in pack files, not in Python (issue 8): a language is a folder of pack data
(``packs/core/lang/<code>/``), and the modules of ``nlp/`` hold rules, not word lists.

The guard below fails when a module of ``nlp/`` gains a set, tuple or list literal of more than
``MAX_WORDS`` lower-case words, or a regex alternation of five or more words, that is not a known
exception listed with its reason. Known exceptions that no longer occur fail too, so that the list
shrinks as data moves into the packs (``docs/packs.md`` says where each concern lives).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from click.testing import CliRunner

import allegiance.nlp
from allegiance.cli.main import cli
from allegiance.kb.langdata import default_issue, language_data, load_issues, pack_data
from allegiance.kb.packs import bundled_pack_dir
from allegiance.nlp.actors import _actor_words, _list_words
from allegiance.nlp.frames import language_pack

NLP = Path(allegiance.nlp.__file__).parent
MAX_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")
#: five or more alternatives of words or phrases ("like|as did|as with|along with|together with")
_ALTERNATION = re.compile(r"(?:[^\W\d_]{2,}(?:(?: |\\s[+*]?)[^\W\d_]+)*\|){4,}[^\W\d_]{2,}")

_LEAD = "language data in a module another helper edited this session: the lead moves it after the merge"
#: (module, first item of the literal, or the alternation's first word) -> why it may stay
KNOWN: dict[tuple[str, str], str] = {
    ("doc.py", "stance"): "the kinds of statement records (identifiers, no words of a language)",
    ("events.py", "planned"): "factuality values (frame_types.FACTUALITY)",
    ("frame_types.py", "done"): "FACTUALITY itself",
    ("frames_forms.py", "pres"): "the verb-form kinds of a form table (identifiers of grammar.toml entries)",
    ("frames_forms.py", "plan"): "the grammar.toml keys whose entries name verbs (identifiers, no words)",
    ("frame_types.py", "i"): "the __slots__ of Word",
    ("frame_types.py", "be"): "AUXILIARY_KEYS: the grammar.toml keys of the auxiliaries (identifiers, no words)",
    ("frames.py", "person"): "mention types",
    ("frames_de.py", "person"): "mention types",
    ("frames_en.py", "done"): "factuality values",
    ("modality.py", "person"): "mention types",
    ("predictions.py", "person"): "mention types",
    ("slavic_persons.py", "nomn"): "pymorphy3 case tags (OpenCorpora grammemes), no words",
    ("stances.py", "conditional"): "factuality values",
    ("stances.py", "recognise"): "stance class names (the keys of stance_predicates.toml)",
    ("ukrainian_ner.py", "gent"): "pymorphy3 case tags (OpenCorpora grammemes), no words",
}


def _word_lists(path: Path) -> list[tuple[str, str, int]]:
    """(first word, what, line) of each word-list literal and word alternation of a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            words = [w for w in items if _WORD.fullmatch(w) and w == w.casefold()]
            if len(items) == len(node.elts) and len(words) > MAX_WORDS:
                found.append((items[0], f"{len(words)} words", node.lineno))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            alternation = _ALTERNATION.search(node.value)
            if alternation is not None:
                found.append((alternation.group(0).split("|")[0], "a regex alternation", node.lineno))
    return found


def test_no_new_language_word_list_in_nlp_modules() -> None:
    unknown = [f"nlp/{path.name}:{line}: {what} starting {first!r}"
               for path in sorted(NLP.glob("*.py")) for first, what, line in _word_lists(path)
               if (path.name, first) not in KNOWN]
    assert not unknown, "language data belongs in packs/core/lang/<code>/*.toml:\n" + "\n".join(unknown)


def test_known_word_list_exceptions_still_exist() -> None:
    present = {(path.name, first) for path in NLP.glob("*.py") for first, _w, _l in _word_lists(path)}
    stale = sorted(set(KNOWN) - present)
    assert not stale, f"these exceptions are gone from the code; remove them from KNOWN: {stale}"


_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ]{2,}")
_CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")


def _cyrillic_words(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal holding a Cyrillic word (letter ranges such as ``[А-ЯЁ]``
    and docstrings aside: those are examples)."""
    tree = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value[:60]) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
            and _CYRILLIC_WORD.search(_CHAR_CLASS.sub("", n.value))]


def test_no_cyrillic_word_in_the_code() -> None:
    """Russian and Ukrainian words, endings and letters are pack data in every module of the package
    (a word of one of them in the code is a word every other language lacks)."""
    package = Path(allegiance.nlp.__file__).parents[1]
    found = [f"{path.relative_to(package)}:{line}: {text!r}" for path in sorted(package.rglob("*.py"))
             for line, text in _cyrillic_words(path.read_text(encoding="utf-8"))]
    assert not found, "move these into the packs:\n" + "\n".join(found)
    assert _cyrillic_words('"""Пример «слова»."""\nR = r"[А-ЯЁ][а-яё]+"\nX = ("ся", "сь")\n') == [(3, "ся"), (3, "сь")]


def test_the_guard_finds_a_word_list(tmp_path: Path) -> None:
    module = tmp_path / "words.py"
    module.write_text('_STOP = {"the", "of", "and", "или", "für"}\nR = r"\\b(however|moreover|thus|then|also)\\b"\n'
                      'P = r",\\s+(?:like|as did|as\\s+with|along with|together with)\\s+"\n')
    assert [(first, line) for first, _what, line in _word_lists(module)] == [("the", 1), ("however", 2), ("like", 3)]


# -- the default issue ----------------------------------------------------------------------------------
def _issue(folder: Path, issue_id: str, extra: str = "") -> None:
    (folder / "issues").mkdir(parents=True, exist_ok=True)
    (folder / "issues" / f"{issue_id}.toml").write_text(
        f'id = "{issue_id}"\n{extra}\n[labels.support]\nname = "support"\n', encoding="utf-8")


def test_default_issue_is_the_one_its_file_marks(tmp_path: Path) -> None:
    _issue(tmp_path, "a_first")
    _issue(tmp_path, "b_marked", "default = true")
    assert default_issue((tmp_path,)) == "b_marked"


def test_default_issue_without_a_mark_is_the_first_and_none_without_issues(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert default_issue((tmp_path / "empty",)) == ""  # load_issues is cached per folders: a folder of its own
    _issue(tmp_path, "a_first")
    _issue(tmp_path, "b_second")
    assert default_issue((tmp_path,)) == "a_first"


def test_bundled_default_issue_is_marked_in_its_file() -> None:
    marked = [i.id for i in load_issues().values() if i.default]
    assert marked == [default_issue()]


def test_stance_lexicon_without_an_issue_takes_the_default_issue(tmp_path: Path) -> None:
    _issue(tmp_path, "z_only", "default = true")
    (tmp_path / "lang" / "xx").mkdir(parents=True)
    (tmp_path / "lang" / "xx" / "stance_predicates.toml").write_text('[classes]\nsupport = ["back"]\n',
                                                                      encoding="utf-8")
    pack = language_pack("xx", (tmp_path,))
    assert pack is not None and pack.issue == "z_only"


def test_issue_ids_are_named_only_in_the_pack_files() -> None:
    """The code names no issue: the ids come from ``issues/<id>.toml`` (and a stance lexicon's
    ``issue``), so an added issue needs no code. Checked over the package (modules, templates,
    scripts of the web pages), ``bench/`` and ``scripts/``; the pack folders are the data."""
    root = Path(allegiance.nlp.__file__).parents[3]
    package = Path(allegiance.nlp.__file__).parents[1]
    files = [p for folder in (package, root / "bench", root / "scripts") for p in folder.rglob("*")
             if p.is_file() and p.suffix in (".py", ".html", ".j2", ".js", ".sql", ".css", ".md")
             and "packs" not in p.relative_to(folder).parts[:1]]
    assert any(p.name == "views.py" for p in files)
    named = sorted(f"{p.relative_to(root)}: {issue}" for p in files for issue in load_issues()
                   if issue in p.read_text(encoding="utf-8"))
    assert not named, f"issue ids named outside the issue files: {named}"


def test_matrix_help_lists_the_issues_the_packs_define() -> None:
    result = CliRunner().invoke(cli, ["matrix", "--help"])
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    for issue_id in load_issues():
        assert issue_id in flat


# -- words that moved into the packs --------------------------------------------------------------------
def test_every_stance_language_names_its_against_words() -> None:
    for code in ("en", "ru", "uk", "de", "nl"):
        pack = language_pack(code)
        assert pack is not None and pack.grammar.get("against"), code


def test_an_added_pack_adds_against_words(tmp_path: Path) -> None:
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "grammar.toml").write_text('against = ["versus"]\n', encoding="utf-8")
    pack = language_pack("en", (bundled_pack_dir(), tmp_path))
    assert pack is not None and pack.has("against", "versus") and pack.has("against", "against")


def test_clause_rules_are_chosen_by_each_languages_data() -> None:
    rules = {code: (p.english, p.slavic) for code in ("en", "ru", "uk", "de")
             if (p := language_pack(code)) is not None}
    assert rules == {"en": (True, False), "ru": (False, True), "uk": (False, True), "de": (False, False)}


def test_english_closed_classes_come_from_grammar() -> None:
    pack = language_pack("en")
    assert pack is not None
    grammar = language_data("grammar", "en")
    assert {w for w, (upos, _l) in pack.closed.items() if upos == "ADP"} >= set(grammar["prepositions"]) - {
        w for w in grammar["determiners"]}
    assert pack.closed["they"] == ("PRON", "they") and pack.closed["amid"] == ("ADP", "amid")


def test_actor_words_are_read_for_the_articles_language() -> None:
    assert _actor_words("en").person.match("However, he said")
    assert _actor_words("ru").person.match("Однако он заявил")
    assert not _actor_words("ru").person.match("However, he said")
    assert _actor_words("uk").state.match("Також уряд ухвалив")
    assert "diaspora" in _actor_words("en").collective and "troops" in _actor_words("en").organs


def test_actor_institutions_of_a_language_without_actor_words_match_nothing() -> None:
    """A language with no ``actors.toml`` gets patterns that never match (an empty alternation
    would match every body as its state); its canonical names are still read in English."""
    words = _actor_words("xx")
    assert not words.person.match("he said") and not words.group.match(" rights activists have")
    assert not words.institution.search("Gazprom")
    assert words.institution.search("Ministry of Foreign Affairs")


def test_list_words_are_merged_over_every_language() -> None:
    gap = _list_words().gap
    assert gap.match(", and ") and gap.match(" та ") and gap.match(" et ") and not gap.match(" or ")
    assert _list_words().contrast.search(", тоді як ") and _list_words().company.search("together with Russia")


def test_noun_endings_keep_their_file_order_and_an_added_pack_extends_them(tmp_path: Path) -> None:
    de = language_pack("de")
    assert de is not None and de.ordered["noun_endings"][:3] == ("en", "n", "e")
    (tmp_path / "lang" / "de").mkdir(parents=True)
    (tmp_path / "lang" / "de" / "grammar.toml").write_text('noun_endings = ["n", "ens"]\n', encoding="utf-8")
    merged = language_pack("de", (bundled_pack_dir(), tmp_path))
    assert merged is not None and merged.ordered["noun_endings"][-1] == "ens"
    assert merged.ordered["noun_endings"].count("n") == 1 and merged.has("noun_endings", "ens")


def test_moved_clause_words_are_each_languages_own() -> None:
    ru, uk, en = language_pack("ru"), language_pack("uk"), language_pack("en")
    assert ru is not None and uk is not None and en is not None
    assert ru.has("instrumental_prepositions", "с") and not ru.has("instrumental_prepositions", "з")
    assert uk.has("instrumental_prepositions", "з") and not uk.has("instrumental_prepositions", "с")
    assert en.has("negative_object_idioms", "longer") and not en.has("negative_object_idioms", "troops")


def test_one_governor_table_reads_each_languages_governor_words() -> None:
    from allegiance.nlp.frame_types import governed_factuality

    ru, fr = language_pack("ru"), language_pack("fr")
    assert ru is not None and fr is not None
    assert governed_factuality(ru.grammar, "хотеть") == "planned"  # a plan before a request, in that order
    assert governed_factuality(ru.grammar, "хотеть", frozenset({"asking"})) == "asked"
    assert governed_factuality(ru.grammar, "отрицать", frozenset({"future", "plan", "asking"})) is None
    assert governed_factuality(ru.grammar, None) is None and governed_factuality(ru.grammar, "сказать") is None
    denial = sorted(fr.grammar["denial"])[0]
    assert governed_factuality(fr.grammar, denial) == "denied"
    uk = language_pack("uk")
    assert ru.has("be_auxiliary", "быть") and uk is not None and uk.has("be_auxiliary", "бути")


def test_slavic_place_prepositions_are_each_languages_own() -> None:
    ru, uk = language_pack("ru"), language_pack("uk")
    assert ru is not None and uk is not None
    assert ru.has("in_prepositions", "во") and not uk.has("in_prepositions", "во")
    assert ru.has("on_prepositions", "на") and uk.has("on_prepositions", "на")
    assert ru.has("against", "против") and uk.has("against", "проти") and not ru.has("against", "проти")


def test_adoption_words_are_a_languages_event_data(tmp_path: Path) -> None:
    from allegiance.nlp.events import _adoption_words

    english = _adoption_words("en", None)
    assert english is not None and english.search("The assembly voted in favor of a motion on Ukraine.")
    assert not english.search("The assembly discussed a resolution.")
    assert _adoption_words("de", None) is None
    (tmp_path / "lang" / "de").mkdir(parents=True)
    (tmp_path / "lang" / "de" / "event_predicates_team.toml").write_text(
        '[adoption]\nverbs = ["verabschiedete"]\nobjects = ["resolution"]\n', encoding="utf-8")
    german = _adoption_words("de", (bundled_pack_dir(), tmp_path))
    assert german is not None and german.search("Die Versammlung verabschiedete eine Resolution.")


def test_ukrainian_participles_find_their_verbs_through_pack_endings(tmp_path: Path) -> None:
    from allegiance.nlp.slavic_words import uk_participle_verb

    uk = language_pack("uk")
    assert uk is not None and uk.ordered["participle_verbs"][0] == "аний ати"
    verb = next(v for v in sorted(uk.predicates) if v.endswith("ати") and " " not in v and "_" not in v)
    assert uk_participle_verb(verb[:-3] + "аний", uk) == verb
    ru = language_pack("ru")
    assert ru is not None and uk_participle_verb("подписанный", ru) == ""  # Russian lists no such endings


# -- English words of the statement rules, read from lang/en/grammar.toml ---------------------------------
def _statements(text: str, packs: str = "") -> set[tuple[str, str | None, str]]:
    from allegiance import Settings
    from allegiance.nlp import Doc
    from allegiance.nlp.pipeline import default_pipeline

    doc = default_pipeline(settings=Settings(packs=packs))(Doc("t", text, "en"))
    return {(s.kind, s.subject, s.predicate) for s in doc.statements if s.kind in ("stance", "event")}


_MOVED = [  # (grammar.toml key, an added word, a sentence with the bundled word, the same with the added one,
    #        a statement only the bundled or the added word reads)
    ("likening", "similar to", "Kazakhstan, like Uzbekistan, has refused to recognise the annexation of Crimea.",
     "Kazakhstan, similar to Uzbekistan, has refused to recognise the annexation of Crimea.",
     ("stance", "UZB", "distance")),
    ("vote_side_prepositions", "alongside", "At the assembly Belarus voted with Russia.",
     "At the assembly Belarus voted alongside Russia.", ("stance", "BLR", "support")),
    ("agent_joiners", "plus", "The invasion of Ukraine was condemned by Moldova and Georgia.",
     "The invasion of Ukraine was condemned by Moldova plus Georgia.", ("stance", "GEO", "oppose")),
    ("elided_denial_joins", "whereas",
     "Belarus supports the war against Ukraine, but Kazakhstan and Uzbekistan do not.",
     "Belarus supports the war against Ukraine, whereas Kazakhstan and Uzbekistan do not.",
     ("stance", "KAZ", "distance")),
]


def test_moved_english_words_are_grammar_keys() -> None:
    en = language_pack("en")
    assert en is not None
    assert en.ordered["likening"][:2] == ("like", "as did") and en.has("likening_adverbs", "just")
    assert en.has("agent_prepositions", "by") and en.ordered["agent_joiners"] == ("and", "as well as", "or")
    assert en.has("vote_side_prepositions", "with") and en.has("elided_denial_joins", "but")
    assert en.has("member_openers", "among them") and en.has("fronted_copulas", "were")
    assert en.has("former", "ex-") and en.has("elided_denial_negations", "n't")


def test_an_added_pack_extends_the_moved_english_words(tmp_path: Path) -> None:
    """Each moved list is read through the pack: a word an added pack lists reads as the bundled
    word does, and the bundled one still reads."""
    (tmp_path / "manifest.toml").write_text('name = "extra"\nversion = "1"\nlicence = "CC0"\n', encoding="utf-8")
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "grammar.toml").write_text(
        "".join(f'{key} = ["{word}"]\n' for key, word, *_rest in _MOVED), encoding="utf-8")
    for key, _word, bundled, added, statement in _MOVED:
        assert statement in _statements(bundled), key
        assert statement not in _statements(added), key
        assert statement in _statements(added, str(tmp_path)), key
        assert statement in _statements(bundled, str(tmp_path)), key


# -- the morphology's closed classes and dictionary, read through the pack folders -------------------------
def test_an_added_pack_extends_the_morphology_closed_class(tmp_path: Path) -> None:
    from allegiance.nlp.morphology import MorphologyParser, closed_class

    (tmp_path / "lang" / "uk").mkdir(parents=True)
    (tmp_path / "lang" / "uk" / "morphology.toml").write_text('[upos]\n"отже" = "ADV"\n', encoding="utf-8")
    folders = (bundled_pack_dir(), tmp_path)
    assert "отже" not in closed_class("uk").upos
    assert closed_class("uk", folders).upos["отже"] == "ADV" and closed_class("uk", folders).upos["вже"] == "ADV"
    text = "Отже, уряд ухвалив рішення."
    (bundled,) = MorphologyParser("uk").parse(text, [(0, len(text))])
    (sentence,) = MorphologyParser("uk", folders).parse(text, [(0, len(text))])
    assert bundled.tokens[0].upos != "ADV" and sentence.tokens[0].upos == "ADV"


def test_the_slavic_readings_take_the_packs_dictionary() -> None:
    from allegiance.nlp.slavic_words import unscored

    ru, uk = language_pack("ru"), language_pack("uk")
    assert ru is not None and uk is not None and (ru.analyzer, uk.analyzer) == ("ru", "uk")
    assert unscored("uk") and not unscored("ru")  # lang/uk/morphology.toml: frequencies = false
    assert ru.letter_folds == (("ё", "е"),) and uk.letter_folds == ()  # «ещё» read as «еще»
    de = language_pack("de")
    assert de is not None and de.analyzer == pack_data("languages.toml")["cyrillic_analyzer"]  # none of its own


def test_the_source_line_labels_are_chrome_data(tmp_path: Path) -> None:
    """"Source: X" near an article's end names its source; the labels are ``chrome.toml``
    ``source_labels`` (every language's), and an added pack adds one."""
    from allegiance import Settings
    from allegiance.ingest.reader import read_article
    from allegiance.records import RawInput

    body = "Kazakhstan said on Monday it would keep to the sanctions regime against Russia. " * 3

    def source(text: str, packs: str = "") -> str | None:
        return read_article(RawInput("t.txt", "text", text.encode("utf-8")), Settings(packs=packs)).source

    assert source(body + "\n\nSource: Kazinform\n") == "Kazinform"
    assert source(body + "\n\nИсточник: Kazinform\n") == "Kazinform"
    assert source(body + "\n\nBron: Kazinform\n") is None
    (tmp_path / "chrome.toml").write_text('source_labels = ["bron"]\n', encoding="utf-8")
    assert source(body + "\n\nBron: Kazinform\n", str(tmp_path)) == "Kazinform"


def test_court_names_read_each_languages_adjective_endings() -> None:
    from allegiance.nlp import Doc
    from allegiance.nlp.lemma_names import lemma_words
    from allegiance.nlp.pipeline import default_pipeline

    assert "ый" in lemma_words("ru").adjective_endings and "ій" not in lemma_words("ru").adjective_endings
    assert "ій" in lemma_words("uk").adjective_endings and "ый" not in lemma_words("uk").adjective_endings
    pipeline = default_pipeline()
    for text, language, court in [("Басманный районный суд Москвы арестовал журналиста.", "ru",
                                   "Basmanny District Court of Moscow"),
                                  ("Печерський районний суд Києва заарештував журналіста.", "uk",
                                   "Pecherskyi District Court of Kyiv")]:
        assert court in [m.canonical for m in pipeline(Doc("t", text, language)).mentions]


def test_slavic_word_endings_are_pack_data() -> None:
    from allegiance.nlp.slavic_words import _colloquial_infinitives

    ru, uk = language_pack("ru"), language_pack("uk")
    assert ru is not None and uk is not None
    assert ru.ordered["reflexive_endings"] == uk.ordered["reflexive_endings"] == ("ся", "сь")
    assert _colloquial_infinitives("uk") == ("ть",) and _colloquial_infinitives("ru") == ()
