"""The editors' workflow end to end: broken headers stop the build with a clear message."""

from __future__ import annotations

import json

import pytest

from sitetools.build import BuildFailed
from tests.conftest import build_site

NEWS = """Title: Probemeldung für den Test
Date: 2023-05-04
Slug: probemeldung
Lang: de
Summary: Eine Meldung, die nur dieser Test schreibt und baut.

Text der Meldung.
"""


def failed_build(content, tmp_path, capsys) -> str:
    with pytest.raises(BuildFailed):
        build_site("pelicanconf.py", tmp_path / "out", {"PATH": json.dumps(str(content))})
    return capsys.readouterr().err


def test_news_item_without_date_fails_the_build_naming_file_and_fix(content_copy, tmp_path, capsys):
    (content_copy / "aktuelles/2023-05-04-probemeldung.md").write_text(
        NEWS.replace("Date: 2023-05-04\n", ""), encoding="utf-8"
    )
    errors = failed_build(content_copy, tmp_path, capsys)
    assert "aktuelles/2023-05-04-probemeldung.md: Im Kopf dieser Meldung fehlt das Feld „Date:“" in errors
    assert "So beheben: Eine Zeile „Date: …“ in den Kopf schreiben" in errors
    assert "Traceback" not in errors
    assert not (tmp_path / "out" / "index.html").exists()


def test_unparsable_date_fails_the_build_with_line_and_fix(content_copy, tmp_path, capsys):
    (content_copy / "aktuelles/2023-05-04-probemeldung.md").write_text(
        NEWS.replace("2023-05-04", "4. Mai 2023"), encoding="utf-8"
    )
    errors = failed_build(content_copy, tmp_path, capsys)
    assert "aktuelles/2023-05-04-probemeldung.md:2: Das Datum „4. Mai 2023“ ist nicht im Format" in errors
    assert "So beheben: So schreiben: „Date: 2022-06-22“" in errors
    assert "Traceback" not in errors


def test_all_problems_are_reported_in_one_build(content_copy, tmp_path, capsys):
    (content_copy / "aktuelles/2023-05-04-probemeldung.md").write_text(
        NEWS.replace("Date:", "Datum:").replace("Lang: de", "Lang: fr"), encoding="utf-8"
    )
    errors = failed_build(content_copy, tmp_path, capsys)
    assert "3 Probleme gefunden" in errors
    assert "Meinten Sie „Date:“?" in errors
    assert "Unbekannte Sprache „fr“" in errors
