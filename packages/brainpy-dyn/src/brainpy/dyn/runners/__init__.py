r"""The spec's module path of the runners (``brainpy.dyn.runners``); the classes live in :mod:`brainpy.dyn`."""

from brainpy.dyn.runners.ds_runner import DSRunner, StructRunner
from brainpy.dyn.runners.report_runner import ReportRunner

__all__ = ["DSRunner", "ReportRunner", "StructRunner"]
