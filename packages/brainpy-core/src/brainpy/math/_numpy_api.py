r"""The NumPy-compatible functions of ``brainpy.math``.

Most names are thin wrappers built by one generic wrapper
(:func:`brainpy.math._numpy_wrap.wrap_function`) from the tables below:
JaxArray arguments are unwrapped and array results come back as JaxArrays.
Dtypes, constants and helpers without array results are the ``jax.numpy``
objects themselves. NumPy names that ``jax.numpy`` dropped (``alltrue``,
``product``, ``trapz``, ...) map to their successors, and NumPy's in-place
functions (``fill_diagonal``, ``put``, ``place``, ``put_along_axis``) change a
JaxArray in place. The brainpy-specific functions are :func:`clip_by_norm` and
:func:`remove_diag` (the ``as_*`` conversions live in ``_ndarray``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy.errors import MathError
from brainpy.math._ndarray import JaxArray, _new_jaxarray
from brainpy.math._numpy_wrap import unwrap_tree, wrap_creation, wrap_function

# Functions wrapped one-to-one from jax.numpy (array results become JaxArrays).
_WRAPPED = """
real imag conj conjugate ndim isreal isscalar add reciprocal negative positive multiply divide power
subtract true_divide floor_divide float_power fmod mod modf divmod remainder abs exp exp2 expm1 log
log10 log1p log2 logaddexp logaddexp2 lcm gcd arccos arccosh arcsin arcsinh arctan arctan2 arctanh
cos cosh sin sinc sinh tan tanh deg2rad hypot rad2deg degrees radians round around rint floor ceil
trunc prod sum diff median nancumprod nancumsum nanprod nansum cumprod cumsum ediff1d cross
isfinite isinf isnan signbit copysign nextafter ldexp frexp convolve sqrt cbrt square absolute fabs
sign heaviside maximum minimum fmax fmin interp clip angle bitwise_and bitwise_not bitwise_or
bitwise_xor invert left_shift right_shift equal not_equal greater greater_equal less less_equal
array_equal isclose allclose logical_and logical_not logical_or logical_xor all any shape size
reshape ravel moveaxis transpose swapaxes concatenate stack vstack hstack dstack column_stack split
dsplit hsplit vsplit tile repeat unique append flip fliplr flipud roll atleast_1d atleast_2d
atleast_3d expand_dims squeeze sort argsort argmax argmin argwhere nonzero flatnonzero where
searchsorted extract count_nonzero max min amax amin empty empty_like ones ones_like zeros
zeros_like full full_like eye identity array asarray arange linspace logspace meshgrid diag tri
tril triu vander tril_indices tril_indices_from triu_indices triu_indices_from take select nanmin
nanmax ptp percentile nanpercentile quantile nanquantile average mean std var nanmedian nanmean
nanstd nanvar corrcoef correlate cov histogram bincount digitize bartlett blackman hamming hanning
kaiser dot vdot inner outer kron matmul trace apply_over_axes apply_along_axis array_equiv
array_repr array_str block broadcast_arrays broadcast_to compress diag_indices diag_indices_from
diagflat diagonal einsum einsum_path geomspace gradient histogram2d histogram_bin_edges histogramdd
i0 indices insert intersect1d iscomplex isin ix_ lexsort load save savez mask_indices nan_to_num
nanargmax nanargmin pad poly polyadd polyder polyfit polyint polymul polysub polyval resize
rollaxis roots rot90 setdiff1d setxor1d tensordot trim_zeros union1d unravel_index unwrap
take_along_axis delete acos acosh argpartition array_split asin asinh astype atan atan2 atanh
bitwise_count bitwise_invert bitwise_left_shift bitwise_right_shift choose concat copy
cumulative_prod cumulative_sum frombuffer fromfunction fromstring iscomplexobj isneginf isposinf
isrealobj matrix_transpose matvec partition permute_dims piecewise polydiv pow ravel_multi_index
sort_complex spacing trapezoid unique_all unique_counts unique_inverse unique_values packbits
unpackbits unstack vecdot vecmat
""".split()

# Objects re-exported unchanged (dtypes, constants, dtype helpers, index tricks).
_PASSTHROUGH = """
e pi inf nan euler_gamma newaxis dtype finfo iinfo uint8 uint16 uint32 uint64 int8 int16 int32 int64
float16 float32 float64 complex64 complex128 bool uint single double csingle cdouble generic number
integer signedinteger unsignedinteger inexact floating complexfloating character flexible object_
broadcast_shapes can_cast result_type promote_types issubdtype isdtype iterable vectorize
frompyfunc c_ r_ s_ index_exp mgrid ogrid printoptions get_printoptions set_printoptions ufunc
from_dlpack
""".split()

# NumPy 1.x names that jax.numpy no longer has -> the jax.numpy function with the same meaning.
_RENAMED = {
    "alltrue": "all",
    "sometrue": "any",
    "product": "prod",
    "cumproduct": "cumprod",
    "round_": "round",
    "fix": "trunc",
    "trapz": "trapezoid",
    "row_stack": "vstack",
}

# NumPy's in-place functions: (jax.numpy function, NumPy function).
_INPLACE = {
    "fill_diagonal": (jnp.fill_diagonal, np.fill_diagonal),
    "put": (jnp.put, np.put),
    "place": (jnp.place, np.place),
    "put_along_axis": (jnp.put_along_axis, np.put_along_axis),
}

_SPECIAL = ["in1d", "msort", "clip_by_norm", "remove_diag"]

__all__ = [*_WRAPPED, *_PASSTHROUGH, *_RENAMED, *_INPLACE, *_SPECIAL]

_namespace = globals()
# Made by NumPy and copied to the device in eager code (no compilation), see wrap_creation.
_CREATION = ("zeros", "ones", "empty", "full", "asarray", "array")

for _name in _WRAPPED:
    _wrap = wrap_creation if _name in _CREATION else wrap_function
    _namespace[_name] = _wrap(getattr(jnp, _name), _name)
for _name in _PASSTHROUGH:
    _namespace[_name] = getattr(jnp, _name)
for _name, _target in _RENAMED.items():
    _namespace[_name] = wrap_function(getattr(jnp, _target), _name)


def _inplace_function(name: str, jax_function: Callable, numpy_function: Callable) -> Callable:
    def function(a: Any, *args: Any, **kwargs: Any) -> None:
        args = tuple(unwrap_tree(x) for x in args)
        kwargs = {k: unwrap_tree(v) for k, v in kwargs.items()}
        if isinstance(a, JaxArray):
            a.value = jax_function(a.value, *args, inplace=False, **kwargs)
        elif isinstance(a, np.ndarray):
            numpy_function(a, *args, **kwargs)
        else:
            raise MathError(
                f"bm.{name} changes its first argument in place, so it must be a bm.JaxArray, a "
                f"bm.Variable or a numpy.ndarray, but got {type(a).__name__}. JAX arrays are "
                f"immutable: wrap it first, a = bm.asarray(a), or use jax.numpy.{name}(..., inplace=False)."
            )

    function.__name__ = function.__qualname__ = name
    function.__doc__ = (
        f"Same as ``numpy.{name}``: changes ``a`` (a JaxArray, Variable or NumPy array) in place and "
        f"returns None. For a Variable the shape and dtype are kept.\n\n{numpy_function.__doc__ or ''}"
    )
    return function


for _name, (_jax_function, _numpy_function) in _INPLACE.items():
    _namespace[_name] = _inplace_function(_name, _jax_function, _numpy_function)
del _namespace, _name, _wrap, _target, _jax_function, _numpy_function


def in1d(ar1: Any, ar2: Any, assume_unique: bool = False, invert: bool = False) -> JaxArray:
    r"""Test whether each element of a 1-D array is also present in a second array.

    Same as the NumPy 1.x ``numpy.in1d``: ``isin(ravel(ar1), ar2)``.

    Returns
    -------
    JaxArray
        Boolean array of ``ar1.size`` elements.
    """
    ar1, ar2 = unwrap_tree(ar1), unwrap_tree(ar2)
    return _new_jaxarray(jnp.isin(jnp.ravel(ar1), ar2, assume_unique=assume_unique, invert=invert))


def msort(a: Any) -> JaxArray:
    r"""Return a copy of ``a`` sorted along the first axis (``sort(a, axis=0)``)."""
    return _new_jaxarray(jnp.sort(unwrap_tree(a), axis=0))


def clip_by_norm(t: Any, clip_norm: float, axis: int | tuple[int, ...] | None = None) -> Any:
    r"""Clip every array of a pytree so that its L2 norm is at most ``clip_norm``.

    Each leaf :math:`x` becomes

    .. math:: x \cdot \frac{c}{\max(\lVert x \rVert_2, c)}

    where :math:`c` is ``clip_norm`` and the norm is taken over ``axis`` (all
    elements by default). Leaves with norm below :math:`c` are unchanged.

    Parameters
    ----------
    t : pytree of arrays
        For example a dict of gradients.
    clip_norm : float
        The maximum norm :math:`c`.
    axis : int or tuple of int, optional
        The axes of the norm (all axes by default).

    Returns
    -------
    pytree
        The same structure, with JaxArray leaves.
    """

    def clip(leaf: Any) -> JaxArray:
        x = jnp.asarray(unwrap_tree(leaf))
        norm = jnp.sqrt(jnp.sum(x * x, axis=axis, keepdims=True))
        return _new_jaxarray(x * clip_norm / jnp.maximum(norm, clip_norm))

    return jax.tree_util.tree_map(clip, t, is_leaf=lambda x: isinstance(x, JaxArray))


def remove_diag(arr: Any) -> JaxArray:
    r"""Remove the diagonal of a 2-D ``(n, m)`` matrix, giving an ``(n, m - 1)`` matrix.

    Row :math:`i` of the result is row :math:`i` of ``arr`` without element
    :math:`(i, i)` (rows beyond ``m`` keep their first ``m - 1`` elements' order).

    Raises
    ------
    brainpy.errors.MathError
        If ``arr`` is not two-dimensional.
    """
    x = jnp.asarray(unwrap_tree(arr))
    if x.ndim != 2:
        raise MathError(f"remove_diag needs a 2D matrix, but got an array of shape {x.shape} ({x.ndim}D).")
    n, m = x.shape
    if n > m:
        raise MathError(f"remove_diag needs a matrix with at most as many rows as columns, got shape {x.shape}.")
    keep = ~np.eye(n, m, dtype=bool)
    columns = np.nonzero(keep)[1].reshape(n, m - 1)
    return _new_jaxarray(jnp.take_along_axis(x, jnp.asarray(columns), axis=1))
