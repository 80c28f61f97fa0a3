"""No language or kind of content is written out in the code: both come from their tables.

The languages come from SITE_LANGUAGES (pelicanconf.py, read by lib/bfb_languages), the
kinds of content from lib/bfb_contents/kinds.py. Outside those, the settings and the
templates' translations, the code never names a language key ("de", 'en'), a file suffix
(`.en.md`), a language's folder (`/en/`), a per-language field (`title_en`) or a kind
("news", "page"): adding a language or a kind is then one entry in its table.

Python is read token by token: comments and docstrings may give examples
("x.<suffix>.md"); the code and its messages may not. Templates and server files are read
line by line, Jinja comments left out.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

from bfb_contents.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent

# What is scanned.
SCANNED = [
    "plugins",
    "lib",
    "sitetools",
    "tasks.py",
    "bootstrap.py",
    "deploy",
    "theme/templates",
]
# Where languages and kinds are allowed to be named: their tables (the settings files and the
# templates' translations are outside SCANNED).
TABLES = ["lib/bfb_contents/kinds.py"]
# Single lines that name a language for a reason of their own, with that reason.
ALLOWED_LINES = {
    # The live preview's error page is a German tool page (the problems are German by the house
    # rules, like every message of the build); Pelican's log below it is English.
    ("sitetools/templates/build_error.html", '<html lang="de">'),
    ("sitetools/templates/build_error.html", '<pre lang="en">{{ log }}</pre>'),
    # `invoke new --page`: the option's name is the command line's, its help a dict keyed by it.
    ("tasks.py", '"page": "Create a page in content/seiten/ instead of a news item",'),
}
TEXT_SUFFIXES = {".py", ".html", ".xml", ".conf", ".txt", ".j2", ""}

LANGUAGE_LITERAL = re.compile(r"""^[rRbBuU]*(["'])(de|en)\1$""")
KIND_WORDS = {word for kind in KINDS for word in (kind.name, kind.template, kind.variable)}
KIND_ALTERNATIVES = "|".join(sorted(KIND_WORDS))
KIND_LITERAL = re.compile(rf"""^[rRbBuU]*(["'])({KIND_ALTERNATIVES})\1$""")
# Inside any text: a language folder, a language file suffix, a per-language field.
IN_TEXT = {
    "language folder": re.compile(r"/en/"),
    "language file suffix": re.compile(r"\.en\b(?!\w)"),
    "per-language field": re.compile(r"\b[a-z]+_en\b"),
}
# In templates and server files: a quoted language key ('de', lang="en"), and a quoted kind
# name inside a Jinja tag (`{% if kind == 'page' %}`; `aria-current="page"` is HTML's own).
QUOTED_LANGUAGE = re.compile(r"""(?<![\w.-])(["'])(de|en)\1""")
QUOTED_KIND = re.compile(rf"""(?<![\w.-])(["'])({KIND_ALTERNATIVES})\1""")
JINJA_TAG = re.compile(r"\{[{%].*?[}%]\}")
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


@dataclass(frozen=True)
class Hit:
    path: str
    line: int
    what: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}: {self.text.strip()}"


def docstring_lines(source: str) -> set[int]:
    """The lines of every module, class and function docstring."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def python_hits(source: str, path: str = "<text>") -> list[Hit]:
    """Language keys, suffixes, folders, fields and kind names in Python code and its strings."""
    skip = docstring_lines(source)
    source_lines = source.splitlines()
    hits = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        line = token.start[0]
        if token.type == tokenize.COMMENT or line in skip:
            continue
        found = []
        if token.type == tokenize.STRING:
            if LANGUAGE_LITERAL.match(token.string):
                found.append("language key")
            if KIND_LITERAL.match(token.string):
                found.append("kind name")
        if token.type in (tokenize.STRING, tokenize.NAME):
            found += [what for what, pattern in IN_TEXT.items() if pattern.search(token.string)]
        hits += [Hit(path, line, what, source_lines[line - 1]) for what in found]
    return hits


def template_hits(text: str, path: str = "<text>") -> list[Hit]:
    """The same in a template or server file, Jinja comments left out."""
    text = JINJA_COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    patterns = {"language key": QUOTED_LANGUAGE, **IN_TEXT}
    hits = []
    for number, line in enumerate(text.splitlines(), 1):
        found = [what for what, pattern in patterns.items() if pattern.search(line)]
        if any(QUOTED_KIND.search(tag) for tag in JINJA_TAG.findall(line)):
            found.append("kind name")
        hits += [Hit(path, number, what, line) for what in found]
    return hits


def scanned_files() -> list[Path]:
    files = []
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for candidate in candidates:
            relative = candidate.relative_to(ROOT).as_posix()
            if not candidate.is_file() or candidate.suffix not in TEXT_SUFFIXES:
                continue
            if any(relative == left or relative.startswith(left + "/") for left in TABLES):
                continue
            parts = set(candidate.relative_to(ROOT).parts)
            if parts & {"__pycache__", "fixtures", "tests"} or is_test(candidate):
                continue
            files.append(candidate)
    return files


def is_test(path: Path) -> bool:
    return path.name.startswith("test_") or path.name == "conftest.py"


def hits_in(path: Path) -> list[Hit]:
    relative = path.relative_to(ROOT).as_posix()
    text = path.read_text(encoding="utf-8")
    hits = python_hits(text, relative) if path.suffix == ".py" else template_hits(text, relative)
    return [hit for hit in hits if (hit.path, hit.text.strip()) not in ALLOWED_LINES]


def test_no_language_or_kind_is_written_out_in_the_code():
    files = scanned_files()
    assert len(files) > 100  # the scan found the code at all
    hits = [hit for path in files for hit in hits_in(path)]
    assert not hits, "\n" + "\n".join(map(str, hits))


def test_every_scanned_and_left_out_path_exists():
    for name in SCANNED + TABLES:
        assert (ROOT / name).exists(), name


def test_the_scan_finds_each_kind_of_hit_with_its_line():
    code = (
        '"""A docstring may say x.en.md and "de"."""\n'
        "# a comment may say /en/ too\n"
        'LANGS = ("de", "en")\n'
        'name = f"{stem}.en.md"\n'
        'url = "/en/news/"\n'
        "title = record.title_en\n"
        'if kind == "news":\n'
        '    text = "Den Text auf Deutsch lesen."\n'
    )
    found = {(hit.line, hit.what) for hit in python_hits(code)}
    assert found == {
        (3, "language key"),
        (4, "language file suffix"),
        (5, "language folder"),
        (6, "per-language field"),
        (7, "kind name"),
    }
    template = (
        '{# lang="de" in a comment #}\n<p lang="de">x</p>\n{% if DEFAULT_LANG != \'en\' %}\n'
        '<a aria-current="page">ok</a>{% if kind == "page" %}\n'
    )
    assert [(hit.line, hit.what) for hit in template_hits(template)] == [
        (2, "language key"),
        (3, "language key"),
        (4, "kind name"),
    ]
    assert str(template_hits(template, "t.html")[0]).startswith("t.html:2: language key:")
