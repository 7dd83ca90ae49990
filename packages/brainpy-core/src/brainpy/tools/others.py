"""``brainpy.tools.others`` (module path of BrainPy 2.1); the code lives in ``_others``."""

from brainpy.tools._others import *  # noqa: F403
from brainpy.tools._others import __all__  # noqa: F401
