r"""Adaptive (embedded) Runge-Kutta methods: a tableau with a second weight vector.

With ``adaptive=True`` a call takes the step size as its last argument and returns
the proposed next step as an extra output::

    x, y, z, dt = lorenz(x, y, z, t, sigma=10, beta=8/3, rho=28, dt=dt)

Inside the call (and inside ``bm.jit``) the step is retried with a smaller
:math:`\Delta t` until the error estimate
:math:`\| \Delta t \sum_i (b_i - \hat b_i) k_i \|_\infty` is at most ``tol``; the
next step is then proposed as :math:`0.9\,\Delta t\,(tol/err)^{1/(q+1)}` (at most 5 times
larger, at least 5 times smaller), :math:`q` being the lower order of the pair.

References
----------
.. [1] Hairer, E., Nørsett, S. P., Wanner, G. (1993). Solving Ordinary Differential
       Equations I, 2nd ed., section II.4. Springer. https://doi.org/10.1007/978-3-540-78862-1
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction as F
from typing import Any, ClassVar

import jax
import jax.numpy as jnp
from brainpy.errors import IntegratorError
from brainpy.integrators._utils import bind_call, is_jaxarray, unwrap, wrap_like
from brainpy.integrators.ode._explicit_rk import ExplicitRKIntegrator
from brainpy.integrators.ode._tableau import Tableau, rk_stages

__all__ = ["AdaptiveRKIntegrator", "RKF12", "RKF45", "DormandPrince", "CashKarp", "BogackiShampine", "HeunEuler"]


def _err_norm(ks: list[tuple[Any, ...]], weights: tuple[float, ...], dt: Any) -> Any:
    acc = None
    for w, k in zip(weights, ks):
        if w == 0:
            continue
        part = tuple(w * v for v in k)
        acc = part if acc is None else tuple(a + p for a, p in zip(acc, part))
    return jnp.max(jnp.stack([jnp.max(jnp.abs(dt * a)) for a in acc]))


class AdaptiveRKIntegrator(ExplicitRKIntegrator):
    r"""Embedded Runge-Kutta integrator with optional step-size control.

    Parameters
    ----------
    f : callable
        The derivative function.
    adaptive : bool
        Control the step size (``dt`` becomes an input and an extra output). Default False.
    tol : float
        The largest accepted local error estimate (max norm). Default 0.1.
    var_type, dt, name, show_code, state_delays, neutral_delays
        As :class:`~brainpy.integrators.ode.ODEIntegrator`.

    Notes
    -----
    Subclasses set ``tableau`` (with ``B_embedded``), ``order`` (of the propagated
    solution) and ``embedded_order``.
    """

    _public_module = "brainpy.integrators.ode.adaptive_rk"
    embedded_order: ClassVar[float]
    max_retries: ClassVar[int] = 40

    def __init__(
        self,
        f: Callable[..., Any],
        var_type: str | None = None,
        dt: float | None = None,
        name: str | None = None,
        adaptive: bool | None = None,
        tol: float | None = None,
        show_code: bool = False,
        state_delays: Mapping[str, Any] | None = None,
        neutral_delays: Mapping[str, Any] | None = None,
    ) -> None:
        self.adaptive = bool(adaptive)
        tol = 0.1 if tol is None else tol
        if isinstance(tol, bool) or not isinstance(tol, (int, float)) or tol <= 0:
            raise IntegratorError(f"tol must be a positive number (the accepted local error), but got tol={tol!r}.")
        self.tol = float(tol)
        super().__init__(
            f,
            var_type=var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
        )

    def adaptive_step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any
    ) -> tuple[tuple[Any, ...], Any, Any]:
        r"""One error-controlled step (pure; works under ``jit``).

        Returns
        -------
        (ys_new, dt_used, dt_next)
            The new state, the step actually taken (:math:`\le` ``dt``) and the proposed next step.
        """
        fn = self.derivative(params, kw)
        weights = self.tableau.error_weights
        tol, q = self.tol, min(self.order, self.embedded_order)
        dtype = jnp.result_type(*jax.tree_util.tree_leaves(ys), float)

        def attempt(h: Any) -> tuple[tuple[Any, ...], Any]:
            new, ks = rk_stages(fn, self.tableau, t, ys, h)
            return new, _err_norm(ks, weights, h)

        def factor(err: Any) -> Any:
            safe = jnp.where(err > 0, err, 1.0)
            return jnp.where(err > 0, 0.9 * (tol / safe) ** (1.0 / (q + 1)), 5.0)

        h0 = jnp.asarray(dt, dtype)
        new0, err0 = attempt(h0)

        def cond(carry: Any) -> Any:
            _, _, err, i = carry
            return (err > tol) & (i < self.max_retries)

        def body(carry: Any) -> Any:
            h, _, err, i = carry
            h = h * jnp.clip(factor(err), 0.1, 0.9)
            new, err = attempt(h)
            return h, new, err, i + 1

        h, new, err, _ = jax.lax.while_loop(cond, body, (h0, new0, err0, 0))
        return new, h, h * jnp.clip(factor(err), 0.2, 5.0)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not self.adaptive:
            return super().__call__(*args, **kwargs)
        ys, t, params, kw, dt, _ = bind_call(self.signature, args, kwargs, self.dt, f"{self.name}(...)")
        as_ja = any(is_jaxarray(y) for y in ys)
        ys = tuple(unwrap(y) for y in ys)
        new, used, nxt = self.adaptive_step(t, ys, params, kw, unwrap(dt))
        self.push_delays(t, used, ys, new, params, kw)
        return (*wrap_like(tuple(new), as_ja), nxt)


class RKF12(AdaptiveRKIntegrator):
    r"""The Fehlberg RK1(2) method: first order, with a second-order error estimate.

    Three stages, :math:`c = (0, 1/2, 1)`, :math:`a_{21} = 1/2`, :math:`a_{31} = 1/256,
    a_{32} = 255/256`, :math:`b = (1/256, 255/256, 0)`, :math:`\hat b = (1/512, 255/256, 1/512)`.
    The first-order formula has a very small leading error constant (about
    :math:`2\times10^{-3}`), so the estimate is reliable once the steps are small enough for
    that term to dominate (tolerances of about :math:`10^{-7}` and below on problems of unit scale).

    References
    ----------
    .. [1] Fehlberg, E. (1969). Low-order classical Runge-Kutta formulas with stepsize
           control and their application to some heat transfer problems. NASA TR R-315.
    """

    tableau = Tableau(
        A=((), (F(1, 2),), (F(1, 256), F(255, 256))),
        B=(F(1, 256), F(255, 256), F(0)),
        C=(F(0), F(1, 2), F(1)),
        B_embedded=(F(1, 512), F(255, 256), F(1, 512)),
    )
    order = 1
    embedded_order = 2


class RKF45(AdaptiveRKIntegrator):
    r"""The Runge-Kutta-Fehlberg 4(5) method: fourth-order solution, fifth-order estimate.

    Six stages; coefficients from Fehlberg (1969), table III.

    References
    ----------
    .. [1] Fehlberg, E. (1969). Low-order classical Runge-Kutta formulas with stepsize
           control and their application to some heat transfer problems. NASA TR R-315.
    """

    tableau = Tableau(
        A=(
            (),
            (F(1, 4),),
            (F(3, 32), F(9, 32)),
            (F(1932, 2197), F(-7200, 2197), F(7296, 2197)),
            (F(439, 216), F(-8), F(3680, 513), F(-845, 4104)),
            (F(-8, 27), F(2), F(-3544, 2565), F(1859, 4104), F(-11, 40)),
        ),
        B=(F(25, 216), F(0), F(1408, 2565), F(2197, 4104), F(-1, 5), F(0)),
        C=(F(0), F(1, 4), F(3, 8), F(12, 13), F(1), F(1, 2)),
        B_embedded=(F(16, 135), F(0), F(6656, 12825), F(28561, 56430), F(-9, 50), F(2, 55)),
    )
    order = 4
    embedded_order = 5


class DormandPrince(AdaptiveRKIntegrator):
    r"""The Dormand-Prince 5(4) method (``rkdp``): fifth-order solution, fourth-order estimate.

    Seven stages, first same as last.

    References
    ----------
    .. [1] Dormand, J. R., Prince, P. J. (1980). A family of embedded Runge-Kutta formulae.
           J. Comput. Appl. Math. 6(1), 19-26. https://doi.org/10.1016/0771-050X(80)90013-3
    """

    tableau = Tableau(
        A=(
            (),
            (F(1, 5),),
            (F(3, 40), F(9, 40)),
            (F(44, 45), F(-56, 15), F(32, 9)),
            (F(19372, 6561), F(-25360, 2187), F(64448, 6561), F(-212, 729)),
            (F(9017, 3168), F(-355, 33), F(46732, 5247), F(49, 176), F(-5103, 18656)),
            (F(35, 384), F(0), F(500, 1113), F(125, 192), F(-2187, 6784), F(11, 84)),
        ),
        B=(F(35, 384), F(0), F(500, 1113), F(125, 192), F(-2187, 6784), F(11, 84), F(0)),
        C=(F(0), F(1, 5), F(3, 10), F(4, 5), F(8, 9), F(1), F(1)),
        B_embedded=(F(5179, 57600), F(0), F(7571, 16695), F(393, 640), F(-92097, 339200), F(187, 2100), F(1, 40)),
    )
    order = 5
    embedded_order = 4


class CashKarp(AdaptiveRKIntegrator):
    r"""The Cash-Karp 5(4) method (``ck``): fifth-order solution, fourth-order estimate.

    Six stages.

    References
    ----------
    .. [1] Cash, J. R., Karp, A. H. (1990). A variable order Runge-Kutta method for initial
           value problems with rapidly varying right-hand sides. ACM TOMS 16(3), 201-222.
           https://doi.org/10.1145/79505.79507
    """

    tableau = Tableau(
        A=(
            (),
            (F(1, 5),),
            (F(3, 40), F(9, 40)),
            (F(3, 10), F(-9, 10), F(6, 5)),
            (F(-11, 54), F(5, 2), F(-70, 27), F(35, 27)),
            (F(1631, 55296), F(175, 512), F(575, 13824), F(44275, 110592), F(253, 4096)),
        ),
        B=(F(37, 378), F(0), F(250, 621), F(125, 594), F(0), F(512, 1771)),
        C=(F(0), F(1, 5), F(3, 10), F(3, 5), F(1), F(7, 8)),
        B_embedded=(F(2825, 27648), F(0), F(18575, 48384), F(13525, 55296), F(277, 14336), F(1, 4)),
    )
    order = 5
    embedded_order = 4


class BogackiShampine(AdaptiveRKIntegrator):
    r"""The Bogacki-Shampine 3(2) method (``bs``): third-order solution, second-order estimate.

    Four stages, first same as last.

    References
    ----------
    .. [1] Bogacki, P., Shampine, L. F. (1989). A 3(2) pair of Runge-Kutta formulas.
           Appl. Math. Lett. 2(4), 321-325. https://doi.org/10.1016/0893-9659(89)90079-7
    """

    tableau = Tableau(
        A=((), (F(1, 2),), (F(0), F(3, 4)), (F(2, 9), F(1, 3), F(4, 9))),
        B=(F(2, 9), F(1, 3), F(4, 9), F(0)),
        C=(F(0), F(1, 2), F(3, 4), F(1)),
        B_embedded=(F(7, 24), F(1, 4), F(1, 3), F(1, 8)),
    )
    order = 3
    embedded_order = 2


class HeunEuler(AdaptiveRKIntegrator):
    r"""The Heun-Euler 2(1) method: Heun's second-order solution, Euler's first-order estimate.

    Two stages, :math:`c = (0, 1)`, :math:`a_{21} = 1`, :math:`b = (1/2, 1/2)`, :math:`\hat b = (1, 0)`.
    """

    tableau = Tableau(A=((), (F(1),)), B=(F(1, 2), F(1, 2)), C=(F(0), F(1)), B_embedded=(F(1), F(0)))
    order = 2
    embedded_order = 1
