r"""Short-term plasticity (Tsodyks-Markram) synapse (``bp.dyn.STP``)."""

from __future__ import annotations

from typing import Any

import brainpy.math as bm
import jax.numpy as jnp
from brainpy.dyn.synapses._common import AbstractSynapse

__all__ = ["STP"]


class STP(AbstractSynapse):
    r"""Short-term plasticity model.

    **Model Descriptions**

    Each synapse has a utilization :math:`u` (facilitation, the fraction of
    the available resources released by a spike), the available resources
    :math:`x` (depression) and a synaptic current :math:`I` [1]_ [2]_.
    Between spikes,

    .. math::

        \frac{du}{dt} = -\frac{u}{\tau_f}, \qquad
        \frac{dx}{dt} = \frac{1 - x}{\tau_d}, \qquad
        \frac{dI}{dt} = -\frac{I}{\tau},

    and when a spike arrives (values just before it marked :math:`^-`)

    .. math::

        u^+ = u^- + U (1 - u^-), \qquad
        I^+ = I^- + A\, u^+ x^-, \qquad
        x^+ = x^- - u^+ x^-.

    The current :math:`\sum_{i} I_i` over the synapses reaching
    post-synaptic neuron :math:`j` is added to ``post.input``. Initially
    :math:`u = 0`, :math:`x = 1`, :math:`I = 0`. All synapses of one
    pre-synaptic neuron see the same spikes, so ``u``, ``x`` and ``I`` are kept
    once per pre-synaptic neuron (shape ``(pre.num,)``; per synapse,
    ``(num_syn,)``, when the delays are per synapse).

    Parameters
    ----------
    pre : NeuGroup
        The pre-synaptic group; it must have the Variable ``spike``.
    post : NeuGroup
        The post-synaptic group; it must have ``input``.
    conn : Connector, array_like or dict
        The connection (connector, boolean matrix or ``{'i': ..., 'j': ...}``).
    U : float
        The increment of :math:`u` per spike, :math:`U`. Default 0.15.
    tau_f : float
        The facilitation time constant :math:`\tau_f` (ms). Default 1500.
    tau_d : float
        The depression (recovery) time constant :math:`\tau_d` (ms). Default 200.
    tau : float
        The decay time constant of the current :math:`\tau` (ms). Default 8.
    A : float
        The response amplitude :math:`A` of fully available resources. Default 1.
    delay_step : None, int, ArrayType, Initializer or callable
        The delay in steps (an array: one per pre-synaptic
        neuron, shape ``(pre.num,)``, or one per synapse, shape ``(num_syn,)``). Default None.
    conn_type : {'sparse', 'dense', 'auto'}
        The kernel for general connections. Default ``'sparse'``.
    method : str
        The integration method. Default ``'exp_auto'``.
    name : str, optional
        The synapse's name.

    References
    ----------
    .. [1] Tsodyks, M., Pawelzik, K., & Markram, H. (1998). Neural networks with dynamic synapses.
           Neural Computation 10(4), 821-835. doi:10.1162/089976698300017502
    .. [2] Mongillo, G., Barak, O., & Tsodyks, M. (2008). Synaptic theory of working memory.
           Science 319(5869), 1543-1546. doi:10.1126/science.1150769
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        U: Any = 0.15,
        tau_f: Any = 1500.0,
        tau_d: Any = 200.0,
        tau: Any = 8.0,
        A: Any = 1.0,
        delay_step: Any = None,
        conn_type: str = "sparse",
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        super().__init__(pre, post, conn, conn_type, 1.0, "_unit_weight", delay_step, ("input",), name)
        self.U = self._scalar(U, "U")
        self.tau_f = self._scalar(tau_f, "tau_f")
        self.tau_d = self._scalar(tau_d, "tau_d")
        self.tau = self._scalar(tau, "tau")
        self.A = self._scalar(A, "A")
        self.u = bm.Variable(bm.zeros(self.num_src))
        self.x = bm.Variable(bm.ones(self.num_src))
        self.I = bm.Variable(bm.zeros(self.num_src))
        self.integral = odeint(JointEq([self.du, self.dx, self.dI]), method=method)

    def du(self, u: Any, t: Any) -> Any:
        r""":math:`du/dt = -u/\tau_f`."""
        return -u / self.tau_f

    def dx(self, x: Any, t: Any) -> Any:
        r""":math:`dx/dt = (1 - x)/\tau_d`."""
        return (1 - x) / self.tau_d

    def dI(self, I: Any, t: Any) -> Any:
        r""":math:`dI/dt = -I/\tau`."""
        return -I / self.tau

    def reset(self) -> None:
        r"""Set :math:`u = 0`, :math:`x = 1`, :math:`I = 0` and clear the spike delay."""
        self.u.value = self.u.value * 0.0
        self.x.value = self.x.value * 0.0 + 1.0
        self.I.value = self.I.value * 0.0
        self._reset_delay()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Integrate :math:`(u, x, I)`, apply the spike jumps, output :math:`\sum I`."""
        spikes = self._delayed_spikes()
        u, x, I = self.integral(self.u.value, self.x.value, self.I.value, _t, dt=_dt)
        u = jnp.where(spikes, u + self.U * (1 - u), u)
        self.I.value = jnp.where(spikes, I + self.A * u * x, I)
        self.x.value = jnp.where(spikes, x - u * x, x)
        self.u.value = u
        self._add_to_post("input", self._proj.values_to_post(self.I.value))
