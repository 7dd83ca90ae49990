r"""The Morris-Lecar neuron (``bp.dyn.MorrisLecar``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.initialize import OneInit, Uniform

__all__ = ["MorrisLecar"]


class MorrisLecar(SpikingGroup):
    r"""The Morris-Lecar neuron model.

    **Model Descriptions**

    A two-dimensional reduced excitation model with a fast, instantaneous calcium
    current and a slower potassium current [1]_ [2]_:

    .. math::

        C \frac{dV}{dt} &= -g_{Ca} M_\infty(V) (V - V_{Ca}) - g_K W (V - V_K)
                           - g_{leak} (V - V_{leak}) + I(t), \\
        \frac{dW}{dt} &= \frac{W_\infty(V) - W}{\tau_W(V)}, \\
        M_\infty(V) &= \tfrac{1}{2}\left[1 + \tanh\left(\frac{V - V_1}{V_2}\right)\right], \quad
        W_\infty(V) = \tfrac{1}{2}\left[1 + \tanh\left(\frac{V - V_3}{V_4}\right)\right], \\
        \tau_W(V) &= \frac{1}{\phi \cosh\left(\frac{V - V_3}{2 V_4}\right)},

    where :math:`V` is the membrane potential (mV), :math:`W` the fraction of open
    potassium channels, :math:`C` the membrane capacitance (:math:`\mu F/cm^2`),
    :math:`g_{Ca}, g_K, g_{leak}` the maximal conductances (:math:`mS/cm^2`),
    :math:`V_{Ca}, V_K, V_{leak}` the reversal potentials (mV), :math:`V_1, V_2` the
    midpoint and slope of the calcium activation, :math:`V_3, V_4` those of the
    potassium activation, :math:`\phi` the rate of the potassium gating (1/ms), and
    :math:`I(t)` the input current density (:math:`\mu A/cm^2`, the Variable ``input``,
    cleared after every step). A spike is an upward crossing of :math:`V_{th}`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    V_Ca, g_Ca : float, ArrayType, Initializer or callable
        Calcium reversal potential (mV) and conductance. Defaults 130, 4.4.
    V_K, g_K : float, ArrayType, Initializer or callable
        Potassium reversal potential (mV) and conductance. Defaults -84, 8.
    V_leak, g_leak : float, ArrayType, Initializer or callable
        Leak reversal potential (mV) and conductance. Defaults -60, 2.
    C : float, ArrayType, Initializer or callable
        Membrane capacitance. Default 20.
    V1, V2, V3, V4 : float, ArrayType, Initializer or callable
        Activation curve parameters (mV). Defaults -1.2, 18, 2, 30.
    phi : float, ArrayType, Initializer or callable
        Potassium gating rate (1/ms). Default 0.04.
    V_th : float, ArrayType, Initializer or callable
        The spike-detection threshold (mV). Default 10.
    V_initializer, W_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``Uniform(-70, -60)`` and ``OneInit(0.02)``.
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Examples
    --------
    >>> import brainpy as bp
    >>> group = bp.dyn.MorrisLecar(1)
    >>> runner = bp.dyn.DSRunner(group, monitors=['V', 'W'], inputs=('input', 100.), progress_bar=False)
    >>> _ = runner.run(100.)

    References
    ----------
    .. [1] Morris, C., Lecar, H. (1981). Voltage oscillations in the barnacle giant muscle
           fiber. Biophysical Journal 35(1), 193-213. https://doi.org/10.1016/S0006-3495(81)84782-0
    .. [2] Rinzel, J., Ermentrout, G. B. (1998). Analysis of neural excitability and
           oscillations. In Koch, C., Segev, I. (eds.), Methods in Neuronal Modeling, 2nd ed.,
           251-291. MIT Press.
    """

    def __init__(
        self,
        size: Any,
        V_Ca: Any = 130.0,
        g_Ca: Any = 4.4,
        V_K: Any = -84.0,
        g_K: Any = 8.0,
        V_leak: Any = -60.0,
        g_leak: Any = 2.0,
        C: Any = 20.0,
        V1: Any = -1.2,
        V2: Any = 18.0,
        V3: Any = 2.0,
        V4: Any = 30.0,
        phi: Any = 0.04,
        V_th: Any = 10.0,
        V_initializer: Any = Uniform(-70.0, -60.0),
        W_initializer: Any = OneInit(0.02),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.V_Ca = self._param(V_Ca, "V_Ca")
        self.g_Ca = self._param(g_Ca, "g_Ca")
        self.V_K = self._param(V_K, "V_K")
        self.g_K = self._param(g_K, "g_K")
        self.V_leak = self._param(V_leak, "V_leak")
        self.g_leak = self._param(g_leak, "g_leak")
        self.C = self._param(C, "C")
        self.V1 = self._param(V1, "V1")
        self.V2 = self._param(V2, "V2")
        self.V3 = self._param(V3, "V3")
        self.V4 = self._param(V4, "V4")
        self.phi = self._param(phi, "phi")
        self.V_th = self._param(V_th, "V_th")
        self._state("V", V_initializer, "V_initializer")
        self._state("W", W_initializer, "W_initializer")
        self._spike_vars()
        self.integral = odeint(JointEq(self.dV, self.dW), method=method)

    def dV(self, V: Any, t: Any, W: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt`: calcium, potassium and leak currents plus the input, over C."""
        import brainpy.math as bm

        M_inf = 0.5 * (1.0 + bm.tanh((V - self.V1) / self.V2))
        I_Ca = self.g_Ca * M_inf * (V - self.V_Ca)
        I_K = self.g_K * W * (V - self.V_K)
        I_leak = self.g_leak * (V - self.V_leak)
        return (-I_Ca - I_K - I_leak + I_ext) / self.C

    def dW(self, W: Any, t: Any, V: Any) -> Any:
        r""":math:`dW/dt`, relaxation of the potassium gate to :math:`W_\infty(V)`."""
        import brainpy.math as bm

        tau_W = 1.0 / (self.phi * bm.cosh((V - self.V3) / (2.0 * self.V4)))
        W_inf = 0.5 * (1.0 + bm.tanh((V - self.V3) / self.V4))
        return (W_inf - W) / tau_W

    def reset(self) -> None:
        r"""Restore V and W to their initial values and clear spikes and input."""
        self._reset_states()
        self._reset_spike_vars()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step; a spike is an upward crossing of ``V_th``."""
        V, W = self.integral(self.V.value, self.W.value, _t, self.input.value, dt=_dt)
        spike = (self.V.value < self.V_th) & (V >= self.V_th)
        self.V.value, self.W.value = V, W
        self._emit(spike, _t)
