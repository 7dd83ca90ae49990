r"""Finding training algorithms by name.

Built-in and plugin algorithms come from the plugin registry
``training_algorithms``; :func:`register_offline_method` and
:func:`register_online_method` add run-time entries kept in this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brainpy.errors import ArgumentTypeError, InvalidArgumentError, UnknownNameError
from brainpy.nn.algorithms._offline import OfflineAlgorithm
from brainpy.nn.algorithms._online import OnlineAlgorithm

__all__ = [
    "get",
    "get_supported_offline_methods",
    "get_supported_online_methods",
    "register_offline_method",
    "register_online_method",
]

_RUNTIME: dict[str, Any] = {}


def _entries() -> dict[str, Any]:
    from brainpy.plugins import get_registry

    registry = get_registry("training_algorithms")
    found = {name: registry.get(name) for name in registry}
    found.update(_RUNTIME)
    return found


def _kind(obj: Any) -> type | None:
    cls = obj if isinstance(obj, type) else type(obj)
    for base in (OfflineAlgorithm, OnlineAlgorithm):
        if issubclass(cls, base):
            return base
    return None


def get_supported_offline_methods() -> tuple[str, ...]:
    r"""Get all supported offline training methods (e.g. ``('ridge', 'linear', 'lstsq')``)."""
    return tuple(n for n, obj in _entries().items() if _kind(obj) is OfflineAlgorithm)


def get_supported_online_methods() -> tuple[str, ...]:
    r"""Get all supported online training methods (e.g. ``('rls', 'force', 'lms')``)."""
    return tuple(n for n, obj in _entries().items() if _kind(obj) is OnlineAlgorithm)


def _register(name: str, method: Any, base: type, what: str) -> None:
    if not isinstance(name, str) or not name:
        raise ArgumentTypeError(f"The name of an {what} method must be a non-empty str, but got {name!r}.")
    if _kind(method) is not base:
        raise ArgumentTypeError(
            f"An {what} method must be a subclass (or instance) of bp.nn.algorithms.{base.__name__}, "
            f"but got {method!r}."
        )
    key = name.lower()
    if key in _entries():
        raise InvalidArgumentError(f"{key!r} is already a training algorithm; choose another name.")
    _RUNTIME[key] = method


def register_offline_method(name: str, method: Any) -> None:
    r"""Register a new offline learning method under ``name``.

    Parameters
    ----------
    name : str
        The (case-insensitive) name used by trainers.
    method : OfflineAlgorithm subclass or instance
    """
    _register(name, method, OfflineAlgorithm, "offline")


def register_online_method(name: str, method: Any) -> None:
    r"""Register a new online learning method under ``name``.

    Parameters
    ----------
    name : str
        The (case-insensitive) name used by trainers.
    method : OnlineAlgorithm subclass or instance
    """
    _register(name, method, OnlineAlgorithm, "online")


def get(spec: Any, kind: type, default: Any = None) -> Any:
    r"""Turn a trainer's ``fit_method`` into an algorithm instance of ``kind``.

    Parameters
    ----------
    spec : None, str, dict, class or instance
        ``None`` gives ``default()``; a name or ``dict(name=..., **options)``
        is looked up among the registered algorithms.
    kind : type
        ``OfflineAlgorithm`` or ``OnlineAlgorithm``.
    default : callable
        Builds the algorithm used when ``spec`` is None.
    """
    options: dict[str, Any] = {}
    if spec is None:
        return default()
    if isinstance(spec, Mapping):
        options = dict(spec)
        if "name" not in options:
            raise InvalidArgumentError(
                f"A fit_method dict needs a 'name' key (e.g. dict(name='ridge', beta=1e-6)); got {spec!r}."
            )
        spec = options.pop("name")
    if isinstance(spec, str):
        entries = _entries()
        key = spec.lower()
        if key not in entries:
            names = ", ".join(n for n, o in entries.items() if _kind(o) is kind)
            raise UnknownNameError(f"fit_method={spec!r} is not a registered training algorithm. Available: {names}.")
        spec = entries[key]
    if isinstance(spec, type):
        spec = spec(**options)
    elif options:
        raise InvalidArgumentError(f"Options {options} can only be given with an algorithm name or class.")
    if _kind(spec) is not kind:
        raise ArgumentTypeError(f"This trainer needs a bp.nn.algorithms.{kind.__name__}, but got {spec!r}.")
    return spec
