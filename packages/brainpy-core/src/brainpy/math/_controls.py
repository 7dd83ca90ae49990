r"""Variable-aware structural control flow: loops and conditionals on ``jax.lax``.

JAX's structural primitives (:func:`jax.lax.scan`, :func:`jax.lax.while_loop`,
:func:`jax.lax.cond`, :func:`jax.lax.switch`) trace their body once, which is
what makes them fast to compile, but they only thread explicit values. The
functions here carry the values of the given Variables (``dyn_vars``) through
the primitive and write the final values back, so bodies may update Variables
in place (``a.value += x``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp

from brainpy.errors import ArgumentTypeError, MathError
from brainpy.math import _varcollect as vc
from brainpy.math._ndarray import JaxArray

__all__ = ["make_loop", "make_while", "make_cond", "cond", "ifelse", "for_loop", "while_loop"]


def _unwrap_tree(tree: Any) -> Any:
    return jax.tree_util.tree_map(vc.unwrap, tree, is_leaf=lambda x: isinstance(x, JaxArray))


def _check_callable(f: Any, what: str) -> None:
    if not callable(f):
        raise ArgumentTypeError(f"{what} must be callable, but got {type(f).__name__}: {f!r}.")


def _out_structure(out_vars: Any) -> tuple[list[JaxArray], Any]:
    """Flatten ``out_vars`` (a Variable or a container of them) into arrays and a treedef."""
    leaves, tree = jax.tree_util.tree_flatten(out_vars, is_leaf=lambda x: isinstance(x, JaxArray))
    for x in leaves:
        if not isinstance(x, JaxArray):
            raise ArgumentTypeError(f"out_vars must hold Variables (JaxArrays), but it holds a {type(x).__name__}.")
    return leaves, tree


def make_loop(body_fun: Callable, dyn_vars: Any, out_vars: Any = None, has_return: bool = False) -> Callable:
    r"""Make a for-loop function over the first axis of its input, carrying Variables.

    ``loop_fun(xs)`` is equivalent to::

        for x in xs:
            results = body_fun(x)        # updates dyn_vars in place
            record(out_vars, results)

    but compiles the body once (:func:`jax.lax.scan`).

    Parameters
    ----------
    body_fun : callable
        ``body_fun(x)``; it may update the Variables of ``dyn_vars`` and return values.
    dyn_vars : Variable, sequence, dict or TensorCollector
        Every Variable the body reads or changes.
    out_vars : Variable or container of Variables, optional
        Variables whose value after each step is recorded.
    has_return : bool
        Whether the body's returns are recorded too.

    Returns
    -------
    callable
        ``loop_fun(xs)`` returning the history of ``out_vars`` (Variables of
        shape ``(len(xs),) + var.shape``, in ``out_vars``' container structure),
        or ``(hist_of_out_vars, hist_of_returns)`` when ``has_return=True``.
        ``xs`` may be an array or a list/tuple/dict of arrays.
    """
    _check_callable(body_fun, "body_fun")
    variables = vc.collect_vars(dyn_vars)
    out_leaves, out_tree = _out_structure(out_vars) if out_vars is not None else ([], None)

    def step(carry: list, x: Any) -> tuple[list, Any]:
        with vc.swapped(variables, carry):
            results = body_fun(x)
            new = [v._value for v in variables]
            recorded = [v._value for v in out_leaves]
            results = _unwrap_tree(results) if has_return else None
        return new, (recorded, results)

    def loop_fun(xs: Any) -> Any:
        new, (hist, returns) = jax.lax.scan(step, [v._value for v in variables], _unwrap_tree(xs))
        vc.write(variables, new)
        if out_tree is not None:
            hist_out = jax.tree_util.tree_unflatten(out_tree, [type(v)(h) for v, h in zip(out_leaves, hist)])
        else:
            hist_out = None
        if has_return:
            returns = jax.tree_util.tree_map(lambda r: JaxArray(r), returns)
            return hist_out, returns
        return hist_out

    return loop_fun


def make_while(cond_fun: Callable, body_fun: Callable, dyn_vars: Any) -> Callable:
    r"""Make a while-loop function carrying Variables (:func:`jax.lax.while_loop`).

    ``loop(x=None)`` runs ``while cond_fun(x): body_fun(x)``, where ``x`` is
    an input that is not iterated, and writes the final Variable values back.

    Parameters
    ----------
    cond_fun : callable
        ``cond_fun(x)`` returning a boolean scalar.
    body_fun : callable
        ``body_fun(x)`` updating Variables in place (its return is ignored).
    dyn_vars : Variable, sequence, dict or TensorCollector
        Every Variable used in ``cond_fun`` and ``body_fun``.
    """
    _check_callable(cond_fun, "cond_fun")
    _check_callable(body_fun, "body_fun")
    variables = vc.collect_vars(dyn_vars)

    def loop(x: Any = None) -> None:
        def c(carry: list) -> Any:
            with vc.swapped(variables, carry):
                return jnp.asarray(vc.unwrap(cond_fun(x))).reshape(())

        def b(carry: list) -> list:
            _, new = vc.call_with(variables, carry, body_fun, x)
            return new

        vc.write(variables, jax.lax.while_loop(c, b, [v._value for v in variables]))

    return loop


def make_cond(true_fun: Callable, false_fun: Callable, dyn_vars: Any = None) -> Callable:
    r"""Make an if-else function carrying Variables (:func:`jax.lax.cond`).

    ``cond(pred, x=None)`` runs ``true_fun(x)`` if ``pred`` else ``false_fun(x)``;
    neither returns a value; Variable updates are kept.

    Parameters
    ----------
    true_fun, false_fun : callable
        The branches, each taking the external input ``x``.
    dyn_vars : Variable, sequence, dict or TensorCollector, optional
        Every Variable the branches use.
    """
    _check_callable(true_fun, "true_fun")
    _check_callable(false_fun, "false_fun")
    variables = vc.collect_vars(dyn_vars)

    def branch(f: Callable) -> Callable:
        def run(carry: list, x: Any) -> list:
            return vc.call_with(variables, carry, f, x)[1]

        return run

    def call(pred: Any, x: Any = None) -> None:
        new = jax.lax.cond(
            vc.unwrap(pred), branch(true_fun), branch(false_fun), [v._value for v in variables], _unwrap_tree(x)
        )
        vc.write(variables, new)

    return call


def _switch(index: Any, branches: Sequence[Any], operands: Any, variables: list[JaxArray]) -> Any:
    def wrap(f: Any) -> Callable:
        def run(carry: list, ops: Any) -> tuple[list, Any]:
            with vc.swapped(variables, carry):
                out = f(ops) if callable(f) else f
                out = _unwrap_tree(out)
                new = [v._value for v in variables]
            return new, out

        return run

    carry = [v._value for v in variables]
    ops = _unwrap_tree(operands)
    if len(branches) == 2 and jnp.ndim(index) == 0 and jnp.asarray(index).dtype == jnp.bool_:
        new, out = jax.lax.cond(index, wrap(branches[0]), wrap(branches[1]), carry, ops)
    else:
        new, out = jax.lax.switch(index, [wrap(f) for f in branches], carry, ops)
    vc.write(variables, new)
    return out


def cond(pred: Any, true_fun: Any, false_fun: Any, operands: Any = None, dyn_vars: Any = None) -> Any:
    r"""Return ``true_fun(operands)`` if ``pred`` else ``false_fun(operands)`` (:func:`jax.lax.cond`).

    Parameters
    ----------
    pred : bool scalar
        The condition (may be traced).
    true_fun, false_fun : callable or value
        The branches (a non-callable branch is returned as is).
    operands : Any, optional
        Passed to the branches.
    dyn_vars : Variable, sequence, dict or TensorCollector, optional
        Variables the branches use or change.
    """
    pred = jnp.asarray(vc.unwrap(pred))
    if pred.shape not in ((), (1,)):
        raise MathError(f"cond() needs a scalar predicate, but got shape {pred.shape}. Use bm.where for arrays.")
    return _switch(pred.reshape(()).astype(bool), [true_fun, false_fun], operands, vc.collect_vars(dyn_vars))


def ifelse(
    conditions: Any, branches: Sequence[Any], operands: Any = None, dyn_vars: Any = None, show_code: bool = False
) -> Any:
    r"""``if``/``elif``/``else`` on (possibly traced) scalar conditions.

    With one condition and two branches it is :func:`cond`. With ``N``
    conditions and ``N + 1`` branches it is equivalent to::

        if conditions[0]: return branches[0](operands)
        elif conditions[1]: return branches[1](operands)
        ...
        else: return branches[N](operands)

    A branch may be a constant instead of a function.

    Parameters
    ----------
    conditions : bool scalar or sequence of them
    branches : sequence of callables or values
    operands : Any, optional
    dyn_vars : Variable, sequence, dict or TensorCollector, optional
    show_code : bool
        Kept for compatibility; no code is generated.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> bm.ifelse([11. > 10, 11. > 5], [1., 2., 3.])
    Array(1., dtype=float32, weak_type=True)
    """
    del show_code
    if not isinstance(branches, (list, tuple)):
        raise ArgumentTypeError(f"branches must be a list or tuple, but got {type(branches).__name__}.")
    variables = vc.collect_vars(dyn_vars)
    if not isinstance(conditions, (list, tuple)):
        conditions = [conditions]
    if len(branches) != len(conditions) + 1:
        raise MathError(
            f"ifelse() needs one more branch than conditions (the last is the 'else'), but got "
            f"{len(conditions)} condition(s) and {len(branches)} branch(es)."
        )
    preds = [jnp.asarray(vc.unwrap(c)).reshape(()).astype(bool) for c in conditions]
    if len(preds) == 1:
        return _switch(preds[0], list(branches), operands, variables)
    index = jnp.argmax(jnp.stack([*preds, jnp.asarray(True)]))
    return _switch(index, list(branches), operands, variables)


def _as_tuple_ops(operands: Any) -> tuple[tuple, bool]:
    if isinstance(operands, (list, tuple)):
        return tuple(operands), True
    return (operands,), False


def for_loop(body_fun: Callable, dyn_vars: Any, operands: Any, reverse: bool = False, unroll: int = 1) -> Any:
    r"""Loop over the first axis of ``operands``, carrying Variables; return the stacked body outputs.

    Equivalent to ``[body_fun(*xs) for xs in zip(*operands)]`` (or
    ``body_fun(x)`` for one array), compiled with :func:`jax.lax.scan`.

    Parameters
    ----------
    body_fun : callable
        Called once per step; it may update Variables of ``dyn_vars``.
    dyn_vars : Variable, sequence, dict or TensorCollector
        Every Variable the body uses.
    operands : array or list/tuple of arrays
        Iterated over their first axis.
    reverse : bool
        Iterate from the end.
    unroll : int
        Steps unrolled per scan iteration.

    Returns
    -------
    Any
        The body outputs stacked along a new first axis (``None`` if it returns nothing).
    """
    _check_callable(body_fun, "body_fun")
    variables = vc.collect_vars(dyn_vars)
    ops, many = _as_tuple_ops(operands)

    def step(carry: list, x: tuple) -> tuple[list, Any]:
        with vc.swapped(variables, carry):
            out = body_fun(*x) if many else body_fun(x[0])
            out = _unwrap_tree(out)
            new = [v._value for v in variables]
        return new, out

    new, outs = jax.lax.scan(step, [v._value for v in variables], _unwrap_tree(ops), reverse=reverse, unroll=unroll)
    vc.write(variables, new)
    return jax.tree_util.tree_map(lambda r: JaxArray(r), outs)


def while_loop(body_fun: Callable, cond_fun: Callable, dyn_vars: Any, operands: Any) -> Any:
    r"""``while cond_fun(*operands): operands = body_fun(*operands)``, carrying Variables.

    Parameters
    ----------
    body_fun : callable
        Takes the operands and returns their new values (same structure), or
        ``None`` when it only updates Variables.
    cond_fun : callable
        Takes the operands and returns a boolean scalar.
    dyn_vars : Variable, sequence, dict or TensorCollector
        Every Variable the functions use.
    operands : Any
        The loop state (a tuple/list is unpacked into the calls).

    Returns
    -------
    Any
        The final operands.
    """
    _check_callable(body_fun, "body_fun")
    _check_callable(cond_fun, "cond_fun")
    variables = vc.collect_vars(dyn_vars)
    ops, many = _as_tuple_ops(operands)
    ops = jax.tree_util.tree_map(jnp.asarray, _unwrap_tree(ops))

    def c(carry: tuple) -> Any:
        vals, o = carry
        with vc.swapped(variables, vals):
            return jnp.asarray(vc.unwrap(cond_fun(*o) if many else cond_fun(o[0]))).reshape(())

    def b(carry: tuple) -> tuple:
        vals, o = carry
        with vc.swapped(variables, vals):
            res = body_fun(*o) if many else body_fun(o[0])
            new = [v._value for v in variables]
        if res is None:
            res_t = o
        else:
            res_t = tuple(res) if many else (res,)
        res_t = jax.tree_util.tree_map(lambda r, x: jnp.asarray(r).astype(x.dtype), _unwrap_tree(res_t), o)
        return new, res_t

    vals, final = jax.lax.while_loop(c, b, ([v._value for v in variables], ops))
    vc.write(variables, vals)
    return tuple(final) if many else final[0]
