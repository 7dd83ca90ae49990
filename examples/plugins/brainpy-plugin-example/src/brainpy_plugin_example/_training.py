r"""An example training algorithm: normalized least mean squares (NLMS).

Registered by this plugin under the name ``'nlms'`` (hook
``brainpy_training_algorithms``), so any online trainer can select it::

    trainer = bp.nn.OnlineTrainer(model, fit_method='nlms')
    trainer = bp.nn.OnlineTrainer(model, fit_method=dict(name='nlms', mu=0.5))

A training algorithm is a subclass of ``bp.nn.algorithms.OnlineAlgorithm``
(or ``OfflineAlgorithm``): ``__call__(identifier, target, input, output)``
returns the weight change of one step; ``initialize(identifier, feature_in,
feature_out)`` may create per-readout state (Variables in
``self.implicit_vars``).
"""

from __future__ import annotations

from typing import Any

from brainpy.nn.algorithms import OnlineAlgorithm

__all__ = ["NLMS"]


class NLMS(OnlineAlgorithm):
    r"""Normalized least mean squares.

    For each step with input rows :math:`x_k` and a priori errors
    :math:`e_k = x_k W - y_k`,

    .. math:: \Delta W = -\mu \sum_k \frac{x_k^\top e_k}{\epsilon + \lVert x_k \rVert^2},

    an LMS step whose size does not depend on the scale of the inputs.

    Parameters
    ----------
    mu : float
        The step size, :math:`0 < \mu < 2` for stability. Default 0.5.
    eps : float
        Regularization of the normalization. Default 1e-6.

    References
    ----------
    .. [1] Haykin, S. (2002). Adaptive Filter Theory (4th ed.), sec. 6. Prentice Hall.
    """

    def __init__(self, mu: float = 0.5, eps: float = 1e-6, name: str | None = None) -> None:
        super().__init__(name=name)
        if not 0.0 < mu < 2.0:
            raise ValueError(f"mu must be in (0, 2) for a stable NLMS, but got {mu!r}.")
        self.mu, self.eps = float(mu), float(eps)

    def __call__(self, identifier: str, target: Any, input: Any, output: Any) -> Any:
        import brainpy.math as bm

        x = bm.as_jax(input)
        x = x.reshape((-1, x.shape[-1]))
        err = (bm.as_jax(output) - bm.as_jax(target)).reshape((x.shape[0], -1))
        scale = 1.0 / (self.eps + (x * x).sum(axis=1, keepdims=True))
        return -self.mu * (x * scale).T @ err

    def __repr__(self) -> str:
        return f"NLMS(mu={self.mu}, eps={self.eps})"
