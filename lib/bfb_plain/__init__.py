"""The rules of Einfache Sprache (plain German), checked on a page's text.

A library, not a plugin: bfb_content_check runs it on every file of a language variant
that retells another (`simplifies` in SITE_LANGUAGES), like its other checks. Each rule
has a stable code; docs/redaktion.md ("Eine Seite in Einfacher Sprache schreiben")
explains each in German with an example, and its examples are tested.

What is checked (the section "Woher wir das wissen" with the sources is left out: it
names titles and newspapers, which we cite as they are):

- `plain-sentence`: a sentence of more than MAX_WORDS words.
- `plain-long-word`: a word of more than MAX_SYLLABLES syllables (pyphen's German
  dictionary) that is not split with a hyphen or a middle dot ("Bürger·bus"), not a
  name on the allow-list (the places, the association's name) and not explained where it
  first appears: followed by a bracket "(…)", or by "heißt", "ist" or "bedeutet".
- `plain-abbreviation`: z. B., bzw., ca., e. V. (outside the association's name) …
- `plain-semicolon`: a semicolon.
- `plain-number-word`: a number above twelve written as a word ("zwanzig").
- `plain-passive`: a form of "werden" and a past participle in one sentence.
- `plain-conjunctions`: more than one subordinating conjunction in one sentence.
- `plain-reading-ease`: Flesch reading ease for German (Amstad) below MIN_READING_EASE.

`reading_ease()` gives the figure the build prints for every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pyphen
from bfb_html import Text, read

MAX_WORDS = 15
MAX_SYLLABLES = 5
MIN_READING_EASE = 70
SOURCES_HEADING = "Woher wir das wissen"
ASSOCIATION_NAME = "Bürger für Bürger e.V."

ABBREVIATIONS = (
    "z. B.",
    "z.B.",
    "bzw.",
    "ca.",
    "u. a.",
    "u.a.",
    "usw.",
    "etc.",
    "d. h.",
    "d.h.",
    "e. V.",
    "e.V.",
    "evtl.",
    "ggf.",
    "inkl.",
    "Nr.",
    "Tel.",
    "v. a.",
    "s. o.",
    "s. u.",
    "u. U.",
    "Std.",
    "max.",
    "min.",
    "bspw.",
    "sog.",
)
# Short forms written in capitals ("VG", "BfB"); known names (none yet) go into the allow-list.
CAPITALS_RE = re.compile(r"\b(?:[A-ZÄÖÜ]{2,}|[A-Z][a-z][A-Z]+)\b")
WERDEN = frozenset(
    [
        "werde",
        "wirst",
        "wird",
        "werden",
        "werdet",
        "wurde",
        "wurdest",
        "wurden",
        "wurdet",
        "würde",
        "würdest",
        "würden",
        "würdet",
        "worden",
    ]
)
CONJUNCTIONS = frozenset(
    [
        "dass",
        "weil",
        "wenn",
        "ob",
        "obwohl",
        "obgleich",
        "damit",
        "nachdem",
        "während",
        "bevor",
        "sobald",
        "solange",
        "falls",
        "indem",
        "sodass",
        "seitdem",
        "wohingegen",
    ]
)
# Lower-case words that look like participles but are not ("gegen", "genug" …).
NOT_PARTICIPLES = frozenset(
    [
        "gegen",
        "geben",
        "gehen",
        "gelten",
        "genau",
        "genug",
        "gerne",
        "gerade",
        "gestern",
        "gesamt",
        "gesund",
        "gewesen",
        "getan",
    ]
)
PARTICIPLE_RE = re.compile(
    r"^(?:(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zu|zurück|los)?ge[a-zäöüß]{2,}(?:t|en)"
    r"|[a-zäöüß]{3,}iert)$"
)
NUMBER_WORD_RE = re.compile(
    r"^(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
    r"(?:(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|(?:zwan|vier|fünf|sech|sieb|acht|neun)zig|dreißig"
    r"|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?(?:hundert|tausend)[a-zäöüß]*)$"
)
EXPLAINING_WORDS = frozenset({"heißt", "ist", "bedeutet", "sind"})
WORD_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[A-Za-zÄÖÜäöüß]+(?:[-·][A-Za-zÄÖÜäöüß]+)*")
# Sentence ends: . ! ? followed by a space and the next sentence – but not after a day ("9. Januar").
SENTENCE_END_RE = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?](?=\s+\S)")


@dataclass(frozen=True)
class Finding:
    """One rule broken in one place of a text."""

    code: str
    line: int
    message: str  # plain German: what is wrong
    fix: str  # plain German: "So beheben"


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str

    @property
    def words(self) -> list[str]:
        return WORD_RE.findall(self.text)


@cache
def hyphenation_dictionary() -> pyphen.Pyphen:
    """pyphen's German dictionary, read once per process (about half a CPU second)."""
    return pyphen.Pyphen(lang="de_DE", left=1, right=2)


def syllables(word: str) -> int:
    """Syllables of a German word, by pyphen's hyphenation dictionary (at least one)."""
    return sum(
        hyphenation_dictionary().inserted(part).count("-") + 1 for part in re.split(r"[-·]", word) if part
    )


# --- from Markdown to sentences ------------------------------------------------------------

LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKER_RE = re.compile(r"\{(telefon|offen:[a-z0-9_]+)\}")
LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
HEADING_RE = re.compile(r"^\s*#{1,6}\s+")


def plain_text(line: str) -> str:
    """A Markdown line as the reader sees its words (links, tags, markers and emphasis removed)."""
    text = MARKER_RE.sub(lambda match: "Telefon" if match.group(1) == "telefon" else "", line)
    text = LINK_RE.sub(lambda match: match.group(1), text)
    # The text between the tags, entities resolved (lib/bfb_html); a comment or script is no text.
    text = "".join(token.text for token in read(text) if isinstance(token, Text) and not token.raw_in)
    text = text.replace("\u00a0", " ")
    return re.sub(r"[*_`]", "", text)


def sentences(lines: Iterable[tuple[int, str]]) -> list[Sentence]:
    """The sentences of a Markdown body: a heading or a list item is one unit of its own.

    Lines of one paragraph are joined; each sentence keeps the line it starts on. The
    section "Woher wir das wissen" (up to the next heading) is left out.
    """
    found: list[Sentence] = []
    paragraph: list[tuple[int, str]] = []
    in_sources = False

    def flush() -> None:
        if paragraph:
            found.extend(split_paragraph(paragraph))
            paragraph.clear()

    for number, line in lines:
        if HEADING_RE.match(line):
            flush()
            title = plain_text(HEADING_RE.sub("", line)).strip()
            in_sources = title == SOURCES_HEADING
            if not in_sources:
                found.append(Sentence(number, title))
            continue
        if in_sources:
            continue
        if not line.strip():
            flush()
            continue
        if LIST_RE.match(line):
            flush()
            line = LIST_RE.sub("", line)
        paragraph.append((number, plain_text(line)))
    flush()
    return [sentence for sentence in found if sentence.words]


def masked_abbreviations(text: str) -> str:
    """`text` with the dots of abbreviations hidden (same length), so they end no sentence."""
    for short in (ASSOCIATION_NAME, *ABBREVIATIONS):
        text = text.replace(short, short.replace(".", "\u2024"))
    return text


def split_paragraph(paragraph: list[tuple[int, str]]) -> list[Sentence]:
    text, starts = "", []
    for number, line in paragraph:
        starts.append((len(text), number))
        text += line.strip() + " "
    result, begin = [], 0
    for match in SENTENCE_END_RE.finditer(masked_abbreviations(text)):
        result.append((begin, text[begin : match.end()]))
        begin = match.end()
    result.append((begin, text[begin:]))
    sentences_found = []
    for offset, chunk in result:
        stripped = chunk.strip()
        if not stripped:
            continue
        offset += len(chunk) - len(chunk.lstrip())
        line = max(number for start, number in starts if start <= offset)
        sentences_found.append(Sentence(line, stripped))
    return sentences_found


# --- the rules ----------------------------------------------------------------------------


def check_sentence_length(sentence: Sentence, **_) -> list[Finding]:
    count = len(sentence.words)
    if count <= MAX_WORDS:
        return []
    return [
        Finding(
            "plain-sentence",
            sentence.line,
            f"Der Satz hat {count} Wörter (höchstens {MAX_WORDS}): „{shorten(sentence.text)}“",
            "Den Satz in zwei oder mehr kurze Sätze teilen: eine Aussage je Satz.",
        )
    ]


def check_long_words(sentence: Sentence, allowed: frozenset[str], explained: set[str], **_) -> list[Finding]:
    findings = []
    words = sentence.words
    for index, word in enumerate(words):
        if word[0].isdigit() or "-" in word or "·" in word or word.lower() in allowed:
            continue
        count = syllables(word)
        if count <= MAX_SYLLABLES or word.lower() in explained:
            continue
        if explains(sentence.text, word, words[index + 1 : index + 2]):
            explained.add(word.lower())
            continue
        findings.append(
            Finding(
                "plain-long-word",
                sentence.line,
                f"Das Wort „{word}“ hat {count} Silben (höchstens {MAX_SYLLABLES}).",
                "Ein kürzeres Wort nehmen, das Wort mit Bindestrich oder Mediopunkt teilen "
                f"(„{split_hint(word)}“) oder es beim ersten Mal erklären: direkt dahinter in Klammern.",
            )
        )
    return findings


def explains(text: str, word: str, following: list[str]) -> bool:
    """The word is explained here: a bracket follows it, or "heißt", "ist" or "bedeutet"."""
    if re.search(rf"\b{re.escape(word)}\s*\(", text):
        return True
    return bool(following) and following[0].lower() in EXPLAINING_WORDS


def split_hint(word: str) -> str:
    parts = hyphenation_dictionary().inserted(word).split("-")
    middle = len(parts) // 2
    return "".join(parts[:middle]) + "·" + "".join(parts[middle:]).lower()


def check_abbreviations(sentence: Sentence, allowed: frozenset[str], **_) -> list[Finding]:
    text = sentence.text.replace(ASSOCIATION_NAME, "Bürger für Bürger")
    found = [short for short in ABBREVIATIONS if re.search(rf"(?<![\w.]){re.escape(short)}", text)]
    found += [match.group() for match in CAPITALS_RE.finditer(text) if match.group().lower() not in allowed]
    return [
        Finding(
            "plain-abbreviation",
            sentence.line,
            f"Die Abkürzung „{short}“ verstehen nicht alle.",
            "Das Wort ausschreiben (zum Beispiel „zum Beispiel“ statt „z. B.“).",
        )
        for short in dict.fromkeys(found)
    ]


def check_semicolon(sentence: Sentence, **_) -> list[Finding]:
    if ";" not in sentence.text:
        return []
    return [
        Finding(
            "plain-semicolon",
            sentence.line,
            "Der Satz hat ein Semikolon (;).",
            "Zwei Sätze daraus machen: einen Punkt statt des Semikolons.",
        )
    ]


def check_number_words(sentence: Sentence, **_) -> list[Finding]:
    return [
        Finding(
            "plain-number-word",
            sentence.line,
            f"Die Zahl „{word}“ steht in Buchstaben.",
            "Zahlen über zwölf als Ziffern schreiben (zum Beispiel „20“ statt „zwanzig“).",
        )
        for word in sentence.words
        if NUMBER_WORD_RE.match(word.lower())
    ]


def check_passive(sentence: Sentence, **_) -> list[Finding]:
    words = sentence.words
    werden = [word for word in words if word.lower() in WERDEN]
    participles = [
        word
        for word in words[1:]
        if word[0].islower() and word not in NOT_PARTICIPLES and PARTICIPLE_RE.match(word)
    ]
    if not werden or not participles:
        return []
    return [
        Finding(
            "plain-passive",
            sentence.line,
            f"Der Satz ist im Passiv („{werden[0]} … {participles[0]}“).",
            "Sagen, wer etwas tut: „Wir helfen Ihnen“ statt „Ihnen wird geholfen“.",
        )
    ]


def check_conjunctions(sentence: Sentence, **_) -> list[Finding]:
    found = [word for word in sentence.words if word.lower() in CONJUNCTIONS]
    if len(found) <= 1:
        return []
    return [
        Finding(
            "plain-conjunctions",
            sentence.line,
            f"Der Satz hat {len(found)} Nebensätze („{'“, „'.join(found)}“).",
            "Höchstens einen Nebensatz je Satz: den Satz teilen.",
        )
    ]


RULES = (
    check_sentence_length,
    check_long_words,
    check_abbreviations,
    check_semicolon,
    check_number_words,
    check_passive,
    check_conjunctions,
)


def shorten(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def check_text(lines: Iterable[tuple[int, str]], allowed: Iterable[str] = ()) -> list[Finding]:
    """Every rule broken in a page's body (lines with their numbers in the file)."""
    allowed = frozenset(word.lower() for name in allowed for word in WORD_RE.findall(name))
    explained: set[str] = set()
    findings = []
    for sentence in sentences(lines):
        for rule in RULES:
            findings += rule(sentence, allowed=allowed, explained=explained)
    return findings


def reading_ease(lines: Iterable[tuple[int, str]]) -> float | None:
    """Flesch reading ease for German (Amstad): 180 − words per sentence − 58.5 × syllables per word.

    Numbers written as digits count as words of a sentence, not for the syllables.
    None for a text without words.
    """
    found = sentences(lines)
    words = [word for sentence in found for word in sentence.words]
    lettered = [word for word in words if not word[0].isdigit()]
    if not found or not lettered:
        return None
    per_sentence = len(words) / len(found)
    per_word = sum(syllables(word) for word in lettered) / len(lettered)
    return 180 - per_sentence - 58.5 * per_word


def reading_ease_finding(value: float | None, line: int) -> list[Finding]:
    if value is None or value >= MIN_READING_EASE:
        return []
    return [
        Finding(
            "plain-reading-ease",
            line,
            f"Die Lesbarkeit (Flesch nach Amstad) ist {value:.1f}, nötig sind mindestens {MIN_READING_EASE}.",
            "Kürzere Sätze und kürzere Wörter nehmen.",
        )
    ]


__all__ = [
    "MAX_SYLLABLES",
    "MAX_WORDS",
    "MIN_READING_EASE",
    "Finding",
    "check_text",
    "reading_ease",
    "reading_ease_finding",
    "sentences",
    "syllables",
]
