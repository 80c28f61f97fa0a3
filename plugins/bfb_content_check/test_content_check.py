"""The content check on small content folders written by each test."""

from __future__ import annotations

from pathlib import Path

import pytest
from bfb_contents.front_matter import parse_front_matter

from bfb_content_check import check_content
from pelicanconf import SITE_LANGUAGES

SETTINGS = {
    "ARTICLE_PATHS": ["aktuelles"],
    "PAGE_PATHS": ["seiten"],
    "IGNORE_FILES": ["**/.*", "data"],
    "SITE_LANGUAGES": SITE_LANGUAGES,
    "CONTENT_EXTRA_METADATA": ["German_only"],  # as in pelicanconf.py
}
GOOD_NEWS = """Title: Der Bürgerbus fährt
Date: 2017-01-09
Slug: buergerbus-startet
Lang: de
Summary: Seit dem 9. Januar 2017 fährt der Bürgerbus nach Fahrplan.

Text.
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_for(root: Path, relative: str, text: str, settings: dict | None = None):
    write(root, relative, text)
    return check_content(root, {**SETTINGS, **(settings or {})})


def only(problems):
    assert len(problems) == 1, [p.render() for p in problems]
    return problems[0]


def test_good_news_item_passes(tmp_path):
    assert problems_for(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", GOOD_NEWS) == []


def test_header_parser_keeps_line_numbers_and_continuation_lines():
    front = parse_front_matter("Title: A\nSummary: one\n    two\n\nBody\n")
    assert front.value("summary") == "one two"
    assert front.line("summary") == 2
    assert front.body_start == 5
    assert front.body == ["Body"]


def test_news_without_date_names_the_field_and_the_fix(tmp_path):
    text = GOOD_NEWS.replace("Date: 2017-01-09\n", "")
    found = only(problems_for(tmp_path, "aktuelles/ohne-datum.md", text))
    assert Path(found.file).name == "ohne-datum.md"
    assert (found.code, found.line) == ("date-missing", None)


@pytest.mark.parametrize("value", ["22.06.2022", "2022-6-22", "gestern"])
def test_unparsable_date_is_reported_at_its_line(tmp_path, value):
    found = only(problems_for(tmp_path, "aktuelles/x.md", GOOD_NEWS.replace("2017-01-09", value)))
    assert (found.code, found.line) == ("date-format", 2)


def test_impossible_date_is_reported(tmp_path):
    found = only(problems_for(tmp_path, "aktuelles/x.md", GOOD_NEWS.replace("2017-01-09", "2022-02-30")))
    assert (found.code, found.line) == ("date-impossible", 2)


def test_date_with_time_is_accepted(tmp_path):
    assert problems_for(tmp_path, "aktuelles/x.md", GOOD_NEWS.replace("2017-01-09", "2017-01-09 18:30")) == []


def test_typo_in_field_name_gets_a_suggestion(tmp_path):
    text = GOOD_NEWS.replace("Date: 2017-01-09", "Datum: 2017-01-09")
    problems = problems_for(tmp_path, "aktuelles/x.md", text)
    (unknown,) = problems  # one problem, one message: no "date-missing" besides
    assert (unknown.code, unknown.line) == ("field-unknown", 2)
    assert "„Date:“" in unknown.fix  # the suggested field


def test_english_typo_gets_a_suggestion(tmp_path):
    text = GOOD_NEWS.replace("Summary:", "Sumary:")
    problems = problems_for(tmp_path, "aktuelles/x.md", text)
    found = next(p for p in problems if p.code == "field-unknown")
    assert "„Summary:“" in found.fix  # the suggested field


def test_line_without_colon_ends_the_header_and_is_reported(tmp_path):
    text = GOOD_NEWS.replace("Lang: de", "Lang de")
    problems = problems_for(tmp_path, "aktuelles/x.md", text)
    assert ("header-stray-line", 4) in [(p.code, p.line) for p in problems]


def test_unknown_language_and_mismatch_with_file_name(tmp_path):
    found = only(problems_for(tmp_path, "aktuelles/x.md", GOOD_NEWS.replace("Lang: de", "Lang: fr")))
    assert (found.code, found.line) == ("lang-unknown", 4)
    found = only(problems_for(tmp_path, "aktuelles/x.md", GOOD_NEWS.replace("Lang: de", "Lang: en")))
    assert (found.code, found.line) == ("lang-not-file-name", 4)
    assert "x.en.md" in found.fix  # the name the file should have


def test_unknown_category_and_status(tmp_path):
    text = GOOD_NEWS.replace("Lang: de", "Lang: de\nCategory: Sport\nStatus: fertig")
    problems = problems_for(tmp_path, "aktuelles/x.md", text, {"CONTENT_CATEGORIES": ["Aktuelles"]})
    assert sorted((p.code, p.line) for p in problems) == [("category-unknown", 5), ("status-unknown", 6)]


@pytest.mark.parametrize(("summary", "code"), [("Kurz.", "summary-short"), ("Lang. " * 60, "summary-long")])
def test_summary_length_bounds(tmp_path, summary, code):
    text = GOOD_NEWS.replace("Seit dem 9. Januar 2017 fährt der Bürgerbus nach Fahrplan.", summary)
    found = only(problems_for(tmp_path, "aktuelles/x.md", text))
    assert (found.code, found.line) == (code, 5)


def test_slug_must_be_a_clean_address(tmp_path):
    found = only(
        problems_for(tmp_path, "aktuelles/x.md", GOOD_NEWS.replace("buergerbus-startet", "Bürgerbus"))
    )
    assert (found.code, found.line) == ("slug-form", 3)
    assert "Slug: buergerbus" in found.fix  # the proper slug


def test_page_needs_title_slug_lang_but_no_date(tmp_path):
    assert (
        problems_for(tmp_path, "seiten/kontakt.md", "Title: Kontakt\nSlug: kontakt\nLang: de\n\nText\n") == []
    )
    found = only(problems_for(tmp_path, "seiten/kontakt.md", "Title: Kontakt\nLang: de\n\nText\n"))
    assert found.code == "slug-missing"


def test_image_without_alt_text_is_an_error(tmp_path):
    write(tmp_path, "bilder/foto.jpg", "not really a photo")
    text = (
        GOOD_NEWS
        + '\n![]({static}/bilder/foto.jpg)\n\n<img src="x.png">\n\n![Ein Bus]({static}/bilder/foto.jpg)\n'
    )
    problems = problems_for(tmp_path, "aktuelles/x.md", text)
    missing = [p for p in problems if p.code == "image-alt-missing"]
    assert [p.line for p in missing] == [9, 11]


def test_html_images_are_read_as_a_browser_reads_them(tmp_path):
    text = GOOD_NEWS + (
        '\n<img alt=Bus src="x.png">\n'  # line 9: an unquoted alt text is one
        '<img data-alt="Bus" src="x.png">\n'  # 10: data-alt is no alt text
        '<img alt="Bus > Bahn" src="x.png">\n'  # 11: ">" inside the value does not end the tag
        '<IMG SRC="x.png"\n  ALT="">\n'  # 12: over two lines, reported where it starts
        '<img alt="&#32;" src="x.png">\n'  # 14: only a space
        '`<script>"<img src=x.png>"</script>`\n'  # 15: no tag inside a script
    )
    problems = problems_for(tmp_path, "aktuelles/x.md", text)
    assert [p.line for p in problems if p.code == "image-alt-missing"] == [10, 12, 14]


def test_links_to_content_must_resolve(tmp_path):
    write(tmp_path, "seiten/kontakt.md", "Title: Kontakt\nSlug: kontakt\nLang: de\n\nText\n")
    text = (
        GOOD_NEWS
        + "\n[Kontakt]({filename}/seiten/kontakt.md) und [alt]({filename}../seiten/kontakt.md#mail)\n"
        + "[Weg]({filename}/seiten/kontkt.md)\n"
    )
    found = only(problems_for(tmp_path, "aktuelles/x.md", text))
    assert (found.code, found.line) == ("link-target-missing", 10)
    assert "kontkt.md" in found.message  # the link as written


def test_translation_pair_must_share_the_slug_and_have_an_original(tmp_path):
    write(tmp_path, "aktuelles/2017-01-09-bus.md", GOOD_NEWS)
    english = GOOD_NEWS.replace("Lang: de", "Lang: en")
    problems = problems_for(
        tmp_path, "aktuelles/2017-01-09-bus.en.md", english.replace("buergerbus-startet", "bus")
    )
    assert only(problems).code == "translation-slug-differs"
    (tmp_path / "aktuelles/2017-01-09-bus.en.md").unlink()
    found = only(problems_for(tmp_path, "aktuelles/2017-01-09-bs.en.md", english))
    assert found.code == "translation-without-original"


def test_same_slug_twice_in_one_language(tmp_path):
    write(tmp_path, "aktuelles/a.md", GOOD_NEWS)
    found = only(problems_for(tmp_path, "aktuelles/b.md", GOOD_NEWS))
    assert (found.code, found.line) == ("slug-duplicate", 3)


def test_all_problems_of_all_files_at_once(tmp_path):
    write(tmp_path, "aktuelles/a.md", GOOD_NEWS.replace("Date: 2017-01-09\n", ""))
    problems = problems_for(tmp_path, "seiten/b.md", "Title: B\nSlug: b\nLang: fr\n\nText\n")
    assert {Path(p.file).name for p in problems} == {"a.md", "b.md"}


# --- drafts -----------------------------------------------------------------------------------


def test_drafts_can_be_left_out_as_the_production_build_leaves_them_out(tmp_path):
    write(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", GOOD_NEWS)
    write(
        tmp_path,
        "aktuelles/2024-05-17-entwurf.md",
        "Title: Entwurf\nSlug: entwurf\nLang: de\nStatus: draft\n\nText\n",
    )
    assert check_content(tmp_path, SETTINGS)  # Summary missing
    assert check_content(tmp_path, SETTINGS, include_drafts=False) == []


def test_a_draft_taking_a_published_slug_is_told_but_not_stopped(tmp_path):
    from bfb_content_check.content_check import blocks_the_build

    write(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", GOOD_NEWS)
    draft = GOOD_NEWS.replace("Lang: de", "Lang: de\nStatus: draft\nGerman_only: ja")
    found = only(
        problems_for(tmp_path, "aktuelles/0000-entwurf.md", draft)
    )  # sorts first, still the one told
    assert Path(found.file).name == "0000-entwurf.md"
    assert not blocks_the_build(found)  # its own address (/entwuerfe/…) until it is published
    write(tmp_path, "aktuelles/0001-entwurf.md", draft)
    second = [p for p in check_content(tmp_path, SETTINGS) if Path(p.file).name == "0001-entwurf.md"]
    assert [blocks_the_build(p) for p in second] == [True]  # two drafts would share /entwuerfe/…


def test_problems_pelican_cannot_read_block_a_draft_too(tmp_path):
    from bfb_content_check.content_check import blocks_the_build

    draft = GOOD_NEWS.replace("Lang: de", "Lang: de\nStatus: draft").replace(
        "Summary: Seit", "Summary: Kurz\nX: Seit"
    )
    found = problems_for(tmp_path, "aktuelles/2017-01-09-entwurf.md", draft.replace("2017-01-09", "9.1.2017"))
    by_blocking = {blocks_the_build(p): p.message for p in found}
    assert "nicht im Format Jahr-Monat-Tag" in by_blocking[True]
    assert False in by_blocking  # the unknown field "X:" only goes into the to-do box


def test_a_published_text_may_not_link_a_draft_the_production_build_leaves_out(tmp_path):
    write(
        tmp_path,
        "seiten/plan.md",
        "Title: Plan\nSlug: plan\nLang: de\nStatus: draft\nGerman_only: ja\n\nText\n",
    )
    text = GOOD_NEWS + "\nSiehe [Plan]({filename}/seiten/plan.md).\n"
    write(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", text)
    production = {**SETTINGS, "DRAFT_SAVE_AS": ""}
    found = only(check_content(tmp_path, production, include_drafts=False))
    assert (found.code, found.line) == ("link-to-unpublished", 9)
    assert check_content(tmp_path, SETTINGS) == []  # the preview writes the draft: the link works there


def test_yes_no_fields_are_booleans_for_the_templates_and_checked(tmp_path):
    from types import SimpleNamespace

    from bfb_content_check.content_check import read_yes_no_fields

    for written, meaning in (("nein", False), ("ja", True), ("No", False)):
        content = SimpleNamespace(metadata={"compiled_later": written})
        read_yes_no_fields(content)
        assert content.metadata["compiled_later"] is meaning and content.compiled_later is meaning
    text = GOOD_NEWS.replace("Lang: de", "Lang: de\nCompiled_later: vielleicht")
    found = only(
        problems_for(tmp_path, "aktuelles/x.md", text, {"CONTENT_EXTRA_METADATA": ["Compiled_later"]})
    )
    assert (found.code, found.line) == ("yes-no-unknown", 5)


# --- drafts: what `invoke new` left, and the English version (issue 20) ---------------------------


def test_the_placeholder_text_of_invoke_new_is_a_problem_with_its_line(tmp_path):
    from bfb_contents import NEW_TEXT_PLACEHOLDERS

    text = GOOD_NEWS + "\n" + NEW_TEXT_PLACEHOLDERS[0] + "\n"
    found = only(problems_for(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", text))
    assert found.code == "body-placeholder"
    assert found.line == text.splitlines().index(NEW_TEXT_PLACEHOLDERS[0]) + 1


def test_the_placeholder_text_inside_an_editors_note_is_no_problem(tmp_path):
    from bfb_contents import NEW_TEXT_PLACEHOLDERS

    text = GOOD_NEWS + f"\n<!-- {NEW_TEXT_PLACEHOLDERS[1]} -->\n"
    assert problems_for(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", text) == []


def test_a_german_draft_without_english_version_gets_a_todo_unless_german_only(tmp_path):
    draft = GOOD_NEWS.replace("Lang: de", "Lang: de\nStatus: draft")
    found = only(problems_for(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", draft))
    assert found.code == "draft-translation-missing"
    assert "2017-01-09-buergerbus-startet.en.md" in found.message
    assert problems_for(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", draft + "") != []
    german_only = draft.replace("Status: draft", "Status: draft\nGerman_only: ja")
    assert problems_for(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", german_only) == []


def test_a_published_text_without_english_version_is_left_to_the_translation_check(tmp_path):
    assert problems_for(tmp_path, "aktuelles/2017-01-09-buergerbus-startet.md", GOOD_NEWS) == []


def test_the_quick_search_finds_every_control_character():
    """A header line without a match is not looked at further: the search may miss none."""
    from bfb_content_check.content_check import MAYBE_CONTROL_CHARACTER, is_control_character

    missed = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if is_control_character(chr(code)) and not MAYBE_CONTROL_CHARACTER.search(chr(code))
    ]
    assert missed == []
    assert not MAYBE_CONTROL_CHARACTER.search("Title: Straßenfest in Üdersdorf\t– „Café“")
