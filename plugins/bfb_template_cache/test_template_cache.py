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
    first, second = (SimpleNamespace(env=Environment(), settings={"DEFAULT_LANG": "de"}) for _ in range(2))
    share_compiled_templates(first)
    share_compiled_templates(second)
    assert first.env.bytecode_cache is second.env.bytecode_cache is not None
    assert first.env.auto_reload is False


# --- Theme texts compiled in (constant_texts.py) ---------------------------------------


class English:
    """A catalogue with two entries, like theme/translations/en."""

    def gettext(self, text: str) -> str:
        return {"Start": "Home", "Suche": "Search"}.get(text, text)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


def texts_environment(source: str, cache: SharedBytecodeCache | None = None) -> Environment:
    env = Environment(loader=DictLoader({"page.html": source}), extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(English(), newstyle=True)
    share_compiled_templates(SimpleNamespace(env=env, settings={"DEFAULT_LANG": "en"}))
    if cache is not None:
        env.bytecode_cache = cache
    return env


def test_plain_texts_are_translated_when_compiling_and_render_the_same(monkeypatch):
    source = "{{ _('Start') }} | {{ (_('Suche'), 1)[0] }} | {{ _('Übrig') }} | {{ _('%(n)s Orte', n=46) }}"
    env = texts_environment(source)
    code = env.compile(env.loader.get_source(env, "page.html")[0], "page.html", raw=True)
    assert "Home" in code and "Search" in code and "Übrig" in code
    assert code.count("context.call(") == 1  # only the call with an argument is left to render time
    assert env.get_template("page.html").render() == "Home | Search | Übrig | 46 Orte"


def test_calls_that_are_not_plain_texts_stay_calls():
    source = "{{ x._('Start') }} {{ _('100 %') if never else '' }} {{ 'Start'|_ if never else '' }}"
    env = texts_environment(source)
    code = env.compile(source, "page.html", raw=True)
    assert "Home" not in code  # an attribute call and a filter are not the gettext alias
    assert "100 %" in code  # "100 %" % {} fails: the call stays and would fail when rendered


def test_each_language_gets_its_own_compiled_texts():
    cache = SharedBytecodeCache()
    english = texts_environment("{{ _('Start') }}", cache)
    german = Environment(loader=DictLoader({"page.html": "{{ _('Start') }}"}), extensions=["jinja2.ext.i18n"])
    german.install_null_translations(newstyle=True)
    share_compiled_templates(SimpleNamespace(env=german, settings={"DEFAULT_LANG": "de"}))
    german.bytecode_cache = cache
    assert english.get_template("page.html").render() == "Home"
    assert german.get_template("page.html").render() == "Start"
