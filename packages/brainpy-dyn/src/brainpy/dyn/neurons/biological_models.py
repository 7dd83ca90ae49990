r"""The spec's module path of the conductance-based neurons (``brainpy.dyn.neurons.biological_models``).

A re-exporting facade: the classes are those of :mod:`brainpy.dyn.neurons`
(``biological_models.HH is bp.dyn.HH``). Importing it makes them report this
module as theirs, as BrainPy 2.1 prints them
(``<brainpy.dyn.neurons.biological_models.HH object at 0x...>``).
"""

from brainpy.dyn.neurons import HH, MorrisLecar, PinskyRinzelModel, WangBuzsakiModel

__all__ = ["HH", "MorrisLecar", "PinskyRinzelModel", "WangBuzsakiModel"]

for _cls in (HH, MorrisLecar, PinskyRinzelModel, WangBuzsakiModel):
    _cls.__module__ = __name__
del _cls
