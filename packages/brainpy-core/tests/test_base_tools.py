"""brainpy.tools helpers (inventory 1.12)."""

import brainpy as bp
import brainpy.math as bm
import jax
import pytest
from brainpy.tools import checking, others


def test_sizes():
    assert others.to_size(5) == (5,) and others.to_size((2, 3)) == (2, 3) and others.to_size(None) is None
    assert others.size2num((10, 20)) == 200 and others.size2num(7) == 7
    with pytest.raises(ValueError):
        others.to_size("ab")


def test_dictplus():
    d = others.DictPlus(a=1)
    d.b = 2
    assert d.a == 1 and d["b"] == 2
    del d.a
    with pytest.raises(AttributeError):
        d.a


def test_check_shape_consistency_spec_usage():
    unique, free = checking.check_shape_consistency([(5, 3), (5, 4), (5, 1)], -1, True)
    assert unique == (5,) and free == [3, 4, 1]
    assert bp.tools.check_shape_consistency([(None, 2, 3), (None, 2, 4)], -1) == ((None, 2), [3, 4])
    assert checking.check_shape_consistency([(2, 3, 4), (2, 5, 6)], (1, 2)) == ((2,), [(3, 4), (5, 6)])
    assert checking.check_shape_consistency([(2, 3)], -1, False) is None
    with pytest.raises(ValueError, match="agree on every axis"):
        checking.check_shape_consistency([(2, 3), (3, 3)], -1)
    with pytest.raises(ValueError, match="numbers of dimensions"):
        checking.check_shape_consistency([(2, 3), (3,)], -1)
    assert checking.check_shape_broadcastable([(2, 1), (1, 3)]) == (2, 3)
    assert checking.check_shape_except_batch((4, 3), (9, 3))
    with pytest.raises(ValueError):
        checking.check_shape_except_batch((4, 3), (9, 2))


def test_scalar_checks():
    checking.check_float(1.5, "x", min_bound=0.0)
    checking.check_integer(3, "n", max_bound=5)
    checking.check_string("rk4", "method", candidates=["rk4", "euler"])
    checking.check_sequence([1, 2], "seq", elem_type=int)
    checking.check_dict_data({"a": 1}, str, int)
    for bad in (
        lambda: checking.check_float("a", "x"),
        lambda: checking.check_integer(1.5, "n"),
        lambda: checking.check_float(-1.0, "x", min_bound=0.0),
        lambda: checking.check_string("rk5", "m", candidates=["rk4"]),
        lambda: checking.check_sequence(3, "s"),
    ):
        with pytest.raises(ValueError):
            bad()
    with pytest.raises(TypeError):
        checking.check_dict_data([1], str, int)


def test_check_error_in_jit():
    def err(x):
        raise ValueError(f"bad value {x}")

    bp.tools.check_error_in_jit(False, err, 1.0)
    with pytest.raises(ValueError, match="bad value 2.0"):
        bp.tools.check_error_in_jit(True, err, 2.0)

    @jax.jit
    def f(x):
        bp.tools.check_error_in_jit(x > 0, err, x)
        return x * 2

    assert float(f(-1.0)) == -2.0
    with pytest.raises(jax.errors.JaxRuntimeError, match="bad value"):
        jax.block_until_ready(f(1.0))
    assert float(bm.jit(lambda x: x + 1)(1.0)) == 2.0


def test_progress_bar():
    bar = others.init_progress_bar(1.0, 0.1, disable=True)
    assert bar.total == 10
    bar.close()
