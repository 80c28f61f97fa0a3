"""One owner per address: two sources that would write the same output file stop the build."""

from .owners import Owner, claim, file_owner, register

__all__ = ["Owner", "claim", "file_owner", "register"]
