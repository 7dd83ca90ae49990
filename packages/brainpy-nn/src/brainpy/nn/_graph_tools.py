r"""Graph tools for node graphs: senders and receivers, entries and exits, cycles, paths.

Edges are ``(sender, receiver)`` pairs of hashable nodes. Results keep the
order in which nodes first appear, so that everything built on them
(topological orders, network representations) is deterministic.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from brainpy.errors import InvalidArgumentError

__all__ = ["find_senders_and_receivers", "find_entries_and_exits", "detect_cycle", "detect_path", "topological_sort"]


def find_senders_and_receivers(edges: Iterable[tuple[Any, Any]]) -> tuple[dict, dict]:
    r"""Find all senders and receivers in the given graph.

    Parameters
    ----------
    edges : iterable of (sender, receiver)
        The directed edges.

    Returns
    -------
    senders : dict
        ``receiver -> [its senders]``.
    receivers : dict
        ``sender -> [its receivers]``.
    """
    senders: dict[Any, list] = {}
    receivers: dict[Any, list] = {}
    for s, r in edges:
        senders.setdefault(r, [])
        if s not in senders[r]:
            senders[r].append(s)
        receivers.setdefault(s, [])
        if r not in receivers[s]:
            receivers[s].append(r)
    return senders, receivers


def find_entries_and_exits(
    nodes: Sequence[Any], ff_edges: Iterable[tuple[Any, Any]], fb_edges: Iterable[tuple[Any, Any]] = ()
) -> tuple[list, list]:
    r"""Find input nodes and output nodes.

    An entry (input) node has no feedforward sender; an exit (output) node has
    no feedforward receiver. Feedback edges do not change either role; they
    are only checked to link nodes of ``nodes``.

    Parameters
    ----------
    nodes : sequence
        All nodes of the graph.
    ff_edges, fb_edges : iterable of (sender, receiver)
        Feedforward and feedback edges.

    Returns
    -------
    entries, exits : list
    """
    ff_senders, ff_receivers = find_senders_and_receivers(ff_edges)
    known = set(nodes)
    for s, r in list(fb_edges):
        for n in (s, r):
            if n not in known:
                raise InvalidArgumentError(
                    f"The feedback edge ({s!r}, {r!r}) uses {n!r}, which is not a node of the graph."
                )
    entries = [n for n in nodes if not ff_senders.get(n)]
    exits = [n for n in nodes if not ff_receivers.get(n)]
    return entries, exits


def topological_sort(nodes: Sequence[Hashable], edges: Iterable[tuple[Any, Any]]) -> list | None:
    r"""Order ``nodes`` so that every sender precedes its receivers (Kahn's algorithm).

    Ties keep the order of ``nodes``. Returns ``None`` if the edges contain a cycle.
    """
    _, receivers = find_senders_and_receivers(edges)
    indegree = {n: 0 for n in nodes}
    for rs in receivers.values():
        for r in rs:
            indegree[r] = indegree.get(r, 0) + 1
    position = {n: i for i, n in enumerate(nodes)}
    ready = [n for n in nodes if indegree[n] == 0]
    order = []
    while ready:
        ready.sort(key=lambda n: position.get(n, len(position)))
        n = ready.pop(0)
        order.append(n)
        for r in receivers.get(n, ()):
            indegree[r] -= 1
            if indegree[r] == 0:
                ready.append(r)
    if len(order) != len(indegree):
        return None
    return order


def detect_cycle(nodes: Sequence[Hashable], edges: Iterable[tuple[Any, Any]]) -> bool:
    r"""Detect whether a cycle exists in the defined graph.

    Parameters
    ----------
    nodes : sequence
        The nodes of the graph.
    edges : iterable of (sender, receiver)
        The directed edges.

    Returns
    -------
    bool
        True if the edges contain a directed cycle.
    """
    edges = list(edges)
    all_nodes = list(nodes)
    for s, r in edges:
        for n in (s, r):
            if n not in all_nodes:
                all_nodes.append(n)
    return topological_sort(all_nodes, edges) is None


def detect_path(from_node: Any, to_node: Any, edges: Iterable[tuple[Any, Any]], method: str = "dfs") -> bool:
    r"""Detect whether there is a path exist in the defined graph from ``from_node`` to ``to_node``.

    Parameters
    ----------
    from_node, to_node : node
        The start and the end of the path.
    edges : iterable of (sender, receiver)
        The directed edges.
    method : {'dfs', 'bfs'}
        Depth-first or breadth-first search (the answer is the same).

    Returns
    -------
    bool
    """
    if method not in ("dfs", "bfs"):
        raise InvalidArgumentError(f"method must be 'dfs' or 'bfs', but got {method!r}.")
    _, receivers = find_senders_and_receivers(edges)
    frontier = [from_node]
    seen = {from_node}
    while frontier:
        node = frontier.pop() if method == "dfs" else frontier.pop(0)
        for nxt in receivers.get(node, ()):
            if nxt is to_node or nxt == to_node:
                return True
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return False
