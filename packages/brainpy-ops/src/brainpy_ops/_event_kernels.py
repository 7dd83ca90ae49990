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
range.

There is one handler per (operation, index width, value dtype), compiled by
numba on first use (0.7-1 s) and kept in numba's on-disk cache, so that later
processes load its machine code instead (milliseconds, after 0.4-0.6 s of
numba's own start-up). The eight handlers are written out one by one at
module level: numba keys the cache entry of a closure on a pickle of the
values it captures, and captured numba functions pickle differently in every
process, so handlers made by a factory were never found again. One handler
per operation branching on the buffers' dtype codes would also cache, but it
compiles all four variants at once (3 s cold instead of 1 s), which every
process pays where no cache directory is writable. See
:func:`brainpy_ops._ffi.compile_handler` for where the cache lives.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

from brainpy_ops import _ffi
from brainpy_ops._event import SUPPORTED_INDEX_DTYPES, SUPPORTED_VALUE_DTYPES
from brainpy_ops._ffi import (
    arg_buffer,
    as_voidptr,
    buffer_data,
    buffer_dim,
    buffer_rank,
    handshake,
    ret_buffer,
)

__all__ = ["event_target", "SUPPORTED_INDEX_DTYPES", "SUPPORTED_VALUE_DTYPES"]


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


_sum_csr = _make_core(_sum_row, 0.0)
_prod_csr = _make_core(_prod_row, 1.0)


@numba.njit(inline="always")
def _views(frame: int, itype: Any, vtype: Any) -> tuple:
    """The call's buffers as arrays: (events, words, indices, indptr, values, scalar, out)."""
    ev_buf, idx_buf = arg_buffer(frame, 0), arg_buffer(frame, 1)
    ptr_buf, val_buf = arg_buffer(frame, 2), arg_buffer(frame, 3)
    out_buf = ret_buffer(frame, 0)
    n_pre = buffer_dim(ev_buf, 0)
    nnz = buffer_dim(idx_buf, 0)
    scalar = buffer_rank(val_buf) == 0
    events = numba.carray(as_voidptr(buffer_data(ev_buf)), n_pre, np.bool_)
    words = numba.carray(as_voidptr(buffer_data(ev_buf)), n_pre // 8, np.uint64)
    indices = numba.carray(as_voidptr(buffer_data(idx_buf)), nnz, itype)
    indptr = numba.carray(as_voidptr(buffer_data(ptr_buf)), n_pre + 1, itype)
    values = numba.carray(as_voidptr(buffer_data(val_buf)), 1 if scalar else nnz, vtype)
    out = numba.carray(as_voidptr(buffer_data(out_buf)), buffer_dim(out_buf, 0), vtype)
    return events, words, indices, indptr, values, scalar, out


@numba.njit(inline="always")
def _sum(frame: int, itype: Any, vtype: Any) -> int:
    if not handshake(frame):
        _sum_csr(*_views(frame, itype, vtype))
    return 0


@numba.njit(inline="always")
def _prod(frame: int, itype: Any, vtype: Any) -> int:
    if not handshake(frame):
        _prod_csr(*_views(frame, itype, vtype))
    return 0


# The handlers, one per (op, unsigned index type, value type); numba caches each one by its name.
def _sum_u32_f32(frame: int) -> int:
    return _sum(frame, np.uint32, np.float32)


def _sum_u32_f64(frame: int) -> int:
    return _sum(frame, np.uint32, np.float64)


def _sum_u64_f32(frame: int) -> int:
    return _sum(frame, np.uint64, np.float32)


def _sum_u64_f64(frame: int) -> int:
    return _sum(frame, np.uint64, np.float64)


def _prod_u32_f32(frame: int) -> int:
    return _prod(frame, np.uint32, np.float32)


def _prod_u32_f64(frame: int) -> int:
    return _prod(frame, np.uint32, np.float64)


def _prod_u64_f32(frame: int) -> int:
    return _prod(frame, np.uint64, np.float32)


def _prod_u64_f64(frame: int) -> int:
    return _prod(frame, np.uint64, np.float64)


_HANDLERS = {
    ("sum", 32, "float32"): _sum_u32_f32,
    ("sum", 32, "float64"): _sum_u32_f64,
    ("sum", 64, "float32"): _sum_u64_f32,
    ("sum", 64, "float64"): _sum_u64_f64,
    ("prod", 32, "float32"): _prod_u32_f32,
    ("prod", 32, "float64"): _prod_u32_f64,
    ("prod", 64, "float32"): _prod_u64_f32,
    ("prod", 64, "float64"): _prod_u64_f64,
}


def _handler(op: str, index_dtype: str, value_dtype: str) -> Any:
    """The handler's Python function for these dtypes (signed and unsigned indices share one)."""
    return _HANDLERS[op, np.dtype(index_dtype).itemsize * 8, value_dtype]


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
    handler = _handler(op, index_dtype, value_dtype)
    name = "brainpy_ops_event" + handler.__name__  # e.g. brainpy_ops_event_sum_u32_f32
    return _ffi.register_target(name, lambda: _ffi.compile_handler(handler, cache=True))
