r"""Drawing a node graph with NetworkX and Matplotlib (both imported on use)."""

from __future__ import annotations

from typing import Any

from brainpy.errors import InvalidArgumentError, PackageMissingError

__all__ = ["plot_node_graph"]

_COLORS = {"input": "#2ca02c", "hidden": "#1f77b4", "output": "#d62728"}


def plot_node_graph(
    net: Any,
    fig_size: tuple = (10, 10),
    node_size: int = 1000,
    arrow_size: int = 20,
    layout: str = "shell_layout",
    show: bool = True,
    legends: Any = None,
    ax: Any = None,
) -> Any:
    r"""Draw ``net``'s nodes, feedforward edges (solid) and feedback edges (dashed).

    See :meth:`brainpy.nn.Network.plot_node_graph` for the parameters.
    """
    try:
        import networkx as nx
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise PackageMissingError(
            "plot_node_graph() needs networkx. Install it: pip install networkx (or brainpy-nn[graph])."
        ) from e
    try:
        import matplotlib.pyplot as plt
        from matplotlib.lines import Line2D
    except ImportError as e:  # pragma: no cover
        raise PackageMissingError("plot_node_graph() needs matplotlib. Install it: pip install matplotlib.") from e

    layout_fn = getattr(nx, layout, None) if isinstance(layout, str) and layout.endswith("_layout") else None
    if layout_fn is None:
        raise InvalidArgumentError(
            f"layout={layout!r} is not a NetworkX layout; use e.g. 'shell_layout', "
            f"'spring_layout', 'circular_layout' or 'spectral_layout'."
        )
    graph = nx.DiGraph()
    names = [n.name for n in net.lnodes]
    graph.add_nodes_from(names)
    ff = [(s.name, r.name) for s, r in net.ff_edges]
    fb = [(s.name, r.name) for s, r in net.fb_edges]
    graph.add_edges_from(ff + fb)
    entries = {n.name for n in net.entry_nodes}
    exits = {n.name for n in net.exit_nodes}
    roles = {name: "input" if name in entries else ("output" if name in exits else "hidden") for name in names}
    if ax is None:
        fig = plt.figure(figsize=fig_size)
        ax = fig.add_subplot(111)
    pos = layout_fn(graph)
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=node_size, node_color=[_COLORS[roles[n]] for n in graph.nodes])
    nx.draw_networkx_labels(graph, pos, ax=ax)
    if ff:
        nx.draw_networkx_edges(
            graph, pos, edgelist=ff, ax=ax, node_size=node_size, arrowsize=arrow_size, edge_color="black", arrows=True
        )
    if fb:
        nx.draw_networkx_edges(
            graph,
            pos,
            edgelist=fb,
            ax=ax,
            node_size=node_size,
            arrowsize=arrow_size,
            edge_color="darkorange",
            style="dashed",
            arrows=True,
            connectionstyle="arc3,rad=0.2",
        )
    handles = [
        Line2D([], [], marker="o", ls="", color=c, label=f"{k} node") for k, c in _COLORS.items() if k in roles.values()
    ]
    handles.append(Line2D([], [], color="black", label="feedforward"))
    if fb:
        handles.append(Line2D([], [], color="darkorange", ls="--", label="feedback"))
    ax.legend(handles=handles, loc=legends or "best")
    ax.axis("off")
    if show:
        plt.show()
    return ax
