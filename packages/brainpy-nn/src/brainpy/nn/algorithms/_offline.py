r"""Offline training algorithms: fit a linear readout to all the data at once.

Given inputs :math:`X \in \mathbb{R}^{N\times n}` (one row per sample and time
step; a column of ones is appended by readouts with a bias) and targets
:math:`Y \in \mathbb{R}^{N\times m}`, an offline algorithm returns the weights
:math:`W \in \mathbb{R}^{n\times m}` of :math:`\hat Y = X W`.
"""

from __future__ import annotations

from typing import Any

import jax
from brainpy.base import Base
from brainpy.errors import InvalidArgumentError

__all__ = ["OfflineAlgorithm", "RidgeRegression", "LinearRegression"]


class OfflineAlgorithm(Base):
    r"""Base class for offline training algorithm.

    Subclasses implement :meth:`__call__`.

    Parameters
    ----------
    name : str, optional
        The name of the algorithm object.
    """

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name=name)

    def __call__(self, targets: Any, inputs: Any, outputs: Any = None) -> Any:
        r"""Solve for the weights.

        Parameters
        ----------
        targets : array of shape (N, m)
        inputs : array of shape (N, n)
        outputs : array of shape (N, m), optional
            The current predictions (unused by linear solvers).

        Returns
        -------
        array of shape (n, m)
        """
        raise NotImplementedError(f"{type(self).__name__} must implement __call__(targets, inputs, outputs).")

    def __repr__(self) -> str:
        return type(self).__name__


class RidgeRegression(OfflineAlgorithm):
    r"""Training algorithm of ridge regression (regression with Tikhonov regularization).

    .. math::

        W = (X^\top X + \beta I)^{-1} X^\top Y

    Parameters
    ----------
    beta : float
        The regularization coefficient :math:`\beta \ge 0`. Default ``1e-7``.

    References
    ----------
    .. [1] Hoerl, A. E., & Kennard, R. W. (1970). Ridge regression: biased
           estimation for nonorthogonal problems. Technometrics 12(1), 55-67.
           https://doi.org/10.1080/00401706.1970.10488634
    """

    def __init__(self, beta: float = 1e-7, name: str | None = None) -> None:
        super().__init__(name=name)
        if isinstance(beta, bool) or not isinstance(beta, (int, float)) or beta < 0:
            raise InvalidArgumentError(f"beta must be a non-negative number, but got {beta!r}.")
        self.beta = float(beta)

    def __call__(self, targets: Any, inputs: Any, outputs: Any = None) -> Any:
        import brainpy.math as bm

        return _RIDGE(bm.as_jax(inputs), bm.as_jax(targets), self.beta)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(beta={self.beta})"


class LinearRegression(OfflineAlgorithm):
    r"""Training algorithm of least-square regression.

    .. math::

        W = \arg\min_W \lVert X W - Y \rVert_2^2 = X^{+} Y

    solved with :func:`jax.numpy.linalg.lstsq` (registered as ``'linear'``
    and ``'lstsq'``).
    """

    def __call__(self, targets: Any, inputs: Any, outputs: Any = None) -> Any:
        import brainpy.math as bm

        return _LSTSQ(bm.as_jax(inputs), bm.as_jax(targets))


def _ridge(x: Any, y: Any, beta: Any) -> Any:
    import jax.numpy as jnp

    gram = x.T @ x + beta * jnp.eye(x.shape[1], dtype=x.dtype)
    return jnp.linalg.solve(gram, x.T @ y)


def _lstsq(x: Any, y: Any) -> Any:
    import jax.numpy as jnp

    return jnp.linalg.lstsq(x, y)[0]


_RIDGE = jax.jit(_ridge)
_LSTSQ = jax.jit(_lstsq)
