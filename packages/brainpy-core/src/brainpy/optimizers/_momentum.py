r"""First-order optimizers: gradient descent, momentum, Nesterov momentum and LARS.

Symbols: :math:`\theta` a trained variable, :math:`g` its gradient, :math:`\eta_t` the
learning rate at step :math:`t` (given by the scheduler), :math:`v` a velocity.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jax.numpy as jnp

from brainpy.optimizers._base import Optimizer, assign
from brainpy.optimizers._scheduler import Scheduler

__all__ = ["SGD", "Momentum", "MomentumNesterov", "LARS"]


class SGD(Optimizer):
    r"""Stochastic gradient descent optimizer.

    .. math:: \theta \leftarrow \theta - \eta_t\, g

    Parameters
    ----------
    lr : float or Scheduler
        The learning rate :math:`\eta`.
    train_vars : dict of Variable, optional
        The variables to train.
    name : str, optional
        The object's name.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> a = bm.Variable(bm.ones(3))
    >>> op = bp.optim.SGD(lr=0.1, train_vars={'a': a})
    >>> op.update({'a': bm.ones(3)})
    >>> a
    Variable([0.9, 0.9, 0.9], dtype=float32)

    References
    ----------
    .. [1] Robbins, H., & Monro, S. (1951). A stochastic approximation method. The Annals of
           Mathematical Statistics 22(3), 400-407. https://doi.org/10.1214/aoms/1177729586
    """

    def update(self, grads: Mapping[str, Any]) -> None:
        lr = self.lr()
        for _, p, g in self._items(grads):
            assign(p, p.value - lr * g)
        self.lr.update()


class Momentum(Optimizer):
    r"""Momentum optimizer.

    Gradient descent with a velocity :math:`v` (the heavy-ball method):

    .. math::

        v &\leftarrow \mu\, v - \eta_t\, g \\
        \theta &\leftarrow \theta + v

    with :math:`v` starting at zero. The velocities are the Variables ``'<key>_v'``.

    Parameters
    ----------
    lr : float or Scheduler
        The learning rate :math:`\eta`.
    train_vars : dict of Variable, optional
        The variables to train.
    momentum : float
        The momentum coefficient :math:`\mu`. Default 0.9.
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] Polyak, B. T. (1964). Some methods of speeding up the convergence of iteration
           methods. USSR Computational Mathematics and Mathematical Physics 4(5), 1-17.
           https://doi.org/10.1016/0041-5553(64)90137-5
    """

    _repr_fields = ("momentum",)

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: Mapping[str, Any] | None = None,
        momentum: float = 0.9,
        name: str | None = None,
    ) -> None:
        super().__init__(lr=lr, train_vars=train_vars, name=name)
        self.momentum = momentum

    def register_vars(self, train_vars: Mapping[str, Any] | None = None) -> dict[str, Any]:
        new = super().register_vars(train_vars)
        self._zeros_like_vars(new, "_v")
        return new

    def update(self, grads: Mapping[str, Any]) -> None:
        lr = self.lr()
        for key, p, g in self._items(grads):
            v = self.implicit_vars[key + "_v"]
            assign(v, self.momentum * v.value - lr * g)
            assign(p, p.value + v.value)
        self.lr.update()


class MomentumNesterov(Momentum):
    r"""Nesterov accelerated gradient optimizer [2]_.

    Momentum with a look-ahead step, in the form of Sutskever et al. [1]_:

    .. math::

        v &\leftarrow \mu\, v - \eta_t\, g \\
        \theta &\leftarrow \theta + \mu\, v - \eta_t\, g

    with :math:`v` starting at zero. The velocities are the Variables ``'<key>_v'``.

    Parameters
    ----------
    lr : float or Scheduler
        The learning rate :math:`\eta`.
    train_vars : dict of Variable, optional
        The variables to train.
    momentum : float
        The momentum coefficient :math:`\mu`. Default 0.9.
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] Sutskever, I., Martens, J., Dahl, G., & Hinton, G. (2013). On the importance of
           initialization and momentum in deep learning. ICML, PMLR 28(3), 1139-1147.
    .. [2] Nesterov, Y. (1983). A method for solving the convex programming problem with
           convergence rate O(1/k^2). Doklady AN SSSR 269, 543-547.
    """

    def update(self, grads: Mapping[str, Any]) -> None:
        lr = self.lr()
        for key, p, g in self._items(grads):
            v = self.implicit_vars[key + "_v"]
            assign(v, self.momentum * v.value - lr * g)
            assign(p, p.value + self.momentum * v.value - lr * g)
        self.lr.update()


class LARS(Optimizer):
    r"""Layer-wise adaptive rate scaling (LARS) optimizer.

    Each variable (layer) gets its own learning rate from the ratio of its norm to its
    gradient's norm:

    .. math::

        \lambda &= \begin{cases}
            \dfrac{\tau \lVert\theta\rVert}{\lVert g\rVert + \beta \lVert\theta\rVert + \epsilon},
                & \lVert\theta\rVert > 0 \text{ and } \lVert g\rVert > 0, \\
            1, & \text{otherwise},
        \end{cases} \\
        v &\leftarrow \mu\, v + \eta_t\, \lambda\, (g + \beta\, \theta) \\
        \theta &\leftarrow \theta - v

    with the trust coefficient :math:`\tau`, weight decay :math:`\beta`, momentum :math:`\mu`
    and :math:`v` starting at zero (Variables ``'<key>_v'``).

    Parameters
    ----------
    lr : float or Scheduler
        The learning rate :math:`\eta`.
    train_vars : dict of Variable, optional
        The variables to train.
    momentum : float
        The momentum :math:`\mu`. Default 0.9.
    weight_decay : float
        The weight decay :math:`\beta`. Default 1e-4.
    tc : float
        The trust coefficient :math:`\tau`. Default 1e-3.
    eps : float
        The regularisation :math:`\epsilon` of the ratio. Default 1e-5.
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] You, Y., Gitman, I., & Ginsburg, B. (2017). Large batch training of convolutional
           networks. arXiv:1708.03888.
    """

    _repr_fields = ("momentum", "weight_decay", "tc", "eps")

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: Mapping[str, Any] | None = None,
        momentum: float = 0.9,
        weight_decay: float = 1e-4,
        tc: float = 1e-3,
        eps: float = 1e-5,
        name: str | None = None,
    ) -> None:
        super().__init__(lr=lr, train_vars=train_vars, name=name)
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.tc = tc
        self.eps = eps

    def register_vars(self, train_vars: Mapping[str, Any] | None = None) -> dict[str, Any]:
        new = super().register_vars(train_vars)
        self._zeros_like_vars(new, "_v")
        return new

    def update(self, grads: Mapping[str, Any]) -> None:
        lr = self.lr()
        for key, p, g in self._items(grads):
            v = self.implicit_vars[key + "_v"]
            p_norm = jnp.linalg.norm(jnp.ravel(p.value))
            g_norm = jnp.linalg.norm(jnp.ravel(g))
            ratio = self.tc * p_norm / (g_norm + self.weight_decay * p_norm + self.eps)
            trust = jnp.where((p_norm > 0) & (g_norm > 0), ratio, 1.0)
            assign(v, self.momentum * v.value + lr * trust * (g + self.weight_decay * p.value))
            assign(p, p.value - v.value)
        self.lr.update()
