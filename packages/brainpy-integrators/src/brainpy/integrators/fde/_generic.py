r"""``bp.fdeint`` and the generic FDE functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from brainpy.integrators._base import lookup_method
from brainpy.integrators._registration import DEFAULTS, register_method, set_default, supported_methods
from brainpy.integrators.fde._base import FDEIntegrator

__all__ = ["fdeint", "set_default_fdeint", "get_default_fdeint", "register_fde_integrator", "get_supported_methods"]


def fdeint(
    alpha: Any,
    num_step: int,
    inits: Sequence[Any],
    f: Callable[..., Any] | None = None,
    method: str | None = None,
    dt: float | None = None,
    name: str | None = None,
    **kwargs: Any,
) -> Any:
    r"""Numerical integration for fractional differential equations.

    Parameters
    ----------
    alpha : float or sequence
        The fractional order(s) in (0, 1].
    num_step : int
        The number of steps held in memory (``int(duration / dt)``; the window for ``GLShortMemory``).
    inits : sequence
        The initial values.
    f : callable, optional
        The right-hand side; when not given a decorator is returned.
    method : str, optional
        ``'CaputoEuler'``, ``'CaputoL1'`` (default, also ``'CaputoL1Schema'``) or ``'GLShortMemory'``.
    dt, name
        As :func:`brainpy.odeint`.
    **kwargs
        Further options of the method (``state_delays``).
    """
    method = DEFAULTS.fde if method is None else method
    cls = lookup_method("fde_methods", method, "FDE method")

    def build(func: Callable[..., Any]) -> FDEIntegrator:
        return cls(func, alpha=alpha, num_step=num_step, inits=inits, dt=dt, name=name, **kwargs)

    return build if f is None else build(f)


def set_default_fdeint(method: str) -> None:
    r"""Set the default FDE method used by :func:`fdeint`."""
    set_default("fde_methods", "fde", method, "FDE method")


def get_default_fdeint() -> str:
    r"""Get the default FDE method (``'CaputoL1'`` unless changed)."""
    return DEFAULTS.fde


def register_fde_integrator(name: str, integrator: type) -> None:
    r"""Register a new FDE integrator class (a subclass of ``FDEIntegrator``) under ``name``."""
    register_method("fde_methods", name, integrator, FDEIntegrator, "FDE method")


def get_supported_methods() -> list[str]:
    r"""Get all supported numerical methods for FDEs (the registered names, sorted)."""
    return supported_methods("fde_methods")
