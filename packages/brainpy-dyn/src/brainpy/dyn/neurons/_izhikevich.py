r"""The Izhikevich neuron (``bp.dyn.Izhikevich``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.initialize import OneInit, ZeroInit

__all__ = ["Izhikevich"]


class Izhikevich(SpikingGroup):
    r"""The Izhikevich neuron model.

    **Model Descriptions**

    The two-variable model of Izhikevich [1]_:

    .. math::

        \frac{dV}{dt} &= 0.04 V^2 + 5 V + 140 - u + I(t), \\
        \frac{du}{dt} &= a (b V - u),

    and when :math:`V \ge V_{th}`: a spike, :math:`V \leftarrow c`,
    :math:`u \leftarrow u + d`; the neuron is then held for :math:`\tau_{ref}`.
    :math:`V` is the membrane potential (mV), :math:`u` the recovery variable,
    :math:`a` the time scale of :math:`u` (1/ms), :math:`b` its sensitivity to the
    subthreshold :math:`V`, :math:`c` the after-spike reset of :math:`V` (mV),
    :math:`d` the after-spike increment of :math:`u`, and :math:`I(t)` the input (the
    Variable ``input``, cleared after every step). The classes of [1]_ [2]_: regular
    spiking ``a=0.02, b=0.2, c=-65, d=8`` (the defaults; adapting), fast spiking
    ``a=0.1, b=0.2, c=-65, d=2`` (not adapting), intrinsically bursting
    ``c=-55, d=4``, chattering ``c=-50, d=2``.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    a, b, c, d : float, ArrayType, Initializer or callable
        Model parameters. Defaults 0.02, 0.2, -65, 8.
    V_th : float, ArrayType, Initializer or callable
        The spike cut-off (mV). Default 30.
    tau_ref : float, ArrayType, Initializer or callable
        Refractory period (ms). Default 0.
    V_initializer, u_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``ZeroInit()`` and ``OneInit()`` (as in BrainPy 2.1; pass
        ``V_initializer=-65., u_initializer=-13.`` to start at rest).
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Attributes
    ----------
    V, u, input, spike, t_last_spike, refractory : bm.Variable

    References
    ----------
    .. [1] Izhikevich, E. M. (2003). Simple model of spiking neurons. IEEE Transactions on
           Neural Networks 14(6), 1569-1572. https://doi.org/10.1109/TNN.2003.820440
    .. [2] Izhikevich, E. M. (2004). Which model to use for cortical spiking neurons?
           IEEE Transactions on Neural Networks 15(5), 1063-1070. https://doi.org/10.1109/TNN.2004.832719
    """

    def __init__(
        self,
        size: Any,
        a: Any = 0.02,
        b: Any = 0.20,
        c: Any = -65.0,
        d: Any = 8.0,
        V_th: Any = 30.0,
        tau_ref: Any = 0.0,
        V_initializer: Any = ZeroInit(),
        u_initializer: Any = OneInit(),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.c = self._param(c, "c")
        self.d = self._param(d, "d")
        self.V_th = self._param(V_th, "V_th")
        self.tau_ref = self._param(tau_ref, "tau_ref")
        self._state("V", V_initializer, "V_initializer")
        self._state("u", u_initializer, "u_initializer")
        self._spike_vars()
        self.refractory = bm.Variable(bm.zeros(self.varshape, dtype=bool))
        self.integral = odeint(JointEq(self.dV, self.du), method=method)

    def dV(self, V: Any, t: Any, u: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt = 0.04 V^2 + 5 V + 140 - u + I`."""
        return 0.04 * V * V + 5.0 * V + 140.0 - u + I_ext

    def du(self, u: Any, t: Any, V: Any) -> Any:
        r""":math:`du/dt = a (b V - u)`."""
        return self.a * (self.b * V - u)

    def reset(self) -> None:
        r"""Restore V and u and clear spikes, input and refractoriness."""
        self._reset_states()
        self._reset_spike_vars()
        self.refractory.value = self.refractory.value & False

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step: integrate, hold refractory neurons, spike and reset."""
        import brainpy.math as bm

        V, u = self.integral(self.V.value, self.u.value, _t, self.input.value, dt=_dt)
        refractory = (_t - self.t_last_spike.value) <= self.tau_ref
        V = bm.where(refractory, self.V.value, V)
        spike = V >= self.V_th
        self.V.value = bm.where(spike, self.c, V)
        self.u.value = bm.where(spike, u + self.d, u)
        self.refractory.value = bm.logical_or(refractory, spike)
        self._emit(spike, _t)
