"""Generated articles for the crash-safety script and the property tests: team-written sentences
(never dev-corpus text) composed by a seeded generator, in English, Russian and Ukrainian, with
some syndicated copies so that near-duplicate clusters and story counts are exercised."""

from __future__ import annotations

import random
from pathlib import Path

STATES_EN = ["Kazakhstan", "Armenia", "Belarus", "Kyrgyzstan", "Uzbekistan", "Tajikistan", "Georgia",
             "Azerbaijan", "Moldova", "Turkmenistan"]
CAPITALS_EN = ["Astana", "Yerevan", "Minsk", "Bishkek", "Tashkent", "Dushanbe", "Tbilisi", "Baku", "Chisinau",
               "Ashgabat"]
EN = [
    "{s} refused to send troops to Ukraine, officials in {c} said.",
    "{s} declared its neutrality and called for peace talks.",
    "{s} said it would not recognise the separatist republics in the east of Ukraine.",
    "Officials in {c} said {s} would keep trading with both countries.",
    "{s} let Russia use its territory but did not send its own troops.",
    "The president of {s} called for a ceasefire and for talks in {c}.",
    "{s} froze its participation in the CSTO in {m}.",
    "{s} voted for the resolution that demands Russia withdraw from Ukraine.",
    "{s} abstained in the vote on the resolution in {m}.",
    "The foreign minister of {s} met European officials in Brussels in {m}.",
    "{s} will hold talks with the European Union next year, the minister predicted.",
    "About {n} thousand people from {s} left for Russia to find work, officials said.",
    "Analysts in {c} expect new sanctions to reach the banks of {s}.",
    "The government of {s} sent humanitarian aid to Ukraine in {m}.",
    "{s} denied reports that it had supplied weapons to Russia.",
]
RU = [
    "Казахстан отказался отправлять свои войска на Украину, сообщили в Астане.",
    "Армения заморозила свое участие в ОДКБ в {m_ru}.",
    "Киргизия заявила о нейтралитете и призвала к мирным переговорам.",
    "Узбекистан не признает так называемые республики на востоке Украины.",
    "Около {n} тысяч человек подписали контракт, сообщили чиновники.",
    "Правительство Таджикистана направило гуманитарную помощь.",
    "Белоруссия предоставила свою территорию, но не отправила войска.",
]
UK = [
    "Лукашенко визнав, що Білорусь бере участь у війні проти України.",
    "Казахстан відмовився надсилати свої війська до Росії, повідомили в Астані.",
    "Вірменія заморозила свою участь в ОДКБ у {m_uk}.",
    "Молдова закликала до мирних переговорів і засудила напад.",
    "Уряд Грузії пообіцяв гуманітарну допомогу Україні.",
    "Близько {n} тисяч людей виїхали з країни, повідомили посадовці.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTHS_RU = ["январе", "феврале", "марте", "апреле", "мае", "июне"]
MONTHS_UK = ["січні", "лютому", "березні", "квітні", "травні", "червні"]
SOURCES = ["example.org", "news.example.net", "daily.example.com", "wire.example.info"]


def _sentence(rng: random.Random, language: str) -> str:
    i = rng.randrange(len(STATES_EN))
    pool = {"en": EN, "ru": RU, "uk": UK}[language]
    return rng.choice(pool).format(s=STATES_EN[i], c=CAPITALS_EN[i], m=rng.choice(MONTHS),
                                   m_ru=rng.choice(MONTHS_RU), m_uk=rng.choice(MONTHS_UK), n=rng.randint(2, 900))


def compose_article(rng: random.Random, language: str, sentences: int = 8) -> str:
    """One article: a headline line, paragraphs of generated sentences, a source line."""
    lines = [_sentence(rng, language).rstrip(".")]
    for _ in range(max(1, sentences // 3)):
        lines.append(" ".join(_sentence(rng, language) for _ in range(3)))
    lines.append(f"Source: {rng.choice(SOURCES)}")
    return "\n\n".join(lines)


def generate(count: int, seed: int = 7, copies: float = 0.1) -> list[tuple[str, str]]:
    """``count`` (name, text) pairs, dated names, about ``copies`` of them syndicated copies of an
    earlier one with a line added (near duplicates)."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for n in range(count):
        year, month, day = 2022 + n % 3, 1 + n % 12, 1 + n % 28
        name = f"{year}-{month:02d}-{day:02d}-gen{n:04d}"
        if out and rng.random() < copies:
            text = rng.choice(out)[1] + "\n\nThis story was first published by a partner outlet."
        else:
            text = compose_article(rng, rng.choice(["en", "en", "ru", "uk"]), rng.randint(6, 14))
        out.append((name, text))
    return out


def write(folder: Path, count: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(count, seed):
        path = folder / f"{name}.txt"
        path.write_text(f"date {name[:10]} {text}", encoding="utf-8")
        paths.append(path)
    return paths
