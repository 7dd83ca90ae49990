r"""Convolution and pooling nodes (channels last: ``(num_batch, *spatial, channels)``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import brainpy.initialize as init
import numpy as np
from brainpy.errors import ModelBuildError
from brainpy.nn._node import Node
from brainpy.nn._utils import check_initializer, init_param

__all__ = ["GeneralConv", "Conv1D", "Conv2D", "Conv3D", "Pool", "MaxPool", "AvgPool", "MinPool"]

_LAYOUT = {1: ("NWC", "WIO", "NWC"), 2: ("NHWC", "HWIO", "NHWC"), 3: ("NDHWC", "DHWIO", "NDHWC")}


def _tuple(x: Any, n: int, name: str) -> tuple[int, ...] | None:
    if x is None:
        return None
    if isinstance(x, (int, np.integer)):
        return (int(x),) * n
    x = tuple(int(v) for v in x)
    if len(x) != n:
        raise ModelBuildError(f"{name} needs {n} values (one per spatial axis), but got {x}.")
    return x


def _one_shape(node: Node) -> tuple:
    shapes = node.feedforward_shapes
    if len(shapes) != 1:
        raise ModelBuildError(f"{node.name} takes one feedforward input, but got {len(shapes)}: {shapes}.")
    return shapes[0]


class GeneralConv(Node):
    r"""Applies a convolution to the inputs.

    .. math:: y[n, \mathbf{p}, o] = b_o + \sum_{\mathbf{k}, i} x[n, s\mathbf{p} + d\mathbf{k}, i]\, W[\mathbf{k}, i, o]

    Inputs are channels last, ``(num_batch, *spatial, in_channels)``; the
    kernel has shape ``(*kernel_size, in_channels // groups, out_channels)``.

    Parameters
    ----------
    out_channels : int
        The number of output channels.
    kernel_size : int or tuple of int
        The window size per spatial axis.
    strides : int or tuple of int, optional
        Default 1.
    padding : str or sequence of (low, high)
        ``'SAME'`` (default), ``'VALID'`` or explicit padding.
    input_dilation, kernel_dilation : int or tuple of int, optional
        Dilation of the input (transposed convolution) and of the kernel.
    groups : int
        Feature groups (``in_channels`` must be divisible by it). Default 1.
    w_init, b_init : Initializer
        Default ``XavierNormal()`` and ``ZeroInit()`` (None omits the bias).
    trainable : bool
        Default True.
    """

    _short_repr = True
    _num_spatial: int | None = None

    def __init__(
        self,
        out_channels: int,
        kernel_size: Any,
        strides: Any = None,
        padding: Any = "SAME",
        input_dilation: Any = None,
        kernel_dilation: Any = None,
        groups: int = 1,
        w_init: Any = init.XavierNormal(),
        b_init: Any = init.ZeroInit(),
        trainable: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(trainable=trainable, **kwargs)
        if isinstance(out_channels, bool) or not isinstance(out_channels, (int, np.integer)) or out_channels < 1:
            raise ModelBuildError(f"out_channels must be a positive int, but got {out_channels!r}.")
        check_initializer(w_init, "w_init", allow_none=False)
        check_initializer(b_init, "b_init")
        self.out_channels, self.kernel_size, self.strides = int(out_channels), kernel_size, strides
        self.padding, self.input_dilation, self.kernel_dilation = padding, input_dilation, kernel_dilation
        self.groups, self.w_init, self.b_init = int(groups), w_init, b_init
        self.w = self.b = None

    def init_ff(self) -> None:
        import brainpy.math as bm
        import jax

        shape = _one_shape(self)
        n = len(shape) - 2
        if n not in _LAYOUT or (self._num_spatial is not None and n != self._num_spatial):
            raise ModelBuildError(
                f"{self.name} needs inputs (num_batch, *spatial, channels) with "
                f"{self._num_spatial or '1-3'} spatial axes, but got {shape}."
            )
        in_ch = shape[-1]
        if in_ch % self.groups:
            raise ModelBuildError(f"{self.name}: in_channels={in_ch} is not divisible by groups={self.groups}.")
        self._n = n
        self._kernel = _tuple(self.kernel_size, n, "kernel_size")
        self._strides = _tuple(self.strides, n, "strides") or (1,) * n
        self._in_dil = _tuple(self.input_dilation, n, "input_dilation")
        self._k_dil = _tuple(self.kernel_dilation, n, "kernel_dilation")
        w = init_param(self.w_init, self._kernel + (in_ch // self.groups, self.out_channels))
        b = init_param(self.b_init, (self.out_channels,))
        self.w = bm.TrainVar(w) if self.trainable else w
        self.b = None if b is None else (bm.TrainVar(b) if self.trainable else b)
        dummy = jax.ShapeDtypeStruct((1,) + tuple(shape[1:]), bm.as_jax(w).dtype)
        out = jax.eval_shape(lambda x: self._conv(x, bm.as_jax(w)), dummy)
        self.set_output_shape(out.shape)

    def _conv(self, x: Any, w: Any) -> Any:
        import jax

        return jax.lax.conv_general_dilated(
            x,
            w,
            window_strides=self._strides,
            padding=self.padding,
            lhs_dilation=self._in_dil,
            rhs_dilation=self._k_dil,
            dimension_numbers=_LAYOUT[self._n],
            feature_group_count=self.groups,
        )

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        y = self._conv(bm.as_jax(ff[0]), bm.as_jax(self.w))
        if self.b is not None:
            y = y + bm.as_jax(self.b)
        return bm.asarray(y)


class Conv1D(GeneralConv):
    r"""One-dimensional convolution; inputs ``(num_batch, length, channels)``. See :class:`GeneralConv`."""

    _num_spatial = 1


class Conv2D(GeneralConv):
    r"""Two-dimensional convolution; inputs ``(num_batch, height, width, channels)``. See :class:`GeneralConv`."""

    _num_spatial = 2


class Conv3D(GeneralConv):
    r"""Three-dimensional convolution; inputs ``(num_batch, depth, height, width, channels)``. See :class:`GeneralConv`."""

    _num_spatial = 3


class Pool(Node):
    r"""Pools the input with a reduction over sliding windows of the spatial axes.

    Parameters
    ----------
    init_v : float
        The initial value of the reduction (its identity element).
    reduce_fn : callable
        A binary JAX reduction (``jax.lax.max``, ``jax.lax.add``, ...).
    window_shape : int or tuple of int
        The window size per spatial axis (inputs are channels last).
    strides : int or tuple of int, optional
        Default: ``window_shape``.
    padding : str or sequence of (low, high)
        ``'VALID'`` (default) or ``'SAME'``.
    """

    _short_repr = True

    def __init__(
        self,
        init_v: float,
        reduce_fn: Callable,
        window_shape: Any,
        strides: Any = None,
        padding: Any = "VALID",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.init_v, self.reduce_fn = init_v, reduce_fn
        self.window_shape, self.strides, self.padding = window_shape, strides, padding

    def init_ff(self) -> None:
        import jax

        shape = _one_shape(self)
        n = len(shape) - 2
        if n < 1:
            raise ModelBuildError(f"{self.name} needs inputs (num_batch, *spatial, channels), but got {shape}.")
        window = _tuple(self.window_shape, n, "window_shape")
        strides = _tuple(self.strides, n, "strides") or window
        self._dims, self._strides = (1,) + window + (1,), (1,) + strides + (1,)
        out = jax.eval_shape(self._pool, jax.ShapeDtypeStruct((1,) + tuple(shape[1:]), np.float32))
        self.set_output_shape(out.shape)

    def _pool(self, x: Any) -> Any:
        import jax

        return jax.lax.reduce_window(
            x, np.asarray(self.init_v, dtype=x.dtype), self.reduce_fn, self._dims, self._strides, self.padding
        )

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        return bm.asarray(self._pool(bm.as_jax(ff[0])))


class MaxPool(Pool):
    r"""Pools the input by taking the maximum over a window."""

    def __init__(self, window_shape: Any, strides: Any = None, padding: Any = "VALID", **kwargs: Any) -> None:
        import jax

        super().__init__(-np.inf, jax.lax.max, window_shape, strides, padding, **kwargs)


class MinPool(Pool):
    r"""Pools the input by taking the minimum over a window."""

    def __init__(self, window_shape: Any, strides: Any = None, padding: Any = "VALID", **kwargs: Any) -> None:
        import jax

        super().__init__(np.inf, jax.lax.min, window_shape, strides, padding, **kwargs)


class AvgPool(Pool):
    r"""Pools the input by taking the average over a window (padding counts as zeros)."""

    def __init__(self, window_shape: Any, strides: Any = None, padding: Any = "VALID", **kwargs: Any) -> None:
        import jax

        super().__init__(0.0, jax.lax.add, window_shape, strides, padding, **kwargs)

    def _pool(self, x: Any) -> Any:
        return super()._pool(x) / float(np.prod(self._dims))
