"""brainpy-core's plugin: the core's built-ins, registered through the public hooks."""

from __future__ import annotations

from brainpy.plugins import hookimpl


@hookimpl
def brainpy_initializers() -> dict[str, type]:
    """The built-in initializers of :mod:`brainpy.initialize`."""
    import brainpy.initialize as init

    return {name: getattr(init, name) for name in getattr(init, "__all__", ()) if isinstance(getattr(init, name), type)}
