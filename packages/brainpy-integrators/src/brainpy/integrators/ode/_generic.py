r"""``bp.odeint`` and the generic ODE functions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from brainpy.integrators._base import lookup_method
from brainpy.integrators._registration import DEFAULTS, check_options, register_method, set_default, supported_methods
from brainpy.integrators.ode._base import ODEIntegrator

__all__ = ["odeint", "set_default_odeint", "get_default_odeint", "register_ode_integrator", "get_supported_methods"]


def odeint(
    f: Callable[..., Any] | None = None,
    method: str | None = None,
    var_type: str | None = None,
    dt: float | None = None,
    name: str | None = None,
    show_code: bool = False,
    state_delays: Mapping[str, Any] | None = None,
    neutral_delays: Mapping[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    r"""Numerical integration for ODEs.

    Works as a decorator (``@bp.odeint``, ``@bp.odeint(method='rk4', dt=0.01)``) or a
    call (``bp.odeint(f, method='rk4')``).

    Parameters
    ----------
    f : callable, optional
        The derivative function ``f(x, y, t, *params)`` returning ``dx, dy``.
    method : str, optional
        A registered ODE method (``brainpy.integrators.ode.get_supported_methods()``);
        the default is :func:`get_default_odeint` (``'euler'``).
    var_type : str, optional
        ``bp.integrators.SCALAR_VAR``, ``POP_VAR`` or ``SYSTEM_VAR``.
    dt : float, optional
        The default step, ``bm.get_dt()`` if not given.
    name : str, optional
        The integrator's name.
    show_code : bool
        Print a readable description of the step.
    state_delays, neutral_delays : dict, optional
        ``{variable: delay}`` turning the ODE into a delay equation.
    **kwargs
        Options of the method (``adaptive``, ``tol`` for adaptive methods, ``beta`` for ``rk2``).

    Returns
    -------
    ODEIntegrator or callable
        The integrator, or a decorator when ``f`` is not given.

    Raises
    ------
    brainpy.integrators.UnknownMethodError
        If ``method`` is not registered (the message lists close matches).

    Examples
    --------
    >>> import brainpy as bp
    >>> @bp.odeint(method='rk4', dt=0.01)
    ... def integral(V, w, t, Iext, a, b, tau):
    ...     return V - V ** 3 / 3 - w + Iext, (V + a - b * w) / tau
    """
    method = DEFAULTS.ode if method is None else method
    cls = lookup_method("ode_methods", method, "ODE method")
    check_options(cls, kwargs, "bp.odeint")

    def build(func: Callable[..., Any]) -> ODEIntegrator:
        return cls(
            func,
            var_type=var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
            **kwargs,
        )

    return build if f is None else build(f)


def set_default_odeint(method: str) -> None:
    r"""Set the default ODE method used by :func:`odeint` when ``method`` is not given.

    Raises
    ------
    brainpy.integrators.UnknownMethodError
        If ``method`` is not a registered ODE method.
    """
    set_default("ode_methods", "ode", method, "ODE method")


def get_default_odeint() -> str:
    r"""Get the default ODE method (``'euler'`` unless changed)."""
    return DEFAULTS.ode


def register_ode_integrator(name: str, integrator: type) -> None:
    r"""Register a new ODE integrator class under ``name`` (through the plugin registry).

    Parameters
    ----------
    name : str
        The ``method=`` keyword.
    integrator : type
        A subclass of :class:`~brainpy.integrators.ode.ODEIntegrator`.
    """
    register_method("ode_methods", name, integrator, ODEIntegrator, "ODE method")


def get_supported_methods() -> list[str]:
    r"""Get all supported numerical methods for ODEs (the registered names, sorted)."""
    return supported_methods("ode_methods")
