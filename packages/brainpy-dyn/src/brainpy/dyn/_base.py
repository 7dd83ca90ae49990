r"""The dynamical-system base classes: ``DynamicalSystem``, ``Container``/``Network``,
``NeuGroup`` and ``TwoEndConn``.

A dynamical system keeps its state in ``bm.Variable`` attributes and advances
it in place by one time step in ``update(_t, _dt)``. Systems compose: a
:class:`Container` (alias :class:`Network`) holds child systems and its default
``update`` steps every direct child once per step in the order the models
need (see :meth:`Container.update`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from brainpy.base import Base, Collector
from brainpy.errors import ModelBuildError, NoImplementationError

__all__ = ["DynamicalSystem", "Container", "Network", "NeuGroup", "TwoEndConn"]


class DynamicalSystem(Base):
    r"""Base Dynamical System class.

    A dynamical system has time-dependent states :math:`X` that evolve as
    :math:`X(t + dt) = F(X(t), t, dt)`. A subclass

    * inherits from :class:`DynamicalSystem` (and calls ``super().__init__``);
    * keeps every state that changes over time in a ``bm.Variable``;
    * implements ``update(self, _t, _dt)``, which advances the Variables in
      place from time ``_t`` to ``_t + _dt``;
    * may implement ``reset()``, restoring its initial state.

    Parameters
    ----------
    name : str, optional
        The unique name of the system. Default: ``ClassName<k>``.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> class Decay(bp.dyn.DynamicalSystem):
    ...     def __init__(self, tau=10., **kwargs):
    ...         super().__init__(**kwargs)
    ...         self.tau = tau
    ...         self.x = bm.Variable(bm.ones(1))
    ...     def update(self, _t, _dt):
    ...         self.x.value = self.x - self.x / self.tau * _dt
    """

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name=name)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance the system's Variables in place from ``_t`` to ``_t + _dt``.

        Parameters
        ----------
        _t : float
            The current time (ms).
        _dt : float
            The time step (ms).
        """
        raise NoImplementationError(
            f"{self.name} ({type(self).__name__}) does not implement update(self, _t, _dt). Define it in "
            f"the subclass: it advances the model's bm.Variables in place by one time step."
        )

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        r"""Call :meth:`update` (``system(_t, _dt)`` is ``system.update(_t, _dt)``)."""
        return self.update(*args, **kwargs)

    def reset(self) -> None:
        r"""Reset the system's Variables to their initial state.

        Containers reset their children; other systems implement it themselves.

        Raises
        ------
        NoImplementationError
            If the subclass defines no ``reset``.
        """
        raise NoImplementationError(
            f"{self.name} ({type(self).__name__}) does not implement reset(). Define reset(self) in the "
            f"subclass, assigning the initial values to its Variables (self.V.value = ...)."
        )

    def ints(self, method: str = "absolute") -> Collector:
        r"""Collect the integrators (``bp.odeint``/``bp.sdeint``/... results) of this system and its children.

        Parameters
        ----------
        method : {'absolute', 'relative'}
            The key style, as in :meth:`brainpy.Base.nodes`.

        Returns
        -------
        Collector
            Key -> integrator, each integrator once.
        """
        from brainpy.integrators import Integrator

        return self.nodes(method=method).subset(Integrator).unique()

    def child_ds(self, method: str = "absolute", include_self: bool = False) -> Collector:
        r"""Collect every dynamical system inside this one (at any depth), each once.

        Parameters
        ----------
        method : {'absolute', 'relative'}
            ``'absolute'`` keys are the systems' names; ``'relative'`` keys are
            attribute paths from this system.
        include_self : bool
            Whether this system itself is included.

        Returns
        -------
        Collector
        """
        nodes = self.nodes(method=method, include_self=include_self)
        return nodes.subset(DynamicalSystem).unique()


class Container(DynamicalSystem):
    r"""Container object which is designed to add other instances of DynamicalSystem.

    Children given by position are kept under their names, children given by
    keyword under their keywords (and reachable as attributes:
    ``net.exc_group``). Children assigned as attributes in a subclass's
    ``__init__`` (``self.E = LIF(...)``) are found too.

    The default :meth:`update` steps each direct child once, in this order:
    synapses and other systems first (so they read the neurons' states of
    the previous step, e.g. the spikes), then neuron groups, then constant
    delay buffers.

    Parameters
    ----------
    *ds_tuple : DynamicalSystem, or list/tuple/dict of them
        Children, keyed by their names.
    name : str, optional
        The container's name.
    **ds_dict : DynamicalSystem
        Children, keyed by the keywords.

    Raises
    ------
    ModelBuildError
        If a child is not a ``DynamicalSystem``.
    """

    def __init__(self, *ds_tuple: Any, name: str | None = None, **ds_dict: Any) -> None:
        super().__init__(name=name)
        children: dict[str, DynamicalSystem] = {}
        for item in ds_tuple:
            for ds in _flatten_children(item):
                children[ds.name] = _check_child(ds, ds.name)
        for key, ds in ds_dict.items():
            children[key] = _check_child(ds, key)
        self.register_implicit_nodes(children)

    def __getattr__(self, item: str) -> Any:
        # called only when normal lookup fails: children given to the constructor
        nodes = self.__dict__.get("implicit_nodes")
        if nodes is not None and item in nodes:
            return nodes[item]
        raise AttributeError(f"{type(self).__name__!r} object ({self.__dict__.get('_name')}) has no attribute {item!r}")

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Step every direct child once: other systems, then neuron groups, then delays.

        Parameters
        ----------
        _t : float
            The current time (ms).
        _dt : float
            The time step (ms).
        """
        for node in self._ordered_children():
            node.update(_t, _dt)

    def _ordered_children(self) -> list[DynamicalSystem]:
        from brainpy.dyn._delay import ConstantDelay

        nodes = self.nodes(method="relative", level=1, include_self=False).subset(DynamicalSystem).unique()
        groups: tuple[list, list, list] = ([], [], [])
        for node in nodes.values():
            rank = 2 if isinstance(node, ConstantDelay) else 1 if isinstance(node, NeuGroup) else 0
            groups[rank].append(node)
        return groups[0] + groups[1] + groups[2]

    def reset(self) -> None:
        r"""Reset every direct child (each calls its own ``reset``)."""
        for node in self._ordered_children():
            node.reset()


class Network(Container):
    r"""Base class to model network objects, an alias of Container.

    Parameters
    ----------
    *ds_tuple : DynamicalSystem
        Children, keyed by their names.
    name : str, optional
        The network's name.
    **ds_dict : DynamicalSystem
        Children, keyed by the keywords (``bp.dyn.Network(E2E, E=E, I=I)``).
    """


def _flatten_children(item: Any) -> list[Any]:
    if isinstance(item, dict):
        return list(item.values())
    if isinstance(item, (list, tuple)):
        return [x for sub in item for x in _flatten_children(sub)]
    return [item]


def _check_child(ds: Any, key: str) -> DynamicalSystem:
    if not isinstance(ds, DynamicalSystem):
        raise ModelBuildError(
            f"Container children must be brainpy.dyn.DynamicalSystem instances, but {key!r} is a "
            f"{type(ds).__name__}: {ds!r}. Pass neuron groups, synapses or other systems."
        )
    return ds


def size2tuple(size: Any, what: str = "size") -> tuple[int, ...]:
    r"""Normalise a group geometry (an int or a sequence of ints) to a tuple of positive ints."""
    if isinstance(size, (int, np.integer)) and not isinstance(size, bool):
        dims: tuple[int, ...] = (int(size),)
    elif (
        isinstance(size, Sequence)
        and not isinstance(size, str)
        and len(size) > 0
        and all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in size)
    ):
        dims = tuple(int(s) for s in size)
    else:
        raise ModelBuildError(
            f"{what}={size!r} is not a group geometry; expected an int (the number of neurons) or a "
            f"tuple/list of ints (e.g. {what}=(10, 10))."
        )
    if any(d <= 0 for d in dims):
        raise ModelBuildError(f"{what}={size!r} has a non-positive dimension; every dimension must be >= 1.")
    return dims


class NeuGroup(DynamicalSystem):
    r"""Base class to model neuronal groups.

    A neuron group is a population of ``num`` neurons with a geometry
    ``size``. A subclass creates its Variables with ``self.num`` elements (or
    ``self.size``) and implements ``update(_t, _dt)``.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group: ``10`` neurons, or a ``(10, 10)`` grid.
    name : str, optional
        The group's name.

    Attributes
    ----------
    size : tuple of int
        The geometry, always a tuple.
    num : int
        The number of neurons, the product of ``size``.

    Raises
    ------
    ModelBuildError
        If ``size`` is not a positive int or a tuple of positive ints.
    """

    def __init__(self, size: int | Sequence[int], name: str | None = None) -> None:
        self.size = size2tuple(size)
        self.num = math.prod(self.size)
        super().__init__(name=name)

    @property
    def shape(self) -> tuple[int, ...]:
        r"""The geometry of the group (same as :attr:`size`)."""
        return self.size


class TwoEndConn(DynamicalSystem):
    r"""Base class to model two-end synaptic connections.

    Parameters
    ----------
    pre : NeuGroup
        The pre-synaptic neuron group.
    post : NeuGroup
        The post-synaptic neuron group.
    conn : Connector, array_like or dict, optional
        How ``pre`` connects to ``post``: a connector (``bp.conn.FixedProb(0.1)``),
        which is built here with ``conn(pre.size, post.size)``; a boolean
        connection matrix of shape ``(pre.num, post.num)``; or a dict
        ``{'i': pre_ids, 'j': post_ids}``. Available as ``self.conn``.
    name : str, optional
        The synapse's name.

    Raises
    ------
    ModelBuildError
        If ``pre``/``post`` are not neuron groups or ``conn`` is of an unknown kind.
    """

    def __init__(self, pre: NeuGroup, post: NeuGroup, conn: Any = None, name: str | None = None) -> None:
        for what, group in (("pre", pre), ("post", post)):
            if not isinstance(group, NeuGroup):
                raise ModelBuildError(
                    f"{type(self).__name__}: '{what}' must be a brainpy.dyn.NeuGroup (a neuron group), but "
                    f"got a {type(group).__name__}: {group!r}."
                )
        self.pre = pre
        self.post = post
        self.conn = _build_conn(conn, pre, post, type(self).__name__)
        super().__init__(name=name)

    def _check_attrs(self, which: str, group: NeuGroup, attrs: tuple[str, ...]) -> None:
        for attr in attrs:
            if not isinstance(attr, str):
                raise ModelBuildError(f"check_{which}_attrs() expects attribute names (str), but got {attr!r}.")
            if not hasattr(group, attr):
                raise ModelBuildError(
                    f"{self.name} ({type(self).__name__}) needs the attribute {attr!r} in its {which}-synaptic "
                    f"group {group.name} ({type(group).__name__}), which does not have it. Use a {which}-synaptic "
                    f"model that defines {attr!r}."
                )

    def check_pre_attrs(self, *attrs: str) -> None:
        r"""Check that the pre-synaptic group has the attributes ``attrs`` (e.g. ``'spike'``).

        Raises
        ------
        ModelBuildError
            Naming the synapse, the group and the missing attribute.
        """
        self._check_attrs("pre", self.pre, attrs)

    def check_post_attrs(self, *attrs: str) -> None:
        r"""Check that the post-synaptic group has the attributes ``attrs`` (e.g. ``'input', 'V'``).

        Raises
        ------
        ModelBuildError
            Naming the synapse, the group and the missing attribute.
        """
        self._check_attrs("post", self.post, attrs)


def _build_conn(conn: Any, pre: NeuGroup, post: NeuGroup, owner: str) -> Any:
    from brainpy import connect

    if conn is None:
        return None
    if isinstance(conn, connect.TwoEndConnector):
        return conn(pre.size, post.size)
    if isinstance(conn, connect.Connector):
        raise ModelBuildError(f"{owner}: conn={conn!r} is not a two-end connector (pre -> post).")
    if isinstance(conn, dict) and {"i", "j"} <= set(conn):
        return connect.IJConn(i=conn["i"], j=conn["j"])(pre.size, post.size)
    if isinstance(conn, np.ndarray) or hasattr(conn, "__jax_array__") or hasattr(conn, "__array__"):
        mat = np.asarray(conn)
        if mat.shape != (pre.num, post.num):
            raise ModelBuildError(
                f"{owner}: the connection matrix has shape {mat.shape}, but (pre.num, post.num) = "
                f"{(pre.num, post.num)}."
            )
        return connect.MatConn(mat)(pre.size, post.size)
    raise ModelBuildError(
        f"{owner}: conn={conn!r} is not a connection; expected a connector (bp.conn.All2All(), "
        f"bp.conn.FixedProb(0.1), ...), a (pre.num, post.num) boolean matrix or a dict with 'i' and 'j'."
    )
