"""``brainpy.tools.errors`` (module path of BrainPy 2.1); the code lives in ``_errors``."""

from brainpy.tools._errors import check_error_in_jit

__all__ = ["check_error_in_jit"]
