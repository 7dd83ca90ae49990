r"""One generic wrapper that turns a ``jax.numpy`` function into a ``brainpy.math`` one.

The wrapper unwraps every :class:`~brainpy.math.JaxArray` argument (also inside
lists and tuples) to its JAX array, calls the function, and wraps every JAX array
in the result (also inside tuples and lists) into a ``JaxArray``. Under ``jit`` the
wrapping happens only while tracing, so the compiled code is the same as with
``jax.numpy`` directly.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jax

from brainpy._compat import Tracer
from brainpy.math._ndarray import _new_jaxarray
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
