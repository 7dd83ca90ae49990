r"""Event-driven CSR kernels on the CPU: numba cfuncs behind XLA's typed FFI.

For a CSR connectivity ``(indices, indptr)`` from ``n_pre`` to ``n_post``
neurons and a boolean event vector ``e``, the kernels compute

.. math::

    \mathrm{sum}:\quad y_k = \sum_{i:\,e_i} \sum_{j=p_i}^{p_{i+1}-1} [c_j = k]\, w_j,
    \qquad
    \mathrm{prod}:\quad y_k = \prod_{i:\,e_i} \prod_{j=p_i}^{p_{i+1}-1} w_j^{[c_j = k]},

where :math:`c` are the post-synaptic ``indices``, :math:`p` the row
pointers ``indptr`` and :math:`w_j` the per-synapse value (or one scalar
:math:`w` for all). They loop over the spiking rows only, so one call costs
:math:`O(n_{pre} + n_{post} + \text{spikes} \times \text{fan-out})` instead of
:math:`O(\text{synapses})`.

Indices are read as *unsigned* integers of their width: numba then emits no
negative-index wrap-around code (about 30 % faster at 2 % activity), and a
negative index becomes a huge one that the bounds test skips. Row ends are
clipped to the number of synapses, so malformed ``indptr`` never reads out of
range. One handler is compiled per (operation, index width, value dtype), on
first use (about 0.3 s each).
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

from brainpy_ops import _ffi

__all__ = ["event_target", "SUPPORTED_INDEX_DTYPES", "SUPPORTED_VALUE_DTYPES"]

SUPPORTED_INDEX_DTYPES = ("int32", "int64", "uint32", "uint64")
SUPPORTED_VALUE_DTYPES = ("float32", "float64")
_UNSIGNED = {"int32": np.uint32, "uint32": np.uint32, "int64": np.uint64, "uint64": np.uint64}


@numba.njit(inline="always", fastmath=True, boundscheck=False)
def _sum_row(i: int, indices: Any, indptr: Any, values: Any, scalar: bool, out: Any) -> None:
    n_post = out.shape[0]
    end = min(indptr[i + 1], indices.shape[0])
    if scalar:
        w = values[0]
        for j in range(indptr[i], end):
            k = indices[j]
            if k < n_post:
                out[k] += w
    else:
        for j in range(indptr[i], end):
            k = indices[j]
            if k < n_post:
                out[k] += values[j]


@numba.njit(inline="always", fastmath=True, boundscheck=False)
def _prod_row(i: int, indices: Any, indptr: Any, values: Any, scalar: bool, out: Any) -> None:
    n_post = out.shape[0]
    end = min(indptr[i + 1], indices.shape[0])
    if scalar:
        w = values[0]
        for j in range(indptr[i], end):
            k = indices[j]
            if k < n_post:
                out[k] *= w
    else:
        for j in range(indptr[i], end):
            k = indices[j]
            if k < n_post:
                out[k] *= values[j]


def _make_core(visit_row: Any, init: float) -> Any:
    @numba.njit(fastmath=True, boundscheck=False, nogil=True)
    def core(events: Any, words: Any, indices: Any, indptr: Any, values: Any, scalar: bool, out: Any) -> None:
        for k in range(out.shape[0]):
            out[k] = init
        # skip 8 silent neurons at a time: ``words`` views the bool events as uint64
        for w in range(words.shape[0]):
            if words[w] != 0:
                for i in range(8 * w, 8 * w + 8):
                    if events[i]:
                        visit_row(i, indices, indptr, values, scalar, out)
        for i in range(8 * words.shape[0], events.shape[0]):
            if events[i]:
                visit_row(i, indices, indptr, values, scalar, out)

    return core


_CORES = {"sum": _make_core(_sum_row, 0.0), "prod": _make_core(_prod_row, 1.0)}


def _build(op: str, index_dtype: str, value_dtype: str) -> Any:
    core = _CORES[op]
    itype = _UNSIGNED[index_dtype]
    vtype = np.dtype(value_dtype).type
    handshake, arg, ret = _ffi.handshake, _ffi.arg_buffer, _ffi.ret_buffer
    data, dim, rank, vp = _ffi.buffer_data, _ffi.buffer_dim, _ffi.buffer_rank, _ffi.as_voidptr

    def handler(frame: int) -> int:
        if handshake(frame):
            return 0
        ev_buf, idx_buf, ptr_buf, val_buf = arg(frame, 0), arg(frame, 1), arg(frame, 2), arg(frame, 3)
        out_buf = ret(frame, 0)
        n_pre = dim(ev_buf, 0)
        nnz = dim(idx_buf, 0)
        scalar = rank(val_buf) == 0
        events = numba.carray(vp(data(ev_buf)), n_pre, np.bool_)
        words = numba.carray(vp(data(ev_buf)), n_pre // 8, np.uint64)
        indices = numba.carray(vp(data(idx_buf)), nnz, itype)
        indptr = numba.carray(vp(data(ptr_buf)), n_pre + 1, itype)
        values = numba.carray(vp(data(val_buf)), 1 if scalar else nnz, vtype)
        out = numba.carray(vp(data(out_buf)), dim(out_buf, 0), vtype)
        core(events, words, indices, indptr, values, scalar, out)
        return 0

    return _ffi.compile_handler(handler)


def event_target(op: str, index_dtype: str, value_dtype: str) -> str:
    """The FFI target name of one event kernel, compiling and registering it on first use.

    Parameters
    ----------
    op : {'sum', 'prod'}
        The reduction.
    index_dtype : str
        The dtype of ``indices`` and ``indptr`` (one of :data:`SUPPORTED_INDEX_DTYPES`).
    value_dtype : str
        The dtype of ``values`` and of the result (``'float32'`` or ``'float64'``).

    Notes
    -----
    The target takes ``(events: bool[n_pre], indices: int[nnz], indptr: int[n_pre + 1],
    values: float[] or float[nnz])`` and returns ``float[n_post]``.
    """
    name = f"brainpy_ops_event_{op}_{index_dtype}_{value_dtype}"
    return _ffi.register_target(name, lambda: _build(op, index_dtype, value_dtype))
