r"""``bp.nn.RNNRunner``: run a node or network over time series, compiled.

Every series has the batch axis first and the time axis second:
``(num_batch, num_time, ...)``. The runner moves the time axis to the front,
loops over it with ``bm.for_loop`` (one ``jax.lax.scan``) inside ``bm.jit``,
and moves it back. The compiled loop is cached per set of Variables and
options, so repeated calls reuse it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from brainpy.base import Base
from brainpy.errors import ArgumentTypeError, InvalidArgumentError
from brainpy.nn._inputs import check_inputs
from brainpy.nn._network import Network
from brainpy.nn._node import Node

__all__ = ["RNNRunner"]


def _jit_setting(jit: Any, keys: tuple[str, ...]) -> dict[str, bool]:
    if isinstance(jit, bool):
        return {k: jit for k in keys}
    if isinstance(jit, Mapping):
        unknown = [k for k in jit if k not in keys]
        if unknown:
            raise InvalidArgumentError(f"jit has unknown keys {unknown}; expected some of {list(keys)}.")
        return {k: bool(jit.get(k, True)) for k in keys}
    raise ArgumentTypeError(f"jit must be a bool or a dict like {{'predict': True}}, but got {type(jit).__name__}.")


def _swap(x: Any) -> Any:
    """(batch, time, ...) <-> (time, batch, ...)."""
    import brainpy.math as bm
    import jax

    return jax.tree_util.tree_map(
        lambda a: bm.as_jax(a).swapaxes(0, 1), x, is_leaf=lambda a: isinstance(a, bm.JaxArray)
    )


def _wrap(x: Any) -> Any:
    import brainpy.math as bm
    import jax

    return jax.tree_util.tree_map(lambda a: bm.asarray(a), x)


class _Progress:
    """A tqdm bar updated from inside compiled loops (through ``jax.debug.callback``)."""

    def __init__(self, total: int, enabled: bool, desc: str) -> None:
        self.bar = None
        self.every = max(1, total // 100)
        if enabled:
            try:
                from tqdm import tqdm
            except ImportError:  # pragma: no cover - tqdm is optional
                return
            self.bar = tqdm(total=total, desc=desc)

    def tick(self, i: Any) -> None:
        if self.bar is None:
            return
        import jax

        def update(_i: Any) -> None:
            self.bar.update(self.every)

        jax.lax.cond(i % self.every == 0, lambda: jax.debug.callback(update, i), lambda: None)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.n = self.bar.total
            self.bar.close()


class RNNRunner(Base):
    r"""Structural Runner for Recurrent Neural Networks.

    Parameters
    ----------
    target : Node or Network
        The model (initialize it first, or the first call initializes it for
        the batch size of the data).
    jit : bool or dict
        Whether to compile the loop. Default True.
    progress_bar : bool
        Show a tqdm bar while running (when tqdm is installed). Default True;
        ``predict(..., progress_bar=False)`` switches it off for one call.
    name : str, optional

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> model = bp.nn.Input(3) >> bp.nn.Reservoir(100) >> bp.nn.LinearReadout(3)
    >>> model.initialize()
    >>> runner = bp.nn.RNNRunner(model, jit=True)
    >>> runner.predict(bm.ones((1, 50, 3)), progress_bar=False).shape
    (1, 50, 3)
    """

    _jit_keys: tuple[str, ...] = ("predict",)

    def __init__(
        self, target: Node, jit: Any = True, progress_bar: bool = True, name: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(name=name)
        if not isinstance(target, Node):
            raise ArgumentTypeError(
                f"{type(self).__name__} runs a bp.nn.Node or Network, but got {type(target).__name__}."
            )
        if kwargs:
            raise ArgumentTypeError(f"{type(self).__name__} got unexpected arguments {sorted(kwargs)}.")
        self.target = target
        self.jit = _jit_setting(jit, self._jit_keys)
        self.progress_bar = bool(progress_bar)
        self._cache: dict[Any, Callable] = {}

    # ----------------------------------------------------------------- data
    def _batch_time(self, xs: Any, what: str = "xs") -> tuple[int, int]:
        """Check ``xs`` against the input nodes (before any tracing); return (num_batch, num_time)."""
        return check_inputs(self.target, xs, what=what)

    def _prepare(self, num_batch: int, reset: bool, initial_states: Any, initial_feedbacks: Any) -> None:
        t = self.target
        if not t.is_initialized:
            t.initialize(num_batch)
        elif reset or self._current_batch() not in (None, num_batch):
            t.init_state(num_batch)
        nodes = self._nodes()
        for kind, values in (("state", initial_states), ("fb_output", initial_feedbacks)):
            for key, value in (values or {}).items():
                if key not in nodes or getattr(nodes[key], kind) is None:
                    raise InvalidArgumentError(
                        f"initial_{'states' if kind == 'state' else 'feedbacks'} names {key!r}, which "
                        f"is not a node of {t.name} with a {kind}. Nodes: {list(nodes)}."
                    )
                getattr(nodes[key], kind).value = value

    def _nodes(self) -> dict[str, Node]:
        t = self.target
        return {n.name: n for n in t.lnodes} if isinstance(t, Network) else {t.name: t}

    def _current_batch(self) -> int | None:
        for n in self._nodes().values():
            for v in (n.state, n.fb_output):
                if v is not None and v.ndim:
                    return int(v.shape[0])
        return None

    def _variables(self) -> Any:
        return self.target.vars().unique()

    # -------------------------------------------------------------- running
    def _step(self, x: Any, forced_states: Any, forced_feedbacks: Any, shared: dict) -> Any:
        if isinstance(self.target, Network):
            return self.target(x, forced_states=forced_states, forced_feedbacks=forced_feedbacks, **shared)
        return self.target(
            x, forced_states=None if forced_states is None else forced_states.get(self.target.name), **shared
        )

    def _loop(self, body: Callable, key: Any, use_jit: bool, progress: _Progress) -> Callable:
        import brainpy.math as bm

        variables = self._variables()
        cache_key = (key, tuple(id(v) for v in variables.values()), use_jit, progress.bar is not None)
        if cache_key in self._cache:
            return self._cache[cache_key]

        def run(*operands: Any) -> Any:
            return bm.for_loop(body, dyn_vars=variables, operands=list(operands))

        fn = bm.jit(run, dyn_vars=variables) if use_jit else run
        if progress.bar is None:
            self._cache[cache_key] = fn
        return fn

    def predict(
        self,
        xs: Any,
        forced_states: Mapping[str, Any] | None = None,
        forced_feedbacks: Mapping[str, Any] | None = None,
        initial_states: Mapping[str, Any] | None = None,
        initial_feedbacks: Mapping[str, Any] | None = None,
        reset: bool = False,
        shared_kwargs: dict | None = None,
        progress_bar: bool = True,
    ) -> Any:
        r"""Run the model over the series ``xs`` and return its outputs.

        Parameters
        ----------
        xs : tensor or dict
            Inputs of shape ``(num_batch, num_time, ...)``, or a dict keyed by
            input node names.
        forced_states : dict, optional
            ``{node name: series (num_batch, num_time, ...)}``: the node's state
            is set to the series' value before each step.
        forced_feedbacks : dict, optional
            ``{node name: series}``: used instead of the node's feedback output.
        initial_states, initial_feedbacks : dict, optional
            ``{node name: value (num_batch, ...)}`` set before the run.
        reset : bool
            Re-create the states (zeros / initial values) before the run. Default False.
        shared_kwargs : dict, optional
            Keyword arguments given to every node's ``forward`` (e.g. ``train=False``).
        progress_bar : bool
            Show a progress bar (also needs the runner's ``progress_bar``).

        Returns
        -------
        JaxArray (or dict of them) of shape ``(num_batch, num_time, ...)``.

        Raises
        ------
        brainpy.nn._inputs.InputShapeError
            (a ``ValueError``) before anything is compiled, when ``xs`` does not
            have the shape ``(num_batch, num_time, *feature_shape)`` of the
            input nodes, or a dict of inputs misses or adds input node names.
        """
        num_batch, num_step = self._batch_time(xs)
        self._prepare(num_batch, reset, initial_states, initial_feedbacks)
        return self._run(
            xs,
            forced_states,
            forced_feedbacks,
            shared_kwargs or {},
            progress_bar and self.progress_bar,
            num_step,
            "Predicting",
        )

    def _run(
        self,
        xs: Any,
        forced_states: Any,
        forced_feedbacks: Any,
        shared: dict,
        show: bool,
        num_step: int,
        desc: str,
        extra: Any = None,
        step_fn: Callable | None = None,
        jit_key: str = "predict",
    ) -> Any:
        import brainpy.math as bm

        progress = _Progress(num_step, show, desc)
        fs, ffb = dict(forced_states or {}), dict(forced_feedbacks or {})
        step_fn = step_fn or (lambda x, s, f, e: self._step(x, s or None, f or None, shared))

        def body(i: Any, x: Any, s: Any, f: Any, e: Any) -> Any:
            progress.tick(i)
            return step_fn(x, s, f, e)

        key = (desc, tuple(sorted(shared.items(), key=lambda kv: kv[0])), tuple(fs), tuple(ffb), step_fn.__name__)
        try:
            hash(key)
        except TypeError:
            key = None
        fn = self._loop(body, key, self.jit.get(jit_key, True) if key is not None else False, progress)
        extra = bm.zeros(num_step) if extra is None else _swap(extra)
        try:
            out = fn(bm.arange(num_step), _swap(xs), _swap(fs), _swap(ffb), extra)
        except Exception:
            progress.close()
            raise
        progress.close()
        return _wrap(_swap(out))

    def __repr__(self) -> str:
        indent = " " * (len(type(self).__name__) + 1)
        return f"{type(self).__name__}(target={self.target!r}, \n{indent}jit={self.jit})"
