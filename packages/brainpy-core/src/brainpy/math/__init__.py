r"""``brainpy.math``: NumPy-like arrays on JAX, Variables, transformations and operators.

The public names are re-exported from private modules, one concept each:

* settings (``set_dt``, ``enable_x64``, ...): :mod:`brainpy.math._settings`
* arrays and Variables (``JaxArray``, ``Variable``, ...): :mod:`brainpy.math._ndarray`
* the NumPy-compatible functions: :mod:`brainpy.math._numpy_api`
* activation functions: :mod:`brainpy.math._activations`
* object-aware transformations (``jit``, ``grad``, ...): ``_jit``, ``_autograd``
* Variable-aware control flow (``make_loop``, ``for_loop``, ...): ``_controls``
* delay variables (``LengthDelay``, ``TimeDelay``, ...): ``_delays``
* synaptic operators (``pre2post_event_sum``, ...): ``_operators``
* the submodules ``random``, ``linalg`` and ``fft``.

Operators registered by plugins (hook ``brainpy_custom_operators``) are found
as ``brainpy.math.<name>`` too.
"""

from __future__ import annotations

from typing import Any

from brainpy.math import _activations, _autograd, _controls, _delays, _jit, _ndarray, _numpy_api, _operators, _settings
from brainpy.math import fft, linalg, random

# The order of the star imports matters: a later module's name wins (the activation ``identity``
# must shadow NumPy's ``identity``), so import sorting is switched off for this file (pyproject.toml).
from brainpy.math._settings import *  # noqa: F403
from brainpy.math._ndarray import *  # noqa: F403
from brainpy.math._numpy_api import *  # noqa: F403
from brainpy.math._activations import *  # noqa: F403
from brainpy.math._jit import *  # noqa: F403
from brainpy.math._autograd import *  # noqa: F403
from brainpy.math._controls import *  # noqa: F403
from brainpy.math._delays import *  # noqa: F403
from brainpy.math._operators import *  # noqa: F403

__all__ = [
    "random",
    "linalg",
    "fft",
    *_settings.__all__,
    *_ndarray.__all__,
    *_numpy_api.__all__,
    *_activations.__all__,
    *_jit.__all__,
    *_autograd.__all__,
    *_controls.__all__,
    *_delays.__all__,
    *_operators.__all__,
]

_LAZY_MODULES = {"optimizers": "brainpy.optimizers", "losses": "brainpy.losses", "compat": "brainpy.math.compat"}


def __getattr__(name: str) -> Any:
    dynamic = getattr(_settings, "dynamic_attribute", None)
    if dynamic is not None:
        found, value = dynamic(name)
        if found:
            return value
    if name in _LAZY_MODULES:
        import importlib

        return importlib.import_module(_LAZY_MODULES[name])
    if name.startswith("__"):
        raise AttributeError(name)
    from brainpy.plugins import get_registry

    registry = get_registry("custom_operators")
    if name in registry:
        return registry.get(name)
    raise AttributeError(f"module 'brainpy.math' has no attribute {name!r}")
