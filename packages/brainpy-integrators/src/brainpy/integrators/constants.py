r"""Constants of ``brainpy.integrators`` (re-exports :mod:`brainpy.integrators._constants`)."""

from brainpy.integrators._constants import *  # noqa: F403
from brainpy.integrators._constants import __all__  # noqa: F401
