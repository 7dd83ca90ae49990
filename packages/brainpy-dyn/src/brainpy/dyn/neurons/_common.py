r"""Pieces shared by the built-in neuron groups: the spike/input Variables and parameter set-up."""

from __future__ import annotations

from typing import Any

from brainpy.dyn._base import NeuGroup
from brainpy.dyn._params import init_param, init_state, model_shape

__all__ = ["SpikingGroup"]

#: the value of ``t_last_spike`` before any spike (ms)
NEVER = -1e7


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

    def _param(self, value: Any, name: str) -> Any:
        return init_param(value, self.varshape, allow_none=False, name=name, owner=f"{self.name} ({type(self).__name__})")

    def _init(self, value: Any, name: str) -> Any:
        return init_state(value, self.varshape, name=name, owner=f"{self.name} ({type(self).__name__})")

    def _spike_vars(self) -> None:
        import brainpy.math as bm

        self.input = bm.Variable(bm.zeros(self.varshape))
        self.spike = bm.Variable(bm.zeros(self.varshape, dtype=bool))
        self.t_last_spike = bm.Variable(bm.ones(self.varshape) * NEVER)

    def _reset_spike_vars(self) -> None:
        self.input.value = self.input.value * 0.0
        self.spike.value = self.spike.value & False
        self.t_last_spike.value = self.t_last_spike.value * 0.0 + NEVER
