r"""Numerical integrators of stochastic differential equations (``bp.sde``).

Methods (``method=`` keyword -> class): ``euler`` (:class:`Euler`), ``heun``
(:class:`Heun`), ``milstein`` (:class:`Milstein`), ``exp_euler`` (:class:`ExponentialEuler`,
also ``exponential_euler``, ``exp_auto``, ``exp_euler_auto``), ``srk1w1`` / ``srk1w1_scalar``
(:class:`SRK1W1`), ``srk2w1`` / ``srk2w1_scalar`` (:class:`SRK2W1`), ``klpl`` / ``klpl_scalar``
(:class:`KlPl`).
"""

from brainpy.integrators.sde._base import SDEIntegrator
from brainpy.integrators.sde._generic import (
    get_default_sdeint,
    get_supported_methods,
    register_sde_integrator,
    sdeint,
    set_default_sdeint,
)
from brainpy.integrators.sde._normal import Euler, ExponentialEuler, Heun, Milstein
from brainpy.integrators.sde._srk_scalar import SRK1W1, SRK2W1, KlPl, SRITableau

__all__ = [
    "SDEIntegrator",
    "Euler",
    "Heun",
    "Milstein",
    "ExponentialEuler",
    "SRK1W1",
    "SRK2W1",
    "KlPl",
    "SRITableau",
    "sdeint",
    "set_default_sdeint",
    "get_default_sdeint",
    "register_sde_integrator",
    "get_supported_methods",
]
