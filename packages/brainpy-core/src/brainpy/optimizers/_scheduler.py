r"""Learning-rate schedulers.

A scheduler is a :class:`brainpy.Base` object that owns the training step counter,
``step`` (a :class:`brainpy.math.Variable` holding one integer). Calling it gives the
learning rate: ``sched()`` at the current step, ``sched(i)`` at step ``i`` (an integer or
an array of steps). An optimizer calls ``sched.update()`` after each parameter update,
which advances the counter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy.math as bm
from brainpy.base import Base
from brainpy.optimizers._errors import OptimizerError, OptimizerTypeError

__all__ = [
    "make_schedule",
    "Scheduler",
    "Constant",
    "ExponentialDecay",
    "InverseTimeDecay",
    "PolynomialDecay",
    "PiecewiseConstant",
]


def _check_positive(owner: str, name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) or value <= 0:
        raise OptimizerError(f"{owner} got {name}={value!r}; expected a positive number, for example {name}=10.")


class Scheduler(Base):
    r"""The learning rate scheduler.

    The base class of every scheduler. It stores the initial learning rate ``lr`` and the
    step counter ``step``. Subclasses implement ``__call__(i=None)``, which returns the
    learning rate at step ``i``, or at the internal step when ``i`` is ``None``.

    Parameters
    ----------
    lr : float
        The initial learning rate.
    name : str, optional
        The object's name.

    Examples
    --------
    A custom scheduler:

    >>> import brainpy as bp
    >>> class Halving(bp.optim.Scheduler):
    ...     def __call__(self, i=None):
    ...         i = self.step[0] if i is None else i
    ...         return self.lr * 0.5 ** i
    """

    def __init__(self, lr: float, name: str | None = None) -> None:
        super().__init__(name=name)
        if isinstance(lr, bool) or not isinstance(lr, (int, float, np.integer, np.floating)):
            raise OptimizerTypeError(
                f"{type(self).__name__} got lr={lr!r} of type {type(lr).__name__}; expected a number, "
                f"for example lr=0.001."
            )
        self.lr = float(lr)
        self.step = bm.Variable(jnp.zeros((1,), dtype=bm.get_dint()))

    def update(self) -> None:
        """Advance the step counter by one (called by the optimizer after each update)."""
        self.step += 1

    def _steps(self, i: Any) -> Any:
        return self.step[0] if i is None else bm.as_jax(i)

    def __call__(self, i: Any = None) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must implement __call__(self, i=None).")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(lr={self.lr})"


class Constant(Scheduler):
    r"""A constant learning rate, :math:`\eta_i = \eta_0` at every step :math:`i`.

    Parameters
    ----------
    lr : float
        The learning rate :math:`\eta_0`.
    name : str, optional
        The object's name.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.optim.Constant(0.001)()
    0.001
    """

    def __call__(self, i: Any = None) -> Any:
        if i is None:
            return self.lr
        return jnp.full(jnp.shape(bm.as_jax(i)), self.lr, dtype=bm.get_dfloat())

    def __repr__(self) -> str:
        return f"Constant({self.lr})"


class ExponentialDecay(Scheduler):
    r"""A learning rate that decays exponentially with the step.

    .. math:: \eta_i = \eta_0 \, r^{\,i / s}

    where :math:`\eta_0` is ``lr``, :math:`r` is ``decay_rate`` and :math:`s` is
    ``decay_steps`` (the rate is multiplied by :math:`r` every :math:`s` steps).

    Parameters
    ----------
    lr : float
        The initial learning rate :math:`\eta_0`.
    decay_steps : int
        The number of steps :math:`s` over which the rate is multiplied by ``decay_rate``.
    decay_rate : float
        The decay factor :math:`r`.
    name : str, optional
        The object's name.

    Examples
    --------
    >>> import brainpy as bp
    >>> sc = bp.optim.ExponentialDecay(lr=0.1, decay_steps=2, decay_rate=0.99)
    >>> round(float(sc(4)), 6)
    0.09801
    """

    def __init__(self, lr: float, decay_steps: int, decay_rate: float, name: str | None = None) -> None:
        super().__init__(lr, name=name)
        _check_positive(type(self).__name__, "decay_steps", decay_steps)
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate

    def __call__(self, i: Any = None) -> Any:
        i = self._steps(i)
        return self.lr * self.decay_rate ** (i / self.decay_steps)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(lr={self.lr}, decay_steps={self.decay_steps}, decay_rate={self.decay_rate})"


class InverseTimeDecay(Scheduler):
    r"""A learning rate that decays as the inverse of time.

    .. math:: \eta_i = \frac{\eta_0}{1 + r \, i / s}
              \quad\text{or, with staircase,}\quad
              \eta_i = \frac{\eta_0}{1 + r \lfloor i / s \rfloor}

    where :math:`\eta_0` is ``lr``, :math:`r` is ``decay_rate`` and :math:`s` is
    ``decay_steps``.

    Parameters
    ----------
    lr : float
        The initial learning rate :math:`\eta_0`.
    decay_steps : int
        The step scale :math:`s`.
    decay_rate : float
        The decay rate :math:`r`.
    staircase : bool
        Decay in discrete jumps every ``decay_steps`` steps. Default ``False``.
    name : str, optional
        The object's name.
    """

    def __init__(
        self, lr: float, decay_steps: int, decay_rate: float, staircase: bool = False, name: str | None = None
    ) -> None:
        super().__init__(lr, name=name)
        _check_positive(type(self).__name__, "decay_steps", decay_steps)
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase

    def __call__(self, i: Any = None) -> Any:
        i = self._steps(i)
        ratio = jnp.floor(i / self.decay_steps) if self.staircase else i / self.decay_steps
        return self.lr / (1 + self.decay_rate * ratio)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(lr={self.lr}, decay_steps={self.decay_steps}, "
            f"decay_rate={self.decay_rate}, staircase={self.staircase})"
        )


class PolynomialDecay(Scheduler):
    r"""A learning rate that decays polynomially to ``final_lr`` over ``decay_steps`` steps.

    .. math:: \eta_i = (\eta_0 - \eta_f) \left(1 - \frac{\min(i, s)}{s}\right)^{p} + \eta_f

    where :math:`\eta_0` is ``lr``, :math:`\eta_f` is ``final_lr``, :math:`s` is
    ``decay_steps`` and :math:`p` is ``power``. After :math:`s` steps the rate stays at
    :math:`\eta_f`.

    Parameters
    ----------
    lr : float
        The initial learning rate :math:`\eta_0`.
    decay_steps : int
        The number of decay steps :math:`s`.
    final_lr : float
        The final learning rate :math:`\eta_f`.
    power : float
        The power :math:`p`; 1 gives a linear decay. Default 1.
    name : str, optional
        The object's name.
    """

    def __init__(
        self, lr: float, decay_steps: int, final_lr: float, power: float = 1.0, name: str | None = None
    ) -> None:
        super().__init__(lr, name=name)
        _check_positive(type(self).__name__, "decay_steps", decay_steps)
        self.decay_steps = decay_steps
        self.final_lr = final_lr
        self.power = power

    def __call__(self, i: Any = None) -> Any:
        i = jnp.minimum(self._steps(i), self.decay_steps)
        return (self.lr - self.final_lr) * (1 - i / self.decay_steps) ** self.power + self.final_lr

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(lr={self.lr}, decay_steps={self.decay_steps}, "
            f"final_lr={self.final_lr}, power={self.power})"
        )


class PiecewiseConstant(Scheduler):
    r"""A learning rate that is constant between step boundaries.

    With boundaries :math:`b_1 < b_2 < \dots < b_K` and values :math:`v_0, \dots, v_K`,

    .. math:: \eta_i = v_k, \qquad k = \#\{j : b_j < i\},

    that is :math:`v_0` for :math:`i \le b_1`, :math:`v_1` for :math:`b_1 < i \le b_2`, ...,
    and :math:`v_K` for :math:`i > b_K`.

    Parameters
    ----------
    boundaries : sequence of int
        The increasing step boundaries :math:`b_j`.
    values : sequence of float
        The learning rates; one more than ``boundaries``.
    name : str, optional
        The object's name.

    Examples
    --------
    >>> import brainpy as bp
    >>> sc = bp.optim.PiecewiseConstant([10, 20], [0.1, 0.01, 0.001])
    >>> [round(float(sc(i)), 4) for i in (0, 10, 11, 21)]
    [0.1, 0.1, 0.01, 0.001]
    """

    def __init__(self, boundaries: Sequence[int], values: Sequence[float], name: str | None = None) -> None:
        boundaries = np.asarray(boundaries)
        values = np.asarray(values, dtype=float)
        if boundaries.ndim != 1 or values.ndim != 1 or values.size != boundaries.size + 1:
            raise OptimizerError(
                f"PiecewiseConstant got {boundaries.size} boundaries and {values.size} values; expected one "
                f"more value than boundaries, for example PiecewiseConstant([100, 200], [0.1, 0.01, 0.001])."
            )
        if boundaries.size > 1 and np.any(np.diff(boundaries) <= 0):
            raise OptimizerError(f"PiecewiseConstant got boundaries={boundaries.tolist()}; they must increase.")
        super().__init__(float(values[0]), name=name)
        self.boundaries = jnp.asarray(boundaries)
        self.values = jnp.asarray(values, dtype=bm.get_dfloat())

    def __call__(self, i: Any = None) -> Any:
        i = self._steps(i)
        k = jnp.sum(jnp.asarray(i)[..., None] > self.boundaries, axis=-1)
        return self.values[k]

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(boundaries={np.asarray(self.boundaries).tolist()}, "
            f"values={np.asarray(self.values).tolist()})"
        )


def make_schedule(scalar_or_schedule: float | Scheduler) -> Scheduler:
    r"""Turn a learning rate into a :class:`Scheduler`.

    Parameters
    ----------
    scalar_or_schedule : float or Scheduler
        A number (wrapped into :class:`Constant`) or a scheduler (returned as is).

    Returns
    -------
    Scheduler

    Raises
    ------
    OptimizerTypeError
        If the argument is neither (a ``TypeError``).
    """
    if isinstance(scalar_or_schedule, Scheduler):
        return scalar_or_schedule
    if isinstance(scalar_or_schedule, (int, float, np.integer, np.floating)) and not isinstance(
        scalar_or_schedule, bool
    ):
        return Constant(scalar_or_schedule)
    raise OptimizerTypeError(
        f"The learning rate must be a number or a brainpy.optim.Scheduler, but got {scalar_or_schedule!r} "
        f"of type {type(scalar_or_schedule).__name__}. For example lr=0.001 or "
        f"lr=bp.optim.ExponentialDecay(lr=0.1, decay_steps=2, decay_rate=0.99)."
    )
