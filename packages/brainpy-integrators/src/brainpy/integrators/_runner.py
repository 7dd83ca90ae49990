r"""``IntegratorRunner``: run an integrator over time inside one compiled loop."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.base import Base
from brainpy.errors import MonitorError, RunningError
from brainpy.integrators._base import Integrator
from brainpy.integrators._utils import is_jaxarray, unwrap

__all__ = ["IntegratorRunner", "MonitorData"]


class MonitorData(dict):
    r"""The monitored histories: ``mon.ts``, ``mon.V`` or ``mon['V']``."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"Nothing named {name!r} was monitored; monitored: {sorted(self)}.") from None


def _collect(obj: Any) -> list[Any]:
    if isinstance(obj, Base):
        return list(obj.vars().values())
    if is_jaxarray(obj) and hasattr(obj, "_set_inplace"):
        return [obj]
    if isinstance(obj, Mapping):
        return [v for x in obj.values() for v in _collect(x)]
    if isinstance(obj, (list, tuple)):
        return [v for x in obj for v in _collect(x)]
    return []


class IntegratorRunner(Base):
    r"""Structural runner for numerical integrators in brainpy.

    Holds one ``bm.Variable`` per variable of the integrator and advances them with
    ``bm.for_loop`` inside ``bm.jit``; the monitored values after each step are
    collected in :attr:`mon`.

    Parameters
    ----------
    target : Integrator
        An integrator made by ``bp.odeint``, ``bp.sdeint``, an FDE class, ...
    inits : dict or sequence, optional
        Initial values, ``{'V': 0., 'w': 0.}`` or in variable order. Scalars become
        arrays of shape ``(1,)``. Default: an FDE's ``inits``, otherwise 0.
    args : dict, optional
        Values of the parameters (fixed during the run).
    dyn_args : dict, optional
        Parameters that change over time: arrays whose first axis is the step.
    dt : float, optional
        The step (the integrator's ``dt`` by default).
    fun_monitors : dict, optional
        ``{name: fn(t, dt)}`` evaluated after each step.
    monitors : sequence of str, optional
        Names of variables to record.
    dyn_vars : Variable, sequence or dict, optional
        Further Variables changed during the run (delay internals, ...).
    jit : bool
        Compile the loop (default True); False runs step by step in Python.
    numpy_mon_after_run : bool
        Convert the monitored histories to NumPy arrays (default True).
    progress_bar : bool
        Show a tqdm progress bar (the run is split into 20 compiled chunks).

    Notes
    -----
    ``mon.ts[i]`` is the time at which the monitored values hold: :math:`t_0 + (i + 1)\Delta t`.
    """

    def __init__(
        self,
        target: Integrator,
        inits: Any = None,
        args: Mapping[str, Any] | None = None,
        dyn_args: Mapping[str, Any] | None = None,
        dt: float | None = None,
        fun_monitors: Mapping[str, Callable[..., Any]] | None = None,
        monitors: Sequence[str] | None = None,
        dyn_vars: Any = None,
        jit: bool = True,
        numpy_mon_after_run: bool = True,
        progress_bar: bool = True,
        name: str | None = None,
    ) -> None:
        super().__init__(name=name)
        if not isinstance(target, Integrator):
            raise RunningError(
                f"IntegratorRunner needs an integrator (bp.odeint(...), bp.sdeint(...), bp.fde.*), "
                f"but got {type(target).__name__}."
            )
        self.target = target
        self.dt = float(target.dt if dt is None else dt)
        names = target.variables
        self.args = dict(args or {})
        self.dyn_args = {k: unwrap(v) for k, v in (dyn_args or {}).items()}
        for k in (*self.args, *self.dyn_args):
            if k not in target.parameters and not target.signature.var_keyword:
                raise RunningError(
                    f"args/dyn_args name {k!r}, but the parameters of {target.name} are {target.parameters}."
                )
        lengths = {int(jnp.shape(v)[0]) for v in self.dyn_args.values()}
        if len(lengths) > 1:
            raise RunningError(
                f"Every dyn_args array must have the same length (steps), but got lengths {sorted(lengths)}."
            )
        self.monitors = list(monitors or [])
        for m in self.monitors:
            if m not in names:
                raise MonitorError(f"Cannot monitor {m!r}: the variables of {target.name} are {names}.")
        self.fun_monitors = dict(fun_monitors or {})
        self.variables = self._initial(inits)
        self.register_implicit_vars({f"var_{k}": v for k, v in self.variables.items()})
        self.register_implicit_nodes({"target": target})
        extra = _collect(dyn_vars) + _collect(self.args) + _collect(target)
        seen: dict[int, Any] = {}
        for v in [*self.variables.values(), *extra]:
            seen.setdefault(id(v), v)
        self.dyn_vars = list(seen.values())
        self.jit, self.numpy_mon_after_run, self.progress_bar = bool(jit), bool(numpy_mon_after_run), bool(progress_bar)
        self._start_t = 0.0
        self.mon = MonitorData()
        self._compiled: Callable[..., Any] | None = None

    def _initial(self, inits: Any) -> dict[str, Any]:
        from brainpy.math import Variable  # noqa: PLC0415

        names, target = self.target.variables, self.target
        if inits is None:
            inits = list(getattr(target, "inits", [0.0] * len(names)))
        if isinstance(inits, Mapping):
            missing = [n for n in names if n not in inits]
            if missing:
                raise RunningError(f"inits has no value for {missing}; the variables are {names}.")
            inits = [inits[n] for n in names]
        elif is_jaxarray(inits) or isinstance(inits, (np.ndarray, jnp.ndarray)):
            inits = list(inits) if len(names) > 1 else [inits]
        if not isinstance(inits, (list, tuple)) or len(inits) != len(names):
            raise RunningError(f"inits must give one value per variable {names}, but got {inits!r}.")
        out = {}
        for name, value in zip(names, inits):
            value = jnp.asarray(unwrap(value), jnp.result_type(float))
            if value.ndim == 0:
                value = value.reshape((1,))
            delay = target.state_delays.get(name)
            if delay is not None and hasattr(delay, "data"):
                value = jnp.broadcast_to(value, jnp.shape(delay.data)[1:])
            out[name] = Variable(value)
        return out

    # ---- stepping ---------------------------------------------------------------------
    def _step(self, t: Any, *dyn: Any) -> dict[str, Any]:
        target, dt = self.target, self.dt
        kwargs = dict(self.args)
        kwargs.update(zip(self.dyn_args, dyn))
        out = target(*(v.value for v in self.variables.values()), t, dt=dt, **kwargs)
        if getattr(target, "adaptive", False):
            out = out[:-1]
        out = out if isinstance(out, tuple) else (out,)
        for var, new in zip(self.variables.values(), out):
            var.value = jnp.broadcast_to(unwrap(new), var.shape).astype(var.dtype)
        mon = {m: self.variables[m].value for m in self.monitors}
        for key, fn in self.fun_monitors.items():
            mon[key] = unwrap(fn(t + dt, dt))
        return mon

    def _loop(self, ts: Any, *dyn: Any) -> Any:
        from brainpy.math import for_loop  # noqa: PLC0415

        return for_loop(self._step, self.dyn_vars, (ts, *dyn))

    def run(self, duration: float, start_t: float | None = None) -> MonitorData:
        r"""Run for ``duration`` (continuing from the end of the previous run).

        Returns
        -------
        MonitorData
            :attr:`mon`: ``ts`` and one history per monitor.
        """
        if isinstance(duration, bool) or not isinstance(duration, (int, float)) or duration <= 0:
            raise RunningError(f"duration must be a positive number, but got {duration!r}.")
        start = self._start_t if start_t is None else float(start_t)
        n = int(round(duration / self.dt))
        if self.dyn_args:
            avail = int(jnp.shape(next(iter(self.dyn_args.values())))[0])
            if avail < n:
                raise RunningError(f"dyn_args hold {avail} steps, but the run needs {n} (duration/dt).")
        ts = start + self.dt * jnp.arange(n, dtype=jnp.result_type(float))
        dyn = [v[:n] for v in self.dyn_args.values()]
        chunks = self._chunks(n)
        results: list[Any] = []
        bar = self._bar(n)
        begin = 0
        for size in chunks:
            part = (ts[begin : begin + size], *(d[begin : begin + size] for d in dyn))
            results.append(self._run_chunk(*part))
            begin += size
            if bar is not None:
                bar.update(size)
        if bar is not None:
            bar.close()
        mon = {k: jnp.concatenate([unwrap(r[k]) for r in results]) for k in (*self.monitors, *self.fun_monitors)}
        mon["ts"] = ts + self.dt
        if self.numpy_mon_after_run:
            mon = {k: np.asarray(v) for k, v in mon.items()}
        self.mon = MonitorData(mon)
        self._start_t = start + n * self.dt
        return self.mon

    __call__ = run

    def _chunks(self, n: int) -> list[int]:
        if not self.progress_bar or n < 20:
            return [n]
        size = math.ceil(n / 20)
        return [size] * (n // size) + ([n % size] if n % size else [])

    def _bar(self, n: int) -> Any:
        if not self.progress_bar:
            return None
        try:
            from tqdm.auto import tqdm  # noqa: PLC0415
        except ImportError:  # optional dependency
            return None
        return tqdm(total=n)

    def _run_chunk(self, *part: Any) -> Any:
        if not self.jit:
            outs = [self._step(*(p[i] for p in part)) for i in range(int(part[0].shape[0]))]
            return {k: jnp.stack([o[k] for o in outs]) for k in (outs[0] if outs else {})}
        if self._compiled is None:
            from brainpy.math import jit  # noqa: PLC0415

            self._compiled = jit(self._loop, dyn_vars=self.dyn_vars)
        return self._compiled(*part)
