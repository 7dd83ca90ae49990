r"""Explicit Runge-Kutta methods: each one is a :class:`Tableau` and a declared order.

Every class here is a thin subclass of :class:`ExplicitRKIntegrator`, which runs
its tableau with the generic stepper :func:`~brainpy.integrators.ode._tableau.rk_stages`.

References
----------
.. [1] Butcher, J. C. (2016). Numerical Methods for Ordinary Differential Equations,
       3rd ed. Wiley. https://doi.org/10.1002/9781119121534
.. [2] Hairer, E., Nørsett, S. P., Wanner, G. (1993). Solving Ordinary Differential
       Equations I: Nonstiff Problems, 2nd ed. Springer. https://doi.org/10.1007/978-3-540-78862-1
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from fractions import Fraction as F
from typing import Any, ClassVar

from brainpy.errors import IntegratorError
from brainpy.integrators.ode._base import ODEIntegrator
from brainpy.integrators.ode._tableau import Coef, Tableau, rk_stages

__all__ = [
    "ExplicitRKIntegrator",
    "Euler",
    "MidPoint",
    "Heun2",
    "Ralston2",
    "RK2",
    "RK3",
    "Heun3",
    "Ralston3",
    "SSPRK3",
    "RK4",
    "Ralston4",
    "RK4Rule38",
    "format_coef",
    "describe_tableau",
]


def format_coef(c: Coef) -> str:
    """A coefficient as ``show_code`` prints it: fractions as ``p/q``, floats as their repr."""
    if isinstance(c, F):
        return str(c.numerator) if c.denominator == 1 else f"{c.numerator}/{c.denominator}"
    return repr(c)


def describe_tableau(
    tableau: Tableau, func_name: str, variables: tuple[str, ...], parameters: tuple[str, ...], dt: float
) -> str:
    r"""The step of ``tableau`` written out as Python-like text (for reading only; never executed)."""
    args = ", ".join([*variables, "t", *parameters])
    lines = [f"def {func_name}({args}, dt={dt}):"]
    for i in range(tableau.stages):
        if i == 0:
            call = ", ".join([*variables, "t", *parameters])
        else:
            for v in variables:
                terms = "".join(
                    f" + dt * d{v}_k{j + 1}" + ("" if float(a) == 1 else f" * {format_coef(a)}")
                    for j, a in enumerate(tableau.A[i])
                    if float(a) != 0
                )
                lines.append(f"  k{i + 1}_{v}_arg = {v}{terms}")
            c = tableau.C[i]
            lines.append(
                f"  k{i + 1}_t_arg = t"
                + ("" if float(c) == 0 else " + dt" if float(c) == 1 else f" + dt * {format_coef(c)}")
            )
            call = ", ".join([*(f"k{i + 1}_{v}_arg" for v in variables), f"k{i + 1}_t_arg", *parameters])
        lines.append(f"  {', '.join(f'd{v}_k{i + 1}' for v in variables)} = f({call})")
    for v in variables:
        terms = "".join(f" + d{v}_k{i + 1} * dt * {format_coef(b)}" for i, b in enumerate(tableau.B) if float(b) != 0)
        lines.append(f"  {v}_new = {v}{terms}")
    lines.append(f"  return {', '.join(f'{v}_new' for v in variables)}")
    return "\n".join(lines)


class ExplicitRKIntegrator(ODEIntegrator):
    r"""Explicit Runge-Kutta integrator: runs the class's Butcher ``tableau``.

    .. math::

        k_i = f\Big(y_n + \Delta t \sum_{j<i} a_{ij} k_j,\; t_n + c_i \Delta t\Big), \qquad
        y_{n+1} = y_n + \Delta t \sum_i b_i k_i .

    Subclasses set the class attributes ``tableau`` and ``order``; nothing else.
    Parameters are those of :class:`~brainpy.integrators.ode.ODEIntegrator`.
    """

    _public_module = "brainpy.integrators.ode.explicit_rk"
    tableau: ClassVar[Tableau]
    order: ClassVar[float]

    def __init__(
        self,
        f: Callable[..., Any],
        var_type: str | None = None,
        dt: float | None = None,
        name: str | None = None,
        show_code: bool = False,
        state_delays: Mapping[str, Any] | None = None,
        neutral_delays: Mapping[str, Any] | None = None,
    ) -> None:
        if not isinstance(getattr(type(self), "tableau", None), Tableau) and not isinstance(
            self.__dict__.get("tableau"), Tableau
        ):
            raise IntegratorError(
                f"{type(self).__name__} defines no Butcher tableau; set the class attribute "
                f"'tableau = Tableau(A=..., B=..., C=...)'."
            )
        super().__init__(
            f,
            var_type=var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
        )

    def step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any
    ) -> tuple[Any, ...]:
        new, _ = rk_stages(self.derivative(params, kw), self.tableau, t, ys, dt)
        return new

    def describe(self) -> str:
        return describe_tableau(self.tableau, self.func_name, self.variables, self.parameters, self.dt)


class Euler(ExplicitRKIntegrator):
    r"""The Euler method for ODEs: :math:`y_{n+1} = y_n + \Delta t f(y_n, t_n)`.

    Order 1, one stage, fixed step. Tableau :math:`c = (0)`, :math:`b = (1)`.

    References
    ----------
    .. [1] Euler, L. (1768). Institutionum calculi integralis, vol. 1.
    """

    tableau = Tableau(A=((),), B=(F(1),), C=(F(0),))
    order = 1


class MidPoint(ExplicitRKIntegrator):
    r"""Explicit midpoint method: :math:`y_{n+1} = y_n + \Delta t f(y_n + \frac{\Delta t}{2} k_1, t_n + \frac{\Delta t}{2})`.

    Order 2, two stages. Tableau :math:`c = (0, 1/2)`, :math:`a_{21} = 1/2`, :math:`b = (0, 1)`.
    """

    tableau = Tableau(A=((), (0.5,)), B=(F(0), F(1)), C=(0.0, 0.5))
    order = 2


class Heun2(ExplicitRKIntegrator):
    r"""Heun's method (explicit trapezoidal rule).

    Order 2, two stages. Tableau :math:`c = (0, 1)`, :math:`a_{21} = 1`, :math:`b = (1/2, 1/2)`.
    """

    tableau = Tableau(A=((), (F(1),)), B=(F(1, 2), F(1, 2)), C=(F(0), F(1)))
    order = 2


class Ralston2(ExplicitRKIntegrator):
    r"""Ralston's second-order method (minimum local error bound).

    Order 2, two stages. Tableau :math:`c = (0, 2/3)`, :math:`a_{21} = 2/3`, :math:`b = (1/4, 3/4)`.

    References
    ----------
    .. [1] Ralston, A. (1962). Runge-Kutta methods with minimum error bounds.
           Mathematics of Computation 16(80), 431-437. https://doi.org/10.1090/S0025-5718-1962-0150954-0
    """

    tableau = Tableau(A=((), (F(2, 3),)), B=(F(1, 4), F(3, 4)), C=(F(0), F(2, 3)))
    order = 2


def _rk2_tableau(beta: float) -> Tableau:
    return Tableau(A=((), (beta,)), B=(1 - 1 / (2 * beta), 1 / (2 * beta)), C=(0.0, beta))


class RK2(ExplicitRKIntegrator):
    r"""Generic second-order Runge-Kutta method with free node :math:`\beta`.

    .. math::

        k_2 = f(y_n + \beta \Delta t k_1, t_n + \beta \Delta t), \qquad
        y_{n+1} = y_n + \Delta t \Big[\Big(1 - \frac{1}{2\beta}\Big) k_1 + \frac{1}{2\beta} k_2\Big].

    Order 2, two stages. The default :math:`\beta = 2/3` gives Ralston's weights 1/4 and 3/4
    (as the spec's ``show_code`` output shows); :math:`\beta = 1/2` is the midpoint method and
    :math:`\beta = 1` Heun's.

    Parameters
    ----------
    beta : float
        The node of the second stage, in (0, 1]. Default 2/3.
    """

    tableau = _rk2_tableau(2 / 3)
    order = 2

    def __init__(
        self,
        f: Callable[..., Any],
        beta: float = 2 / 3,
        var_type: str | None = None,
        dt: float | None = None,
        name: str | None = None,
        show_code: bool = False,
        state_delays: Mapping[str, Any] | None = None,
        neutral_delays: Mapping[str, Any] | None = None,
    ) -> None:
        if isinstance(beta, bool) or not isinstance(beta, (int, float)) or not 0 < beta <= 1:
            raise IntegratorError(f"beta of RK2 must be a number in (0, 1], but got beta={beta!r}. The default is 2/3.")
        if beta != 2 / 3:
            self.tableau = _rk2_tableau(float(beta))
        super().__init__(
            f,
            var_type=var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
        )


class RK3(ExplicitRKIntegrator):
    r"""Classical third-order Runge-Kutta method (Kutta 1901).

    Order 3, three stages. Tableau :math:`c = (0, 1/2, 1)`, :math:`a_{21} = 1/2`,
    :math:`a_{31} = -1, a_{32} = 2`, :math:`b = (1/6, 2/3, 1/6)`.

    References
    ----------
    .. [1] Kutta, W. (1901). Beitrag zur näherungsweisen Integration totaler
           Differentialgleichungen. Zeitschrift für Mathematik und Physik 46, 435-453.
    """

    tableau = Tableau(A=((), (0.5,), (F(-1), F(2))), B=(F(1, 6), F(2, 3), F(1, 6)), C=(0.0, 0.5, F(1)))
    order = 3


class Heun3(ExplicitRKIntegrator):
    r"""Heun's third-order method.

    Order 3, three stages. Tableau :math:`c = (0, 1/3, 2/3)`, :math:`a_{21} = 1/3`,
    :math:`a_{32} = 2/3`, :math:`b = (1/4, 0, 3/4)`.
    """

    tableau = Tableau(A=((), (F(1, 3),), (F(0), F(2, 3))), B=(F(1, 4), F(0), F(3, 4)), C=(F(0), F(1, 3), F(2, 3)))
    order = 3


class Ralston3(ExplicitRKIntegrator):
    r"""Ralston's third-order method (minimum error bound).

    Order 3, three stages. Tableau :math:`c = (0, 1/2, 3/4)`, :math:`a_{21} = 1/2`,
    :math:`a_{32} = 3/4`, :math:`b = (2/9, 1/3, 4/9)`.

    References
    ----------
    .. [1] Ralston, A. (1962). Runge-Kutta methods with minimum error bounds.
           Mathematics of Computation 16(80), 431-437.
    """

    tableau = Tableau(A=((), (0.5,), (F(0), 0.75)), B=(F(2, 9), F(1, 3), F(4, 9)), C=(0.0, 0.5, 0.75))
    order = 3


class SSPRK3(ExplicitRKIntegrator):
    r"""Third-order strong-stability-preserving Runge-Kutta method (Shu-Osher).

    Order 3, three stages. Tableau :math:`c = (0, 1, 1/2)`, :math:`a_{21} = 1`,
    :math:`a_{31} = a_{32} = 1/4`, :math:`b = (1/6, 1/6, 2/3)`.

    References
    ----------
    .. [1] Shu, C.-W., Osher, S. (1988). Efficient implementation of essentially
           non-oscillatory shock-capturing schemes. J. Comput. Phys. 77(2), 439-471.
    """

    tableau = Tableau(A=((), (F(1),), (0.25, 0.25)), B=(F(1, 6), F(1, 6), F(2, 3)), C=(F(0), F(1), 0.5))
    order = 3


class RK4(ExplicitRKIntegrator):
    r"""Classical fourth-order Runge-Kutta method.

    Order 4, four stages. Tableau :math:`c = (0, 1/2, 1/2, 1)`, :math:`a_{21} = a_{32} = 1/2`,
    :math:`a_{43} = 1`, :math:`b = (1/6, 1/3, 1/3, 1/6)`.
    """

    tableau = Tableau(
        A=((), (0.5,), (F(0), 0.5), (F(0), F(0), F(1))),
        B=(F(1, 6), F(1, 3), F(1, 3), F(1, 6)),
        C=(F(0), 0.5, 0.5, F(1)),
    )
    order = 4


_S5 = math.sqrt(5.0)


class Ralston4(ExplicitRKIntegrator):
    r"""Ralston's fourth-order method (minimum truncation error).

    Order 4, four stages. The coefficients involve :math:`\sqrt 5`
    (:math:`c_3 = 7/8 - 3\sqrt5/16 \approx 0.45573725`), following Ralston (1962).

    References
    ----------
    .. [1] Ralston, A. (1962). Runge-Kutta methods with minimum error bounds.
           Mathematics of Computation 16(80), 431-437.
    """

    tableau = Tableau(
        A=(
            (),
            (0.4,),
            ((-2889 + 1428 * _S5) / 1024, (3785 - 1620 * _S5) / 1024),
            ((-3365 + 2094 * _S5) / 6040, (-975 - 3046 * _S5) / 2552, (467040 + 203968 * _S5) / 240845),
        ),
        B=(
            (263 + 24 * _S5) / 1812,
            (125 - 1000 * _S5) / 3828,
            (3426304 + 1661952 * _S5) / 5924787,
            (30 - 4 * _S5) / 123,
        ),
        C=(0.0, 0.4, 7 / 8 - 3 * _S5 / 16, 1.0),
    )
    order = 4


class RK4Rule38(ExplicitRKIntegrator):
    r"""The 3/8-rule fourth-order Runge-Kutta method (Kutta 1901).

    Order 4, four stages. Tableau :math:`c = (0, 1/3, 2/3, 1)`, :math:`a_{21} = 1/3`,
    :math:`a_{31} = -1/3, a_{32} = 1`, :math:`a_{41} = 1, a_{42} = -1, a_{43} = 1`,
    :math:`b = (1/8, 3/8, 3/8, 1/8)`.
    """

    tableau = Tableau(
        A=((), (F(1, 3),), (F(-1, 3), F(1)), (F(1), F(-1), F(1))),
        B=(F(1, 8), F(3, 8), F(3, 8), F(1, 8)),
        C=(F(0), F(1, 3), F(2, 3), F(1)),
    )
    order = 4
