r"""Random graph models: small-world, scale-free (BA, dual BA) and Holme–Kim power-law.

These connectors build a graph on one set of nodes (``pre_num == post_num``)
with ``numpy.random.RandomState(seed)``. They grow the graph node by node in
Python, which is fine for the network sizes these models are used with
(up to some :math:`10^4` nodes).
"""

from __future__ import annotations

import numpy as np
from brainpy.connect import _formats as F
from brainpy.connect._base import TwoEndConnector, check_same_num
from brainpy.errors import ConnectorError

__all__ = ["SmallWorld", "ScaleFreeBA", "ScaleFreeBADual", "PowerLaw"]


def _check_int(owner: str, name: str, value: object, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ConnectorError(f"{owner}: {name}={value!r} must be an integer >= {low}.")
    return int(value)


def _check_p(owner: str, name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not 0 <= value <= 1:
        raise ConnectorError(f"{owner}: {name}={value!r} must be a probability in [0, 1].")
    return float(value)


def _distinct_draws(pool: list[int], m: int, rng: np.random.RandomState) -> list[int]:
    """Draw from ``pool`` (with multiplicities) until ``m`` distinct nodes are found; ascending."""
    chosen: set[int] = set()
    while len(chosen) < m:
        chosen.add(int(pool[rng.randint(len(pool))]))
    return sorted(chosen)


class _Graph(TwoEndConnector):
    def __init__(self, directed: bool, seed: int | None) -> None:
        super().__init__()
        self.directed = bool(directed)
        self.seed = seed

    def _new_mat(self) -> np.ndarray:
        check_same_num(self)
        return np.zeros((self.pre_num, self.post_num), dtype=F.DTYPES["mat"])

    def _link(self, mat: np.ndarray, source: int, targets: list[int] | int) -> None:
        mat[source, targets] = True
        if not self.directed:
            mat[targets, source] = True


class SmallWorld(_Graph):
    r"""Watts–Strogatz small-world graph on a ring.

    Start from a ring where each node links to its :math:`k/2` nearest
    neighbours on each side (:math:`k` = ``num_neighbor``, rounded down to
    even). Then, for each lattice edge :math:`(u, u+j)`, :math:`j = 1 \dots
    k/2`, with probability ``prob`` rewire it to :math:`(u, w)` for a node
    :math:`w` drawn uniformly among those not yet linked to :math:`u`. The
    number of edges is kept. Only 1-D (ring) geometries are supported.

    Parameters
    ----------
    num_neighbor : int
        The number :math:`k` of nearest neighbours each node links to.
    prob : float
        The probability of rewiring each edge.
    directed : bool
        Whether edges are directed (``conn_mat`` not symmetric). Default False.
    include_self : bool
        Whether a rewired edge may become a self-loop. Default False.
    seed : int, optional
        Seed of ``numpy.random.RandomState``.

    References
    ----------
    .. [1] Watts, D. J., & Strogatz, S. H. (1998). Collective dynamics of
           'small-world' networks. Nature, 393(6684), 440-442.
           https://doi.org/10.1038/30918
    """

    def __init__(
        self,
        num_neighbor: int,
        prob: float,
        directed: bool = False,
        include_self: bool = False,
        seed: int | None = None,
    ) -> None:
        super().__init__(directed, seed)
        self.num_neighbor = _check_int("SmallWorld", "num_neighbor", num_neighbor, 0)
        self.prob = _check_p("SmallWorld", "prob", prob)
        self.include_self = bool(include_self)

    def build_conn(self):
        if len(self.pre_size) != 1:
            raise ConnectorError(
                f"SmallWorld supports a 1-D ring only; got pre_size={self.pre_size}. Give an int size, e.g. 100."
            )
        mat = self._new_mat()
        n, half = self.pre_num, self.num_neighbor // 2
        if half >= n / 2:
            raise ConnectorError(f"SmallWorld: num_neighbor={self.num_neighbor} is too large for a ring of {n} nodes.")
        rng = np.random.RandomState(self.seed)
        nodes = np.arange(n)
        for j in range(1, half + 1):
            self._link(mat, nodes, (nodes + j) % n)
        for j in range(1, half + 1):
            for u in range(n):
                v = (u + j) % n
                if rng.random_sample() >= self.prob:
                    continue
                free = ~mat[u]
                if not self.include_self:
                    free[u] = False
                choices = np.nonzero(free)[0]
                if choices.size == 0:
                    continue
                w = int(choices[rng.randint(choices.size)])
                mat[u, v] = False
                if not self.directed:
                    mat[v, u] = False
                self._link(mat, u, w)
        return "mat", mat


class ScaleFreeBA(_Graph):
    r"""Barabási–Albert preferential-attachment graph.

    Nodes :math:`0 \dots m-1` start unlinked; node :math:`m` links to all of
    them; each later node links to :math:`m` distinct earlier nodes, chosen
    with probability proportional to their degree (sampling a list where
    each node appears once per edge end).

    Parameters
    ----------
    m : int
        Number of edges from a new node to existing nodes (``1 <= m < n``).
    directed : bool
        Whether edges go only from the new node to the old ones. Default False.
    seed : int, optional
        Seed of ``numpy.random.RandomState``.

    References
    ----------
    .. [1] Barabási, A.-L., & Albert, R. (1999). Emergence of scaling in random
           networks. Science, 286(5439), 509-512. https://doi.org/10.1126/science.286.5439.509
    """

    def __init__(self, m: int, directed: bool = False, seed: int | None = None) -> None:
        super().__init__(directed, seed)
        self.m = _check_int("ScaleFreeBA", "m", m, 1)

    def build_conn(self):
        mat = self._new_mat()
        n, m = self.pre_num, self.m
        if m >= n:
            raise ConnectorError(f"ScaleFreeBA needs m < number of nodes; got m={m} for {n} nodes.")
        rng = np.random.RandomState(self.seed)
        targets, pool = list(range(m)), []
        for source in range(m, n):
            self._link(mat, source, targets)
            pool.extend(targets)
            pool.extend([source] * m)
            if source + 1 < n:
                targets = _distinct_draws(pool, m, rng)
        return "mat", mat


class ScaleFreeBADual(_Graph):
    r"""Dual Barabási–Albert preferential-attachment graph.

    Like :class:`ScaleFreeBA`, but each new node draws its number of edges:
    :math:`m_1` with probability :math:`p`, else :math:`m_2`. The first
    :math:`\max(m_1, m_2)` nodes start unlinked; the next one links to (the
    first ``m`` of) them.

    Parameters
    ----------
    m1, m2 : int
        Numbers of edges of a new node, taken with probability ``p`` and
        ``1 - p`` (each ``>= 1`` and ``< n``).
    p : float
        Probability of attaching :math:`m_1` edges.
    directed : bool
        Whether edges go only from the new node to the old ones. Default False.
    seed : int, optional
        Seed of ``numpy.random.RandomState``.

    References
    ----------
    .. [1] Moshiri, N. (2018). The dual-Barabási-Albert model. arXiv:1810.10538.
    """

    def __init__(self, m1: int, m2: int, p: float, directed: bool = False, seed: int | None = None) -> None:
        super().__init__(directed, seed)
        self.m1 = _check_int("ScaleFreeBADual", "m1", m1, 1)
        self.m2 = _check_int("ScaleFreeBADual", "m2", m2, 1)
        self.p = _check_p("ScaleFreeBADual", "p", p)

    def build_conn(self):
        mat = self._new_mat()
        n, start = self.pre_num, max(self.m1, self.m2)
        if start >= n:
            raise ConnectorError(
                f"ScaleFreeBADual needs m1, m2 < number of nodes; got m1={self.m1}, m2={self.m2}, n={n}."
            )
        rng = np.random.RandomState(self.seed)
        m = self.m1 if rng.random_sample() < self.p else self.m2
        targets, pool = list(range(start)), []
        for source in range(start, n):
            targets = targets[:m]
            self._link(mat, source, targets)
            pool.extend(targets)
            pool.extend([source] * m)
            m = self.m1 if rng.random_sample() < self.p else self.m2
            if source + 1 < n:
                targets = _distinct_draws(pool, m, rng)
        return "mat", mat


class PowerLaw(_Graph):
    r"""Holme–Kim growing graph: power-law degrees with tunable clustering.

    Nodes :math:`0 \dots m-1` start unlinked. Each new node picks :math:`m`
    distinct candidates by preferential attachment and links to the first;
    each further edge is, with probability :math:`p`, a *triad formation*
    step (link to a random neighbour of the last preferentially chosen node
    that is not yet linked), otherwise the next preferential candidate.

    Parameters
    ----------
    m : int
        Number of edges of each new node (``1 <= m < n``).
    p : float
        Probability of a triad-formation step after a preferential one.
    directed : bool
        Whether edges go only from the new node to the old ones. Default False.
    seed : int, optional
        Seed of ``numpy.random.RandomState``.

    References
    ----------
    .. [1] Holme, P., & Kim, B. J. (2002). Growing scale-free networks with
           tunable clustering. Physical Review E, 65(2), 026107.
           https://doi.org/10.1103/PhysRevE.65.026107
    """

    def __init__(self, m: int, p: float, directed: bool = False, seed: int | None = None) -> None:
        super().__init__(directed, seed)
        self.m = _check_int("PowerLaw", "m", m, 1)
        self.p = _check_p("PowerLaw", "p", p)

    def build_conn(self):
        mat = self._new_mat()
        n, m = self.pre_num, self.m
        if m >= n:
            raise ConnectorError(f"PowerLaw needs m < number of nodes; got m={m} for {n} nodes.")
        rng = np.random.RandomState(self.seed)
        sym = np.zeros_like(mat)  # the undirected graph, for neighbourhoods
        pool = list(range(m))
        for source in range(m, n):
            candidates = _distinct_draws(pool, m, rng)
            target = candidates.pop(0)
            self._link(mat, source, target)
            sym[source, target] = sym[target, source] = True
            pool.append(target)
            count = 1
            while count < m:
                if rng.random_sample() < self.p:
                    nbrs = np.nonzero(sym[target] & ~sym[source])[0]
                    nbrs = nbrs[nbrs != source]
                    if nbrs.size:
                        nbr = int(nbrs[rng.randint(nbrs.size)])
                        self._link(mat, source, nbr)
                        sym[source, nbr] = sym[nbr, source] = True
                        pool.append(nbr)
                        count += 1
                        continue
                target = candidates.pop(0)
                self._link(mat, source, target)
                sym[source, target] = sym[target, source] = True
                pool.append(target)
                count += 1
            pool.extend([source] * m)
        return "mat", mat
