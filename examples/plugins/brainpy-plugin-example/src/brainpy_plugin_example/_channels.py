r"""The example plugin's channel model: the slow M-type potassium current ``IKM``.

A channel subclasses one of the public channel bases of :mod:`brainpy.dyn.channels`
(here :class:`~brainpy.dyn.channels.PotassiumChannel`) and implements ``current(V)``,
``update(_t, _dt, V)`` and ``reset(V)``. Registered in ``_plugin.py`` (hook
``brainpy_channel_models``), it is reachable as ``bp.dyn.IKM`` and composes with the
built-in channels::

    neu = bp.dyn.CondNeuGroup(1, INa=bp.dyn.INa(1), IK=bp.dyn.IK_DR(1), IL=bp.dyn.IL(1), IKM=bp.dyn.IKM(1))
"""

from __future__ import annotations

from typing import Any

from brainpy.dyn.channels import PotassiumChannel

__all__ = ["IKM"]


class IKM(PotassiumChannel):
    r"""The slow non-inactivating M-type potassium current.

    **Model Descriptions**

    The muscarine-sensitive current of Yamada, Koch & Adams (1989) [1]_, in the form of
    Pospischil et al. (2008) [2]_, which gives regular-spiking cortical neurons their
    spike-frequency adaptation:

    .. math::

        I_M &= g_{max}\, p\, (E - V) \\
        \frac{dp}{dt} &= \phi\, \frac{p_\infty(V) - p}{\tau_p(V)}, \qquad
        p_\infty(V) = \frac{1}{1 + e^{-(V - V_{sh} + 35)/10}}, \\
        \tau_p(V) &= \frac{\tau_{max}}{3.3\, e^{(V - V_{sh} + 35)/20} + e^{-(V - V_{sh} + 35)/20}}

    where :math:`V` is the membrane potential (mV), :math:`p` the activation gate,
    :math:`p_\infty` its steady state, :math:`\tau_p` its time constant (ms),
    :math:`\tau_{max}` the scale of that time constant (ms), :math:`V_{sh}` a voltage
    shift (mV), :math:`E` the potassium reversal potential (mV), :math:`g_{max}` the
    maximal conductance (mS/cm²) and :math:`\phi` a temperature factor. The current is
    positive inward (see :mod:`brainpy.dyn.channels`), so it hyperpolarises. Every spike
    opens :math:`p` a little and it closes only over hundreds of ms: during a sustained
    input the outward current builds up and the inter-spike intervals lengthen.

    The gate is integrated exactly over a step at fixed :math:`V` (exponential Euler,
    ``method='exp_auto'``) and starts at :math:`p_\infty` of the group's initial potential.

    Parameters
    ----------
    size : int or tuple of int
        The geometry (that of the :class:`~brainpy.dyn.channels.CondNeuGroup`).
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default -90.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²). Default 0.07.
    tau_max : float, ArrayType, Initializer or callable
        The scale :math:`\tau_{max}` of the time constant (ms). Default 4000.
    V_sh : float, ArrayType, Initializer or callable
        Voltage shift (mV). Default 0.
    phi : float
        Temperature factor :math:`\phi`. Default 1.
    method : str
        Integration method of the gate. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Yamada, W. M., Koch, C., & Adams, P. R. (1989). Multiple channels and calcium
           dynamics. In C. Koch & I. Segev (Eds.), Methods in Neuronal Modeling (pp. 97-133).
           MIT Press.
    .. [2] Pospischil, M., Toledo-Rodriguez, M., Monier, C., Piwkowska, Z., Bal, T.,
           Frégnac, Y., Markram, H., & Destexhe, A. (2008). Minimal Hodgkin-Huxley type
           models for different classes of cortical and thalamic neurons. Biological
           Cybernetics 99(4-5), 427-441. https://doi.org/10.1007/s00422-008-0263-8
    """

    def __init__(
        self,
        size: Any,
        E: Any = -90.0,
        g_max: Any = 0.07,
        tau_max: Any = 4000.0,
        V_sh: Any = 0.0,
        phi: float = 1.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import odeint

        super().__init__(size, keep_size=keep_size, name=name)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.tau_max = self._param(tau_max, "tau_max")
        self.V_sh = self._param(V_sh, "V_sh")
        self.phi = float(phi)
        self.p = bm.Variable(bm.zeros(self.varshape))
        self.integral = odeint(self.dp, method=method)

    def p_inf(self, V: Any) -> Any:
        r"""The steady state :math:`p_\infty(V) = 1 / (1 + e^{-(V - V_{sh} + 35)/10})`."""
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp(-(V - self.V_sh + 35.0) / 10.0))

    def p_tau(self, V: Any) -> Any:
        r"""The time constant :math:`\tau_p(V)` (ms)."""
        import brainpy.math as bm

        x = (V - self.V_sh + 35.0) / 20.0
        return self.tau_max / (3.3 * bm.exp(x) + bm.exp(-x))

    def dp(self, p: Any, t: Any, V: Any) -> Any:
        r""":math:`dp/dt = \phi (p_\infty(V) - p) / \tau_p(V)`."""
        return self.phi * (self.p_inf(V) - p) / self.p_tau(V)

    def current(self, V: Any) -> Any:  # type: ignore[override]
        r"""The inward current :math:`g_{max}\, p\, (E - V)` (:math:`\mu A/cm^2`)."""
        return self.g_max * self.p.value * (self.E - V)

    def reset(self, V: Any) -> None:  # type: ignore[override]
        r"""Set :math:`p` to its steady state :math:`p_\infty(V)`."""
        import brainpy.math as bm

        self.p.value = bm.broadcast_to(bm.asarray(self.p_inf(V)), self.varshape).astype(self.p.dtype)

    def update(self, _t: Any, _dt: Any, V: Any) -> None:  # type: ignore[override]
        r"""Integrate the gate over one step at the potential ``V``."""
        self.p.value = self.integral(self.p.value, _t, V, dt=_dt)
