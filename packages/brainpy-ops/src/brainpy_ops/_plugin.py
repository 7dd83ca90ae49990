"""brainpy-ops's plugin: native operator backends, registered through the public hooks.

* ``pre2post_event_sum`` and ``pre2post_event_prod`` on the CPU: numba kernels
  called through XLA's typed FFI (backend ``'numba'``, priority 10, over the
  pure-JAX reference's 0).
* ``pre2post_event_sum`` on a GPU: a Pallas (Triton) kernel (backend
  ``'pallas'``, priority 10). ``pre2post_event_prod`` has no GPU kernel
  (there is no atomic multiply); the XLA reference serves it there.
* the factory behind ``bm.register_op`` / ``bm.XLACustomOp`` (pseudo-operator
  ``'register_op'``, any platform).

numba and Pallas are imported only when a backend is first called, not when the plugin loads.
"""

from __future__ import annotations

from typing import Any

from brainpy.plugins import OperatorBackend, hookimpl

NATIVE_PRIORITY = 10


def _lazy(module: str, name: str) -> Any:
    def impl(*args: Any, **kwargs: Any) -> Any:
        import importlib

        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    impl.__name__ = impl.__qualname__ = name
    impl.__doc__ = f"Lazily imports :func:`{module}.{name}` and calls it."
    return impl


@hookimpl
def brainpy_operator_backends() -> list[OperatorBackend]:
    """The native CPU and GPU kernels and the ``register_op`` factory."""
    return [
        OperatorBackend(
            "pre2post_event_sum", "numba", "cpu", _lazy("brainpy_ops._event", "native_event_sum"), NATIVE_PRIORITY
        ),
        OperatorBackend(
            "pre2post_event_prod", "numba", "cpu", _lazy("brainpy_ops._event", "native_event_prod"), NATIVE_PRIORITY
        ),
        OperatorBackend(
            "pre2post_event_sum", "pallas", "gpu", _lazy("brainpy_ops._event_gpu", "pallas_event_sum"), NATIVE_PRIORITY
        ),
        OperatorBackend(
            "register_op", "numba", "any", _lazy("brainpy_ops._custom_op", "make_custom_op"), NATIVE_PRIORITY
        ),
    ]
