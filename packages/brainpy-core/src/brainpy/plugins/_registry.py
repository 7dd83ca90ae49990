"""One registry per kind of pluggable object."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from brainpy.errors import UnknownNameError

__all__ = ["Origin", "Entry", "Registry", "OperatorBackend"]


@dataclass(frozen=True)
class Origin:
    """Where a registered object came from.

    Parameters
    ----------
    plugin : str
        The entry-point (or explicit registration) name of the plugin.
    distribution : str
        The distribution that ships the plugin (``'?'`` when unknown).
    version : str
        The version of that distribution (``'?'`` when unknown).
    """

    plugin: str
    distribution: str = "?"
    version: str = "?"

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} from {self.distribution} {self.version}"


@dataclass(frozen=True)
class Entry:
    """One registered object: its public name, the object and its origin."""

    name: str
    obj: Any
    origin: Origin


@dataclass(frozen=True)
class OperatorBackend:
    """An implementation of an operator for one platform.

    Parameters
    ----------
    op : str
        The operator's public name in ``brainpy.math`` (for example
        ``'pre2post_event_sum'``).
    name : str
        The backend's name (for example ``'numba'``, ``'jax'``, ``'pallas'``).
    platform : str
        ``'cpu'``, ``'gpu'``, ``'tpu'`` or ``'any'``.
    impl : callable
        The implementation, with the operator's public signature.
    priority : int
        Larger wins when several backends serve the same operator and platform.
        The pure-JAX references use priority 0.
    """

    op: str
    name: str
    platform: str
    impl: Callable[..., Any]
    priority: int = 0

    @property
    def key(self) -> str:
        """The registry key, ``'<op>/<platform>/<name>'``."""
        return f"{self.op}/{self.platform}/{self.name}"


@dataclass
class Registry:
    """Name -> object table of one plugin kind.

    Parameters
    ----------
    kind : str
        The kind, as listed by :func:`brainpy.plugins.info` (``'ode_methods'``).
    hook : str
        The hook that feeds it (``'brainpy_ode_methods'``).
    validate : callable
        ``validate(obj) -> str | None``: ``None`` when ``obj`` is acceptable,
        otherwise a description of what was expected.
    lower : bool
        Whether names are case-insensitive (method keys are).
    """

    kind: str
    hook: str
    validate: Callable[[Any], str | None]
    lower: bool = False
    entries: dict[str, Entry] = field(default_factory=dict)
    shadowed: list[tuple[Entry, Entry]] = field(default_factory=list)

    def key(self, name: str) -> str:
        """Normalise a public name into a registry key."""
        return name.lower() if self.lower else name

    def add(self, name: str, obj: Any, origin: Origin) -> Entry | None:
        """Add ``obj`` under ``name``; return the winning entry if ``name`` was taken.

        The first registration of a name stays; a later one is kept in
        :attr:`shadowed` so that :func:`brainpy.plugins.info` can show it.
        """
        entry = Entry(self.key(name), obj, origin)
        existing = self.entries.get(entry.name)
        if existing is not None:
            if existing.obj is obj:
                return None
            self.shadowed.append((entry, existing))
            return existing
        self.entries[entry.name] = entry
        return None

    def remove(self, name: str) -> None:
        """Remove a name (used by tests and by explicit unregistration)."""
        self.entries.pop(self.key(name), None)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.key(name) in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self.entries)

    def get(self, name: str, default: Any = ...) -> Any:
        """The object registered under ``name``.

        Raises
        ------
        UnknownNameError
            If nothing is registered under ``name`` and no default is given;
            the message lists close matches and every available name.
        """
        entry = self.entries.get(self.key(name))
        if entry is not None:
            return entry.obj
        if default is not ...:
            return default
        raise UnknownNameError(self.unknown_message(name))

    def origin(self, name: str) -> Origin:
        """The origin of the entry registered under ``name``."""
        return self.entries[self.key(name)].origin

    def unknown_message(self, name: str, what: str | None = None) -> str:
        """The error text for an unknown ``name``: close matches and all choices."""
        what = what or f"a registered {self.kind.replace('_', ' ').rstrip('s')}"
        close = difflib.get_close_matches(self.key(name), list(self.entries), n=3)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        available = ", ".join(self.names()) or "(none)"
        return (
            f"{name!r} is not {what}.{hint} Available: {available} "
            f"(see brainpy.plugins.info(); a plugin may be misspelled or not installed)."
        )
