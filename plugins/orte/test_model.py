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
