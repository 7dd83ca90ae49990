r"""Orthogonal initializers."""

from __future__ import annotations

import math
from typing import Any

import jax
import jax.numpy as jnp

from brainpy.initialize._base import InitializerError, Shape, float_dtype, to_shape, wrap
from brainpy.initialize._random import RandomInitializer

__all__ = ["Orthogonal", "DeltaOrthogonal"]


def _orthogonal(key: Any, shape: tuple[int, ...], axis: int, scale: float, dtype: Any) -> Any:
    n_rows = shape[axis]
    n_cols = math.prod(shape) // n_rows if n_rows else 0
    tall = (max(n_rows, n_cols), min(n_rows, n_cols))
    q, r = jnp.linalg.qr(jax.random.normal(key, tall, dtype=dtype))
    q = q * jnp.sign(jnp.diagonal(r))  # makes the distribution uniform (Haar) over orthogonal matrices
    if n_rows < n_cols:
        q = q.T
    rest = tuple(s for i, s in enumerate(shape) if i != axis % len(shape))
    return scale * jnp.moveaxis(q.reshape((n_rows, *rest)), 0, axis)


class Orthogonal(RandomInitializer):
    r"""Construct an initializer for uniformly distributed orthogonal matrices.

    The weights, viewed as a matrix :math:`M` with the ``axis`` dimension as rows and all
    other dimensions flattened into columns, satisfy

    .. math:: M M^\top = s^2 I \ \text{(more columns than rows)}, \qquad
              M^\top M = s^2 I \ \text{(otherwise)},

    and are drawn uniformly (Haar measure) among such matrices: a Gaussian matrix is
    QR-factorised and :math:`Q` multiplied by the signs of :math:`\operatorname{diag}(R)`.

    Parameters
    ----------
    scale : float
        The scale :math:`s`. Default 1.
    axis : int
        The axis whose slices are orthogonal. Default -1.
    seed : int, optional
        The random seed.

    Raises
    ------
    InitializerError
        If ``shape`` has fewer than two dimensions (a ``ValueError``).

    References
    ----------
    .. [1] Saxe, A. M., McClelland, J. L., & Ganguli, S. (2014). Exact solutions to the
           nonlinear dynamics of learning in deep linear neural networks. ICLR. arXiv:1312.6120.
    .. [2] Mezzadri, F. (2007). How to generate random matrices from the classical compact
           groups. Notices of the AMS 54(5), 592-604.
    """

    def __init__(self, scale: float = 1.0, axis: int = -1, seed: int | None = None) -> None:
        super().__init__(seed)
        self.scale = scale
        self.axis = axis

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        shape = to_shape(shape, type(self).__name__)
        if len(shape) < 2:
            raise InitializerError(f"Orthogonal needs a shape of at least two dimensions, but got {shape}.")
        dt = float_dtype(dtype)
        return wrap(_orthogonal(self._key(), shape, self.axis, self.scale, dt), dt)


class DeltaOrthogonal(RandomInitializer):
    r"""Construct an initializer for delta orthogonal kernels; see arXiv:1806.05393.

    For a convolution kernel of shape ``(k_1, ..., k_d, c_in, c_out)`` (:math:`d = 1, 2, 3`,
    :math:`c_\text{in} \le c_\text{out}`), every entry is zero except at the spatial centre
    :math:`(\lfloor k_1/2 \rfloor, \dots)`, which holds a scaled random orthogonal
    :math:`c_\text{in} \times c_\text{out}` matrix :math:`H` with :math:`H H^\top = s^2 I`.
    The convolution then preserves norms at initialisation.

    Parameters
    ----------
    scale : float
        The scale :math:`s`. Default 1.
    axis : int
        The axis of the centre matrix whose slices are orthogonal. Default -1.
    seed : int, optional
        The random seed.

    Raises
    ------
    InitializerError
        If the shape does not have 3, 4 or 5 dimensions, or has more input than output
        channels (a ``ValueError``).

    References
    ----------
    .. [1] Xiao, L., Bahri, Y., Sohl-Dickstein, J., Schoenholz, S., & Pennington, J. (2018).
           Dynamical isometry and a mean field theory of CNNs: how to train 10,000-layer vanilla
           convolutional neural networks. ICML, PMLR 80, 5393-5402. arXiv:1806.05393.
    """

    def __init__(self, scale: float = 1.0, axis: int = -1, seed: int | None = None) -> None:
        super().__init__(seed)
        self.scale = scale
        self.axis = axis

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        shape = to_shape(shape, type(self).__name__)
        if len(shape) not in (3, 4, 5):
            raise InitializerError(
                f"DeltaOrthogonal initializes convolution kernels of shape (k, ..., c_in, c_out) with 3, 4 or 5 "
                f"dimensions, but got shape={shape}."
            )
        if shape[-2] > shape[-1]:
            raise InitializerError(
                f"DeltaOrthogonal needs c_in <= c_out (the last two dimensions), but got shape={shape}."
            )
        dt = float_dtype(dtype)
        centre_matrix = _orthogonal(self._key(), shape[-2:], self.axis, self.scale, dt)
        centre = tuple(k // 2 for k in shape[:-2])
        return wrap(jnp.zeros(shape, dtype=dt).at[centre].set(centre_matrix), dt)
