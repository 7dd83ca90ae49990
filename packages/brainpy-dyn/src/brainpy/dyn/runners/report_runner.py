r"""The spec's module path of :class:`brainpy.dyn.ReportRunner` (``brainpy.dyn.runners.report_runner``)."""

from brainpy.dyn._runner import ReportRunner

__all__ = ["ReportRunner"]

ReportRunner.__module__ = __name__
