r"""The NumPy ``ndarray`` method set of :class:`brainpy.math.JaxArray`, built from a table.

:class:`NDArrayMethods` is a mixin: each method unwraps its JaxArray arguments,
calls the method of the same name on the wrapped JAX array (or the named
``jax.numpy`` function) and wraps array results back into a ``JaxArray``. The
in-place methods of NumPy (``fill``, ``sort``, ``resize``) write the result back
through ``self.value`` so that Variables keep their identity.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

__all__: list[str] = []

# Methods that exist on jax.Array and return arrays (wrapped into JaxArray).
_ARRAY_METHODS = (
    "all any argmax argmin argpartition argsort astype byteswap choose clip compress conj conjugate "
    "copy cumprod cumsum diagonal dot flatten max mean min nonzero prod ptp ravel repeat reshape "
    "round searchsorted squeeze std sum swapaxes take trace transpose var view"
).split()
# Methods of jax.Array that return plain Python objects.
_PLAIN_METHODS = ("item", "tolist", "tobytes")
# ndarray methods jax.Array lacks, supplied from jax.numpy functions (self first).
_FUNCTION_METHODS = {"tile": jnp.tile, "split": jnp.split, "partition": jnp.partition}


def unwrap(x: Any) -> Any:
    """The raw JAX array inside a JaxArray; containers are unwrapped element-wise."""
    if isinstance(x, NDArrayMethods):
        return x._value
    if isinstance(x, (tuple, list)):
        return type(x)(unwrap(v) for v in x)
    return x


def _unwrap_call(args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    return tuple(unwrap(a) for a in args), {k: unwrap(v) for k, v in kwargs.items()}


def _array_method(name: str) -> Callable:
    def method(self, *args, **kwargs):
        args, kwargs = _unwrap_call(args, kwargs)
        return self._wrap_tree(getattr(self.value, name)(*args, **kwargs))

    method.__name__ = name
    method.__doc__ = f"Same as ``numpy.ndarray.{name}``; array results are JaxArrays."
    return method


def _plain_method(name: str) -> Callable:
    def method(self, *args, **kwargs):
        args, kwargs = _unwrap_call(args, kwargs)
        return getattr(self.value, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"Same as ``numpy.ndarray.{name}`` (returns a Python object)."
    return method


def _function_method(name: str, function: Callable) -> Callable:
    def method(self, *args, **kwargs):
        args, kwargs = _unwrap_call(args, kwargs)
        return self._wrap_tree(function(self.value, *args, **kwargs))

    method.__name__ = name
    method.__doc__ = f"Same as ``numpy.ndarray.{name}`` / ``jax.numpy.{function.__name__}``."
    return method


class NDArrayMethods:
    r"""Mixin giving :class:`~brainpy.math.JaxArray` the NumPy ``ndarray`` methods and attributes.

    The host class supplies ``value`` (get and set) and ``_wrap_tree`` (wraps
    every JAX array in a result into a JaxArray).
    """

    __slots__ = ()

    # ---- attributes --------------------------------------------------------------
    @property
    def ndim(self) -> int:
        """Number of dimensions."""
        return self.value.ndim

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape tuple."""
        return tuple(self.value.shape)

    @property
    def size(self) -> int:
        """Number of elements."""
        return self.value.size

    @property
    def dtype(self) -> np.dtype:
        """The element type."""
        return self.value.dtype

    @property
    def itemsize(self) -> int:
        """Bytes per element."""
        return self.value.dtype.itemsize

    @property
    def nbytes(self) -> int:
        """Total bytes of the elements."""
        return self.value.size * self.value.dtype.itemsize

    @property
    def T(self):
        """The transposed array (a JaxArray)."""
        return self._wrap_tree(self.value.T)

    @property
    def mT(self):
        """Transpose of the last two axes (a JaxArray)."""
        return self._wrap_tree(jnp.swapaxes(self.value, -1, -2))

    @property
    def real(self):
        """Real part (a JaxArray)."""
        return self._wrap_tree(self.value.real)

    @property
    def imag(self):
        """Imaginary part (a JaxArray)."""
        return self._wrap_tree(self.value.imag)

    # ---- conversions -------------------------------------------------------------
    def numpy(self, dtype: Any = None) -> np.ndarray:
        """Convert to a NumPy array (a copy on the host)."""
        return np.asarray(self.value, dtype=dtype)

    def to_numpy(self, dtype: Any = None) -> np.ndarray:
        """Convert to a NumPy array; same as :meth:`numpy`."""
        return np.asarray(self.value, dtype=dtype)

    def to_jax(self, dtype: Any = None) -> jax.Array:
        """The wrapped JAX array (converted to ``dtype`` if given)."""
        return self.value if dtype is None else jnp.asarray(self.value, dtype=dtype)

    def block_until_ready(self):
        """Wait until the value is computed; returns ``self``."""
        self.value.block_until_ready()
        return self

    # ---- NumPy's in-place methods ------------------------------------------------
    def fill(self, value: Any) -> None:
        """Fill the array with a scalar value, in place."""
        self.value = jnp.full_like(self.value, unwrap(value))

    def sort(self, axis: int = -1, kind: str | None = None, order: Any = None) -> None:
        """Sort in place along ``axis`` (NumPy semantics: returns None)."""
        self.value = jnp.sort(self.value, axis=axis)

    def resize(self, new_shape: Any) -> None:
        """Change shape and size in place, repeating the data as ``numpy.resize`` does."""
        self.value = jnp.resize(self.value, new_shape)


for _name in _ARRAY_METHODS:
    setattr(NDArrayMethods, _name, _array_method(_name))
for _name in _PLAIN_METHODS:
    setattr(NDArrayMethods, _name, _plain_method(_name))
for _name, _function in _FUNCTION_METHODS.items():
    setattr(NDArrayMethods, _name, _function_method(_name, _function))
del _name, _function

#: Names of every ndarray method and attribute the mixin provides (used by tests).
METHOD_NAMES: tuple[str, ...] = (
    *_ARRAY_METHODS,
    *_PLAIN_METHODS,
    *_FUNCTION_METHODS,
    "fill",
    "sort",
    "resize",
    "ndim",
    "shape",
    "size",
    "dtype",
    "itemsize",
    "nbytes",
    "T",
    "mT",
    "real",
    "imag",
)
