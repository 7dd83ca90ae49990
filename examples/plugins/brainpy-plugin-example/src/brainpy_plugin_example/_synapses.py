r"""The example plugin's synapse model: a graded (non-spiking) synapse, as ``bp.dyn.GradedSynapse``.

A plugin synapse model is a ``bp.dyn.TwoEndConn`` subclass built only from public API: it checks
the attributes it reads with ``check_pre_attrs`` / ``check_post_attrs``, asks the connector for
the structure it computes with (``self.conn.require('conn_mat')``), keeps its state in
``bm.Variable``\ s, integrates with ``bp.odeint`` and adds its current to ``post.input`` in
``update(_t, _dt)``. ``SYNAPSES`` is what the ``brainpy_synapse_models`` hook returns.
"""

from __future__ import annotations

from typing import Any

import brainpy as bp
import brainpy.math as bm
import numpy as np
from brainpy.errors import ModelBuildError

__all__ = ["GradedSynapse", "SYNAPSES"]


class GradedSynapse(bp.dyn.TwoEndConn):
    r"""A graded synapse: transmitter release grows smoothly with the pre-synaptic potential.

    **Model Descriptions**

    Non-spiking neurons (and many invertebrate synapses) release transmitter
    continuously, as a sigmoid function of the pre-synaptic membrane
    potential [1]_ [2]_. The activation :math:`s_i` of the synapses of
    pre-synaptic neuron :math:`i` relaxes to that sigmoid,

    .. math::

        \tau \frac{ds_i}{dt} = s_\infty(V_i) - s_i, \qquad
        s_\infty(V) = \frac{1}{1 + e^{-(V - V_{half})/k}},

    and the current into post-synaptic neuron :math:`j` is conductance-based:

    .. math:: I_j = g_{max} \Big(\sum_i M_{ij}\, s_i\Big) (E - V_j),

    with :math:`M` the connection matrix. For a constant :math:`V_i`,
    :math:`s_i(t) = s_\infty + (s_i(0) - s_\infty)\,e^{-t/\tau}`.

    Parameters
    ----------
    pre : NeuGroup
        The pre-synaptic group; it must have ``V``.
    post : NeuGroup
        The post-synaptic group; it must have ``input`` and ``V``.
    conn : Connector, array_like or dict
        The connection.
    g_max : float
        The maximum conductance of one synapse. Default 0.1.
    E : float
        The reversal potential (mV). Default 0.
    V_half : float
        The pre-synaptic potential of half activation (mV). Default -40.
    k : float
        The slope factor of the sigmoid (mV), > 0. Default 5.
    tau : float
        The activation time constant (ms), > 0. Default 2.
    method : str
        The integration method. Default ``'exp_auto'`` (exact for a constant :math:`V`).
    name : str, optional
        The synapse's name.

    Raises
    ------
    ModelBuildError
        If ``k`` or ``tau`` is not positive, or a group lacks an attribute the model reads.

    References
    ----------
    .. [1] Abbott, L. F., & Marder, E. (1998). Modeling small networks. In C. Koch & I. Segev (Eds.),
           *Methods in Neuronal Modeling* (2nd ed., pp. 361-410). MIT Press.
    .. [2] Prinz, A. A., Bucher, D., & Marder, E. (2004). Similar network activity from disparate
           circuit parameters. Nature Neuroscience 7(12), 1345-1352. doi:10.1038/nn1352
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        g_max: float = 0.1,
        E: float = 0.0,
        V_half: float = -40.0,
        k: float = 5.0,
        tau: float = 2.0,
        method: str = "exp_auto",
        name: str | None = None,
    ) -> None:
        super().__init__(pre=pre, post=post, conn=conn, name=name)
        self.check_pre_attrs("V")
        self.check_post_attrs("input", "V")
        for label, value in (("k", k), ("tau", tau)):
            if not float(value) > 0:
                raise ModelBuildError(f"{self.name} (GradedSynapse): {label}={value!r} must be > 0.")
        self.g_max, self.E, self.V_half, self.k, self.tau = float(g_max), float(E), float(V_half), float(k), float(tau)
        self.conn_mat = bm.asarray(np.asarray(self.conn.require("conn_mat"), dtype=np.float32))
        self.s = bm.Variable(bm.zeros(self.pre.num))
        self.integral = bp.odeint(self.derivative, method=method)

    def s_inf(self, V: Any) -> Any:
        r"""The steady activation :math:`s_\infty(V)`."""
        return 1.0 / (1.0 + bm.exp(-(V - self.V_half) / self.k))

    def derivative(self, s: Any, t: Any, V_pre: Any) -> Any:
        r""":math:`ds/dt = (s_\infty(V_{pre}) - s)/\tau`."""
        return (self.s_inf(V_pre) - s) / self.tau

    def reset(self) -> None:
        r"""Set :math:`s = 0`."""
        self.s.value = bm.zeros(self.pre.num).value

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Relax :math:`s` towards :math:`s_\infty(V_{pre})` and add the current to ``post.input``."""
        self.s.value = self.integral(self.s.value, _t, self.pre.V.value.reshape(-1), dt=_dt)
        g_post = bm.dot(self.s.value, self.conn_mat)
        V = self.post.V.value.reshape(-1)
        self.post.input += (self.g_max * g_post * (self.E - V)).reshape(self.post.input.shape)


SYNAPSES: dict[str, type] = {"GradedSynapse": GradedSynapse}
