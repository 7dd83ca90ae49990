r"""The example operators: a new operator and an alternative backend of a built-in one.

* ``syn2post_logsumexp`` is a new operator, reachable as
  ``bm.syn2post_logsumexp`` (hook ``brainpy_custom_operators``): the smooth
  maximum of the synaptic values reaching each post-synaptic neuron,

  .. math:: y_k = \log \sum_{s:\,b_s = k} \exp x_s ,

  computed stably as :math:`m_k + \log \sum \exp(x_s - m_k)` with
  :math:`m_k = \max_{s:\,b_s=k} x_s`; neurons no synapse reaches get
  :math:`-\infty`.
* ``syn2post_mean_fused`` is an alternative backend (named ``'example'``,
  priority 1, any platform) of the built-in ``bm.syn2post_mean``: it sums the
  values and the counts in one scatter of a ``(num_syn, 2)`` array instead of
  two scatters. Having a priority above the reference's 0, it is chosen by
  default once this plugin is installed; ``bm.set_op_backend('syn2post_mean',
  'jax')`` goes back to the reference.

A backend receives the operator's arguments already checked and normalised by
``brainpy.math`` (JAX arrays, a Python ``int`` size), so it only computes.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

__all__ = ["syn2post_logsumexp", "syn2post_mean_fused"]


def syn2post_logsumexp(syn_values: Any, post_ids: Any, post_num: int) -> jax.Array:
    r"""Log-sum-exp of the synaptic values per post-synaptic neuron (a smooth maximum).

    Parameters
    ----------
    syn_values : ArrayType
        One value per synapse, shape ``(num_syn,)``.
    post_ids : ArrayType
        The post-synaptic index of every synapse, ``conn.require('post_ids')``.
    post_num : int
        The number of post-synaptic neurons.

    Returns
    -------
    jax.Array
        Shape ``(post_num,)``; ``-inf`` for neurons no synapse reaches.
    """
    x = jnp.asarray(getattr(syn_values, "value", syn_values))
    ids = jnp.asarray(getattr(post_ids, "value", post_ids))
    peak = jax.ops.segment_max(x, ids, post_num)
    safe_peak = jax.lax.stop_gradient(jnp.where(jnp.isfinite(peak), peak, 0.0))
    total = jax.ops.segment_sum(jnp.exp(x - safe_peak[ids]), ids, post_num)
    return jnp.where(total > 0, safe_peak + jnp.log(jnp.where(total > 0, total, 1.0)), -jnp.inf)


def syn2post_mean_fused(syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    r"""``bm.syn2post_mean`` in one scatter: :math:`y_k = \frac{\sum_{s \in k} x_s}{|\{s \in k\}|}`, 0 if empty."""
    x = jnp.broadcast_to(syn_values, post_ids.shape)
    dtype = x.dtype if jnp.issubdtype(x.dtype, jnp.inexact) else jnp.result_type(float)
    both = jnp.stack([x.astype(dtype), jnp.ones(post_ids.shape, dtype)], axis=1)
    sums = jax.ops.segment_sum(both, post_ids, post_num)
    return jnp.where(sums[:, 1] > 0, sums[:, 0] / jnp.maximum(sums[:, 1], 1), jnp.zeros((), dtype))
