r"""Sparse-dense matrix products and segment reductions."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy.errors import MathError
from brainpy.math._op_checks import as_ids, as_size, unwrap
from brainpy.math._op_dispatch import dispatch

__all__ = ["sparse_matmul", "segment_sum", "segment_prod", "segment_max", "segment_min"]


def _as_sparse(M: dict, name: str) -> dict:
    missing = [k for k in ("data", "index", "shape") if k not in M]
    if missing:
        raise MathError(
            f"sparse_matmul: the sparse matrix {name} must be a dict with keys 'data', 'index' (rows, cols) "
            f"and 'shape'; it lacks {', '.join(missing)}."
        )
    rows = as_ids(M["index"][0], "index[0] (rows)", "sparse_matmul")
    cols = as_ids(M["index"][1], "index[1] (cols)", "sparse_matmul")
    data = jnp.asarray(unwrap(M["data"]))
    shape = tuple(as_size(s, "shape", "sparse_matmul") for s in M["shape"])
    if len(shape) != 2 or not (data.ndim == 1 and rows.shape == cols.shape == data.shape):
        raise MathError(
            f"sparse_matmul: {name} needs a 2-D 'shape' and 1-D 'data', rows and cols of one length; got shape "
            f"{shape}, data {data.shape}, rows {rows.shape}, cols {cols.shape}."
        )
    return {"data": data, "index": (rows, cols), "shape": shape}


def sparse_matmul(A: Any, B: Any) -> jax.Array:
    r"""Sparse matrix multiplication, :math:`Y = A B`, where exactly one of ``A`` and ``B`` is sparse.

    A sparse matrix is given in coordinate (COO) form as a dict
    ``{'data': values, 'index': (rows, cols), 'shape': (m, n)}``: entry
    ``(rows[s], cols[s])`` holds ``data[s]``, and repeated coordinates add up.

    .. math::

        (AB)_{i\cdot} = \sum_{s:\,r_s = i} a_s\, B_{c_s \cdot}
        \quad (A \text{ sparse}), \qquad
        (AB)_{\cdot j} = \sum_{s:\,c_s = j} b_s\, A_{\cdot r_s}
        \quad (B \text{ sparse}).

    Parameters
    ----------
    A, B : dict or ArrayType
        One sparse dict and one dense array: a dense ``B`` has shape ``(n,)`` or
        ``(n, k)``; a dense ``A`` has shape ``(m,)`` or ``(k, m)``.

    Returns
    -------
    jax.Array
        The dense product. Differentiable with respect to the data and the dense operand.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> # A = [[0, 2, 0, 4], [1, 0, 0, 0], [0, 3, 0, 2]]
    >>> A = {'data': bm.asarray([2., 4., 1., 3., 2.]),
    ...      'index': (bm.asarray([0, 0, 1, 2, 2]), bm.asarray([1, 3, 0, 1, 3])), 'shape': (3, 4)}
    >>> bm.sparse_matmul(A, bm.arange(4.))
    Array([14.,  0.,  9.], dtype=float32)
    """
    if isinstance(A, dict) and isinstance(B, dict):
        raise MathError("sparse_matmul: A and B cannot both be sparse; make one of them a dense array.")
    if not isinstance(A, dict) and not isinstance(B, dict):
        raise MathError(
            "sparse_matmul: one of A and B must be a sparse dict {'data', 'index', 'shape'}; use A @ B "
            "for two dense arrays."
        )
    if isinstance(A, dict):
        A = _as_sparse(A, "A")
        B = jnp.asarray(unwrap(B))
        if B.ndim not in (1, 2) or B.shape[0] != A["shape"][1]:
            raise MathError(
                f"sparse_matmul: A has shape {A['shape']}, so B must have shape ({A['shape'][1]},) or "
                f"({A['shape'][1]}, k); got {B.shape}."
            )
    else:
        B = _as_sparse(B, "B")
        A = jnp.asarray(unwrap(A))
        if A.ndim not in (1, 2) or A.shape[-1] != B["shape"][0]:
            raise MathError(
                f"sparse_matmul: B has shape {B['shape']}, so A must have shape ({B['shape'][0]},) or "
                f"(k, {B['shape'][0]}); got {A.shape}."
            )
    return dispatch("sparse_matmul")(A, B)


def _segment(reduce: Any, name: str) -> Any:
    def op(
        data: Any,
        segment_ids: Any,
        num_segments: int | None = None,
        indices_are_sorted: bool = False,
        unique_indices: bool = False,
        bucket_size: int | None = None,
        mode: Any = None,
    ) -> jax.Array:
        ids = as_ids(segment_ids, "segment_ids", name)
        if num_segments is not None:
            num_segments = as_size(num_segments, "num_segments", name)
        return reduce(
            jnp.asarray(unwrap(data)),
            ids,
            num_segments,
            indices_are_sorted=indices_are_sorted,
            unique_indices=unique_indices,
            bucket_size=bucket_size,
            mode=mode,
        )

    op.__name__ = op.__qualname__ = name
    op.__doc__ = rf"""Segment {name.split("_")[1]} of ``data`` along its first axis: :func:`jax.ops.{name}`.

    .. math:: y_k = \mathop{{\mathrm{{{name.split("_")[1]}}}}}_{{i:\ \mathrm{{ids}}_i = k}} x_i

    Parameters
    ----------
    data : ArrayType
        The values; the first axis is segmented.
    segment_ids : ArrayType
        1-D integer segment of every row of ``data``.
    num_segments : int, optional
        The number of segments; needed under ``jit`` (otherwise ``max(ids) + 1``).
    indices_are_sorted, unique_indices, bucket_size, mode
        As :func:`jax.ops.{name}`.

    Returns
    -------
    jax.Array
        Shape ``(num_segments,) + data.shape[1:]``.
    """
    return op


segment_sum = _segment(jax.ops.segment_sum, "segment_sum")
segment_prod = _segment(jax.ops.segment_prod, "segment_prod")
segment_max = _segment(jax.ops.segment_max, "segment_max")
segment_min = _segment(jax.ops.segment_min, "segment_min")
