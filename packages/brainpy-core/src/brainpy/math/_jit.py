r"""``bm.jit``: just-in-time compilation of functions, ``Base`` objects and bound methods.

The Variables the target uses (``dyn_vars``; found automatically from
``Base.vars()`` for objects and bound methods) become explicit inputs and
outputs of one pure function compiled with :func:`jax.jit`. Each call passes
their current values in and writes the new values back, so in-place updates
inside the compiled code survive. JAX caches the compilation: it happens
once per distinct set of input shapes and static arguments.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Any

import jax

from brainpy.base._function import Function
from brainpy.errors import ArgumentTypeError, ConcretizationTypeError
from brainpy.math import _varcollect as vc
from brainpy.math._parallels import pmap, vmap

__all__ = ["jit", "Function", "function", "vmap", "pmap"]


def _as_tuple(x: Any) -> tuple:
    if x is None:
        return ()
    if isinstance(x, (int, str)):
        return (x,)
    return tuple(x)


def _shifted_signature(target: Callable) -> inspect.Signature | None:
    """The target's signature with one leading positional parameter for the Variables' values."""
    try:
        sig = inspect.signature(target)
    except (TypeError, ValueError):
        return None
    first = inspect.Parameter("__brainpy_var_values__", inspect.Parameter.POSITIONAL_ONLY)
    params = list(sig.parameters.values())
    try:
        return sig.replace(parameters=[first, *params])
    except ValueError:
        return None


def jit(
    func: Callable | None = None,
    dyn_vars: Any = None,
    static_argnums: int | Sequence[int] | None = None,
    static_argnames: str | Sequence[str] | None = None,
    device: Any = None,
    auto_infer: bool = True,
    **jit_kwargs: Any,
) -> Callable:
    r"""JIT-compile a function, a ``brainpy.Base`` object or a bound method.

    Parameters
    ----------
    func : callable, Base
        The target. A ``Base`` object is compiled through its ``__call__``.
        Used as ``@bm.jit`` or ``functools.partial(bm.jit, ...)`` it may be omitted.
    dyn_vars : Variable, JaxArray, sequence, dict or TensorCollector, optional
        The arrays whose values change between or during calls. Everything
        else the target reads is compiled as a constant. Default: for an
        object or bound method, ``obj.vars().unique()``; for a function, none.
    static_argnums : int or sequence of int, optional
        Positions of arguments that are compile-time constants.
    static_argnames : str or sequence of str, optional
        Names of keyword arguments that are compile-time constants (pass them
        by keyword: ``f_jit(x=1.)``). Each new value recompiles.
    device : optional
        Kept for compatibility with BrainPy 2.1 (placement follows JAX's defaults).
    auto_infer : bool
        Whether to find the Variables of an object or bound method automatically
        (added to ``dyn_vars``).
    **jit_kwargs
        Passed on to :func:`jax.jit` (for example ``donate_argnums``).

    Returns
    -------
    function
        A plain Python function (``types.FunctionType``) with the target's signature.

    Raises
    ------
    brainpy.errors.ConcretizationTypeError
        When a Python ``if`` (or ``bool()``) depends on a traced Variable or
        argument of an object or of a function with ``dyn_vars``.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> class Counter(bp.Base):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.n = bm.Variable(bm.zeros(1))
    ...     def __call__(self, x):
    ...         self.n += x
    ...         return self.n.value
    >>> c = bm.jit(Counter())
    >>> c(2.)
    Array([2.], dtype=float32)
    """
    if func is None:
        return functools.partial(
            jit,
            dyn_vars=dyn_vars,
            static_argnums=static_argnums,
            static_argnames=static_argnames,
            device=device,
            auto_infer=auto_infer,
            **jit_kwargs,
        )
    if not callable(func):
        raise ArgumentTypeError(
            f"bm.jit() compiles a function, a Base object or a bound method, but got {type(func).__name__}."
        )
    del device
    variables = vc.collect_vars(dyn_vars)
    if auto_infer:
        variables = vc.merge(variables, vc.infer_vars(func))
    convert_errors = bool(variables) or vc.is_object_target(func)
    static_argnums = _as_tuple(static_argnums)
    static_argnames = _as_tuple(static_argnames)
    for i in static_argnums:
        if not isinstance(i, int) or isinstance(i, bool):
            raise ArgumentTypeError(f"static_argnums must be ints, but got {i!r}.")
    for n in static_argnames:
        if not isinstance(n, str):
            raise ArgumentTypeError(f"static_argnames must be strings, but got {n!r}.")
    target = func

    def pure(var_values: list, *args: Any, **kwargs: Any) -> tuple[Any, list]:
        return vc.call_with(variables, var_values, target, *args, **kwargs)

    signature = _shifted_signature(target)
    if signature is not None:
        pure.__signature__ = signature  # lets jax.jit map static names <-> positions
    try:
        compiled = jax.jit(
            pure,
            static_argnums=tuple(i + 1 if i >= 0 else i for i in static_argnums),
            static_argnames=static_argnames or None,
            **jit_kwargs,
        )
    except ValueError:  # the signature does not fit (e.g. *args): static names only
        pure.__signature__ = None
        compiled = jax.jit(
            pure,
            static_argnums=tuple(i + 1 for i in static_argnums),
            static_argnames=static_argnames or None,
            **jit_kwargs,
        )

    def call(*args: Any, **kwargs: Any) -> Any:
        values = [v._value for v in variables]
        try:
            out, new = compiled(values, *args, **kwargs)
        except jax.errors.ConcretizationTypeError as exc:
            if convert_errors:
                raise ConcretizationTypeError() from exc
            raise
        for v, x in zip(variables, new):
            v._value = x
        return out

    name = getattr(func, "__name__", type(func).__name__)
    call.__name__ = call.__qualname__ = name if isinstance(name, str) else "jitted"
    call.__doc__ = getattr(func, "__doc__", None)
    call.__wrapped__ = func
    call.dyn_vars = variables
    return call


def function(f: Callable | None = None, nodes: Any = None, dyn_vars: Any = None, name: str | None = None) -> Any:
    r"""Wrap a Python function as a :class:`brainpy.base.Function` node.

    Usable as ``bm.function(f, nodes=..., dyn_vars=...)`` or as a decorator
    ``@bm.function(nodes=...)``.

    Parameters
    ----------
    f : callable, optional
        The function.
    nodes : Base, sequence or dict of Base, optional
        The objects whose Variables the function uses.
    dyn_vars : Variable, sequence or dict, optional
        Further Variables the function uses.
    name : str, optional
        The node name.

    Returns
    -------
    Function
    """
    if f is None:
        return lambda fun: Function(fun, nodes=nodes, dyn_vars=dyn_vars, name=name)
    return Function(f, nodes=nodes, dyn_vars=dyn_vars, name=name)
