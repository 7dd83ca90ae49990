r"""Stochastic Runge-Kutta methods for Itô SDEs with scalar (diagonal) noise.

Rößler's SRI schemes are data: a frozen :class:`SRITableau` holding
:math:`(A^{(0)}, B^{(0)}, A^{(1)}, B^{(1)}, \alpha, \beta^{(1..4)})`, run by one stepper:

.. math::

    H^{(0)}_i &= X_n + \sum_{j<i} A^{(0)}_{ij} f(H^{(0)}_j)\,h + \sum_{j<i} B^{(0)}_{ij} g(H^{(1)}_j)\,\frac{I_{(1,0)}}{h} \\
    H^{(1)}_i &= X_n + \sum_{j<i} A^{(1)}_{ij} f(H^{(0)}_j)\,h + \sum_{j<i} B^{(1)}_{ij} g(H^{(1)}_j)\,\sqrt h \\
    X_{n+1} &= X_n + \sum_i \alpha_i f(H^{(0)}_i)\,h
        + \sum_i \Big(\beta^{(1)}_i I_{(1)} + \beta^{(2)}_i \frac{I_{(1,1)}}{\sqrt h}
        + \beta^{(3)}_i \frac{I_{(1,0)}}{h} + \beta^{(4)}_i \frac{I_{(1,1,1)}}{h}\Big) g(H^{(1)}_i)

with :math:`I_{(1)} = \Delta W`, :math:`I_{(1,1)} = (\Delta W^2 - h)/2`,
:math:`I_{(1,1,1)} = (\Delta W^3 - 3h\Delta W)/6` and
:math:`I_{(1,0)} = \tfrac12 h(\Delta W + \Delta V/\sqrt3)`, :math:`\Delta V \sim N(0, h)` independent.

References
----------
.. [1] Rößler, A. (2010). Runge-Kutta methods for the strong approximation of solutions
       of stochastic differential equations. SIAM J. Numer. Anal. 48(3), 922-952.
       https://doi.org/10.1137/09076636X
.. [2] Kloeden, P. E., Platen, E. (1992). Numerical Solution of Stochastic Differential
       Equations, section 11.1. Springer.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from fractions import Fraction as F
from typing import Any, ClassVar

import jax.numpy as jnp
from brainpy.integrators._constants import ITO_SDE, SCALAR_WIENER
from brainpy.integrators.ode._tableau import TableauError
from brainpy.integrators.sde._base import Noise, SDEIntegrator

__all__ = ["SRITableau", "SRK1W1", "SRK2W1", "KlPl"]

Rows = tuple[tuple[Any, ...], ...]


@dataclasses.dataclass(frozen=True)
class SRITableau:
    r"""Coefficients of a Rößler SRI scheme, checked when built.

    Raises
    ------
    TableauError
        If a matrix is not strictly lower triangular with ``s`` rows, or
        :math:`\sum\alpha \ne 1`, :math:`\sum\beta^{(1)} \ne 1`, or
        :math:`\sum\beta^{(k)} \ne 0` for :math:`k = 2, 3, 4`.
    """

    A0: Rows
    B0: Rows
    A1: Rows
    B1: Rows
    alpha: tuple[Any, ...]
    beta1: tuple[Any, ...]
    beta2: tuple[Any, ...]
    beta3: tuple[Any, ...]
    beta4: tuple[Any, ...]

    def __post_init__(self) -> None:
        s = len(self.alpha)
        for name in ("A0", "B0", "A1", "B1"):
            rows = getattr(self, name)
            if len(rows) != s or any(len(r) != i for i, r in enumerate(rows)):
                raise TableauError(f"{name} of an SRI tableau must be strictly lower triangular with {s} rows.")
        for name, total in (("alpha", 1), ("beta1", 1), ("beta2", 0), ("beta3", 0), ("beta4", 0)):
            if not math.isclose(float(sum(getattr(self, name))), total, abs_tol=1e-12):
                raise TableauError(f"The weights {name} of an SRI tableau must sum to {total}.")

    @property
    def c0(self) -> tuple[float, ...]:
        """Drift nodes (row sums of ``A0``)."""
        return tuple(float(sum(r)) for r in self.A0)

    @property
    def c1(self) -> tuple[float, ...]:
        """Diffusion nodes (row sums of ``A1``)."""
        return tuple(float(sum(r)) for r in self.A1)


def _lin(ys: tuple[Any, ...], terms: list[tuple[float, tuple[Any, ...]]]) -> tuple[Any, ...]:
    out = list(ys)
    for c, vals in terms:
        if c != 0:
            out = [o + c * v for o, v in zip(out, vals)]
    return tuple(out)


def sri_step(
    tab: SRITableau,
    f: Callable,
    g: Callable,
    t: Any,
    ys: tuple[Any, ...],
    h: Any,
    dW: tuple[Any, ...],
    dZ: tuple[Any, ...],
) -> tuple[Any, ...]:
    r"""One step of the SRI scheme ``tab`` with increments ``dW`` and :math:`I_{(1,0)}` = ``dZ`` (pure)."""
    sq = jnp.sqrt(h)
    fs: list[tuple[Any, ...]] = []
    gs: list[tuple[Any, ...]] = []
    c0, c1 = tab.c0, tab.c1
    for i in range(len(tab.alpha)):
        zf = tuple(z / h for z in dZ)
        h0 = _lin(
            ys,
            [(float(a) * 1.0, tuple(h * v for v in fj)) for a, fj in zip(tab.A0[i], fs)]
            + [(float(b), tuple(v * z for v, z in zip(gj, zf))) for b, gj in zip(tab.B0[i], gs)],
        )
        h1 = _lin(
            ys,
            [(float(a), tuple(h * v for v in fj)) for a, fj in zip(tab.A1[i], fs)]
            + [(float(b), tuple(sq * v for v in gj)) for b, gj in zip(tab.B1[i], gs)],
        )
        fs.append(f(t + c0[i] * h, h0))
        gs.append(g(t + c1[i] * h, h1))
    out = []
    for k, y in enumerate(ys):
        w, z = dW[k], dZ[k]
        i11 = 0.5 * (w * w - h)
        i111 = (w**3 - 3 * h * w) / 6
        new = y
        for i in range(len(tab.alpha)):
            if float(tab.alpha[i]):
                new = new + float(tab.alpha[i]) * h * fs[i][k]
            coef = (
                float(tab.beta1[i]) * w
                + float(tab.beta2[i]) * i11 / sq
                + float(tab.beta3[i]) * z / h
                + float(tab.beta4[i]) * i111 / h
            )
            new = new + coef * gs[i][k]
        out.append(new)
    return tuple(out)


class _SRIMethod(SDEIntegrator):
    r"""Base of the SRI schemes: Itô, scalar noise, needs :math:`I_{(1,0)}`."""

    _public_module = "brainpy.integrators.sde.srk_scalar"
    sri: ClassVar[SRITableau]
    intg_types = (ITO_SDE,)
    wiener_types = (SCALAR_WIENER,)
    needs_dz = True

    def scheme(self, f: Callable, g: Callable, t: Any, ys: tuple[Any, ...], dt: Any, noise: Noise) -> tuple[Any, ...]:
        return sri_step(self.sri, f, g, t, ys, dt, noise["dW"], noise["dZ"])


class SRK1W1(_SRIMethod):
    r"""Order 2.0 weak SRK method for SDEs with scalar Wiener process (Rößler's SRI1W1).

    Itô, scalar noise, four stages; strong order 1.5, weak order 2.0.
    Coefficients: :math:`A^{(0)}_{21} = 3/4`, :math:`B^{(0)}_{21} = 3/2`,
    :math:`A^{(1)} = (1/4;\ 1, 0;\ 0, 0, 1/4)`, :math:`B^{(1)} = (1/2;\ -1, 0;\ -5, 3, 1/2)`,
    :math:`\alpha = (1/3, 2/3, 0, 0)`, :math:`\beta^{(1)} = (-1, 4/3, 2/3, 0)`,
    :math:`\beta^{(2)} = (-1, 4/3, -1/3, 0)`, :math:`\beta^{(3)} = (2, -4/3, -2/3, 0)`,
    :math:`\beta^{(4)} = (-2, 5/3, -2/3, 1)`.
    """

    sri = SRITableau(
        A0=((), (F(3, 4),), (0, 0), (0, 0, 0)),
        B0=((), (F(3, 2),), (0, 0), (0, 0, 0)),
        A1=((), (F(1, 4),), (1, 0), (0, 0, F(1, 4))),
        B1=((), (F(1, 2),), (-1, 0), (-5, 3, F(1, 2))),
        alpha=(F(1, 3), F(2, 3), 0, 0),
        beta1=(-1, F(4, 3), F(2, 3), 0),
        beta2=(-1, F(4, 3), F(-1, 3), 0),
        beta3=(2, F(-4, 3), F(-2, 3), 0),
        beta4=(-2, F(5, 3), F(-2, 3), 1),
    )
    strong_order = 1.5
    weak_order = 2.0


class SRK2W1(_SRIMethod):
    r"""Order 1.5 strong SRK method for SDEs with scalar noise (Rößler's SRI2W1).

    Itô, scalar noise, four stages; strong order 1.5, deterministic order 3.
    Coefficients: :math:`A^{(0)} = (1;\ 1/4, 1/4;\ 0, 0, 0)`, :math:`B^{(0)} = (0;\ 1, 1/2;\ 0, 0, 0)`,
    :math:`A^{(1)} = (1/4;\ 1, 0;\ 0, 0, 1/4)`, :math:`B^{(1)} = (-1/2;\ 1, 0;\ 2, -1, 1/2)`,
    :math:`\alpha = (1/6, 1/6, 2/3, 0)`, :math:`\beta^{(1)} = (-1, 4/3, 2/3, 0)`,
    :math:`\beta^{(2)} = (1, -4/3, 1/3, 0)`, :math:`\beta^{(3)} = (2, -4/3, -2/3, 0)`,
    :math:`\beta^{(4)} = (-2, 5/3, -2/3, 1)`.
    """

    sri = SRITableau(
        A0=((), (1,), (F(1, 4), F(1, 4)), (0, 0, 0)),
        B0=((), (0,), (1, F(1, 2)), (0, 0, 0)),
        A1=((), (F(1, 4),), (1, 0), (0, 0, F(1, 4))),
        B1=((), (F(-1, 2),), (1, 0), (2, -1, F(1, 2))),
        alpha=(F(1, 6), F(1, 6), F(2, 3), 0),
        beta1=(-1, F(4, 3), F(2, 3), 0),
        beta2=(1, F(-4, 3), F(1, 3), 0),
        beta3=(2, F(-4, 3), F(-2, 3), 0),
        beta4=(-2, F(5, 3), F(-2, 3), 1),
    )
    strong_order = 1.5
    weak_order = 2.0


class KlPl(SDEIntegrator):
    r"""Kloeden-Platen explicit order 1.0 strong scheme for Itô SDEs with scalar noise.

    With :math:`\bar X = X_n + f\,h + g\sqrt h`,

    .. math::

        X_{n+1} = X_n + f\,h + g\,(I_{(1)} - I_{(1,1)}/\sqrt h) + g(\bar X)\,I_{(1,1)}/\sqrt h .

    Strong order 1, weak order 1.

    References
    ----------
    .. [1] Kloeden, P. E., Platen, E. (1992). Numerical Solution of Stochastic Differential
           Equations, eq. 11.1.3. Springer.
    """

    _public_module = "brainpy.integrators.sde.srk_scalar"
    strong_order = 1.0
    weak_order = 1.0
    intg_types = (ITO_SDE,)
    wiener_types = (SCALAR_WIENER,)

    def scheme(self, f: Callable, g: Callable, t: Any, ys: tuple[Any, ...], dt: Any, noise: Noise) -> tuple[Any, ...]:
        sq = jnp.sqrt(dt)
        fv, gv = f(t, ys), g(t, ys)
        bar = tuple(y + dt * a + sq * b for y, a, b in zip(ys, fv, gv))
        gb = g(t, bar)
        out = []
        for y, a, b, b2, w in zip(ys, fv, gv, gb, noise["dW"]):
            i11 = 0.5 * (w * w - dt)
            out.append(y + dt * a + b * (w - i11 / sq) + b2 * i11 / sq)
        return tuple(out)
