"""Helpers shared by the loss functions: unwrapping arrays and reductions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

from brainpy.errors import UnsupportedError

__all__ = ["unwrap", "is_leaf", "as_tree", "tree_map2", "tree_sum", "reduce", "check_reduction"]

_REDUCTIONS = ("mean", "sum", "none")


def is_leaf(x: Any) -> bool:
    """Whether ``x`` is an array leaf (a :class:`brainpy.math.JaxArray` counts as one)."""
    import brainpy.math as bm

    return isinstance(x, bm.JaxArray)


def unwrap(x: Any) -> Any:
    """The JAX array behind ``x`` (``JaxArray`` and ``Variable`` are unwrapped)."""
    import brainpy.math as bm

    if isinstance(x, bm.JaxArray):
        return x.value
    return jnp.asarray(x)


def _numbers_only(x: Any) -> bool:
    if isinstance(x, (list, tuple)):
        return all(_numbers_only(v) for v in x)
    return isinstance(x, (int, float, complex))


def as_tree(x: Any) -> Any:
    """``x`` with nested lists/tuples of plain numbers turned into one array (other pytrees kept)."""
    if isinstance(x, (list, tuple)) and _numbers_only(x):
        return jnp.asarray(x)
    return x


def tree_map2(f: Callable[[Any, Any], Any], a: Any, b: Any) -> Any:
    """Apply ``f`` leaf by leaf to two pytrees of the same structure (arrays unwrapped).

    Nested lists of plain numbers count as one array, not as a pytree.
    """
    return jax.tree_util.tree_map(lambda x, y: f(unwrap(x), unwrap(y)), as_tree(a), as_tree(b), is_leaf=is_leaf)


def tree_sum(tree: Any) -> Any:
    """The sum of the leaves of a pytree (a single array is returned as is)."""
    leaves = jax.tree_util.tree_leaves(tree, is_leaf=is_leaf)
    total = unwrap(leaves[0])
    for leaf in leaves[1:]:
        total = total + unwrap(leaf)
    return total


def reduce(outputs: Any, reduction: str) -> Any:
    """Reduce per-sample losses with ``'mean'``, ``'sum'`` or ``'none'``."""
    if reduction == "mean":
        return jnp.mean(outputs)
    if reduction == "sum":
        return jnp.sum(outputs)
    if reduction == "none":
        return outputs
    raise UnsupportedError(
        f"reduction={reduction!r} is not supported. Expected one of {', '.join(map(repr, _REDUCTIONS))}; "
        f"for example reduction='mean'."
    )


def check_reduction(reduction: str) -> None:
    """Raise :class:`~brainpy.errors.UnsupportedError` for an unknown ``reduction`` (before tracing)."""
    if reduction not in _REDUCTIONS:
        reduce(None, reduction)
