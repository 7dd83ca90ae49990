r"""``brainpy.compat.monitor``: ``Monitor``, the same class as :class:`brainpy.running.Monitor`."""

from brainpy.running import Monitor

__all__ = ["Monitor"]
