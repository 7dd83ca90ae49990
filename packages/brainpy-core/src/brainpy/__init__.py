r"""BrainPy: brain dynamics programming in Python, on JAX.

``brainpy`` is one import namespace spread over six distributions. This file
belongs to ``brainpy-core``; every other distribution ships only its own
subpackage (``brainpy.dyn``, ``brainpy.nn``, ...). Subpackages load lazily on
first attribute access, so ``import brainpy as bp`` stays cheap, and a
subpackage whose distribution is not installed raises
:class:`brainpy.errors.DistributionNotInstalledError` naming the distribution
to install.

Examples
--------
>>> import brainpy as bp
>>> import brainpy.math as bm
>>> bm.get_dt()
0.1
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

# One namespace across every installed distribution: wheels installed into one
# site-packages share this directory, editable installs add their own ``src``
# folders to ``sys.path`` and are found here.
__path__ = pkgutil.extend_path(__path__, __name__)

from brainpy._lazy import LAZY_ATTRIBUTES, LAZY_SUBPACKAGES, load_attribute  # noqa: E402
from brainpy._version import __version__  # noqa: E402

__all__ = ["__version__", *sorted(LAZY_SUBPACKAGES), *sorted(LAZY_ATTRIBUTES)]


def __getattr__(name: str) -> Any:
    value = load_attribute(name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


del annotations, importlib, pkgutil
