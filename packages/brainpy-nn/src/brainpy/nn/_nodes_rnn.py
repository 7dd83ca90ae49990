r"""Recurrent cells: VanillaRNN, GRU and LSTM (batch axis first)."""

from __future__ import annotations

from typing import Any

import brainpy.initialize as init
import numpy as np
from brainpy.errors import ModelBuildError
from brainpy.nn._node import RecurrentNode
from brainpy.nn._nodes_basic import get_activation
from brainpy.nn._utils import check_initializer, check_shape_consistency, init_param

__all__ = ["VanillaRNN", "GRU", "LSTM"]


class _RNNCell(RecurrentNode):
    """Shared set-up of the recurrent cells: ``num_unit``, initializers, parameters."""

    _short_repr = True
    _num_gates = 1
    _state_factor = 1

    def __init__(
        self,
        num_unit: int,
        state_initializer: Any,
        wi_initializer: Any,
        wh_initializer: Any,
        bias_initializer: Any,
        trainable: bool = True,
        state_trainable: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(trainable=trainable, state_trainable=state_trainable, **kwargs)
        if isinstance(num_unit, bool) or not isinstance(num_unit, (int, np.integer)) or num_unit < 1:
            raise ModelBuildError(f"num_unit must be a positive int, but got {num_unit!r}.")
        check_initializer(state_initializer, "state_initializer", allow_none=False)
        check_initializer(wi_initializer, "wi_initializer", allow_none=False)
        check_initializer(wh_initializer, "wh_initializer", allow_none=False)
        check_initializer(bias_initializer, "bias_initializer")
        self.num_unit = int(num_unit)
        self.state_initializer = state_initializer
        self.wi_initializer, self.wh_initializer = wi_initializer, wh_initializer
        self.bias_initializer = bias_initializer
        self.Wi = self.Wh = self.bias = self.Wfb = None
        self.set_output_shape((None, self.num_unit))

    def _param(self, value: Any) -> Any:
        import brainpy.math as bm

        if value is None:
            return None
        return bm.TrainVar(value) if self.trainable else bm.asarray(value)

    def init_ff(self) -> None:
        unique, free = check_shape_consistency(self.feedforward_shapes, -1, True)
        num_in, g = sum(free), self._num_gates * self.num_unit
        self.Wi = self._param(init_param(self.wi_initializer, (num_in, g)))
        self.Wh = self._param(init_param(self.wh_initializer, (self.num_unit, g)))
        self.bias = self._param(init_param(self.bias_initializer, (g,)))
        self.set_output_shape(unique + (self.num_unit,))

    def init_fb(self) -> None:
        _, free = check_shape_consistency(self.feedback_shapes, -1, True)
        g = self._num_gates * self.num_unit
        self.Wfb = self._param(init_param(self.wi_initializer, (sum(free), g)))

    def init_state(self, num_batch: int = 1) -> None:
        self.init_state_from(self.state_initializer, (self._state_factor * self.num_unit,), num_batch)

    def _input(self, ff: Any, fb: Any) -> Any:
        """The input drive :math:`x W_i (+ y_{fb} W_{fb}) + b`."""
        import brainpy.math as bm

        out = bm.concatenate(ff, axis=-1) @ self.Wi
        if fb is not None:
            out = out + bm.concatenate(fb, axis=-1) @ self.Wfb
        return out if self.bias is None else out + self.bias

    def _gates(self, ff: Any, h: Any, fb: Any = None) -> Any:
        return self._input(ff, fb) + h @ self.Wh


class VanillaRNN(_RNNCell):
    r"""Basic fully-connected RNN core.

    .. math:: h_t = f(x_t W_i + h_{t-1} W_h + b)

    Parameters
    ----------
    num_unit : int
        The number of hidden units.
    state_initializer : Initializer
        The initial state (or :attr:`train_state`). Default ``Uniform()``.
    wi_initializer, wh_initializer : Initializer
        Input and recurrent weights. Default ``XavierNormal()``.
    bias_initializer : Initializer or None
        Default ``ZeroInit()``.
    activation : str or callable
        :math:`f`. Default ``'relu'``.
    trainable : bool
        Default True.
    state_trainable : bool
        Train the initial state (see :class:`RecurrentNode`). Default False.
    """

    def __init__(
        self,
        num_unit: int,
        state_initializer: Any = init.Uniform(),
        wi_initializer: Any = init.XavierNormal(),
        wh_initializer: Any = init.XavierNormal(),
        bias_initializer: Any = init.ZeroInit(),
        activation: Any = "relu",
        trainable: bool = True,
        state_trainable: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            num_unit,
            state_initializer,
            wi_initializer,
            wh_initializer,
            bias_initializer,
            trainable=trainable,
            state_trainable=state_trainable,
            **kwargs,
        )
        self.activation = get_activation(activation)

    def forward(self, ff: Any, fb: Any = None, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        h = self.activation(self._gates(ff, self.state.value, fb))
        self.state.value = bm.as_jax(h).astype(self.state.dtype)
        return h


class GRU(_RNNCell):
    r"""Gated Recurrent Unit.

    .. math::

        z_t &= \sigma(x_t W_{iz} + h_{t-1} W_{hz} + b_z), \\
        r_t &= \sigma(x_t W_{ir} + h_{t-1} W_{hr} + b_r), \\
        a_t &= \tanh(x_t W_{ia} + (r_t \odot h_{t-1}) W_{ha} + b_a), \\
        h_t &= (1 - z_t) \odot a_t + z_t \odot h_{t-1}.

    Parameters
    ----------
    num_unit : int
        The number of hidden units.
    wi_initializer, wh_initializer : Initializer
        Default ``Orthogonal()``.
    bias_initializer : Initializer or None
        Default ``ZeroInit()``.
    state_initializer : Initializer
        Default ``ZeroInit()``.
    trainable, state_trainable : bool

    References
    ----------
    .. [1] Cho, K., et al. (2014). Learning phrase representations using RNN
           encoder-decoder for statistical machine translation. EMNLP, 1724-1734.
           https://doi.org/10.3115/v1/D14-1179
    """

    _num_gates = 3

    def __init__(
        self,
        num_unit: int,
        wi_initializer: Any = init.Orthogonal(),
        wh_initializer: Any = init.Orthogonal(),
        bias_initializer: Any = init.ZeroInit(),
        state_initializer: Any = init.ZeroInit(),
        trainable: bool = True,
        state_trainable: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            num_unit,
            state_initializer,
            wi_initializer,
            wh_initializer,
            bias_initializer,
            trainable=trainable,
            state_trainable=state_trainable,
            **kwargs,
        )

    def forward(self, ff: Any, fb: Any = None, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        h, u = self.state.value, self.num_unit
        xi = self._input(ff, fb)
        wh = bm.as_jax(self.Wh)
        hz_r = h @ wh[:, : 2 * u]
        z = bm.sigmoid(xi[:, :u] + hz_r[:, :u])
        r = bm.sigmoid(xi[:, u : 2 * u] + hz_r[:, u:])
        a = bm.tanh(xi[:, 2 * u :] + (r * h) @ wh[:, 2 * u :])
        h = (1 - z) * a + z * h
        self.state.value = bm.as_jax(h).astype(self.state.dtype)
        return h


class LSTM(_RNNCell):
    r"""Long short-term memory (LSTM) RNN core.

    .. math::

        [i_t, f_t, g_t, o_t] &= x_t W_i + h_{t-1} W_h + b, \\
        c_t &= \sigma(f_t) \odot c_{t-1} + \sigma(i_t) \odot \tanh(g_t), \\
        h_t &= \sigma(o_t) \odot \tanh(c_t).

    The state holds ``[h, c]`` (shape ``(num_batch, 2 * num_unit)``); the
    output is :math:`h`. :attr:`h` and :attr:`c` give the two halves.

    Parameters
    ----------
    num_unit : int
        The number of hidden units.
    wi_initializer, wh_initializer : Initializer
        Default ``XavierNormal()``.
    bias_initializer : Initializer or None
        Default ``ZeroInit()``.
    state_initializer : Initializer
        Default ``ZeroInit()``.
    trainable, state_trainable : bool

    References
    ----------
    .. [1] Hochreiter, S., & Schmidhuber, J. (1997). Long short-term memory.
           Neural Computation 9(8), 1735-1780. https://doi.org/10.1162/neco.1997.9.8.1735
    """

    _num_gates = 4
    _state_factor = 2

    def __init__(
        self,
        num_unit: int,
        wi_initializer: Any = init.XavierNormal(),
        wh_initializer: Any = init.XavierNormal(),
        bias_initializer: Any = init.ZeroInit(),
        state_initializer: Any = init.ZeroInit(),
        trainable: bool = True,
        state_trainable: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            num_unit,
            state_initializer,
            wi_initializer,
            wh_initializer,
            bias_initializer,
            trainable=trainable,
            state_trainable=state_trainable,
            **kwargs,
        )

    @property
    def h(self) -> Any:
        """The hidden state (first half of :attr:`state`)."""
        return self.state[:, : self.num_unit]

    @property
    def c(self) -> Any:
        """The cell state (second half of :attr:`state`)."""
        return self.state[:, self.num_unit :]

    def forward(self, ff: Any, fb: Any = None, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        u = self.num_unit
        h, c = self.state.value[:, :u], self.state.value[:, u:]
        gates = bm.as_jax(self._gates(ff, h, fb))
        i, f, g, o = gates[:, :u], gates[:, u : 2 * u], gates[:, 2 * u : 3 * u], gates[:, 3 * u :]
        c = bm.sigmoid(f) * c + bm.sigmoid(i) * bm.tanh(g)
        h = bm.sigmoid(o) * bm.tanh(c)
        self.state.value = bm.as_jax(bm.concatenate([h, c], axis=-1)).astype(self.state.dtype)
        return h
