r"""Two integration methods of the example plugin: one ODE method, one SDE method.

A plugin's ODE method is data: a Butcher tableau on a thin subclass of
:class:`brainpy.integrators.ode.ExplicitRKIntegrator`. An SDE method subclasses
:class:`brainpy.integrators.sde.SDEIntegrator` and writes one ``scheme``.
Both are registered in ``_plugin.py`` and then used like built-ins::

    bp.odeint(f, method='nystrom3')
    bp.sdeint(f, g, method='stochastic_midpoint', intg_type=bp.integrators.STRA_SDE)

``bp.ddeint`` runs explicit Runge-Kutta integrators whose right-hand side reads delay
variables, so the plugin also offers ``Nystrom3`` as a DDE method (hook
``brainpy_dde_methods``)::

    bp.ddeint(f, method='nystrom3', state_delays={'x': delay})
"""

from __future__ import annotations

from fractions import Fraction as F
from typing import Any

from brainpy.integrators import SCALAR_WIENER, STRA_SDE
from brainpy.integrators.ode import ExplicitRKIntegrator, Tableau
from brainpy.integrators.sde import SDEIntegrator

__all__ = ["Nystrom3", "StochasticMidpoint"]


class Nystrom3(ExplicitRKIntegrator):
    r"""Nyström's third-order Runge-Kutta method.

    Order 3, three stages. Tableau :math:`c = (0, 2/3, 2/3)`, :math:`a_{21} = 2/3`,
    :math:`a_{32} = 2/3`, :math:`b = (1/4, 3/8, 3/8)`.

    References
    ----------
    .. [1] Nyström, E. J. (1925). Über die numerische Integration von Differentialgleichungen.
           Acta Soc. Sci. Fennicae 50(13), 1-55.
    """

    tableau = Tableau(A=((), (F(2, 3),), (F(0), F(2, 3))), B=(F(1, 4), F(3, 8), F(3, 8)), C=(F(0), F(2, 3), F(2, 3)))
    order = 3


class StochasticMidpoint(SDEIntegrator):
    r"""Stochastic midpoint method for Stratonovich SDEs with scalar noise.

    .. math::

        \bar X = X_n + \tfrac12\big(f(X_n)\Delta t + g(X_n)\Delta W_n\big), \qquad
        X_{n+1} = X_n + f(\bar X)\Delta t + g(\bar X)\Delta W_n .

    Strong order 1 for scalar noise.

    References
    ----------
    .. [1] Burrage, K., Burrage, P. M., Tian, T. (2004). Numerical methods for strong solutions
           of stochastic differential equations: an overview. Proc. R. Soc. A 460, 373-402.
    """

    strong_order = 1.0
    weak_order = 1.0
    intg_types = (STRA_SDE,)
    wiener_types = (SCALAR_WIENER,)

    def scheme(self, f: Any, g: Any, t: Any, ys: tuple[Any, ...], dt: Any, noise: dict) -> tuple[Any, ...]:
        dW = noise["dW"]
        fv, gv = f(t, ys), g(t, ys)
        mid = tuple(y + 0.5 * (a * dt + b * w) for y, a, b, w in zip(ys, fv, gv, dW))
        fm, gm = f(t + 0.5 * dt, mid), g(t + 0.5 * dt, mid)
        return tuple(y + a * dt + b * w for y, a, b, w in zip(ys, fm, gm, dW))
