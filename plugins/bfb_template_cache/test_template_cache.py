"""Environments of one build share compiled templates, but only where the code would be the same."""

from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from bfb_template_cache.template_cache import SharedBytecodeCache, share_compiled_templates

TEMPLATE = "{% if title %}\n  <h1>{{ title }}</h1>\n{% endif %}\n{{ _('Start') }}"


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """Names of the templates compiled from source."""
    names = []
    original = Environment.compile

    def counting_compile(self, source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return original(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting_compile)
    return names


def environment(cache: SharedBytecodeCache, source: str = TEMPLATE, **options) -> Environment:
    env = Environment(loader=DictLoader({"page.html": source}), extensions=["jinja2.ext.i18n"], **options)
    env.install_null_translations(newstyle=True)
    env.bytecode_cache = cache
    return env


def test_a_second_environment_uses_the_compiled_template(compiled):
    cache = SharedBytecodeCache()
    first = environment(cache, trim_blocks=True).get_template("page.html").render(title="Hallo")
    second = environment(cache, trim_blocks=True).get_template("page.html").render(title="Hallo")
    assert compiled == ["page.html"]
    assert second == first == "  <h1>Hallo</h1>\nStart"


def test_a_differently_configured_environment_compiles_its_own(compiled):
    cache = SharedBytecodeCache()
    trimmed = environment(cache, trim_blocks=True).get_template("page.html").render(title="Hallo")
    untrimmed = environment(cache).get_template("page.html").render(title="Hallo")
    assert compiled == ["page.html", "page.html"]
    assert trimmed != untrimmed == "\n  <h1>Hallo</h1>\n\nStart"


def test_changed_source_is_compiled_again(compiled):
    cache = SharedBytecodeCache()
    environment(cache).get_template("page.html").render()
    changed = environment(cache, source="{{ title }}!").get_template("page.html").render(title="Neu")
    assert compiled == ["page.html", "page.html"]
    assert changed == "Neu!"


def test_generators_get_the_shared_cache_and_no_reload_checks():
    first, second = (SimpleNamespace(env=Environment()) for _ in range(2))
    share_compiled_templates(first)
    share_compiled_templates(second)
    assert first.env.bytecode_cache is second.env.bytecode_cache is not None
    assert first.env.auto_reload is False


# --- Theme texts translated once (theme_texts.py) ---------------------------------------


class English:
    """A catalogue with two entries, like theme/translations/en; counts what it is asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def gettext(self, text: str) -> str:
        self.asked.append(text)
        return {"Start": "Home", "Suche": "Search"}.get(text, text)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


def texts_environment(source: str, catalogue=None, cache: SharedBytecodeCache | None = None) -> Environment:
    env = Environment(loader=DictLoader({"page.html": source}), extensions=["jinja2.ext.i18n"])
    if catalogue is None:
        env.install_null_translations(newstyle=True)
    else:
        env.install_gettext_translations(catalogue, newstyle=True)
    share_compiled_templates(SimpleNamespace(env=env))
    if cache is not None:
        env.bytecode_cache = cache
    return env


def test_plain_texts_are_asked_once_and_render_the_same():
    english = English()
    source = "{{ _('Start') }} | {{ (_('Suche'), 1)[0] }} | {{ _('Übrig') }} | {{ _('%(n)s Orte', n=46) }}"
    template = texts_environment(source, english).get_template("page.html")
    assert template.render() == "Home | Search | Übrig | 46 Orte"
    assert template.render() == "Home | Search | Übrig | 46 Orte"
    # Each plain text once; the call with an argument on every render, as before.
    assert english.asked == ["Start", "Suche", "Übrig", "%(n)s Orte", "%(n)s Orte"]


def test_calls_that_are_not_plain_texts_stay_calls():
    source = "{{ x._('Start') }} {{ 'Start'|_ if never else '' }} {{ _('Start', 1) if never else '' }}"
    env = texts_environment(source, English())
    code = env.compile(source, "page.html", raw=True)
    assert "bfb_theme_texts" not in code


def test_autoescaped_templates_look_up_safe_texts_and_render_as_gettext_does():
    """In an autoescaped template gettext marks its result safe: "place's" stays as it is."""
    source = '{{ _("the place\'s page") }} {{ name }} {{ _("Start") }}'
    english = English()
    env = texts_environment(source, english)
    env.autoescape = lambda name: name == "page.html"
    assert "bfb_theme_texts_escaped" in env.compile(source, "page.html", raw=True)
    template = env.get_template("page.html")
    assert template.render(name="<b>") == "the place's page &lt;b&gt; Home"
    assert template.render(name="<i>") == "the place's page &lt;i&gt; Home"
    assert english.asked == ["the place's page", "Start"]


def test_a_text_is_escaped_in_a_plain_template_and_safe_in_an_autoescaped_one():
    env = texts_environment("{{ _('A & B') }} {{ _('A & B') ~ '<' }}", English())
    env.autoescape = True
    # gettext's result is safe, so "&" stays; "<" added to it is escaped
    assert env.get_template("page.html").render() == "A & B A & B&lt;"
    plain = texts_environment("{{ _('A & B') }} {{ _('A & B') ~ '<' }}", English())
    assert plain.get_template("page.html").render() == "A & B A & B<"


def test_a_template_that_switches_autoescape_keeps_its_calls():
    source = "{% autoescape false %}{{ _('Start') }}{% endautoescape %}"
    env = texts_environment(source, English())
    env.autoescape = True
    assert "bfb_theme_texts" not in env.compile(source, "page.html", raw=True)
    assert env.get_template("page.html").render() == "Home"


def test_a_text_that_cannot_be_formatted_fails_as_before():
    with pytest.raises(ValueError):  # "100 %" % {} – as newstyle gettext does at render time
        texts_environment("{{ _('100 %') }}", English()).get_template("page.html").render()


def test_languages_share_the_compiled_template_but_not_the_texts(compiled):
    cache = SharedBytecodeCache()
    english = texts_environment("{{ _('Start') }}", English(), cache)
    german = texts_environment("{{ _('Start') }}", None, cache)
    assert english.get_template("page.html").render() == "Home"
    assert german.get_template("page.html").render() == "Start"
    assert compiled == ["page.html"]


# --- Warm-up in the live preview's waiting process (warm_up) -------------------------------

# What sitetools/prestarted.py does – settings read, each plugin's warm_up(settings) – then
# one build in the same process that prints the templates it still had to compile.
WARM_UP_THEN_BUILD = """
import importlib, json, sys
import jinja2, pelican
from pelican.settings import read_settings

settings = read_settings("pelicanconf.py")
for name in settings["PLUGINS"]:
    warm_up = getattr(importlib.import_module(name), "warm_up", None)
    if callable(warm_up):
        warm_up(settings)
compiled = []
original = jinja2.Environment.compile
def counting_compile(self, source, name=None, filename=None, *args, **kwargs):
    compiled.append(name)
    return original(self, source, name, filename, *args, **kwargs)
jinja2.Environment.compile = counting_compile
try:
    pelican.main(["content", "-s", "pelicanconf.py", "-o", sys.argv[1], "-q",
                  "-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"])
except SystemExit as stop:
    assert not stop.code, stop.code
print(json.dumps(sorted(set(compiled))))
"""


def test_after_the_warm_up_a_build_compiles_only_templates_with_plugin_filters(tmp_path):
    import json
    import subprocess
    import sys

    from sitetools.build import ROOT

    result = subprocess.run(
        [sys.executable, "-c", WARM_UP_THEN_BUILD, str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    still_compiled = set(json.loads(result.stdout.strip().splitlines()[-1]))
    # base.html uses `fingerprint`/`same_origin` (bfb_assets): never compiled early, so the
    # stylesheet's name is always today's. Pages and partials without such filters are ready.
    assert "base.html" in still_compiled
    assert not still_compiled & {
        "article.html",
        "page.html",
        "partials/header.html",
        "partials/navigation.html",
    }
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_stylesheet_changed_after_the_warm_up_gets_its_new_name(tmp_path, monkeypatch):
    """Nothing computed from a file is compiled in early: a filter of a plugin fails there."""
    from pelican.settings import read_settings

    from bfb_template_cache.template_cache import SHARED_CACHE, warm_up
    from sitetools.build import ROOT

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(SHARED_CACHE, "compiled", {})
    warm_up(read_settings(str(ROOT / "pelicanconf.py")))
    warmed = set(SHARED_CACHE.compiled)
    assert any("article.html" in key for key in warmed)
    assert not any("'base.html'" in key for key in warmed)
