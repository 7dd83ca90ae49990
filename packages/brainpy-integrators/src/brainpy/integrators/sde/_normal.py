r"""Euler-Maruyama, Heun, derivative-free Milstein and exponential Euler for SDEs.

References
----------
.. [1] Kloeden, P. E., Platen, E. (1992). Numerical Solution of Stochastic Differential
       Equations. Springer. https://doi.org/10.1007/978-3-662-12616-5
.. [2] Higham, D. J. (2001). An algorithmic introduction to numerical simulation of
       stochastic differential equations. SIAM Review 43(3), 525-546.
       https://doi.org/10.1137/S0036144500378302
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax.numpy as jnp
from brainpy.integrators._constants import ITO_SDE, SCALAR_WIENER, STRA_SDE
from brainpy.integrators.ode._exponential import linearise, phi1
from brainpy.integrators.sde._base import Noise, SDEIntegrator, diffuse

__all__ = ["Euler", "Heun", "Milstein", "ExponentialEuler"]


class Euler(SDEIntegrator):
    r"""Euler-Maruyama method (Itô) and Euler-Heun method (Stratonovich).

    Itô: :math:`X_{n+1} = X_n + f(X_n)\Delta t + g(X_n)\Delta W_n`
    (strong order 0.5, weak order 1).

    Stratonovich: :math:`\bar X = X_n + g(X_n)\Delta W_n`,
    :math:`X_{n+1} = X_n + f(X_n)\Delta t + \tfrac12[g(X_n) + g(\bar X)]\Delta W_n`
    (strong order 0.5 in general, 1 for scalar noise).

    Supports scalar and vector Wiener processes.
    """

    _public_module = "brainpy.integrators.sde.normal"
    strong_order = 0.5
    weak_order = 1.0

    @classmethod
    def strong_order_for(cls, intg_type: str, wiener_type: str = SCALAR_WIENER) -> float:
        return 1.0 if intg_type == STRA_SDE and wiener_type == SCALAR_WIENER else 0.5

    def scheme(self, f: Callable, g: Callable, t: Any, ys: tuple[Any, ...], dt: Any, noise: Noise) -> tuple[Any, ...]:
        wt, dW = self.wiener_type, noise["dW"]
        fv, gv = f(t, ys), g(t, ys)
        if self.intg_type == ITO_SDE:
            return tuple(y + dt * a + diffuse(b, w, wt) for y, a, b, w in zip(ys, fv, gv, dW))
        bar = tuple(y + diffuse(b, w, wt) for y, b, w in zip(ys, gv, dW))
        gbar = g(t, bar)
        return tuple(y + dt * a + 0.5 * diffuse(b + c, w, wt) for y, a, b, c, w in zip(ys, fv, gv, gbar, dW))


class Heun(SDEIntegrator):
    r"""Stochastic Heun method for Stratonovich SDEs.

    :math:`\bar X = X_n + f(X_n)\Delta t + g(X_n)\Delta W_n`,
    :math:`X_{n+1} = X_n + \tfrac12[f(X_n) + f(\bar X)]\Delta t + \tfrac12[g(X_n) + g(\bar X)]\Delta W_n`.

    Stratonovich only; strong order 1 for scalar (and commutative) noise, weak order 2
    for additive noise. Scalar and vector Wiener processes.
    """

    _public_module = "brainpy.integrators.sde.normal"
    strong_order = 1.0
    weak_order = 1.0
    intg_types = (STRA_SDE,)

    def scheme(self, f: Callable, g: Callable, t: Any, ys: tuple[Any, ...], dt: Any, noise: Noise) -> tuple[Any, ...]:
        wt, dW = self.wiener_type, noise["dW"]
        fv, gv = f(t, ys), g(t, ys)
        bar = tuple(y + dt * a + diffuse(b, w, wt) for y, a, b, w in zip(ys, fv, gv, dW))
        fb, gb = f(t + dt, bar), g(t + dt, bar)
        return tuple(
            y + 0.5 * dt * (a + a2) + 0.5 * diffuse(b + b2, w, wt) for y, a, a2, b, b2, w in zip(ys, fv, fb, gv, gb, dW)
        )


class Milstein(SDEIntegrator):
    r"""Derivative-free Milstein method (Kloeden & Platen 11.1.3), Itô or Stratonovich.

    Itô, with :math:`\bar X = X_n + f\Delta t + g\sqrt{\Delta t}`:

    .. math::

        X_{n+1} = X_n + f\Delta t + g\Delta W_n
                  + \frac{g(\bar X) - g}{2\sqrt{\Delta t}}\big(\Delta W_n^2 - \Delta t\big).

    Stratonovich, with :math:`X^\pm = X_n \pm g\sqrt{\Delta t}` (a central difference, so that
    the :math:`O(\sqrt{\Delta t})` bias of a one-sided difference does not accumulate through
    the non-zero mean of :math:`\Delta W^2`):

    .. math::

        X_{n+1} = X_n + f\Delta t + g\Delta W_n + \frac{g(X^+) - g(X^-)}{4\sqrt{\Delta t}}\Delta W_n^2 .

    Strong order 1, weak order 1.
    For vector Wiener processes each :math:`W_j` gets its own correction (commutative
    noise is assumed; the Lévy areas are neglected).
    """

    _public_module = "brainpy.integrators.sde.normal"
    strong_order = 1.0
    weak_order = 1.0

    def scheme(self, f: Callable, g: Callable, t: Any, ys: tuple[Any, ...], dt: Any, noise: Noise) -> tuple[Any, ...]:
        wt, dW = self.wiener_type, noise["dW"]
        ito = self.intg_type == ITO_SDE
        sq = jnp.sqrt(dt)
        fv, gv = f(t, ys), g(t, ys)

        def correction(
            gcol: Callable[[tuple[Any, ...]], tuple[Any, ...]], bs: tuple[Any, ...], ws: tuple[Any, ...]
        ) -> list[Any]:
            if ito:
                up = gcol(tuple(y + dt * a + b * sq for y, a, b in zip(ys, fv, bs)))
                return [(u - b) / (2 * sq) * (w * w - dt) for u, b, w in zip(up, bs, ws)]
            up = gcol(tuple(y + b * sq for y, b in zip(ys, bs)))
            down = gcol(tuple(y - b * sq for y, b in zip(ys, bs)))
            return [(u - d) / (4 * sq) * w * w for u, d, w in zip(up, down, ws)]

        if wt == SCALAR_WIENER:
            corr = correction(lambda x: g(t, x), gv, dW)
        else:
            corr = [jnp.zeros_like(y) for y in ys]
            for j in range(jnp.shape(gv[0])[0]):
                part = correction(
                    lambda x, j=j: tuple(v[j] for v in g(t, x)), tuple(b[j] for b in gv), tuple(w[j] for w in dW)
                )
                corr = [c + p for c, p in zip(corr, part)]
        return tuple(y + dt * a + diffuse(b, w, wt) + c for y, a, b, w, c in zip(ys, fv, gv, dW, corr))


class ExponentialEuler(SDEIntegrator):
    r"""First order, explicit exponential Euler method for Itô SDEs.

    The drift is advanced by exponential Euler (its element-wise linear part
    :math:`A = \partial f/\partial x` found by automatic differentiation), the noise by
    Euler-Maruyama:

    .. math:: X_{n+1} = X_n + \Delta t\,\varphi_1(A\Delta t) f(X_n) + g(X_n)\Delta W_n .

    Strong order 0.5 (1 for additive noise), weak order 1. Itô; scalar and vector Wiener.

    References
    ----------
    .. [1] Erdoğan, U., Lord, G. J. (2019). A new class of exponential integrators for SDEs
           with multiplicative noise. IMA J. Numer. Anal. 39(2), 820-846.
    """

    _public_module = "brainpy.integrators.sde.normal"
    strong_order = 0.5
    weak_order = 1.0
    intg_types = (ITO_SDE,)

    def scheme(self, f: Callable, g: Callable, t: Any, ys: tuple[Any, ...], dt: Any, noise: Noise) -> tuple[Any, ...]:
        derivs, slopes = linearise(f, t, ys)
        gv = g(t, ys)
        return tuple(
            y + dt * phi1(a * dt) * d + diffuse(b, w, self.wiener_type)
            for y, d, a, b, w in zip(ys, derivs, slopes, gv, noise["dW"])
        )
