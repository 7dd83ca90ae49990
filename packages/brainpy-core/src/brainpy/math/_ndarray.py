r"""``JaxArray`` (alias ``ndarray``), ``Variable``, ``TrainVar`` and ``Parameter``.

A :class:`JaxArray` wraps an immutable JAX array and gives it NumPy's mutable
interface: index and slice assignment and augmented assignment replace the
wrapped array by an updated one, so the Python object keeps its identity.
Arithmetic, broadcasting and the ``brainpy.math`` functions return new JaxArrays;
indexing returns the raw JAX array (as the spec shows).

A :class:`Variable` is a JaxArray whose value is *state*: transformations such as
``bm.jit`` thread it through the compiled function, so its in-place updates
survive compilation. ``.value = x`` and ``.update(x)`` check that the new value
keeps the shape and dtype.

Every class here (and every subclass, automatically) is a JAX pytree with the
wrapped array as its only leaf, so JaxArrays can be passed to ``jax.jit`` and to
``jax.numpy`` functions (through ``__jax_array__``).

**Raw value slot (for transformations).** The wrapped array lives in the
attribute ``_value``. Transformations that swap a Variable's value for a tracer
while tracing, and back afterwards, assign ``var._value = new`` directly: this
does no checks and no conversion.

**Eager conversions compile nothing.** Outside any JAX transformation, NumPy data
(``JaxArray(np_array)``, ``Variable(np_array)``, ``bm.asarray(np_array)``) is
copied to the device with ``jax.device_put`` and converted to JAX's canonical
dtype by NumPy, where ``jax.numpy.asarray`` would compile a small XLA program for
every new shape. ``x[:] = y`` and ``x[...] = y`` with an array ``y`` of the same
shape and dtype store ``y`` as assigning ``.value`` does (no scatter is compiled;
a weakly typed ``y`` only replaces weakly typed data). Inside a
trace the ``jax.numpy`` operations are used, as before.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy._compat import in_trace, is_tracer
from brainpy.errors import MathError
from brainpy.math._numpy_methods import NDArrayMethods, unwrap

__all__ = [
    "JaxArray",
    "ndarray",
    "Variable",
    "TrainVar",
    "Parameter",
    "as_jax",
    "as_device_array",
    "as_numpy",
    "as_jaxarray",
    "as_variable",
]


def _to_jax(value: Any, dtype: Any = None) -> Any:
    if isinstance(value, NDArrayMethods):
        value = value._value
    elif isinstance(value, (list, tuple)):
        value = jnp.asarray([_to_jax(v) for v in value], dtype=dtype)
    if is_tracer(value) or isinstance(value, jax.Array):
        return value if dtype is None or value.dtype == jnp.dtype(dtype) else value.astype(dtype)
    moved = host_to_device(value, dtype)
    return moved if moved is not None else jnp.asarray(value, dtype=dtype)


_PY_SCALARS = (bool, int, float, complex)


def requested_dtype(dtype: Any) -> np.dtype | None:
    """The dtype ``jax.numpy`` creates for a requested numeric ``dtype``; None where it would warn.

    A NumPy 64-bit dtype requested while 64-bit mode is off makes ``jax.numpy`` warn
    and truncate; callers then take the ``jax.numpy`` path, so the warning is kept.
    """
    try:
        wanted = np.dtype(dtype)
    except TypeError:
        return None
    if wanted.kind not in "biufc":
        return None
    target = np.dtype(jax.dtypes.canonicalize_dtype(wanted))
    if target != wanted and not any(dtype is t for t in _PY_SCALARS):
        return None
    return target


def host_to_device(value: Any, dtype: Any = None) -> jax.Array | None:
    """``jnp.asarray(value, dtype)`` for a numeric NumPy array or scalar in eager code, compiling nothing.

    NumPy converts (or copies) the data to the dtype ``jax.numpy`` would give and
    ``jax.device_put`` moves the private copy. Returns None where this shortcut does
    not apply (inside a trace, other inputs such as NumPy subclasses, casts across
    kinds or that overflow), so the caller uses ``jax.numpy``.
    """
    if not (type(value) is np.ndarray or isinstance(value, np.generic)) or value.dtype.kind not in "biufc":
        return None
    if in_trace():
        return None
    if dtype is None:
        target = np.dtype(jax.dtypes.canonicalize_dtype(value.dtype))
    else:
        target = requested_dtype(dtype)
        if target is None or not np.can_cast(value.dtype, target, "same_kind"):
            return None
    try:
        with np.errstate(all="raise"):
            # a private copy: on CPU device_put may share the buffer, which the caller could change
            value = np.array(value, dtype=target, copy=True)
    except FloatingPointError:  # overflow: let jax.numpy decide
        return None
    return jax.device_put(value)


def _is_full_index(index: Any) -> bool:
    if type(index) is tuple and len(index) == 1:
        index = index[0]
    if type(index) is slice:
        return index.start is None and index.stop is None and index.step is None
    return index is Ellipsis


def _full_replacement(old: Any, index: Any, value: Any) -> Any:
    """The new data for ``x[:] = value``/``x[...] = value`` when it can simply replace ``old``, else None.

    Only in eager code, and only for a JAX or NumPy array of the same shape and dtype as
    ``old``, as assigning ``.value`` would store it; a weakly typed value must replace a
    weakly typed one (a weak type is never introduced). Anything else is scattered.
    """
    if not _is_full_index(index) or is_tracer(old) or in_trace():
        return None
    value = unwrap(value)
    if isinstance(value, (np.ndarray, np.generic)):
        value = host_to_device(value)
    if not isinstance(value, jax.Array) or is_tracer(value):
        return None
    if value.shape != old.shape or value.dtype != old.dtype or (value.weak_type and not old.weak_type):
        return None
    return value


def _mutation_in_jit_error(obj: JaxArray) -> MathError:
    return MathError(
        f"A plain {type(obj).__name__} of shape {obj.shape} and dtype {obj.dtype} is being changed "
        f"in place with a traced value (inside bm.jit, jax.jit, a loop or a gradient). Such arrays "
        f"are compiled as constants, so the change would be lost. Make it a state variable: "
        f"x = bm.Variable(x) (and pass it in 'dyn_vars' or make it an attribute of the jitted object)."
    )


class JaxArray(NDArrayMethods):
    r"""A NumPy-like array on JAX that supports in-place updates.

    Parameters
    ----------
    value : array_like
        A JAX array, NumPy array, JaxArray, scalar or (nested) list of these.
    dtype : dtype, optional
        Convert the data to this type.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> b = bm.arange(5)
    >>> b[0] += 5
    >>> b
    JaxArray([5, 1, 2, 3, 4], dtype=int32)
    """

    __slots__ = ("_value",)
    __array_priority__ = 100

    def __init__(self, value: Any, dtype: Any = None) -> None:
        self._value = _to_jax(value, dtype)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        jax.tree_util.register_pytree_node(cls, _flatten, _make_unflatten(cls))

    # ---- value -------------------------------------------------------------------
    @property
    def value(self) -> jax.Array:
        """The wrapped JAX array. Assigning it replaces the data (checked for Variables)."""
        return self._value

    @value.setter
    def value(self, new: Any) -> None:
        self._set(_to_jax(new))

    def update(self, value: Any) -> None:
        """Replace the data by ``value`` (same checks as assigning ``.value``)."""
        self._set(_to_jax(value))

    def _set(self, new: Any) -> None:
        if is_tracer(new) and not is_tracer(self._value):
            raise _mutation_in_jit_error(self)
        self._value = new

    def _wrap_tree(self, result: Any) -> Any:
        if isinstance(result, jax.Array) or is_tracer(result):
            return _new_jaxarray(result)
        if isinstance(result, (tuple, list)):
            return type(result)(self._wrap_tree(r) for r in result)
        return result

    # ---- NumPy / JAX interoperation ------------------------------------------------
    def __jax_array__(self) -> jax.Array:
        return self._value

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
        return np.asarray(self._value, dtype=dtype)

    def __repr__(self) -> str:
        return _format_repr(type(self).__name__, self._value)

    def __format__(self, spec: str) -> str:
        return format(self._value, spec) if spec else repr(self)

    # ---- Python protocol ---------------------------------------------------------
    def __len__(self) -> int:
        return len(self._value)

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self._value)):
            yield self._value[i]

    def __contains__(self, item: Any) -> bool:
        return bool((self._value == unwrap(item)).any())

    def __bool__(self) -> bool:
        return bool(self._value)

    def __float__(self) -> float:
        return float(self._value)

    def __int__(self) -> int:
        return int(self._value)

    def __complex__(self) -> complex:
        return complex(self._value)

    def __index__(self) -> int:
        return operator.index(self._value)

    def __round__(self, ndigits: int | None = None) -> Any:
        return round(self._value) if ndigits is None else _new_jaxarray(jnp.round(self._value, ndigits))

    def __neg__(self) -> JaxArray:
        return _new_jaxarray(-self._value)

    def __pos__(self) -> JaxArray:
        return _new_jaxarray(+self._value)

    def __abs__(self) -> JaxArray:
        return _new_jaxarray(abs(self._value))

    def __invert__(self) -> JaxArray:
        return _new_jaxarray(~self._value)

    # ---- indexing ----------------------------------------------------------------
    def __getitem__(self, index: Any) -> jax.Array:
        return self._value[_index(index)]

    def __setitem__(self, index: Any, value: Any) -> None:
        new = _full_replacement(self._value, index, value)
        self._set(new if new is not None else self._value.at[_index(index)].set(unwrap(value)))

    __hash__ = None  # type: ignore[assignment]  # like numpy.ndarray; Variables hash by identity


def _index(index: Any) -> Any:
    if isinstance(index, tuple):
        return tuple(_index_item(i) for i in index)
    return _index_item(index)


def _index_item(item: Any) -> Any:
    if isinstance(item, NDArrayMethods):
        return item._value
    if isinstance(item, list):  # NumPy: a list of integers or booleans is an array index
        return jnp.asarray(unwrap(item))
    return item


def _new_jaxarray(value: Any) -> JaxArray:
    obj = object.__new__(JaxArray)
    obj._value = value
    return obj


def _flatten(x: JaxArray) -> tuple[tuple[Any], None]:
    return (x._value,), None


def _make_unflatten(cls: type) -> Callable:
    def unflatten(aux: None, children: Any) -> Any:
        obj = object.__new__(cls)
        obj._value = children[0]
        return obj

    return unflatten


jax.tree_util.register_pytree_node(JaxArray, _flatten, _make_unflatten(JaxArray))


def _format_repr(name: str, value: Any) -> str:
    if is_tracer(value):
        return f"{name}({value!r})"
    prefix = f"{name}("
    aval = getattr(value, "aval", None)
    dtype_str = f"dtype={value.dtype.name}"
    if aval is not None and getattr(aval, "weak_type", False):
        dtype_str += ", weak_type=True"
    if value.size == 0:
        body = f"[], shape={value.shape}"
    else:
        body = np.array2string(np.asarray(value), prefix=prefix, suffix=",", separator=", ")
    return f"{prefix}{body}, {dtype_str})"


# ---- binary operators, built from one table -------------------------------------------
_BINARY = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "truediv": operator.truediv,
    "floordiv": operator.floordiv,
    "mod": operator.mod,
    "pow": operator.pow,
    "matmul": operator.matmul,
    "and": operator.and_,
    "or": operator.or_,
    "xor": operator.xor,
    "lshift": operator.lshift,
    "rshift": operator.rshift,
}
_COMPARE = {
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "eq": operator.eq,
    "ne": operator.ne,
}


def _binary(op: Callable, name: str) -> Callable:
    def method(self, other):
        return _new_jaxarray(op(self._value, unwrap(other)))

    method.__name__ = f"__{name}__"
    return method


def _reflected(op: Callable, name: str) -> Callable:
    def method(self, other):
        return _new_jaxarray(op(unwrap(other), self._value))

    method.__name__ = f"__r{name}__"
    return method


def _inplace(op: Callable, name: str) -> Callable:
    def method(self, other):
        self._set_inplace(op(self._value, unwrap(other)))
        return self

    method.__name__ = f"__i{name}__"
    return method


def _set_inplace_array(self: JaxArray, new: Any) -> None:
    self._set(new)


JaxArray._set_inplace = _set_inplace_array
for _name, _op in _BINARY.items():
    setattr(JaxArray, f"__{_name}__", _binary(_op, _name))
    setattr(JaxArray, f"__r{_name}__", _reflected(_op, _name))
    setattr(JaxArray, f"__i{_name}__", _inplace(_op, _name))
for _name, _op in _COMPARE.items():
    setattr(JaxArray, f"__{_name}__", _binary(_op, _name))
JaxArray.__divmod__ = lambda self, other: (self // other, self % other)
JaxArray.__rdivmod__ = lambda self, other: (
    _new_jaxarray(unwrap(other) // self._value),
    _new_jaxarray(unwrap(other) % self._value),
)
del _name, _op

#: ``bm.ndarray`` is ``bm.JaxArray``.
ndarray = JaxArray


class Variable(JaxArray):
    r"""A state variable: a JaxArray whose value may change inside compiled code.

    Anything not marked as a Variable is compiled as a constant by ``bm.jit``.
    Update a Variable in place (``v[...] = x``, ``v += x``, ``v.value = x`` or
    ``v.update(x)``); assigning ``.value`` or calling ``.update`` requires the
    same shape and dtype. Operations on a Variable return plain JaxArrays.

    Parameters
    ----------
    value : array_like
        The initial data.
    dtype : dtype, optional
        Convert the data to this type.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> v = bm.Variable(bm.arange(4))
    >>> v[0] = 10
    >>> v[1:3] = 9
    >>> v
    Variable([10,  9,  9,  3], dtype=int32)
    """

    def __init__(self, value: Any, dtype: Any = None) -> None:
        super().__init__(value, dtype)

    def __hash__(self) -> int:
        return id(self)

    def _set(self, new: Any) -> None:
        old = self._value
        if tuple(new.shape) != tuple(old.shape):
            raise MathError(f"The shape of the original data is {tuple(old.shape)}, while we got {tuple(new.shape)}.")
        if new.dtype != old.dtype:
            raise MathError(f"The dtype of the original data is {old.dtype}, while we got {new.dtype}.")
        self._value = new

    def _set_inplace(self, new: Any) -> None:
        old = self._value
        if tuple(new.shape) != tuple(old.shape):
            raise MathError(
                f"In-place update of a {type(self).__name__} cannot change its shape: the original "
                f"shape is {tuple(old.shape)}, the result has shape {tuple(new.shape)}."
            )
        self._value = new if new.dtype == old.dtype else new.astype(old.dtype)

    def __setitem__(self, index: Any, value: Any) -> None:
        new = _full_replacement(self._value, index, value)
        self._value = new if new is not None else self._value.at[_index(index)].set(unwrap(value))


class TrainVar(Variable):
    r"""A trainable Variable (its gradients are computed by trainers and optimizers)."""

    __slots__ = ()


class Parameter(Variable):
    r"""A dynamically changed parameter, retrievable with ``Collector.subset(bm.Parameter)``."""

    __slots__ = ()


# ---- conversions ---------------------------------------------------------------------
def as_jax(x: Any, dtype: Any = None) -> jax.Array:
    r"""Convert ``x`` (JaxArray, NumPy or JAX array, scalar, list) to a JAX array."""
    return _to_jax(x, dtype)


def as_device_array(x: Any, dtype: Any = None) -> jax.Array:
    r"""Convert ``x`` to a JAX device array (same as :func:`as_jax`)."""
    return _to_jax(x, dtype)


def as_numpy(x: Any, dtype: Any = None) -> np.ndarray:
    r"""Convert ``x`` (JaxArray, JAX array, list, ...) to a NumPy array."""
    if isinstance(x, NDArrayMethods):
        x = x._value
    return np.asarray(x, dtype=dtype)


def as_jaxarray(x: Any, dtype: Any = None) -> JaxArray:
    r"""Convert ``x`` to a :class:`JaxArray` (a Variable is returned as a new JaxArray)."""
    return _new_jaxarray(_to_jax(x, dtype))


def as_variable(x: Any, dtype: Any = None) -> Variable:
    r"""Wrap ``x`` into a new :class:`Variable`."""
    return Variable(x, dtype=dtype)
