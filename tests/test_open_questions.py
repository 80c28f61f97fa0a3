"""The board's open questions: `invoke fragen` and /entwuerfe/offene-fragen/ (development only)."""

from __future__ import annotations

import subprocess
import sys

from bfb_questions.questions import open_questions

import pelicanconf
from sitetools.build import CONTENT, ROOT

QUESTIONS_PAGE = "/entwuerfe/offene-fragen/"


def current_questions():
    settings = {name: getattr(pelicanconf, name) for name in dir(pelicanconf) if name.isupper()}
    return open_questions(settings, CONTENT)


def test_invoke_fragen_prints_every_open_question_with_its_place():
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "fragen"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    questions = current_questions()
    assert result.stdout.startswith(f"{len(questions)} offene Fragen")
    for question in questions:
        assert question.question in result.stdout
        assert question.answer_goes in result.stdout


def test_the_development_build_lists_the_same_questions(dev_site):
    page = dev_site.page(QUESTIONS_PAGE)
    items = page.select(".open-questions__list > li")
    questions = current_questions()
    assert len(items) == len(questions)
    for item, question in zip(items, questions, strict=True):
        assert question.question in item.get_text()
    assert page.select_one("main[data-pagefind-body]") is None  # never in the search index


def test_the_production_build_never_has_the_list(production_site):
    assert not production_site.exists(QUESTIONS_PAGE)
    assert not list(production_site.root.rglob("offene-fragen"))
