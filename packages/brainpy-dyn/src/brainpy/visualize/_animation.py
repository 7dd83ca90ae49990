r"""Animations of recorded trajectories: ``animate_1D`` and ``animate_2D`` (matplotlib).

Both return the ``matplotlib.animation.FuncAnimation``; ``save_path`` writes a
``.gif`` (Pillow) or a ``.mp4`` (ffmpeg) file, ``show=True`` calls
``plt.show()`` (non-blocking with a non-interactive backend).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from brainpy.errors import InvalidArgumentError
from brainpy.visualize._plots import _pyplot

__all__ = ["animate_1D", "animate_2D"]


def _as_items(data: Any, what: str, ndim: int) -> list[dict]:
    if data is None:
        return []
    if isinstance(data, Mapping) and "ys" in data:
        data = [data]
    elif isinstance(data, Mapping):
        data = [{"ys": v, "legend": k} for k, v in data.items()]
    elif not isinstance(data, Sequence) or (len(data) and not isinstance(data[0], Mapping)):
        data = [{"ys": data}]
    items = []
    for i, item in enumerate(data):
        if not isinstance(item, Mapping) or "ys" not in item:
            raise InvalidArgumentError(
                f"{what}[{i}] must be a dict with key 'ys' (and optionally 'xs', 'legend'), got {item!r}."
            )
        ys = np.asarray(item["ys"])
        if ys.ndim != ndim:
            raise InvalidArgumentError(f"{what}[{i}]['ys'] must be {ndim}-D, but has shape {ys.shape}.")
        xs = np.arange(ys.shape[-1]) if item.get("xs") is None else np.asarray(item["xs"])
        if xs.shape != (ys.shape[-1],):
            raise InvalidArgumentError(
                f"{what}[{i}]['xs'] must have shape ({ys.shape[-1]},), but has shape {xs.shape}."
            )
        items.append({"ys": ys, "xs": xs, "legend": item.get("legend")})
    return items


def _check_path(save_path: str | None) -> None:
    if save_path is not None and not str(save_path).endswith((".gif", ".mp4")):
        raise InvalidArgumentError(f"save_path must end with '.gif' or '.mp4', but got {save_path!r}.")


def _save(anim: Any, save_path: str | None, frame_delay: float, gif_dpi: Any, video_fps: Any) -> None:
    if save_path is None:
        return
    from matplotlib import animation

    fps = video_fps or max(1, round(1000.0 / frame_delay))
    if save_path.endswith(".gif"):
        anim.save(save_path, writer=animation.PillowWriter(fps=fps), dpi=gif_dpi)
    elif save_path.endswith(".mp4"):
        if not animation.FFMpegWriter.isAvailable():
            raise RuntimeError("Saving .mp4 needs ffmpeg on the PATH; save a .gif instead.")
        anim.save(save_path, writer=animation.FFMpegWriter(fps=fps))
    else:
        raise ValueError(f"save_path must end with '.gif' or '.mp4', but got {save_path!r}.")


def animate_1D(
    dynamical_vars: Any,
    static_vars: Any = (),
    dt: float | None = None,
    xlim: Any = None,
    ylim: Any = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    frame_delay: float = 50.0,
    frame_step: int = 1,
    title_size: float = 10,
    figsize: Any = None,
    gif_dpi: Any = None,
    video_fps: Any = None,
    save_path: str | None = None,
    show: bool = True,
) -> Any:
    r"""Animate 1-D profiles that change over time (one frame per recorded step).

    Parameters
    ----------
    dynamical_vars : array, dict or list of dicts
        The changing profiles: an array of shape ``(T, N)``, a dict
        ``{'ys': (T, N) array, 'xs': (N,) array, 'legend': str}``, a list of such
        dicts, or a dict ``legend -> (T, N) array``.
    static_vars : array, dict or list of dicts
        Fixed profiles drawn in every frame (``'ys'`` of shape ``(N,)``).
    dt : float, optional
        The time step of the frames (ms), for the titles. Default ``bm.get_dt()``.
    xlim, ylim : (float, float), optional
        Default: the data range.
    xlabel, ylabel : str, optional
    frame_delay : float
        Milliseconds between frames. Default 50.
    frame_step : int
        Show every ``frame_step``-th time step. Default 1.
    title_size : float
        Font size of the title (the time).
    figsize : (float, float), optional
    gif_dpi, video_fps : optional
        Resolution of a saved GIF and frame rate of a saved video.
    save_path : str, optional
        Write the animation to a ``.gif`` or ``.mp4`` file.
    show : bool
        Call ``plt.show()``. Default True.

    Returns
    -------
    matplotlib.animation.FuncAnimation
    """
    plt = _pyplot()
    import brainpy.math as bm
    from matplotlib import animation

    _check_path(save_path)
    dyn = _as_items(dynamical_vars, "dynamical_vars", 2)
    static = _as_items(static_vars, "static_vars", 1)
    if not dyn:
        raise InvalidArgumentError("animate_1D needs at least one dynamical variable.")
    num_steps = dyn[0]["ys"].shape[0]
    if any(d["ys"].shape[0] != num_steps for d in dyn):
        raise InvalidArgumentError("animate_1D: every dynamical variable must have the same number of time steps.")
    dt = bm.get_dt() if dt is None else dt
    fig, ax = plt.subplots(figsize=figsize)
    all_ys = np.concatenate([d["ys"].ravel() for d in dyn] + [s["ys"].ravel() for s in static])
    all_xs = np.concatenate([d["xs"] for d in dyn + static])
    ax.set_xlim(xlim if xlim is not None else (all_xs.min(), all_xs.max() + 1e-12))
    pad = 0.05 * (all_ys.max() - all_ys.min() + 1e-12)
    ax.set_ylim(ylim if ylim is not None else (all_ys.min() - pad, all_ys.max() + pad))
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    for s in static:
        ax.plot(s["xs"], s["ys"], label=s["legend"])
    lines = [ax.plot(d["xs"], d["ys"][0], label=d["legend"])[0] for d in dyn]
    if any(d["legend"] for d in dyn + static):
        ax.legend()
    title = ax.set_title("", fontsize=title_size)

    def frame(k: int) -> list:
        for line, d in zip(lines, dyn):
            line.set_ydata(d["ys"][k])
        title.set_text(f"Time: {k * dt:.2f} ms")
        return [*lines, title]

    anim = animation.FuncAnimation(
        fig, frame, frames=range(0, num_steps, int(frame_step)), interval=frame_delay, blit=False, repeat=False
    )
    _save(anim, save_path, frame_delay, gif_dpi, video_fps)
    if show:
        plt.show()
    return anim


def animate_2D(
    values: Any,
    net_size: tuple[int, int],
    dt: float | None = None,
    val_min: float | None = None,
    val_max: float | None = None,
    cmap: Any = None,
    frame_delay: float = 10.0,
    frame_step: int = 1,
    title_size: float = 10,
    figsize: Any = None,
    gif_dpi: Any = None,
    video_fps: Any = None,
    save_path: str | None = None,
    show: bool = True,
) -> Any:
    r"""Animate the activity of a 2-D grid of neurons as an image per time step.

    Parameters
    ----------
    values : array_like, shape (T, H * W) or (T, H, W)
        The recorded values (e.g. ``runner.mon.V`` of a ``(H, W)`` group).
    net_size : (int, int)
        The grid ``(H, W)``.
    dt : float, optional
        The time step of the frames (ms), for the titles. Default ``bm.get_dt()``.
    val_min, val_max : float, optional
        The colour scale. Default: the data range.
    cmap : str or Colormap, optional
        The colour map. Default matplotlib's.
    frame_delay : float
        Milliseconds between frames. Default 10.
    frame_step : int
        Show every ``frame_step``-th time step. Default 1.
    title_size, figsize, gif_dpi, video_fps, save_path, show
        As in :func:`animate_1D`.

    Returns
    -------
    matplotlib.animation.FuncAnimation
    """
    plt = _pyplot()
    import brainpy.math as bm
    from matplotlib import animation

    _check_path(save_path)
    height, width = (int(n) for n in net_size)
    data = np.asarray(values)
    if data.ndim < 2 or data[0].size != height * width:
        raise InvalidArgumentError(
            f"animate_2D: values must have shape (T, {height * width}) or (T, {height}, {width}) for "
            f"net_size={tuple(net_size)}, but has shape {data.shape}."
        )
    data = data.reshape((data.shape[0], height, width))
    dt = bm.get_dt() if dt is None else dt
    fig, ax = plt.subplots(figsize=figsize)
    image = ax.imshow(
        data[0],
        cmap=cmap,
        vmin=data.min() if val_min is None else val_min,
        vmax=data.max() if val_max is None else val_max,
    )
    fig.colorbar(image, ax=ax)
    title = ax.set_title("", fontsize=title_size)

    def frame(k: int) -> list:
        image.set_data(data[k])
        title.set_text(f"Time: {k * dt:.2f} ms")
        return [image, title]

    anim = animation.FuncAnimation(
        fig, frame, frames=range(0, data.shape[0], int(frame_step)), interval=frame_delay, blit=False, repeat=False
    )
    _save(anim, save_path, frame_delay, gif_dpi, video_fps)
    if show:
        plt.show()
    return anim
