r"""Hodgkin-Huxley-type single-compartment neurons: ``HH`` and ``WangBuzsakiModel``."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup, efun
from brainpy.initialize import OneInit, Uniform

__all__ = ["HH", "WangBuzsakiModel"]


class HH(SpikingGroup):
    r"""Hodgkin-Huxley neuron model.

    **Model Descriptions**

    The squid giant axon model of Hodgkin and Huxley [1]_, with the potential
    measured in absolute mV (rest near :math:`-65` mV):

    .. math::

        C \frac{dV}{dt} &= -\bar{g}_{Na} m^3 h (V - E_{Na}) - \bar{g}_K n^4 (V - E_K)
                           - g_L (V - E_L) + I(t), \\
        \frac{dx}{dt} &= \alpha_x(V)(1 - x) - \beta_x(V) x, \qquad x \in \{m, h, n\},

    with the rate functions (1/ms, :math:`V` in mV)

    .. math::

        \alpha_m &= \frac{0.1 (V + 40)}{1 - e^{-(V + 40)/10}}, &
        \beta_m &= 4 e^{-(V + 65)/18}, \\
        \alpha_h &= 0.07 e^{-(V + 65)/20}, &
        \beta_h &= \frac{1}{1 + e^{-(V + 35)/10}}, \\
        \alpha_n &= \frac{0.01 (V + 55)}{1 - e^{-(V + 55)/10}}, &
        \beta_n &= 0.125 e^{-(V + 65)/80}.

    :math:`V` is the membrane potential (mV), :math:`C` the membrane capacitance
    (:math:`\mu F/cm^2`), :math:`\bar{g}_{Na}, \bar{g}_K, g_L` the sodium, potassium
    and leak conductances (:math:`mS/cm^2`), :math:`E_{Na}, E_K, E_L` their reversal
    potentials (mV), :math:`m, h` the sodium activation and inactivation, :math:`n` the
    potassium activation, and :math:`I(t)` the input current density (:math:`\mu A/cm^2`,
    the Variable ``input``, cleared after every step). A spike is emitted at the step
    where :math:`V` crosses :math:`V_{th}` upwards; there is no reset.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    ENa, EK, EL : float, ArrayType, Initializer or callable
        Reversal potentials of sodium, potassium and leak (mV). Defaults 50, -77, -54.387.
    gNa, gK, gL : float, ArrayType, Initializer or callable
        Maximal conductances (:math:`mS/cm^2`). Defaults 120, 36, 0.03.
    V_th : float, ArrayType, Initializer or callable
        The spike-detection threshold (mV). Default 20.
    C : float, ArrayType, Initializer or callable
        Membrane capacitance (:math:`\mu F/cm^2`). Default 1.
    V_initializer, m_initializer, h_initializer, n_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``Uniform(-70, -60)``, ``OneInit(0.5)``, ``OneInit(0.6)``, ``OneInit(0.32)``.
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Attributes
    ----------
    V, m, h, n, input, spike, t_last_spike : bm.Variable
        The state, the input current, spike flags and the last spike time.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.dyn.HH(5).gNa
    120.0

    References
    ----------
    .. [1] Hodgkin, A. L., Huxley, A. F. (1952). A quantitative description of membrane
           current and its application to conduction and excitation in nerve.
           The Journal of Physiology 117(4), 500-544. https://doi.org/10.1113/jphysiol.1952.sp004764
    """

    def __init__(
        self,
        size: Any,
        ENa: Any = 50.0,
        gNa: Any = 120.0,
        EK: Any = -77.0,
        gK: Any = 36.0,
        EL: Any = -54.387,
        gL: Any = 0.03,
        V_th: Any = 20.0,
        C: Any = 1.0,
        V_initializer: Any = Uniform(-70.0, -60.0),
        m_initializer: Any = OneInit(0.5),
        h_initializer: Any = OneInit(0.6),
        n_initializer: Any = OneInit(0.32),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.ENa = self._param(ENa, "ENa")
        self.EK = self._param(EK, "EK")
        self.EL = self._param(EL, "EL")
        self.gNa = self._param(gNa, "gNa")
        self.gK = self._param(gK, "gK")
        self.gL = self._param(gL, "gL")
        self.C = self._param(C, "C")
        self.V_th = self._param(V_th, "V_th")
        self._state("V", V_initializer, "V_initializer")
        self._state("m", m_initializer, "m_initializer")
        self._state("h", h_initializer, "h_initializer")
        self._state("n", n_initializer, "n_initializer")
        self._spike_vars()
        self.integral = odeint(JointEq(self.dV, self.dm, self.dh, self.dn), method=method)

    def dV(self, V: Any, t: Any, m: Any, h: Any, n: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt`: the ionic currents and the input over the capacitance."""
        I_Na = self.gNa * m**3 * h * (V - self.ENa)
        I_K = self.gK * n**4 * (V - self.EK)
        I_L = self.gL * (V - self.EL)
        return (-I_Na - I_K - I_L + I_ext) / self.C

    def dm(self, m: Any, t: Any, V: Any) -> Any:
        r""":math:`dm/dt`, sodium activation."""
        import brainpy.math as bm

        alpha = efun(-(V + 40.0) / 10.0)
        beta = 4.0 * bm.exp(-(V + 65.0) / 18.0)
        return alpha * (1 - m) - beta * m

    def dh(self, h: Any, t: Any, V: Any) -> Any:
        r""":math:`dh/dt`, sodium inactivation."""
        import brainpy.math as bm

        alpha = 0.07 * bm.exp(-(V + 65.0) / 20.0)
        beta = 1.0 / (1.0 + bm.exp(-(V + 35.0) / 10.0))
        return alpha * (1 - h) - beta * h

    def dn(self, n: Any, t: Any, V: Any) -> Any:
        r""":math:`dn/dt`, potassium activation."""
        import brainpy.math as bm

        alpha = 0.1 * efun(-(V + 55.0) / 10.0)
        beta = 0.125 * bm.exp(-(V + 65.0) / 80.0)
        return alpha * (1 - n) - beta * n

    def reset(self) -> None:
        r"""Restore V, m, h, n to their initial values and clear spikes and input."""
        self._reset_states()
        self._reset_spike_vars()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step; a spike is an upward crossing of ``V_th``."""
        V, m, h, n = self.integral(self.V.value, self.m.value, self.h.value, self.n.value, _t, self.input.value, dt=_dt)
        spike = (self.V.value < self.V_th) & (V >= self.V_th)
        self.V.value, self.m.value, self.h.value, self.n.value = V, m, h, n
        self._emit(spike, _t)


class WangBuzsakiModel(SpikingGroup):
    r"""Wang-Buzsaki model of a fast-spiking hippocampal interneuron.

    **Model Descriptions**

    The model of Wang and Buzsáki [1]_: Hodgkin-Huxley-type sodium and potassium
    currents with instantaneous sodium activation :math:`m_\infty(V)` and gating
    kinetics sped up by the temperature factor :math:`\phi`:

    .. math::

        C \frac{dV}{dt} &= -g_{Na} m_\infty^3 h (V - E_{Na}) - g_K n^4 (V - E_K)
                           - g_L (V - E_L) + I(t), \\
        \frac{dh}{dt} &= \phi\,[\alpha_h(V)(1 - h) - \beta_h(V) h], \qquad
        \frac{dn}{dt} = \phi\,[\alpha_n(V)(1 - n) - \beta_n(V) n], \\
        m_\infty &= \frac{\alpha_m}{\alpha_m + \beta_m},

    with (1/ms, :math:`V` in mV)

    .. math::

        \alpha_m &= \frac{0.1 (V + 35)}{1 - e^{-0.1 (V + 35)}}, &
        \beta_m &= 4 e^{-(V + 60)/18}, \\
        \alpha_h &= 0.07 e^{-(V + 58)/20}, &
        \beta_h &= \frac{1}{1 + e^{-0.1 (V + 28)}}, \\
        \alpha_n &= \frac{0.01 (V + 34)}{1 - e^{-0.1 (V + 34)}}, &
        \beta_n &= 0.125 e^{-(V + 44)/80}.

    Symbols are as in :class:`HH`; :math:`h` is the sodium inactivation, :math:`n`
    the potassium activation and :math:`I(t)` the input current density (the Variable
    ``input``). A spike is an upward crossing of :math:`V_{th}`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    ENa, EK, EL : float, ArrayType, Initializer or callable
        Reversal potentials (mV). Defaults 55, -90, -65.
    gNa, gK, gL : float, ArrayType, Initializer or callable
        Maximal conductances (:math:`mS/cm^2`). Defaults 35, 9, 0.1.
    V_th : float, ArrayType, Initializer or callable
        The spike-detection threshold (mV). Default 20.
    phi : float, ArrayType, Initializer or callable
        The temperature factor of the gating kinetics. Default 5.
    C : float, ArrayType, Initializer or callable
        Membrane capacitance (:math:`\mu F/cm^2`). Default 1.
    V_initializer, h_initializer, n_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``OneInit(-65)``, ``OneInit(0.6)``, ``OneInit(0.32)``.
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    References
    ----------
    .. [1] Wang, X.-J., Buzsáki, G. (1996). Gamma oscillation by synaptic inhibition in a
           hippocampal interneuronal network model. Journal of Neuroscience 16(20),
           6402-6413. https://doi.org/10.1523/JNEUROSCI.16-20-06402.1996
    """

    def __init__(
        self,
        size: Any,
        ENa: Any = 55.0,
        gNa: Any = 35.0,
        EK: Any = -90.0,
        gK: Any = 9.0,
        EL: Any = -65.0,
        gL: Any = 0.1,
        V_th: Any = 20.0,
        phi: Any = 5.0,
        C: Any = 1.0,
        V_initializer: Any = OneInit(-65.0),
        h_initializer: Any = OneInit(0.6),
        n_initializer: Any = OneInit(0.32),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.ENa = self._param(ENa, "ENa")
        self.EK = self._param(EK, "EK")
        self.EL = self._param(EL, "EL")
        self.gNa = self._param(gNa, "gNa")
        self.gK = self._param(gK, "gK")
        self.gL = self._param(gL, "gL")
        self.V_th = self._param(V_th, "V_th")
        self.phi = self._param(phi, "phi")
        self.C = self._param(C, "C")
        self._state("V", V_initializer, "V_initializer")
        self._state("h", h_initializer, "h_initializer")
        self._state("n", n_initializer, "n_initializer")
        self._spike_vars()
        self.integral = odeint(JointEq(self.dV, self.dh, self.dn), method=method)

    def m_inf(self, V: Any) -> Any:
        r"""The instantaneous sodium activation :math:`m_\infty(V)`."""
        import brainpy.math as bm

        alpha = efun(-0.1 * (V + 35.0))
        beta = 4.0 * bm.exp(-(V + 60.0) / 18.0)
        return alpha / (alpha + beta)

    def dh(self, h: Any, t: Any, V: Any) -> Any:
        r""":math:`dh/dt`, sodium inactivation."""
        import brainpy.math as bm

        alpha = 0.07 * bm.exp(-(V + 58.0) / 20.0)
        beta = 1.0 / (bm.exp(-0.1 * (V + 28.0)) + 1.0)
        return self.phi * (alpha * (1.0 - h) - beta * h)

    def dn(self, n: Any, t: Any, V: Any) -> Any:
        r""":math:`dn/dt`, potassium activation."""
        import brainpy.math as bm

        alpha = 0.1 * efun(-0.1 * (V + 34.0))
        beta = 0.125 * bm.exp(-(V + 44.0) / 80.0)
        return self.phi * (alpha * (1.0 - n) - beta * n)

    def dV(self, V: Any, t: Any, h: Any, n: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt`: the ionic currents and the input over the capacitance."""
        I_Na = self.gNa * self.m_inf(V) ** 3 * h * (V - self.ENa)
        I_K = self.gK * n**4 * (V - self.EK)
        I_L = self.gL * (V - self.EL)
        return (-I_Na - I_K - I_L + I_ext) / self.C

    def reset(self) -> None:
        r"""Restore V, h, n to their initial values and clear spikes and input."""
        self._reset_states()
        self._reset_spike_vars()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step; a spike is an upward crossing of ``V_th``."""
        V, h, n = self.integral(self.V.value, self.h.value, self.n.value, _t, self.input.value, dt=_dt)
        spike = (self.V.value < self.V_th) & (V >= self.V_th)
        self.V.value, self.h.value, self.n.value = V, h, n
        self._emit(spike, _t)
