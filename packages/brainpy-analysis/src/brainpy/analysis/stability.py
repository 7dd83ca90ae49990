r"""Stability of fixed points of low-dimensional systems, from their Jacobian.

For a fixed point :math:`x^*` of :math:`\dot x = f(x)`, the linearisation
:math:`\dot{\delta} = J \delta` with :math:`J = \partial f / \partial x |_{x^*}` decides the type:

* 1-D: :math:`J < 0` stable point, :math:`J > 0` unstable point, :math:`J = 0` saddle node.
* 2-D, with trace :math:`p = \mathrm{tr} J`, determinant :math:`q = \det J` and discriminant
  :math:`e = p^2 - 4q` [1]_: :math:`q < 0` saddle node; :math:`q = 0` center manifold
  (:math:`p \le 0`) or unstable line (:math:`p > 0`); :math:`q > 0, p = 0` center;
  otherwise stable (:math:`p < 0`) or unstable (:math:`p > 0`) focus (:math:`e < 0`), star
  (:math:`e = 0`, :math:`J` a multiple of the identity), degenerate node (:math:`e = 0`
  otherwise) or node (:math:`e > 0`).
* 3-D, from the eigenvalues :math:`\lambda_i`: all real parts negative, stable (focus if any
  eigenvalue is complex, node otherwise); all positive, unstable focus/node; mixed signs,
  saddle node; any real part zero, center manifold.

References
----------
.. [1] Strogatz, S. H. (2015). Nonlinear Dynamics and Chaos (2nd ed.), section 5.2.
       CRC Press. https://doi.org/10.1201/9780429492563
"""

from __future__ import annotations

from typing import Any

import numpy as np
from brainpy.errors import AnalyzerError

__all__ = [
    "CENTER_MANIFOLD",
    "SADDLE_NODE",
    "STABLE_POINT_1D",
    "UNSTABLE_POINT_1D",
    "CENTER_2D",
    "STABLE_NODE_2D",
    "STABLE_FOCUS_2D",
    "STABLE_STAR_2D",
    "STABLE_DEGENERATE_2D",
    "UNSTABLE_NODE_2D",
    "UNSTABLE_FOCUS_2D",
    "UNSTABLE_STAR_2D",
    "UNSTABLE_DEGENERATE_2D",
    "UNSTABLE_LINE_2D",
    "STABLE_NODE_3D",
    "UNSTABLE_NODE_3D",
    "STABLE_FOCUS_3D",
    "UNSTABLE_FOCUS_3D",
    "get_1d_stability_types",
    "get_2d_stability_types",
    "get_3d_stability_types",
    "stability_analysis",
    "plot_scheme",
]

CENTER_MANIFOLD = "center manifold"
SADDLE_NODE = "saddle node"
STABLE_POINT_1D = "stable point"
UNSTABLE_POINT_1D = "unstable point"
CENTER_2D = "center"
STABLE_NODE_2D = "stable node"
STABLE_FOCUS_2D = "stable focus"
STABLE_STAR_2D = "stable star"
STABLE_DEGENERATE_2D = "stable degenerate"
UNSTABLE_NODE_2D = "unstable node"
UNSTABLE_FOCUS_2D = "unstable focus"
UNSTABLE_STAR_2D = "unstable star"
UNSTABLE_DEGENERATE_2D = "unstable degenerate"
UNSTABLE_LINE_2D = "unstable line"
STABLE_NODE_3D = STABLE_NODE_2D
UNSTABLE_NODE_3D = UNSTABLE_NODE_2D
STABLE_FOCUS_3D = STABLE_FOCUS_2D
UNSTABLE_FOCUS_3D = UNSTABLE_FOCUS_2D

#: Matplotlib styles of the fixed-point markers, by stability type.
plot_scheme: dict[str, dict[str, Any]] = {
    CENTER_MANIFOLD: {"color": "orangered"},
    SADDLE_NODE: {"color": "tab:blue"},
    STABLE_POINT_1D: {"color": "tab:red"},
    UNSTABLE_POINT_1D: {"color": "tab:olive"},
    CENTER_2D: {"color": "lime"},
    STABLE_NODE_2D: {"color": "tab:red"},
    STABLE_FOCUS_2D: {"color": "tab:purple"},
    STABLE_STAR_2D: {"color": "tab:olive"},
    STABLE_DEGENERATE_2D: {"color": "blueviolet"},
    UNSTABLE_NODE_2D: {"color": "tab:orange"},
    UNSTABLE_FOCUS_2D: {"color": "tab:cyan"},
    UNSTABLE_STAR_2D: {"color": "green"},
    UNSTABLE_DEGENERATE_2D: {"color": "springgreen"},
    UNSTABLE_LINE_2D: {"color": "dodgerblue"},
}


def get_1d_stability_types() -> list[str]:
    """The stability types of 1-D fixed points."""
    return [SADDLE_NODE, STABLE_POINT_1D, UNSTABLE_POINT_1D]


def get_2d_stability_types() -> list[str]:
    """The stability types of 2-D fixed points."""
    return [
        SADDLE_NODE,
        CENTER_2D,
        STABLE_NODE_2D,
        STABLE_FOCUS_2D,
        STABLE_STAR_2D,
        STABLE_DEGENERATE_2D,
        UNSTABLE_NODE_2D,
        UNSTABLE_FOCUS_2D,
        UNSTABLE_STAR_2D,
        UNSTABLE_DEGENERATE_2D,
        UNSTABLE_LINE_2D,
        CENTER_MANIFOLD,
    ]


def get_3d_stability_types() -> list[str]:
    """The stability types of 3-D fixed points."""
    return [SADDLE_NODE, STABLE_NODE_3D, STABLE_FOCUS_3D, UNSTABLE_NODE_3D, UNSTABLE_FOCUS_3D, CENTER_MANIFOLD]


def _classify_2d(j: np.ndarray, tol: float) -> str:
    p = float(j[0, 0] + j[1, 1])
    q = float(j[0, 0] * j[1, 1] - j[0, 1] * j[1, 0])
    scale = max(1.0, float(np.abs(j).max()))
    zero = tol * scale
    if q < -(zero**2):
        return SADDLE_NODE
    if abs(q) <= zero**2:
        return CENTER_MANIFOLD if p <= zero else UNSTABLE_LINE_2D
    if abs(p) <= zero:
        return CENTER_2D
    e = p * p - 4.0 * q
    stable = p < 0
    if e < -(zero**2):
        return STABLE_FOCUS_2D if stable else UNSTABLE_FOCUS_2D
    if abs(e) <= zero**2:
        star = abs(j[0, 1]) <= zero and abs(j[1, 0]) <= zero
        if star:
            return STABLE_STAR_2D if stable else UNSTABLE_STAR_2D
        return STABLE_DEGENERATE_2D if stable else UNSTABLE_DEGENERATE_2D
    return STABLE_NODE_2D if stable else UNSTABLE_NODE_2D


def _classify_3d(j: np.ndarray, tol: float) -> str:
    eig = np.linalg.eigvals(j)
    zero = tol * max(1.0, float(np.abs(j).max()))
    real = eig.real
    if np.any(np.abs(real) <= zero):
        return CENTER_MANIFOLD
    complex_ = bool(np.any(np.abs(eig.imag) > zero))
    if np.all(real < 0):
        return STABLE_FOCUS_3D if complex_ else STABLE_NODE_3D
    if np.all(real > 0):
        return UNSTABLE_FOCUS_3D if complex_ else UNSTABLE_NODE_3D
    return SADDLE_NODE


def stability_analysis(derivatives: Any, tol: float = 1e-12) -> str:
    r"""Stability type of a fixed point of a 1-, 2- or 3-D system.

    Parameters
    ----------
    derivatives : float or array_like
        The Jacobian at the fixed point: a scalar :math:`f'(x^*)` (1-D), a 2x2 or a 3x3 matrix.
    tol : float
        Relative tolerance under which the trace, determinant, discriminant or a real part
        counts as zero (scaled by the largest Jacobian entry, at least 1).

    Returns
    -------
    str
        One of :func:`get_1d_stability_types`, :func:`get_2d_stability_types` or
        :func:`get_3d_stability_types`.

    Raises
    ------
    AnalyzerError
        If ``derivatives`` is not a scalar, a 2x2 or a 3x3 matrix, or is not finite.

    Examples
    --------
    >>> stability_analysis(-1.0)
    'stable point'
    >>> stability_analysis([[0.0, 1.0], [-1.0, -0.5]])
    'stable focus'
    """
    j = np.asarray(derivatives, dtype=float)
    if j.size == 1:
        if not np.isfinite(j):
            raise AnalyzerError(f"derivatives must be finite, got {float(j.reshape(()))}")
        value = float(j.reshape(()))
        if abs(value) <= tol:
            return SADDLE_NODE
        return STABLE_POINT_1D if value < 0 else UNSTABLE_POINT_1D
    if j.shape not in ((2, 2), (3, 3)):
        raise AnalyzerError(
            f"derivatives must be a scalar (1-D system), a 2x2 or a 3x3 Jacobian, but got shape {j.shape}"
        )
    if not np.all(np.isfinite(j)):
        raise AnalyzerError(f"derivatives must be finite, got {j.tolist()}")
    return _classify_2d(j, tol) if j.shape == (2, 2) else _classify_3d(j, tol)
