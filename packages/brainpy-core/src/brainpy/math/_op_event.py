r"""Event-driven pre-to-post operators: ``pre2post_event_sum`` and ``pre2post_event_prod``."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy.errors import MathError
from brainpy.math._op_checks import as_csr, as_size, as_values, unwrap
from brainpy.math._op_dispatch import dispatch

__all__ = ["pre2post_event_sum", "pre2post_event_prod", "event_sum", "event_prod"]


def _normalise(op: str, events: Any, pre2post: Any, post_num: Any, values: Any) -> tuple:
    indices, indptr = as_csr(pre2post, op)
    post_num = as_size(post_num, "post_num", op)
    events = jnp.asarray(unwrap(events))
    if events.ndim != 1 or events.shape[0] != indptr.shape[0] - 1:
        raise MathError(
            f"{op}: events must be a vector with one entry per pre-synaptic neuron "
            f"(shape ({indptr.shape[0] - 1},) for this pre2post), got shape {events.shape}."
        )
    values = as_values(values, indices.shape[0], "values", op)
    return events, (indices, indptr), post_num, values


def pre2post_event_sum(events: Any, pre2post: tuple[Any, Any], post_num: int, values: Any = 1.0) -> jax.Array:
    r"""The pre-to-post synaptic computation with event-driven summation.

    For a connection stored as the CSR pair ``pre2post = (indices, indptr)``
    (post-synaptic indices :math:`c` and row pointers :math:`p`), it returns

    .. math::

        y_k = \sum_{i:\ e_i \neq 0}\ \sum_{j=p_i}^{p_{i+1}-1} [c_j = k]\; w_j,
        \qquad k = 0, \dots, N_{post}-1,

    where :math:`e` are the pre-synaptic events and :math:`w_j = w` for a
    scalar ``values`` or the per-synapse value otherwise. Equivalently::

        post_val = np.zeros(post_num)
        indices, indptr = pre2post
        for i in range(pre_num):
            if events[i]:
                for j in range(indptr[i], indptr[i + 1]):
                    post_val[indices[j]] += values      # or values[j]

    Only spiking rows are visited by the native backend (brainpy-ops), so its
    cost is proportional to spikes times fan-out, not to the number of synapses.

    Parameters
    ----------
    events : ArrayType
        Pre-synaptic events, shape ``(pre_num,)``; bool, or numbers (non-zero is an event).
    pre2post : tuple of ArrayType
        ``(indices, indptr)``: ``conn.require('pre2post')``.
    post_num : int
        The number of post-synaptic neurons.
    values : float or ArrayType
        One value for every synapse (a scalar) or one per synapse, shape ``(nnz,)``. Default 1.

    Returns
    -------
    jax.Array
        Shape ``(post_num,)``, the dtype of ``values`` (the default float for integers).

    Notes
    -----
    Works under ``jit``, ``vmap`` and ``grad``/``jvp`` with respect to ``values``.
    Indices outside ``[0, post_num)`` are ignored.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> indices, indptr = bm.asarray([0, 1, 1, 2]), bm.asarray([0, 2, 3, 4])
    >>> bm.pre2post_event_sum(bm.asarray([True, False, True]), (indices, indptr), 3, 0.5)
    Array([0.5, 0.5, 0.5], dtype=float32)
    """
    args = _normalise("pre2post_event_sum", events, pre2post, post_num, values)
    return dispatch("pre2post_event_sum")(*args)


def pre2post_event_prod(events: Any, pre2post: tuple[Any, Any], post_num: int, values: Any = 1.0) -> jax.Array:
    r"""The pre-to-post synaptic computation with event-driven production.

    .. math::

        y_k = \prod_{i:\ e_i \neq 0}\ \prod_{j=p_i}^{p_{i+1}-1} w_j^{[c_j = k]},

    that is, each post-synaptic value starts at 1 and is multiplied by the
    value of every synapse reaching it from a spiking pre-synaptic neuron.
    Parameters, returns and transformations as :func:`pre2post_event_sum`.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> indices, indptr = bm.asarray([0, 1, 1, 2]), bm.asarray([0, 2, 3, 4])
    >>> bm.pre2post_event_prod(bm.asarray([True, True, False]), (indices, indptr), 3, 2.)
    Array([2., 4., 1.], dtype=float32)
    """
    args = _normalise("pre2post_event_prod", events, pre2post, post_num, values)
    return dispatch("pre2post_event_prod")(*args)


def event_sum(events: Any, pre2post: tuple[Any, Any], post_num: int, values: Any = 1.0) -> jax.Array:
    r"""brainpylib's name of :func:`pre2post_event_sum` (same signature and backends)."""
    return pre2post_event_sum(events, pre2post, post_num, values)


def event_prod(events: Any, pre2post: tuple[Any, Any], post_num: int, values: Any = 1.0) -> jax.Array:
    r"""brainpylib's name of :func:`pre2post_event_prod` (same signature and backends)."""
    return pre2post_event_prod(events, pre2post, post_num, values)
