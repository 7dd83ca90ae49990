"""brainpy-dyn's plugin: its built-ins, registered through the public hooks."""

from __future__ import annotations

from brainpy.plugins import hookimpl


@hookimpl
def brainpy_connectors() -> dict[str, type]:
    """The built-in connectors of :mod:`brainpy.connect` (``bp.conn``)."""
    from brainpy.connect import BUILTIN_CONNECTORS

    return dict(BUILTIN_CONNECTORS)
