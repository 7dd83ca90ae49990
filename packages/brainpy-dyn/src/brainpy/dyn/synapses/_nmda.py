r"""The NMDA synapse with its voltage-dependent magnesium block (``bp.dyn.NMDA``)."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
from brainpy.dyn.synapses._common import AbstractSynapse

__all__ = ["NMDA"]


class NMDA(AbstractSynapse):
    r"""Conductance-based NMDA synapse model.

    **Model Descriptions**

    The current into post-synaptic neuron :math:`j` is

    .. math::

        I_{syn,j} = \frac{\sum_i g_{max,ij}\, g_i}{B(V_j)}\,(E - V_j), \qquad
        B(V) = 1 + \frac{[\mathrm{Mg}^{2+}]_o}{\beta}\, e^{-\alpha V},

    where :math:`1/B(V)` is the fraction of channels not blocked by
    magnesium [1]_ (:math:`[\mathrm{Mg}^{2+}]_o` = ``cc_Mg`` in mM,
    :math:`\alpha` in 1/mV, :math:`\beta` in mM). The gating variable of the
    synapses of pre-synaptic neuron :math:`i` rises through :math:`x`, which
    every arriving spike kicks [2]_:

    .. math::

        \frac{dg_i}{dt} = -\frac{g_i}{\tau_{decay}} + a\, x_i (1 - g_i), \qquad
        \frac{dx_i}{dt} = -\frac{x_i}{\tau_{rise}} + \sum_k \delta(t - t_i^k - D).

    All synapses of one pre-synaptic neuron share the same spikes, delay and
    (homogeneous) parameters, so ``g`` and ``x`` are kept once per
    pre-synaptic neuron (shape ``(pre.num,)``; per synapse, ``(num_syn,)``, when
    the delays are per synapse); the connection weights enter in the sum over
    :math:`i`.

    Parameters
    ----------
    pre : NeuGroup
        The pre-synaptic group; it must have the Variable ``spike``.
    post : NeuGroup
        The post-synaptic group; it must have ``input`` and ``V``.
    conn : Connector, array_like or dict
        The connection (connector, boolean matrix or ``{'i': ..., 'j': ...}``).
    conn_type : {'dense', 'sparse', 'auto'}
        The kernel for general connections. Default ``'dense'``.
    g_max : float, ArrayType, Initializer, callable or Variable
        The maximum conductance :math:`g_{max}` (scalar, per synapse or a matrix). Default 0.15.
    E : float
        The reversal potential (mV). Default 0.
    cc_Mg : float
        The extracellular magnesium concentration (mM). Default 1.2.
    alpha : float
        The voltage sensitivity :math:`\alpha` of the block (1/mV). Default 0.062.
    beta : float
        The magnesium dissociation constant :math:`\beta` (mM). Default 3.57.
    delay_step : None, int, ArrayType, Initializer or callable
        The delay :math:`D` in steps (an array: one per pre-synaptic
        neuron, shape ``(pre.num,)``, or one per synapse, shape ``(num_syn,)``). Default None.
    tau_decay : float
        The decay time constant of :math:`g` (ms). Default 100.
    a : float
        The rate of the rise of :math:`g` driven by :math:`x` (1/ms). Default 0.5.
    tau_rise : float
        The decay time constant of :math:`x` (ms). Default 2.
    method : str
        The integration method. Default ``'exp_auto'``.
    name : str, optional
        The synapse's name.

    References
    ----------
    .. [1] Jahr, C. E., & Stevens, C. F. (1990). Voltage dependence of NMDA-activated macroscopic
           conductances predicted by single-channel kinetics. Journal of Neuroscience 10(9),
           3178-3182. doi:10.1523/JNEUROSCI.10-09-03178.1990
    .. [2] Brunel, N., & Wang, X.-J. (2001). Effects of neuromodulation in a cortical network model
           of object working memory dominated by recurrent inhibition. Journal of Computational
           Neuroscience 11(1), 63-85. doi:10.1023/A:1011204814320
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 0.15,
        E: Any = 0.0,
        cc_Mg: Any = 1.2,
        alpha: Any = 0.062,
        beta: Any = 3.57,
        delay_step: Any = None,
        tau_decay: Any = 100.0,
        a: Any = 0.5,
        tau_rise: Any = 2.0,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import JointEq, odeint

        super().__init__(pre, post, conn, conn_type, g_max, "g_max", delay_step, ("input", "V"), name)
        self.E = self._scalar(E, "E")
        self.cc_Mg = self._scalar(cc_Mg, "cc_Mg")
        self.alpha = self._scalar(alpha, "alpha")
        self.beta = self._scalar(beta, "beta")
        self.tau_decay = self._scalar(tau_decay, "tau_decay")
        self.a = self._scalar(a, "a")
        self.tau_rise = self._scalar(tau_rise, "tau_rise")
        self.g = bm.Variable(bm.zeros(self.num_src))
        self.x = bm.Variable(bm.zeros(self.num_src))
        self.integral = odeint(JointEq([self.dg, self.dx]), method=method)

    def dg(self, g: Any, t: Any, x: Any) -> Any:
        r""":math:`dg/dt = -g/\tau_{decay} + a x (1 - g)`."""
        return -g / self.tau_decay + self.a * x * (1 - g)

    def dx(self, x: Any, t: Any) -> Any:
        r""":math:`dx/dt = -x/\tau_{rise}`."""
        return -x / self.tau_rise

    def mg_block(self, V: Any) -> Any:
        r"""The unblocked fraction :math:`1/B(V) = 1 / (1 + [\mathrm{Mg}^{2+}]_o/\beta\; e^{-\alpha V})`."""
        return 1.0 / (1.0 + self.cc_Mg / self.beta * jnp.exp(-self.alpha * V))

    def reset(self) -> None:
        r"""Set :math:`g = x = 0` and clear the spike delay."""
        self.g.value = self.g.value * 0.0
        self.x.value = self.x.value * 0.0
        self._reset_delay()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Integrate :math:`(g, x)`, kick :math:`x` with the arriving spikes, output the blocked current."""
        spikes = self._delayed_spikes()
        g, x = self.integral(self.g.value, self.x.value, _t, dt=_dt)
        self.g.value = g
        self.x.value = x + spikes.astype(x.dtype)
        V = self._post_flat("V")
        g_post = self._proj.values_to_post(self.g.value)
        self._add_to_post("input", g_post * self.mg_block(V) * (self.E - V))
