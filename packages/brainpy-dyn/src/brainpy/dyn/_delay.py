r"""``ConstantDelay``: a ring buffer that delays a group's values by a constant time."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy._compat import is_tracer
from brainpy.connect._base import to_device
from brainpy.dyn._base import DynamicalSystem, size2tuple
from brainpy.errors import ModelBuildError

__all__ = ["ConstantDelay"]


class ConstantDelay(DynamicalSystem):
    r"""Class used to model constant delay variables.

    The buffer holds the last :math:`L = \lceil D / dt \rceil + 1` values of a
    group-shaped quantity. Within one step a model :meth:`push`\ es the current
    value, :meth:`pull`\ s the value delayed by :math:`D` (the *oldest* entry),
    and :meth:`update` advances the ring by one slot. With :math:`D = 0` the
    pulled value is the one just pushed.

    The delay may be uniform (a scalar :math:`D`) or one delay per element
    (an array of the group's size), in which case element :math:`k` is read
    :math:`\lceil D_k/dt \rceil` slots back.

    Parameters
    ----------
    size : int or tuple of int
        The shape of the delayed quantity (e.g. the pre-synaptic group size).
    delay : float or array_like
        The delay time(s) in ms (>= 0).
    dtype : dtype, optional
        The buffer's dtype (``bool`` for spikes). Default: the default float type.
    dt : float, optional
        The time step (ms). Default: ``bm.get_dt()``.
    name : str, optional
        The object's name.

    Attributes
    ----------
    num_step : int
        The number of slots :math:`L`.
    data : bm.Variable
        The buffer, shape ``(num_step, *size)``.

    Examples
    --------
    >>> import brainpy as bp
    >>> d = bp.dyn.ConstantDelay(2, delay=0.2, dt=0.1)
    >>> d.num_step
    3
    """

    def __init__(
        self, size: Any, delay: Any, dtype: Any = None, dt: float | None = None, name: str | None = None
    ) -> None:
        import brainpy.math as bm

        self.size = size2tuple(size)
        self.dt = float(bm.get_dt() if dt is None else dt)
        delay_arr = np.asarray(delay, dtype=float)
        if np.any(delay_arr < 0) or not np.all(np.isfinite(delay_arr)):
            raise ModelBuildError(f"ConstantDelay: delay={delay!r} must be finite and >= 0 (ms).")
        self.uniform_delay = delay_arr.ndim == 0
        self.delay = float(delay_arr) if self.uniform_delay else delay_arr
        steps = np.ceil(delay_arr / self.dt - 1e-9).astype(int)
        if not self.uniform_delay and steps.shape != self.size:
            raise ModelBuildError(
                f"ConstantDelay: a non-uniform delay must have the shape of size={self.size}, "
                f"but it has shape {steps.shape}."
            )
        self.num_step = int(steps.max()) + 1 if steps.size else 1
        self._delay_steps = steps
        dtype = np.dtype(bm.get_dfloat() if dtype is None else dtype)
        # built in NumPy and copied once: eager jnp constructors compile a program per shape
        self.data = bm.Variable(to_device(np.zeros((self.num_step,) + self.size, dtype=dtype)))
        self.in_idx = bm.Variable(to_device(np.asarray(self.num_step - 1, dtype=np.int32)))
        # per element: how many slots behind the write position the read position is
        lag = steps if not self.uniform_delay else np.asarray(int(steps))
        self._lag = to_device(np.asarray(lag, dtype=np.int32))
        super().__init__(name=name)

    @property
    def out_idx(self) -> Any:
        r"""The slot(s) read by :meth:`pull` (a scalar for a uniform delay, else per element)."""
        return (self.in_idx.value - self._lag) % self.num_step

    def push(self, value: Any) -> None:
        r"""Write the current value into the newest slot."""
        value = jnp.broadcast_to(jnp.asarray(value), self.size).astype(self.data.dtype)
        if self.num_step == 1:  # one slot: no index arithmetic, no scatter
            self.data.value = value[None]
        else:
            self.data[self.in_idx.value] = value

    def pull(self) -> Any:
        r"""Return the value delayed by ``delay`` (shape ``size``)."""
        if self.num_step == 1:
            return self.data.value[0]
        if self.uniform_delay:
            return self.data.value[self.out_idx]
        flat = self.data.value.reshape((self.num_step, -1))
        idx = self.out_idx.reshape(-1)
        return flat[idx, jnp.arange(flat.shape[1])].reshape(self.size)

    @property
    def oldest(self) -> Any:
        r"""The delayed value (same as :meth:`pull`)."""
        return self.pull()

    @property
    def latest(self) -> Any:
        r"""The most recently pushed value."""
        return self.data.value[self.in_idx.value]

    def update(self, _t: Any = None, _dt: Any = None) -> None:
        r"""Advance the ring buffer by one slot (call once per step, after :meth:`push` and :meth:`pull`)."""
        self.in_idx.value = (self.in_idx.value + 1) % self.num_step

    def reset(self) -> None:
        r"""Clear the buffer (all zeros) and rewind the write position."""
        self.data.value = full_like(self.data.value, 0)
        self.in_idx.value = full_like(self.in_idx.value, self.num_step - 1)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(name={self.name}, size={self.size}, delay={self.delay}, num_step={self.num_step})"
        )


def full_like(x: Any, fill: Any) -> Any:
    """``fill`` in ``x``'s shape and dtype: traced inside transformations, else a device copy (no compilation)."""
    if is_tracer(x):
        return jnp.full_like(x, fill)
    return to_device(np.full(np.shape(x), fill, dtype=np.dtype(x.dtype)))
