r"""Collectors: dictionaries from names (paths) to nodes or Variables.

:meth:`brainpy.Base.nodes` returns a :class:`Collector`; :meth:`brainpy.Base.vars`
returns a :class:`TensorCollector` (alias :data:`ArrayCollector`). Both refuse to
map one key to two different objects, so a model whose paths collide is
detected when it is collected rather than when it silently misbehaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from brainpy.errors import ArgumentTypeError, InvalidArgumentError

__all__ = ["Collector", "TensorCollector", "ArrayCollector"]

_MODULE = "brainpy.base.collector"  # the public module path the spec prints


def _value_of(x: Any) -> Any:
    return x.value if hasattr(type(x), "value") else x


def _show(x: Any) -> str:
    """Arrays are shown by their data, as NumPy prints it (the spec's message format)."""
    if hasattr(type(x), "value") and hasattr(x, "shape"):
        import numpy as np

        return str(np.asarray(x.value))
    return str(x)


class Collector(dict):
    r"""A dictionary that maps names to elements (nodes, Variables, ...).

    Assigning a key that already maps to a *different* object raises
    ``ValueError``; assigning the same object again is a no-op. Use
    :meth:`replace` to change the element of a key on purpose.

    Examples
    --------
    >>> import brainpy as bp
    >>> a = bp.Collector({'a': 1})
    >>> b = bp.Collector({'b': 2})
    >>> a + b
    {'a': 1, 'b': 2}
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.update(*args, **kwargs)

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self:
            old = dict.__getitem__(self, key)
            if old is not value:
                # The builtin class is kept: the spec names it ValueError (test_collector_update_conflicts_spec_text).
                raise ValueError(f'Name "{key}" conflicts: same name for {_show(value)} and {_show(old)}.')
        dict.__setitem__(self, key, value)

    def update(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        r"""Add elements, checking every key for conflicts (see :meth:`__setitem__`).

        Accepts a mapping, an iterable of ``(key, value)`` pairs, and/or keywords.
        """
        if len(args) > 1:
            raise TypeError(f"update expected at most 1 positional argument, got {len(args)}.")
        if args:
            other = args[0]
            items = other.items() if isinstance(other, Mapping) else other
            for key, value in items:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def setdefault(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if key not in self:
            self[key] = default
        return dict.__getitem__(self, key)

    def replace(self, key: str, new_value: Any) -> None:
        r"""Map ``key`` to ``new_value``, whatever it mapped to before.

        Parameters
        ----------
        key : str
            The key to (re)define.
        new_value : Any
            Its new element.
        """
        dict.__setitem__(self, key, new_value)

    def __add__(self, other: Mapping[str, Any]) -> Collector:
        r"""Merge two collectors into a new one (conflicting keys raise ``ValueError``)."""
        if not isinstance(other, Mapping):
            return NotImplemented
        gather = type(self)(self)
        gather.update(other)
        return gather

    def __sub__(self, other: Any) -> Collector:
        r"""Return a copy without the entries named by ``other``.

        ``other`` is a mapping (its keys are removed; where a key maps to a
        different object here, ``ValueError`` is raised), or an iterable of keys
        (strings) and/or elements (every key holding that element is removed).

        Raises
        ------
        KeyError
            If a key or element to remove is not in the collector.
        """
        gather = type(self)(self)
        if isinstance(other, Mapping):
            for key, value in other.items():
                if key not in gather:
                    raise KeyError(f'Cannot remove "{key}": it is not in the collector {list(gather)}.')
                if dict.__getitem__(gather, key) is not value:
                    raise InvalidArgumentError(
                        f'Cannot remove "{key}": the collector maps it to a different element '
                        f"({dict.__getitem__(gather, key)}) than the one given ({value})."
                    )
                dict.__delitem__(gather, key)
            return gather
        if isinstance(other, (str, bytes)) or not isinstance(other, Iterable):
            other = [other]
        for item in other:
            if isinstance(item, str):
                if item not in gather:
                    raise KeyError(f'Cannot remove "{item}": it is not in the collector {list(gather)}.')
                dict.__delitem__(gather, item)
            else:
                keys = [k for k, v in gather.items() if v is item]
                if not keys:
                    raise KeyError(f"Cannot remove {item!r}: it is not an element of the collector.")
                for k in keys:
                    dict.__delitem__(gather, k)
        return gather

    def subset(self, var_type: type | tuple[type, ...]) -> Collector:
        r"""Return the elements that are instances of ``var_type``.

        Parameters
        ----------
        var_type : type or tuple of types
            The class(es) to keep, for example ``bp.ode.ODEIntegrator`` or ``bm.TrainVar``.

        Returns
        -------
        Collector
            A collector of the same kind, in the same order.
        """
        gather = type(self)()
        for key, value in self.items():
            if isinstance(value, var_type):
                dict.__setitem__(gather, key, value)
        return gather

    def unique(self) -> Collector:
        r"""Return a copy in which each element appears once (under its first key).

        Collections of ``Base`` objects often reach one Variable or node through
        several paths; ``unique()`` keeps the first path, so that an update
        (for example a gradient step) is never applied twice.
        """
        gather = type(self)()
        seen: list[Any] = []
        for key, value in self.items():
            if not any(value is s for s in seen):
                seen.append(value)
                dict.__setitem__(gather, key, value)
        return gather


class TensorCollector(Collector):
    r"""A :class:`Collector` of arrays and Variables (what :meth:`brainpy.Base.vars` returns).

    Besides the :class:`Collector` operations it reads and writes the data of
    its Variables: :meth:`dict`, :meth:`data` and :meth:`assign`.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> vs = bp.TensorCollector({'a': bm.Variable(bm.zeros(2))})
    >>> vs.assign({'a': bm.ones(2)})
    >>> vs['a']
    Variable([1., 1.], dtype=float32)
    """

    def assign(self, inputs: Mapping[str, Any]) -> None:
        r"""Write new data into the Variables named by ``inputs``.

        Parameters
        ----------
        inputs : dict
            Key -> new data; each key must be in the collector.

        Raises
        ------
        KeyError
            If a key of ``inputs`` is not in the collector.
        """
        if not isinstance(inputs, Mapping):
            raise ArgumentTypeError(f"assign() expects a dict of key -> data, but got {type(inputs).__name__}.")
        missing = [k for k in inputs if k not in self]
        if missing:
            raise KeyError(f"Cannot assign {missing}: not in the collector, whose keys are {list(self)}.")
        for key, data in inputs.items():
            dict.__getitem__(self, key).value = _value_of(data)

    def dict(self) -> dict[str, Any]:
        r"""Return a plain ``dict`` of key -> data (the JAX arrays inside the Variables)."""
        return {k: _value_of(v) for k, v in self.items()}

    def data(self) -> list[Any]:
        r"""Return the data of every element, in order, as a list of JAX arrays."""
        return [_value_of(v) for v in self.values()]


#: Alias of :class:`TensorCollector` (the name used by later BrainPy releases).
ArrayCollector = TensorCollector

for _cls in (Collector, TensorCollector):
    _cls.__module__ = _MODULE
del _cls
