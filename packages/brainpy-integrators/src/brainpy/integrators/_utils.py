r"""Helpers shared by every integrator: reading a derivative's signature, binding a
call's arguments, and moving between ``bm.JaxArray`` and plain JAX arrays."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
from brainpy.errors import DiffEqError, IntegratorError

__all__ = ["FuncSignature", "read_signature", "bind_call", "unwrap", "wrap_like", "is_jaxarray", "as_tuple"]


@dataclasses.dataclass(frozen=True)
class FuncSignature:
    r"""The argument structure of a derivative function ``f(x, y, t, p1, p2)``.

    Parameters
    ----------
    variables : tuple of str
        The arguments before ``t`` (the state variables).
    parameters : tuple of str
        The named arguments after ``t``.
    defaults : dict
        Default values of parameters.
    var_positional : bool
        Whether ``f`` accepts ``*args`` after ``t``.
    var_keyword : bool
        Whether ``f`` accepts ``**kwargs``.
    """

    variables: tuple[str, ...]
    parameters: tuple[str, ...]
    defaults: dict[str, Any] = dataclasses.field(default_factory=dict)
    var_positional: bool = False
    var_keyword: bool = False


def read_signature(f: Callable[..., Any], what: str = "derivative function") -> FuncSignature:
    r"""Split ``f``'s arguments into variables (before ``t``) and parameters (after ``t``).

    Objects that declare ``variables`` and ``parameters`` attributes (such as
    :class:`brainpy.JointEq`) are read from those attributes.

    Raises
    ------
    brainpy.errors.DiffEqError
        If ``f`` is not callable, has no argument ``t``, or has no variable before ``t``.
    """
    if isinstance(getattr(f, "signature", None), FuncSignature):
        return f.signature
    if not callable(f):
        raise DiffEqError(f"The {what} must be a callable f(x, ..., t, *params), but got {type(f).__name__}: {f!r}.")
    try:
        params = list(inspect.signature(f).parameters.values())
    except (TypeError, ValueError) as err:
        raise DiffEqError(f"Cannot read the arguments of the {what} {f!r}: {err}") from err
    names = [p.name for p in params]
    if "t" not in names:
        raise DiffEqError(
            f"The {what} {getattr(f, '__name__', f)!r} has arguments {tuple(names)}, but no argument named 't'. "
            f"Write it as f(x, y, t, p1, p2): the variables before 't', the parameters after it."
        )
    idx = names.index("t")
    before, after = params[:idx], params[idx + 1 :]
    if not before or any(p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in before):
        raise DiffEqError(
            f"The {what} {getattr(f, '__name__', f)!r} must have at least one named variable before 't', "
            f"but its arguments are {tuple(names)}. Write it as f(x, t, ...)."
        )
    parameters = tuple(p.name for p in after if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))
    defaults = {p.name: p.default for p in after if p.default is not p.empty}
    return FuncSignature(
        variables=tuple(p.name for p in before),
        parameters=parameters,
        defaults=defaults,
        var_positional=any(p.kind == p.VAR_POSITIONAL for p in after),
        var_keyword=any(p.kind == p.VAR_KEYWORD for p in after),
    )


def bind_call(
    sig: FuncSignature,
    args: Sequence[Any],
    kwargs: dict[str, Any],
    default_dt: float,
    owner: str,
    extra: Sequence[str] = (),
) -> tuple[tuple[Any, ...], Any, tuple[Any, ...], dict[str, Any], Any, dict[str, Any]]:
    r"""Bind ``integral(*vars, t, *params, dt=dt)`` to its parts.

    Returns ``(variables, t, positional parameters, keyword parameters, dt, extra)``
    where ``extra`` holds the values of the additional trailing names (after ``dt``).
    """
    order = list(sig.variables) + ["t"] + list(sig.parameters) + ["dt", *extra]
    values: dict[str, Any] = {}
    args = list(args)
    n_fixed = len(sig.variables) + 1 + len(sig.parameters)
    star: list[Any] = []
    if sig.var_positional and len(args) > n_fixed:
        star = args[n_fixed:]
        args = args[:n_fixed]
    if len(args) > len(order):
        raise IntegratorError(
            f"{owner} takes at most {len(order)} positional arguments {tuple(order)}, but {len(args)} were given."
        )
    for name, value in zip(order, args):
        values[name] = value
    kw_extra: dict[str, Any] = {}
    for name, value in kwargs.items():
        if name in values:
            raise IntegratorError(f"{owner} got multiple values for the argument {name!r}.")
        if name in order:
            values[name] = value
        elif sig.var_keyword:
            kw_extra[name] = value
        else:
            raise IntegratorError(
                f"{owner} got an unexpected keyword argument {name!r}. Its arguments are {tuple(order)}."
            )
    missing = [n for n in order if n not in values and n not in sig.defaults and n not in ("dt", *extra)]
    if missing:
        raise IntegratorError(
            f"{owner} is missing the argument(s) {tuple(missing)}. Call it as integral({', '.join(order)})."
        )
    ys = tuple(values[n] for n in sig.variables)
    params = tuple(values.get(n, sig.defaults.get(n)) for n in sig.parameters) + tuple(star)
    dt = values.get("dt", default_dt)
    if dt is None:
        dt = default_dt
    return ys, values["t"], params, kw_extra, dt, {n: values.get(n) for n in extra}


def is_jaxarray(x: Any) -> bool:
    """Whether ``x`` is a ``brainpy.math.JaxArray`` (Variables included)."""
    from brainpy.math._ndarray import JaxArray  # noqa: PLC0415  (core, imported late to keep import cheap)

    return isinstance(x, JaxArray)


def unwrap(x: Any) -> Any:
    """A JAX array for ``x`` (JaxArray, NumPy array, scalar), leaving other pytrees' leaves converted."""
    if is_jaxarray(x):
        return x.value
    if isinstance(x, (tuple, list)):
        return type(x)(unwrap(v) for v in x)
    return jnp.asarray(x)


def wrap_like(out: Any, as_jaxarray: bool) -> Any:
    """Return ``out`` as ``bm.JaxArray`` (tuples elementwise) when ``as_jaxarray`` is true."""
    if not as_jaxarray:
        return out
    from brainpy.math._ndarray import as_jaxarray as _wrap  # noqa: PLC0415

    if isinstance(out, tuple):
        return tuple(_wrap(o) for o in out)
    return _wrap(out)


def as_tuple(value: Any, n: int, owner: str) -> tuple[Any, ...]:
    """The derivative ``value`` as a tuple of ``n`` arrays (raises if the count is wrong)."""
    if n == 1:
        if isinstance(value, (tuple, list)) and len(value) == 1:
            value = value[0]
        return (unwrap(value),)
    if not isinstance(value, (tuple, list)) or len(value) != n:
        got = len(value) if isinstance(value, (tuple, list)) else 1
        raise DiffEqError(f"{owner} must return {n} derivatives (one per variable), but returned {got}.")
    return tuple(unwrap(v) for v in value)


def tree_axpy(y: Any, terms: Sequence[tuple[float, Any]], scale: Any) -> Any:
    """``y + scale * sum(c * k for c, k in terms)`` leaf by leaf, skipping zero coefficients."""
    acc = None
    for c, k in terms:
        if c == 0:
            continue
        part = k if c == 1 else jax.tree_util.tree_map(lambda v, c=c: c * v, k)
        acc = part if acc is None else jax.tree_util.tree_map(jnp.add, acc, part)
    if acc is None:
        return y
    return jax.tree_util.tree_map(lambda a, b: a + scale * b, y, acc)
