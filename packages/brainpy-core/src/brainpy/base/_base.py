r"""``brainpy.Base``: the root class of every model, integrator and optimizer.

A :class:`Base` object holds Variables, child ``Base`` objects and methods. Its
collection functions walk the *instance attributes* (``vars(obj)``, i.e. the
object's ``__dict__``) plus the explicitly registered implicit nodes and
Variables. They never scan ``dir()`` and never evaluate properties.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from brainpy.base._collector import Collector, TensorCollector
from brainpy.base._naming import check_name_uniqueness, get_unique_name, release_name
from brainpy.errors import ArgumentTypeError, InvalidArgumentError

__all__ = ["Base"]

_METHODS = ("absolute", "relative")


def _check_method(method: str) -> None:
    if method not in _METHODS:
        raise InvalidArgumentError(f"method must be 'absolute' or 'relative', but got method={method!r}.")


@functools.cache
def _variable_class() -> type:
    from brainpy.math._ndarray import Variable  # imported lazily: brainpy.math imports brainpy.base

    return Variable


def _is_variable(x: Any) -> bool:
    return isinstance(x, _variable_class())


class Base:
    r"""The base class of BrainPy objects: named, with collectable Variables and children.

    Every ``Base`` has a unique :attr:`name` (given, or ``ClassName<k>``), and
    three collection functions:

    * :meth:`nodes`: every ``Base`` reachable through attributes (itself included);
    * :meth:`vars`: every ``bm.Variable`` held by those nodes;
    * :meth:`train_vars`: the ``bm.TrainVar`` among them.

    Keys are *absolute* (``'<node name>.<attribute>'``) or *relative* (the
    attribute path from this object, ``'pre.V'``). Objects kept inside lists
    or dicts are invisible to the collection functions unless registered
    with :meth:`register_implicit_vars` / :meth:`register_implicit_nodes`.

    Parameters
    ----------
    name : str, optional
        The unique name of the object. Default: ``ClassName<k>``.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> class Model(bp.Base):
    ...     def __init__(self):
    ...         super().__init__(name='M')
    ...         self.v = bm.Variable(bm.zeros(1))
    >>> list(Model().vars())
    ['M.v']
    """

    implicit_vars: TensorCollector
    implicit_nodes: Collector

    def __init__(self, name: str | None = None) -> None:
        d = self.__dict__
        if "implicit_vars" not in d:
            self.implicit_vars = TensorCollector()
        if "implicit_nodes" not in d:
            self.implicit_nodes = Collector()
        self._name = self.unique_name(name=name)

    # ------------------------------------------------------------------ naming
    @property
    def name(self) -> str:
        """The unique name of this object."""
        return self._name

    @name.setter
    def name(self, name: str | None = None) -> None:
        old = self.__dict__.get("_name")
        new = self.unique_name(name=name)
        if old is not None and old != new:
            release_name(old, self)
        self._name = new

    def unique_name(self, name: str | None = None, type_: str | None = None) -> str:
        r"""Check (or generate) a unique name for this object and reserve it.

        Parameters
        ----------
        name : str, optional
            The wanted name; checked for uniqueness among live objects.
        type_ : str, optional
            The prefix of an automatic name. Default: the class name.

        Returns
        -------
        str
            ``name``, or a fresh ``f'{type_}{k}'`` when ``name`` is None.

        Raises
        ------
        UniqueNameError
            If another live object holds ``name``.
        """
        if name is None:
            return get_unique_name(type_ or type(self).__name__, self)
        check_name_uniqueness(name, self)
        return name

    # ----------------------------------------------------------- registration
    def register_implicit_vars(self, *variables: Mapping[str, Any], **named: Any) -> None:
        r"""Register Variables kept in containers so that :meth:`vars` finds them.

        Parameters
        ----------
        *variables : dict
            Dicts of key -> Variable.
        **named : Variable
            Variables given by keyword.

        Raises
        ------
        TypeError
            If an argument is not a dict, or a value is not a ``bm.Variable``.
        """
        for key, var in _merge_dicts("register_implicit_vars", variables, named).items():
            if not _is_variable(var):
                raise ArgumentTypeError(
                    f"register_implicit_vars() expects bm.Variable values, but {key!r} is a "
                    f"{type(var).__name__}. Wrap it: bm.Variable(...)."
                )
            self.implicit_vars[key] = var

    def register_implicit_nodes(self, *nodes: Mapping[str, Any], **named: Any) -> None:
        r"""Register child ``Base`` objects kept in containers so that :meth:`nodes` finds them.

        Parameters
        ----------
        *nodes : dict
            Dicts of key -> ``Base`` object.
        **named : Base
            Nodes given by keyword.

        Raises
        ------
        TypeError
            If an argument is not a dict, or a value is not a ``Base``.
        """
        for key, node in _merge_dicts("register_implicit_nodes", nodes, named).items():
            if not isinstance(node, Base):
                raise ArgumentTypeError(
                    f"register_implicit_nodes() expects brainpy.Base values, but {key!r} is a {type(node).__name__}."
                )
            self.implicit_nodes[key] = node

    # ------------------------------------------------------------- collection
    def _children(self) -> list[tuple[str, Base]]:
        """(attribute or implicit key, child node) pairs, attributes first."""
        found = [(k, v) for k, v in self.__dict__.items() if isinstance(v, Base)]
        found.extend(self.__dict__.get("implicit_nodes", {}).items())
        return found

    def nodes(self, method: str = "absolute", level: int = -1, include_self: bool = True) -> Collector:
        r"""Collect every ``Base`` object reachable from this one.

        Parameters
        ----------
        method : {'absolute', 'relative'}
            ``'absolute'``: keys are the node names (this node comes last);
            ``'relative'``: keys are attribute paths from this node (this node
            is ``''`` and comes first).
        level : int
            How deep to go: ``-1`` for no limit, ``0`` for this node only,
            ``1`` for its direct children, ...
        include_self : bool
            Whether this node is in the result.

        Returns
        -------
        Collector
            Breadth-first: children in attribute order, then grandchildren, ...
        """
        _check_method(method)
        if not isinstance(level, int) or isinstance(level, bool):
            raise ArgumentTypeError(f"level must be an int (-1 for unlimited), but got {level!r}.")
        gather = Collector()
        if include_self and method == "relative":
            gather[""] = self
        edges: set[tuple[int, int]] = set()  # (parent, child) identities seen in THIS walk
        frontier: list[tuple[str, Base]] = [("", self)]
        depth = 0
        while frontier and (level < 0 or depth < level):
            next_frontier: list[tuple[str, Base]] = []
            for path, node in frontier:
                for key, child in node._children():
                    edge = (id(node), id(child))  # both alive during the walk
                    if edge in edges:
                        continue
                    edges.add(edge)
                    child_path = f"{path}.{key}" if path else key
                    if method == "absolute":
                        gather[child.name] = child
                    else:
                        gather[child_path] = child
                    next_frontier.append((child_path, child))
            frontier = next_frontier
            depth += 1
        if include_self and method == "absolute":
            gather[self.name] = self
        return gather

    def vars(self, method: str = "absolute", level: int = -1, include_self: bool = True) -> TensorCollector:
        r"""Collect every ``bm.Variable`` held by this node and its children.

        Variables are found among each node's instance attributes (in sorted
        attribute order) and its :attr:`implicit_vars`.

        Parameters
        ----------
        method : {'absolute', 'relative'}
            ``'absolute'``: keys ``'<node name>.<attribute>'``; ``'relative'``:
            keys are the attribute paths from this node (``'pre.V'``).
        level : int
            Depth of the node search (see :meth:`nodes`).
        include_self : bool
            Whether this node's own Variables are included.

        Returns
        -------
        TensorCollector
        """
        gather = TensorCollector()
        for path, node in self.nodes(method=method, level=level, include_self=include_self).items():
            own = node.__dict__
            for key in sorted(own):
                value = own[key]
                if _is_variable(value):
                    gather[f"{path}.{key}" if path else key] = value
            for key, value in own.get("implicit_vars", {}).items():
                gather[f"{path}.{key}" if path else key] = value
        return gather

    def train_vars(self, method: str = "absolute", level: int = -1, include_self: bool = True) -> TensorCollector:
        r"""Collect the trainable Variables (``bm.TrainVar``); arguments as :meth:`vars`."""
        from brainpy.math._ndarray import TrainVar

        return self.vars(method=method, level=level, include_self=include_self).subset(TrainVar)

    # ------------------------------------------------------------ save / load
    def save_states(self, filename: str, variables: Any = None, *, all_var: Any = None, **setting: Any) -> None:
        r"""Save the data of this object's Variables to ``filename``.

        The format follows the extension: ``.h5``/``.hdf5`` (needs h5py),
        ``.npz``, ``.pkl`` or ``.mat`` (needs scipy).

        Parameters
        ----------
        filename : str
            The file to write.
        variables : dict or TensorCollector, optional
            What to save. Default: ``self.vars('relative').unique()``.
        all_var : dict or TensorCollector, optional
            Alias of ``variables`` (the spelling of the BrainPy 2.1 docs).
        **setting
            Passed to the writer (``compressed=True`` for ``.npz``).
        """
        from brainpy.base._io import save_states

        if variables is None:
            variables = all_var
        if variables is None:
            variables = self.vars(method="relative").unique()
        save_states(filename, variables, **setting)

    def load_states(self, filename: str, verbose: bool = False, check_missing: bool = False) -> None:
        r"""Load Variable data saved by :meth:`save_states` into this object.

        Entries are matched by relative path. Every entry of the file must
        name a Variable of this object with the same shape.

        Parameters
        ----------
        filename : str
            The file to read (format from the extension).
        verbose : bool
            Print ``Loading <key> ...`` for each entry.
        check_missing : bool
            Log a warning (logger ``brainpy.base.io``) naming this object's
            Variables that the file does not contain.
        """
        from brainpy.base._io import load_states

        load_states(filename, self.vars(method="relative"), verbose=verbose, check_missing=check_missing)


def _merge_dicts(where: str, dicts: tuple[Any, ...], named: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for d in dicts:
        if not isinstance(d, Mapping):
            raise ArgumentTypeError(f"{where}() expects dicts of key -> value, but got {type(d).__name__}: {d!r}.")
        merged.update(d)
    merged.update(named)
    return merged
