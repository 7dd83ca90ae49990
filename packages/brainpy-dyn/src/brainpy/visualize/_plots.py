r"""Static figures: ``get_figure``, ``line_plot``, ``raster_plot`` and the plot style.

matplotlib is optional: it is imported inside each function. With
``show=False`` nothing blocks; ``show=True`` calls ``plt.show()``, which does
not block with a non-interactive backend (``Agg``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from brainpy.errors import InvalidArgumentError, PackageMissingError

__all__ = ["get_figure", "line_plot", "raster_plot", "plot_style1"]


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - matplotlib is installed here
        raise PackageMissingError(
            "brainpy.visualize needs matplotlib. Install it with: python3 -m pip install matplotlib "
            "(or the extra: brainpy-dyn[plot])."
        ) from exc
    return plt


def get_figure(row_num: int, col_num: int, row_len: float = 3, col_len: float = 6) -> tuple[Any, Any]:
    r"""Create a figure with a ``row_num`` x ``col_num`` grid of subplot slots.

    Parameters
    ----------
    row_num, col_num : int
        The grid's numbers of rows and columns.
    row_len : float
        The height of one row (inches). Default 3.
    col_len : float
        The width of one column (inches). Default 6.

    Returns
    -------
    (matplotlib.figure.Figure, matplotlib.gridspec.GridSpec)
        Add axes with ``fig.add_subplot(gs[i, j])``.
    """
    plt = _pyplot()
    from matplotlib.gridspec import GridSpec

    fig = plt.figure(figsize=(col_num * col_len, row_num * row_len), constrained_layout=True)
    gs = GridSpec(row_num, col_num, figure=fig)
    return fig, gs


def _finish(ax: Any, xlim: Any, ylim: Any, xlabel: Any, ylabel: Any, title: Any, legend: bool, show: bool) -> None:
    plt = _pyplot()
    if xlim is not None:
        ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if legend:
        ax.legend()
    if show:
        plt.show()


def line_plot(
    ts: Any,
    val_matrix: Any,
    plot_ids: int | Sequence[int] | None = None,
    ax: Any = None,
    xlim: Any = None,
    ylim: Any = None,
    xlabel: str = "Time (ms)",
    ylabel: str | None = None,
    legend: str | None = None,
    title: str | None = None,
    show: bool = False,
) -> Any:
    r"""Plot the trajectories of some elements of a recorded variable against time.

    Parameters
    ----------
    ts : array_like, shape (T,)
        The times (``runner.mon.ts``).
    val_matrix : array_like, shape (T,) or (T, N)
        The recorded values (``runner.mon.V``).
    plot_ids : int or sequence of int, optional
        The columns to plot. Default: ``[0]``.
    ax : matplotlib Axes, optional
        Where to draw. Default: the current axes.
    xlim, ylim : (float, float), optional
    xlabel, ylabel, title : str, optional
    legend : str, optional
        A label prefix; line ``i`` is labelled ``f'{legend}-{i}'`` and a legend is drawn.
    show : bool
        Call ``plt.show()`` at the end. Default False.

    Returns
    -------
    matplotlib Axes
    """
    plt = _pyplot()
    ts = np.asarray(ts)
    values = np.asarray(val_matrix)
    if values.ndim == 1:
        values = values.reshape((-1, 1))
    if values.ndim != 2 or values.shape[0] != ts.shape[0]:
        raise InvalidArgumentError(
            f"line_plot: val_matrix must have shape (len(ts),) or (len(ts), N) = ({ts.shape[0]}, N), but it "
            f"has shape {np.shape(val_matrix)}."
        )
    if plot_ids is None:
        plot_ids = [0]
    elif isinstance(plot_ids, (int, np.integer)):
        plot_ids = [int(plot_ids)]
    plot_ids = [int(i) for i in np.asarray(plot_ids).reshape(-1)]
    bad = [i for i in plot_ids if not -values.shape[1] <= i < values.shape[1]]
    if bad:
        raise InvalidArgumentError(f"line_plot: plot_ids {bad} are out of range for {values.shape[1]} columns.")
    ax = plt.gca() if ax is None else ax
    for i in plot_ids:
        ax.plot(ts, values[:, i], label=f"{legend}-{i}" if legend else None)
    _finish(ax, xlim, ylim, xlabel, ylabel, title, bool(legend), show)
    return ax


def raster_plot(
    ts: Any,
    sp_matrix: Any,
    ax: Any = None,
    marker: str = ".",
    markersize: float = 2,
    color: str = "k",
    xlabel: str = "Time (ms)",
    ylabel: str = "Neuron index",
    xlim: Any = None,
    ylim: Any = None,
    title: str | None = None,
    show: bool = False,
) -> Any:
    r"""Draw the spikes of a population: a dot at (spike time, neuron index) for every spike.

    Parameters
    ----------
    ts : array_like, shape (T,)
        The times (``runner.mon.ts``).
    sp_matrix : array_like, shape (T, N)
        The recorded spikes (booleans, or numbers where nonzero is a spike).
    ax : matplotlib Axes, optional
        Where to draw. Default: the current axes.
    marker, markersize, color
        The dot style.
    xlabel, ylabel, title : str, optional
    xlim, ylim : (float, float), optional
        Default ``xlim``: ``(ts[0] - 0.1, ts[-1] + 0.1)``.
    show : bool
        Call ``plt.show()`` at the end. Default False.

    Returns
    -------
    matplotlib Axes
    """
    plt = _pyplot()
    ts = np.asarray(ts)
    spikes = np.asarray(sp_matrix)
    if spikes.ndim == 1:
        spikes = spikes.reshape((-1, 1))
    if spikes.ndim != 2 or spikes.shape[0] != ts.shape[0]:
        raise InvalidArgumentError(
            f"raster_plot: sp_matrix must have shape (len(ts), N) = ({ts.shape[0]}, N), but it has shape "
            f"{np.shape(sp_matrix)}."
        )
    time_idx, neuron_idx = np.nonzero(spikes)
    ax = plt.gca() if ax is None else ax
    ax.plot(ts[time_idx], neuron_idx, marker, markersize=markersize, color=color, linestyle="none")
    if xlim is None and ts.size:
        xlim = (ts[0] - 0.1, ts[-1] + 0.1)
    _finish(ax, xlim, ylim, xlabel, ylabel, title, False, show)
    return ax


def plot_style1(
    fontsize: float = 22, axes_edgecolor: str = "black", figsize: str | tuple = "5,4", lw: float = 1
) -> None:
    r"""Set matplotlib's ``rcParams`` to a plain, large-font style for figures in papers.

    Parameters
    ----------
    fontsize : float
        Font size of labels, ticks and legends. Default 22.
    axes_edgecolor : str
        The colour of the axes' frame. Default ``'black'``.
    figsize : str or (float, float)
        Figure size in inches, ``'w,h'`` or a tuple. Default ``'5,4'``.
    lw : float
        Line width of the axes and lines. Default 1.
    """
    import matplotlib as mpl

    if isinstance(figsize, str):
        figsize = tuple(float(x) for x in figsize.split(","))
    mpl.rcParams.update(
        {
            "axes.edgecolor": axes_edgecolor,
            "axes.linewidth": lw,
            "lines.linewidth": lw,
            "font.size": fontsize,
            "axes.labelsize": fontsize,
            "axes.titlesize": fontsize,
            "xtick.labelsize": fontsize,
            "ytick.labelsize": fontsize,
            "legend.fontsize": fontsize,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "figure.figsize": figsize,
        }
    )
