r"""``brainpy.dyn``: dynamics simulation.

The runtime is re-exported here explicitly: the dynamical-system base classes
(:class:`DynamicalSystem`, :class:`Container`, :class:`Network`,
:class:`NeuGroup`, :class:`TwoEndConn`, :class:`ConstantDelay`) and the runners
(:class:`DSRunner`, :class:`ReportRunner`, :class:`StructRunner`).

Models (neurons, synapses, channels, rate models) are registered through the
plugin hooks ``brainpy_neuron_models``, ``brainpy_synapse_models``,
``brainpy_channel_models`` and ``brainpy_rate_models``; ``bp.dyn.<Name>`` finds
any registered model, built-in or from a third-party plugin.
"""

from __future__ import annotations

from typing import Any

from brainpy.dyn._wrapper import ContainerWrapper
from brainpy.dyn.base import ConstantDelay, Container, DynamicalSystem, Network, NeuGroup, TwoEndConn
from brainpy.dyn.runners import DSRunner, ReportRunner, StructRunner

__all__ = [
    "DynamicalSystem",
    "Container",
    "Network",
    "NeuGroup",
    "TwoEndConn",
    "ConstantDelay",
    "ContainerWrapper",
    "DSRunner",
    "ReportRunner",
    "StructRunner",
]

_MODEL_KINDS = ("neuron_models", "synapse_models", "channel_models", "rate_models")
#: model subpackages reachable as attributes (``bp.dyn.rates``) without an explicit import
_SUBPACKAGES = ("neurons", "synapses", "channels", "rates", "runners")


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    if name in _SUBPACKAGES:
        import importlib

        return importlib.import_module(f"brainpy.dyn.{name}")
    from brainpy.plugins import lookup

    return lookup(_MODEL_KINDS, name)
