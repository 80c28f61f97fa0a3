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
