r"""``brainpy.compat.runners``: the BrainPy 2.0 runners.

The classes are the modern ones: :class:`~brainpy.integrators.IntegratorRunner`
and :class:`~brainpy.dyn.DSRunner`, :class:`~brainpy.dyn.StructRunner` (the same
class as ``DSRunner``) and :class:`~brainpy.dyn.ReportRunner`.
"""

from brainpy.dyn.runners import DSRunner, ReportRunner, StructRunner
from brainpy.integrators import IntegratorRunner

__all__ = ["IntegratorRunner", "DSRunner", "StructRunner", "ReportRunner"]
