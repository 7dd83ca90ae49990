"""Argument normalisation shared by the operator wrappers (checked before any tracing)."""

from __future__ import annotations

import operator
from typing import Any

import jax.numpy as jnp
import numpy as np

from brainpy.errors import MathError

__all__ = ["unwrap", "as_size", "as_ids", "as_values", "as_csr"]


def unwrap(x: Any) -> Any:
    """The JAX/NumPy value of a ``JaxArray``/``Variable`` (anything with ``.value``), else ``x``."""
    return getattr(x, "value", x)


def as_size(value: Any, name: str, op: str) -> int:
    """A static, non-negative Python ``int`` (a size such as ``post_num``)."""
    value = unwrap(value)
    try:
        size = operator.index(value)
    except TypeError:
        try:
            size = operator.index(np.asarray(value).item()) if np.ndim(value) == 0 else None
        except Exception:  # noqa: BLE001 - traced or non-integer
            size = None
        if size is None:
            raise MathError(
                f"{op}: {name} must be a Python int (a static size), got {type(value).__name__} {value!r}. "
                f"Pass the number itself, for example {name}=post.num, not a traced array."
            ) from None
    if size < 0:
        raise MathError(f"{op}: {name} must be >= 0, got {size}.")
    return size


def as_ids(value: Any, name: str, op: str, source: str | None = None) -> Any:
    """A 1-D integer index array (``source``: where users get it, for the message)."""
    ids = jnp.asarray(unwrap(value))
    if ids.ndim != 1 or not jnp.issubdtype(ids.dtype, jnp.integer):
        raise MathError(
            f"{op}: {name} must be a 1-D integer array, got shape {ids.shape} and dtype {ids.dtype}. "
            f"Pass the connector's index vector ({source or f'conn.require({name!r})'})."
        )
    return ids


def as_values(value: Any, length: int, name: str, op: str, what: str = "synapses") -> Any:
    """A scalar, or a 1-D array of ``length`` elements."""
    values = jnp.asarray(unwrap(value))
    if values.ndim == 0:
        return values
    if values.shape != (length,):
        raise MathError(
            f"{op}: {name} must be a scalar or a vector with one value per {what} (shape ({length},)), "
            f"got shape {values.shape}."
        )
    return values


def as_csr(pre2post: Any, op: str) -> tuple[Any, Any]:
    """``(indices, indptr)`` of a CSR structure, both 1-D integer arrays."""
    if not isinstance(pre2post, (tuple, list)) or len(pre2post) != 2:
        raise MathError(
            f"{op}: pre2post must be the pair (indices, indptr) of a CSR structure, got "
            f"{type(pre2post).__name__}. Get it with conn.require('pre2post')."
        )
    source = "conn.require('pre2post')"
    indices = as_ids(pre2post[0], "indices (pre2post[0])", op, source)
    indptr = as_ids(pre2post[1], "indptr (pre2post[1])", op, source)
    if indptr.shape[0] < 1:
        raise MathError(f"{op}: indptr (pre2post[1]) must have n_pre + 1 >= 1 elements, got 0.")
    return indices, indptr
