r"""Moving values between the pre-synaptic, synaptic and post-synaptic shapes.

A connection of :math:`S` synapses is given by two index vectors of length
:math:`S`: ``pre_ids`` (:math:`a_s`, the pre-synaptic neuron of synapse
:math:`s`) and ``post_ids`` (:math:`b_s`, its post-synaptic neuron), as
``conn.require('pre_ids', 'post_ids')`` returns them.

* ``pre2syn``: :math:`x^{syn}_s = x^{pre}_{a_s}`;
* ``syn2post_<op>``: :math:`y_k = \mathop{op}_{s:\,b_s = k} x^{syn}_s`;
* ``pre2post_<op>``: ``syn2post_<op>(pre2syn(x))``, i.e. :math:`y_k =
  \mathop{op}_{s:\,b_s = k} x^{pre}_{a_s}`.

Empty groups (post-synaptic neurons no synapse reaches) give the identity of
the reduction: 0 for sum and mean, 1 for prod, the lowest value of the dtype
for max (``-inf`` for floats) and the highest for min.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy.errors import MathError
from brainpy.math._op_checks import as_ids, as_size, as_values, unwrap
from brainpy.math._op_dispatch import dispatch

__all__ = [
    "pre2post_sum",
    "pre2post_prod",
    "pre2post_max",
    "pre2post_min",
    "pre2post_mean",
    "pre2syn",
    "syn2post",
    "syn2post_sum",
    "syn2post_prod",
    "syn2post_max",
    "syn2post_min",
    "syn2post_mean",
    "syn2post_softmax",
]


def _pre2post(op: str, pre_values: Any, post_num: Any, post_ids: Any, pre_ids: Any) -> jax.Array:
    post_num = as_size(post_num, "post_num", op)
    post_ids = as_ids(post_ids, "post_ids", op)
    pre_values = jnp.asarray(unwrap(pre_values))
    if pre_values.ndim == 0:
        return dispatch(op)(pre_values, post_num, post_ids, None)
    if pre_ids is None:
        raise MathError(
            f"{op}: pre_ids is needed when pre_values is a vector (shape {pre_values.shape}); "
            f"pass pre_ids=conn.require('pre_ids'), or a scalar pre_values."
        )
    pre_ids = as_ids(pre_ids, "pre_ids", op)
    if pre_ids.shape != post_ids.shape:
        raise MathError(
            f"{op}: pre_ids and post_ids must have the same shape, got {pre_ids.shape} and {post_ids.shape}."
        )
    if pre_values.ndim != 1:
        raise MathError(f"{op}: pre_values must be a scalar or a 1-D vector, got shape {pre_values.shape}.")
    return dispatch(op)(pre_values, post_num, post_ids, pre_ids)


_PRE2POST_DOC = r"""The pre-to-post synaptic {what}.

    .. math:: y_k = {formula}

    where :math:`a_s` and :math:`b_s` are ``pre_ids[s]`` and ``post_ids[s]``.
    {empty}

    Parameters
    ----------
    pre_values : float or ArrayType
        Values of the pre-synaptic neurons, shape ``(pre_num,)``, or one scalar for all.
    post_num : int
        The number of post-synaptic neurons.
    post_ids : ArrayType
        Post-synaptic index of every synapse, shape ``(num_syn,)``.
    pre_ids : ArrayType, optional
        Pre-synaptic index of every synapse, shape ``(num_syn,)``; needed
        when ``pre_values`` is a vector.

    Returns
    -------
    jax.Array
        Shape ``(post_num,)``. Differentiable with respect to ``pre_values``.
    """


def pre2post_sum(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> jax.Array:
    return _pre2post("pre2post_sum", pre_values, post_num, post_ids, pre_ids)


def pre2post_prod(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> jax.Array:
    return _pre2post("pre2post_prod", pre_values, post_num, post_ids, pre_ids)


def pre2post_max(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> jax.Array:
    return _pre2post("pre2post_max", pre_values, post_num, post_ids, pre_ids)


def pre2post_min(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> jax.Array:
    return _pre2post("pre2post_min", pre_values, post_num, post_ids, pre_ids)


def pre2post_mean(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> jax.Array:
    return _pre2post("pre2post_mean", pre_values, post_num, post_ids, pre_ids)


pre2post_sum.__doc__ = _PRE2POST_DOC.format(
    what="summation", formula=r"\sum_{s:\,b_s=k} x_{a_s}", empty="Unreached neurons get 0."
)
pre2post_prod.__doc__ = _PRE2POST_DOC.format(
    what="production", formula=r"\prod_{s:\,b_s=k} x_{a_s}", empty="Unreached neurons get 1."
)
pre2post_max.__doc__ = _PRE2POST_DOC.format(
    what="maximization", formula=r"\max_{s:\,b_s=k} x_{a_s}", empty="Unreached neurons get the dtype's lowest value."
)
pre2post_min.__doc__ = _PRE2POST_DOC.format(
    what="minimization", formula=r"\min_{s:\,b_s=k} x_{a_s}", empty="Unreached neurons get the dtype's highest value."
)
pre2post_mean.__doc__ = _PRE2POST_DOC.format(
    what="mean computation",
    formula=r"\frac{1}{|\{s: b_s=k\}|}\sum_{s:\,b_s=k} x_{a_s}",
    empty="Unreached neurons get 0.",
)


def pre2syn(pre_values: Any, pre_ids: Any) -> jax.Array:
    r"""The pre-to-syn computation: :math:`x^{syn}_s = x^{pre}_{a_s}`.

    Parameters
    ----------
    pre_values : float or ArrayType
        Values of the pre-synaptic neurons, shape ``(pre_num,)`` (a scalar is broadcast).
    pre_ids : ArrayType
        Pre-synaptic index of every synapse, ``conn.require('pre_ids')``.

    Returns
    -------
    jax.Array
        Shape ``(num_syn,)``.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> bm.pre2syn(bm.asarray([10., 20.]), bm.asarray([0, 0, 1]))
    Array([10., 10., 20.], dtype=float32)
    """
    pre_ids = as_ids(pre_ids, "pre_ids", "pre2syn")
    pre_values = jnp.asarray(unwrap(pre_values))
    if pre_values.ndim > 1:
        raise MathError(f"pre2syn: pre_values must be a scalar or a 1-D vector, got shape {pre_values.shape}.")
    return dispatch("pre2syn")(pre_values, pre_ids)


def _syn2post(op: str, syn_values: Any, post_ids: Any, post_num: Any, indices_are_sorted: bool) -> jax.Array:
    post_ids = as_ids(post_ids, "post_ids", op)
    post_num = as_size(post_num, "post_num", op)
    syn_values = as_values(syn_values, post_ids.shape[0], "syn_values", op)
    return dispatch(op)(syn_values, post_ids, post_num, bool(indices_are_sorted))


_SYN2POST_DOC = r"""The syn-to-post {what} computation.

    .. math:: {formula}

    where :math:`b_s` is ``post_ids[s]``. {empty}

    Parameters
    ----------
    syn_values : float or ArrayType
        One value per synapse, shape ``(num_syn,)`` (a scalar is broadcast).
    post_ids : ArrayType
        Post-synaptic index of every synapse, ``conn.require('post_ids')``.
    post_num : int
        The number of post-synaptic neurons.
    indices_are_sorted : bool
        A hint that ``post_ids`` is sorted; the reference does not rely on it.

    Returns
    -------
    jax.Array
        Shape {shape}. Differentiable with respect to ``syn_values``.
    """


def syn2post_sum(syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    return _syn2post("syn2post_sum", syn_values, post_ids, post_num, indices_are_sorted)


def syn2post_prod(syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    return _syn2post("syn2post_prod", syn_values, post_ids, post_num, indices_are_sorted)


def syn2post_max(syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    return _syn2post("syn2post_max", syn_values, post_ids, post_num, indices_are_sorted)


def syn2post_min(syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    return _syn2post("syn2post_min", syn_values, post_ids, post_num, indices_are_sorted)


def syn2post_mean(syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    return _syn2post("syn2post_mean", syn_values, post_ids, post_num, indices_are_sorted)


def syn2post_softmax(syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = True) -> jax.Array:
    return _syn2post("syn2post_softmax", syn_values, post_ids, post_num, indices_are_sorted)


_post = "``(post_num,)``"
syn2post_sum.__doc__ = _SYN2POST_DOC.format(
    what="summation", formula=r"y_k = \sum_{s:\,b_s=k} x_s", empty="Unreached neurons get 0.", shape=_post
)
syn2post_prod.__doc__ = _SYN2POST_DOC.format(
    what="product", formula=r"y_k = \prod_{s:\,b_s=k} x_s", empty="Unreached neurons get 1.", shape=_post
)
syn2post_max.__doc__ = _SYN2POST_DOC.format(
    what="maximum",
    formula=r"y_k = \max_{s:\,b_s=k} x_s",
    empty="Unreached neurons get the dtype's lowest value.",
    shape=_post,
)
syn2post_min.__doc__ = _SYN2POST_DOC.format(
    what="minimization",
    formula=r"y_k = \min_{s:\,b_s=k} x_s",
    empty="Unreached neurons get the dtype's highest value.",
    shape=_post,
)
syn2post_mean.__doc__ = _SYN2POST_DOC.format(
    what="mean",
    formula=r"y_k = \frac{1}{|\{s: b_s=k\}|}\sum_{s:\,b_s=k} x_s",
    empty="Unreached neurons get 0.",
    shape=_post,
)
syn2post_softmax.__doc__ = _SYN2POST_DOC.format(
    what="softmax",
    formula=r"z_s = \frac{\exp x_s}{\sum_{r:\,b_r=b_s} \exp x_r}",
    empty="The result has one value per synapse; the values reaching each neuron sum to 1.",
    shape="``(num_syn,)``",
)

#: The spec's short name of :func:`syn2post_sum`.
syn2post = syn2post_sum
