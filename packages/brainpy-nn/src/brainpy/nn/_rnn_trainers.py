r"""Structural trainers: ``RNNTrainer``, offline (ridge) and online (FORCE) trainers.

Offline and online trainers fit *readout* nodes, the trainable nodes that
implement :meth:`Node.offline_fit` / :meth:`Node.online_fit` (``Dense``,
``LinearReadout``). The rest of the model runs unchanged; each readout is
fitted to its targets from the inputs it receives while the model runs over
the training series.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brainpy.errors import InvalidArgumentError, ModelBuildError
from brainpy.nn._network import Network
from brainpy.nn._node import Node
from brainpy.nn._runner import RNNRunner
from brainpy.nn.algorithms import _registry
from brainpy.nn.algorithms._offline import OfflineAlgorithm, RidgeRegression
from brainpy.nn.algorithms._online import ForceLearning, OnlineAlgorithm

__all__ = ["RNNTrainer", "OfflineTrainer", "RidgeTrainer", "OnlineTrainer", "ForceTrainer", "FORCELearning"]


class RNNTrainer(RNNRunner):
    r"""Structural Trainer for Models with Recurrent Dynamics.

    A :class:`RNNRunner` with a :meth:`fit` method. Training data are a pair
    ``[X, Y]`` (or a callable yielding such pairs, for trainers that support
    it): ``X`` of shape ``(num_batch, num_time, num_feature)``, ``Y`` of
    shape ``(num_batch, num_time, num_feature)`` or ``(num_batch, num_feature)``
    (a target for the last step only). ``Y`` may be a dict keyed by the names
    of the trained nodes.

    Parameters
    ----------
    target : Node or Network
    **kwargs
        As :class:`RNNRunner` (``jit``, ``progress_bar``, ``name``).
    """

    _jit_keys = ("fit", "predict")

    def fit(self, train_data: Any, test_data: Any = None, **kwargs: Any) -> Any:
        """Train the model on ``train_data``."""
        raise NotImplementedError(f"{type(self).__name__} must implement fit().")

    def _train_nodes(self, method: str) -> list[Node]:
        t = self.target
        nodes = list(t.lnodes) if isinstance(t, Network) else [t]
        found = [n for n in nodes if n.trainable and getattr(type(n), method) is not getattr(Node, method)]
        if not found:
            raise ModelBuildError(
                f"{type(self).__name__} found no trainable readout in {t.name}: it trains nodes with "
                f"trainable=True that support {method}() (e.g. bp.nn.LinearReadout, bp.nn.Dense)."
            )
        return found

    @staticmethod
    def _pair(train_data: Any) -> tuple[Any, Any]:
        if not isinstance(train_data, (list, tuple)) or len(train_data) != 2:
            raise InvalidArgumentError(f"train_data must be a pair [X, Y], but got {type(train_data).__name__}.")
        return train_data[0], train_data[1]

    def _targets(self, ys: Any, nodes: list[Node]) -> dict[str, Any]:
        import brainpy.math as bm

        if isinstance(ys, Mapping):
            missing = [n.name for n in nodes if n.name not in ys]
            if missing:
                raise InvalidArgumentError(f"The targets are keyed by node name, but miss the trained nodes {missing}.")
            return {n.name: bm.as_jax(ys[n.name]) for n in nodes}
        if len(nodes) != 1:
            raise InvalidArgumentError(
                f"{len(nodes)} nodes are trained ({[n.name for n in nodes]}); give the targets as a "
                f"dict keyed by their names."
            )
        return {nodes[0].name: bm.as_jax(ys)}

    def _step_all(self, x: Any, fs: Any, ffb: Any, shared: dict) -> tuple[Any, dict]:
        t = self.target
        if isinstance(t, Network):
            outputs, inputs = t.step_all(x, fs or None, ffb or None, **shared)
            exits = t.exit_nodes
            out = outputs[exits[0].name] if len(exits) == 1 else {n.name: outputs[n.name] for n in exits}
            return out, inputs
        return t(x, **shared), {t.name: ([x], None)}

    def __repr__(self) -> str:
        indent = " " * (len(type(self).__name__) + 1)
        return (
            f"{type(self).__name__}(target={self.target!r}, \n{indent}jit={self.jit}, "
            f"\n{indent}fit_method={self.fit_method!r})"
        )


class OfflineTrainer(RNNTrainer):
    r"""Offline trainer for models with recurrent dynamics.

    The model runs over the whole training series once; each readout's inputs
    are recorded and its weights are solved at once by ``fit_method``. The
    model's state continues from the end of the training series.

    Parameters
    ----------
    target : Node or Network
    fit_method : OfflineAlgorithm, str or dict, optional
        ``bp.nn.algorithms.RidgeRegression(beta=1e-6)``, ``'ridge'`` or
        ``dict(name='ridge', beta=1e-6)``. Default ``RidgeRegression()``.
    **kwargs
        As :class:`RNNRunner`.
    """

    def __init__(self, target: Node, fit_method: Any = None, **kwargs: Any) -> None:
        super().__init__(target, **kwargs)
        self.fit_method = _registry.get(fit_method, OfflineAlgorithm, default=RidgeRegression)

    def fit(
        self,
        train_data: Any,
        test_data: Any = None,
        forced_states: Any = None,
        forced_feedbacks: Any = None,
        initial_states: Any = None,
        initial_feedbacks: Any = None,
        reset: bool = False,
        shared_kwargs: dict | None = None,
        progress_bar: bool = True,
    ) -> Any:
        r"""Fit the readouts to ``train_data = [X, Y]``.

        Parameters
        ----------
        train_data : pair
            ``X`` of shape ``(num_batch, num_time, ...)``; ``Y`` of shape
            ``(num_batch, num_time, num_out)`` or ``(num_batch, num_out)`` (or a
            dict keyed by trained node names). Every batch and step is one sample.
        test_data : ignored
        forced_states, forced_feedbacks, initial_states, initial_feedbacks, reset, shared_kwargs, progress_bar
            As :meth:`RNNRunner.predict`.

        Returns
        -------
        The model's outputs over ``X`` before the fit.
        """
        xs, ys = self._pair(train_data)
        num_batch, num_step = self._batch_time(xs, what="the inputs X of train_data")
        self._prepare(num_batch, reset, initial_states, initial_feedbacks)
        nodes = self._train_nodes("offline_fit")
        targets = self._targets(ys, nodes)
        shared = dict(shared_kwargs or {})
        names = [n.name for n in nodes]

        def offline_step(x: Any, fs: Any, ffb: Any, extra: Any) -> Any:
            out, inputs = self._step_all(x, fs, ffb, shared)
            return out, {k: inputs[k] for k in names}

        out, records = self._run(
            xs,
            forced_states,
            forced_feedbacks,
            shared,
            progress_bar and self.progress_bar,
            num_step,
            "Training",
            step_fn=offline_step,
            jit_key="fit",
        )
        for node in nodes:
            ffs, fbs = records[node.name]
            target = targets[node.name]
            if target.ndim == ffs[0].ndim - 1:
                ffs = [f[:, -1] for f in ffs]
                fbs = None if fbs is None else [f[:, -1] for f in fbs]
            node.offline_fit_by = self.fit_method
            node.offline_init()
            node.offline_fit(target, ffs, fbs)
        return out


class RidgeTrainer(OfflineTrainer):
    r"""Trainer of ridge regression, also known as regression with Tikhonov regularization.

    ``RidgeTrainer(model, beta)`` is ``OfflineTrainer(model, fit_method=RidgeRegression(beta))``.

    Parameters
    ----------
    target : Node or Network
    beta : float
        The regularization coefficient. Default ``1e-7``.
    **kwargs
        As :class:`RNNRunner`.
    """

    def __init__(self, target: Node, beta: float = 1e-7, **kwargs: Any) -> None:
        super().__init__(target, fit_method=RidgeRegression(beta=beta), **kwargs)


class OnlineTrainer(RNNTrainer):
    r"""Online trainer for models with recurrent dynamics.

    At every time step the model runs one step, then each readout updates its
    weights from its inputs and the targets of that step with ``fit_method``
    (the whole loop is compiled).

    Parameters
    ----------
    target : Node or Network
    fit_method : OnlineAlgorithm, str or dict, optional
        ``bp.nn.algorithms.ForceLearning(alpha=0.1)``, ``'force'`` or
        ``dict(name='force', alpha=0.1)``. Default ``ForceLearning()``.
    **kwargs
        As :class:`RNNRunner`.
    """

    def __init__(self, target: Node, fit_method: Any = None, **kwargs: Any) -> None:
        super().__init__(target, **kwargs)
        self.fit_method = _registry.get(fit_method, OnlineAlgorithm, default=ForceLearning)
        self._online_ready: set[str] = set()

    def fit(
        self,
        train_data: Any,
        test_data: Any = None,
        forced_states: Any = None,
        forced_feedbacks: Any = None,
        initial_states: Any = None,
        initial_feedbacks: Any = None,
        reset: bool = False,
        shared_kwargs: dict | None = None,
        progress_bar: bool = True,
    ) -> Any:
        r"""Train the readouts step by step on ``train_data = [X, Y]``.

        ``Y`` must have a time axis: ``(num_batch, num_time, num_out)`` (or a
        dict keyed by trained node names). Other arguments as :meth:`OfflineTrainer.fit`.

        Returns
        -------
        The model's outputs during training.
        """
        xs, ys = self._pair(train_data)
        num_batch, num_step = self._batch_time(xs, what="the inputs X of train_data")
        self._prepare(num_batch, reset, initial_states, initial_feedbacks)
        nodes = self._train_nodes("online_fit")
        targets = self._targets(ys, nodes)
        for name, y in targets.items():
            if y.ndim < 3 or tuple(y.shape[:2]) != (num_batch, num_step):
                raise InvalidArgumentError(
                    f"Online training needs targets of shape (num_batch, num_time, ...) = "
                    f"({num_batch}, {num_step}, ...) for {name}, but got {tuple(y.shape)}."
                )
        for node in nodes:
            if node.name not in self._online_ready:
                node.online_fit_by = self.fit_method
                node.online_init()
                self._online_ready.add(node.name)
        shared = dict(shared_kwargs or {})

        def online_step(x: Any, fs: Any, ffb: Any, ys_t: Any) -> Any:
            out, inputs = self._step_all(x, fs, ffb, shared)
            for node in nodes:
                ffs, fbs = inputs[node.name]
                node.online_fit(ys_t[node.name], ffs, fbs)
            return out

        return self._run(
            xs,
            forced_states,
            forced_feedbacks,
            shared,
            progress_bar and self.progress_bar,
            num_step,
            "Training",
            extra=targets,
            step_fn=online_step,
            jit_key="fit",
        )


class ForceTrainer(OnlineTrainer):
    r"""Force learning.

    ``ForceTrainer(model, alpha)`` is ``OnlineTrainer(model, fit_method=ForceLearning(alpha))``;
    ``bp.nn.FORCELearning`` is the same class.

    Parameters
    ----------
    target : Node or Network
    alpha : float
        The RLS regularization (:math:`P_0 = I/\alpha`). Default 1.
    **kwargs
        As :class:`RNNRunner`.
    """

    def __init__(self, target: Node, alpha: float = 1.0, **kwargs: Any) -> None:
        super().__init__(target, fit_method=ForceLearning(alpha=alpha), **kwargs)


#: The spelling of the BrainPy 2.1 quickstart (``bp.nn.FORCELearning(model, ...)``).
FORCELearning = ForceTrainer
