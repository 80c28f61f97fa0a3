"""The association's phone on every page, and the board's open questions in the preview.

- Jinja filters `phone_href` ("tel:+49…") and `phone_display` (as written at home on the
  pages in the main site's locale, "+49 …" on the others), so templates show
  ASSOCIATION["phone"] without repeating it.
- The development build writes the list of open questions (lib/bfb_questions, the same
  list `invoke fragen` prints) to /entwuerfe/offene-fragen/, on the German site only.
  The production build has no drafts (DRAFT_SAVE_AS is empty) and so never writes it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from bfb_languages import current, writes_like_main
from bfb_questions.phone import display, phone_value, tel_href
from bfb_questions.questions import open_questions
from pelican import signals
from pelican.generators import Generator

SLUG = "offene-fragen"
TEMPLATE = "open_questions"


def phone_href(phone) -> str:
    number = phone_value(phone)
    return tel_href(number) if number else ""


def phone_display(phone, international_form: bool) -> str:
    number = phone_value(phone)
    return display(number, international_form) if number else ""


def add_filters(generator) -> None:
    # By the variant's locale, not its key: Einfache Sprache is German and shows the home form.
    international_form = not writes_like_main(generator.settings, generator.settings["DEFAULT_LANG"])
    generator.env.filters.update(
        phone_href=phone_href, phone_display=partial(phone_display, international_form=international_form)
    )


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
