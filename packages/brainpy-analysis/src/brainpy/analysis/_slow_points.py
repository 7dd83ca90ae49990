r"""Fixed and slow points of high-dimensional systems by numerical optimization [1]_.

For a continuous system :math:`\dot x = f(x)` the speed :math:`q(x) = \frac{1}{2}\,\overline{f(x)^2}`
(the mean over the state's dimensions) is minimised; for a discrete one :math:`x_{n+1} = f(x_n)`
it is :math:`q(x) = \frac{1}{2}\,\overline{(x - f(x))^2}`. Minima with :math:`q = 0` are fixed
points, small non-zero minima slow points; the Jacobian there gives the linearised dynamics.

References
----------
.. [1] Sussillo, D., & Barak, O. (2013). Opening the black box: low-dimensional dynamics in
       high-dimensional recurrent neural networks. Neural Computation 25(3), 626-649.
       https://doi.org/10.1162/NECO_a_00409
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.analysis._utils import as_jax, logger
from brainpy.errors import AnalyzerError
from brainpy.math import JaxArray

__all__ = ["SlowPointFinder"]


class SlowPointFinder:
    r"""Find fixed/slow points by numerical optimization.

    Parameters
    ----------
    f_cell : callable or DynamicalSystem
        ``f(x) -> dx/dt`` (continuous) or ``f(x) -> x_next`` (discrete) on a state vector ``x``.
        A DynamicalSystem is analysed through its floating-point Variables (or ``target_vars``),
        concatenated into one vector: one ``update(0., dt)`` call is the discrete map, and
        ``(update - x) / dt`` the continuous speed.
    f_type : {'continuous', 'discrete'}
        The kind of system. Default ``'continuous'``.
    f_loss_batch : callable, optional
        ``f_loss_batch(points) -> per-point losses``, replacing the default speed.
    verbose : bool
        Report progress through the ``"brainpy.analysis"`` logger. Default True.
    target_vars : dict of Variable, optional
        With a DynamicalSystem: the Variables forming the state (default: all float Variables).
    dt : float, optional
        With a DynamicalSystem: the step of ``update`` (``bm.get_dt()`` by default).

    Attributes
    ----------
    fixed_points : numpy.ndarray
        The current points, ``(N, dim)``.
    losses : numpy.ndarray
        Their losses :math:`q`.
    selected_ids : numpy.ndarray
        Their indices among the initial candidates.

    Examples
    --------
    >>> finder = bp.analysis.SlowPointFinder(f_cell=step)  # doctest: +SKIP
    >>> finder.find_fps_with_gd_method(candidates=bm.random.random((1000, 2)), tolerance=1e-5,
    ...     num_batch=200, opt_setting=dict(method=bm.optimizers.Adam,
    ...                                     lr=bm.optimizers.ExponentialDecay(0.01, 1, 0.9999)))  # doctest: +SKIP
    >>> finder.filter_loss(1e-5); finder.keep_unique()  # doctest: +SKIP
    """

    def __init__(
        self,
        f_cell: Any,
        f_type: str = "continuous",
        f_loss_batch: Callable[..., Any] | None = None,
        verbose: bool = True,
        target_vars: Mapping[str, Any] | None = None,
        dt: float | None = None,
    ) -> None:
        if f_type not in ("continuous", "discrete"):
            raise AnalyzerError(f"f_type must be 'continuous' or 'discrete', but got f_type={f_type!r}.")
        self.f_type = f_type
        self.verbose = bool(verbose)
        self.f_loss_batch = f_loss_batch
        self._vars: list[Any] = []
        if callable(getattr(f_cell, "update", None)) and callable(getattr(f_cell, "vars", None)):
            self._f = self._ds_function(f_cell, target_vars, dt)
        elif callable(f_cell):
            self._f = lambda x: as_jax(f_cell(_CellState(x)))
        else:
            raise AnalyzerError(
                f"f_cell must be a function f(x) or a DynamicalSystem, but got {type(f_cell).__name__}."
            )
        self.f_cell = f_cell
        self._fixed_points = np.zeros((0, 0))
        self._losses = np.zeros(0)
        self._selected_ids = np.zeros(0, dtype=int)
        self._jit_loss = jax.jit(self._batch_loss)

    # ------------------------------------------------------------------ the state function
    def _ds_function(self, ds: Any, target_vars: Mapping[str, Any] | None, dt: float | None) -> Callable[[Any], Any]:
        from brainpy.math import get_dt  # noqa: PLC0415

        if target_vars is None:
            collected = ds.vars().unique()
            target_vars = {
                k: v for k, v in collected.items() if jnp.issubdtype(jnp.asarray(v.value).dtype, jnp.floating)
            }
        if not target_vars:
            raise AnalyzerError(f"The system {getattr(ds, 'name', ds)} has no floating-point Variable to analyse.")
        self._vars = list(target_vars.values())
        self.target_var_names = list(target_vars)
        shapes = [tuple(v.shape) for v in self._vars]
        sizes = [int(np.prod(s)) for s in shapes]
        step = float(get_dt() if dt is None else dt)
        continuous = self.f_type == "continuous"
        variables = self._vars

        def f(x: Any) -> Any:
            old = [v.value for v in variables]
            parts = jnp.split(x, np.cumsum(sizes)[:-1])
            try:
                for v, p, s in zip(variables, parts, shapes):
                    v.value = p.reshape(s)
                ds.update(0.0, step)
                new = jnp.concatenate([jnp.ravel(as_jax(v.value)) for v in variables])
            finally:
                for v, o in zip(variables, old):
                    v.value = o
            return (new - x) / step if continuous else new

        return f

    def _point_loss(self, x: Any) -> Any:
        y = self._f(x)
        return 0.5 * jnp.mean((y if self.f_type == "continuous" else x - y) ** 2)

    def _batch_loss(self, xs: Any) -> Any:
        if self.f_loss_batch is not None:
            return jnp.ravel(as_jax(self.f_loss_batch(xs)))
        return jax.vmap(self._point_loss)(xs)

    def _candidates(self, candidates: Any) -> np.ndarray:
        if isinstance(candidates, Mapping):
            if not self._vars:
                raise AnalyzerError("candidates may be a dict only when f_cell is a DynamicalSystem.")
            missing = [k for k in self.target_var_names if k not in candidates]
            if missing:
                raise AnalyzerError(
                    f"candidates must give every state Variable {self.target_var_names}; missing {missing}."
                )
            parts = [np.asarray(as_jax(candidates[k])) for k in self.target_var_names]
            arr = np.concatenate([p.reshape(p.shape[0], -1) for p in parts], axis=1)
        else:
            arr = np.asarray(as_jax(candidates))
        if arr.ndim != 2 or arr.shape[0] == 0:
            raise AnalyzerError(f"candidates must be a 2-D array (num_points, dim), but got shape {arr.shape}.")
        return arr

    def _log(self, msg: str) -> None:
        if self.verbose:
            logger.info(msg)

    # ------------------------------------------------------------------ properties
    @property
    def fixed_points(self) -> np.ndarray:
        """The current fixed/slow points, ``(N, dim)``."""
        return self._fixed_points

    @property
    def losses(self) -> np.ndarray:
        """The losses of :attr:`fixed_points`."""
        return self._losses

    @property
    def selected_ids(self) -> np.ndarray:
        """The indices of :attr:`fixed_points` among the initial candidates."""
        return self._selected_ids

    def _set(self, points: Any, losses: Any, ids: Any) -> None:
        self._fixed_points, self._losses, self._selected_ids = np.asarray(points), np.asarray(losses), np.asarray(ids)

    # ------------------------------------------------------------------ optimization
    def find_fps_with_gd_method(
        self,
        candidates: Any,
        tolerance: float = 1e-5,
        num_batch: int = 100,
        num_opt: int = 10000,
        optimizer: Any = None,
        opt_setting: dict | None = None,
    ) -> None:
        r"""Optimize the candidates by gradient descent until the mean loss is below ``tolerance``.

        Parameters
        ----------
        candidates : array_like
            ``(N, dim)`` initial points (or, for a DynamicalSystem, a dict of per-Variable batches).
        tolerance : float
            Stop when the mean loss falls below it. Default 1e-5.
        num_batch : int
            Optimization steps per report. Default 100.
        num_opt : int
            Maximum number of steps. Default 10000.
        optimizer : Optimizer, optional
            A ``bp.optim`` optimizer instance (its variables are registered here).
        opt_setting : dict, optional
            ``dict(method=bm.optimizers.Adam, lr=..., **kwargs)``, used when ``optimizer`` is None.
            Default: Adam with ``ExponentialDecay(0.2, 1, 0.9999)``.
        """
        import brainpy.math as bm  # noqa: PLC0415
        from brainpy import optimizers  # noqa: PLC0415

        if not (isinstance(num_batch, int) and num_batch > 0 and isinstance(num_opt, int) and num_opt > 0):
            raise AnalyzerError(f"num_batch and num_opt must be positive integers, got {num_batch!r}, {num_opt!r}.")
        x0 = self._candidates(candidates)
        fps = bm.TrainVar(jnp.asarray(x0))
        if optimizer is None:
            setting = dict(opt_setting or {})
            method = setting.pop("method", optimizers.Adam)
            lr = setting.pop("lr", optimizers.ExponentialDecay(0.2, 1, 0.9999))
            optimizer = method(lr=lr, **setting)
        if not isinstance(optimizer, optimizers.Optimizer):
            raise AnalyzerError(f"optimizer must be a bp.optim.Optimizer instance, got {type(optimizer).__name__}.")
        optimizer.register_vars({"fixed_points": fps})
        mean_loss = lambda x: jnp.mean(self._batch_loss(x))  # noqa: E731
        grad = jax.grad(mean_loss)
        dyn_vars = list({id(v): v for v in [fps, *optimizer.vars().values()]}.values())

        def train(_: Any) -> Any:
            optimizer.update({"fixed_points": grad(fps.value)})
            return mean_loss(fps.value)

        run = bm.jit(lambda idx: bm.for_loop(train, dyn_vars, idx), dyn_vars=dyn_vars)
        self._log(f"Optimizing with {type(optimizer).__name__} to find fixed points:")
        done = 0
        while done < num_opt:
            n = min(num_batch, num_opt - done)
            t0 = time.time()
            losses = np.asarray(as_jax(run(jnp.arange(done, done + n))))
            done += n
            loss = float(losses[-1])
            self._log(f"Batches {done - n + 1}-{done} in {time.time() - t0:0.2f} sec, Training loss {loss:0.10f}")
            if loss < tolerance:
                self._log(f"Stop optimization as mean training loss {loss:0.10f} is below tolerance {tolerance:0.10f}.")
                break
        points = np.asarray(as_jax(fps.value))
        self._set(points, np.asarray(self._jit_loss(jnp.asarray(points))), np.arange(len(points)))

    def find_fps_with_opt_solver(self, candidates: Any, opt_method: Any = None) -> None:
        r"""Optimize the candidates with a SciPy solver.

        By default (``opt_method=None`` or ``'BFGS'``) every candidate is minimised on its own by
        the BFGS method of :func:`jax.scipy.optimize.minimize`, all candidates at once
        (``jax.vmap``; memory grows as ``N * dim**2``). Another :func:`scipy.optimize.minimize`
        method name minimises the sum of the (independent) per-point losses in one SciPy call,
        with the gradient from JAX.

        Parameters
        ----------
        candidates : array_like
            ``(N, dim)`` initial points.
        opt_method : str or callable, optional
            ``None``/``'BFGS'``, a :func:`scipy.optimize.minimize` method name such as ``'L-BFGS-B'``,
            or a callable ``opt_method(fun, x0, jac) -> result with .x``.
        """
        from scipy import optimize  # noqa: PLC0415

        x0 = self._candidates(candidates)
        shape, dtype = x0.shape, x0.dtype
        total = jax.jit(jax.value_and_grad(lambda x: jnp.sum(self._batch_loss(x.reshape(shape)))))

        def fun(x: np.ndarray) -> tuple[float, np.ndarray]:
            value, g = total(jnp.asarray(x, dtype=dtype))
            return float(value), np.asarray(g, dtype=float)

        self._log("Optimizing to find fixed points:")
        if opt_method is None or (isinstance(opt_method, str) and opt_method.lower() == "bfgs"):
            from jax.scipy.optimize import minimize as jax_minimize  # noqa: PLC0415

            dim = x0.shape[1]

            def solve(x: Any) -> Any:  # the summed squared speed: BFGS's gtol then does not shrink with dim
                return jax_minimize(lambda y: self._point_loss(y) * dim, x, method="BFGS").x

            points = np.asarray(jax.jit(jax.vmap(solve))(jnp.asarray(x0)))
            ok = np.all(np.isfinite(points), axis=1)
            self._log(f"Found {int(ok.sum())} fixed points from {len(points)} initial points.")
            points = points[ok]
            self._set(points, np.asarray(self._jit_loss(jnp.asarray(points))), np.nonzero(ok)[0])
            return
        if callable(opt_method):
            result = opt_method(fun, x0.ravel().astype(float), True)
        else:
            result = optimize.minimize(
                fun,
                x0.ravel().astype(float),
                jac=True,
                method=opt_method,
                options={"maxiter": 2000, "ftol": 1e-14, "gtol": 1e-12},
            )
        points = np.asarray(result.x, dtype=dtype).reshape(shape)
        ok = np.all(np.isfinite(points), axis=1)
        self._log(f"Found {int(ok.sum())} fixed points from {len(points)} initial points.")
        points = points[ok]
        self._set(points, np.asarray(self._jit_loss(jnp.asarray(points))), np.nonzero(ok)[0])

    # ------------------------------------------------------------------ selection
    def filter_loss(self, tolerance: float = 1e-5) -> None:
        r"""Keep the points whose loss (squared speed) is below ``tolerance``."""
        self._log(f"Excluding fixed points with squared speed above tolerance {tolerance}:")
        keep = self._losses < tolerance
        n = len(self._losses)
        self._set(self._fixed_points[keep], self._losses[keep], self._selected_ids[keep])
        self._log(f"Kept {int(keep.sum())}/{n} fixed points with tolerance under {tolerance}.")

    def keep_unique(self, tolerance: float = 2.5e-2) -> None:
        r"""Drop points closer than ``tolerance`` (Euclidean) to an earlier kept one."""
        from brainpy.analysis._utils import unique_points  # noqa: PLC0415

        self._log("Excluding non-unique fixed points:")
        n = len(self._fixed_points)
        keep = unique_points(self._fixed_points, np.zeros((n, 0)), tolerance) if n else np.zeros(0, dtype=int)
        self._set(self._fixed_points[keep], self._losses[keep], self._selected_ids[keep])
        self._log(f"Kept {len(keep)}/{n} unique fixed points with uniqueness tolerance {tolerance}.")

    def exclude_outliers(self, tolerance: float = 1e0) -> None:
        r"""Drop points whose nearest other point is farther than ``tolerance`` (Euclidean)."""
        self._log("Excluding outliers:")
        pts = self._fixed_points
        n = len(pts)
        if n <= 1:
            self._log(f"Kept {n}/{n} fixed points with outlier tolerance {tolerance}.")
            return
        d = np.linalg.norm(pts[:, None, :] - pts[None, :, :], axis=-1)
        np.fill_diagonal(d, np.inf)
        keep = d.min(axis=1) <= tolerance
        self._set(pts[keep], self._losses[keep], self._selected_ids[keep])
        self._log(f"Kept {int(keep.sum())}/{n} fixed points with outlier tolerance {tolerance}.")

    # ------------------------------------------------------------------ linearisation
    def compute_jacobians(self, points: Any) -> np.ndarray:
        r"""The Jacobians :math:`\partial f / \partial x` at ``points`` (``(N, dim, dim)``, or ``(dim, dim)``
        for one point)."""
        pts = np.asarray(as_jax(points))
        single = pts.ndim == 1
        pts = pts[None] if single else pts
        jac = np.asarray(jax.jit(jax.vmap(jax.jacfwd(self._f)))(jnp.asarray(pts)))
        return jac[0] if single else jac

    @staticmethod
    def decompose_eigenvalues(
        matrices: Any, sort_by: str = "magnitude", do_compute_lefts: bool = True
    ) -> list[dict[str, np.ndarray]]:
        r"""Eigen-decompose each matrix: ``{'eig_values', 'R' (right vectors), 'L' (left vectors)}``.

        Eigenvalues are sorted in decreasing ``'magnitude'`` (absolute value) or ``'real'`` part;
        the left vectors are the columns of :math:`(R^{-1})^T` (pseudo-inverse), so that
        :math:`L^T R = I`.
        """
        if sort_by not in ("magnitude", "real"):
            raise AnalyzerError(f"sort_by must be 'magnitude' or 'real', but got {sort_by!r}.")
        out = []
        for m in np.asarray(as_jax(matrices)).reshape((-1,) + np.shape(matrices)[-2:]):
            evals, R = np.linalg.eig(m)
            key = np.abs(evals) if sort_by == "magnitude" else np.real(evals)
            order = np.argsort(-key, kind="stable")
            evals, R = evals[order], R[:, order]
            item = {"eig_values": evals, "R": R}
            if do_compute_lefts:
                item["L"] = np.linalg.pinv(R).T
            out.append(item)
        return out


class _CellState(JaxArray):
    """The state handed to a function ``f_cell``: a ``JaxArray`` whose elements are ``JaxArray`` too.

    The spec's cells index the state and call ``.value`` on what the model's
    derivative returns (``int_s1.f(s[0], 0., s[1]).value``). In BrainPy 2.1
    that result was a ``JaxArray`` because JAX's arrays deferred mixed
    arithmetic to it; today's JAX converts a ``JaxArray`` operand itself and
    returns a plain array. Indexing the state into ``JaxArray`` elements keeps
    every value derived from it a ``JaxArray``, as it was.
    """

    def __getitem__(self, index: Any) -> JaxArray:
        return JaxArray(super().__getitem__(index))
