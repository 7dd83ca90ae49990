r"""The spec's module path of the dynamical-system base classes (``brainpy.dyn.base``).

The classes are defined in :mod:`brainpy.dyn._base` and :mod:`brainpy.dyn._delay`
and report this module as theirs, as BrainPy 2.1 prints them
(``<brainpy.dyn.base.Network at 0x...>``).
"""

from brainpy.dyn._base import Container, DynamicalSystem, Network, NeuGroup, TwoEndConn
from brainpy.dyn._delay import ConstantDelay

__all__ = ["DynamicalSystem", "Container", "Network", "NeuGroup", "TwoEndConn", "ConstantDelay"]

for _cls in (DynamicalSystem, Container, Network, NeuGroup, TwoEndConn, ConstantDelay):
    _cls.__module__ = __name__
del _cls
