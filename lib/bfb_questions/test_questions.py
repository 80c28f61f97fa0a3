"""The open questions: one table, open while the gap is there, gone once the answer is in."""

from __future__ import annotations

import copy
import shutil

import markdown
import pytest

import pelicanconf
from bfb_questions.questions import BY_KEY, QUESTIONS, as_text, open_questions
from sitetools.build import CONTENT

# The six questions the association's old site left open (numbered below) and the hoster
# for the Datenschutz page.
SIX_QUESTIONS_AND_HOSTER = {
    "street",
    "postcode_city",
    "office_hours",  # 1. address, office hours
    "email",
    "phone_confirmed",  # 2. e-mail; is the 2020 phone still valid?
    "register_court",
    "register_number",
    "representatives",  # 3. register; who represents
    "content_responsible",  # 4. responsible for the content
    "mitgliedsbeitrag",
    "beitrittserklaerung",
    "satzung",  # 5. fee, form, statutes
    "buergerbus_heute",  # 6. does the Bürgerbus run again?
    "hoster",
}


@pytest.fixture
def content(tmp_path):
    copy_ = tmp_path / "content"
    shutil.copytree(CONTENT, copy_)
    return copy_


def settings(**association) -> dict:
    values = {name: getattr(pelicanconf, name) for name in dir(pelicanconf) if name.isupper()}
    values["ASSOCIATION"] = copy.deepcopy(pelicanconf.ASSOCIATION) | association
    return values


def keys(questions) -> set[str]:
    return {question.key for question in questions}


def test_the_list_holds_the_six_questions_of_the_association_and_the_hoster(content):
    questions = open_questions(settings(), content)
    assert keys(questions) >= SIX_QUESTIONS_AND_HOSTER
    for question in questions:
        assert question.question and question.answer_goes


def test_every_question_says_where_the_answer_goes_and_where_it_shows(content):
    by_key = {question.key: question for question in open_questions(settings(), content)}
    assert by_key["email"].answer_goes == 'pelicanconf.py, ASSOCIATION["email"]'
    assert "/impressum/" in by_key["email"].pages and "/kontakt/" in by_key["email"].pages
    assert "content/seiten/mitglied-werden.md" in by_key["satzung"].answer_goes
    assert (
        "/mitglied-werden/" in by_key["satzung"].pages and "/en/mitglied-werden/" in by_key["satzung"].pages
    )
    assert "content/seiten/datenschutz.md" in by_key["hoster"].answer_goes


def test_a_filled_association_field_leaves_the_list(content):
    assert "email" in keys(open_questions(settings(), content))
    assert "email" not in keys(open_questions(settings(email="post@verein.invalid"), content))


def test_a_confirmed_phone_leaves_the_list(content):
    phone = copy.deepcopy(pelicanconf.ASSOCIATION["phone"]) | {"confirmed": "2026-12"}
    assert "phone_confirmed" not in keys(open_questions(settings(phone=phone), content))


def test_an_answer_written_into_the_text_leaves_the_list(content):
    for name in ("mitglied-werden.md", "mitglied-werden.en.md"):
        page = content / "seiten" / name
        page.write_text(page.read_text(encoding="utf-8").replace("{offen:satzung}", "PDF"), encoding="utf-8")
    assert "satzung" not in keys(open_questions(settings(), content))
    assert "mitgliedsbeitrag" in keys(open_questions(settings(), content))


def test_a_hidden_marker_counts_until_its_line_is_deleted(content):
    page = content / "seiten" / "buergerbus.md"
    assert "buergerbus_heute" in keys(open_questions(settings(), content))
    text = page.read_text(encoding="utf-8")
    page.write_text("\n".join(line for line in text.splitlines() if "offen:" not in line), encoding="utf-8")
    assert "buergerbus_heute" not in keys(open_questions(settings(), content))


def test_every_note_in_the_data_files_is_a_question_with_file_and_line(content):
    data = content / "data" / "buergerbus.yaml"
    notes = [question for question in open_questions(settings(), content) if question.key.startswith("note:")]
    assert any("sechste Linie" in question.question for question in notes)
    text = data.read_text(encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if "note: Welche Orte" in row)
    assert any(
        question.answer_goes.startswith(f"content/data/buergerbus.yaml, Zeile {line},") for question in notes
    )
    data.write_text(text.replace("    note: Welche Orte fuhr die Linie an? Keine Quelle nennt sie.\n", ""))
    after = [question for question in open_questions(settings(), content) if question.key.startswith("note:")]
    assert len(after) == len(notes) - 1


def test_an_unknown_marker_is_listed_so_it_gets_a_question(content):
    page = content / "seiten" / "kontakt.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nBürozeiten: {offen:buerozeiten_neu}\n", encoding="utf-8"
    )
    unknown = [q for q in open_questions(settings(), content) if q.key == "buerozeiten_neu"]
    assert unknown and "content/seiten/kontakt.md" in unknown[0].answer_goes


def test_the_printed_list_numbers_each_question_with_its_place():
    text = as_text(open_questions(settings(), CONTENT))
    assert text.startswith(f"{len(open_questions(settings(), CONTENT))} offene Fragen")
    assert "1. " in text and "Antwort eintragen: " in text and "Erscheint auf: " in text
    assert as_text([]) == "Keine offenen Fragen."


def test_question_keys_are_unique_and_every_marker_in_the_texts_is_known():
    assert len(BY_KEY) == len(QUESTIONS)
    assert not [q for q in open_questions(settings(), CONTENT) if q.question.startswith("Unbekannte Lücke")]


@pytest.mark.parametrize(
    ("lang", "number", "gap"),
    [("de", "06592 9263198", "bitte rufen Sie uns an"), ("en", "+49 6592 9263198", "please call us")],
)
def test_markers_become_a_phone_link_and_a_marked_gap(lang, number, gap):
    converter = markdown.Markdown(
        extensions=["bfb_questions"],
        extension_configs={
            "bfb_questions": pelicanconf.question_markers(lang)
            | {"phone": {"value": "06592 9263198", "as_of": "2020"}}
        },
    )
    html = converter.convert("Rufen Sie an: {telefon}. Beitrag: {offen:mitgliedsbeitrag}")
    assert f'<a class="phone" href="tel:+4965929263198">{number}</a>' in html
    assert '<span class="gap">' in html and gap in html
    assert "{" not in html
