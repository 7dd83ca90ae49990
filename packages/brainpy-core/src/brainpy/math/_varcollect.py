r"""The one mechanism that lets JAX transformations see through BrainPy objects.

Every object-aware transformation (``bm.jit``, ``bm.grad`` and friends,
``bm.vmap``/``bm.pmap``, the Variable-aware loops and conditionals) does the
same three things, implemented here once:

1. :func:`collect_vars` turns whatever the user gave as ``dyn_vars`` /
   ``grad_vars`` (a Variable, a JaxArray, a list/tuple/dict of them, a
   ``TensorCollector``, a ``Base`` object) into a flat list of distinct arrays;
   :func:`infer_vars` finds them for a ``Base`` object or a bound method of one.
2. :func:`read` takes their current JAX values, which become explicit inputs
   of a pure function.
3. Inside that pure function :func:`swapped` installs the traced values into
   the Variables, runs the user's code, reads back the new values, and always
   restores the old ones, so no tracer leaks out of a transformation.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

import jax

from brainpy.errors import ArgumentTypeError
from brainpy.math._ndarray import JaxArray

__all__: list[str] = []


def _base_class() -> type:
    from brainpy.base._base import Base

    return Base


def collect_vars(dyn_vars: Any, what: str = "dyn_vars") -> list[JaxArray]:
    r"""Flatten ``dyn_vars`` into a list of distinct JaxArrays/Variables (first occurrence kept).

    Raises
    ------
    TypeError
        If an element is neither a JaxArray nor a container of JaxArrays.
    """
    out: list[JaxArray] = []
    seen: set[int] = set()  # ids of objects kept alive by ``out`` during this call

    def add(x: Any) -> None:
        if x is None:
            return
        if isinstance(x, JaxArray):
            if id(x) not in seen:
                seen.add(id(x))
                out.append(x)
        elif isinstance(x, _base_class()):
            for v in x.vars().values():
                add(v)
        elif isinstance(x, Mapping):
            for v in x.values():
                add(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                add(v)
        else:
            raise ArgumentTypeError(
                f"{what} must be a bm.Variable (or JaxArray), or a list, tuple or dict of them, or a "
                f"TensorCollector such as model.vars(), but it contains a {type(x).__name__}: {x!r}."
            )

    add(dyn_vars)
    return out


def infer_vars(target: Any) -> list[JaxArray]:
    r"""The Variables of ``target`` if it is a ``Base`` object or a bound method of one, else ``[]``."""
    base = _base_class()
    if isinstance(target, base):
        return collect_vars(target.vars().unique())
    owner = getattr(target, "__self__", None)
    if isinstance(owner, base):
        return collect_vars(owner.vars().unique())
    return []


def is_object_target(target: Any) -> bool:
    """Whether ``target`` is a ``Base`` object or a bound method of one."""
    base = _base_class()
    return isinstance(target, base) or isinstance(getattr(target, "__self__", None), base)


def merge(*groups: list[JaxArray]) -> list[JaxArray]:
    """Concatenate lists of arrays, keeping the first occurrence of each object."""
    out: list[JaxArray] = []
    seen: set[int] = set()
    for group in groups:
        for v in group:
            if id(v) not in seen:
                seen.add(id(v))
                out.append(v)
    return out


def exclude(group: list[JaxArray], remove: list[JaxArray]) -> list[JaxArray]:
    """``group`` without the objects of ``remove``."""
    ids = {id(v) for v in remove}
    return [v for v in group if id(v) not in ids]


def read(variables: list[JaxArray]) -> list[Any]:
    """The current JAX values of ``variables``."""
    return [v._value for v in variables]


def write(variables: list[JaxArray], values: list[Any]) -> None:
    """Install ``values`` into ``variables`` (no checks; values come from a transformation)."""
    for v, x in zip(variables, values):
        v._value = x


@contextlib.contextmanager
def swapped(variables: list[JaxArray], values: list[Any]) -> Iterator[None]:
    r"""Install ``values`` for the duration of the block, then restore the old values."""
    old = [v._value for v in variables]
    for v, x in zip(variables, values):
        v._value = x
    try:
        yield
    finally:
        for v, x in zip(variables, old):
            v._value = x


def call_with(variables: list[JaxArray], values: list[Any], fun: Any, *args: Any, **kwargs: Any) -> tuple[Any, list]:
    r"""Run ``fun`` with ``values`` installed; return ``(result, new values)`` and restore the old values."""
    with swapped(variables, values):
        result = fun(*args, **kwargs)
        # rebuild returned JaxArrays/Variables now, while they still hold the traced values
        result = jax.tree_util.tree_map(lambda x: x, result)
        new = [v._value for v in variables]
    return result, new


def unwrap(x: Any) -> Any:
    """The JAX array inside a JaxArray; anything else unchanged."""
    return x._value if isinstance(x, JaxArray) else x
