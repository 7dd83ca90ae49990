r"""Small helpers shared by the nodes: parameter initialization and shape checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from brainpy.errors import ArgumentTypeError, ModelBuildError
from brainpy.tools.checking import check_shape_consistency

__all__ = ["init_param", "check_shape_consistency", "to_size"]


def to_size(shape: Any) -> tuple[int, ...]:
    """Normalise an int or a sequence of ints into a shape tuple."""
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, bool):
        return (int(shape),)
    if isinstance(shape, (tuple, list)):
        return tuple(shape)
    raise ArgumentTypeError(f"A shape must be an int or a tuple of ints, but got {type(shape).__name__}: {shape!r}.")


def init_param(param: Any, size: Sequence[int]) -> Any:
    r"""Create a parameter of shape ``size`` from a tensor, a callable or an initializer.

    Parameters
    ----------
    param : array_like, callable, Initializer or None
        * an array: returned (as a JaxArray) after checking its shape;
        * a callable (``bp.init.Initializer`` instances included): called as
          ``param(size)``;
        * ``None``: the parameter is omitted, ``None`` is returned.
    size : tuple of int
        The wanted shape.

    Returns
    -------
    JaxArray or None

    Raises
    ------
    ValueError
        If an array of another shape is given.
    TypeError
        If ``param`` is none of the above.
    """
    import brainpy.math as bm

    size = tuple(int(s) for s in size)
    if param is None:
        return None
    if isinstance(param, (bm.JaxArray, np.ndarray)) or hasattr(param, "__jax_array__") or _is_jax(param):
        param = bm.asarray(param)
    elif isinstance(param, (int, float)) and not isinstance(param, bool):
        return bm.ones(size) * param
    elif callable(param):
        param = bm.asarray(param(size))
    else:
        raise ArgumentTypeError(
            f"A parameter must be a tensor, a callable taking a shape, a bp.init.Initializer or None, "
            f"but got {type(param).__name__}."
        )
    if tuple(param.shape) != size:
        raise ModelBuildError(f"The parameter has shape {tuple(param.shape)}, but shape {size} is expected.")
    return param


def _is_jax(x: Any) -> bool:
    import jax

    return isinstance(x, jax.Array)


def check_initializer(value: Any, name: str, allow_none: bool = True) -> None:
    """Check that ``value`` can initialize a parameter (see :func:`init_param`)."""
    if value is None and allow_none:
        return
    if callable(value) or hasattr(value, "shape") or isinstance(value, (int, float)):
        return
    raise ArgumentTypeError(
        f"{name} must be a tensor, a callable taking a shape or a bp.init.Initializer"
        f"{' (or None)' if allow_none else ''}, but got {type(value).__name__}: {value!r}."
    )


def check_callable(fun: Any, name: str) -> Callable:
    """Return ``fun`` if callable, otherwise raise a TypeError naming ``name``."""
    if not callable(fun):
        raise ArgumentTypeError(f"{name} must be callable, but got {type(fun).__name__}: {fun!r}.")
    return fun
