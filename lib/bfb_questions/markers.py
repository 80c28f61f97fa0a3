"""A Markdown extension: `{telefon}` and `{offen:<key>}` in a text.

`{telefon}` becomes the association's phone from ASSOCIATION (pelicanconf.py) as a `tel:`
link (German pages: as written; other languages: in +49 form), so no text repeats the
number. `{offen:<key>}` becomes a marked gap whose wording comes from the questions table
(questions.py): the gap stays visible, and `invoke fragen` lists it, until an editor
writes the answer in its place. pelicanconf.py names the extension in MARKDOWN with the
language and the phone.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from .phone import display, phone_value, tel_href
from .questions import CALL_US, gap_text

PHONE_PATTERN = r"\{telefon\}"
GAP_PATTERN = r"\{offen:([a-z0-9_]+)\}"
BEFORE_LINKS = 175  # ahead of Markdown's backtick (190) is not needed; ahead of links (160)


def gap_element(text: str) -> etree.Element:
    element = etree.Element("span")
    element.set("class", "gap")
    element.text = text
    return element


class PhoneProcessor(InlineProcessor):
    def __init__(self, pattern: str, phone, lang: str):
        super().__init__(pattern)
        self.number = phone_value(phone)
        self.lang = lang

    def handleMatch(self, match, data):
        if not self.number:
            call_us = CALL_US[self.lang if self.lang in CALL_US else "de"]
            return gap_element(call_us), match.start(0), match.end(0)
        link = etree.Element("a")
        link.set("href", tel_href(self.number))
        link.set("class", "phone")
        link.text = display(self.number, self.lang)
        return link, match.start(0), match.end(0)


class GapProcessor(InlineProcessor):
    def __init__(self, pattern: str, lang: str):
        super().__init__(pattern)
        self.lang = lang

    def handleMatch(self, match, data):
        return gap_element(gap_text(match.group(1), self.lang)), match.start(0), match.end(0)


class QuestionMarkersExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["de", "language of the site that reads the text"],
            "phone": ["", 'ASSOCIATION["phone"] from pelicanconf.py'],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        lang, phone = self.getConfig("lang"), self.getConfig("phone")
        md.inlinePatterns.register(PhoneProcessor(PHONE_PATTERN, phone, lang), "bfb_phone", BEFORE_LINKS)
        md.inlinePatterns.register(GapProcessor(GAP_PATTERN, lang), "bfb_gap", BEFORE_LINKS)


def makeExtension(**kwargs) -> QuestionMarkersExtension:
    return QuestionMarkersExtension(**kwargs)
