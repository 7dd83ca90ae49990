r"""Correlation and synchrony measures of simulated activity."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from brainpy.errors import BrainPyError

__all__ = [
    "cross_correlation",
    "voltage_fluctuation",
    "functional_connectivity",
    "matrix_correlation",
    "weighted_correlation",
]


class MeasureError(BrainPyError, ValueError):
    """Wrong arguments to a measurement."""


def _dt(dt: float | None) -> float:
    if dt is None:
        import brainpy.math as bm  # lazy: the global time step

        dt = bm.get_dt()
    return float(dt)


def _matrix(name: str, data: Any) -> np.ndarray:
    arr = np.asarray(data)
    if arr.ndim != 2:
        raise MeasureError(f"{name} must be a 2-D (num_time, num_neuron) array; got shape {arr.shape}.")
    return arr


def cross_correlation(spikes: Any, bin: float, dt: float | None = None) -> float:
    r"""Population coherence :math:`\kappa` of spike trains (Wang & Buzsáki, 1996).

    Time is cut into bins of ``bin`` ms (the last bin may be shorter). Let
    :math:`X_i(l) \in \{0, 1\}` say whether neuron :math:`i` fired in bin
    :math:`l`. The coherence of two neurons is

    .. math::

        \kappa_{ij} = \frac{\sum_l X_i(l) X_j(l)}{\sqrt{\sum_l X_i(l) \sum_l X_j(l)}},

    (0 when either neuron is silent) and the population coherence is the mean
    of :math:`\kappa_{ij}` over all pairs :math:`i \ne j`.

    Parameters
    ----------
    spikes : array_like
        Spike matrix of shape ``(num_time, num_neuron)`` (bool or 0/1).
    bin : float
        Bin width (ms).
    dt : float, optional
        Time step of ``spikes`` (ms); default ``brainpy.math.get_dt()``.

    Returns
    -------
    float
        :math:`\kappa \in [0, 1]`.

    References
    ----------
    .. [1] Wang, X.-J., & Buzsáki, G. (1996). Gamma oscillation by synaptic
           inhibition in a hippocampal interneuronal network model. Journal of
           Neuroscience, 16(20), 6402-6413.
    """
    sp = _matrix("spikes", spikes) != 0
    num_time, num = sp.shape
    if num < 2:
        raise MeasureError(f"cross_correlation needs at least 2 neurons; got {num}.")
    width = max(1, int(round(float(bin) / _dt(dt))))
    num_bin = math.ceil(num_time / width)
    padded = np.zeros((num_bin * width, num), dtype=bool)
    padded[:num_time] = sp
    x = padded.reshape(num_bin, width, num).any(axis=1).astype(float)  # (num_bin, num)
    co = x.T @ x  # co[i, j] = sum_l X_i(l) X_j(l)
    counts = np.diag(co)
    norm = np.sqrt(np.outer(counts, counts))
    kappa = np.divide(co, norm, out=np.zeros_like(co), where=norm > 0)
    off = ~np.eye(num, dtype=bool)
    return float(kappa[off].mean())


def voltage_fluctuation(potentials: Any) -> float:
    r"""Synchrony :math:`\chi^2` from voltage fluctuations (Golomb & Rinzel, 1993).

    With the population mean :math:`V(t) = \frac{1}{N}\sum_i V_i(t)` and the
    time variances :math:`\sigma_V^2 = \langle V^2\rangle_t - \langle V\rangle_t^2`
    and :math:`\sigma_{V_i}^2 = \langle V_i^2\rangle_t - \langle V_i\rangle_t^2`,

    .. math:: \chi^2(N) = \frac{\sigma_V^2}{\frac{1}{N}\sum_{i=1}^N \sigma_{V_i}^2}.

    :math:`\chi^2 = 1` for identical traces and :math:`\approx 1/N` for
    independent ones.

    Parameters
    ----------
    potentials : array_like
        Membrane potentials of shape ``(num_time, num_neuron)``.

    Returns
    -------
    float
        :math:`\chi^2`, or ``nan`` when no neuron fluctuates.

    References
    ----------
    .. [1] Golomb, D., & Rinzel, J. (1993). Dynamics of globally coupled
           inhibitory neurons with heterogeneity. Physical Review E, 48(6), 4810.
    """
    v = _matrix("potentials", potentials).astype(float)
    var_pop = np.var(v.mean(axis=1))
    var_each = np.var(v, axis=0).mean()
    return float(var_pop / var_each) if var_each > 0 else float("nan")


def functional_connectivity(activities: Any) -> np.ndarray:
    r"""Functional connectivity: the Pearson correlation matrix of time series.

    .. math:: FC_{ij} = \frac{\mathrm{cov}(x_i, x_j)}{\sigma_{x_i} \sigma_{x_j}}

    Parameters
    ----------
    activities : array_like
        Activities of shape ``(num_time, num_node)``.

    Returns
    -------
    numpy.ndarray
        ``(num_node, num_node)``; entries of constant signals are 0 (their
        diagonal stays 1).
    """
    x = _matrix("activities", activities).astype(float)
    x = x - x.mean(axis=0)
    cov = x.T @ x
    sd = np.sqrt(np.diag(cov))
    norm = np.outer(sd, sd)
    fc = np.divide(cov, norm, out=np.zeros_like(cov), where=norm > 0)
    np.fill_diagonal(fc, 1.0)
    return fc


def _pearson(x: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> float:
    w = np.ones_like(x) if w is None else w
    total = w.sum()
    mx, my = (w * x).sum() / total, (w * y).sum() / total
    dx, dy = x - mx, y - my
    sxy, sxx, syy = (w * dx * dy).sum(), (w * dx * dx).sum(), (w * dy * dy).sum()
    if sxx <= 0 or syy <= 0:
        raise MeasureError("the correlation is undefined: one of the data series is constant.")
    return float(sxy / math.sqrt(sxx * syy))


def matrix_correlation(x: Any, y: Any) -> float:
    r"""Pearson correlation of the lower triangles (diagonal excluded) of two square matrices.

    Used to compare a simulated functional-connectivity matrix with an
    empirical one.

    Parameters
    ----------
    x, y : array_like
        Square matrices of the same shape.

    Returns
    -------
    float
        The correlation coefficient, in :math:`[-1, 1]`.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 2 or x.shape[0] != x.shape[1] or x.shape != y.shape:
        raise MeasureError(f"matrix_correlation needs two square matrices of one shape; got {x.shape} and {y.shape}.")
    rows, cols = np.tril_indices(x.shape[0], k=-1)
    return _pearson(x[rows, cols], y[rows, cols])


def weighted_correlation(x: Any, y: Any, w: Any) -> float:
    r"""Weighted Pearson correlation of two data series.

    With :math:`m_x = \sum_i w_i x_i / \sum_i w_i` (likewise :math:`m_y`),

    .. math::

        r = \frac{\sum_i w_i (x_i - m_x)(y_i - m_y)}
                 {\sqrt{\sum_i w_i (x_i - m_x)^2 \sum_i w_i (y_i - m_y)^2}}.

    Parameters
    ----------
    x, y : array_like
        Data series of one length.
    w : array_like
        Non-negative weights of the same length.

    Returns
    -------
    float
        The weighted correlation, in :math:`[-1, 1]`.
    """
    x, y, w = (np.asarray(a, dtype=float).ravel() for a in (x, y, w))
    if not x.shape == y.shape == w.shape:
        raise MeasureError(f"weighted_correlation needs x, y, w of one length; got {x.size}, {y.size}, {w.size}.")
    if np.any(w < 0) or not w.sum() > 0:
        raise MeasureError("weighted_correlation needs non-negative weights with a positive sum.")
    return _pearson(x, y, w)
