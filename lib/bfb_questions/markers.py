"""A Markdown extension: `{telefon}` and `{offen:<key>}` in a text.

`{telefon}` becomes the association's phone from ASSOCIATION (pelicanconf.py) as a `tel:`
link (as written at home; in +49 form for a language in another locale), so no text
repeats the number. `{offen:<key>}` becomes a marked gap whose wording comes from the
questions table (questions.py), translated with the templates' catalogue: the gap stays
visible, and `invoke fragen` lists it, until an editor writes the answer in its place.
pelicanconf.py names the extension in MARKDOWN with each language's catalogue, phone form
and the phone (`question_markers`).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from bfb_languages import catalogue_in
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
    def __init__(self, pattern: str, phone, international_form: bool, gettext):
        super().__init__(pattern)
        self.number = phone_value(phone)
        self.international_form = international_form
        self.gettext = gettext

    def handleMatch(self, match, data):
        if not self.number:
            return gap_element(self.gettext(CALL_US)), match.start(0), match.end(0)
        link = etree.Element("a")
        link.set("href", tel_href(self.number))
        link.set("class", "phone")
        link.text = display(self.number, self.international_form)
        return link, match.start(0), match.end(0)


class GapProcessor(InlineProcessor):
    def __init__(self, pattern: str, gettext):
        super().__init__(pattern)
        self.gettext = gettext

    def handleMatch(self, match, data):
        return gap_element(gap_text(match.group(1), self.gettext)), match.start(0), match.end(0)


class QuestionMarkersExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "catalogue": [
                "",
                "the language's catalogue (SITE_LANGUAGES); empty: the templates' own language",
            ],
            "localedir": ["", "I18N_GETTEXT_LOCALEDIR: where the catalogues are"],
            "domain": ["messages", "I18N_GETTEXT_DOMAIN"],
            "international_phone": [False, "True: the phone in +49 form (a language read abroad)"],
            "phone": ["", 'ASSOCIATION["phone"] from pelicanconf.py'],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        catalogue = catalogue_in(
            self.getConfig("localedir"), self.getConfig("domain"), self.getConfig("catalogue") or None
        )
        phone, international_form = self.getConfig("phone"), self.getConfig("international_phone")
        md.inlinePatterns.register(
            PhoneProcessor(PHONE_PATTERN, phone, international_form, catalogue.gettext),
            "bfb_phone",
            BEFORE_LINKS,
        )
        md.inlinePatterns.register(GapProcessor(GAP_PATTERN, catalogue.gettext), "bfb_gap", BEFORE_LINKS)


def makeExtension(**kwargs) -> QuestionMarkersExtension:
    return QuestionMarkersExtension(**kwargs)
