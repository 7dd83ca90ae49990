r"""Neuron models of ``brainpy.dyn`` (``bp.dyn.LIF``, ``bp.dyn.HH``, ...).

Every class listed in ``__all__`` is registered as a neuron model through the
``brainpy_neuron_models`` hook (see :mod:`brainpy.dyn._plugin`), so it is also
reachable as ``bp.dyn.<Name>``.
"""

from __future__ import annotations

from brainpy.dyn.neurons._exp_if import AdExIF, ExpIF
from brainpy.dyn.neurons._fhn import FHN
from brainpy.dyn.neurons._fractional import FractionalFHR, FractionalIzhikevich, FractionalNeuron
from brainpy.dyn.neurons._gif import GIF
from brainpy.dyn.neurons._hh import HH, WangBuzsakiModel
from brainpy.dyn.neurons._hindmarsh_rose import HindmarshRose
from brainpy.dyn.neurons._input_groups import PoissonGroup, PoissonInput, SpikeTimeGroup, SpikeTimeInput
from brainpy.dyn.neurons._izhikevich import Izhikevich
from brainpy.dyn.neurons._lif import LIF
from brainpy.dyn.neurons._morris_lecar import MorrisLecar
from brainpy.dyn.neurons._noise import OUProcess
from brainpy.dyn.neurons._pinsky_rinzel import PinskyRinzelModel
from brainpy.dyn.neurons._qua_if import AdQuaIF, QuaIF

__all__ = [
    # biological
    "HH",
    "MorrisLecar",
    "PinskyRinzelModel",
    "WangBuzsakiModel",
    # fractional-order
    "FractionalNeuron",
    "FractionalFHR",
    "FractionalIzhikevich",
    # reduced
    "LIF",
    "ExpIF",
    "AdExIF",
    "QuaIF",
    "AdQuaIF",
    "GIF",
    "Izhikevich",
    "HindmarshRose",
    "FHN",
    # noise and inputs
    "OUProcess",
    "SpikeTimeGroup",
    "SpikeTimeInput",
    "PoissonGroup",
    "PoissonInput",
]

# The module paths the spec prints (facades); importing them here makes every class report them.
from brainpy.dyn.neurons import IF_models, biological_models  # noqa: E402, F401
