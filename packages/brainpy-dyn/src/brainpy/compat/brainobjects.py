r"""``brainpy.compat.brainobjects``: the BrainPy 2.0 brain objects.

BrainPy 2.0 exported the dynamical-system base classes at the top level
(``bp.DynamicalSystem``, ``bp.Network``, ...). They are the classes of
:mod:`brainpy.dyn` (``brainpy.compat.Network is brainpy.dyn.Network``), so a
2.0 model and a 2.1 model are the same kind of object and mix freely.
"""

from brainpy.dyn.base import ConstantDelay, Container, DynamicalSystem, Network, NeuGroup, TwoEndConn

__all__ = ["DynamicalSystem", "Container", "Network", "ConstantDelay", "NeuGroup", "TwoEndConn"]
