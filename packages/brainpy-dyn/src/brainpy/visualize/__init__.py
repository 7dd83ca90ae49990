r"""``brainpy.visualize``: plotting recorded trajectories with matplotlib.

* :func:`get_figure`: a figure and a grid of subplot slots;
* :func:`line_plot`: trajectories against time;
* :func:`raster_plot`: spike rasters;
* :func:`animate_1D`, :func:`animate_2D`: animations;
* :func:`plot_style1`: a plain style for papers.

matplotlib is imported inside the functions (install ``brainpy-dyn[plot]``).
"""

from brainpy.visualize._animation import animate_1D, animate_2D
from brainpy.visualize._plots import get_figure, line_plot, plot_style1, raster_plot

__all__ = ["get_figure", "line_plot", "raster_plot", "animate_1D", "animate_2D", "plot_style1"]
