"""Connector rules: shapes, include_self, realised rates, degree laws, and consistency of structures."""

import math
import tracemalloc

import brainpy as bp
import numpy as np
import pytest
from brainpy.errors import ConnectorError
from hypothesis import given, settings
from hypothesis import strategies as st


def structures(conn):
    names = bp.conn.SUPPORTED_SYN_STRUCTURE
    out = dict(zip(names, conn.require(*names)))
    return {k: tuple(np.asarray(x) for x in v) if isinstance(v, tuple) else np.asarray(v) for k, v in out.items()}


def check_consistent(conn):
    """csr <-> mat <-> ij <-> csc <-> syn maps all describe the same synapses."""
    s = structures(conn)
    n_pre, n_post = conn.pre_num, conn.post_num
    mat = s["conn_mat"]
    assert mat.shape == (n_pre, n_post) and mat.dtype == np.bool_
    ind, ptr = s["pre2post"]
    assert ptr.shape == (n_pre + 1,) and ptr[0] == 0 and ptr[-1] == ind.size
    assert np.array_equal(bp.conn.csr2mat((ind, ptr), n_pre, n_post), mat)
    assert np.array_equal(np.sort(np.asarray(bp.conn.mat2csr(mat)[0])), np.sort(ind))
    pre_ids, post_ids = s["pre_ids"], s["post_ids"]
    assert pre_ids.dtype == np.uint32 and pre_ids.size == mat.sum()
    assert mat[pre_ids, post_ids].all()
    # pre2syn: synapse ids of pre i lie in its segment and have pre i
    syn, sptr = s["pre2syn"]
    assert np.array_equal(sptr, ptr)
    assert np.array_equal(pre_ids[syn], np.repeat(np.arange(n_pre), np.diff(ptr.astype(int))))
    assert np.array_equal(post_ids[syn], ind)
    # post2pre / post2syn
    pind, pptr = s["post2pre"]
    assert np.array_equal(pptr.astype(int), np.concatenate([[0], np.cumsum(mat.sum(0))]))
    csc = bp.conn.csr2csc((ind, ptr), n_post)
    assert np.array_equal(csc[0], pind) and np.array_equal(csc[1], pptr)
    psyn, _ = s["post2syn"]
    assert np.array_equal(post_ids[psyn], np.repeat(np.arange(n_post), np.diff(pptr.astype(int))))
    assert np.array_equal(pre_ids[psyn], pind)
    # slices
    a, b, sl = s["pre_slice"]
    assert sl.shape == (n_pre, 2) and np.array_equal(sl[:, 0], ptr[:-1]) and np.array_equal(sl[:, 1], ptr[1:])
    assert np.array_equal(b, ind) and np.array_equal(a, np.repeat(np.arange(n_pre), np.diff(ptr.astype(int))))
    a, b, sl = s["post_slice"]
    assert np.array_equal(a, pind) and sl.shape == (n_post, 2)
    # ij2csr round trip
    i2, p2 = bp.conn.ij2csr(pre_ids, post_ids, n_pre)
    assert np.array_equal(p2, ptr)
    return s


sizes = st.integers(1, 40)


@settings(max_examples=25, deadline=None)
@given(n_pre=sizes, n_post=sizes, prob=st.floats(0.0, 1.0), include_self=st.booleans(), seed=st.integers(0, 2**31))
def test_fixed_prob_rules(n_pre, n_post, prob, include_self, seed):
    conn = bp.conn.FixedProb(prob, include_self=include_self, seed=seed)(n_pre, n_post)
    s = check_consistent(conn)
    mat = s["conn_mat"]
    if not include_self:
        assert not mat[np.arange(min(n_pre, n_post)), np.arange(min(n_pre, n_post))].any()
    if prob == 0.0:
        assert mat.sum() == 0
    if prob == 1.0:
        assert mat.sum() == n_pre * n_post - (0 if include_self else min(n_pre, n_post))
    # same seed, same connection
    again = bp.conn.FixedProb(prob, include_self=include_self, seed=seed)(n_pre, n_post).require("conn_mat")
    assert np.array_equal(np.asarray(again), mat)


@pytest.mark.parametrize("prob", [0.001, 0.02, 0.3])
@pytest.mark.parametrize("include_self", [True, False])
def test_fixed_prob_rate_binomial(prob, include_self):
    n = 3000 if prob < 0.01 else 800
    conn = bp.conn.FixedProb(prob, include_self=include_self, seed=7)(n, n)
    ind, ptr = (np.asarray(x) for x in conn.require("pre2post"))
    trials = n * n - (0 if include_self else n)
    mean, sd = trials * prob, math.sqrt(trials * prob * (1 - prob))
    assert abs(ind.size - mean) < 5 * sd
    # per-row counts are Binomial(n_cand, p): check their variance too
    counts = np.diff(ptr.astype(int))
    var = (n - (0 if include_self else 1)) * prob * (1 - prob)
    assert abs(counts.var() / var - 1) < 5 * math.sqrt(2 / n)
    # targets are uniform over columns: compare column totals with the chi-square law
    if ind.size > 20 * n:
        col = np.bincount(ind.astype(int), minlength=n)
        chi2 = ((col - col.mean()) ** 2 / (col.mean() * (1 - prob))).sum()  # column totals ~ Binomial
        assert abs(chi2 - (n - 1)) < 5 * math.sqrt(2 * (n - 1))
    # rows hold sorted unique indices
    for i in range(0, n, 97):
        row = ind[ptr[i] : ptr[i + 1]]
        assert np.all(np.diff(row.astype(int)) > 0)
        if not include_self:
            assert i not in row


def test_fixed_prob_large_is_sparse_in_memory():
    n, prob = 20000, 0.001
    tracemalloc.start()
    conn = bp.conn.FixedProb(prob, seed=1)(n, n)
    conn._build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ind, ptr = conn._structs["pre2post"]
    assert abs(ind.size - n * n * prob) < 5 * math.sqrt(n * n * prob)
    assert peak < 0.05 * n * n  # the dense bool matrix would need n*n bytes


@settings(max_examples=25, deadline=None)
@given(n_pre=sizes, n_post=sizes, frac=st.floats(0, 1), include_self=st.booleans(), seed=st.integers(0, 2**31))
def test_fixed_num_rules(n_pre, n_post, frac, include_self, seed):
    num = int(frac * (n_post - 1))
    post = bp.conn.FixedPostNum(num, include_self=include_self, seed=seed)(n_pre, n_post)
    mat = check_consistent(post)["conn_mat"]
    assert np.all(mat.sum(1) == num)
    num = int(frac * (n_pre - 1))
    pre = bp.conn.FixedPreNum(num, include_self=include_self, seed=seed)(n_pre, n_post)
    mat = check_consistent(pre)["conn_mat"]
    assert np.all(mat.sum(0) == num)
    if not include_self:
        k = min(n_pre, n_post)
        assert not mat[np.arange(k), np.arange(k)].any()


def test_fixed_num_float_and_uniformity():
    conn = bp.conn.FixedPostNum(0.1, seed=3)(400, 200)
    mat = np.asarray(conn.require("conn_mat"))
    assert np.all(mat.sum(1) == 20)
    col = mat.sum(0)  # each column is hit with probability 0.1 by each of 400 rows
    chi2 = ((col - 40) ** 2 / 40).sum()
    assert abs(chi2 - 199 * 0.9) < 5 * math.sqrt(2 * 199)
    with pytest.raises(ConnectorError):
        bp.conn.FixedPostNum(10, include_self=False)(5, 10).require("conn_mat")


@pytest.mark.parametrize("make", [
    lambda: bp.conn.One2One()(7, 7),
    lambda: bp.conn.All2All(include_self=False)(6, 9),
    lambda: bp.conn.GridFour(include_self=True)((3, 5)),
    lambda: bp.conn.GridN(N=2)((4, 6)),
    lambda: bp.conn.GridFour()(7),
    lambda: bp.conn.GaussianProb(sigma=1.5, include_self=False, seed=2)((5, 4)),
    lambda: bp.conn.GaussianProb(sigma=0.2, encoding_values=(0, 1), periodic_boundary=True, seed=2)(30),
    lambda: bp.conn.SmallWorld(4, 0.3, directed=True, seed=1)(30, 30),
    lambda: bp.conn.ScaleFreeBA(3, directed=True, seed=1)(40, 40),
    lambda: bp.conn.ScaleFreeBADual(2, 4, 0.3, seed=1)(40, 40),
    lambda: bp.conn.PowerLaw(3, 0.7, seed=1)(40, 40),
    lambda: bp.conn.IJConn([3, 0, 3, 1], [1, 2, 0, 2])(4, 3),
])  # fmt: skip
def test_structures_consistent(make):
    check_consistent(make())


def test_ijconn_keeps_given_synapse_order():
    conn = bp.conn.IJConn([3, 0, 3, 1], [1, 2, 0, 2])(4, 3)
    pre_ids, post_ids = (np.asarray(x) for x in conn.require("pre_ids", "post_ids"))
    assert pre_ids.tolist() == [3, 0, 3, 1] and post_ids.tolist() == [1, 2, 0, 2]
    syn, ptr = (np.asarray(x) for x in conn.require("pre2syn"))
    assert syn.tolist() == [1, 3, 0, 2] and ptr.tolist() == [0, 1, 2, 2, 4]


def test_gaussian_prob_statistics():
    # no normalisation, no periodic boundary: P(connect at distance d) = exp(-d^2 / (2 sigma^2))
    n, sigma = 400, 3.0
    mat = np.asarray(bp.conn.GaussianProb(sigma, normalize=False, seed=5)(n).require("conn_mat"))
    d = np.abs(np.arange(n)[:, None] - np.arange(n)[None, :])
    for dist in (0, 2, 4, 6):
        sel = d == dist
        p = math.exp(-(dist**2) / (2 * sigma**2))
        k = sel.sum()
        assert abs(mat[sel].mean() - p) < 5 * math.sqrt(p * (1 - p) / k) + 1e-12


def test_graph_models_edge_counts():
    n, m = 200, 3
    ba = np.asarray(bp.conn.ScaleFreeBA(m, seed=4)(n, n).require("conn_mat"))
    assert np.array_equal(ba, ba.T) and ba.sum() == 2 * m * (n - m) and not ba.diagonal().any()
    deg = ba.sum(1)
    assert deg.max() > 5 * m  # hubs: heavy tail of preferential attachment
    pl = np.asarray(bp.conn.PowerLaw(m, 0.5, seed=4)(n, n).require("conn_mat"))
    # a preferential candidate already linked by a triad step is not linked twice (Holme-Kim as in networkx)
    assert np.array_equal(pl, pl.T) and 0.97 * 2 * m * (n - m) <= pl.sum() <= 2 * m * (n - m)
    tri = lambda a: np.trace(np.linalg.matrix_power(a.astype(float), 3)) / 6
    pl9 = np.asarray(bp.conn.PowerLaw(m, 0.9, seed=4)(n, n).require("conn_mat"))
    assert tri(pl9) > 3 * tri(ba)  # triad formation adds clustering
    sw = np.asarray(bp.conn.SmallWorld(6, 0.1, seed=4)(n, n).require("conn_mat"))
    assert np.array_equal(sw, sw.T) and sw.sum() == 2 * 3 * n and not sw.diagonal().any()
    ring = np.asarray(bp.conn.SmallWorld(6, 0.0)(n, n).require("conn_mat"))
    assert np.all(ring.sum(1) == 6) and ring[0, 1] and ring[0, n - 3] and not ring[0, 4]
    dual = np.asarray(bp.conn.ScaleFreeBADual(1, 4, 1.0, seed=4)(n, n).require("conn_mat"))
    assert dual.sum() == 2 * (n - 4)  # p = 1: every node from max(m1, m2) = 4 on links m1 = 1 edge


def test_helpers_and_constants():
    assert bp.conn.CONN_MAT == "conn_mat" and bp.conn.PRE2SYN == "pre2syn"
    assert bp.conn.MAT_DTYPE is np.bool_ and bp.conn.IDX_DTYPE is np.uint32
    assert len(bp.conn.SUPPORTED_SYN_STRUCTURE) == 9
    mat = np.array([[0, 1, 1], [0, 0, 0], [1, 0, 1]], bool)
    ind, ptr = bp.conn.mat2csr(mat)
    assert ind.tolist() == [1, 2, 0, 2] and ptr.tolist() == [0, 2, 2, 4]
    assert np.array_equal(bp.conn.csr2mat((ind, ptr), 3, 3), mat)
    pind, pptr, data = bp.conn.csr2csc((ind, ptr), 3, data=np.array([10, 20, 30, 40]))
    assert pind.tolist() == [2, 0, 0, 2] and pptr.tolist() == [0, 1, 2, 4] and data.tolist() == [30, 10, 20, 40]
    ind2, ptr2 = bp.conn.ij2csr([2, 0, 2, 0], [0, 1, 2, 2], 3)
    assert ind2.tolist() == [1, 2, 0, 2] and ptr2.tolist() == [0, 2, 2, 4]


def test_set_default_dtype():
    try:
        bp.conn.set_default_dtype(idx_dtype=np.int64)
        assert bp.conn.IDX_DTYPE is np.int64
        ids = bp.conn.One2One()(3, 3).require("pre_ids")
        assert np.asarray(ids).dtype.kind == "i"
        with pytest.raises(ConnectorError):
            bp.conn.set_default_dtype(idx_dtype=np.float32)
    finally:
        bp.conn.set_default_dtype(mat_dtype=np.bool_, idx_dtype=np.uint32)


def test_presets():
    assert isinstance(bp.conn.one2one, bp.conn.One2One) and isinstance(bp.conn.grid_eight, bp.conn.GridEight)
    assert bp.conn.all2all(3, 3).require("conn_mat").sum() == 9


@pytest.mark.parametrize("bad", [
    lambda: bp.conn.One2One()(3, 4).require("pre_ids"),
    lambda: bp.conn.One2One().require("pre_ids"),
    lambda: bp.conn.One2One()(3, 3).require("pre2pre"),
    lambda: bp.conn.One2One()(3),
    lambda: bp.conn.FixedProb(1.5),
    lambda: bp.conn.FixedProb(0.1)("ten", 3),
    lambda: bp.conn.GridFour()(4, 5),
    lambda: bp.conn.MatConn(np.ones((3, 2)))(3, 4),
    lambda: bp.conn.IJConn([0, 5], [0, 1])(3, 3).require("conn_mat"),
    lambda: bp.conn.ScaleFreeBA(5)(4, 4).require("conn_mat"),
    lambda: bp.conn.SmallWorld(2, 0.1)((3, 3), (3, 3)).require("conn_mat"),
])  # fmt: skip
def test_errors(bad):
    with pytest.raises(ConnectorError):
        bad()


def test_plugin_registry_and_module_getattr():
    from brainpy.plugins import get_registry

    reg = get_registry("connectors")
    for name in ("FixedProb", "GridN", "SparseMatConn", "PowerLaw"):
        assert reg.get(name) is getattr(bp.conn, name)
    assert len([n for n in reg if reg.origin(n).distribution == "brainpy-dyn"]) == 16
    with pytest.raises(AttributeError, match="NoSuchConn"):
        bp.conn.NoSuchConn  # noqa: B018
