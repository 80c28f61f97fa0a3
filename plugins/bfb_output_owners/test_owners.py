from bfb_output_owners import Owner, claim, file_owner
from bfb_output_owners.owners import OWNERS, SITE


def test_second_owner_of_a_path_is_a_problem_naming_both(tmp_path):
    OWNERS.clear()
    SITE[0] = str(tmp_path)
    overview = Owner("generated:orte/index.html", "der Übersicht der Orte (automatisch erzeugt)")
    assert claim(tmp_path / "orte/index.html", overview) is None
    assert claim(tmp_path / "orte/index.html", overview) is None  # the same owner again
    problem = claim(tmp_path / "orte" / "." / "index.html", file_owner("content/seiten/orte.md"))
    assert problem is not None
    assert problem.file == "content/seiten/orte.md"
    assert "„/orte/“ kommt von der Übersicht der Orte" in problem.message
    assert "„content/seiten/orte.md“" in problem.message
