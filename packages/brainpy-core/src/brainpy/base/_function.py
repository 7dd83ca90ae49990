r"""``brainpy.base.Function``: a Python function wrapped as a :class:`brainpy.Base` node."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from brainpy.base._base import Base
from brainpy.errors import ArgumentTypeError

__all__ = ["Function"]


class Function(Base):
    r"""The wrapper for Python functions.

    A ``Function`` is a :class:`Base` node that calls ``f``. It does not gather
    nodes or Variables automatically: pass the objects and Variables ``f``
    uses as ``nodes`` and ``dyn_vars``, so that :meth:`vars` (and therefore
    ``bm.jit``, ``bm.grad``, ...) see them.

    Parameters
    ----------
    f : callable
        The function to wrap.
    nodes : Base, sequence of Base, or dict of str -> Base, optional
        The ``Base`` objects ``f`` uses.
    dyn_vars : Variable, sequence or dict of Variables, optional
        The Variables ``f`` reads or changes.
    name : str, optional
        The name of the node. Default: ``Function<k>``.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> v = bm.Variable(bm.zeros(1))
    >>> def add(x):
    ...     v.value += x
    >>> f = bp.base.Function(add, dyn_vars={'v': v})
    >>> list(f.vars('relative'))
    ['v']
    """

    def __init__(self, f: Callable[..., Any], nodes: Any = None, dyn_vars: Any = None, name: str | None = None) -> None:
        if not callable(f):
            raise ArgumentTypeError(f"Function() wraps a callable, but got {type(f).__name__}: {f!r}.")
        super().__init__(name=name)
        self._f = f
        if nodes is not None:
            self.register_implicit_nodes(_as_dict(nodes, "nodes", lambda n: n.name))
        if dyn_vars is not None:
            self.register_implicit_vars(_as_dict(dyn_vars, "dyn_vars", None))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._f(*args, **kwargs)


def _as_dict(items: Any, what: str, key_of: Callable[[Any], str] | None) -> dict[str, Any]:
    if isinstance(items, Mapping):
        return dict(items)
    if isinstance(items, Base) or not isinstance(items, Sequence):
        items = [items]
    return {(key_of(x) if key_of is not None else f"v{i}"): x for i, x in enumerate(items)}
