r"""Builders of input currents: arrays of shape ``(num_step, ...)`` sampled every ``dt``.

Every builder takes ``dt`` (default: the global ``brainpy.math.get_dt()``) and
returns a ``brainpy.math`` array whose first axis is time: entry ``k`` is the
input during :math:`[k\,dt, (k+1)\,dt)`. A duration :math:`T` spans
:math:`\lceil T/dt \rceil` steps (to within round-off, so ``30 / 0.1`` is 300).
Times are in ms and frequencies in Hz.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from brainpy.errors import BrainPyError

__all__ = [
    "section_input",
    "constant_input",
    "constant_current",
    "spike_input",
    "spike_current",
    "ramp_input",
    "ramp_current",
    "wiener_process",
    "ou_process",
    "sinusoidal_input",
    "square_input",
]


class InputError(BrainPyError, ValueError):
    """Wrong arguments to an input builder."""


def _dt(dt: float | None) -> float:
    if dt is None:
        import brainpy.math as bm  # lazy: the global time step

        dt = bm.get_dt()
    dt = float(dt)
    if not dt > 0:
        raise InputError(f"dt={dt!r} must be a positive time step (ms).")
    return dt


def _steps(duration: float, dt: float) -> int:
    """Number of steps covering ``duration``, tolerant to round-off in ``duration / dt``."""
    duration = float(duration)
    if duration < 0:
        raise InputError(f"duration={duration!r} must be >= 0 (ms).")
    return int(math.ceil(duration / dt - 1e-6))


def _window(duration: float, dt: float, t_start: float | None, t_end: float | None) -> tuple[int, int, int]:
    n = _steps(duration, dt)
    i0 = 0 if t_start is None else min(_steps(t_start, dt), n)
    i1 = n if t_end is None else min(_steps(t_end, dt), n)
    if i1 < i0:
        raise InputError(f"t_end={t_end!r} comes before t_start={t_start!r}.")
    return n, i0, i1


def _out(array: np.ndarray) -> Any:
    import brainpy.math as bm

    return bm.asarray(array)


def section_input(
    values: Sequence[Any], durations: Sequence[float], dt: float | None = None, return_length: bool = False
):
    r"""Piecewise-constant input: ``values[k]`` during ``durations[k]``.

    Values may be scalars or arrays; they are broadcast to one common shape,
    so the result has shape ``(num_step,) + shape``.

    Parameters
    ----------
    values : sequence of float or array
        The value of each section.
    durations : sequence of float
        The duration of each section (ms).
    dt : float, optional
        Time step (ms); default ``brainpy.math.get_dt()``.
    return_length : bool
        Whether to also return the total duration.

    Returns
    -------
    current : JaxArray
        The input, ``sum(ceil(durations / dt))`` steps long.
    duration : float
        ``sum(durations)``, when ``return_length`` is True.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.inputs.section_input([0, 1, 2], [10, 20, 30], dt=0.1).shape
    (600,)
    """
    dt = _dt(dt)
    if len(values) != len(durations):
        raise InputError(
            f"section_input got {len(values)} values and {len(durations)} durations; give one duration per value."
        )
    arrays = [np.asarray(v, dtype=float) for v in values]
    shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
    parts = [np.broadcast_to(a, (_steps(d, dt),) + shape) for a, d in zip(arrays, durations)]
    current = np.concatenate(parts, axis=0) if parts else np.zeros((0,) + shape)
    current = _out(current)
    return (current, float(sum(durations))) if return_length else current


def constant_input(I_and_duration: Sequence[tuple[Any, float]], dt: float | None = None):
    r"""Constant input in successive periods, given as ``[(value, duration), ...]``.

    Returns
    -------
    current : JaxArray
        As :func:`section_input`.
    duration : float
        The total duration (ms).
    """
    values = [item[0] for item in I_and_duration]
    durations = [item[1] for item in I_and_duration]
    return section_input(values, durations, dt=dt, return_length=True)


def _per_spike(name: str, value: Any, num: int) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        return np.full(num, float(arr))
    if arr.shape != (num,):
        raise InputError(f"spike_input: {name} has {arr.size} entries; give one per spike time ({num}) or a scalar.")
    return arr


def spike_input(sp_times: Sequence[float], sp_lens: Any, sp_sizes: Any, duration: float, dt: float | None = None):
    r"""Input made of short current pulses.

    Pulse :math:`k` has value ``sp_sizes[k]`` during
    :math:`[t_k, t_k + \ell_k)` with :math:`t_k` = ``sp_times[k]`` and
    :math:`\ell_k` = ``sp_lens[k]``; the input is 0 elsewhere. Where pulses
    overlap, the later one wins.

    Parameters
    ----------
    sp_times : sequence of float
        Pulse onsets (ms).
    sp_lens : float or sequence of float
        Pulse lengths (ms), one for all or one per pulse.
    sp_sizes : float or sequence of float
        Pulse amplitudes, one for all or one per pulse.
    duration : float
        Total duration (ms).
    dt : float, optional
        Time step (ms); default ``brainpy.math.get_dt()``.
    """
    dt = _dt(dt)
    times = np.asarray(sp_times, dtype=float).ravel()
    lens, sizes = _per_spike("sp_lens", sp_lens, times.size), _per_spike("sp_sizes", sp_sizes, times.size)
    n = _steps(duration, dt)
    current = np.zeros(n)
    for t, length, size in zip(times, lens, sizes):
        current[_steps(t, dt) : _steps(t + length, dt)] = size
    return _out(current)


def ramp_input(
    c_start: float,
    c_end: float,
    duration: float,
    t_start: float = 0,
    t_end: float | None = None,
    dt: float | None = None,
):
    r"""Linearly changing input.

    During :math:`[t_{start}, t_{end})` the input goes linearly from
    ``c_start`` (first step) to ``c_end`` (last step); it is 0 before and after.

    Parameters
    ----------
    c_start, c_end : float
        The values at the start and at the end of the ramp.
    duration : float
        Total duration (ms).
    t_start : float
        Ramp start (ms). Default 0.
    t_end : float, optional
        Ramp end (ms). Default ``duration``.
    dt : float, optional
        Time step (ms); default ``brainpy.math.get_dt()``.
    """
    dt = _dt(dt)
    n, i0, i1 = _window(duration, dt, t_start, t_end)
    current = np.zeros(n)
    current[i0:i1] = np.linspace(c_start, c_end, i1 - i0)
    return _out(current)


def _noise_shape(n: int | Sequence[int], steps: int) -> tuple[int, ...]:
    return (steps,) + ((int(n),) if isinstance(n, (int, np.integer)) else tuple(int(k) for k in n))


def wiener_process(
    duration: float,
    dt: float | None = None,
    n: int | Sequence[int] = 1,
    t_start: float = 0.0,
    t_end: float | None = None,
    seed: int | None = None,
):
    r"""Increments :math:`dW \sim \mathcal{N}(0, dt)` of a Wiener process.

    Each entry in :math:`[t_{start}, t_{end})` is an independent normal draw
    with standard deviation :math:`\sqrt{dt}`; entries outside are 0.

    Parameters
    ----------
    duration : float
        Total duration (ms).
    dt : float, optional
        Time step (ms); default ``brainpy.math.get_dt()``.
    n : int or tuple of int
        Number (or shape) of independent processes. Default 1.
    t_start, t_end : float
        The window of the noise (ms); default the whole duration.
    seed : int, optional
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    JaxArray
        Shape ``(num_step, n)``.
    """
    dt = _dt(dt)
    steps, i0, i1 = _window(duration, dt, t_start, t_end)
    rng = np.random.default_rng(seed)
    shape = _noise_shape(n, steps)
    current = np.zeros(shape)
    current[i0:i1] = rng.normal(0.0, math.sqrt(dt), (i1 - i0,) + shape[1:])
    return _out(current)


def ou_process(
    mean: float,
    sigma: float,
    tau: float,
    duration: float,
    dt: float | None = None,
    n: int | Sequence[int] = 1,
    t_start: float = 0.0,
    t_end: float | None = None,
    seed: int | None = None,
):
    r"""Ornstein–Uhlenbeck noise.

    .. math:: dx = \frac{\mu - x}{\tau}\, dt + \sigma\, dW,

    integrated with the Euler–Maruyama scheme from :math:`x = \mu` at
    :math:`t_{start}`: :math:`x_{k+1} = x_k + dt(\mu - x_k)/\tau + \sigma
    \sqrt{dt}\,\xi_k`, :math:`\xi_k \sim \mathcal{N}(0, 1)`. The stationary
    standard deviation is :math:`\sigma\sqrt{\tau/2}` (for :math:`dt \ll
    \tau`). The input is 0 outside :math:`[t_{start}, t_{end})`.

    Parameters
    ----------
    mean : float
        Mean :math:`\mu`.
    sigma : float
        Noise intensity :math:`\sigma`.
    tau : float
        Time constant :math:`\tau` (ms).
    duration : float
        Total duration (ms).
    dt : float, optional
        Time step (ms); default ``brainpy.math.get_dt()``.
    n : int or tuple of int
        Number (or shape) of independent processes. Default 1.
    t_start, t_end : float
        The window of the noise (ms); default the whole duration.
    seed : int, optional
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    JaxArray
        Shape ``(num_step, n)``.
    """
    dt = _dt(dt)
    if not tau > 0:
        raise InputError(f"ou_process: tau={tau!r} must be a positive time constant (ms).")
    steps, i0, i1 = _window(duration, dt, t_start, t_end)
    rng = np.random.default_rng(seed)
    shape = _noise_shape(n, steps)
    noise = rng.normal(0.0, sigma * math.sqrt(dt), (i1 - i0,) + shape[1:])
    current = np.zeros(shape)
    x = np.full(shape[1:], float(mean))
    decay = dt / tau
    for k in range(i1 - i0):
        current[i0 + k] = x
        x = x + decay * (mean - x) + noise[k]
    return _out(current)


def _phase_times(duration: float, dt: float, t_start: float | None, t_end: float | None):
    n, i0, i1 = _window(duration, dt, t_start, t_end)
    return n, i0, i1, np.arange(i1 - i0) * dt


def sinusoidal_input(
    amplitude: float,
    frequency: float,
    duration: float,
    dt: float | None = None,
    t_start: float = 0.0,
    t_end: float | None = None,
    dc_bias: bool = False,
):
    r"""Sinusoidal input :math:`A \sin(2\pi f (t - t_{start}))` in :math:`[t_{start}, t_{end})`.

    Time is in ms and :math:`f` in Hz (so the phase is
    :math:`2\pi f (t - t_{start}) / 1000`). With ``dc_bias`` the input is
    shifted up by :math:`A` (it oscillates in :math:`[0, 2A]`). It is 0
    outside the window.

    Parameters
    ----------
    amplitude : float
        Amplitude :math:`A`.
    frequency : float
        Frequency :math:`f` (Hz).
    duration : float
        Total duration (ms).
    dt : float, optional
        Time step (ms); default ``brainpy.math.get_dt()``.
    t_start, t_end : float
        The window (ms); default the whole duration.
    dc_bias : bool
        Whether to add :math:`A`. Default False.
    """
    dt = _dt(dt)
    n, i0, i1, t = _phase_times(duration, dt, t_start, t_end)
    current = np.zeros(n)
    current[i0:i1] = amplitude * np.sin(2 * np.pi * frequency * t / 1000.0) + (amplitude if dc_bias else 0.0)
    return _out(current)


def square_input(
    amplitude: float,
    frequency: float,
    duration: float,
    dt: float | None = None,
    dc_bias: bool = False,
    t_start: float | None = None,
    t_end: float | None = None,
):
    r"""Oscillatory square input in :math:`[t_{start}, t_{end})`.

    The input is :math:`+A` during the first half of each period
    :math:`1000/f` ms (counted from :math:`t_{start}`) and :math:`-A` during the
    second half; with ``dc_bias`` it is shifted up by :math:`A` (it takes the
    values :math:`2A` and 0). It is 0 outside the window.

    Parameters
    ----------
    amplitude : float
        Amplitude :math:`A`.
    frequency : float
        Frequency :math:`f` (Hz).
    duration : float
        Total duration (ms).
    dt : float, optional
        Time step (ms); default ``brainpy.math.get_dt()``.
    dc_bias : bool
        Whether to add :math:`A`. Default False.
    t_start, t_end : float, optional
        The window (ms); default the whole duration.
    """
    dt = _dt(dt)
    n, i0, i1, t = _phase_times(duration, dt, t_start, t_end)
    phase = np.mod(frequency * t / 1000.0, 1.0)
    current = np.zeros(n)
    current[i0:i1] = np.where(phase < 0.5, amplitude, -amplitude) + (amplitude if dc_bias else 0.0)
    return _out(current)


constant_current = constant_input
spike_current = spike_input
ramp_current = ramp_input
