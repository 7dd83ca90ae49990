r"""Random connectors: fixed probability, fixed in/out degree, Gaussian distance."""

from __future__ import annotations

from typing import Any

import numpy as np
from brainpy.connect import _formats as F
from brainpy.connect._base import OneEndConnector, TwoEndConnector
from brainpy.errors import ConnectorError

__all__ = ["FixedProb", "FixedPreNum", "FixedPostNum", "GaussianProb"]

#: Above this probability FixedProb draws Bernoulli masks row-block by row-block.
_DENSE_PROB = 0.1
#: Number of random numbers drawn per block (bounds the temporary memory).
_BLOCK = 1 << 22
#: Number of synapses sampled per block by FixedProb's sparse path.
_SPARSE_BLOCK = 1 << 20


def _check_prob(name: str, prob: Any) -> float:
    if isinstance(prob, bool) or not isinstance(prob, (int, float, np.number)) or not 0.0 <= float(prob) <= 1.0:
        raise ConnectorError(f"{name}: prob={prob!r} is not a probability; expected a number in [0, 1].")
    return float(prob)


def _keys_to_csr(keys: np.ndarray, num_pre: int, num_post: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique keys ``pre * num_post + post`` -> ``(indices, indptr)``."""
    pre, post = np.divmod(keys, num_post)
    return F._idx(post), F.counts_to_indptr(np.bincount(pre, minlength=num_pre))


class FixedProb(TwoEndConnector):
    r"""Connect every pre/post pair independently with a fixed probability.

    Each pair :math:`(i, j)` is connected with probability :math:`p`
    (a Bernoulli trial), so the number of targets of a pre-synaptic neuron is
    :math:`\mathrm{Binomial}(n_{post}, p)`. For sparse ``prob`` the connector
    samples these counts, then the target indices without replacement,
    directly into the CSR form: building :math:`10^5 \times 10^5` at
    :math:`p = 10^{-3}` needs memory for the :math:`10^7` synapses only,
    never a dense matrix (these draws use ``numpy.random.default_rng(seed)``).
    For ``prob > 0.1`` it draws one uniform per pair, row after row, from
    ``numpy.random.RandomState(seed)`` (a block of rows at a time) and keeps
    those below ``prob``; these are the draws of BrainPy 2.1, so the same seed
    gives the same matrix as there.

    Parameters
    ----------
    prob : float
        Connection probability, in :math:`[0, 1]`.
    include_self : bool
        Whether to allow the connection :math:`(i, i)`. Default True.
    seed : int, optional
        Seed of the random generator; the same seed gives the same connection.
    """

    def __init__(self, prob: float, include_self: bool = True, seed: int | None = None) -> None:
        super().__init__()
        self.prob = _check_prob("FixedProb", prob)
        self.include_self = bool(include_self)
        self.seed = seed

    def build_conn(self):
        n_pre, n_post = self.pre_num, self.post_num
        # number of candidate targets of each row
        cand = np.full(n_pre, n_post, dtype=np.int64)
        if not self.include_self:
            cand[: min(n_pre, n_post)] -= 1
        if self.prob > _DENSE_PROB:
            return "csr", self._dense_blocks(np.random.RandomState(self.seed))
        rng = np.random.default_rng(self.seed)
        counts = rng.binomial(cand, self.prob)
        indptr = F.counts_to_indptr(counts)
        indices = np.empty(int(counts.sum()), dtype=F.DTYPES["idx"])
        # rows in blocks of about 2^20 synapses, so temporaries stay small
        step = max(1, int(_SPARSE_BLOCK / max(n_post * self.prob, 1.0)))
        for start in range(0, n_pre, step):
            stop = min(start + step, n_pre)
            indices[int(indptr[start]) : int(indptr[stop])] = self._sample_rows(rng, start, counts[start:stop], cand)
        return "csr", (indices, indptr)

    def _draw(self, rng: np.random.Generator, rows: np.ndarray, cand: np.ndarray) -> np.ndarray:
        """One random target column for each entry of ``rows`` (the diagonal skipped without self-connections)."""
        cols = (rng.random(rows.size) * cand[rows]).astype(np.int64)
        if not self.include_self:
            cols += (rows < self.post_num) & (cols >= rows)  # skip the diagonal
        return cols

    def _sample_rows(self, rng: np.random.Generator, start: int, counts: np.ndarray, cand: np.ndarray) -> np.ndarray:
        """Draw ``counts[k]`` distinct targets for row ``start + k``: draw, drop duplicates, redraw the shortfall.

        Returns the targets row after row, sorted within each row. The rows are
        laid out as a ``(rows, max count)`` table padded with ``post_num`` and
        sorted along its short axis, which is much faster than sorting one
        long array of ``row * post_num + col`` keys and gives the same result.
        """
        n, total = counts.size, int(counts.sum())
        if total == 0:
            return np.zeros(0, dtype=np.int64)
        pad = self.post_num  # sorts after every target
        local = np.repeat(np.arange(n, dtype=np.int64), counts)
        first = np.zeros(n, dtype=np.int64)
        np.cumsum(counts[:-1], out=first[1:])
        table = np.full((n, int(counts.max())), pad, dtype=np.int32 if pad < 2**31 - 1 else np.int64)
        table[local, np.arange(total) - first[local]] = self._draw(rng, local + start, cand)
        table.sort(axis=1)
        active = np.arange(n)
        while active.size:
            sub = table[active]
            dup = np.zeros(sub.shape, dtype=bool)
            np.equal(sub[:, 1:], sub[:, :-1], out=dup[:, 1:])
            dup[:, 1:] &= sub[:, 1:] != pad
            missing = dup.sum(axis=1)
            hit = missing > 0
            active, sub, dup, missing = active[hit], sub[hit], dup[hit], missing[hit]
            if not active.size:
                break
            sub[dup] = pad  # drop the duplicates, then draw one new target for each
            sub.sort(axis=1)
            owner = np.repeat(np.arange(active.size), missing)
            offset = np.zeros(active.size, dtype=np.int64)
            np.cumsum(missing[:-1], out=offset[1:])
            slot = np.arange(owner.size) - offset[owner] + (counts[active] - missing)[owner]
            sub[owner, slot] = self._draw(rng, active[owner] + start, cand)
            sub.sort(axis=1)
            table[active] = sub
        return table[table != pad]

    def _dense_blocks(self, rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray]:
        n_pre, n_post = self.pre_num, self.post_num
        step = max(1, _BLOCK // max(n_post, 1))
        indices, counts = [], []
        for start in range(0, n_pre, step):
            stop = min(start + step, n_pre)
            mask = rng.random_sample((stop - start, n_post)) < self.prob
            if not self.include_self:
                diag = np.arange(start, min(stop, n_post))
                mask[diag - start, diag] = False
            rows, cols = np.nonzero(mask)
            indices.append(cols)
            counts.append(np.bincount(rows, minlength=stop - start))
        ind = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64)
        cnt = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
        return F._idx(ind), F.counts_to_indptr(cnt)


def _fixed_num_rows(
    num_rows: int, num_cols: int, num: int, include_self: bool, rng: np.random.RandomState
) -> np.ndarray:
    """For each row, ``num`` distinct columns (sorted), as keys ``row * num_cols + col``.

    Row ``r`` draws ``num_cols`` uniforms and keeps the ``num`` smallest
    (excluding column ``r`` when ``include_self`` is False): a uniformly random
    ``num``-subset. Rows are drawn in blocks from one stream.
    """
    step = max(1, _BLOCK // max(num_cols, 1))
    keys = []
    for start in range(0, num_rows, step):
        stop = min(start + step, num_rows)
        u = rng.random_sample((stop - start, num_cols))
        if not include_self:
            diag = np.arange(start, min(stop, num_cols))
            u[diag - start, diag] = np.inf
        if num < num_cols:
            cols = np.argpartition(u, num - 1, axis=1)[:, :num] if num > 0 else np.zeros((stop - start, 0), int)
        else:
            cols = np.broadcast_to(np.arange(num_cols), (stop - start, num_cols))
        cols = np.sort(cols, axis=1)
        keys.append((np.arange(start, stop)[:, None] * num_cols + cols).ravel())
    return np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)


class _FixedNum(TwoEndConnector):
    def __init__(self, num: int | float, include_self: bool = True, seed: int | None = None) -> None:
        super().__init__()
        if isinstance(num, bool) or not isinstance(num, (int, float, np.integer, np.floating)) or num < 0:
            raise ConnectorError(
                f"{type(self).__name__}: num={num!r} must be a non-negative int (a count) or a float in [0, 1] "
                "(a fraction of the other population)."
            )
        if isinstance(num, (float, np.floating)) and num > 1.0:
            raise ConnectorError(
                f"{type(self).__name__}: num={num!r} is a float above 1; give an int count, or a fraction in [0, 1]."
            )
        self.num = num
        self.include_self = bool(include_self)
        self.seed = seed

    def _count(self, pool: int, rows: int) -> int:
        num = int(pool * self.num) if isinstance(self.num, (float, np.floating)) else int(self.num)
        avail = pool - (0 if self.include_self else 1)
        if num > avail:
            raise ConnectorError(
                f"{type(self).__name__}: num={self.num!r} asks for {num} distinct partners but only {avail} "
                f"are available (population of {pool}, include_self={self.include_self})."
            )
        return num

    def _keys(self, rows: int, cols: int) -> np.ndarray:
        num = self._count(cols, rows)
        # the diagonal matters only where a row index is also a valid column index
        return _fixed_num_rows(rows, cols, num, self.include_self, np.random.RandomState(self.seed))


class FixedPreNum(_FixedNum):
    r"""Each post-synaptic neuron receives connections from a fixed number of pre-synaptic neurons.

    For every post-synaptic neuron, ``num`` distinct pre-synaptic partners are
    chosen uniformly at random; a pre-synaptic neuron may feed several or no
    post-synaptic neurons. The in-degree is exactly ``num`` for every post
    neuron.

    Parameters
    ----------
    num : int or float
        The number of pre-synaptic partners (int), or a fraction of
        ``pre_num`` (float in [0, 1], rounded down).
    include_self : bool
        Whether post neuron :math:`i` may receive from pre neuron :math:`i`.
    seed : int, optional
        Seed of ``numpy.random.RandomState``.
    """

    def build_conn(self):
        keys = self._keys(self.post_num, self.pre_num)  # row = post, col = pre
        post, pre = np.divmod(keys, self.pre_num)
        keys = np.sort(pre * self.post_num + post)
        return "csr", _keys_to_csr(keys, self.pre_num, self.post_num)


class FixedPostNum(_FixedNum):
    r"""Each pre-synaptic neuron connects to a fixed number of post-synaptic neurons.

    For every pre-synaptic neuron, ``num`` distinct post-synaptic targets are
    chosen uniformly at random; a post-synaptic neuron may receive from
    several or none. The out-degree is exactly ``num``.

    Parameters
    ----------
    num : int or float
        The number of post-synaptic targets (int), or a fraction of
        ``post_num`` (float in [0, 1], rounded down).
    include_self : bool
        Whether pre neuron :math:`i` may connect to post neuron :math:`i`.
    seed : int, optional
        Seed of ``numpy.random.RandomState``.
    """

    def build_conn(self):
        keys = self._keys(self.pre_num, self.post_num)
        return "csr", _keys_to_csr(keys, self.pre_num, self.post_num)


def _encoding(encoding_values: Any, size: tuple[int, ...]) -> list[tuple[float, float]]:
    """Per-axis value ranges ``(low, high)`` from GaussianProb's ``encoding_values``."""
    if encoding_values is None:
        return [(0.0, float(n)) for n in size]
    if isinstance(encoding_values, (int, float, np.number)):
        return [(0.0, float(encoding_values))] * len(size)
    vals = list(encoding_values)
    if len(vals) == 2 and all(isinstance(v, (int, float, np.number)) for v in vals):
        return [(float(vals[0]), float(vals[1]))] * len(size)
    if len(vals) == len(size) and all(np.size(v) == 2 for v in vals):
        return [(float(v[0]), float(v[1])) for v in vals]
    raise ConnectorError(
        f"GaussianProb: encoding_values={encoding_values!r} is not understood; give None, a number (the range "
        f"[0, v)), a pair (low, high) for every axis, or one pair per axis of pre_size={size}."
    )


class GaussianProb(OneEndConnector):
    r"""Connection probability decaying as a Gaussian of the distance between neurons.

    Neurons sit on the grid ``pre_size``; neuron :math:`a` has the position
    :math:`x_a` whose coordinate on axis :math:`d` is
    :math:`\mathrm{low}_d + (\mathrm{high}_d - \mathrm{low}_d)\, k_d / n_d`
    (grid index :math:`k_d` of :math:`n_d`). The pair :math:`(a, b)` is
    connected with probability

    .. math::

        p_{ab} = \exp\left(-\frac{\sum_d \delta_d(a, b)^2}{2\sigma^2}\right),

    where :math:`\delta_d = |x_{a,d} - x_{b,d}|`, or with a periodic boundary
    :math:`\delta_d = \min(|x_{a,d} - x_{b,d}|, L_d - |x_{a,d} - x_{b,d}|)` with
    :math:`L_d = \mathrm{high}_d - \mathrm{low}_d`. With ``normalize`` each row
    is divided by its maximum, so the most probable partner has probability 1.
    Uniforms are drawn row by row from ``numpy.random.RandomState(seed)``;
    :math:`(a, b)` is connected when its uniform is below :math:`p_{ab}`.

    Parameters
    ----------
    sigma : float
        Width :math:`\sigma` of the Gaussian (same unit as the encoding values).
    encoding_values : None, float, (low, high) or sequence of (low, high)
        The value range each axis encodes. ``None`` means ``[0, n_d)``, i.e.
        grid units.
    normalize : bool
        Whether to divide each row's probabilities by their maximum. Default True.
    include_self : bool
        Whether neuron :math:`a` may connect to itself. Default True.
    periodic_boundary : bool
        Whether distances wrap around (a torus). Default False.
    seed : int, optional
        Seed of ``numpy.random.RandomState``.
    """

    def __init__(
        self,
        sigma: float,
        encoding_values: Any = None,
        normalize: bool = True,
        include_self: bool = True,
        periodic_boundary: bool = False,
        seed: int | None = None,
    ) -> None:
        super().__init__()
        if isinstance(sigma, bool) or not isinstance(sigma, (int, float, np.number)) or not sigma > 0:
            raise ConnectorError(f"GaussianProb: sigma={sigma!r} must be a positive number.")
        self.sigma = float(sigma)
        self.encoding_values = encoding_values
        self.normalize = bool(normalize)
        self.include_self = bool(include_self)
        self.periodic_boundary = bool(periodic_boundary)
        self.seed = seed

    def _positions(self) -> tuple[np.ndarray, np.ndarray]:
        ranges = _encoding(self.encoding_values, self.pre_size)
        grid = np.stack(np.unravel_index(np.arange(self.pre_num), self.pre_size), axis=1).astype(float)
        low = np.array([r[0] for r in ranges])
        span = np.array([r[1] - r[0] for r in ranges])
        return low + span * grid / np.asarray(self.pre_size, dtype=float), span

    def build_conn(self):
        pos, span = self._positions()
        rng = np.random.RandomState(self.seed)
        n = self.pre_num
        step = max(1, _BLOCK // max(n, 1))
        indices, counts = [], []
        for start in range(0, n, step):
            stop = min(start + step, n)
            delta = np.abs(pos[start:stop, None, :] - pos[None, :, :])
            if self.periodic_boundary:
                delta = np.minimum(delta, span - delta)
            prob = np.exp(-np.sum(delta**2, axis=-1) / (2 * self.sigma**2))
            if not self.include_self:
                prob[np.arange(stop - start), np.arange(start, stop)] = 0.0
            if self.normalize:
                peak = prob.max(axis=1, keepdims=True)
                prob = np.divide(prob, peak, out=np.zeros_like(prob), where=peak > 0)
            rows, cols = np.nonzero(rng.random_sample((stop - start, n)) < prob)
            indices.append(cols)
            counts.append(np.bincount(rows, minlength=stop - start))
        return "csr", (F._idx(np.concatenate(indices)), F.counts_to_indptr(np.concatenate(counts)))
