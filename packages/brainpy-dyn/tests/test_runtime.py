"""Dynamical systems: DynamicalSystem, Container/Network, NeuGroup, TwoEndConn, ConstantDelay."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import ModelBuildError, NoImplementationError, UnknownNameError
from brainpy.math._settings import settings


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    yield
    settings.reset()
    bp.clear_name_cache()


class Group(bp.dyn.NeuGroup):
    """Records the order of updates in a shared log; spikes on every step given by `fire`."""

    def __init__(self, size, log=None, fire=(), **kwargs):
        super().__init__(size, **kwargs)
        self.log = log
        self.fire = set(fire)
        self.spike = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.input = bm.Variable(bm.zeros(self.num))
        self.V = bm.Variable(bm.zeros(self.num))
        self.k = 0

    def update(self, _t, _dt):
        if self.log is not None:
            self.log.append(self.name)
        self.V.value = self.V + self.input
        self.input[:] = 0.0

    def reset(self):
        self.V.value = bm.zeros(self.num)


class Syn(bp.dyn.TwoEndConn):
    def __init__(self, pre, post, conn=None, log=None, **kwargs):
        super().__init__(pre, post, conn=conn, **kwargs)
        self.log = log
        self.check_pre_attrs("spike")
        self.check_post_attrs("input", "V")

    def update(self, _t, _dt):
        if self.log is not None:
            self.log.append(self.name)


def test_neugroup_size_num_shape():
    assert Group(10).num == 10 and Group(10).size == (10,)
    g = Group((5, 4, 2))
    assert g.num == 40 and g.shape == (5, 4, 2) and g.size == (5, 4, 2)
    assert Group([3, 3]).size == (3, 3)
    for bad in (0, -1, 2.5, "10", (), (3, 0), True):
        with pytest.raises(ModelBuildError):
            Group(bad)


def test_dynamical_system_is_base_and_requires_update():
    ds = bp.dyn.DynamicalSystem(name="plain")
    assert isinstance(ds, bp.Base) and ds.name == "plain"
    with pytest.raises(NoImplementationError, match="plain"):
        ds.update(0.0, 0.1)
    with pytest.raises(NoImplementationError, match="reset"):
        ds.reset()


def test_ints_collects_integrators():
    class Model(bp.dyn.DynamicalSystem):
        def __init__(self):
            super().__init__()
            self.x = bm.Variable(bm.zeros(1))
            self.integral = bp.odeint(lambda x, t: -x)

        def update(self, _t, _dt):
            self.x.value = self.integral(self.x, _t, dt=_dt)

    m = Model()
    ints = m.ints()
    assert list(ints.values()) == [m.integral]
    net = bp.dyn.Network(a=m)
    assert list(net.ints(method="relative")) == ["a.integral"]


def test_container_children_keys_attributes_and_child_ds():
    a, b = Group(2, name="A"), Group(3, name="B")
    c = Group(4)
    net = bp.dyn.Network(a, [b], name="net", third=c)
    assert net.A is a and net.B is b and net.third is c
    assert list(net.child_ds()) == ["A", "B", c.name]
    assert list(net.child_ds(method="relative")) == ["A", "B", "third"]
    assert list(net.child_ds(include_self=True))[-1] == "net"
    assert "third.V" in net.vars(method="relative")
    with pytest.raises(AttributeError, match="nothing"):
        net.nothing
    with pytest.raises(ModelBuildError, match="DynamicalSystem"):
        bp.dyn.Container(a, x=3)
    assert bp.Network is bp.dyn.Network and issubclass(bp.dyn.Network, bp.dyn.Container)


def test_network_update_order_synapses_then_neurons_then_delays():
    log = []
    pre, post = Group(2, log=log, name="pre"), Group(2, log=log, name="post")
    syn = Syn(pre, post, bp.conn.All2All(), log=log, name="syn")

    class LoggedDelay(bp.dyn.ConstantDelay):
        def update(self, _t=None, _dt=None):
            log.append(self.name)
            super().update(_t, _dt)

    delay = LoggedDelay(2, 0.5, name="delay")
    net = bp.dyn.Network(delay, pre, post, syn)
    net.update(0.0, 0.1)
    assert log == ["syn", "pre", "post", "delay"]


def test_network_reset_resets_children():
    a = Group(3)
    a.V.value = bm.ones(3)
    net = bp.dyn.Network(a=a)
    net.reset()
    np.testing.assert_array_equal(a.V, np.zeros(3))


def test_two_end_conn_builds_connector_and_checks_attrs():
    pre, post = Group(3), Group((2, 2))
    syn = Syn(pre, post, bp.conn.All2All())
    assert syn.pre is pre and syn.post is post
    assert syn.conn.pre_num == 3 and syn.conn.post_num == 4
    np.testing.assert_array_equal(np.asarray(syn.conn.require("conn_mat")), np.ones((3, 4), bool))
    mat = np.eye(3, 4, dtype=bool)
    syn2 = Syn(pre, post, mat)
    np.testing.assert_array_equal(np.asarray(syn2.conn.require("conn_mat")), mat)
    with pytest.raises(ModelBuildError, match=r"\(pre.num, post.num\)"):
        Syn(pre, post, np.ones((2, 2), bool))
    with pytest.raises(ModelBuildError, match="NeuGroup"):
        Syn(pre, bp.dyn.DynamicalSystem(), bp.conn.All2All())

    class Plain(bp.dyn.NeuGroup):
        def update(self, _t, _dt):
            pass

    with pytest.raises(ModelBuildError, match="'spike'"):
        Syn(Plain(2), post, bp.conn.All2All())
    with pytest.raises(ModelBuildError, match="'input'"):
        Syn(pre, Plain(2), bp.conn.All2All())


@pytest.mark.parametrize("delay,dt", [(0.0, 0.1), (0.3, 0.1), (1.0, 0.25)])
def test_constant_delay_uniform(delay, dt):
    d = bp.dyn.ConstantDelay(3, delay, dt=dt)
    steps = int(np.ceil(delay / dt - 1e-9))
    assert d.num_step == steps + 1
    pulled = []
    for k in range(10):
        d.push(bm.ones(3) * k)
        assert float(d.latest[0]) == k
        pulled.append(float(d.pull()[0]))
        np.testing.assert_array_equal(np.asarray(d.oldest), np.asarray(d.pull()))
        d.update()
    expected = [max(k - steps, 0) if k >= steps else 0.0 for k in range(10)]
    assert pulled == expected
    d.reset()
    assert float(np.abs(np.asarray(d.data)).sum()) == 0.0


def test_constant_delay_per_element_and_bool():
    d = bp.dyn.ConstantDelay(3, np.array([0.0, 0.1, 0.2]), dt=0.1, dtype=bool)
    seq = [np.array([True, True, True]), np.array([False, False, False]), np.array([False, False, False])]
    out = []
    for x in seq:
        d.push(x)
        out.append(np.asarray(d.pull()))
        d.update()
    np.testing.assert_array_equal(np.array(out), [[True, False, False], [False, True, False], [False, False, True]])
    assert out[0].dtype == np.bool_
    with pytest.raises(ModelBuildError):
        bp.dyn.ConstantDelay(3, -1.0)
    with pytest.raises(ModelBuildError):
        bp.dyn.ConstantDelay(3, np.array([0.1, 0.2]))


def test_constant_delay_inside_jit():
    d = bp.dyn.ConstantDelay(2, 0.2, dt=0.1)

    def step(x):
        d.push(x)
        out = d.pull()
        d.update()
        return out

    f = bm.jit(step, dyn_vars=d.vars())
    outs = [float(f(bm.ones(2) * (k + 1))[0]) for k in range(5)]
    assert outs == [0.0, 0.0, 1.0, 2.0, 3.0]


def test_dyn_getattr_falls_back_to_model_registries():
    from brainpy.plugins import get_registry, hookimpl, register, unregister

    class MyNeuron(bp.dyn.NeuGroup):
        def update(self, _t, _dt):
            pass

    class _Plugin:
        @staticmethod
        @hookimpl
        def brainpy_neuron_models():
            return {"MyTestNeuronXYZ": MyNeuron}

    plugin = _Plugin()
    register(plugin, name="test-runtime-plugin")
    try:
        assert bp.dyn.MyTestNeuronXYZ is MyNeuron
        assert "MyTestNeuronXYZ" in get_registry("neuron_models")
    finally:
        unregister(plugin)
    with pytest.raises(UnknownNameError):
        bp.dyn.NoSuchModelAnywhere
    with pytest.raises(AttributeError):
        bp.dyn.NoSuchModelAnywhere


def test_spec_module_paths():
    assert bp.dyn.Network.__module__ == "brainpy.dyn.base"
    assert bp.dyn.ConstantDelay.__module__ == "brainpy.dyn.base"
    assert bp.DSRunner.__module__ == "brainpy.dyn.runners.ds_runner"
    assert bp.Monitor.__module__ == "brainpy.running.monitor"
    import brainpy.dyn.base
    import brainpy.running.monitor

    assert brainpy.dyn.base.Network is bp.Network and brainpy.running.monitor.Monitor is bp.Monitor
