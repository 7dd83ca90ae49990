r"""``bm.vmap`` and ``bm.pmap``: vectorising and parallel maps that see through ``Base`` objects.

Variables are split in two groups: ``dyn_vars`` are shared by every batch
element (mapped with ``in_axes=None``), ``batched_vars`` carry a leading batch
axis (mapped along axis 0). Changes of ``batched_vars`` are written back per
element; changes of ``dyn_vars`` differ per element, so they are combined
with ``reduce_func`` (for example ``bm.mean``-like ``lambda x, axis: x.mean(axis)``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax

from brainpy.errors import ArgumentTypeError, MathError
from brainpy.math import _varcollect as vc

__all__ = ["vmap", "pmap"]


def _build(
    mapper: Callable,
    name: str,
    func: Callable,
    dyn_vars: Any,
    batched_vars: Any,
    in_axes: Any,
    out_axes: Any,
    axis_name: Any,
    reduce_func: Callable | None,
    auto_infer: bool,
    extra: dict[str, Any],
) -> Callable:
    if not callable(func):
        raise ArgumentTypeError(
            f"bm.{name}() needs a function, Base object or bound method, but got {type(func).__name__}."
        )
    batched = vc.collect_vars(batched_vars, "batched_vars")
    dyn = vc.collect_vars(dyn_vars)
    if auto_infer:
        dyn = vc.merge(dyn, vc.infer_vars(func))
    dyn = vc.exclude(dyn, batched)
    if not dyn and not batched:
        mapped = mapper(func, in_axes=in_axes, out_axes=out_axes, axis_name=axis_name, **extra)

        def plain(*args: Any, **kwargs: Any) -> Any:
            return mapped(*args, **kwargs)

        plain.__wrapped__ = func
        return plain
    nd = len(dyn)
    variables = dyn + batched

    def pure(dyn_values: list, batched_values: list, *args: Any) -> Any:
        out, new = vc.call_with(variables, list(dyn_values) + list(batched_values), func, *args)
        return out, new[:nd], new[nd:]

    cache: dict[int, Callable] = {}

    def call(*args: Any) -> Any:
        n = len(args)
        if n not in cache:
            axes = tuple(in_axes) if isinstance(in_axes, (tuple, list)) else (in_axes,) * n
            if len(axes) != n:
                raise MathError(f"in_axes={in_axes} has {len(axes)} entries, but {n} arguments were given.")
            dyn_out = 0 if reduce_func is not None else None
            cache[n] = mapper(
                pure, in_axes=(None, 0, *axes), out_axes=(out_axes, dyn_out, 0), axis_name=axis_name, **extra
            )
        try:
            out, new_dyn, new_batched = cache[n]([v._value for v in dyn], [v._value for v in batched], *args)
        except ValueError as exc:
            if "out_axes" in str(exc) or "mapped" in str(exc):
                raise MathError(
                    f"A shared Variable (dyn_vars) was changed differently for each batch element in "
                    f"bm.{name}(). Declare it in 'batched_vars' (with a leading batch axis), or give "
                    f"'reduce_func' (e.g. lambda x, axis: x.mean(axis)) to combine the changes."
                ) from exc
            raise
        if reduce_func is not None:
            new_dyn = [reduce_func(x, axis=0) for x in new_dyn]
        vc.write(dyn, new_dyn)
        vc.write(batched, new_batched)
        return out

    call.__wrapped__ = func
    return call


def vmap(
    func: Callable,
    dyn_vars: Any = None,
    batched_vars: Any = None,
    in_axes: Any = 0,
    out_axes: Any = 0,
    axis_name: Any = None,
    reduce_func: Callable | None = None,
    auto_infer: bool = False,
) -> Callable:
    r"""Vectorising map of a function, ``Base`` object or bound method (:func:`jax.vmap`).

    Parameters
    ----------
    func : callable, Base
        The target.
    dyn_vars : Variable, sequence, dict or TensorCollector, optional
        Variables shared by all batch elements.
    batched_vars : Variable, sequence, dict or TensorCollector, optional
        Variables with a leading batch axis.
    in_axes, out_axes, axis_name
        As in :func:`jax.vmap` (``in_axes`` covers the positional arguments).
    reduce_func : callable, optional
        ``reduce_func(x, axis=0)`` combines per-element changes of ``dyn_vars``.
    auto_infer : bool
        Add the Variables of an object or bound method to ``dyn_vars``.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> bm.vmap(lambda p, x: p * x, in_axes=(None, 0))(2., bm.arange(3.))
    JaxArray([0., 2., 4.], dtype=float32)
    """
    return _build(
        jax.vmap, "vmap", func, dyn_vars, batched_vars, in_axes, out_axes, axis_name, reduce_func, auto_infer, {}
    )


def pmap(
    func: Callable,
    dyn_vars: Any = None,
    batched_vars: Any = None,
    axis_name: Any = None,
    in_axes: Any = 0,
    out_axes: Any = 0,
    static_broadcasted_argnums: Any = (),
    devices: Any = None,
    reduce_func: Callable | None = None,
    auto_infer: bool = False,
) -> Callable:
    r"""Parallel map over devices of a function, ``Base`` object or bound method (:func:`jax.pmap`).

    Arguments as :func:`vmap`; the leading axis of the mapped inputs must not
    exceed the number of devices. ``static_broadcasted_argnums`` and
    ``devices`` are passed to :func:`jax.pmap` (for plain functions).
    """
    extra: dict[str, Any] = {"devices": devices}
    if static_broadcasted_argnums:
        extra["static_broadcasted_argnums"] = static_broadcasted_argnums
    return _build(
        jax.pmap, "pmap", func, dyn_vars, batched_vars, in_axes, out_axes, axis_name, reduce_func, auto_infer, extra
    )
