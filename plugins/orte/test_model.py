from orte.conftest import LANGUAGES, site_terms
from orte.model import FIRST_STAGE, STAGES, VOCABULARIES, german_sort_key
from orte.terms import place_languages


def test_german_order_sorts_umlauts_with_their_vowel():
    names = ["Udler", "Üdersdorf", "Ulmen", "Sarmersbach", "Schönbach", "Saxler", "Steineberg", "Straße"]
    assert sorted(names, key=german_sort_key) == [
        "Sarmersbach",
        "Saxler",
        "Schönbach",
        "Steineberg",
        "Straße",
        "Üdersdorf",
        "Udler",
        "Ulmen",
    ]


def test_case_is_ignored():
    assert sorted(["dorf", "Dach"], key=german_sort_key) == ["Dach", "dorf"]


def test_every_vocabulary_has_a_label_in_every_language_with_place_pages():
    assert FIRST_STAGE == "noch-nicht-begonnen"
    assert list(STAGES)[-1] == "sorgende-gemeinschaft"
    terms = site_terms()
    assert terms.label("stages", "auf-dem-weg", "en") == "on the way"
    assert terms.label("measure_types", "spielgruppe", "de") == "generationenübergreifende Spielgruppe"
    shown = place_languages(LANGUAGES)
    assert set(shown) == {"de", "en"}  # plain German ("einfach") has no place pages
    for name, keys in VOCABULARIES.items():
        assert list(terms[name]) == list(keys), name
        assert all(terms.label(name, key, lang) for key in keys for lang in shown)


def test_editor_notes_list_every_note_with_its_line_and_subject_in_file_order():
    from pathlib import Path

    from bfb_yaml.loader import load_located_yaml

    from orte.model import editor_notes
    from orte.validation import validate_places

    path = Path(__file__).parent / "fixtures" / "orte.yaml"
    records, _ = validate_places(load_located_yaml(path)[0], path, LANGUAGES)
    notes = editor_notes(records)
    assert [(note.subject, note.line) for note in notes] == [
        ("Überdorf: Bücherzelle am Dorfplatz", 107),
        ("Udenheim", 118),
    ]
    assert notes[1].text == "Den genauen Tag der Wahl nennen die Quellen nicht."
