"""Module path of BrainPy 2.1 (``brainpy.base.base``); the code lives in ``_base``."""

from brainpy.base._base import Base

__all__ = ["Base"]
