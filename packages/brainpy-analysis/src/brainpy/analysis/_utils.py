r"""Shared machinery of the analyzers: the progress logger, reading a model into one
derivative function per variable, resolution grids, and vectorised root finding."""

from __future__ import annotations

import dataclasses
import inspect
import logging
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.errors import AnalyzerError

__all__ = [
    "logger",
    "use_default_handler",
    "Equation",
    "model_transform",
    "as_jax",
    "make_grid",
    "bisector",
    "compiled",
    "unique_points",
]

#: The logger of every progress message ("I am searching fixed points ...").
logger = logging.getLogger("brainpy.analysis")


class _StdoutHandler(logging.Handler):
    """Writes each record to the *current* ``sys.stdout`` (which pytest and notebooks swap)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stdout.write(self.format(record) + "\n")
        except Exception:  # noqa: BLE001 - logging must never raise into the analysis
            self.handleError(record)


_DEFAULT_HANDLER = _StdoutHandler()
_DEFAULT_HANDLER.setFormatter(logging.Formatter("%(message)s"))


def use_default_handler(enable: bool = True) -> None:
    r"""Print the analyzers' progress messages on stdout (the default), or route them to logging.

    By default the ``"brainpy.analysis"`` logger has level INFO, a handler that prints the bare
    message on ``sys.stdout`` (as the BrainPy documentation shows) and does not propagate. Call
    ``use_default_handler(False)`` to remove that handler and let the records propagate to
    your own logging configuration; ``logging.getLogger("brainpy.analysis").setLevel("WARNING")``
    silences them.

    Parameters
    ----------
    enable : bool
        Attach (True) or detach (False) the default stdout handler.
    """
    if enable:
        if _DEFAULT_HANDLER not in logger.handlers:
            logger.addHandler(_DEFAULT_HANDLER)
        logger.propagate = False
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.INFO)
    else:
        logger.removeHandler(_DEFAULT_HANDLER)
        logger.propagate = True


if not logger.handlers:
    use_default_handler(True)


def as_jax(x: Any) -> Any:
    """A plain JAX array from a ``bm.JaxArray``, a NumPy array or a number."""
    value = getattr(x, "value", x)
    return jnp.asarray(value)


@dataclasses.dataclass(frozen=True)
class Equation:
    r"""One derivative function ``f(var, t, *args)`` of a single variable.

    Parameters
    ----------
    var : str
        The variable whose derivative ``f`` returns.
    f : callable
        The derivative function.
    args : tuple of str
        The names of the arguments after ``t``, in order.
    defaults : dict
        Default values of some of ``args``.
    integrator : object, optional
        The integrator that holds ``f`` (``None`` for an equation taken from a ``JointEq``).
    """

    var: str
    f: Callable[..., Any]
    args: tuple[str, ...]
    defaults: dict[str, Any]
    integrator: Any = None


def _read(f: Callable[..., Any], owner: str) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, Any]]:
    try:
        params = list(inspect.signature(f).parameters.values())
    except (TypeError, ValueError) as err:
        raise AnalyzerError(f"Cannot read the arguments of the derivative function {f!r} of {owner}: {err}") from err
    names = [p.name for p in params]
    if "t" not in names:
        raise AnalyzerError(f"The derivative function {getattr(f, '__name__', f)!r} of {owner} has no argument 't'.")
    idx = names.index("t")
    after = [p for p in params[idx + 1 :] if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    defaults = {p.name: p.default for p in after if p.default is not p.empty}
    return tuple(names[:idx]), tuple(p.name for p in after), defaults


def _split(f: Callable[..., Any], integrator: Any, owner: str) -> list[Equation]:
    from brainpy.integrators import JointEq  # noqa: PLC0415

    if isinstance(f, JointEq):  # one equation per function
        out: list[Equation] = []
        for eq in f.eqs:
            out.extend(_split(eq, None, owner))
        return out
    variables, args, defaults = _read(f, owner)
    if len(variables) != 1:
        raise AnalyzerError(
            f"The low-dimensional analyzers need one variable per derivative function, but "
            f"{getattr(f, '__name__', f)!r} of {owner} declares {variables}. Write one function per variable "
            f"(a bp.JointEq of single-variable functions is fine)."
        )
    return [Equation(variables[0], f, args, defaults, integrator)]


def model_transform(model: Any) -> list[Equation]:
    r"""Read a model into one :class:`Equation` per variable.

    Parameters
    ----------
    model : ODEIntegrator, sequence of ODEIntegrator, or DynamicalSystem
        An integrator (the result of ``bp.odeint``; for ``bp.sdeint`` the drift is used), a list or
        tuple of them, or a dynamical system whose integrators are collected with ``model.ints()``.

    Raises
    ------
    AnalyzerError
        If the model holds no integrator, a function has several variables, or two functions
        declare the same variable.
    """
    from brainpy.integrators import Integrator  # noqa: PLC0415

    owner = getattr(model, "name", type(model).__name__)
    if isinstance(model, Integrator):
        integrators = [model]
    elif isinstance(model, (list, tuple)):
        integrators = list(model)
    elif callable(getattr(model, "ints", None)):
        integrators = list(model.ints().values())
    else:
        raise AnalyzerError(
            f"model must be an integrator (bp.odeint(...)), a list of integrators or a DynamicalSystem, but got "
            f"{type(model).__name__}: {model!r}."
        )
    if not integrators:
        raise AnalyzerError(f"The model {owner} holds no integrator; define self.integral = bp.odeint(...) in it.")
    equations: list[Equation] = []
    for intg in integrators:
        if not isinstance(intg, Integrator):
            raise AnalyzerError(
                f"Every element of model must be an integrator made by bp.odeint, but got {type(intg).__name__}."
            )
        equations.extend(_split(intg.f, intg, owner))
    seen: set[str] = set()
    for eq in equations:
        if eq.var in seen:
            raise AnalyzerError(f"The variable {eq.var!r} of {owner} has more than one derivative function.")
        seen.add(eq.var)
    return equations


def make_grid(name: str, bounds: Sequence[float], resolution: Any) -> np.ndarray:
    r"""The evaluation grid of one variable or parameter.

    ``resolution`` is ``None`` (20 points), a positive step, or an explicit 1-D array of values.
    """
    lo, hi = float(bounds[0]), float(bounds[1])
    if resolution is None:
        resolution = (hi - lo) / 20
    arr = np.asarray(getattr(resolution, "value", resolution), dtype=float)
    if arr.ndim == 1:
        if arr.size == 0:
            raise AnalyzerError(f"resolutions[{name!r}] is an empty array; give at least one value.")
        return arr
    if arr.ndim != 0 or not np.isfinite(arr) or arr <= 0:
        raise AnalyzerError(
            f"resolutions[{name!r}] must be a positive step or a 1-D array of values, but got {resolution!r}."
        )
    grid = np.arange(lo, hi, float(arr))
    return grid if grid.size else np.asarray([lo])


def bisector(f: Callable[[Any, Any, Any], Any], num_iter: int = 80) -> Callable[..., Any]:
    r"""Vectorised bisection: ``roots(lo, hi, pars, consts)`` finds a root of ``f(x, p, consts)`` in
    every bracket ``[lo_i, hi_i]`` where ``f`` changes sign.

    ``f`` is a scalar function; ``lo``, ``hi`` are 1-D arrays and ``pars`` a pytree of arrays with the
    same leading axis (``consts`` is shared). The midpoint after ``num_iter`` halvings is exact to
    rounding in float64. The result is not jitted (the analyzers cache the compiled function).
    """

    def one(a: Any, b: Any, p: Any, consts: Any) -> Any:
        fa = f(a, p, consts)

        def body(_: int, state: tuple[Any, Any, Any]) -> tuple[Any, Any, Any]:
            a_, b_, fa_ = state
            m = 0.5 * (a_ + b_)
            fm = f(m, p, consts)
            left = jnp.sign(fm) == jnp.sign(fa_)
            return jnp.where(left, m, a_), jnp.where(left, b_, m), jnp.where(left, fm, fa_)

        a, b, _ = jax.lax.fori_loop(0, num_iter, body, (a, b, fa))
        fa2, fb2 = f(a, p, consts), f(b, p, consts)
        return jnp.where(jnp.abs(fa2) <= jnp.abs(fb2), a, b)

    return jax.vmap(one, in_axes=(0, 0, 0, None))


def unique_points(points: np.ndarray, groups: np.ndarray, tol: float) -> np.ndarray:
    r"""Indices of the points kept when, inside each group, points closer than ``tol`` to a kept one
    are dropped (first come, first kept)."""
    keep: list[int] = []
    if points.shape[0] == 0:
        return np.zeros(0, dtype=int)
    order = np.lexsort(groups.T[::-1]) if groups.ndim == 2 and groups.shape[1] else np.arange(points.shape[0])
    g_sorted = groups[order] if groups.ndim == 2 and groups.shape[1] else np.zeros((len(order), 0))
    if g_sorted.shape[1]:
        change = np.any(np.diff(g_sorted, axis=0) != 0, axis=1)
        starts = np.concatenate([[0], np.nonzero(change)[0] + 1, [len(order)]])
    else:
        starts = np.asarray([0, len(order)])
    for s, e in zip(starts[:-1], starts[1:]):
        idx = order[s:e]
        pts = points[idx]
        alive = np.ones(len(idx), dtype=bool)
        for i in range(len(idx)):
            if not alive[i]:
                continue
            keep.append(int(idx[i]))
            close = np.linalg.norm(pts - pts[i], axis=1) < tol
            alive &= ~close
    return np.asarray(sorted(keep), dtype=int)


_COMPILED: dict[Any, Callable[..., Any]] = {}


def compiled(key: Any, build: Callable[[], Callable[..., Any]]) -> Callable[..., Any]:
    r"""The jitted ``build()``, cached under ``key`` (a model's functions and the operation), so that
    analyzers of the same model share compilations. At most 256 entries are kept."""
    fn = _COMPILED.get(key)
    if fn is None:
        if len(_COMPILED) >= 256:
            _COMPILED.pop(next(iter(_COMPILED)))
        fn = _COMPILED[key] = jax.jit(build())
    return fn


def _value_key(v: Any) -> Any:
    value = getattr(v, "value", v)
    if isinstance(value, (bool, int, float, complex, str)):
        return value
    if isinstance(value, (np.ndarray, np.generic, jax.Array)):
        if np.size(value) <= 10_000:
            arr = np.asarray(value)
            return (arr.shape, str(arr.dtype), arr.tobytes())
        return id(value)
    return None


def fingerprint(f: Callable[..., Any]) -> tuple:
    r"""The numbers a derivative function reads besides its arguments (best effort): the numeric
    globals it names, its closure's numbers, and the numeric attributes of its bound object or of
    objects in its closure. Part of the compilation cache key, so that changing a parameter
    attribute (``model.tau = 20.``) between analyses is not hidden by a stale compilation."""
    func = getattr(f, "__func__", f)
    code = getattr(func, "__code__", None)
    if code is None:
        return (id(f),)
    items: list[Any] = []
    objects = [f.__self__] if hasattr(f, "__self__") else []
    glob = getattr(func, "__globals__", {})
    for name in code.co_names:
        if name in glob and (key := _value_key(glob[name])) is not None:
            items.append((name, key))
    for cell in func.__closure__ or ():
        try:
            v = cell.cell_contents
        except ValueError:
            continue
        key = _value_key(v)
        if key is not None:
            items.append(key)
        elif hasattr(v, "__dict__") and not callable(v) and not isinstance(v, type):
            objects.append(v)
    for obj in objects:
        for k, v in sorted(vars(obj).items(), key=lambda kv: str(kv[0])):
            if (key := _value_key(v)) is not None:
                items.append((k, key))
    return tuple(items)


def call_option(func: Callable[..., Any], x: Any, values: Mapping[str, Any]) -> Any:
    r"""Call a closed-form nullcline ``func(x, **named)``, passing by name those of its further
    arguments that are variables or parameters of the analysis."""
    params = list(inspect.signature(func).parameters)
    kwargs = {k: values[k] for k in params[1:] if k in values}
    return as_jax(func(x, **kwargs))
