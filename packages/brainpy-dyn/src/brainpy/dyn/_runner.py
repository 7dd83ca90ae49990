r"""``DSRunner`` (alias ``StructRunner``) and ``ReportRunner``: running dynamical systems.

``DSRunner`` compiles ONE structural loop (``jax.lax.scan`` inside ``bm.jit``)
that applies the inputs, calls ``target.update(t, dt)`` and gathers the
monitored values at every step. A run is executed in chunks of at most
``chunk_size`` steps by that same compiled loop; after each chunk the
recorded values are copied to host (NumPy) memory, so the device never holds
more than one chunk of history. ``ReportRunner`` steps through time in Python,
calling a per-step compiled function (or the plain Python update).
"""

from __future__ import annotations

import math
import numbers
import time
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.connect._base import to_device
from brainpy.dyn._base import DynamicalSystem
from brainpy.dyn._inputs import build_inputs
from brainpy.errors import RunningError
from brainpy.running._runner import Runner

__all__ = ["DSRunner", "StructRunner", "ReportRunner"]

_MAX_CHUNK = 10_000
_CHUNK_BYTES = 256 * 2**20  # monitored history per chunk on the device
#: a run recording more than this is split into about _PIPELINE_CHUNKS chunks: the host copies
#: (and unpacks) one chunk's records while the device computes the next
_PIPELINE_BYTES = 32 * 2**20
_PIPELINE_CHUNKS = 8


def _num_steps(duration: Any, dt: float) -> int:
    if isinstance(duration, bool) or not isinstance(duration, numbers.Real) or not duration > 0:
        raise RunningError(f"The duration must be a positive number of ms, but got {duration!r}.")
    return max(1, math.ceil(float(duration) / dt - 1e-6))


class DSRunner(Runner):
    r"""The runner for dynamical systems.

    Parameters
    ----------
    target : DynamicalSystem
        The system to simulate.
    inputs : tuple or list of tuples
        ``(target, value, [type, operation])`` or a list of them, e.g.
        ``[('E.input', 20.), ('I.input', 20.)]``. ``type`` is ``'fix'``
        (default), ``'iter'`` (per-step values) or ``'func'`` (a function of the
        time); ``operation`` is one of ``+ - * / =`` (default ``'+'``).
    dt : float, optional
        The time step (ms). Default: ``bm.get_dt()``.
    monitors, fun_monitors, jit, progress_bar, dyn_vars, numpy_mon_after_run
        See :class:`brainpy.running.Runner`.
    chunk_size : int, optional
        The most steps run by one call of the compiled loop (and kept on the
        device) before the recorded values go to host memory. Default: up to
        10 000 steps, fewer when one step records a lot.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> class Decay(bp.dyn.DynamicalSystem):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.x = bm.Variable(bm.ones(1))
    ...     def update(self, _t, _dt):
    ...         self.x.value = self.x * (1 - _dt / 10.)
    >>> runner = bp.dyn.DSRunner(Decay(), monitors=['x'], dt=0.1)
    >>> _ = runner.run(1.)
    >>> runner.mon.x.shape
    (10, 1)
    """

    def __init__(
        self,
        target: DynamicalSystem,
        inputs: Any = (),
        dt: float | None = None,
        chunk_size: int | None = None,
        **kwargs: Any,
    ) -> None:
        import brainpy.math as bm

        super().__init__(target, **kwargs)
        if not isinstance(target, DynamicalSystem):
            raise RunningError(
                f"{type(self).__name__} runs a brainpy.dyn.DynamicalSystem, but the target is a "
                f"{type(target).__name__}: {target!r}."
            )
        dt = bm.get_dt() if dt is None else dt
        if isinstance(dt, bool) or not isinstance(dt, numbers.Real) or not dt > 0:
            raise RunningError(f"dt must be a positive number of ms, but got dt={dt!r}.")
        self.dt = float(dt)
        if chunk_size is not None and (
            isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1
        ):
            raise RunningError(f"chunk_size must be a positive int, but got {chunk_size!r}.")
        self._chunk_size = chunk_size
        # everything is resolved here, before any tracing
        self._mon_targets = self._monitor_targets()
        # boolean monitors (spikes) travel packed 8 to a byte, and are unpacked on the host
        self._packed = {
            key: (var.size if idx is None else len(idx))
            for key, var, idx in self._mon_targets
            if np.dtype(var.dtype) == np.bool_ and key not in self.fun_monitors
        }
        self._inputs = build_inputs(target, inputs)
        self._start_t = 0.0
        self._compiled: Callable | None = None
        self._variables: list | None = None

    # ------------------------------------------------------------------ build
    def build_monitors(self) -> Callable:
        r"""Return the function ``func(_t, _dt)`` giving the monitored values of the current state.

        Raises
        ------
        RunningError
            If a monitored path does not name a Variable of the target.
        """
        targets = self._monitor_targets()
        fun_monitors = self.fun_monitors

        def func(_t, _dt):
            out = {}
            for key, var, idx in targets:
                flat = jnp.reshape(var.value, (-1,))
                out[key] = flat if idx is None else flat[idx]
            for key, fun in fun_monitors.items():
                out[key] = jnp.asarray(getattr(r := fun(_t, _dt), "value", r))
            return out

        func.__module__ = "brainpy.dyn.runners.ds_runner"
        func.__qualname__ = "DSRunner.build_monitors.<locals>.func"
        return func

    def _collect_variables(self) -> list:
        import brainpy.math as bm
        from brainpy.math._varcollect import collect_vars, merge

        found = collect_vars(self.target.vars().unique())
        rng = getattr(bm.random, "DEFAULT", None)
        extra = [rng] if isinstance(rng, bm.Variable) else []
        return merge(found, self.dyn_vars, [i.var for i in self._inputs], extra)

    def _step(self, t: Any, i: Any, iter_values: tuple) -> dict:
        r"""One step: the inputs, the target's update, then the monitored values."""
        it = iter(iter_values)
        for inp in self._inputs:
            inp.apply(t, self.dt, next(it) if inp.is_iter else None)
        self.target.update(t, self.dt)
        return self._mon_func(t, self.dt)

    def _packed_step(self, t: Any, i: Any, iter_values: tuple) -> dict:
        r""":meth:`_step` with the boolean monitors packed 8 to a byte (for the structural loop)."""
        out = self._step(t, i, iter_values)
        for key in self._packed:
            out[key] = _pack_bits(out[key])
        return out

    def _build(self) -> None:
        if self._variables is None:
            self._mon_func = self.build_monitors()
            self._variables = self._collect_variables()
            _strong_types(self._variables)
        if self._compiled is None and self.jit:
            self._compiled = _compile_loop(self._packed_step, self._variables)

    def _chunk_len(self, n_steps: int) -> int:
        if self._chunk_size is not None:
            return min(self._chunk_size, n_steps)
        per_step = sum(
            -(-self._packed[key] // 8)
            if key in self._packed
            else (var.size if idx is None else len(idx)) * var.dtype.itemsize
            for key, var, idx in self._mon_targets
        ) + 8 * len(self.fun_monitors)
        limit = max(1, min(_MAX_CHUNK, _CHUNK_BYTES // max(per_step, 1)))
        if per_step * n_steps > _PIPELINE_BYTES:  # several chunks, so that copies overlap the simulation
            limit = min(limit, -(-n_steps // _PIPELINE_CHUNKS))
        return _even_chunk(n_steps, limit)

    # -------------------------------------------------------------------- run
    def run(self, duration: float, start_t: float | None = None) -> float:
        r"""Run the simulation for ``duration`` ms; time continues from the previous run.

        Parameters
        ----------
        duration : float
            The simulated time (ms).
        start_t : float, optional
            The start time. Default: where the previous run ended (0 at first).

        Returns
        -------
        float
            The wall-clock time of the run, in seconds (compilation included).

        Raises
        ------
        RunningError
            For a bad duration or input; the model's Variables are left as they
            were before the run when anything fails.
        """
        start = self._start_t if start_t is None else float(start_t)
        n_steps = _num_steps(duration, self.dt)
        t0 = time.time()
        self._build()
        variables = self._variables
        saved = [v._value for v in variables]
        for inp in self._inputs:
            inp.start_run(n_steps)
        ts = start + np.arange(n_steps, dtype=np.float64) * self.dt
        recorder = _Recorder(self.mon, self._mon_targets, self.fun_monitors, ts, self.dt, self._packed)
        try:
            self._loop(n_steps, ts, recorder)
            jax.block_until_ready([v._value for v in variables])  # the elapsed time includes the work
        except BaseException:
            for v, x in zip(variables, saved):
                v._value = x
            raise
        recorder.finish(self.numpy_mon_after_run)
        self._start_t = start + n_steps * self.dt
        return time.time() - t0

    def __call__(self, duration: float, start_t: float | None = None) -> float:
        r"""Same as :meth:`run`."""
        return self.run(duration, start_t=start_t)

    def _bar(self, n_steps: int, long_run: bool) -> Any:
        show = self.progress_bar if self.progress_bar is not None else long_run
        if not show:
            return None
        try:
            from tqdm.auto import tqdm
        except ImportError:  # tqdm is optional
            return None
        return tqdm(total=n_steps, desc=type(self).__name__, unit="step")

    def _loop(self, n_steps: int, ts: np.ndarray, recorder: _Recorder) -> None:
        if not self.jit:
            self._python_loop(n_steps, ts, recorder, jitted=False)
            return
        chunk = self._chunk_len(n_steps)
        bar = self._bar(n_steps, n_steps > chunk)
        dtype = np.dtype(_float_dtype())
        pending = None  # the previous chunk's (start, stop, outputs)
        try:
            for a in range(0, n_steps, chunk):
                b = min(a + chunk, n_steps)
                iters = tuple(inp.chunk(a, b) for inp in self._inputs if inp.is_iter)
                # NumPy -> device copies: jnp.asarray/arange would compile a program per chunk length
                t_chunk = to_device(ts[a:b].astype(dtype))
                i_chunk = to_device(np.arange(a, b, dtype=np.int32))
                outs = self._compiled(t_chunk, i_chunk, iters)  # dispatched asynchronously
                if pending is not None:  # copy the previous chunk to host memory while this one runs
                    self._record(recorder, bar, *pending)
                pending = (a, b, outs)
            if pending is not None:
                self._record(recorder, bar, *pending)
        finally:
            if bar is not None:
                bar.close()

    @staticmethod
    def _record(recorder: _Recorder, bar: Any, start: int, stop: int, outs: dict) -> None:
        recorder.add(start, outs)
        if bar is not None:
            bar.update(stop - start)

    def _python_loop(self, n_steps: int, ts: np.ndarray, recorder: _Recorder, jitted: bool) -> None:
        import brainpy.math as bm

        if jitted and getattr(self, "_step_jit", None) is None:
            self._step_jit = bm.jit(self._step, dyn_vars=self._variables, auto_infer=False)
        step = self._step_jit if jitted else self._step
        recorder.packed = {}  # one step at a time: nothing to pack
        bar = self._bar(n_steps, n_steps > _MAX_CHUNK)
        dtype = np.dtype(_float_dtype())
        try:
            for a in range(n_steps):
                iters = tuple(inp.chunk(a, a + 1)[0] for inp in self._inputs if inp.is_iter)
                out = step(to_device(ts[a].astype(dtype)), to_device(np.int32(a)), iters)
                recorder.add(a, {k: np.asarray(v)[None] for k, v in out.items()})
                if bar is not None and ((a + 1) % 100 == 0 or a + 1 == n_steps):
                    bar.update(a + 1 - bar.n)
        finally:
            if bar is not None:
                bar.close()


#: The runner with the structural for-loop (the same class as :class:`DSRunner`).
StructRunner = DSRunner


class ReportRunner(DSRunner):
    r"""The runner provides convenient interface for debugging.

    It steps through time in a Python loop: each step calls a compiled step
    function (``jit=True``) or the plain Python update (``jit=False``, the
    default), so Python debuggers and prints work inside ``update``. It is
    slower than :class:`DSRunner`. Parameters as for :class:`DSRunner`.
    """

    def __init__(
        self, target: DynamicalSystem, inputs: Any = (), jit: bool = False, dt: float | None = None, **kwargs: Any
    ) -> None:
        super().__init__(target, inputs=inputs, dt=dt, jit=jit, **kwargs)

    def _build(self) -> None:
        if self._variables is None:
            self._mon_func = self.build_monitors()
            self._variables = self._collect_variables()

    def _loop(self, n_steps: int, ts: np.ndarray, recorder: _Recorder) -> None:
        self._python_loop(n_steps, ts, recorder, jitted=self.jit)


def _float_dtype() -> Any:
    import brainpy.math as bm

    return bm.get_dfloat()


def _strong_types(variables: list) -> None:
    r"""Give weakly typed Variable values (e.g. made by ``jnp.full(n, -60.)``) a strong dtype, in place.

    The compiled loop returns strongly typed values; a weakly typed input would
    make the second run's arguments differ from the first's and compile the
    whole loop a second time.
    """
    for var in variables:
        value = var._value
        if getattr(value, "weak_type", False) and not _is_tracer(value):
            var._value = to_device(np.asarray(value))


def _is_tracer(x: Any) -> bool:
    from brainpy._compat import is_tracer

    return is_tracer(x)


_BIT_WEIGHTS = np.array([128, 64, 32, 16, 8, 4, 2, 1], dtype=np.float32)


def _pack_bits(flags: Any) -> Any:
    r"""Pack a boolean vector 8 to a byte, in ``np.packbits`` order, inside the compiled step.

    A product with the bit weights (exact in float32) compiles to faster code
    on the CPU than ``jnp.packbits``' shift-and-sum over groups of 8.
    """
    x = flags.astype(jnp.float32)
    pad = (-x.shape[0]) % 8
    if pad:
        x = jnp.pad(x, (0, pad))
    packed = jnp.dot(x.reshape(-1, 8), _BIT_WEIGHTS, precision=jax.lax.Precision.HIGHEST)
    return packed.astype(jnp.uint8)


def _even_chunk(n_steps: int, limit: int) -> int:
    r"""The chunk length for ``n_steps`` steps, at most ``limit``.

    Every distinct chunk length is one more compilation of the loop, so when
    the run needs several chunks, a length that divides ``n_steps`` is taken if
    one lies in ``[limit / 2, limit]`` (all chunks then have the same length).
    """
    if n_steps <= limit:
        return n_steps
    for length in range(limit, (limit + 1) // 2 - 1, -1):
        if n_steps % length == 0:
            return length
    return limit


def _compile_loop(step: Callable, variables: list) -> Callable:
    r"""Compile ``step`` into one structural loop over a chunk of steps (Variables threaded through)."""
    import brainpy.math as bm

    def chunk(ts, idx, iters):
        return bm.for_loop(step, variables, (ts, idx, iters))

    return bm.jit(chunk, dyn_vars=variables, auto_infer=False)


class _Recorder:
    r"""Host-side storage of one run's monitored values, filled chunk by chunk."""

    def __init__(
        self, mon: Any, targets: list, fun_monitors: dict, ts: np.ndarray, dt: float, packed: dict | None = None
    ) -> None:
        self.mon, self.ts, self.n = mon, ts, len(ts)
        self.every: dict[str, int] = {}
        self.store: dict[str, Any] = {}
        self.shape: dict[str, tuple] = {}
        self.dtype: dict[str, Any] = {}
        self.packed = dict(packed or {})
        intervals = dict(zip(mon.item_names, mon.item_intervals))
        for key, var, idx in targets:
            interval = intervals.get(key)
            every = 1 if interval is None else max(1, round(interval / dt))
            self.every[key] = every
            width = var.size if idx is None else len(idx)
            self.shape[key] = (-(-self.n // every), width)
            self.dtype[key] = np.dtype(var.dtype)
            self.store[key] = None  # allocated on the first chunk (or taken from it)
        for key in fun_monitors:
            self.every[key] = 1
            self.store[key] = []

    def add(self, start: int, outs: dict) -> None:
        for key, value in outs.items():
            every = self.every[key]
            store = self.store[key]
            if isinstance(store, list):
                store.append(np.asarray(value))
                continue
            first = (-start) % every
            rows = np.asarray(value)  # host memory first: slicing the device array would compile
            if every > 1:
                rows = rows[first::every]
            fresh = False
            if key in self.packed:
                rows = np.unpackbits(rows, axis=-1, count=self.packed[key]).view(np.bool_)
                fresh = True
            pos = (start + first) // every
            if store is None:
                if fresh and pos == 0 and rows.shape == self.shape[key]:
                    self.store[key] = rows  # the whole run in one chunk: no second copy
                    continue
                store = self.store[key] = np.empty(self.shape[key], dtype=self.dtype[key])
            store[pos : pos + rows.shape[0]] = rows

    def finish(self, as_numpy: bool) -> None:
        contents = {}
        for key, store in self.store.items():
            if store is None:  # no chunk (cannot happen for a run of >= 1 step)
                store = np.empty(self.shape[key], dtype=self.dtype[key])
            contents[key] = np.concatenate(store) if isinstance(store, list) else store
            if self.every[key] > 1:
                contents[f"{key}.t"] = self.ts[:: self.every[key]]
        if not as_numpy:
            contents = {k: to_device(v) for k, v in contents.items()}
        self.mon.item_contents = contents
        self.mon.ts = self.ts if as_numpy else to_device(self.ts)
