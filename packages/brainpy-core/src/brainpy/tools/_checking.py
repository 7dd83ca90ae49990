r"""Argument checks shared by the toolkit (``brainpy.tools.checking``).

Each check raises a :class:`brainpy.errors.BrainPyError` subclass that is also a
``ValueError`` (:class:`~brainpy.errors.InvalidArgumentError`,
:class:`~brainpy.errors.ModelBuildError`) or a ``TypeError``
(:class:`~brainpy.errors.ArgumentTypeError`), naming the argument, what it got
and what was expected, before any JAX tracing happens.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from brainpy.errors import ArgumentTypeError, InvalidArgumentError, ModelBuildError

__all__ = [
    "check_shape_consistency",
    "check_shape_broadcastable",
    "check_shape_except_batch",
    "check_shape",
    "check_dict_data",
    "check_initializer",
    "check_connector",
    "check_float",
    "check_integer",
    "check_string",
    "check_sequence",
]


def check_shape_consistency(
    shapes: Sequence[Sequence[Any]], free_axes: int | Sequence[int] = -1, return_format_shapes: bool = True
) -> Any:
    r"""Check that ``shapes`` agree everywhere except on the ``free_axes``.

    This is how a node checks its feedforward (or feedback) input shapes, as the
    node-customization tutorial does: ``unique_size, free_sizes =
    check_shape_consistency(self.feedforward_shapes, -1, True)``.

    Parameters
    ----------
    shapes : sequence of shape tuples
        For example the feedforward shapes of a node, ``[(None, 3), (None, 5)]``.
    free_axes : int or sequence of int
        The axes allowed to differ. Default ``-1`` (the feature axis).
    return_format_shapes : bool
        Return ``(unique_size, free_sizes)`` (default); otherwise return ``None``.

    Returns
    -------
    unique_size : tuple
        The common shape with the free axes removed, e.g. ``(None,)``.
    free_sizes : list
        Each shape's size on the free axis (an int when ``free_axes`` is one
        int; a tuple of sizes when it is a sequence).

    Raises
    ------
    ModelBuildError
        (a ``ValueError``) If there are no shapes, they have different ranks, or
        they differ on a fixed axis.

    Examples
    --------
    >>> check_shape_consistency([(None, 3), (None, 5)], -1, True)
    ((None,), [3, 5])
    """
    shapes = [tuple(s) for s in shapes]
    if len(shapes) == 0:
        raise ModelBuildError("check_shape_consistency() got no shapes to compare.")
    ndim = len(shapes[0])
    if any(len(s) != ndim for s in shapes):
        raise ModelBuildError(f"Shapes {shapes} have different numbers of dimensions; they cannot be combined.")
    single = isinstance(free_axes, (int, np.integer))
    axes = [int(free_axes)] if single else [int(a) for a in free_axes]
    axes = sorted({a % ndim for a in axes}) if ndim else []
    fixed = [i for i in range(ndim) if i not in axes]
    unique = tuple(shapes[0][i] for i in fixed)
    for s in shapes[1:]:
        if tuple(s[i] for i in fixed) != unique:
            raise ModelBuildError(
                f"Shapes {shapes} must agree on every axis except {tuple(axes)}, but {shapes[0]} and {s} differ."
            )
    if not return_format_shapes:
        return None
    if single:
        return unique, [s[axes[0]] for s in shapes]
    return unique, [tuple(s[a] for a in axes) for s in shapes]


def check_shape_broadcastable(shapes: Sequence[Sequence[int]]) -> tuple[int, ...]:
    r"""Check that shapes broadcast together and return the broadcast shape."""
    try:
        return tuple(np.broadcast_shapes(*[tuple(s) for s in shapes]))
    except ValueError:
        raise ModelBuildError(f"The shapes {list(shapes)} cannot be broadcast together.") from None


def check_shape_except_batch(
    shape1: Sequence[int], shape2: Sequence[int], batch_idx: int = 0, mode: str = "raise"
) -> bool:
    r"""Check that two shapes agree except at the batch axis ``batch_idx``."""
    s1, s2 = list(shape1), list(shape2)
    ok = len(s1) == len(s2)
    if ok:
        s1.pop(batch_idx)
        s2.pop(batch_idx)
        ok = s1 == s2
    if not ok and mode == "raise":
        raise ModelBuildError(f"Shapes {tuple(shape1)} and {tuple(shape2)} differ outside the batch axis {batch_idx}.")
    return ok


def check_shape(all_shapes: Sequence[Sequence[int]], free_axes: int | Sequence[int] = -1) -> Any:
    r"""Alias of :func:`check_shape_consistency` returning ``(unique_size, free_sizes)``."""
    return check_shape_consistency(all_shapes, free_axes, True)


def check_dict_data(a_dict: Any, key_type: Any = None, val_type: Any = None, name: str | None = None) -> None:
    r"""Check that ``a_dict`` is a dict whose keys and values have the given types."""
    name = name or "the argument"
    if not isinstance(a_dict, dict):
        raise ArgumentTypeError(f"{name} must be a dict, but got {type(a_dict).__name__}.")
    for k, v in a_dict.items():
        if key_type is not None and not isinstance(k, key_type):
            raise ArgumentTypeError(f"Keys of {name} must be {key_type}, but got {k!r}.")
        if val_type is not None and not isinstance(v, val_type):
            raise ArgumentTypeError(f"Values of {name} must be {val_type}, but {k!r} is a {type(v).__name__}.")


def check_initializer(initializer: Any, name: str = "", allow_none: bool = False) -> None:
    r"""Check that ``initializer`` is a ``bp.init.Initializer``, an array, a number or a callable."""
    if initializer is None:
        if allow_none:
            return
        raise InvalidArgumentError(
            f"{name or 'initializer'} must be given (an initializer, array or callable), not None."
        )
    if isinstance(initializer, (numbers.Number, np.ndarray)) or callable(initializer) or hasattr(initializer, "shape"):
        return
    raise ArgumentTypeError(
        f"{name or 'initializer'} must be an initializer, an array or a callable, but got {type(initializer).__name__}."
    )


def check_connector(connector: Any, name: str = "", allow_none: bool = False) -> None:
    r"""Check that ``connector`` is a connector object (it has ``require``) or a callable."""
    if connector is None:
        if allow_none:
            return
        raise InvalidArgumentError(f"{name or 'connector'} must be given, not None.")
    if not (hasattr(connector, "require") or callable(connector)):
        raise ArgumentTypeError(
            f"{name or 'connector'} must be a bp.conn.Connector, but got {type(connector).__name__}."
        )


def _check_number(
    value: Any, name: str, min_bound: Any, max_bound: Any, allow_none: bool, kind: str, test: Callable[[Any], bool]
) -> None:
    if value is None:
        if allow_none:
            return
        raise InvalidArgumentError(f"{name} must be a {kind}, not None.")
    if isinstance(value, bool) or not test(value):
        raise InvalidArgumentError(f"{name} must be a {kind}, but got {value!r} ({type(value).__name__}).")
    if min_bound is not None and value < min_bound:
        raise InvalidArgumentError(f"{name} must be >= {min_bound}, but got {value}.")
    if max_bound is not None and value > max_bound:
        raise InvalidArgumentError(f"{name} must be <= {max_bound}, but got {value}.")


def check_float(
    value: Any,
    name: str | None = None,
    min_bound: float | None = None,
    max_bound: float | None = None,
    allow_none: bool = False,
    allow_int: bool = True,
) -> None:
    r"""Check that ``value`` is a float (or an int when ``allow_int``) within the bounds."""
    kinds = (float, np.floating) + ((int, np.integer) if allow_int else ())
    _check_number(value, name or "value", min_bound, max_bound, allow_none, "float", lambda v: isinstance(v, kinds))


def check_integer(
    value: Any,
    name: str | None = None,
    min_bound: int | None = None,
    max_bound: int | None = None,
    allow_none: bool = False,
) -> None:
    r"""Check that ``value`` is an int within the bounds."""
    _check_number(
        value, name or "value", min_bound, max_bound, allow_none, "int", lambda v: isinstance(v, (int, np.integer))
    )


def check_string(
    value: Any, name: str | None = None, candidates: Sequence[str] | None = None, allow_none: bool = False
) -> None:
    r"""Check that ``value`` is a str, one of ``candidates`` if given."""
    name = name or "value"
    if value is None and allow_none:
        return
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a str, but got {value!r}.")
    if candidates is not None and value not in candidates:
        raise InvalidArgumentError(f"{name} must be one of {list(candidates)}, but got {value!r}.")


def check_sequence(value: Any, name: str | None = None, elem_type: Any = None, allow_none: bool = True) -> None:
    r"""Check that ``value`` is a list or tuple (of ``elem_type`` elements if given)."""
    name = name or "value"
    if value is None:
        if allow_none:
            return
        raise InvalidArgumentError(f"{name} must be a sequence, not None.")
    if not isinstance(value, (list, tuple)):
        raise InvalidArgumentError(f"{name} must be a list or tuple, but got {type(value).__name__}.")
    if elem_type is not None:
        for v in value:
            if not isinstance(v, elem_type):
                raise InvalidArgumentError(f"Elements of {name} must be {elem_type}, but got {v!r}.")
