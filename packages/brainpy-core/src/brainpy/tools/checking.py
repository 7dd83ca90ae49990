"""``brainpy.tools.checking`` (module path of BrainPy 2.1); the code lives in ``_checking``."""

from brainpy.tools._checking import *  # noqa: F403
from brainpy.tools._checking import __all__  # noqa: F401
