r"""Delay variables: ring buffers of past values, indexed by steps or by time.

A delay keeps the last :math:`L` values of a quantity :math:`y` in a ring
buffer (a ``bm.Variable``), so that delayed values :math:`y(t-\tau)` can be
read inside compiled code. :class:`LengthDelay` is indexed by a number of
steps, :class:`TimeDelay` by absolute time, with the history function
:math:`\phi(t)` (``before_t0``) giving the values for :math:`t < t_0`:

.. math:: y(t) = \phi(t), \quad t_0 - \tau_{max} \le t < t_0 .

Between grid points :math:`t_0 + k\,dt`, :class:`TimeDelay` interpolates
linearly (``'linear_interp'``) or takes the nearest point (``'round'``).
:class:`NeuTimeDelay` and :class:`NeuLenDelay` hold the delays of neutral
equations (delays of the derivative :math:`y'(t-\tau)`); they work the same.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy import check
from brainpy._compat import is_tracer
from brainpy.base._base import Base
from brainpy.errors import ArgumentTypeError, BrainPyError, MathError, NoImplementationError
from brainpy.math import _settings
from brainpy.math._ndarray import JaxArray, Variable
from brainpy.tools.errors import check_error_in_jit

__all__ = [
    "AbstractDelay",
    "TimeDelay",
    "FixedLenDelay",
    "NeuTimeDelay",
    "NeutralDelay",
    "LengthDelay",
    "NeuLenDelay",
    "DelayTimeError",
]

_INTERP = ("linear_interp", "round")


class DelayTimeError(BrainPyError, ValueError):
    r"""A delay was asked for a time (or step) outside the range it stores."""


def _raw(x: Any) -> Any:
    return x._value if isinstance(x, JaxArray) else x


def _fmt(x: float) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else repr(x)


class AbstractDelay(Base):
    r"""The interface of delay variables: ``update(...)``, ``reset(...)`` and ``__call__(...)``."""

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Push the newest value into the delay."""
        raise NoImplementationError(f"{type(self).__name__} must implement update().")

    def reset(self, *args: Any, **kwargs: Any) -> None:
        """Re-initialise the stored history."""
        raise NoImplementationError(f"{type(self).__name__} must implement reset().")

    def _buffer(self, target: Any, num: int, history: Any, times: np.ndarray | None) -> jax.Array:
        """The ring buffer ``(num,) + shape`` for index 0: the value k steps back sits at slot ``(-k) % num``."""
        newest_first = self._history(target, num, history, times)
        return newest_first[(-np.arange(num)) % num]

    def _history(self, target: Any, num: int, history: Any, times: np.ndarray | None) -> jax.Array:
        """``(num,) + shape``: row 0 is ``target``, row k the value k steps back."""
        target = jnp.asarray(_raw(target))
        shape, dtype = target.shape, target.dtype
        data = jnp.zeros((num,) + shape, dtype=dtype).at[0].set(target)
        if num == 1 or history is None:
            return data
        if callable(history):
            if times is None:
                raise ArgumentTypeError(
                    f"initial_delay_data of {type(self).__name__} must be a scalar or an array, not a callable "
                    f"(a callable history needs times: use bm.TimeDelay's before_t0)."
                )
            return data.at[1:].set(_evaluate_history(history, times[1:], shape, dtype))
        hist = jnp.asarray(_raw(history), dtype=dtype)
        if hist.shape == (num - 1,) + shape:
            return data.at[1:].set(hist)
        try:
            return data.at[1:].set(jnp.broadcast_to(hist, (num - 1,) + shape))
        except ValueError:
            raise MathError(
                f"The initial history must be a scalar, an array broadcastable to {shape}, an array of "
                f"shape {(num - 1,) + shape} (newest first) or a callable, but got shape {hist.shape}."
            ) from None


def _evaluate_history(history: Callable, times: np.ndarray, shape: tuple, dtype: Any) -> jax.Array:
    """``history`` at every time: one vectorised call when it accepts an array, else one call per time."""
    n = len(times)
    try:
        out = jnp.asarray(_raw(history(jnp.asarray(times, dtype=dtype))), dtype=dtype)
        if out.shape == (n,):
            out = out.reshape((n,) + (1,) * len(shape))
        return jnp.broadcast_to(out, (n,) + shape)
    except (TypeError, ValueError):
        past = [jnp.broadcast_to(jnp.asarray(_raw(history(float(t))), dtype=dtype), shape) for t in times]
        return jnp.stack(past)


@functools.partial(jax.jit, static_argnames=("n", "method"))
def _read_time(data: Any, idx: Any, cur: Any, time: Any, dt: Any, n: int, method: str) -> Any:
    steps = (cur - time) / dt
    if method == "round":
        return data[(idx - jnp.clip(jnp.round(steps).astype(jnp.int32), 0, n - 1)) % n]
    k0 = jnp.clip(jnp.floor(steps).astype(jnp.int32), 0, max(n - 2, 0))
    frac = jnp.clip(steps - k0, 0.0, 1.0).astype(data.dtype)
    return data[(idx - k0) % n] * (1 - frac) + data[(idx - jnp.minimum(k0 + 1, n - 1)) % n] * frac


@functools.partial(jax.jit, static_argnames=("n",))
def _push(data: Any, idx: Any, value: Any, n: int) -> tuple[Any, Any]:
    new_idx = (idx + 1) % n
    return data.at[new_idx[0]].set(value.astype(data.dtype)), new_idx


class TimeDelay(AbstractDelay):
    r"""A delay of a fixed time length, read by absolute time.

    Parameters
    ----------
    delay_target : array_like or Variable
        The current value :math:`y(t_0)` (its shape and dtype are kept).
    delay_len : float
        The maximum delay :math:`\tau_{max}` (time units, e.g. ms).
    before_t0 : callable, array_like or float, optional
        The history :math:`\phi(t)` for :math:`t<t_0`: a function of ``t``, a
        constant, or an array of shape ``(num_delay_step - 1,) + shape``
        (newest first). Default: zeros.
    t0 : float
        The initial time.
    dt : float, optional
        The step; default ``bm.get_dt()``.
    name : str, optional
    interp_method : {'linear_interp', 'round'}
        How values between grid points are read.

    Raises
    ------
    DelayTimeError
        When asked for a time after the current time or before the oldest
        stored time. Inside compiled code the check runs on the host when the
        code executes (surfacing as ``jax.errors.JaxRuntimeError``) while
        ``bp.check.is_checking()``; ``bp.check.turn_off()`` removes it.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> d = bm.TimeDelay(bm.zeros(2), delay_len=10, dt=1, t0=0, before_t0=lambda t: t)
    >>> d(-0.5)
    Array([-0.5, -0.5], dtype=float32)
    """

    def __init__(
        self,
        delay_target: Any,
        delay_len: float,
        before_t0: Any = None,
        t0: float = 0.0,
        dt: float | None = None,
        name: str | None = None,
        interp_method: str = "linear_interp",
    ) -> None:
        super().__init__(name=name)
        if interp_method not in _INTERP:
            raise MathError(f"interp_method must be one of {_INTERP}, but got {interp_method!r}.")
        self.interp_method = interp_method
        self.reset(delay_target, delay_len, t0=t0, dt=dt, before_t0=before_t0)

    def reset(
        self,
        delay_target: Any,
        delay_len: float | None = None,
        t0: float = 0.0,
        dt: float | None = None,
        before_t0: Any = None,
    ) -> None:
        r"""Re-initialise the history (arguments as in the constructor; ``delay_len`` defaults to the old one)."""
        delay_len = getattr(self, "delay_len", None) if delay_len is None else delay_len
        dt = _settings.get_dt() if dt is None else dt
        for label, val in (("delay_len", delay_len), ("dt", dt), ("t0", t0)):
            if isinstance(val, bool) or not isinstance(val, (numbers.Real, np.number)):
                raise ArgumentTypeError(f"{label} must be a real number, but got {val!r}.")
        if delay_len <= 0 or dt <= 0:
            raise MathError(f"delay_len and dt must be positive, but got delay_len={delay_len}, dt={dt}.")
        self.delay_len, self.dt, self.t0 = float(delay_len), float(dt), t0
        self.num_delay_step = int(math.ceil(self.delay_len / self.dt - 1e-9)) + 1
        times = t0 - self.dt * np.arange(self.num_delay_step)
        data = self._buffer(delay_target, self.num_delay_step, before_t0, times)
        _set_or_create(self, "data", data)
        _set_or_create(self, "idx", jnp.zeros((1,), dtype=jnp.int32))
        _set_or_create(self, "current_time", jnp.asarray([t0], dtype=_settings.get_dfloat()))

    def _check_time(self, time: Any) -> None:
        cur = self.current_time._value[0]
        oldest = cur - (self.num_delay_step - 1) * self.dt
        name = type(self).__name__
        if is_tracer(time) or is_tracer(cur):
            if not check.is_checking():  # bp.check.turn_off() removes the run-time check from compiled code
                return
            check_error_in_jit(
                jnp.logical_or(time > cur, time < oldest - 1e-4 * self.dt),
                lambda t, c: _raise_time(name, t, c),
                (time, cur),
            )
        else:
            _raise_time(name, time, cur, oldest)

    def __call__(self, time: Any, indices: Any = None) -> jax.Array:
        r"""The delayed value at absolute ``time`` (optionally only its elements ``indices``)."""
        time = jnp.asarray(_raw(time), dtype=self.current_time.dtype)
        self._check_time(time)
        out = _read_time(
            self.data._value,
            self.idx._value[0],
            self.current_time._value[0],
            time,
            jnp.asarray(self.dt, dtype=time.dtype),
            n=self.num_delay_step,
            method=self.interp_method,
        )
        return out if indices is None else out[_raw(indices)]

    def update(self, time: Any, value: Any) -> None:
        r"""Push ``value`` as the value at ``time`` (one step ``dt`` after the previous one)."""
        self.data._value, self.idx._value = _push(
            self.data._value, self.idx._value, jnp.asarray(_raw(value)), n=self.num_delay_step
        )
        self.current_time._value = jnp.reshape(jnp.asarray(_raw(time), dtype=self.current_time.dtype), (1,))


def _raise_time(name: str, time: Any, cur: Any, oldest: Any = None) -> None:
    time, cur = float(np.asarray(time)), float(np.asarray(cur))
    if time > cur:
        raise DelayTimeError(
            f"!!! Error in {name}: \nThe request time should be less than the current time "
            f"{_fmt(cur)}. But we got {_fmt(time)} > {_fmt(cur)}"
        )
    if oldest is not None and time < float(oldest) - 1e-6:
        raise DelayTimeError(
            f"!!! Error in {name}: \nThe request time should be greater than the oldest stored "
            f"time {_fmt(oldest)} (current time minus delay_len). But we got {_fmt(time)}."
        )


def _set_or_create(obj: Any, attr: str, value: jax.Array) -> None:
    old = obj.__dict__.get(attr)
    if isinstance(old, Variable):
        old._value = value  # keep the Variable's identity (jitted functions hold it)
    else:
        setattr(obj, attr, Variable(value))


class NeuTimeDelay(TimeDelay):
    r"""A :class:`TimeDelay` holding the derivative of a neutral delay equation, :math:`y'(t-\tau)`."""


class LengthDelay(AbstractDelay):
    r"""A delay of a fixed number of steps.

    ``d(k)`` returns the value pushed ``k`` updates ago (``d(0)`` is the
    newest), for ``0 <= k <= delay_len``; ``d.update(x)`` pushes ``x``.

    Parameters
    ----------
    delay_target : array_like or Variable
        The current value (shape and dtype are kept).
    delay_len : int
        The maximum delay in steps.
    initial_delay_data : array_like or float, optional
        Values for the ``delay_len`` older slots: a scalar, an array
        broadcastable to the target's shape, or an array of shape
        ``(delay_len,) + shape`` (newest first). Default: zeros.
    name : str, optional

    Examples
    --------
    >>> import brainpy.math as bm
    >>> d = bm.LengthDelay(bm.Variable(bm.zeros(3)), delay_len=2)
    >>> d.update(bm.ones(3))
    >>> d(1)
    Array([0., 0., 0.], dtype=float32)
    """

    def __init__(
        self, delay_target: Any, delay_len: int, initial_delay_data: Any = None, name: str | None = None
    ) -> None:
        super().__init__(name=name)
        self.reset(delay_target, delay_len, initial_delay_data)

    def reset(self, delay_target: Any, delay_len: int | None = None, initial_delay_data: Any = None) -> None:
        r"""Re-initialise the history (``delay_len`` defaults to the old one)."""
        delay_len = getattr(self, "delay_len", None) if delay_len is None else delay_len
        if isinstance(delay_len, bool) or not isinstance(delay_len, (int, np.integer)) or delay_len < 0:
            raise MathError(f"delay_len must be a non-negative int (a number of steps), but got {delay_len!r}.")
        self.delay_len = int(delay_len)
        self.num_delay_step = self.delay_len + 1
        _set_or_create(self, "data", self._buffer(delay_target, self.num_delay_step, initial_delay_data, None))
        _set_or_create(self, "idx", jnp.zeros((1,), dtype=jnp.int32))

    def __call__(self, delay_len: Any, *indices: Any) -> jax.Array:
        r"""The value pushed ``delay_len`` updates ago (``delay_len`` may be an int array, with ``indices``)."""
        k = _raw(delay_len)
        if not is_tracer(k):
            arr = np.asarray(k)
            if arr.size and (arr.min() < 0 or arr.max() > self.delay_len):
                raise DelayTimeError(
                    f"!!! Error in {type(self).__name__}: the delay step must be in [0, {self.delay_len}], but got {k}."
                )
        slot = (self.idx._value[0] - jnp.asarray(k, dtype=jnp.int32)) % self.num_delay_step
        return self.data._value[(slot,) + tuple(_raw(i) for i in indices)]

    def update(self, value: Any) -> None:
        r"""Push ``value`` as the newest entry."""
        self.data._value, self.idx._value = _push(
            self.data._value, self.idx._value, jnp.asarray(_raw(value)), n=self.num_delay_step
        )


class NeuLenDelay(LengthDelay):
    r"""A :class:`LengthDelay` holding the derivative of a neutral delay equation."""


#: Name of :class:`TimeDelay` in BrainPy 2.1.0.
FixedLenDelay = TimeDelay
#: Name of :class:`NeuTimeDelay` in BrainPy 2.1.0.
NeutralDelay = NeuTimeDelay
