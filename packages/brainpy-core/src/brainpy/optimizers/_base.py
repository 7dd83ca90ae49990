r"""The optimizer base class."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import jax.numpy as jnp

import brainpy.math as bm
from brainpy.base import Base, TensorCollector
from brainpy.optimizers._errors import OptimizerError, OptimizerTypeError
from brainpy.optimizers._scheduler import Scheduler, make_schedule

__all__ = ["Optimizer"]


class Optimizer(Base):
    r"""Base Optimizer Class.

    An optimizer updates a set of trainable :class:`brainpy.math.Variable` in place from
    their gradients. Its learning rate is a :class:`~brainpy.optimizers.Scheduler` (a number
    becomes :class:`~brainpy.optimizers.Constant`), whose ``step`` counter advances after every
    :meth:`update`. Any state the rule needs (velocities, moment estimates) is kept in
    Variables registered with :meth:`register_implicit_vars`, so :meth:`vars` returns it
    together with the step counter; pass ``opt.vars()`` to ``bm.jit`` (in ``dyn_vars``, or
    by making the optimizer an attribute of the jitted object) when an update is compiled.

    Parameters
    ----------
    lr : float or Scheduler
        The learning rate.
    train_vars : dict of Variable, optional
        The variables to train, by key (for example ``model.train_vars()``). Gradients given to
        :meth:`update` use the same keys. More can be added later with :meth:`register_vars`.
    name : str, optional
        The object's name.

    Examples
    --------
    A custom optimizer (plain gradient descent with a state that counts updates):

    >>> import brainpy as bp, brainpy.math as bm
    >>> class CustomizeOp(bp.optim.Optimizer):
    ...     def __init__(self, lr, train_vars=None, name=None):
    ...         super().__init__(lr, train_vars, name=name)
    ...         self.count = bm.Variable(bm.zeros(1))
    ...     def update(self, grads):
    ...         self.check_grads(grads)
    ...         lr = self.lr()
    ...         for key, p in self.vars_to_train.items():
    ...             p.value = p - lr * grads[key]
    ...         self.count += 1
    ...         self.lr.update()
    """

    #: hyper-parameters shown by ``repr`` after ``lr``
    _repr_fields: tuple[str, ...] = ()

    def __init__(
        self, lr: float | Scheduler, train_vars: Mapping[str, Any] | None = None, name: str | None = None
    ) -> None:
        super().__init__(name=name)
        self.lr = make_schedule(lr)
        self.vars_to_train = TensorCollector()
        self.register_vars(train_vars)

    # ------------------------------------------------------------------ variables
    def register_vars(self, train_vars: Mapping[str, Any] | None = None) -> dict[str, Any]:
        r"""Add variables to train (subclasses also create their state for them here).

        Parameters
        ----------
        train_vars : dict of Variable, optional
            Key -> Variable. A key already registered must refer to the same Variable.

        Returns
        -------
        dict
            The Variables that were new to this optimizer, by key.

        Raises
        ------
        OptimizerTypeError
            If ``train_vars`` is not a dict, or holds something that is not a ``bm.Variable``.
        OptimizerError
            If a key is already registered with a different Variable.
        """
        if train_vars is None:
            return {}
        if not isinstance(train_vars, Mapping):
            raise OptimizerTypeError(
                f"{self.name}: train_vars must be a dict of bm.Variable, but got {type(train_vars).__name__}. "
                f"For example train_vars=model.train_vars() or train_vars={{'w': w}}."
            )
        new = {}
        for key, var in train_vars.items():
            if not isinstance(var, bm.Variable):
                raise OptimizerTypeError(
                    f"{self.name}: train_vars[{key!r}] is a {type(var).__name__}, not a bm.Variable; the "
                    f"optimizer updates its variables in place. Wrap it: bm.TrainVar(...)."
                )
            old = self.vars_to_train.get(key)
            if old is not None:
                if old is not var:
                    raise OptimizerError(
                        f"{self.name}: the key {key!r} is already registered with another Variable. "
                        f"Use a different key for each variable."
                    )
                continue
            new[key] = var
        self.vars_to_train.update(new)
        return new

    def check_grads(self, grads: Mapping[str, Any]) -> None:
        r"""Check that ``grads`` has one gradient, of the right shape, per trained variable.

        Raises
        ------
        OptimizerError
            If a key is missing or unknown, or a shape differs.
        """
        if not isinstance(grads, Mapping):
            raise OptimizerTypeError(
                f"{self.name}.update() expects a dict of gradients keyed like its train_vars, but got "
                f"{type(grads).__name__}."
            )
        missing = [k for k in self.vars_to_train if k not in grads]
        extra = [k for k in grads if k not in self.vars_to_train]
        if missing or extra:
            raise OptimizerError(
                f"{self.name}.update() got gradients whose keys do not match its train_vars: missing "
                f"{missing}, unknown {extra}. Compute the gradients for the same variables, e.g. "
                f"bm.grad(loss, grad_vars=opt.vars_to_train)."
            )
        for key, var in self.vars_to_train.items():
            shape = bm.as_jax(grads[key]).shape
            if tuple(shape) != tuple(var.shape):
                raise OptimizerError(
                    f"{self.name}.update(): the gradient of {key!r} has shape {tuple(shape)}, but the "
                    f"variable has shape {tuple(var.shape)}."
                )

    def _zeros_like_vars(self, variables: Mapping[str, Any], suffix: str) -> None:
        """Register one zero-initialised state Variable ``key + suffix`` per variable."""
        self.register_implicit_vars({k + suffix: bm.Variable(jnp.zeros_like(v.value)) for k, v in variables.items()})

    def _items(self, grads: Mapping[str, Any]) -> Iterator[tuple[str, Any, Any]]:
        """Yield ``(key, variable, gradient)`` after checking ``grads``."""
        self.check_grads(grads)
        for key, p in self.vars_to_train.items():
            yield key, p, bm.as_jax(grads[key])

    # -------------------------------------------------------------------- updating
    def update(self, grads: Mapping[str, Any]) -> None:
        r"""Apply one update to the trained variables, in place, and advance the step.

        Parameters
        ----------
        grads : dict
            Key -> gradient, with the keys of the trained variables.
        """
        raise NotImplementedError(f"{type(self).__name__} must implement update(self, grads).")

    def __repr__(self) -> str:
        fields = "".join(f", {f}={getattr(self, f)}" for f in self._repr_fields)
        return f"{type(self).__name__}(lr={self.lr!r}{fields})"


def assign(p: Any, new: Any) -> None:
    """Set ``p.value = new``, keeping ``p``'s dtype."""
    p.value = jnp.asarray(new).astype(p.dtype)
