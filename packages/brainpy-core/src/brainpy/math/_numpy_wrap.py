r"""One generic wrapper that turns a ``jax.numpy`` function into a ``brainpy.math`` one.

The wrapper unwraps every :class:`~brainpy.math.JaxArray` argument (also inside
lists and tuples) to its JAX array, calls the function, and wraps every JAX array
in the result (also inside tuples and lists) into a ``JaxArray``. Under ``jit`` the
wrapping happens only while tracing, so the compiled code is the same as with
``jax.numpy`` directly.

:func:`wrap_creation` adds an eager shortcut to the array-creation functions
(``zeros``, ``ones``, ``empty``, ``full``, ``asarray``, ``array``): outside any
transformation, arrays of up to :data:`HOST_FILL_MAX` elements are made by NumPy and
copied with ``jax.device_put``, which compiles nothing (``jax.numpy`` compiles a
small XLA program for every new shape). The results are the same arrays, dtypes and
weak types; every other call goes to ``jax.numpy``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any

import jax
import numpy as np

from brainpy._compat import Tracer, in_trace
from brainpy.math._ndarray import _PY_SCALARS, _new_jaxarray, host_to_device, requested_dtype
from brainpy.math._numpy_methods import NDArrayMethods

__all__: list[str] = []


def unwrap_tree(x: Any) -> Any:
    """Replace JaxArrays by their JAX arrays, recursing into lists and tuples only where needed."""
    if isinstance(x, NDArrayMethods):
        return x._value
    if isinstance(x, (list, tuple)):
        return type(x)(unwrap_tree(v) for v in x) if _needs_unwrap(x) else x
    return x


def _needs_unwrap(seq: list | tuple) -> bool:
    for v in seq:
        if isinstance(v, (NDArrayMethods, list, tuple)):
            return True
    return False


def wrap_result(x: Any) -> Any:
    """Wrap every JAX array in ``x`` (recursing into tuples and lists) into a JaxArray."""
    if isinstance(x, (jax.Array, Tracer)):
        return _new_jaxarray(x)
    if isinstance(x, tuple) and type(x) is not tuple and hasattr(x, "_fields"):  # named tuples
        return type(x)(*(wrap_result(v) for v in x))
    if isinstance(x, (tuple, list)):
        return type(x)(wrap_result(v) for v in x)
    return x


def wrap_function(function: Callable, name: str | None = None, module: str = "brainpy.math") -> Callable:
    r"""Make the ``brainpy.math`` version of a JAX function.

    Parameters
    ----------
    function : callable
        A function of ``jax.numpy`` (or ``jax.numpy.linalg``, ``jax.numpy.fft``, ...).
    name : str, optional
        The public name (defaults to ``function.__name__``).
    module : str
        The module the wrapper is documented in.

    Returns
    -------
    callable
        A function with the same signature that accepts JaxArrays and returns JaxArrays.
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        args = tuple(unwrap_tree(a) for a in args)
        if kwargs:
            kwargs = {k: unwrap_tree(v) for k, v in kwargs.items()}
        return wrap_result(function(*args, **kwargs))

    public = name or function.__name__
    wrapper.__name__ = wrapper.__qualname__ = public
    wrapper.__module__ = module
    source = f"{getattr(function, '__module__', 'jax.numpy')}.{function.__name__}"
    wrapper.__doc__ = (
        f"``{module}.{public}``: the JaxArray-aware version of ``{source}``.\n\n"
        f"Accepts JaxArrays, JAX and NumPy arrays; array results are returned as JaxArrays.\n"
        f"The documentation of the wrapped function follows.\n\n{function.__doc__ or ''}"
    )
    return wrapper


#: The largest array (in elements) that the eager creation shortcut fills on the host.
#: Bigger ones are filled on the device by ``jax.numpy``, cheaper than copying them over.
HOST_FILL_MAX = 1 << 22

_KIND_RANK = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def _static_shape(shape: Any) -> tuple[int, ...] | None:
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, (bool, np.bool_)):
        shape = (shape,)
    if not isinstance(shape, (tuple, list)):
        return None
    dims = []
    for d in shape:
        if not isinstance(d, (int, np.integer)) or isinstance(d, (bool, np.bool_)) or d < 0:
            return None
        dims.append(int(d))
    return tuple(dims)


def host_fill(shape: Any, fill_value: Any, dtype: Any) -> jax.Array | None:
    """``jnp.full(shape, fill_value, dtype)`` made by NumPy in eager code; None where that does not apply.

    ``fill_value`` must be a scalar; with ``dtype=None`` it must be a NumPy scalar or
    a Python bool (a Python number would give a weakly typed array, which only
    ``jax.numpy`` makes). The fill must not need a cast to a lower kind (float to int).
    """
    if in_trace():
        return None
    dims = _static_shape(shape)
    if dims is None or math.prod(dims) > HOST_FILL_MAX:
        return None
    if isinstance(fill_value, (np.ndarray, np.generic)):
        if fill_value.ndim or fill_value.dtype.kind not in "biufc":
            return None
        source = fill_value.dtype
        if dtype is None:
            target = np.dtype(jax.dtypes.canonicalize_dtype(source))
        else:
            target = requested_dtype(dtype)
            if target is None or not np.can_cast(source, target, "same_kind"):
                return None
    elif type(fill_value) in _PY_SCALARS:
        if dtype is None and type(fill_value) is not bool:
            return None
        target = requested_dtype(bool if dtype is None else dtype)
        if target is None or _KIND_RANK[target.kind] < _KIND_RANK[np.dtype(type(fill_value)).kind]:
            return None
    else:
        return None
    try:
        with np.errstate(all="raise"):
            host = np.full(dims, fill_value, dtype=target)
    except (OverflowError, FloatingPointError, ValueError, TypeError):
        return None
    return jax.device_put(host)


def _fast_zeros(shape: Any, dtype: Any = None, **kwargs: Any) -> jax.Array | None:
    return None if kwargs else host_fill(shape, False, float if dtype is None else dtype)


def _fast_ones(shape: Any, dtype: Any = None, **kwargs: Any) -> jax.Array | None:
    return None if kwargs else host_fill(shape, True, float if dtype is None else dtype)


def _fast_full(shape: Any, fill_value: Any, dtype: Any = None, **kwargs: Any) -> jax.Array | None:
    return None if kwargs else host_fill(shape, fill_value, dtype)


def _fast_asarray(a: Any, dtype: Any = None, order: Any = None, **kwargs: Any) -> jax.Array | None:
    return None if kwargs or order is not None else host_to_device(a, dtype)


def _fast_array(
    object: Any, dtype: Any = None, copy: bool = True, order: Any = "K", ndmin: int = 0, **kwargs: Any
) -> jax.Array | None:
    if kwargs or ndmin or order not in (None, "K"):
        return None
    return host_to_device(object, dtype)


_FAST_CREATION: dict[str, Callable[..., jax.Array | None]] = {
    "zeros": _fast_zeros,
    "empty": _fast_zeros,
    "ones": _fast_ones,
    "full": _fast_full,
    "asarray": _fast_asarray,
    "array": _fast_array,
}


def wrap_creation(function: Callable, name: str) -> Callable:
    r"""Like :func:`wrap_function`, with the eager NumPy shortcut of the creation function ``name``."""
    generic = wrap_function(function, name)
    fast = _FAST_CREATION[name]

    @functools.wraps(generic)
    def creation(*args: Any, **kwargs: Any) -> Any:
        try:
            out = fast(*args, **kwargs)
        except TypeError:  # a wrong call: jax.numpy gives the error
            out = None
        return _new_jaxarray(out) if out is not None else generic(*args, **kwargs)

    return creation
