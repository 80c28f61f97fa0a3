from .locale_format import register

__all__ = ["register"]
