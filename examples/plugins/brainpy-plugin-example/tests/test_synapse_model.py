"""The example plugin's synapse model, reached only through the public name ``bp.dyn.GradedSynapse``."""

import brainpy as bp
import brainpy.math as bm
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import ModelBuildError

DT = 0.1


class Clamp(bp.dyn.NeuGroup):
    """Neurons held at fixed potentials ``V``; ``I`` records the input of each step."""

    def __init__(self, V):
        V = np.asarray(V, dtype=np.float32)
        super().__init__(V.size)
        self.V = bm.Variable(bm.asarray(V))
        self.input = bm.Variable(bm.zeros(self.num))
        self.I = bm.Variable(bm.zeros(self.num))

    def update(self, _t, _dt):
        self.I.value = self.input.value
        self.input.value = jnp.zeros_like(self.input.value)


def test_graded_synapse_registered_by_the_plugin():
    from brainpy.plugins import get_registry

    reg = get_registry("synapse_models")
    assert "GradedSynapse" in reg
    assert reg.origin("GradedSynapse").distribution == "brainpy-plugin-example"
    assert issubclass(bp.dyn.GradedSynapse, bp.dyn.TwoEndConn)


def test_graded_synapse_relaxes_to_the_sigmoid_and_drives_the_current():
    V_pre = np.array([-60.0, -40.0, -30.0])
    V_post = np.array([-65.0, -70.0])
    mat = np.array([[1, 0], [1, 1], [0, 1]], bool)
    pre, post = Clamp(V_pre), Clamp(V_post)
    syn = bp.dyn.GradedSynapse(pre, post, mat, g_max=0.2, E=-80.0, tau=3.0)
    net = bp.dyn.Network(syn=syn, pre=pre, post=post)
    runner = bp.dyn.DSRunner(net, monitors=["syn.s", "post.I"], dt=DT, progress_bar=False)
    runner.run(30.0)
    s_inf = 1 / (1 + np.exp(-(V_pre + 40.0) / 5.0))  # 0.018, 0.5, 0.881
    t = runner.mon.ts + DT  # s is monitored after each step's integration
    expected_s = s_inf[None, :] * (1 - np.exp(-t[:, None] / 3.0))
    np.testing.assert_allclose(runner.mon["syn.s"], expected_s, rtol=1e-4, atol=1e-6)
    expected_I = 0.2 * (expected_s @ mat) * (-80.0 - V_post)
    np.testing.assert_allclose(runner.mon["post.I"], expected_I, rtol=1e-4, atol=1e-6)
    assert np.all(np.asarray(runner.mon["post.I"])[-1] < 0)  # E = -80 below V_post: inhibitory

    syn.reset()
    assert np.all(np.asarray(syn.s.value) == 0.0)


def test_graded_synapse_bad_arguments():
    pre, post = Clamp([-50.0]), Clamp([-60.0])
    with pytest.raises(ModelBuildError, match="tau"):
        bp.dyn.GradedSynapse(pre, post, bp.conn.One2One(), tau=0.0)
    with pytest.raises(ModelBuildError, match="'V'"):
        bp.dyn.GradedSynapse(_NoV(1), post, bp.conn.One2One())


class _NoV(bp.dyn.NeuGroup):
    def update(self, _t, _dt):
        pass
