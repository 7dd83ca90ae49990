r"""Back-propagation trainers: ``BPTT`` (through time) and ``BPFF`` (feedforward).

One training step computes the loss of a batch, its gradients with respect
to the model's ``bm.TrainVar`` s (``bm.grad``; through the time loop for BPTT),
optionally clips them to a maximal global norm, and applies the optimizer.
The whole step is compiled once with ``bm.jit``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from brainpy.base import TensorCollector
from brainpy.errors import ArgumentTypeError, InvalidArgumentError
from brainpy.nn._inputs import check_inputs
from brainpy.nn._network import Network
from brainpy.nn._node import Node, RecurrentNode
from brainpy.nn._rnn_trainers import RNNTrainer
from brainpy.nn._runner import _swap, _wrap

__all__ = ["BPTT", "BPFF"]


def _get_loss(loss: Any) -> Callable:
    import brainpy.losses as losses

    if isinstance(loss, str):
        fn = getattr(losses, loss, None)
        if not callable(fn):
            raise InvalidArgumentError(
                f"loss={loss!r} is not a function of brainpy.losses; use e.g. 'mean_squared_error' or "
                f"pass a callable loss(predictions, targets)."
            )
        return fn
    if not callable(loss):
        raise ArgumentTypeError(
            f"loss must be a callable loss(predictions, targets) or a brainpy.losses name, but got "
            f"{type(loss).__name__}."
        )
    return loss


def _clip(grads: dict, max_norm: float) -> dict:
    import brainpy.math as bm
    import jax.numpy as jnp

    leaves = {k: bm.as_jax(g) for k, g in grads.items()}
    norm = jnp.sqrt(sum(jnp.sum(g * g) for g in leaves.values()))
    factor = jnp.minimum(1.0, max_norm / (norm + 1e-6))
    return {k: g * factor.astype(g.dtype) for k, g in leaves.items()}


class BPTT(RNNTrainer):
    r"""The trainer implementing back propagation through time (BPTT) algorithm for recurrent neural networks.

    For a batch :math:`(X, Y)`, the model runs over the time axis of
    :math:`X`; the loss :math:`L(\hat Y, Y)` of its outputs is differentiated
    through the whole loop with respect to every ``bm.TrainVar`` of the model
    (trainable initial states included), and ``optimizer`` updates them [1]_.

    Parameters
    ----------
    target : Node or Network
    loss : callable or str
        ``loss(predictions, targets)`` returning a scalar, or the name of a
        ``brainpy.losses`` function.
    optimizer : bp.optim.Optimizer, optional
        Default ``bp.optim.Adam(lr=0.001)``.
    max_grad_norm : float, optional
        Rescale the gradients to at most this global L2 norm.
    shuffle_data : bool
        Shuffle array training data each epoch. Default True.
    jit : bool or dict
        Compile the training step and the prediction loop. Default True.
    seed : int, optional
        Seed of the shuffling.
    **kwargs
        As :class:`RNNRunner` (``progress_bar``, ``name``).

    Attributes
    ----------
    train_losses : JaxArray
        The loss of every training step of the last :meth:`fit`.

    References
    ----------
    .. [1] Werbos, P. J. (1990). Backpropagation through time: what it does and how
           to do it. Proceedings of the IEEE 78(10), 1550-1560. https://doi.org/10.1109/5.58337
    """

    _jit_keys = ("fit", "predict", "loss")
    #: Whether the data have a time axis after the batch axis.
    _time_axis = True

    def __init__(
        self,
        target: Node,
        loss: Any,
        optimizer: Any = None,
        max_grad_norm: float | None = None,
        shuffle_data: bool = True,
        jit: Any = True,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        import brainpy.optimizers as optim

        super().__init__(target, jit=jit, **kwargs)
        self.loss = _get_loss(loss)
        if optimizer is None:
            optimizer = optim.Adam(lr=0.001)
        if not isinstance(optimizer, optim.Optimizer):
            raise ArgumentTypeError(
                f"optimizer must be a brainpy.optim.Optimizer (e.g. bp.optim.Adam(lr=1e-3)), but got "
                f"{type(optimizer).__name__}."
            )
        self.optimizer = optimizer
        if max_grad_norm is not None and not max_grad_norm > 0:
            raise InvalidArgumentError(f"max_grad_norm must be positive or None, but got {max_grad_norm!r}.")
        self.max_grad_norm = max_grad_norm
        self.shuffle_data = bool(shuffle_data)
        self._np_rng = np.random.RandomState(seed)
        self.train_losses = None
        self.test_losses = None
        self._steps: dict[Any, Callable] = {}

    # ------------------------------------------------------------ data
    def _batches(self, data: Any, num_batch: int, shuffle: bool) -> Any:
        if callable(data):
            yield from data()
            return
        xs, ys = self._pair(data)
        leaves = list(xs.values()) if isinstance(xs, Mapping) else [xs]
        n = int(leaves[0].shape[0])
        idx = self._np_rng.permutation(n) if shuffle else np.arange(n)
        for start in range(0, n, num_batch):
            sel = idx[start : start + num_batch]
            bx = {k: v[sel] for k, v in xs.items()} if isinstance(xs, Mapping) else xs[sel]
            by = {k: v[sel] for k, v in ys.items()} if isinstance(ys, Mapping) else ys[sel]
            yield bx, by

    # ---------------------------------------------------------- model pass
    def _predict_batch(self, xs: Any, shared: dict) -> Any:
        import brainpy.math as bm

        variables = self.target.vars().unique()
        outs = bm.for_loop(lambda x: self._step(x, None, None, shared), dyn_vars=variables, operands=[_swap(xs)])
        return _swap(outs)

    def _reset_in_trace(self, num_batch: int) -> None:
        t = self.target
        for node in t.lnodes if isinstance(t, Network) else (t,):
            if isinstance(node, RecurrentNode) and node.state_trainable:
                node.init_state(num_batch)

    def _num_batch(self, xs: Any) -> int:
        leaves = list(xs.values()) if isinstance(xs, Mapping) else [xs]
        return int(leaves[0].shape[0])

    def _ensure_initialized(self, xs: Any, reset: bool) -> None:
        num_batch = self._num_batch(xs)
        if not self.target.is_initialized:
            self.target.initialize(num_batch)
        elif reset or self._current_batch() not in (None, num_batch):
            self.target.init_state(num_batch)

    def _train_step(self, reset: bool, shared: dict) -> Callable:
        import brainpy.math as bm

        train_vars = self.target.train_vars().unique()
        self.optimizer.register_vars(train_vars)
        model_vars = self.target.vars().unique()
        all_vars = TensorCollector(model_vars)
        for k, v in self.optimizer.vars().unique().items():
            if k not in all_vars:
                all_vars[k] = v
        key = (reset, tuple(sorted(shared.items())), tuple(id(v) for v in all_vars.values()))
        if key in self._steps:
            return self._steps[key]

        def loss_fun(xs: Any, ys: Any) -> Any:
            if reset:
                self._reset_in_trace(self._num_batch(xs))
            return self.loss(self._predict_batch(xs, shared), ys)

        grad_fun = bm.grad(loss_fun, grad_vars=train_vars, dyn_vars=model_vars, return_value=True)

        def step(xs: Any, ys: Any) -> Any:
            grads, loss = grad_fun(xs, ys)
            grads = dict(grads)
            if self.max_grad_norm is not None:
                grads = _clip(grads, self.max_grad_norm)
            self.optimizer.update(grads)
            return loss

        fn = bm.jit(step, dyn_vars=all_vars) if self.jit["fit"] else step
        self._steps[key] = fn
        return fn

    def _loss_value(self, xs: Any, ys: Any, reset: bool, shared: dict) -> float:
        self._ensure_initialized(xs, reset)
        return float(self.loss(self._predict_batch(xs, shared), ys))

    # -------------------------------------------------------------- fit
    def fit(
        self,
        train_data: Any,
        test_data: Any = None,
        num_batch: int = 32,
        num_train: int = 100,
        num_report: int = 100,
        reset: bool = True,
        shared_kwargs: dict | None = None,
    ) -> None:
        r"""Train the model with back-propagation.

        Parameters
        ----------
        train_data : callable or pair
            A callable returning an iterable of ``(x, y)`` batches (called once
            per epoch), or ``[X, Y]`` arrays split into batches of ``num_batch``.
        test_data : callable or pair, optional
            Evaluated at each report (``test loss`` is printed and kept in
            :attr:`test_losses`).
        num_batch : int
            The batch size for array data. Default 32.
        num_train : int
            The number of epochs. Default 100.
        num_report : int
            Print ``Train {n} steps, use {t} s, train loss {l}`` every
            ``num_report`` steps. Default 100.
        reset : bool
            Reset the model state before each batch. Default True.
        shared_kwargs : dict, optional
            Given to every node's ``forward``.
        """
        for label, v in (("num_batch", num_batch), ("num_train", num_train), ("num_report", num_report)):
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise InvalidArgumentError(f"{label} must be a positive int, but got {v!r}.")
        shared = dict(shared_kwargs or {})
        losses, test_losses = [], []
        step_i, t0 = 0, time.time()
        for _ in range(num_train):
            for xs, ys in self._batches(train_data, num_batch, self.shuffle_data):
                check_inputs(self.target, xs, what="the inputs X of train_data", time_axis=self._time_axis)
                self._ensure_initialized(xs, reset)
                loss = self._train_step(reset, shared)(xs, ys)
                losses.append(loss)
                step_i += 1
                if step_i % num_report == 0:
                    msg = f"Train {step_i} steps, use {time.time() - t0:.4f} s, train loss {round(float(loss), 5)}"
                    if test_data is not None:
                        tl = np.mean(
                            [
                                self._loss_value(x, y, reset, shared)
                                for x, y in self._batches(test_data, num_batch, False)
                            ]
                        )
                        test_losses.append(tl)
                        msg += f", test loss {round(float(tl), 5)}"
                    print(msg)
                    t0 = time.time()
        import brainpy.math as bm

        self.train_losses = bm.asarray(np.asarray([float(v) for v in losses]))
        self.test_losses = bm.asarray(np.asarray(test_losses)) if test_data is not None else None

    def predict(
        self,
        xs: Any,
        forced_states: Any = None,
        forced_feedbacks: Any = None,
        initial_states: Any = None,
        initial_feedbacks: Any = None,
        reset: bool = True,
        shared_kwargs: dict | None = None,
        progress_bar: bool = True,
    ) -> Any:
        r"""As :meth:`RNNRunner.predict`, but resetting the state first by default."""
        return super().predict(
            xs,
            forced_states=forced_states,
            forced_feedbacks=forced_feedbacks,
            initial_states=initial_states,
            initial_feedbacks=initial_feedbacks,
            reset=reset,
            shared_kwargs=shared_kwargs,
            progress_bar=progress_bar,
        )

    def __repr__(self) -> str:
        indent = " " * (len(type(self).__name__) + 1)
        return (
            f"{type(self).__name__}(target={self.target!r}, \n{indent}jit={self.jit}, \n{indent}"
            f"loss={self.loss!r}, \n{indent}optimizer={self.optimizer!r})"
        )


class BPFF(BPTT):
    r"""The trainer implementing back propagation algorithm for feedforward neural networks.

    Data have no time axis: ``X`` of shape ``(num_sample, ...)`` and ``Y`` of
    shape ``(num_sample, ...)``; each step takes a batch of ``num_batch``
    samples. Parameters as :class:`BPTT`.
    """

    _time_axis = False

    def _predict_batch(self, xs: Any, shared: dict) -> Any:
        return self._step(xs, None, None, shared)

    def _reset_in_trace(self, num_batch: int) -> None:
        """Feedforward models keep no state between batches."""

    def _ensure_initialized(self, xs: Any, reset: bool) -> None:
        if not self.target.is_initialized:
            self.target.initialize(self._num_batch(xs))

    def predict(self, xs: Any, reset: bool = True, shared_kwargs: dict | None = None, **kwargs: Any) -> Any:
        r"""The model's output for the samples ``xs`` (shape ``(num_sample, ...)``)."""
        import brainpy.math as bm

        check_inputs(self.target, xs, time_axis=False)
        self._ensure_initialized(xs, reset)
        shared = dict(shared_kwargs or {})
        if self.jit["predict"]:
            key = ("predict", tuple(sorted(shared.items())), tuple(id(v) for v in self.target.vars().unique().values()))
            if key not in self._steps:
                self._steps[key] = bm.jit(
                    lambda x: self._predict_batch(x, shared), dyn_vars=self.target.vars().unique()
                )
            return _wrap(self._steps[key](xs))
        return _wrap(self._predict_batch(xs, shared))
