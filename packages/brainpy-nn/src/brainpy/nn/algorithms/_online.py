r"""Online training algorithms: update a linear readout one time step at a time.

At each step a readout with weights :math:`W` (:math:`n\times m`) gets its
input rows :math:`X` (:math:`b\times n`, one per batch sample), its current
output :math:`\hat Y = XW` and the targets :math:`Y`; the algorithm returns
the weight change :math:`\Delta W`. Per-readout state (the RLS matrix
:math:`P`) is kept in Variables of the algorithm object, keyed by the
readout's name, so that compiled training loops carry it.
"""

from __future__ import annotations

from typing import Any

from brainpy.base import Base
from brainpy.errors import InvalidArgumentError

__all__ = ["OnlineAlgorithm", "RLS", "ForceLearning", "LMS"]


class OnlineAlgorithm(Base):
    r"""Base class for online training algorithm.

    Subclasses implement :meth:`initialize` (per-readout state) and :meth:`__call__`.

    Parameters
    ----------
    name : str, optional
        The name of the algorithm object.
    """

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name=name)

    def initialize(self, identifier: str, feature_in: int, feature_out: int) -> None:
        """Create the state for the readout ``identifier`` (nothing by default)."""

    def __call__(self, identifier: str, target: Any, input: Any, output: Any) -> Any:
        r"""The weight change :math:`\Delta W` (shape ``(n, m)``) for one step."""
        raise NotImplementedError(f"{type(self).__name__} must implement __call__(identifier, target, input, output).")

    def __repr__(self) -> str:
        return type(self).__name__


class RLS(OnlineAlgorithm):
    r"""The recursive least squares (RLS).

    With :math:`P_0 = I/\alpha`, each step with inputs :math:`X` and a priori
    errors :math:`E = XW - Y` does

    .. math::

        K &= P X^\top (I + X P X^\top)^{-1}, \\
        P &\leftarrow P - K X P, \\
        \Delta W &= -K E .

    For one sample per step this is the classic update
    :math:`k = Px/(1 + x^\top P x)`. After :math:`T` steps from :math:`W_0`,
    :math:`W = (X^\top X + \alpha I)^{-1}(X^\top Y + \alpha W_0)`: ridge
    regression with :math:`\beta = \alpha`, computed recursively.

    Parameters
    ----------
    alpha : float
        The regularization :math:`\alpha > 0` (:math:`P_0 = I/\alpha`). Default 0.1.

    References
    ----------
    .. [1] Haykin, S. (2002). Adaptive Filter Theory (4th ed.), ch. 9. Prentice Hall.
    """

    def __init__(self, alpha: float = 0.1, name: str | None = None) -> None:
        super().__init__(name=name)
        if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or alpha <= 0:
            raise InvalidArgumentError(f"alpha must be a positive number, but got {alpha!r}.")
        self.alpha = float(alpha)

    def initialize(self, identifier: str, feature_in: int, feature_out: int) -> None:
        import brainpy.math as bm

        P = bm.Variable(bm.eye(feature_in, dtype=bm.get_dfloat()) / self.alpha)
        self.implicit_vars[f"{identifier}.P"] = P

    def __call__(self, identifier: str, target: Any, input: Any, output: Any) -> Any:
        import brainpy.math as bm
        import jax.numpy as jnp

        P = self.implicit_vars[f"{identifier}.P"]
        x = bm.as_jax(input)
        x = x.reshape((-1, x.shape[-1]))
        err = (bm.as_jax(output) - bm.as_jax(target)).reshape((x.shape[0], -1))
        p = P.value
        px = p @ x.T
        s = jnp.eye(x.shape[0], dtype=p.dtype) + x @ px
        k = jnp.linalg.solve(s, px.T).T
        P.value = p - k @ px.T
        return -k @ err

    def __repr__(self) -> str:
        return f"{type(self).__name__}(alpha={self.alpha})"


class ForceLearning(RLS):
    r"""FORCE learning: recursive least squares applied to a readout at every step.

    The same update as :class:`RLS`; FORCE (first-order reduced and controlled
    error) learning keeps the output error small from the first steps on,
    which lets a reservoir with output feedback be trained while it runs [1]_.

    Parameters
    ----------
    alpha : float
        The regularization (:math:`P_0 = I/\alpha`). Default 0.1.

    References
    ----------
    .. [1] Sussillo, D., & Abbott, L. F. (2009). Generating coherent patterns of
           activity from chaotic neural networks. Neuron 63(4), 544-557.
           https://doi.org/10.1016/j.neuron.2009.07.018
    """

    def __repr__(self) -> str:
        return type(self).__name__


class LMS(OnlineAlgorithm):
    r"""The least mean squares (LMS).

    A stochastic gradient step on the squared error of each step:

    .. math:: \Delta W = -\alpha X^\top (XW - Y).

    Parameters
    ----------
    alpha : float
        The learning rate :math:`\alpha > 0`. Default 0.1.

    References
    ----------
    .. [1] Widrow, B., & Hoff, M. E. (1960). Adaptive switching circuits.
           IRE WESCON Convention Record 4, 96-104.
    """

    def __init__(self, alpha: float = 0.1, name: str | None = None) -> None:
        super().__init__(name=name)
        if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or alpha <= 0:
            raise InvalidArgumentError(f"alpha must be a positive number, but got {alpha!r}.")
        self.alpha = float(alpha)

    def __call__(self, identifier: str, target: Any, input: Any, output: Any) -> Any:
        import brainpy.math as bm

        x = bm.as_jax(input)
        x = x.reshape((-1, x.shape[-1]))
        err = (bm.as_jax(output) - bm.as_jax(target)).reshape((x.shape[0], -1))
        return -self.alpha * (x.T @ err)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(alpha={self.alpha})"
