"""brainpy-core's plugin: the core's built-ins, registered through the public hooks."""

from __future__ import annotations

from brainpy.plugins import hookimpl


@hookimpl
def brainpy_initializers() -> dict[str, type]:
    """The built-in initializers of :mod:`brainpy.initialize`."""
    import brainpy.initialize as init

    return {name: getattr(init, name) for name in getattr(init, "__all__", ()) if isinstance(getattr(init, name), type)}


@hookimpl
def brainpy_operator_backends() -> list:
    """The pure-JAX reference of every built-in operator (backend ``'jax'``, any platform, priority 0)."""
    from brainpy.math._op_reference import REFERENCES
    from brainpy.plugins import OperatorBackend

    return [
        OperatorBackend(op=op, name="jax", platform="any", impl=impl, priority=0) for op, impl in REFERENCES.items()
    ]
