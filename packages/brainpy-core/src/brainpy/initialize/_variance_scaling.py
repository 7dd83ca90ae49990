r"""Variance-scaling initializers: ``VarianceScaling`` and its Kaiming (He), Xavier (Glorot)
and LeCun presets."""

from __future__ import annotations

import math
from typing import Any

import jax

from brainpy.initialize._base import InitializerError, Shape, float_dtype, to_shape, wrap
from brainpy.initialize._random import RandomInitializer

__all__ = [
    "VarianceScaling",
    "KaimingUniform",
    "KaimingNormal",
    "XavierUniform",
    "XavierNormal",
    "LecunUniform",
    "LecunNormal",
]

_MODES = ("fan_in", "fan_out", "fan_avg")
_DISTRIBUTIONS = ("truncated_normal", "normal", "uniform")

#: Standard deviation of the standard normal truncated to [-2, 2]:
#: sqrt(1 - 4 phi(2) / (2 Phi(2) - 1)), with phi, Phi the standard normal pdf and cdf.
TRUNCATED_STD = math.sqrt(1.0 - 4.0 * math.exp(-2.0) / math.sqrt(2.0 * math.pi) / math.erf(2.0 / math.sqrt(2.0)))


def compute_fans(shape: tuple[int, ...], in_axis: int, out_axis: int, owner: str) -> tuple[float, float]:
    r"""The fan-in and fan-out of a weight shape.

    With receptive field size :math:`r = \prod_k n_k / (n_{\text{in}}\, n_{\text{out}})`
    (1 for a matrix), :math:`\text{fan}_\text{in} = n_\text{in}\, r` and
    :math:`\text{fan}_\text{out} = n_\text{out}\, r`.
    """
    if len(shape) < 2:
        raise InitializerError(
            f"{owner} needs a weight shape with at least two dimensions (fan-in and fan-out), but got "
            f"shape={shape}. Use it for matrices such as (n_in, n_out), or choose bp.init.Normal for vectors."
        )
    receptive = math.prod(shape) / shape[in_axis] / shape[out_axis]
    return shape[in_axis] * receptive, shape[out_axis] * receptive


class VarianceScaling(RandomInitializer):
    r"""Initialize weights with a variance scaled to the layer's fan-in and fan-out.

    The target variance is :math:`\sigma^2 = s / n`, where :math:`s` is ``scale`` and
    :math:`n` is :math:`\text{fan}_\text{in}` (``mode='fan_in'``),
    :math:`\text{fan}_\text{out}` (``'fan_out'``) or their mean (``'fan_avg'``).
    The fans come from the axes ``in_axis`` and ``out_axis``; other axes form a receptive
    field that multiplies both. The weights are drawn from

    * ``'normal'``: :math:`\mathcal{N}(0, \sigma^2)`;
    * ``'truncated_normal'``: a normal truncated to two standard deviations, rescaled so
      that its standard deviation is :math:`\sigma` (values within :math:`\pm 2\sigma/0.8796`);
    * ``'uniform'``: :math:`\mathcal{U}[-\sqrt{3}\sigma, \sqrt{3}\sigma]`.

    Parameters
    ----------
    scale : float
        The scale :math:`s`.
    mode : str
        ``'fan_in'``, ``'fan_out'`` or ``'fan_avg'``.
    distribution : str
        ``'truncated_normal'``, ``'normal'`` or ``'uniform'``.
    in_axis : int
        The input axis. Default -2.
    out_axis : int
        The output axis. Default -1.
    seed : int, optional
        The random seed.

    Raises
    ------
    InitializerError
        For an unknown ``mode`` or ``distribution`` (at construction), or a shape of fewer
        than two dimensions (a ``ValueError``).

    References
    ----------
    .. [1] He, K., Zhang, X., Ren, S., & Sun, J. (2015). Delving deep into rectifiers:
           surpassing human-level performance on ImageNet classification. ICCV, 1026-1034.
           https://doi.org/10.1109/ICCV.2015.123
    """

    def __init__(
        self,
        scale: float,
        mode: str,
        distribution: str,
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ) -> None:
        super().__init__(seed)
        name = type(self).__name__
        if mode not in _MODES:
            raise InitializerError(f"{name} got mode={mode!r}; expected one of {', '.join(map(repr, _MODES))}.")
        if distribution not in _DISTRIBUTIONS:
            raise InitializerError(
                f"{name} got distribution={distribution!r}; expected one of {', '.join(map(repr, _DISTRIBUTIONS))}."
            )
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
        self.in_axis = in_axis
        self.out_axis = out_axis

    def variance(self, shape: Shape) -> float:
        r"""The target variance :math:`\sigma^2` for weights of ``shape``."""
        shape = to_shape(shape, type(self).__name__)
        fan_in, fan_out = compute_fans(shape, self.in_axis, self.out_axis, type(self).__name__)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[self.mode]
        return self.scale / n

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        shape = to_shape(shape, type(self).__name__)
        std = math.sqrt(self.variance(shape))
        dt = float_dtype(dtype)
        key = self._key()
        if self.distribution == "truncated_normal":
            w = jax.random.truncated_normal(key, -2.0, 2.0, shape, dtype=dt) * (std / TRUNCATED_STD)
        elif self.distribution == "normal":
            w = jax.random.normal(key, shape, dtype=dt) * std
        else:
            bound = math.sqrt(3.0) * std
            w = jax.random.uniform(key, shape, dtype=dt, minval=-bound, maxval=bound)
        return wrap(w, dt)


class KaimingUniform(VarianceScaling):
    r"""Kaiming (He) uniform initializer.

    :class:`VarianceScaling` with ``scale=2``, ``mode='fan_in'`` and
    ``distribution='uniform'``: the weights have variance :math:`\sigma^2 = 2 / \text{fan}_\text{in}`,
    drawn uniformly from :math:`[-\sqrt{3}\sigma, \sqrt{3}\sigma]`.

    Parameters
    ----------
    scale : float
        The scale. Default 2.0.
    mode : str
        ``'fan_in'``, ``'fan_out'`` or ``'fan_avg'``. Default ``'fan_in'``.
    distribution : str
        ``'truncated_normal'``, ``'normal'`` or ``'uniform'``. Default ``'uniform'``.
    in_axis, out_axis : int
        The input and output axes. Default -2 and -1.
    seed : int, optional
        The random seed.

    References
    ----------
    .. [1] He, K., Zhang, X., Ren, S., & Sun, J. (2015). Delving deep into rectifiers:
           surpassing human-level performance on ImageNet classification. ICCV, 1026-1034.
           https://doi.org/10.1109/ICCV.2015.123
    """

    def __init__(
        self,
        scale: float = 2.0,
        mode: str = "fan_in",
        distribution: str = "uniform",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ) -> None:
        super().__init__(scale, mode, distribution, in_axis=in_axis, out_axis=out_axis, seed=seed)


class KaimingNormal(VarianceScaling):
    r"""Kaiming (He) normal initializer.

    :class:`VarianceScaling` with ``scale=2``, ``mode='fan_in'`` and
    ``distribution='truncated_normal'``: the weights have variance :math:`\sigma^2 = 2 / \text{fan}_\text{in}`,
    drawn from a normal truncated at two standard deviations (rescaled to :math:`\sigma`).

    Parameters
    ----------
    scale : float
        The scale. Default 2.0.
    mode : str
        ``'fan_in'``, ``'fan_out'`` or ``'fan_avg'``. Default ``'fan_in'``.
    distribution : str
        ``'truncated_normal'``, ``'normal'`` or ``'uniform'``. Default ``'truncated_normal'``.
    in_axis, out_axis : int
        The input and output axes. Default -2 and -1.
    seed : int, optional
        The random seed.

    References
    ----------
    .. [1] He, K., Zhang, X., Ren, S., & Sun, J. (2015). Delving deep into rectifiers:
           surpassing human-level performance on ImageNet classification. ICCV, 1026-1034.
           https://doi.org/10.1109/ICCV.2015.123
    """

    def __init__(
        self,
        scale: float = 2.0,
        mode: str = "fan_in",
        distribution: str = "truncated_normal",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ) -> None:
        super().__init__(scale, mode, distribution, in_axis=in_axis, out_axis=out_axis, seed=seed)


class XavierUniform(VarianceScaling):
    r"""Xavier (Glorot) uniform initializer.

    :class:`VarianceScaling` with ``scale=1``, ``mode='fan_avg'`` and
    ``distribution='uniform'``: the weights have variance :math:`\sigma^2 = 2 / (\text{fan}_\text{in} + \text{fan}_\text{out})`,
    drawn uniformly from :math:`[-\sqrt{3}\sigma, \sqrt{3}\sigma]`.

    Parameters
    ----------
    scale : float
        The scale. Default 1.0.
    mode : str
        ``'fan_in'``, ``'fan_out'`` or ``'fan_avg'``. Default ``'fan_avg'``.
    distribution : str
        ``'truncated_normal'``, ``'normal'`` or ``'uniform'``. Default ``'uniform'``.
    in_axis, out_axis : int
        The input and output axes. Default -2 and -1.
    seed : int, optional
        The random seed.

    References
    ----------
    .. [1] Glorot, X., & Bengio, Y. (2010). Understanding the difficulty of training deep
           feedforward neural networks. AISTATS, PMLR 9, 249-256.
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_avg",
        distribution: str = "uniform",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ) -> None:
        super().__init__(scale, mode, distribution, in_axis=in_axis, out_axis=out_axis, seed=seed)


class XavierNormal(VarianceScaling):
    r"""Xavier (Glorot) normal initializer.

    :class:`VarianceScaling` with ``scale=1``, ``mode='fan_avg'`` and
    ``distribution='truncated_normal'``: the weights have variance :math:`\sigma^2 = 2 / (\text{fan}_\text{in} + \text{fan}_\text{out})`,
    drawn from a normal truncated at two standard deviations (rescaled to :math:`\sigma`).

    Parameters
    ----------
    scale : float
        The scale. Default 1.0.
    mode : str
        ``'fan_in'``, ``'fan_out'`` or ``'fan_avg'``. Default ``'fan_avg'``.
    distribution : str
        ``'truncated_normal'``, ``'normal'`` or ``'uniform'``. Default ``'truncated_normal'``.
    in_axis, out_axis : int
        The input and output axes. Default -2 and -1.
    seed : int, optional
        The random seed.

    References
    ----------
    .. [1] Glorot, X., & Bengio, Y. (2010). Understanding the difficulty of training deep
           feedforward neural networks. AISTATS, PMLR 9, 249-256.
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_avg",
        distribution: str = "truncated_normal",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ) -> None:
        super().__init__(scale, mode, distribution, in_axis=in_axis, out_axis=out_axis, seed=seed)


class LecunUniform(VarianceScaling):
    r"""LeCun uniform initializer.

    :class:`VarianceScaling` with ``scale=1``, ``mode='fan_in'`` and
    ``distribution='uniform'``: the weights have variance :math:`\sigma^2 = 1 / \text{fan}_\text{in}`,
    drawn uniformly from :math:`[-\sqrt{3}\sigma, \sqrt{3}\sigma]`.

    Parameters
    ----------
    scale : float
        The scale. Default 1.0.
    mode : str
        ``'fan_in'``, ``'fan_out'`` or ``'fan_avg'``. Default ``'fan_in'``.
    distribution : str
        ``'truncated_normal'``, ``'normal'`` or ``'uniform'``. Default ``'uniform'``.
    in_axis, out_axis : int
        The input and output axes. Default -2 and -1.
    seed : int, optional
        The random seed.

    References
    ----------
    .. [1] LeCun, Y., Bottou, L., Orr, G. B., & Müller, K.-R. (1998). Efficient BackProp. In
           Neural Networks: Tricks of the Trade, LNCS 1524, 9-50. https://doi.org/10.1007/3-540-49430-8_2
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_in",
        distribution: str = "uniform",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ) -> None:
        super().__init__(scale, mode, distribution, in_axis=in_axis, out_axis=out_axis, seed=seed)


class LecunNormal(VarianceScaling):
    r"""LeCun normal initializer.

    :class:`VarianceScaling` with ``scale=1``, ``mode='fan_in'`` and
    ``distribution='truncated_normal'``: the weights have variance :math:`\sigma^2 = 1 / \text{fan}_\text{in}`,
    drawn from a normal truncated at two standard deviations (rescaled to :math:`\sigma`).

    Parameters
    ----------
    scale : float
        The scale. Default 1.0.
    mode : str
        ``'fan_in'``, ``'fan_out'`` or ``'fan_avg'``. Default ``'fan_in'``.
    distribution : str
        ``'truncated_normal'``, ``'normal'`` or ``'uniform'``. Default ``'truncated_normal'``.
    in_axis, out_axis : int
        The input and output axes. Default -2 and -1.
    seed : int, optional
        The random seed.

    References
    ----------
    .. [1] LeCun, Y., Bottou, L., Orr, G. B., & Müller, K.-R. (1998). Efficient BackProp. In
           Neural Networks: Tricks of the Trade, LNCS 1524, 9-50. https://doi.org/10.1007/3-540-49430-8_2
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_in",
        distribution: str = "truncated_normal",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ) -> None:
        super().__init__(scale, mode, distribution, in_axis=in_axis, out_axis=out_axis, seed=seed)
