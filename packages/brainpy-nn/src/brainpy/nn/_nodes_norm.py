r"""Normalization and dropout nodes.

Normalizing nodes compute :math:`y = \gamma (x - \mu)/\sqrt{\sigma^2 + \epsilon} + \beta`
with :math:`\mu, \sigma^2` taken over the node's reduction axes. Their
``forward`` takes the shared keyword ``train`` (default True): batch
normalization uses batch statistics (and updates running averages) when
training, and the running averages otherwise; dropout is the identity when
``train=False``.
"""

from __future__ import annotations

from typing import Any

import brainpy.initialize as init
from brainpy.errors import ModelBuildError
from brainpy.nn._node import Node
from brainpy.nn._utils import init_param

__all__ = [
    "Dropout",
    "BatchNorm",
    "BatchNorm1d",
    "BatchNorm2d",
    "BatchNorm3d",
    "GroupNorm",
    "LayerNorm",
    "InstanceNorm",
]


def _one_shape(node: Node) -> tuple:
    shapes = node.feedforward_shapes
    if len(shapes) != 1:
        raise ModelBuildError(f"{node.name} takes one feedforward input, but got {len(shapes)}: {shapes}.")
    return shapes[0]


class Dropout(Node):
    r"""A layer that stochastically ignores a subset of inputs each training step.

    When training, each input is kept with probability ``prob`` and scaled by
    :math:`1/p` (so the expectation is unchanged); otherwise the input passes.

    Parameters
    ----------
    prob : float
        The probability :math:`p \in (0, 1]` to *keep* an input.
    seed : int, optional
        The seed of the node's random state.

    References
    ----------
    .. [1] Srivastava, N., et al. (2014). Dropout: a simple way to prevent neural
           networks from overfitting. JMLR 15(56), 1929-1958.
    """

    _short_repr = True

    def __init__(self, prob: float, seed: int | None = None, trainable: bool = False, **kwargs: Any) -> None:
        import brainpy.math as bm

        super().__init__(trainable=trainable, **kwargs)
        if not 0.0 < prob <= 1.0:
            raise ModelBuildError(f"prob (the keep probability) must be in (0, 1], but got {prob!r}.")
        self.prob = float(prob)
        self.rng = bm.random.RandomState(seed if seed is not None else int(bm.random.randint(0, 2**31 - 1)))

    def init_ff(self) -> None:
        self.set_output_shape(_one_shape(self))

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        x = ff[0]
        if shared_kwargs.get("train", True):
            keep = self.rng.bernoulli(self.prob, x.shape)
            return bm.where(keep, x / self.prob, 0.0)
        return x


class _Norm(Node):
    _short_repr = True

    def __init__(
        self,
        epsilon: float = 1e-5,
        use_bias: bool = True,
        use_scale: bool = True,
        bias_init: Any = init.ZeroInit(),
        scale_init: Any = init.OneInit(),
        trainable: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(trainable=trainable, **kwargs)
        self.epsilon, self.use_bias, self.use_scale = float(epsilon), bool(use_bias), bool(use_scale)
        self.bias_init, self.scale_init = bias_init, scale_init
        self.bias = self.scale = None

    def _params(self, shape: tuple) -> None:
        import brainpy.math as bm

        wrap = bm.TrainVar if self.trainable else bm.asarray
        if self.use_bias:
            self.bias = wrap(init_param(self.bias_init, shape))
        if self.use_scale:
            self.scale = wrap(init_param(self.scale_init, shape))

    def _affine(self, y: Any, pshape: tuple) -> Any:
        import brainpy.math as bm

        if self.scale is not None:
            y = y * bm.as_jax(self.scale).reshape(pshape)
        if self.bias is not None:
            y = y + bm.as_jax(self.bias).reshape(pshape)
        return bm.asarray(y)


class BatchNorm(_Norm):
    r"""Batch Normalization node.

    Statistics are taken over ``axis`` (which must include the batch axis 0);
    running averages :math:`\bar\mu \leftarrow m\bar\mu + (1-m)\mu` (same for
    the variance) are used when ``train=False``.

    Parameters
    ----------
    axis : int or tuple of int
        The reduction axes.
    epsilon : float
        Default 1e-5.
    use_bias, use_scale : bool
        Learn :math:`\beta` and :math:`\gamma`. Default True.
    beta_init, gamma_init : Initializer
        Default ``ZeroInit()`` and ``OneInit()``.
    momentum : float
        :math:`m`. Default 0.99.

    References
    ----------
    .. [1] Ioffe, S., & Szegedy, C. (2015). Batch normalization: accelerating deep
           network training by reducing internal covariate shift. ICML, 448-456.
    """

    def __init__(
        self,
        axis: Any,
        epsilon: float = 1e-5,
        use_bias: bool = True,
        use_scale: bool = True,
        beta_init: Any = init.ZeroInit(),
        gamma_init: Any = init.OneInit(),
        momentum: float = 0.99,
        **kwargs: Any,
    ) -> None:
        super().__init__(epsilon, use_bias, use_scale, beta_init, gamma_init, **kwargs)
        self.axis = (axis,) if isinstance(axis, int) else tuple(axis)
        self.momentum = float(momentum)

    def init_ff(self) -> None:
        import brainpy.math as bm

        shape = _one_shape(self)
        nd = len(shape)
        self._axes = tuple(sorted(a % nd for a in self.axis))
        if 0 not in self._axes:
            raise ModelBuildError(f"{self.name}: the reduction axes {self.axis} must include the batch axis 0.")
        self._pshape = tuple(1 if i in self._axes else s for i, s in enumerate(shape))
        feat = tuple(s for i, s in enumerate(shape) if i not in self._axes)
        self._params(feat)
        self.running_mean = bm.Variable(bm.zeros(feat, dtype=bm.get_dfloat()))
        self.running_var = bm.Variable(bm.ones(feat, dtype=bm.get_dfloat()))
        self.set_output_shape(shape)

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm
        import jax.numpy as jnp

        x = bm.as_jax(ff[0])
        pshape = (1,) + self._pshape[1:]
        if shared_kwargs.get("train", True):
            mean, var = jnp.mean(x, self._axes), jnp.var(x, self._axes)
            m = self.momentum
            self.running_mean.value = (m * self.running_mean.value + (1 - m) * mean).astype(self.running_mean.dtype)
            self.running_var.value = (m * self.running_var.value + (1 - m) * var).astype(self.running_var.dtype)
        else:
            mean, var = self.running_mean.value, self.running_var.value
        y = (x - mean.reshape(pshape)) / jnp.sqrt(var.reshape(pshape) + self.epsilon)
        return self._affine(y, pshape)


class BatchNorm1d(BatchNorm):
    r"""1-D batch normalization: inputs ``(num_batch, length, channels)``, ``axis=(0, 1)``."""

    def __init__(self, axis: Any = (0, 1), **kwargs: Any) -> None:
        super().__init__(axis, **kwargs)


class BatchNorm2d(BatchNorm):
    r"""2-D batch normalization: inputs ``(num_batch, height, width, channels)``, ``axis=(0, 1, 2)``."""

    def __init__(self, axis: Any = (0, 1, 2), **kwargs: Any) -> None:
        super().__init__(axis, **kwargs)


class BatchNorm3d(BatchNorm):
    r"""3-D batch normalization: inputs ``(num_batch, d, h, w, channels)``, ``axis=(0, 1, 2, 3)``."""

    def __init__(self, axis: Any = (0, 1, 2, 3), **kwargs: Any) -> None:
        super().__init__(axis, **kwargs)


class LayerNorm(_Norm):
    r"""Layer normalization (https://arxiv.org/abs/1607.06450).

    Each sample is normalized over all its non-batch axes (or ``axis``);
    :math:`\gamma, \beta` have the shape of the normalized axes.

    Parameters
    ----------
    epsilon : float
        Default 1e-5.
    use_bias, use_scale : bool
    bias_init, scale_init : Initializer
    axis : int or tuple of int, optional
        The normalized axes. Default: every axis but the batch axis.

    References
    ----------
    .. [1] Ba, J. L., Kiros, J. R., & Hinton, G. E. (2016). Layer normalization. arXiv:1607.06450.
    """

    def __init__(
        self,
        epsilon: float = 1e-5,
        use_bias: bool = True,
        use_scale: bool = True,
        bias_init: Any = init.ZeroInit(),
        scale_init: Any = init.OneInit(),
        axis: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(epsilon, use_bias, use_scale, bias_init, scale_init, **kwargs)
        self.axis = axis

    def init_ff(self) -> None:
        shape = _one_shape(self)
        nd = len(shape)
        axes = range(1, nd) if self.axis is None else ((self.axis,) if isinstance(self.axis, int) else self.axis)
        self._axes = tuple(sorted(a % nd for a in axes))
        if 0 in self._axes:
            raise ModelBuildError(f"{self.name}: layer normalization cannot normalize over the batch axis 0.")
        self._pshape = tuple(s if i in self._axes else 1 for i, s in enumerate(shape))
        self._params(tuple(shape[i] for i in self._axes))
        self.set_output_shape(shape)

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm
        import jax.numpy as jnp

        x = bm.as_jax(ff[0])
        mean = jnp.mean(x, self._axes, keepdims=True)
        var = jnp.var(x, self._axes, keepdims=True)
        return self._affine((x - mean) / jnp.sqrt(var + self.epsilon), (1,) + self._pshape[1:])


class GroupNorm(_Norm):
    r"""Group normalization layer.

    The channels (last axis) are split into groups; each sample is
    normalized over its spatial axes and the channels of each group.
    Give ``num_groups`` or ``group_size``.

    Parameters
    ----------
    num_groups : int, optional
        The number of groups. Default 32 when ``group_size`` is None.
    group_size : int, optional
        The number of channels per group.
    epsilon, use_bias, use_scale, bias_init, scale_init
        As :class:`LayerNorm`; :math:`\gamma, \beta` have one value per channel.

    References
    ----------
    .. [1] Wu, Y., & He, K. (2018). Group normalization. ECCV, 3-19.
    """

    def __init__(
        self,
        num_groups: int | None = None,
        group_size: int | None = None,
        epsilon: float = 1e-5,
        use_bias: bool = True,
        use_scale: bool = True,
        bias_init: Any = init.ZeroInit(),
        scale_init: Any = init.OneInit(),
        **kwargs: Any,
    ) -> None:
        super().__init__(epsilon, use_bias, use_scale, bias_init, scale_init, **kwargs)
        if num_groups is not None and group_size is not None:
            raise ModelBuildError("Give either num_groups or group_size, not both.")
        self.num_groups = 32 if num_groups is None and group_size is None else num_groups
        self.group_size = group_size

    def init_ff(self) -> None:
        shape = _one_shape(self)
        ch = shape[-1]
        groups = self.num_groups if self.num_groups is not None else ch // self.group_size
        if groups < 1 or ch % groups:
            raise ModelBuildError(f"{self.name}: {ch} channels cannot be split into {groups} equal groups.")
        self._groups = groups
        self._params((ch,))
        self.set_output_shape(shape)

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm
        import jax.numpy as jnp

        x = bm.as_jax(ff[0])
        shp = x.shape
        g = x.reshape(shp[:-1] + (self._groups, shp[-1] // self._groups))
        axes = tuple(range(1, g.ndim - 2)) + (g.ndim - 1,)
        mean = jnp.mean(g, axes, keepdims=True)
        var = jnp.var(g, axes, keepdims=True)
        y = ((g - mean) / jnp.sqrt(var + self.epsilon)).reshape(shp)
        return self._affine(y, (1,) * (len(shp) - 1) + (shp[-1],))


class InstanceNorm(GroupNorm):
    r"""Instance normalization layer: each channel of each sample is normalized over the spatial axes.

    Group normalization with one channel per group.

    References
    ----------
    .. [1] Ulyanov, D., Vedaldi, A., & Lempitsky, V. (2016). Instance normalization:
           the missing ingredient for fast stylization. arXiv:1607.08022.
    """

    def __init__(
        self,
        epsilon: float = 1e-5,
        use_bias: bool = True,
        use_scale: bool = True,
        bias_init: Any = init.ZeroInit(),
        scale_init: Any = init.OneInit(),
        **kwargs: Any,
    ) -> None:
        super().__init__(None, 1, epsilon, use_bias, use_scale, bias_init, scale_init, **kwargs)
