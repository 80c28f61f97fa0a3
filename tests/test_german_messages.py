"""German messages instead of tracebacks (issue 24, item 7), each with what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitetools.build import BuildFailed, build_into
from tests import test_bad_input
from tests.conftest import build_site
from tests.test_bad_input import refused

good_output = test_bad_input.good_output
previous_output = test_bad_input.previous_output


@pytest.mark.parametrize("value", ["[" * 3000 + "]" * 3000, "9" * 5000], ids=["deep-nesting", "huge-number"])
def test_places_file_beyond_the_readers_limits_stops_with_a_german_message(
    value, content_copy, previous_output, capsys
):
    places = content_copy / "data/orte.yaml"
    places.write_text(places.read_text(encoding="utf-8") + f"\n- name: {value}\n", encoding="utf-8")
    errors = refused(content_copy, previous_output, capsys)
    assert "content/data/orte.yaml: Die Datei kann nicht gelesen werden" in errors
    assert "yaml-beyond-limits" in errors


@pytest.mark.parametrize("phone", [6592926, True])
def test_a_number_or_yes_no_in_association_is_shown_and_reported_not_a_traceback(
    phone, content_copy, tmp_path
):
    from sitetools.legal import ASSOCIATION_VALUE_TYPE, legal_problems

    association = {"name": "Bürger für Bürger e.V.", "phone": phone, "office_hours": ["Mo", 3]}
    site = build_site("pelicanconf.py", tmp_path / "site", {"ASSOCIATION": json.dumps(association)})
    assert str(phone) in site.page("/kontakt/").find("main").get_text()
    problems = [problem.detail for problem in legal_problems(association)]
    assert f"{ASSOCIATION_VALUE_TYPE}: phone is {type(phone).__name__}" in problems
    assert f"{ASSOCIATION_VALUE_TYPE}: office_hours is list" in problems
    assert [problem.detail for problem in legal_problems(7)] == [
        f"{ASSOCIATION_VALUE_TYPE}: ASSOCIATION is int"
    ]


@pytest.mark.parametrize("name", ["zeilen\numbruch.jpg", "tab\tfoto.jpg"])
def test_a_control_character_in_a_photos_name_stops_the_build(name, content_copy, previous_output, capsys):
    from tests.test_bad_input import photo_with_gps

    (content_copy / "bilder").mkdir(exist_ok=True)
    photo_with_gps(content_copy / "bilder" / name)
    errors = refused(content_copy, previous_output, capsys)
    assert "output-name-control-char" in errors or "Steuerzeichen" in errors


def test_an_unwritable_output_folder_is_a_german_message(tmp_path, monkeypatch):
    from sitetools import build

    monkeypatch.setattr(build.os, "access", lambda path, mode: False)
    with pytest.raises(BuildFailed, match=r"kann nicht geschrieben werden .*So beheben"):
        build_into(build.ROOT / "pelicanconf.py", tmp_path / "output")
    assert not (tmp_path / "output").exists()


def test_invoke_clean_says_when_it_could_not_delete(tmp_path, monkeypatch):
    from invoke import Context
    from invoke.exceptions import Exit

    import tasks

    (tmp_path / "output").mkdir()
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "OUTPUT", tmp_path / "output")
    monkeypatch.setattr(tasks, "PREVIEW_OUTPUT", tmp_path / "output-preview")
    monkeypatch.setattr(tasks, "CACHE", tmp_path / ".cache")

    def failing_rmtree(path, onerror=None, **_):
        onerror(None, str(path), PermissionError(30, "Read-only file system"))

    monkeypatch.setattr(tasks.shutil, "rmtree", failing_rmtree)
    with pytest.raises(Exit, match=r"Nicht alles gelöscht.*So beheben"):
        tasks.clean(Context())


def test_a_missing_search_program_is_a_german_message(tmp_path, monkeypatch):
    from sitetools import search_index

    monkeypatch.setattr(search_index, "get_executable", lambda: Path("/nicht/da/pagefind"))
    with pytest.raises(search_index.SearchIndexFailed, match=r"Pagefind.*fehlt.*So beheben"):
        search_index.build_search_index(tmp_path)


@pytest.mark.parametrize(
    ("stderr", "code"),
    [
        ("rsync: write failed on x: No space left on device (28)", "target-disk-full"),
        ("ssh: connect to host h port 22: Connection refused", "connection-refused"),
    ],
)
def test_rsync_and_ssh_failures_are_explained_in_german(stderr, code):
    """Explained with what to do (the wording: tests/test_messages.py), the English output below."""
    from sitetools.publish import PublishError, run

    with pytest.raises(PublishError, match=r"\nSo beheben: .*\n\(technical: sh: ") as refused:
        run(["sh", "-c", f"echo '{stderr}' >&2; exit 11"])
    assert refused.value.code == code
