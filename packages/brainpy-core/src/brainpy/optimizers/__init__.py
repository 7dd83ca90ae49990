r"""``brainpy.optimizers`` (also ``bp.optim`` and ``bm.optimizers``): gradient-descent
optimizers and learning-rate schedulers.

Optimizers: :class:`Optimizer` (the base class), :class:`SGD`, :class:`Momentum`,
:class:`MomentumNesterov`, :class:`Adagrad`, :class:`Adadelta`, :class:`RMSProp`,
:class:`Adam`, :class:`LARS`.

Schedulers: :func:`make_schedule`, :class:`Scheduler` (the base class), :class:`Constant`,
:class:`ExponentialDecay`, :class:`InverseTimeDecay`, :class:`PolynomialDecay`,
:class:`PiecewiseConstant`.

Examples
--------
>>> import brainpy as bp, brainpy.math as bm
>>> a = bm.Variable(bm.ones((5, 4)))
>>> b = bm.Variable(bm.zeros((3, 3)))
>>> op = bp.optim.SGD(lr=0.001, train_vars={'a': a, 'b': b})
>>> op.update({'a': bm.random.random(a.shape), 'b': bm.random.random(b.shape)})
"""

from brainpy.optimizers import _adaptive, _base, _momentum, _scheduler
from brainpy.optimizers._adaptive import *  # noqa: F403
from brainpy.optimizers._base import *  # noqa: F403
from brainpy.optimizers._momentum import *  # noqa: F403
from brainpy.optimizers._scheduler import *  # noqa: F403

__all__ = [*_base.__all__, *_momentum.__all__, *_adaptive.__all__, *_scheduler.__all__]
