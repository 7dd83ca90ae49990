"""Node graphs: operators, networks, shape inference, feedback, naming, representations (spec L2320-2582)."""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import ModelBuildError


class Scale(bp.nn.Node):
    """y = k * concat(ff) (+ k_fb * concat(fb)); a deterministic node for graph tests."""

    def __init__(self, k=1.0, **kwargs):
        super().__init__(**kwargs)
        self.k = k

    def init_ff(self):
        unique, free = bp.nn.check_shape_consistency(self.feedforward_shapes, -1, True)
        self.set_output_shape(unique + (sum(free),))

    def init_fb(self):
        pass

    def forward(self, ff, fb=None):
        out = bm.concatenate(ff, axis=-1) * self.k
        if fb is not None:
            out = out + bm.concatenate(fb, axis=-1).sum(axis=-1, keepdims=True)
        return out


def test_dense_repr_and_shapes_as_spec():
    assert repr(bp.nn.Dense(num_unit=100)).endswith("forwards=None, feedbacks=None, output=(None, 100))")
    d = bp.nn.Dense(num_unit=100, input_shape=128, name="hidden_layer")
    assert repr(d) == "Dense(name=hidden_layer, forwards=((None, 128),), feedbacks=None, output=(None, 100))"
    assert d.feedforward_shapes == ((None, 128),)


def test_automatic_names_count_per_class():
    bp.base.clear_name_cache()
    assert bp.nn.Dense(3).name == "Dense0"
    assert bp.nn.Dense(3).name == "Dense1"
    assert bp.nn.Input(3).name == "Input0"


def test_sequential_network_and_topological_order():
    i, r, o = bp.nn.Input(1), bp.nn.VanillaRNN(10), bp.nn.Dense(1)
    model = i >> r >> o
    assert isinstance(model, bp.nn.Network)
    assert model.lnodes == (i, r, o)
    assert model.entry_nodes == (i,) and model.exit_nodes == (o,)
    assert repr(model) == f"Network({i.name}, {r.name}, {o.name})"
    model.initialize(2)
    assert r.feedforward_shapes == ((None, 1),) and o.feedforward_shapes == ((None, 10),)
    assert r.state.shape == (2, 10)
    assert model(bm.ones((2, 1))).shape == (2, 1)
    assert set(model.train_vars().unique()) >= {f"{r.name}.Wi", f"{r.name}.Wh", f"{o.name}.Wff", f"{o.name}.bias"}
    assert set(model.nodes()) >= {i.name, r.name, o.name}


def test_cycle_is_refused_with_spec_message():
    i, r, o = bp.nn.Input(1), bp.nn.VanillaRNN(10), bp.nn.Dense(1)
    with pytest.raises(ValueError, match="We detect cycles in feedforward connections"):
        i >> r >> o >> i


def test_receiver_list_is_refused_with_spec_message():
    i, r, o = bp.nn.Input(1), bp.nn.VanillaRNN(10), bp.nn.Dense(1)
    with pytest.raises(ValueError, match="Cannot concatenate a list/tuple of receivers"):
        i >> [r, o]


def test_concatenation_set_wrapping_and_merge_give_same_edges():
    i, r, o = bp.nn.Input(1), bp.nn.VanillaRNN(10), bp.nn.Dense(1)
    expected = {(i, r), (r, o), (i, o)}
    for model in ([i >> r, i] >> o, (i >> r, i) >> o, {i >> r, i} >> o, (i >> r >> o) & (i >> o)):
        assert set(model.ff_edges) == expected
    model = i >> {r, o}
    assert set(model.ff_edges) == {(i, r), (i, o)}
    model = [i >> r, i] >> o
    model.initialize(1)
    assert o.feedforward_shapes in (((None, 10), (None, 1)), ((None, 1), (None, 10)))
    assert o.Wff.shape == (11, 1)


def test_inplace_operators():
    i, a, b = bp.nn.Input(2), Scale(), Scale()
    net = i >> a
    same = net
    net >>= b
    assert net is same and set(net.ff_edges) == {(i, a), (a, b)}
    net &= bp.nn.Input(3)
    assert net is same and len(net.lnodes) == 4


def test_feedback_is_delivered_one_step_later():
    i = bp.nn.Input(1)
    a = Scale(1.0, name="a")  # a = x + sum(fb from b)
    b = Scale(10.0, name="b")  # b = 10 * a
    model = (i >> a >> b) & (a << b)
    assert model.fb_edges == ((b, a),)
    model.initialize(1)
    assert a.feedback_shapes == ((None, 1),)
    assert np.all(np.asarray(b.fb_output) == 0)
    outs, a_prev_b = [], 0.0
    for t in range(4):
        x = float(t + 1)
        out = float(model(bm.asarray([[x]]))[0, 0])
        expected_a = x + a_prev_b
        assert out == pytest.approx(10 * expected_a)
        a_prev_b = 10 * expected_a
        outs.append(out)
    assert outs == [10.0, 120.0, 1230.0, 12340.0]


def test_feedback_to_node_without_support_is_refused():
    class Plain(bp.nn.Node):
        def init_ff(self):
            self.set_output_shape(self.feedforward_shapes[0])

        def forward(self, ff):
            return ff[0]

    with pytest.raises(ValueError, match="does not support feedback connections"):
        Plain() << bp.nn.Input(1)
    net = Scale() << bp.nn.Input(1)
    assert isinstance(net, bp.nn.Network) and len(net.fb_edges) == 1


def test_selection_splits_features():
    i, r = bp.nn.Input(1), bp.nn.VanillaRNN(10)
    o1, o2 = bp.nn.Dense(1), bp.nn.Dense(2)
    model = i >> r
    model = (model[:, :5] >> o1) & (model[:, 5:] >> o2)
    model.initialize(3)
    assert o1.Wff.shape == (5, 1) and o2.Wff.shape == (5, 2)
    out = model(bm.ones((3, 1)))
    assert {k: v.shape for k, v in out.items()} == {o1.name: (3, 1), o2.name: (3, 2)}


def test_functional_forms():
    a, b = bp.nn.Input(2), bp.nn.Input(3)
    net = bp.nn.concatenate([a, b])
    net.initialize(1)
    out = net({a.name: bm.ones((1, 2)), b.name: 2 * bm.ones((1, 3))})
    np.testing.assert_allclose(np.asarray(out), [[1, 1, 2, 2, 2]])
    sel = bp.nn.select(bp.nn.Input(4), (slice(None), slice(1, 3)))
    sel.initialize(1)
    np.testing.assert_allclose(np.asarray(sel(bm.arange(4.0)[None])), [[1, 2]])
    c = Scale()
    m = bp.nn.merge(bp.nn.ff_connect(a, c), bp.nn.fb_connect(bp.nn.Input(1), c))
    assert len(m.ff_edges) == 1 and len(m.fb_edges) == 1


def test_multi_input_dict_call_and_errors():
    i1, i2 = bp.nn.Input(1, name="in_a"), bp.nn.Input(2, name="in_b")
    net = {i1, i2} >> Scale()
    net.initialize(1)
    out = net({"in_a": bm.ones((1, 1)), "in_b": bm.zeros((1, 2))})
    assert out.shape == (1, 3) and float(out.sum()) == 1.0
    with pytest.raises(ValueError, match="dict keyed by their names"):
        net(bm.ones((1, 1)))
    with pytest.raises(ValueError, match="missing"):
        net({"in_a": bm.ones((1, 1))})
    with pytest.raises(ValueError, match="expects inputs of shape"):
        net({"in_a": bm.ones((1, 4)), "in_b": bm.zeros((1, 2))})


def test_uninitialized_and_shape_errors():
    d = bp.nn.Dense(3, input_shape=2)
    with pytest.raises(ModelBuildError, match="initialize"):
        d(bm.ones((1, 2)))
    with pytest.raises(ModelBuildError, match="Cannot infer the input shape"):
        bp.nn.Dense(3).initialize()
    d.initialize()
    with pytest.raises(ModelBuildError, match="was initialized for feedforward inputs"):
        (bp.nn.Input(5) >> d).initialize()
    with pytest.raises(ValueError, match="num_batch"):
        d.initialize(0)


def test_reinitialize_keeps_parameters_and_changes_batch():
    model = bp.nn.Input(1) >> bp.nn.VanillaRNN(4) >> bp.nn.Dense(1)
    model.initialize(8)
    rnn = model.lnodes[1]
    w = np.asarray(rnn.Wi).copy()
    model.initialize(1)
    np.testing.assert_array_equal(np.asarray(rnn.Wi), w)
    assert rnn.state.shape == (1, 4)


def test_graph_tools():
    a, b, c, d = "a", "b", "c", "d"
    edges = [(a, b), (b, c), (a, c)]
    senders, receivers = bp.nn.find_senders_and_receivers(edges)
    assert senders == {b: [a], c: [b, a]} and receivers == {a: [b, c], b: [c]}
    assert bp.nn.find_entries_and_exits([a, b, c, d], edges) == ([a, d], [c, d])
    assert not bp.nn.detect_cycle([a, b, c], edges)
    assert bp.nn.detect_cycle([a, b, c], edges + [(c, a)])
    for method in ("dfs", "bfs"):
        assert bp.nn.detect_path(a, c, edges, method=method)
        assert not bp.nn.detect_path(c, a, edges, method=method)


def test_frozen_network_refuses_operations():
    net = bp.nn.Input(1) >> bp.nn.Dense(1)
    frozen = bp.nn.FrozenNetwork(net.lnodes, net.ff_edges, net.fb_edges)
    frozen.initialize(1)
    assert frozen(bm.ones((1, 1))).shape == (1, 1)
    with pytest.raises(TypeError, match="FrozenNetwork"):
        frozen >> bp.nn.Dense(1)


def test_plot_node_graph_draws_nodes_and_both_edge_kinds():
    i, r, o = bp.nn.Input(1), bp.nn.VanillaRNN(10), bp.nn.Dense(1)
    model = (i >> r >> o) & (r << o)
    ax = model.plot_node_graph(fig_size=(4, 4), node_size=1000, show=False)
    labels = {t.get_text() for t in ax.texts}
    assert {i.name, r.name, o.name} <= labels
    assert {t.get_text() for t in ax.get_legend().get_texts()} >= {"feedforward", "feedback"}
    with pytest.raises(ValueError, match="layout"):
        model.plot_node_graph(layout="nope", show=False)


def test_data_pass_types():
    class Single(bp.nn.Node):
        data_pass = bp.nn.SingleData()

        def init_ff(self):
            self.set_output_shape(self.feedforward_shapes[0])

        def forward(self, ff):
            return ff * 2

    class Named(bp.nn.Node):
        data_pass = bp.nn.MultipleData("name_dict")

        def init_ff(self):
            self.set_output_shape(self.feedforward_shapes[0])

        def forward(self, ff):
            return ff["p"] - ff["q"]

    s = Single(input_shape=2)
    s.initialize()
    np.testing.assert_allclose(np.asarray(s(bm.ones((1, 2)))), [[2, 2]])
    assert "PASS_ONLY_ONE" in repr(s)
    with pytest.raises(ModelBuildError, match="SingleData"):
        ({bp.nn.Input(2), bp.nn.Input(2)} >> Single()).initialize()
    p, q = bp.nn.Input(2, name="p"), bp.nn.Input(2, name="q")
    net = {p, q} >> Named()
    net.initialize()
    np.testing.assert_allclose(np.asarray(net({"p": bm.ones((1, 2)), "q": bm.ones((1, 2)) * 3})), [[-2, -2]])
    with pytest.raises(ValueError, match="return_type"):
        bp.nn.MultipleData("list")
