"""A synthetic, bilingual news corpus for the build benchmark: realistic, deterministic, invented.

Every German news item gets an English translation (same `Slug:`, `Lang: en`), about
400 words each: paragraphs, a subheading, a list, emphasis and a link, like the
association's real news. The words are drawn from fixed vocabularies with a fixed
seed, so two runs produce the same files. Nothing here is a fact about anyone.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

GERMAN = {
    "subjects": [
        "Der Verein",
        "Die Nachbarschaftshilfe",
        "Das Team vom Bürgerbus",
        "Die Ehrenamtlichen",
        "Der Vorstand",
        "Die Gruppe im Dorf",
        "Das Repair-Café",
        "Die Fahrerinnen und Fahrer",
    ],
    "verbs": [
        "lädt ein zu",
        "organisiert",
        "plant gemeinsam mit den Ortsgemeinden",
        "berichtet über",
        "sucht Unterstützung für",
        "freut sich über",
        "bereitet vor",
        "begleitet",
    ],
    "objects": [
        "einen Nachmittag mit Kaffee und Kuchen",
        "Fahrten zum Arzt und zum Einkaufen",
        "einen Spieleabend im Bürgerhaus",
        "die Sprechstunde für ältere Menschen",
        "ein Treffen der Helferinnen und Helfer",
        "den Besuchsdienst in den Dörfern",
        "eine Wanderung rund um die Maare",
        "die Hilfe im Garten und im Haushalt",
    ],
    "tails": [
        "in der Verbandsgemeinde.",
        "für alle Generationen.",
        "mit vielen helfenden Händen.",
        "ohne große Kosten für die Gäste.",
        "an jedem ersten Mittwoch im Monat.",
        "zusammen mit der Engagierten Stadt.",
        "gleich nach den Ferien.",
        "wie schon im vergangenen Jahr.",
    ],
    "heading": "Wie Sie mitmachen können",
    "items": ["Rufen Sie uns an", "Schreiben Sie uns eine Nachricht", "Kommen Sie einfach vorbei"],
    "title": "Meldung {number}: {object}",
    "more": "Mehr dazu auf der Seite",
    "link_text": "Über uns",
    "link": "/ueber-uns/",
    "quote": 'Eine Teilnehmerin sagt: "Das war ein schöner Tag."',
}
ENGLISH = {
    "subjects": [
        "The association",
        "The neighbourly help",
        "The community bus team",
        "The volunteers",
        "The board",
        "The village group",
        "The repair café",
        "The drivers",
    ],
    "verbs": [
        "invites everyone to",
        "organises",
        "plans together with the villages",
        "reports on",
        "is looking for support for",
        "is happy about",
        "is preparing",
        "accompanies",
    ],
    "objects": [
        "an afternoon with coffee and cake",
        "trips to the doctor and to the shops",
        "a games evening in the community hall",
        "the consultation hour for older people",
        "a meeting of the helpers",
        "the visiting service in the villages",
        "a walk around the maars",
        "help in the garden and at home",
    ],
    "tails": [
        "in the municipality.",
        "for all generations.",
        "with many helping hands.",
        "at little cost for the guests.",
        "on the first Wednesday of every month.",
        "together with the Engaged City network.",
        "right after the holidays.",
        "just like last year.",
    ],
    "heading": "How you can take part",
    "items": ["Give us a call", "Send us a message", "Just drop in"],
    "title": "News item {number}: {object}",
    "more": "More on the page",
    "link_text": "About us",
    "link": "/en/ueber-uns/",
    "quote": 'One participant says: "It was a lovely day."',
}
FIRST_DAY = date(2012, 6, 22)


def _sentence(words: dict, rng: random.Random) -> str:
    return " ".join(
        [
            rng.choice(words["subjects"]),
            rng.choice(words["verbs"]),
            rng.choice(words["objects"]),
            rng.choice(words["tails"]),
        ]
    )


def _paragraph(words: dict, rng: random.Random, sentences: int) -> str:
    text = " ".join(_sentence(words, rng) for _ in range(sentences))
    return text.replace(" mit ", " *mit* ", 1).replace(" with ", " *with* ", 1)


def _body(words: dict, rng: random.Random) -> str:
    """About 400 words: five paragraphs, a subheading, a list and a link.

    Like half of the real news, half of the items quote someone in straight quotes,
    which the Markdown typography turns into „…“ (English: “…”).
    """
    parts = [_paragraph(words, rng, 5) for _ in range(3)]
    if rng.random() < 0.5:
        parts[1] += " " + words["quote"]
    parts.append(f"## {words['heading']}")
    parts.append("\n".join(f"- {item}." for item in words["items"]))
    parts += [_paragraph(words, rng, 5) for _ in range(2)]
    parts.append(f"{words['more']} [{words['link_text']}]({words['link']}).")
    return "\n\n".join(parts) + "\n"


def _news_item(words: dict, number: int, day: date, lang: str, seed: int) -> str:
    rng = random.Random(seed)  # the same seed for both languages: the same structure
    title = words["title"].format(number=number, object=rng.choice(words["objects"]))
    summary = _sentence(words, rng)
    header = [
        f"Title: {title}",
        f"Date: {day.isoformat()}",
        f"Slug: meldung-{number:05d}",
        f"Lang: {lang}",
        f"Summary: {summary}",
    ]
    return "\n".join(header) + "\n\n" + _body(words, rng)


def write_corpus(folder: Path, articles: int, seed: int = 2012) -> int:
    """Write `articles` news files (half German, half their English translations) into folder/aktuelles/.

    Returns the number of files written.
    """
    news = folder / "aktuelles"
    news.mkdir(parents=True, exist_ok=True)
    pairs = articles // 2
    for number in range(1, pairs + 1):
        day = FIRST_DAY + timedelta(days=number * 3 % 5000)
        stem = f"{day.isoformat()}-meldung-{number:05d}"
        (news / f"{stem}.md").write_text(
            _news_item(GERMAN, number, day, "de", seed + number), encoding="utf-8"
        )
        (news / f"{stem}.en.md").write_text(
            _news_item(ENGLISH, number, day, "en", seed + number), encoding="utf-8"
        )
    return pairs * 2


if __name__ == "__main__":
    import sys
    import tempfile

    target = Path(tempfile.mkdtemp(prefix="corpus-"))
    count = write_corpus(target, int(sys.argv[1]) if len(sys.argv) > 1 else 10)
    print(f"{count} files in {target}")
