"""Theme texts are translated once, when a template is compiled, not on every page.

Why: a page of the theme shows about 25 texts through `{{ _('…') }}`, and each is a
call through Jinja's gettext machinery while the page is written – for every one of
thousands of pages, with the same result each time.

What: a Jinja extension replaces `_('Text')` – a plain string and nothing else in the
call – by the string it returns, computed at compile time exactly as the template
would at render time (`_` resolves `gettext` and calls it with a fresh context). Calls
with arguments (`_('… %(site)s', site=SITENAME)`), attribute calls (`x._(…)`), texts
whose call would fail and environments without translations or with autoescaping stay
as they are. The compiled code then depends on the site's language, so the shared
bytecode cache keys it by the language (template_cache.py).
"""

from __future__ import annotations

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Undefined, new_context


class ConstantTexts(Extension):
    """`_('Text')` becomes its translation at compile time."""

    def filter_stream(self, stream: TokenStream):
        tokens = list(stream)
        index = 0
        while index < len(tokens):
            folded = self._folded(tokens, index, stream.name)
            if folded is None:
                yield tokens[index]
                index += 1
            else:
                yield folded
                index += 4

    def _folded(self, tokens: list[Token], index: int, template_name: str | None) -> Token | None:
        call = tokens[index : index + 4]
        if [token.type for token in call] != ["name", "lparen", "string", "rparen"] or call[0].value != "_":
            return None
        if index > 0 and tokens[index - 1].type in ("dot", "pipe"):
            return None
        context = new_context(self.environment, template_name, {}, globals=self.environment.globals)
        if context.eval_ctx.autoescape:
            return None
        gettext = context.resolve("gettext")
        if isinstance(gettext, Undefined):
            return None  # no translations installed yet: leave the call to render time
        try:
            text = context.call(gettext, call[2].value)
        except Exception:  # the call would fail at render time too; let it, there
            return None
        if type(text) is not str:
            return None
        return Token(call[0].lineno, "string", text)
