r"""Optimizers with per-coordinate adaptive step sizes: Adagrad, Adadelta, RMSProp and Adam.

Symbols: :math:`\theta` a trained variable, :math:`g` its gradient, :math:`\eta_t` the
learning rate at step :math:`t = 0, 1, \dots` (given by the scheduler); squares, roots and
divisions act element-wise. Every state Variable starts at zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jax.numpy as jnp

from brainpy.optimizers._base import Optimizer, assign
from brainpy.optimizers._scheduler import Scheduler

__all__ = ["Adagrad", "Adadelta", "RMSProp", "Adam"]


class Adagrad(Optimizer):
    r"""Optimizer that implements the Adagrad algorithm.

    .. math::

        c &\leftarrow c + g^2 \\
        \theta &\leftarrow \theta - \eta_t\, \frac{g}{\sqrt{c + \epsilon}}

    The accumulators :math:`c` are the Variables ``'<key>_cache'``.

    Parameters
    ----------
    lr : float or Scheduler
        The learning rate :math:`\eta`.
    train_vars : dict of Variable, optional
        The variables to train.
    epsilon : float
        The regularisation :math:`\epsilon`. Default 1e-6.
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] Duchi, J., Hazan, E., & Singer, Y. (2011). Adaptive subgradient methods for online
           learning and stochastic optimization. JMLR 12, 2121-2159.
    """

    _repr_fields = ("epsilon",)

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: Mapping[str, Any] | None = None,
        epsilon: float = 1e-6,
        name: str | None = None,
    ) -> None:
        super().__init__(lr=lr, train_vars=train_vars, name=name)
        self.epsilon = epsilon

    def register_vars(self, train_vars: Mapping[str, Any] | None = None) -> dict[str, Any]:
        new = super().register_vars(train_vars)
        self._zeros_like_vars(new, "_cache")
        return new

    def update(self, grads: Mapping[str, Any]) -> None:
        lr = self.lr()
        for key, p, g in self._items(grads):
            c = self.implicit_vars[key + "_cache"]
            assign(c, c.value + g**2)
            assign(p, p.value - lr * g / jnp.sqrt(c.value + self.epsilon))
        self.lr.update()


class Adadelta(Optimizer):
    r"""Optimizer that implements the Adadelta algorithm.

    .. math::

        c &\leftarrow \rho\, c + (1 - \rho)\, g^2 \\
        \Delta &= g\, \frac{\sqrt{d + \epsilon}}{\sqrt{c + \epsilon}} \\
        \theta &\leftarrow \theta - \eta_t\, \Delta \\
        d &\leftarrow \rho\, d + (1 - \rho)\, \Delta^2

    :math:`c` (Variables ``'<key>_cache'``) and :math:`d` (``'<key>_delta'``) are running
    averages of the squared gradients and of the squared updates. Zeiler's original method
    is ``lr=1``.

    Parameters
    ----------
    train_vars : dict of Variable, optional
        The variables to train.
    lr : float or Scheduler
        The learning rate :math:`\eta`. Default 0.01.
    epsilon : float
        The regularisation :math:`\epsilon`. Default 1e-6.
    rho : float
        The decay :math:`\rho` of the running averages. Default 0.95.
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] Zeiler, M. D. (2012). ADADELTA: an adaptive learning rate method. arXiv:1212.5701.
    """

    _repr_fields = ("epsilon", "rho")

    def __init__(
        self,
        train_vars: Mapping[str, Any] | None = None,
        lr: float | Scheduler = 0.01,
        epsilon: float = 1e-6,
        rho: float = 0.95,
        name: str | None = None,
    ) -> None:
        super().__init__(lr=lr, train_vars=train_vars, name=name)
        self.epsilon = epsilon
        self.rho = rho

    def register_vars(self, train_vars: Mapping[str, Any] | None = None) -> dict[str, Any]:
        new = super().register_vars(train_vars)
        self._zeros_like_vars(new, "_cache")
        self._zeros_like_vars(new, "_delta")
        return new

    def update(self, grads: Mapping[str, Any]) -> None:
        lr = self.lr()
        for key, p, g in self._items(grads):
            c = self.implicit_vars[key + "_cache"]
            d = self.implicit_vars[key + "_delta"]
            assign(c, self.rho * c.value + (1 - self.rho) * g**2)
            delta = g * jnp.sqrt(d.value + self.epsilon) / jnp.sqrt(c.value + self.epsilon)
            assign(p, p.value - lr * delta)
            assign(d, self.rho * d.value + (1 - self.rho) * delta**2)
        self.lr.update()


class RMSProp(Optimizer):
    r"""Optimizer that implements the RMSprop algorithm.

    .. math::

        c &\leftarrow \rho\, c + (1 - \rho)\, g^2 \\
        \theta &\leftarrow \theta - \eta_t\, \frac{g}{\sqrt{c + \epsilon}}

    The running averages :math:`c` are the Variables ``'<key>_cache'``.

    Parameters
    ----------
    lr : float or Scheduler
        The learning rate :math:`\eta`.
    train_vars : dict of Variable, optional
        The variables to train.
    epsilon : float
        The regularisation :math:`\epsilon`. Default 1e-6.
    rho : float
        The decay :math:`\rho` of the running average. Default 0.9.
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] Tieleman, T., & Hinton, G. (2012). Lecture 6.5 - RMSProp: divide the gradient by a
           running average of its recent magnitude. COURSERA: Neural Networks for Machine Learning.
    """

    _repr_fields = ("epsilon", "rho")

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: Mapping[str, Any] | None = None,
        epsilon: float = 1e-6,
        rho: float = 0.9,
        name: str | None = None,
    ) -> None:
        super().__init__(lr=lr, train_vars=train_vars, name=name)
        self.epsilon = epsilon
        self.rho = rho

    def register_vars(self, train_vars: Mapping[str, Any] | None = None) -> dict[str, Any]:
        new = super().register_vars(train_vars)
        self._zeros_like_vars(new, "_cache")
        return new

    def update(self, grads: Mapping[str, Any]) -> None:
        lr = self.lr()
        for key, p, g in self._items(grads):
            c = self.implicit_vars[key + "_cache"]
            assign(c, self.rho * c.value + (1 - self.rho) * g**2)
            assign(p, p.value - lr * g / jnp.sqrt(c.value + self.epsilon))
        self.lr.update()


class Adam(Optimizer):
    r"""Optimizer that implements the Adam algorithm.

    At step :math:`t = 0, 1, \dots` (the scheduler's counter before the update):

    .. math::

        m &\leftarrow \beta_1 m + (1 - \beta_1)\, g \\
        v &\leftarrow \beta_2 v + (1 - \beta_2)\, g^2 \\
        \hat\eta &= \eta_t\, \frac{\sqrt{1 - \beta_2^{\,t+1}}}{1 - \beta_1^{\,t+1}} \\
        \theta &\leftarrow \theta - \hat\eta\, \frac{m}{\sqrt{v} + \epsilon}

    (the bias correction folded into the step size, Sec. 2 of [1]_). The moment estimates
    are the Variables ``'<key>_m'`` and ``'<key>_v'``.

    Parameters
    ----------
    lr : float or Scheduler
        The learning rate :math:`\eta`.
    train_vars : dict of Variable, optional
        The variables to train.
    beta1 : float
        The decay :math:`\beta_1` of the first moment. Default 0.9.
    beta2 : float
        The decay :math:`\beta_2` of the second moment. Default 0.999.
    eps : float
        The regularisation :math:`\epsilon`. Default 1e-8.
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] Kingma, D. P., & Ba, J. (2015). Adam: a method for stochastic optimization. ICLR.
           arXiv:1412.6980.
    """

    _repr_fields = ("beta1", "beta2", "eps")

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: Mapping[str, Any] | None = None,
        beta1: float = 0.9,
        beta2: float = 0.999,
        eps: float = 1e-8,
        name: str | None = None,
    ) -> None:
        super().__init__(lr=lr, train_vars=train_vars, name=name)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

    def register_vars(self, train_vars: Mapping[str, Any] | None = None) -> dict[str, Any]:
        new = super().register_vars(train_vars)
        self._zeros_like_vars(new, "_m")
        self._zeros_like_vars(new, "_v")
        return new

    def update(self, grads: Mapping[str, Any]) -> None:
        t = self.lr.step[0] + 1
        lr = self.lr() * jnp.sqrt(1 - self.beta2**t) / (1 - self.beta1**t)
        for key, p, g in self._items(grads):
            m = self.implicit_vars[key + "_m"]
            v = self.implicit_vars[key + "_v"]
            assign(m, self.beta1 * m.value + (1 - self.beta1) * g)
            assign(v, self.beta2 * v.value + (1 - self.beta2) * g**2)
            assign(p, p.value - lr * m.value / (jnp.sqrt(v.value) + self.eps))
        self.lr.update()
