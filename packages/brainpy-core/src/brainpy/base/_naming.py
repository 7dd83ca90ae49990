r"""The naming system: every :class:`brainpy.Base` object has a unique name.

Names are either given explicitly (``FHN(10, name='X')``) or generated
automatically as ``ClassName<k>``, where ``k`` counts the automatic names
handed out for that class name (``FHN0``, ``FHN1``, ...).

A name is held only as long as its object lives: the registry keeps *weak*
references, so once an object is garbage collected its name can be reused
(re-running a notebook cell that builds ``FHN(10, name='X')`` never fails).
Two *live* objects with the same name raise
:class:`brainpy.errors.UniqueNameError`. Object identities are never keyed by
``id()``, whose values Python reuses.
"""

from __future__ import annotations

import gc
import weakref
from typing import Any

from brainpy.errors import UniqueNameError

__all__ = ["check_name_uniqueness", "get_unique_name", "clear_name_cache"]


class NameTypeError(UniqueNameError, TypeError):
    """A name that is not a string was given to a BrainPy object."""


class _NameRegistry:
    """The names in use (name -> weak reference to the object) and the per-class counters."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {}
        self.counters: dict[str, int] = {}

    def owner(self, name: str) -> Any:
        """Return the live object holding ``name``, or ``None``."""
        ref = self.names.get(name)
        if ref is None:
            return None
        obj = ref()
        if obj is None:
            del self.names[name]
        return obj

    def hold(self, name: str, obj: Any) -> None:
        try:
            self.names[name] = weakref.ref(obj)
        except TypeError:  # objects without __weakref__ slot: hold them strongly
            self.names[name] = _Strong(obj)

    def release(self, name: str, obj: Any) -> None:
        if self.owner(name) is obj:
            del self.names[name]

    def clear(self) -> None:
        self.names.clear()
        self.counters.clear()


class _Strong:
    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __call__(self) -> Any:
        return self.obj


_REGISTRY = _NameRegistry()


def _clash_message(obj: Any, name: str) -> str:
    return (
        f"In BrainPy, each object should have a unique name. However, we detect that {obj} "
        f'has a used name "{name}".\n'
        f"If you try to run multiple trials, you may need\n"
        f">>> brainpy.base.clear_name_cache()\n"
        f"to clear all cached names."
    )


def check_name_uniqueness(name: str, obj: Any) -> None:
    r"""Check that ``name`` is free (or already held by ``obj``) and reserve it for ``obj``.

    Parameters
    ----------
    name : str
        The requested name. It must be a valid Python identifier-like string
        (non-empty, no ``'.'``), because names are joined with ``'.'`` in
        absolute paths such as ``'FHN0.V'``.
    obj : object
        The object that asks for the name.

    Raises
    ------
    UniqueNameError
        If another live object already holds ``name``.
    TypeError
        If ``name`` is not a string.
    """
    if not isinstance(name, str):
        raise NameTypeError(
            f"The name of a BrainPy object must be a str, but got {name!r} of type "
            f"{type(name).__name__}. Pass, for example, name='net'."
        )
    if not name or "." in name:
        raise UniqueNameError(
            f"The name {name!r} is not valid: a name must be a non-empty string without '.', "
            f"because '.' separates names in absolute paths such as 'FHN0.V'."
        )
    owner = _REGISTRY.owner(name)
    if owner is not None and owner is not obj:
        # The holder may be unreachable garbage kept by a reference cycle: collect once.
        del owner
        gc.collect()
        owner = _REGISTRY.owner(name)
        if owner is not None and owner is not obj:
            raise UniqueNameError(_clash_message(obj, name))
    _REGISTRY.hold(name, obj)


def get_unique_name(type_: str, obj: Any = None) -> str:
    r"""Return a fresh automatic name ``f'{type_}{k}'`` and reserve it for ``obj``.

    ``k`` starts at 0 for each ``type_`` and grows by one per automatic name;
    a candidate that a live object already holds (for example given
    explicitly) is skipped.

    Parameters
    ----------
    type_ : str
        The name prefix, usually the class name.
    obj : object, optional
        The object the name is for; when given, the name is reserved for it.

    Returns
    -------
    str
        The new name, for example ``'FHN0'``.
    """
    while True:
        k = _REGISTRY.counters.get(type_, 0)
        _REGISTRY.counters[type_] = k + 1
        name = f"{type_}{k}"
        if _REGISTRY.owner(name) is None:
            break
    if obj is not None:
        _REGISTRY.hold(name, obj)
    return name


def release_name(name: str, obj: Any) -> None:
    """Free ``name`` if ``obj`` holds it (used when an object is renamed)."""
    _REGISTRY.release(name, obj)


def clear_name_cache(ignore_warn: bool = True) -> None:
    r"""Clear the cached names and restart every automatic-name counter at 0.

    After this call, names of still-living objects may be handed out again;
    it is meant for starting a new trial in the same Python session.

    Parameters
    ----------
    ignore_warn : bool
        Kept for compatibility with BrainPy 2.1; has no effect.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.clear_name_cache()
    """
    del ignore_warn
    _REGISTRY.clear()
