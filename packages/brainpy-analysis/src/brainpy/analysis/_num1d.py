r"""One-dimensional analyzers: the phase line, codimension-1/2 bifurcations and fast-slow
bifurcations of a system with one target variable.

Fixed points of :math:`\dot x = f(x)` are found by evaluating :math:`f` on the grid of ``x``
(for every grid value of the parameters at once), keeping each grid interval where :math:`f`
changes sign and refining it by vectorised bisection to machine precision (Brent's method
brackets the same roots). The stability is the sign of :math:`f'(x^*)`, computed by
automatic differentiation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.analysis import stability
from brainpy.analysis._base import LowDimAnalyzer
from brainpy.analysis._utils import bisector, unique_points
from brainpy.errors import AnalyzerError

__all__ = ["Num1DAnalyzer", "PhasePlane1D", "Bifurcation1D", "FastSlow1D"]


class Num1DAnalyzer(LowDimAnalyzer):
    r"""Numerical analyzer of a system with one target variable (see :class:`LowDimAnalyzer`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.x_var = self.target_var_names[0]
        self.F_fx = self.vector_function(self.x_var)
        self.F_int_x = self._integrator_partial(self.x_var)
        f = self.pure_function(self.x_var)
        x_var = self.x_var

        def along(x: Any, p: Any, consts: Any) -> Any:
            return f({**p, x_var: x}, consts)

        self.F_dfxdx = self._jit(("dfdx", x_var), lambda: jax.vmap(jax.grad(along), in_axes=(0, 0, None)))
        self._F_bisect = self._jit(("bisect", x_var), lambda: bisector(along))

    def _par_table(self) -> dict[str, np.ndarray]:
        if not self.target_par_names:
            return {}
        grids = np.meshgrid(*[self.resolutions[p] for p in self.target_par_names], indexing="ij")
        return {p: g.ravel() for p, g in zip(self.target_par_names, grids)}

    def _roots(self, pars: Mapping[str, np.ndarray]) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
        r"""All roots of :math:`f` in the range of ``x``, for every row of ``pars``.

        Returns the roots, their parameter values and :math:`f'(x^*)`.
        """
        xs = self.resolutions[self.x_var]
        n = xs.size
        if n < 2:
            raise AnalyzerError(f"The grid of {self.x_var!r} has one point; use a smaller resolution.")
        F = self.grid_eval(self.x_var, {self.x_var: xs}, pars)
        with np.errstate(invalid="ignore"):
            flag = (F[:, :-1] * F[:, 1:] <= 0) & np.isfinite(F[:, :-1]) & np.isfinite(F[:, 1:])
        rows, cols = np.nonzero(flag)
        if rows.size == 0:
            return np.zeros(0), {k: np.zeros(0) for k in pars}, np.zeros(0)
        x_var = self.x_var
        sub = {k: jnp.asarray(v[rows]) for k, v in pars.items()}
        roots = np.asarray(self._F_bisect(jnp.asarray(xs[cols]), jnp.asarray(xs[cols + 1]), sub))
        at = np.asarray(self.F_fx({**sub, x_var: jnp.asarray(roots)}))
        scale = 1.0 + np.abs(F[rows, cols]) + np.abs(F[rows, cols + 1])
        rel = 1e-9 if roots.dtype == np.float64 else 1e-4
        ok = np.isfinite(at) & (np.abs(at) <= rel * scale)
        roots, rows = roots[ok], rows[ok]
        groups = np.stack([v[rows] for v in pars.values()], axis=1) if pars else np.zeros((len(rows), 0))
        step = np.min(np.abs(np.diff(xs))) if n > 1 else 1.0
        keep = unique_points(roots[:, None], groups, 1e-3 * step)
        roots, rows = roots[keep], rows[keep]
        par_vals = {k: v[rows] for k, v in pars.items()}
        if roots.size == 0:
            return roots, par_vals, np.zeros(0)
        dfdx = np.asarray(self.F_dfxdx(jnp.asarray(roots), {k: jnp.asarray(v) for k, v in par_vals.items()}))
        return roots, par_vals, dfdx


class PhasePlane1D(Num1DAnalyzer):
    r"""Phase plane analyzer for 1D dynamical system.

    Parameters are those of :class:`LowDimAnalyzer` (``target_pars`` must be empty).

    Examples
    --------
    >>> import brainpy as bp
    >>> int_x = bp.odeint(lambda x, t, Iext: bp.math.sin(x) + Iext)
    >>> pp = bp.analysis.PhasePlane1D(int_x, target_vars={'x': [-10, 10]}, pars_update={'Iext': 0.},
    ...                               resolutions=0.001)
    >>> fps = pp.plot_fixed_point(with_plot=False, with_return=True)  # doctest: +SKIP
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
            raise AnalyzerError("PhasePlane1D does not vary parameters; use Bifurcation1D for target_pars.")
        kwargs.pop("target_pars", None)
        super().__init__(
            model,
            target_vars=target_vars,
            fixed_vars=fixed_vars,
            pars_update=pars_update,
            resolutions=resolutions,
            **kwargs,
        )
        if len(self.target_vars) != 1:
            raise AnalyzerError(f"PhasePlane1D analyzes one variable, but target_vars has {self.target_var_names}.")

    def plot_vector_field(self, show: bool = False, with_plot: bool = True, with_return: bool = False) -> Any:
        r"""Plot :math:`\dot x` against :math:`x`; return ``(xs, dxdt)`` if ``with_return``."""
        self._log("I am creating vector fields ...")
        xs = self.resolutions[self.x_var]
        dx = np.asarray(self.F_fx({self.x_var: jnp.asarray(xs)}))
        if with_plot:
            import matplotlib.pyplot as plt  # noqa: PLC0415

            self._figure("phase")
            label = f"d{self.x_var}dt"
            plt.plot(xs, dx, label=label)
            plt.axhline(0, color="grey", lw=0.8)
            plt.xlabel(self.x_var)
            plt.ylabel(label)
            plt.xlim(*self._lims(self.x_var))
            plt.legend()
            if show:
                plt.show()
        if with_return:
            return xs, dx
        return None

    def plot_fixed_point(self, show: bool = False, with_plot: bool = True, with_return: bool = False) -> Any:
        r"""Find, report and plot the fixed points; return ``(points, stability types)`` if ``with_return``."""
        self._log("I am searching fixed points ...")
        roots, _, dfdx = self._roots({})
        types = [stability.stability_analysis(d) for d in dfdx]
        for i, (x, t) in enumerate(zip(roots, types)):
            self._log(f"Fixed point #{i + 1} at {self.x_var}={float(x)} is a {t}.")
        self.analyzed_results["fixed_points"] = (roots, types)
        if with_plot and roots.size:
            import matplotlib.pyplot as plt  # noqa: PLC0415

            self._figure("phase")
            for t in sorted(set(types)):
                sel = [i for i, s in enumerate(types) if s == t]
                plt.plot(roots[sel], np.zeros(len(sel)), ".", markersize=20, label=t, **stability.plot_scheme[t])
            plt.legend()
            if show:
                plt.show()
        if with_return:
            return roots, types
        return None


def _plot_1d_bifurcation(
    analyzer: Num1DAnalyzer,
    x_var: str,
    pars: list[str],
    roots: np.ndarray,
    par_vals: dict[str, np.ndarray],
    types: list[str],
    show: bool,
) -> None:
    import matplotlib.pyplot as plt  # noqa: PLC0415

    fig = analyzer._figure("bifurcation")
    tarr = np.asarray(types)
    if len(pars) == 1:
        for t in sorted(set(types)):
            sel = tarr == t
            plt.plot(par_vals[pars[0]][sel], roots[sel], ".", markersize=3, label=t, **stability.plot_scheme[t])
        plt.xlabel(pars[0])
        plt.ylabel(x_var)
        plt.xlim(*analyzer._lims(pars[0]))
    else:
        ax = fig.add_subplot(projection="3d") if not fig.axes else fig.axes[0]
        for t in sorted(set(types)):
            sel = tarr == t
            ax.scatter(
                par_vals[pars[0]][sel], par_vals[pars[1]][sel], roots[sel], s=2, label=t, **stability.plot_scheme[t]
            )
        ax.set_xlabel(pars[0])
        ax.set_ylabel(pars[1])
        ax.set_zlabel(x_var)
    plt.legend()
    if show:
        plt.show()


class Bifurcation1D(Num1DAnalyzer):
    r"""Bifurcation analysis of 1D system (codimension 1 or 2).

    Parameters
    ----------
    model, target_pars, target_vars, fixed_vars, pars_update, resolutions, options
        As in :class:`LowDimAnalyzer`; ``target_pars`` names one or two parameters.
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
        if len(self.target_vars) != 1:
            raise AnalyzerError(f"Bifurcation1D analyzes one variable, but target_vars has {self.target_var_names}.")
        if len(self.target_pars) not in (1, 2):
            raise AnalyzerError(
                f"Bifurcation1D varies one or two parameters, but target_pars has {self.target_par_names}."
            )

    def plot_bifurcation(
        self,
        with_plot: bool = True,
        show: bool = False,
        with_return: bool = False,
        tol_aux: float = 1e-8,
        loss_screen: float | None = None,
    ) -> Any:
        r"""Compute the fixed points on the parameter grid and plot them against the parameter(s).

        Returns ``(fixed points, {parameter: values}, df/dx)`` if ``with_return``. ``tol_aux`` and
        ``loss_screen`` are accepted for compatibility (roots are bracketed, so no loss is screened).
        """
        self._log("I am making bifurcation analysis ...")
        roots, par_vals, dfdx = self._roots(self._par_table())
        types = [stability.stability_analysis(d) for d in dfdx]
        self.analyzed_results["fixed_points"] = (roots, par_vals, types)
        if with_plot:
            _plot_1d_bifurcation(self, self.x_var, self.target_par_names, roots, par_vals, types, show)
        if with_return:
            return roots, par_vals, dfdx
        return None


class FastSlow1D(Bifurcation1D):
    r"""Fast-slow analysis of a system with one fast variable (Rinzel's method).

    The slow variables are treated as the bifurcation parameters of the fast subsystem [1]_.

    Parameters
    ----------
    model : ODEIntegrator, list of ODEIntegrator, or DynamicalSystem
        The full system (fast and slow equations).
    fast_vars : dict
        ``{fast variable: [low, high]}`` (one).
    slow_vars : dict
        ``{slow variable: [low, high]}`` (one or two).
    fixed_vars, pars_update, resolutions, options
        As in :class:`LowDimAnalyzer`.

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
        resolutions: Any = None,
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
        r"""Simulate the full system and plot it over the bifurcation diagram (slow against fast)."""
        self._log("I am plotting the trajectory ...")
        names = self.fast_var_names + self.slow_var_names
        init = self._initials(initials, names)
        ts, traj = self._simulate(names, init, {}, duration, dt)
        if with_plot:
            import matplotlib.pyplot as plt  # noqa: PLC0415

            self._figure("bifurcation")
            if len(self.slow_var_names) == 1:
                for i in range(traj[names[0]].shape[1]):
                    plt.plot(traj[self.slow_var_names[0]][:, i], traj[names[0]][:, i], label=f"trajectory {i}")
                plt.legend()
            if show:
                plt.show()
        if with_return:
            return ts, traj
        return None
