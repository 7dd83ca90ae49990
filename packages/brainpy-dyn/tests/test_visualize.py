"""brainpy.visualize: what is drawn, on the non-interactive Agg backend (nothing blocks)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import brainpy as bp  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    plt.close("all")  # a figure left by a test of another module (same xdist worker) must not be drawn on
    yield
    plt.close("all")


def test_get_figure_grid_and_size():
    fig, gs = bp.visualize.get_figure(2, 1, 3, 8)
    assert tuple(fig.get_size_inches()) == (8.0, 6.0)
    assert gs.get_geometry() == (2, 1)
    ax = fig.add_subplot(gs[1, 0])
    assert ax in fig.axes


def test_line_plot_ids_and_legend():
    ts = np.arange(5) * 0.1
    vals = np.arange(15.0).reshape(5, 3)
    ax = bp.visualize.line_plot(ts, vals, plot_ids=[0, 2], legend="V", ylabel="V", title="t", show=True)
    lines = ax.get_lines()
    assert len(lines) == 2
    np.testing.assert_array_equal(lines[1].get_ydata(), vals[:, 2])
    assert [l.get_label() for l in lines] == ["V-0", "V-2"]
    assert ax.get_legend() is not None and ax.get_ylabel() == "V" and ax.get_xlabel() == "Time (ms)"
    plt.figure()
    ax = bp.visualize.line_plot(ts, vals[:, 1])  # 1-D values, default plot_ids=[0]
    np.testing.assert_array_equal(ax.get_lines()[0].get_ydata(), vals[:, 1])
    with pytest.raises(ValueError, match="shape"):
        bp.visualize.line_plot(ts, np.zeros((4, 2)))
    with pytest.raises(ValueError, match="out of range"):
        bp.visualize.line_plot(ts, vals, plot_ids=[3])


def test_raster_plot_places_one_dot_per_spike():
    ts = np.arange(4) * 0.5
    spikes = np.zeros((4, 3), dtype=bool)
    spikes[1, 0] = spikes[3, 2] = spikes[3, 1] = True
    ax = bp.visualize.raster_plot(ts, spikes, title="raster", show=False)
    line = ax.get_lines()[0]
    pts = sorted(zip(line.get_xdata(), line.get_ydata()))
    assert pts == [(0.5, 0), (1.5, 1), (1.5, 2)]
    assert ax.get_title() == "raster" and ax.get_ylabel() == "Neuron index"


def test_animations_build_frames_and_save_gif(tmp_path):
    values = np.random.default_rng(0).random((6, 20))
    anim = bp.visualize.animate_1D(
        dynamical_vars={"ys": values, "legend": "u"},
        static_vars={"ys": values.mean(0), "legend": "mean"},
        dt=0.1,
        frame_step=2,
        show=False,
        save_path=str(tmp_path / "a.gif"),
    )
    assert (tmp_path / "a.gif").stat().st_size > 0
    anim._func(4)
    line = anim._fig.axes[0].get_lines()[1]
    np.testing.assert_array_equal(line.get_ydata(), values[4])
    anim2 = bp.visualize.animate_2D(
        values.reshape(6, 4, 5), net_size=(4, 5), dt=0.1, show=False, save_path=str(tmp_path / "b.gif")
    )
    anim2._func(3)
    np.testing.assert_array_equal(np.asarray(anim2._fig.axes[0].images[0].get_array()), values[3].reshape(4, 5))
    with pytest.raises(ValueError, match="net_size"):
        bp.visualize.animate_2D(values, net_size=(3, 3), show=False)
    with pytest.raises(ValueError, match="gif"):
        bp.visualize.animate_1D(values, show=False, save_path=str(tmp_path / "a.avi"))


def test_plot_style1_sets_rcparams():
    with matplotlib.rc_context():
        bp.visualize.plot_style1(fontsize=11, figsize="3,2", lw=2)
        assert matplotlib.rcParams["font.size"] == 11
        assert tuple(matplotlib.rcParams["figure.figsize"]) == (3.0, 2.0)
        assert matplotlib.rcParams["lines.linewidth"] == 2
