r"""Regular (deterministic) connectors: one-to-one, all-to-all and grids."""

from __future__ import annotations

import itertools

import numpy as np
from brainpy.connect import _formats as F
from brainpy.connect._base import OneEndConnector, TwoEndConnector, remove_self
from brainpy.errors import ConnectorError

__all__ = ["One2One", "All2All", "GridFour", "GridEight", "GridN", "one2one", "all2all", "grid_four", "grid_eight"]


class One2One(TwoEndConnector):
    r"""Connect two neuron groups one by one: neuron :math:`i` to neuron :math:`i`.

    ``pre_num`` must equal ``post_num``; synapse :math:`k` joins pre neuron
    :math:`k` to post neuron :math:`k`.

    Examples
    --------
    >>> import brainpy as bp
    >>> conn = bp.conn.One2One()(pre_size=5, post_size=5)
    >>> conn.require('pre2post')[1].tolist()
    [0, 1, 2, 3, 4, 5]
    """

    def build_conn(self):
        if self.pre_num != self.post_num:
            raise ConnectorError(
                f"One2One connects neuron i to neuron i, so the sizes must have the same number of neurons; "
                f"got pre_num={self.pre_num} and post_num={self.post_num}."
            )
        return "csr", (np.arange(self.pre_num), np.arange(self.pre_num + 1))


class All2All(TwoEndConnector):
    r"""Connect each pre-synaptic neuron to all post-synaptic neurons.

    Parameters
    ----------
    include_self : bool
        Whether to keep the connections :math:`(i, i)` (for
        :math:`i < \min(n_{pre}, n_{post})`). Default True.
    """

    def __init__(self, include_self: bool = True) -> None:
        super().__init__()
        self.include_self = bool(include_self)

    def build_conn(self):
        mat = np.ones((self.pre_num, self.post_num), dtype=F.DTYPES["mat"])
        if not self.include_self:
            remove_self(mat)
        return "mat", mat


def _grid_csr(size: tuple[int, ...], offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CSR of the graph joining each grid point to the points at the given offsets."""
    num = int(np.prod(size))
    coords = np.stack(np.unravel_index(np.arange(num), size), axis=1)  # (num, ndim)
    pres, posts = [], []
    for off in offsets:
        target = coords + off
        ok = np.all((target >= 0) & (target < np.asarray(size)), axis=1)
        pres.append(np.nonzero(ok)[0])
        posts.append(np.ravel_multi_index(tuple(target[ok].T), size))
    pre = np.concatenate(pres) if pres else np.zeros(0, dtype=np.int64)
    post = np.concatenate(posts) if posts else np.zeros(0, dtype=np.int64)
    order = np.lexsort((post, pre))
    return F._idx(post[order]), F.counts_to_indptr(np.bincount(pre, minlength=num))


class GridN(OneEndConnector):
    r"""The nearest :math:`(2N+1)^D` neighbours connection on a grid.

    Neuron :math:`a` at grid coordinates :math:`x_a` connects to neuron
    :math:`b` when :math:`\max_d |x_{a,d} - x_{b,d}| \le N` (the Chebyshev
    distance). For a 2-D grid and :math:`N=1` this is :class:`GridEight`.
    Grids have no periodic boundary. The geometry is ``pre_size`` (any
    number of dimensions; the tutorials use 2-D sizes such as ``(4, 4)``).

    Parameters
    ----------
    N : int
        Neighbourhood radius. Default 1.
    include_self : bool
        Whether neuron :math:`i` connects to itself. Default False.
    """

    def __init__(self, N: int = 1, include_self: bool = False) -> None:
        super().__init__()
        if not isinstance(N, (int, np.integer)) or N < 0:
            raise ConnectorError(f"GridN needs an integer radius N >= 0; got N={N!r}.")
        self.N = int(N)
        self.include_self = bool(include_self)

    def _offsets(self, ndim: int) -> np.ndarray:
        rng = range(-self.N, self.N + 1)
        offs = [o for o in itertools.product(rng, repeat=ndim) if self.include_self or any(o)]
        return np.asarray(offs, dtype=np.int64).reshape(-1, ndim)

    def build_conn(self):
        return "csr", _grid_csr(self.pre_size, self._offsets(len(self.pre_size)))


class GridEight(GridN):
    r"""The nearest eight neighbours connection (:class:`GridN` with :math:`N=1`).

    Parameters
    ----------
    include_self : bool
        Whether neuron :math:`i` connects to itself. Default False.
    """

    def __init__(self, include_self: bool = False) -> None:
        super().__init__(N=1, include_self=include_self)


class GridFour(OneEndConnector):
    r"""The nearest four neighbours connection on a grid.

    Neuron :math:`a` connects to :math:`b` when their grid coordinates differ
    by one step along exactly one axis (Manhattan distance 1): up, down, left
    and right on a 2-D grid; two neighbours on a 1-D chain. No periodic
    boundary.

    Parameters
    ----------
    include_self : bool
        Whether neuron :math:`i` connects to itself. Default False.
    """

    def __init__(self, include_self: bool = False) -> None:
        super().__init__()
        self.include_self = bool(include_self)

    def build_conn(self):
        ndim = len(self.pre_size)
        eye = np.eye(ndim, dtype=np.int64)
        offsets = [eye, -eye] + ([np.zeros((1, ndim), dtype=np.int64)] if self.include_self else [])
        return "csr", _grid_csr(self.pre_size, np.concatenate(offsets))


#: Preset instances (shared; calling one re-sizes it).
one2one = One2One()
all2all = All2All(include_self=True)
grid_four = GridFour()
grid_eight = GridEight()
