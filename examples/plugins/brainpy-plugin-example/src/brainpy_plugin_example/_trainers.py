r"""The example plugin's trainer: ``NLMSTrainer``, an online trainer driven by the plugin's NLMS.

A trainer subclasses one of the public trainers of :mod:`brainpy.nn` (``OfflineTrainer``,
``OnlineTrainer``, ``RNNTrainer``) and, like the built-in ``RidgeTrainer`` and
``ForceTrainer``, turns its own keyword arguments into a ``fit_method``. Registered in
``_plugin.py`` (hook ``brainpy_trainers``), it is reachable as ``bp.nn.NLMSTrainer``::

    trainer = bp.nn.NLMSTrainer(model, mu=1.0)
    trainer.fit([X, Y])
"""

from __future__ import annotations

from typing import Any

from brainpy.nn import OnlineTrainer

from brainpy_plugin_example._training import NLMS

__all__ = ["NLMSTrainer"]


class NLMSTrainer(OnlineTrainer):
    r"""Online trainer of the readouts by normalized least mean squares.

    ``NLMSTrainer(model, mu, eps)`` is ``OnlineTrainer(model, fit_method=NLMS(mu, eps))``:
    at every time step each readout (``bp.nn.Dense``, ``bp.nn.LinearReadout``) changes its
    weights by

    .. math:: \Delta W = -\mu \frac{x_t^\top (x_t W - y_t)}{\epsilon + \lVert x_t \rVert^2},

    where :math:`x_t` is the readout's input row, :math:`y_t` its target, :math:`\mu` the
    step size and :math:`\epsilon` a regularization. For a consistent linear problem
    (:math:`Y = X W^*` with :math:`X` of full column rank) the weights converge to the
    least-squares solution :math:`W^* = X^{+} Y`, geometrically for :math:`0 < \mu < 2`
    (fastest near :math:`\mu = 1`, where each step fits the current sample exactly) [1]_.

    Parameters
    ----------
    target : Node or Network
        The model whose trainable readouts are fitted.
    mu : float
        The step size, :math:`0 < \mu < 2`. Default 1.
    eps : float
        Regularization of the normalization. Default 1e-6.
    **kwargs
        As :class:`brainpy.nn.RNNRunner` (``jit``, ``progress_bar``, ``name``).

    Raises
    ------
    ValueError
        If ``mu`` is not in (0, 2).

    References
    ----------
    .. [1] Haykin, S. (2002). Adaptive Filter Theory (4th ed.), ch. 6. Prentice Hall.
    """

    def __init__(self, target: Any, mu: float = 1.0, eps: float = 1e-6, **kwargs: Any) -> None:
        super().__init__(target, fit_method=NLMS(mu=mu, eps=eps), **kwargs)
