r"""The base of the low-dimensional analyzers: argument checking, the model's derivative
functions as pure JAX functions, simulation (RK4) and figure handling."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.analysis import constants as C
from brainpy.analysis._utils import Equation, as_jax, compiled, fingerprint, logger, make_grid, model_transform
from brainpy.errors import AnalyzerError

__all__ = ["LowDimAnalyzer"]


def _check_bounds(arg: str, value: Any) -> dict[str, tuple[float, float]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise AnalyzerError(f"{arg} must be a dict {{name: [low, high]}}, but got {type(value).__name__}: {value!r}.")
    out = {}
    for name, bounds in value.items():
        try:
            lo, hi = (float(np.asarray(getattr(b, "value", b))) for b in bounds)
        except (TypeError, ValueError) as err:
            raise AnalyzerError(f"{arg}[{name!r}] must be a pair [low, high] of numbers, but got {bounds!r}.") from err
        if not lo < hi:
            raise AnalyzerError(f"{arg}[{name!r}] = {bounds!r} must satisfy low < high, e.g. [{hi}, {lo}].")
        out[str(name)] = (lo, hi)
    return out


def _check_values(arg: str, value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise AnalyzerError(f"{arg} must be a dict {{name: value}}, but got {type(value).__name__}: {value!r}.")
    out = {}
    for name, v in value.items():
        arr = as_jax(v)
        out[str(name)] = jnp.ravel(arr)[0] if arr.size == 1 else arr
    return out


#: Steps per compiled simulation chunk.
_SIM_CHUNK = 500


def _padded_call(fn: Callable[..., Any], args: tuple[Any, ...], consts: Any) -> Any:
    r"""Call a function batched along axis 0 of every leaf of ``args`` with the batch padded to a
    power of two (at least 4096), so that batches of different sizes share one compilation."""
    leaves, tree = jax.tree_util.tree_flatten(args)
    n = int(np.shape(leaves[0])[0]) if leaves else 0
    size = max(4096, 1 << max(n - 1, 0).bit_length())
    padded = []
    for leaf in leaves:
        arr = np.asarray(leaf)
        if n == 0:
            arr = np.zeros((size, *arr.shape[1:]), dtype=arr.dtype)
        else:
            arr = np.pad(arr, [(0, size - n)] + [(0, 0)] * (arr.ndim - 1), mode="edge")
        padded.append(jnp.asarray(arr))
    out = fn(*jax.tree_util.tree_unflatten(tree, padded), consts)
    return jax.tree_util.tree_map(lambda x: np.asarray(x)[:n], out)


def _key(f: Any) -> Any:
    try:
        hash(f)
    except TypeError:
        return id(f)
    return f


class LowDimAnalyzer:
    r"""Automatic analyzer of low-dimensional dynamical systems.

    Parameters
    ----------
    model : ODEIntegrator, list of ODEIntegrator, or DynamicalSystem
        The system. Arguments of each derivative function before ``t`` are variables, those after
        it are parameters; one variable per function, and no explicit time dependence.
    target_vars : dict
        ``{variable: [low, high]}``; the order sets ``x_var`` (then ``y_var``).
    fixed_vars : dict, optional
        ``{variable: value}`` for the model's other variables.
    target_pars : dict, optional
        ``{parameter: [low, high]}``: the parameters varied (bifurcation analysis).
    pars_update : dict, optional
        ``{parameter: value}``: fixed parameter values (the functions' defaults otherwise).
    resolutions : float, dict or None
        The grid step of every target variable and parameter: ``None`` gives 20 points each; a
        float applies to all; a dict gives a step or an array of values per name (the others 20 points).
    jit_device : optional
        Accepted for compatibility; JAX places the computation.
    lim_scale : float
        The margin of plotted axes around the target ranges. Default 1.05.
    options : dict, optional
        Keys of :mod:`brainpy.analysis.constants` (``bp.analysis.C``), for example closed-form nullclines.

    Raises
    ------
    AnalyzerError
        For an unknown variable or parameter, a bad range or resolution, an unknown option, or a
        derivative argument that is given no value.
    """

    def __init__(
        self,
        model: Any,
        target_vars: Mapping[str, Sequence[float]],
        fixed_vars: Mapping[str, Any] | None = None,
        target_pars: Mapping[str, Sequence[float]] | None = None,
        pars_update: Mapping[str, Any] | None = None,
        resolutions: Any = None,
        jit_device: Any = None,
        lim_scale: float = 1.05,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self.model = model
        self._equations: dict[str, Equation] = {eq.var: eq for eq in model_transform(model)}
        all_vars = tuple(self._equations)
        self.target_vars = _check_bounds("target_vars", target_vars)
        if not self.target_vars:
            raise AnalyzerError(
                f"target_vars must name at least one variable of the model; its variables are {all_vars}."
            )
        for name in self.target_vars:
            if name not in self._equations:
                raise AnalyzerError(f"target_vars names {name!r}, which is not a variable of the model {all_vars}.")
        self.fixed_vars = _check_values("fixed_vars", fixed_vars)
        for name in self.fixed_vars:
            if name not in self._equations or name in self.target_vars:
                raise AnalyzerError(
                    f"fixed_vars names {name!r}; it must be a variable of the model {all_vars} that is not a target."
                )
        self.target_pars = _check_bounds("target_pars", target_pars)
        self.pars_update = _check_values("pars_update", pars_update)
        both = set(self.target_pars) & set(self.pars_update)
        if both:
            raise AnalyzerError(f"{sorted(both)} are given both in target_pars and pars_update; keep one.")
        self.options = dict(options or {})
        for key in self.options:
            if key not in C.ALL_OPTIONS:
                raise AnalyzerError(
                    f"options has the unknown key {key!r}; the keys are bp.analysis.C.* {C.ALL_OPTIONS}."
                )
        self.jit_device = jit_device
        self.lim_scale = float(lim_scale)
        self.target_var_names = list(self.target_vars)
        self.target_par_names = list(self.target_pars)
        self._check_arguments()
        self._consts = self._make_consts()
        self._model_key = tuple((eq.var, _key(eq.f), eq.args, fingerprint(eq.f)) for eq in self._equations.values())
        self.resolutions = self._make_resolutions(resolutions)
        self.analyzed_results: dict[str, Any] = {}
        self._fig_count = 0

    # ------------------------------------------------------------------ checking
    def _check_arguments(self) -> None:
        known = set(self.target_vars) | set(self.fixed_vars) | set(self.target_pars) | set(self.pars_update)
        for var in self.target_vars:
            eq = self._equations[var]
            missing = [a for a in eq.args if a not in known and a not in eq.defaults]
            if missing:
                others = [m for m in missing if m in self._equations]
                hint = (
                    f" ({others} are variables of the model: give them in fixed_vars or target_vars)" if others else ""
                )
                raise AnalyzerError(
                    f"The derivative of {var!r} needs the argument(s) {missing}, which have no value{hint}. "
                    f"Give parameters in pars_update={{...}} or target_pars={{...}}."
                )

        used = {a for eq in self._equations.values() for a in eq.args}
        target_used = {a for v in self.target_vars for a in self._equations[v].args}
        for name in self.target_pars:
            if name not in target_used:
                raise AnalyzerError(
                    f"target_pars names {name!r}, which no derivative of the target variables "
                    f"{self.target_var_names} takes as an argument (they take {sorted(target_used)})."
                )
        for name in self.pars_update:
            if name not in used:
                raise AnalyzerError(
                    f"pars_update names {name!r}, which no derivative function of the model takes as an "
                    f"argument (they take {sorted(used)})."
                )

    def _make_resolutions(self, resolutions: Any) -> dict[str, np.ndarray]:
        bounds = {**self.target_vars, **self.target_pars}
        if resolutions is None or isinstance(resolutions, (int, float)) and not isinstance(resolutions, bool):
            return {k: make_grid(k, b, resolutions) for k, b in bounds.items()}
        if isinstance(resolutions, Mapping):
            unknown = [k for k in resolutions if k not in bounds]
            if unknown:
                raise AnalyzerError(
                    f"resolutions names {unknown}, which are not target variables or parameters {list(bounds)}."
                )
            return {k: make_grid(k, b, resolutions.get(k)) for k, b in bounds.items()}
        raise AnalyzerError(f"resolutions must be None, a float or a dict, but got {type(resolutions).__name__}.")

    # ------------------------------------------------------------------ functions
    def _make_consts(self) -> dict[str, dict[str, Any]]:
        consts = {}
        for var, eq in self._equations.items():
            c = {k: as_jax(v) for k, v in eq.defaults.items()}
            c.update({k: v for k, v in self.pars_update.items() if k in eq.args})
            c.update({k: v for k, v in self.fixed_vars.items() if k in eq.args})
            consts[var] = c
        return consts

    def pure_function(self, var: str) -> Callable[[Mapping[str, Any], Mapping[str, Any]], Any]:
        r"""The derivative of ``var`` as ``f(values, consts) -> scalar``: ``values`` a dict of scalars
        naming (at least) the target variables and parameters, ``consts`` the analyzer's constants
        (``self._consts``: defaults, ``pars_update`` and ``fixed_vars``, per equation)."""
        eq = self._equations[var]

        def f(vals: Mapping[str, Any], consts: Mapping[str, Any]) -> Any:
            own = consts[var]
            args = [vals[a] if a in vals else own[a] for a in eq.args]
            return jnp.ravel(as_jax(eq.f(vals[var], 0.0, *args)))[0]

        return f

    def scalar_function(self, var: str) -> Callable[[Mapping[str, Any]], Any]:
        """The derivative of ``var`` as ``f(values) -> scalar`` (with this analyzer's constants)."""
        f = self.pure_function(var)
        return lambda vals: f(vals, self._consts)

    def _jit(self, op: Any, build: Callable[[], Callable[..., Any]]) -> Callable[..., Any]:
        r"""A compiled ``build()`` shared by the analyzers of the same model; it takes the constants as
        its last argument, which the returned wrapper supplies."""
        fn = compiled((self._model_key, op), build)
        return lambda *args: _padded_call(fn, args, self._consts)

    def grid_eval(self, var: str, grid: Mapping[str, np.ndarray], pars: Mapping[str, np.ndarray]) -> np.ndarray:
        r"""The derivative of ``var`` at every grid point (``grid``: arrays ``(n,)``) for every parameter
        row (``pars``: arrays ``(m,)``), as an ``(m, n)`` array; computed in chunks of rows."""
        f = self.pure_function(var)
        n = len(next(iter(grid.values())))
        m = len(next(iter(pars.values()))) if pars else 1
        chunk = max(1, min(m, 4_000_000 // max(n, 1)))

        def build() -> Callable[..., Any]:
            def g(gv: Any, pv: Any, consts: Any) -> Any:
                return f({**gv, **pv}, consts)

            return jax.vmap(jax.vmap(g, in_axes=(0, None, None)), in_axes=(None, 0, None))

        fn = compiled((self._model_key, "grid", var), build)
        gv = {k: jnp.asarray(v) for k, v in grid.items()}
        out = []
        for s in range(0, m, chunk):
            rows = np.minimum(np.arange(s, s + chunk), m - 1)
            pv = {k: jnp.asarray(np.asarray(v)[rows]) for k, v in pars.items()}
            pv["__row__"] = jnp.asarray(rows)  # the outer vmap needs a batched leaf
            out.append(np.asarray(fn(gv, pv, self._consts))[: min(chunk, m - s)])
        return np.concatenate(out, axis=0)

    def vector_function(self, var: str) -> Callable[[Mapping[str, Any]], Any]:
        """The derivative of ``var`` evaluated on arrays of points (vmapped and jitted)."""
        f = self.pure_function(var)
        return self._jit(("vec", var), lambda: jax.vmap(f, in_axes=(0, None)))

    def _integrator_partial(self, var: str) -> Any:
        import functools  # noqa: PLC0415

        eq = self._equations[var]
        return functools.partial(eq.integrator) if eq.integrator is not None else None

    # ------------------------------------------------------------------ simulation
    def _simulate(
        self,
        variables: Sequence[str],
        initials: Mapping[str, Any],
        pars: Mapping[str, Any],
        duration: float,
        dt: float | None = None,
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        r"""Integrate ``variables`` with RK4 from a batch of initial values; the others stay fixed.

        Returns the times ``(T,)`` and, per variable, the trajectories ``(T, batch)``.
        """
        from brainpy.math import get_dt  # noqa: PLC0415

        dt = float(get_dt() if dt is None else dt)
        if not duration > 0:
            raise AnalyzerError(f"duration must be positive, but got {duration!r}.")
        num = int(np.ceil(float(duration) / dt))
        fns = [self.pure_function(v) for v in variables]
        names = list(variables)

        def build() -> Callable[..., Any]:
            def deriv(s: Any, p: Mapping[str, Any], consts: Any) -> Any:
                vals = dict(zip(names, s))
                vals.update(p)
                return jnp.stack([f(vals, consts) for f in fns])

            def run(s0: Any, p: Mapping[str, Any], consts: Any) -> Any:
                def step(s: Any, _: Any) -> tuple[Any, Any]:
                    k1 = deriv(s, p, consts)
                    k2 = deriv(s + 0.5 * dt * k1, p, consts)
                    k3 = deriv(s + 0.5 * dt * k2, p, consts)
                    k4 = deriv(s + dt * k3, p, consts)
                    new = s + dt / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)
                    return new, new

                return jax.lax.scan(step, s0, None, length=_SIM_CHUNK)[1]

            return jax.vmap(run, in_axes=(0, 0, None))

        s0 = jnp.stack([jnp.ravel(as_jax(initials[v])) for v in names], axis=-1)
        batch = s0.shape[0]
        p = {
            k: jnp.broadcast_to(jnp.ravel(as_jax(v)), (batch,)) if jnp.size(as_jax(v)) in (1, batch) else as_jax(v)
            for k, v in pars.items()
        }
        run = self._jit(("sim", tuple(names), dt), build)
        chunks, state = [], np.asarray(s0)
        for _ in range(-(-num // _SIM_CHUNK)):  # fixed-length chunks: one compilation for any duration
            part = run(state, p)  # (batch, chunk, nvar)
            chunks.append(part)
            state = part[:, -1]
        traj = np.concatenate(chunks, axis=1)[:, :num]
        traj = np.concatenate([np.asarray(s0)[:, None, :], traj], axis=1)
        ts = np.arange(0, num + 1) * dt
        return ts, {v: traj[:, :, i].T for i, v in enumerate(names)}

    def _initials(self, initials: Any, variables: Sequence[str]) -> dict[str, np.ndarray]:
        if isinstance(initials, Mapping):
            missing = [v for v in variables if v not in initials]
            if missing:
                raise AnalyzerError(f"initials must give every variable {list(variables)}; missing {missing}.")
            vals = {v: np.ravel(np.asarray(getattr(initials[v], "value", initials[v]), dtype=float)) for v in variables}
        else:
            arr = np.asarray(initials, dtype=float)
            arr = arr.reshape(-1, len(variables)) if arr.ndim <= 1 else arr
            if arr.shape[-1] != len(variables):
                raise AnalyzerError(
                    f"initials must have one value per variable {list(variables)}, got shape {arr.shape}."
                )
            vals = {v: arr[:, i] for i, v in enumerate(variables)}
        sizes = {len(v) for v in vals.values()}
        if len(sizes) != 1:
            raise AnalyzerError(f"every variable in initials must have the same number of values, got {initials!r}.")
        return vals

    # ------------------------------------------------------------------ figures
    def _figure(self, key: str, **kwargs: Any) -> Any:
        import matplotlib.pyplot as plt  # noqa: PLC0415

        fig = self.analyzed_results.get(f"_fig_{key}")
        if fig is None or not plt.fignum_exists(fig.number):
            fig = plt.figure(**kwargs)
            self.analyzed_results[f"_fig_{key}"] = fig
        plt.figure(fig.number)
        return fig

    def _lims(self, name: str) -> tuple[float, float]:
        lo, hi = {**self.target_vars, **self.target_pars}[name]
        mid, half = (lo + hi) / 2, (hi - lo) / 2 * self.lim_scale
        return mid - half, mid + half

    def show_figure(self) -> None:
        r"""Show the figures (``plt.show()``; under a non-interactive backend this does not block)."""
        import matplotlib.pyplot as plt  # noqa: PLC0415

        plt.show()

    @staticmethod
    def _log(msg: str) -> None:
        logger.info(msg)
