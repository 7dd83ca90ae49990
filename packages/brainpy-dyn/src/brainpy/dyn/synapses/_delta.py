r"""The voltage-jump (delta) synapse (``bp.dyn.DeltaSynapse``)."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
from brainpy.dyn.synapses._common import AbstractSynapse

__all__ = ["DeltaSynapse"]


class DeltaSynapse(AbstractSynapse):
    r"""Voltage Jump Synapse Model, or alias of Delta Synapse Model.

    **Model Descriptions**

    Each arriving spike makes the post-synaptic variable (the membrane
    potential by default) jump by the synaptic weight:

    .. math::

        I_{syn,j}(t) = \sum_{i} w_{ij} \sum_k \delta(t - t_i^k - D), \qquad
        V_j \leftarrow V_j + \sum_{i \in \mathcal{S}(t)} w_{ij},

    where :math:`\mathcal{S}(t)` is the set of pre-synaptic neurons whose
    spikes arrive at :math:`t`. With ``post_has_ref=True`` the jump is
    skipped for post-synaptic neurons in their refractory period
    (``post.refractory``), whose potential is clamped.

    Parameters
    ----------
    pre : NeuGroup
        The pre-synaptic group; it must have the Variable ``spike``.
    post : NeuGroup
        The post-synaptic group; it must have the Variable named ``post_key``.
    conn : Connector, array_like or dict
        The connection (connector, boolean matrix or ``{'i': ..., 'j': ...}``).
    conn_type : {'sparse', 'dense', 'auto'}
        The kernel for general connections. Default ``'sparse'``.
    weights : float, ArrayType, Initializer, callable or Variable
        The jump :math:`w` (scalar, per synapse or a matrix). Default 1.
    delay_step : None, int, ArrayType, Initializer or callable
        The delay :math:`D` in steps (an array: one per pre-synaptic
        neuron, shape ``(pre.num,)``, or one per synapse, shape ``(num_syn,)``). Default None.
    post_key : str
        The post-synaptic Variable that jumps. Default ``'V'``.
    post_has_ref : bool
        Whether the post-synaptic group has ``refractory`` and refractory
        neurons must not jump. Default False.
    name : str, optional
        The synapse's name.

    References
    ----------
    .. [1] Gerstner, W., Kistler, W. M., Naud, R., & Paninski, L. (2014). *Neuronal Dynamics: From
           Single Neurons to Networks and Models of Cognition*. Cambridge University Press, ch. 1.
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "sparse",
        weights: Any = 1.0,
        delay_step: Any = None,
        post_key: str = "V",
        post_has_ref: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.errors import ModelBuildError

        if not isinstance(post_key, str):
            raise ModelBuildError(
                f"DeltaSynapse: post_key={post_key!r} must be the name of a post-synaptic Variable, e.g. post_key='V'."
            )
        self.post_key = post_key
        self.post_has_ref = bool(post_has_ref)
        attrs = (post_key, "refractory") if self.post_has_ref else (post_key,)
        super().__init__(pre, post, conn, conn_type, weights, "weights", delay_step, attrs, name)

    def reset(self) -> None:
        r"""Clear the spike delay (the model has no other state)."""
        self._reset_delay()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Add the weights of the arriving spikes to ``post.<post_key>``."""
        jump = self._proj.events_to_post(self._delayed_spikes())
        if self.post_has_ref:
            jump = jnp.where(jnp.ravel(self.post.refractory.value), 0.0, jump)
        self._add_to_post(self.post_key, jump)
