"""Predictions with their speakers on the sentences of branch pred2 (``tests/fixtures/predictions_check``):
forecasts, pledges, plans, schedules and warnings in en, ru, uk, de, fr, it and pl, each with the
speaker the annotation guidelines ask for (the one who says it; ``null``: the author), and sentences
that predict nothing (ability, questions, disclaimers, the past, "May" the month, «Напомним»).

Batch 1 was tuned on; batch 2 was written with it and its errors seen once; batch 3 was written
before the rules and never read while writing them (its floor is its transfer figure)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("checkset", _ROOT / "bench" / "checkset.py")
checkset = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(checkset)  # type: ignore[union-attr]

FOLDER = _ROOT / "tests" / "fixtures" / "predictions_check"

#: (precision, recall) floors per batch and kind, just below what branch pred2 measured
FLOORS = {
    ("batch 1", "predictions"): (0.95, 0.88),  # measured 0.981/0.895
    ("batch 1", "predictions_speaker"): (0.93, 0.85),  # measured 0.962/0.877 (0.673/0.614 before the rules)
    ("batch 2", "predictions"): (0.92, 0.82),  # measured 0.941/0.842
    ("batch 2", "predictions_speaker"): (0.92, 0.82),  # measured 0.941/0.842 (0.647/0.579 before)
    ("batch 3", "predictions"): (0.90, 0.90),  # measured 0.938/0.938
    ("batch 3", "predictions_speaker"): (0.85, 0.85),  # measured 0.875/0.875 (0.688/0.688 before)
}

#: (precision, recall) floors on branch spk7's sentences and short passages (speakers of reported speech:
#: pronouns, quotes over several sentences, titles with names, asides, reporting verbs in six languages)
SPK7_FLOORS = {
    # written before the rules, then tuned on: measured 1.000/0.955 (speaker 0.772/0.667 before the rules)
    ("spk7 (team, written before the rules)", "predictions"): (0.97, 0.93),
    ("spk7 (team, written before the rules)", "predictions_speaker"): (0.97, 0.93),
    # written after the rules: speaker 0.944/0.895 on first reading (0.471/0.421 with the code before spk7),
    # two misses fixed since (1.000/1.000)
    ("spk7 transfer", "predictions"): (0.95, 0.95),
    ("spk7 transfer", "predictions_speaker"): (0.94, 0.94),
    # written after all of spk7's rules and never tuned on: measured 0.941/0.941 (0.500/0.471 before spk7)
    ("spk7 second transfer", "predictions"): (0.95, 0.95),
    ("spk7 second transfer", "predictions_speaker"): (0.90, 0.90),
    # branch pred3's sentences (several forecasts per sentence, press services and offices for their state),
    # written before the rules, then tuned on: measured 1.000/0.971, speaker 0.941/0.914 (speaker 0.793/0.657
    # and recall 0.829 before)
    ("pred3 (team, written before the rules)", "predictions"): (0.97, 0.94),
    ("pred3 (team, written before the rules)", "predictions_speaker"): (0.92, 0.89),
}


#: (precision, recall) floors on branch pred8's sentences (page-like reported speech over several clauses,
#: offices, "according to", pronoun speakers and sources, non-forecasts: "could not", "would not comment",
#: "whether", rights notices, author's asides «Следует напомнить», a denied past intention)
PRED8_FLOORS = {
    # written before the rules, then tuned on: measured 0.978/1.000, speaker 0.867/0.886 (0.827/0.977 and
    # speaker 0.712/0.841 before); the misses left are names and offices the entity stage does not find
    ("pred8 (written before the rules)", "predictions"): (0.95, 0.97),
    ("pred8 (written before the rules)", "predictions_speaker"): (0.84, 0.86),
    # written after the first rules: 0.944/0.895, speaker 0.889/0.842 on first reading (0.708/0.895 and
    # 0.583/0.737 before pred8); four misses fixed since (1.000/1.000)
    ("pred8 transfer", "predictions"): (0.97, 0.97),
    ("pred8 transfer", "predictions_speaker"): (0.97, 0.97),
    # written after all of pred8's rules and never tuned on: 0.923/0.923, speaker 0.846/0.846 (0.750/0.923
    # and 0.562/0.692 before pred8)
    ("pred8 second transfer", "predictions"): (0.89, 0.89),
    ("pred8 second transfer", "predictions_speaker"): (0.81, 0.81),
}


#: (precision, recall) floors on branch spk9's sentences (who said it: titles before a state's genitive,
#: «Как считает X,», unnamed sources, a speaker named in the next sentence, "could be seen", inflected surnames)
SPK9_FLOORS = {
    # written before the rules, then tuned on: measured 1.000/1.000, speaker 0.984/0.984 (0.968/1.000 and
    # speaker 0.810/0.836 before); the miss left is «пресс-секретарь Кремля» (no Kremlin spokesperson role)
    ("spk9 (written before the rules)", "predictions"): (0.97, 0.97),
    ("spk9 (written before the rules)", "predictions_speaker"): (0.95, 0.95),
    # written after the first rules and never tuned on: speaker 0.947/0.947 on first reading (0.400/0.421
    # with the code before spk9); the miss is a holder persons.jsonl lacks
    ("spk9 transfer", "predictions"): (0.97, 0.97),
    ("spk9 transfer", "predictions_speaker"): (0.91, 0.91),
    # written after all of spk9's rules but the last (unnamed groups): speaker 0.882/0.882 on first reading
    # (0.667/0.706 with the code before spk9), 0.941/0.941 after that rule
    ("spk9 second transfer", "predictions"): (0.97, 0.97),
    ("spk9 second transfer", "predictions_speaker"): (0.85, 0.85),
}


def test_title_speaker_leaves_the_state_as_actor():
    """«Министр иностранных дел России заявил ...»: the title names Lavrov as the forecast's speaker, but
    the mentions (and so the actors of events and stances) keep the state."""
    from allegiance.nlp import Doc
    from allegiance.nlp.pipeline import default_pipeline

    doc = default_pipeline()(Doc("t", "Министр иностранных дел России заявил, что Москва ответит на санкции.",
                                 "ru", "2025-03-01"))
    assert [s.speaker for s in doc.statements if s.kind == "prediction"] == ["Sergei Lavrov"]
    assert not [m for m in doc.mentions if m.type == "person"]
    assert [t.canonical for t in doc.titles] == ["Sergei Lavrov"]


def test_predictions_check_covers_seven_languages_and_negatives():
    cases = checkset.load_checkset(FOLDER)
    assert len(cases) >= 90
    assert {c["lang"] for c in cases} == {"en", "ru", "uk", "de", "fr", "it", "pl"}
    assert sum(not c["predictions"] for c in cases) >= 25  # sentences that predict nothing
    assert sum(any(s is not None for s in c["predictions"]) for c in cases) >= 40  # a named speaker
    assert len({c["id"] for c in cases}) == len(cases)


def _predictions(lang: str, text: str) -> list[str | None]:
    from allegiance.nlp import Doc
    from allegiance.nlp.pipeline import default_pipeline

    doc = default_pipeline()(Doc("t", text, lang, "2025-03-01"))
    return [s.speaker for s in doc.statements if s.kind == "prediction"]


@pytest.mark.parametrize(("lang", "text", "speakers"), [
    # the speaker: a source phrase, a closing attribution, the subject of a pledge or a forecast verb
    ("en", "According to the Kremlin, the talks will resume in Istanbul.", ["RUS"]),
    ("en", "Armenia will skip the CSTO drills this year, Pashinyan told parliament.", ["Nikol Pashinyan"]),
    ("en", "Georgia may hold early elections, a government source said.", [None]),
    ("en", "Lukashenko vowed to keep Belarusian troops out of the war.", ["Alexander Lukashenko"]),
    ("en", "Turkey expects the grain corridor to reopen soon.", ["TUR"]),
    ("en", "Economists expect the pressure on the Russian rouble to grow next year.", [None]),
    ("en", "Kazakhstan expects the trade with its southern neighbours to double.", ["KAZ"]),
    ("ru", "По словам Пескова, Путин проведёт переговоры с Токаевым.", ["Dmitry Peskov"]),
    ("ru", "По мнению экспертов, Минск может закрыть границу.", [None]),
    ("uk", "Польща відкриє новий пункт пропуску, заявив Зеленський.", ["Volodymyr Zelensky"]),
    ("uk", "Зеленський заявив, що Україна не зупиниться.", ["Volodymyr Zelensky"]),
    # reported speech: a pronoun for the person before, a quote over two sentences, an aside
    ("en", "Lavrov met Fidan on Monday. He said, however, that Russia would stay.", ["Sergei Lavrov"]),
    ("en", "Sandu spoke in Chisinau. \"Moldova will join the EU. We will not turn back,\" she said.",
     ["Maia Sandu", "Maia Sandu"]),
    ("en", "Ilham Aliyev, the president of Azerbaijan, said Baku would sign the treaty.", ["Ilham Aliyev"]),
    ("ru", "Путин встретился с Токаевым. Он заявил, что Россия не изменит курс.", ["Vladimir Putin"]),
    ("fr", "Macron s'est rendu à Kiev lundi. « La France ne reculera pas », a-t-il affirmé.", ["Emmanuel Macron"]),
    ("de", "Scholz besuchte am Montag Kyjiw. Die Ukraine werde den Krieg gewinnen, sagte er.", ["Olaf Scholz"]),
    ("fr", "Macron a annoncé que Paris enverrait des instructeurs en Ukraine.", ["Emmanuel Macron"]),
    ("it", "Orbán ha minacciato di bloccare il nuovo pacchetto di aiuti.", ["Viktor Orbán"]),
    ("de", "Russland soll die Brücke gesprengt haben.", []),
    # the one an outlet quotes speaks, not the outlet
    ("en", "Russia will respond to the deployment, Lavrov said on Monday, Interfax reported.", ["Sergei Lavrov"]),
    ("ru", "Путин посетит Анкару в мае, заявил Песков, передает ТАСС.", ["Dmitry Peskov"]),
    ("de", "Scholz sagte, Deutschland werde der Ukraine helfen. Zudem werde Berlin weitere Panzer liefern.",
     ["Olaf Scholz", "Olaf Scholz"]),
    # a body "of the republic", "of the country": the state the sentence is about, not the destination
    ("ru", "Узбекских военных в Россию направлять не будут, заявили в МИД республики.", ["UZB"]),
    # a source phrase's body with a name apposed to it
    ("fr", "Selon le porte-parole du Kremlin, Dmitri Peskov, Poutine ne participera pas au sommet.", ["Dmitry Peskov"]),
    ("ru", "По словам пресс-секретаря Кремля, Дмитрия Пескова, Путин не поедет на саммит.", ["Dmitry Peskov"]),
    # an office named for the person before ("the president", «президент»)
    ("en", "Tokayev spoke in Astana. The president also said that Kazakhstan would keep its neutrality.",
     ["Kassym-Jomart Tokayev"]),
    ("ru", "Токаев выступил в Астане. Президент также заявил, что Казахстан сохранит нейтралитет.",
     ["Kassym-Jomart Tokayev"]),
    # a form of both a present and a perfective future after "never": the future
    ("ru", "Лавров заявил, что Россия никогда не признает независимость Косово.", ["Sergei Lavrov"]),
    ("uk", "Україна не визнає окупацію Криму.", []),
    # readiness with an infinitive: an intention
    ("ru", "Путин заявил, что готов встретиться с Трампом.", ["Vladimir Putin"]),
    ("ru", "Армия готова к обороне.", []),
    # a pledge of a thing, in any tense
    ("ru", "Медведев пригрозил Западу ответным ударом.", ["Dmitry Medvedev"]),
    ("uk", "Київ пообіцяв Варшаві нові поставки зерна.", ["UKR"]),
    # a whole quote after another one's attribution: the same speaker
    ("en", '"Russia will respond," Lavrov said. "We will not stay silent."', ["Sergei Lavrov", "Sergei Lavrov"]),
    # schedules and plans with no speaker
    ("en", "Moldova is to hold a referendum in October.", [None]),
    ("en", "The talks are expected next week in Istanbul.", [None]),
    ("en", "The decision was expected on Monday.", []),
    ("ru", "Соглашение планируется подписать весной.", [None]),
    ("fr", "Les deux pays signeront un accord la semaine prochaine.", [None]),
    ("it", "I due paesi firmeranno un accordo la prossima settimana.", [None]),
    # nothing predicted
    ("en", "The main goal is to protect civilians.", []),
    ("en", "Kazakhstan may be a partner of Moscow, but it has sent no troops.", []),
    ("en", "This video may contain scenes of violence.", []),
    ("en", "Troops may only be sent abroad with the consent of parliament, the law says.", []),
    # a legal consequence ahead: facing a penalty
    ("en", "Deserters face up to 15 years in prison under the new law.", [None]),
    ("en", "He faced ten years in prison.", []),
    ("ru", "Дезертирам грозит до 15 лет лишения свободы.", [None]),
    ("de", "Den Deserteuren droht eine Haftstrafe von bis zu zehn Jahren.", [None]),
    ("fr", "L'armée ukrainienne peut toucher des cibles en Crimée.", []),
    ("ru", "Читайте также:\n1. Как пройдёт весенний призыв\n2. Что изменится для резервистов\nДума приняла закон.", []),
    ("en", "Related:\n1. What the new sanctions will mean for Minsk\nThe EU adopted the package.", []),
    # branch pred8: no forecast in a past inability, a refused comment, an open question, an author's aside
    ("en", "The governor could not hide his anger.", []),
    ("en", "Russia could soon announce a new wave of mobilisation, officials fear.", [None]),
    ("en", "The spokesman would not comment on the claims.", []),
    ("en", "It remains unclear whether Minsk will send observers.", []),
    ("ru", "Следует напомнить, что Армения не признала аннексию.", []),
    ("uk", "Раніше Київ не планував запроваджувати візи.", []),
    # a pronoun source, a pronoun before a second verb of saying, a verb-or-noun future after its subject
    ("ru", "Токаев выступил в Астане. По его словам, Казахстан сохранит нейтралитет.", ["Kassym-Jomart Tokayev"]),
    ("en", "Lavrov said Moscow would study the plan, but he warned that Russia would reject any ultimatum.",
     ["Sergei Lavrov", "Sergei Lavrov"]),
    ("ru", "Песков сообщил, что Путин примет участие в форуме.", ["Dmitry Peskov"]),
    # branch spk9: a title before a state's genitive, «Как считает X,», unnamed sources, the next sentence
    ("uk", "Глава МЗС Угорщини заявив, що Будапешт не підтримає нові санкції.", ["Péter Szijjártó"]),
    ("ru", "По словам министра обороны Белоруссии, армия проведёт учения.", ["Viktor Khrenin"]),
    ("ru", "Как полагает Лукашенко, Запад не решится на удар.", ["Alexander Lukashenko"]),
    ("en", "Minsk may close the border, sources in the government said.", [None]),
    ("ru", "Источник в МИД Армении сообщил, что Ереван не поедет на саммит.", [None]),
    ("ru", "Россия ответит на новые санкции. Об этом заявил Лавров.", ["Sergei Lavrov"]),
    ("en", "Smoke could be seen over the port on Monday.", []),
    ("uk", "За словами Сибіги, Київ не піде на поступки.", ["Andrii Sybiha"]),
    ("ru", "Москва ответит на санкции. Об этом в интервью агентству заявил глава МИД России.", ["Sergei Lavrov"]),
    ("ru", "Россия ответит на новые санкции. Об этом договорились Путин и Токаев.", [None]),
    ("en", "Russia will try to advance in the east, Ukraine's General Staff said.", ["UKR"]),
    ("en", "Russia will resume its offensive, analysts at the Institute for the Study of War said.",
     ["Institute for the Study of War"]),
    ("en", "The rouble could fall further, economists at a Moscow bank estimated.", [None]),
    # a title in the genitive after another noun is that one's office: not the holder's word
    ("ru", "Пресс-секретарь президента России заявил, что Путин не поедет на саммит.", ["RUS"]),
    ("uk", "Заступник міністра оборони України заявив, що армія отримає нові ракети.", ["UKR"]),
    # branch pred9: a service notice, a conditional of what did not happen, a pledge after a comma
    ("ru", "Участники могут ознакомиться с программой форума на сайте.", []),
    ("uk", "Він міг би стати посередником, але відмовився.", []),
    ("ru", "Минск мог бы закрыть границу, если бы Вильнюс ввёл санкции.", [None]),
    ("en", "Russia will answer the strikes, Lavrov said, vowing a harsh response.", ["Sergei Lavrov", "Sergei Lavrov"]),
    ("ru", "Новых ограничений на въезд не планируется.", [None]),
    ("ru", "Как и ожидается, цены растут.", []),
    ("ru", "Никто не знает, когда закончится война.", []),
    ("uk", "Невідомо, чи погодиться Братислава.", []),
    ("ru", "Лавров заявил, что Россия ответит, когда сочтёт нужным.", ["Sergei Lavrov"]),
    ("en", "This article will be updated as the story develops.", []),
    ("en", "It is too early to say whether the sanctions will work.", []),
    ("en", "The ministry would only say that the talks had been useful.", []),
    ("en", "The report will be published next week.", [None]),
])
def test_prediction_speakers_and_negatives(lang, text, speakers):
    assert _predictions(lang, text) == speakers


#: (precision, recall) floors on branch pred9's page-like sentences (which sentences are forecasts: service
#: notices «могут узнать на сайте», conditionals of what did not happen «мог бы ..., но отказался», the month
#: "May", disclaimers, adverts, questions, a second forecast in a pledge after a comma "..., vowing ...")
PRED9_FLOORS = {
    # written before the rules, then tuned on: measured 1.000/1.000, speaker 0.722/0.722 (0.857/1.000 and
    # speaker 0.619/0.722 before); the speaker misses are unnamed ministries the entity stage names
    ("pred9 (written before the rules)", "predictions"): (0.97, 0.97),
    ("pred9 (written before the rules)", "predictions_speaker"): (0.69, 0.69),
    # written after the rules and never tuned on: 1.000/1.000, speaker 0.600/0.600 on first reading (a
    # minister of the state in the sentence read as that state's word)
    ("pred9 transfer", "predictions"): (0.97, 0.97),
    ("pred9 transfer", "predictions_speaker"): (0.57, 0.57),
}


#: each table of floors with the prefix of its batches' notes
TABLES = {"pred2": ("pred2 ", FLOORS), "spk7": ("", SPK7_FLOORS), "pred8": ("", PRED8_FLOORS),
          "spk9": ("", SPK9_FLOORS), "pred9": ("", PRED9_FLOORS)}


@pytest.fixture(scope="module")
def predicted():
    """Every case of the folder with its predictions, made once for all the tables."""
    cases = checkset.load_checkset(FOLDER)
    return cases, checkset.predict(cases)


@pytest.mark.parametrize(("table", "batch", "kind"), [
    (name, batch, kind) for name, (_prefix, floors) in TABLES.items() for batch, kind in sorted(floors)])
def test_floor(predicted, table, batch, kind):
    cases, preds = predicted
    prefix, floors = TABLES[table]
    picked = [n for n, c in enumerate(cases) if c["note"].startswith(prefix + batch)]
    assert picked, (table, batch)
    got = checkset.score_checkset([cases[n] for n in picked], [preds[n] for n in picked])[kind]
    precision, recall = floors[(batch, kind)]
    assert got["precision"] >= precision, got
    assert got["recall"] >= recall, got
