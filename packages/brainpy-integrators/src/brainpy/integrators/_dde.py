r"""``bp.ddeint``: delay differential equations with the explicit Runge-Kutta methods.

A delay equation is an ODE whose derivative reads delayed values through delay
variables (``bm.TimeDelay``, ``bm.NeuTimeDelay``); the integrator pushes every new value
(``state_delays``) or derivative (``neutral_delays``) into them after each step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from brainpy.integrators._base import lookup_method
from brainpy.integrators._registration import check_options, supported_methods

__all__ = ["ddeint", "get_supported_dde_methods"]


def ddeint(
    f: Callable[..., Any] | None = None,
    method: str = "euler",
    var_type: str | None = None,
    dt: float | None = None,
    name: str | None = None,
    show_code: bool = False,
    state_delays: Mapping[str, Any] | None = None,
    neutral_delays: Mapping[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    r"""Numerical integration for delay differential equations.

    Same arguments as :func:`brainpy.odeint`; ``method`` is one of the registered DDE
    methods (the 12 explicit Runge-Kutta methods: ``euler``, ``midpoint``, ``heun2``,
    ``ralston2``, ``rk2``, ``rk3``, ``heun3``, ``ralston3``, ``ssprk3``, ``rk4``, ``ralston4``,
    ``rk4_38rule``).

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> delay = bm.TimeDelay(bm.zeros(1), 1., before_t0=1., dt=0.1, interp_method='round')
    >>> integral = bp.ddeint(lambda x, t: -delay(t - 1.), state_delays={'x': delay}, dt=0.1)
    """
    cls = lookup_method("dde_methods", method, "DDE method")
    check_options(cls, kwargs, "bp.ddeint")

    def build(func: Callable[..., Any]) -> Any:
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


def get_supported_dde_methods() -> list[str]:
    r"""The registered DDE methods, sorted."""
    return supported_methods("dde_methods")
