r"""Phase plane analysis of two-dimensional systems: nullclines, vector field, fixed points,
trajectories and limit cycles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.analysis import stability
from brainpy.analysis._num2d import Num2DAnalyzer
from brainpy.errors import AnalyzerError

__all__ = ["PhasePlane2D"]


def _line_order(pts: np.ndarray, rank: np.ndarray, along: int, steps: tuple[float, float]) -> np.ndarray:
    r"""Points ordered branch by branch, with NaN rows where a branch breaks (for line styles)."""
    if not len(pts):
        return pts
    order = np.lexsort((pts[:, along], rank))
    p = pts[order]
    jump = np.abs(np.diff(p, axis=0)) > 3 * np.asarray(steps)
    breaks = np.nonzero(np.any(jump, axis=1))[0] + 1
    return np.insert(p, breaks, np.nan, axis=0)


def _find_cycle(traj: np.ndarray, tol: float) -> np.ndarray | None:
    r"""The last loop of a trajectory ``(T, 2)``: from its last return near the final point."""
    end = traj[-1]
    scale = np.maximum(np.ptp(traj[len(traj) // 2 :], axis=0), 1e-12)
    dist = np.max(np.abs(traj - end) / scale, axis=1)
    if np.max(dist[len(traj) // 2 :]) < 10 * tol:  # settled on a fixed point
        return None
    far = np.nonzero(dist > 10 * tol)[0]
    if not len(far):
        return None
    back = far[-1]
    near = np.nonzero(dist[:back] < tol)[0]
    if not len(near):
        return None
    start = near[-1]
    return traj[start:]


class PhasePlane2D(Num2DAnalyzer):
    r"""Phase plane analyzer for 2D dynamical system.

    Parameters
    ----------
    model : ODEIntegrator, list of ODEIntegrator, or DynamicalSystem
        The system.
    target_vars : dict
        ``{x_var: [low, high], y_var: [low, high]}``.
    fixed_vars, pars_update, resolutions, options
        As in :class:`~brainpy.analysis.LowDimAnalyzer`.

    Examples
    --------
    >>> import brainpy as bp
    >>> pp = bp.analysis.PhasePlane2D(model, target_vars={'V': [-3, 3], 'w': [-3., 3.]},
    ...                               pars_update={'Iext': 0.8}, resolutions=0.01)  # doctest: +SKIP
    >>> pp.plot_nullcline(); pp.plot_vector_field(); pp.plot_fixed_point()  # doctest: +SKIP
    """

    def __init__(
        self,
        model: Any,
        target_vars: Mapping[str, Sequence[float]],
        fixed_vars: Any = None,
        pars_update: Any = None,
        resolutions: Any = None,
        **kwargs: Any,
    ) -> None:
        if kwargs.get("target_pars"):
            raise AnalyzerError("PhasePlane2D does not vary parameters; use Bifurcation2D for target_pars.")
        kwargs.pop("target_pars", None)
        super().__init__(
            model,
            target_vars=target_vars,
            fixed_vars=fixed_vars,
            pars_update=pars_update,
            resolutions=resolutions,
            **kwargs,
        )

    def _steps(self) -> tuple[float, float]:
        return tuple(
            float(np.mean(np.abs(np.diff(self.resolutions[v])))) if self.resolutions[v].size > 1 else 1.0
            for v in (self.x_var, self.y_var)
        )  # type: ignore[return-value]

    def plot_nullcline(
        self,
        with_plot: bool = True,
        with_return: bool = False,
        y_style: dict | None = None,
        x_style: dict | None = None,
        show: bool = False,
        coords: dict | None = None,
        tol_nullcline: float = 1e-7,
    ) -> Any:
        r"""Compute and plot the nullclines :math:`f_x = 0` and :math:`f_y = 0`.

        Parameters
        ----------
        x_style, y_style : dict, optional
            Plot styles of the two nullclines (``{'fmt': '-'}`` draws lines; points by default).
        coords : dict, optional
            ``{var: 'var-other'}`` searches ``var``'s nullcline along ``var`` at fixed ``other``
            (the default); ``'other-var'`` searches along the other variable.
        tol_nullcline : float
            Accepted for compatibility (roots are bracketed and refined to rounding).

        Returns
        -------
        dict
            ``{x_var: (N, 2) points of the fx-nullcline, y_var: ...}`` if ``with_return``.
        """
        coords = dict(coords or {})
        results = {}
        for var, style, color in ((self.x_var, x_style, "cornflowerblue"), (self.y_var, y_style, "lightcoral")):
            res = self._nullcline(var, coords.get(var), {})
            self.analyzed_results[f"_nullcline_{var}"] = res
            pts = np.concatenate([res["points"], res["extra"]]) if len(res["extra"]) else res["points"]
            results[var] = pts
            if with_plot:
                import matplotlib.pyplot as plt  # noqa: PLC0415

                self._figure("phase")
                style = dict(style or {})
                fmt = style.pop("fmt", ".")
                style.setdefault("color", color)
                key = "fx" if var == self.x_var else "fy"
                if "-" in fmt:
                    main = _line_order(res["points"], res["rank"], 1 if var == self.x_var else 0, self._steps())
                    plt.plot(main[:, 0], main[:, 1], fmt, label=f"{var} nullcline", **style)
                    if len(res["extra"]):
                        plt.plot(res["extra"][:, 0], res["extra"][:, 1], ".", markersize=1, **style)
                else:
                    style.setdefault("markersize", 1)
                    plt.plot(pts[:, 0], pts[:, 1], fmt, label=f"{var} nullcline ({key})", **style)
                plt.xlabel(self.x_var)
                plt.ylabel(self.y_var)
                plt.xlim(*self._lims(self.x_var))
                plt.ylim(*self._lims(self.y_var))
                plt.legend()
        if with_plot and show:
            self.show_figure()
        return results if with_return else None

    def plot_vector_field(
        self,
        with_plot: bool = True,
        with_return: bool = False,
        plot_method: str = "streamplot",
        plot_style: dict | None = None,
        show: bool = False,
    ) -> Any:
        r"""Plot the vector field :math:`(f_x, f_y)` as a stream plot (default) or with arrows (``'quiver'``).

        Returns ``(dx, dy)`` on the plotting grid (at most 100 points per axis) if ``with_return``.
        """
        if plot_method not in ("streamplot", "quiver"):
            raise AnalyzerError(f"plot_method={plot_method!r} is unknown; use 'streamplot' or 'quiver'.")
        self._log("I am creating vector fields ...")
        xs = np.linspace(*self.target_vars[self.x_var], min(100, max(self.resolutions[self.x_var].size, 2)))
        ys = np.linspace(*self.target_vars[self.y_var], min(100, max(self.resolutions[self.y_var].size, 2)))
        X, Y = np.meshgrid(xs, ys)
        vals = {self.x_var: jnp.asarray(X.ravel()), self.y_var: jnp.asarray(Y.ravel())}
        dx = np.asarray(self.F_fx(vals)).reshape(X.shape)
        dy = np.asarray(self.F_fy(vals)).reshape(X.shape)
        if with_plot:
            import matplotlib.pyplot as plt  # noqa: PLC0415

            self._figure("phase")
            style = dict(plot_style or {})
            if plot_method == "streamplot":
                speed = np.sqrt(dx**2 + dy**2)
                style.setdefault("density", 1.0)
                style.setdefault("linewidth", 0.6 + 1.4 * speed / max(float(np.nanmax(speed)), 1e-30))
                style.setdefault("color", "thistle")
                plt.streamplot(X, Y, dx, dy, **style)
            else:
                style.setdefault("units", "xy")
                plt.quiver(X, Y, dx, dy, **style)
            plt.xlabel(self.x_var)
            plt.ylabel(self.y_var)
            if show:
                plt.show()
        return (dx, dy) if with_return else None

    def plot_fixed_point(
        self,
        with_plot: bool = True,
        with_return: bool = False,
        show: bool = False,
        tol_unique: float = 1e-2,
        tol_aux: float = 1e-8,
        tol_opt_screen: float | None = None,
        select_candidates: str = "fx-nullcline",
        num_rank: int = 100,
    ) -> Any:
        r"""Find, report and plot the fixed points.

        Parameters
        ----------
        tol_unique : float
            Fixed points closer than this are one. Default 1e-2.
        tol_aux : float
            Largest auxiliary loss :math:`f_x^2 + f_y^2` of a fixed point. Default 1e-8.
        tol_opt_screen : float, optional
            Drop candidates whose loss is above this before the optimization.
        select_candidates : {'fx-nullcline', 'fy-nullcline', 'nullclines', 'aux_rank'}
            The initial points of the optimization.
        num_rank : int
            The number of lowest-loss grid points used by ``'aux_rank'``. Default 100.

        Returns
        -------
        numpy.ndarray
            The ``(N, 2)`` fixed points if ``with_return``.
        """
        self._log("I am searching fixed points ...")
        res = self._fixed_points({}, select_candidates, num_rank, tol_aux, tol_unique, tol_opt_screen)
        pts, types = res["points"], res["types"]
        for i, (p, t) in enumerate(zip(pts, types)):
            self._log(f"#{i + 1} {self.x_var}={float(p[0])}, {self.y_var}={float(p[1])} is a {t}.")
        self.analyzed_results["fixed_points"] = res
        if with_plot and len(pts):
            import matplotlib.pyplot as plt  # noqa: PLC0415

            self._figure("phase")
            for t in sorted(set(types)):
                sel = [i for i, s in enumerate(types) if s == t]
                plt.plot(pts[sel, 0], pts[sel, 1], ".", markersize=20, label=t, **stability.plot_scheme[t])
            plt.legend()
        if with_plot and show:
            self.show_figure()
        return pts if with_return else None

    def plot_trajectory(
        self,
        initials: Any,
        duration: float,
        plot_durations: Any = None,
        axes: str = "v-v",
        dt: float | None = None,
        show: bool = False,
        with_plot: bool = True,
        with_return: bool = False,
    ) -> Any:
        r"""Simulate from ``initials`` (``{x_var: [...], y_var: [...]}``) and plot the trajectories.

        ``axes='v-v'`` draws them in the phase plane, ``'t-v'`` against time. ``plot_durations``
        is one ``[start, end]`` or one per initial value. Returns ``(ts, {var: (T, N)})`` if ``with_return``.
        """
        if axes not in ("v-v", "t-v"):
            raise AnalyzerError(f"axes={axes!r} is unknown; use 'v-v' (phase plane) or 't-v' (time series).")
        self._log("I am plotting the trajectory ...")
        names = [self.x_var, self.y_var]
        init = self._initials(initials, names)
        ts, traj = self._simulate(names, init, {}, duration, dt)
        n = traj[self.x_var].shape[1]
        durations = [(0.0, float(duration))] * n if plot_durations is None else plot_durations
        if plot_durations is not None and np.ndim(plot_durations) == 1:
            durations = [tuple(plot_durations)] * n
        if with_plot:
            import matplotlib.pyplot as plt  # noqa: PLC0415

            for i in range(n):
                sel = (ts >= durations[i][0]) & (ts <= durations[i][1])
                x, y = traj[self.x_var][sel, i], traj[self.y_var][sel, i]
                label = f"trajectory {i}" if n > 1 else "trajectory"
                if axes == "v-v":
                    self._figure("phase")
                    plt.plot(x, y, label=label)
                    plt.plot(x[:1], y[:1], "o", color="k", markersize=4)
                else:
                    self._figure("trajectory")
                    plt.plot(ts[sel], x, label=f"{self.x_var} {label}")
                    plt.plot(ts[sel], y, label=f"{self.y_var} {label}")
                    plt.xlabel("t")
            plt.legend()
            if show:
                plt.show()
        return (ts, traj) if with_return else None

    def plot_limit_cycle_by_sim(
        self,
        initials: Any,
        duration: float,
        tol: float = 0.01,
        show: bool = False,
        dt: float | None = None,
        with_plot: bool = True,
        with_return: bool = False,
    ) -> Any:
        r"""Simulate from ``initials`` and plot the limit cycle each trajectory settles on, if any.

        A cycle is the last stretch of a trajectory that returns within ``tol`` (relative to its
        amplitude) of its final point. Returns the list of cycles (``(T_i, 2)`` arrays or ``None``).
        """
        self._log("I am plotting the limit cycle ...")
        names = [self.x_var, self.y_var]
        _, traj = self._simulate(names, self._initials(initials, names), {}, duration, dt)
        cycles = []
        for i in range(traj[self.x_var].shape[1]):
            cycle = _find_cycle(np.stack([traj[self.x_var][:, i], traj[self.y_var][:, i]], 1), tol)
            cycles.append(cycle)
            if cycle is None:
                self._log(f"No limit cycle is found for the initial value #{i + 1}.")
            elif with_plot:
                import matplotlib.pyplot as plt  # noqa: PLC0415

                self._figure("phase")
                plt.plot(cycle[:, 0], cycle[:, 1], label=f"limit cycle {i}")
                plt.legend()
        if with_plot and show:
            self.show_figure()
        return cycles if with_return else None
