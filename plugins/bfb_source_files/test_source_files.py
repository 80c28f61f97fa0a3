from bfb_contents.source_files import source_problems


def test_links_out_of_the_content_folder_are_named_links_inside_are_fine(tmp_path):
    content = tmp_path / "content"
    (content / "bilder").mkdir(parents=True)
    (content / "bilder/foto.jpg").write_bytes(b"x")
    (content / "bilder/gleich.jpg").symlink_to("foto.jpg")
    (content / "bilder/geheim.jpg").symlink_to(tmp_path / "geheim.txt")
    (tmp_path / "geheim.txt").write_text("geheim")
    (content / "bilder/ordner").symlink_to(tmp_path)
    (content / "bilder/weg.jpg").symlink_to(content / "gibt-es-nicht.jpg")
    problems = {problem.file.name: problem for problem in source_problems(content)}
    assert sorted(problems) == ["geheim.jpg", "ordner", "weg.jpg"]
    assert {name: problem.code for name, problem in problems.items()} == {
        "geheim.jpg": "symlink-outside-content",
        "ordner": "symlink-outside-content",
        "weg.jpg": "symlink-target-missing",
    }


def test_text_that_is_not_utf8_is_named_with_its_line(tmp_path):
    (tmp_path / "gut.md").write_text("Title: Grüße\n", encoding="utf-8")
    (tmp_path / "alt.md").write_bytes("Title: Test\n\nGrüße aus Daun\n".encode("cp1252"))
    (problem,) = source_problems(tmp_path)
    assert (problem.file.name, problem.line, problem.code) == ("alt.md", 3, "text-not-utf8")
    assert "„Grüße aus Daun“" in problem.message  # the line as the editor sees it
