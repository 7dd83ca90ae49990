r"""The example plugin's initializer: a triangular (linear) distance-decay profile.

It shows what an initializer plugin needs: a subclass of one of the public base classes
(``bp.init.InterLayerInitializer`` or ``bp.init.IntraLayerInitializer``) implementing
``__call__(shape, dtype=None)``, returned by the ``brainpy_initializers`` hook. Once the
plugin is installed it is reachable as ``bp.init.TriangularDecay``.
"""

from __future__ import annotations

from typing import Any

import brainpy.math as bm
import numpy as np
from brainpy.initialize import IntraLayerInitializer

__all__ = ["TriangularDecay"]


class TriangularDecay(IntraLayerInitializer):
    r"""Weights within a population that fall linearly with the distance between neurons.

    Neurons of a population of shape :math:`(n_1, \dots, n_d)` (flattened in row-major
    order) sit on the integer grid. For neurons :math:`i, j` at Euclidean distance
    :math:`r_{ij}`,

    .. math:: w(i, j) = w_{\max} \max\Big(0,\ 1 - \frac{r_{ij}}{R}\Big),

    so the weight is :math:`w_{\max}` at distance zero and vanishes from distance :math:`R`
    on. With ``include_self=False`` the diagonal is zero.

    Parameters
    ----------
    max_w : float
        The weight :math:`w_{\max}` at distance zero.
    width : float
        The distance :math:`R` at which the weights reach zero. Must be positive.
    include_self : bool
        Whether neurons connect to themselves. Default ``True``.

    Examples
    --------
    >>> import brainpy as bp                  # with brainpy-plugin-example installed
    >>> bp.init.TriangularDecay(max_w=2., width=2.)((3,))
    JaxArray([[2., 1., 0.],
              [1., 2., 1.],
              [0., 1., 2.]], dtype=float32)
    """

    def __init__(self, max_w: float, width: float, include_self: bool = True) -> None:
        if not width > 0:
            raise ValueError(f"TriangularDecay got width={width!r}; expected a positive distance.")
        self.max_w = max_w
        self.width = width
        self.include_self = include_self

    def __call__(self, shape: Any, dtype: Any = None) -> Any:
        shape = (shape,) if isinstance(shape, int) else tuple(shape)
        grids = np.meshgrid(*[np.arange(n) for n in shape], indexing="ij")
        pos = np.stack([g.ravel() for g in grids], axis=1).astype(float)
        r = np.sqrt(((pos[:, None, :] - pos[None, :, :]) ** 2).sum(-1))
        w = self.max_w * np.maximum(0.0, 1.0 - r / self.width)
        if not self.include_self:
            np.fill_diagonal(w, 0.0)
        return bm.asarray(w, dtype=bm.get_dfloat() if dtype is None else dtype)
