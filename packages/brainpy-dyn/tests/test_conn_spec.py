"""Connector outputs printed in the spec's "Synaptic Connections" and "Synaptic Weights" tutorials."""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest

pytestmark = pytest.mark.spec


def as_np(x):
    return np.asarray(x)


def mat_from_rows(text):
    return np.array([[c == "1" for c in row.split()] for row in text.strip().splitlines()])


def test_one2one_spec_print():
    size = 5
    conn = bp.connect.One2One()(pre_size=size, post_size=size)
    res = conn.require("pre_ids", "post_ids", "pre2post", "conn_mat")
    assert repr(res[0]) == "JaxArray([0, 1, 2, 3, 4], dtype=uint32)"
    assert str(res[0]) == "JaxArray([0, 1, 2, 3, 4], dtype=uint32)"  # print('pre_ids:', res[0])
    assert repr(res[1]) == "JaxArray([0, 1, 2, 3, 4], dtype=uint32)"
    assert isinstance(res[2], tuple)
    assert repr(res[2][1]) == "JaxArray([0, 1, 2, 3, 4, 5], dtype=uint32)"
    assert np.array_equal(as_np(res[3]), np.eye(5, dtype=bool))


def test_one2one_call_returns_self():
    conn = bp.connect.One2One()
    assert conn(pre_size=10, post_size=10) is conn


def test_all2all_no_self_spec():
    conn = bp.connect.All2All(include_self=False)(pre_size=5, post_size=5)
    pre_ids, post_ids, pre2post, conn_mat = conn.require("pre_ids", "post_ids", "pre2post", "conn_mat")
    assert as_np(pre_ids).tolist() == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]
    assert as_np(post_ids).tolist() == [1, 2, 3, 4, 0, 2, 3, 4, 0, 1, 3, 4, 0, 1, 2, 4, 0, 1, 2, 3]
    assert as_np(pre2post[0]).tolist() == as_np(post_ids).tolist()
    assert as_np(pre2post[1]).tolist() == [0, 4, 8, 12, 16, 20]
    assert np.array_equal(as_np(conn_mat), ~np.eye(5, dtype=bool))
    assert as_np(conn_mat).dtype == np.bool_ and as_np(pre_ids).dtype == np.uint32


def test_grid_four_spec():
    conn = bp.connect.GridFour(include_self=False)(pre_size=(4, 4))
    pre_ids, conn_mat = conn.require("pre_ids", "conn_mat")
    expected = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9,
                9, 10, 10, 10, 10, 11, 11, 11, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15]  # fmt: skip
    assert as_np(pre_ids).tolist() == expected
    assert as_np(conn_mat).shape == (16, 16)


def test_grid_eight_spec():
    conn = bp.connect.GridEight(include_self=False)(pre_size=(4, 4))
    pre_ids, conn_mat = conn.require("pre_ids", "conn_mat")
    counts = [3, 5, 5, 3, 5, 8, 8, 5, 5, 8, 8, 5, 3, 5, 5, 3]
    assert as_np(pre_ids).tolist() == np.repeat(np.arange(16), counts).tolist()
    assert len(as_np(pre_ids)) == 84
    # "Take the central point (id = 4) ..." -- neuron 5 (row 1, col 1) links to all its 8 neighbours
    assert as_np(conn_mat)[5].sum() == 8 and not as_np(conn_mat)[5, 5]


def test_grid_n_matches_grid_eight_for_n1():
    a = bp.connect.GridN(N=1, include_self=False)(pre_size=(4, 4)).require("conn_mat")
    b = bp.connect.GridEight(include_self=False)(pre_size=(4, 4)).require("conn_mat")
    assert np.array_equal(as_np(a), as_np(b))
    n2 = as_np(bp.connect.GridN(N=2, include_self=False)(pre_size=(5, 5)).require("conn_mat"))
    assert n2[12].sum() == 24  # centre of a 5x5 grid: the full 5x5 block minus itself


SEEDED = {
    "FixedProb": (
        lambda: bp.connect.FixedProb(prob=0.5, include_self=False, seed=134)(pre_size=4, post_size=4),
        "0 1 0 0\n0 0 0 0\n1 1 0 1\n1 0 1 0",
    ),
    "FixedPreNum": (
        lambda: bp.connect.FixedPreNum(num=2, include_self=True, seed=1234)(pre_size=4, post_size=4),
        "1 0 0 0\n0 1 0 0\n1 1 1 1\n0 0 1 1",
    ),
    "FixedPostNum": (
        lambda: bp.connect.FixedPostNum(num=2, include_self=True, seed=1234)(pre_size=4, post_size=4),
        "1 0 1 0\n0 1 1 0\n0 0 1 1\n0 0 1 1",
    ),
    "GaussianProb": (
        lambda: bp.connect.GaussianProb(sigma=2, periodic_boundary=True, normalize=True, include_self=True, seed=21)(
            pre_size=10
        ),
        """1 1 0 1 0 0 0 0 1 1
           1 1 1 1 0 0 0 0 0 1
           1 1 1 1 0 0 0 0 0 1
           0 1 1 1 1 0 0 0 0 0
           0 0 0 1 1 1 0 0 0 0
           0 0 1 0 1 1 1 1 0 0
           0 0 0 1 0 1 1 1 0 0
           1 0 0 0 0 1 1 1 0 1
           0 1 0 0 0 0 1 1 1 1
           1 0 1 0 0 1 0 1 1 1""",
    ),
    "ScaleFreeBA": (
        lambda: bp.connect.ScaleFreeBA(m=5, directed=False, seed=12345)(pre_size=10, post_size=10),
        """0 0 0 0 0 1 1 1 0 1
           0 0 0 0 0 1 1 1 1 1
           0 0 0 0 0 1 1 0 0 0
           0 0 0 0 0 1 0 0 0 1
           0 0 0 0 0 1 1 1 1 0
           1 1 1 1 1 0 1 1 1 1
           1 1 1 0 1 1 0 1 1 1
           1 1 0 0 1 1 1 0 1 0
           0 1 0 0 1 1 1 1 0 0
           1 1 0 1 0 1 1 0 0 0""",
    ),
    "ScaleFreeBADual": (
        lambda: bp.connect.ScaleFreeBADual(m1=3, m2=5, p=0.5, directed=False, seed=12345)(pre_size=10, post_size=10),
        """0 0 0 0 0 1 0 1 0 1
           0 0 0 0 0 1 0 1 1 0
           0 0 0 0 0 1 1 0 1 1
           0 0 0 0 0 1 0 0 0 0
           0 0 0 0 0 1 1 1 1 0
           1 1 1 1 1 0 1 1 1 1
           0 0 1 0 1 1 0 1 1 0
           1 1 0 0 1 1 1 0 0 1
           0 1 1 0 1 1 1 0 0 1
           1 0 1 0 0 1 0 1 1 0""",
    ),
    "PowerLaw": (
        lambda: bp.connect.PowerLaw(m=3, p=0.5, directed=False, seed=12345)(pre_size=10, post_size=10),
        """0 0 0 1 0 1 0 1 1 0
           0 0 0 1 1 0 0 1 0 0
           0 0 0 1 1 1 1 0 1 1
           1 1 1 0 1 1 1 0 0 1
           0 1 1 1 0 0 0 1 1 0
           1 0 1 1 0 0 1 0 0 0
           0 0 1 1 0 1 0 0 0 1
           1 1 0 0 1 0 0 0 0 0
           1 0 1 0 1 0 0 0 0 0
           0 0 1 1 0 0 1 0 0 0""",
    ),
}


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_seeded_random_connectors_reproduce_spec(name):
    make, text = SEEDED[name]
    mat = make().require("conn_mat")
    assert repr(mat).startswith("JaxArray([[") and repr(mat).endswith("dtype=bool)")
    assert np.array_equal(as_np(mat), mat_from_rows(text))


def test_small_world_spec_shape():
    conn = bp.connect.SmallWorld(num_neighbor=5, prob=0.2, directed=False, include_self=False)
    mat = as_np(conn(pre_size=10, post_size=10).require("conn_mat"))
    assert mat.shape == (10, 10) and np.array_equal(mat, mat.T) and not mat.diagonal().any()
    assert mat.sum() == 2 * 20  # the spec's printed matrix also holds 20 undirected edges


def test_ijconn_spec():
    conn = bp.conn.IJConn(i=np.array([0, 1, 2]), j=np.array([0, 0, 0]))
    conn = conn(pre_size=5, post_size=3)
    expected = np.zeros((5, 3), bool)
    expected[:3, 0] = True
    assert np.array_equal(as_np(conn.requires("conn_mat")), expected)
    ind, ptr = conn.requires("pre2post")
    assert as_np(ind).tolist() == [0, 0, 0] and as_np(ptr).tolist() == [0, 1, 2, 3, 3, 3]
    ind, ptr = conn.requires("pre2syn")
    assert as_np(ind).tolist() == [0, 1, 2] and as_np(ptr).tolist() == [0, 1, 2, 3, 3, 3]
    assert repr(ptr) == "JaxArray([0, 1, 2, 3, 3, 3], dtype=uint32)"


def test_matconn_spec():
    mat = mat_from_rows("1 1 0\n0 1 1\n1 0 1\n0 0 1\n1 0 0")
    conn = bp.connect.MatConn(conn_mat=mat)(pre_size=5, post_size=3)
    assert np.array_equal(as_np(conn.requires("conn_mat")), mat)
    ind, ptr = conn.requires("pre2post")
    assert as_np(ind).tolist() == [0, 1, 1, 2, 0, 2, 2, 0] and as_np(ptr).tolist() == [0, 2, 4, 6, 7, 8]
    ind, ptr = conn.require("pre2syn")
    assert as_np(ind).tolist() == list(range(8)) and as_np(ptr).tolist() == [0, 2, 4, 6, 7, 8]


def test_sparse_matconn_spec():
    from scipy.sparse import csr_matrix

    mat = mat_from_rows("1 0 1\n1 0 1\n1 0 0\n0 1 1\n0 1 0")
    sparse_mat = csr_matrix(mat)
    conn = bp.conn.SparseMatConn(sparse_mat)
    conn = conn(pre_size=sparse_mat.shape[0], post_size=sparse_mat.shape[1])
    assert np.array_equal(as_np(conn.requires("conn_mat")), mat)
    ind, ptr = conn.requires("pre2post")
    assert as_np(ind).tolist() == [0, 2, 0, 2, 0, 1, 2, 1] and as_np(ptr).tolist() == [0, 2, 4, 5, 7, 8]
    ind, ptr = conn.requires("post2syn")
    assert as_np(ind).tolist() == [0, 2, 4, 5, 7, 1, 3, 6] and as_np(ptr).tolist() == [0, 3, 5, 8]


def test_matconn_from_networkx_adjacency():
    A = np.array([[0, 0, 1, 1, 0], [0, 0, 0, 1, 1], [1, 0, 0, 0, 1], [1, 1, 0, 0, 1], [0, 1, 1, 1, 0]])
    res = bp.connect.MatConn(A)(pre_size=A.shape[0], post_size=A.shape[1]).require("conn_mat")
    assert np.array_equal(as_np(res), A.astype(bool))


def test_weight_matrix_to_vector_spec():
    weight_mat = np.array([[1.0, 1.5, 0.0, 0.5], [0.0, 2.5, 0.0, 0.0], [2.0, 0.0, 3, 0.0]])
    conn = bp.conn.MatConn(weight_mat)
    pre_ids, post_ids = conn.requires("pre_ids", "post_ids")
    weight_vec = weight_mat[pre_ids, post_ids]
    assert str(weight_vec) == "[1.  1.5 0.5 2.5 2.  3. ]"


def test_one2one_weights_vector_spec():
    conn = bp.conn.One2One()
    conn(5, 5)
    pre_ids, post_ids = conn.requires("pre_ids", "post_ids")
    # the spec prints '{}'.format(pre_ids) as [0 1 2 3 4]: that is JaxArray.__format__ (brainpy.math)
    assert str(np.asarray(pre_ids)) == "[0 1 2 3 4]" and str(np.asarray(post_ids)) == "[0 1 2 3 4]"


def test_all2all_weights_spec():
    conn = bp.conn.All2All()
    conn((4, 4), (3, 3))
    conn_mat = conn.requires("conn_mat")
    assert conn_mat.shape == (16, 9) and bool(conn_mat[2, 3])


class SpecFixedProb(bp.connect.TwoEndConnector):
    """The spec's custom connector (L5516-5549), as written there."""

    def __init__(self, prob, include_self=True, seed=None):
        super(SpecFixedProb, self).__init__()  # noqa: UP008 (as the spec writes it)
        assert 0.0 <= prob <= 1.0
        self.prob = prob
        self.include_self = include_self
        self.seed = seed
        self.rng = np.random.RandomState(seed=seed)

    def build_conn(self):
        ind = []
        count = np.zeros(self.pre_num, dtype=np.uint32)

        def _random_prob_conn(rng, pre_i, num_post, prob, include_self):
            p = rng.random(num_post) <= prob
            if (not include_self) and pre_i < num_post:
                p[pre_i] = False
            conn_j = np.asarray(np.where(p)[0], dtype=np.uint32)
            return conn_j

        for i in range(self.pre_num):
            posts = _random_prob_conn(
                self.rng, pre_i=i, num_post=self.post_num, prob=self.prob, include_self=self.include_self
            )
            ind.append(posts)
            count[i] = len(posts)
        ind = np.concatenate(ind)
        indptr = np.concatenate(([0], count)).cumsum()
        return "csr", (ind, indptr)


def test_custom_connector_spec():
    conn = SpecFixedProb(prob=0.5, include_self=True, seed=3)(pre_size=5, post_size=5)
    mat = as_np(conn.require("conn_mat"))
    ref = np.random.RandomState(3).random((5, 5)) <= 0.5
    assert np.array_equal(mat, ref)


class DictOne2One(bp.connect.TwoEndConnector):
    def build_conn(self):
        ind = np.arange(self.pre_num)
        indptr = np.arange(self.pre_num + 1)
        return dict(csr=(ind, indptr), mat=None, ij=None)


def test_custom_connector_dict_return():
    conn = DictOne2One()(pre_size=4, post_size=4)
    assert np.array_equal(as_np(conn.require("conn_mat")), np.eye(4, dtype=bool))
    assert bm.asarray(conn.require("post2pre")[0]).tolist() == [0, 1, 2, 3]
