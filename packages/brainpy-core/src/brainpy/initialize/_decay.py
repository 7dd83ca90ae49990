r"""Decay initializers: weights within a population that decay with the distance between
neurons (Gaussian and difference-of-Gaussians profiles).

Neuron :math:`i` of a population of shape :math:`(n_1, \dots, n_d)` (flattened in row-major
order) sits at the position :math:`v^i = (v^i_1, \dots, v^i_d)`. Along dimension :math:`k`
the :math:`n_k` positions are :math:`a_k + m (b_k - a_k) / n_k`, :math:`m = 0, \dots, n_k - 1`,
for the encoding range :math:`[a_k, b_k)`; by default :math:`[0, n_k)`, so positions are the
integer grid indices. The distance along dimension :math:`k` is
:math:`\Delta_k = \lvert v^i_k - v^j_k \rvert`, or with a periodic boundary
:math:`\min(\Delta_k, L_k - \Delta_k)` with :math:`L_k = b_k - a_k`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from brainpy.initialize._base import InitializerError, IntraLayerInitializer, Shape, to_shape, wrap

__all__ = ["GaussianDecay", "DOGDecay"]


def _value_ranges(encoding_values: Any, shape: tuple[int, ...], owner: str) -> list[tuple[float, float]]:
    if encoding_values is None:
        return [(0.0, float(n)) for n in shape]
    ev = encoding_values
    if isinstance(ev, (tuple, list)) and len(ev) == 2 and all(isinstance(v, (int, float, np.number)) for v in ev):
        ranges = [(float(ev[0]), float(ev[1]))] * len(shape)
    elif isinstance(ev, (tuple, list)) and all(isinstance(v, (tuple, list)) and len(v) == 2 for v in ev):
        if len(ev) != len(shape):
            raise InitializerError(
                f"{owner} got {len(ev)} encoding ranges for a population of shape {shape}; give one (min, max) "
                f"per dimension, or a single (min, max) for all."
            )
        ranges = [(float(a), float(b)) for a, b in ev]
    else:
        raise InitializerError(
            f"{owner} got encoding_values={ev!r}; expected None, a (min, max) pair, or one pair per dimension, "
            f"for example encoding_values=((0., 1.), (-3.14, 3.14))."
        )
    for a, b in ranges:
        if not a < b:
            raise InitializerError(f"{owner} got the encoding range ({a}, {b}); its minimum must be below its maximum.")
    return ranges


def squared_distances(shape: Shape, encoding_values: Any, periodic_boundary: bool, owner: str) -> np.ndarray:
    r"""The matrix :math:`D^2_{ij} = \sum_k \Delta_k^2` of squared distances within a population."""
    shape = to_shape(shape, owner)
    ranges = _value_ranges(encoding_values, shape, owner)
    axes = [a + np.arange(n) * (b - a) / n for (a, b), n in zip(ranges, shape)]
    grids = np.meshgrid(*axes, indexing="ij")
    total = np.zeros((int(np.prod(shape)),) * 2)
    for grid, (a, b) in zip(grids, ranges):
        pos = grid.ravel()
        d = np.abs(pos[:, None] - pos[None, :])
        if periodic_boundary:
            d = np.minimum(d, (b - a) - d)
        total += d**2
    return total


def _finish(w: np.ndarray, min_w: float, include_self: bool, normalize: bool) -> np.ndarray:
    w = np.where(np.abs(w) < min_w, 0.0, w)
    if not include_self:
        np.fill_diagonal(w, 0.0)
    if normalize:
        peak = np.max(np.abs(w)) if w.size else 0.0
        if peak > 0:
            w = w / peak
    return w


def _check_positive(owner: str, name: str, value: Any) -> None:
    if not isinstance(value, (int, float, np.number)) or isinstance(value, bool) or value <= 0:
        raise InitializerError(f"{owner} got {name}={value!r}; expected a positive number.")


class GaussianDecay(IntraLayerInitializer):
    r"""Builds a Gaussian connectivity pattern within a population of neurons, where the weights
    decay with gaussian function.

    For neurons :math:`i` and :math:`j` at distance components :math:`\Delta_k` (see the
    module description),

    .. math:: w(i, j) = w_{\max} \exp\Big(-\frac{\sum_{k=1}^{d} \Delta_k^2}{2\sigma^2}\Big),

    weights below ``min_w`` are set to zero, the diagonal is zeroed when ``include_self`` is
    false, and with ``normalize`` the matrix is divided by its largest absolute entry.

    Parameters
    ----------
    sigma : float
        The width :math:`\sigma` of the Gaussian, in encoding units.
    max_w : float
        The maximum weight :math:`w_{\max}` (at distance zero).
    min_w : float, optional
        Weights smaller than this are not created (set to 0). Default ``0.005 * max_w``.
    encoding_values : pair or sequence of pairs, optional
        The encoding range ``(min, max)`` of every dimension, or one range per dimension.
        Default: ``(0, n_k)``, the grid indices.
    periodic_boundary : bool
        Measure distances on a torus of period ``max - min`` per dimension. Default ``False``.
    include_self : bool
        Whether neurons connect to themselves. Default ``True``.
    normalize : bool
        Divide the weights by their maximum. Default ``False``.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.init.GaussianDecay(sigma=2., max_w=10., include_self=True)((5, 5)).shape
    (25, 25)
    """

    def __init__(
        self,
        sigma: float,
        max_w: float,
        min_w: float | None = None,
        encoding_values: Any = None,
        periodic_boundary: bool = False,
        include_self: bool = True,
        normalize: bool = False,
    ) -> None:
        _check_positive("GaussianDecay", "sigma", sigma)
        self.sigma = sigma
        self.max_w = max_w
        self.min_w = abs(max_w) * 0.005 if min_w is None else min_w
        self.encoding_values = encoding_values
        self.periodic_boundary = periodic_boundary
        self.include_self = include_self
        self.normalize = normalize

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        d2 = squared_distances(shape, self.encoding_values, self.periodic_boundary, type(self).__name__)
        w = self.max_w * np.exp(-d2 / (2 * self.sigma**2))
        return wrap(_finish(w, self.min_w, self.include_self, self.normalize), dtype)


class DOGDecay(IntraLayerInitializer):
    r"""Builds a Difference-Of-Gaussian (dog) connectivity pattern within a population of neurons.

    For neurons :math:`i` and :math:`j` at distance components :math:`\Delta_k` (see the
    module description),

    .. math::

        w(i, j) = w^{+}_{\max} \exp\Big(-\frac{\sum_k \Delta_k^2}{2\sigma_{+}^2}\Big)
                - w^{-}_{\max} \exp\Big(-\frac{\sum_k \Delta_k^2}{2\sigma_{-}^2}\Big),

    a "Mexican hat" of local excitation and broader inhibition when
    :math:`\sigma_+ < \sigma_-`. Weights whose magnitude is below ``min_w`` are set to zero,
    the diagonal is zeroed when ``include_self`` is false, and with ``normalize`` the matrix
    is divided by its largest absolute entry.

    Parameters
    ----------
    sigmas : pair of float
        The widths :math:`(\sigma_+, \sigma_-)`.
    max_ws : pair of float
        The amplitudes :math:`(w^{+}_{\max}, w^{-}_{\max})`.
    min_w : float, optional
        Weights smaller (in magnitude) than this are not created. Default
        ``0.005 * min(max_ws)``.
    encoding_values : pair or sequence of pairs, optional
        The encoding range of every dimension, or one per dimension; default the grid indices.
    periodic_boundary : bool
        Measure distances on a torus. Default ``False``.
    normalize : bool
        Divide the weights by their largest magnitude. Default ``True``.
    include_self : bool
        Whether neurons connect to themselves. Default ``True``.

    Examples
    --------
    >>> import brainpy as bp
    >>> init = bp.init.DOGDecay(sigmas=(1., 3.), max_ws=(10., 5.), min_w=0.1, include_self=True)
    >>> init((10, 12)).shape
    (120, 120)

    References
    ----------
    .. [1] Amari, S. (1977). Dynamics of pattern formation in lateral-inhibition type neural
           fields. Biological Cybernetics 27(2), 77-87. https://doi.org/10.1007/BF00337259
    """

    def __init__(
        self,
        sigmas: Sequence[float],
        max_ws: Sequence[float],
        min_w: float | None = None,
        encoding_values: Any = None,
        periodic_boundary: bool = False,
        normalize: bool = True,
        include_self: bool = True,
    ) -> None:
        if len(sigmas) != 2 or len(max_ws) != 2:
            raise InitializerError(
                f"DOGDecay needs two widths and two amplitudes, but got sigmas={sigmas!r} and max_ws={max_ws!r}. "
                f"For example DOGDecay(sigmas=(1., 3.), max_ws=(10., 5.))."
            )
        for s in sigmas:
            _check_positive("DOGDecay", "sigmas", s)
        self.sigmas = tuple(sigmas)
        self.max_ws = tuple(max_ws)
        self.min_w = 0.005 * min(abs(w) for w in max_ws) if min_w is None else min_w
        self.encoding_values = encoding_values
        self.periodic_boundary = periodic_boundary
        self.normalize = normalize
        self.include_self = include_self

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        d2 = squared_distances(shape, self.encoding_values, self.periodic_boundary, type(self).__name__)
        (s1, s2), (a1, a2) = self.sigmas, self.max_ws
        w = a1 * np.exp(-d2 / (2 * s1**2)) - a2 * np.exp(-d2 / (2 * s2**2))
        return wrap(_finish(w, self.min_w, self.include_self, self.normalize), dtype)
