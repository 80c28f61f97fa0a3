from .figures_in_text import register

__all__ = ["register"]
