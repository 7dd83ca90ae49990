r"""Parameters and initial values of the built-in models.

Every built-in neuron, synapse and input model accepts its parameters and the
initial values of its Variables in the same four forms the spec teaches
(L1386-1437): a scalar (homogeneous, kept as a Python number), an array
(heterogeneous, one value per neuron or synapse), a ``bp.init`` initializer,
or a callable of the shape. A ``bm.Variable`` is kept as it is, so that it can
be changed between runs (``hh.gNa[:] = 100.``).
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.errors import ModelBuildError

__all__ = ["init_param", "init_state", "check_scalar", "model_shape"]


def model_shape(num: int, size: Sequence[int], keep_size: bool) -> tuple[int, ...]:
    r"""The shape of a group's Variables: ``size`` if ``keep_size`` else ``(num,)``."""
    return tuple(size) if keep_size else (int(num),)


def _is_variable(x: Any) -> bool:
    import brainpy.math as bm

    return isinstance(x, bm.Variable)


def init_param(
    param: Any, shape: Sequence[int] | int, allow_none: bool = True, name: str = "param", owner: str = "model"
) -> Any:
    r"""Build a parameter of the given shape from a scalar, array, initializer or callable.

    Parameters
    ----------
    param : float, ArrayType, Initializer, callable, Variable or None
        A Python/NumPy scalar is returned as a Python float (homogeneous);
        an initializer or a callable ``f(shape)`` is called with ``shape``;
        an array must have ``shape`` or broadcast to it; a ``bm.Variable`` is
        returned unchanged (so that it stays changeable between runs).
    shape : int or tuple of int
        The shape of a heterogeneous value.
    allow_none : bool
        Whether ``None`` is accepted (and returned).
    name, owner : str
        Used in error messages.

    Returns
    -------
    float, JaxArray, Variable or None

    Raises
    ------
    ModelBuildError
        If the value is of an unknown kind or of a wrong shape.
    """
    import brainpy.math as bm
    from brainpy.initialize import Initializer

    shape = (int(shape),) if isinstance(shape, (int, np.integer)) else tuple(int(s) for s in shape)
    if param is None:
        if allow_none:
            return None
        raise ModelBuildError(
            f"{owner}: {name} must be given (a number, an array of shape {shape}, an "
            f"initializer or a callable of the shape), but got None."
        )
    if isinstance(param, bool):
        return param
    if isinstance(param, numbers.Number):
        return float(param) if isinstance(param, numbers.Real) else param
    if _is_variable(param):
        _check_shape(np.shape(param.value), shape, name, owner)
        return param
    if isinstance(param, Initializer) or (
        callable(param) and not hasattr(param, "__array__") and not isinstance(param, bm.JaxArray)
    ):
        value = param(shape)
        value = bm.asarray(value)
        _check_shape(np.shape(value), shape, name, owner, exact=True)
        return value
    if isinstance(param, (np.ndarray, jnp.ndarray, bm.JaxArray, list, tuple)) or hasattr(param, "__array__"):
        value = bm.asarray(param)
        if value.ndim == 0 or value.size == 1 and np.prod(shape) != 1:
            return float(value.reshape(()))
        _check_shape(value.shape, shape, name, owner)
        return value
    raise ModelBuildError(
        f"{owner}: {name}={param!r} is not a parameter; expected a number, an array of shape "
        f"{shape}, a bp.init initializer or a callable of the shape."
    )


def _check_shape(got: tuple, shape: tuple, name: str, owner: str, exact: bool = False) -> None:
    ok = got == shape
    if not ok and not exact:
        try:
            ok = np.broadcast_shapes(got, shape) == shape
        except ValueError:
            ok = False
    if not ok:
        raise ModelBuildError(
            f"{owner}: {name} has shape {got}, but the model needs shape {shape} (one value per "
            f"element). Pass a scalar, an array of shape {shape}, or an initializer."
        )


def init_state(
    init: Any, shape: Sequence[int], dtype: Any = None, name: str = "initializer", owner: str = "model"
) -> Any:
    r"""The initial value of a Variable: an array of ``shape`` from a scalar, array, initializer or callable."""
    import brainpy.math as bm

    value = init_param(init, shape, allow_none=False, name=name, owner=owner)
    if _is_variable(value):
        value = value.value
    if isinstance(value, numbers.Real):  # a homogeneous value: filled without compiling a program
        return bm.full(tuple(shape), value, dtype=bm.float_ if dtype is None else dtype)
    arr = jnp.broadcast_to(jnp.asarray(getattr(value, "value", value)), tuple(shape))
    if dtype is not None:
        arr = arr.astype(dtype)
    elif not jnp.issubdtype(arr.dtype, jnp.floating):
        arr = arr.astype(bm.float_)
    return bm.asarray(arr)


def check_scalar(value: Any, name: str, owner: str) -> Any:
    r"""Require a homogeneous (scalar) parameter, as the built-in synapses' time constants are (spec L1456)."""
    if callable(value) or np.size(getattr(value, "value", value)) != 1:
        raise ModelBuildError(
            f"{owner}: {name} must be a scalar (built-in synapses support only homogeneous "
            f"{name}), but got {value!r}. Write a custom synapse for heterogeneous {name}."
        )
    return float(np.asarray(getattr(value, "value", value)).reshape(()))
