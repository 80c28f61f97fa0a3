from orte.model import FIRST_STAGE, MEASURE_TYPES, STAGES, german_sort_key


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


def test_vocabularies_have_both_languages():
    assert FIRST_STAGE == "noch-nicht-begonnen"
    assert list(STAGES)[-1] == "sorgende-gemeinschaft"
    assert STAGES["auf-dem-weg"].label("en") == "on the way"
    assert MEASURE_TYPES["spielgruppe"].label("de") == "generationenübergreifende Spielgruppe"
    assert all(term.de and term.en for vocabulary in (STAGES, MEASURE_TYPES) for term in vocabulary.values())


def test_editor_notes_list_every_note_with_its_line_and_subject_in_file_order():
    from pathlib import Path

    from bfb_yaml.loader import load_located_yaml

    from orte.model import editor_notes
    from orte.validation import validate_places

    path = Path(__file__).parent / "fixtures" / "orte.yaml"
    records, _ = validate_places(load_located_yaml(path)[0], path)
    notes = editor_notes(records)
    assert [(note.subject, note.line) for note in notes] == [
        ("Überdorf: Bücherzelle am Dorfplatz", 103),
        ("Udenheim", 113),
    ]
    assert notes[1].text == "Den genauen Tag der Wahl nennen die Quellen nicht."
