r"""Base classes of ion channels and ion dynamics (``Channel``, ``Ion``, ``IonChannel``, ...).

Sign convention
---------------
Every ``current(...)`` method returns the current flowing *into* the cell,
:math:`I = g\,(E - V)` in :math:`\mu A/cm^2` (positive = depolarising), which
is what a :class:`~brainpy.dyn.channels.CondNeuGroup` adds to
:math:`C\,dV/dt`. The conventional (outward-positive) membrane current is its
negative, :math:`g\,(V - E)`.
"""

from __future__ import annotations

import math
from typing import Any

from brainpy.dyn._base import DynamicalSystem, size2tuple
from brainpy.dyn._params import init_param, init_state, model_shape
from brainpy.errors import ModelBuildError, NoImplementationError

__all__ = [
    "Channel",
    "Ion",
    "IonChannel",
    "SodiumChannel",
    "PotassiumChannel",
    "Calcium",
    "CalciumChannel",
    "IhChannel",
    "LeakyChannel",
]


class Channel(DynamicalSystem):
    r"""Abstract channel model.

    A channel (or an ion's dynamics) lives inside a conductance-based neuron
    group (:class:`~brainpy.dyn.channels.CondNeuGroup`), which calls
    ``update(_t, _dt, V)`` once per step with the membrane potential of the
    previous step, and sums ``current(V)`` into :math:`C\,dV/dt`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group the channel belongs to.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The channel's name.
    """

    def __init__(self, size: Any, keep_size: bool = False, name: str | None = None) -> None:
        self.size = size2tuple(size)
        self.num = math.prod(self.size)
        self.keep_size = bool(keep_size)
        self.varshape = model_shape(self.num, self.size, self.keep_size)
        super().__init__(name=name)

    def _param(self, value: Any, name: str) -> Any:
        return init_param(
            value, self.varshape, allow_none=False, name=name, owner=f"{self.name} ({type(self).__name__})"
        )

    def _init(self, value: Any, name: str) -> Any:
        return init_state(value, self.varshape, name=name, owner=f"{self.name} ({type(self).__name__})")

    def current(self, V: Any, *args: Any) -> Any:
        r"""The inward current :math:`g (E - V)` (:math:`\mu A/cm^2`) at the membrane potential ``V``."""
        raise NoImplementationError(f"{type(self).__name__} must implement current().")

    def update(self, _t: Any, _dt: Any, V: Any = None, *args: Any) -> None:  # type: ignore[override]
        r"""Advance the channel's gating variables from ``_t`` to ``_t + _dt`` at the potential ``V``."""
        raise NoImplementationError(f"{type(self).__name__} must implement update(_t, _dt, V).")

    def reset(self, V: Any = None, *args: Any) -> None:  # type: ignore[override]
        r"""Set the gating variables to their steady state at the potential ``V``."""
        raise NoImplementationError(f"{type(self).__name__} must implement reset(V).")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name}, size={self.size})"


class IonChannel(Channel):
    r"""Base class for ion channels.

    A subclass implements ``update(_t, _dt, V)``, ``current(V)`` and ``reset(V)``.
    """


class SodiumChannel(IonChannel):
    r"""Base class for sodium channel."""


class PotassiumChannel(IonChannel):
    r"""Base class for potassium channel."""


class IhChannel(IonChannel):
    r"""Base class for Ih channel models."""


class LeakyChannel(IonChannel):
    r"""Base class for leaky channel."""


class CalciumChannel(IonChannel):
    r"""Base class for Calcium ion channels.

    A calcium channel lives inside a calcium dynamics (:class:`Calcium`),
    which passes it the intracellular concentration :math:`[Ca^{2+}]_i`
    (``C_Ca``) and the calcium reversal potential (``E_Ca``):
    ``update(_t, _dt, V, C_Ca, E_Ca)``, ``current(V, C_Ca, E_Ca)`` and
    ``reset(V, C_Ca, E_Ca)``.

    Attributes
    ----------
    carries_calcium : bool
        Whether the channel's current is carried by :math:`Ca^{2+}` ions (True
        for the voltage-gated calcium currents, False for the calcium-gated
        :class:`IAHP` and :class:`ICaN`); only such currents change the
        concentration in :class:`CalciumDetailed` and :class:`CalciumAbstract`.
    """

    carries_calcium: bool = True


class Ion(Channel):
    r"""Base class for ions.

    An ion's dynamics is updated by the neuron group with ``update(_t, _dt, V)``
    and contributes ``current(V)``, like an ion channel.
    """


class Calcium(Ion):
    r"""The base calcium dynamics.

    Holds the intracellular calcium concentration :math:`[Ca^{2+}]_i` (``C``)
    and the calcium reversal potential (``E``), and the calcium-dependent
    channels (keyword arguments), which it updates with them. Its
    ``current(V)`` is the sum of those channels' currents.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    method : str
        The integration method of the concentration. Default ``'exp_auto'``.
    name : str, optional
        The object's name.
    **channels : CalciumChannel
        The calcium channels (``ICaT=bp.dyn.channels.ICaT(size)``).

    Raises
    ------
    ModelBuildError
        If a channel is not a :class:`CalciumChannel` or has another size.
    """

    def __init__(
        self, size: Any, keep_size: bool = False, method: str = "exp_auto", name: str | None = None, **channels: Any
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.method = method
        for key, ch in channels.items():
            if not isinstance(ch, CalciumChannel):
                raise ModelBuildError(
                    f"{self.name} ({type(self).__name__}): channel {key}={ch!r} is a {type(ch).__name__}, but a calcium "
                    f"dynamics only holds calcium channels (brainpy.dyn.channels.CalciumChannel: ICaT, ICaL, ICaHT, "
                    f"ICaT_RE, ICaN, IAHP). Give other channels to the CondNeuGroup directly."
                )
            _check_size(ch, self, key)
        self.register_implicit_nodes(channels)

    def __getattr__(self, item: str) -> Any:
        nodes = self.__dict__.get("implicit_nodes")
        if nodes is not None and item in nodes:
            return nodes[item]
        raise AttributeError(f"{type(self).__name__!r} object ({self.__dict__.get('_name')}) has no attribute {item!r}")

    @property
    def channels(self) -> dict[str, CalciumChannel]:
        r"""The calcium channels held, by keyword."""
        return {k: v for k, v in self.implicit_nodes.items() if isinstance(v, CalciumChannel)}

    def current(self, V: Any, C_Ca: Any = None, E_Ca: Any = None) -> Any:  # type: ignore[override]
        r"""The summed inward current of all held channels (:math:`\mu A/cm^2`)."""
        return self._sum_current(V, C_Ca, E_Ca, only_calcium=False)

    def _sum_current(self, V: Any, C_Ca: Any, E_Ca: Any, only_calcium: bool) -> Any:
        C_Ca = self.C.value if C_Ca is None and hasattr(self.C, "value") else (self.C if C_Ca is None else C_Ca)
        E_Ca = self.E.value if E_Ca is None and hasattr(self.E, "value") else (self.E if E_Ca is None else E_Ca)
        total: Any = 0.0
        for ch in self.channels.values():
            if only_calcium and not ch.carries_calcium:
                continue
            total = total + ch.current(V, C_Ca, E_Ca)
        return total

    def _update_channels(self, _t: Any, _dt: Any, V: Any) -> None:
        C = getattr(self.C, "value", self.C)
        E = getattr(self.E, "value", self.E)
        for ch in self.channels.values():
            ch.update(_t, _dt, V, C, E)

    def _reset_channels(self, V: Any) -> None:
        C = getattr(self.C, "value", self.C)
        E = getattr(self.E, "value", self.E)
        for ch in self.channels.values():
            ch.reset(V, C, E)


def _check_size(ch: Channel, owner: Any, key: str) -> None:
    if ch.num != owner.num or tuple(ch.varshape) != tuple(owner.varshape):
        raise ModelBuildError(
            f"{owner.name} ({type(owner).__name__}) has {owner.num} elements (Variable shape {owner.varshape}), but "
            f"its channel {key}={ch.name} has {ch.num} (shape {ch.varshape}); build the channel with the same size "
            f"and keep_size as its owner."
        )
