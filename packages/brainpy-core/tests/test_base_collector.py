"""Collection functions and Collectors (spec L6695-7063, L2249-2311)."""
# ruff: noqa: UP008  (spec cells are kept verbatim, including super(Cls, self))

import brainpy as bp
import brainpy.math as bm
import pytest


class RK4(bp.Base):
    """Stand-in for the integrator object of the spec (brainpy-integrators is not a core dependency)."""

    def __init__(self, f):
        super().__init__()
        self.f = f


class FHN(bp.Base):
    def __init__(self, num, a=0.7, b=0.8, tau=12.5, Vth=1.9, name=None):
        super(FHN, self).__init__(name=name)
        self.num = num
        self.a = a
        self.b = b
        self.tau = tau
        self.Vth = Vth
        self.V = bm.Variable(bm.zeros(num))
        self.w = bm.Variable(bm.zeros(num))
        self.spike = bm.Variable(bm.zeros(num, dtype=bool))
        self.integral = RK4(f=self.derivative)

    def derivative(self, V, w, t, Iext):
        dw = (V + self.a - self.b * w) / self.tau
        dV = V - V * V * V / 3 - w + Iext
        return dV, dw

    @property
    def exploding(self):  # collection must never evaluate properties
        raise RuntimeError("property evaluated")


class FeedForwardCircuit(bp.Base):
    def __init__(self, num1, num2, w=0.1, a=0.7, b=0.8, tau=12.5, Vth=1.9, name=None):
        super(FeedForwardCircuit, self).__init__(name=name)
        self.pre = FHN(num1, a=a, b=b, tau=tau, Vth=Vth)
        self.post = FHN(num2, a=a, b=b, tau=tau, Vth=Vth)
        self.conn = bm.ones((num1, num2), dtype=bool) * w


@pytest.fixture(autouse=True)
def fresh_names():
    bp.clear_name_cache()
    yield
    bp.clear_name_cache()


def test_tutorial_vars_and_nodes_absolute():
    keep = [FHN(10), FHN(10)]  # FHN0, FHN1 as in the tutorial
    fhn = FHN(10)
    v = fhn.vars()
    assert list(v) == ["FHN2.V", "FHN2.spike", "FHN2.w"]
    assert type(v) is bp.TensorCollector
    assert type(v).__module__ + "." + type(v).__name__ == "brainpy.base.collector.TensorCollector"
    nodes = fhn.nodes()
    assert list(nodes) == ["RK42", "FHN2"]  # the integrator first, then the node itself
    assert type(nodes) is bp.Collector and type(nodes).__module__ == "brainpy.base.collector"
    assert list(fhn.nodes().subset(RK4)) == ["RK42"]
    assert (fhn.integral.name, fhn.name) == ("RK42", "FHN2")

    net = FeedForwardCircuit(8, 5)
    assert list(net.vars()) == ["FHN3.V", "FHN3.spike", "FHN3.w", "FHN4.V", "FHN4.spike", "FHN4.w"]
    assert list(net.nodes().keys()) == ["FHN3", "FHN4", "RK43", "RK44", "FeedForwardCircuit0"]
    assert list(net.nodes().subset(RK4)) == ["RK43", "RK44"]
    assert (net.pre.name, net.post.name, net.name) == ("FHN3", "FHN4", "FeedForwardCircuit0")
    del keep


def test_tutorial_relative_paths():
    net = FeedForwardCircuit(8, 5)
    rel = net.nodes(method="relative")
    assert list(rel) == ["", "pre", "post", "pre.integral", "post.integral"]
    assert rel[""] is net and rel["pre.integral"] is net.pre.integral
    assert list(net.pre.nodes("relative")) == ["", "integral"]
    assert list(net.vars("relative")) == ["pre.V", "pre.spike", "pre.w", "post.V", "post.spike", "post.w"]
    assert list(net.post.vars("relative")) == ["V", "spike", "w"]
    assert net.vars("relative")["post.V"] is net.post.V


def test_level_and_include_self():
    net = FeedForwardCircuit(2, 3)
    assert list(net.nodes(level=0)) == [net.name]
    assert list(net.nodes("relative", level=1)) == ["", "pre", "post"]
    assert list(net.nodes("relative", include_self=False)) == ["pre", "post", "pre.integral", "post.integral"]
    assert list(net.pre.vars("relative", include_self=False)) == []
    assert list(net.vars("relative", level=0)) == []


def test_containers_invisible_unless_registered():
    class ATest(bp.Base):
        def __init__(self):
            super(ATest, self).__init__()
            self.all_vars = [bm.Variable(bm.zeros(5)), bm.Variable(bm.ones(6))]
            self.sub_nodes = {"a": FHN(10), "b": FHN(5)}

    t1 = ATest()
    assert t1.vars() == {}
    assert list(t1.nodes()) == ["ATest0"]

    class AnotherTest(bp.Base):
        def __init__(self):
            super(AnotherTest, self).__init__()
            self.all_vars = [bm.Variable(bm.zeros(5)), bm.Variable(bm.ones(6))]
            self.sub_nodes = {"a": FHN(10, name="T1"), "b": FHN(5, name="T2")}
            self.register_implicit_vars({f"v{i}": v for i, v in enumerate(self.all_vars)})
            self.register_implicit_nodes({k: v for k, v in self.sub_nodes.items()})

    t2 = AnotherTest()
    assert list(t2.nodes()) == ["T1", "T2", "RK42", "RK43", "AnotherTest0"]
    assert list(t2.vars()) == [
        "T1.V",
        "T1.spike",
        "T1.w",
        "T2.V",
        "T2.spike",
        "T2.w",
        "AnotherTest0.v0",
        "AnotherTest0.v1",
    ]
    with pytest.raises(TypeError):
        t2.register_implicit_vars({"x": 1.0})
    with pytest.raises(TypeError):
        t2.register_implicit_nodes([FHN(1)])


def test_unique_shared_variables_and_nodes():
    class ModelA(bp.Base):
        def __init__(self):
            super(ModelA, self).__init__()
            self.a = bm.Variable(bm.zeros(5))

    class SharedA(bp.Base):
        def __init__(self, source):
            super(SharedA, self).__init__()
            self.source = source
            self.a = source.a

    class Group(bp.Base):
        def __init__(self):
            super(Group, self).__init__()
            self.A = ModelA()
            self.A_shared = SharedA(self.A)

    g = Group()
    assert list(g.vars("relative")) == ["A.a", "A_shared.a", "A_shared.source.a"]
    assert list(g.vars("relative").unique()) == ["A.a"]
    assert list(g.nodes("relative")) == ["", "A", "A_shared", "A_shared.source"]
    assert list(g.nodes("relative").unique()) == ["", "A", "A_shared"]
    assert type(g.vars("relative").unique()) is bp.TensorCollector


def test_cycles_terminate():
    class Node(bp.Base):
        def __init__(self):
            super().__init__()
            self.v = bm.Variable(bm.zeros(1))

    a, b = Node(), Node()
    a.other, b.other = b, a
    assert set(a.nodes()) == {a.name, b.name}
    assert len(a.vars().unique()) == 2


def test_collector_update_conflicts_spec_text():
    tc = bp.Collector({"a": bm.zeros(10)})
    with pytest.raises(ValueError) as info:
        tc["a"] = bm.zeros(1)
    assert type(info.value).__name__ == "ValueError"
    assert str(info.value) == 'Name "a" conflicts: same name for [0.] and [0. 0. 0. 0. 0. 0. 0. 0. 0. 0.].'
    with pytest.raises(ValueError) as info:
        tc.update({"a": bm.ones(1)})
    assert str(info.value) == 'Name "a" conflicts: same name for [1.] and [0. 0. 0. 0. 0. 0. 0. 0. 0. 0.].'
    same = tc["a"]
    tc["a"] = same  # the same object again is fine
    tc.replace("a", bm.ones(3))
    assert repr(tc) == "{'a': JaxArray([1., 1., 1.], dtype=float32)}"


def test_collector_add_sub():
    a = bp.Collector({"a": bm.zeros(10)})
    b = bp.Collector({"b": bm.ones(10)})
    c = a + b
    assert list(c) == ["a", "b"] and type(c) is bp.Collector
    assert list(c - ["a"]) == ["b"]
    assert list(c - {"b": c["b"]}) == ["a"]
    assert list(c - [c["a"]]) == ["b"]
    with pytest.raises(KeyError):
        c - ["zz"]
    with pytest.raises(ValueError):
        c - {"a": bm.zeros(1)}
    with pytest.raises(ValueError):
        a + bp.Collector({"a": bm.ones(2)})


def test_tensor_collector_data_dict_assign():
    v1, v2 = bm.Variable(bm.zeros(2)), bm.Variable(bm.ones(3))
    tc = bp.ArrayCollector({"x": v1, "y": v2})
    assert bp.ArrayCollector is bp.TensorCollector
    d = tc.dict()
    assert type(d) is dict and list(d) == ["x", "y"]
    assert [x.shape for x in tc.data()] == [(2,), (3,)]
    tc.assign({"x": bm.asarray([3.0, 4.0])})
    assert v1.value.tolist() == [3.0, 4.0]
    with pytest.raises(KeyError):
        tc.assign({"z": 1.0})
    assert list(tc.subset(bm.TrainVar)) == []


def test_train_vars_and_no_property_access():
    class Net(bp.Base):
        def __init__(self):
            super().__init__(name="Net")
            self.w = bm.TrainVar(bm.ones(2))
            self.s = bm.Variable(bm.zeros(2))
            self.f = FHN(2)

    net = Net()
    assert list(net.train_vars()) == ["Net.w"]
    assert list(net.train_vars("relative")) == ["w"]
    assert len(net.vars()) == 5  # w, s and the three of FHN; FHN.exploding never evaluated


def test_function_node():
    v = bm.Variable(bm.zeros(1))
    inner = FHN(2, name="inner")

    def add(x):
        v.value += x

    f = bp.base.Function(add, nodes=inner, dyn_vars=[v])
    assert isinstance(f, bp.Base)
    assert set(f.vars("relative")) == {"v0", "inner.V", "inner.spike", "inner.w"}
    f(2.0)
    assert float(v[0]) == 2.0
    g = bm.function(add, dyn_vars={"v": v})
    assert list(g.vars("relative")) == ["v"]
    with pytest.raises(TypeError):
        bp.base.Function(3)
