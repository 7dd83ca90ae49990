r"""The spec's module path of the integrate-and-fire neurons (``brainpy.dyn.neurons.IF_models``).

A re-exporting facade: the classes are those of :mod:`brainpy.dyn.neurons`
(``IF_models.LIF is bp.dyn.LIF``). Importing it makes them report this module
as theirs, as BrainPy 2.1 prints them (``<brainpy.dyn.neurons.IF_models.LIF at 0x...>``).
"""

from brainpy.dyn.neurons import GIF, LIF, AdExIF, AdQuaIF, ExpIF, QuaIF

__all__ = ["LIF", "ExpIF", "AdExIF", "QuaIF", "AdQuaIF", "GIF"]

for _cls in (LIF, ExpIF, AdExIF, QuaIF, AdQuaIF, GIF):
    _cls.__module__ = __name__
del _cls
