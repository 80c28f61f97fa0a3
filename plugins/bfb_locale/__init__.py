from .locale import register

__all__ = ["register"]
