"""Module path of BrainPy 2.1 (``brainpy.base.function``); the code lives in ``_function``."""

from brainpy.base._function import Function

__all__ = ["Function"]
