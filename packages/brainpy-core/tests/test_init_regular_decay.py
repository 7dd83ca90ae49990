"""brainpy.initialize regular and decay initializers against their formulas; base classes,
shape rules and the plugin fallback of ``bp.init.<Name>``."""

import itertools
import math

import brainpy as bp
import brainpy.math as bm
import brainpy.plugins
import numpy as np
import pytest
from brainpy.errors import UnknownNameError
from brainpy.plugins import hookimpl
from hypothesis import given, settings
from hypothesis import strategies as st


def test_sixteen_initializers_and_three_bases():
    concrete = [
        "ZeroInit", "OneInit", "Identity",
        "Normal", "Uniform", "VarianceScaling", "KaimingUniform", "KaimingNormal", "XavierUniform",
        "XavierNormal", "LecunUniform", "LecunNormal", "Orthogonal", "DeltaOrthogonal",
        "GaussianDecay", "DOGDecay",
    ]  # fmt: skip
    assert len(concrete) == 16
    assert set(bp.init.__all__) == set(concrete) | {"Initializer", "InterLayerInitializer", "IntraLayerInitializer"}
    for name in concrete:
        cls = getattr(bp.init, name)
        base = bp.init.IntraLayerInitializer if "Decay" in name else bp.init.InterLayerInitializer
        assert issubclass(cls, base) and issubclass(cls, bp.init.Initializer)
    assert bp.initialize is bp.init


def test_zero_one_identity():
    z = bp.init.ZeroInit()((3, 4))
    assert isinstance(z, bm.JaxArray) and z.shape == (3, 4) and not np.any(np.asarray(z))
    o = bp.init.OneInit(value=2.5)((5, 6))
    np.testing.assert_array_equal(np.asarray(o), np.full((5, 6), 2.5, dtype=np.float32))
    assert bp.init.OneInit(50.0)(3).shape == (3,)
    np.testing.assert_array_equal(np.asarray(bp.init.Identity(2.0)((2, 3))), 2 * np.eye(2, 3))
    np.testing.assert_array_equal(np.asarray(bp.init.Identity()(4)), np.eye(4))
    np.testing.assert_array_equal(np.asarray(bp.init.Identity()(((2, 2), 3))), np.eye(4, 3))
    with pytest.raises(ValueError, match="two dimensions"):
        bp.init.Identity()((2, 3, 4))
    assert bp.init.ZeroInit()((2,), dtype=bm.int32).dtype == np.int32


def test_bad_shapes_are_reported():
    with pytest.raises(ValueError, match="shape='big'"):
        bp.init.ZeroInit()("big")
    with pytest.raises(ValueError, match="-1"):
        bp.init.OneInit()((3, -1))


# ---- decay initializers: an independent double loop over neuron pairs ------------------------
def _positions(shape, ranges):
    axes = [np.array([a + m * (b - a) / n for m in range(n)]) for (a, b), n in zip(ranges, shape)]
    return [np.array(p) for p in itertools.product(*axes)]  # row-major order


def _reference(shape, profile, ranges=None, periodic=False):
    ranges = ranges or [(0, n) for n in shape]
    pos = _positions(shape, ranges)
    n = len(pos)
    w = np.zeros((n, n))
    for i, j in itertools.product(range(n), range(n)):
        d = np.abs(pos[i] - pos[j])
        if periodic:
            d = np.minimum(d, np.array([b - a for a, b in ranges]) - d)
        w[i, j] = profile(np.sum(d**2))
    return w


def test_gaussian_decay_spec_shape_and_row_layout():
    size = (5, 5)
    weights = bp.init.GaussianDecay(sigma=2.0, max_w=10.0, include_self=True)(size)
    assert weights.shape == (25, 25)
    w = np.asarray(weights)
    # neuron (1, 2) is row 5*1 + 2 = 7; its self weight is max_w
    assert w[7, 7] == pytest.approx(10.0)
    assert w[7].reshape(size)[1, 2] == pytest.approx(10.0)
    assert w[7].reshape(size)[3, 4] == pytest.approx(10 * math.exp(-8 / 8), rel=1e-6)


@pytest.mark.parametrize("periodic", [False, True])
def test_gaussian_decay_formula(periodic):
    shape, sigma, max_w = (4, 6), 1.5, 3.0
    expected = _reference(shape, lambda d2: max_w * math.exp(-d2 / (2 * sigma**2)), periodic=periodic)
    expected[expected < 0.005 * max_w] = 0.0
    got = np.asarray(bp.init.GaussianDecay(sigma, max_w, periodic_boundary=periodic)(shape))
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(got, got.T)


def test_gaussian_decay_options():
    ranges = [(0.0, 1.0), (-math.pi, math.pi)]
    shape = (3, 5)
    ref = _reference(shape, lambda d2: 2.0 * math.exp(-d2 / (2 * 0.8**2)), ranges=ranges, periodic=True)
    init = bp.init.GaussianDecay(0.8, 2.0, min_w=0.5, encoding_values=ranges, periodic_boundary=True,
                                 include_self=False, normalize=True)  # fmt: skip
    ref[ref < 0.5] = 0
    np.fill_diagonal(ref, 0)
    ref /= ref.max()
    np.testing.assert_allclose(np.asarray(init(shape)), ref, rtol=1e-5, atol=1e-6)
    # one (min, max) pair for every dimension
    one = np.asarray(bp.init.GaussianDecay(0.3, 1.0, encoding_values=(0.0, 1.0))((4,)))
    ref = _reference((4,), lambda d2: math.exp(-d2 / (2 * 0.09)), ranges=[(0.0, 1.0)])
    ref[ref < 0.005] = 0
    np.testing.assert_allclose(one, ref, rtol=1e-5, atol=1e-7)
    with pytest.raises(ValueError, match="encoding ranges"):
        bp.init.GaussianDecay(1.0, 1.0, encoding_values=[(0, 1)] * 3)((2, 2))
    with pytest.raises(ValueError, match="sigma"):
        bp.init.GaussianDecay(0.0, 1.0)


def test_dog_decay_spec_and_formula():
    size = (10, 12)
    dog_init = bp.init.DOGDecay(sigmas=(1.0, 3.0), max_ws=(10.0, 5.0), min_w=0.1, include_self=True)
    weights = dog_init(size)
    assert weights.shape == (120, 120)
    row = np.asarray(weights)[3 * 12 + 4].reshape(size)  # neuron (3, 4)

    def dog(d2):
        return 10 * math.exp(-d2 / 2) - 5 * math.exp(-d2 / 18)

    ref = _reference(size, dog)
    ref[np.abs(ref) < 0.1] = 0
    ref /= np.abs(ref).max()  # normalize=True by default
    np.testing.assert_allclose(np.asarray(weights), ref, rtol=1e-5, atol=1e-6)
    assert row[3, 4] == pytest.approx(1.0)  # the centre is the strongest (excitatory) weight
    assert row.min() < 0  # an inhibitory surround
    # default min_w = 0.005 * min(max_ws)
    assert bp.init.DOGDecay(sigmas=(1.0, 3.0), max_ws=(10.0, 5.0)).min_w == pytest.approx(0.025)
    raw = np.asarray(bp.init.DOGDecay((1.0, 2.0), (1.0, 0.5), normalize=False, include_self=False)((6,)))
    ref = _reference((6,), lambda d2: math.exp(-d2 / 2) - 0.5 * math.exp(-d2 / 8))
    ref[np.abs(ref) < 0.0025] = 0
    np.fill_diagonal(ref, 0)
    np.testing.assert_allclose(raw, ref, rtol=1e-5, atol=1e-7)
    with pytest.raises(ValueError, match="two widths"):
        bp.init.DOGDecay(sigmas=(1.0,), max_ws=(1.0, 2.0))


# ---- custom initializers and plugins ---------------------------------------------------------
def test_custom_initializer_must_implement_call():
    class Half(bp.init.InterLayerInitializer):
        def __call__(self, shape, dtype=None):
            return bm.ones(shape, dtype=dtype) / 2

    np.testing.assert_array_equal(np.asarray(Half()((2, 2))), 0.5)

    class Broken(bp.init.Initializer):
        pass

    with pytest.raises(TypeError):
        Broken()


class _PluginInit(bp.init.InterLayerInitializer):
    def __call__(self, shape, dtype=None):
        return bm.full(shape, 7.0)


class _TestPlugin:
    @hookimpl
    def brainpy_initializers(self):
        return {"SevenInit": _PluginInit}


def test_plugin_initializers_appear_as_bp_init_names():
    with brainpy.plugins.snapshot():
        brainpy.plugins.register(_TestPlugin(), name="test-plugin")
        assert bp.init.SevenInit is _PluginInit
        np.testing.assert_array_equal(np.asarray(bp.init.SevenInit()((2,))), [7.0, 7.0])
    registry = brainpy.plugins.get_registry("initializers")
    assert "SevenInit" not in registry
    for name in bp.init.__all__:
        assert registry.get(name) is getattr(bp.init, name)


def test_unknown_name_lists_choices():
    with pytest.raises(UnknownNameError, match="Did you mean 'Uniform'") as info:
        bp.init.Unifrom
    assert isinstance(info.value, AttributeError)
    assert "GaussianDecay" in str(info.value)
    assert not hasattr(bp.init, "NoSuchInit")


# ---- properties --------------------------------------------------------------------------------
_dims = st.integers(min_value=1, max_value=5)
_sizes = st.one_of(_dims, st.tuples(_dims, _dims))


@settings(max_examples=20, deadline=None)
@given(shape=st.lists(_sizes, min_size=1, max_size=3), which=st.sampled_from(["zero", "one", "uniform", "normal"]))
def test_property_inter_layer_shapes_flatten_tuple_sizes(shape, which):
    init = {
        "zero": bp.init.ZeroInit(),
        "one": bp.init.OneInit(3.0),
        "uniform": bp.init.Uniform(seed=1),
        "normal": bp.init.Normal(seed=1),
    }[which]
    expected = tuple(s if isinstance(s, int) else math.prod(s) for s in shape)
    w = init(tuple(shape))
    assert isinstance(w, bm.JaxArray) and w.shape == expected and w.dtype == np.float32


@settings(max_examples=20, deadline=None)
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=3),
    sigma=st.floats(0.3, 3.0),
    periodic=st.booleans(),
    include_self=st.booleans(),
)
def test_property_decay_weights_are_symmetric_and_bounded(shape, sigma, periodic, include_self):
    n = math.prod(shape)
    w = np.asarray(
        bp.init.GaussianDecay(sigma, 2.0, periodic_boundary=periodic, include_self=include_self)(tuple(shape))
    )
    assert w.shape == (n, n)
    np.testing.assert_allclose(w, w.T, atol=1e-6)
    assert np.all(w >= 0) and np.all(w <= 2.0 + 1e-6)
    assert np.all(np.diag(w) == (2.0 if include_self else 0.0))
