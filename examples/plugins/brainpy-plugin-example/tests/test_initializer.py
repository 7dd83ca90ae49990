"""The example plugin's initializer, reached through public names only (plugin installed)."""

import brainpy as bp
import brainpy.math as bm
import brainpy.plugins
import numpy as np
import pytest


def test_found_as_bp_init_name():
    cls = bp.init.TriangularDecay
    assert issubclass(cls, bp.init.IntraLayerInitializer)
    assert "TriangularDecay" in brainpy.plugins.get_registry("initializers")
    origin = brainpy.plugins.get_registry("initializers").origin("TriangularDecay")
    assert origin.distribution == "brainpy-plugin-example"


def test_weights_follow_the_triangular_profile():
    w = bp.init.TriangularDecay(max_w=2.0, width=2.0)((3,))
    assert isinstance(w, bm.JaxArray)
    np.testing.assert_allclose(np.asarray(w), [[2, 1, 0], [1, 2, 1], [0, 1, 2]])


def test_two_dimensional_population():
    shape = (4, 5)
    w = np.asarray(bp.init.TriangularDecay(max_w=1.0, width=3.0, include_self=False)(shape))
    assert w.shape == (20, 20)
    np.testing.assert_allclose(w, w.T)
    assert np.all(np.diag(w) == 0)
    # neuron (1, 2) is row 1*5+2 = 7; neuron (3, 2) is two rows below: 1 - 2/3
    assert w[7, 17] == pytest.approx(1 / 3, rel=1e-6)
    # neurons (0, 0) and (3, 4) are 5 apart, beyond the width
    assert w[0, 19] == 0


def test_used_as_a_model_parameter_initializer():
    # a plugin initializer is a regular bp.init.Initializer
    assert isinstance(bp.init.TriangularDecay(1.0, 1.0), bp.init.Initializer)
