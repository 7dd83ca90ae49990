r"""Connectors that wrap a connection the user already has."""

from __future__ import annotations

from typing import Any

import numpy as np
from brainpy.connect import _formats as F
from brainpy.connect._base import TwoEndConnector, to_size
from brainpy.errors import ConnectorError

__all__ = ["MatConn", "IJConn", "SparseMatConn"]


class _ShapedConn(TwoEndConnector):
    """A connector whose sizes come from a given matrix shape (calling it is optional)."""

    def _init_shape(self, shape: tuple[int, int]) -> None:
        self._shape = (int(shape[0]), int(shape[1]))
        self._set_sizes(self._shape[0], self._shape[1])

    def __call__(self, pre_size: Any, post_size: Any = None) -> _ShapedConn:
        pre = to_size(pre_size, "pre_size")
        post = to_size(self._shape[1] if post_size is None else post_size, "post_size")
        if (int(np.prod(pre)), int(np.prod(post))) != self._shape:
            raise ConnectorError(
                f"{type(self).__name__} holds a ({self._shape[0]}, {self._shape[1]}) connection, but was called with "
                f"pre_size={pre_size!r}, post_size={post_size!r}; the sizes must hold {self._shape[0]} and "
                f"{self._shape[1]} neurons."
            )
        self._set_sizes(pre, post)
        return self


class MatConn(_ShapedConn):
    r"""Connector built from a dense connection matrix.

    Entry :math:`(i, j)` is a synapse when ``conn_mat[i, j]`` is non-zero (so a
    weight matrix works too). The sizes are taken from the matrix shape:
    calling the connector with sizes is optional and only checks them.

    Parameters
    ----------
    conn_mat : array_like
        A 2-D matrix of shape ``(pre_num, post_num)``.

    Examples
    --------
    >>> import numpy as np, brainpy as bp
    >>> w = np.array([[1., 1.5, 0., 0.5], [0., 2.5, 0., 0.], [2., 0., 3, 0.]])
    >>> pre_ids, post_ids = bp.conn.MatConn(w).requires('pre_ids', 'post_ids')
    >>> w[np.asarray(pre_ids), np.asarray(post_ids)].tolist()
    [1.0, 1.5, 0.5, 2.5, 2.0, 3.0]
    """

    def __init__(self, conn_mat: Any) -> None:
        super().__init__()
        mat = np.asarray(conn_mat)
        if mat.ndim != 2:
            raise ConnectorError(f"MatConn needs a 2-D connection matrix; got an array of shape {mat.shape}.")
        self.conn_mat = mat != 0
        self._init_shape(mat.shape)

    def build_conn(self):
        return "mat", self.conn_mat


class IJConn(TwoEndConnector):
    r"""Connector built from synapse index vectors ``(i, j)``.

    Synapse :math:`k` joins pre-synaptic neuron ``i[k]`` to post-synaptic
    neuron ``j[k]``; ``pre_ids``/``post_ids`` and synapse ids keep this order.
    Call the connector with the population sizes before requiring structures.

    Parameters
    ----------
    i, j : array_like of int
        Pre- and post-synaptic indices, one entry per synapse.
    """

    def __init__(self, i: Any, j: Any) -> None:
        super().__init__()
        self.pre_ids = np.asarray(i).ravel()
        self.post_ids = np.asarray(j).ravel()
        if self.pre_ids.shape != self.post_ids.shape:
            raise ConnectorError(
                f"IJConn: i has {self.pre_ids.size} entries and j has {self.post_ids.size}; "
                "they must list one (pre, post) pair per synapse."
            )

    def build_conn(self):
        return "ij", (self.pre_ids, self.post_ids)


class SparseMatConn(_ShapedConn):
    r"""Connector built from a sparse connection matrix (for example ``scipy.sparse.csr_matrix``).

    Stored non-zero entries are synapses (explicit zeros are dropped). Sizes
    come from the matrix shape; calling with sizes is optional.

    Parameters
    ----------
    csr_mat : sparse matrix
        Any object with ``tocsr()`` (SciPy sparse matrices and arrays), or with
        ``indices``, ``indptr``, ``data`` and ``shape``.
    """

    def __init__(self, csr_mat: Any) -> None:
        super().__init__()
        mat = csr_mat.tocsr() if hasattr(csr_mat, "tocsr") else csr_mat
        try:
            indices, indptr = np.asarray(mat.indices), np.asarray(mat.indptr)
            data, shape = np.asarray(mat.data), tuple(mat.shape)
        except AttributeError as err:
            raise ConnectorError(
                f"SparseMatConn needs a sparse matrix such as scipy.sparse.csr_matrix; got {type(csr_mat).__name__}. "
                "For a dense matrix use bp.conn.MatConn."
            ) from err
        if len(shape) != 2:
            raise ConnectorError(f"SparseMatConn needs a 2-D matrix; got shape {shape}.")
        rows = np.repeat(np.arange(shape[0], dtype=np.int64), np.diff(indptr.astype(np.int64)))
        keep = data != 0
        keys = np.sort(rows[keep] * shape[1] + indices[keep].astype(np.int64))
        keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if keys.size else keys
        pre, post = np.divmod(keys, shape[1])
        self.csr_mat = csr_mat
        self._csr = (F._idx(post), F.counts_to_indptr(np.bincount(pre, minlength=shape[0])))
        self._init_shape(shape)

    def build_conn(self):
        return "csr", self._csr
