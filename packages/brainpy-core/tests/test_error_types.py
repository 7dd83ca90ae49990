"""Bad arguments raise BrainPyError subclasses that keep their builtin base (ValueError/TypeError)."""

from __future__ import annotations

import brainpy
import brainpy as bp
import brainpy.math as bm
import pytest
from brainpy.errors import ArgumentTypeError, InvalidArgumentError, MathError, ModelBuildError


def _var() -> bm.Variable:
    return bm.Variable(bm.zeros(3))


CASES = [
    # brainpy.math transformations
    ("jit-not-callable", lambda: bm.jit(1), ArgumentTypeError, "bm.jit"),
    ("jit-static_argnums", lambda: bm.jit(lambda x: x, static_argnums=("a",)), ArgumentTypeError, "static_argnums"),
    ("jit-static_argnames", lambda: bm.jit(lambda x: x, static_argnames=(1,)), ArgumentTypeError, "static_argnames"),
    ("grad-not-callable", lambda: bm.grad(3), ArgumentTypeError, "bm.grad"),
    ("grad-argnums", lambda: bm.grad(lambda x: x, argnums="0"), ArgumentTypeError, "argnums"),
    ("grad-argnums-negative", lambda: bm.grad(lambda x: x, argnums=(-1,)), ArgumentTypeError, "argnums"),
    ("grad-grad_vars", lambda: bm.grad(lambda: 0.0, grad_vars=3), ArgumentTypeError, "grad_vars"),
    ("grad-grad_vars-elem", lambda: bm.grad(lambda: 0.0, grad_vars=[1.0]), ArgumentTypeError, "grad_vars"),
    ("grad-missing-arg", lambda: bm.grad(lambda x, y: x * y, argnums=1)(1.0), ArgumentTypeError, "argnums"),
    ("vmap-not-callable", lambda: bm.vmap("f"), ArgumentTypeError, "bm.vmap"),
    ("jit-dyn_vars", lambda: bm.jit(lambda: None, dyn_vars=[1.0]), ArgumentTypeError, "dyn_vars"),
    # control flow
    ("cond-pred-shape", lambda: bm.cond(bm.ones(3) > 0, 1.0, 2.0), MathError, "scalar predicate"),
    ("ifelse-branches-type", lambda: bm.ifelse(True, 1.0), ArgumentTypeError, "branches"),
    ("ifelse-branch-count", lambda: bm.ifelse([True], [1.0]), MathError, "branch"),
    ("make_loop-body", lambda: bm.make_loop(1, dyn_vars=[_var()]), ArgumentTypeError, "body_fun"),
    # delays
    ("LengthDelay-len", lambda: bm.LengthDelay(bm.zeros(3), delay_len=-1), MathError, "delay_len"),
    (
        "LengthDelay-callable",
        lambda: bm.LengthDelay(bm.zeros(3), 2, lambda t: 0.0),
        ArgumentTypeError,
        "initial_delay_data",
    ),
    ("LengthDelay-history-shape", lambda: bm.LengthDelay(bm.zeros(3), 2, bm.ones(4)), MathError, "initial history"),
    ("TimeDelay-interp", lambda: bm.TimeDelay(bm.zeros(2), 1.0, interp_method="cubic"), MathError, "interp_method"),
    ("TimeDelay-delay_len-type", lambda: bm.TimeDelay(bm.zeros(2), "1", dt=0.1), ArgumentTypeError, "delay_len"),
    ("TimeDelay-delay_len-neg", lambda: bm.TimeDelay(bm.zeros(2), -1.0, dt=0.1), MathError, "delay_len"),
    ("FixedLenDelay-shape", lambda: bm.compat.FixedLenDelay("a", 1.0), ArgumentTypeError, "shape"),
    ("FixedLenDelay-negative", lambda: bm.compat.FixedLenDelay((2, -1), 1.0), MathError, "shape"),
    # brainpy.base
    ("Function-not-callable", lambda: bp.base.Function(1), ArgumentTypeError, "callable"),
    ("vars-method", lambda: bp.base.Base().vars(method="abs"), InvalidArgumentError, "method"),
    ("nodes-level", lambda: bp.base.Base().nodes(level=1.5), ArgumentTypeError, "level"),
    (
        "register-vars",
        lambda: bp.base.Base().register_implicit_vars({"a": 1.0}),
        ArgumentTypeError,
        "register_implicit_vars",
    ),
    (
        "register-nodes",
        lambda: bp.base.Base().register_implicit_nodes({"a": 1.0}),
        ArgumentTypeError,
        "register_implicit_nodes",
    ),
    (
        "register-not-dict",
        lambda: bp.base.Base().register_implicit_vars([1]),
        ArgumentTypeError,
        "register_implicit_vars",
    ),
    ("collector-assign", lambda: bp.base.TensorCollector(a=_var()).assign([1]), ArgumentTypeError, "assign"),
    ("save-format", lambda: bp.base.Base().save_states("net.xyz"), InvalidArgumentError, "Unknown file format"),
    ("save-not-dict", lambda: bp.base.save_as_npz("net.npz", [1]), ArgumentTypeError, "variables to save"),
    ("save-key", lambda: bp.base.save_as_npz("net.npz", {1: _var()}), ArgumentTypeError, "Keys"),
    # brainpy.tools checks
    ("to_size", lambda: bp.tools.to_size("ten"), InvalidArgumentError, "size"),
    ("check_float", lambda: bp.tools.check_float("a", "tau"), InvalidArgumentError, "tau"),
    ("check_float-min", lambda: bp.tools.check_float(-1.0, "tau", min_bound=0.0), InvalidArgumentError, "tau"),
    ("check_integer-max", lambda: bp.tools.check_integer(5, "num", max_bound=3), InvalidArgumentError, "num"),
    ("check_string", lambda: bp.tools.check_string("x", "mode", ["a", "b"]), InvalidArgumentError, "mode"),
    ("check_sequence", lambda: bp.tools.check_sequence(3, "shape"), InvalidArgumentError, "shape"),
    ("check_dict_data", lambda: bp.tools.check_dict_data([], name="inputs"), ArgumentTypeError, "inputs"),
    ("check_initializer", lambda: bp.tools.check_initializer("x", "w_init"), ArgumentTypeError, "w_init"),
    ("check_connector", lambda: bp.tools.check_connector(None, "conn"), InvalidArgumentError, "conn"),
    ("broadcastable", lambda: bp.tools.check_shape_broadcastable([(2,), (3,)]), ModelBuildError, "broadcast"),
    ("except_batch", lambda: bp.tools.check_shape_except_batch((1, 2), (1, 3)), ModelBuildError, "batch axis"),
]


@pytest.mark.parametrize(("make", "cls", "match"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_argument_raises_brainpy_error(make, cls, match, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(cls, match=match) as info:
        make()
    err = info.value
    assert isinstance(err, brainpy.errors.BrainPyError)
    builtin = TypeError if issubclass(cls, TypeError) else ValueError
    assert isinstance(err, builtin)  # existing `except ValueError/TypeError` keep working


def test_grad_has_aux_needs_pair():
    f = bm.grad(lambda x: x * 2.0, has_aux=True)
    with pytest.raises(ArgumentTypeError, match="has_aux=True") as info:
        f(1.0)
    assert isinstance(info.value, brainpy.errors.BrainPyError)
