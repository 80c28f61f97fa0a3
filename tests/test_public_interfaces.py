"""No code of ours reaches into private names of other packages (Pelican, i18n_subsites, Markdown, Jinja).

A private name (`content._content`, `i18n_subsites._SITE_DB`, Markdown's name-mangled
`_InlineProcessor__handleInline`) may change in any release without notice, and only a
byte-for-byte comparison of the whole site would notice. docs/architecture.md, section 5,
says which public interfaces the plugins use instead. Our own classes may keep private
attributes: `self._x` and `cls._x` are allowed, and so is the public API of named tuples
(`_replace`, `_asdict`, …).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE_FOLDERS = ("plugins", "lib", "sitetools", "tests", "benchmarks")
CODE_FILES = ("tasks.py", "pelicanconf.py", "publishconf.py", "bootstrap.py")
NAMED_TUPLE_API = {"_replace", "_asdict", "_fields", "_make", "_field_defaults"}
# Documented functions whose names start with an underscore: `os._exit` ends a process
# without Python's clean-up (the live preview's waiting process, after its build).
DOCUMENTED_UNDERSCORE_FUNCTIONS = {"os._exit"}
ACCESS_BY_NAME = {"getattr", "setattr", "hasattr", "delattr"}


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def reaches_into_private_names(source: str) -> list[str]:
    """Each place in `source` that uses another object's private name, as "line: code"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and private(node.attr) and node.attr not in NAMED_TUPLE_API:
            if ast.unparse(node) in DOCUMENTED_UNDERSCORE_FUNCTIONS:
                continue
            if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom) and any(private(alias.name) for alias in node.names):
            found.append(f"{node.lineno}: from {node.module} import …")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ACCESS_BY_NAME
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and private(node.args[1].value)
            and not (isinstance(node.args[0], ast.Name) and node.args[0].id in ("self", "cls"))
        ):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def our_code() -> list[Path]:
    files = [path for folder in CODE_FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))]
    return files + [ROOT / name for name in CODE_FILES]


def test_no_code_of_ours_uses_a_private_name_of_another_package():
    files = our_code()
    assert len(files) > 100
    offences = {
        str(path.relative_to(ROOT)): found
        for path in files
        if (found := reaches_into_private_names(path.read_text(encoding="utf-8")))
    }
    assert not offences, f"private names of other objects used: {offences}"


def test_the_check_finds_what_the_old_speed_ups_did():
    """The kinds of private access this project once had, each found."""
    source = """\
content._content = text
sites = i18n_subsites._SITE_DB
handle = processor._InlineProcessor__handleInline
from pelican.plugins.i18n_subsites.i18n_subsites import _MAIN_SETTINGS
cached = getattr(generator, "_templates", {})
self._own = parts._replace(path="/")
os._exit(0)
process._exit(0)
"""
    found = reaches_into_private_names(source)
    assert sorted(int(line.split(":")[0]) for line in found) == [1, 2, 3, 4, 5, 8]


# Undocumented internals (docs/architecture.md, "Undocumented internals"; tests/test_internals.py):
# each pattern only where the document names it.
UNDOCUMENTED_INTERNALS = {
    r'\["static_links"\]': {"plugins/bfb_language_links/language_links.py"},
    r'\.staticfiles\s*=[^=]|\["staticfiles"\]\s*=[^=]': {
        "plugins/bfb_images/images.py",
        "plugins/bfb_documents/documents.py",
    },
    r"METADATA_PROCESSORS\[": {"plugins/bfb_teasers/teasers.py"},
    r'\["generated_content"\]': {"plugins/bfb_language_links/language_links.py"},
    r"\bvars\(": {"lib/bfb_contents/__init__.py"},
    r"\.readers\.readers\[": {"plugins/orte/generator.py"},
    r"\.env\s*=[^=]": {"plugins/orte/generator.py"},
    r"livereload\.watcher": {"sitetools/livereload.py"},
}


def undocumented_uses(text: str) -> list[str]:
    import re

    return [pattern for pattern in UNDOCUMENTED_INTERNALS if re.search(pattern, text)]


def test_undocumented_internals_are_used_only_where_the_architecture_lists_them():
    found = []
    for path in our_code():
        relative = path.relative_to(ROOT).as_posix()
        if path.name.startswith("test_") or relative.startswith(("tests/", "benchmarks/")):
            continue
        for pattern in undocumented_uses(path.read_text(encoding="utf-8")):
            if relative not in UNDOCUMENTED_INTERNALS[pattern]:
                found.append(f"{relative}: {pattern}")
    assert found == []


def test_the_internals_check_finds_each_pattern():
    source = """\
links = generator.context["static_links"]
generator.staticfiles = kept
readers.METADATA_PROCESSORS["teaser"] = int
context["generated_content"]["x.md"] = stand_in
for value in vars(generator).values(): pass
html = generator.readers.readers["md"].read(path)
generator.env = other.env
from livereload.watcher import Watcher
"""
    assert sorted(undocumented_uses(source)) == sorted(UNDOCUMENTED_INTERNALS)
