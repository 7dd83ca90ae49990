"""Discovery of plugins through entry points, and the per-kind registries.

Policies (documented in the plugin-author guide):

* Entry points of the group ``brainpy`` are loaded once, lazily, the first
  time any registry is needed. First-party distributions load first, in the
  order ``brainpy-core, brainpy-integrators, brainpy-ops, brainpy-dyn,
  brainpy-nn, brainpy-analysis``; third-party distributions follow, sorted by
  distribution name.
* A hook is called once per plugin, when its kind is first needed.
* A name offered twice: the first registration wins (so built-ins always win
  over third-party plugins); one :class:`~brainpy.errors.BrainPyPluginWarning`
  names both providers, and :func:`info` lists the loser as ``shadowed``.
* A plugin that fails to import, whose hook raises, or whose hook returns the
  wrong type: one warning naming the entry point, the distribution and its
  version, and everything else keeps working.
"""

from __future__ import annotations

import contextlib
import copy
import warnings
from collections.abc import Iterator
from typing import Any

import pluggy

try:  # Python 3.11's importlib.metadata lacks EntryPoint.dist on some paths
    import importlib_metadata as metadata
except ImportError:  # pragma: no cover - declared dependency
    from importlib import metadata  # type: ignore[no-redef]

from brainpy.errors import BrainPyPluginWarning
from brainpy.plugins import hookspecs
from brainpy.plugins._markers import PROJECT
from brainpy.plugins._registry import Entry, OperatorBackend, Origin, Registry

__all__ = ["PluginManager", "ENTRY_POINT_GROUP", "FIRST_PARTY"]

ENTRY_POINT_GROUP = "brainpy"
FIRST_PARTY = (
    "brainpy-core",
    "brainpy-integrators",
    "brainpy-ops",
    "brainpy-dyn",
    "brainpy-nn",
    "brainpy-analysis",
)


def _is_class(obj: Any) -> str | None:
    return None if isinstance(obj, type) else "a class"


def _is_callable(obj: Any) -> str | None:
    return None if callable(obj) else "a class or a callable"


def _is_backend(obj: Any) -> str | None:
    if isinstance(obj, OperatorBackend) and callable(obj.impl):
        return None
    return "a brainpy.plugins.OperatorBackend with a callable impl"


#: kind -> (hook, validator, case-insensitive names)
KINDS: dict[str, tuple[str, Any, bool]] = {
    "ode_methods": ("brainpy_ode_methods", _is_callable, True),
    "sde_methods": ("brainpy_sde_methods", _is_callable, True),
    "fde_methods": ("brainpy_fde_methods", _is_callable, True),
    "dde_methods": ("brainpy_dde_methods", _is_callable, True),
    "neuron_models": ("brainpy_neuron_models", _is_class, False),
    "synapse_models": ("brainpy_synapse_models", _is_class, False),
    "channel_models": ("brainpy_channel_models", _is_class, False),
    "rate_models": ("brainpy_rate_models", _is_class, False),
    "connectors": ("brainpy_connectors", _is_class, False),
    "initializers": ("brainpy_initializers", _is_class, False),
    "trainers": ("brainpy_trainers", _is_class, False),
    "training_algorithms": ("brainpy_training_algorithms", _is_callable, True),
    "operator_backends": ("brainpy_operator_backends", _is_backend, False),
    "custom_operators": ("brainpy_custom_operators", _is_callable, False),
}


def _warn(message: str) -> None:
    warnings.warn(message, BrainPyPluginWarning, stacklevel=4)


class PluginManager:
    """Loads plugins and feeds the registries. One instance lives in :mod:`brainpy.plugins`."""

    def __init__(self) -> None:
        self._pm = pluggy.PluginManager(PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._origins: dict[int, Origin] = {}
        self._order: list[object] = []
        self._discovered = False
        self._ingested: set[str] = set()
        self.registries: dict[str, Registry] = {
            kind: Registry(kind, hook, validate, lower) for kind, (hook, validate, lower) in KINDS.items()
        }

    # -- discovery ---------------------------------------------------------
    def discover(self) -> None:
        """Load every entry point of the group ``brainpy`` (once)."""
        if self._discovered:
            return
        self._discovered = True
        eps = list(metadata.entry_points(group=ENTRY_POINT_GROUP))

        def rank(ep: Any) -> tuple[int, str, str]:
            dist = ep.dist.metadata["Name"] if ep.dist is not None else "?"
            first = FIRST_PARTY.index(dist) if dist in FIRST_PARTY else len(FIRST_PARTY)
            return (first, dist, ep.name)

        seen: set[tuple[str, str]] = set()
        for ep in sorted(eps, key=rank):
            dist = ep.dist.metadata["Name"] if ep.dist is not None else "?"
            version = ep.dist.version if ep.dist is not None else "?"
            if (dist, ep.name) in seen:  # the same distribution seen twice on sys.path
                continue
            seen.add((dist, ep.name))
            origin = Origin(ep.name, dist, version)
            try:
                plugin = ep.load()
            except Exception as exc:  # noqa: BLE001 - isolate every plugin
                _warn(
                    f"The brainpy plugin {ep.name!r} ({ep.value}) of {dist} {version} failed to load "
                    f"and is ignored: {type(exc).__name__}: {exc}"
                )
                continue
            self.register(plugin, origin)

    def register(self, plugin: object, origin: Origin) -> bool:
        """Register a plugin object; return whether it was accepted.

        Kinds already ingested take the new plugin's declarations at once.
        """
        if any(p is plugin for p in self._order):
            return False
        try:
            self._pm.register(plugin, name=f"{origin.distribution}:{origin.plugin}:{id(plugin)}")
            self._pm.check_pending()
        except Exception as exc:  # noqa: BLE001 - e.g. pluggy.PluginValidationError
            with contextlib.suppress(Exception):
                self._pm.unregister(plugin)
            _warn(f"The brainpy {origin} is invalid and is ignored: {type(exc).__name__}: {exc}")
            return False
        self._origins[id(plugin)] = origin
        self._order.append(plugin)
        for kind in self._ingested:
            self._ingest(kind, only=plugin)
        return True

    def unregister(self, plugin: object) -> None:
        """Remove a plugin and every entry it declared."""
        if not any(p is plugin for p in self._order):
            return
        origin = self._origins.pop(id(plugin))
        self._order = [p for p in self._order if p is not plugin]
        self._pm.unregister(plugin)
        for registry in self.registries.values():
            for name in [n for n, e in registry.entries.items() if e.origin is origin]:
                del registry.entries[name]
            registry.shadowed = [(a, b) for a, b in registry.shadowed if a.origin is not origin]

    # -- ingestion ---------------------------------------------------------
    def registry(self, kind: str) -> Registry:
        """The registry of ``kind``, filled from every plugin on first use."""
        registry = self.registries[kind]
        if kind not in self._ingested:
            self.discover()
            self._ingested.add(kind)
            self._ingest(kind)
        return registry

    def _ingest(self, kind: str, only: object | None = None) -> None:
        registry = self.registries[kind]
        caller = getattr(self._pm.hook, registry.hook)
        impls = {id(i.plugin): i for i in caller.get_hookimpls()}
        for plugin in self._order:
            if only is not None and plugin is not only:
                continue
            impl = impls.get(id(plugin))
            if impl is None:
                continue
            origin = self._origins[id(plugin)]
            try:
                declared = impl.function()
            except Exception as exc:  # noqa: BLE001
                _warn(
                    f"The hook {registry.hook} of the brainpy {origin} raised and is ignored: "
                    f"{type(exc).__name__}: {exc}"
                )
                continue
            for name, obj in self._items(kind, declared, origin):
                problem = registry.validate(obj)
                if problem is not None:
                    _warn(
                        f"The brainpy {origin} offers {name!r} for {kind} as {type(obj).__name__}, "
                        f"but {problem} was expected; it is ignored."
                    )
                    continue
                winner = registry.add(name, obj, origin)
                if winner is not None:
                    _warn(
                        f"{kind}: the name {registry.key(name)!r} is offered by the brainpy {winner.origin} "
                        f"and by the brainpy {origin}; the first ({winner.origin.distribution}) wins "
                        f"and the other is shadowed."
                    )

    def _items(self, kind: str, declared: Any, origin: Origin) -> list[tuple[str, Any]]:
        if declared is None:
            return []
        if kind == "operator_backends":
            if isinstance(declared, OperatorBackend):
                declared = [declared]
            if isinstance(declared, (list, tuple)):
                return [(getattr(b, "key", repr(b)), b) for b in declared]
        elif hasattr(declared, "items") and callable(declared.items):
            return [(str(n), o) for n, o in declared.items()]
        expected = "a sequence of OperatorBackend" if kind == "operator_backends" else "a mapping name -> object"
        _warn(
            f"The hook {KINDS[kind][0]} of the brainpy {origin} returned {type(declared).__name__}, "
            f"but {expected} was expected; it is ignored."
        )
        return []

    # -- reporting ---------------------------------------------------------
    def info(self) -> list[dict[str, str]]:
        """Rows ``kind, name, plugin, distribution, version, status`` for every entry."""
        rows: list[dict[str, str]] = []
        for kind in self.registries:
            registry = self.registry(kind)
            entries: list[tuple[Entry, str]] = [(e, "active") for e in registry.entries.values()]
            entries += [(loser, f"shadowed by {winner.origin.distribution}") for loser, winner in registry.shadowed]
            for entry, status in sorted(entries, key=lambda t: t[0].name):
                rows.append(
                    dict(
                        kind=kind,
                        name=entry.name,
                        plugin=entry.origin.plugin,
                        distribution=entry.origin.distribution,
                        version=entry.origin.version,
                        status=status,
                    )
                )
        return rows

    def plugins(self) -> list[Origin]:
        """The origins of every registered plugin, in load order."""
        self.discover()
        return [self._origins[id(p)] for p in self._order]

    # -- test support ------------------------------------------------------
    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Restore the registries and the plugin list on exit (for tests)."""
        self.discover()
        saved = (
            copy.copy(self._order),
            dict(self._origins),
            set(self._ingested),
            {k: (dict(r.entries), list(r.shadowed)) for k, r in self.registries.items()},
        )
        try:
            yield
        finally:
            order, origins, ingested, regs = saved
            for plugin in [p for p in self._order if not any(p is q for q in order)]:
                with contextlib.suppress(Exception):
                    self._pm.unregister(plugin)
            self._order, self._origins, self._ingested = order, origins, ingested
            for kind, (entries, shadowed) in regs.items():
                self.registries[kind].entries = entries
                self.registries[kind].shadowed = shadowed
