r"""Pure-JAX reference implementations of the synaptic operators.

These are the backends named ``'jax'`` (platform ``'any'``, priority 0) of
every built-in operator. They are exact, run on every platform, and work
under ``jit``, ``vmap``, ``grad`` (with respect to the values) and ``jvp``.
The event-driven ones touch every synapse (cost :math:`O(\text{synapses})`
whatever the activity); faster native backends (``brainpy-ops``) must agree
with them.

Every function here takes the *normalised* arguments the public wrappers in
``brainpy.math`` produce: JAX arrays (never ``JaxArray``), Python ``int``
sizes, and already validated shapes. Every result is a ``jax.Array``.
"""

from __future__ import annotations

import functools
from typing import Any

import jax
import jax.numpy as jnp

__all__ = ["value_dtype", "synapse_rows", "segment_prod", "REFERENCES"]


def value_dtype(values: Any) -> Any:
    """The dtype of an operator's result: that of ``values`` if inexact, else the default float."""
    dtype = jnp.result_type(values)
    if jnp.issubdtype(dtype, jnp.inexact):
        return dtype
    return jnp.result_type(float)


def synapse_rows(indptr: jax.Array, nnz: int) -> jax.Array:
    """The pre-synaptic row of each of the ``nnz`` synapses of a CSR structure.

    Synapse ``j`` belongs to row ``i`` when ``indptr[i] <= j < indptr[i + 1]``,
    that is, ``i`` is the number of row ends ``indptr[1:]`` that are ``<= j``.
    """
    return jnp.searchsorted(indptr[1:], jnp.arange(nnz, dtype=indptr.dtype), side="right")


def _event_mask(events: jax.Array, indptr: jax.Array, nnz: int) -> jax.Array:
    ev = events if events.dtype == jnp.bool_ else events != 0
    # row n_pre only holds synapses beyond indptr[-1] (malformed input): never active
    padded = jnp.concatenate([ev, jnp.zeros((1,), jnp.bool_)])
    return padded[synapse_rows(indptr, nnz)]


def _targets(indices: jax.Array, post_num: int) -> jax.Array:
    """Post-synaptic indices with negative ones moved out of range (JAX would wrap them; we drop them)."""
    return jnp.where(indices < 0, post_num, indices)


def pre2post_event_sum(events: jax.Array, pre2post: tuple, post_num: int, values: Any = 1.0) -> jax.Array:
    """Reference ``pre2post_event_sum``: masks every synapse, then one scatter-add."""
    indices, indptr = pre2post
    indices = _targets(indices, post_num)
    dtype = value_dtype(values)
    values = jnp.asarray(values, dtype)
    nnz = indices.shape[0]
    active = _event_mask(events, indptr, nnz)
    contrib = jnp.where(active, jnp.broadcast_to(values, (nnz,)), jnp.zeros((), dtype))
    return jnp.zeros(post_num, dtype).at[indices].add(contrib, mode="drop")


def pre2post_event_prod(events: jax.Array, pre2post: tuple, post_num: int, values: Any = 1.0) -> jax.Array:
    """Reference ``pre2post_event_prod``: masks every synapse, then one scatter-multiply."""
    indices, indptr = pre2post
    indices = _targets(indices, post_num)
    dtype = value_dtype(values)
    values = jnp.asarray(values, dtype)
    nnz = indices.shape[0]
    active = _event_mask(events, indptr, nnz)
    factor = jnp.where(active, jnp.broadcast_to(values, (nnz,)), jnp.ones((), dtype))
    return segment_prod(factor, indices, post_num)


@functools.partial(jax.custom_jvp, nondiff_argnums=(2,))
def segment_prod(data: jax.Array, ids: jax.Array, num: int) -> jax.Array:
    r"""``jax.ops.segment_prod`` (out-of-range ids dropped) with a derivative for repeated ids.

    JAX differentiates a scatter-multiply only for unique indices. Here, with
    :math:`y_k = \prod_{s \in k} x_s`, the tangent is
    :math:`\dot y_k = \sum_{s \in k} \dot x_s \prod_{r \in k, r \neq s} x_r`,
    where the product over the others is :math:`p_k / x_s` when the group has
    no zero (:math:`p_k` the product of its non-zero values), :math:`p_k` for
    the only zero of a group, and 0 otherwise.
    """
    return jax.ops.segment_prod(data, ids, num, mode="drop")


@segment_prod.defjvp
def _segment_prod_jvp(num: int, primals: tuple, tangents: tuple) -> tuple:
    data, ids = primals
    is_zero = data == 0
    zeros = jax.ops.segment_sum(is_zero.astype(jnp.int32), ids, num, mode="drop")
    nonzero_prod = jax.ops.segment_prod(jnp.where(is_zero, jnp.ones((), data.dtype), data), ids, num, mode="drop")
    safe = jnp.minimum(ids, max(num - 1, 0))
    z, p = zeros[safe], nonzero_prod[safe]
    others = jnp.where(is_zero, jnp.where(z == 1, p, 0), jnp.where(z == 0, p / jnp.where(is_zero, 1, data), 0))
    tangent = jax.ops.segment_sum(others.astype(data.dtype) * tangents[0], ids, num, mode="drop")
    return segment_prod(data, ids, num), tangent


def _syn_values(pre_values: Any, post_ids: jax.Array, pre_ids: jax.Array | None) -> jax.Array:
    pre_values = jnp.asarray(pre_values)
    if pre_values.ndim == 0:
        return jnp.broadcast_to(pre_values, post_ids.shape)
    return pre_values[pre_ids]


def pre2syn(pre_values: Any, pre_ids: jax.Array) -> jax.Array:
    """Reference ``pre2syn``: a gather."""
    return _syn_values(pre_values, pre_ids, pre_ids)


def syn2post_sum(syn_values: Any, post_ids: jax.Array, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    """Reference ``syn2post_sum``: ``jax.ops.segment_sum``."""
    syn_values = jnp.broadcast_to(jnp.asarray(syn_values), post_ids.shape)
    return jax.ops.segment_sum(syn_values, post_ids, post_num)


def syn2post_prod(syn_values: Any, post_ids: jax.Array, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    """Reference ``syn2post_prod``: ``jax.ops.segment_prod`` (empty groups give 1)."""
    syn_values = jnp.broadcast_to(jnp.asarray(syn_values), post_ids.shape)
    return segment_prod(syn_values, post_ids, post_num)


def syn2post_max(syn_values: Any, post_ids: jax.Array, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    """Reference ``syn2post_max``: ``jax.ops.segment_max`` (empty groups give the dtype's lowest value)."""
    syn_values = jnp.broadcast_to(jnp.asarray(syn_values), post_ids.shape)
    return jax.ops.segment_max(syn_values, post_ids, post_num)


def syn2post_min(syn_values: Any, post_ids: jax.Array, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    """Reference ``syn2post_min``: ``jax.ops.segment_min`` (empty groups give the dtype's highest value)."""
    syn_values = jnp.broadcast_to(jnp.asarray(syn_values), post_ids.shape)
    return jax.ops.segment_min(syn_values, post_ids, post_num)


def syn2post_mean(syn_values: Any, post_ids: jax.Array, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    """Reference ``syn2post_mean``: segment sum over segment count (empty groups give 0)."""
    syn_values = jnp.broadcast_to(jnp.asarray(syn_values), post_ids.shape)
    dtype = value_dtype(syn_values)
    total = jax.ops.segment_sum(syn_values.astype(dtype), post_ids, post_num)
    count = jax.ops.segment_sum(jnp.ones(post_ids.shape, dtype), post_ids, post_num)
    return jnp.where(count > 0, total / jnp.maximum(count, 1), jnp.zeros((), dtype))


def syn2post_softmax(syn_values: Any, post_ids: jax.Array, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    """Reference ``syn2post_softmax``: softmax of the synapses within each post-synaptic group."""
    syn_values = jnp.broadcast_to(jnp.asarray(syn_values), post_ids.shape)
    syn_values = syn_values.astype(value_dtype(syn_values))
    group_max = jax.ops.segment_max(syn_values, post_ids, post_num)
    shifted = jnp.exp(syn_values - jax.lax.stop_gradient(group_max)[post_ids])
    norm = jax.ops.segment_sum(shifted, post_ids, post_num)
    return shifted / norm[post_ids]


def _pre2post(reduce: Any) -> Any:
    def impl(pre_values: Any, post_num: int, post_ids: jax.Array, pre_ids: jax.Array | None = None) -> jax.Array:
        return reduce(_syn_values(pre_values, post_ids, pre_ids), post_ids, post_num)

    impl.__doc__ = f"Reference ``pre2post_*``: gather to synapses, then ``{reduce.__name__}``."
    return impl


def sparse_matmul(A: Any, B: Any) -> jax.Array:
    """Reference ``sparse_matmul``: COO gather and segment sum."""
    if isinstance(A, dict):
        rows, cols = A["index"]
        n_rows = A["shape"][0]
        B = jnp.asarray(B)
        data = jnp.asarray(A["data"]).reshape((-1,) + (1,) * (B.ndim - 1))
        return jax.ops.segment_sum(data * B[cols], rows, n_rows)
    rows, cols = B["index"]
    n_cols = B["shape"][1]
    A = jnp.asarray(A)
    prods = A[..., rows] * jnp.asarray(B["data"])  # (..., nnz)
    summed = jax.ops.segment_sum(jnp.moveaxis(prods, -1, 0), cols, n_cols)
    return jnp.moveaxis(summed, 0, -1)


#: operator name -> reference implementation
REFERENCES: dict[str, Any] = {
    "pre2post_event_sum": pre2post_event_sum,
    "pre2post_event_prod": pre2post_event_prod,
    "pre2post_sum": _pre2post(syn2post_sum),
    "pre2post_prod": _pre2post(syn2post_prod),
    "pre2post_max": _pre2post(syn2post_max),
    "pre2post_min": _pre2post(syn2post_min),
    "pre2post_mean": _pre2post(syn2post_mean),
    "pre2syn": pre2syn,
    "syn2post_sum": syn2post_sum,
    "syn2post_prod": syn2post_prod,
    "syn2post_max": syn2post_max,
    "syn2post_min": syn2post_min,
    "syn2post_mean": syn2post_mean,
    "syn2post_softmax": syn2post_softmax,
    "sparse_matmul": sparse_matmul,
}
