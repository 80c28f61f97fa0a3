"""The catalogue tools behind `invoke translations`."""

from babel.messages.catalog import Catalog

from sitetools.translations import extract_template, missing_translations, render_po, write_if_changed


def test_extraction_finds_theme_texts_with_their_templates():
    template = extract_template()
    message = template.get("Zum Inhalt springen")
    assert message is not None
    assert ("theme/templates/base.html", message.locations[0][1]) in message.locations


def test_missing_translations_counts_empty_and_fuzzy_entries():
    template = Catalog()
    for msgid in ("Kontakt", "Orte", "Start", "Neu"):
        template.add(msgid)
    catalogue = Catalog(locale="en")
    catalogue.add("Kontakt", "Contact")
    catalogue.add("Orte", "")
    catalogue.add("Start", "Home", flags=["fuzzy"])
    assert missing_translations(catalogue, template) == ["Orte", "Start", "Neu"]


def test_rewriting_an_unchanged_catalogue_keeps_the_file(tmp_path):
    """Only the creation dates would differ: no churn in git for an unchanged catalogue."""
    catalogue = Catalog(locale="en")
    catalogue.add("Kontakt", "Contact")
    path = tmp_path / "messages.po"
    assert write_if_changed(path, render_po(catalogue))
    before = path.read_bytes()
    later = Catalog(locale="en", creation_date=catalogue.creation_date.replace(year=2030))
    later.add("Kontakt", "Contact")
    assert not write_if_changed(path, render_po(later))
    assert path.read_bytes() == before
    later.add("Orte", "Places")
    assert write_if_changed(path, render_po(later))
