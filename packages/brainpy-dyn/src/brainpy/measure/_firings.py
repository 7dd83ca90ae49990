r"""Spike-train measures: raster indices and population firing rate."""

from __future__ import annotations

from typing import Any

import numpy as np
from brainpy.measure._correlation import MeasureError, _dt, _matrix

__all__ = ["raster_plot", "firing_rate"]


def raster_plot(sp_matrix: Any, times: Any) -> tuple[np.ndarray, np.ndarray]:
    r"""The spikes of a raster plot, as (neuron index, time) pairs.

    Parameters
    ----------
    sp_matrix : array_like
        Spike matrix of shape ``(num_time, num_neuron)``.
    times : array_like
        The ``num_time`` time points of the rows.

    Returns
    -------
    index : numpy.ndarray
        The neuron of each spike.
    time : numpy.ndarray
        The time of each spike (spikes are ordered by time, then neuron).
    """
    sp = _matrix("sp_matrix", sp_matrix)
    times = np.asarray(times)
    if times.shape != (sp.shape[0],):
        raise MeasureError(f"times has shape {times.shape}; expected one time per row of sp_matrix ({sp.shape[0]},).")
    rows, index = np.nonzero(sp)
    return index, times[rows]


def firing_rate(sp_matrix: Any, width: float, dt: float | None = None, numpy: bool = True) -> Any:
    r"""Population firing rate (Hz), smoothed with a centred rectangular window.

    With :math:`s(t) = \frac{1}{N}\sum_i s_i(t)` the fraction of neurons
    spiking at step :math:`t` and a window of :math:`w = 2\lfloor
    \mathrm{width}/(2\,dt) \rceil + 1` steps,

    .. math:: r(t) = \frac{1000}{w\,dt} \sum_{|k| \le (w-1)/2} s(t + k)

    (time in ms, so the factor 1000 gives Hz; steps beyond the ends count as
    no spikes).

    Parameters
    ----------
    sp_matrix : array_like
        Spike matrix of shape ``(num_time, num_neuron)``.
    width : float
        Window width (ms).
    dt : float, optional
        Time step (ms); default ``brainpy.math.get_dt()``.
    numpy : bool
        Return a NumPy array (default) or a ``brainpy.math`` array.

    Returns
    -------
    array
        The rate at each of the ``num_time`` steps.
    """
    dt = _dt(dt)
    sp = _matrix("sp_matrix", sp_matrix).astype(float)
    half = int(round(float(width) / (2 * dt)))
    w = 2 * half + 1
    padded = np.concatenate([np.zeros(half + 1), sp.mean(axis=1), np.zeros(half)])
    csum = np.cumsum(padded)
    rate = (csum[w:] - csum[:-w]) * (1000.0 / (w * dt))
    if numpy:
        return rate
    import brainpy.math as bm

    return bm.asarray(rate)
