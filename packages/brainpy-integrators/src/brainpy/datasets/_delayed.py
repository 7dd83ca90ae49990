r"""Chaotic delay equations (Mackey-Glass, modified Lü-Chen), integrated with ``bm.TimeDelay``.

Same return convention as :mod:`brainpy.datasets._chaotic`.
"""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.datasets._helpers import inits_list, ode_series

__all__ = ["mackey_glass_series", "modified_lu_chen_series"]


def mackey_glass_series(
    duration: float,
    dt: float = 0.1,
    beta: float = 2.0,
    gamma: float = 1.0,
    tau: float = 2.0,
    n: float = 9.65,
    inits: Any = None,
    method: str = "rk4",
    seed: int | None = None,
    progress_bar: bool = False,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The Mackey-Glass delay equation :math:`\dot x = \beta\frac{x(t-\tau)}{1 + x(t-\tau)^n} - \gamma x`.

    The history before :math:`t = 0` is the initial value (default 1.2; with ``seed`` a
    random value :math:`1.2 + 0.1\,\xi`, :math:`\xi \sim N(0, 1)`).

    References
    ----------
    .. [1] Mackey, M. C., Glass, L. (1977). Oscillation and chaos in physiological control
           systems. Science 197(4300), 287-289. https://doi.org/10.1126/science.267326
    """
    from brainpy.math import TimeDelay  # noqa: PLC0415

    if inits is None:
        inits = 1.2 if seed is None else 1.2 + 0.1 * float(np.random.default_rng(seed).normal())
    x0 = float(np.ravel(np.asarray(inits))[0]) if not isinstance(inits, dict) else float(inits["x"])
    delay = TimeDelay(jnp.full((1,), x0), tau, before_t0=x0, dt=dt)

    def mackey_glass(x: Any, t: Any) -> Any:
        xd = delay(t - tau)
        return beta * xd / (1 + xd**n) - gamma * x

    return ode_series(
        mackey_glass, [x0], duration, dt, method, numpy_mon, state_delays={"x": delay}, progress_bar=progress_bar
    )


def modified_lu_chen_series(
    duration: float,
    dt: float = 0.001,
    a: float = 36,
    c: float = 20,
    b: float = 3,
    d1: float = 1,
    d2: float = 0.0,
    tau: float = 0.2,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The modified Lü-Chen system with a delay:

    .. math::

        \dot x = a(y - x), \quad \dot y = (c - a)x - x f + cy, \quad \dot z = xy - bz, \qquad
        f = d_1 z(t - \tau) - d_2 \sin z(t - \tau),

    the history of :math:`z` being its initial value; default initial values ``(1, 1, 14)``.

    References
    ----------
    .. [1] Wang, H., Han, Z., Xie, Q., Zhang, W. (2009). Finite-time chaos synchronization of
           unified chaotic system with uncertain parameters. Commun. Nonlinear Sci. Numer. Simul.
           14(5), 2239-2247.
    """
    from brainpy.math import TimeDelay  # noqa: PLC0415

    x0, y0, z0 = (float(np.ravel(np.asarray(v))[0]) for v in inits_list(inits, "xyz", (1.0, 1.0, 14.0)))
    zdelay = TimeDelay(jnp.full((1,), z0), tau, before_t0=z0, dt=dt)

    def lu_chen(x: Any, y: Any, z: Any, t: Any) -> tuple[Any, Any, Any]:
        zd = zdelay(t - tau)
        f = d1 * zd - d2 * jnp.sin(zd)
        return a * (y - x), (c - a) * x - x * f + c * y, x * y - b * z

    return ode_series(lu_chen, [x0, y0, z0], duration, dt, method, numpy_mon, state_delays={"z": zdelay})
