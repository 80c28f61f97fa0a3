"""Each theme text is translated once per language, not on every page.

Why: a page of the theme shows about 25 texts through `{{ _('…') }}`, and each is a
call through Jinja's gettext machinery (alias, context call, catalogue, formatting)
while the page is written – for every one of thousands of pages, with the same result.

What: a Jinja extension compiles `_('Text')` – a plain string and nothing else in the
call – as `bfb_theme_texts['Text']`. That global (one per environment, so per
language) asks `_` once per text, exactly as the template would have asked, and
remembers the answer. Calls with arguments (`_('… %(site)s', site=SITENAME)`) and
attribute or filter calls stay as they are. The compiled code is the same in every
language, so the shared bytecode cache still compiles each template once.
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import new_context

TEXTS = "bfb_theme_texts"
ESCAPED_TEXTS = "bfb_theme_texts_escaped"


class TranslatedTexts(dict):
    """Theme text -> what `_(text)` gives in this environment, asked once per text."""

    def __init__(self, environment: Environment, autoescape: bool) -> None:
        super().__init__()
        self.environment = environment
        self.autoescape = autoescape

    def __missing__(self, text: str):
        # The same call a template makes for `_('…')`: resolve `_` and call it in a context
        # that autoescapes as the template does (gettext then returns Markup, not str).
        context = new_context(self.environment, None, {}, globals=self.environment.globals)
        context.eval_ctx.autoescape = self.autoescape
        translated = context.call(context.resolve("_"), text)
        self[text] = translated
        return translated


class ThemeTexts(Extension):
    """Compile `_('Text')` as a lookup in the environment's TranslatedTexts."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.globals[TEXTS] = TranslatedTexts(environment, autoescape=False)
        environment.globals[ESCAPED_TEXTS] = TranslatedTexts(environment, autoescape=True)

    def filter_stream(self, stream: TokenStream):
        tokens = list(stream)
        if self._switches_autoescape(tokens):
            # `{% autoescape %}` changes escaping while the template runs; a lookup chosen
            # when it is compiled could differ. Such a template keeps its calls as written.
            yield from tokens
            return
        texts = ESCAPED_TEXTS if self._autoescaped(stream.name) else TEXTS
        index = 0
        while index < len(tokens):
            call = tokens[index : index + 4]
            if self._plain_text_call(tokens, index):
                line = call[0].lineno
                yield Token(line, "name", texts)
                yield Token(line, "lbracket", "[")
                yield call[2]
                yield Token(line, "rbracket", "]")
                index += 4
            else:
                yield tokens[index]
                index += 1

    def _autoescaped(self, template_name: str | None) -> bool:
        setting = self.environment.autoescape
        return bool(setting(template_name) if callable(setting) else setting)

    @staticmethod
    def _switches_autoescape(tokens: list[Token]) -> bool:
        return any(
            token.type == "name" and token.value == "autoescape" and tokens[index - 1].type == "block_begin"
            for index, token in enumerate(tokens)
            if index > 0
        )

    @staticmethod
    def _plain_text_call(tokens: list[Token], index: int) -> bool:
        call = tokens[index : index + 4]
        return (
            [token.type for token in call] == ["name", "lparen", "string", "rparen"]
            and call[0].value == "_"
            and not (index > 0 and tokens[index - 1].type in ("dot", "pipe"))
        )
