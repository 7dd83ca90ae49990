r"""Chaotic time series: maps and flows used as benchmark data (reservoir computing, forecasting).

Every function returns a dict of arrays with a leading time axis: ``'ts'`` (flows only)
and one ``(T, 1)`` history per variable, as ``bm.JaxArray`` (NumPy with ``numpy_mon=True``).
"""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.datasets._helpers import inits_list, map_series, ode_series

__all__ = [
    "henon_map_series",
    "logistic_map_series",
    "rabinovich_fabrikant_series",
    "chen_chaotic_series",
    "lu_chen_chaotic_series",
    "chua_chaotic_series",
    "modified_chua_series",
    "lorenz_series",
    "modified_Lorenz_series",
    "double_scroll_series",
    "PWL_duffing_series",
]


def henon_map_series(
    num_step: int, a: float = 1.4, b: float = 0.3, inits: Any = None, numpy_mon: bool = False
) -> dict[str, Any]:
    r"""The Hénon map :math:`x_{n+1} = 1 - a x_n^2 + y_n`, :math:`y_{n+1} = b x_n`.

    Default initial values :math:`x_0 = y_0 = 0`; returns ``{'x', 'y'}`` of shape ``(num_step, 1)``.

    References
    ----------
    .. [1] Hénon, M. (1976). A two-dimensional mapping with a strange attractor.
           Commun. Math. Phys. 50, 69-77. https://doi.org/10.1007/BF01608556
    """
    return map_series(
        lambda x, y: (1 - a * x * x + y, b * x),
        ("x", "y"),
        inits_list(inits, ("x", "y"), (0.0, 0.0)),
        num_step,
        numpy_mon,
    )


def logistic_map_series(num_step: int, mu: float = 3.0, inits: Any = None, numpy_mon: bool = False) -> dict[str, Any]:
    r"""The logistic map :math:`x_{n+1} = \mu x_n (1 - x_n)`; default :math:`x_0 = 0.2`.

    References
    ----------
    .. [1] May, R. M. (1976). Simple mathematical models with very complicated dynamics.
           Nature 261, 459-467. https://doi.org/10.1038/261459a0
    """
    init = [inits] if isinstance(inits, (int, float)) else inits
    return map_series(lambda x: (mu * x * (1 - x),), ("x",), inits_list(init, ("x",), (0.2,)), num_step, numpy_mon)


def lorenz_series(
    duration: float,
    dt: float = 0.001,
    sigma: float = 10,
    beta: float = 8 / 3,
    rho: float = 28,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The Lorenz system :math:`\dot x = \sigma(y - x)`, :math:`\dot y = x(\rho - z) - y`,
    :math:`\dot z = xy - \beta z`; default initial values ``(1, 1, 1)``.

    Returns ``{'ts', 'x', 'y', 'z'}``, each of shape ``(int(duration / dt), 1)`` (``ts`` 1-D).

    References
    ----------
    .. [1] Lorenz, E. N. (1963). Deterministic nonperiodic flow. J. Atmos. Sci. 20(2), 130-141.
    """

    def lorenz(x: Any, y: Any, z: Any, t: Any) -> tuple[Any, Any, Any]:
        return sigma * (y - x), x * (rho - z) - y, x * y - beta * z

    return ode_series(lorenz, inits_list(inits, "xyz", (1.0, 1.0, 1.0)), duration, dt, method, numpy_mon)


def modified_Lorenz_series(
    duration: float,
    dt: float = 0.001,
    a: float = 10,
    b: float = 8 / 3,
    c: float = 137 / 5,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The modified Lorenz system (a Lorenz-like system with a double-scroll attractor).

    .. math::

        \dot x &= \tfrac13\big[-(a+1)x + (a - c + z)y\big] + \frac{(1-a)(x^2-y^2) + 2(a+c-z)xy}{3\sqrt{x^2+y^2}} \\
        \dot y &= \tfrac13\big[(c - a - z)x - (a+1)y\big] + \frac{2(a-1)xy + (a+c-z)(x^2-y^2)}{3\sqrt{x^2+y^2}} \\
        \dot z &= \tfrac12(3x^2y - y^3) - bz

    Default initial values ``(-8, 4, 10)``.

    References
    ----------
    .. [1] Elwakil, A. S., Ozoguz, S., Kennedy, M. P. (2002). Creation of a complex butterfly
           attractor using a novel Lorenz-type system. IEEE TCAS-I 49(4), 527-530.
    """

    def modified_lorenz(x: Any, y: Any, z: Any, t: Any) -> tuple[Any, Any, Any]:
        r = jnp.sqrt(x * x + y * y)
        dx = (-(a + 1) * x + (a - c + z) * y) / 3 + ((1 - a) * (x * x - y * y) + 2 * (a + c - z) * x * y) / (3 * r)
        dy = ((c - a - z) * x - (a + 1) * y) / 3 + (2 * (a - 1) * x * y + (a + c - z) * (x * x - y * y)) / (3 * r)
        dz = (3 * x * x * y - y**3) / 2 - b * z
        return dx, dy, dz

    return ode_series(modified_lorenz, inits_list(inits, "xyz", (-8.0, 4.0, 10.0)), duration, dt, method, numpy_mon)


def chen_chaotic_series(
    duration: float,
    dt: float = 0.001,
    a: float = 40,
    b: float = 3,
    c: float = 28,
    method: str = "euler",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The Chen system :math:`\dot x = a(y - x)`, :math:`\dot y = (c - a)x - xz + cy`,
    :math:`\dot z = xy - bz`; default initial values ``(-0.1, 0.5, -0.6)``.

    References
    ----------
    .. [1] Chen, G., Ueta, T. (1999). Yet another chaotic attractor. Int. J. Bifurcation
           and Chaos 9(7), 1465-1466. https://doi.org/10.1142/S0218127499001024
    """

    def chen(x: Any, y: Any, z: Any, t: Any) -> tuple[Any, Any, Any]:
        return a * (y - x), (c - a) * x - x * z + c * y, x * y - b * z

    return ode_series(chen, inits_list(inits, "xyz", (-0.1, 0.5, -0.6)), duration, dt, method, numpy_mon)


def lu_chen_chaotic_series(
    duration: float,
    dt: float = 0.001,
    a: float = 36,
    c: float = 20,
    b: float = 3,
    u: float = -15.15,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The Lü-Chen system :math:`\dot x = a(y - x)`, :math:`\dot y = -xz + cy + u`,
    :math:`\dot z = xy - bz`; default initial values ``(0.1, 0.3, -0.6)``.

    References
    ----------
    .. [1] Lü, J., Chen, G., Cheng, D., Celikovsky, S. (2002). Bridge the gap between the Lorenz
           system and the Chen system. Int. J. Bifurcation and Chaos 12(12), 2917-2926.
    """

    def lu_chen(x: Any, y: Any, z: Any, t: Any) -> tuple[Any, Any, Any]:
        return a * (y - x), -x * z + c * y + u, x * y - b * z

    return ode_series(lu_chen, inits_list(inits, "xyz", (0.1, 0.3, -0.6)), duration, dt, method, numpy_mon)


def chua_chaotic_series(
    duration: float,
    dt: float = 0.001,
    alpha: float = 10,
    beta: float = 14.514,
    gamma: float = 0,
    a: float = -1.197,
    b: float = -0.646,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""Chua's circuit :math:`\dot x = \alpha(y - x - f(x))`, :math:`\dot y = x - y + z`,
    :math:`\dot z = -\beta y - \gamma z`, with :math:`f(x) = bx + \tfrac12(a - b)(|x+1| - |x-1|)`;
    default initial values ``(0.001, 0, 0)``.

    References
    ----------
    .. [1] Chua, L. O., Komuro, M., Matsumoto, T. (1986). The double scroll family.
           IEEE Trans. Circuits Syst. 33(11), 1072-1118.
    """

    def chua(x: Any, y: Any, z: Any, t: Any) -> tuple[Any, Any, Any]:
        fx = b * x + 0.5 * (a - b) * (jnp.abs(x + 1) - jnp.abs(x - 1))
        return alpha * (y - x - fx), x - y + z, -beta * y - gamma * z

    return ode_series(chua, inits_list(inits, "xyz", (0.001, 0.0, 0.0)), duration, dt, method, numpy_mon)


def modified_chua_series(
    duration: float,
    dt: float = 0.001,
    alpha: float = 10.82,
    beta: float = 14.286,
    a: float = 1.3,
    b: float = 0.11,
    d: float = 0,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The modified Chua system with a sine nonlinearity (multi-scroll attractors):
    :math:`\dot x = \alpha(y - h(x))`, :math:`\dot y = x - y + z`, :math:`\dot z = -\beta y`,
    :math:`h(x) = -b \sin(\pi x / (2a) + d)`; default initial values ``(1, 1, 0)``.

    References
    ----------
    .. [1] Tang, W. K. S., Zhong, G. Q., Chen, G., Man, K. F. (2001). Generation of n-scroll
           attractors via sine function. IEEE TCAS-I 48(11), 1369-1372.
    """

    def modified_chua(x: Any, y: Any, z: Any, t: Any) -> tuple[Any, Any, Any]:
        hx = -b * jnp.sin(np.pi * x / (2 * a) + d)
        return alpha * (y - hx), x - y + z, -beta * y

    return ode_series(modified_chua, inits_list(inits, "xyz", (1.0, 1.0, 0.0)), duration, dt, method, numpy_mon)


def rabinovich_fabrikant_series(
    duration: float,
    dt: float = 0.001,
    alpha: float = 1.1,
    gamma: float = 0.803,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The Rabinovich-Fabrikant system :math:`\dot x = y(z - 1 + x^2) + \gamma x`,
    :math:`\dot y = x(3z + 1 - x^2) + \gamma y`, :math:`\dot z = -2z(\alpha + xy)`;
    default initial values ``(-1, 0, 0.5)``.

    References
    ----------
    .. [1] Rabinovich, M. I., Fabrikant, A. L. (1979). Stochastic self-modulation of waves in
           nonequilibrium media. Sov. Phys. JETP 50, 311.
    """

    def rf(x: Any, y: Any, z: Any, t: Any) -> tuple[Any, Any, Any]:
        return y * (z - 1 + x * x) + gamma * x, x * (3 * z + 1 - x * x) + gamma * y, -2 * z * (alpha + x * y)

    return ode_series(rf, inits_list(inits, "xyz", (-1.0, 0.0, 0.5)), duration, dt, method, numpy_mon)


def double_scroll_series(
    duration: float,
    dt: float = 0.01,
    R1: float = 1.2,
    R2: float = 3.44,
    R4: float = 0.193,
    beta: float = 11.6,
    Ir: float = 2 * 2.25e-5,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The double-scroll electronic circuit (:math:`\Delta V = V_1 - V_2`):

    .. math::

        \dot V_1 = \frac{V_1}{R_1} - \frac{\Delta V}{R_2} - 2I_r\sinh(\beta\Delta V), \quad
        \dot V_2 = \frac{\Delta V}{R_2} + 2I_r\sinh(\beta\Delta V) - I, \quad
        \dot I = V_2 - R_4 I .

    Returns ``{'ts', 'V1', 'V2', 'I'}``; default initial values ``(0.37926545, 0.058339, -0.08167691)``.

    References
    ----------
    .. [1] Gauthier, D. J., Bollt, E., Griffith, A., Barbosa, W. A. S. (2021). Next generation
           reservoir computing. Nat. Commun. 12, 5564. https://doi.org/10.1038/s41467-021-25801-2
    """

    def double_scroll(V1: Any, V2: Any, I: Any, t: Any) -> tuple[Any, Any, Any]:  # noqa: E741
        dV = V1 - V2
        factor = dV / R2 + Ir * 2 * jnp.sinh(beta * dV)
        return V1 / R1 - factor, factor - I, V2 - R4 * I

    return ode_series(
        double_scroll,
        inits_list(inits, ("V1", "V2", "I"), (0.37926545, 0.058339, -0.08167691)),
        duration,
        dt,
        method,
        numpy_mon,
    )


def PWL_duffing_series(
    duration: float,
    dt: float = 0.001,
    e: float = 0.25,
    m0: float = -0.0845,
    m1: float = 0.66,
    omega: float = 1,
    i: float = -14,
    method: str = "rk4",
    inits: Any = None,
    numpy_mon: bool = False,
) -> dict[str, Any]:
    r"""The forced piecewise-linear Duffing oscillator:
    :math:`\dot x = y`, :math:`\dot y = -e\,y - m_1 x - \tfrac12(m_0 - m_1)(|x+1| - |x-1|) + i\sin(\omega t)`;
    default initial values ``(0, 0)``.

    References
    ----------
    .. [1] Tamaševičius, A., et al. (2009). Simple chaotic oscillator: from mathematical model to
           practical experiment. Nonlinear Anal. Model. Control 14(1), 113-120.
    """

    def duffing(x: Any, y: Any, t: Any) -> tuple[Any, Any]:
        pwl = m1 * x + 0.5 * (m0 - m1) * (jnp.abs(x + 1) - jnp.abs(x - 1))
        return y, -e * y - pwl + i * jnp.sin(omega * t)

    return ode_series(duffing, inits_list(inits, "xy", (0.0, 0.0)), duration, dt, method, numpy_mon)
