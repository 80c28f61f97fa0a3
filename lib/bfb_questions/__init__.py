"""What the site does not know yet, in one table, and the phone in every form a page needs.

`questions.py` is the table of open questions for the board (`invoke fragen`,
/entwuerfe/offene-fragen/); `markers.py` is a Markdown extension (named in MARKDOWN in
pelicanconf.py) that turns `{telefon}` and `{offen:<key>}` in texts into the phone link
and a marked gap; `phone.py` formats the number.
"""

from .markers import QuestionMarkersExtension, makeExtension

__all__ = ["QuestionMarkersExtension", "makeExtension"]
