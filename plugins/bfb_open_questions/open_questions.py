"""The association's phone on every page, and the board's open questions in the preview.

- Jinja filters `phone_href` ("tel:+49…") and `phone_display` (as written on German pages,
  "+49 …" on the others), so templates show ASSOCIATION["phone"] without repeating it.
- The development build writes the list of open questions (lib/bfb_questions, the same
  list `invoke fragen` prints) to /entwuerfe/offene-fragen/, on the German site only.
  The production build has no drafts (DRAFT_SAVE_AS is empty) and so never writes it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from bfb_languages import current
from bfb_questions.phone import display, phone_value, tel_href
from bfb_questions.questions import open_questions
from pelican import signals
from pelican.generators import Generator

SLUG = "offene-fragen"
TEMPLATE = "open_questions"


def phone_href(phone) -> str:
    number = phone_value(phone)
    return tel_href(number) if number else ""


def phone_display(phone, lang: str) -> str:
    number = phone_value(phone)
    return display(number, lang) if number else ""


def add_filters(generator) -> None:
    # The page's written language, not the variant's key: Einfache Sprache is German ("de").
    lang = current(generator.settings).html_lang
    generator.env.filters.update(phone_href=phone_href, phone_display=partial(phone_display, lang=lang))


def save_as(settings: dict) -> str:
    """Where the list goes in this build: beside the drafts; "" when there are none (production)."""
    pattern = settings.get("DRAFT_SAVE_AS") or ""
    if not pattern or not current(settings).main:
        return ""
    return pattern.format(slug=SLUG)


class OpenQuestionsGenerator(Generator):
    """Writes /entwuerfe/offene-fragen/ in development builds of the German site."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        target = save_as(self.settings)
        if not target:
            return
        questions = open_questions(self.settings, Path(self.path))
        writer.write_file(
            target,
            self.get_template(TEMPLATE),
            self.context,
            open_questions=questions,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=target.removesuffix("index.html"),
            output_file=target,
        )


def get_generators(pelican):
    return OpenQuestionsGenerator


def register() -> None:
    signals.generator_init.connect(add_filters)
    signals.get_generators.connect(get_generators)
