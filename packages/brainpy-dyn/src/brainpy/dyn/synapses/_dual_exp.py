r"""Dual-exponential and alpha synapses: ``DualExpCUBA``, ``DualExpCOBA``, ``AlphaCUBA``, ``AlphaCOBA``."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.synapses._common import AbstractSynapse

__all__ = ["DualExpCUBA", "DualExpCOBA", "AlphaCUBA", "AlphaCOBA"]

_DUAL_EQS = r"""
    **Model Descriptions**

    A spike of pre-synaptic neuron :math:`i` kicks the auxiliary variable
    :math:`h`, which rises the conductance :math:`g`:

    .. math::

        \frac{dg_j}{dt} = -\frac{g_j}{\tau_{decay}} + h_j, \qquad
        \frac{dh_j}{dt} = -\frac{h_j}{\tau_{rise}}
            + \sum_{i} g_{max,ij} \sum_{k} \delta(t - t_i^{k} - D).

    After one spike arriving at :math:`t_0` (:math:`s = t - t_0 \ge 0`),

    .. math::

        g(s) = g_{max}\,\frac{\tau_{decay}\tau_{rise}}{\tau_{decay} - \tau_{rise}}
               \left(e^{-s/\tau_{decay}} - e^{-s/\tau_{rise}}\right),

    which peaks at :math:`s^* = \frac{\tau_{decay}\tau_{rise}}{\tau_{decay} -
    \tau_{rise}} \ln\frac{\tau_{decay}}{\tau_{rise}}`. ``g`` and ``h`` have one
    element per post-synaptic neuron and include :math:`g_{max}`.
"""

_ALPHA_EQS = r"""
    **Model Descriptions**

    The dual-exponential synapse with equal time constants
    :math:`\tau_{rise} = \tau_{decay} = \tau`:

    .. math::

        \frac{dg_j}{dt} = -\frac{g_j}{\tau} + h_j, \qquad
        \frac{dh_j}{dt} = -\frac{h_j}{\tau}
            + \sum_{i} g_{max,ij} \sum_{k} \delta(t - t_i^{k} - D).

    After one spike arriving at :math:`t_0` (:math:`s = t - t_0 \ge 0`) the
    conductance is the alpha function

    .. math:: g(s) = g_{max}\, s\, e^{-s/\tau},

    which peaks at :math:`s^* = \tau` with the value :math:`g_{max}\tau/e`.
"""

_COMMON = r"""
    Parameters
    ----------
    pre : NeuGroup
        The pre-synaptic group; it must have the Variable ``spike``.
    post : NeuGroup
        The post-synaptic group; it must have ``input`` (and ``V`` for COBA models).
    conn : Connector, array_like or dict
        The connection (connector, boolean matrix or ``{'i': ..., 'j': ...}``).
    conn_type : {'dense', 'sparse', 'auto'}
        The kernel for general connections. Default ``'dense'``.
    g_max : float, ArrayType, Initializer, callable or Variable
        The weight :math:`g_{max}`: a scalar, one value per synapse, a
        ``(pre.num, post.num)`` matrix, an initializer or a callable. Default 1.
    delay_step : None, int, ArrayType, Initializer or callable
        The delay :math:`D` in steps (an array: one per pre-synaptic
        neuron, shape ``(pre.num,)``, or one per synapse, shape ``(num_syn,)``). Default None."""

_DUAL_TAUS = r"""
    tau_decay : float
        The decay time constant (ms). Default 10.
    tau_rise : float
        The rise time constant (ms). Default 1."""

_ALPHA_TAU = r"""
    tau_decay : float
        The time constant :math:`\tau` (ms). Default 10."""

_TAIL = r"""
    method : str
        The integration method. Default ``'exp_auto'``.
    name : str, optional
        The synapse's name.

    References
    ----------
    .. [1] Sterratt, D., Graham, B., Gillies, A., & Willshaw, D. (2011). *Principles of
           Computational Modelling in Neuroscience*. Cambridge University Press, ch. 7.
    .. [2] Roth, A., & van Rossum, M. C. W. (2009). Modeling synapses. In E. De Schutter (Ed.),
           *Computational Modeling Methods for Neuroscientists* (pp. 139-160). MIT Press.
           doi:10.7551/mitpress/9780262013277.003.0007
    .. [3] Rall, W. (1967). Distinguishing theoretical synaptic potentials computed for different
           soma-dendritic distributions of synaptic input. Journal of Neurophysiology 30(5),
           1138-1168. doi:10.1152/jn.1967.30.5.1138
"""

_E = r"""
    E : float
        The reversal potential :math:`E` (mV); the current is :math:`g\,(E - V)`. Default 0."""


class _AbstractDualExp(AbstractSynapse):
    r"""The dual-exponential synapse, without its output rule (see :class:`DualExpCUBA`)."""

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str,
        g_max: Any,
        delay_step: Any,
        tau_decay: Any,
        tau_rise: Any,
        E: Any,
        method: str,
        name: str | None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import JointEq, odeint

        post_attrs = ("input",) if E is None else ("input", "V")
        super().__init__(pre, post, conn, conn_type, g_max, "g_max", delay_step, post_attrs, name)
        self.tau_decay = self._scalar(tau_decay, "tau_decay")
        self.tau_rise = self._scalar(tau_rise, "tau_rise")
        if E is not None:
            self.E = self._scalar(E, "E")
        self.g = bm.Variable(bm.zeros(self.post.num))
        self.h = bm.Variable(bm.zeros(self.post.num))
        self.integral = odeint(JointEq([self.dg, self.dh]), method=method)

    def dg(self, g: Any, t: Any, h: Any) -> Any:
        r""":math:`dg/dt = -g/\tau_{decay} + h`."""
        return -g / self.tau_decay + h

    def dh(self, h: Any, t: Any) -> Any:
        r""":math:`dh/dt = -h/\tau_{rise}`."""
        return -h / self.tau_rise

    def reset(self) -> None:
        r"""Set :math:`g = h = 0` and clear the spike delay."""
        self.g.value = self.g.value * 0.0
        self.h.value = self.h.value * 0.0
        self._reset_delay()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Integrate :math:`(g, h)`, kick :math:`h` with the arriving spikes, output the current."""
        spikes = self._delayed_spikes()
        g, h = self.integral(self.g.value, self.h.value, _t, dt=_dt)
        self.g.value = g
        self.h.value = h + self._proj.events_to_post(spikes)
        self._deliver(self.g.value)


class DualExpCUBA(_AbstractDualExp):
    __doc__ = (
        "Current-based dual exponential synapse model.\n"
        + _DUAL_EQS
        + r"""
    The current added to ``post.input`` is :math:`I_{syn} = g`.
"""
        + _COMMON
        + _DUAL_TAUS
        + _TAIL
    )

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 1.0,
        tau_decay: Any = 10.0,
        tau_rise: Any = 1.0,
        delay_step: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre, post, conn, conn_type, g_max, delay_step, tau_decay, tau_rise, None, method, name)


class DualExpCOBA(_AbstractDualExp):
    __doc__ = (
        "Conductance-based dual exponential synapse model.\n"
        + _DUAL_EQS
        + r"""
    The current added to ``post.input`` is :math:`I_{syn} = g\,(E - V)`.
"""
        + _COMMON
        + _DUAL_TAUS
        + _E
        + _TAIL
    )

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 1.0,
        delay_step: Any = None,
        tau_decay: Any = 10.0,
        tau_rise: Any = 1.0,
        E: Any = 0.0,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre, post, conn, conn_type, g_max, delay_step, tau_decay, tau_rise, E, method, name)


class AlphaCUBA(_AbstractDualExp):
    __doc__ = (
        "Current-based alpha synapse model.\n"
        + _ALPHA_EQS
        + r"""
    The current added to ``post.input`` is :math:`I_{syn} = g`.
"""
        + _COMMON
        + _ALPHA_TAU
        + _TAIL
    )

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 1.0,
        delay_step: Any = None,
        tau_decay: Any = 10.0,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre, post, conn, conn_type, g_max, delay_step, tau_decay, tau_decay, None, method, name)


class AlphaCOBA(_AbstractDualExp):
    __doc__ = (
        "Conductance-based alpha synapse model.\n"
        + _ALPHA_EQS
        + r"""
    The current added to ``post.input`` is :math:`I_{syn} = g\,(E - V)`.
"""
        + _COMMON
        + _ALPHA_TAU
        + _E
        + _TAIL
    )

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 1.0,
        delay_step: Any = None,
        tau_decay: Any = 10.0,
        E: Any = 0.0,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre, post, conn, conn_type, g_max, delay_step, tau_decay, tau_decay, E, method, name)
