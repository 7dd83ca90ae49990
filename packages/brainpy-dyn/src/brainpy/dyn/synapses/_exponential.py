r"""Single-exponential synapses: ``ExpCUBA`` (current-based) and ``ExpCOBA`` (conductance-based)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.synapses._common import AbstractSynapse

__all__ = ["ExpCUBA", "ExpCOBA"]

_REFS = r"""
    References
    ----------
    .. [1] Sterratt, D., Graham, B., Gillies, A., & Willshaw, D. (2011). *Principles of
           Computational Modelling in Neuroscience*. Cambridge University Press, ch. 7.
    .. [2] Brette, R., Rudolph, M., Carnevale, T., Hines, M., Beeman, D., Bower, J. M., et al.
           (2007). Simulation of networks of spiking neurons: a review of tools and strategies.
           Journal of Computational Neuroscience 23(3), 349-398. doi:10.1007/s10827-007-0038-6
"""

_PARAMS = r"""
    Parameters
    ----------
    pre : NeuGroup
        The pre-synaptic group; it must have the Variable ``spike``.
    post : NeuGroup
        The post-synaptic group; it must have ``input`` (and ``V`` for the COBA model).
    conn : Connector, array_like or dict
        The connection: a connector (``bp.conn.FixedProb(0.02)``), a boolean
        ``(pre.num, post.num)`` matrix or ``{'i': pre_ids, 'j': post_ids}``.
    conn_type : {'sparse', 'dense', 'auto'}
        The kernel for general connections: event-driven CSR (``'sparse'``,
        default), a dense weight matrix (``'dense'``) or chosen from the
        density (``'auto'``). One2One and All2All always use their own kernels.
    g_max : float, ArrayType, Initializer, callable or Variable
        The maximum conductance (the weight) :math:`g_{max}`: a scalar, one
        value per synapse (shape ``(num_syn,)``), a ``(pre.num, post.num)``
        matrix, an initializer or a callable of the shape. Default 1.
    delay_step : None, int, ArrayType, Initializer or callable
        The synaptic delay :math:`D` in time steps: none, one for all, or one
        per pre-synaptic neuron (shape ``(pre.num,)``) or one per synapse (shape
        ``(num_syn,)``). Default None.
    tau : float
        The decay time constant :math:`\tau` (ms); homogeneous. Default 8.
    method : str
        The integration method. Default ``'exp_auto'`` (exact here).
    name : str, optional
        The synapse's name."""


class _AbstractExp(AbstractSynapse):
    r"""The exponential synapse, without its output rule (see :class:`ExpCUBA`)."""

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str,
        g_max: Any,
        delay_step: Any,
        tau: Any,
        E: Any,
        method: str,
        name: str | None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import odeint

        post_attrs = ("input",) if E is None else ("input", "V")
        super().__init__(pre, post, conn, conn_type, g_max, "g_max", delay_step, post_attrs, name)
        self.tau = self._scalar(tau, "tau")
        if E is not None:
            self.E = self._scalar(E, "E")
        self.g = bm.Variable(bm.zeros(self.post.num))
        self.integral = odeint(self.derivative, method=method)

    def derivative(self, g: Any, t: Any) -> Any:
        r""":math:`dg/dt = -g/\tau`."""
        return -g / self.tau

    def reset(self) -> None:
        r"""Set :math:`g = 0` and clear the spike delay."""
        self.g.value = self.g.value * 0.0
        self._reset_delay()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Decay :math:`g`, add the arriving spikes (weighted by :math:`g_{max}`), output the current."""
        spikes = self._delayed_spikes()
        g = self.integral(self.g.value, _t, dt=_dt)
        self.g.value = g + self._proj.events_to_post(spikes)
        self._deliver(self.g.value)


class ExpCUBA(_AbstractExp):
    __doc__ = (
        r"""Current-based exponential decay synapse model.

    **Model Descriptions**

    Every spike of pre-synaptic neuron :math:`i` raises the synaptic current of
    post-synaptic neuron :math:`j` instantaneously by :math:`g_{max,ij}`; the
    current then decays exponentially:

    .. math::

        \frac{dg_j}{dt} = -\frac{g_j}{\tau}
            + \sum_{i} g_{max,ij} \sum_{k} \delta(t - t_i^{k} - D),
        \qquad I_{syn,j}(t) = g_j(t),

    where :math:`t_i^k` are the spike times of neuron :math:`i`, :math:`D` the
    delay and :math:`I_{syn}` is added to ``post.input``. After one spike
    arriving at :math:`t_0`, :math:`g(t) = g_{max} e^{-(t - t_0)/\tau}`. The
    Variable ``g`` has one element per post-synaptic neuron (it already
    includes :math:`g_{max}`).
"""
        + _PARAMS
        + r"""

    Examples
    --------
    >>> import brainpy as bp
    >>> neu = bp.dyn.LIF(10)
    >>> syn = bp.dyn.ExpCUBA(pre=neu, post=neu, conn=bp.conn.All2All())
"""
        + _REFS
    )

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "sparse",
        g_max: Any = 1.0,
        delay_step: Any = None,
        tau: Any = 8.0,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre, post, conn, conn_type, g_max, delay_step, tau, None, method, name)


class ExpCOBA(_AbstractExp):
    __doc__ = (
        r"""Conductance-based exponential decay synapse model.

    **Model Descriptions**

    The conductance :math:`g` follows the exponential synapse of
    :class:`ExpCUBA`,

    .. math::

        \frac{dg_j}{dt} = -\frac{g_j}{\tau}
            + \sum_{i} g_{max,ij} \sum_{k} \delta(t - t_i^{k} - D),

    and the current into post-synaptic neuron :math:`j` is

    .. math:: I_{syn,j}(t) = g_j(t)\,\left(E - V_j(t)\right),

    with :math:`E` the reversal potential and :math:`V` the post-synaptic
    membrane potential (``post.V``).
"""
        + _PARAMS
        + r"""
    E : float
        The reversal potential :math:`E` (mV). Default 0.

    Examples
    --------
    The excitatory projection of the E-I balanced network (spec L120-123):

    >>> import brainpy as bp
    >>> E = bp.dyn.LIF(320, V_rest=-60., V_th=-50., V_reset=-60., tau=20., tau_ref=5.)
    >>> E2E = bp.dyn.ExpCOBA(E, E, bp.conn.FixedProb(prob=0.02), E=0., g_max=0.6, tau=5.)
"""
        + _REFS
    )

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "sparse",
        g_max: Any = 1.0,
        delay_step: Any = None,
        tau: Any = 8.0,
        E: Any = 0.0,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre, post, conn, conn_type, g_max, delay_step, tau, E, method, name)
