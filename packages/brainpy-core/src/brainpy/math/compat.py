r"""``brainpy.math.compat``: the names BrainPy 2.0 kept under ``brainpy.math``.

BrainPy 2.0 had the optimizers, the learning-rate schedulers and the losses
inside ``brainpy.math`` (``bm.optimizers.Adam``, ``bm.losses.l2_loss``). Since
2.1 they live in :mod:`brainpy.optimizers` (``bp.optim``) and
:mod:`brainpy.losses`; this module keeps the 2.0 spellings working.

Every name except :func:`FixedLenDelay` *is* the modern object (``bm.compat.Adam
is bp.optim.Adam``), so instances, ``isinstance`` checks and reprs are the
modern ones, and no deprecation warning is issued.

Optimizers: ``SGD``, ``Momentum``, ``MomentumNesterov``, ``Adagrad``,
``Adadelta``, ``RMSProp``, ``Adam``.

Schedulers: ``Constant``, ``ExponentialDecay``, ``InverseTimeDecay``,
``PolynomialDecay``, ``PiecewiseConstant``.

Losses: ``cross_entropy_loss``, ``l1_loos`` (sic, the 2.1 spelling of
:func:`brainpy.losses.l1_loss`), ``l2_loss``, ``l2_norm``, ``huber_loss``,
``mean_absolute_error``, ``mean_squared_error``, ``mean_squared_log_error``.

Delays: :func:`FixedLenDelay`, the BrainPy 2.1.0 constructor of a
:class:`~brainpy.math.TimeDelay`, which took the *shape* of the delayed data
rather than the data itself.

Only ``brainpy-core`` is imported here.

Examples
--------
>>> import brainpy as bp
>>> from brainpy.math import compat
>>> compat.Adam is bp.optim.Adam
True
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from brainpy.errors import ArgumentTypeError, MathError
from brainpy.losses import (
    cross_entropy_loss,
    huber_loss,
    l1_loos,
    l2_loss,
    l2_norm,
    mean_absolute_error,
    mean_squared_error,
    mean_squared_log_error,
)
from brainpy.math._delays import TimeDelay
from brainpy.math._numpy_api import zeros
from brainpy.optimizers import (
    SGD,
    Adadelta,
    Adagrad,
    Adam,
    Constant,
    ExponentialDecay,
    InverseTimeDecay,
    Momentum,
    MomentumNesterov,
    PiecewiseConstant,
    PolynomialDecay,
    RMSProp,
)

__all__ = [
    # optimizers
    "SGD",
    "Momentum",
    "MomentumNesterov",
    "Adagrad",
    "Adadelta",
    "RMSProp",
    "Adam",
    # schedulers
    "Constant",
    "ExponentialDecay",
    "InverseTimeDecay",
    "PolynomialDecay",
    "PiecewiseConstant",
    # losses
    "cross_entropy_loss",
    "l1_loos",
    "l2_loss",
    "l2_norm",
    "huber_loss",
    "mean_absolute_error",
    "mean_squared_error",
    "mean_squared_log_error",
    # delays
    "FixedLenDelay",
]


def _as_shape(shape: Any) -> tuple[int, ...]:
    def is_int(x: Any) -> bool:
        return isinstance(x, (numbers.Integral, np.integer)) and not isinstance(x, bool)

    if is_int(shape):
        dims: tuple[int, ...] = (int(shape),)
    elif isinstance(shape, Sequence) and not isinstance(shape, str) and all(is_int(s) for s in shape):
        dims = tuple(int(s) for s in shape)
    else:
        raise ArgumentTypeError(
            f"FixedLenDelay(shape, delay_len, ...) takes the shape of the delayed data (an int or a tuple of "
            f"ints) first, but got {shape!r}. To delay given data, use "
            f"bm.TimeDelay(data, delay_len, ...) instead."
        )
    if any(d < 0 for d in dims):
        raise MathError(f"FixedLenDelay: shape={shape!r} has a negative dimension.")
    return dims


def FixedLenDelay(  # noqa: N802 (the spec's name)
    shape: int | Sequence[int],
    delay_len: float,
    before_t0: Callable | Any = None,
    t0: float = 0.0,
    dt: float | None = None,
    name: str | None = None,
    interp_method: str = "linear_interp",
) -> TimeDelay:
    r"""Delay variable which has a fixed delay length (the BrainPy 2.1.0 constructor).

    Builds ``bm.TimeDelay(bm.zeros(shape), delay_len, before_t0, t0, dt, name,
    interp_method)``: the delayed data starts at zero, and its history before
    ``t0`` is ``before_t0``. Unlike ``bm.FixedLenDelay`` (which *is*
    :class:`~brainpy.math.TimeDelay` and takes the data), this function takes
    the data's shape, as BrainPy 2.1.0 did.

    Parameters
    ----------
    shape : int or tuple of int
        The shape of the delayed data.
    delay_len : float
        The maximum delay length (time units, e.g. ms).
    before_t0 : callable, array_like or float, optional
        The history for :math:`t < t_0`: a function of ``t``, a constant or an
        array. Default: zeros.
    t0 : float
        The initial time. Default 0.
    dt : float, optional
        The time step. Default ``bm.get_dt()``.
    name : str, optional
        The delay's name.
    interp_method : {'linear_interp', 'round'}
        How values between grid points are read. Default ``'linear_interp'``.

    Returns
    -------
    TimeDelay
        The delay variable.

    Raises
    ------
    TypeError
        If ``shape`` is not an int or a tuple of ints.

    Examples
    --------
    >>> from brainpy.math import compat
    >>> d = compat.FixedLenDelay(2, delay_len=1., dt=0.1, before_t0=-1.)
    >>> d.delay_len
    1.0
    """
    return TimeDelay(
        zeros(_as_shape(shape)),
        delay_len,
        before_t0=before_t0,
        t0=t0,
        dt=dt,
        name=name,
        interp_method=interp_method,
    )
