r"""``brainpy.losses``: loss functions for training.

This module implements several loss functions. They take predictions and targets as JAX
arrays, NumPy arrays or :class:`brainpy.math.JaxArray` (the regression losses also take
pytrees of them) and return JAX arrays, so they can be differentiated with
``brainpy.math.grad`` and compiled with ``brainpy.math.jit``.

Classification: :func:`cross_entropy_loss`.
Regression: :func:`l1_loss` (also ``l1_loos``, the BrainPy 2.1 spelling), :func:`l2_loss`,
:func:`l2_norm`, :func:`huber_loss`, :func:`mean_absolute_error`,
:func:`mean_squared_error`, :func:`mean_squared_log_error`.
"""

from brainpy.losses import _classification, _regression
from brainpy.losses._classification import *  # noqa: F403
from brainpy.losses._regression import *  # noqa: F403

__all__ = [*_classification.__all__, *_regression.__all__]
