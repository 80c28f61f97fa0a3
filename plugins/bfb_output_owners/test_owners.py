from bfb_output_owners import Owner, file_owner
from bfb_output_owners.owners import OutputOwners


def test_second_owner_of_a_path_is_a_problem_naming_both(tmp_path):
    register = OutputOwners()
    register.site = str(tmp_path)
    overview = Owner("generated:orte/index.html", "der Übersicht der Orte (automatisch erzeugt)")
    assert register.claim(tmp_path / "orte/index.html", overview) is None
    assert register.claim(tmp_path / "orte/index.html", overview) is None  # the same owner again
    problem = register.claim(tmp_path / "orte" / "." / "index.html", file_owner("content/seiten/orte.md"))
    assert problem is not None
    assert (problem.file, problem.code) == ("content/seiten/orte.md", "output-path-twice")
    assert "„/orte/“" in problem.message and "Übersicht der Orte" in problem.message  # names both


def test_a_new_build_starts_with_an_empty_register(tmp_path):
    from bfb_output_owners import claim

    first_build, second_build = {}, {}
    owner = file_owner("content/seiten/a.md")
    assert claim(first_build, tmp_path / "a/index.html", owner) is None
    other = file_owner("content/seiten/b.md")
    assert claim(first_build, tmp_path / "a/index.html", other) is not None
    assert claim(second_build, tmp_path / "a/index.html", other) is None
