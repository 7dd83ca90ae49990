r"""The spec's module path of :class:`brainpy.dyn.DSRunner` (``brainpy.dyn.runners.ds_runner``)."""

from brainpy.dyn._runner import DSRunner, StructRunner

__all__ = ["DSRunner", "StructRunner"]

for _cls in (DSRunner,):
    _cls.__module__ = __name__
del _cls
