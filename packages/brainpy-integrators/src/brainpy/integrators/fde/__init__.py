r"""Numerical integrators of fractional differential equations (``bp.fde``).

Caputo: :class:`CaputoEuler` (``'CaputoEuler'``), :class:`CaputoL1Schema` (``'CaputoL1'``,
``'CaputoL1Schema'``). Grünwald-Letnikov: :class:`GLShortMemory` (``'GLShortMemory'``).
"""

from brainpy.integrators.fde._base import FDEIntegrator
from brainpy.integrators.fde._caputo import CaputoEuler, CaputoL1Schema
from brainpy.integrators.fde._generic import (
    fdeint,
    get_default_fdeint,
    get_supported_methods,
    register_fde_integrator,
    set_default_fdeint,
)
from brainpy.integrators.fde._gl import GLShortMemory

__all__ = [
    "FDEIntegrator",
    "CaputoEuler",
    "CaputoL1Schema",
    "GLShortMemory",
    "fdeint",
    "set_default_fdeint",
    "get_default_fdeint",
    "register_fde_integrator",
    "get_supported_methods",
]
