r"""Pieces shared by the built-in neuron groups: the spike/input Variables and parameter set-up."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from brainpy.dyn._base import NeuGroup
from brainpy.dyn._params import init_param, init_state, model_shape
from brainpy.errors import ModelBuildError

__all__ = ["SpikingGroup", "efun", "check_positive_int"]

#: the value of ``t_last_spike`` before any spike (ms)
NEVER = -1e7


def efun(x: Any) -> Any:
    r""":math:`x / (e^x - 1)`, continued by its limit :math:`1 - x/2` near :math:`x = 0`.

    The Hodgkin-Huxley-type rate functions :math:`\alpha(V) = k (V - V_0) / (1 - e^{-(V - V_0)/s})`
    are :math:`k s\, \mathrm{efun}(-(V - V_0)/s)`; written this way they stay finite (and
    differentiable, for the exponential Euler method) at :math:`V = V_0`.
    """
    import jax.numpy as jnp

    x = jnp.asarray(getattr(x, "value", x))
    small = jnp.abs(x) < 1e-4
    safe = jnp.where(small, 1.0, x)
    return jnp.where(small, 1.0 - x / 2.0, safe / jnp.expm1(safe))


def check_positive_int(value: Any, name: str, owner: str) -> int:
    r"""Require a positive integer (e.g. a memory length), raising :class:`ModelBuildError` otherwise."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, np.integer)) or value < 1:
        raise ModelBuildError(f"{owner}: {name} must be a positive integer, but got {value!r}.")
    return int(value)


class _ConstantNoise:
    """A diffusion ``g`` that returns one value, with the signature of the derivative it goes with."""

    def __init__(self, sigma: Any, derivative: Any) -> None:
        import inspect

        self.sigma = sigma
        self.__signature__ = inspect.signature(derivative)
        self.__name__ = self.__qualname__ = "noise"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.sigma


class SpikingGroup(NeuGroup):
    r"""A neuron group with the Variables every built-in neuron model has.

    Creates ``input`` (the synaptic and external current, cleared after every
    step), ``spike`` (bool) and ``t_last_spike`` (ms, :math:`-10^7` before the
    first spike), all of shape :attr:`varshape`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False, default).
    name : str, optional
        The group's name.
    """

    def __init__(self, size: Any, keep_size: bool = False, name: str | None = None) -> None:
        super().__init__(size=size, name=name)
        self.keep_size = bool(keep_size)
        self.varshape = model_shape(self.num, self.size, self.keep_size)
        self._state_inits: dict[str, tuple[Any, str]] = {}

    @property
    def _owner(self) -> str:
        return f"{self.name} ({type(self).__name__})"

    def _noise(self, noise: Any, noise_type: str) -> Any:
        r"""The diffusion function ``g`` of the model's SDE from ``noise``, or None without noise.

        With ``noise_type='value'``, ``noise`` is a value (scalar, one per neuron, an initializer)
        and ``g`` returns it whatever the state; with ``'func'`` it is the function ``g`` itself,
        taking the derivative's arguments.
        """
        if noise_type not in ("value", "func"):
            raise ModelBuildError(f"{self._owner}: noise_type must be 'value' or 'func', but got {noise_type!r}.")
        if noise is None:
            return None
        if noise_type == "func":
            if not callable(noise):
                raise ModelBuildError(
                    f"{self._owner}: noise_type='func' needs a function g(V, t, ...) as noise, "
                    f"but got {type(noise).__name__}."
                )
            return noise
        return _ConstantNoise(self._param(noise, "noise"), self.derivative)

    def _param(self, value: Any, name: str) -> Any:
        return init_param(value, self.varshape, allow_none=False, name=name, owner=self._owner)

    def _init(self, value: Any, name: str) -> Any:
        return init_state(value, self.varshape, name=name, owner=self._owner)

    def _state(self, attr: str, init: Any, name: str) -> None:
        r"""Create the Variable ``self.<attr>`` from ``init`` and remember ``init`` for :meth:`_reset_states`."""
        import brainpy.math as bm

        setattr(self, attr, bm.Variable(self._init(init, name)))
        self._state_inits[attr] = (init, name)

    def _reset_states(self) -> None:
        r"""Give every Variable made by :meth:`_state` its initial value again."""
        for attr, (init, name) in self._state_inits.items():
            getattr(self, attr).value = self._init(init, name).value

    def _spike_vars(self) -> None:
        import brainpy.math as bm

        self.input = bm.Variable(bm.zeros(self.varshape))
        self.spike = bm.Variable(bm.zeros(self.varshape, dtype=bool))
        self.t_last_spike = bm.Variable(bm.full(self.varshape, NEVER, dtype=bm.float_))

    def _reset_spike_vars(self) -> None:
        self.input.value = self.input.value * 0.0
        self.spike.value = self.spike.value & False
        self.t_last_spike.value = self.t_last_spike.value * 0.0 + NEVER

    def _emit(self, spike: Any, t: Any) -> None:
        r"""Store the spikes of this step, their time, and clear the input."""
        import brainpy.math as bm

        self.spike.value = spike
        self.t_last_spike.value = bm.where(spike, t, self.t_last_spike.value)
        self.input.value = bm.zeros_like(self.input.value)
