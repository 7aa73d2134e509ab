"""People outside the knowledge base in French, Italian, Polish and Romanian (lang/<code>/persons.toml:
a role noun before the name, a common given name, a speech verb after it), and the page furniture
that names no person of the story (a dated byline, a photographer before an agency); with the
source agency between slashes after a Russian dateline, sources quoted after a genitive cue and a
Russian or Ukrainian body named with no state.
Team-written sentences."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc, EntityLinker


@pytest.fixture(scope="module")
def linker():
    return EntityLinker()


def _names(linker, text: str, language: str, kind: str) -> list[str]:
    doc = linker(Doc("t", text, language))
    if kind == "person":
        # (a role's holder, "the US president", is the role stage's, not a name in the text)
        return [m.canonical for m in doc.mentions if m.type == "person" and m.kind != "role"]
    if kind == "state":
        return [m.entity_id or "" for m in doc.mentions if m.type == "state"]
    return [m.canonical for m in doc.mentions if m.type not in ("state", "person", "alliance")]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("La chercheuse Claire Dumas estime que le front est figé.", "fr", ["Claire Dumas"]),
    ("Secondo il colonnello Paolo Ferri, la linea regge.", "it", ["Paolo Ferri"]),
    ("Poseł Tomasz Wójcik złożył wniosek.", "pl", ["Tomasz Wójcik"]),
    ("Analistul Radu Munteanu consideră că armistițiul nu va rezista.", "ro", ["Radu Munteanu"]),
    # the name begins at its given name, not at the capitalised words of the title before it
    ("Minister Obrony Narodowej Władysław Nowicki zapowiedział zakupy.", "pl", ["Władysław Nowicki"]),
    ("Il ministro degli Esteri Marco Gentile ha incontrato il collega.", "it", ["Marco Gentile"]),
    # regression: a title opening a sentence made a state's name part of a longer one, and then a person
    ("Prezydent Stanów Zjednoczonych zapowiedział nowe cła.", "pl", []),
    # page furniture: a dated byline and a photographer before the agency are no persons of the story
    ("Заголовок\n09:40, 2 мая 2026 | Ольга Белова\nТекст.", "ru", []),
    ("Ministers met on Tuesday. — Martina Keller/AFP via Getty Images", "en", []),
])
def test_persons(linker, text, language, expected):
    assert _names(linker, text, language, "person") == expected


def test_title_opening_a_sentence_leaves_the_state(linker):
    assert _names(linker, "Prezydent Stanów Zjednoczonych zapowiedział nowe cła.", "pl", "state") == ["USA"]
    assert _names(linker, "Președintele Statelor Unite a cerut o încetare a focului.", "ro", "state") == ["USA"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    # an agency between slashes after a dateline is the story's source; a photographer's agency is not
    ("МОСКВА, 2 мая. /ТАСС/. Правительство ввело новые пошлины.", "ru", ["TASS"]),
    ("Photo: Jane Doe/AFP. Talks resumed.", "en", []),
    # after a genitive cue only a quoted name is a source: a bare word there is a body or a person
    # (the outlet is listed now, by its name in the nominative)
    ("По данным «Фонтанки», задержаны двое.", "ru", ["Fontanka"]),
    ("По информации Генштаба, потери растут.", "ru", ["General Staff"]),  # the body, not an outlet "Genshtaba"
    ("Як передає «Суспільне», вибухи чули в місті.", "uk", ["Suspilne"]),
    ("Negocierile continuă, transmite Agerpres.", "ro", ["Agerpres"]),
    # ministries that the lemma lists name, with their state
    ("Минтранс Казахстана ввёл ограничения.", "ru", ["Kazakh Transport Ministry"]),
    ("Міністерство енергетики Молдови повідомило про дефіцит.", "uk", ["Moldovan Energy Ministry"]),
    # a body with no state is the page's own, under its neutral name; not when the text names it with
    # its state, and never an army or a parliament in general
    ("Министерство юстиции подготовило поправки.", "ru", ["Justice Ministry"]),
    ("МИД Армении вызвал посла. В МИД уточнили, что нота вручена.", "ru", ["Armenian Foreign Ministry"]),
    ("Армия отступила, парламент молчит.", "ru", []),
    # a court by its kind words and its own name or seat; never a court with neither
    ("Вчера Мещанский районный суд Москвы продлил арест.", "ru", ["Meshchansky District Court of Moscow"]),
    ("Районный суд в Курске отпустил обвиняемого.", "ru", []),
    ("Решение принял Арбитражный суд Московской области.", "ru", []),
    ("Вищий антикорупційний суд виніс вирок.", "uk", ["High Anti-Corruption Court"]),
])
def test_organisations(linker, text, language, expected):
    assert _names(linker, text, language, "org") == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a surname of one capital and an apostrophe: the tokenizer splits it, the name reader joins it
    ("The EU's sanctions envoy Brendan O'Malley said the trade had grown.", "en", ["Brendan O'Malley"]),
    ("Siobhan O’Neill, the envoy, told reporters the talks were over.", "en", ["Siobhan O’Neill"]),
    ("Il deputato Franco D'Amico ha votato contro.", "it", ["Franco D'Amico"]),
    # the surname alone later names the same person; a sentence adverb before it is no part of the name
    ("EU envoy Brendan O'Malley arrived on Monday. Later O'Malley said the visit went well.", "en",
     ["Brendan O'Malley", "Brendan O'Malley"]),
    ("Helen Carter, the envoy, spoke first. Later Carter said more.", "en", ["Helen Carter", "Helen Carter"]),
    # one capital before an apostrophe that opens no name
    ("Plan B's supporters said nothing.", "en", []),
])
def test_surnames_with_an_apostrophe_and_sentence_adverbs(linker, text, language, expected):
    assert _names(linker, text, language, "person") == expected
