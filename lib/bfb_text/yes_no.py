"""The one reader of a yes/no header field (`German_only: ja`, `Compiled_later: nein`)."""

from __future__ import annotations

YES = frozenset({"ja", "yes", "true", "1"})
NO = frozenset({"nein", "no", "false", "0"})


def yes_no(value: object) -> bool | None:
    """True for ja/yes/true/1, False for nein/no/false/0 (any case), None for anything else."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    return True if text in YES else False if text in NO else None
