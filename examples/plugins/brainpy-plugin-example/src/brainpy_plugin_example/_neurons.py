r"""The example plugin's neuron model: the Ermentrout-Kopell theta neuron, as ``bp.dyn.ThetaNeuron``.

A plugin neuron model is a ``bp.dyn.NeuGroup`` subclass built only from public API:
``bm.Variable`` state, ``bp.odeint`` for ``self.integral`` (so analyzers can find
its derivative), ``reset()`` and ``update(_t, _dt)``. ``NEURONS`` is what the
``brainpy_neuron_models`` hook returns.
"""

from __future__ import annotations

from typing import Any

import brainpy as bp
import brainpy.math as bm
import numpy as np
from brainpy.errors import ModelBuildError

__all__ = ["ThetaNeuron", "NEURONS"]


class ThetaNeuron(bp.dyn.NeuGroup):
    r"""The Ermentrout-Kopell theta neuron (the canonical type-I excitable neuron).

    **Model Descriptions**

    The phase :math:`\theta \in (-\pi, \pi]` of a neuron near a saddle-node on an
    invariant circle [1]_ obeys

    .. math::

        \tau \frac{d\theta}{dt} = 1 - \cos\theta + (1 + \cos\theta)\, I(t),

    where :math:`\tau` is the time constant (ms) and :math:`I(t)` the input (the
    Variable ``input``, cleared after every step). A spike is emitted when
    :math:`\theta` passes :math:`\pi`, and :math:`\theta` is wrapped back by
    :math:`2\pi`. With :math:`V = \tan(\theta/2)` it is the quadratic
    integrate-and-fire neuron :math:`\tau \dot V = V^2 + I` with reset from
    :math:`+\infty` to :math:`-\infty`, so for constant :math:`I > 0` it fires
    periodically with period :math:`T = \pi \tau / \sqrt{I}`, and for :math:`I < 0` it
    rests at :math:`\theta^* = -\arccos\frac{1 + I}{1 - I}`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    tau : float or array
        The time constant (ms), positive: one value or one per neuron. Default 10.
    theta_initializer : float, array or callable
        The initial phase, a number, an array of shape ``(num,)`` or ``f(shape)``. Default 0.
    method : str
        The integration method. Default ``'rk4'``.
    name : str, optional
        The group's name.

    Raises
    ------
    ModelBuildError
        If ``tau`` is not positive or an array has the wrong shape.

    References
    ----------
    .. [1] Ermentrout, G. B., Kopell, N. (1986). Parabolic bursting in an excitable system
           coupled with a slow oscillation. SIAM Journal on Applied Mathematics 46(2), 233-253.
           https://doi.org/10.1137/0146017
    """

    def __init__(
        self, size: Any, tau: Any = 10.0, theta_initializer: Any = 0.0, method: str = "rk4", name: str | None = None
    ) -> None:
        super().__init__(size=size, name=name)
        self.tau = self._per_neuron(tau, "tau")
        if np.any(np.asarray(self.tau) <= 0):
            raise ModelBuildError(f"ThetaNeuron: tau must be positive (ms), but got {tau!r}.")
        self._theta_initializer = theta_initializer
        self.theta = bm.Variable(self._initial_theta())
        self.input = bm.Variable(bm.zeros(self.num))
        self.spike = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.t_last_spike = bm.Variable(bm.ones(self.num) * -1e7)
        self.integral = bp.odeint(self.derivative, method=method)

    def _per_neuron(self, value: Any, name: str) -> Any:
        if callable(value):
            value = value((self.num,))
        array = np.asarray(getattr(value, "value", value), dtype=float)
        if array.ndim == 0:
            return float(array)
        if array.shape != (self.num,):
            raise ModelBuildError(
                f"ThetaNeuron: {name} must be a number or an array of shape ({self.num},), but got shape {array.shape}."
            )
        return bm.asarray(array)

    def _initial_theta(self) -> Any:
        return bm.ones(self.num) * self._per_neuron(self._theta_initializer, "theta_initializer")

    def derivative(self, theta: Any, t: Any, I_ext: Any) -> Any:
        r""":math:`d\theta/dt = (1 - \cos\theta + (1 + \cos\theta) I) / \tau`."""
        return (1.0 - bm.cos(theta) + (1.0 + bm.cos(theta)) * I_ext) / self.tau

    def reset(self) -> None:
        r"""Restore the initial phase and clear spikes and input."""
        self.theta.value = self._initial_theta().value
        self.input.value = bm.zeros_like(self.input.value)
        self.spike.value = bm.zeros_like(self.spike.value)
        self.t_last_spike.value = bm.ones_like(self.t_last_spike.value) * -1e7

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance the phase; a spike when it passes :math:`\pi`, then wrap it by :math:`2\pi`."""
        theta = self.integral(self.theta.value, _t, self.input.value, dt=_dt)
        spike = theta > np.pi
        self.theta.value = bm.where(spike, theta - 2 * np.pi, theta)
        self.spike.value = spike
        self.t_last_spike.value = bm.where(spike, _t, self.t_last_spike.value)
        self.input.value = bm.zeros_like(self.input.value)


NEURONS: dict[str, type] = {"ThetaNeuron": ThetaNeuron}
