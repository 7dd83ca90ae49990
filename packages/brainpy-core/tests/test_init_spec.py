"""The code cells of the spec's "Synaptic Weights" (L5556-5643) and initializer (L5644-5788)
tutorials, run unchanged, with their printed outputs checked.

The cells that build ``bp.conn`` connectors (All2All, One2One, MatConn) belong to brainpy-dyn
and are tested there. ``plt.cm.get_cmap``, which the tutorial uses, was removed in
matplotlib 3.9; the fixture below puts it back for the duration of the test (a matplotlib
change, not a toolkit one).
"""

# The tutorial cells are kept verbatim (old-style super(), str.format, their own imports).
# ruff: noqa: UP008, UP032, F401, I001

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

pytestmark = pytest.mark.spec


@pytest.fixture
def get_cmap(monkeypatch):
    if not hasattr(plt.cm, "get_cmap"):
        monkeypatch.setattr(plt.cm, "get_cmap", matplotlib.colormaps.get_cmap, raising=False)
    yield
    plt.close("all")


def _squash(text):
    return re.sub(r"\s+", "", text)


def test_synaptic_weight_cells(capsys, get_cmap):
    import brainpy as bp
    import brainpy.math as bm
    import numpy as np
    import matplotlib.pyplot as plt

    bp.math.set_platform("cpu")

    weight = 1.0
    assert weight == 1.0

    pre_size = (4, 4)
    post_size = (3, 3)
    uniform_init = bp.init.Uniform(min_val=0.0, max_val=1.0)
    weights = uniform_init((pre_size, post_size))
    print("shape of weights: {}".format(weights.shape))
    assert capsys.readouterr().out == "shape of weights: (16, 9)\n"

    i, j = (2, 3)
    print("synaptic weights of (i, j): {}".format(weights[i, j]))
    value = float(capsys.readouterr().out.split(": ")[1])
    assert 0.0 <= value < 1.0

    size = 5
    weights = bm.random.uniform(0, 2, size)
    for i in range(size):
        print("weight of synapse {}: {}".format(i, weights[i]))
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"weight of synapse {k}" for k in range(5)]
    assert all(0.0 <= float(line.split(": ")[1]) < 2.0 for line in lines)

    weights = bm.Variable(bm.ones(10))
    assert repr(weights) == "Variable([1., 1., 1., 1., 1., 1., 1., 1., 1., 1.], dtype=float32)"


def test_initializer_tutorial_cells(capsys, get_cmap):
    import brainpy as bp
    import brainpy.math as bm

    # visualization
    def mat_visualize(matrix, cmap=plt.cm.get_cmap("coolwarm")):
        im = plt.matshow(matrix, cmap=cmap)
        plt.colorbar(mappable=im, shrink=0.8, aspect=15)
        plt.show()

    # 'OneInit' initializes all the weights with the same value
    shape = (5, 6)
    one_init = bp.init.OneInit(value=2.5)
    weights = one_init(shape)
    print(weights)
    row = "[2.5, 2.5, 2.5, 2.5, 2.5, 2.5]"
    assert _squash(capsys.readouterr().out) == _squash(f"JaxArray([{', '.join([row] * 5)}], dtype=float32)")

    shape = (10, 20)
    normal_init = bp.init.Normal(scale=1.0)
    weights = normal_init(shape)
    mat_visualize(weights)
    assert weights.shape == (10, 20)

    uniform_init = bp.init.Uniform(min_val=0.0, max_val=1.0)
    weights = uniform_init(shape)
    mat_visualize(weights)

    size = (5, 5)
    gaussian_init = bp.init.GaussianDecay(sigma=2.0, max_w=10.0, include_self=True)
    weights = gaussian_init(size)
    print("shape of weights: {}".format(weights.shape))
    assert capsys.readouterr().out == "shape of weights: (25, 25)\n"
    mat_visualize(weights[0].reshape(size), cmap=plt.cm.get_cmap("Reds"))

    size = (10, 12)
    dog_init = bp.init.DOGDecay(sigmas=(1.0, 3.0), max_ws=(10.0, 5.0), min_w=0.1, include_self=True)
    weights = dog_init(size)
    print("shape of weights: {}".format(weights.shape))
    assert capsys.readouterr().out == "shape of weights: (120, 120)\n"
    mat_visualize(weights[3 * 12 + 4].reshape(size), cmap=plt.cm.get_cmap("Reds"))

    class LinearDecay(bp.init.InterLayerInitializer):
        def __init__(self, max_w, sigma=1.0):
            self.max_w = max_w
            self.sigma = sigma

        def __call__(self, shape, dtype=None):
            mat = bp.math.zeros(shape, dtype=dtype)
            n_pre, n_post = shape
            seq = np.arange(n_pre)
            current_w = self.max_w
            for i in range(max(n_pre, n_post)):
                if current_w <= 0:
                    break
                seq_plus = ((seq + i) >= 0) & ((seq + i) < n_post)
                seq_minus = ((seq - i) >= 0) & ((seq - i) < n_post)
                mat[seq[seq_plus], (seq + i)[seq_plus]] = current_w
                mat[seq[seq_minus], (seq - i)[seq_minus]] = current_w
                current_w -= self.sigma
            return mat

    shape = (10, 15)
    lin_init = LinearDecay(max_w=5, sigma=1.0)
    weights = lin_init(shape)
    mat_visualize(weights, cmap=plt.cm.get_cmap("Reds"))
    k = np.abs(np.arange(10)[:, None] - np.arange(15)[None, :])
    np.testing.assert_allclose(np.asarray(weights), np.maximum(5 - k, 0))
