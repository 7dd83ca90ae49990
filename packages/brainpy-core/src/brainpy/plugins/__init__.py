r"""The BrainPy plugin system.

BrainPy is extended through `pluggy <https://pluggy.readthedocs.io>`_ hooks
(project name ``brainpy``; the specifications live in
:mod:`brainpy.plugins.hookspecs`). A distribution declares its plugin module
in the entry-point group ``brainpy``; the module implements hooks marked with
:data:`hookimpl` that return declarations (name -> class, method or backend).
The first-party distributions register their own built-ins the same way.

Examples
--------
A plugin module::

    from brainpy.plugins import hookimpl

    @hookimpl
    def brainpy_ode_methods():
        return {"ralston3": Ralston3}

Listing what is registered::

    >>> import brainpy.plugins
    >>> rows = brainpy.plugins.info()      # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from brainpy.plugins._manager import ENTRY_POINT_GROUP, FIRST_PARTY, KINDS, PluginManager
from brainpy.plugins._markers import PROJECT, hookimpl, hookspec
from brainpy.plugins._registry import Entry, OperatorBackend, Origin, Registry

__all__ = [
    "PROJECT",
    "ENTRY_POINT_GROUP",
    "FIRST_PARTY",
    "KINDS",
    "hookimpl",
    "hookspec",
    "Origin",
    "Entry",
    "Registry",
    "OperatorBackend",
    "get_registry",
    "lookup",
    "register",
    "unregister",
    "info",
    "format_info",
    "plugins",
    "snapshot",
    "manager",
]

_MANAGER = PluginManager()


def manager() -> PluginManager:
    """The process-wide :class:`PluginManager`."""
    return _MANAGER


def get_registry(kind: str) -> Registry:
    """The registry of one kind, loading plugins on first use.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS` (``'ode_methods'``, ``'neuron_models'``, ...).

    Raises
    ------
    KeyError
        If ``kind`` is not a plugin kind.
    """
    if kind not in KINDS:
        raise KeyError(f"kind={kind!r} is not a plugin kind; expected one of {', '.join(KINDS)}")
    return _MANAGER.registry(kind)


def lookup(kinds: str | tuple[str, ...], name: str, default: Any = ...) -> Any:
    """Find ``name`` in the registries of one or several kinds (first hit wins).

    Raises
    ------
    brainpy.errors.UnknownNameError
        If no registry of ``kinds`` holds ``name`` and no default is given.
    """
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    for kind in kinds:
        registry = get_registry(kind)
        if name in registry:
            return registry.get(name)
    if default is not ...:
        return default
    return get_registry(kinds[0]).get(name)


def register(plugin: object, name: str | None = None, distribution: str = "?", version: str = "?") -> bool:
    """Register a plugin object by hand (what an entry point does automatically).

    Parameters
    ----------
    plugin : object
        A module or object with ``@hookimpl`` functions.
    name : str, optional
        A name for the plugin (defaults to the object's ``__name__``).
    distribution, version : str
        Shown by :func:`info`.

    Returns
    -------
    bool
        Whether the plugin was accepted (an invalid one gives a warning).
    """
    _MANAGER.discover()
    label = name or getattr(plugin, "__name__", type(plugin).__name__)
    return _MANAGER.register(plugin, Origin(label, distribution, version))


def unregister(plugin: object) -> None:
    """Remove a plugin registered with :func:`register` and all it declared."""
    _MANAGER.unregister(plugin)


def info() -> list[dict[str, str]]:
    """Everything registered: one dict per entry with ``kind``, ``name``,
    ``plugin``, ``distribution``, ``version`` and ``status``."""
    return _MANAGER.info()


def format_info() -> str:
    """:func:`info` as a text table (what ``python -m brainpy plugins`` prints)."""
    rows = info()
    cols = ("kind", "name", "distribution", "version", "status")
    widths = {c: max([len(c)] + [len(r[c]) for r in rows]) for c in cols}
    lines = ["  ".join(c.ljust(widths[c]) for c in cols), "  ".join("-" * widths[c] for c in cols)]
    lines += ["  ".join(r[c].ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def plugins() -> list[Origin]:
    """The registered plugins, in load order."""
    return _MANAGER.plugins()


@contextlib.contextmanager
def snapshot() -> Iterator[None]:
    """Context manager that restores every registry on exit (for tests)."""
    with _MANAGER.snapshot():
        yield
