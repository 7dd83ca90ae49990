r"""Quadratic integrate-and-fire neurons: ``QuaIF`` and the adaptive ``AdQuaIF``."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.initialize import ZeroInit

__all__ = ["QuaIF", "AdQuaIF"]


class QuaIF(SpikingGroup):
    r"""Quadratic integrate-and-fire neuron model.

    **Model Descriptions**

    .. math::

        \tau \frac{dV}{dt} = c (V - V_{rest})(V - V_c) + R I(t),

    where :math:`V` is the membrane potential (mV), :math:`V_{rest}` the resting
    potential (the stable fixed point without input), :math:`V_c > V_{rest}` the
    critical voltage of spike initiation (the unstable fixed point), :math:`c > 0`
    the curvature (1/mV), :math:`R` the membrane resistance, :math:`\tau` the time
    constant (ms) and :math:`I(t)` the input (the Variable ``input``, cleared after
    every step) [1]_. When :math:`V \ge V_{th}` a spike is emitted, :math:`V` is set to
    :math:`V_{reset}` and held for :math:`\tau_{ref}`. The fixed points merge
    (saddle-node) at the rheobase :math:`I_{rh} = c (V_c - V_{rest})^2 / (4R)`
    (3.94 with the defaults).

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    V_rest, V_reset, V_th, V_c : float, ArrayType, Initializer or callable
        Resting, reset, spike-threshold and critical potentials (mV). Defaults -65, -68, -30, -50.
    c : float, ArrayType, Initializer or callable
        Curvature (1/mV). Default 0.07.
    R : float, ArrayType, Initializer or callable
        Membrane resistance. Default 1.
    tau : float, ArrayType, Initializer or callable
        Membrane time constant (ms). Default 10.
    tau_ref : float, ArrayType, Initializer or callable
        Refractory period (ms). Default 0.
    V_initializer : float, ArrayType, Initializer or callable
        Initial membrane potential. Default ``ZeroInit()`` (as in BrainPy 2.1).
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    References
    ----------
    .. [1] Latham, P. E., Richmond, B. J., Nelson, P. G., Nirenberg, S. (2000). Intrinsic
           dynamics in neuronal networks. I. Theory. Journal of Neurophysiology 83(2),
           808-827. https://doi.org/10.1152/jn.2000.83.2.808
    """

    def __init__(
        self,
        size: Any,
        V_rest: Any = -65.0,
        V_reset: Any = -68.0,
        V_th: Any = -30.0,
        V_c: Any = -50.0,
        c: Any = 0.07,
        R: Any = 1.0,
        tau: Any = 10.0,
        tau_ref: Any = 0.0,
        V_initializer: Any = ZeroInit(),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th = self._param(V_th, "V_th")
        self.V_c = self._param(V_c, "V_c")
        self.c = self._param(c, "c")
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau")
        self.tau_ref = self._param(tau_ref, "tau_ref")
        self._state("V", V_initializer, "V_initializer")
        self._spike_vars()
        self.refractory = bm.Variable(bm.zeros(self.varshape, dtype=bool))
        self.integral = odeint(self.derivative, method=method)

    def derivative(self, V: Any, t: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt = (c (V - V_{rest})(V - V_c) + R I) / \tau`."""
        return (self.c * (V - self.V_rest) * (V - self.V_c) + self.R * I_ext) / self.tau

    def reset(self) -> None:
        r"""Restore V and clear spikes, input and refractoriness."""
        self._reset_states()
        self._reset_spike_vars()
        self.refractory.value = self.refractory.value & False

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step: integrate, hold refractory neurons, spike and reset."""
        import brainpy.math as bm

        refractory = (_t - self.t_last_spike.value) <= self.tau_ref
        V = self.integral(self.V.value, _t, self.input.value, dt=_dt)
        V = bm.where(refractory, self.V.value, V)
        spike = V >= self.V_th
        self.V.value = bm.where(spike, self.V_reset, V)
        self.refractory.value = bm.logical_or(refractory, spike)
        self._emit(spike, _t)


class AdQuaIF(SpikingGroup):
    r"""Adaptive quadratic integrate-and-fire neuron model.

    **Model Descriptions**

    The quadratic membrane of :class:`QuaIF` with an adaptation current :math:`w` [1]_ [2]_:

    .. math::

        \tau \frac{dV}{dt} &= c (V - V_{rest})(V - V_c) - w + I(t), \\
        \tau_w \frac{dw}{dt} &= a (V - V_{rest}) - w,

    and when :math:`V \ge V_{th}`: a spike, :math:`V \leftarrow V_{reset}`,
    :math:`w \leftarrow w + b`. :math:`a` couples :math:`w` to the subthreshold
    potential, :math:`b` is the spike-triggered increment and :math:`\tau_w` the
    adaptation time constant (ms); the other symbols are those of :class:`QuaIF`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    V_rest, V_reset, V_th, V_c : float, ArrayType, Initializer or callable
        Potentials (mV). Defaults -65, -68, -30, -50.
    a, b : float, ArrayType, Initializer or callable
        Subthreshold coupling and spike increment of the adaptation. Defaults 1, 0.1.
    c : float, ArrayType, Initializer or callable
        Curvature (1/mV). Default 0.07.
    tau, tau_w : float, ArrayType, Initializer or callable
        Membrane and adaptation time constants (ms). Defaults 10, 10.
    V_initializer, w_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``ZeroInit()`` (as in BrainPy 2.1).
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    References
    ----------
    .. [1] Izhikevich, E. M. (2004). Which model to use for cortical spiking neurons?
           IEEE Transactions on Neural Networks 15(5), 1063-1070. https://doi.org/10.1109/TNN.2004.832719
    .. [2] Touboul, J. (2008). Bifurcation analysis of a general class of nonlinear
           integrate-and-fire neurons. SIAM Journal on Applied Mathematics 68(4), 1045-1079.
           https://doi.org/10.1137/070687268
    """

    def __init__(
        self,
        size: Any,
        V_rest: Any = -65.0,
        V_reset: Any = -68.0,
        V_th: Any = -30.0,
        V_c: Any = -50.0,
        a: Any = 1.0,
        b: Any = 0.1,
        c: Any = 0.07,
        tau: Any = 10.0,
        tau_w: Any = 10.0,
        V_initializer: Any = ZeroInit(),
        w_initializer: Any = ZeroInit(),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th = self._param(V_th, "V_th")
        self.V_c = self._param(V_c, "V_c")
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.c = self._param(c, "c")
        self.tau = self._param(tau, "tau")
        self.tau_w = self._param(tau_w, "tau_w")
        self._state("V", V_initializer, "V_initializer")
        self._state("w", w_initializer, "w_initializer")
        self._spike_vars()
        self.integral = odeint(JointEq(self.dV, self.dw), method=method)

    def dV(self, V: Any, t: Any, w: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt`."""
        return (self.c * (V - self.V_rest) * (V - self.V_c) - w + I_ext) / self.tau

    def dw(self, w: Any, t: Any, V: Any) -> Any:
        r""":math:`dw/dt = (a (V - V_{rest}) - w) / \tau_w`."""
        return (self.a * (V - self.V_rest) - w) / self.tau_w

    def reset(self) -> None:
        r"""Restore V and w and clear spikes and input."""
        self._reset_states()
        self._reset_spike_vars()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step: integrate, spike, reset V and increment w."""
        import brainpy.math as bm

        V, w = self.integral(self.V.value, self.w.value, _t, self.input.value, dt=_dt)
        spike = V >= self.V_th
        self.V.value = bm.where(spike, self.V_reset, V)
        self.w.value = bm.where(spike, w + self.b, w)
        self._emit(spike, _t)
