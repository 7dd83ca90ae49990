r"""Activation functions of ``brainpy.math``.

Each function accepts JaxArrays, JAX or NumPy arrays and scalars, and returns a
:class:`~brainpy.math.JaxArray`. ``hard_swish`` is an alias of ``hard_silu`` and
``swish`` an alias of ``silu``.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy.math._ndarray import JaxArray, _new_jaxarray
from brainpy.math._numpy_wrap import unwrap_tree

__all__ = [
    "celu",
    "elu",
    "gelu",
    "glu",
    "hard_tanh",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "leaky_relu",
    "log_sigmoid",
    "log_softmax",
    "one_hot",
    "normalize",
    "relu",
    "relu6",
    "sigmoid",
    "soft_sign",
    "softmax",
    "softplus",
    "silu",
    "swish",
    "selu",
    "identity",
    "tanh",
]


def _x(x: Any) -> jax.Array:
    return jnp.asarray(unwrap_tree(x))


def celu(x: Any, alpha: float = 1.0) -> JaxArray:
    r"""Continuously-differentiable exponential linear unit.

    .. math:: \mathrm{celu}(x) = \max(0, x) + \min(0, \alpha (e^{x/\alpha} - 1))

    References
    ----------
    .. [1] Barron, J. T. (2017). Continuously Differentiable Exponential Linear Units.
           arXiv:1704.07483.
    """
    return _new_jaxarray(jax.nn.celu(_x(x), alpha))


def elu(x: Any, alpha: float = 1.0) -> JaxArray:
    r"""Exponential linear unit: :math:`x` if :math:`x > 0`, else :math:`\alpha (e^x - 1)`.

    References
    ----------
    .. [1] Clevert, D.-A., Unterthiner, T., Hochreiter, S. (2016). Fast and Accurate Deep
           Network Learning by Exponential Linear Units (ELUs). ICLR.
    """
    return _new_jaxarray(jax.nn.elu(_x(x), alpha))


def gelu(x: Any, approximate: bool = True) -> JaxArray:
    r"""Gaussian error linear unit.

    .. math:: \mathrm{gelu}(x) = x \Phi(x) \approx \frac{x}{2}\left(1 + \tanh\left(
              \sqrt{2/\pi}\,(x + 0.044715 x^3)\right)\right)

    where :math:`\Phi` is the standard normal CDF; ``approximate=True`` uses the tanh form.

    References
    ----------
    .. [1] Hendrycks, D., Gimpel, K. (2016). Gaussian Error Linear Units (GELUs). arXiv:1606.08415.
    """
    return _new_jaxarray(jax.nn.gelu(_x(x), approximate=approximate))


def glu(x: Any, axis: int = -1) -> JaxArray:
    r"""Gated linear unit: split ``x`` in halves :math:`a, b` along ``axis``; :math:`a\,\sigma(b)`.

    References
    ----------
    .. [1] Dauphin, Y. N. et al. (2017). Language Modeling with Gated Convolutional Networks. ICML.
    """
    return _new_jaxarray(jax.nn.glu(_x(x), axis=axis))


def hard_tanh(x: Any) -> JaxArray:
    r"""Hard tanh: :math:`\max(-1, \min(1, x))`."""
    return _new_jaxarray(jax.nn.hard_tanh(_x(x)))


def hard_sigmoid(x: Any) -> JaxArray:
    r"""Hard sigmoid: :math:`\mathrm{relu6}(x + 3) / 6`."""
    return _new_jaxarray(jax.nn.hard_sigmoid(_x(x)))


def hard_silu(x: Any) -> JaxArray:
    r"""Hard SiLU (hard swish): :math:`x \cdot \mathrm{relu6}(x + 3) / 6`.

    References
    ----------
    .. [1] Howard, A. et al. (2019). Searching for MobileNetV3. ICCV.
    """
    return _new_jaxarray(jax.nn.hard_silu(_x(x)))


#: Alias of :func:`hard_silu`.
hard_swish = hard_silu


def leaky_relu(x: Any, negative_slope: float = 1e-2) -> JaxArray:
    r"""Leaky ReLU: :math:`x` if :math:`x \ge 0`, else :math:`\alpha x` (``negative_slope`` :math:`\alpha`)."""
    return _new_jaxarray(jax.nn.leaky_relu(_x(x), negative_slope))


def log_sigmoid(x: Any) -> JaxArray:
    r"""Log-sigmoid: :math:`\log \sigma(x) = -\log(1 + e^{-x})`."""
    return _new_jaxarray(jax.nn.log_sigmoid(_x(x)))


def log_softmax(x: Any, axis: int = -1) -> JaxArray:
    r"""Log-softmax: :math:`x_i - \log \sum_j e^{x_j}` along ``axis``."""
    return _new_jaxarray(jax.nn.log_softmax(_x(x), axis=axis))


def one_hot(x: Any, num_classes: int, *, dtype: Any = None, axis: int = -1) -> JaxArray:
    r"""One-hot encoding of integer labels ``x`` with ``num_classes`` classes.

    Out-of-range labels give all-zero rows. ``dtype`` defaults to the float type.
    """
    kwargs = {} if dtype is None else {"dtype": dtype}
    return _new_jaxarray(jax.nn.one_hot(_x(x), num_classes, axis=axis, **kwargs))


def normalize(x: Any, axis: int = -1, mean: Any = None, variance: Any = None, epsilon: float = 1e-5) -> JaxArray:
    r"""Normalize an array: subtract the mean and divide by the square root of the variance.

    .. math:: \hat{x} = \frac{x - \mathrm{E}[x]}{\sqrt{\mathrm{Var}[x] + \epsilon}}

    The mean and variance are taken along ``axis`` unless given.
    """
    x = _x(x)
    mean = jnp.mean(x, axis, keepdims=True) if mean is None else _x(mean)
    if variance is None:
        variance = jnp.mean(jnp.square(x), axis, keepdims=True) - jnp.square(mean)
    else:
        variance = _x(variance)
    return _new_jaxarray((x - mean) * jax.lax.rsqrt(variance + epsilon))


def relu(x: Any) -> JaxArray:
    r"""Rectified linear unit: :math:`\max(0, x)`."""
    return _new_jaxarray(jax.nn.relu(_x(x)))


def relu6(x: Any) -> JaxArray:
    r"""ReLU capped at 6: :math:`\min(\max(0, x), 6)`."""
    return _new_jaxarray(jax.nn.relu6(_x(x)))


def sigmoid(x: Any) -> JaxArray:
    r"""Logistic sigmoid: :math:`\sigma(x) = 1 / (1 + e^{-x})`."""
    return _new_jaxarray(jax.nn.sigmoid(_x(x)))


def soft_sign(x: Any) -> JaxArray:
    r"""Soft-sign: :math:`x / (|x| + 1)`."""
    return _new_jaxarray(jax.nn.soft_sign(_x(x)))


def softmax(x: Any, axis: int = -1) -> JaxArray:
    r"""Softmax: :math:`e^{x_i} / \sum_j e^{x_j}` along ``axis``."""
    return _new_jaxarray(jax.nn.softmax(_x(x), axis=axis))


def softplus(x: Any) -> JaxArray:
    r"""Softplus: :math:`\log(1 + e^x)`."""
    return _new_jaxarray(jax.nn.softplus(_x(x)))


def silu(x: Any) -> JaxArray:
    r"""Sigmoid linear unit (swish): :math:`x \, \sigma(x)`.

    References
    ----------
    .. [1] Ramachandran, P., Zoph, B., Le, Q. V. (2017). Searching for Activation Functions.
           arXiv:1710.05941.
    """
    return _new_jaxarray(jax.nn.silu(_x(x)))


#: Alias of :func:`silu`.
swish = silu


def selu(x: Any) -> JaxArray:
    r"""Scaled ELU: :math:`\lambda x` for :math:`x > 0`, else :math:`\lambda \alpha (e^x - 1)`,
    with :math:`\lambda = 1.0507009873554805` and :math:`\alpha = 1.6732632423543772`.

    References
    ----------
    .. [1] Klambauer, G. et al. (2017). Self-Normalizing Neural Networks. NeurIPS.
    """
    return _new_jaxarray(jax.nn.selu(_x(x)))


def identity(x: Any, dtype: Any = None) -> JaxArray:
    r"""Identity activation: returns ``x`` (as a JaxArray).

    ``bm.identity`` is also NumPy's ``identity``: given a Python ``int`` ``n`` it
    returns the ``(n, n)`` identity matrix (of type ``dtype``), as ``numpy.identity(n)``.
    """
    if isinstance(x, int) and not isinstance(x, bool):
        return _new_jaxarray(jnp.identity(x, dtype=dtype))
    return _new_jaxarray(_x(x) if dtype is None else _x(x).astype(dtype))


def tanh(x: Any) -> JaxArray:
    r"""Hyperbolic tangent: :math:`(e^x - e^{-x}) / (e^x + e^{-x})`."""
    return _new_jaxarray(jnp.tanh(_x(x)))
