from .teasers import register

__all__ = ["register"]
