"""Choosing operator backends: priority, forcing (bm.set_op_backend, BRAINPY_OP_BACKEND), trace-time choice."""

from __future__ import annotations

import subprocess
import sys
import warnings

import brainpy.math as bm
import brainpy.plugins
import jax
import numpy as np
import pytest
from brainpy.errors import BrainPyPluginWarning, MathError, PackageMissingError, UnknownNameError, UnsupportedError
from brainpy.plugins import OperatorBackend, hookimpl


@pytest.fixture(autouse=True)
def clean_state(monkeypatch):
    monkeypatch.delenv("BRAINPY_OP_BACKEND", raising=False)
    with warnings.catch_warnings():  # another distribution's plugin failing to load is not our concern here
        warnings.simplefilter("ignore", BrainPyPluginWarning)
        brainpy.plugins.get_registry("operator_backends")
    with brainpy.plugins.snapshot():
        yield
        for op in ("syn2post_sum", "pre2syn", "register_op"):
            try:
                bm.set_op_backend(op, None)
            except UnknownNameError:
                pass
        bm.set_op_backend(backend=None)


class Doubling:
    """A plugin serving syn2post_sum as twice the reference, counting its calls."""

    calls = 0

    def __init__(self, priority=100, platform="any", name="doubling"):
        self.priority, self.platform, self.name = priority, platform, name

    def impl(self, syn_values, post_ids, post_num, indices_are_sorted=True):
        Doubling.calls += 1
        return 2 * jax.ops.segment_sum(syn_values, post_ids, post_num)

    @hookimpl
    def brainpy_operator_backends(self):
        return [OperatorBackend("syn2post_sum", self.name, self.platform, self.impl, self.priority)]


IDS = np.array([0, 1, 1])
VALS = np.array([1.0, 2.0, 3.0], np.float32)


def test_references_are_registered_by_core_with_priority_zero():
    registry = brainpy.plugins.get_registry("operator_backends")
    for op in (
        "pre2post_event_sum",
        "pre2post_event_prod",
        "pre2post_sum",
        "pre2syn",
        "syn2post_softmax",
        "sparse_matmul",
    ):
        record = registry.get(f"{op}/any/jax")
        assert record.priority == 0
        assert registry.origin(f"{op}/any/jax").distribution == "brainpy-core"
    assert bm.get_op_backend("syn2post_sum") == "jax"


def test_priority_wins_and_choice_is_made_at_trace_time():
    brainpy.plugins.register(Doubling(), name="doubling")
    assert bm.get_op_backend("syn2post_sum") == "doubling"
    Doubling.calls = 0
    f = jax.jit(lambda v: bm.syn2post_sum(v, IDS, 2))
    for _ in range(3):
        np.testing.assert_allclose(f(VALS), [2.0, 10.0])
    assert Doubling.calls == 1  # traced once; the compiled program has no dispatch
    bm.set_op_backend("syn2post_sum", "jax")
    np.testing.assert_allclose(bm.syn2post_sum(VALS, IDS, 2), [1.0, 5.0])
    np.testing.assert_allclose(f(VALS), [2.0, 10.0])  # already compiled: keeps its backend
    bm.set_op_backend("syn2post_sum", None)
    assert bm.get_op_backend("syn2post_sum") == "doubling"


def test_lower_priority_and_other_platform_do_not_win():
    brainpy.plugins.register(Doubling(priority=-1), name="low")
    brainpy.plugins.register(Doubling(priority=50, platform="tpu", name="tpu_only"), name="tpu")
    assert bm.get_op_backend("syn2post_sum") == "jax"
    assert bm.get_op_backend("syn2post_sum", platform="tpu") == "tpu_only"


def test_forcing_all_ops_skips_ops_without_that_backend():
    brainpy.plugins.register(Doubling(priority=-1), name="low")
    bm.set_op_backend(backend="doubling")
    assert bm.get_op_backend("syn2post_sum") == "doubling"
    assert bm.get_op_backend("pre2syn") == "jax"
    bm.set_op_backend(backend=None)
    assert bm.get_op_backend("syn2post_sum") == "jax"


def test_environment_variable(monkeypatch):
    brainpy.plugins.register(Doubling(priority=-1), name="low")
    monkeypatch.setenv("BRAINPY_OP_BACKEND", "doubling")
    assert bm.get_op_backend("syn2post_sum") == "doubling"
    assert bm.get_op_backend("pre2syn") == "jax"
    monkeypatch.setenv("BRAINPY_OP_BACKEND", "pre2syn=jax, syn2post_sum=doubling")
    assert bm.get_op_backend("syn2post_sum") == "doubling"
    bm.set_op_backend("syn2post_sum", "jax")  # the call wins over the environment
    assert bm.get_op_backend("syn2post_sum") == "jax"
    monkeypatch.setenv("BRAINPY_OP_BACKEND", "pre2syn=nonexistent")
    with pytest.raises(MathError, match="BRAINPY_OP_BACKEND"):
        bm.pre2syn(VALS, IDS)


def test_set_op_backend_rejects_unknown_names():
    with pytest.raises(UnknownNameError, match="not an operator"):
        bm.set_op_backend("pre2post_event_summ", "jax")
    with pytest.raises(UnknownNameError, match="Available: .*jax"):
        bm.set_op_backend("syn2post_sum", "cuda_magic")


def test_register_op_needs_a_factory():
    registry = brainpy.plugins.get_registry("operator_backends")
    for key in [k for k in registry if k.startswith("register_op/")]:
        registry.remove(key)
    with pytest.raises(PackageMissingError, match="brainpy-ops"):
        bm.register_op("add", lambda outs, ins: None, out_shapes=lambda *ins: ins)


def test_register_op_argument_errors():
    with pytest.raises(UnsupportedError, match="gpu_func is not supported"):
        bm.register_op("add", lambda outs, ins: None, gpu_func=lambda outs, ins: None, out_shapes=lambda *i: i)
    with pytest.raises(UnsupportedError, match="out_shapes is required"):
        bm.XLACustomOp(lambda outs, ins: None)


def test_core_imports_neither_numba_nor_brainpy_ops():
    code = (
        "import sys, brainpy.math as bm, numpy as np; bm.syn2post_sum(np.ones(2), np.array([0, 1]), 2); "
        "print('numba' in sys.modules, 'brainpy_ops._event' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
