r"""Exponential integrate-and-fire neurons: ``ExpIF`` and the adaptive ``AdExIF``."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.initialize import ZeroInit

__all__ = ["ExpIF", "AdExIF"]


class ExpIF(SpikingGroup):
    r"""Exponential integrate-and-fire neuron model.

    **Model Descriptions**

    The membrane equation of Fourcaud-Trocmé et al. [1]_:

    .. math::

        \tau \frac{dV}{dt} = -(V - V_{rest}) + \Delta_T e^{(V - V_T)/\Delta_T} + R I(t),

    where :math:`V` is the membrane potential (mV), :math:`V_{rest}` the resting
    potential, :math:`V_T` the threshold of spike initiation (the voltage of the
    minimum of :math:`dV/dt`), :math:`\Delta_T` the spike slope factor (mV),
    :math:`R` the membrane resistance, :math:`\tau` the membrane time constant (ms)
    and :math:`I(t)` the input current (the Variable ``input``, cleared after every
    step). When :math:`V \ge V_{th}` a spike is emitted, :math:`V` is set to
    :math:`V_{reset}` and held there for the refractory period :math:`\tau_{ref}`.

    A constant current elicits repetitive firing above the rheobase, where two fixed
    points merge in a saddle-node bifurcation at :math:`V = V_T`:
    :math:`I_{rh} = (V_T - V_{rest} - \Delta_T)/R` (1.62 with the defaults).

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    V_rest, V_reset, V_th, V_T : float, ArrayType, Initializer or callable
        Resting, reset, numerical spike threshold and initiation-threshold potentials (mV).
        Defaults -65, -68, -30, -59.9.
    delta_T : float, ArrayType, Initializer or callable
        Spike slope factor (mV). Default 3.48.
    R : float, ArrayType, Initializer or callable
        Membrane resistance. Default 1.
    tau : float, ArrayType, Initializer or callable
        Membrane time constant (ms). Default 10.
    tau_ref : float, ArrayType, Initializer or callable
        Refractory period (ms). Default 1.7.
    V_initializer : float, ArrayType, Initializer or callable
        Initial membrane potential. Default ``ZeroInit()`` (as in BrainPy 2.1; the first
        step then spikes: pass ``V_initializer=-65.`` to start at rest).
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Attributes
    ----------
    V, input, spike, t_last_spike, refractory : bm.Variable

    Examples
    --------
    >>> import brainpy as bp
    >>> expif = bp.dyn.ExpIF(1, delta_T=1.)
    >>> expif.V_rest, expif.V_T, expif.R, expif.tau
    (-65.0, -59.9, 1.0, 10.0)

    References
    ----------
    .. [1] Fourcaud-Trocmé, N., Hansel, D., van Vreeswijk, C., Brunel, N. (2003). How spike
           generation mechanisms determine the neuronal response to fluctuating inputs.
           Journal of Neuroscience 23(37), 11628-11640. https://doi.org/10.1523/JNEUROSCI.23-37-11628.2003
    .. [2] Gerstner, W., Kistler, W. M., Naud, R., Paninski, L. (2014). Neuronal Dynamics,
           chapter 5. Cambridge University Press.
    """

    def __init__(
        self,
        size: Any,
        V_rest: Any = -65.0,
        V_reset: Any = -68.0,
        V_th: Any = -30.0,
        V_T: Any = -59.9,
        delta_T: Any = 3.48,
        R: Any = 1.0,
        tau: Any = 10.0,
        tau_ref: Any = 1.7,
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
        self.V_T = self._param(V_T, "V_T")
        self.delta_T = self._param(delta_T, "delta_T")
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau")
        self.tau_ref = self._param(tau_ref, "tau_ref")
        self._state("V", V_initializer, "V_initializer")
        self._spike_vars()
        self.refractory = bm.Variable(bm.zeros(self.varshape, dtype=bool))
        self.integral = odeint(self.derivative, method=method)

    def derivative(self, V: Any, t: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt = (-(V - V_{rest}) + \Delta_T e^{(V - V_T)/\Delta_T} + R I) / \tau`."""
        import brainpy.math as bm

        exp_v = self.delta_T * bm.exp((V - self.V_T) / self.delta_T)
        return (-(V - self.V_rest) + exp_v + self.R * I_ext) / self.tau

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


class AdExIF(SpikingGroup):
    r"""Adaptive exponential integrate-and-fire neuron model.

    **Model Descriptions**

    The AdEx model of Brette and Gerstner [1]_ adds an adaptation current :math:`w`
    to :class:`ExpIF`:

    .. math::

        \tau \frac{dV}{dt} &= -(V - V_{rest}) + \Delta_T e^{(V - V_T)/\Delta_T} - R w + R I(t), \\
        \tau_w \frac{dw}{dt} &= a (V - V_{rest}) - w,

    and when :math:`V \ge V_{th}`: a spike, :math:`V \leftarrow V_{reset}`,
    :math:`w \leftarrow w + b`. :math:`a` is the subthreshold adaptation coupling,
    :math:`b` the spike-triggered adaptation increment, :math:`\tau_w` the adaptation
    time constant (ms); the other symbols are those of :class:`ExpIF`. With
    :math:`a R < \tau / \tau_w` the rest state is lost in a saddle-node bifurcation at
    :math:`I_{rh} = (1 + aR)\,[V_T - V_{rest} - \Delta_T + \Delta_T \ln(1 + aR)]/R`;
    otherwise through an Andronov-Hopf bifurcation [2]_.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    V_rest, V_reset, V_th, V_T : float, ArrayType, Initializer or callable
        Potentials (mV), as in :class:`ExpIF`. Defaults -65, -68, -30, -59.9.
    delta_T : float, ArrayType, Initializer or callable
        Spike slope factor (mV). Default 3.48.
    a : float, ArrayType, Initializer or callable
        Subthreshold adaptation. Default 1.
    b : float, ArrayType, Initializer or callable
        Spike-triggered adaptation increment. Default 1.
    tau, tau_w : float, ArrayType, Initializer or callable
        Membrane and adaptation time constants (ms). Defaults 10, 30.
    R : float, ArrayType, Initializer or callable
        Membrane resistance. Default 1.
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
    .. [1] Brette, R., Gerstner, W. (2005). Adaptive exponential integrate-and-fire model as
           an effective description of neuronal activity. Journal of Neurophysiology 94(5),
           3637-3642. https://doi.org/10.1152/jn.00686.2005
    .. [2] Touboul, J., Brette, R. (2008). Dynamics and bifurcations of the adaptive
           exponential integrate-and-fire model. Biological Cybernetics 99(4-5), 319-334.
           https://doi.org/10.1007/s00422-008-0267-4
    """

    def __init__(
        self,
        size: Any,
        V_rest: Any = -65.0,
        V_reset: Any = -68.0,
        V_th: Any = -30.0,
        V_T: Any = -59.9,
        delta_T: Any = 3.48,
        a: Any = 1.0,
        b: Any = 1.0,
        tau: Any = 10.0,
        tau_w: Any = 30.0,
        R: Any = 1.0,
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
        self.V_T = self._param(V_T, "V_T")
        self.delta_T = self._param(delta_T, "delta_T")
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.tau = self._param(tau, "tau")
        self.tau_w = self._param(tau_w, "tau_w")
        self.R = self._param(R, "R")
        self._state("V", V_initializer, "V_initializer")
        self._state("w", w_initializer, "w_initializer")
        self._spike_vars()
        self.integral = odeint(JointEq(self.dV, self.dw), method=method)

    def dV(self, V: Any, t: Any, w: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt`."""
        import brainpy.math as bm

        exp_v = self.delta_T * bm.exp((V - self.V_T) / self.delta_T)
        return (-(V - self.V_rest) + exp_v - self.R * w + self.R * I_ext) / self.tau

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
