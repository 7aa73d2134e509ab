"""Organisations the knowledge base does not list (branch orgs14, issue 8): the team-written pages of
``tests/fixtures/pages_orgs14/`` (scored by ``bench/pages_orgs14.py``), with floors about 0.03 under
the organisations F1 when they were pinned, and the rules behind them: bodies named by a head noun
and the listed words describing it in Russian and Ukrainian, a ministry of two fields in English,
legal forms of the neighbours, a party named by its state's name, and natasha's spans cleaned."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from tests.blind_gates import blindset

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from pages_orgs14 import PAGES  # noqa: E402

ORG_FLOORS = {"all": 0.88, "en": 0.91, "ru": 0.91, "uk": 0.77}


@pytest.fixture(scope="module")
def figures() -> dict:
    if not (blindset.SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared/eval/score.py is not beside this checkout")
    return blindset.score_articles(PAGES)


@pytest.mark.parametrize("group", sorted(ORG_FLOORS))
def test_page_organisations_stay_above_their_floor(figures, group):
    organizations = figures[group]["organizations"]
    assert organizations["f1"] >= ORG_FLOORS[group], organizations


def test_the_gold_names_a_text_for_every_page_in_three_languages():
    gold = [json.loads(x) for x in (PAGES / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(gold) == 20
    assert {g["language"] for g in gold} == {"en", "ru", "uk"}
    for page in gold:
        assert (PAGES / f"{page['id']}.txt").is_file()
        assert page["entities"]["organizations"], page["id"]


def _orgs(pipeline, text: str, language: str) -> list[str]:
    from allegiance.nlp import Doc

    doc = pipeline(Doc("t", text, language, "2025-01-01"))
    return [m.canonical for m in doc.mentions if m.type not in ("state", "alliance", "person") and m.kind != "role"]


@pytest.mark.parametrize("text, language, name", [
    ("По данным Комитета государственных доходов, экспорт вырос.", "ru", "State Revenue Committee"),
    ("Агентство по защите и развитию конкуренции заподозрило экспортёров в сговоре.", "ru",
     "Agency for Protection and Development of Competition"),
    ("Государственный военно-промышленный комитет Белоруссии факты не подтвердил.", "ru",
     "State Military-Industrial Committee of Belarus"),
    ("Министерство промышленности Белоруссии сообщило о новых заказах.", "ru", "Belarusian Industry Ministry"),
    ("Служба информации и безопасности Молдовы сообщила о схеме.", "ru", "Information and Security Service of Moldova"),
    ("Антимонопольний комітет України оштрафував мережу.", "uk", "Antimonopoly Committee of Ukraine"),
    ("За даними Комітету державних доходів, митники затримали вантаж.", "uk", "State Revenue Committee"),
    ("Державна служба з питань праці перевірила підприємство.", "uk", "State Service for Labor"),
    ("Минский тракторный завод увеличил выпуск.", "ru", "Minsk Tractor Plant"),
    ("ОАО «Минский механический завод» наладило сборку.", "ru", "Minsk Mechanical Plant"),
])
def test_a_body_named_by_its_head_and_listed_words_is_named_in_english(pipeline, text, language, name):
    assert name in _orgs(pipeline, text, language)


@pytest.mark.parametrize("text, language, name", [
    ("Министерство торговли и интеграции Казахстана запретило вывоз.", "ru", "Kazakh Trade and Integration Ministry"),
    ("Міністерство торгівлі та інтеграції Казахстану заборонило вивезення.", "uk",
     "Kazakh Trade and Integration Ministry"),
    ("The Kazakh Ministry of Trade and Integration said the goods were listed.", "en",
     "Kazakh Trade and Integration Ministry"),
])
def test_a_listed_body_whose_name_runs_on_in_listed_words_is_the_longer_body(pipeline, text, language, name):
    assert _orgs(pipeline, text, language) == [name]


@pytest.mark.parametrize("text, language", [
    ("Национальное агентство по предупреждению коррупции проверило декларацию.", "ru"),
    ("Національне агентство з питань запобігання корупції перевірило декларацію.", "uk"),
    ("Московский завод закрылся на ремонт.", "ru"),
    ("Комитет собрался в понедельник.", "ru"),
    ("Совет директоров компании собрался в понедельник.", "ru"),
])
def test_a_name_running_on_in_unlisted_words_or_with_no_describing_word_is_not_taken(pipeline, text, language):
    assert _orgs(pipeline, text, language) == []


def test_a_head_and_its_words_before_a_quoted_name_are_its_kind_not_a_second_name(pipeline):
    assert _orgs(pipeline, "Правозащитный центр «Мемориал» назвал дело политическим.", "ru") == ["Memorial"]
    # a place's adjective alone is the quoted name as written
    assert _orgs(pipeline, "ЗАО «Уральский завод» выпустило бронемашины.", "ru") == ["Uralsky Zavod"]


def test_legal_forms_of_the_neighbours_and_a_bloc_give_names(pipeline):
    assert "Astyk Treyd" in _orgs(pipeline, "Проверку прошло ТОО «Астык Трейд» из Костаная.", "ru")
    assert "Pobeda" in _orgs(pipeline, "ЦИК отказала в регистрации блоку «Победа».", "ru")
    assert "Ahrospetsbud" in _orgs(pipeline, "ГО «Агроспецбуд» закликала.", "uk")


def test_a_party_named_by_its_states_name_in_quotes_is_an_organisation_and_no_state(pipeline):
    from allegiance.nlp import Doc

    doc = pipeline(Doc("t", "Оппозиционный блок «Армения» раскритиковал сделку.", "ru", "2025-01-01"))
    assert [m.canonical for m in doc.mentions if m.type == "party"] == ["Armenia"]
    assert not [m for m in doc.mentions if m.type == "state"]


def test_a_cyrillic_word_opening_the_sentence_before_a_listed_name_is_no_part_of_it(pipeline):
    assert "Party of Action and Solidarity" in _orgs(
        pipeline, "Правящая Партия действия и солидарности поддержала решение.", "ru")


@pytest.mark.parametrize("text, name", [
    ("The opposition Armenia Alliance boycotted the session.", "Armenia Alliance"),
    ("UzAuto Motors, the state-controlled carmaker, paused deliveries.", "UzAuto Motors"),
    ("The Kyrgyz Ministry of Economy and Commerce said it was studying the case.",
     "Kyrgyz Economy and Commerce Ministry"),
    ("The Uzbek Ministry of Employment and Poverty Reduction warned migrants.",
     "Uzbek Employment and Poverty Reduction Ministry"),
    ("Hungary's Ministry of Foreign Affairs and Trade said.", "Hungarian Foreign Ministry"),
])
def test_english_alliances_trade_named_companies_and_two_field_ministries(pipeline, text, name):
    assert name in _orgs(pipeline, text, "en")


def test_two_ministries_joined_by_and_are_not_one_ministry_of_two_fields(pipeline):
    assert "Defense and Interior Ministry" not in _orgs(
        pipeline, "Officials of the Ministry of Defense and Interior Ministry met.", "en")


def test_natasha_organisation_spans_are_cleaned():
    pytest.importorskip("natasha")
    from allegiance.kb.knowledge import load_knowledge_base
    from allegiance.nlp import Doc, EntityLinker
    from allegiance.nlp.russian_ner import RussianNER

    kb = load_knowledge_base()
    ner = RussianNER(kb)
    linker = EntityLinker(kb)
    text = ("ТАШКЕНТ, 3 мар — Ведомство сообщило о проверке.\nПоделиться: ВКонтакте | Telegram\n"
            "Подписывайтесь на наш канал в Telegram\nБишкек, 21 июня — «Вечерний город».")
    doc = ner(linker(Doc("t", text, "ru", "2025-01-01")))
    found = [m.canonical for m in doc.mentions if m.kind == "ner" and m.type == "organization"]
    assert found == ["Vecherny Gorod"]


@pytest.mark.parametrize("text, language, name", [
    ("Председатель комитета Госдумы по обороне заявил о поправках.", "ru", "State Duma Defense Committee"),
    ("Комітет Верховної Ради з питань бюджету підтримав зміни.", "uk", "Verkhovna Rada Budget Committee"),
    ("Голова комітету Верховної Ради з питань національної безпеки, оборони та розвідки заявив.", "uk",
     "Verkhovna Rada National Security, Defense and Intelligence Committee"),
])
def test_a_listed_bodys_committee_by_its_field_is_one_body(pipeline, text, language, name):
    assert _orgs(pipeline, text, language) == [name]


def test_a_body_after_its_states_adjective_may_be_in_lower_case_and_a_list_of_fields_needs_its_and(pipeline):
    assert _orgs(pipeline, "Белорусское министерство промышленности сообщило о заказах.", "ru") \
        == ["Belarusian Industry Ministry"]
    assert "Russian Digital Development, Communications and Mass Communications Ministry" in _orgs(
        pipeline, "Министерство цифрового развития, связи и массовых коммуникаций России сообщило.", "ru")
    assert "Industry Ministry" in _orgs(pipeline, "Министерство промышленности, Минфин и Минобороны России обсудили.",
                                        "ru")


@pytest.mark.parametrize("text, language, name", [
    ("По данным издания, заказчиком выступает российская компания Кронштадт.", "ru", "Kronshtadt"),
    ("Партия Яблоко выступила против закона.", "ru", "Yabloko"),
    ("Ракеты выпускает НПО «Алмаз» из Москвы.", "ru", "Almaz"),
])
def test_an_unquoted_name_after_a_companys_noun_and_a_makers_form_give_names(pipeline, text, language, name):
    assert name in _orgs(pipeline, text, language)


@pytest.mark.parametrize("text, language", [
    ("Банк Москвы закрылся на ремонт.", "ru"),  # a place in the genitive
    ("Директор фонда Бернд Шмидт заявил о закрытии.", "ru"),  # a person
    ("Видання Дзеркало тижня пише про це.", "uk"),  # the name runs on in lower case
])
def test_no_unquoted_name_after_a_noun_where_a_place_a_person_or_a_longer_name_follows(pipeline, text, language):
    assert not [n for n in _orgs(pipeline, text, language) if n in ("Moskvy", "Bernd", "Dzerkalo")]


@pytest.mark.parametrize("text, language, name", [
    ("ЦРУ и ФБР провели совместное расследование.", "ru", "FBI"),
    ("ЕСПЧ признал нарушение права на защиту.", "ru", "European Court of Human Rights"),
    ("Міжнародний валютний фонд виділив кредит.", "uk", "International Monetary Fund"),
    ("Banks were cut off from SWIFT last spring.", "en", "SWIFT"),
    ("Нацгвардия Казахстана провела учения.", "ru", "National Guard of Kazakhstan"),
])
def test_bodies_the_news_of_the_war_often_names_are_listed(pipeline, text, language, name):
    assert name in _orgs(pipeline, text, language)


def test_a_security_committee_by_its_initials_keeps_them_with_its_name(pipeline):
    assert _orgs(pipeline, "Его задержали сотрудники ГКНБ в аэропорту.", "ru") \
        == ["State Committee for National Security (GKNB)"]
    assert "Lithuanian Railways" in _orgs(pipeline, "Lithuanian Railways ended the transit contract.", "en")


def test_a_name_in_apposition_to_a_noun_of_its_kind_is_an_organisation_but_no_person_or_adverb(pipeline):
    assert "Belaruskali" in _orgs(pipeline, "MINSK — Belaruskali, the state potash producer, ships more.", "en")
    assert "Lelo" in _orgs(pipeline, "Lelo, an opposition party, said it would appeal.", "en")
    assert _orgs(pipeline, "However, the company said it would appeal.", "en") == []
    assert _orgs(pipeline, "He met Ivan Petrov, a veteran of the company.", "en") == []
    assert _orgs(pipeline, "Anna Lee, a party member, said.", "en") == []
