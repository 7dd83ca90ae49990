"""Module path of BrainPy 2.1 (``brainpy.base.naming``); the code lives in ``_naming``."""

from brainpy.base._naming import check_name_uniqueness, clear_name_cache, get_unique_name

__all__ = ["check_name_uniqueness", "get_unique_name", "clear_name_cache"]
