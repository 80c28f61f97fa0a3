from .open_questions import register

__all__ = ["register"]
