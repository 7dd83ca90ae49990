r"""Two-state kinetic (Markov) receptor synapses: ``AMPA`` and ``GABAa``."""

from __future__ import annotations

from typing import Any

import brainpy.math as bm
import jax.numpy as jnp
from brainpy.dyn.synapses._common import NEVER, AbstractSynapse

__all__ = ["AMPA", "GABAa"]

_EQS = r"""
    **Model Descriptions**

    Receptors switch between a closed and an open state [1]_. The open fraction
    :math:`g_i` of the synapses of pre-synaptic neuron :math:`i` follows

    .. math::

        \frac{dg_i}{dt} = \alpha [T]_i (1 - g_i) - \beta g_i, \qquad
        [T]_i(t) = \begin{cases} T, & 0 \le t - t_i^{last} < T_{duration} \\
                                 0, & \text{otherwise,} \end{cases}

    where :math:`[T]` is the transmitter concentration, a pulse of height
    :math:`T` (mM) and length :math:`T_{duration}` (ms) released when a spike
    arrives (at :math:`t_i^{last}`, the latest arrival, after the delay
    :math:`D`); :math:`\alpha` (1/(mM ms)) is the binding and :math:`\beta`
    (1/ms) the unbinding rate. During a pulse started at :math:`t_0`,
    :math:`g \to g_\infty = \alpha T/(\alpha T + \beta)` as
    :math:`g(t) = g_\infty + (g(t_0) - g_\infty)\, e^{-(\alpha T + \beta)(t - t_0)}`;
    afterwards :math:`g` decays as :math:`e^{-\beta t}`. The current into
    post-synaptic neuron :math:`j` is

    .. math:: I_{syn,j} = \Big(\sum_i g_{max,ij}\, g_i\Big)\,(E - V_j).

    ``g`` and ``spike_arrival_time`` are kept once per pre-synaptic neuron
    (shape ``(pre.num,)``): all its synapses see the same spikes and
    parameters (per synapse, ``(num_syn,)``, when the delays are per synapse).
    The pulse covers the steps that start within :math:`T_{duration}` of the
    arrival, i.e. :math:`T_{duration}/dt` steps.
"""

_PARAMS = r"""
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
        The maximum conductance (scalar, per synapse or a matrix). Default @G@.
    delay_step : None, int, ArrayType, Initializer or callable
        The delay :math:`D` in steps (an array: one per pre-synaptic
        neuron, shape ``(pre.num,)``, or one per synapse, shape ``(num_syn,)``). Default None.
    E : float
        The reversal potential (mV). Default @E@.
    alpha : float
        The binding rate :math:`\alpha`. Default @A@.
    beta : float
        The unbinding rate :math:`\beta`. Default 0.18.
    T : float
        The transmitter concentration :math:`T` during a pulse (mM). Default @T@.
    T_duration : float
        The pulse length :math:`T_{duration}` (ms). Default @T@.
    method : str
        The integration method. Default ``'exp_auto'``.
    name : str, optional
        The synapse's name.

    References
    ----------
    .. [1] Destexhe, A., Mainen, Z. F., & Sejnowski, T. J. (1994). An efficient method for computing
           synaptic conductances based on a kinetic model of receptor binding. Neural Computation
           6(1), 14-18. doi:10.1162/neco.1994.6.1.14
    .. [2] Destexhe, A., Mainen, Z. F., & Sejnowski, T. J. (1998). Kinetic models of synaptic
           transmission. In C. Koch & I. Segev (Eds.), *Methods in Neuronal Modeling* (2nd ed.,
           pp. 1-25). MIT Press.
"""


def _params(g_max: str, E: str, alpha: str, T: str) -> str:
    return _PARAMS.replace("@G@", g_max).replace("@E@", E).replace("@A@", alpha).replace("@T@", T)


class _AbstractKinetic(AbstractSynapse):
    r"""The two-state receptor synapse shared by :class:`AMPA` and :class:`GABAa`."""

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str,
        g_max: Any,
        delay_step: Any,
        E: Any,
        alpha: Any,
        beta: Any,
        T: Any,
        T_duration: Any,
        method: str,
        name: str | None,
    ) -> None:
        from brainpy.integrators import odeint

        super().__init__(pre, post, conn, conn_type, g_max, "g_max", delay_step, ("input", "V"), name)
        self.E = self._scalar(E, "E")
        self.alpha = self._scalar(alpha, "alpha")
        self.beta = self._scalar(beta, "beta")
        self.T = self._scalar(T, "T")
        self.T_duration = self._scalar(T_duration, "T_duration")
        self.g = bm.Variable(bm.zeros(self.num_src))
        self.spike_arrival_time = bm.Variable(bm.ones(self.num_src) * NEVER)
        self.integral = odeint(self.derivative, method=method)

    def derivative(self, g: Any, t: Any, TT: Any) -> Any:
        r""":math:`dg/dt = \alpha [T] (1 - g) - \beta g`."""
        return self.alpha * TT * (1 - g) - self.beta * g

    def reset(self) -> None:
        r"""Close every receptor (:math:`g = 0`), forget the arrivals and clear the spike delay."""
        self.g.value = self.g.value * 0.0
        self.spike_arrival_time.value = self.spike_arrival_time.value * 0.0 + NEVER
        self._reset_delay()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Record arrivals, integrate :math:`g` under the transmitter pulse, output the current."""
        spikes = self._delayed_spikes()
        arrival = jnp.where(spikes, _t, self.spike_arrival_time.value)
        self.spike_arrival_time.value = arrival
        # steps starting within T_duration of the arrival (1% of dt absorbs float rounding of t)
        TT = ((_t - arrival) < self.T_duration - 0.01 * _dt) * self.T
        self.g.value = self.integral(self.g.value, _t, TT, dt=_dt)
        self._deliver(self._proj.values_to_post(self.g.value))


class AMPA(_AbstractKinetic):
    __doc__ = "AMPA conductance-based synapse model.\n" + _EQS + _params(g_max="0.42", E="0", alpha="0.98", T="0.5")

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 0.42,
        delay_step: Any = None,
        E: Any = 0.0,
        alpha: Any = 0.98,
        beta: Any = 0.18,
        T: Any = 0.5,
        T_duration: Any = 0.5,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre, post, conn, conn_type, g_max, delay_step, E, alpha, beta, T, T_duration, method, name)


class GABAa(_AbstractKinetic):
    __doc__ = "GABAa conductance-based synapse model.\n" + _EQS + _params(g_max="0.04", E="-80", alpha="0.53", T="1")

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 0.04,
        delay_step: Any = None,
        E: Any = -80.0,
        alpha: Any = 0.53,
        beta: Any = 0.18,
        T: Any = 1.0,
        T_duration: Any = 1.0,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre, post, conn, conn_type, g_max, delay_step, E, alpha, beta, T, T_duration, method, name)
