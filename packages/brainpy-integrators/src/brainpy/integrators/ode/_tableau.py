r"""Butcher tableaux as validated, frozen data, and the one generic Runge-Kutta stepper.

An explicit Runge-Kutta method with :math:`s` stages advances :math:`y' = f(t, y)` by

.. math::

    k_i = f\Big(t_n + c_i \Delta t,\; y_n + \Delta t \sum_{j<i} a_{ij} k_j\Big), \qquad
    y_{n+1} = y_n + \Delta t \sum_{i=1}^{s} b_i k_i ,

which is summarised by the Butcher tableau

.. math::

    \begin{array}{c|c} c & A \\ \hline & b^T \end{array}

An embedded pair adds a second weight vector :math:`\hat b` whose solution has a
different order; :math:`\Delta t \sum_i (b_i - \hat b_i) k_i` estimates the local error.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from brainpy.errors import IntegratorError
from brainpy.integrators._utils import tree_axpy

__all__ = ["Tableau", "TableauError", "rk_stages", "Coef"]

#: A coefficient: an exact ``Fraction`` (shown as ``p/q``) or a float (shown as its repr).
Coef = Fraction | float | int


class TableauError(IntegratorError):
    r"""A Butcher tableau violates a consistency condition (raised when it is built)."""


def _f(x: Coef) -> float:
    return float(x)


@dataclasses.dataclass(frozen=True)
class Tableau:
    r"""A Butcher tableau, checked when it is built.

    Parameters
    ----------
    A : tuple of tuples
        The strictly lower-triangular stage matrix, row ``i`` holding ``i`` entries
        (the first row is empty).
    B : tuple
        The solution weights :math:`b`.
    C : tuple
        The nodes :math:`c`.
    B_embedded : tuple, optional
        The weights :math:`\hat b` of the embedded solution (adaptive methods).

    Raises
    ------
    TableauError
        If the shapes disagree, a row of ``A`` does not sum to its node
        (:math:`\sum_j a_{ij} = c_i`), or a weight vector does not sum to 1.
    """

    A: tuple[tuple[Coef, ...], ...]
    B: tuple[Coef, ...]
    C: tuple[Coef, ...]
    B_embedded: tuple[Coef, ...] | None = None

    def __post_init__(self) -> None:
        s = len(self.B)
        if len(self.A) != s or len(self.C) != s:
            raise TableauError(
                f"A tableau with {s} weights needs {s} rows of A and {s} nodes C, "
                f"but got {len(self.A)} rows and {len(self.C)} nodes."
            )
        for i, row in enumerate(self.A):
            if len(row) != i:
                raise TableauError(f"Row {i} of an explicit tableau's A must hold {i} entries, but holds {len(row)}.")
            if not math.isclose(sum(map(_f, row)), _f(self.C[i]), abs_tol=1e-12):
                raise TableauError(
                    f"Row {i} of A sums to {sum(map(_f, row))!r}, but its node c_{i} is {_f(self.C[i])!r}; "
                    f"an explicit RK tableau needs sum_j a_ij = c_i."
                )
        if not math.isclose(sum(map(_f, self.B)), 1.0, abs_tol=1e-12):
            raise TableauError(f"The weights B sum to {sum(map(_f, self.B))!r}, but must sum to 1.")
        if self.B_embedded is not None:
            if len(self.B_embedded) != s:
                raise TableauError(f"B_embedded has {len(self.B_embedded)} entries, but the tableau has {s} stages.")
            if not math.isclose(sum(map(_f, self.B_embedded)), 1.0, abs_tol=1e-12):
                raise TableauError(f"The embedded weights sum to {sum(map(_f, self.B_embedded))!r}, but must sum to 1.")

    @property
    def stages(self) -> int:
        """The number of stages :math:`s`."""
        return len(self.B)

    @property
    def fsal(self) -> bool:
        """First same as last: the last stage is evaluated at the new solution."""
        return (
            _f(self.C[-1]) == 1.0 and tuple(map(_f, self.A[-1])) == tuple(map(_f, self.B[:-1])) and _f(self.B[-1]) == 0
        )

    @property
    def error_weights(self) -> tuple[float, ...]:
        r""":math:`b_i - \hat b_i` (zero-length when the tableau has no embedded pair)."""
        if self.B_embedded is None:
            return ()
        return tuple(_f(b) - _f(e) for b, e in zip(self.B, self.B_embedded))


def rk_stages(
    f: Callable[[Any, tuple[Any, ...]], tuple[Any, ...]], tableau: Tableau, t: Any, ys: tuple[Any, ...], dt: Any
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    r"""One explicit Runge-Kutta step of ``tableau`` for ``y' = f(t, y)``.

    Parameters
    ----------
    f : callable
        ``f(t, ys) -> derivatives``, ``ys`` and the result being tuples of arrays.
    tableau : Tableau
        The method.
    t, ys, dt
        Current time, state tuple and step.

    Returns
    -------
    (ys_new, ks)
        The new state and the stage derivatives.
    """
    ks: list[tuple[Any, ...]] = []
    for i in range(tableau.stages):
        yi = tree_axpy(ys, [(_f(a), k) for a, k in zip(tableau.A[i], ks)], dt)
        ci = _f(tableau.C[i])
        ks.append(f(t + ci * dt if ci else t, yi))
    new = tree_axpy(ys, [(_f(b), k) for b, k in zip(tableau.B, ks)], dt)
    return new, ks
