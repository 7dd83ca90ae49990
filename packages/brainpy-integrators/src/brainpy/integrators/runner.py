r"""The module path of :class:`IntegratorRunner` (re-exports :mod:`brainpy.integrators._runner`)."""

from brainpy.integrators._runner import IntegratorRunner, MonitorData

__all__ = ["IntegratorRunner", "MonitorData"]
