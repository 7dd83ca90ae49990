r"""The leaky integrate-and-fire neuron (``bp.dyn.LIF``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup

__all__ = ["LIF"]


class LIF(SpikingGroup):
    r"""Leaky integrate-and-fire neuron model.

    **Model Descriptions**

    .. math::

        \tau \frac{dV}{dt} = -(V - V_{rest}) + R I(t) \;[+\; \tau\,\sigma\, \xi(t)]

    where :math:`V` is the membrane potential (mV), :math:`V_{rest}` the resting
    potential, :math:`\tau` the membrane time constant (ms), :math:`R` the
    membrane resistance and :math:`I(t)` the input current (the Variable
    ``input``, cleared after every step). When :math:`V \ge V_{th}` the neuron
    emits a spike, :math:`V` is set to :math:`V_{reset}`, and for the
    refractory period :math:`\tau_{ref}` after the spike :math:`V` is held.
    With ``noise`` :math:`\sigma`, :math:`V` follows the SDE
    :math:`dV = f(V, t)\,dt + \sigma\, dW` (:math:`\xi` white noise).

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    V_rest : float, ArrayType, Initializer or callable
        Resting membrane potential (mV). Default 0.
    V_reset : float, ArrayType, Initializer or callable
        Reset potential after a spike (mV). Default -5.
    V_th : float, ArrayType, Initializer or callable
        Threshold potential (mV). Default 20.
    tau : float, ArrayType, Initializer or callable
        Membrane time constant (ms). Default 10.
    tau_ref : float, ArrayType, Initializer or callable
        Refractory period (ms). Default 1.
    V_initializer : float, ArrayType, Initializer or callable
        Initial membrane potential. Default 0.
    noise : float, ArrayType, Initializer or callable, optional
        The diffusion :math:`\sigma` of :math:`V` (mV per :math:`\sqrt{ms}`): a value (one, or one per
        neuron) with ``noise_type='value'``, or a function ``g(V, t, I_ext)`` with
        ``noise_type='func'``. Default None (the deterministic ODE).
    noise_type : {'value', 'func'}
        How ``noise`` is given. Default ``'value'``.
    method : str
        The integration method: of the ODE, or with ``noise`` of the SDE (``bp.sdeint``). Default
        ``'exp_auto'`` (exact for the linear drift; exponential Euler-Maruyama with noise).
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.
    R : float, ArrayType, Initializer or callable
        Membrane resistance (keyword only). Default 1.

    Attributes
    ----------
    V, input, spike, t_last_spike, refractory : bm.Variable
        Membrane potential, input current, spike flags, last spike time, refractory flags.

    Examples
    --------
    >>> import brainpy as bp
    >>> E = bp.dyn.LIF(3200, V_rest=-60., V_th=-50., V_reset=-60., tau=20., tau_ref=5.)

    References
    ----------
    .. [1] Abbott, L. F. (1999). Lapicque's introduction of the integrate-and-fire model
           neuron (1907). Brain Research Bulletin 50(5-6), 303-304.
    """

    def __init__(
        self,
        size: Any,
        V_rest: Any = 0.0,
        V_reset: Any = -5.0,
        V_th: Any = 20.0,
        tau: Any = 10.0,
        tau_ref: Any = 1.0,
        V_initializer: Any = 0.0,
        noise: Any = None,
        noise_type: str = "value",
        keep_size: bool = False,
        method: str = "exp_auto",
        name: str | None = None,
        *,
        R: Any = 1.0,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import odeint, sdeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th = self._param(V_th, "V_th")
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau")
        self.tau_ref = self._param(tau_ref, "tau_ref")
        self._V_initializer = V_initializer
        self.V = bm.Variable(self._init(V_initializer, "V_initializer"))
        self._spike_vars()
        self.refractory = bm.Variable(bm.zeros(self.varshape, dtype=bool))
        self.noise = self._noise(noise, noise_type)
        if self.noise is None:
            self.integral = odeint(self.derivative, method=method)
        else:
            self.integral = sdeint(f=self.derivative, g=self.noise, method=method)

    def derivative(self, V: Any, t: Any, I_ext: Any) -> Any:
        r"""dV/dt = (-V + V_rest + R I) / tau."""
        return (-V + self.V_rest + self.R * I_ext) / self.tau

    def reset(self) -> None:
        r"""Restore V to its initial value and clear spikes, input and refractoriness."""
        self.V.value = self._init(self._V_initializer, "V_initializer").value
        self._reset_spike_vars()
        self.refractory.value = self.refractory.value & False

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step: integrate, hold refractory neurons, spike and reset."""
        import brainpy.math as bm

        refractory = (_t - self.t_last_spike.value) <= self.tau_ref
        V = self.integral(self.V.value, _t, self.input.value, dt=_dt)
        V = bm.where(refractory, self.V.value, V)
        spike = V >= self.V_th
        self.spike.value = spike
        self.t_last_spike.value = bm.where(spike, _t, self.t_last_spike.value)
        self.V.value = bm.where(spike, self.V_reset, V)
        self.refractory.value = bm.logical_or(refractory, spike)
        self.input.value = bm.zeros_like(self.input.value)
