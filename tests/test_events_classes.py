"""Event classes of branch ev5, through the real pipeline (sentences written for these tests): a
second act joined by a conjunction, talks with two parties as subject, light verbs typed by their
noun, and the CAMEO act classes added whole (sanctions widened or lifted, arrests, exercises,
call-ups, closed borders, phone calls, protocols signed)."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc


def events(pipeline, text: str, lang: str = "en") -> list[tuple[str | None, str | None]]:
    doc = pipeline(Doc("t", text, lang, None))
    return sorted((s.subject, s.predicate) for s in doc.statements if s.kind == "event")


@pytest.mark.parametrize("text, lang, expected", [
    ("Latvia shut a checkpoint on its eastern border and arrested three smugglers.", "en",
     [("LVA", "COERCE"), ("LVA", "SANCTION")]),
    ("Грузия закрыла посольство в Тегеране и задержала двух граждан Ирана.", "ru",
     [("GEO", "COERCE"), ("GEO", "SANCTION")]),
    ("Молдова закрила консульство в Мінську і затримала двох громадян Білорусі.", "uk",
     [("MDA", "COERCE"), ("MDA", "SANCTION")]),
])
def test_second_act_joined_by_a_conjunction_is_not_lost(pipeline, text, lang, expected):
    assert events(pipeline, text, lang) == expected


@pytest.mark.parametrize("text", [
    "Georgia condemned the attack and called on Moscow to withdraw.",  # an appeal: said, no second act
    "Estonia condemned the strike and sent condolences to the victims' families.",  # a message
])
def test_a_said_act_after_a_conjunction_is_no_second_event(pipeline, text):
    found = events(pipeline, text)
    assert len(found) == 1 and found[0][1] == "ACCUSE", found


def test_two_parties_discussing_hold_talks(pipeline):
    assert events(pipeline, "Erdogan and Aliyev discussed a new gas pipeline in Ankara.") == [
        ("Ilham Aliyev", "CONSULT"), ("Recep Tayyip Erdogan", "CONSULT")]


def test_one_speaker_discussing_is_talk_not_an_event(pipeline):
    assert events(pipeline, "Erdogan discussed the economy in a television interview.") == []


@pytest.mark.parametrize("text, kind", [
    ("Maia Sandu made a two-day visit to Warsaw.", "CONSULT"),
    ("Georgia carried out raids on three unlicensed money exchangers.", "COERCE"),
    ("Belarus called up several thousand reservists.", "MOBILIZE"),
    ("Kazakhstan staged air defence drills near Almaty.", "MOBILIZE"),
    ("Canada widened its sanctions on Iranian drone makers.", "SANCTION"),
    ("Japan prolonged its embargo on Belarusian timber.", "SANCTION"),
    ("Switzerland eased the sanctions on two Armenian exporters.", "CONCEDE"),
    ("Azerbaijani police detained four journalists in Baku.", "COERCE"),
    ("Russian units captured two villages east of Kupiansk.", "ASSAULT"),
    ("Latvia closed its airspace to Belarusian aircraft.", "SANCTION"),
])
def test_act_classes_by_verb_and_noun(pipeline, text, kind):
    found = events(pipeline, text)
    assert len(found) == 1 and found[0][1] == kind, found


def test_a_light_verb_without_an_act_noun_is_no_event(pipeline):
    assert events(pipeline, "Turkmenistan made it clear that it stays neutral.") == []
    assert events(pipeline, "The ministry carried out its duties as usual.") == []


@pytest.mark.parametrize("text, lang, kind", [
    ("Пашинян позвонил Токаеву и обсудил с ним транзит грузов.", "ru", "CONSULT"),
    ("Санду зателефонувала Зеленському після атаки на Одесу.", "uk", "CONSULT"),
    ("Казахстан и Киргизия подписали пакт о взаимопомощи.", "ru", "SUPPORT"),  # CAMEO 057
    ("Узбекистан і Таджикистан підписали протокол про спільні кордони.", "uk", "SUPPORT"),
])
def test_slavic_calls_and_signed_pacts(pipeline, text, lang, kind):
    found = events(pipeline, text, lang)
    assert found and {k for _, k in found} == {kind}, found


def test_reduced_passive_with_its_agent_names_the_actor(pipeline):
    assert events(pipeline, "Restrictions imposed by Lithuania on Belarusian lorries took effect in May.") == [
        ("LTU", "SANCTION")]


def test_threat_with_its_infinitive_is_a_done_act(pipeline):
    assert events(pipeline, "Azerbaijan threatened to close its airspace to Armenian flights.") == [
        ("AZE", "THREATEN")]


@pytest.mark.parametrize("text, kind", [
    ("Tajikistan ordered its banks to suspend transfers to two Russian lenders.", "SANCTION"),
    ("Latvia instructed three Belarusian diplomats to leave the country within a week.", "SANCTION"),
])
def test_directive_with_its_infinitive_is_the_act_ordered(pipeline, text, kind):
    found = events(pipeline, text)
    assert len(found) == 1 and found[0][1] == kind, found


@pytest.mark.parametrize("text, lang", [
    ("Казахстан продлил запрет на вывоз бензина ещё на полгода.", "ru"),
    ("Польща продовжила обмеження для білоруських вантажівок.", "uk"),
])
def test_slavic_measures_prolonged_are_sanctions(pipeline, text, lang):
    found = events(pipeline, text, lang)
    assert len(found) == 1 and found[0][1] == "SANCTION", found


# -- branch ev6: the event-type conventions (docs/statements.md) and other-language actors ---------------
@pytest.mark.parametrize("text, lang, expected", [
    # signing an agreement is CAMEO 057 (SUPPORT); a decree signed stays COOPERATE
    ("Serbia and Hungary signed a pipeline agreement in Belgrade.", "en", [("HUN", "SUPPORT"), ("SRB", "SUPPORT")]),
    ("L'Estonie et la Finlande ont signé un protocole sur la surveillance du golfe.", "fr",
     [("EST", "SUPPORT"), ("FIN", "SUPPORT")]),
    ("Mirziyoyev signed a decree on army pensions.", "en", [("Shavkat Mirziyoyev", "COOPERATE")]),
    # a denial of a claim is a statement (CAMEO 016); a request denied is a refusal
    ("Minsk denied reports that its pilots had flown over Lithuania.", "en", [("BLR", "SAY")]),
    ("Die Slowakei dementierte Berichte über neue Munitionslieferungen.", "de", [("SVK", "SAY")]),
    ("Kyrgyzstan denied the request to host Russian bombers.", "en", [("KGZ", "REJECT")]),
    # summoning an envoy is an official complaint (CAMEO 114, ACCUSE); recalling one reduces relations (161)
    ("La Polonia ha convocato l'incaricato d'affari bielorusso.", "it", [("POL", "ACCUSE")]),
    ("Estonia recalled its ambassador from Minsk.", "en", [("EST", "SANCTION")]),
    ("Finlandia a rechemat ambasadorul de la Moscova.", "ro", [("FIN", "SANCTION")]),
])
def test_event_type_conventions(pipeline, text, lang, expected):
    assert events(pipeline, text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a second act after a coordinator with its auxiliary (fr, it, ro) or with the subject kept (de, nl)
    # (two acts of one type, border closed and diplomats expelled: two events since branch ev8)
    ("La Finlande a fermé sa frontière et a expulsé neuf diplomates russes.", "fr",
     [("FIN", "SANCTION"), ("FIN", "SANCTION")]),
    ("La Lettonia ha condannato il raid e ha espulso un diplomatico russo.", "it",
     [("LVA", "ACCUSE"), ("LVA", "SANCTION")]),
    ("Polen verurteilte den Drohnenangriff und wies den russischen Militärattaché aus.", "de",
     [("POL", "ACCUSE"), ("POL", "SANCTION")]),
    # the passive's agent after par, dalla, przez, de
    ("Deux passeurs ont été interpellés par la police moldave.", "fr", [("MDA", "COERCE")]),
    ("Dwaj przemytnicy zostali zatrzymani przez gruzińską policję.", "pl", [("GEO", "COERCE")]),
    # a state before an apposition, not the body named in it
    ("La Hongrie, membre de l'Union européenne, a bloqué le nouveau paquet d'aide.", "fr", [("HUN", "REJECT")]),
])
def test_other_language_actors_of_acts(pipeline, text, lang, expected):
    assert events(pipeline, text, lang) == expected
