import pytest

from bfb_errors import Problem, format_problems, stop_build


def test_problem_names_file_line_subject_and_fix():
    text = Problem(
        "content/data/orte.yaml",
        12,
        "Unbekannter Status „fertig“.",
        "Einen der Werte aus der Liste oben in der Datei eintragen.",
        detail="status not in STAGES",
        subject="Gillenfeld, Feld „status“",
    ).render()
    assert text.startswith("content/data/orte.yaml:12: Unbekannter Status")
    assert "Betrifft: Gillenfeld" in text
    assert "So beheben: Einen der Werte" in text
    assert "(technical: status not in STAGES)" in text


def test_all_problems_reported_sorted_by_file_and_line():
    problems = [
        Problem("b.md", 3, "B", "fix b"),
        Problem("a.md", 9, "A", "fix a"),
        Problem("a.md", 2, "C", "c"),
    ]
    text = format_problems(problems)
    assert "3 Probleme gefunden" in text
    assert text.index("a.md:2") < text.index("a.md:9") < text.index("b.md:3")


def test_stop_build_exits_without_traceback(capsys):
    with pytest.raises(SystemExit) as stopped:
        stop_build([Problem("x.md", None, "Kaputt.", "Reparieren.")])
    assert stopped.value.code == 1
    assert "x.md: Kaputt." in capsys.readouterr().err


def test_stop_build_writes_the_problems_for_the_preview_when_asked(tmp_path, monkeypatch, capsys):
    from bfb_errors import REPORT_VARIABLE, read_report

    report = tmp_path / "problems.json"
    assert read_report(report) == []  # nothing written: no problems to show
    monkeypatch.setenv(REPORT_VARIABLE, str(report))
    problem = Problem(tmp_path / "x.md", 4, "Kaputt.", "Reparieren.", "broken", "Feld „Title“")
    with pytest.raises(SystemExit):
        stop_build([problem])
    (read,) = read_report(report)
    assert (read.line, read.message, read.fix, read.detail, read.subject) == (
        4,
        "Kaputt.",
        "Reparieren.",
        "broken",
        "Feld „Title“",
    )
    assert read.location_file() == problem.location_file()
