"""brainpy-dyn's plugin: its built-ins, registered through the public hooks."""

from __future__ import annotations

import importlib

from brainpy.plugins import hookimpl


def _exported(module: str) -> dict[str, type]:
    """``{name: class}`` for every name in the ``__all__`` of a model subpackage."""
    mod = importlib.import_module(module)
    return {name: getattr(mod, name) for name in mod.__all__}


@hookimpl
def brainpy_connectors() -> dict[str, type]:
    """The built-in connectors of :mod:`brainpy.connect` (``bp.conn``)."""
    from brainpy.connect import BUILTIN_CONNECTORS

    return dict(BUILTIN_CONNECTORS)


@hookimpl
def brainpy_neuron_models() -> dict[str, type]:
    """The built-in neuron models of :mod:`brainpy.dyn.neurons`."""
    return _exported("brainpy.dyn.neurons")


@hookimpl
def brainpy_synapse_models() -> dict[str, type]:
    """The built-in synapse models of :mod:`brainpy.dyn.synapses`."""
    return _exported("brainpy.dyn.synapses")


@hookimpl
def brainpy_channel_models() -> dict[str, type]:
    """The built-in channels and ion dynamics of :mod:`brainpy.dyn.channels`."""
    return _exported("brainpy.dyn.channels")


@hookimpl
def brainpy_rate_models() -> dict[str, type]:
    """The built-in rate models and couplings of :mod:`brainpy.dyn.rates`."""
    return _exported("brainpy.dyn.rates")
