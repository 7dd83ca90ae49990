r"""The numerical core of the two-dimensional analyzers: nullclines, fixed-point candidates,
the vectorised fixed-point solver and the stability of the fixed points.

Nullclines: for the nullcline of :math:`f_x` the grid of one variable is fixed (``coords``,
by default :math:`y`) and every root of :math:`f_x` along the other is bracketed on the grid
and refined by bisection.

Fixed points: each candidate (nullcline points, or the ``num_rank`` grid points with the
lowest auxiliary loss :math:`L = f_x^2 + f_y^2`) is driven to a root of :math:`(f_x, f_y)` by a
Levenberg-Marquardt iteration (damped Newton, the Jacobian by automatic differentiation), all
candidates at once with ``jax.vmap``. Roots with :math:`L` under ``tol_aux`` inside the target
ranges are kept, duplicates closer than ``tol_unique`` merged, and each is classified from its
Jacobian with :func:`brainpy.analysis.stability.stability_analysis`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.analysis import constants as C
from brainpy.analysis import stability
from brainpy.analysis._base import LowDimAnalyzer
from brainpy.analysis._utils import bisector, call_option, unique_points
from brainpy.errors import AnalyzerError

__all__ = ["Num2DAnalyzer"]

_SELECT = ("fx-nullcline", "fy-nullcline", "nullclines", "aux_rank")


def _solve_lm(F: Any, z0: Any, p: Any, consts: Any, num_iter: int = 60) -> Any:
    r"""Levenberg-Marquardt iterations towards a root of the 2-D ``F(z, p, consts)`` from ``z0``."""

    def body(_: int, state: tuple[Any, Any]) -> tuple[Any, Any]:
        z, lam = state
        r = F(z, p, consts)
        J = jax.jacfwd(F)(z, p, consts)
        A = J.T @ J
        a11, a22 = A[0, 0] * (1 + lam) + 1e-30, A[1, 1] * (1 + lam) + 1e-30
        g = J.T @ r
        det = a11 * a22 - A[0, 1] * A[1, 0]
        dz = -jnp.stack([a22 * g[0] - A[0, 1] * g[1], a11 * g[1] - A[1, 0] * g[0]]) / det
        new = z + dz
        rn = F(new, p, consts)
        better = jnp.all(jnp.isfinite(rn)) & jnp.all(jnp.isfinite(new)) & (jnp.sum(rn**2) <= jnp.sum(r**2))
        z = jnp.where(better, new, z)
        lam = jnp.where(better, jnp.maximum(lam * 0.3, 1e-12), jnp.minimum(lam * 10.0, 1e12))
        return z, lam

    lam0 = jnp.asarray(1e-3, dtype=z0.dtype)
    return jax.lax.fori_loop(0, num_iter, body, (z0, lam0))[0]


class Num2DAnalyzer(LowDimAnalyzer):
    r"""Numerical analyzer of a system with two target variables (see :class:`LowDimAnalyzer`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if len(self.target_vars) != 2:
            raise AnalyzerError(
                f"{type(self).__name__} analyzes two variables, but target_vars has {self.target_var_names}."
            )
        self.x_var, self.y_var = self.target_var_names
        self.F_fx = self.vector_function(self.x_var)
        self.F_fy = self.vector_function(self.y_var)
        self.F_int_x = self._integrator_partial(self.x_var)
        self.F_int_y = self._integrator_partial(self.y_var)
        fx, fy = self.pure_function(self.x_var), self.pure_function(self.y_var)
        xv, yv = self.x_var, self.y_var

        def fxy(z: Any, p: Mapping[str, Any], consts: Any) -> Any:
            vals = {**p, xv: z[0], yv: z[1]}
            return jnp.stack([fx(vals, consts), fy(vals, consts)])

        self._pure = {xv: fx, yv: fy}
        self._fxy = fxy
        self.F_solve = self._jit(
            "solve", lambda: jax.vmap(lambda z, p, c: _solve_lm(fxy, z, p, c), in_axes=(0, 0, None))
        )
        self.F_fxy = self._jit("fxy", lambda: jax.vmap(fxy, in_axes=(0, 0, None)))
        self.F_jacobian = self._jit("jac", lambda: jax.vmap(jax.jacfwd(fxy), in_axes=(0, 0, None)))

    def _bisector(self, func_var: str, search: str) -> Any:
        r"""Bisection of ``f_{func_var}`` along ``search``; one compilation serves all four choices
        (the function and the direction travel with the data as ``__k__`` and ``__d__``)."""
        fxy, xv = self._fxy, self.x_var

        def along(s: Any, p: Any, consts: Any) -> Any:
            q = {k: v for k, v in p.items() if k not in ("__k__", "__d__", "__o__")}
            z = jnp.where(p["__d__"] == 0, jnp.stack([s, p["__o__"]]), jnp.stack([p["__o__"], s]))
            return fxy(z, q, consts)[p["__k__"]]

        fn = self._jit("bisect2d", lambda: bisector(along))
        k = 0 if func_var == xv else 1
        d = 0 if search == xv else 1

        def call(lo: Any, hi: Any, sub: dict) -> Any:
            sub = dict(sub)
            other = sub.pop(self.y_var if search == xv else xv)
            n = len(lo)
            sub.update(__k__=np.full(n, k), __d__=np.full(n, d), __o__=np.asarray(other))
            return fn(lo, hi, sub)

        return call

    # ------------------------------------------------------------------ grids
    def _par_table(self) -> dict[str, np.ndarray]:
        if not self.target_par_names:
            return {}
        grids = np.meshgrid(*[self.resolutions[p] for p in self.target_par_names], indexing="ij")
        return {p: g.ravel() for p, g in zip(self.target_par_names, grids)}

    @staticmethod
    def _num_rows(pars: Mapping[str, np.ndarray]) -> int:
        return len(next(iter(pars.values()))) if pars else 1

    def _roots_along(
        self, func_var: str, search: str, fixed_grid: np.ndarray, pars: Mapping[str, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        r"""Roots of ``f_{func_var}`` along ``search`` at every value of the other variable.

        Returns the ``(N, 2)`` points (x, y), the parameter row of each, and the rank of each root
        on its grid line.
        """
        other = self.y_var if search == self.x_var else self.x_var
        sgrid = self.resolutions[search]
        m, ns, nf = self._num_rows(pars), sgrid.size, fixed_grid.size
        grid = {search: np.tile(sgrid, nf), other: np.repeat(fixed_grid, ns)}
        f_vec = self.F_fx if func_var == self.x_var else self.F_fy
        F = self.grid_eval(func_var, grid, pars).reshape(m * nf, ns)
        with np.errstate(invalid="ignore"):
            flag = (F[:, :-1] * F[:, 1:] <= 0) & np.isfinite(F[:, :-1]) & np.isfinite(F[:, 1:])
        lines, cols = np.nonzero(flag)
        if lines.size == 0:
            return np.zeros((0, 2)), np.zeros(0, dtype=int), np.zeros(0, dtype=int)
        rows, fixed = lines // nf, fixed_grid[lines % nf]
        sub = {k: jnp.asarray(v[rows]) for k, v in pars.items()}
        sub[other] = jnp.asarray(fixed)
        roots = np.asarray(
            self._bisector(func_var, search)(jnp.asarray(sgrid[cols]), jnp.asarray(sgrid[cols + 1]), sub)
        )
        at = np.asarray(f_vec({**sub, search: jnp.asarray(roots)}))
        scale = 1.0 + np.abs(F[lines, cols]) + np.abs(F[lines, cols + 1])
        ok = np.isfinite(at) & (np.abs(at) <= (1e-9 if roots.dtype == np.float64 else 1e-4) * scale)
        pts = np.stack([roots, fixed] if search == self.x_var else [fixed, roots], axis=1)[ok]
        lines, rows = lines[ok], rows[ok]
        rank = np.zeros(len(lines), dtype=int)
        if len(lines):
            starts = np.r_[True, lines[1:] != lines[:-1]]
            idx = np.arange(len(lines))
            rank = idx - np.maximum.accumulate(np.where(starts, idx, 0))
        return pts, rows, rank

    def _nullcline(
        self, var: str, coords: str | None, pars: Mapping[str, np.ndarray], tol_nullcline: float = 1e-7
    ) -> dict[str, np.ndarray]:
        r"""The points of the nullcline :math:`f_{var} = 0`, as ``{'points', 'rows', 'rank', 'extra'}``.

        ``points`` are searched along the ``coords`` variable (default: ``var`` itself);
        ``extra`` holds the points of the other search direction where the nullcline is flatter than
        the grid (horizontal/vertical pieces), used for plotting and when ``points`` is empty.
        """
        key = "fx" if var == self.x_var else "fy"
        other = self.y_var if var == self.x_var else self.x_var
        self._log(f"I am computing {key}-nullcline ...")
        closed = {
            C.x_by_y_in_fx: (self.x_var, "fx"),
            C.y_by_x_in_fx: (self.y_var, "fx"),
            C.x_by_y_in_fy: (self.x_var, "fy"),
            C.y_by_x_in_fy: (self.y_var, "fy"),
        }
        for opt, (solved, fkey) in closed.items():
            if fkey == key and opt in self.options:
                return self._closed_nullcline(self.options[opt], solved, pars)
        search = var
        if coords is not None:
            parts = str(coords).replace(" ", "").split("-")
            if len(parts) != 2 or set(parts) != {self.x_var, self.y_var}:
                raise AnalyzerError(
                    f"coords for {var!r} must be '{var}-{other}' or '{other}-{var}', but got {coords!r}."
                )
            search = parts[0]
        fixed_var = self.y_var if search == self.x_var else self.x_var
        self._log(f"I am evaluating {key}-nullcline by optimization ...")
        pts, rows, rank = self._roots_along(var, search, self.resolutions[fixed_var], pars)
        extra, erows, _ = self._roots_along(var, fixed_var, self.resolutions[search], pars)
        if len(extra):
            jac = np.asarray(self.F_jacobian(jnp.asarray(extra), {k: jnp.asarray(v[erows]) for k, v in pars.items()}))
            i = 0 if var == self.x_var else 1
            d_search = np.abs(jac[:, i, 0 if search == self.x_var else 1])
            d_fixed = np.abs(jac[:, i, 1 if search == self.x_var else 0])
            step_s = np.mean(np.abs(np.diff(self.resolutions[search]))) if self.resolutions[search].size > 1 else 1.0
            step_f = (
                np.mean(np.abs(np.diff(self.resolutions[fixed_var]))) if self.resolutions[fixed_var].size > 1 else 1.0
            )
            flat = d_search * step_s < d_fixed * step_f
            extra, erows = extra[flat], erows[flat]
        return {"points": pts, "rows": rows, "rank": rank, "extra": extra, "extra_rows": erows}

    def _closed_nullcline(self, func: Any, solved: str, pars: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        free = self.y_var if solved == self.x_var else self.x_var
        grid = self.resolutions[free]
        m = self._num_rows(pars)
        vals = {free: jnp.asarray(np.tile(grid, m))}
        vals.update({k: jnp.asarray(np.repeat(v, grid.size)) for k, v in pars.items()})
        res = np.broadcast_to(np.asarray(call_option(func, vals[free], vals)), (m * grid.size,))
        lo, hi = self.target_vars[solved]
        ok = np.isfinite(res) & (res >= lo) & (res <= hi)
        free_v = np.asarray(vals[free])
        pts = np.stack([res, free_v] if solved == self.x_var else [free_v, res], axis=1)[ok]
        rows = np.repeat(np.arange(m), grid.size)[ok]
        return {
            "points": pts,
            "rows": rows,
            "rank": np.zeros(len(rows), dtype=int),
            "extra": np.zeros((0, 2)),
            "extra_rows": np.zeros(0, dtype=int),
        }

    # ------------------------------------------------------------------ fixed points
    def _aux_rank(self, pars: Mapping[str, np.ndarray], num_rank: int) -> tuple[np.ndarray, np.ndarray]:
        self._log("I am filtering out fixed point candidates with auxiliary function ...")
        xs, ys = self.resolutions[self.x_var], self.resolutions[self.y_var]
        X, Y = (a.ravel() for a in np.meshgrid(xs, ys, indexing="ij"))
        m, g = self._num_rows(pars), X.size
        num_rank = int(min(num_rank, g))
        grid = {self.x_var: X, self.y_var: Y}
        loss = self.grid_eval(self.x_var, grid, pars) ** 2 + self.grid_eval(self.y_var, grid, pars) ** 2
        loss = np.where(np.isfinite(loss), loss, np.inf)
        best = np.argsort(loss, axis=1, kind="stable")[:, :num_rank]
        pts_all = [np.stack([X[best].ravel(), Y[best].ravel()], 1)]
        rows_all = [np.repeat(np.arange(m), num_rank)]
        return np.concatenate(pts_all), np.concatenate(rows_all)

    def _candidates(self, select: str, pars: Mapping[str, np.ndarray], num_rank: int) -> tuple[np.ndarray, np.ndarray]:
        if select not in _SELECT:
            raise AnalyzerError(f"select_candidates={select!r} is unknown; choose one of {_SELECT}.")
        if select == "aux_rank":
            return self._aux_rank(pars, num_rank)
        out_p, out_r = [], []
        for var, key in ((self.x_var, "fx"), (self.y_var, "fy")):
            if select not in (f"{key}-nullcline", "nullclines"):
                continue
            res = self._cached_nullcline(var, pars)
            pts, rows = res["points"], res["rows"]
            if not len(pts):
                pts, rows = res["extra"], res["extra_rows"]
            out_p.append(pts)
            out_r.append(rows)
        return np.concatenate(out_p), np.concatenate(out_r)

    def _cached_nullcline(self, var: str, pars: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        key = f"_nullcline_{var}"
        if not self.target_par_names and key in self.analyzed_results:
            return self.analyzed_results[key]
        res = self._nullcline(var, None, pars)
        if not self.target_par_names:
            self.analyzed_results[key] = res
        return res

    def _closed_form_fixed_points(self, pars: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        r"""Fixed points through a closed-form nullcline: a 1-D root search."""
        self._log("I am trying to find fixed points by brentq optimization ...")
        table = {
            C.y_by_x_in_fy: (self.y_var, self.x_var),
            C.x_by_y_in_fy: (self.x_var, self.x_var),
            C.y_by_x_in_fx: (self.y_var, self.y_var),
            C.x_by_y_in_fx: (self.x_var, self.y_var),
        }
        opt = next(o for o in table if o in self.options)
        solved, root_of = table[opt]
        func, free = self.options[opt], (self.x_var if solved == self.y_var else self.y_var)
        f = self._pure[root_of]

        def h(s: Any, p: Mapping[str, Any], consts: Any) -> Any:
            vals = {**p, free: s}
            vals[solved] = jnp.ravel(call_option(func, s, vals))[0]
            return f(vals, consts)

        def g(s: Any, p: Mapping[str, Any]) -> Any:
            return jnp.ravel(call_option(func, s, {**p, free: s}))[0]

        grid = self.resolutions[free]
        m = self._num_rows(pars)
        P = {k: jnp.asarray(np.repeat(v, grid.size)) for k, v in pars.items()}
        H = np.asarray(jax.jit(jax.vmap(h, in_axes=(0, 0, None)))(jnp.asarray(np.tile(grid, m)), P, self._consts))
        H = H.reshape(m, grid.size)
        with np.errstate(invalid="ignore"):
            rows, cols = np.nonzero((H[:, :-1] * H[:, 1:] <= 0) & np.isfinite(H[:, :-1]) & np.isfinite(H[:, 1:]))
        sub = {k: jnp.asarray(v[rows]) for k, v in pars.items()}
        s = np.asarray(jax.jit(bisector(h))(jnp.asarray(grid[cols]), jnp.asarray(grid[cols + 1]), sub, self._consts))
        other = np.asarray(jax.jit(jax.vmap(g))(jnp.asarray(s), sub))
        pts = np.stack([s, other] if free == self.x_var else [other, s], axis=1)
        return pts, rows

    def _fixed_points(
        self,
        pars: Mapping[str, np.ndarray],
        select_candidates: str,
        num_rank: int,
        tol_aux: float,
        tol_unique: float,
        tol_opt_screen: float | None,
    ) -> dict[str, Any]:
        if any(o in self.options for o in (C.x_by_y_in_fx, C.y_by_x_in_fx, C.x_by_y_in_fy, C.y_by_x_in_fy)):
            pts, rows = self._closed_form_fixed_points(pars)
        else:
            cand, rows = self._candidates(select_candidates, pars, num_rank)
            self._log("I am trying to find fixed points by optimization ...")
            self._log(f"There are {len(cand)} candidates")
            if len(cand) == 0:
                pts = cand
            else:
                sub = {k: jnp.asarray(v[rows]) for k, v in pars.items()}
                if tol_opt_screen is not None:
                    loss0 = np.sum(np.asarray(self.F_fxy(jnp.asarray(cand), sub)) ** 2, axis=1)
                    keep = loss0 < tol_opt_screen
                    cand, rows = cand[keep], rows[keep]
                    sub = {k: jnp.asarray(v[rows]) for k, v in pars.items()}
                pts = np.asarray(self.F_solve(jnp.asarray(cand), sub))
        sub = {k: jnp.asarray(v[rows]) for k, v in pars.items()}
        if len(pts):
            loss = np.sum(np.asarray(self.F_fxy(jnp.asarray(pts), sub)) ** 2, axis=1)
            (xl, xh), (yl, yh) = self.target_vars[self.x_var], self.target_vars[self.y_var]
            ex, ey = 1e-9 * (xh - xl), 1e-9 * (yh - yl)
            inside = (pts[:, 0] >= xl - ex) & (pts[:, 0] <= xh + ex) & (pts[:, 1] >= yl - ey) & (pts[:, 1] <= yh + ey)
            keep = np.isfinite(loss) & (loss < tol_aux) & inside
            pts, rows = pts[keep], rows[keep]
        self._log("I am trying to filter out duplicate fixed points ...")
        groups = np.stack([v[rows] for v in pars.values()], 1) if pars else np.zeros((len(rows), 0))
        keep = unique_points(pts, groups, tol_unique)
        pts, rows = pts[keep], rows[keep]
        par_vals = {k: v[rows] for k, v in pars.items()}
        jac = (
            np.asarray(self.F_jacobian(jnp.asarray(pts), {k: jnp.asarray(v) for k, v in par_vals.items()}))
            if len(pts)
            else np.zeros((0, 2, 2))
        )
        types = [stability.stability_analysis(j) for j in jac]
        self._log(f"Found {len(pts)} fixed points.")
        return {"points": pts, "pars": par_vals, "jacobians": jac, "types": types}
