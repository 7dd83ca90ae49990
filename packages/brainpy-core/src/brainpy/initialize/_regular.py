r"""Regular initializers: constant and identity weights."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp

from brainpy.initialize._base import InitializerError, InterLayerInitializer, Shape, float_dtype, to_shape, wrap

__all__ = ["ZeroInit", "OneInit", "Identity"]


class ZeroInit(InterLayerInitializer):
    r"""Zero initializer.

    Initialize the weights with zeros, :math:`W_{ij} = 0`, for any shape.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.init.ZeroInit()((2, 3)).shape
    (2, 3)
    """

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        return wrap(jnp.zeros(to_shape(shape, type(self).__name__), dtype=float_dtype(dtype)), dtype)


class OneInit(InterLayerInitializer):
    r"""One initializer.

    Initialize every weight with the same value, :math:`W_{ij} = c`, for any shape.

    Parameters
    ----------
    value : float
        The value :math:`c`. Default 1.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.init.OneInit(value=2.5)((2, 3))
    JaxArray([[2.5, 2.5, 2.5],
              [2.5, 2.5, 2.5]], dtype=float32)
    """

    def __init__(self, value: float = 1.0) -> None:
        self.value = value

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        shape = to_shape(shape, type(self).__name__)
        return wrap(jnp.full(shape, self.value, dtype=float_dtype(dtype)), dtype)


class Identity(InterLayerInitializer):
    r"""Returns the identity matrix.

    The weights are :math:`W_{ij} = c\,\delta_{ij}`: an ``(m, n)`` matrix with ``value`` on
    its main diagonal, or an ``(n, n)`` one for ``shape=n``. Useful for one-to-one
    projections and for initialising recurrent weights.

    Parameters
    ----------
    value : float
        The diagonal value :math:`c`. Default 1.

    Raises
    ------
    InitializerError
        If ``shape`` has more than two dimensions (a ``ValueError``).

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.init.Identity(2.)((2, 3))
    JaxArray([[2., 0., 0.],
              [0., 2., 0.]], dtype=float32)
    """

    def __init__(self, value: float = 1.0) -> None:
        self.value = value

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        shape = to_shape(shape, type(self).__name__)
        if len(shape) not in (1, 2):
            raise InitializerError(
                f"Identity makes a matrix, so shape must have one or two dimensions, but got {shape}."
            )
        n, m = (shape[0], shape[0]) if len(shape) == 1 else shape
        return wrap(self.value * jnp.eye(n, m, dtype=float_dtype(dtype)), dtype)
