"""brainpy.initialize random initializers: seeded statistics (mean, std, fan scaling), bounds,
orthogonality, seeding rules."""

import math

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import BrainPyError

SHAPE = (300, 200)  # 60 000 draws: the sample std of a std has relative error ~ 1/sqrt(2n) = 0.3 %


def _np(x):
    assert isinstance(x, bm.JaxArray)
    return np.asarray(x, dtype=np.float64)


def test_normal_mean_and_std():
    w = _np(bp.init.Normal(scale=0.5, seed=3)(SHAPE))
    n = w.size
    assert w.shape == SHAPE
    assert abs(w.mean()) < 4 * 0.5 / math.sqrt(n)
    assert w.std() == pytest.approx(0.5, rel=4 / math.sqrt(2 * n))
    # the first positional argument is the standard deviation (spec L2395: Normal(0.01))
    w = _np(bp.init.Normal(0.01, seed=1)(SHAPE))
    assert w.std() == pytest.approx(0.01, rel=0.02)
    w = _np(bp.init.Normal(2.0, mean=3.0, seed=1)(SHAPE))
    assert w.mean() == pytest.approx(3.0, abs=4 * 2 / math.sqrt(n))


def test_uniform_bounds_mean_and_variance():
    lo, hi = -80.0, -60.0
    w = _np(bp.init.Uniform(lo, hi, seed=5)(SHAPE))
    n = w.size
    assert lo <= w.min() and w.max() < hi
    assert w.mean() == pytest.approx((lo + hi) / 2, abs=4 * (hi - lo) / math.sqrt(12 * n))
    assert w.var() == pytest.approx((hi - lo) ** 2 / 12, rel=0.02)
    # tuple sizes are flattened (spec L5584)
    assert bp.init.Uniform(min_val=0.0, max_val=1.0)(((4, 4), (3, 3))).shape == (16, 9)


def test_seeded_initializers_are_reproducible():
    a = _np(bp.init.Normal(seed=42)((20, 30)))
    b = _np(bp.init.Normal(seed=42)((20, 30)))
    np.testing.assert_array_equal(a, b)
    init = bp.init.Normal(seed=42)
    first, second = _np(init((20, 30))), _np(init((20, 30)))
    np.testing.assert_array_equal(first, a)
    assert not np.allclose(first, second)  # successive calls draw anew
    # unseeded initializers draw from the global generator, which bm.random.seed controls
    bm.random.seed(7)
    c = _np(bp.init.Uniform()((10,)))
    bm.random.seed(7)
    np.testing.assert_array_equal(c, _np(bp.init.Uniform()((10,))))


PRESETS = [
    (bp.init.KaimingUniform, 2.0, "fan_in", "uniform"),
    (bp.init.KaimingNormal, 2.0, "fan_in", "truncated_normal"),
    (bp.init.XavierUniform, 1.0, "fan_avg", "uniform"),
    (bp.init.XavierNormal, 1.0, "fan_avg", "truncated_normal"),
    (bp.init.LecunUniform, 1.0, "fan_in", "uniform"),
    (bp.init.LecunNormal, 1.0, "fan_in", "truncated_normal"),
]


@pytest.mark.parametrize("cls,scale,mode,distribution", PRESETS, ids=[p[0].__name__ for p in PRESETS])
def test_variance_scaling_presets(cls, scale, mode, distribution):
    init = cls(seed=11)
    assert (init.scale, init.mode, init.distribution) == (scale, mode, distribution)
    fan_in, fan_out = SHAPE
    n = {"fan_in": fan_in, "fan_avg": (fan_in + fan_out) / 2}[mode]
    w = _np(init(SHAPE))
    std = math.sqrt(scale / n)
    assert w.std() == pytest.approx(std, rel=0.02)
    assert abs(w.mean()) < 4 * std / math.sqrt(w.size)
    if distribution == "uniform":
        assert np.abs(w).max() <= math.sqrt(3) * std * (1 + 1e-6)
        assert np.abs(w).max() > 0.99 * math.sqrt(3) * std
    else:  # truncated at two standard deviations of the underlying normal
        bound = 2 * std / 0.87962566103423978
        assert np.abs(w).max() <= bound * (1 + 1e-6)
        assert np.abs(w).max() > 0.95 * bound


@pytest.mark.parametrize("distribution", ["normal", "uniform", "truncated_normal"])
def test_variance_scaling_modes_axes_and_receptive_field(distribution):
    # a (50, 400) matrix read with in_axis=0, out_axis=1: fan_in 50, fan_out 400, fan_avg 225
    for mode, fan in [("fan_in", 50), ("fan_out", 400), ("fan_avg", 225)]:
        w = _np(bp.init.VarianceScaling(2.0, mode, distribution, in_axis=0, out_axis=1, seed=2)((50, 400)))
        assert w.var() == pytest.approx(2.0 / fan, rel=0.03), mode
    # a conv kernel (3, 3, in=60, out=40): receptive field 9, fan_in 9 * 60
    k = _np(bp.init.VarianceScaling(1.0, "fan_in", distribution, seed=2)((3, 3, 60, 40)))
    assert k.var() == pytest.approx(1.0 / (9 * 60), rel=0.03)


def test_variance_scaling_errors():
    with pytest.raises(ValueError, match="mode='fan'"):
        bp.init.VarianceScaling(1.0, "fan", "normal")
    with pytest.raises(BrainPyError, match="distribution='gauss'"):
        bp.init.VarianceScaling(1.0, "fan_in", "gauss")
    with pytest.raises(ValueError, match="at least two dimensions"):
        bp.init.XavierNormal()(10)


@pytest.mark.parametrize("shape", [(30, 50), (50, 30), (40, 40)])
def test_orthogonal(shape):
    w = _np(bp.init.Orthogonal(scale=2.0, seed=0)(shape))
    m, n = shape
    # viewed with axis -1 (size n) as rows
    rows = w.T
    gram = rows @ rows.T if n <= m else rows.T @ rows
    np.testing.assert_allclose(gram, 4 * np.eye(min(m, n)), atol=1e-4)


def test_orthogonal_other_axis_and_higher_rank():
    w = _np(bp.init.Orthogonal(axis=0, seed=1)((6, 2, 5)))
    mat = w.reshape(6, -1)  # axis 0 as rows, 10 columns
    np.testing.assert_allclose(mat @ mat.T, np.eye(6), atol=1e-5)
    with pytest.raises(ValueError):
        bp.init.Orthogonal()((5,))


def test_orthogonal_is_haar_distributed():
    # uniform over O(n): the entries of a random orthogonal n x n matrix have variance 1/n
    w = np.stack([_np(bp.init.Orthogonal(seed=s)((8, 8))) for s in range(200)])
    assert w.mean() == pytest.approx(0.0, abs=0.01)
    assert w.var() == pytest.approx(1 / 8, rel=0.05)
    # and the sign fix makes the diagonal unbiased
    assert abs(w[:, 0, 0].mean()) < 4 * math.sqrt(1 / 8 / 200)


def test_delta_orthogonal():
    w = _np(bp.init.DeltaOrthogonal(scale=1.5, seed=4)((3, 5, 4, 6)))
    centre = w[1, 2]
    np.testing.assert_allclose(centre @ centre.T, 2.25 * np.eye(4), atol=1e-4)
    assert np.count_nonzero(w) == np.count_nonzero(centre)
    with pytest.raises(ValueError, match="c_in <= c_out"):
        bp.init.DeltaOrthogonal()((3, 3, 6, 4))
    with pytest.raises(ValueError, match="3, 4 or 5"):
        bp.init.DeltaOrthogonal()((6, 4))


def test_dtype_argument():
    assert bp.init.Normal(seed=0)((3, 4), dtype=bm.float16).dtype == np.float16
    assert bp.init.Uniform()((3,)).dtype == np.float32


def test_argument_errors():
    with pytest.raises(ValueError, match="seed=0.1"):
        bp.init.Normal(0.0, 0.1)  # Normal(scale, seed, mean): a float seed is a misplaced argument
    with pytest.raises(ValueError, match="standard deviation"):
        bp.init.Normal(-1.0)
    with pytest.raises(ValueError, match="swap"):
        bp.init.Uniform(2.0, 1.0)
    assert repr(bp.init.Normal(0.01)) == "Normal(scale=0.01, mean=0.0, seed=None)"
