r"""``bp.sdeint`` and the generic SDE functions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from brainpy.integrators._base import lookup_method
from brainpy.integrators._registration import DEFAULTS, check_options, register_method, set_default, supported_methods
from brainpy.integrators.sde._base import SDEIntegrator

__all__ = ["sdeint", "set_default_sdeint", "get_default_sdeint", "register_sde_integrator", "get_supported_methods"]


def sdeint(
    f: Callable[..., Any] | None = None,
    g: Callable[..., Any] | None = None,
    method: str | None = None,
    dt: float | None = None,
    name: str | None = None,
    show_code: bool = False,
    var_type: str | None = None,
    intg_type: str | None = None,
    wiener_type: str | None = None,
    state_delays: Mapping[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    r"""Numerical integration for SDEs :math:`dX = f(X, t)dt + g(X, t)dW`.

    Three call forms: ``@bp.sdeint(g=g_part, method='milstein')`` decorating ``f``;
    ``bp.sdeint(f=f_part, g=g_part, method='milstein')``; ``bp.sdeint(f, g, ...)``.

    Parameters
    ----------
    f, g : callable
        Drift and diffusion with the ODE argument convention.
    method : str, optional
        A registered SDE method (default :func:`get_default_sdeint`, ``'euler'``).
    dt, name, show_code, var_type, state_delays
        As :func:`brainpy.odeint`.
    intg_type : str, optional
        ``bp.integrators.ITO_SDE`` (default) or ``STRA_SDE``.
    wiener_type : str, optional
        ``bp.integrators.SCALAR_WIENER`` (default) or ``VECTOR_WIENER``.
    **kwargs
        Options of the method (``seed``).

    Returns
    -------
    SDEIntegrator or callable
        The integrator, or a decorator of ``f`` when ``f`` is not given.
    """
    method = DEFAULTS.sde if method is None else method
    cls = lookup_method("sde_methods", method, "SDE method")
    check_options(cls, kwargs, "bp.sdeint")

    def build(func: Callable[..., Any]) -> SDEIntegrator:
        return cls(
            func,
            g,
            dt=dt,
            name=name,
            show_code=show_code,
            var_type=var_type,
            intg_type=intg_type,
            wiener_type=wiener_type,
            state_delays=state_delays,
            **kwargs,
        )

    return build if f is None else build(f)


def set_default_sdeint(method: str) -> None:
    r"""Set the default SDE method used by :func:`sdeint`."""
    set_default("sde_methods", "sde", method, "SDE method")


def get_default_sdeint() -> str:
    r"""Get the default SDE method (``'euler'`` unless changed)."""
    return DEFAULTS.sde


def register_sde_integrator(name: str, integrator: type) -> None:
    r"""Register a new SDE integrator class (a subclass of ``SDEIntegrator``) under ``name``."""
    register_method("sde_methods", name, integrator, SDEIntegrator, "SDE method")


def get_supported_methods() -> list[str]:
    r"""Get all supported numerical methods for SDEs (the registered names, sorted)."""
    return supported_methods("sde_methods")
