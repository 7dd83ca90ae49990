r"""Node operations: the functions behind ``>>``, ``<<``, ``&`` and ``[]``.

* ``a >> b`` (:func:`ff_connect`): feedforward connection from the output
  nodes of ``a`` to the input nodes of ``b``;
* ``a << b`` (:func:`fb_connect`): feedback connection from ``b`` to ``a``,
  delivered with a delay of one step;
* ``a & b`` (:func:`merge`): all nodes and edges of both;
* ``node[index]`` (:func:`select`): a slice of the output (axis 0 is the batch);
* :func:`concatenate`: a ``Concat`` node fed by several nodes.

A list or tuple of senders is concatenated (the receiver gets all their
outputs); a set wraps nodes that take part in the operation equally, on
either side. A list or tuple of receivers is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brainpy.errors import ArgumentTypeError, ModelBuildError
from brainpy.nn._network import Network, _fb_refused
from brainpy.nn._node import Node

__all__ = ["ff_connect", "fb_connect", "merge", "select", "concatenate"]

_RECEIVER_LIST_MSG = "Cannot concatenate a list/tuple of receivers. Please use set to wrap multiple receivers instead."


def _parts(obj: Any, role: str) -> tuple[list, list, list, list]:
    """(all nodes, ff edges, fb edges, the nodes that act in ``role``: 'sender' or 'receiver')."""
    if isinstance(obj, Network):
        acting = obj.exit_nodes if role == "sender" else obj.entry_nodes
        return list(obj.lnodes), list(obj.ff_edges), list(obj.fb_edges), list(acting)
    if isinstance(obj, Node):
        return [obj], [], [], [obj]
    if isinstance(obj, (list, tuple, set, frozenset)):
        if len(obj) == 0:
            raise ModelBuildError(f"Cannot connect an empty {type(obj).__name__} of nodes.")
        nodes, ff, fb, acting = [], [], [], []
        for item in obj:
            if isinstance(item, (list, tuple, set, frozenset)):
                raise ArgumentTypeError("Nested containers of nodes are not supported; connect them step by step.")
            n, f, b, a = _parts(item, role)
            nodes += n
            ff += f
            fb += b
            acting += a
        return nodes, ff, fb, acting
    raise ArgumentTypeError(
        f"Node operations work on bp.nn.Node, Network, or a list/tuple/set of them, not {type(obj).__name__}: {obj!r}."
    )


def _result(base: Any, inplace: bool, name: str | None, nodes: list, ff: list, fb: list) -> Network:
    if inplace and isinstance(base, Network):
        base._add(nodes, ff, fb)
        return base
    return Network(nodes=nodes, ff_edges=ff, fb_edges=fb, name=name)


def ff_connect(
    senders: Any, receivers: Any, inplace: bool = False, name: str | None = None, need_detect_cycle: bool = True
) -> Network:
    r"""Connect two sequences of ``Node`` instances to form a feedforward graph.

    Parameters
    ----------
    senders : Node, Network, list, tuple or set
        The sending side; for networks, their output nodes send.
    receivers : Node, Network or set
        The receiving side; for networks, their input nodes receive.
    inplace : bool
        Add the connection to ``senders`` itself when it is a Network (``>>=``).
    name : str, optional
        The name of the new network.
    need_detect_cycle : bool
        Check that the feedforward edges stay acyclic (always done when the
        network is built; kept for compatibility).

    Returns
    -------
    Network

    Raises
    ------
    ValueError
        If ``receivers`` is a list or tuple, or if a cycle appears.
    """
    if isinstance(receivers, (list, tuple)):
        raise ValueError(_RECEIVER_LIST_MSG)  # a builtin ValueError: the spec prints its class name (L2561)
    s_nodes, s_ff, s_fb, s_act = _parts(senders, "sender")
    r_nodes, r_ff, r_fb, r_act = _parts(receivers, "receiver")
    new_edges = [(s, r) for r in r_act for s in s_act]
    return _result(senders, inplace, name, s_nodes + r_nodes, s_ff + r_ff + new_edges, s_fb + r_fb)


def fb_connect(
    senders: Any, receivers: Any, inplace: bool = False, name: str | None = None, need_detect_cycle: bool = True
) -> Network:
    r"""Create a feedback connection from ``senders`` to ``receivers``.

    ``receiver << sender`` calls ``fb_connect(sender, receiver)``. At each
    step the receivers get the senders' outputs of the previous step.

    Parameters
    ----------
    senders : Node, Network, list, tuple or set
        The sending side (for networks, their output nodes).
    receivers : Node, Network or set
        The receiving side (for networks, their output nodes); each must
        support feedback (its ``forward`` takes ``fb``).
    inplace : bool
        Add the connection to ``receivers`` itself when it is a Network (``<<=``).
    name : str, optional
        The name of the new network.
    need_detect_cycle : bool
        Kept for compatibility; feedforward cycles are always checked.

    Returns
    -------
    Network

    Raises
    ------
    ValueError
        If a receiver does not support feedback, or receivers are a list/tuple.
    """
    if isinstance(receivers, (list, tuple)):
        raise ValueError(_RECEIVER_LIST_MSG)  # a builtin ValueError: the spec prints its class name (L2561)
    s_nodes, s_ff, s_fb, s_act = _parts(senders, "sender")
    r_nodes, r_ff, r_fb, r_act = _parts(receivers, "sender")
    for r in r_act:
        if not r.support_feedback:
            raise ValueError(_fb_refused(r))  # a builtin ValueError: the spec prints its class name (L2964)
    new_edges = [(s, r) for r in r_act for s in s_act]
    return _result(receivers, inplace, name, r_nodes + s_nodes, r_ff + s_ff, r_fb + s_fb + new_edges)


def merge(
    node: Any, *other_nodes: Any, inplace: bool = False, name: str | None = None, need_detect_cycle: bool = True
) -> Network:
    r"""Merge different ``Node`` or ``Network`` instances into a single ``Network``.

    The result holds every node and every edge of the operands (``a & b``).

    Parameters
    ----------
    node : Node, Network or a container of them
        The first operand (modified when ``inplace`` and a Network, ``&=``).
    *other_nodes
        The other operands.
    inplace : bool
        Merge into ``node`` itself when it is a Network.
    name : str, optional
        The name of the new network.

    Returns
    -------
    Network
    """
    nodes, ff, fb, _ = _parts(node, "sender")
    for other in other_nodes:
        n, f, b, _ = _parts(other, "sender")
        nodes += n
        ff += f
        fb += b
    return _result(node, inplace, name, nodes, ff, fb)


def select(node: Any, index: Any, name: str | None = None) -> Network:
    r"""Select a subset of a node's output: ``node[index]``.

    Parameters
    ----------
    node : Node or Network
        The node (for a network, its one output node).
    index : int, slice, tuple, ...
        A NumPy index on the output; axis 0 is the batch axis
        (``node[:, :5]`` keeps the first 5 features).
    name : str, optional
        The name of the ``Select`` node.

    Returns
    -------
    Network
        ``node >> bp.nn.Select(index)``.
    """
    from brainpy.nn._nodes_basic import Select

    if isinstance(node, Network) and len(node.exit_nodes) != 1:
        raise ModelBuildError(
            f"Selection needs a network with one output node, but {node.name} has "
            f"{[n.name for n in node.exit_nodes]}. Select from one node instead."
        )
    return ff_connect(node, Select(index, name=name))


def concatenate(nodes: Sequence[Any], axis: int = -1, name: str | None = None) -> Network:
    r"""Concatenate the outputs of several nodes along ``axis`` into one ``Concat`` node.

    Parameters
    ----------
    nodes : sequence of Node or Network
        The nodes whose outputs are concatenated.
    axis : int
        The axis (default the feature axis, -1).
    name : str, optional
        The name of the ``Concat`` node.

    Returns
    -------
    Network
        ``list(nodes) >> bp.nn.Concat(axis)``.
    """
    from brainpy.nn._nodes_basic import Concat

    return ff_connect(list(nodes), Concat(axis=axis, name=name))
