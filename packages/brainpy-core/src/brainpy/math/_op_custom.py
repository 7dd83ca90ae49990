r"""User-written operators: ``bm.register_op`` and ``bm.XLACustomOp``.

The public names live here; the machinery (compiling the user's function with
numba into an XLA FFI handler) lives in the brainpy-ops distribution, which
core never imports. brainpy-ops offers it through the ordinary operator
registry, as the backend of the pseudo-operator ``'register_op'``
(``OperatorBackend(op='register_op', name='numba', platform='any',
impl=<factory>)``), where the factory has the signature
``factory(op_name, cpu_func, gpu_func, out_shapes, apply_cpu_func_to_gpu)``
and returns the jittable operator. A plugin can offer another factory (say a
C++ or GPU one) with a higher priority, and ``bm.set_op_backend('register_op',
...)`` picks one by name, like for any built-in operator.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from brainpy.errors import PackageMissingError, UnsupportedError
from brainpy.math._op_checks import unwrap
from brainpy.math._op_dispatch import _candidates, current_platform, select_backend

__all__ = ["XLACustomOp", "register_op"]

_FACTORY_OP = "register_op"


def _factory() -> Callable[..., Any]:
    if not _candidates(_FACTORY_OP, current_platform()):
        raise PackageMissingError(
            "bm.register_op / bm.XLACustomOp compile numba functions into XLA operators, which needs the "
            "brainpy-ops distribution (and numba). Install it: python3 -m pip install ./packages/brainpy-ops "
            "(with brainpy-core, in one pip call)."
        )
    return select_backend(_FACTORY_OP).impl


class XLACustomOp:
    r"""A jittable operator made from a user's numba-compilable function.

    The function has the fixed signature ``cpu_func(outs, ins)``: ``ins`` is
    the tuple of inputs (arrays; rank-0 inputs are passed as scalars) and
    ``outs`` the output array (one output) or the tuple of output arrays,
    which the function fills in place. It returns nothing. Outputs start
    zero-filled. The function is compiled by numba in nopython mode, once per
    combination of input dtypes and ranks, into a native XLA foreign-function
    handler: calling the operator inside ``jit`` costs no Python.

    Parameters
    ----------
    cpu_func : callable
        ``cpu_func(outs, ins)``, numba-compilable.
    gpu_func : callable, optional
        Not supported (numba cannot launch CUDA kernels from a C callback);
        must be None. See ``apply_cpu_func_to_gpu``.
    out_shapes : ShapedArray, sequence of ShapedArray, or callable
        The outputs' shapes and dtypes (anything with ``.shape`` and
        ``.dtype``, such as ``jax.ShapeDtypeStruct``), or a function
        ``abs_eval(*ins)`` returning them from the inputs' shapes and dtypes.
    name : str, optional
        The operator's name (default: the function's name).
    apply_cpu_func_to_gpu : bool
        On a GPU, copy the inputs to the host, run ``cpu_func`` there and copy
        the outputs back. Default False (an error on GPU).

    Raises
    ------
    brainpy.errors.PackageMissingError
        If brainpy-ops (which provides the compiler) is not installed.
    brainpy.errors.UnsupportedError
        If ``gpu_func`` is given.

    Notes
    -----
    The operator works under ``jit`` and ``vmap`` (a batch runs the function
    once per element); it has no derivative.
    """

    def __init__(
        self,
        cpu_func: Callable[..., None],
        gpu_func: Callable[..., None] | None = None,
        out_shapes: Any = None,
        name: str | None = None,
        apply_cpu_func_to_gpu: bool = False,
    ) -> None:
        if not callable(cpu_func):
            raise UnsupportedError(f"cpu_func must be a function f(outs, ins), got {type(cpu_func).__name__}.")
        if gpu_func is not None:
            raise UnsupportedError(
                "gpu_func is not supported: numba cannot launch CUDA kernels from a C callback. Pass "
                "gpu_func=None and apply_cpu_func_to_gpu=True to run cpu_func on the host when on a GPU."
            )
        if out_shapes is None:
            raise UnsupportedError(
                "out_shapes is required: a ShapedArray/ShapeDtypeStruct, a sequence of them, or a function "
                "abs_eval(*ins) returning them (for example `lambda *ins: ins` when outputs match inputs)."
            )
        self.name = name or getattr(cpu_func, "__name__", "custom_op")
        self.__name__ = self.name
        self.cpu_func = cpu_func
        self.out_shapes = out_shapes
        self.apply_cpu_func_to_gpu = bool(apply_cpu_func_to_gpu)
        self._op = _factory()(self.name, cpu_func, None, out_shapes, self.apply_cpu_func_to_gpu)

    def __call__(self, *ins: Any) -> Any:
        """Run the operator: one array for one output, a list of arrays for several."""
        return self._op(*(unwrap(x) for x in ins))

    def __repr__(self) -> str:
        return f"XLACustomOp(name={self.name!r}, cpu_func={getattr(self.cpu_func, '__name__', self.cpu_func)!r})"


def register_op(
    op_name: str,
    cpu_func: Callable[..., None],
    gpu_func: Callable[..., None] | None = None,
    out_shapes: Any | Sequence[Any] | Callable[..., Any] = None,
    apply_cpu_func_to_gpu: bool = False,
) -> XLACustomOp:
    r"""Converting the numba-jitted function in a Jax/XLA compatible primitive.

    Parameters
    ----------
    op_name : str
        Name of the operator.
    cpu_func : callable
        ``cpu_func(outs, ins)``: fills the outputs from the inputs, returns
        nothing (see :class:`XLACustomOp`).
    gpu_func : callable, optional
        Not supported; must be None.
    out_shapes : ShapedArray, sequence of ShapedArray, or callable
        The outputs' shapes and dtypes, or ``abs_eval(*ins)`` returning them.
    apply_cpu_func_to_gpu : bool
        On a GPU, run ``cpu_func`` on the host. Default False.

    Returns
    -------
    XLACustomOp
        A callable, jittable operator.

    Examples
    --------
    >>> import brainpy.math as bm, jax, jax.numpy as jnp
    >>> def custom_op(outs, ins):
    ...     y, y1 = outs
    ...     x, x2 = ins
    ...     y[:] = x + 1
    ...     y1[:] = x2 + 2
    >>> op = bm.register_op('add', custom_op, out_shapes=lambda *ins: ins)
    >>> z = jnp.ones((1, 2), dtype=jnp.float32)
    >>> jax.jit(op)(z, z)  # doctest: +SKIP
    [Array([[2., 2.]], dtype=float32), Array([[3., 3.]], dtype=float32)]
    """
    return XLACustomOp(
        cpu_func, gpu_func=gpu_func, out_shapes=out_shapes, name=op_name, apply_cpu_func_to_gpu=apply_cpu_func_to_gpu
    )
