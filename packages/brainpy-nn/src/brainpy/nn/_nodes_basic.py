r"""Basic nodes: Input, Dense, GeneralDense (DenseMD), Activation, Concat, Select, Reshape, Summation."""

from __future__ import annotations

from typing import Any

import brainpy.initialize as init
import numpy as np
from brainpy.errors import ArgumentTypeError, ModelBuildError
from brainpy.nn._node import Node
from brainpy.nn._readout import ReadoutMixin
from brainpy.nn._utils import check_initializer, check_shape_consistency, init_param, to_size

__all__ = ["Input", "GeneralDense", "DenseMD", "Dense", "Activation", "Concat", "Select", "Reshape", "Summation"]


def _one_input(node: Node) -> tuple:
    shapes = node.feedforward_shapes
    if len(shapes) != 1:
        raise ModelBuildError(f"{node.name} takes one feedforward input, but {len(shapes)} are connected: {shapes}.")
    return shapes[0]


class Input(Node):
    r"""The input node: passes the data of the network's input on unchanged.

    Parameters
    ----------
    input_shape : int or tuple of int
        The shape of one sample (no batch axis), e.g. ``3`` for 3 features.
    trainable : bool
        Default False (the node has no parameters).
    name : str, optional
        The node name (used as key of dict inputs: ``net({'i1': x1, ...})``).
    """

    _short_repr = True

    def __init__(self, input_shape: Any, trainable: bool = False, name: str | None = None, **kwargs: Any) -> None:
        super().__init__(name=name, input_shape=input_shape, trainable=trainable, **kwargs)
        self.set_output_shape(self.feedforward_shapes[0])

    def init_ff(self) -> None:
        self.set_output_shape(_one_input(self))

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        return ff[0]


class GeneralDense(ReadoutMixin, Node):
    r"""A linear transformation applied over the last dimension of the input.

    .. math:: y = [x_1, \dots, x_k] W + b

    where the feedforward inputs :math:`x_i` are concatenated along their last
    axis; all other axes are kept (batch first). The node supports feedback
    inputs, which get their own weights :math:`W_{fb}`. It can be trained by
    back-propagation (``trainable=True`` makes ``Wff``/``bias`` ``bm.TrainVar``)
    and, as a readout, by offline (ridge, ...) and online (FORCE, ...) trainers.

    Parameters
    ----------
    num_unit : int
        The number of output features.
    weight_initializer : tensor, callable, Initializer
        The weights ``Wff`` of shape ``(num_input, num_unit)``. Default ``XavierNormal()``.
    bias_initializer : tensor, callable, Initializer or None
        The bias of shape ``(num_unit,)``; None omits it. Default ``ZeroInit()``.
    trainable : bool
        Default True.
    """

    _short_repr = True

    def __init__(
        self,
        num_unit: int,
        weight_initializer: Any = init.XavierNormal(),
        bias_initializer: Any = init.ZeroInit(),
        trainable: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(trainable=trainable, **kwargs)
        if isinstance(num_unit, bool) or not isinstance(num_unit, (int, np.integer)) or num_unit < 1:
            raise ModelBuildError(f"num_unit must be a positive int, but got {num_unit!r}.")
        check_initializer(weight_initializer, "weight_initializer", allow_none=False)
        check_initializer(bias_initializer, "bias_initializer")
        self.num_unit = int(num_unit)
        self.weight_initializer = weight_initializer
        self.bias_initializer = bias_initializer
        self.Wff = None
        self.bias = None
        self.Wfb = None
        self.set_output_shape((None, self.num_unit))

    def _param(self, value: Any) -> Any:
        import brainpy.math as bm

        if value is None:
            return None
        return bm.TrainVar(value) if self.trainable else bm.asarray(value)

    def init_ff(self) -> None:
        unique, free = check_shape_consistency(self.feedforward_shapes, -1, True)
        self.Wff = self._param(init_param(self.weight_initializer, (sum(free), self.num_unit)))
        self.bias = self._param(init_param(self.bias_initializer, (self.num_unit,)))
        self.set_output_shape(unique + (self.num_unit,))

    def init_fb(self) -> None:
        _, free = check_shape_consistency(self.feedback_shapes, -1, True)
        self.Wfb = self._param(init_param(self.weight_initializer, (sum(free), self.num_unit)))

    def forward(self, ff: Any, fb: Any = None, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        x = bm.concatenate(ff, axis=-1)
        out = x @ self.Wff
        if fb is not None:
            out = out + bm.concatenate(fb, axis=-1) @ self.Wfb
        if self.bias is not None:
            out = out + self.bias
        return out


#: ``DenseMD`` is :class:`GeneralDense` (the name of the BrainPy 2.1 API table).
DenseMD = GeneralDense


class Dense(GeneralDense):
    r"""A linear transformation: the fully connected layer :math:`y = xW + b`.

    Inputs have shape ``(num_batch, num_feature)``; several feedforward
    inputs are concatenated along the feature axis. See :class:`GeneralDense`
    for the parameters.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.nn.Dense(num_unit=100, input_shape=128, name='hidden_layer')
    Dense(name=hidden_layer, forwards=((None, 128),), feedbacks=None, output=(None, 100))
    """


class Activation(Node):
    r"""Activation node: applies an element-wise function to its input.

    Parameters
    ----------
    activation : str or callable
        A name of ``brainpy.math`` (``'relu'``, ``'tanh'``, ``'sigmoid'``, ...) or a function.
    fun_setting : dict, optional
        Keyword arguments of the function.
    trainable : bool
        Default False.
    """

    _short_repr = True

    def __init__(
        self, activation: str | Any = "relu", fun_setting: dict | None = None, trainable: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(trainable=trainable, **kwargs)
        self.activation = get_activation(activation)
        self.fun_setting = dict(fun_setting or {})

    def init_ff(self) -> None:
        self.set_output_shape(_one_input(self))

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        return self.activation(ff[0], **self.fun_setting)


def get_activation(activation: Any) -> Any:
    """A ``brainpy.math`` activation by name, or the callable itself."""
    import brainpy.math as bm

    if callable(activation):
        return activation
    if isinstance(activation, str):
        fn = getattr(bm, activation, None)
        if callable(fn):
            return fn
        raise ModelBuildError(
            f"activation={activation!r} is not a function of brainpy.math; use e.g. 'relu', 'tanh', "
            f"'sigmoid', 'identity', or pass a callable."
        )
    raise ArgumentTypeError(f"activation must be a str or a callable, but got {type(activation).__name__}.")


class Concat(Node):
    r"""Concatenate multiple inputs into one.

    Parameters
    ----------
    axis : int
        The axis (counting the batch axis 0). Default -1.
    """

    _short_repr = True

    def __init__(self, axis: int = -1, trainable: bool = False, **kwargs: Any) -> None:
        super().__init__(trainable=trainable, **kwargs)
        self.axis = int(axis)

    def init_ff(self) -> None:
        unique, free = check_shape_consistency(self.feedforward_shapes, self.axis, True)
        shape = list(unique)
        ndim = len(self.feedforward_shapes[0])
        shape.insert(self.axis % ndim, sum(free))
        self.set_output_shape(shape)

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        return bm.concatenate(ff, axis=self.axis)


class Select(Node):
    r"""Select a subset of the given input: ``x[index]`` (axis 0 is the batch axis).

    Parameters
    ----------
    index : int, slice, tuple, sequence of int
        A NumPy index, e.g. ``(slice(None), slice(0, 5))`` for ``x[:, :5]``.
    """

    _short_repr = True

    def __init__(self, index: Any, trainable: bool = False, **kwargs: Any) -> None:
        super().__init__(trainable=trainable, **kwargs)
        if isinstance(index, (int, np.integer)):
            index = (slice(None), int(index))
        self.index = index

    def init_ff(self) -> None:
        shape = _one_input(self)
        dummy = np.zeros((1,) + tuple(shape[1:]))
        try:
            out = dummy[self.index]
        except IndexError as e:
            raise ModelBuildError(f"{self.name}: index {self.index!r} does not fit inputs of shape {shape}: {e}") from e
        if out.ndim == 0 or out.shape[0] != 1:
            raise ModelBuildError(f"{self.name}: index {self.index!r} must keep the batch axis (start with ':').")
        self.set_output_shape(out.shape)

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        return ff[0][self.index]


class Reshape(Node):
    r"""Reshape the input tensor to another tensor (the batch axis is kept).

    Parameters
    ----------
    shape : int or tuple of int
        The new shape of one sample; one entry may be -1.
    """

    _short_repr = True

    def __init__(self, shape: Any, trainable: bool = False, **kwargs: Any) -> None:
        super().__init__(trainable=trainable, **kwargs)
        self.shape = to_size(shape)

    def init_ff(self) -> None:
        shape = _one_input(self)
        out = np.zeros((1,) + tuple(shape[1:])).reshape((1,) + self.shape)
        self.set_output_shape(out.shape)

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        x = ff[0]
        return x.reshape((x.shape[0],) + tuple(self._output_shape[1:]))


class Summation(Node):
    r"""Sum all input tensors into one (the shapes must be equal)."""

    _short_repr = True

    def __init__(self, trainable: bool = False, **kwargs: Any) -> None:
        super().__init__(trainable=trainable, **kwargs)

    def init_ff(self) -> None:
        shapes = self.feedforward_shapes
        if any(s != shapes[0] for s in shapes):
            raise ModelBuildError(f"{self.name} sums its inputs, which need one shape, but got {shapes}.")
        self.set_output_shape(shapes[0])

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        out = ff[0]
        for x in ff[1:]:
            out = out + x
        return out
