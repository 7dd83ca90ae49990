r"""Bifurcation analysis of two-dimensional systems (codimension 1 and 2), and the fast-slow
analysis of systems with two fast variables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from brainpy.analysis import stability
from brainpy.analysis._num2d import Num2DAnalyzer
from brainpy.errors import AnalyzerError

__all__ = ["Bifurcation2D", "FastSlow2D"]

_STABLE = {
    stability.STABLE_NODE_2D,
    stability.STABLE_FOCUS_2D,
    stability.STABLE_STAR_2D,
    stability.STABLE_DEGENERATE_2D,
}


class Bifurcation2D(Num2DAnalyzer):
    r"""Bifurcation analysis of 2D system.

    Parameters
    ----------
    model : ODEIntegrator, list of ODEIntegrator, or DynamicalSystem
        The system.
    target_pars : dict
        ``{parameter: [low, high]}``: one (codimension 1) or two (codimension 2) parameters.
    target_vars : dict
        ``{x_var: [low, high], y_var: [low, high]}``.
    fixed_vars, pars_update, resolutions, options
        As in :class:`~brainpy.analysis.LowDimAnalyzer`. Tip: give a small resolution to the
        parameters only; the variables then get 20 grid points each.

    Examples
    --------
    >>> bf = bp.analysis.Bifurcation2D(wc, target_vars={'x': [-0.2, 1.], 'y': [-0.2, 1.]},
    ...                                target_pars={'x_ext': [-2, 2]}, pars_update={'y_ext': 0.},
    ...                                resolutions={'x_ext': 0.01})  # doctest: +SKIP
    >>> bf.plot_bifurcation(); bf.plot_limit_cycle_by_sim(duration=500)  # doctest: +SKIP
    """

    def __init__(
        self,
        model: Any,
        target_pars: Mapping[str, Sequence[float]],
        target_vars: Mapping[str, Sequence[float]],
        fixed_vars: Any = None,
        pars_update: Any = None,
        resolutions: Any = None,
        options: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            model,
            target_vars=target_vars,
            fixed_vars=fixed_vars,
            target_pars=target_pars,
            pars_update=pars_update,
            resolutions=resolutions,
            options=options,
            **kwargs,
        )
        if len(self.target_pars) not in (1, 2):
            raise AnalyzerError(f"{type(self).__name__} varies one or two parameters, but got {self.target_par_names}.")

    def plot_bifurcation(
        self,
        with_plot: bool = True,
        show: bool = False,
        with_return: bool = False,
        tol_aux: float = 1e-8,
        tol_unique: float = 1e-2,
        tol_opt_candidate: float | None = None,
        num_par_segments: int = 1,
        num_fp_segment: int = 1,
        nullcline_aux_filter: float = 1.0,
        select_candidates: str = "aux_rank",
        num_rank: int = 100,
    ) -> Any:
        r"""Find the fixed points on the whole parameter grid and plot each variable against the parameter(s).

        Parameters
        ----------
        tol_aux : float
            Largest auxiliary loss :math:`f_x^2 + f_y^2` of a fixed point. Default 1e-8.
        tol_unique : float
            Fixed points (of the same parameters) closer than this are one. Default 1e-2.
        tol_opt_candidate : float, optional
            Drop candidates whose loss is above this before the optimization.
        num_par_segments, num_fp_segment, nullcline_aux_filter
            Accepted for compatibility (the computation is batched automatically).
        select_candidates : {'aux_rank', 'fx-nullcline', 'fy-nullcline', 'nullclines'}
            The initial points of the optimization. Default ``'aux_rank'``.
        num_rank : int
            Lowest-loss grid points per parameter value used by ``'aux_rank'``. Default 100.

        Returns
        -------
        tuple
            ``(points (N, 2), {parameter: (N,) values}, jacobians (N, 2, 2))`` if ``with_return``.
        """
        self._log("I am making bifurcation analysis ...")
        res = self._fixed_points(self._par_table(), select_candidates, num_rank, tol_aux, tol_unique, tol_opt_candidate)
        self.analyzed_results["fixed_points"] = res
        if with_plot:
            self._plot_fixed_points(res)
            if show:
                self.show_figure()
        return (res["points"], res["pars"], res["jacobians"]) if with_return else None

    def _plot_fixed_points(self, res: Mapping[str, Any]) -> None:
        import matplotlib.pyplot as plt  # noqa: PLC0415

        types = np.asarray(res["types"])
        pars = self.target_par_names
        for i, var in enumerate((self.x_var, self.y_var)):
            fig = self._figure(f"bifurcation_{var}")
            if len(pars) == 1:
                for t in sorted(set(types.tolist())):
                    sel = types == t
                    plt.plot(
                        res["pars"][pars[0]][sel],
                        res["points"][sel, i],
                        ".",
                        markersize=3,
                        label=t,
                        **stability.plot_scheme[t],
                    )
                plt.xlabel(pars[0])
                plt.ylabel(var)
                plt.xlim(*self._lims(pars[0]))
            else:
                ax = fig.axes[0] if fig.axes else fig.add_subplot(projection="3d")
                for t in sorted(set(types.tolist())):
                    sel = types == t
                    ax.scatter(
                        res["pars"][pars[0]][sel],
                        res["pars"][pars[1]][sel],
                        res["points"][sel, i],
                        s=2,
                        label=t,
                        **stability.plot_scheme[t],
                    )
                ax.set_xlabel(pars[0])
                ax.set_ylabel(pars[1])
                ax.set_zlabel(var)
            plt.title(f"Bifurcation of {var}")
            plt.legend()

    def plot_limit_cycle_by_sim(
        self,
        duration: float = 100,
        with_plot: bool = True,
        with_return: bool = False,
        plot_style: dict | None = None,
        tol: float = 0.001,
        show: bool = False,
        dt: float | None = None,
        offset: float = 1e-2,
    ) -> Any:
        r"""Find limit cycles by simulating from the unstable fixed points of :meth:`plot_bifurcation`.

        Each trajectory starts at a fixed point shifted by ``offset`` times the variables' ranges;
        if over the second half of ``duration`` a variable oscillates with an amplitude above
        ``tol``, its maximum and minimum are plotted against the parameter(s).

        Returns
        -------
        dict
            ``{'pars': {parameter: values}, x_var: (max, min), y_var: (max, min)}`` if ``with_return``.
        """
        self._log("I am plotting the limit cycle ...")
        res = self.analyzed_results.get("fixed_points")
        if res is None:
            raise AnalyzerError(
                "Call plot_bifurcation() before plot_limit_cycle_by_sim(): the simulations start from its fixed points."
            )
        unstable = np.asarray([t not in _STABLE for t in res["types"]], dtype=bool)
        pts = res["points"][unstable]
        out: dict[str, Any] = {"pars": {k: v[unstable][:0] for k, v in res["pars"].items()}}
        if len(pts):
            spans = np.asarray([np.subtract(*self.target_vars[v][::-1]) for v in (self.x_var, self.y_var)])
            init = {self.x_var: pts[:, 0] + offset * spans[0], self.y_var: pts[:, 1] + offset * spans[1]}
            pars = {k: v[unstable] for k, v in res["pars"].items()}
            _, traj = self._simulate([self.x_var, self.y_var], init, pars, duration, dt)
            half = traj[self.x_var].shape[0] // 2
            amp = {v: (traj[v][half:].max(0), traj[v][half:].min(0)) for v in (self.x_var, self.y_var)}
            cycle = np.any([amp[v][0] - amp[v][1] > tol for v in amp], axis=0)
            out = {
                "pars": {k: v[cycle] for k, v in pars.items()},
                **{v: (amp[v][0][cycle], amp[v][1][cycle]) for v in amp},
            }
        if with_plot and len(next(iter(out["pars"].values()), [])):
            import matplotlib.pyplot as plt  # noqa: PLC0415

            style = dict(plot_style or {})
            style.setdefault("color", "k")
            for var in (self.x_var, self.y_var):
                fig = self._figure(f"bifurcation_{var}")
                if len(self.target_par_names) == 1:
                    p = out["pars"][self.target_par_names[0]]
                    plt.plot(p, out[var][0], ".", markersize=2, label="limit cycle (max)", **style)
                    plt.plot(p, out[var][1], ".", markersize=2, label="limit cycle (min)", **style)
                else:
                    ax = fig.axes[0]
                    p1, p2 = (out["pars"][k] for k in self.target_par_names)
                    ax.scatter(p1, p2, out[var][0], s=2, label="limit cycle (max)", **style)
                    ax.scatter(p1, p2, out[var][1], s=2, label="limit cycle (min)", **style)
                plt.legend()
        if with_plot and show:
            self.show_figure()
        return out if with_return else None


class FastSlow2D(Bifurcation2D):
    r"""Fast-slow analysis of a system with two fast variables (Rinzel's method).

    The slow variables are treated as the bifurcation parameters of the fast subsystem [1]_.

    Parameters
    ----------
    model : list of ODEIntegrator, or DynamicalSystem
        The full system (fast and slow equations).
    fast_vars : dict
        ``{fast variable: [low, high]}`` (two).
    slow_vars : dict
        ``{slow variable: [low, high]}`` (one or two).
    fixed_vars, pars_update, options
        As in :class:`~brainpy.analysis.LowDimAnalyzer`.
    resolutions : float or dict
        Default 0.1.

    References
    ----------
    .. [1] Rinzel, J. (1987). A formal classification of bursting mechanisms in excitable systems.
           In Mathematical Topics in Population Biology, Morphogenesis and Neurosciences, 267-281.
           Springer. https://doi.org/10.1007/978-3-642-93360-8_26
    """

    def __init__(
        self,
        model: Any,
        fast_vars: Mapping[str, Sequence[float]],
        slow_vars: Mapping[str, Sequence[float]],
        fixed_vars: Any = None,
        pars_update: Any = None,
        resolutions: Any = 0.1,
        options: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            model,
            target_pars=slow_vars,
            target_vars=fast_vars,
            fixed_vars=fixed_vars,
            pars_update=pars_update,
            resolutions=resolutions,
            options=options,
            **kwargs,
        )
        self.fast_var_names = list(self.target_vars)
        self.slow_var_names = list(self.target_pars)
        for name in self.slow_var_names:
            if name not in self._equations:
                raise AnalyzerError(
                    f"slow_vars names {name!r}, which is not a variable of the model {tuple(self._equations)}."
                )

    def plot_trajectory(
        self,
        initials: Any,
        duration: float,
        plot_durations: Any = None,
        dt: float | None = None,
        show: bool = False,
        with_plot: bool = True,
        with_return: bool = False,
    ) -> Any:
        r"""Simulate the full system and draw each fast variable against the (first) slow variable."""
        self._log("I am plotting the trajectory ...")
        names = self.fast_var_names + self.slow_var_names
        ts, traj = self._simulate(names, self._initials(initials, names), {}, duration, dt)
        if with_plot:
            import matplotlib.pyplot as plt  # noqa: PLC0415

            start, end = (0.0, float(duration)) if plot_durations is None else plot_durations
            sel = (ts >= start) & (ts <= end)
            slow = self.slow_var_names[0]
            for var in self.fast_var_names:
                self._figure(f"bifurcation_{var}")
                for i in range(traj[var].shape[1]):
                    plt.plot(traj[slow][sel, i], traj[var][sel, i], lw=0.8, label=f"trajectory {i}")
                plt.legend()
            if show:
                self.show_figure()
        return (ts, traj) if with_return else None
