r"""The spec's module path of :class:`brainpy.running.Monitor` (``brainpy.running.monitor.Monitor``)."""

from brainpy.running._monitor import Monitor

__all__ = ["Monitor"]
