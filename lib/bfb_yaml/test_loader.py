from pathlib import Path

from bfb_yaml.loader import LocatedList, LocatedMap, load_located_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "orte.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_maps_and_lists_remember_their_lines(tmp_path):
    text = "# Kommentar\n- name: A\n  kind: Stadt\n\n- name: B\n"
    data, problems = load_located_yaml(write(tmp_path, text))
    assert problems == []
    assert isinstance(data, LocatedList)
    assert data.item_lines == [2, 5]
    first = data[0]
    assert isinstance(first, LocatedMap)
    assert first.line == 2
    assert first.line_of("kind") == 3
    assert first.line_of("missing") == 2  # falls back to the mapping's own line


def test_dates_stay_dates(tmp_path):
    data, _ = load_located_yaml(write(tmp_path, "- population_date: 2021-12-31\n"))
    assert data[0]["population_date"].isoformat() == "2021-12-31"


def test_duplicate_keys_are_recorded_not_silently_overwritten(tmp_path):
    data, _ = load_located_yaml(write(tmp_path, "- name: A\n  status: x\n  status: y\n"))
    assert data[0].duplicate_keys == [("status", 3)]


def test_syntax_error_names_the_line(tmp_path):
    data, problems = load_located_yaml(write(tmp_path, "- name: A\n  kind: Stadt\n kind: [\n"))
    assert data is None
    [problem] = problems
    assert (problem.code, problem.line) == ("yaml-syntax", 3)


def test_missing_file_is_a_problem_not_a_traceback(tmp_path):
    data, [problem] = load_located_yaml(tmp_path / "fehlt.yaml")
    assert data is None
    assert problem.code == "data-file-missing"


def test_unsafe_tags_are_refused(tmp_path):
    _, [problem] = load_located_yaml(write(tmp_path, "- !!python/object/apply:os.system ['true']\n"))
    assert (problem.code, problem.line) == ("yaml-syntax", 1)


def test_the_fast_parser_reads_the_real_file_exactly_like_the_python_one():
    import yaml

    from bfb_yaml.loader import FastLineLoader, LineLoader

    data_file = Path(__file__).resolve().parents[2] / "content" / "data" / "orte.yaml"
    text = data_file.read_text(encoding="utf-8")
    fast, python = yaml.load(text, Loader=FastLineLoader), yaml.load(text, Loader=LineLoader)
    assert fast == python
    assert len(fast) == 46
    assert [place.key_lines for place in fast] == [place.key_lines for place in python]
    assert fast.item_lines == python.item_lines


def test_a_tab_is_named_in_the_message(tmp_path):
    """Broken files are read again by the Python parser, whose message names the character."""
    _, [problem] = load_located_yaml(write(tmp_path, "orte:\n\t- slug: a\n"))
    assert problem.line == 2
    assert "'\\t'" in problem.detail


def test_an_impossible_date_stays_text_for_validation_to_report(tmp_path):
    data, problems = load_located_yaml(write(tmp_path, "- population_date: 2021-02-30\n"))
    assert problems == []
    assert data[0]["population_date"] == "2021-02-30"


def test_an_empty_file_is_named_as_the_cause(tmp_path):
    for text in ("", "\n\n", "# nur Kommentare\n# und noch einer\n"):
        data, [problem] = load_located_yaml(write(tmp_path, text))
        assert data is None
        assert problem.code == "data-file-empty"


def test_anchors_and_aliases_are_refused_with_their_line(tmp_path):
    text = "- name: &ort Altstadt\n  slug: altstadt\n- name: *ort\n"
    data, problems = load_located_yaml(write(tmp_path, text))
    assert data is None
    assert [(problem.code, problem.line) for problem in problems] == [
        ("yaml-anchor-or-alias", 1),
        ("yaml-anchor-or-alias", 3),
    ]
    assert ["„&ort“" in problems[0].message, "„*ort“" in problems[1].message] == [True, True]


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    """Nine levels of nine aliases each would be 387 million strings once turned into text."""
    levels = ['a0: &a0 ["lol"]'] + [
        f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]" for level in range(1, 10)
    ]
    text = "- name: Altstadt\n  bomb:\n" + "".join(f"    {line}\n" for line in levels) + "  title: *a9\n"
    data, problems = load_located_yaml(write(tmp_path, text))
    assert data is None
    # One message for each line with an anchor or alias.
    assert [problem.line for problem in problems] == list(range(3, 14))


def test_an_ampersand_or_star_inside_text_is_no_alias(tmp_path):
    text = '- name: "Jung & Alt"\n  title: Sterne * und &\n  url: https://a.example/?a=1&b=2\n'
    data, problems = load_located_yaml(write(tmp_path, text))
    assert problems == []
    assert data[0]["name"] == "Jung & Alt"


def test_a_file_saved_as_latin_1_is_named_as_such(tmp_path):
    path = tmp_path / "orte.yaml"
    path.write_bytes("- name: Üdersdorf\n".encode("latin-1"))
    data, [problem] = load_located_yaml(path)
    assert data is None
    assert problem.code == "data-file-not-utf8"
