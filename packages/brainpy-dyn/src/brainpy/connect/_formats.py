r"""Constants and conversion helpers between synaptic structure formats.

A connection between ``num_pre`` pre-synaptic and ``num_post`` post-synaptic
neurons can be stored three ways:

* a dense boolean matrix ``conn_mat`` of shape ``(num_pre, num_post)``;
* two index vectors ``(pre_ids, post_ids)``, one entry per synapse;
* a compressed sparse row pair ``(indices, indptr)``: the post indices of
  pre-synaptic neuron ``i`` are ``indices[indptr[i]:indptr[i + 1]]``.

The functions here convert between them in NumPy, without ever building a
dense matrix unless one is asked for.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from brainpy.errors import ConnectorError

__all__ = [
    "CONN_MAT",
    "PRE_IDS",
    "POST_IDS",
    "PRE2POST",
    "POST2PRE",
    "PRE2SYN",
    "POST2SYN",
    "PRE_SLICE",
    "POST_SLICE",
    "SUPPORTED_SYN_STRUCTURE",
    "set_default_dtype",
    "csr2csc",
    "csr2mat",
    "mat2csr",
    "ij2csr",
]

CONN_MAT = "conn_mat"
PRE_IDS = "pre_ids"
POST_IDS = "post_ids"
PRE2POST = "pre2post"
POST2PRE = "post2pre"
PRE2SYN = "pre2syn"
POST2SYN = "post2syn"
PRE_SLICE = "pre_slice"
POST_SLICE = "post_slice"

#: Every structure :meth:`Connector.require` can return.
SUPPORTED_SYN_STRUCTURE = [CONN_MAT, PRE_IDS, POST_IDS, PRE2POST, POST2PRE, PRE2SYN, POST2SYN, PRE_SLICE, POST_SLICE]

#: The current default dtypes (read them as ``bp.conn.MAT_DTYPE`` / ``bp.conn.IDX_DTYPE``).
DTYPES: dict[str, Any] = {"mat": np.bool_, "idx": np.uint32}


def set_default_dtype(mat_dtype: Any = None, idx_dtype: Any = None) -> None:
    r"""Set the default dtype of connection matrices and of index vectors.

    Parameters
    ----------
    mat_dtype : dtype, optional
        dtype of ``conn_mat`` (default ``np.bool_``).
    idx_dtype : dtype, optional
        dtype of every index vector and pointer (default ``np.uint32``); must
        be an integer dtype.

    Raises
    ------
    brainpy.errors.ConnectorError
        If ``idx_dtype`` is not an integer dtype.
    """
    if mat_dtype is not None:
        DTYPES["mat"] = np.dtype(mat_dtype).type
    if idx_dtype is not None:
        dtype = np.dtype(idx_dtype)
        if dtype.kind not in "iu":
            raise ConnectorError(
                f"idx_dtype={dtype} is not an integer dtype; expected e.g. np.uint32 or np.int64: "
                "call set_default_dtype(idx_dtype=np.uint32)."
            )
        DTYPES["idx"] = dtype.type


def _idx(array: Any) -> np.ndarray:
    return np.asarray(array, dtype=DTYPES["idx"])


def counts_to_indptr(counts: np.ndarray) -> np.ndarray:
    """``[0, cumsum(counts)]`` in the index dtype."""
    indptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return _idx(indptr)


def csr2csc(csr: tuple[Any, Any], post_num: int, data: Any = None) -> tuple[np.ndarray, ...]:
    r"""Convert a CSR structure ``(indices, indptr)`` to its CSC form.

    The synapses of each column keep their row order (a stable sort), so the
    result is ``post2pre`` when ``csr`` is ``pre2post``.

    Parameters
    ----------
    csr : tuple of (indices, indptr)
        Post-synaptic indices and pre-synaptic pointers.
    post_num : int
        Number of post-synaptic neurons (columns).
    data : array_like, optional
        Values aligned with ``indices``; returned permuted to the CSC order.

    Returns
    -------
    tuple
        ``(pre_indices, post_indptr)``, or ``(pre_indices, post_indptr, data)``.
    """
    indices, indptr = np.asarray(csr[0]), np.asarray(csr[1])
    pre_ids = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr.astype(np.int64)))
    order = np.argsort(indices, kind="stable")
    new_indices = _idx(pre_ids[order])
    new_indptr = counts_to_indptr(np.bincount(indices.astype(np.int64), minlength=post_num))
    if data is None:
        return new_indices, new_indptr
    return new_indices, new_indptr, np.asarray(data)[order]


def csr2mat(csr: tuple[Any, Any], num_pre: int, num_post: int) -> np.ndarray:
    r"""Convert ``(indices, indptr)`` to a dense ``(num_pre, num_post)`` matrix."""
    indices, indptr = np.asarray(csr[0]), np.asarray(csr[1])
    pre_ids = np.repeat(np.arange(num_pre), np.diff(indptr.astype(np.int64)))
    mat = np.zeros((num_pre, num_post), dtype=DTYPES["mat"])
    mat[pre_ids, indices.astype(np.int64)] = True
    return mat


def mat2csr(dense: Any) -> tuple[np.ndarray, np.ndarray]:
    r"""Convert a dense matrix (non-zero = connected) to ``(indices, indptr)``."""
    dense = np.asarray(dense)
    if dense.ndim != 2:
        raise ConnectorError(f"mat2csr needs a 2-D matrix, got shape {dense.shape}.")
    rows, cols = np.nonzero(dense)
    return _idx(cols), counts_to_indptr(np.bincount(rows, minlength=dense.shape[0]))


def ij2csr(pre_ids: Any, post_ids: Any, num_pre: int) -> tuple[np.ndarray, np.ndarray]:
    r"""Convert synapse index vectors ``(pre_ids, post_ids)`` to ``(indices, indptr)``.

    Synapses are sorted by pre-synaptic index; those of one pre-synaptic
    neuron keep their given order.
    """
    pre_ids = np.asarray(pre_ids).astype(np.int64)
    post_ids = np.asarray(post_ids)
    order = np.argsort(pre_ids, kind="stable")
    return _idx(post_ids[order]), counts_to_indptr(np.bincount(pre_ids, minlength=num_pre))
