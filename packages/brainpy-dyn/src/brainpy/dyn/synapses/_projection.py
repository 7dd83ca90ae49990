r"""How a built-in synapse sends pre-synaptic values to the post-synaptic group.

Every built-in synapse of :mod:`brainpy.dyn.synapses` needs one of two
weighted reductions over its connection :math:`C` (the set of synapses
:math:`(i, j)`, each with a weight :math:`w_{ij}`):

.. math::

    y_j = \sum_{(i, j) \in C} w_{ij}\, e_i \quad\text{(events } e_i \in \{0, 1\}\text{)},
    \qquad
    y_j = \sum_{(i, j) \in C} w_{ij}\, v_i \quad\text{(values } v_i \in \mathbb{R}\text{)}.

:class:`Projection` computes them with the cheapest kernel for the connection,
chosen once when the synapse is built:

``'one2one'``
    ``bp.conn.One2One``: :math:`y = w \odot e`, element by element.
``'all2all'``
    ``bp.conn.All2All`` with a scalar weight: :math:`y_j = w \sum_i e_i`
    (minus :math:`w\,e_j` when ``include_self=False``), a sum, no matrix.
``'dense'``
    a :math:`(n_{pre}, n_{post})` weight matrix :math:`W = w \odot M`
    (:math:`M` = ``conn_mat``), :math:`y = e W`, a matrix-vector product.
``'sparse'``
    event-driven CSR: :func:`brainpy.math.pre2post_event_sum` over
    ``pre2post`` (only the rows of spiking neurons are visited; brainpy-ops
    serves it natively), and a gather plus a sorted segment sum for values.

The choice depends on ``conn_type``: ``'sparse'`` and ``'dense'`` are honoured
(apart from One2One and All2All, which always take their own kernel, and a
dense matrix that would exceed :data:`MAX_DENSE` entries, which goes sparse);
``'auto'`` takes the dense kernel for small connections of density at least
:data:`AUTO_DENSITY` and the sparse one otherwise.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.connect._base import require_numpy, to_device
from brainpy.errors import ModelBuildError

__all__ = ["Projection", "CONN_TYPES", "MAX_DENSE", "AUTO_DENSITY", "AUTO_MAX_DENSE"]

#: the accepted ``conn_type`` values
CONN_TYPES = ("sparse", "dense", "auto")
#: the largest dense weight matrix (entries) built for ``conn_type='dense'``
MAX_DENSE = 2**27
#: ``conn_type='auto'`` goes dense from this connection density on ...
AUTO_DENSITY = 0.1
#: ... when the matrix has at most this many entries
AUTO_MAX_DENSE = 2**22


def choose_mode(conn: Any, conn_type: Any, owner: str) -> str:
    r"""The kernel (``'one2one'``, ``'all2all'``, ``'dense'`` or ``'sparse'``) for a built connector."""
    from brainpy import connect
    from brainpy.connect._base import require_numpy

    if conn_type not in CONN_TYPES:
        raise ModelBuildError(
            f"{owner}: conn_type={conn_type!r} is not a connection type; expected one of {CONN_TYPES} "
            f"(e.g. conn_type='sparse' for event-driven computation)."
        )
    if isinstance(conn, connect.One2One):
        return "one2one"
    if isinstance(conn, connect.All2All):
        return "all2all"
    entries = conn.pre_num * conn.post_num
    if conn_type == "dense":
        return "dense" if entries <= MAX_DENSE else "sparse"
    if conn_type == "auto":
        nnz = int(require_numpy(conn, "pre2post")[1][-1])
        return "dense" if entries <= AUTO_MAX_DENSE and nnz >= AUTO_DENSITY * entries else "sparse"
    return "sparse"


class Projection:
    r"""The weighted pre-to-post reductions of one synapse (see the module docstring).

    Everything is prepared in NumPy when the synapse is built and moved to the
    device once (``jax.device_put``, which compiles nothing); the structures
    only the value reduction needs (the synapses sorted by target) are derived
    on first use.

    Parameters
    ----------
    conn : brainpy.connect.TwoEndConnector
        The connector, already called with the group sizes.
    mode : {'one2one', 'all2all', 'dense', 'sparse'}
        The kernel, from :func:`choose_mode`.
    weights : float, ArrayType, Initializer, callable or Variable
        A scalar, one weight per synapse (shape ``(num_syn,)``, in the order of
        ``conn.require('pre_ids', 'post_ids')``), a ``(pre_num, post_num)``
        matrix aligned with ``conn_mat``, an initializer or a callable of the
        shape (``(num_syn,)`` for the one2one and sparse kernels,
        ``(pre_num, post_num)`` for the others), or a ``bm.Variable`` of one of
        those shapes (read at every step, so it may change between runs).
    name, owner : str
        The argument's name and the synapse, for error messages.

    Attributes
    ----------
    weights : float, JaxArray or Variable
        The weights as given (a float, or an array in the kernel's natural
        shape: ``(num_syn,)`` or ``(pre_num, post_num)``).
    """

    def __init__(self, conn: Any, mode: str, weights: Any, name: str = "g_max", owner: str = "synapse") -> None:
        import brainpy.math as bm
        from brainpy.initialize import Initializer

        self.mode, self.name, self.owner = mode, name, owner
        self.pre_num, self.post_num = int(conn.pre_num), int(conn.post_num)
        self.include_self = bool(getattr(conn, "include_self", True))
        indices, indptr = require_numpy(conn, "pre2post")
        self.num_syn = int(indices.size)
        self._conn = conn
        self._cache: dict[str, Any] = {}
        self._dynamic = isinstance(weights, bm.Variable)
        natural = (self.num_syn,) if mode in ("one2one", "sparse") else (self.pre_num, self.post_num)
        if isinstance(weights, Initializer) or (
            callable(weights) and not hasattr(weights, "__array__") and not isinstance(weights, bm.JaxArray)
        ):
            weights = weights(natural)
        if isinstance(weights, bool) or weights is None:
            raise ModelBuildError(f"{owner}: {name}={weights!r} is not a weight; pass a number or an array.")
        arr = np.asarray(getattr(weights, "value", weights))
        if arr.size == 1 and not self._dynamic:
            self.weights: Any = float(arr.reshape(()))
        else:
            self._check_shape(arr.shape)
            if self._dynamic:
                self.weights = weights
            elif isinstance(weights, bm.JaxArray):
                self.weights = bm.JaxArray(weights.value)  # our own handle on the same data
            else:  # NumPy data, a list or a jax.Array: one device copy, nothing compiled
                self.weights = bm.JaxArray(weights if isinstance(weights, jax.Array) else to_device(arr))
        if self.mode == "all2all" and not np.isscalar(self.weights):
            self.mode = "dense"  # heterogeneous all-to-all weights need the matrix
        if self.mode == "sparse":
            self._csr = (to_device(indices), to_device(indptr))
        elif self.mode == "dense":
            self._mask = np.asarray(require_numpy(conn, "conn_mat")).astype(bool)
        self._static = None if self._dynamic else self._kernel_weights(self.weights)

    # -- set-up ----------------------------------------------------------------------
    def _check_shape(self, shape: tuple) -> None:
        ok = [(self.num_syn,), (self.pre_num, self.post_num)]
        if shape not in ok:
            raise ModelBuildError(
                f"{self.owner}: {self.name} has shape {shape}, but this connection has {self.num_syn} synapses "
                f"between {self.pre_num} pre- and {self.post_num} post-synaptic neurons. Pass a scalar, one value "
                f"per synapse (shape ({self.num_syn},), in the order of conn.require('pre_ids', 'post_ids')), or a "
                f"matrix of shape ({self.pre_num}, {self.post_num}) aligned with conn.require('conn_mat')."
            )

    def _host(self, key: str) -> np.ndarray:
        """Host-side (NumPy, int64 or int32) structures, derived from the connector on first use."""
        c = self._cache
        if key not in c:
            if key in ("pre_ids", "post_ids"):
                pre_ids, post_ids = require_numpy(self._conn, "pre_ids", "post_ids")
                c["pre_ids"], c["post_ids"] = pre_ids.astype(np.int64), post_ids.astype(np.int64)
            elif key == "csr_perm":  # synapse id of each CSR slot, None when they coincide
                order = np.asarray(require_numpy(self._conn, "pre2syn")[0]).astype(np.int64)
                c[key] = None if np.array_equal(order, np.arange(self.num_syn)) else order
            elif key == "csc_perm":  # synapse ids sorted by target
                c[key] = np.asarray(require_numpy(self._conn, "post2syn")[0]).astype(np.int64)
            elif key in ("csc_pre", "csc_post"):
                perm = self._host("csc_perm")
                c["csc_pre"] = self._host("pre_ids")[perm].astype(np.int32)
                c["csc_post"] = self._host("post_ids")[perm].astype(np.int32)
        return c[key]

    @property
    def _csr_perm(self) -> np.ndarray | None:
        return self._host("csr_perm")

    @property
    def _csc_perm(self) -> np.ndarray:
        return self._host("csc_perm")

    @property
    def _csc_pre(self) -> np.ndarray:
        return self._host("csc_pre")

    @property
    def _csc_post(self) -> np.ndarray:
        return self._host("csc_post")

    def _syn_vector(self, w: Any) -> Any:
        """Weights as one value per synapse (synapse order), from either accepted shape (NumPy or JAX)."""
        if w.ndim == 2:
            return w[self._host("pre_ids"), self._host("post_ids")]
        return w

    def _kernel_weights(self, weights: Any) -> Any:
        """The weights in the form the kernel reads (a float, or device arrays).

        Fixed weights are prepared in NumPy and copied to the device once; the
        weights of a Variable are traced (this runs inside the compiled step).
        """
        if isinstance(weights, float):
            if self.mode == "dense":
                return to_device(self._mask.astype(_np_float()) * _np_float()(weights))
            if self.mode == "sparse":
                return (weights, weights)
            return weights
        if self._dynamic:
            return self._traced_weights(jnp.asarray(getattr(weights, "value", weights), dtype=_float()))
        w = np.asarray(getattr(weights, "value", weights), dtype=_np_float())
        if self.mode == "dense":
            if w.ndim == 1:
                full = np.zeros((self.pre_num, self.post_num), dtype=w.dtype)
                full[self._host("pre_ids"), self._host("post_ids")] = w
                w = full
            return to_device(w * self._mask.astype(w.dtype))
        if self.mode == "one2one":
            return to_device(np.diagonal(w) if w.ndim == 2 else w)
        w = self._syn_vector(w)
        perm = self._csr_perm
        return to_device(w if perm is None else w[perm]), to_device(w[self._csc_perm])

    def _traced_weights(self, w: Any) -> Any:
        if self.mode == "dense":
            if w.ndim == 1:
                w = (
                    jnp.zeros((self.pre_num, self.post_num), dtype=w.dtype)
                    .at[self._host("pre_ids"), self._host("post_ids")]
                    .set(w)
                )
            return w * jnp.asarray(self._mask, dtype=w.dtype)
        if self.mode == "one2one":
            return jnp.diagonal(w) if w.ndim == 2 else w
        w = self._syn_vector(w)
        perm = self._csr_perm
        return w if perm is None else w[perm], w[self._csc_perm]

    def _current(self) -> Any:
        return self._kernel_weights(self.weights) if self._dynamic else self._static

    # -- the reductions (traced inside jit) --------------------------------------------
    def events_to_post(self, events: Any) -> Any:
        r""":math:`y_j = \sum_i w_{ij} e_i` for boolean events ``e`` of shape ``(pre_num,)``."""
        import brainpy.math as bm

        w = self._current()
        if self.mode == "sparse":
            return bm.pre2post_event_sum(events, self._csr, self.post_num, w[0])
        ev = jnp.asarray(getattr(events, "value", events)).astype(_float())
        return self._reduce(ev, w)

    def values_to_post(self, values: Any) -> Any:
        r""":math:`y_j = \sum_i w_{ij} v_i` for real values ``v`` of shape ``(pre_num,)``."""
        import brainpy.math as bm

        v = jnp.asarray(getattr(values, "value", values))
        w = self._current()
        if self.mode == "sparse":
            per_syn = v[self._csc_pre] * w[1]
            return bm.syn2post_sum(per_syn, self._csc_post, self.post_num, indices_are_sorted=True)
        return self._reduce(v, w)

    def _reduce(self, v: Any, w: Any) -> Any:
        if self.mode == "one2one":
            return v * w
        if self.mode == "dense":
            return v @ w
        total = jnp.full((self.post_num,), jnp.sum(v) * w, dtype=v.dtype)  # all2all, scalar weight
        if not self.include_self:
            m = min(self.pre_num, self.post_num)
            total = total.at[:m].add(-w * v[:m])
        return total


def _float() -> Any:
    import brainpy.math as bm

    return bm.get_dfloat()


def _np_float() -> Any:
    return np.dtype(_float()).type
